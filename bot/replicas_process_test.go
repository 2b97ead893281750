package bot

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	slackadapter "github.com/attache-bot/attache/adapters/slack"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/store"
	"github.com/attache-bot/attache/store/storetest"
)

// A replica that dies is a separate process killed with SIGKILL: it gets no
// chance to record anything, release a lease or finish a run, which is what
// the lease-expiry paths exist for. The test binary re-executes itself to
// play that replica (see TestMain).

// replicaProcessEnv names the role a re-executed test binary plays; the
// other variables tell it where the shared database and Slack are.
const (
	replicaProcessEnv = "ATTACHE_BOT_REPLICA_PROCESS"
	replicaDriverEnv  = "ATTACHE_BOT_REPLICA_DRIVER"
	replicaDSNEnv     = "ATTACHE_BOT_REPLICA_DSN"
	replicaSlackEnv   = "ATTACHE_BOT_REPLICA_SLACK"
)

// Roles of a replica process.
const (
	roleDigest = "digest" // delivers killedRunConfig's digest for day1At8
	roleLeader = "leader" // holds the matrix-sync leader lease, printing "leading"
)

// leaderTestLease is the leader lease in the leader tests: long enough that
// a loaded machine still renews it in time (every third of it), short
// enough for the test to wait for an expiry.
const leaderTestLease = 2 * time.Second

func TestMain(m *testing.M) {
	if role := os.Getenv(replicaProcessEnv); role != "" {
		if err := runReplicaProcess(role); err != nil {
			fmt.Fprintf(os.Stderr, "replica process %s: %v\n", role, err)
			os.Exit(3)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// killedRunConfig has one daily Slack channel whose digest, with 45
// one-article stories, is split in several messages.
func killedRunConfig() *config.Config {
	cfg := testConfig()
	cfg.Channels = []config.Channel{{Name: "wire", Platform: slackadapter.Platform, Target: "C-NEWS",
		Schedule: "CRON_TZ=UTC 0 8 * * *", MaxStories: 60}}
	return cfg
}

// runReplicaProcess is the body of a re-executed test binary. It returns
// only on failure: the test kills it.
func runReplicaProcess(role string) error {
	ctx := context.Background()
	now := time.Now
	if role == roleDigest {
		at := day1At8.Add(time.Second)
		now = func() time.Time { return at }
	}
	st, err := store.Open(ctx, os.Getenv(replicaDriverEnv), os.Getenv(replicaDSNEnv), store.WithClock(now))
	if err != nil {
		return err
	}
	defer st.Close()
	ex, err := extract.New()
	if err != nil {
		return err
	}
	opts := []Option{WithHolder("replica-doomed"), WithClock(now),
		WithLogger(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug})))}
	switch role {
	case roleDigest:
		deliverers, err := slackDeliverers(os.Getenv(replicaSlackEnv))
		if err != nil {
			return err
		}
		s, err := New(killedRunConfig(), st, ex, deliverers, opts...)
		if err != nil {
			return err
		}
		err = s.channelTick(ctx, s.channels[0], now())
		return fmt.Errorf("the digest run returned (%v) instead of hanging on its second message", err)
	case roleLeader:
		s, err := New(testConfig(), st, ex, nil, opts...)
		if err != nil {
			return err
		}
		s.leaderLease = leaderTestLease
		s.GoLeader("matrix-sync", func(ctx context.Context) error {
			fmt.Println("leading")
			<-ctx.Done()
			return nil
		})
		err = s.Run(ctx)
		return fmt.Errorf("Run returned (%v) before the process was killed", err)
	}
	return fmt.Errorf("unknown role")
}

// replicaProcess is a running replica process.
type replicaProcess struct {
	cmd    *exec.Cmd
	lines  chan string // its standard output
	stderr string      // file holding its standard error
}

