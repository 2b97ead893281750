package ingest

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/attache-bot/attache/internal/urlsafe"
)

// Result is what one read of a source produced.
type Result struct {
	Articles []Article
	// NotModified: the server answered 304 to the validators given; there
	// are no articles.
	NotModified bool
	// ETag and LastModified are the validators to send next time (HTTP
	// sources only; on 304 they carry over the previous ones).
	ETag, LastModified string
	// Kind is "feed", "page", "file" or "dir".
	Kind string
	// Errors lists the files of a directory that could not be read, each
	// naming its path; the directory's other files are still in Articles.
	Errors []error
}

// Kinds of source, as reported in Result.Kind.
const (
	KindFeed = "feed"
	KindPage = "page"
	KindFile = "file"
	KindDir  = "dir"
)

// Read reads one source. An http(s) URL is fetched and read as a feed or an
// HTML page (decided by Content-Type and content); anything else is a local
// file or directory. Errors name the source and wrap this package's
// sentinel errors (see Reason).
func (f *Fetcher) Read(ctx context.Context, source string, v Validators) (Result, error) {
	var (
		res Result
		err error
	)
	switch {
	case isHTTPURL(source):
		res, err = f.readURL(ctx, source, v)
	case f.opts.RefusePrivate:
		err = fmt.Errorf("%w: only http(s) URLs are accepted", ErrUnsupported)
	default:
		res, err = f.readLocal(ctx, source)
	}
	if err != nil {
		return Result{}, fmt.Errorf("ingest: %s: %w", redact(source), err)
	}
	for i := range res.Articles {
		res.Articles[i].Body = stripBoilerplate(res.Articles[i].Body)
	}
	return res, nil
}

// redact hides the credentials of a source URL (user info, ?apikey= and
// the like), so errors can be logged and shown in chat.
func redact(source string) string {
	if isHTTPURL(source) {
		return urlsafe.Redact(source)
	}
	return source
}

// ReadAll reads every source, a few at a time, and returns their articles
// in source order. A source that fails adds an error naming it and does not
// stop the others. It reads without validators: it is for one-shot
// commands, not the poller.
func ReadAll(ctx context.Context, f *Fetcher, sources []string) ([]Article, []error) {
	results := make([]Result, len(sources))
	errs := make([]error, len(sources))
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	for i, src := range sources {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			results[i], errs[i] = f.Read(ctx, src, Validators{})
		}()
	}
	wg.Wait()

	var articles []Article
	var failures []error
	for i := range sources {
		articles = append(articles, results[i].Articles...)
		failures = append(failures, results[i].Errors...)
		if errs[i] != nil {
			failures = append(failures, errs[i])
		}
	}
	return articles, failures
}

// readURL fetches a URL and reads it as a feed or a page.
func (f *Fetcher) readURL(ctx context.Context, source string, v Validators) (Result, error) {
	resp, err := f.get(ctx, source, v)
	if err != nil {
		return Result{}, err
	}
	res := Result{NotModified: resp.NotModified, ETag: resp.ETag, LastModified: resp.LastModified}
	if resp.NotModified {
		return res, nil
	}
	fetched := f.opts.Now()
	if isFeed(resp.Body, resp.ContentType) || isFeedType(resp.ContentType) {
		res.Kind = KindFeed
		res.Articles, err = f.readFeed(ctx, resp, source, fetched)
		return res, err
	}

	var p page
	switch {
	case looksHTML(resp.Body, resp.ContentType):
		p, err = parsePage(resp.Body, resp.ContentType, resp.URL)
	case isPlainText(resp.ContentType):
		p.Title, p.Body = parseText(toUTF8(resp.Body, resp.ContentType, markupNone))
		if p.Title == "" {
			err = fmt.Errorf("%w: empty text", ErrParse)
		}
	default:
		err = fmt.Errorf("%w: content type %q is neither a feed nor an HTML page", ErrUnsupported, resp.ContentType)
	}
	if err != nil {
		return Result{}, err
	}
	if p.SiteName == "" {
		p.SiteName = hostOf(resp.URL)
	}
	res.Kind = KindPage
	res.Articles = []Article{{
		URL:       resp.URL,
		GUID:      resp.URL,
		Source:    source,
		Feed:      p.SiteName,
		Title:     p.Title,
		Body:      p.Body,
		Published: p.Published,
		Fetched:   fetched,
	}}
	return res, nil
}

// readFeed turns a fetched feed into articles, leaving out the items Known
// reports and filling summary-only items from their pages.
func (f *Fetcher) readFeed(ctx context.Context, resp response, source string, fetched time.Time) ([]Article, error) {
	feed, err := parseFeed(resp.Body, resp.ContentType)
	if err != nil {
		return nil, err
	}
	items := itemArticles(feed, source, resp.URL, fetched)
	if f.opts.Known != nil {
		kept := items[:0]
		for _, it := range items {
			if !f.opts.Known(it.Article) {
				kept = append(kept, it)
			}
		}
		items = kept
	}
	f.fillFromPages(ctx, items)
	return articlesOf(items), nil
}

// isFeedType reports a Content-Type that promises a feed, so that a broken
// one is reported as a malformed feed rather than as an unsupported type.
func isFeedType(contentType string) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml",
		"application/feed+json", "application/xml", "text/xml":
		return true
	}
	return false
}

func isPlainText(contentType string) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	return mt == "text/plain"
}

// looksHTML reports an HTML document, by Content-Type or by content.
func looksHTML(body []byte, contentType string) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "text/html", "application/xhtml+xml":
		return true
	case "", "application/octet-stream", "text/plain":
		// Servers and file names lie; the standard sniffer reads the bytes.
		return strings.HasPrefix(http.DetectContentType(body), "text/html")
	}
	return false
}
