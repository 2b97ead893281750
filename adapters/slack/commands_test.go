package slack

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
)

// Slack's documented signing example
// (https://api.slack.com/authentication/verifying-requests-from-slack).
const (
	docSecret    = "8f742231b10e8888abcd99yyyzzz85a5"
	docTimestamp = 1531420618
	docSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
)

func docBody(t *testing.T) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "slack_documented_request.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// testClock is an injectable clock tests move by hand.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func sign(secret string, ts int64, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + strconv.FormatInt(ts, 10) + ":"))
	mac.Write(body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// recordingHandler is a CommandHandler that records requests and answers
// with a fixed reply, optionally after release is closed.
type recordingHandler struct {
	mu       sync.Mutex
	requests []adapters.Request
	reply    adapters.Reply
	release  chan struct{}
	panics   bool
}

func (h *recordingHandler) HandleCommand(ctx context.Context, req adapters.Request) adapters.Reply {
	h.mu.Lock()
	h.requests = append(h.requests, req)
	h.mu.Unlock()
	if h.panics {
		panic("handler exploded at /secret/path.go:42")
	}
	if h.release != nil {
		select {
		case <-h.release:
		case <-ctx.Done():
			return adapters.Reply{Text: "cancelled"}
		}
	}
	return h.reply
}

func (h *recordingHandler) seen() []adapters.Request {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]adapters.Request(nil), h.requests...)
}

func commandBody(command, text, responseURL string) []byte {
	v := url.Values{
		"team_id":      {"T1"},
		"channel_id":   {"C42"},
		"user_id":      {"U7"},
		"user_name":    {"alice"},
		"command":      {command},
		"text":         {text},
		"response_url": {responseURL},
		"trigger_id":   {"1.2.3"},
	}
	return []byte(v.Encode())
}

func signedRequest(secret string, ts int64, body []byte) *http.Request {
	r := httptest.NewRequest(http.MethodPost, CommandsPath, strings.NewReader(string(body)))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(headerTimestamp, strconv.FormatInt(ts, 10))
	r.Header.Set(headerSignature, sign(secret, ts, body))
	return r
}

func decodeResponse(t *testing.T, w *httptest.ResponseRecorder) responseMessage {
	t.Helper()
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var m struct {
		ResponseType string            `json:"response_type"`
		Text         string            `json:"text"`
		Blocks       []json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
		t.Fatalf("response %q: %v", w.Body, err)
	}
	return responseMessage{ResponseType: m.ResponseType, Text: m.Text}
}

func TestVerifierDocumentedVector(t *testing.T) {
	body := docBody(t)
	if got := sign(docSecret, docTimestamp, body); got != docSignature {
		t.Fatalf("test signer computes %s, Slack documents %s", got, docSignature)
	}
	clock := &testClock{now: time.Unix(docTimestamp, 0).Add(30 * time.Second)}
	v := newVerifier(docSecret, clock.Now)
	h := http.Header{}
	h.Set(headerTimestamp, strconv.Itoa(docTimestamp))
	h.Set(headerSignature, docSignature)
	if err := v.verify(h, body); err != nil {
		t.Fatalf("documented request refused: %v", err)
	}
	if err := v.verify(h, body); err != errReplay {
		t.Fatalf("second delivery of the documented request: %v, want errReplay", err)
	}
	h.Set(headerSignature, strings.ToUpper(docSignature[:3])+docSignature[3:])
	if err := newVerifier(docSecret, clock.Now).verify(h, body); err != errBadSignature {
		t.Errorf("V0= scheme accepted: %v", err)
	}
}

