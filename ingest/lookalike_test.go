package ingest

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLookalikeFixtures reads pages, files and a feed shaped like real news
// sites (testdata/lookalike, invented text) and checks that each gives its
// headline without the site's name, its outlet, its publication date, and
// a body without the boilerplate around the article.
func TestLookalikeFixtures(t *testing.T) {
	type want struct {
		title, outlet string
		published     time.Time
		body          []string // substrings the body keeps
		absent        []string // boilerplate the body loses
	}
	utc := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return t.UTC()
	}
	tests := map[string]want{
		"01-og-meta.html": {
			title: "Envoys agree to reopen the northern crossing", outlet: "The Daily Ledger",
			published: utc("2026-03-02T07:45:12Z"),
			body:      []string{"Envoys from both governments agreed", "His counterpart, Ilse Varga", "Aid agencies welcomed"},
			absent:    []string{"We will not be rushed", "Photograph", "Continue reading", "Sign up", "newsletter"},
		},
		"02-jsonld-graph.html": {
			title: "Harbour talks stall over fishing quotas", outlet: "Harbour Post",
			published: utc("2026-02-14T17:20:00Z"),
			body:      []string{"Negotiators from the two coastal states", "Fishing communities on both sides"},
			absent:    []string{"Media caption", "More on this story", "Quota row deepens", "Coastal towns count the cost"},
		},
		"03-time-datetime.html": {
			title: "The quiet diplomacy behind the river treaty", outlet: "The Continental Review",
			published: utc("2026-01-20T09:00:00Z"),
			body:      []string{"The treaty signed last week", "The commission will hold its first meeting"},
			absent:    []string{"SIGN UP", "Related: Drought"},
		},
		"04-dc-date.html": {
			title: "Summit ends with pledge on refugee funding", outlet: "Meridian News",
			published: utc("2026-04-09T00:00:00Z"),
			body:      []string{"Leaders attending the regional summit", "Several delegations left"},
			absent:    []string{"Advertisement", "Photo by", "Latest News"},
		},
		"05-parsely.html": {
			title: "Ceasefire monitors to stay another six months", outlet: "Frontier Times",
			published: utc("2026-05-11T16:02:00Z"),
			body:      []string{"The international monitors", "The monitors have recorded fewer violations"},
			absent:    []string{"World Briefing newsletter", "Subscribe now"},
		},
		"06-sailthru.html": {
			title: "Parliament backs sanctions package after long debate", outlet: "Patriot Daily",
			published: utc("2026-06-30T21:15:00Z"),
			body:      []string{"Parliament approved a new package", "Exporters’ groups said"},
			absent:    []string{"Speaker Lotte Brandt:", "Read more", "Exporters brace", "Ports count losses"},
		},
		"07-front-matter.md": {
			title: "Strait convoy sails after inspection deal", outlet: "The Bosphorus Ledger",
			published: utc("2026-07-15T05:30:00Z"),
			body:      []string{"The first convoy of grain ships", "Four ships today"},
			absent:    []string{"outlet:", "---"},
		},
		"08-front-matter.txt": {
			title: "Border commission meets for the first time", outlet: "Lakeside Gazette",
			published: utc("2026-08-01T00:00:00Z"),
			body:      []string{"The joint border commission met"},
			absent:    []string{"outlet:", "published:", "---"},
		},
	}
	for name, w := range tests {
		t.Run(name, func(t *testing.T) {
			res := read(t, testFetcher(Options{}), filepath.Join("testdata/lookalike", name))
			if len(res.Articles) != 1 {
				t.Fatalf("%d articles, want 1", len(res.Articles))
			}
			a := res.Articles[0]
			if a.Title != w.title {
				t.Errorf("title %q, want %q", a.Title, w.title)
			}
			if a.Feed != w.outlet {
				t.Errorf("outlet %q, want %q", a.Feed, w.outlet)
			}
			if !a.Published.Equal(w.published) {
				t.Errorf("published %v, want %v", a.Published, w.published)
			}
			for _, s := range w.body {
				if !strings.Contains(a.Body, s) {
					t.Errorf("body lost %q:\n%s", s, a.Body)
				}
			}
			for _, s := range w.absent {
				if strings.Contains(a.Body, s) {
					t.Errorf("body keeps %q:\n%s", s, a.Body)
				}
			}
		})
	}

	t.Run("09-feed.rss", func(t *testing.T) {
		res := read(t, testFetcher(Options{}), "testdata/lookalike/09-feed.rss")
		if len(res.Articles) != 2 {
			t.Fatalf("%d articles, want 2", len(res.Articles))
		}
		wantDates := []time.Time{utc("2026-09-01T12:00:00Z"), utc("2026-09-02T08:00:00Z")}
		for i, a := range res.Articles {
			if a.Feed != "Wire Service World News" || !a.Published.Equal(wantDates[i]) {
				t.Errorf("item %d: outlet %q published %v, want the feed title and %v", i, a.Feed, a.Published, wantDates[i])
			}
		}
		if b := res.Articles[0].Body; strings.Contains(b, "Continue reading") || !strings.Contains(b, "We are close") {
			t.Errorf("feed item body: %q", b)
		}
	})
}

// TestLookalikePageOverHTTP: a fetched page with no outlet in its markup is
// named after its host, its Dublin Core date is read, and its <h1> is
// preferred to a <title> that is only a name and a tagline.
func TestLookalikePageOverHTTP(t *testing.T) {
	page := []byte(`<!DOCTYPE html><html><head><title>Gazette - Latest News &amp; Headlines</title>
<meta name="dc.date" content="2026-04-09T10:00:00Z"></head><body><article>
<h1>Ministers sign the water accord</h1>
<p>Ministers from the three river states signed the water accord on Thursday, after two years of negotiations over how the river's flow is shared in dry summers.</p>
<p>"This is a fair deal," said the chief negotiator, Hana Ilic, after the ceremony in the capital, adding that it would be reviewed every five years.</p>
</article></body></html>`)
	srv := newTestServer(t, map[string]http.HandlerFunc{
		"/accord": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(page)
		},
	})
	res := read(t, testFetcher(Options{}), srv.URL+"/accord")
	a := res.Articles[0]
	if a.Feed != "127.0.0.1" || !a.Published.Equal(time.Date(2026, 4, 9, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("outlet %q published %v", a.Feed, a.Published)
	}
	if a.Title != "Ministers sign the water accord" {
		t.Errorf("title %q", a.Title)
	}
}
