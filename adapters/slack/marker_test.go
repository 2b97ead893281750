package slack

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
)

// markerOf is the marker in a post's metadata, "" when none.
func markerOf(t *testing.T, p postedMessage) string {
	t.Helper()
	if p.Metadata == "" {
		return ""
	}
	var md struct {
		EventType    string         `json:"event_type"`
		EventPayload map[string]any `json:"event_payload"`
	}
	if err := json.Unmarshal([]byte(p.Metadata), &md); err != nil {
		t.Fatalf("metadata %q: %v", p.Metadata, err)
	}
	if md.EventType != MetadataEventType {
		t.Errorf("metadata event type %q, want %q", md.EventType, MetadataEventType)
	}
	m, _ := md.EventPayload["marker"].(string)
	return m
}

// Every message of a run carries, in its metadata, the marker Sending was
// told before it was posted; markers are the same on every attempt of a
// run and differ between messages, runs and channels.
func TestDeliverMarkedTagsEveryMessage(t *testing.T) {
	d := bigDigest(40)
	msgs := RenderDigest(d)
	f := newFakeSlack(t)
	dl := newTestDeliverer(t, f, Options{})
	var announced []string
	err := dl.DeliverMarked(context.Background(), "C1", d, adapters.Marked{
		Run: "wire@1",
		Sending: func(i int, marker string) error {
			if n := len(f.recorded()); n != i {
				t.Errorf("Sending(%d) called with %d messages posted, want before message %d is", i, n, i)
			}
			announced = append(announced, marker)
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	posts := f.recorded()
	if len(posts) != len(msgs) || len(announced) != len(msgs) {
		t.Fatalf("%d posts, %d markers announced, want %d", len(posts), len(announced), len(msgs))
	}
	seen := map[string]bool{}
	for i, p := range posts {
		got := markerOf(t, p)
		if got == "" || got != announced[i] || got != Marker("wire@1", "C1", i, msgs[i]) {
			t.Errorf("message %d: marker %q, announced %q", i, got, announced[i])
		}
		if seen[got] {
			t.Errorf("message %d repeats marker %q", i, got)
		}
		seen[got] = true
	}
	for _, other := range []string{Marker("wire@2", "C1", 0, msgs[0]), Marker("wire@1", "C2", 0, msgs[0])} {
		if seen[other] {
			t.Errorf("marker %q of another run or channel is one of this run's", other)
		}
	}
	// A plain Deliver (no run) carries no metadata.
	f2 := newFakeSlack(t)
	if err := newTestDeliverer(t, f2, Options{}).Deliver(context.Background(), "C1", d, 0, nil); err != nil {
		t.Fatal(err)
	}
	if p := f2.recorded()[0]; p.Metadata != "" {
		t.Errorf("Deliver without a run posted metadata %s", p.Metadata)
	}
}

// A message in doubt is looked for in the channel's history by its marker
// before it is posted: found, it is recorded sent and not posted again;
// absent, it is posted; when the history cannot be read, nothing is posted.
func TestDeliverMarkedChecksHistoryForAMessageInDoubt(t *testing.T) {
	d := bigDigest(40)
	msgs := RenderDigest(d)
	since := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name         string
		postedBefore bool   // message 1 reached Slack before the crash
		historyError string // conversations.history's answer
		wantErr      string
		wantPosted   []int // message indexes posted by this attempt
		wantSent     []int
	}{
		{"posted before the crash", true, "", "", seq(2, len(msgs)), seq(1, len(msgs))},
		{"never reached Slack", false, "", "", seq(1, len(msgs)), seq(1, len(msgs))},
		{"history unreadable", true, "missing_scope", "missing_scope", nil, nil},
		{"not in the channel", false, "not_in_channel", "not_in_channel", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSlack(t)
			dl := newTestDeliverer(t, f, Options{})
			marker := Marker("wire@1", "C1", 1, msgs[1])
			// The first attempt posted message 0, and message 1 when postedBefore.
			upto := 1
			if tt.postedBefore {
				upto = 2
			}
			for i := range upto {
				if err := dl.post(context.Background(), "C1", msgs[i], Marker("wire@1", "C1", i, msgs[i])); err != nil {
					t.Fatal(err)
				}
			}
			before := len(f.recorded())
			f.historyError = tt.historyError
			var sent []int
			err := dl.DeliverMarked(context.Background(), "C1", d, adapters.Marked{
				Run:     "wire@1",
				Skip:    1,
				InDoubt: &adapters.InDoubt{Index: 1, Marker: marker, Since: since},
				Sent:    func(i int) error { sent = append(sent, i); return nil },
			})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "not posted again") {
					t.Fatalf("err = %v, want %s saying the message is not posted again", err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			var posted []int
			for _, p := range f.recorded()[before:] {
				for i := range msgs {
					if markerOf(t, p) == Marker("wire@1", "C1", i, msgs[i]) {
						posted = append(posted, i)
					}
				}
			}
			if !equalInts(posted, tt.wantPosted) || !equalInts(sent, tt.wantSent) {
				t.Errorf("posted %v, sent %v; want posted %v, sent %v", posted, sent, tt.wantPosted, tt.wantSent)
			}
			if len(f.histories) != 1 {
				t.Fatalf("%d history lookups, want 1", len(f.histories))
			}
			h := f.histories[0]
			oldest, _ := strconv.ParseFloat(h["oldest"], 64)
			latest, _ := strconv.ParseFloat(h["latest"], 64)
			if h["channel"] != "C1" || h["include_all_metadata"] != "1" || oldest > float64(since.Unix()) || latest < float64(since.Unix()) || latest-oldest > 3600 {
				t.Errorf("history asked with %v, want channel C1, include_all_metadata=1, a bounded window around %d", h, since.Unix())
			}
		})
	}
}

// A post Slack refused (a rate limit, an error answer) was not posted and is
// reported Refused, so it leaves no doubt; an answer that leaves the outcome
// unknown (internal_error, a transport failure) reports nothing.
func TestDeliverMarkedReportsRefusals(t *testing.T) {
	tests := []struct {
		name        string
		rateLimited int
		fail        string // chat.postMessage's error answer on the first post
		wantRefused bool
	}{
		{"rate limited", 1, "", true},
		{"channel not found", 0, "channel_not_found", true},
		{"internal error", 0, "internal_error", false},
		{"fatal error", 0, "fatal_error", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSlack(t)
			f.rateLimited = tt.rateLimited
			if tt.fail != "" {
				f.failAfter, f.failWith = -1, tt.fail
			}
			dl := newTestDeliverer(t, f, Options{})
			var refused []int
			err := dl.DeliverMarked(context.Background(), "C1", bigDigest(3), adapters.Marked{
				Run:     "r",
				Refused: func(i int) error { refused = append(refused, i); return nil },
			})
			if err == nil {
				t.Fatal("the refused post succeeded")
			}
			if got := len(refused) == 1 && refused[0] == 0; got != tt.wantRefused {
				t.Errorf("refused %v, want message 0 reported refused: %v", refused, tt.wantRefused)
			}
		})
	}
	t.Run("Slack unreachable", func(t *testing.T) {
		f := newFakeSlack(t)
		dl := newTestDeliverer(t, f, Options{})
		f.server.Stop()
		called := false
		err := dl.DeliverMarked(context.Background(), "C1", bigDigest(3), adapters.Marked{
			Run: "r", Refused: func(int) error { called = true; return nil },
		})
		if err == nil || called {
			t.Errorf("err %v, refused reported %v: a post that may have arrived is not a refusal", err, called)
		}
	})
}

func seq(from, to int) []int {
	var s []int
	for i := from; i < to; i++ {
		s = append(s, i)
	}
	return s
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
