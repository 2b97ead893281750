package ingest

import (
	"strings"
	"time"
)

// Article is one news article as plain text, ready for extraction.
type Article struct {
	URL       string    // canonical link of the article, "" for local files without one
	GUID      string    // feed item GUID, page URL, or "file:<path under the source>#<content hash>"
	Source    string    // the source as configured: feed or page URL, local file or directory
	Feed      string    // human name of the feed or site, when known
	Title     string    // headline
	Body      string    // main text, paragraphs separated by blank lines, without the headline
	Published time.Time // publication time, zero when unknown
	Fetched   time.Time // when attache read it
}

// Text is the article as the extractor reads it: the headline, a blank line,
// then the body. Quote offsets produced by extraction index into this string.
func (a Article) Text() string {
	title := strings.TrimSpace(a.Title)
	body := strings.TrimSpace(a.Body)
	switch {
	case title == "":
		return body
	case body == "":
		return title
	}
	return title + "\n\n" + body
}

// When is the article's time for "since" filters and ordering: its
// publication time when known, else when it was fetched.
func (a Article) When() time.Time {
	if !a.Published.IsZero() {
		return a.Published
	}
	return a.Fetched
}
