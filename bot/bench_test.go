package bot

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/extract"
)

// BenchmarkDigestRun measures one scheduled run end to end on SQLite: claim,
// read 500 new articles, build the digest, post it (to a recorder) and
// record every message. Target: well under a second per run.
func BenchmarkDigestRun(b *testing.B) {
	const perRun = 500
	clk := newClock(day1At8)
	st := openStore(b, b.TempDir(), clk)
	cfg := testConfig()
	ch := morning
	ch.Schedule = "@every 1m"
	ch.MaxStories = 20
	cfg.Channels = []config.Channel{ch}
	rec := newRecorder("console")
	s := newService(b, cfg, st, map[string]adapters.Deliverer{"console": rec}, WithClock(clk.Now))
	n := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for range perRun {
			n++
			saveArticle(b, st, storyArticle(fmt.Sprintf("Story number %d about talks", n), clk.Now()), extract.Analysis{})
		}
		clk.Advance(time.Minute)
		b.StartTimer()
		if err := s.channelTick(context.Background(), s.channels[0], clk.Now()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWhoCommand measures a chat `who` answer on a small store.
func BenchmarkWhoCommand(b *testing.B) {
	s, _, _ := commandFixture(b)
	req := adapters.Request{Platform: "slack", Verb: "who", Args: []string{"ayrault"}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if r := s.HandleCommand(context.Background(), req); r.Title != "Jean-Marc Ayrault" {
			b.Fatalf("reply %+v", r)
		}
	}
}