func startReplicaProcess(t *testing.T, role, driver, dsn, slackURL string) *replicaProcess {
	t.Helper()
	p := &replicaProcess{lines: make(chan string, 16), stderr: filepath.Join(t.TempDir(), role+".log")}
	errFile, err := os.Create(p.stderr)
	if err != nil {
		t.Fatal(err)
	}
	defer errFile.Close()
	p.cmd = exec.Command(os.Args[0], "-test.run=^$")
	p.cmd.Env = append(os.Environ(), replicaProcessEnv+"="+role, replicaDriverEnv+"="+driver,
		replicaDSNEnv+"="+dsn, replicaSlackEnv+"="+slackURL)
	p.cmd.Stderr = errFile
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start replica process: %v", err)
	}
	go func() {
		defer close(p.lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
	}()
	t.Cleanup(p.kill)
	return p
}

// kill ends the process with SIGKILL and waits for it.
func (p *replicaProcess) kill() {
	if p.cmd.ProcessState != nil {
		return
	}
	_ = p.cmd.Process.Kill()
	_ = p.cmd.Wait()
}

// log is what the process wrote to standard error, for failure messages.
func (p *replicaProcess) log() string {
	b, _ := os.ReadFile(p.stderr)
	return string(b)
}

// deadHolder is a shared database on which a replica process died while
// posting the digest of day1At8: Slack has its first message, the run
// records one message sent and stays leased to the dead replica.
type deadHolder struct {
	driver, dsn string
	slack       *sharedSlack
	clk         *clock
	st          store.Store
}

func newDeadHolder(t *testing.T, driver string) *deadHolder {
	t.Helper()
	return newDeadHolderAt(t, driver, false)
}

// newDeadHolderAt is newDeadHolder; with inFlight the second message
// reached Slack (it is posted) but the replica died waiting for the answer,
// so the run records it neither sent nor unsent: in doubt.
func newDeadHolderAt(t *testing.T, driver string, inFlight bool) *deadHolder {
	t.Helper()
	f := &deadHolder{slack: newSharedSlack(t), clk: newClock(day1At8.Add(-time.Hour))}
	f.driver, f.dsn = storetest.Database(t, driver)
	f.slack.hangCall = 2 // the doomed replica's second message never arrives, or its answer never does
	f.slack.recordHung = inFlight
	f.st = openShared(t, f.driver, f.dsn, f.clk.Now)
	for i := range 45 {
		saveArticle(t, f.st, storyArticle(fmt.Sprintf("Summit item %02d", i), f.clk.Now()), extract.Analysis{})
	}
	doomed := startReplicaProcess(t, roleDigest, f.driver, f.dsn, f.slack.server.GetAPIURL())
	select {
	case <-f.slack.hanging:
	case <-time.After(60 * time.Second):
		doomed.kill()
		t.Fatalf("the doomed replica never posted its second message; its log:\n%s", doomed.log())
	}
	doomed.kill()
	wantPosts := 1
	if inFlight {
		wantPosts = 2
	}
	if got := f.slack.recorded(); len(got) != wantPosts {
		t.Fatalf("before the kill: %d posts, want %d:\n%s", len(got), wantPosts, dumpPosts(got))
	}
	run := lastRun(t, f.st, "wire")
	if run.Sent != 1 || run.Delivered {
		t.Fatalf("the dead replica's run: sent %d, delivered %v; want 1 message recorded, not delivered", run.Sent, run.Delivered)
	}
	if run.Pending == nil || run.Pending.Index != 1 {
		t.Fatalf("the dead replica's run has pending %+v, want message 1 in doubt", run.Pending)
	}
	f.clk.Set(day1At8.Add(2 * time.Second))
	return f
}

// survivors are n replicas of the same configuration on the database.
func (f *deadHolder) survivors(t *testing.T, n int, opts ...Option) []*Service {
	t.Helper()
	services, _ := replicasOn(t, f.driver, f.dsn, n, killedRunConfig(), f.clk.Now, f.slack.deliverers(t), opts...)
	return services
}

// checkDeliveredOnce checks that every message of the digest reached Slack
// exactly once and that the run is recorded delivered.
func (f *deadHolder) checkDeliveredOnce(t *testing.T) {
	t.Helper()
	posts := f.slack.recorded()
	count, total := messageParts(t, posts)
	if total < 3 {
		t.Fatalf("the digest was split in %d messages; the test needs at least 3", total)
	}
	for i := 1; i <= total; i++ {
		if count[i] != 1 {
			t.Errorf("message %d/%d posted %d times, want once", i, total, count[i])
		}
	}
	if len(posts) != total {
		t.Errorf("%d posts for a digest of %d messages:\n%s", len(posts), total, dumpPosts(posts))
	}
	if run := lastRun(t, f.st, "wire"); !run.Delivered || run.Sent != total {
		t.Errorf("the run after takeover: sent %d, delivered %v; want %d, true", run.Sent, run.Delivered, total)
	}
}

