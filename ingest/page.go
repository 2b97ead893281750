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
	if pageURL != "" {
		base, _ = url.Parse(pageURL) // nil base only skips link resolution
	}
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
		Title:    oneLine(art.Title()),
		SiteName: oneLine(art.SiteName()),
	}
	p.Body = dropLeadingTitle(p.Title, nodeText(art.Node))
	if p.Body == "" {
		return page{}, fmt.Errorf("%w: no readable text", ErrParse)
	}
	if t, err := art.PublishedTime(); err == nil {
		p.Published = t
	}
	return p, nil
}

// oneLine collapses all whitespace, newlines included, to single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
