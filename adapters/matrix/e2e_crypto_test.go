//go:build goolm

package matrix_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mau.fi/util/dbutil"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/crypto/cryptohelper"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/attache-bot/attache/adapters/matrix"
	"github.com/attache-bot/attache/adapters/matrix/internal/matrixtest"
	"github.com/attache-bot/attache/bot"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/digest"
	"github.com/attache-bot/attache/internal/lockedbuf"
	"github.com/attache-bot/attache/store"
	"github.com/attache-bot/attache/store/storetest"
)

// eventWait bounds every wait for something the homeserver or a client
// must do.
const eventWait = 60 * time.Second

// cryptoClient is a human's Element-like client: mautrix with crypto, its
// own device and keys, syncing in the background and keeping the messages
// it decrypted.
type cryptoClient struct {
	cli    *mautrix.Client
	db     *sql.DB
	helper *cryptohelper.CryptoHelper

	mu      sync.Mutex
	msgs    []*event.Event
	changed chan struct{} // closed and replaced whenever msgs grows
}

func newCryptoClient(t *testing.T, hs *matrixtest.Server, u matrixtest.User) *cryptoClient {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cli := hs.Client(t, u)
	who, err := cli.Whoami(ctx)
	if err != nil || who.DeviceID == "" {
		t.Fatalf("whoami %s: %v (device %q)", u.ID, err, who.DeviceID)
	}
	cli.DeviceID = who.DeviceID
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "client.db")+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	mdb, err := dbutil.NewWithDB(db, "sqlite3")
	if err != nil {
		t.Fatal(err)
	}
	syncer := mautrix.NewDefaultSyncer()
	cli.Syncer = syncer
	helper, err := cryptohelper.NewCryptoHelper(cli, []byte("test client pickle key"), mdb)
	if err != nil {
		t.Fatal(err)
	}
	if err := helper.Init(ctx); err != nil {
		t.Fatalf("client crypto: %v", err)
	}
	cli.Crypto = helper
	c := &cryptoClient{cli: cli, db: db, helper: helper, changed: make(chan struct{})}
	syncer.OnEventType(event.EventMessage, func(_ context.Context, evt *event.Event) {
		if evt.Mautrix.EventSource&event.SourceDecrypted == 0 {
			return
		}
		c.mu.Lock()
		c.msgs = append(c.msgs, evt)
		close(c.changed)
		c.changed = make(chan struct{})
		c.mu.Unlock()
	})
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := cli.SyncWithContext(ctx); err != nil && ctx.Err() == nil {
			t.Errorf("client sync: %v", err)
		}
	}()
	t.Cleanup(func() { cancel(); <-done; db.Close() })
	return c
}

// decrypted waits for a decrypted message that satisfies match.
func (c *cryptoClient) decrypted(t *testing.T, what string, match func(*event.Event, *event.MessageEventContent) bool) (*event.Event, *event.MessageEventContent) {
	t.Helper()
	deadline := time.After(eventWait)
	for seen := 0; ; {
		c.mu.Lock()
		msgs, changed := c.msgs, c.changed
		c.mu.Unlock()
		for ; seen < len(msgs); seen++ {
			var msg event.MessageEventContent
			if json.Unmarshal(msgs[seen].Content.VeryRaw, &msg) == nil && match(msgs[seen], &msg) {
				return msgs[seen], &msg
			}
		}
		select {
		case <-changed:
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// count is how many decrypted messages satisfy match so far.
func (c *cryptoClient) count(match func(*event.Event, *event.MessageEventContent) bool) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, evt := range c.msgs {
		var msg event.MessageEventContent
		if json.Unmarshal(evt.Content.VeryRaw, &msg) == nil && match(evt, &msg) {
			n++
		}
	}
	return n
}

// eventually checks cond until it holds, failing after eventWait: for
// state a client learns from its own sync (membership, encryption).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(eventWait)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		<-tick.C
	}
}

func loadTestDigest(t *testing.T) (digest.Digest, string) {
	t.Helper()
	raw, err := os.ReadFile("testdata/digest.json")
	if err != nil {
		t.Fatal(err)
	}
	var d digest.Digest
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	html, err := os.ReadFile("testdata/digest.golden.html")
	if err != nil {
		t.Fatal(err)
	}
	return d, string(html)
}

func fromBot(botID id.UserID) func(*event.Event, *event.MessageEventContent) bool {
	return func(evt *event.Event, _ *event.MessageEventContent) bool { return evt.Sender == botID }
}

func TestMatrixEncryptedRooms(t *testing.T) {
	for _, driver := range []string{"sqlite", "postgres"} {
		t.Run(driver, func(t *testing.T) { testEncryptedRooms(t, driver) })
	}
}

