package matrix_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/adapters/matrix"
	"github.com/attache-bot/attache/adapters/matrix/internal/matrixtest"
	"github.com/attache-bot/attache/bot"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/digest"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
	"github.com/attache-bot/attache/store"
)

const seedArticle = "../../examples/articles/000_dca0585e2d2c906d.txt"

// encryptedRoomState is the initial state of a new room encrypted with
// Megolm.
func encryptedRoomState() []*event.Event {
	return []*event.Event{{
		Type: event.StateEncryption, StateKey: new(string),
		Content: event.Content{Parsed: &event.EncryptionEventContent{Algorithm: id.AlgorithmMegolmV1}},
	}}
}

// seededStore is a SQLite store holding the seed article, analysed by the
// real extractor.
func seededStore(t *testing.T) (store.Store, *extract.Extractor) {
	t.Helper()
	return seededStoreOn(t, "sqlite", filepath.Join(t.TempDir(), "attache.db"))
}

// seededStoreOn opens the database and stores the seed article in it.
func seededStoreOn(t *testing.T, driver, dsn string) (store.Store, *extract.Extractor) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ := strings.Cut(string(raw), "\n")
	a := ingest.Article{
		GUID: seedArticle, Source: seedArticle, Feed: "examples",
		Title: strings.TrimSpace(title), Body: strings.TrimSpace(body), Fetched: time.Now(),
	}
	if _, _, err := st.SaveArticle(ctx, a, ex.Analyze(a.Text())); err != nil {
		t.Fatal(err)
	}
	return st, ex
}

// spy records the requests the adapter hands to the real bot.
type spy struct {
	next adapters.CommandHandler
	mu   sync.Mutex
	reqs []adapters.Request
}

func (s *spy) HandleCommand(ctx context.Context, req adapters.Request) adapters.Reply {
	s.mu.Lock()
	s.reqs = append(s.reqs, req)
	s.mu.Unlock()
	return s.next.HandleCommand(ctx, req)
}

func (s *spy) last(t *testing.T, verb string) adapters.Request {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.reqs) - 1; i >= 0; i-- {
		if s.reqs[i].Verb == verb {
			return s.reqs[i]
		}
	}
	t.Fatalf("no %s request reached the handler", verb)
	return adapters.Request{}
}

// running is an adapter's sync loop in the background.
type running struct {
	cancel context.CancelFunc
	done   chan error
}

func start(t *testing.T, a *matrix.Adapter) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{cancel: cancel, done: make(chan error, 1)}
	go func() {
		err := a.Run(ctx)
		if err != nil {
			// Run ends with an error only when it cannot go on: say why,
			// since the test will only see that nothing happens any more.
			fmt.Fprintf(os.Stderr, "matrix: Run returned: %v\n", err)
		}
		r.done <- err
	}()
	t.Cleanup(r.stop)
	return r
}

func (r *running) stop() {
	r.cancel()
	select {
	case <-r.done:
	case <-time.After(30 * time.Second):
		// A loop that ignores cancellation is a bug; show where it hangs.
		panic("matrix: Run did not return within 30s of its context being cancelled")
	}
	r.done <- nil // later stops return at once
}

// notice is a bot message as a human client sees it.
type notice struct {
	ID      id.EventID
	Sender  id.UserID
	Content map[string]any
	Msg     event.MessageEventContent
}

// messages returns the room's latest events, oldest first.
func messages(t *testing.T, cli *mautrix.Client, room id.RoomID) []notice {
	t.Helper()
	resp, err := cli.Messages(context.Background(), room, "", "", mautrix.DirectionBackward, nil, 100)
	if err != nil {
		t.Fatalf("read %s: %v", room, err)
	}
	var out []notice
	for i := len(resp.Chunk) - 1; i >= 0; i-- {
		evt := resp.Chunk[i]
		if evt.Type != event.EventMessage {
			continue
		}
		n := notice{ID: evt.ID, Sender: evt.Sender}
		_ = json.Unmarshal(evt.Content.VeryRaw, &n.Content)
		_ = json.Unmarshal(evt.Content.VeryRaw, &n.Msg)
		out = append(out, n)
	}
	return out
}

