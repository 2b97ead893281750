package slack

import (
	"cmp"
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

	"github.com/attache-bot/attache/adapters"
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
	Metadata    string // the metadata parameter, JSON
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
	failAfter   int    // answer channel_not_found once this many posts succeeded, 0: never, -1: always
	failWith    string // the error answered instead of channel_not_found
	// historyError, when set, is conversations.history's error answer;
	// histories records each conversations.history request's form.
	historyError string
	histories    []map[string]string
}

func newFakeSlack(t *testing.T) *fakeSlack {
	t.Helper()
	f := &fakeSlack{}
	f.server = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", f.postMessage)
		c.Handle("/chat.postEphemeral", f.postEphemeral)
		c.Handle("/conversations.history", f.history)
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
	if f.failAfter < 0 || f.failAfter > 0 && len(f.posts) >= f.failAfter {
		writeJSON(w, map[string]any{"ok": false, "error": cmp.Or(f.failWith, "channel_not_found")})
		return
	}
	f.posts = append(f.posts, postedMessage{
		Channel:     r.Form.Get("channel"),
		Text:        r.Form.Get("text"),
		Blocks:      r.Form.Get("blocks"),
		UnfurlLinks: r.Form.Get("unfurl_links"),
		UnfurlMedia: r.Form.Get("unfurl_media"),
		ThreadTS:    r.Form.Get("thread_ts"),
		Metadata:    r.Form.Get("metadata"),
	})
	writeJSON(w, map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": fmt.Sprintf("1700000000.%06d", len(f.posts))})
}

// history answers conversations.history with every post to the channel,
// newest first, each with its metadata.
func (f *fakeSlack) history(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	form := map[string]string{}
	for k := range r.Form {
		form[k] = r.Form.Get(k)
	}
	f.histories = append(f.histories, form)
	if f.historyError != "" {
		writeJSON(w, map[string]any{"ok": false, "error": f.historyError})
		return
	}
	var msgs []map[string]any
	for i := len(f.posts) - 1; i >= 0; i-- {
		p := f.posts[i]
		if p.Channel != form["channel"] {
			continue
		}
		msg := map[string]any{"type": "message", "text": p.Text, "ts": fmt.Sprintf("1700000000.%06d", i+1)}
		if p.Metadata != "" {
			msg["metadata"] = json.RawMessage(p.Metadata)
		}
		msgs = append(msgs, msg)
	}
	writeJSON(w, map[string]any{"ok": true, "messages": msgs, "has_more": false})
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

// TestDeliverReturnsRetryAfter: a 429 ends Deliver at once with Slack's
// Retry-After as an *adapters.RetryAfterError (the bot's retry stage waits,
// or not), and a later Deliver resumes after the messages already posted.
func TestDeliverReturnsRetryAfter(t *testing.T) {
	f := newFakeSlack(t)
	f.rateLimited = 1
	dl := newTestDeliverer(t, f, Options{})
	d := bigDigest(40)
	var sent []int
	record := func(i int) error { sent = append(sent, i); return nil }
	err := dl.Deliver(context.Background(), "C1", d, 0, record)
	var retry *adapters.RetryAfterError
	if !errors.As(err, &retry) || retry.After != time.Second {
		t.Fatalf("err = %v, want a RetryAfterError of 1s", err)
	}
	var limited *slackgo.RateLimitedError
	if !errors.As(err, &limited) {
		t.Errorf("err = %v does not wrap Slack's rate-limit error", err)
	}
	if len(sent) != 0 || f.calls != 1 {
		t.Fatalf("sent %v after %d calls: the adapter retried by itself", sent, f.calls)
	}
	if err := dl.Deliver(context.Background(), "C1", d, len(sent), record); err != nil {
		t.Fatal(err)
	}
	if posts := f.recorded(); len(posts) != len(sent) || len(sent) < 2 || sent[0] != 0 {
		t.Errorf("posted %d, sent %v", len(posts), sent)
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
