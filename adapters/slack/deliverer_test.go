package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/slacktest"

	"github.com/attache-bot/attache/digest"
)

// postedMessage is what the test Slack server received in one
// chat.postMessage call.
type postedMessage struct {
	Channel     string
	User        string // chat.postEphemeral only
	Text        string
	Blocks      string
	UnfurlLinks string
	UnfurlMedia string
	ThreadTS    string
}

// fakeSlack is a slacktest server whose chat.postMessage records every post
// and answers the first rateLimited calls with 429 Retry-After: 1.
type fakeSlack struct {
	server *slacktest.Server

	mu          sync.Mutex
	posts       []postedMessage
	ephemeral   []postedMessage
	calls       int
	rateLimited int
	failAfter   int // answer channel_not_found once this many posts succeeded, 0: never
}

func newFakeSlack(t *testing.T) *fakeSlack {
	t.Helper()
	f := &fakeSlack{}
	f.server = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", f.postMessage)
		c.Handle("/chat.postEphemeral", f.postEphemeral)
	})
	f.server.Start()
	t.Cleanup(f.server.Stop)
	return f
}

func (f *fakeSlack) postMessage(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if r.Form.Get("token") != "xoxb-test" && r.Header.Get("Authorization") != "Bearer xoxb-test" {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.calls <= f.rateLimited {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	if f.failAfter > 0 && len(f.posts) >= f.failAfter {
		writeJSON(w, map[string]any{"ok": false, "error": "channel_not_found"})
		return
	}
	f.posts = append(f.posts, postedMessage{
		Channel:     r.Form.Get("channel"),
		Text:        r.Form.Get("text"),
		Blocks:      r.Form.Get("blocks"),
		UnfurlLinks: r.Form.Get("unfurl_links"),
		UnfurlMedia: r.Form.Get("unfurl_media"),
		ThreadTS:    r.Form.Get("thread_ts"),
	})
	writeJSON(w, map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": fmt.Sprintf("1700000000.%06d", len(f.posts))})
}

func (f *fakeSlack) postEphemeral(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil || (r.Form.Get("token") != "xoxb-test" && r.Header.Get("Authorization") != "Bearer xoxb-test") {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.ephemeral = append(f.ephemeral, postedMessage{
		Channel: r.Form.Get("channel"),
		User:    r.Form.Get("user"),
		Text:    r.Form.Get("text"),
		Blocks:  r.Form.Get("blocks"),
	})
	writeJSON(w, map[string]any{"ok": true, "message_ts": "1700000000.000001"})
}

func (f *fakeSlack) recordedEphemeral() []postedMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]postedMessage(nil), f.ephemeral...)
}

func (f *fakeSlack) recorded() []postedMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]postedMessage(nil), f.posts...)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func newTestDeliverer(t *testing.T, f *fakeSlack, opts Options) *Deliverer {
	t.Helper()
	opts.BotToken = "xoxb-test"
	opts.APIURL = f.server.GetAPIURL()
	dl, err := NewDeliverer(opts)
	if err != nil {
		t.Fatal(err)
	}
	return dl
}

