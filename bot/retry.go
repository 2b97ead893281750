package bot

import (
	"sync"
	"time"
)

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
