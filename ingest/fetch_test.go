package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"
)

func TestReadHTMLPage(t *testing.T) {
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/story": serveFixture(t, "pages/article.html", "text/html; charset=utf-8"),
		"/moved": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/story", http.StatusMovedPermanently)
		},
	})
	res := read(t, testFetcher(Options{}), srv.URL+"/moved")
	if res.Kind != KindPage || len(res.Articles) != 1 {
		t.Fatalf("kind %q, %d articles", res.Kind, len(res.Articles))
	}
	a := res.Articles[0]
	if a.URL != srv.URL+"/story" || a.GUID != a.URL || a.Source != srv.URL+"/moved" {
		t.Errorf("URL %q GUID %q Source %q: want the final URL and the source as given", a.URL, a.GUID, a.Source)
	}
	if a.Title != "Ayrault presses Moscow on Aleppo truce" || a.Feed != "The Diplomatic Wire" {
		t.Errorf("title %q, feed %q", a.Title, a.Feed)
	}
	if !a.Published.Equal(time.Date(2016, 10, 6, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("published %v", a.Published)
	}
	paras := strings.Split(a.Body, "\n\n")
	if len(paras) < 5 || !strings.HasPrefix(paras[len(paras)-1], "UN envoy Staffan de Mistura") {
		t.Errorf("want the article's paragraphs, got %d:\n%s", len(paras), a.Body)
	}
	for _, junk := range []string{"Subscribe", "Related stories", "Cookie policy", "Home"} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("boilerplate %q in body", junk)
		}
	}
}

// The accented sentence every encoding fixture carries.
const frenchQuote = "Jean-Marc Ayrault a déclaré à Genève : « La France ne lâchera rien »"

func TestCharsets(t *testing.T) {
	tests := []struct {
		name, fixture, contentType string
		want                       []string
		wantAbsent                 []string
	}{
		{name: "feed, XML prolog ISO-8859-1", fixture: "feeds/latin1.xml", contentType: "application/rss+xml",
			want: []string{frenchQuote, "Revue de presse été"}},
		{name: "feed, charset in Content-Type only", fixture: "feeds/latin1_noprolog.xml", contentType: "application/rss+xml; charset=ISO-8859-1",
			want: []string{frenchQuote}},
		{name: "feed, header charset wins over a wrong prolog", fixture: "feeds/utf8_wrong_prolog.xml", contentType: "text/xml; charset=utf-8",
			want: []string{frenchQuote}, wantAbsent: []string{"Ã"}},
		{name: "page, header charset wins over a wrong meta", fixture: "pages/utf8_wrong_meta.html", contentType: "text/html; charset=UTF-8",
			want: []string{frenchQuote}, wantAbsent: []string{"Ã"}},
		{name: "page, meta http-equiv windows-1252", fixture: "pages/cp1252_meta.html", contentType: "text/html",
			want: []string{frenchQuote, "\u201cC'est une question de cœur et de raison.\u201d", "Ayrault à Genève"}},
		{name: "page, charset in Content-Type", fixture: "pages/latin1_nodecl.html", contentType: "text/html; charset=iso-8859-1",
			want: []string{frenchQuote}},
		{name: "page, undeclared Latin-1 is guessed", fixture: "pages/latin1_nodecl.html", contentType: "text/html",
			want: []string{frenchQuote}},
		{name: "page, UTF-16 with BOM", fixture: "pages/utf16.html", contentType: "text/html",
			want: []string{frenchQuote}},
		{name: "page, undeclared UTF-8 with a stray byte", fixture: "pages/broken_utf8.html", contentType: "text/html",
			want:       []string{"« La France ne \uFFFDlâchera rien »", "Jean-Marc Ayrault a déclaré à Genève"},
			wantAbsent: []string{"Ã"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newTestServer(t, map[string]http.HandlerFunc{"/doc": serveFixture(t, tt.fixture, tt.contentType)})
			res := read(t, testFetcher(Options{}), srv.URL+"/doc")
			if len(res.Articles) != 1 {
				t.Fatalf("%d articles", len(res.Articles))
			}
			a := res.Articles[0]
			all := a.Feed + "\n" + a.Title + "\n" + a.Body
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("missing %q in\n%s", w, all)
				}
			}
			for _, w := range tt.wantAbsent {
				if strings.Contains(all, w) {
					t.Errorf("mojibake %q in\n%s", w, all)
				}
			}
		})
	}
}

func TestOversizeBody(t *testing.T) {
	big := strings.Repeat("<p>padding</p>", 1000) // 14 000 bytes
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/announced": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Length", fmt.Sprint(len(big)))
			_, _ = w.Write([]byte(big))
		},
		"/chunked": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for i := 0; i < 10; i++ { // no Content-Length: the limit must hold while reading
				_, _ = w.Write([]byte(big[:1400]))
				w.(http.Flusher).Flush()
			}
		},
		"/small": serveFixture(t, "pages/article.html", "text/html"),
	})
	f := testFetcher(Options{MaxBytes: 4096})
	sources := []string{srv.URL + "/announced", srv.URL + "/small", srv.URL + "/chunked"}
	articles, errs := ReadAll(context.Background(), f, sources)
	if len(articles) != 1 || articles[0].Source != srv.URL+"/small" {
		t.Errorf("want only the small page's article, got %d", len(articles))
	}
	if len(errs) != 2 {
		t.Fatalf("want 2 errors, got %v", errs)
	}
	for i, err := range errs {
		src := []string{sources[0], sources[2]}[i]
		if !errors.Is(err, ErrTooLarge) || Reason(err) != "too_large" || !strings.Contains(err.Error(), src) {
			t.Errorf("error %q: want ErrTooLarge naming %s", err, src)
		}
	}
}

