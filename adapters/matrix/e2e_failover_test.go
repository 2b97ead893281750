//go:build goolm

package matrix_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/adapters/matrix"
	"github.com/attache-bot/attache/adapters/matrix/internal/matrixtest"
	"github.com/attache-bot/attache/bot"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
	"github.com/attache-bot/attache/store"
	"github.com/attache-bot/attache/store/storetest"
)

// A replica that dies is a separate process killed with SIGKILL: it keeps
// nothing but what it wrote to the database. The test binary re-executes
// itself to play a replica (see TestMain); these variables configure it.
const (
	replicaEnv          = "ATTACHE_TEST_MATRIX_REPLICA" // the replica's name
	replicaDriverEnv    = "ATTACHE_TEST_MATRIX_DRIVER"
	replicaDSNEnv       = "ATTACHE_TEST_MATRIX_DSN"
	replicaHomeserver   = "ATTACHE_TEST_MATRIX_HOMESERVER"
	replicaBotEnv       = "ATTACHE_TEST_MATRIX_BOT" // user ID, token, password
	replicaInviterEnv   = "ATTACHE_TEST_MATRIX_INVITER"
	replicaRoomEnv      = "ATTACHE_TEST_MATRIX_ROOM"
	replicaPickleKey    = "a pickle key shared by the replicas"
	replicaLeaderLease  = 2 * time.Second
	replicaDigestPeriod = "@every 3s"
)

func TestMain(m *testing.M) {
	if name := os.Getenv(replicaEnv); name != "" {
		err := runReplica(name)
		fmt.Fprintf(os.Stderr, "replica %s: %v\n", name, err)
		os.Exit(3)
	}
	os.Exit(m.Run())
}

// runReplica is one attache replica: the real service, with the Matrix
// adapter under the "matrix-sync" lease and a digest channel for the
// encrypted room. It logs JSON lines to stderr and returns only on failure.
func runReplica(name string) error {
	ctx := context.Background()
	st, err := store.Open(ctx, os.Getenv(replicaDriverEnv), os.Getenv(replicaDSNEnv))
	if err != nil {
		return err
	}
	ex, err := extract.New()
	if err != nil {
		return err
	}
	bot3 := strings.SplitN(os.Getenv(replicaBotEnv), " ", 3)
	if len(bot3) != 3 {
		return errors.New("bad " + replicaBotEnv)
	}
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil)).With("replica", name)
	cfg := config.Default()
	cfg.HTTP.Listen = "" // no HTTP server: the replicas share a host
	cfg.Matrix = config.Matrix{
		Homeserver: os.Getenv(replicaHomeserver), UserID: bot3[0], AccessToken: bot3[1], Password: bot3[2],
		CommandPrefix: "!", AllowedInviters: []string{os.Getenv(replicaInviterEnv)}, PickleKey: replicaPickleKey,
	}
	cfg.Channels = []config.Channel{{Name: "secret", Platform: matrix.Platform, Target: os.Getenv(replicaRoomEnv), Schedule: replicaDigestPeriod}}
	db, dialect, err := store.OpenSQL(os.Getenv(replicaDriverEnv), os.Getenv(replicaDSNEnv))
	if err != nil {
		return err
	}
	a, err := matrix.New(matrix.Options{
		Config: cfg.Matrix, State: st, Logger: log, SyncTimeout: 2 * time.Second,
		CryptoDB: db, CryptoDialect: dialect,
	})
	if err != nil {
		return err
	}
	svc, err := bot.New(cfg, st, ex, map[string]adapters.Deliverer{matrix.Platform: a},
		bot.WithLogger(log), bot.WithLeaderLease(replicaLeaderLease), bot.WithRetryBase(time.Second),
		bot.WithHolder(name))
	if err != nil {
		return err
	}
	a.HandleCommands(svc)
	svc.GoLeader("matrix-sync", a.Run)
	return svc.Run(ctx)
}

// replicaProc is a running replica process and the lines it logged.
type replicaProc struct {
	name string
	cmd  *exec.Cmd

	mu      sync.Mutex
	lines   []string
	changed chan struct{}
	exited  chan struct{}
}

func startReplica(t *testing.T, name string, env []string) *replicaProc {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), append(env, replicaEnv+"="+name)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &replicaProc{name: name, cmd: cmd, changed: make(chan struct{}), exited: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go p.read(stderr)
	t.Cleanup(func() {
		p.kill()
		if t.Failed() {
			p.mu.Lock()
			t.Logf("replica %s log:\n%s", name, strings.Join(p.lines, "\n"))
			p.mu.Unlock()
		}
	})
	return p
}

func (p *replicaProc) read(r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		p.mu.Lock()
		p.lines = append(p.lines, sc.Text())
		close(p.changed)
		p.changed = make(chan struct{})
		p.mu.Unlock()
	}
	_ = p.cmd.Wait()
	close(p.exited)
}