// waitFor polls the room until a message satisfies match.
func waitFor(t *testing.T, cli *mautrix.Client, room id.RoomID, what string, match func(notice) bool) notice {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		for _, n := range messages(t, cli, room) {
			if match(n) {
				return n
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s in %s", what, room)
	return notice{}
}

// repliesTo lists the bot's messages answering cmd.
func repliesTo(t *testing.T, cli *mautrix.Client, room id.RoomID, botID id.UserID, cmd id.EventID) []notice {
	t.Helper()
	var out []notice
	for _, n := range messages(t, cli, room) {
		if n.Sender == botID && n.Msg.RelatesTo.GetReplyTo() == cmd {
			out = append(out, n)
		}
	}
	return out
}

func waitReply(t *testing.T, cli *mautrix.Client, room id.RoomID, botID id.UserID, cmd id.EventID, what string) notice {
	t.Helper()
	return waitFor(t, cli, room, what, func(n notice) bool {
		return n.Sender == botID && n.Msg.RelatesTo.GetReplyTo() == cmd
	})
}

func sendText(t *testing.T, cli *mautrix.Client, room id.RoomID, content *event.MessageEventContent) id.EventID {
	t.Helper()
	resp, err := cli.SendMessageEvent(context.Background(), room, event.EventMessage, content)
	if err != nil {
		t.Fatal(err)
	}
	return resp.EventID
}

func text(body string) *event.MessageEventContent {
	return &event.MessageEventContent{MsgType: event.MsgText, Body: body}
}

// checkNotice asserts the shape every bot message has: an m.notice with
// HTML and a plain body, and "m.mentions": {} so it pings nobody.
func checkNotice(t *testing.T, n notice) {
	t.Helper()
	if n.Msg.MsgType != event.MsgNotice || n.Msg.Format != event.FormatHTML || n.Msg.FormattedBody == "" || n.Msg.Body == "" {
		t.Errorf("not an HTML notice: %v", n.Content)
	}
	if m, ok := n.Content["m.mentions"].(map[string]any); !ok || len(m) != 0 {
		t.Errorf(`m.mentions = %v, want {}`, n.Content["m.mentions"])
	}
}

func membership(t *testing.T, cli *mautrix.Client, room id.RoomID, user id.UserID) event.Membership {
	t.Helper()
	var m event.MemberEventContent
	if err := cli.StateEvent(context.Background(), room, event.StateMember, string(user), &m); err != nil {
		return ""
	}
	return m.Membership
}

func waitMembership(t *testing.T, cli *mautrix.Client, room id.RoomID, user id.UserID, want event.Membership) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for membership(t, cli, room, user) != want {
		if time.Now().After(deadline) {
			t.Fatalf("%s never became %s in %s (is %q)", user, want, room, membership(t, cli, room, user))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestMatrixEndToEnd(t *testing.T) {
	hs := matrixtest.Start(t)
	ctx := context.Background()
	botUser := hs.Register(t, "attache")
	alice, bob := hs.Register(t, "alice"), hs.Register(t, "bob")
	ac, bc := hs.Client(t, alice), hs.Client(t, bob)

	st, ex := seededStore(t)
	svc, err := bot.New(&config.Config{}, st, ex, nil)
	if err != nil {
		t.Fatal(err)
	}
	handler := &spy{next: svc}
	var waitsMu sync.Mutex
	var waits []time.Duration
	newAdapter := func() *matrix.Adapter {
		a, err := matrix.New(matrix.Options{
			Config: config.Matrix{
				Homeserver: hs.URL, UserID: string(botUser.ID), AccessToken: botUser.Token,
				AllowedInviters: []string{string(alice.ID)},
			},
			State:       st,
			Handler:     handler,
			SyncTimeout: 2 * time.Second,
			OnRateLimit: func(d time.Duration) { waitsMu.Lock(); waits = append(waits, d); waitsMu.Unlock() },
		})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}

	// Alice's room, with bob as a plain member and a command typed before
	// the bot arrives: history the bot must not answer.
	created, err := ac.CreateRoom(ctx, &mautrix.ReqCreateRoom{Preset: "private_chat", RoomAliasName: "news", Invite: []id.UserID{bob.ID}})
	if err != nil {
		t.Fatal(err)
	}
	room := created.RoomID
	if _, err := bc.JoinRoomByID(ctx, room); err != nil {
		t.Fatal(err)
	}
	oldCmd := sendText(t, ac, room, text("!who ayrault"))

	first := start(t, newAdapter())
	if _, err := ac.InviteUser(ctx, room, &mautrix.ReqInviteUser{UserID: botUser.ID}); err != nil {
		t.Fatal(err)
	}
	waitMembership(t, ac, room, botUser.ID, event.MembershipJoin)

	var whoCmd id.EventID
	t.Run("who answers with the role", func(t *testing.T) {
		whoCmd = sendText(t, ac, room, text("!who ayrault"))
		reply := waitReply(t, ac, room, botUser.ID, whoCmd, "the answer to !who ayrault")
		checkNotice(t, reply)
		for _, want := range []string{"Ayrault", "Foreign Minister"} {
			if !strings.Contains(reply.Msg.Body, want) || !strings.Contains(reply.Msg.FormattedBody, want) {
				t.Errorf("reply lacks %q:\n%s", want, reply.Msg.Body)
			}
		}
		if reply.Msg.RelatesTo.Type == event.RelThread {
			t.Errorf("a command outside a thread was answered in one")
		}
		if got := handler.last(t, "who"); got.Platform != "matrix" || got.Channel != string(room) || got.User != string(alice.ID) || len(got.Args) != 1 || got.Args[0] != "ayrault" {
			t.Errorf("request = %+v", got)
		}
	})

	t.Run("history before joining is not answered", func(t *testing.T) {
		if r := repliesTo(t, ac, room, botUser.ID, oldCmd); len(r) != 0 {
			t.Errorf("answered a command typed before the bot joined: %v", r[0].Msg.Body)
		}
	})

	t.Run("threaded command gets a threaded reply", func(t *testing.T) {
		root := sendText(t, ac, room, text("Aleppo talks"))
		cmd := &event.MessageEventContent{MsgType: event.MsgText, Body: "!who ayrault"}
		cmd.RelatesTo = (&event.RelatesTo{}).SetThread(root, root)
		cmdID := sendText(t, ac, room, cmd)
		reply := waitReply(t, ac, room, botUser.ID, cmdID, "the threaded answer")
		rel := reply.Msg.RelatesTo
		if rel.Type != event.RelThread || rel.EventID != root || !rel.IsFallingBack {
			t.Errorf("reply relation = %+v, want thread %s falling back to %s", rel, root, cmdID)
		}
		if !strings.Contains(reply.Msg.Body, "Foreign Minister") {
			t.Errorf("threaded reply: %s", reply.Msg.Body)
		}
	})

	var noticeCmd id.EventID
	t.Run("non-admin subscribe is refused", func(t *testing.T) {
		noticeCmd = sendText(t, ac, room, &event.MessageEventContent{MsgType: event.MsgNotice, Body: "!help"})
		cmd := sendText(t, bc, room, text("!subscribe https://feeds.example.org/world.xml"))
		reply := waitReply(t, bc, room, botUser.ID, cmd, "the refusal")
		checkNotice(t, reply)
		if !strings.Contains(reply.Msg.Body, "Only admins") {
			t.Errorf("bob's subscribe was not refused: %s", reply.Msg.Body)
		}
		if req := handler.last(t, "subscribe"); req.Admin {
			t.Error("bob (power 0) was judged an admin")
		}
		subs, err := st.Subscriptions(ctx)
		if err != nil || len(subs) != 0 {
			t.Errorf("subscriptions after refusal: %v %v", subs, err)
		}
	})

	t.Run("room admin is judged admin", func(t *testing.T) {
		cmd := sendText(t, ac, room, text("!unsubscribe https://feeds.example.org/none.xml"))
		waitReply(t, ac, room, botUser.ID, cmd, "the unsubscribe answer")
		if req := handler.last(t, "unsubscribe"); !req.Admin {
			t.Error("alice (room creator, power 100) was not judged an admin")
		}
	})

	t.Run("notices are not answered", func(t *testing.T) {
		// Commands are handled in order, so the later commands' replies
		// prove the notice was seen and ignored.
		if r := repliesTo(t, ac, room, botUser.ID, noticeCmd); len(r) != 0 {
			t.Errorf("answered a notice: %s", r[0].Msg.Body)
		}
	})

	t.Run("digest arrives as HTML that pings nobody", func(t *testing.T) {
		d := digest.Digest{
			Title: "attache digest — test",
			Stories: []digest.Story{{
				Headline: "@room <b>France</b> & Russia talk",
				Summary:  "Ping @alice:localhost and @room.",
				Sources:  []digest.Link{{Name: "Wire", URL: "https://news.example.org/a?x=1&y=2"}},
				Quotes:   []digest.QuoteLine{{Text: "We will speak the truth", Speaker: "Jean-Marc Ayrault"}},
			}},
		}
		var sent []int
		a := newAdapter()
		if err := a.Deliver(ctx, "#news:localhost", d, 0, func(i int) error { sent = append(sent, i); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(sent) != 1 || sent[0] != 0 {
			t.Fatalf("sent = %v", sent)
		}
		got := waitFor(t, ac, room, "the digest", func(n notice) bool {
			return n.Sender == botUser.ID && strings.HasPrefix(n.Msg.FormattedBody, "<h3>attache digest — test</h3>")
		})
		checkNotice(t, got)
		for _, want := range []string{"@room &lt;b&gt;France&lt;/b&gt; &amp; Russia talk", `<a href="https://news.example.org/a?x=1&amp;y=2">`} {
			if !strings.Contains(got.Msg.FormattedBody, want) {
				t.Errorf("digest HTML lacks %q:\n%s", want, got.Msg.FormattedBody)
			}
		}
		if !strings.Contains(got.Msg.Body, "@room <b>France</b> & Russia talk") {
			t.Errorf("digest body: %s", got.Msg.Body)
		}
		if got.Msg.RelatesTo != nil {
			t.Errorf("digest carries a relation: %+v", got.Msg.RelatesTo)
		}
	})

	t.Run("restart replays nothing and misses nothing", func(t *testing.T) {
		first.stop()
		// Typed while no sync loop runs: the next one must answer it.
		missed := sendText(t, ac, room, text("!quotes ayrault"))
		second := start(t, newAdapter())
		reply := waitReply(t, ac, room, botUser.ID, missed, "the answer to a command sent during the restart")
		if !strings.Contains(reply.Msg.Body, "Ayrault") {
			t.Errorf("quotes reply: %s", reply.Msg.Body)
		}
		probe := sendText(t, ac, room, text("!help"))
		waitReply(t, ac, room, botUser.ID, probe, "the answer to !help")
		for _, cmd := range []id.EventID{whoCmd, missed} {
			if n := len(repliesTo(t, ac, room, botUser.ID, cmd)); n != 1 {
				t.Errorf("command %s answered %d times", cmd, n)
			}
		}
		if n := len(repliesTo(t, ac, room, botUser.ID, oldCmd)); n != 0 {
			t.Errorf("history answered after restart")
		}
		second.stop()
	})

	t.Run("first start ignores history", func(t *testing.T) {
		// A state store that never saw a sync: everything in the room so far
		// is history, however recent.
		fresh, err := store.Open(ctx, "sqlite", filepath.Join(t.TempDir(), "fresh.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer fresh.Close()
		a, err := matrix.New(matrix.Options{
			Config:      config.Matrix{Homeserver: hs.URL, UserID: string(botUser.ID), AccessToken: botUser.Token},
			State:       fresh,
			Handler:     handler,
			SyncTimeout: 2 * time.Second,
		})
		if err != nil {
			t.Fatal(err)
		}
		unanswered := sendText(t, bc, room, text("!who nobody-in-particular"))
		// Dendrite indexes events for sync asynchronously; start once the
		// command is readable, so it is part of the first sync's history.
		waitFor(t, ac, room, "the old command", func(n notice) bool { return n.ID == unanswered })
		r := start(t, a)
		// Whatever is sent before its first sync completes is history too,
		// so probe until one is answered.
		deadline := time.Now().Add(30 * time.Second)
		for answered := false; !answered; {
			if time.Now().After(deadline) {
				t.Fatal("a first start never answered a new command")
			}
			probe := sendText(t, ac, room, text("!help"))
			for wait := time.Now().Add(2 * time.Second); !answered && time.Now().Before(wait); time.Sleep(100 * time.Millisecond) {
				answered = len(repliesTo(t, ac, room, botUser.ID, probe)) > 0
			}
		}
		r.stop()
		if n := len(repliesTo(t, ac, room, botUser.ID, unanswered)); n != 0 {
			t.Errorf("first start answered a command from before it started")
		}
		if n := len(repliesTo(t, ac, room, botUser.ID, whoCmd)); n != 1 {
			t.Errorf("first start answered an old command again (%d answers)", n)
		}
	})

	third := start(t, newAdapter())

	t.Run("invites from others are declined", func(t *testing.T) {
		bobRoom, err := bc.CreateRoom(ctx, &mautrix.ReqCreateRoom{Preset: "private_chat", Invite: []id.UserID{botUser.ID}})
		if err != nil {
			t.Fatal(err)
		}
		waitMembership(t, bc, bobRoom.RoomID, botUser.ID, event.MembershipLeave)
	})

	t.Run("encrypted room is told once", func(t *testing.T) {
		enc, err := ac.CreateRoom(ctx, &mautrix.ReqCreateRoom{
			Preset: "private_chat", Invite: []id.UserID{botUser.ID},
			InitialState: encryptedRoomState(),
		})
		if err != nil {
			t.Fatal(err)
		}
		waitMembership(t, ac, enc.RoomID, botUser.ID, event.MembershipJoin)
		waitFor(t, ac, enc.RoomID, "the encrypted-room notice", func(n notice) bool {
			return n.Sender == botUser.ID && strings.Contains(n.Msg.Body, "can't read encrypted rooms")
		})
		// An encrypted event arrives, and the loop restarts: still said once.
		if _, err := ac.SendMessageEvent(ctx, enc.RoomID, event.EventEncrypted, map[string]any{
			"algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "AAAA", "sender_key": "x", "session_id": "y", "device_id": "Z",
		}); err != nil {
			t.Fatal(err)
		}
		third.stop()
		fourth := start(t, newAdapter())
		if _, err := ac.SendMessageEvent(ctx, enc.RoomID, event.EventEncrypted, map[string]any{
			"algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "BBBB", "sender_key": "x", "session_id": "y", "device_id": "Z",
		}); err != nil {
			t.Fatal(err)
		}
		probe := sendText(t, ac, room, text("!help"))
		waitReply(t, ac, room, botUser.ID, probe, "the answer to !help")
		count := 0
		for _, n := range messages(t, ac, enc.RoomID) {
			if n.Sender == botUser.ID {
				count++
			}
		}
		if count != 1 {
			t.Errorf("the bot said %d things in the encrypted room, want 1", count)
		}
		fourth.stop()
	})

	waitsMu.Lock()
	defer waitsMu.Unlock()
	if len(waits) != 0 {
		t.Logf("rate-limit waits with limiting off: %v", waits)
	}
}

func TestMatrixPasswordLoginKeepsToken(t *testing.T) {
	hs := matrixtest.Start(t)
	ctx := context.Background()
	botUser := hs.Register(t, "attache")
	alice := hs.Register(t, "alice")
	ac := hs.Client(t, alice)
	st, _ := seededStore(t)
	created, err := ac.CreateRoom(ctx, &mautrix.ReqCreateRoom{Preset: "private_chat"})
	if err != nil {
		t.Fatal(err)
	}
	// A public room the bot may join itself to deliver to.
	if _, err := ac.SendStateEvent(ctx, created.RoomID, event.StateJoinRules, "", &event.JoinRulesEventContent{JoinRule: event.JoinRulePublic}); err != nil {
		t.Fatal(err)
	}
	opts := matrix.Options{
		Config: config.Matrix{Homeserver: hs.URL, UserID: string(botUser.ID), Password: botUser.Password},
		State:  st,
	}
	// Each delivery is a different digest: the same digest message to the
	// same room reuses its transaction ID, and the homeserver would rightly
	// post it once.
	deliveries := 0
	deliver := func() {
		t.Helper()
		a, err := matrix.New(opts)
		if err != nil {
			t.Fatal(err)
		}
		deliveries++
		if err := a.Deliver(ctx, string(created.RoomID), digest.Digest{Title: "t" + strconv.Itoa(deliveries)}, 0, nil); err != nil {
			t.Fatal(err)
		}
	}
	deliver()
	key := "matrix:" + string(botUser.ID) + ":access_token"
	token, ok, err := st.GetState(ctx, key)
	if err != nil || !ok || token == "" {
		t.Fatalf("no token saved after password login: %q %v %v", token, ok, err)
	}
	deliver()
	if again, _, _ := st.GetState(ctx, key); again != token {
		t.Error("a second start logged in again instead of reusing the saved token")
	}

	// A revoked token is replaced by logging in again.
	revoked, err := mautrix.NewClient(hs.URL, botUser.ID, token)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := revoked.Logout(ctx); err != nil {
		t.Fatal(err)
	}
	deliver()
	if fresh, _, _ := st.GetState(ctx, key); fresh == token || fresh == "" {
		t.Error("the revoked token was kept")
	}
	// The room's history catches up with sends asynchronously.
	deadline := time.Now().Add(30 * time.Second)
	for n := 0; n != 3; n = len(messages(t, ac, created.RoomID)) {
		if n > 3 || time.Now().After(deadline) {
			t.Fatalf("room holds %d messages, want 3 deliveries", n)
		}
		time.Sleep(100 * time.Millisecond)
	}

	opts.Config.Password = "wrong"
	opts.State = &emptyState{}
	a, err := matrix.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Deliver(ctx, string(created.RoomID), digest.Digest{Title: "t"}, 0, nil); !errors.Is(err, mautrix.MForbidden) {
		t.Errorf("wrong password: err = %v, want M_FORBIDDEN", err)
	}
}

type emptyState struct{}

func (emptyState) GetState(context.Context, string) (string, bool, error) { return "", false, nil }
func (emptyState) SetState(context.Context, string, string) error         { return nil }

// TestMatrixDeliveryReportsRateLimits: a real homeserver's rate limit on
// joins comes back from Deliver as an *adapters.RetryAfterError with the
// homeserver's delay; waiting it out and retrying (what the bot's retry
// stage does) then delivers.
func TestMatrixDeliveryReportsRateLimits(t *testing.T) {
	const cooloff = 1500 * time.Millisecond
	hs := matrixtest.Start(t, matrixtest.RateLimited(1, cooloff))
	ctx := context.Background()
	botUser, alice := hs.Register(t, "attache"), hs.Register(t, "alice")
	ac := hs.Client(t, alice)
	var waits []time.Duration
	a, err := matrix.New(matrix.Options{
		Config: config.Matrix{Homeserver: hs.URL, UserID: string(botUser.ID), AccessToken: botUser.Token},
		State:  &emptyState{},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Each delivery to a new room joins it, and Dendrite limits joins.
	aliases := []string{"one", "two", "three"}
	var rooms []id.RoomID
	for _, alias := range aliases {
		created, err := ac.CreateRoom(ctx, &mautrix.ReqCreateRoom{Preset: "public_chat", RoomAliasName: alias})
		if err != nil {
			t.Fatal(err)
		}
		rooms = append(rooms, created.RoomID)
	}
	for _, alias := range aliases {
		for {
			err := a.Deliver(ctx, "#"+alias+":localhost", digest.Digest{Title: "digest for " + alias}, 0, nil)
			var retry *adapters.RetryAfterError
			if !errors.As(err, &retry) {
				if err != nil {
					t.Fatalf("deliver to #%s: %v", alias, err)
				}
				break
			}
			if len(waits) > 10 {
				t.Fatalf("deliver to #%s: still rate limited after %d waits", alias, len(waits))
			}
			waits = append(waits, retry.After)
			<-time.After(retry.After) // the delay the homeserver asked for
		}
	}
	if len(waits) == 0 {
		t.Fatal("three quick joins with a threshold of one were never rate limited")
	}
	for _, w := range waits {
		if w != cooloff {
			t.Errorf("waited %v, the homeserver asked for %v", w, cooloff)
		}
	}
	for i, room := range rooms {
		want := "digest for " + aliases[i]
		waitFor(t, ac, room, want, func(n notice) bool {
			return n.Sender == botUser.ID && strings.HasPrefix(n.Msg.Body, want)
		})
	}
}
