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
				LastError: "ingest: https://reader:s3cr3t@feeds.example.org/rss: timeout"}); err != nil {
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
