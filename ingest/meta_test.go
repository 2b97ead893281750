package ingest

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func metaOf(t testing.TB, page string) pageMeta {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return readPageMeta(doc, "")
}

// Each place a page states its date, alone on a page.
func TestDateSources(t *testing.T) {
	want := time.Date(2026, 3, 2, 7, 45, 0, 0, time.UTC)
	tests := map[string]string{
		"article:published_time": `<meta property="article:published_time" content="2026-03-02T07:45:00Z">`,
		"JSON-LD":                `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-03-02T08:45:00+01:00"}</script>`,
		"JSON-LD list":           `<script type="application/ld+json">[{"@type":"Organization","name":"X"},{"@type":["NewsArticle"],"datePublished":"2026-03-02T07:45:00Z"}]</script>`,
		"itemprop":               `<meta itemprop="datePublished" content="2026-03-02T07:45:00Z">`,
		"dc.date":                `<meta name="dc.date" content="2026-03-02T07:45:00Z">`,
		"DC.date.issued":         `<meta name="DC.date.issued" content="2026-03-02T07:45Z">`,
		"parsely-pub-date":       `<meta name="parsely-pub-date" content="2026-03-02T07:45:00Z">`,
		"parsely-page":           `<meta name="parsely-page" content='{"pub_date":"2026-03-02T07:45:00Z"}'>`,
		"sailthru.date":          `<meta name="sailthru.date" content="2026-03-02 07:45:00">`,
		"time pubdate":           `<time datetime="2026-03-02T07:45:00Z" pubdate>2 March</time>`,
		"time before updated":    `<p><time datetime="2026-03-02T07:45:00Z">2 March</time></p><p><time datetime="2026-03-05T07:45:00Z">5 March</time></p>`,
	}
	for name, markup := range tests {
		t.Run(name, func(t *testing.T) {
			m := metaOf(t, "<html><head></head><body>"+markup+"<h1>H</h1></body></html>")
			if !m.Published.Equal(want) {
				t.Errorf("published %v, want %v", m.Published, want)
			}
		})
	}
	if m := metaOf(t, `<meta property="article:published_time" content="1970-01-01T00:00:00Z"><h1>H</h1>`); !m.Published.IsZero() {
		t.Errorf("a placeholder epoch date was taken: %v", m.Published)
	}
	if m := metaOf(t, `<meta name="date" content="soon"><h1>H</h1>`); !m.Published.IsZero() {
		t.Errorf("an unparseable date gave %v", m.Published)
	}
}

func TestParseDate(t *testing.T) {
	tests := map[string]string{
		"2026-03-02T07:45:00Z":           "2026-03-02T07:45:00Z",
		"2026-03-02T08:45:00.123+01:00":  "2026-03-02T07:45:00.123Z",
		"2026-03-02T08:45:00+0100":       "2026-03-02T07:45:00Z",
		"2026-03-02 07:45:00":            "2026-03-02T07:45:00Z",
		"2026-03-02":                     "2026-03-02T00:00:00Z",
		"Mon, 02 Mar 2026 07:45:00 GMT":  "2026-03-02T07:45:00Z",
		"Mon, 2 Mar 2026 08:45:00 +0100": "2026-03-02T07:45:00Z",
		"March 2, 2026":                  "2026-03-02T00:00:00Z",
		"2 March 2026":                   "2026-03-02T00:00:00Z",
		"":                               "",
		"yesterday":                      "",
		"0001-01-01T00:00:00Z":           "",
	}
	for in, want := range tests {
		got, ok := parseDate(in)
		if s := got.Format(time.RFC3339Nano); (want == "" && ok) || (want != "" && s != want) {
			t.Errorf("parseDate(%q) = %s, %v; want %q", in, s, ok, want)
		}
	}
}