func TestVerifierRefuses(t *testing.T) {
	body := docBody(t)
	at := time.Unix(docTimestamp, 0)
	tests := []struct {
		name      string
		ts        string
		signature string
		body      []byte
		now       time.Time
		want      error
	}{
		{"valid, clock slightly ahead", strconv.Itoa(docTimestamp), docSignature, body, at.Add(299 * time.Second), nil},
		{"valid, clock slightly behind", strconv.Itoa(docTimestamp), docSignature, body, at.Add(-299 * time.Second), nil},
		{"stale", strconv.Itoa(docTimestamp), docSignature, body, at.Add(301 * time.Second), errStale},
		{"from the future", strconv.Itoa(docTimestamp), docSignature, body, at.Add(-301 * time.Second), errStale},
		{"no signature", strconv.Itoa(docTimestamp), "", body, at, errUnsigned},
		{"no timestamp", "", docSignature, body, at, errUnsigned},
		{"timestamp not a number", "15314206l8", docSignature, body, at, errUnsigned},
		{"other timestamp", strconv.Itoa(docTimestamp + 1), docSignature, body, at, errBadSignature},
		{"tampered body", strconv.Itoa(docTimestamp), docSignature, []byte(strings.Replace(string(body), "U2CERLKJA", "U0ADMIN00", 1)), at, errBadSignature},
		{"forged signature", strconv.Itoa(docTimestamp), docSignature[:len(docSignature)-1] + "4", body, at, errBadSignature},
		{"wrong secret", strconv.Itoa(docTimestamp), sign("not-the-secret", docTimestamp, body), body, at, errBadSignature},
		{"other scheme", strconv.Itoa(docTimestamp), "v1=" + docSignature[3:], body, at, errBadSignature},
		{"not hex", strconv.Itoa(docTimestamp), "v0=zz" + docSignature[5:], body, at, errBadSignature},
		{"truncated", strconv.Itoa(docTimestamp), docSignature[:20], body, at, errBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newVerifier(docSecret, func() time.Time { return tt.now })
			h := http.Header{}
			if tt.ts != "" {
				h.Set(headerTimestamp, tt.ts)
			}
			if tt.signature != "" {
				h.Set(headerSignature, tt.signature)
			}
			if err := v.verify(h, tt.body); err != tt.want {
				t.Errorf("verify = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestVerifierReplayMemoryIsBounded(t *testing.T) {
	clock := &testClock{now: time.Unix(1_800_000_000, 0)}
	v := newVerifier("secret", clock.Now)
	v.capacity = 3
	check := func(i int, want error) {
		t.Helper()
		ts := clock.Now().Unix()
		body := commandBody("/attache", "who n"+strconv.Itoa(i), "")
		h := http.Header{}
		h.Set(headerTimestamp, strconv.FormatInt(ts, 10))
		h.Set(headerSignature, sign("secret", ts, body))
		if err := v.verify(h, body); err != want {
			t.Errorf("request %d: %v, want %v", i, err, want)
		}
	}
	for i := range 3 {
		check(i, nil)
	}
	check(3, errReplayFull)
	clock.Add(maxRequestAge + time.Second)
	check(4, nil)
	if len(v.seen) != 1 {
		t.Errorf("replay memory holds %d signatures after expiry, want 1", len(v.seen))
	}
}

func newTestCommands(t *testing.T, h adapters.CommandHandler, clock *testClock, opts Options) *Commands {
	t.Helper()
	opts.SigningSecret = "secret"
	opts.Now = clock.Now
	c, err := NewCommands(opts, h)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := c.Shutdown(ctx); err != nil {
			t.Error(err)
		}
	})
	return c
}

func TestCommandsHTTPDocumentedRequest(t *testing.T) {
	h := &recordingHandler{reply: adapters.Reply{Title: "collected"}}
	clock := &testClock{now: time.Unix(docTimestamp, 0)}
	c, err := NewCommands(Options{SigningSecret: docSecret, Now: clock.Now, Commands: []string{"/webhook-collect"}, Admins: []string{"U2CERLKJA"}}, h)
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodPost, CommandsPath, strings.NewReader(string(docBody(t))))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(headerTimestamp, strconv.Itoa(docTimestamp))
	r.Header.Set(headerSignature, docSignature)
	w := httptest.NewRecorder()
	c.ServeHTTP(w, r)
	resp := decodeResponse(t, w)
	if resp.Text != "collected" || resp.ResponseType != "in_channel" {
		t.Errorf("response = %+v", resp)
	}
	want := []adapters.Request{{Platform: "slack", Channel: "G8PSS9T3V", User: "U2CERLKJA", Admin: true, Verb: "webhook-collect", Args: []string{}}}
	if got := h.seen(); !reflect.DeepEqual(got, want) {
		t.Errorf("handler got %+v, want %+v", got, want)
	}
}

func TestCommandsHTTPRefusesBadRequests(t *testing.T) {
	clock := &testClock{now: time.Unix(1_800_000_000, 0)}
	now := clock.Now().Unix()
	body := commandBody("/attache", "who ayrault", "https://hooks.slack.com/commands/T1/1/x")
	replayed := signedRequest("secret", now, body)
	tests := []struct {
		name string
		req  func() *http.Request
		want int
	}{
		{"unsigned", func() *http.Request {
			r := httptest.NewRequest(http.MethodPost, CommandsPath, strings.NewReader(string(body)))
			return r
		}, http.StatusUnauthorized},
		{"forged", func() *http.Request { return signedRequest("guessed", now, body) }, http.StatusUnauthorized},
		{"stale", func() *http.Request { return signedRequest("secret", now-400, body) }, http.StatusUnauthorized},
		{"replayed", func() *http.Request {
			r := signedRequest("secret", now, body)
			r.Header = replayed.Header.Clone()
			return r
		}, http.StatusUnauthorized},
		{"too large", func() *http.Request {
			return signedRequest("secret", now, []byte("text="+strings.Repeat("a", maxCommandBody)))
		}, http.StatusRequestEntityTooLarge},
		{"GET", func() *http.Request { return httptest.NewRequest(http.MethodGet, CommandsPath, nil) }, http.StatusMethodNotAllowed},
	}
	h := &recordingHandler{reply: adapters.Reply{Text: "ok"}}
	c := newTestCommands(t, h, clock, Options{})
	// The genuine request goes first, so the "replayed" case is a replay.
	w := httptest.NewRecorder()
	c.ServeHTTP(w, replayed)
	if resp := decodeResponse(t, w); resp.Text != "ok" {
		t.Fatalf("genuine request answered %+v", resp)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			c.ServeHTTP(w, tt.req())
			if w.Code != tt.want {
				t.Errorf("status %d, want %d", w.Code, tt.want)
			}
			if strings.Contains(w.Body.String(), "ok") && w.Code != http.StatusOK {
				t.Errorf("refused request leaked a reply: %q", w.Body)
			}
		})
	}
	if n := len(h.seen()); n != 1 {
		t.Errorf("handler ran %d times, want once (for the genuine request only)", n)
	}
}

