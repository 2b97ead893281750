package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack/slacktest"

	"github.com/attache-bot/attache/adapters"
)

// fakeSocketMode is a slacktest server speaking Slack's Socket Mode
// protocol: apps.connections.open hands out its WebSocket URL, the socket
// greets with hello, then sends the envelopes queued in send and reports
// every acknowledgement on acks.
type fakeSocketMode struct {
	server *slacktest.Server
	send   chan map[string]any
	acks   chan map[string]any

	mu    sync.Mutex
	conns []*websocket.Conn
}

func newFakeSocketMode(t *testing.T) *fakeSocketMode {
	t.Helper()
	f := &fakeSocketMode{send: make(chan map[string]any, 10), acks: make(chan map[string]any, 10)}
	f.server = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/apps.connections.open", f.open)
		c.Handle("/socket-mode", f.socket)
	})
	f.server.Start()
	t.Cleanup(func() {
		f.mu.Lock()
		for _, c := range f.conns {
			_ = c.Close()
		}
		f.mu.Unlock()
		f.server.Stop()
	})
	return f
}

func (f *fakeSocketMode) open(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer xapp-test" {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	writeJSON(w, map[string]any{"ok": true, "url": "ws://" + f.server.ServerAddr + "/socket-mode"})
}

func (f *fakeSocketMode) socket(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	conn, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	f.mu.Lock()
	f.conns = append(f.conns, conn)
	f.mu.Unlock()
	var writeMu sync.Mutex
	write := func(v any) error {
		writeMu.Lock()
		defer writeMu.Unlock()
		return conn.WriteJSON(v)
	}
	if write(map[string]any{"type": "hello", "num_connections": 1}) != nil {
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			var ack map[string]any
			if err := conn.ReadJSON(&ack); err != nil {
				return
			}
			f.acks <- ack
		}
	}()
	for {
		select {
		case env := <-f.send:
			if write(env) != nil {
				return
			}
		case <-done:
			return
		}
	}
}

func slashEnvelope(id, command, text, responseURL string) map[string]any {
	return map[string]any{
		"type":        "slash_commands",
		"envelope_id": id,
		"payload": map[string]any{
			"token": "legacy", "team_id": "T1", "channel_id": "C42", "user_id": "U7", "user_name": "alice",
			"command": command, "text": text, "response_url": responseURL, "trigger_id": "1.2.3",
			"is_enterprise_install": "false",
		},
		"accepts_response_payload": true,
	}
}

func waitAck(t *testing.T, acks chan map[string]any) map[string]any {
	t.Helper()
	select {
	case a := <-acks:
		return a
	case <-time.After(10 * time.Second):
		t.Fatal("no acknowledgement within 10 s")
		return nil
	}
}

func startSocketMode(t *testing.T, f *fakeSocketMode, h adapters.CommandHandler, opts Options) {
	t.Helper()
	opts.AppToken = "xapp-test"
	opts.APIURL = f.server.GetAPIURL()
	sm, err := NewSocketMode(opts, h)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- sm.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not return after cancel")
		}
		shutdownCtx, stop := context.WithTimeout(context.Background(), 5*time.Second)
		defer stop()
		_ = sm.Shutdown(shutdownCtx)
	})
}

func TestSocketModeAnswersInAcknowledgement(t *testing.T) {
	f := newFakeSocketMode(t)
	h := &recordingHandler{reply: adapters.Reply{Title: "Jean-Marc Ayrault", Lines: []adapters.Line{{Text: "Foreign Minister <@U1>"}}}}
	startSocketMode(t, f, h, Options{Commands: []string{"/who"}, Admins: []string{"U7"}})
	f.send <- slashEnvelope("env-1", "/who", "ayrault", "")
	ack := waitAck(t, f.acks)
	if ack["envelope_id"] != "env-1" {
		t.Fatalf("acknowledged %v", ack)
	}
	payload, _ := ack["payload"].(map[string]any)
	if payload["response_type"] != "in_channel" || payload["text"] != "Jean-Marc Ayrault" {
		t.Errorf("ack payload %v", payload)
	}
	var raw strings.Builder
	enc := json.NewEncoder(&raw)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(payload["blocks"])
	if !strings.Contains(raw.String(), "Foreign Minister &lt;@U1&gt;") {
		t.Errorf("ack blocks %s", raw.String())
	}
	got := h.seen()
	if len(got) != 1 || got[0].Verb != "who" || got[0].Args[0] != "ayrault" || !got[0].Admin || got[0].Channel != "C42" {
		t.Errorf("handler got %+v", got)
	}
}

func TestSocketModeSlowCommandAnswersOnResponseURL(t *testing.T) {
	f := newFakeSocketMode(t)
	hooks := newResponseURLServer(t)
	h := &recordingHandler{release: make(chan struct{}), reply: adapters.Reply{Text: "3 feeds", Ephemeral: true}}
	startSocketMode(t, f, h, Options{AckTimeout: 50 * time.Millisecond, ResponseURLAllow: []string{hooks.URL + "/"}})
	f.send <- slashEnvelope("env-2", "/attache", "feeds", hooks.URL+"/commands/T1/9/z")
	ack := waitAck(t, f.acks)
	payload, _ := ack["payload"].(map[string]any)
	if ack["envelope_id"] != "env-2" || payload["text"] != workingText {
		t.Fatalf("slow command acknowledged with %v", ack)
	}
	close(h.release)
	select {
	case m := <-hooks.got:
		if m["text"] != "3 feeds" || m["response_type"] != "ephemeral" || m["path"] != "/commands/T1/9/z" {
			t.Errorf("response_url got %v", m)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no late reply on the response_url")
	}
}

func TestSocketModeUnknownCommandGetsUsage(t *testing.T) {
	f := newFakeSocketMode(t)
	h := &recordingHandler{}
	startSocketMode(t, f, h, Options{})
	f.send <- slashEnvelope("env-3", "/unknown", "x", "")
	ack := waitAck(t, f.acks)
	payload, _ := ack["payload"].(map[string]any)
	if text, _ := payload["text"].(string); !strings.Contains(text, UsageHint) || payload["response_type"] != "ephemeral" {
		t.Errorf("unknown command acknowledged with %v", ack)
	}
	if n := len(h.seen()); n != 0 {
		t.Errorf("handler ran %d times for an unknown command", n)
	}
}

func TestSocketModeRefusedToken(t *testing.T) {
	if _, err := NewSocketMode(Options{AppToken: "xoxb-not-an-app-token"}, &recordingHandler{}); err == nil {
		t.Error("NewSocketMode accepted a bot token as app token")
	}
	f := newFakeSocketMode(t)
	sm, err := NewSocketMode(Options{AppToken: "xapp-wrong", APIURL: f.server.GetAPIURL()}, &recordingHandler{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := sm.Run(ctx); err == nil || !strings.Contains(err.Error(), "invalid_auth") {
		t.Errorf("Run with a refused token = %v, want invalid_auth", err)
	}
}