func TestCleanHeadline(t *testing.T) {
	sites := []string{"The Daily Ledger", "dailyledger.example"}
	tests := []struct{ in, want string }{
		{"Envoys agree | World news | The Daily Ledger", "Envoys agree"},
		{"Envoys agree - Daily Ledger", "Envoys agree"},
		{"Envoys agree - dailyledger.example", "Envoys agree"},
		{"The quiet diplomacy | Noor Haddad", "The quiet diplomacy"},
		{"Daily Ledger - Latest News & Headlines", ""},
		{"The Daily Ledger", ""},
		{"Talks end - and a new round begins | The Daily Ledger", "Talks end - and a new round begins"},
		{"Ukraine - Russia talks resume", "Ukraine - Russia talks resume"},
		{"Envoys &amp; ministers meet", "Envoys & ministers meet"},
	}
	for _, tt := range tests {
		if got := cleanHeadline(tt.in, sites, []string{"Noor Haddad"}); got != tt.want {
			t.Errorf("cleanHeadline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The headline candidates in order: og:title, JSON-LD headline, <h1>,
// then the <title>; a candidate that is only the site falls through.
func TestHeadlinePreference(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"og:title first", `<title>T | Site</title><meta property="og:title" content="OG headline"><h1>H1 headline</h1>`, "OG headline"},
		{"JSON-LD before h1", `<title>T</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline","name":"Site"}</script><h1>H1 headline</h1>`, "LD headline"},
		{"h1 before title", `<title>Title headline - Site</title><h1>H1 headline</h1>`, "H1 headline"},
		{"site-only og:title", `<meta property="og:site_name" content="Site"><meta property="og:title" content="Site - Latest News"><h1>H1 headline</h1>`, "H1 headline"},
		{"title alone", `<title>Title headline | Site</title><meta property="og:site_name" content="Site">`, "Title headline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := metaOf(t, tt.page).Title; got != tt.want {
				t.Errorf("title %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOutletSources(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"og:site_name", `<meta property="og:site_name" content="The Ledger">`, "The Ledger"},
		{"JSON-LD publisher", `<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Harbour Post"}}</script>`, "Harbour Post"},
		{"JSON-LD publisher list", `<script type="application/ld+json">{"@type":"NewsArticle","publisher":[{"name":"Frontier Times"}]}</script>`, "Frontier Times"},
		{"application-name", `<meta name="application-name" content="Meridian News">`, "Meridian News"},
		{"twitter handle last", `<meta name="twitter:site" content="@wirenews">`, "wirenews"},
		{"none", `<p>x</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := metaOf(t, tt.page).SiteName; got != tt.want {
				t.Errorf("outlet %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFrontMatter(t *testing.T) {
	outlet, date := markdownMeta("---\ntitle: T\noutlet: \"The Ledger\"\ndate: 2026-07-15\ntags:\n  - a\n---\n# H\n")
	if outlet != "The Ledger" || !date.Equal(time.Date(2026, 7, 15, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("outlet %q date %v", outlet, date)
	}
	if outlet, date := markdownMeta("# No front matter\n\noutlet: not this"); outlet != "" || !date.IsZero() {
		t.Errorf("without front matter: outlet %q date %v", outlet, date)
	}
	if got := stripLeadingFrontMatter("---\nA dash rule opens this text\n---\nHeadline"); !strings.HasPrefix(got, "---\nA dash rule") {
		t.Errorf("a text without fields lost its lines: %q", got)
	}
}

// FuzzPageMeta: any document gives metadata without panicking, and a
// headline is always one line.
func FuzzPageMeta(f *testing.F) {
	f.Add(`<title>A | B</title><meta property="og:title" content="C - D">`)
	f.Add(`<script type="application/ld+json">{"@graph":[{"@type":["NewsArticle"],"publisher":[{"name":"X"}],"author":[{"name":"Y"}],"datePublished":"2026-01-01"}]}</script>`)
	f.Add(`<time datetime="2026-01-01T00:00:00Z" pubdate></time><meta name="parsely-page" content='{"pub_date":1}'>`)
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		m := readPageMeta(doc, "example.org")
		if strings.ContainsAny(m.Title, "\n\r\t") || strings.ContainsAny(m.SiteName, "\n\r\t") {
			t.Errorf("multi-line title %q or outlet %q", m.Title, m.SiteName)
		}
		removeBoilerplateElements(doc)
	})
}