func TestCommandsMapping(t *testing.T) {
	tests := []struct {
		command, text string
		want          *adapters.Request // nil: answered with usage, handler not called
	}{
		{"/attache", "who ayrault", &adapters.Request{Verb: "who", Args: []string{"ayrault"}}},
		{"/ATTACHE", "  Who   Jean-Marc  Ayrault ", &adapters.Request{Verb: "who", Args: []string{"Jean-Marc", "Ayrault"}}},
		{"/attache", "", &adapters.Request{Verb: "help", Args: []string{}}},
		{"/attache", "digest 24h", &adapters.Request{Verb: "digest", Args: []string{"24h"}}},
		{"/attache", "subscribe https://example.org/feed.xml", &adapters.Request{Verb: "subscribe", Args: []string{"https://example.org/feed.xml"}}},
		{"/who", "ayrault", &adapters.Request{Verb: "who", Args: []string{"ayrault"}}},
		{"/quotes", "", &adapters.Request{Verb: "quotes", Args: []string{}}},
		{"/feeds", "", nil},
		{"", "who x", nil},
	}
	clock := &testClock{now: time.Unix(1_800_000_000, 0)}
	for _, admin := range []bool{false, true} {
		for _, tt := range tests {
			h := &recordingHandler{reply: adapters.Reply{Text: "answer"}}
			opts := Options{Commands: []string{"/who", "quotes"}}
			if admin {
				opts.Admins = []string{"U0", "U7"}
			}
			c := newTestCommands(t, h, clock, opts)
			w := httptest.NewRecorder()
			c.ServeHTTP(w, signedRequest("secret", clock.Now().Unix(), commandBody(tt.command, tt.text, "")))
			resp := decodeResponse(t, w)
			got := h.seen()
			if tt.want == nil {
				if len(got) != 0 {
					t.Errorf("%s %q reached the handler: %+v", tt.command, tt.text, got)
				}
				if !strings.Contains(resp.Text, UsageHint) || resp.ResponseType != "ephemeral" {
					t.Errorf("%s %q answered %+v, want ephemeral usage", tt.command, tt.text, resp)
				}
				continue
			}
			want := *tt.want
			want.Platform, want.Channel, want.User, want.Admin = "slack", "C42", "U7", admin
			if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
				t.Errorf("%s %q: handler got %+v, want %+v", tt.command, tt.text, got, want)
			}
		}
	}
}

