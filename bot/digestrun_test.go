package bot

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/store"
)

// morning is the daily schedule most digest tests use: 08:00 UTC.
var morning = config.Channel{Name: "morning", Platform: "console", Target: "#news", Schedule: "CRON_TZ=UTC 0 8 * * *"}

// day1At8 is an activation of morning.
var day1At8 = time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)

type digestFixture struct {
	dir string
	clk *clock
	st  store.Store
	rec *recorder
	cfg *config.Config
}

func newDigestFixture(t *testing.T, channels ...config.Channel) *digestFixture {
	f := &digestFixture{dir: t.TempDir(), clk: newClock(day1At8.Add(-2 * time.Hour)), rec: newRecorder("console")}
	f.st = openStore(t, f.dir, f.clk)
	f.cfg = testConfig()
	f.cfg.Channels = channels
	return f
}

// service starts a new service on the fixture's database: a restart.
func (f *digestFixture) service(t *testing.T, opts ...Option) *Service {
	return newService(t, f.cfg, f.st, map[string]adapters.Deliverer{"console": f.rec}, append([]Option{WithClock(f.clk.Now)}, opts...)...)
}

func (f *digestFixture) add(t *testing.T, topics ...string) {
	for _, topic := range topics {
		saveArticle(t, f.st, storyArticle(topic, f.clk.Now()), extract.Analysis{})
	}
}

// tick runs the channel's job as cron would at time at. A run held by
// another replica is not a failure (the job looks again later), so it is
// not an error here.
func tick(t *testing.T, s *Service, at time.Time) error {
	t.Helper()
	if err := s.channelTick(context.Background(), s.channels[0], at); !errors.Is(err, errRunHeld) {
		return err
	}
	return nil
}

func lastRun(t *testing.T, st store.Store, channel string) store.DigestRun {
	t.Helper()
	run, err := st.LastDigestRun(context.Background(), channel)
	if err != nil {
		t.Fatalf("last digest run of %s: %v", channel, err)
	}
	return run
}

