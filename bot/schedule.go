package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/store"
)

// channel is one configured digest destination with its parsed schedule.
type channel struct {
	cfg      config.Channel
	schedule cron.Schedule
	loc      *time.Location
	job      cron.Job // the cron-wrapped job, set when schedules start
}

func newChannel(c config.Channel) (*channel, error) {
	// cron's parser slices a CRON_TZ= prefix up to the first space and
	// panics when there is none.
	if spec := strings.TrimSpace(c.Schedule); hasTZPrefix(spec) && !strings.Contains(spec, " ") {
		return nil, fmt.Errorf("schedule %q: a time zone prefix must be followed by a spec", c.Schedule)
	}
	// The config's parser, so that what validates is what runs.
	sched, err := c.CronSchedule()
	if err != nil {
		return nil, fmt.Errorf("schedule %q: %w", c.Schedule, err)
	}
	loc := time.Local
	if spec, ok := sched.(*cron.SpecSchedule); ok && spec.Location != nil {
		loc = spec.Location
	} else if c.Timezone != "" {
		if loc, err = time.LoadLocation(c.Timezone); err != nil {
			return nil, fmt.Errorf("timezone %q: %w", c.Timezone, err)
		}
	}
	return &channel{cfg: c, schedule: sched, loc: loc}, nil
}

func hasTZPrefix(spec string) bool {
	return strings.HasPrefix(spec, "CRON_TZ=") || strings.HasPrefix(spec, "TZ=")
}

// slotAt is the schedule slot a run at time t belongs to: the latest
// activation at or before t, truncated to the second. Replicas and restarts
// compute the same slot for the same activation, which is what makes a
// claimed digest run unique. An @every schedule has no fixed activations (it
// counts from process start), so its slots are aligned on the Unix epoch.
func (ch *channel) slotAt(t time.Time) time.Time {
	if every, ok := ch.schedule.(cron.ConstantDelaySchedule); ok {
		return t.Truncate(every.Delay)
	}
	return previousActivation(ch.schedule, t)
}

// period is the time between slot and the activation before it: the span a
// regular digest covers.
func (ch *channel) period(slot time.Time) time.Duration {
	if every, ok := ch.schedule.(cron.ConstantDelaySchedule); ok {
		return every.Delay
	}
	prev := previousActivation(ch.schedule, slot.Add(-time.Second))
	if prev.IsZero() {
		return 0
	}
	return slot.Sub(prev)
}

// previousActivation finds the latest activation <= t by stepping Next
// forward from ever earlier starting points; cron schedules only go forward.
func previousActivation(sched cron.Schedule, t time.Time) time.Time {
	t = t.Truncate(time.Second)
	for _, look := range []time.Duration{time.Minute, time.Hour, 24 * time.Hour, 8 * 24 * time.Hour, 32 * 24 * time.Hour, 367 * 24 * time.Hour, 5 * 367 * 24 * time.Hour} {
		var last time.Time
		// Next is strictly after its argument, so start one second early to
		// let an activation exactly at t-look count.
		for n := sched.Next(t.Add(-look - time.Second)); !n.IsZero() && !n.After(t); n = sched.Next(n) {
			last = n
		}
		if !last.IsZero() {
			return last
		}
	}
	return time.Time{}
}

// channelJob is what cron runs at each activation (and catch-up and retry
// timers run too). A failure, or a run held by another replica that may
// have died, schedules a retry with backoff; the next activation would
// retry as well, whichever comes first.
func (s *Service) channelJob(ch *channel) {
	// Checking and counting under one lock keeps Add from racing with the
	// shutdown's Wait.
	s.jobsMu.Lock()
	if s.stopping.Load() {
		s.jobsMu.Unlock()
		return
	}
	s.digestsWG.Add(1)
	s.running++
	s.jobsMu.Unlock()
	defer func() {
		s.jobsMu.Lock()
		s.running--
		s.jobsMu.Unlock()
		s.digestsWG.Done()
	}()
	err := s.channelTick(s.digestCtx, ch, s.now())
	if err == nil {
		s.retries.reset(ch.cfg.Name)
		return
	}
	if s.digestCtx.Err() != nil {
		return
	}
	delay := s.retries.schedule(ch.cfg.Name, s.retryBase, func() {
		if !s.stopping.Load() {
			ch.job.Run()
		}
	})
	var held *runHeldError
	if errors.As(err, &held) {
		s.logHeld(ch, held.slot, delay)
		return
	}
	if errors.Is(err, errNotHere) {
		s.log.Info("digest left to the replica that can deliver it; looking again later", "channel", ch.cfg.Name, "platform", ch.cfg.Platform, "retry_in", delay)
		return
	}
	s.log.Error("digest failed; will retry", "channel", ch.cfg.Name, "retry_in", delay, "err", err)
}

// logHeld says once per run, at info, that another replica holds it; the
// looks after that (every backoff step until its lease expires) are at
// debug: a dead holder's 5-minute lease made one line every few seconds.
func (s *Service) logHeld(ch *channel, slot time.Time, retryIn time.Duration) {
	s.heldMu.Lock()
	first := !s.heldLogged[ch.cfg.Name].Equal(slot)
	s.heldLogged[ch.cfg.Name] = slot
	s.heldMu.Unlock()
	level := slog.LevelDebug
	if first {
		level = slog.LevelInfo
	}
	s.log.Log(context.Background(), level, "digest run held by another replica; looking again until it is delivered or its lease expires",
		"channel", ch.cfg.Name, "slot", slot, "retry_in", retryIn)
}

// catchUp runs, once at start, each channel whose latest activation passed
// without a delivered digest while the bot was down (when bot.catch_up is
// set), and finishes a run a crash or failure left undelivered (always: its
// articles are in no other run). A channel that never had a run waits for
// its schedule: there is nothing it missed.
// It returns the channels it started.
func (s *Service) catchUp(ctx context.Context) []string {
	var started []string
	now := s.now()
	for _, ch := range s.channels {
		last, err := s.store.LastDigestRun(ctx, ch.cfg.Name)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			s.log.Error("catch-up: read the last digest run", "channel", ch.cfg.Name, "err", err)
			continue
		}
		prev := ch.slotAt(now)
		missed := s.cfg.Bot.CatchUp && last.Slot.Before(prev)
		if last.Delivered && !missed {
			continue
		}
		s.log.Info("catching up", "channel", ch.cfg.Name, "last_slot", last.Slot, "last_delivered", last.Delivered, "slot", prev)
		s.jobsMu.Lock()
		if s.stopping.Load() {
			s.jobsMu.Unlock()
			break
		}
		s.digestsWG.Add(1)
		s.jobsMu.Unlock()
		go func() {
			defer s.digestsWG.Done()
			ch.job.Run()
		}()
		started = append(started, ch.cfg.Name)
	}
	return started
}

// cronLogger adapts slog to cron.Logger.
type cronLogger struct{ l *slog.Logger }

func (c cronLogger) Info(msg string, kv ...any) {
	if msg == "skip" { // from SkipIfStillRunning: worth seeing
		c.l.Info("previous digest still running; activation skipped", kv...)
		return
	}
	c.l.Debug("cron: "+msg, kv...)
}
func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.l.Error("cron: "+msg, append([]any{"err", err}, kv...)...)
}