func TestCommandsHandlerPanicIsAnError(t *testing.T) {
	clock := &testClock{now: time.Unix(1_800_000_000, 0)}
	c := newTestCommands(t, &recordingHandler{panics: true}, clock, Options{})
	w := httptest.NewRecorder()
	c.ServeHTTP(w, signedRequest("secret", clock.Now().Unix(), commandBody("/attache", "who x", "")))
	resp := decodeResponse(t, w)
	if resp.ResponseType != "ephemeral" || !strings.Contains(resp.Text, "went wrong") || strings.Contains(w.Body.String(), ".go") {
		t.Errorf("panic answered %+v", resp)
	}
}

// responseURLServer records what is posted to a response_url.
type responseURLServer struct {
	*httptest.Server
	got chan map[string]any
}

func newResponseURLServer(t *testing.T) *responseURLServer {
	t.Helper()
	s := &responseURLServer{got: make(chan map[string]any, 10)}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		var m map[string]any
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || json.Unmarshal(raw, &m) != nil {
			t.Errorf("response_url got %s %s %q", r.Method, r.Header.Get("Content-Type"), raw)
		}
		m["path"] = r.URL.Path
		s.got <- m
	}))
	t.Cleanup(s.Close)
	return s
}

func TestCommandsSlowHandlerAnswersLater(t *testing.T) {
	hooks := newResponseURLServer(t)
	clock := &testClock{now: time.Unix(1_800_000_000, 0)}
	h := &recordingHandler{
		release: make(chan struct{}),
		reply:   adapters.Reply{Title: "Jean-Marc Ayrault <!channel>", Lines: []adapters.Line{{Text: "Foreign Minister"}}},
	}
	c := newTestCommands(t, h, clock, Options{AckTimeout: 50 * time.Millisecond, ResponseURLAllow: []string{hooks.URL + "/commands/"}})
	w := httptest.NewRecorder()
	c.ServeHTTP(w, signedRequest("secret", clock.Now().Unix(), commandBody("/attache", "who ayrault", hooks.URL+"/commands/T1/123/abc")))
	if resp := decodeResponse(t, w); resp.Text != workingText || resp.ResponseType != "ephemeral" {
		t.Fatalf("slow command acknowledged with %+v", resp)
	}
	select {
	case m := <-hooks.got:
		t.Fatalf("response_url posted before the handler finished: %v", m)
	case <-time.After(100 * time.Millisecond):
	}
	close(h.release)
	select {
	case m := <-hooks.got:
		if m["path"] != "/commands/T1/123/abc" || m["response_type"] != "in_channel" {
			t.Errorf("response_url got %v", m)
		}
		text, _ := m["text"].(string)
		if !strings.Contains(text, "Jean-Marc Ayrault &lt;!channel&gt;") {
			t.Errorf("late reply text %q", text)
		}
		if blocks, _ := m["blocks"].([]any); len(blocks) != 2 {
			t.Errorf("late reply has %d blocks, want 2", len(blocks))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no reply posted to response_url")
	}
}

func TestCommandsLateReplyNeverLeavesTheAllowList(t *testing.T) {
	allowed := newResponseURLServer(t)
	other := newResponseURLServer(t)
	clock := &testClock{now: time.Unix(1_800_000_000, 0)}
	h := &recordingHandler{release: make(chan struct{}), reply: adapters.Reply{Text: "secret answer"}}
	c := newTestCommands(t, h, clock, Options{AckTimeout: 20 * time.Millisecond, ResponseURLAllow: []string{allowed.URL + "/commands/"}})
	for _, target := range []string{
		other.URL + "/commands/T1/1/x",                                         // another host
		allowed.URL + "/elsewhere/x",                                           // allowed host, other path
		strings.Replace(allowed.URL, "http://", "https://", 1) + "/commands/x", // other scheme
		"http://user@" + strings.TrimPrefix(allowed.URL, "http://") + "/commands/x",
	} {
		w := httptest.NewRecorder()
		c.ServeHTTP(w, signedRequest("secret", clock.Now().Unix(), commandBody("/attache", "feeds "+target, target)))
		if resp := decodeResponse(t, w); resp.Text != workingText {
			t.Fatalf("acknowledged with %+v", resp)
		}
	}
	close(h.release)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(other.got) + len(allowed.got); n != 0 {
		t.Errorf("%d replies posted outside the allow-list", n)
	}
	if n := len(h.seen()); n != 4 {
		t.Errorf("handler ran %d times, want 4", n)
	}
}

// A late reply whose response_url is not allowed goes through the Web API
// instead, when a bot token is configured: ephemeral to the requester, or
// to the channel.
func TestCommandsLateReplyFallsBackToWebAPI(t *testing.T) {
	f := newFakeSlack(t)
	other := newResponseURLServer(t)
	clock := &testClock{now: time.Unix(1_800_000_000, 0)}
	for _, ephemeral := range []bool{true, false} {
		h := &recordingHandler{release: make(chan struct{}), reply: adapters.Reply{Text: "12 feeds <!here>", Ephemeral: ephemeral}}
		c := newTestCommands(t, h, clock, Options{BotToken: "xoxb-test", APIURL: f.server.GetAPIURL(), AckTimeout: 20 * time.Millisecond})
		w := httptest.NewRecorder()
		c.ServeHTTP(w, signedRequest("secret", clock.Now().Unix(), commandBody("/attache", "feeds", other.URL+"/commands/x")))
		if resp := decodeResponse(t, w); resp.Text != workingText {
			t.Fatalf("acknowledged with %+v", resp)
		}
		close(h.release)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		if err := c.Shutdown(ctx); err != nil {
			t.Fatal(err)
		}
		cancel()
	}
	eph, posts := f.recordedEphemeral(), f.recorded()
	if len(eph) != 1 || eph[0].Channel != "C42" || eph[0].User != "U7" || eph[0].Text != "12 feeds &lt;!here&gt;" {
		t.Errorf("chat.postEphemeral got %+v", eph)
	}
	if len(posts) != 1 || posts[0].Channel != "C42" || posts[0].Text != "12 feeds &lt;!here&gt;" {
		t.Errorf("chat.postMessage got %+v", posts)
	}
	if len(other.got) != 0 {
		t.Error("posted to a response_url outside the allow-list")
	}
}

func TestResponseURLAllowDefault(t *testing.T) {
	r := newResponder(Options{}, &recordingHandler{})
	for raw, want := range map[string]bool{
		"https://hooks.slack.com/commands/T1/2/x":        true,
		"https://HOOKS.slack.com/commands/T1/2/x":        true,
		"http://hooks.slack.com/commands/T1/2/x":         false,
		"https://hooks.slack.com.evil.example/commands/": false,
		"https://evil.example/?https://hooks.slack.com/": false,
		"https://x@hooks.slack.com/commands":             false,
		"":                                               false,
		"::":                                             false,
	} {
		if got := r.responseURLAllowed(raw); got != want {
			t.Errorf("responseURLAllowed(%q) = %v, want %v", raw, got, want)
		}
	}
}

// FuzzCommandRequest sends arbitrary signed command bodies through the HTTP
// handler: it must answer every one with 200 and JSON, and what reaches the
// handler must be a well-formed Request.
func FuzzCommandRequest(f *testing.F) {
	f.Add("/attache", "who ayrault", "https://hooks.slack.com/commands/1")
	f.Add("/who", "  ", "")
	f.Add("/ATTACHE", "\x00\u202e subscribe <https://evil.example|x>", "javascript:alert(1)")
	f.Add("", strings.Repeat("a ", 3000), "::")
	clock := &testClock{now: time.Unix(1_800_000_000, 0)}
	h := &recordingHandler{reply: adapters.Reply{Text: "ok"}}
	c, err := NewCommands(Options{SigningSecret: "secret", Now: clock.Now, Commands: []string{"/who"}}, h)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, command, text, responseURL string) {
		clock.Add(time.Second) // distinct signatures, and old ones leave the replay window
		before := len(h.seen())
		w := httptest.NewRecorder()
		c.ServeHTTP(w, signedRequest("secret", clock.Now().Unix(), commandBody(command, text, responseURL)))
		resp := decodeResponse(t, w)
		if resp.Text == "" {
			t.Fatal("empty answer")
		}
		seen := h.seen()
		for _, req := range seen[before:] {
			if req.Verb == "" || req.Verb != strings.ToLower(req.Verb) || strings.ContainsFunc(req.Verb, func(r rune) bool { return r == ' ' || r == '\n' }) {
				t.Fatalf("verb %q", req.Verb)
			}
			for _, a := range req.Args {
				if a == "" || strings.TrimSpace(a) != a {
					t.Fatalf("arg %q", a)
				}
			}
		}
	})
}

