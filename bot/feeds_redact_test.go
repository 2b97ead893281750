package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/store"
)

// TestFeedsHidesSourcePasswords: `feeds` answers any chat user, so a
// configured source URL's password is never shown, neither in the source's
// name or link nor in its last error.
func TestFeedsHidesSourcePasswords(t *testing.T) {
	tests := []struct {
		name string
		src  config.Source
	}{
		{"unnamed source", config.Source{URL: "https://reader:s3cr3t@feeds.example.org/rss"}},
		{"named source", config.Source{Name: "Wire", URL: "https://reader:s3cr3t@feeds.example.org/rss"}},
		{"user name as token", config.Source{URL: "https://s3cr3t@feeds.example.org/rss"}},
		{"query token", config.Source{URL: "https://feeds.example.org/rss?token=s3cr3t"}},
		{"query access_token", config.Source{URL: "https://feeds.example.org/rss?lang=en&access_token=s3cr3t"}},
		{"query apikey", config.Source{Name: "Wire", URL: "https://feeds.example.org/rss?apikey=s3cr3t"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			cfg.Sources = []config.Source{tt.src}
			st := openStore(t, t.TempDir(), nil)
			s := newService(t, cfg, st, nil)
			ctx := context.Background()
			now := time.Now()
			if err := st.SaveSourceState(ctx, store.SourceState{Source: tt.src.URL, LastPolled: now, Failures: 1,
				LastError: "ingest: " + tt.src.URL + ": timeout"}); err != nil {
				t.Fatal(err)
			}
			r := s.HandleCommand(ctx, adapters.Request{Platform: "slack", Verb: "feeds"})
			if len(r.Lines) != 1 {
				t.Fatalf("feeds = %+v, want one line", r)
			}
			l := r.Lines[0]
			for _, shown := range []string{r.Title, r.Text, l.Text, l.Label, l.URL} {
				if strings.Contains(shown, "s3cr3t") {
					t.Errorf("feeds shows the password: %+v", r)
				}
			}
			if !strings.Contains(l.URL+l.Text, "feeds.example.org/rss") {
				t.Errorf("feeds line %+v does not name the source", l)
			}
		})
	}
}

// TestMetricLabelsHideSourceCredentials: /metrics may be scraped without a
// token, so a source is labelled by its configured name, or by host and a
// hash of its URL, never by a URL that may carry a password or a token.
func TestMetricLabelsHideSourceCredentials(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	st := openStore(t, t.TempDir(), clk)
	feed := newFeedServer(t, "feed-v1.xml")
	secretURL := strings.Replace(feed.URL, "http://", "http://feeduser:PASS@", 1) + "/rss?apikey=SECRET"
	cfg := testConfig()
	cfg.Sources = []config.Source{{URL: secretURL, Interval: time.Minute}}
	obs := &countingObserver{}
	s := newService(t, cfg, st, nil, WithClock(clk.Now), WithObserver(obs))
	pollNow(t, s) // articles stored: ArticleIngested
	feed.set("feed-v1.xml", 500)
	clk.Advance(2 * time.Minute)
	pollNow(t, s) // the poll fails: SourceFailed
	if obs.ingested() == 0 || len(obs.failed) != 1 {
		t.Fatalf("ingested %d, failed %q: want articles then one failure", obs.ingested(), obs.failed)
	}
	for _, label := range obs.labels {
		if strings.Contains(label, "PASS") || strings.Contains(label, "SECRET") || strings.Contains(label, "feeduser") || strings.Contains(label, "?") {
			t.Errorf("metric label %q shows the source URL", label)
		}
		if label != obs.labels[0] {
			t.Errorf("labels %q differ for one source", obs.labels)
		}
	}
}
