package ingest

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// maxPageElements keeps readability, whose scoring is superlinear, off
// pathological documents that fit under the byte limit.
const maxPageElements = 100_000

// page is the readable part of one HTML document.
type page struct {
	Title     string
	Body      string
	SiteName  string
	Published time.Time
}

// parsePage extracts the main text of an HTML document with readability.
// pageURL resolves relative links and may be "" for local files. It fails
// with ErrParse when the page has no readable text.
func parsePage(body []byte, contentType, pageURL string) (page, error) {
	doc, err := html.Parse(strings.NewReader(toUTF8(body, contentType, markupHTML)))
	if err != nil {
		return page{}, fmt.Errorf("%w: html: %v", ErrParse, err)
	}
	var base *url.URL
	host := ""
	if pageURL != "" {
		base, _ = url.Parse(pageURL) // nil base only skips link resolution
		host = hostOf(pageURL)
	}
	// The metadata is read before readability rewrites the document, and
	// captions and sign-up boxes go before it scores what is left.
	meta := readPageMeta(doc, strings.TrimPrefix(host, "www."))
	removeBoilerplateElements(doc)
	parser := readability.NewParser()
	parser.MaxElemsToParse = maxPageElements
	art, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return page{}, fmt.Errorf("%w: readability: %v", ErrParse, err)
	}
	if art.Node == nil {
		return page{}, fmt.Errorf("%w: no readable text", ErrParse)
	}
	p := page{
		Title:     meta.Title,
		SiteName:  meta.SiteName,
		Published: meta.Published,
	}
	if p.Title == "" {
		p.Title = oneLine(art.Title())
	}
	if p.SiteName == "" {
		p.SiteName = oneLine(art.SiteName())
	}
	text := nodeText(art.Node)
	p.Body = dropLeadingTitle(p.Title, text)
	if p.Body == text && len(meta.H1) > 0 {
		p.Body = dropLeadingTitle(meta.H1[0], text)
	}
	if p.Body == "" {
		return page{}, fmt.Errorf("%w: no readable text", ErrParse)
	}
	if p.Published.IsZero() {
		if t, err := art.PublishedTime(); err == nil && t.Year() >= 1990 {
			p.Published = t.UTC()
		}
	}
	return p, nil
}

// oneLine collapses all whitespace, newlines included, to single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