// blocksJSON is the blocks parameter slack-go sends for m.
func blocksJSON(t *testing.T, m Message) string {
	t.Helper()
	raw, err := json.Marshal(slackgo.Blocks{BlockSet: m.Blocks})
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

func TestDeliverPostsEveryMessageInOrder(t *testing.T) {
	d := bigDigest(40)
	want := RenderDigest(d)
	if len(want) < 3 {
		t.Fatalf("fixture renders to %d messages, want at least 3", len(want))
	}
	tests := []struct {
		name string
		skip int
	}{
		{"from the start", 0},
		{"resume after the first", 1},
		{"resume near the end", len(want) - 1},
		{"everything already sent", len(want)},
		{"negative skip", -3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSlack(t)
			dl := newTestDeliverer(t, f, Options{})
			var sent []int
			err := dl.Deliver(context.Background(), "C0DIGEST", d, tt.skip, func(i int) error {
				sent = append(sent, i)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			first := max(tt.skip, 0)
			posts := f.recorded()
			if len(posts) != len(want)-first {
				t.Fatalf("posted %d messages, want %d", len(posts), len(want)-first)
			}
			for k, p := range posts {
				i := first + k
				if sent[k] != i {
					t.Errorf("sent callback %d got index %d, want %d", k, sent[k], i)
				}
				if p.Channel != "C0DIGEST" || p.ThreadTS != "" {
					t.Errorf("post %d went to %q thread %q", i, p.Channel, p.ThreadTS)
				}
				if p.UnfurlLinks != "false" || p.UnfurlMedia != "false" {
					t.Errorf("post %d: unfurl_links=%q unfurl_media=%q", i, p.UnfurlLinks, p.UnfurlMedia)
				}
				if p.Text != want[i].Text {
					t.Errorf("post %d text = %q, want %q", i, p.Text, want[i].Text)
				}
				if p.Blocks != blocksJSON(t, want[i]) {
					t.Errorf("post %d blocks differ from message %d", k, i)
				}
			}
		})
	}
}

func TestDeliverWaitsOutRateLimit(t *testing.T) {
	f := newFakeSlack(t)
	f.rateLimited = 2
	var waits []time.Duration
	dl := newTestDeliverer(t, f, Options{OnRateLimit: func(w time.Duration) { waits = append(waits, w) }})
	start := time.Now()
	err := dl.Deliver(context.Background(), "C1", loadJSON[digest.Digest](t, "hostile_digest.json"), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed < 2*time.Second {
		t.Errorf("delivered after %v, before the two 1 s Retry-After waits", elapsed)
	}
	if len(waits) != 2 || waits[0] != time.Second || waits[1] != time.Second {
		t.Errorf("rate-limit hook saw %v, want [1s 1s]", waits)
	}
	if posts := f.recorded(); len(posts) != 1 {
		t.Errorf("posted %d messages, want 1", len(posts))
	}
}

func TestDeliverGivesUpAfterMaxAttempts(t *testing.T) {
	f := newFakeSlack(t)
	f.rateLimited = 100
	dl := newTestDeliverer(t, f, Options{MaxAttempts: 2})
	err := dl.Deliver(context.Background(), "C1", bigDigest(1), 0, func(int) error {
		t.Error("sent called for a message that was never posted")
		return nil
	})
	var limited *slackgo.RateLimitedError
	if !errors.As(err, &limited) {
		t.Fatalf("err = %v, want a rate-limit error", err)
	}
	if f.calls != 2 {
		t.Errorf("%d attempts, want 2", f.calls)
	}
}

func TestDeliverRateLimitWaitRespectsContext(t *testing.T) {
	f := newFakeSlack(t)
	f.rateLimited = 100
	dl := newTestDeliverer(t, f, Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	err := dl.Deliver(ctx, "C1", bigDigest(1), 0, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
}

func TestDeliverErrors(t *testing.T) {
	t.Run("slack error stops delivery", func(t *testing.T) {
		f := newFakeSlack(t)
		f.failAfter = 1
		dl := newTestDeliverer(t, f, Options{})
		var sent []int
		err := dl.Deliver(context.Background(), "C1", bigDigest(40), 0, func(i int) error { sent = append(sent, i); return nil })
		if err == nil || !strings.Contains(err.Error(), "channel_not_found") || !strings.Contains(err.Error(), "message 2/") {
			t.Fatalf("err = %v, want channel_not_found on message 2", err)
		}
		if len(sent) != 1 || sent[0] != 0 {
			t.Errorf("sent = %v, want [0]", sent)
		}
	})
	t.Run("sent callback error stops delivery", func(t *testing.T) {
		f := newFakeSlack(t)
		dl := newTestDeliverer(t, f, Options{})
		boom := errors.New("lease lost")
		err := dl.Deliver(context.Background(), "C1", bigDigest(40), 0, func(int) error { return boom })
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v, want %v", err, boom)
		}
		if n := len(f.recorded()); n != 1 {
			t.Errorf("posted %d messages after the callback failed, want 1", n)
		}
	})
	t.Run("bad token", func(t *testing.T) {
		f := newFakeSlack(t)
		dl, err := NewDeliverer(Options{BotToken: "xoxb-wrong", APIURL: f.server.GetAPIURL()})
		if err != nil {
			t.Fatal(err)
		}
		if err := dl.Deliver(context.Background(), "C1", bigDigest(1), 0, nil); err == nil || !strings.Contains(err.Error(), "invalid_auth") {
			t.Fatalf("err = %v, want invalid_auth", err)
		}
	})
	t.Run("no token, no channel", func(t *testing.T) {
		if _, err := NewDeliverer(Options{}); err == nil {
			t.Error("NewDeliverer without a token succeeded")
		}
		f := newFakeSlack(t)
		dl := newTestDeliverer(t, f, Options{})
		if err := dl.Deliver(context.Background(), "", bigDigest(1), 0, nil); err == nil {
			t.Error("Deliver to an empty channel succeeded")
		}
	})
}