// waitLog waits until the replica logs a line containing every one of want.
func (p *replicaProc) waitLog(t *testing.T, want ...string) {
	t.Helper()
	deadline := time.After(eventWait)
	for seen := 0; ; {
		p.mu.Lock()
		lines, changed := p.lines, p.changed
		p.mu.Unlock()
		for ; seen < len(lines); seen++ {
			all := true
			for _, w := range want {
				all = all && strings.Contains(lines[seen], w)
			}
			if all {
				return
			}
		}
		select {
		case <-changed:
		case <-p.exited:
			t.Fatalf("replica %s exited before logging %q", p.name, want)
		case <-deadline:
			t.Fatalf("timed out waiting for replica %s to log %q", p.name, want)
		}
	}
}

// kill ends the replica with SIGKILL: no lease released, nothing flushed.
func (p *replicaProc) kill() {
	select {
	case <-p.exited:
		return
	default:
	}
	_ = p.cmd.Process.Kill()
	<-p.exited
}

// TestMatrixEncryptedFailover runs two replicas on one database; the one
// holding the Matrix lease answers and delivers encrypted, the other
// leaves Matrix digests alone. Killing the leader hands the same device and
// sessions to the survivor, whose messages the client still decrypts, and
// no digest is posted twice.
func TestMatrixEncryptedFailover(t *testing.T) {
	for _, driver := range []string{"sqlite", "postgres"} {
		t.Run(driver, func(t *testing.T) { testEncryptedFailover(t, driver) })
	}
}

func testEncryptedFailover(t *testing.T, driver string) {
	driver, dsn := storetest.Database(t, driver)
	hs := matrixtest.Start(t)
	ctx := context.Background()
	botUser, alice := hs.Register(t, "attache"), hs.Register(t, "alice")
	ac := newCryptoClient(t, hs, alice)
	st, _ := seededStoreOn(t, driver, dsn)

	created, err := ac.cli.CreateRoom(ctx, &mautrix.ReqCreateRoom{
		Preset:       "private_chat",
		InitialState: encryptedRoomState(),
	})
	if err != nil {
		t.Fatal(err)
	}
	room := created.RoomID
	env := []string{
		replicaDriverEnv + "=" + driver, replicaDSNEnv + "=" + dsn, replicaHomeserver + "=" + hs.URL,
		replicaBotEnv + "=" + strings.Join([]string{string(botUser.ID), botUser.Token, botUser.Password}, " "),
		replicaInviterEnv + "=" + string(alice.ID), replicaRoomEnv + "=" + string(room),
	}
	first := startReplica(t, "first", env)
	first.waitLog(t, "end-to-end encryption ready")
	second := startReplica(t, "second", env)
	second.waitLog(t, "attache running")

	if _, err := ac.cli.InviteUser(ctx, room, &mautrix.ReqInviteUser{UserID: botUser.ID}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the bot joining", func() bool { return ac.cli.StateStore.IsInRoom(ctx, room, botUser.ID) })
	device := botDevices(t, ac.cli, botUser.ID)

	isDigest := func(evt *event.Event, msg *event.MessageEventContent) bool {
		return evt.Sender == botUser.ID && strings.HasPrefix(msg.Body, "attache digest")
	}
	ac.decrypted(t, "the first digest, from the leader", isDigest)
	cmd := sendText(t, ac.cli, room, text("!who ayrault"))
	ac.decrypted(t, "the leader's answer", func(evt *event.Event, msg *event.MessageEventContent) bool {
		return evt.Sender == botUser.ID && msg.RelatesTo.GetReplyTo() == cmd
	})
	// Kill the leader between digests: a run it held would wait out its
	// lease (minutes) before another replica may finish it.
	eventually(t, "the first digest run recorded as delivered", func() bool {
		run, err := st.LastDigestRun(ctx, "secret")
		return err == nil && run.Delivered
	})
	first.kill()
	second.waitLog(t, "end-to-end encryption ready")

	cmd = sendText(t, ac.cli, room, text("!who ayrault"))
	_, reply := ac.decrypted(t, "the new leader's answer", func(evt *event.Event, msg *event.MessageEventContent) bool {
		return evt.Sender == botUser.ID && msg.RelatesTo.GetReplyTo() == cmd
	})
	if !strings.Contains(reply.Body, "Ayrault") {
		t.Errorf("answer: %s", reply.Body)
	}
	later := ingest.Article{GUID: "after-failover", Source: "test", Feed: "examples", Title: "Talks resume after the failover",
		Body: "Foreign Minister Jean-Marc Ayrault said talks would resume.", Fetched: time.Now()}
	if _, _, err := st.SaveArticle(ctx, later, extract.Analysis{}); err != nil {
		t.Fatal(err)
	}
	ac.decrypted(t, "a digest from the new leader", func(evt *event.Event, msg *event.MessageEventContent) bool {
		return isDigest(evt, msg) && strings.Contains(msg.Body, "after the failover")
	})
	if got := botDevices(t, ac.cli, botUser.ID); got != device {
		t.Errorf("the new leader uses device %s, want %s", got, device)
	}
	if n := ac.count(isDigest); n != 2 {
		t.Errorf("%d digests decrypted, want 2 (one per replica's turn, none twice)", n)
	}
	if n := plaintextFrom(t, ac.cli, room, botUser.ID); n != 0 {
		t.Errorf("%d unencrypted messages from the bot", n)
	}
}