func BenchmarkVerify(b *testing.B) {
	body := commandBody("/attache", "who ayrault", "https://hooks.slack.com/commands/T1/1/x")
	h := http.Header{}
	now := time.Unix(1_800_000_000, 0)
	h.Set(headerTimestamp, strconv.FormatInt(now.Unix(), 10))
	h.Set(headerSignature, sign("secret", now.Unix(), body))
	v := newVerifier("secret", func() time.Time { return now })
	for b.Loop() {
		v.seen = map[string]time.Time{} // measure verification, not replay refusal
		if err := v.verify(h, body); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRefusedRequestsAreLoggedAtALimitedRate: anyone can send forged
// requests, so a flood of them costs one log line per interval, and the
// next line says how many were left out.
func TestRefusedRequestsAreLoggedAtALimitedRate(t *testing.T) {
	var buf bytes.Buffer
	clock := &testClock{now: time.Now()}
	c := newTestCommands(t, &recordingHandler{}, clock, Options{Logger: slog.New(slog.NewTextHandler(&buf, nil))})
	body := []byte("command=%2Fattache&text=help")
	forge := func(n int) {
		for range n {
			w := httptest.NewRecorder()
			c.ServeHTTP(w, signedRequest("guessed", clock.Now().Unix(), body))
			if w.Code != http.StatusUnauthorized {
				t.Fatalf("forged request got %d", w.Code)
			}
		}
	}
	forge(100)
	if n := strings.Count(buf.String(), "refused command request"); n != 1 {
		t.Fatalf("%d log lines for 100 forged requests within the interval, want 1:\n%s", n, buf.String())
	}
	clock.Add(refusalLogInterval)
	forge(1)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], "refused_since_last_line=99") {
		t.Fatalf("after the interval, lines:\n%s\nwant a second line counting 99 left out", buf.String())
	}
}
