package matrix

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/digest"
)

// memState is an in-memory StateStore.
type memState struct {
	mu sync.Mutex
	m  map[string]string
}

func (s *memState) GetState(_ context.Context, key string) (string, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[key]
	return v, ok, nil
}

func (s *memState) SetState(_ context.Context, key, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]string{}
	}
	s.m[key] = value
	return nil
}

// limitingHomeserver is the slice of a homeserver that delivery touches
// (join, alias lookup, send), answering the first `limited` sends with
// M_LIMIT_EXCEEDED. It records every send attempt.
type limitingHomeserver struct {
	mu        sync.Mutex
	limited   int
	forbidden int // sends answered M_FORBIDDEN (the bot was kicked)
	attempts  []sendAttempt
	posted    []sendAttempt // accepted sends, one per transaction ID
	joined    []string
}

type sendAttempt struct {
	room, txn string
	content   map[string]any
}

func (h *limitingHomeserver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	path := strings.TrimPrefix(r.URL.EscapedPath(), "/_matrix/client/v3/")
	parts := strings.Split(path, "/")
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodPost && parts[0] == "join":
		h.joined = append(h.joined, parts[1])
		io.WriteString(w, `{"room_id":"!room:hs.test"}`)
	case r.Method == http.MethodGet && path == "directory/room/%23news:hs.test":
		io.WriteString(w, `{"room_id":"!room:hs.test","servers":["hs.test"]}`)
	case r.Method == http.MethodPut && len(parts) == 5 && parts[0] == "rooms" && parts[2] == "send":
		var content map[string]any
		if err := json.NewDecoder(r.Body).Decode(&content); err != nil {
			http.Error(w, `{"errcode":"M_NOT_JSON"}`, http.StatusBadRequest)
			return
		}
		a := sendAttempt{room: parts[1], txn: parts[4], content: content}
		h.attempts = append(h.attempts, a)
		if h.forbidden > 0 {
			h.forbidden--
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, `{"errcode":"M_FORBIDDEN","error":"not in room"}`)
			return
		}
		if h.limited > 0 {
			h.limited--
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests","retry_after_ms":40}`)
			return
		}
		for _, p := range h.posted {
			if p.txn == a.txn { // idempotent, as the spec requires
				io.WriteString(w, `{"event_id":"$dup"}`)
				return
			}
		}
		h.posted = append(h.posted, a)
		io.WriteString(w, `{"event_id":"$e`+a.txn+`"}`)
	default:
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"errcode":"M_UNRECOGNIZED","error":"`+r.Method+" "+path+`"}`)
	}
}

func newTestAdapter(t *testing.T, hs http.Handler, onRateLimit func(time.Duration)) *Adapter {
	t.Helper()
	srv := httptest.NewServer(hs)
	t.Cleanup(srv.Close)
	a, err := New(Options{
		Config:      config.Matrix{Homeserver: srv.URL, UserID: "@bot:hs.test", AccessToken: "token"},
		State:       &memState{},
		OnRateLimit: onRateLimit,
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestDeliverReturnsRetryAfter: M_LIMIT_EXCEEDED ends Deliver at once with
// the homeserver's retry_after_ms as an *adapters.RetryAfterError (the
// bot's retry stage decides whether to wait), and the retry resumes where
// it stopped with the same transaction IDs, so nothing is posted twice.
func TestDeliverReturnsRetryAfter(t *testing.T) {
	hs := &limitingHomeserver{}
	a := newTestAdapter(t, hs, func(d time.Duration) { t.Errorf("delivery waited %v by itself", d) })
	d := bigDigest(120)
	want := pack(renderDigest(d))
	var sent []int
	record := func(i int) error { sent = append(sent, i); return nil }
	deliver := func() error { return a.Deliver(context.Background(), "#news:hs.test", d, len(sent), record) }
	if err := deliver(); err != nil { // joins and caches the room
		t.Fatal(err)
	}
	firstTxns := make([]string, len(hs.attempts))
	for i, at := range hs.attempts {
		firstTxns[i] = at.txn
	}

	// Again from message 1 of an identical delivery, rate limited twice.
	hs.posted, hs.attempts, sent = nil, nil, []int{0}
	hs.limited = 2
	for tries := 0; ; tries++ {
		err := deliver()
		if err == nil {
			break
		}
		var retry *adapters.RetryAfterError
		if !errors.As(err, &retry) || retry.After != 40*time.Millisecond {
			t.Fatalf("err = %v, want a RetryAfterError of 40ms", err)
		}
		if tries > 2 {
			t.Fatal("still rate limited after the homeserver stopped limiting")
		}
	}
	if len(sent) != len(want) || len(hs.posted) != len(want)-1 {
		t.Fatalf("sent %d, posted %d, want %d and %d", len(sent), len(hs.posted), len(want), len(want)-1)
	}
	for i, at := range hs.attempts {
		if at.txn != firstTxns[1] && i < 3 {
			t.Errorf("attempt %d used transaction %s, first delivery %s", i, at.txn, firstTxns[1])
		}
	}
	for i, p := range hs.posted {
		if p.content["body"] != want[i+1].plain || p.content["formatted_body"] != want[i+1].html {
			t.Errorf("message %d out of order or altered", i+1)
		}
	}
}

func TestDeliverSkipsAndStops(t *testing.T) {
	hs := &limitingHomeserver{}
	a := newTestAdapter(t, hs, nil)
	d := bigDigest(120)
	all := pack(renderDigest(d))
	if len(all) < 3 {
		t.Fatalf("need at least 3 messages, got %d", len(all))
	}
	stop := errors.New("lease lost")
	var sent []int
	err := a.Deliver(context.Background(), "!room:hs.test", d, 1, func(i int) error {
		sent = append(sent, i)
		if i == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want the sent callback's error", err)
	}
	if len(hs.posted) != 2 || hs.posted[0].content["body"] != all[1].plain || hs.posted[1].content["body"] != all[2].plain {
		t.Errorf("posted %d messages; want messages 1 and 2", len(hs.posted))
	}
	if len(sent) != 2 || sent[0] != 1 || sent[1] != 2 {
		t.Errorf("sent = %v, want [1 2]", sent)
	}

	hs.posted = nil
	if err := a.Deliver(context.Background(), "!room:hs.test", d, len(all), nil); err != nil || len(hs.posted) != 0 {
		t.Errorf("skipping everything posted %d messages, err %v", len(hs.posted), err)
	}
}

func TestDeliverRejectsBadTargets(t *testing.T) {
	a := newTestAdapter(t, &limitingHomeserver{}, nil)
	for _, target := range []string{"", "general", "@user:hs.test", "!room with space:hs.test", "#a/../b:hs.test"} {
		if err := a.Deliver(context.Background(), target, digest.Digest{Title: "t"}, 0, nil); err == nil {
			t.Errorf("target %q accepted", target)
		}
	}
}

func TestNewValidatesConfig(t *testing.T) {
	state := &memState{}
	tests := []struct {
		name string
		cfg  config.Matrix
	}{
		{"no homeserver", config.Matrix{UserID: "@b:x", AccessToken: "t"}},
		{"bad homeserver", config.Matrix{Homeserver: "::", UserID: "@b:x", AccessToken: "t"}},
		{"no credentials", config.Matrix{Homeserver: "http://127.0.0.1:1", UserID: "@b:x"}},
		{"password without user", config.Matrix{Homeserver: "http://127.0.0.1:1", Password: "p"}},
		{"malformed user", config.Matrix{Homeserver: "http://127.0.0.1:1", UserID: "bot", AccessToken: "t"}},
		{"malformed inviter", config.Matrix{Homeserver: "http://127.0.0.1:1", UserID: "@b:x", AccessToken: "t", AllowedInviters: []string{"example.org"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(Options{Config: tt.cfg, State: state}); err == nil {
				t.Error("accepted")
			}
		})
	}
	if _, err := New(Options{Config: config.Matrix{Homeserver: "http://127.0.0.1:1", UserID: "@b:x", AccessToken: "t"}}); err == nil {
		t.Error("accepted a missing state store")
	}
}

func TestDeliverRejoinsAfterBeingKicked(t *testing.T) {
	hs := &limitingHomeserver{}
	a := newTestAdapter(t, hs, nil)
	ctx := context.Background()
	d := digest.Digest{Title: "t"}
	if err := a.Deliver(ctx, "!room:hs.test", d, 0, nil); err != nil {
		t.Fatal(err)
	}
	if err := a.Deliver(ctx, "!room:hs.test", d, 0, nil); err != nil {
		t.Fatal(err)
	}
	if len(hs.joined) != 1 {
		t.Fatalf("joined %d times for two deliveries, want once", len(hs.joined))
	}
	hs.forbidden = 1
	if err := a.Deliver(ctx, "!room:hs.test", d, 0, nil); err == nil {
		t.Fatal("a forbidden send reported success")
	}
	if err := a.Deliver(ctx, "!room:hs.test", d, 0, nil); err != nil {
		t.Fatal(err)
	}
	if len(hs.joined) != 2 {
		t.Errorf("joined %d times, want a re-join after M_FORBIDDEN", len(hs.joined))
	}
}

// A message in doubt is sent again under the transaction ID it was first
// sent with (what the homeserver deduplicates by), even when its content
// changed since; Sending announces every message's transaction ID before
// it is sent.
func TestDeliverMarkedReusesTheTransactionOfAMessageInDoubt(t *testing.T) {
	hs := &limitingHomeserver{}
	a := newTestAdapter(t, hs, nil)
	d := bigDigest(120)
	all := pack(renderDigest(d))
	var announced []string
	err := a.DeliverMarked(context.Background(), "!room:hs.test", d, adapters.Marked{
		Run:     "wire@1",
		Skip:    1,
		InDoubt: &adapters.InDoubt{Index: 1, Marker: "attache-digest-first-attempt", Since: time.Now()},
		Sending: func(i int, marker string) error {
			if len(hs.attempts) != len(announced) {
				t.Errorf("Sending(%d) after the send", i)
			}
			announced = append(announced, marker)
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(hs.attempts) != len(all)-1 || len(announced) != len(all)-1 {
		t.Fatalf("%d sends, %d announced, want %d", len(hs.attempts), len(announced), len(all)-1)
	}
	for k, at := range hs.attempts {
		i := k + 1
		want := deliveryTxnID("!room:hs.test", i, all[i])
		if i == 1 {
			want = "attache-digest-first-attempt"
		}
		if at.txn != want || announced[k] != want {
			t.Errorf("message %d sent as transaction %s (announced %s), want %s", i, at.txn, announced[k], want)
		}
	}
}
