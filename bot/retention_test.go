package bot

import (
	"context"
	"testing"
	"time"

	"github.com/attache-bot/attache/config"
)

// TestRetentionPrunesOldDigestRuns: delivered runs older than
// bot.digest_run_retention go (a 3 s schedule once made 275 rows in 12
// minutes, none ever deleted); each channel's newest run stays, since the
// next run starts where it ended, and so does every recent run.
func TestRetentionPrunesOldDigestRuns(t *testing.T) {
	every := config.Channel{Name: "hourly", Platform: "console", Target: "#news", Schedule: "CRON_TZ=UTC 0 * * * *"}
	f := newDigestFixture(t, every)
	f.cfg.Bot.DigestRunRetention = 24 * time.Hour
	s := f.service(t)
	start := day1At8
	for h := range 30 { // 30 hourly runs, delivered
		f.clk.Set(start.Add(time.Duration(h)*time.Hour + time.Second))
		f.add(t, "Story of hour "+time.Duration(h).String())
		if err := tick(t, s, f.clk.Now()); err != nil {
			t.Fatal(err)
		}
	}
	newest := lastRun(t, f.st, "hourly")
	if err := s.pruneOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Runs of the last 24 hours (slots 06:00 day 2 .. 13:00 day 2) remain.
	n, err := f.st.PruneDigestRuns(context.Background(), start.Add(-time.Hour))
	if err != nil || n != 0 {
		t.Fatalf("second prune deleted %d (%v): the first should have done it all", n, err)
	}
	if last := lastRun(t, f.st, "hourly"); last.ID != newest.ID {
		t.Fatalf("newest run %d pruned (last is now %d)", newest.ID, last.ID)
	}
	// Prune everything older than now: only the newest run stays.
	n, err = f.st.PruneDigestRuns(context.Background(), f.clk.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if n != 24-1 {
		t.Errorf("pruning all but the newest deleted %d runs, want 23 (24 kept by retention, less the newest)", n)
	}
	if last := lastRun(t, f.st, "hourly"); last.ID != newest.ID {
		t.Fatalf("newest run %d pruned", newest.ID)
	}
}
