package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkArticleText is what every parser promises whatever the input: valid
// UTF-8, a one-line headline, no leading or trailing blank space.
func checkArticleText(t *testing.T, title, body string) {
	t.Helper()
	if !utf8.ValidString(title) || !utf8.ValidString(body) {
		t.Fatalf("invalid UTF-8: %q / %q", title, body)
	}
	if strings.ContainsAny(title, "\n\r") || title != strings.TrimSpace(title) {
		t.Fatalf("headline not one trimmed line: %q", title)
	}
	if body != strings.TrimSpace(body) {
		t.Fatalf("body not trimmed: %q", body)
	}
}

func FuzzParseText(f *testing.F) {
	f.Add([]byte(fixture(f, "local/01-aleppo.txt")))
	f.Add([]byte("\xff\xfe\x00h"))
	f.Add([]byte("\r\n\r\nA\r\rB\n\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		title, body := parseText(toUTF8(data, "", markupNone))
		checkArticleText(t, title, body)
		if title == "" && body != "" {
			t.Fatalf("body %q without headline", body)
		}
	})
}

func FuzzParseMarkdown(f *testing.F) {
	f.Add([]byte(fixture(f, "local/02-geneva.md")))
	f.Add([]byte("---\ntitle: x\n---\n# a\n```\ncode"))
	f.Add([]byte(`\*a\* __b__ _c_ [d](e) ![f](g) <h> ` + "`i`" + "\n===\n- j\n> k\n| l | m |\n\uE02A"))
	f.Fuzz(func(t *testing.T, data []byte) {
		title, body := parseMarkdown(toUTF8(data, "", markupNone))
		checkArticleText(t, title, body)
	})
}

func FuzzParseFeed(f *testing.F) {
	for _, name := range []string{"feeds/rss_full.xml", "feeds/atom.xml", "feeds/latin1.xml", "feeds/malformed.xml", "local/04-feed.rss"} {
		f.Add(fixture(f, name), "")
	}
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"j","items":[{"id":"1","content_html":"<p>x</p>"}]}`), "application/feed+json")
	f.Add([]byte(`<?xml version="1.0" encoding="utf-16"?><rss><channel><item><title>x`), "text/xml; charset=koi8-r")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		feed, err := parseFeed(data, contentType)
		if err != nil {
			if Reason(err) != "parse" {
				t.Fatalf("feed error %v is not a parse error", err)
			}
			return
		}
		for _, it := range itemArticles(feed, "fuzz", "http://example.org/", fixedNow) {
			checkArticleText(t, it.Title, it.Body)
			if it.GUID == "" {
				t.Fatalf("item without GUID: %#v", it.Article)
			}
		}
	})
}

func FuzzToUTF8(f *testing.F) {
	f.Add([]byte("<meta charset=latin1>caf\xe9"), "")
	f.Add([]byte("<?xml version='1.0' encoding='windows-1252'?>\x93"), "text/xml")
	f.Add([]byte("\xfe\xff\xd8\x00"), "text/html; charset=utf-16")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		for _, m := range []markup{markupNone, markupHTML, markupXML, markupAny} {
			if s := toUTF8(data, contentType, m); !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 out of %q", data)
			}
		}
	})
}
