package bot

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
)

// readyDeliverer is a Deliverer that reports readiness.
type readyDeliverer struct {
	platform string
	err      atomic.Pointer[error]
}

func (d *readyDeliverer) Platform() string { return d.platform }
func (d *readyDeliverer) Deliver(context.Context, string, digest.Digest, int, func(int) error) error {
	return nil
}
func (d *readyDeliverer) Ready(context.Context) error {
	if p := d.err.Load(); p != nil {
		return *p
	}
	return nil
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestHTTPEndpoints(t *testing.T) {
	st := openStore(t, t.TempDir(), nil)
	matrix := &readyDeliverer{platform: "matrix"}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	s := newService(t, testConfig(), st, map[string]adapters.Deliverer{"matrix": matrix}, WithListener(ln))
	var slashCalls atomic.Int32
	s.Handle("POST /slack/commands", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		slashCalls.Add(1)
		io.WriteString(w, "ack")
	}))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()

	waitFor(t, 5*time.Second, "/healthz", func() bool {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil && resp.StatusCode == 200
	})
	if code, body := get(t, base+"/readyz"); code != 200 || body != "ready\n" {
		t.Fatalf("/readyz = %d %q", code, body)
	}
	notReady := errors.New("not logged in")
	matrix.err.Store(&notReady)
	if code, body := get(t, base+"/readyz"); code != 503 || !strings.Contains(body, "matrix: not logged in") {
		t.Fatalf("/readyz with a deliverer down = %d %q", code, body)
	}
	if code, _ := get(t, base+"/healthz"); code != 200 {
		t.Fatalf("/healthz must stay 200 while a dependency is down, got %d", code)
	}
	resp, err := http.Post(base+"/slack/commands", "application/x-www-form-urlencoded", strings.NewReader("text=help"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || slashCalls.Load() != 1 {
		t.Fatalf("mounted handler: status %d, calls %d", resp.StatusCode, slashCalls.Load())
	}
	if code, _ := get(t, base+"/slack/commands"); code != http.StatusMethodNotAllowed {
		t.Fatalf("GET on a POST route = %d", code)
	}
	if code, _ := get(t, base+"/nowhere"); code != 404 {
		t.Fatalf("unknown path = %d", code)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Fatal("still serving after Run returned")
	}
}

func TestRunFailsWhenTheAddressIsTaken(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	cfg := testConfig()
	cfg.HTTP.Listen = taken.Addr().String()
	s := newService(t, cfg, openStore(t, t.TempDir(), nil), nil)
	err = s.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "http listen") {
		t.Fatalf("Run = %v, want a listen error", err)
	}
}

func TestLeaderTaskRunsOnOneReplicaAtATime(t *testing.T) {
	st := openStore(t, t.TempDir(), nil)
	var running, maxRunning atomic.Int32
	var runs atomic.Int32
	task := func(ctx context.Context) error {
		n := running.Add(1)
		runs.Add(1)
		for {
			m := maxRunning.Load()
			if n <= m || maxRunning.CompareAndSwap(m, n) {
				break
			}
		}
		<-ctx.Done()
		running.Add(-1)
		return nil
	}
	start := func(holder string) (stop func()) {
		s := newService(t, testConfig(), st, nil, WithHolder(holder))
		s.leaderLease = 300 * time.Millisecond
		s.GoLeader("matrix-sync", task)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { s.Run(ctx); close(done) }()
		return func() { cancel(); <-done }
	}
	stopA := start("replica-a")
	waitFor(t, 5*time.Second, "the first leader", func() bool { return running.Load() == 1 })
	stopB := start("replica-b")
	time.Sleep(time.Second) // several renewal periods
	if maxRunning.Load() != 1 || runs.Load() != 1 {
		t.Fatalf("max concurrent %d, runs %d: the task ran on both replicas", maxRunning.Load(), runs.Load())
	}
	stopA() // the leader stops; the other replica takes over
	waitFor(t, 5*time.Second, "the second leader", func() bool { return runs.Load() == 2 && running.Load() == 1 })
	stopB()
	if maxRunning.Load() != 1 {
		t.Fatalf("max concurrent %d", maxRunning.Load())
	}
}

// TestLostDatabaseStopsReadinessAndDelivery: deleting the SQLite file
// while running once left /readyz at 200 and digests posted, their record
// written to the deleted file; after a restart they were posted again.
// Now the service is not ready and delivers nothing until it is back.
func TestLostDatabaseStopsReadinessAndDelivery(t *testing.T) {
	f := newDigestFixture(t, morning)
	f.add(t, "Ceasefire talks in Geneva")
	s := f.service(t)
	if err := s.ready(context.Background()); err != nil {
		t.Fatalf("ready before the loss: %v", err)
	}
	db := filepath.Join(f.dir, "attache.db")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(db + suffix)
	}
	if err := s.ready(context.Background()); err == nil || !strings.Contains(err.Error(), "is gone") {
		t.Fatalf("ready after the database file was deleted = %v, want an error", err)
	}
	f.clk.Set(day1At8.Add(3 * time.Second))
	if err := tick(t, s, f.clk.Now()); err == nil {
		t.Fatal("a digest was delivered with the database file deleted")
	}
	if posted := f.rec.posted(); len(posted) != 0 {
		t.Fatalf("posted %q with the database file deleted", posted)
	}
}
