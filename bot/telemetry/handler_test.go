package telemetry

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	const token = "s3cr3t-metrics-token"
	tests := []struct {
		name       string
		token      string
		authHeader string
		wantStatus int
	}{
		{"open when no token configured", "", "", http.StatusOK},
		{"open ignores a stray header", "", "Bearer whatever", http.StatusOK},
		{"missing header", token, "", http.StatusUnauthorized},
		{"right token", token, "Bearer " + token, http.StatusOK},
		{"scheme is case-insensitive", token, "bearer " + token, http.StatusOK},
		{"wrong token", token, "Bearer nope", http.StatusUnauthorized},
		{"prefix of the token", token, "Bearer " + token[:len(token)-1], http.StatusUnauthorized},
		{"token with extra suffix", token, "Bearer " + token + "x", http.StatusUnauthorized},
		{"basic scheme", token, "Basic " + token, http.StatusUnauthorized},
		{"bare token without scheme", token, token, http.StatusUnauthorized},
		{"empty bearer", token, "Bearer ", http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMetrics()
			m.CommandHandled("slack", "who", 0)
			srv := httptest.NewServer(m.Handler(tt.token))
			defer srv.Close()

			req, err := http.NewRequest(http.MethodGet, srv.URL+"/metrics", nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.authHeader != "" {
				req.Header.Set("Authorization", tt.authHeader)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status = %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			exposed := strings.Contains(string(body), `attache_commands_total{platform="slack",verb="who"} 1`)
			if tt.wantStatus == http.StatusOK && !exposed {
				t.Errorf("body lacks the command counter:\n%s", body)
			}
			if tt.wantStatus != http.StatusOK {
				if exposed || strings.Contains(string(body), "attache_") {
					t.Errorf("unauthorized response exposes metrics:\n%s", body)
				}
				if resp.Header.Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
			}
		})
	}
}

func TestNilMetricsHandler(t *testing.T) {
	var m *Metrics
	rec := httptest.NewRecorder()
	m.Handler("").ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("status = %d, want 404", rec.Code)
	}
}
