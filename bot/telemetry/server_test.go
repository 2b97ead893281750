package telemetry

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestServeSeparateListener(t *testing.T) {
	m := NewMetrics()
	m.DigestPosted("matrix")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Serve(ctx, ln, "tok") }()

	get := func(path, auth string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, base+path, nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	tests := []struct {
		path, auth string
		wantCode   int
		wantBody   string
	}{
		{MetricsPath, "Bearer tok", http.StatusOK, `attache_digests_posted_total{platform="matrix"} 1`},
		{MetricsPath, "", http.StatusUnauthorized, "unauthorized"},
		{"/healthz", "Bearer tok", http.StatusNotFound, ""},
		{"/metrics/extra", "Bearer tok", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		code, body := get(tt.path, tt.auth)
		if code != tt.wantCode || !strings.Contains(body, tt.wantBody) {
			t.Errorf("GET %s (%q) = %d %.80q, want %d containing %q", tt.path, tt.auth, code, body, tt.wantCode, tt.wantBody)
		}
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve returned %v after cancel, want nil", err)
		}
	case <-time.After(metricsShutdownGrace + time.Second):
		t.Fatal("Serve did not return after its context ended")
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("listener still accepts connections after shutdown")
	}
}

func TestListenAndServeBadAddress(t *testing.T) {
	err := NewMetrics().ListenAndServe(context.Background(), "127.0.0.1:notaport", "")
	if err == nil || !strings.Contains(err.Error(), "metrics listen 127.0.0.1:notaport") {
		t.Errorf("err = %v, want a listen error naming the address", err)
	}
}
