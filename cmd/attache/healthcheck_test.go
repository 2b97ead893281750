package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestHealthcheck(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	mux.HandleFunc("/sick", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "store: ping: database is locked", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/healthz", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	// A port that was just free: nothing listens there.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/healthz"
	l.Close()

	tests := []struct {
		name       string
		args       []string
		envURL     string // ATTACHE_HEALTHCHECK_URL
		wantCode   int
		wantStderr string
	}{
		{"healthy", []string{"--url", srv.URL + "/healthz"}, "", exitOK, ""},
		{"healthy from env", nil, srv.URL + "/healthz", exitOK, ""},
		{"flag wins over env", []string{"-url", srv.URL + "/healthz"}, closed, exitOK, ""},
		{"503 with reason", []string{"--url", srv.URL + "/sick"}, "", exitFailure, "503 Service Unavailable: store: ping: database is locked"},
		{"redirect is not health", []string{"--url", srv.URL + "/moved"}, "", exitFailure, "302 Found"},
		{"not found", []string{"--url", srv.URL + "/nope"}, "", exitFailure, "404"},
		{"nothing listening", []string{"--url", closed}, "", exitFailure, "connection refused"},
		{"timeout", []string{"--url", srv.URL + "/slow"}, "", exitFailure, "deadline exceeded"},
		{"bad scheme", []string{"--url", "ftp://127.0.0.1/healthz"}, "", exitFailure, "invalid URL"},
		{"not a URL", []string{"--url", "127.0.0.1:8080"}, "", exitFailure, "invalid URL"},
		{"unknown flag", []string{"--port", "8080"}, "", exitUsage, "flag provided but not defined"},
		{"stray argument", []string{"--url", srv.URL + "/healthz", "extra"}, "", exitUsage, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("ATTACHE_HEALTHCHECK_URL", tt.envURL)
			var stdout, stderr bytes.Buffer
			start := time.Now()
			code := dispatch(context.Background(), stdio{in: strings.NewReader(""), out: &stdout, err: &stderr},
				append([]string{"healthcheck"}, tt.args...))
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.wantCode, stderr.String())
			}
			if tt.wantStderr != "" && !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.wantStderr)
			}
			if tt.wantStderr == "" && stderr.Len() > 0 {
				t.Errorf("unexpected stderr %q", stderr.String())
			}
			// The probe must give up well inside the HEALTHCHECK timeout.
			if elapsed := time.Since(start); elapsed > healthcheckTimeout+2*time.Second {
				t.Errorf("took %v", elapsed)
			}
		})
	}
}

func TestHealthURLFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{nil, "http://127.0.0.1:8080/healthz"},
		{map[string]string{"ATTACHE_HTTP_LISTEN": ":9090"}, "http://127.0.0.1:9090/healthz"},
		{map[string]string{"ATTACHE_HTTP_LISTEN": "0.0.0.0:9091"}, "http://127.0.0.1:9091/healthz"},
		{map[string]string{"ATTACHE_HTTP_LISTEN": "[::]:9092"}, "http://127.0.0.1:9092/healthz"},
		{map[string]string{"ATTACHE_HTTP_LISTEN": "127.0.0.5:9093"}, "http://127.0.0.5:9093/healthz"},
		{map[string]string{"ATTACHE_HTTP_LISTEN": "[::1]:9094"}, "http://[::1]:9094/healthz"},
		{map[string]string{"ATTACHE_HTTP_LISTEN": "garbage"}, "http://127.0.0.1:8080/healthz"},
		{map[string]string{"ATTACHE_HTTP_LISTEN": ":9095", "ATTACHE_HEALTHCHECK_URL": "http://127.0.0.9:1/x"}, "http://127.0.0.9:1/x"},
	}
	for _, tt := range tests {
		if got := healthURLFromEnv(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("env %v: %q, want %q", tt.env, got, tt.want)
		}
	}
}
