package ingest

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestReadRSSWithFullContent(t *testing.T) {
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/feed": serveFixture(t, "feeds/rss_full.xml", "application/rss+xml"),
	})
	res := read(t, testFetcher(Options{}), srv.URL+"/feed")

	if res.Kind != KindFeed || len(res.Articles) != 2 {
		t.Fatalf("kind %q, %d articles; want feed, 2", res.Kind, len(res.Articles))
	}
	first := res.Articles[0]
	want := Article{
		URL:       "https://wire.example/2016/10/ayrault-moscow",
		GUID:      "wire-2016-1006-ayrault",
		Source:    srv.URL + "/feed",
		Feed:      "The Diplomatic Wire",
		Title:     "Ayrault presses Moscow on Aleppo truce",
		Body:      "French Foreign Minister Jean-Marc Ayrault travelled to Moscow on Thursday.\n\n\u201cWe cannot accept that Aleppo becomes a new Guernica,\u201d Ayrault said.",
		Published: time.Date(2016, 10, 6, 9, 30, 0, 0, time.UTC),
		Fetched:   fixedNow,
	}
	if first != want {
		t.Errorf("first item:\n got %#v\nwant %#v", first, want)
	}
	second := res.Articles[1]
	if second.Title != "Kerry & Lavrov meet in Lausanne" {
		t.Errorf("entity in title: got %q", second.Title)
	}
	if second.GUID != "https://wire.example/2016/10/lausanne" {
		t.Errorf("GUID %q", second.GUID)
	}
	if want := "US Secretary of State John Kerry met Sergei Lavrov in Lausanne.\n\nNo breakthrough was announced."; second.Body != want {
		t.Errorf("<br> should split paragraphs:\n got %q\nwant %q", second.Body, want)
	}
	if !second.Published.Equal(time.Date(2016, 10, 15, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("published %v", second.Published)
	}
	if n := srv.count("/"); n != 0 {
		t.Errorf("full-content items fetched pages: %d", n)
	}
}

func TestReadAtom(t *testing.T) {
	srv := newTestServer(t, map[string]http.HandlerFunc{
		// Served as text/xml: the content, not the type, says Atom.
		"/atom": serveFixture(t, "feeds/atom.xml", "text/xml"),
	})
	res := read(t, testFetcher(Options{}), srv.URL+"/atom")
	if len(res.Articles) != 2 {
		t.Fatalf("%d articles", len(res.Articles))
	}
	a := res.Articles[0]
	if a.Title != "Ayrault: no deal without a truce" || a.Feed != "Quai d'Orsay Watch" ||
		a.URL != "https://quai.example/ayrault-truce" || a.GUID != "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a" {
		t.Errorf("entry: %#v", a)
	}
	if want := "Jean-Marc Ayrault said there would be no deal.\n\n“Words are not enough,” he said."; a.Body != want {
		t.Errorf("body %q, want %q", a.Body, want)
	}
	if !a.Published.Equal(time.Date(2016, 10, 7, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("published %v (want the published, not the updated time)", a.Published)
	}
	plain := res.Articles[1]
	if want := "First paragraph of plain text, wrapped over two lines.\n\nSecond paragraph."; plain.Body != want {
		t.Errorf("text content: got %q, want %q", plain.Body, want)
	}
	if !plain.Published.Equal(time.Date(2016, 10, 7, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("updated time should stand in for a missing published time: %v", plain.Published)
	}
}

func summaryServer(t *testing.T) *testServer {
	return newTestServer(t, map[string]http.HandlerFunc{
		"/feed":               serveFixture(t, "feeds/rss_summary.xml", "application/rss+xml"),
		"/pages/article.html": serveFixture(t, "pages/article.html", "text/html; charset=utf-8"),
		"/gone":               http.NotFound,
	})
}

func TestSummaryOnlyItemsGetTheLinkedPage(t *testing.T) {
	srv := summaryServer(t)
	res := read(t, testFetcher(Options{}), srv.URL+"/feed")
	if len(res.Articles) != 3 {
		t.Fatalf("%d articles", len(res.Articles))
	}
	byGUID := map[string]Article{}
	for _, a := range res.Articles {
		byGUID[a.GUID] = a
	}

	full := byGUID["summary-1"]
	if !strings.Contains(full.Body, `"We cannot accept that Aleppo becomes a new Guernica," Ayrault told reporters`) {
		t.Errorf("page text not used:\n%s", full.Body)
	}
	for _, junk := range []string{"Subscribe to our newsletter", "Related stories", "All rights reserved"} {
		if strings.Contains(full.Body, junk) {
			t.Errorf("page boilerplate %q in body", junk)
		}
	}
	if full.Title != "Ayrault presses Moscow on Aleppo truce" || strings.HasPrefix(full.Body, full.Title) {
		t.Errorf("title %q kept from the feed and not repeated in the body %.60q", full.Title, full.Body)
	}

	if gone := byGUID["summary-2"]; gone.Body != "Only the teaser of a vanished page survives." {
		t.Errorf("failed page should leave the summary, got %q", gone.Body)
	}
	rel := byGUID["summary-3"]
	if rel.URL != srv.URL+"/pages/article.html?relative=1" {
		t.Errorf("relative link resolved to %q", rel.URL)
	}
	if !strings.Contains(rel.Body, "Staffan de Mistura") {
		t.Errorf("relative link's page not used: %q", rel.Body)
	}
	if srv.count("/pages/article.html") != 2 || srv.count("/gone") != 1 {
		t.Errorf("page fetches: %v", srv.hits)
	}
}

func TestPageFetchesAreBounded(t *testing.T) {
	srv := summaryServer(t)
	res := read(t, testFetcher(Options{MaxPageFetches: 1}), srv.URL+"/feed")
	if len(res.Articles) != 3 {
		t.Fatalf("%d articles", len(res.Articles))
	}
	if got := srv.count("/pages/article.html") + srv.count("/gone"); got != 1 {
		t.Errorf("%d pages fetched, want 1", got)
	}
	if res.Articles[2].Body != "A teaser with a relative link." {
		t.Errorf("item beyond the budget should keep its summary: %q", res.Articles[2].Body)
	}

	srv = summaryServer(t)
	read(t, testFetcher(Options{MaxPageFetches: -1}), srv.URL+"/feed")
	if got := srv.count("/pages/article.html") + srv.count("/gone"); got != 0 {
		t.Errorf("MaxPageFetches < 0 fetched %d pages", got)
	}
}

func TestKnownItemsAreSkipped(t *testing.T) {
	srv := summaryServer(t)
	var asked []string
	f := testFetcher(Options{Known: func(a Article) bool {
		asked = append(asked, a.GUID)
		return a.GUID != "summary-2"
	}})
	res := read(t, f, srv.URL+"/feed")
	if len(res.Articles) != 1 || res.Articles[0].GUID != "summary-2" {
		t.Fatalf("got %d articles, want only the unknown summary-2", len(res.Articles))
	}
	if len(asked) != 3 {
		t.Errorf("Known asked about %v", asked)
	}
	if n := srv.count("/pages/article.html"); n != 0 {
		t.Errorf("known items' pages fetched %d times", n)
	}
}

func TestMalformedFeed(t *testing.T) {
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/broken": serveFixture(t, "feeds/malformed.xml", "application/rss+xml"),
	})
	source := srv.URL + "/broken"
	_, err := testFetcher(Options{}).Read(context.Background(), source, Validators{})
	if err == nil {
		t.Fatal("malformed feed read without error")
	}
	if Reason(err) != "parse" || !strings.Contains(err.Error(), source) {
		t.Errorf("error %q: reason %q, want parse and the source named", err, Reason(err))
	}
}