func TestRedirectLimit(t *testing.T) {
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/loop": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) },
		"/hop/": func(w http.ResponseWriter, r *http.Request) {
			var n int
			fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
			if n == 0 {
				serveFixture(t, "pages/article.html", "text/html")(w, r)
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
		},
		"/away": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "ftp://example.org/x", http.StatusFound)
		},
	})
	tests := []struct {
		name       string
		max        int
		path       string
		wantReason string
	}{
		{"loop", 0, "/loop", "too_many_redirects"},
		{"three hops within a limit of three", 3, "/hop/3", ""},
		{"three hops over a limit of two", 2, "/hop/3", "too_many_redirects"},
		{"no redirects allowed", -1, "/hop/1", "too_many_redirects"},
		{"redirect to another scheme", 0, "/away", "unsupported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := testFetcher(Options{MaxRedirects: tt.max}).Read(context.Background(), srv.URL+tt.path, Validators{})
			if got := Reason(err); got != tt.wantReason {
				t.Errorf("reason %q (err %v), want %q", got, err, tt.wantReason)
			}
		})
	}
	if n := srv.count("/loop"); n != DefaultMaxRedirects+1 {
		t.Errorf("loop requested %d times, want %d", n, DefaultMaxRedirects+1)
	}
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/hang": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-release:
			}
		},
		"/slow-body": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write([]byte("<html><body><p>first bytes"))
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
			case <-release:
			}
		},
	})
	// Close is registered after the server's, so it runs first: handlers
	// return and the server can shut down.
	t.Cleanup(func() { close(release) })

	f := testFetcher(Options{Timeout: 200 * time.Millisecond})
	for _, path := range []string{"/hang", "/slow-body"} {
		start := time.Now()
		_, err := f.Read(context.Background(), srv.URL+path, Validators{})
		if Reason(err) != "timeout" {
			t.Errorf("%s: reason %q (err %v), want timeout", path, Reason(err), err)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s: returned after %v with a 200ms timeout", path, d)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := testFetcher(Options{}).Read(ctx, srv.URL+"/hang", Validators{})
	if Reason(err) != "canceled" {
		t.Errorf("canceled context: reason %q (err %v)", Reason(err), err)
	}
}

func TestConditionalGET(t *testing.T) {
	const etag, lastMod = `"v1"`, "Sat, 08 Oct 2016 10:00:00 GMT"
	feed := fixture(t, "feeds/rss_full.xml")
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/feed": func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified) // validators omitted, as servers may
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", lastMod)
			w.Header().Set("Content-Type", "application/rss+xml")
			_, _ = w.Write(feed)
		},
		"/by-date": func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-Modified-Since") == lastMod {
				w.Header().Set("Last-Modified", lastMod)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Last-Modified", lastMod)
			w.Header().Set("Content-Type", "application/rss+xml")
			_, _ = w.Write(feed)
		},
	})
	f := testFetcher(Options{})
	ctx := context.Background()

	first, err := f.Read(ctx, srv.URL+"/feed", Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || len(first.Articles) != 2 || first.ETag != etag || first.LastModified != lastMod {
		t.Fatalf("first read: %+v", first)
	}
	second, err := f.Read(ctx, srv.URL+"/feed", Validators{ETag: first.ETag, LastModified: first.LastModified})
	if err != nil {
		t.Fatal(err)
	}
	if !second.NotModified || len(second.Articles) != 0 || second.ETag != etag || second.LastModified != lastMod {
		t.Errorf("conditional read: %+v; want NotModified with the validators kept", second)
	}

	byDate, err := f.Read(ctx, srv.URL+"/by-date", Validators{LastModified: lastMod})
	if err != nil || !byDate.NotModified || byDate.LastModified != lastMod || byDate.ETag != "" {
		t.Errorf("If-Modified-Since: %+v, %v", byDate, err)
	}
}

func TestRefusePrivate(t *testing.T) {
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/feed": serveFixture(t, "feeds/rss_full.xml", "application/rss+xml"),
	})
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	f := testFetcher(Options{RefusePrivate: true})
	// By address, and by a name that resolves to loopback: the check runs on
	// the resolved address at dial time, not on the URL.
	for _, source := range []string{srv.URL + "/feed", "http://localhost:" + port + "/feed"} {
		_, err := f.Read(context.Background(), source, Validators{})
		if !errors.Is(err, ErrPrivateAddress) || Reason(err) != "private_address" {
			t.Errorf("%s: err %v, want ErrPrivateAddress", source, err)
		}
	}
	if n := srv.count("/feed"); n != 0 {
		t.Errorf("refused server was reached %d times", n)
	}
	// Off (the default for configured sources), the same server is read.
	if res := read(t, testFetcher(Options{}), srv.URL+"/feed"); len(res.Articles) != 2 {
		t.Errorf("with RefusePrivate off: %d articles", len(res.Articles))
	}
}