func TestReplicaKilledMidDigestIsFinishedOnceByAnother(t *testing.T) {
	for _, driver := range []string{"sqlite", "postgres"} {
		t.Run(driver, func(t *testing.T) {
			f := newDeadHolder(t, driver)
			survivors := f.survivors(t, 2)
			// While the dead replica's lease runs, nobody touches its run.
			together(survivors, func(s *Service) {
				if err := s.channelTick(context.Background(), s.channels[0], f.clk.Now()); !errors.Is(err, errRunHeld) {
					t.Errorf("%s: tick = %v, want %v", s.Holder(), err, errRunHeld)
				}
			})
			if got := f.slack.recorded(); len(got) != 1 {
				t.Fatalf("posted while the dead replica's lease was live:\n%s", dumpPosts(got))
			}
			// Once it has expired, one survivor finishes the run.
			f.clk.Advance(digestLease + time.Minute)
			together(survivors, func(s *Service) {
				if err := tick(t, s, f.clk.Now()); err != nil {
					t.Errorf("%s: tick: %v", s.Holder(), err)
				}
			})
			f.checkDeliveredOnce(t)
		})
	}
}

// A replica whose scheduled job found the run held must come back to it
// once the lease may have expired, not at the channel's next activation (a
// day later for this channel).
func TestReplicaComesBackToARunHeldByADeadReplica(t *testing.T) {
	for _, driver := range []string{"sqlite", "postgres"} {
		t.Run(driver, func(t *testing.T) {
			f := newDeadHolder(t, driver)
			survivors := f.survivors(t, 2, WithRetryBase(50*time.Millisecond))
			for _, s := range survivors {
				t.Cleanup(s.retries.stopAll)
				s.channels[0].job.Run() // the 08:00 activation, as cron runs it
			}
			if got := f.slack.recorded(); len(got) != 1 {
				t.Fatalf("posted while the dead replica's lease was live:\n%s", dumpPosts(got))
			}
			f.clk.Advance(digestLease + time.Minute)
			waitFor(t, 10*time.Second, "a survivor to finish the run", func() bool {
				run, err := f.st.LastDigestRun(context.Background(), "wire")
				return err == nil && run.Delivered
			})
			f.checkDeliveredOnce(t)
		})
	}
}

func TestLeaderTaskMovesWhenItsReplicaDies(t *testing.T) {
	for _, driver := range []string{"sqlite", "postgres"} {
		t.Run(driver, func(t *testing.T) {
			driver, dsn := storetest.Database(t, driver)
			leader := startReplicaProcess(t, roleLeader, driver, dsn, "")
			select {
			case line := <-leader.lines:
				if line != "leading" {
					t.Fatalf("leader process said %q", line)
				}
			case <-time.After(60 * time.Second):
				leader.kill()
				t.Fatalf("the first replica never led; its log:\n%s", leader.log())
			}

			services, _ := replicasOn(t, driver, dsn, 1, testConfig(), time.Now, nil)
			survivor := services[0]
			survivor.leaderLease = leaderTestLease
			var leading atomic.Int32
			survivor.GoLeader("matrix-sync", func(ctx context.Context) error {
				leading.Add(1)
				<-ctx.Done()
				leading.Add(-1)
				return nil
			})
			stop := runAll(t, services)
			// The survivor asks for the lease several times while the
			// leader lives and renews it.
			time.Sleep(leaderTestLease * 3 / 2)
			if leading.Load() != 0 {
				t.Fatalf("the survivor took the lease from a live leader; the leader's log:\n%s", leader.log())
			}
			leader.kill()
			waitFor(t, 10*leaderTestLease, "the survivor to lead after the leader died", func() bool { return leading.Load() == 1 })
			stop()
			if leading.Load() != 0 {
				t.Fatalf("the task still runs after its service stopped")
			}
		})
	}
}
