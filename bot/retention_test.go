package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/store"
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

// TestRetentionPrunesOldArticlesOnlyOncePosted: with bot.article_retention
// set, articles stored longer ago go, but never one a channel has still to
// post: not those after its newest run (its next run starts there), nor
// those of a run that failed and waits for its retry. With the default, 0,
// nothing goes.
func TestRetentionPrunesOldArticlesOnlyOncePosted(t *testing.T) {
	daily := config.Channel{Name: "daily", Platform: "console", Target: "#news", Schedule: "CRON_TZ=UTC 0 8 * * *"}
	article := func(t *testing.T, f *digestFixture, topic string) int64 {
		t.Helper()
		return saveArticle(t, f.st, storyArticle(topic, f.clk.Now()), extract.Analysis{})
	}
	exists := func(t *testing.T, f *digestFixture, id int64) bool {
		t.Helper()
		_, err := f.st.Article(context.Background(), id)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			t.Fatal(err)
		}
		return err == nil
	}

	t.Run("default keeps everything", func(t *testing.T) {
		f := newDigestFixture(t, daily)
		s := f.service(t)
		id := article(t, f, "Old news")
		f.clk.Set(day1At8.Add(365 * 24 * time.Hour))
		if err := s.pruneOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
		if !exists(t, f, id) {
			t.Fatal("an article was deleted with bot.article_retention 0")
		}
	})

	t.Run("posted ones go, unposted ones stay", func(t *testing.T) {
		f := newDigestFixture(t, daily)
		f.cfg.Bot.ArticleRetention = time.Hour
		s := f.service(t)
		posted := article(t, f, "Ceasefire talks") // 06:00, in the day 1 digest
		if err := tick(t, s, day1At8.Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		f.clk.Set(day1At8.Add(time.Hour))
		waiting := article(t, f, "Fishing quotas") // 09:00, for day 2
		f.clk.Set(day1At8.Add(20 * time.Hour))
		if err := s.pruneOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
		if exists(t, f, posted) || !exists(t, f, waiting) {
			t.Fatalf("after the first prune: posted article kept %v, unposted kept %v; want false, true", exists(t, f, posted), exists(t, f, waiting))
		}

		// Day 2's delivery fails: its run is undelivered and keeps its article.
		f.rec.failAt = 1
		day2 := day1At8.Add(24*time.Hour + time.Second)
		f.clk.Set(day2)
		if err := tick(t, s, day2); err == nil {
			t.Fatal("day 2 delivery did not fail")
		}
		f.clk.Set(day2.Add(12 * time.Hour))
		if err := s.pruneOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
		if !exists(t, f, waiting) {
			t.Fatal("an article of an undelivered run was pruned")
		}
		if err := tick(t, s, f.clk.Now()); err != nil { // the retry
			t.Fatal(err)
		}
		if got := f.rec.posted(); !strings.Contains(strings.Join(got, "\n"), "Fishing quotas") {
			t.Fatalf("the retried run did not post its article: %q", got)
		}
		if err := s.pruneOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
		if exists(t, f, waiting) {
			t.Fatal("a posted article past retention was kept")
		}
	})
}