func TestDigestDeliveredExactlyOnceAcrossRestarts(t *testing.T) {
	f := newDigestFixture(t, morning)
	f.add(t, "Ceasefire talks in Geneva", "Fishing quotas in Reykjavik")

	f.clk.Set(day1At8.Add(3 * time.Second))
	if err := tick(t, f.service(t), f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	first := f.rec.posted()
	if len(first) != 3 || !strings.HasPrefix(first[0], "#news: attache digest — Wed 25 Nov 2026, 08:00 UTC") {
		t.Fatalf("first digest = %q, want a title and two stories", first)
	}

	// A restart (new service, same database) within the same slot posts
	// nothing, however often the job runs.
	restarted := f.service(t)
	for range 2 {
		if err := tick(t, restarted, f.clk.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if got := f.rec.posted(); len(got) != 3 {
		t.Fatalf("after a restart: %q", got)
	}

	// A new article: the next slot posts exactly one digest with only it.
	f.clk.Set(day1At8.Add(5 * time.Hour))
	f.add(t, "Relief corridor vote delayed")
	next := day1At8.Add(24 * time.Hour)
	f.clk.Set(next.Add(time.Second))
	if err := tick(t, restarted, f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	if err := tick(t, f.service(t), f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	got := f.rec.posted()[3:]
	want := []string{"#news: attache digest — Thu 26 Nov 2026, 08:00 UTC", "#news: Relief corridor vote delayed"}
	if !slices.Equal(got, want) {
		t.Fatalf("second digest = %q, want %q", got, want)
	}
	run := lastRun(t, f.st, "morning")
	if !run.Delivered || !run.Slot.Equal(next) || run.Sent != 2 {
		t.Fatalf("last run = %+v", run)
	}
}

func TestEmptyDigestIsNotPostedButAdvancesTheWatermark(t *testing.T) {
	quiet := morning
	f := newDigestFixture(t, quiet)
	f.add(t, "Ceasefire talks in Geneva")
	f.clk.Set(day1At8)
	s := f.service(t)
	if err := tick(t, s, f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	// Nothing new by the next morning: no post, but a delivered run.
	f.clk.Set(day1At8.Add(24 * time.Hour))
	if err := tick(t, s, f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	if got := f.rec.posted(); len(got) != 2 {
		t.Fatalf("posted %q, want only the first digest", got)
	}
	run := lastRun(t, f.st, "morning")
	if !run.Delivered || run.Sent != 0 || !run.Slot.Equal(day1At8.Add(24*time.Hour)) {
		t.Fatalf("empty run = %+v, want delivered with nothing sent", run)
	}

	// post_empty posts it.
	f.cfg.Channels[0].PostEmpty = true
	f.clk.Set(day1At8.Add(48 * time.Hour))
	if err := tick(t, f.service(t), f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	if got := f.rec.posted(); len(got) != 3 || !strings.Contains(got[2], "Fri 27 Nov") {
		t.Fatalf("with post_empty: %q", got)
	}
}

func TestFailedDeliveryResumesAfterTheMessagesSent(t *testing.T) {
	f := newDigestFixture(t, morning)
	f.add(t, "Ceasefire talks in Geneva", "Fishing quotas in Reykjavik", "Relief corridor vote delayed")
	f.rec.failAt = 2 // the title and one story get through
	f.clk.Set(day1At8)
	s := f.service(t)
	err := tick(t, s, f.clk.Now())
	if err == nil || !strings.Contains(err.Error(), "platform unavailable") {
		t.Fatalf("tick error = %v, want the platform's", err)
	}
	run := lastRun(t, f.st, "morning")
	if run.Delivered || run.Sent != 2 || !strings.Contains(run.Error, "platform unavailable") {
		t.Fatalf("failed run = %+v", run)
	}

	// The retry comes at the next activation, after a restart: the same
	// run resumes with message 3, then the new slot (nothing new) is empty.
	f.add(t, "Border talks resume in Baku")
	f.clk.Set(day1At8.Add(24 * time.Hour))
	if err := tick(t, f.service(t), f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	posted := f.rec.posted()
	if len(posted) != 4+2 {
		t.Fatalf("posted %q", posted)
	}
	seen := map[string]int{}
	for _, m := range posted {
		seen[m]++
	}
	for m, n := range seen {
		if n > 1 {
			t.Errorf("posted %d times: %q", n, m)
		}
	}
	// The first run's three stories, then the next slot's one.
	if !strings.Contains(posted[4], "Thu 26 Nov") || posted[5] != "#news: Border talks resume in Baku" {
		t.Fatalf("next digest = %q", posted[4:])
	}
}

func TestRetryOfFailedRunComesBeforeANewSlot(t *testing.T) {
	f := newDigestFixture(t, morning)
	f.add(t, "Ceasefire talks in Geneva")
	f.rec.failAt = 0
	f.clk.Set(day1At8)
	s := f.service(t)
	if err := tick(t, s, f.clk.Now()); err == nil {
		t.Fatal("want an error from the failing deliverer")
	}
	// The platform is still down at the next activation: no new run is
	// claimed, so the failed run's articles cannot be skipped.
	f.rec.failAt = 0
	f.clk.Set(day1At8.Add(24 * time.Hour))
	if err := tick(t, s, f.clk.Now()); err == nil {
		t.Fatal("want an error from the failing deliverer")
	}
	if run := lastRun(t, f.st, "morning"); !run.Slot.Equal(day1At8) || run.Delivered {
		t.Fatalf("newest run = %+v, want the first slot still undelivered", run)
	}
	if err := tick(t, s, f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	if got := f.rec.posted(); len(got) != 2 || got[1] != "#news: Ceasefire talks in Geneva" {
		t.Fatalf("posted %q", got)
	}
	if run := lastRun(t, f.st, "morning"); !run.Slot.Equal(day1At8.Add(24*time.Hour)) || !run.Delivered {
		t.Fatalf("newest run = %+v, want the second slot delivered", run)
	}
}

func TestFirstDigestCoversAtMostTheBacklog(t *testing.T) {
	ch := morning
	ch.Backlog = 6 * time.Hour
	f := newDigestFixture(t, ch)
	f.clk.Set(day1At8.Add(-30 * time.Hour))
	f.add(t, "Old news about a summit")
	f.clk.Set(day1At8.Add(-2 * time.Hour))
	f.add(t, "Fresh news about fishing quotas")
	f.clk.Set(day1At8)
	if err := tick(t, f.service(t), f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	if got := f.rec.posted(); len(got) != 2 || got[1] != "#news: Fresh news about fishing quotas" {
		t.Fatalf("first digest = %q, want only the article inside the backlog", got)
	}
}

func TestOldItemsOfANewSourceDoNotFlood(t *testing.T) {
	f := newDigestFixture(t, morning)
	f.clk.Set(day1At8)
	if err := tick(t, f.service(t), f.clk.Now()); err != nil { // first run: empty
		t.Fatal(err)
	}
	// A new subscription brings items published months ago and one from
	// today; only today's belongs in the digest.
	f.clk.Set(day1At8.Add(3 * time.Hour))
	old := storyArticle("Archive piece on a treaty", f.clk.Now())
	old.Published = day1At8.AddDate(0, -3, 0)
	saveArticle(t, f.st, old, extract.Analysis{})
	fresh := storyArticle("Today's piece on a truce", f.clk.Now())
	fresh.Published = day1At8.Add(2 * time.Hour)
	saveArticle(t, f.st, fresh, extract.Analysis{})

	f.clk.Set(day1At8.Add(24 * time.Hour))
	if err := tick(t, f.service(t), f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	if got := f.rec.posted(); len(got) != 2 || got[1] != "#news: Today's piece on a truce" {
		t.Fatalf("digest = %q", got)
	}
}

func TestCatchUpOnceAtStart(t *testing.T) {
	f := newDigestFixture(t, morning)
	f.add(t, "Ceasefire talks in Geneva")
	f.clk.Set(day1At8)
	if err := tick(t, f.service(t), f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	// Down from day 1 10:00 to day 2 09:00: day 2's 08:00 digest was missed.
	f.clk.Set(day1At8.Add(2 * time.Hour))
	f.add(t, "Fishing quotas in Reykjavik")
	f.clk.Set(day1At8.Add(25 * time.Hour))

	started := startAndCatchUp(t, f.service(t))
	if !slices.Equal(started, []string{"morning"}) {
		t.Fatalf("caught up %q, want [morning]", started)
	}
	if got := f.rec.posted(); len(got) != 4 || got[3] != "#news: Fishing quotas in Reykjavik" {
		t.Fatalf("posted %q", got)
	}
	// Another restart in the same hour catches up nothing.
	if started := startAndCatchUp(t, f.service(t)); len(started) != 0 {
		t.Fatalf("second start caught up %q", started)
	}
	// With catch_up off, a missed slot waits for the schedule.
	f.cfg.Bot.CatchUp = false
	f.clk.Set(day1At8.Add(49 * time.Hour))
	if started := startAndCatchUp(t, f.service(t)); len(started) != 0 {
		t.Fatalf("catch_up off, yet caught up %q", started)
	}
	if got := f.rec.posted(); len(got) != 4 {
		t.Fatalf("posted %q", got)
	}
}

// startAndCatchUp starts the schedules, runs the start-up catch-up and waits
// for the digests it started.
func startAndCatchUp(t *testing.T, s *Service) []string {
	t.Helper()
	started := s.catchUp(context.Background())
	s.digestsWG.Wait()
	return started
}

func TestScheduleFiresAndRunStopsGracefully(t *testing.T) {
	ch := config.Channel{Name: "fast", Platform: "console", Target: "room", Schedule: "@every 1s"}
	f := newDigestFixture(t, ch)
	f.clk.Set(time.Now())
	f.add(t, "Ceasefire talks in Geneva")
	s := f.service(t, WithClock(time.Now))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	waitFor(t, 5*time.Second, "a scheduled digest", func() bool { return len(f.rec.posted()) >= 2 })
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	// The story was posted once, however many times the schedule fired.
	if got := f.rec.posted(); len(got) != 2 || got[1] != "room: Ceasefire talks in Geneva" {
		t.Fatalf("posted %q", got)
	}
}

func TestShutdownLetsARunningDigestFinish(t *testing.T) {
	f := newDigestFixture(t, morning)
	f.add(t, "Ceasefire talks in Geneva")
	f.clk.Set(day1At8)
	f.rec.block = make(chan struct{})
	s := f.service(t, WithShutdownGrace(5*time.Second))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	go s.channels[0].job.Run()
	waitFor(t, 5*time.Second, "the digest to start", func() bool {
		s.jobsMu.Lock()
		defer s.jobsMu.Unlock()
		return s.running > 0
	})
	cancel()
	time.Sleep(50 * time.Millisecond)
	close(f.rec.block) // the platform answers after the signal
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if run := lastRun(t, f.st, "morning"); !run.Delivered || run.Sent != 2 {
		t.Fatalf("run after shutdown = %+v, want delivered", run)
	}
}

func TestShutdownGraceBoundsAStuckDigest(t *testing.T) {
	f := newDigestFixture(t, morning)
	f.add(t, "Ceasefire talks in Geneva")
	f.clk.Set(day1At8)
	f.rec.block = make(chan struct{}) // never answers
	s := f.service(t, WithShutdownGrace(200*time.Millisecond))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	go s.channels[0].job.Run()
	waitFor(t, 5*time.Second, "the digest to start", func() bool {
		s.jobsMu.Lock()
		defer s.jobsMu.Unlock()
		return s.running > 0
	})
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run waited past the shutdown grace")
	}
	run := lastRun(t, f.st, "morning")
	if run.Delivered || !strings.Contains(run.Error, context.Canceled.Error()) {
		t.Fatalf("run = %+v, want undelivered with the cancellation recorded", run)
	}
	// The next start finishes it.
	f.rec.block = nil
	started := startAndCatchUp(t, f.service(t))
	if len(started) != 1 || !lastRun(t, f.st, "morning").Delivered {
		t.Fatalf("catch-up after a cut-short run: %q %+v", started, lastRun(t, f.st, "morning"))
	}
}

func TestSlotAt(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	tests := []struct {
		schedule, timezone string
		at                 time.Time
		slot               time.Time
		period             time.Duration
	}{
		{"0 8 * * *", "UTC", time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC), time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC), 24 * time.Hour},
		{"0 8 * * *", "UTC", time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC), time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC), 24 * time.Hour},
		{"0 8 * * *", "UTC", time.Date(2026, 11, 25, 7, 59, 59, 0, time.UTC), time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC), 24 * time.Hour},
		{"CRON_TZ=Europe/Paris 0 8 * * 1-5", "", time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC), time.Date(2026, 11, 27, 8, 0, 0, 0, paris), 24 * time.Hour},
		{"0 8 * * 1", "Europe/Paris", time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), time.Date(2026, 11, 23, 8, 0, 0, 0, paris), 7 * 24 * time.Hour},
		{"*/15 * * * *", "UTC", time.Date(2026, 11, 25, 9, 44, 10, 0, time.UTC), time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC), 15 * time.Minute},
		{"@monthly", "UTC", time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC), time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), 31 * 24 * time.Hour},
		{"@every 2h", "", time.Date(2026, 11, 25, 9, 44, 10, 0, time.UTC), time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC), 2 * time.Hour},
		{"@every 2s", "", time.Date(2026, 11, 25, 9, 44, 11, 500, time.UTC), time.Date(2026, 11, 25, 9, 44, 10, 0, time.UTC), 2 * time.Second},
	}
	for _, tt := range tests {
		ch, err := newChannel(config.Channel{Name: "c", Schedule: tt.schedule, Timezone: tt.timezone})
		if err != nil {
			t.Fatalf("%s: %v", tt.schedule, err)
		}
		slot := ch.slotAt(tt.at)
		if !slot.Equal(tt.slot) {
			t.Errorf("%s at %s: slot %s, want %s", tt.schedule, tt.at, slot, tt.slot)
		}
		if p := ch.period(slot); p != tt.period {
			t.Errorf("%s: period %s, want %s", tt.schedule, p, tt.period)
		}
	}
}

func TestNewRejectsBadChannels(t *testing.T) {
	tests := []struct {
		name    string
		channel config.Channel
		want    string
	}{
		{"bad spec", config.Channel{Name: "a", Platform: "console", Schedule: "every morning"}, "schedule"},
		{"tz without spec", config.Channel{Name: "a", Platform: "console", Schedule: "CRON_TZ=UTC"}, "time zone prefix"},
		{"no deliverer", config.Channel{Name: "a", Platform: "matrix", Schedule: "@daily"}, `no deliverer for platform "matrix"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			cfg.Channels = []config.Channel{tt.channel}
			ex, _ := extract.New()
			_, err := New(cfg, openStore(t, t.TempDir(), nil), ex, map[string]adapters.Deliverer{"console": newRecorder("console")})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New error = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

func TestFailedRunIsRetriedByTimer(t *testing.T) {
	f := newDigestFixture(t, morning)
	f.add(t, "Ceasefire talks in Geneva", "Fishing quotas in Reykjavik")
	f.clk.Set(day1At8.Add(10 * time.Second))
	f.rec.failAt = 1
	s := f.service(t, WithRetryBase(50*time.Millisecond))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	defer func() { cancel(); <-done }()

	s.channels[0].job.Run() // the 08:00 activation, which fails after the title
	waitFor(t, 5*time.Second, "the retry to deliver", func() bool {
		run, err := f.st.LastDigestRun(context.Background(), "morning")
		return err == nil && run.Delivered
	})
	got := f.rec.posted()
	if len(got) != 3 || f.rec.attempts() != 2 {
		t.Fatalf("posted %q in %d attempts, want title and two stories in 2", got, f.rec.attempts())
	}
	if run := lastRun(t, f.st, "morning"); !run.Slot.Equal(day1At8) || run.Sent != 3 {
		t.Fatalf("run = %+v", run)
	}
}

func TestBackgroundTaskPanicIsRestarted(t *testing.T) {
	f := newDigestFixture(t)
	s := f.service(t)
	var calls atomic.Int32
	s.Go("flaky", func(ctx context.Context) error {
		if calls.Add(1) == 1 {
			panic("boom")
		}
		<-ctx.Done()
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	waitFor(t, 5*time.Second, "the task to be restarted", func() bool { return calls.Load() == 2 })
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// saveAfterClaim stores an article right after each claim, as a concurrent
// ingest would between the claim and the read of the run's articles.
type saveAfterClaim struct {
	store.Store
	t     *testing.T
	topic string
	now   func() time.Time
}

func (s *saveAfterClaim) ClaimDigestRun(ctx context.Context, channel string, slot time.Time, holder string, lease time.Duration, firstAfter int64) (store.DigestRun, bool, error) {
	run, claimed, err := s.Store.ClaimDigestRun(ctx, channel, slot, holder, lease, firstAfter)
	if s.topic != "" {
		saveArticle(s.t, s.Store, storyArticle(s.topic, s.now()), extract.Analysis{})
		s.topic = ""
	}
	return run, claimed, err
}

func TestArticleStoredDuringAnEmptyRunIsPostedOnceByTheNextRun(t *testing.T) {
	f := newDigestFixture(t, morning)
	racing := &saveAfterClaim{Store: f.st, t: t, topic: "Border talks resume", now: f.clk.Now}
	s := newService(t, f.cfg, racing, map[string]adapters.Deliverer{"console": f.rec}, WithClock(f.clk.Now))

	// The first run is claimed on an empty database: it covers nothing, even
	// though an article lands before it reads.
	f.clk.Set(day1At8)
	if err := tick(t, s, f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	if got := f.rec.posted(); len(got) != 0 {
		t.Fatalf("the empty run posted %q", got)
	}
	f.clk.Set(day1At8.Add(24 * time.Hour))
	if err := tick(t, s, f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	got := f.rec.posted()
	if len(got) != 2 || got[1] != "#news: Border talks resume" {
		t.Fatalf("next run posted %q, want the article once", got)
	}
}

// A scheduled digest carries the sources' health for its footer.
func TestScheduledDigestCarriesSourceHealth(t *testing.T) {
	f := newDigestFixture(t, morning)
	f.cfg.Sources = []config.Source{
		{Name: "Wire", URL: "https://wire.example/rss", Interval: time.Hour},
		{Name: "Ledger", URL: "https://ledger.example/rss", Interval: time.Hour},
	}
	lastOK := day1At8.Add(-5 * time.Hour)
	if err := f.st.SaveSourceState(context.Background(), store.SourceState{Source: "https://ledger.example/rss", LastSuccess: lastOK, Failures: 2, LastError: "timeout"}); err != nil {
		t.Fatal(err)
	}
	f.add(t, "Ceasefire talks in Geneva")
	f.clk.Set(day1At8)
	if err := tick(t, f.service(t), f.clk.Now()); err != nil {
		t.Fatal(err)
	}
	f.rec.mu.Lock()
	h := f.rec.last.Health
	f.rec.mu.Unlock()
	if h == nil || h.Total != 2 || len(h.Down) != 1 || h.Down[0].Name != "Ledger" || !h.Down[0].Since.Equal(lastOK) {
		t.Fatalf("health = %+v, want Ledger down since %v of 2 sources", h, lastOK)
	}
}

// placed is a deliverer that can deliver only while it is the leader, like
// Matrix with encryption.
type placed struct {
	*recorder
	leader atomic.Bool
}

func (p *placed) CanDeliver() bool { return p.leader.Load() }

// A replica that cannot deliver to the platform leaves the run unclaimed
// (errNotHere, retried later); the one that can then delivers it once.
func TestPlacedDelivererClaimsOnlyWhereItCanDeliver(t *testing.T) {
	f := newDigestFixture(t, morning)
	f.add(t, "Ceasefire talks in Geneva")
	follower := &placed{recorder: newRecorder("console")}
	leader := &placed{recorder: newRecorder("console")}
	leader.leader.Store(true)
	f.clk.Set(day1At8.Add(time.Second))
	opts := []Option{WithClock(f.clk.Now)}
	s1 := newService(t, f.cfg, f.st, map[string]adapters.Deliverer{"console": follower}, opts...)
	s2 := newService(t, f.cfg, f.st, map[string]adapters.Deliverer{"console": leader}, opts...)

	tests := []struct {
		name    string
		svc     *Service
		wantErr error
		posted  int
	}{
		{"follower leaves it", s1, errNotHere, 0},
		{"leader delivers", s2, nil, 2},
		{"follower again: already delivered", s1, errNotHere, 2},
		{"leader again: nothing twice", s2, nil, 2},
	}
	for _, tt := range tests {
		err := tt.svc.channelTick(context.Background(), tt.svc.channels[0], f.clk.Now())
		if !errors.Is(err, tt.wantErr) && !(tt.wantErr == nil && err == nil) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.wantErr)
		}
		if got := len(leader.posted()) + len(follower.posted()); got != tt.posted {
			t.Errorf("%s: %d messages posted, want %d", tt.name, got, tt.posted)
		}
	}
	if len(follower.posted()) != 0 {
		t.Errorf("the replica that cannot deliver posted %v", follower.posted())
	}
}