func TestIsPublic(t *testing.T) {
	tests := map[string]bool{
		"8.8.8.8":              true,
		"2001:4860:4860::8888": true,
		"93.184.216.34":        true,
		"127.0.0.1":            false,
		"127.8.9.10":           false,
		"::1":                  false,
		"::ffff:127.0.0.1":     false,
		"::ffff:10.1.2.3":      false,
		"10.0.0.1":             false,
		"172.16.5.4":           false,
		"192.168.1.1":          false,
		"169.254.169.254":      false, // cloud metadata
		"fe80::1":              false,
		"fd00::1":              false,
		"0.0.0.0":              false,
		"::":                   false,
		"100.64.0.1":           false,
		"224.0.0.1":            false,
		"ff02::1":              false,
		"64:ff9b::a00:1":       false,
		"255.255.255.255":      false,
	}
	for s, want := range tests {
		if got := IsPublic(netip.MustParseAddr(s)); got != want {
			t.Errorf("IsPublic(%s) = %v, want %v", s, got, want)
		}
	}
}

func TestHTTPErrors(t *testing.T) {
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/error": func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) },
		"/image": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/png")
			_, _ = w.Write([]byte("\x89PNG\r\n\x1a\n"))
		},
		"/empty-page": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write([]byte("<html><head><title>x</title></head><body></body></html>"))
		},
	})
	f := testFetcher(Options{})
	_, err := f.Read(context.Background(), srv.URL+"/error", Validators{})
	var status *StatusError
	if !errors.As(err, &status) || status.Code != 500 || Reason(err) != "http_status" {
		t.Errorf("500: %v", err)
	}
	_, err = f.Read(context.Background(), srv.URL+"/image", Validators{})
	if Reason(err) != "unsupported" || !strings.Contains(err.Error(), "image/png") {
		t.Errorf("image: %v", err)
	}
	_, err = f.Read(context.Background(), srv.URL+"/empty-page", Validators{})
	if Reason(err) != "parse" {
		t.Errorf("empty page: %v", err)
	}
	_, err = f.Read(context.Background(), "http://127.0.0.1:1/unreachable", Validators{})
	if Reason(err) != "network" {
		t.Errorf("closed port: reason %q, err %v", Reason(err), err)
	}
}

func TestPlainTextURL(t *testing.T) {
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/a.txt": serveFixture(t, "local/01-aleppo.txt", "text/plain; charset=utf-8"),
	})
	res := read(t, testFetcher(Options{}), srv.URL+"/a.txt")
	if len(res.Articles) != 1 || res.Articles[0].Title != "France makes new push for Aleppo ceasefire" {
		t.Fatalf("%+v", res.Articles)
	}
}

func TestUserAgent(t *testing.T) {
	var got string
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/feed": func(w http.ResponseWriter, r *http.Request) {
			got = r.Header.Get("User-Agent")
			serveFixture(t, "feeds/rss_full.xml", "application/rss+xml")(w, r)
		},
	})
	read(t, testFetcher(Options{UserAgent: "attache-test/1"}), srv.URL+"/feed")
	if got != "attache-test/1" {
		t.Errorf("User-Agent %q", got)
	}
}

func TestGzipIsDecodedAndLimited(t *testing.T) {
	page := fixture(t, "pages/article.html")
	bomb := bytes.Repeat([]byte("<p>padding padding padding</p>"), 10_000) // 300 KB, compresses ~300:1
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		w := gzip.NewWriter(&buf)
		_, _ = w.Write(b)
		_ = w.Close()
		return buf.Bytes()
	}
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/page": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write(gz(page))
		},
		"/bomb": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write(gz(bomb))
		},
	})
	f := testFetcher(Options{MaxBytes: 64 << 10})
	if res := read(t, f, srv.URL+"/page"); !strings.Contains(res.Articles[0].Body, "Guernica") {
		t.Errorf("gzip page body: %q", res.Articles[0].Body)
	}
	if _, err := f.Read(context.Background(), srv.URL+"/bomb", Validators{}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("the limit must apply to decoded bytes: %v", err)
	}
}

func TestUntrustedSources(t *testing.T) {
	f := testFetcher(Options{RefusePrivate: true})
	for _, source := range []string{"testdata/local/01-aleppo.txt", "/etc/hostname", "file:///etc/hostname", "ftp://example.org/feed"} {
		_, err := f.Read(context.Background(), source, Validators{})
		if Reason(err) != "unsupported" {
			t.Errorf("%s: err %v, want unsupported", source, err)
		}
	}
	_, err := f.Read(context.Background(), "http://user:secret@127.0.0.1:1/feed", Validators{})
	if err == nil || strings.Contains(err.Error(), "secret") {
		t.Errorf("password leaked into %v", err)
	}
}
