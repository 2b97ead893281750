package bot

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/digest"
)

// postedSignal is an Observer that tells when a digest run is delivered.
type postedSignal struct {
	nopObserver
	posted chan string
}

func (p postedSignal) DigestPosted(platform string) { p.posted <- platform }

// The kill -9 with chat.postMessage in flight: the replica process
// dies after Slack has its second message but before the answer, so its run
// records one message sent and the second in doubt, under a lease with five
// minutes to go. The same replica restarted takes its run back at once,
// finds the second message in the channel's history by its marker, and
// posts the rest: every message once, without waiting for the lease.
func TestRestartAfterACrashMidPostFinishesPromptlyWithoutReposting(t *testing.T) {
	for _, driver := range []string{"sqlite", "postgres"} {
		t.Run(driver, func(t *testing.T) {
			f := newDeadHolderAt(t, driver, true)
			posted := postedSignal{posted: make(chan string, 1)}
			// The restarted process has the dead one's replica identity
			// (bot.replica_id; the doomed process used WithHolder) and a
			// clock inside the dead process's lease.
			restarted, _ := replicasOn(t, f.driver, f.dsn, 1, killedRunConfig(), f.clk.Now, f.slack.deliverers(t),
				WithHolder("replica-doomed"), WithObserver(posted))
			stop := runAll(t, restarted)
			select {
			case <-posted.posted:
			case <-time.After(30 * time.Second):
				t.Fatalf("the restarted replica did not deliver its run within 30 s (the lease had %s to go):\n%s",
					digestLease, dumpPosts(f.slack.recorded()))
			}
			stop()
			f.checkDeliveredOnce(t)
			if n := f.slack.historyCalls(); n != 1 {
				t.Errorf("%d history lookups, want 1 (for the message in doubt)", n)
			}
		})
	}
}

// A replica with another identity leaves the dead replica's run alone
// until the lease expires (that replica may be alive and posting), and then
// finishes it without reposting the message in doubt. When the channel's
// history cannot be read, the message in doubt is not posted blindly: the
// run fails visibly and stays undelivered for a later retry.
func TestAnotherReplicaWaitsForTheLeaseThenChecksTheMessageInDoubt(t *testing.T) {
	tests := []struct {
		name         string
		historyError string
		wantErr      string // "" for a delivered run
	}{
		{"history readable", "", ""},
		{"history unreadable", "missing_scope", "missing_scope"},
	}
	for _, driver := range []string{"sqlite", "postgres"} {
		for _, tt := range tests {
			t.Run(driver+"/"+tt.name, func(t *testing.T) {
				f := newDeadHolderAt(t, driver, true)
				f.slack.historyError = tt.historyError
				other := f.survivors(t, 1)[0]
				other.takeBack(context.Background()) // frees nothing of another identity
				if err := other.channelTick(context.Background(), other.channels[0], f.clk.Now()); !errors.Is(err, errRunHeld) {
					t.Fatalf("tick inside the dead replica's lease = %v, want %v", err, errRunHeld)
				}
				if got := f.slack.recorded(); len(got) != 2 {
					t.Fatalf("posted while the dead replica's lease was live:\n%s", dumpPosts(got))
				}
				f.clk.Advance(digestLease + time.Minute)
				err := other.channelTick(context.Background(), other.channels[0], f.clk.Now())
				if tt.wantErr == "" {
					if err != nil {
						t.Fatal(err)
					}
					f.checkDeliveredOnce(t)
					return
				}
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("tick with the history unreadable = %v, want %s", err, tt.wantErr)
				}
				if got := f.slack.recorded(); len(got) != 2 {
					t.Errorf("posted with the history unreadable:\n%s", dumpPosts(got))
				}
				if run := lastRun(t, f.st, "wire"); run.Delivered || run.Error == "" || run.Pending == nil {
					t.Errorf("run after the failed check: delivered %v, error %q, pending %+v; want undelivered, failed, still in doubt", run.Delivered, run.Error, run.Pending)
				}
			})
		}
	}
}

