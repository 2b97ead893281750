package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/digest"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
	"github.com/attache-bot/attache/store"
)

// clock is a settable time source shared by the service and the store.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock(t time.Time) *clock { return &clock{now: t} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// openStore opens a real SQLite store in dir (the same dir gives the same
// database, as after a restart).
func openStore(t testing.TB, dir string, clk *clock) store.Store {
	t.Helper()
	var opts []store.Option
	if clk != nil {
		opts = append(opts, store.WithClock(clk.Now))
	}
	st, err := store.Open(context.Background(), "sqlite", filepath.Join(dir, "attache.db"), opts...)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// testConfig is the default configuration without an HTTP listener.
func testConfig() *config.Config {
	cfg := config.Default()
	cfg.HTTP.Listen = ""
	cfg.Fetch.Timeout = 5 * time.Second
	return cfg
}

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func newService(t testing.TB, cfg *config.Config, st store.Store, deliverers map[string]adapters.Deliverer, opts ...Option) *Service {
	t.Helper()
	ex, err := extract.New()
	if err != nil {
		t.Fatalf("extract.New: %v", err)
	}
	opts = append([]Option{WithLogger(quietLogger()), WithHolder("test-replica")}, opts...)
	s, err := New(cfg, st, ex, deliverers, opts...)
	if err != nil {
		t.Fatalf("bot.New: %v", err)
	}
	return s
}

// saveArticle stores an article with a hand-written analysis, so tests of
// the bot do not depend on the extractor's judgement.
func saveArticle(t testing.TB, st store.Store, a ingest.Article, an extract.Analysis) int64 {
	t.Helper()
	if an.Title == "" {
		an.Title = a.Title
	}
	id, created, err := st.SaveArticle(context.Background(), a, an)
	if err != nil {
		t.Fatalf("save article %q: %v", a.Title, err)
	}
	if !created {
		t.Fatalf("article %q was already stored", a.Title)
	}
	return id
}

// storyArticle is an article about a topic no other test article shares, so
// that it makes a story of its own.
func storyArticle(topic string, fetched time.Time) ingest.Article {
	return ingest.Article{
		URL:     "https://news.example/" + strings.ReplaceAll(strings.ToLower(topic), " ", "-"),
		Source:  "https://news.example/feed.xml",
		Feed:    "Example News",
		Title:   topic,
		Body:    "A report about " + topic + ". Negotiators met for talks on " + topic + " and promised to meet again.",
		Fetched: fetched,
	}
}

// recorder is a Deliverer that posts one message per story and records
// them. The deliverer is not what these tests examine; the service's use
// of it (skip, sent, once) is.
type recorder struct {
	platform string
	mu       sync.Mutex
	messages []string // "target: headline"
	digests  int
	// failAt makes the next Deliver fail just before posting message
	// failAt (once), as a platform outage would.
	failAt int
	// block, when set, holds each Deliver until it is closed.
	block chan struct{}
	last  digest.Digest // the digest of the latest Deliver
}

func newRecorder(platform string) *recorder { return &recorder{platform: platform, failAt: -1} }

func (r *recorder) Platform() string { return r.platform }

func (r *recorder) Deliver(ctx context.Context, target string, d digest.Digest, skip int, sent func(int) error) error {
	if r.block != nil {
		select {
		case <-r.block:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	msgs := []string{d.Title}
	for _, s := range d.Stories {
		msgs = append(msgs, s.Headline)
	}
	r.mu.Lock()
	r.digests++
	r.last = d
	r.mu.Unlock()
	for i := skip; i < len(msgs); i++ {
		r.mu.Lock()
		if r.failAt == i {
			r.failAt = -1
			r.mu.Unlock()
			return errors.New("platform unavailable")
		}
		r.messages = append(r.messages, target+": "+msgs[i])
		r.mu.Unlock()
		if err := sent(i); err != nil {
			return fmt.Errorf("record sent: %w", err)
		}
	}
	return nil
}

func (r *recorder) attempts() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.digests
}

func (r *recorder) posted() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.messages...)
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