func testEncryptedRooms(t *testing.T, driver string) {
	driver, dsn := storetest.Database(t, driver)
	hs := matrixtest.Start(t)
	ctx := context.Background()
	botUser, alice := hs.Register(t, "attache"), hs.Register(t, "alice")
	ac := newCryptoClient(t, hs, alice)

	st, ex := seededStoreOn(t, driver, dsn)
	svc, err := bot.New(&config.Config{}, st, ex, nil)
	if err != nil {
		t.Fatal(err)
	}
	recoveryFile := filepath.Join(t.TempDir(), "recovery-key")
	logs := &lockedbuf.Buffer{}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("bot log:\n%s", logs.String())
		}
	})
	var metricsMu sync.Mutex
	undecryptable, shared := 0, map[string]int{}
	newAdapter := func() *matrix.Adapter {
		db, dialect, err := store.OpenSQL(driver, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		a, err := matrix.New(matrix.Options{
			Config: config.Matrix{
				Homeserver: hs.URL, UserID: string(botUser.ID), AccessToken: botUser.Token,
				// The password answers the homeserver's authentication for
				// uploading cross-signing keys.
				Password:        botUser.Password,
				AllowedInviters: []string{string(alice.ID)},
				PickleKey:       "a pickle key for the tests",
				RecoveryKeyFile: recoveryFile,
			},
			State:           st,
			Handler:         svc,
			Logger:          slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
			SyncTimeout:     2 * time.Second,
			CryptoDB:        db,
			CryptoDialect:   dialect,
			OnUndecryptable: func() { metricsMu.Lock(); undecryptable++; metricsMu.Unlock() },
			OnKeysShared:    func(r string) { metricsMu.Lock(); shared[r]++; metricsMu.Unlock() },
		})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}

	created, err := ac.cli.CreateRoom(ctx, &mautrix.ReqCreateRoom{
		Preset: "private_chat", RoomAliasName: "secret",
		InitialState: encryptedRoomState(),
	})
	if err != nil {
		t.Fatal(err)
	}
	room := created.RoomID
	first := newAdapter()
	if first.CanDeliver() {
		t.Error("an encrypted adapter claims it can deliver before its sync loop holds the Olm machine")
	}
	if err := first.Deliver(ctx, string(room), digest.Digest{Title: "early"}, 0, nil); !errors.Is(err, matrix.ErrNotLeader) {
		t.Errorf("Deliver without the sync loop: %v, want ErrNotLeader", err)
	}
	// Loops started in a subtest outlive it: their cleanup is the test's.
	parent := t
	running := start(parent, first)
	eventually(t, "the bot's device keys", func() bool {
		resp, err := ac.cli.QueryKeys(ctx, &mautrix.ReqQueryKeys{DeviceKeys: map[id.UserID]mautrix.DeviceIDList{botUser.ID: {}}})
		return err == nil && len(resp.DeviceKeys[botUser.ID]) == 1
	})
	if _, err := ac.cli.InviteUser(ctx, room, &mautrix.ReqInviteUser{UserID: botUser.ID}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the bot joining, as alice's client sees it", func() bool {
		return ac.cli.StateStore.IsInRoom(ctx, room, botUser.ID)
	})
	botDevice := botDevices(t, ac.cli, botUser.ID)

	d, wantHTML := loadTestDigest(t)
	t.Run("digest decrypts to the digest", func(t *testing.T) {
		eventually(t, "the bot able to deliver", first.CanDeliver)
		if err := first.Deliver(ctx, "#secret:localhost", d, 0, nil); err != nil {
			t.Fatal(err)
		}
		_, msg := ac.decrypted(t, "the digest", fromBot(botUser.ID))
		if msg.FormattedBody != wantHTML {
			t.Errorf("decrypted HTML:\n%s\nwant the digest:\n%s", msg.FormattedBody, wantHTML)
		}
		if msg.MsgType != event.MsgNotice {
			t.Errorf("msgtype %s, want m.notice", msg.MsgType)
		}
		if n := plaintextFrom(t, ac.cli, room, botUser.ID); n != 0 {
			t.Errorf("the bot sent %d unencrypted messages into an encrypted room", n)
		}
	})

	t.Run("encrypted who gets an encrypted threaded reply", func(t *testing.T) {
		root := sendText(t, ac.cli, room, text("Aleppo talks"))
		cmd := text("!who ayrault")
		cmd.RelatesTo = (&event.RelatesTo{}).SetThread(root, root)
		cmdID := sendText(t, ac.cli, room, cmd)
		_, reply := ac.decrypted(t, "the answer to !who ayrault", func(evt *event.Event, msg *event.MessageEventContent) bool {
			return evt.Sender == botUser.ID && msg.RelatesTo.GetReplyTo() == cmdID
		})
		if rel := reply.RelatesTo; rel.Type != event.RelThread || rel.EventID != root {
			t.Errorf("reply relation = %+v, want the thread of %s", rel, root)
		}
		for _, want := range []string{"Ayrault", "Foreign Minister"} {
			if !strings.Contains(reply.Body, want) {
				t.Errorf("reply lacks %q:\n%s", want, reply.Body)
			}
		}
		if n := plaintextFrom(t, ac.cli, room, botUser.ID); n != 0 {
			t.Errorf("the bot sent %d unencrypted messages into an encrypted room", n)
		}
	})

	t.Run("a lost room key is sent again on request", func(t *testing.T) {
		digestEvt, _ := ac.decrypted(t, "the digest", fromBot(botUser.ID))
		raw, err := ac.cli.GetEvent(ctx, room, digestEvt.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := raw.Content.ParseRaw(raw.Type); err != nil {
			t.Fatal(err)
		}
		enc := raw.Content.AsEncrypted()
		// The client loses the key (a new database, a cleared cache)...
		if _, err := ac.db.Exec("DELETE FROM crypto_megolm_inbound_session WHERE session_id=$1", enc.SessionID); err != nil {
			t.Fatal(err)
		}
		if _, err := ac.helper.Decrypt(ctx, raw); err == nil {
			t.Fatal("the client still decrypts without the key")
		}
		// ...and asks the bot's device for it, which answers: the session
		// was shared with this device and alice is still in the room.
		ac.helper.RequestSession(ctx, room, enc.SenderKey, enc.SessionID, botUser.ID, enc.DeviceID)
		if !ac.helper.WaitForSession(ctx, room, enc.SenderKey, enc.SessionID, eventWait) {
			t.Fatal("the bot never answered the key request")
		}
		plain, err := ac.helper.Decrypt(ctx, raw)
		if err != nil {
			t.Fatalf("decrypt with the re-sent key: %v", err)
		}
		var msg event.MessageEventContent
		if err := json.Unmarshal(plain.Content.VeryRaw, &msg); err != nil || msg.FormattedBody != wantHTML {
			t.Errorf("re-decrypted digest: %v %q", err, msg.FormattedBody)
		}
		metricsMu.Lock()
		defer metricsMu.Unlock()
		if shared["key_request"] == 0 {
			t.Errorf("the answered key request was not counted: %v", shared)
		}
	})

	t.Run("recovery key written once, never logged", func(t *testing.T) {
		raw, err := os.ReadFile(recoveryFile)
		if err != nil {
			t.Fatalf("no recovery key file: %v", err)
		}
		key := strings.TrimSpace(string(raw))
		if len(key) < 40 {
			t.Fatalf("recovery key file holds %q", key)
		}
		if info, err := os.Stat(recoveryFile); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("recovery key file mode %v (%v), want 0600", info.Mode().Perm(), err)
		}
		for _, part := range strings.Fields(key) {
			if len(part) >= 4 && strings.Contains(logs.String(), part) {
				t.Errorf("the log contains part of the recovery key")
				break
			}
		}
		resp, err := ac.cli.QueryKeys(ctx, &mautrix.ReqQueryKeys{DeviceKeys: map[id.UserID]mautrix.DeviceIDList{botUser.ID: {}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := resp.MasterKeys[botUser.ID]; !ok {
			t.Error("the bot has no cross-signing master key")
		}
		signatures := resp.DeviceKeys[botUser.ID][botDevice].Signatures[botUser.ID]
		if len(signatures) < 2 {
			t.Errorf("the bot's device is not signed by its self-signing key: %v", signatures)
		}
	})

	t.Run("restart keeps the device; nothing is posted twice", func(t *testing.T) {
		running.stop() // the process's state is only what it wrote to the database
		second := newAdapter()
		running = start(parent, second)
		eventually(t, "the restarted bot able to deliver", second.CanDeliver)
		if got := botDevices(t, ac.cli, botUser.ID); got != botDevice {
			t.Errorf("device after restart %s, want %s", got, botDevice)
		}
		// The bot's retry of the same digest: the first message was
		// recorded (skip 1), or was not (skip 0, same transaction ID).
		for _, skip := range []int{1, 0} {
			if err := second.Deliver(ctx, string(room), d, skip, nil); err != nil {
				t.Fatal(err)
			}
		}
		later := digest.Digest{Title: "attache digest — after the restart"}
		if err := second.Deliver(ctx, string(room), later, 0, nil); err != nil {
			t.Fatal(err)
		}
		ac.decrypted(t, "the digest after the restart", func(evt *event.Event, msg *event.MessageEventContent) bool {
			return evt.Sender == botUser.ID && strings.Contains(msg.Body, "after the restart")
		})
		isDigest := func(evt *event.Event, msg *event.MessageEventContent) bool {
			return evt.Sender == botUser.ID && msg.FormattedBody == wantHTML
		}
		if n := ac.count(isDigest); n != 1 {
			t.Errorf("the digest arrived %d times, want once", n)
		}
		cmd := sendText(t, ac.cli, room, text("!who ayrault"))
		ac.decrypted(t, "an answer after the restart", func(evt *event.Event, msg *event.MessageEventContent) bool {
			return evt.Sender == botUser.ID && msg.RelatesTo.GetReplyTo() == cmd
		})
	})

	t.Run("a room encrypted after the bot joined", func(t *testing.T) {
		late, err := ac.cli.CreateRoom(ctx, &mautrix.ReqCreateRoom{Preset: "private_chat", Invite: []id.UserID{botUser.ID}})
		if err != nil {
			t.Fatal(err)
		}
		eventually(t, "the bot joining the plain room", func() bool {
			return ac.cli.StateStore.IsInRoom(ctx, late.RoomID, botUser.ID)
		})
		plain := sendText(t, ac.cli, late.RoomID, text("!help"))
		waitReply(t, ac.cli, late.RoomID, botUser.ID, plain, "the plain answer to !help")
		if _, err := ac.cli.SendStateEvent(ctx, late.RoomID, event.StateEncryption, "", &event.EncryptionEventContent{Algorithm: id.AlgorithmMegolmV1}); err != nil {
			t.Fatal(err)
		}
		eventually(t, "alice's client seeing the room encrypted", func() bool {
			enc, err := ac.cli.StateStore.IsEncrypted(ctx, late.RoomID)
			return err == nil && enc
		})
		cmd := sendText(t, ac.cli, late.RoomID, text("!who ayrault"))
		_, reply := ac.decrypted(t, "the encrypted answer in the newly encrypted room", func(evt *event.Event, msg *event.MessageEventContent) bool {
			return evt.Sender == botUser.ID && msg.RelatesTo.GetReplyTo() == cmd
		})
		if !strings.Contains(reply.Body, "Ayrault") {
			t.Errorf("reply: %s", reply.Body)
		}
		if n := plaintextFrom(t, ac.cli, late.RoomID, botUser.ID); n != 1 {
			t.Errorf("the bot sent %d unencrypted messages, want 1 (before the room was encrypted)", n)
		}
		for _, n := range messages(t, ac.cli, late.RoomID) {
			if n.Sender == botUser.ID && strings.Contains(n.Msg.Body, "can't read encrypted rooms") {
				t.Error("the bot said it cannot read encrypted rooms, with encryption on")
			}
		}
	})

	t.Run("undecryptable message is counted and names the device", func(t *testing.T) {
		// A session the bot never got a key for.
		if _, err := ac.cli.SendMessageEvent(ctx, room, event.EventEncrypted, map[string]any{
			"algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "AAAA", "sender_key": "c2VuZGVya2V5",
			"session_id": "bm8tc3VjaC1zZXNzaW9u", "device_id": "GHOSTDEVICE",
		}, mautrix.ReqSendEvent{DontEncrypt: true}); err != nil {
			t.Fatal(err)
		}
		eventually(t, "the undecryptable message counted", func() bool {
			metricsMu.Lock()
			defer metricsMu.Unlock()
			return undecryptable > 0
		})
		if !strings.Contains(logs.String(), "GHOSTDEVICE") {
			t.Error("no log line names the sending device")
		}
	})

	metricsMu.Lock()
	defer metricsMu.Unlock()
	if shared["new_session"] == 0 {
		t.Errorf("no room key sharing counted: %v", shared)
	}
}

// botDevices is the bot's one device as another client sees it.
func botDevices(t *testing.T, cli *mautrix.Client, botID id.UserID) id.DeviceID {
	t.Helper()
	resp, err := cli.QueryKeys(context.Background(), &mautrix.ReqQueryKeys{DeviceKeys: map[id.UserID]mautrix.DeviceIDList{botID: {}}})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(resp.DeviceKeys[botID]); n != 1 {
		t.Fatalf("the bot has %d devices with keys, want 1", n)
	}
	for device := range resp.DeviceKeys[botID] {
		return device
	}
	return ""
}

// plaintextFrom counts sender's unencrypted messages in room.
func plaintextFrom(t *testing.T, cli *mautrix.Client, room id.RoomID, sender id.UserID) int {
	t.Helper()
	n := 0
	for _, m := range messages(t, cli, room) {
		if m.Sender == sender {
			n++
		}
	}
	return n
}