// recordHandler is a slog.Handler sending each record's level and message
// that contains match.
type recordHandler struct {
	match   string
	records chan slog.Record
}

func (h recordHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h recordHandler) Handle(_ context.Context, r slog.Record) error {
	if strings.Contains(r.Message, h.match) {
		h.records <- r
	}
	return nil
}
func (h recordHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h recordHandler) WithGroup(string) slog.Handler      { return h }

// A run held by another live replica is looked at again and again (every
// backoff step until the lease expires); it is reported at info once per
// run, the later looks at debug (the issue counted 83 info lines in 5
// minutes).
func TestRunHeldByAnotherReplicaIsLoggedOncePerRun(t *testing.T) {
	f := newDigestFixture(t, config.Channel{Name: "daily", Platform: "console", Target: "#news", Schedule: "CRON_TZ=UTC 0 8 * * *"})
	f.add(t, "Ceasefire talks")
	f.clk.Set(day1At8.Add(time.Second))
	if _, ok, err := f.st.ClaimDigestRun(context.Background(), "daily", day1At8, "elsewhere/1", digestLease, 0); err != nil || !ok {
		t.Fatalf("claim by another replica: %v, %v", ok, err)
	}
	logs := recordHandler{match: "held by another replica", records: make(chan slog.Record, 64)}
	s := f.service(t, WithLogger(slog.New(logs)), WithRetryBase(time.Millisecond))
	t.Cleanup(s.retries.stopAll)
	s.channels[0].job.Run()
	const looks = 6
	var levels []slog.Level
	for len(levels) < looks {
		select {
		case r := <-logs.records:
			levels = append(levels, r.Level)
		case <-time.After(30 * time.Second):
			t.Fatalf("%d looks at the held run in 30 s, want %d", len(levels), looks)
		}
	}
	s.retries.stopAll()
	if levels[0] != slog.LevelInfo {
		t.Errorf("first look logged at %s, want info", levels[0])
	}
	for i, l := range levels[1:] {
		if l != slog.LevelDebug {
			t.Errorf("look %d logged at %s, want debug", i+2, l)
		}
	}
}

// markedRecorder is a MarkedDeliverer of one-message digests whose first
// attempt is refused by the platform with a rate limit after announcing its
// marker; it records what each attempt was handed as in doubt.
type markedRecorder struct {
	*recorder
	attempts []*adapters.InDoubt
}

func (m *markedRecorder) DeliverMarked(ctx context.Context, target string, d digest.Digest, mk adapters.Marked) error {
	m.attempts = append(m.attempts, mk.InDoubt)
	if err := mk.Sending(mk.Skip, "marker-0"); err != nil {
		return err
	}
	if len(m.attempts) == 1 {
		if err := mk.Refused(mk.Skip); err != nil {
			return err
		}
		return &adapters.RetryAfterError{After: time.Millisecond, Err: errors.New("ratelimited")}
	}
	return m.recorder.Deliver(ctx, target, d, mk.Skip, mk.Sent)
}

// A message the platform refused (a rate limit) is not in doubt: the retry
// posts it without asking the platform whether it arrived, which a Slack
// app without the history scopes could not answer.
func TestRefusedMessageIsNotInDoubt(t *testing.T) {
	f := newDigestFixture(t, config.Channel{Name: "daily", Platform: "console", Target: "#news", Schedule: "CRON_TZ=UTC 0 8 * * *"})
	f.add(t, "Ceasefire talks")
	m := &markedRecorder{recorder: newRecorder("console")}
	s := newService(t, f.cfg, f.st, map[string]adapters.Deliverer{"console": m}, WithClock(f.clk.Now))
	if err := tick(t, s, day1At8.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	if len(m.attempts) != 2 || m.attempts[1] != nil {
		t.Fatalf("attempts handed in doubt %v, want 2 attempts, the second with nothing in doubt", m.attempts)
	}
	if run := lastRun(t, f.st, "daily"); !run.Delivered || run.Pending != nil {
		t.Errorf("run delivered %v, pending %+v; want delivered, nothing pending", run.Delivered, run.Pending)
	}
}
