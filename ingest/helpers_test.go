package ingest

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// testServer is an httptest server on 127.0.0.1 that counts requests per
// path, so tests can tell what was (and was not) fetched.
type testServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newTestServer(t *testing.T, routes map[string]http.HandlerFunc) *testServer {
	t.Helper()
	s := &testServer{hits: map[string]int{}}
	mux := http.NewServeMux()
	for pattern, h := range routes {
		mux.HandleFunc(pattern, h)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *testServer) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// fixture reads a testdata file.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// serveFixture answers with a testdata file, {{BASE}} replaced by the
// server's own URL, under the given Content-Type ("" sends none).
func serveFixture(t *testing.T, name, contentType string) http.HandlerFunc {
	body := fixture(t, name)
	return func(w http.ResponseWriter, r *http.Request) {
		out := bytes.ReplaceAll(body, []byte("{{BASE}}"), []byte("http://"+r.Host))
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		} else {
			w.Header()["Content-Type"] = nil // keep net/http from sniffing one
		}
		_, _ = w.Write(out)
	}
}

var fixedNow = time.Date(2016, 10, 8, 12, 0, 0, 0, time.UTC)

// testFetcher is a Fetcher with short bounds and a fixed clock.
func testFetcher(o Options) *Fetcher {
	if o.Timeout == 0 {
		o.Timeout = 5 * time.Second
	}
	o.Now = func() time.Time { return fixedNow }
	return NewFetcher(o)
}

func read(t *testing.T, f *Fetcher, source string) Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	res, err := f.Read(ctx, source, Validators{})
	if err != nil {
		t.Fatalf("Read(%s): %v", source, err)
	}
	return res
}