func TestItemWithoutGUIDOrLink(t *testing.T) {
	feed := `<rss version="2.0"><channel><title>t</title>
<item><title>No identity</title><description>Said the minister.</description></item>
<item><title></title><description></description></item></channel></rss>`
	f, err := parseFeed([]byte(feed), "")
	if err != nil {
		t.Fatal(err)
	}
	items := itemArticles(f, "src", "", fixedNow)
	if len(items) != 1 {
		t.Fatalf("%d items; the empty one should be dropped", len(items))
	}
	again := itemArticles(f, "src", "", fixedNow)
	if g := items[0].GUID; !strings.HasPrefix(g, "sha256:") || g != again[0].GUID {
		t.Errorf("GUID %q should be a stable content hash", g)
	}
}

// deeplyNestedFeed is an RSS feed whose one item carries an extension
// element nested levels deep, as a hostile feed within the fetch limit can.
func deeplyNestedFeed(levels int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:e="urn:e"><channel><title>t</title><item><title>Deep</title><link>https://x.example/1</link>`)
	b.WriteString(strings.Repeat("<e:a>", levels))
	b.WriteString(strings.Repeat("</e:a>", levels))
	b.WriteString(`</item></channel></rss>`)
	return []byte(b.String())
}

// TestFeedNestingDepth: feeds are refused with a parse error when their
// XML nests deeper than maxFeedDepth, before gofeed's recursive extension
// parser spends memory per level; ordinary extension depth still parses.
func TestFeedNestingDepth(t *testing.T) {
	tests := []struct {
		name    string
		levels  int
		wantErr bool
	}{
		{"shallow extension", 3, false},
		{"at the limit", maxFeedDepth - 5, false}, // rss, channel, item and the element itself
		{"over the limit", maxFeedDepth + 1, true},
		{"a hundred thousand levels", 100_000, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed, err := parseFeed(deeplyNestedFeed(tt.levels), "application/rss+xml")
			if !tt.wantErr {
				if err != nil || len(feed.Items) != 1 {
					t.Fatalf("feed %+v, err %v: want one item", feed, err)
				}
				return
			}
			if !errors.Is(err, ErrParse) || Reason(err) != "parse" || !strings.Contains(err.Error(), "deeper") {
				t.Fatalf("err = %v, want a parse error about nesting", err)
			}
		})
	}
}
