package bot

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to create a schema per test

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/store"
	"github.com/attache-bot/attache/store/storetest"
)

// replicas starts n services, each with its own connection to one database
// and its own holder ID, sharing a clock and a recorder (the channel).
func replicas(t *testing.T, driver string, n int, cfg *config.Config, clk *clock, rec *recorder) ([]*Service, store.Store) {
	t.Helper()
	driver, dsn := storetest.Database(t, driver)
	return replicasOn(t, driver, dsn, n, cfg, clk.Now, map[string]adapters.Deliverer{"console": rec})
}

// replicasOn starts n services named replica-0… on the database at dsn, each
// with its own store connection as separate processes would have, and
// returns them with the first one's store. now is the clock of services and
// stores alike.
func replicasOn(t *testing.T, driver, dsn string, n int, cfg *config.Config, now func() time.Time, deliverers map[string]adapters.Deliverer, opts ...Option) ([]*Service, store.Store) {
	t.Helper()
	var services []*Service
	var first store.Store
	for i := range n {
		st := openShared(t, driver, dsn, now)
		if first == nil {
			first = st
		}
		services = append(services, newService(t, cfg, st, deliverers,
			append([]Option{WithClock(now), WithHolder(fmt.Sprintf("replica-%d", i))}, opts...)...))
	}
	return services, first
}

// openShared opens one more connection to the database at dsn, as another
// process would.
func openShared(t testing.TB, driver, dsn string, now func() time.Time) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), driver, dsn, store.WithClock(now))
	if err != nil {
		t.Fatalf("open %s store: %v", driver, err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// together runs fn on every replica at once.
func together(services []*Service, fn func(s *Service)) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for _, s := range services {
		wg.Go(func() {
			<-start
			fn(s)
		})
	}
	close(start)
	wg.Wait()
}

func TestReplicasDeliverEachSlotOnce(t *testing.T) {
	for _, driver := range []string{"sqlite", "postgres"} {
		t.Run(driver, func(t *testing.T) {
			clk := newClock(day1At8.Add(-time.Hour))
			rec := newRecorder("console")
			cfg := testConfig()
			cfg.Channels = []config.Channel{morning}
			services, st := replicas(t, driver, 4, cfg, clk, rec)
			for _, topic := range []string{"Ceasefire talks in Geneva", "Fishing quotas in Reykjavik"} {
				saveArticle(t, st, storyArticle(topic, clk.Now()), extract.Analysis{})
			}
			for day := range 2 {
				clk.Set(day1At8.Add(time.Duration(day)*24*time.Hour + time.Second))
				together(services, func(s *Service) {
					if err := tick(t, s, clk.Now()); err != nil {
						t.Errorf("tick: %v", err)
					}
				})
				if day == 0 {
					saveArticle(t, st, storyArticle("Relief corridor vote delayed", clk.Now()), extract.Analysis{})
				}
			}
			got := rec.posted()
			want := []string{
				"#news: attache digest — Wed 25 Nov 2026, 08:00 UTC", "#news: Ceasefire talks in Geneva", "#news: Fishing quotas in Reykjavik",
				"#news: attache digest — Thu 26 Nov 2026, 08:00 UTC", "#news: Relief corridor vote delayed",
			}
			if len(got) != len(want) {
				t.Fatalf("posted %q, want %q", got, want)
			}
			// The order of stories within a digest is the digest's ranking;
			// compare as sets per digest.
			if !sameSet(got[:3], want[:3]) || !sameSet(got[3:], want[3:]) {
				t.Fatalf("posted %q, want %q", got, want)
			}
		})
	}
}

func TestReplicasPollEachSourceOnce(t *testing.T) {
	for _, driver := range []string{"sqlite", "postgres"} {
		t.Run(driver, func(t *testing.T) {
			clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
			feed := newFeedServer(t, "feed-v1.xml")
			cfg := testConfig()
			cfg.Sources = []config.Source{{URL: feed.URL, Interval: 10 * time.Minute}}
			services, st := replicas(t, driver, 4, cfg, clk, newRecorder("console"))
			for round := range 3 {
				together(services, func(s *Service) { pollNow(t, s) })
				if n := len(feed.conditionals()); n != round+1 {
					t.Fatalf("round %d: the feed was fetched %d times in all, want %d", round, n, round+1)
				}
				clk.Advance(15 * time.Minute)
			}
			if got := articleCount(t, st); got != 2 {
				t.Fatalf("%d articles, want 2", got)
			}
		})
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		seen[s]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}
