package ingest

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/attache-bot/attache/internal/urlsafe"
)

// Defaults used for zero Options fields.
const (
	DefaultTimeout        = 30 * time.Second
	DefaultMaxBytes       = 5 << 20 // 5 MiB
	DefaultMaxRedirects   = 5
	DefaultUserAgent      = "attache/1 (+https://github.com/attache-bot/attache)"
	DefaultMaxPageFetches = 30
)

// parallel is how many fetches one call runs at once: enough to hide
// latency, few enough to be polite to one site and light on a small host.
const parallel = 4

// Options tune a Fetcher. The zero value is usable: every zero field takes
// its default.
type Options struct {
	// Timeout bounds one HTTP exchange, body included (DefaultTimeout).
	Timeout time.Duration
	// MaxBytes bounds an HTTP body (after gzip decoding) and a local file
	// (DefaultMaxBytes). Larger ones fail with ErrTooLarge.
	MaxBytes int64
	// MaxRedirects is how many redirects one request may follow
	// (DefaultMaxRedirects); negative follows none.
	MaxRedirects int
	// UserAgent is sent with every request (DefaultUserAgent).
	UserAgent string
	// RefusePrivate refuses connections to loopback, private, link-local and
	// other non-public addresses with ErrPrivateAddress. The check runs on
	// the resolved address of every connection, redirects included, so
	// neither a redirect nor DNS rebinding gets around it; environment
	// proxies are not used when it is on, since the proxy would make the
	// connection instead. It also refuses local paths, which an untrusted
	// source must not reach either. Off suits configured sources; turn it on
	// for URLs that chat users submit.
	RefusePrivate bool
	// MaxPageFetches bounds how many linked pages one feed read fetches for
	// summary-only items (DefaultMaxPageFetches); the rest keep their
	// summary. Negative fetches none.
	MaxPageFetches int
	// Known, when set, is asked about every item of a feed read over HTTP
	// before its page is fetched; items it reports as already stored are
	// left out of the result, which spares re-fetching their pages on every
	// poll.
	Known func(Article) bool
	// Now stamps Article.Fetched (time.Now).
	Now func() time.Time
}

// Fetcher reads sources. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client
}

// Validators are the HTTP cache validators of a previous fetch of the same
// URL, sent as If-None-Match and If-Modified-Since (conditional GET).
type Validators struct {
	ETag         string
	LastModified string
}

// NewFetcher returns a Fetcher with o's zero fields set to their defaults.
func NewFetcher(o Options) *Fetcher {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	switch {
	case o.MaxRedirects == 0:
		o.MaxRedirects = DefaultMaxRedirects
	case o.MaxRedirects < 0:
		o.MaxRedirects = 0
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	switch {
	case o.MaxPageFetches == 0:
		o.MaxPageFetches = DefaultMaxPageFetches
	case o.MaxPageFetches < 0:
		o.MaxPageFetches = 0
	}
	if o.Now == nil {
		o.Now = time.Now
	}

	dialer := &net.Dialer{Timeout: o.Timeout, KeepAlive: 30 * time.Second}
	proxy := http.ProxyFromEnvironment
	if o.RefusePrivate {
		dialer.Control = refusePrivate
		proxy = nil
	}
	transport := &http.Transport{
		Proxy:                 proxy,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          20,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	maxRedirects := o.MaxRedirects
	client := &http.Client{
		Transport: transport,
		Timeout:   o.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("%w (limit %d)", ErrTooManyRedirects, maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("%w: redirect to %s", ErrUnsupported, urlsafe.Redact(req.URL.String()))
			}
			return nil
		},
	}
	return &Fetcher{opts: o, client: client}
}

// response is one fetched HTTP body.
type response struct {
	URL          string // final URL, after redirects
	ContentType  string
	Body         []byte
	NotModified  bool
	ETag         string
	LastModified string
}

// get fetches rawURL, honouring the size limit and the validators.
func (f *Fetcher) get(ctx context.Context, rawURL string, v Validators) (response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return response{}, fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, application/xhtml+xml;q=0.8, text/plain;q=0.5, */*;q=0.1")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()

	r := response{
		URL:          resp.Request.URL.String(),
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		// A 304 may omit validators that did not change; keep the old ones
		// so the next poll is conditional too.
		r.NotModified = true
		if r.ETag == "" {
			r.ETag = v.ETag
		}
		if r.LastModified == "" {
			r.LastModified = v.LastModified
		}
		return r, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return response{}, &StatusError{URL: urlsafe.Redact(resp.Request.URL.String()), Code: resp.StatusCode}
	}
	r.Body, err = readLimited(resp.Body, resp.ContentLength, f.opts.MaxBytes)
	if err != nil {
		// Redacted: errors are logged and shown in the source status.
		return response{}, fmt.Errorf("GET %s: %w", urlsafe.Redact(resp.Request.URL.String()), err)
	}
	return r, nil
}

// readLimited reads at most limit bytes, failing with ErrTooLarge beyond
// that. size is the announced length (-1 when unknown), which lets an
// honest oversize answer fail before any of it is read.
func readLimited(r io.Reader, size, limit int64) ([]byte, error) {
	if size > limit {
		return nil, fmt.Errorf("%w: %d bytes announced, limit %d", ErrTooLarge, size, limit)
	}
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return body, nil
}

// isHTTPURL reports whether source is an http(s) URL with a host.
func isHTTPURL(source string) bool {
	u, err := url.Parse(source)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
