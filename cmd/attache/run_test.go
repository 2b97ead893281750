package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"github.com/attache-bot/attache/adapters/matrix"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/internal/lockedbuf"
	"github.com/attache-bot/attache/store"
)

// slackPosts is a slacktest server whose chat.postMessage records posts.
type slackPosts struct {
	server *slacktest.Server
	mu     sync.Mutex
	posts  []string // channel, text and blocks of each post
}

func newSlackPosts(t *testing.T) *slackPosts {
	t.Helper()
	p := &slackPosts{}
	p.server = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", p.postMessage)
	})
	p.server.Start()
	t.Cleanup(p.server.Stop)
	return p
}

func (p *slackPosts) postMessage(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if r.Form.Get("token") != "xoxb-e2e" && r.Header.Get("Authorization") != "Bearer xoxb-e2e" {
		json.NewEncoder(w).Encode(map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	p.mu.Lock()
	p.posts = append(p.posts, r.Form.Get("channel")+"\n"+r.Form.Get("text")+"\n"+r.Form.Get("blocks"))
	n := len(p.posts)
	p.mu.Unlock()
	json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": fmt.Sprintf("1700000000.%06d", n)})
}

func (p *slackPosts) all() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.posts...)
}

// startRun runs `attache run --config path` in-process until the returned
// stop function is called; stop returns the exit code.
func startRun(t *testing.T, path, healthURL string) (stop func() int, stderr *lockedbuf.Buffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stderr = &lockedbuf.Buffer{}
	code := make(chan int, 1)
	go func() {
		code <- dispatch(ctx, stdio{in: strings.NewReader(""), out: &lockedbuf.Buffer{}, err: stderr}, []string{"run", "--config", path})
	}()
	waitUntil(t, 10*time.Second, "/healthz to answer 200", func() bool {
		select {
		case c := <-code:
			code <- c
			t.Fatalf("run exited early with %d:\n%s", c, stderr)
		default:
		}
		resp, err := http.Get(healthURL)
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	return func() int {
		cancel()
		select {
		case c := <-code:
			return c
		case <-time.After(20 * time.Second):
			t.Fatalf("run did not stop within 20s of the signal:\n%s", stderr)
			return -1
		}
	}, stderr
}

func waitUntil(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func freeLoopbackAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// countContaining counts the posts that contain s.
func countContaining(posts []string, s string) int {
	n := 0
	for _, p := range posts {
		if strings.Contains(p, s) {
			n++
		}
	}
	return n
}

// TestRunEndToEndWithSlack runs the whole service twice on one database: a
// local source directory, a Slack channel on a 2-second schedule, Slack
// played by slacktest. Each story is posted once, across restarts.
func TestRunEndToEndWithSlack(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run takes about 15 seconds")
	}
	slackAPI := newSlackPosts(t)
	dir := t.TempDir()
	articles := filepath.Join(dir, "articles")
	if err := os.Mkdir(articles, 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, "../../examples/articles/000_dca0585e2d2c906d.txt", filepath.Join(articles, "000.txt"))
	copyFile(t, "../../examples/articles/001_black_sea_grain_talks.txt", filepath.Join(articles, "001.txt"))
	addr := freeLoopbackAddr(t)
	configPath := filepath.Join(dir, "attache.yaml")
	cfg := fmt.Sprintf(`sources:
  - name: Local articles
    path: %s
    interval: 1s
channels:
  - name: news
    platform: slack
    target: C0NEWS
    schedule: "@every 2s"
slack:
  bot_token: xoxb-e2e
  api_url: %s
http:
  listen: %s
database:
  driver: sqlite
  dsn: %s
log:
  level: debug
  format: text
`, articles, slackAPI.server.GetAPIURL(), addr, filepath.Join(dir, "attache.db"))
	if err := os.WriteFile(configPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	health := "http://" + addr + "/healthz"
	const (
		aleppo = "France makes new push for Aleppo ceasefire"
		grain  = "Turkey brokers talks to reopen Black Sea grain corridor"
		fresh  = "Envoys agree on prisoner exchange in Geneva"
	)

	stop, stderr := startRun(t, configPath, health)
	waitUntil(t, 15*time.Second, "the first digest", func() bool {
		posts := slackAPI.all()
		return countContaining(posts, aleppo) > 0 && countContaining(posts, grain) > 0
	})
	time.Sleep(3 * time.Second) // at least one more activation
	if code := stop(); code != 0 {
		t.Fatalf("first run exited %d:\n%s", code, stderr)
	}
	first := slackAPI.all()
	for _, h := range []string{aleppo, grain} {
		if n := countContaining(first, h); n != 1 {
			t.Fatalf("%q posted %d times in the first run:\n%s", h, n, stderr)
		}
	}
	for _, p := range first {
		if !strings.HasPrefix(p, "C0NEWS\n") {
			t.Fatalf("posted outside the channel: %.80q", p)
		}
	}

	// Restart on the same database: catch-up and activations post nothing
	// old; a new article makes exactly one new digest.
	stop, stderr = startRun(t, configPath, health)
	time.Sleep(3 * time.Second)
	if got := slackAPI.all(); len(got) != len(first) {
		t.Fatalf("the restart posted %d more messages:\n%s", len(got)-len(first), strings.Join(got[len(first):], "\n---\n"))
	}
	if err := os.WriteFile(filepath.Join(articles, "002.txt"), []byte(fresh+"\n\n"+
		"Negotiators from both sides agreed in Geneva on Thursday to exchange 40 prisoners before the end of the month.\n\n"+
		"\"This is a first step, not the last one,\" the Swiss mediator, Claudia Bernasconi, told reporters.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, 15*time.Second, "the digest of the new article", func() bool {
		return countContaining(slackAPI.all(), fresh) > 0
	})
	time.Sleep(3 * time.Second)
	if code := stop(); code != 0 {
		t.Fatalf("second run exited %d:\n%s", code, stderr)
	}
	added := slackAPI.all()[len(first):]
	if n := countContaining(added, fresh); n != 1 {
		t.Fatalf("the new article was posted %d times", n)
	}
	if n := countContaining(added, "attache digest"); n != 1 {
		t.Fatalf("%d new digests, want exactly one:\n%s", n, strings.Join(added, "\n---\n"))
	}
	if countContaining(added, aleppo)+countContaining(added, grain) != 0 {
		t.Fatalf("old stories posted again:\n%s", strings.Join(added, "\n---\n"))
	}
}

func TestRunWithoutConfigServesHealth(t *testing.T) {
	dir := t.TempDir()
	addr := freeLoopbackAddr(t)
	t.Setenv("ATTACHE_HTTP_LISTEN", addr)
	t.Setenv("ATTACHE_DATABASE_DSN", filepath.Join(dir, "attache.db"))
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &lockedbuf.Buffer{}
	code := make(chan int, 1)
	go func() {
		code <- dispatch(ctx, stdio{in: strings.NewReader(""), out: &lockedbuf.Buffer{}, err: stderr}, []string{"run"})
	}()
	waitUntil(t, 10*time.Second, "/healthz", func() bool {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	resp, err := http.Get("http://" + addr + "/readyz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("/readyz: %v %v", resp, err)
	}
	resp.Body.Close()
	resp, err = http.Get("http://" + addr + "/metrics")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("/metrics: %v %v", resp, err)
	}
	resp.Body.Close()
	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Fatalf("exit code %d:\n%s", c, stderr)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("run did not stop")
	}
}

func TestRunUsage(t *testing.T) {
	if code, _, stderr := run(t, "", "run", "extra"); code != exitUsage || !strings.Contains(stderr, `unexpected argument "extra"`) {
		t.Fatalf("code %d, stderr %q", code, stderr)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("channels:\n  - name: x\n    platform: carrier-pigeon\n    schedule: \"@daily\"\n"), 0o600)
	if code, _, stderr := run(t, "", "run", "--config", bad); code != exitFailure || !strings.Contains(stderr, "channels[0].platform") {
		t.Fatalf("code %d, stderr %q", code, stderr)
	}
}

// wireAdapters gives the Matrix adapter a pool on attache's own database
// for its crypto state when a pickle key turns encryption on; a build
// without the goolm tag refuses instead of starting without it.
func TestWireAdaptersMatrixEncryption(t *testing.T) {
	cfg := config.Default()
	cfg.Database.DSN = filepath.Join(t.TempDir(), "attache.db")
	cfg.Matrix.Homeserver = "https://matrix.example.org"
	cfg.Matrix.UserID = "@attache:example.org"
	cfg.Matrix.AccessToken = "t"
	cfg.Matrix.PickleKey = "a pickle key of some length"
	st, err := store.Open(context.Background(), "sqlite", cfg.Database.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w, err := wireAdapters(cfg, st, io.Discard, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	if !matrix.EncryptionAvailable {
		if err == nil || !strings.Contains(err.Error(), "-tags goolm") {
			t.Fatalf("wireAdapters without goolm: %v, want a refusal naming the tag", err)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	defer w.shutdown(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if !w.matrix.Encrypted() {
		t.Error("a pickle key did not turn encryption on")
	}
}
