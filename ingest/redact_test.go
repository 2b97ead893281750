package ingest

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// TestErrorsHideURLPassword: a source URL's password or query token never
// appears in a Read error, whichever step fails; errors are logged and shown in the
// `feeds` status.
func TestErrorsHideURLPassword(t *testing.T) {
	big := strings.Repeat("x", 2048)
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/status": func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) },
		"/big": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.(http.Flusher).Flush() // no Content-Length: the limit trips while reading
			_, _ = w.Write([]byte(big))
		},
		"/notpage": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/png")
			_, _ = w.Write([]byte("\x89PNG"))
		},
	})
	f := NewFetcher(Options{MaxBytes: 1024})
	for _, path := range []string{"/status", "/big", "/notpage"} {
		t.Run(path, func(t *testing.T) {
			for _, source := range []string{
				strings.Replace(srv.URL, "http://", "http://reader:s3cr3t@", 1) + path,
				srv.URL + path + "?apikey=s3cr3t&page=1",
				srv.URL + path + "?access_token=s3cr3t",
			} {
				_, err := f.Read(context.Background(), source, Validators{})
				if err == nil {
					t.Fatal("Read succeeded, want an error")
				}
				if strings.Contains(err.Error(), "s3cr3t") {
					t.Errorf("error shows the credential: %v", err)
				}
			}
		})
	}
}
