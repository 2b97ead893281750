package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/attache-bot/attache/adapters"
)

// retryRateLimited is the one retry stage for platform rate limits
// (Alertmanager's notify shape): deliverers return an
// *adapters.RetryAfterError instead of sleeping, and this waits out what
// the platform asked for and calls deliver again, as long as all the waits
// of the run stay within bot.max_rate_limit_wait. Asked for more, it fails
// the run with an error saying so, which is logged, counted and retried
// later with the channel's backoff: never a silent sleep of a day.
func (s *Service) retryRateLimited(ctx context.Context, platform string, log *slog.Logger, deliver func() error) error {
	var waited time.Duration
	for {
		err := deliver()
		var retry *adapters.RetryAfterError
		if !errors.As(err, &retry) {
			return err
		}
		if limit := s.cfg.Bot.MaxRateLimitWait; waited+retry.After > limit {
			return fmt.Errorf("%w (waiting would exceed bot.max_rate_limit_wait %s; %s waited already)", err, limit, waited)
		}
		s.obs.RateLimitWaited(platform, retry.After)
		log.Info("rate limited; waiting", "platform", platform, "wait", retry.After)
		if !sleepCtx(ctx, retry.After) {
			return fmt.Errorf("waiting out a rate limit: %w", ctx.Err())
		}
		waited += retry.After
	}
}

// retryTimers holds, per channel, the timer that retries a failed digest run
// and the count of consecutive failures that sets its backoff.
type retryTimers struct {
	mu       sync.Mutex
	timers   map[string]*time.Timer
	failures map[string]int
	stopped  bool
}

func (r *retryTimers) init() {
	r.timers = map[string]*time.Timer{}
	r.failures = map[string]int{}
}

// schedule arms (or re-arms) the retry of channel and returns its delay.
func (r *retryTimers) schedule(channel string, base time.Duration, fn func()) time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failures[channel]++
	delay := jitter(backoff(base, r.failures[channel], maxRetryDelay))
	if r.stopped {
		return delay
	}
	if t := r.timers[channel]; t != nil {
		t.Stop()
	}
	r.timers[channel] = time.AfterFunc(delay, fn)
	return delay
}

// reset forgets a channel's failures after a successful run.
func (r *retryTimers) reset(channel string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.failures, channel)
	if t := r.timers[channel]; t != nil {
		t.Stop()
		delete(r.timers, channel)
	}
}

// stopAll cancels every pending retry for shutdown; the run stays
// undelivered in the store and is retried on the next start.
func (r *retryTimers) stopAll() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stopped = true
	for _, t := range r.timers {
		t.Stop()
	}
}
