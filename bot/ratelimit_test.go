package bot

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
)

// limitedDeliverer answers like a rate-limited platform: it posts the
// digest's title and headlines, but before message limitAt it returns an
// *adapters.RetryAfterError once per entry of after.
type limitedDeliverer struct {
	mu      sync.Mutex
	limitAt int
	after   []time.Duration
	posted  []string
}

func (l *limitedDeliverer) Platform() string { return "console" }

func (l *limitedDeliverer) Deliver(_ context.Context, target string, d digest.Digest, skip int, sent func(int) error) error {
	msgs := []string{d.Title}
	for _, s := range d.Stories {
		msgs = append(msgs, s.Headline)
	}
	for i := skip; i < len(msgs); i++ {
		l.mu.Lock()
		if i == l.limitAt && len(l.after) > 0 {
			after := l.after[0]
			l.after = l.after[1:]
			l.mu.Unlock()
			return &adapters.RetryAfterError{After: after, Err: errors.New("429 Too Many Requests")}
		}
		l.posted = append(l.posted, target+": "+msgs[i])
		l.mu.Unlock()
		if err := sent(i); err != nil {
			return err
		}
	}
	return nil
}

// rateLimitObserver records the rate-limit waits and failed runs.
type rateLimitObserver struct {
	nopObserver
	mu     sync.Mutex
	waits  []time.Duration
	failed int
}

func (o *rateLimitObserver) RateLimitWaited(_ string, d time.Duration) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.waits = append(o.waits, d)
}

func (o *rateLimitObserver) DigestFailed(string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.failed++
}

// TestRateLimitsAreWaitedUpToTheCeiling: the bot's retry stage waits out
// what the platform asks while the run's waits stay within
// bot.max_rate_limit_wait, resuming after the messages already posted;
// asked for more (Slack's Retry-After: 86400), it fails the run visibly at
// once instead of sleeping a day, and the run is delivered on a later try.
func TestRateLimitsAreWaitedUpToTheCeiling(t *testing.T) {
	tests := []struct {
		name        string
		after       []time.Duration
		wantWaits   int
		wantFailure string
	}{
		{"short waits", []time.Duration{10 * time.Millisecond, 20 * time.Millisecond}, 2, ""},
		{"a day", []time.Duration{24 * time.Hour}, 0, "bot.max_rate_limit_wait"},
		{"waits adding up over the ceiling", []time.Duration{30 * time.Millisecond, 30 * time.Millisecond, 50 * time.Millisecond}, 2, "bot.max_rate_limit_wait"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newDigestFixture(t, morning)
			f.add(t, "Ceasefire talks in Geneva", "Fishing quotas in Reykjavik")
			f.cfg.Bot.MaxRateLimitWait = 100 * time.Millisecond
			dl := &limitedDeliverer{limitAt: 2, after: tt.after}
			obs := &rateLimitObserver{}
			s := newService(t, f.cfg, f.st, map[string]adapters.Deliverer{"console": dl}, WithClock(f.clk.Now), WithObserver(obs))
			f.clk.Set(day1At8.Add(3 * time.Second))
			err := tick(t, s, f.clk.Now())
			if len(obs.waits) != tt.wantWaits {
				t.Errorf("waited %v, want %d waits", obs.waits, tt.wantWaits)
			}
			if tt.wantFailure == "" {
				if err != nil {
					t.Fatalf("run failed: %v", err)
				}
			} else {
				var retry *adapters.RetryAfterError
				if err == nil || !strings.Contains(err.Error(), tt.wantFailure) || !errors.As(err, &retry) {
					t.Fatalf("err = %v, want a rate-limit failure naming %s", err, tt.wantFailure)
				}
				if obs.failed != 1 || lastRun(t, f.st, "morning").Delivered {
					t.Fatalf("failed runs %d, run %+v: want one failed, undelivered run", obs.failed, lastRun(t, f.st, "morning"))
				}
				dl.mu.Lock()
				dl.after = nil // the platform lifts the limit
				dl.mu.Unlock()
				if err := tick(t, s, f.clk.Now()); err != nil {
					t.Fatalf("retry: %v", err)
				}
			}
			if posted := dl.posted; len(posted) != 3 || posted[2] == posted[1] {
				t.Errorf("posted %q, want each of 3 messages once", posted)
			}
			if !lastRun(t, f.st, "morning").Delivered {
				t.Error("run not delivered")
			}
		})
	}
}
