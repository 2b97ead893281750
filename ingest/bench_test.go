package ingest

import (
	"bytes"
	"fmt"
	"testing"
)

// A page of about 60 KB: the fixture article with its text repeated 50 times.
func bigPage(b *testing.B) []byte {
	page := fixture(b, "pages/article.html")
	i := bytes.Index(page, []byte("</article>"))
	start := bytes.Index(page, []byte("<p>French"))
	paras := page[start:i]
	var buf bytes.Buffer
	buf.Write(page[:i])
	for n := 0; n < 50; n++ {
		buf.Write(paras)
	}
	buf.Write(page[i:])
	return buf.Bytes()
}

func BenchmarkParsePage(b *testing.B) {
	page := bigPage(b)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := parsePage(page, "text/html", "https://wire.example/x"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseFeed(b *testing.B) {
	// A 200-item feed with full content.
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>`)
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&buf, `<item><title>Item %d</title><guid>g%d</guid><link>https://x.example/%d</link><pubDate>Thu, 06 Oct 2016 09:30:00 +0000</pubDate><content:encoded><![CDATA[<p>Jean-Marc Ayrault said “we cannot accept that Aleppo becomes a new Guernica”.</p><p>Lavrov answered.</p>]]></content:encoded></item>`, i, i, i)
	}
	buf.WriteString(`</channel></rss>`)
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		feed, err := parseFeed(data, "application/rss+xml")
		if err != nil {
			b.Fatal(err)
		}
		if n := len(itemArticles(feed, "bench", "", fixedNow)); n != 200 {
			b.Fatalf("%d items", n)
		}
	}
}

func BenchmarkToUTF8Latin1(b *testing.B) {
	data := bytes.Repeat([]byte("Le ministre a d\xe9clar\xe9 \xe0 Gen\xe8ve : \xab Non \xbb. "), 4000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		toUTF8(data, "", markupHTML)
	}
}

// BenchmarkParseDeeplyNestedFeed parses a feed at the fetch limit (5 MiB)
// made of nested extension elements: refused by the depth guard, it must
// cost one pass and little memory (gofeed alone took over a gigabyte).
func BenchmarkParseDeeplyNestedFeed(b *testing.B) {
	data := deeplyNestedFeed((5<<20 - 200) / len("<e:a></e:a>"))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseFeed(data, "application/rss+xml"); err == nil {
			b.Fatal("deeply nested feed parsed")
		}
	}
}
