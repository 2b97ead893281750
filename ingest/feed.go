package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
)

// maxFeedDepth bounds how deeply a feed's XML elements may nest. Real feeds
// nest under ten levels (rss, channel, item, an extension and its
// children); gofeed's extension parser recurses and allocates per level, so
// a 5 MiB feed of a million nested elements once took over a gigabyte.
const maxFeedDepth = 64

// parseFeed parses an RSS, Atom or JSON feed, any encoding. XML nested
// deeper than maxFeedDepth is refused before gofeed sees it.
func parseFeed(body []byte, contentType string) (*gofeed.Feed, error) {
	text := declareUTF8(toUTF8(body, contentType, markupXML))
	if err := checkXMLDepth(text, maxFeedDepth); err != nil {
		return nil, err
	}
	feed, err := gofeed.NewParser().Parse(strings.NewReader(text))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, fmt.Errorf("%w: not an RSS, Atom or JSON feed", ErrParse)
		}
		return nil, fmt.Errorf("%w: feed: %v", ErrParse, err)
	}
	return feed, nil
}

// checkXMLDepth returns an ErrParse error when the XML document text nests
// elements deeper than limit. It reads raw tokens, which keeps no element
// stack, so the check itself costs one pass and constant memory; JSON
// (encoding/json bounds its own nesting) and malformed XML are left to
// gofeed, which reports them.
func checkXMLDepth(text string, limit int) error {
	if t := strings.TrimLeft(text, " \t\r\n\ufeff"); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
		return nil
	}
	d := xml.NewDecoder(strings.NewReader(text))
	d.Strict = false                                                                   // as gofeed reads feeds: HTML entities and loose markup
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // already UTF-8
	depth := 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			return nil // io.EOF, or malformed: gofeed decides
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth++; depth > limit {
				return fmt.Errorf("%w: feed XML nests deeper than %d elements", ErrParse, limit)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// isFeed sniffs whether a document is a feed, from its first bytes.
func isFeed(body []byte, contentType string) bool {
	head := body
	if len(head) > 4096 {
		head = head[:4096]
	}
	text := declareUTF8(toUTF8(head, contentType, markupXML))
	return gofeed.DetectFeedType(strings.NewReader(text)) != gofeed.FeedTypeUnknown
}

// feedArticle is an item turned into an article, and whether its body is
// only the item's summary (so that the linked page is worth fetching).
type feedArticle struct {
	Article
	summaryOnly bool
}

// itemArticles turns feed items into articles. base resolves relative item
// links; source is recorded in every article.
func itemArticles(feed *gofeed.Feed, source, base string, fetched time.Time) []feedArticle {
	name := oneLine(feed.Title)
	if name == "" {
		name = hostOf(base)
	}
	out := make([]feedArticle, 0, len(feed.Items))
	for _, item := range feed.Items {
		if item == nil {
			continue
		}
		link := item.Link
		if link == "" && len(item.Links) > 0 {
			link = item.Links[0]
		}
		link = resolve(base, link)
		a := Article{
			URL:     link,
			GUID:    strings.TrimSpace(item.GUID),
			Source:  source,
			Feed:    name,
			Title:   oneLine(htmlText(item.Title)),
			Fetched: fetched,
		}
		switch {
		case item.PublishedParsed != nil:
			a.Published = item.PublishedParsed.UTC()
		case item.UpdatedParsed != nil:
			a.Published = item.UpdatedParsed.UTC()
		}
		body := htmlText(item.Content)
		summaryOnly := body == ""
		if summaryOnly {
			body = htmlText(item.Description)
		}
		a.Body = dropLeadingTitle(a.Title, body)
		if a.GUID == "" {
			a.GUID = link
		}
		if a.GUID == "" {
			// No GUID and no link: the item is identified by what it says.
			a.GUID = "sha256:" + shortHash(a.Title+"\n"+a.Body)
		}
		if a.Title == "" && a.Body == "" {
			continue
		}
		out = append(out, feedArticle{Article: a, summaryOnly: summaryOnly})
	}
	return out
}

func articlesOf(items []feedArticle) []Article {
	articles := make([]Article, len(items))
	for i, it := range items {
		articles[i] = it.Article
	}
	return articles
}

// fillFromPages replaces summary-only bodies with the main text of the
// linked page, for at most MaxPageFetches items, a few at a time. A page that fails, or reads shorter than the summary (readability
// picked the wrong block), leaves the summary in place: a feed read never
// fails because one linked page did.
func (f *Fetcher) fillFromPages(ctx context.Context, items []feedArticle) {
	var todo []int
	for i, it := range items {
		if it.summaryOnly && isHTTPURL(it.URL) && len(todo) < f.opts.MaxPageFetches {
			todo = append(todo, i)
		}
	}
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	for _, i := range todo {
		wg.Add(1)
		sem <- struct{}{}
		go func(a *Article) {
			defer func() { <-sem; wg.Done() }()
			p, err := f.fetchPage(ctx, a.URL)
			if err != nil || len(p.Body) < len(a.Body) {
				return
			}
			a.Body = dropLeadingTitle(a.Title, p.Body)
			if a.Published.IsZero() {
				a.Published = p.Published
			}
		}(&items[i].Article)
	}
	wg.Wait()
}

// fetchPage fetches one HTML page and extracts its main text.
func (f *Fetcher) fetchPage(ctx context.Context, pageURL string) (page, error) {
	resp, err := f.get(ctx, pageURL, Validators{})
	if err != nil {
		return page{}, err
	}
	if !looksHTML(resp.Body, resp.ContentType) {
		return page{}, fmt.Errorf("%w: %s is not an HTML page (%s)", ErrUnsupported, redact(pageURL), resp.ContentType)
	}
	return parsePage(resp.Body, resp.ContentType, resp.URL)
}

// resolve makes ref absolute against base; it returns ref unchanged when
// either does not parse.
func resolve(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || base == "" {
		return ref
	}
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}

func hostOf(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil {
		return u.Hostname()
	}
	return ""
}

// shortHash is the first 16 hex digits of the SHA-256 of s: plenty to tell
// articles apart, short enough to read in a GUID.
func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}
