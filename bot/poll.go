package bot

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/ingest"
)

const (
	// maxPollBackoff caps the delay before re-polling a failing source
	// (unless its own interval is longer).
	maxPollBackoff = 6 * time.Hour
	// sourceLease bounds one poll on one replica: long enough for a feed
	// whose summary-only items each need a page fetch, short enough that a
	// crashed replica's sources are picked up again soon.
	sourceLease = 10 * time.Minute
	// maxKnownPerSource bounds the memory of already-stored item keys.
	maxKnownPerSource = 5000
)

// source is one thing to poll: a configured source or a subscription.
type source struct {
	key        string // URL or path: the store's SourceState key
	name       string
	interval   time.Duration
	subscribed bool // added by chat command: fetched with the private-address guard
}

// pollState is the poller's in-process memory: which sources are being
// polled right now, and which items each source already had stored (so a
// feed without conditional GET does not cost an extraction, or a page fetch,
// per item per poll).
type pollState struct {
	mu       sync.Mutex
	inFlight map[string]bool
	known    map[string]map[string]bool
	wg       sync.WaitGroup
	slots    chan struct{}
}

func (p *pollState) init(concurrency int) {
	p.inFlight = map[string]bool{}
	p.known = map[string]map[string]bool{}
	p.slots = make(chan struct{}, concurrency)
}

// itemKey identifies a feed item or file before its page is fetched.
func itemKey(a ingest.Article) string {
	if a.GUID != "" {
		return "g:" + a.GUID
	}
	return "u:" + a.URL
}

// isKnown is the fetchers' Known hook.
func (p *pollState) isKnown(a ingest.Article) bool {
	if a.GUID == "" && a.URL == "" {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.known[a.Source][itemKey(a)]
}

// remember records that an item is in the store.
func (p *pollState) remember(a ingest.Article) {
	if a.GUID == "" && a.URL == "" {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	set := p.known[a.Source]
	if set == nil || len(set) >= maxKnownPerSource {
		// Starting over costs one re-extraction per item, never an article.
		set = map[string]bool{}
		p.known[a.Source] = set
	}
	set[itemKey(a)] = true
}

// sources lists what to poll: configured sources first, then subscriptions
// (a subscription naming a configured source is the configured one).
func (s *Service) sources(ctx context.Context) ([]source, error) {
	var list []source
	seen := map[string]bool{}
	for _, c := range s.cfg.Sources {
		key := c.URL
		if key == "" {
			key = c.Path
		}
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		interval := c.Interval
		if interval <= 0 {
			interval = config.DefaultSourceInterval
		}
		list = append(list, source{key: key, name: c.Name, interval: interval})
	}
	subs, err := s.store.Subscriptions(ctx)
	if err != nil {
		return list, fmt.Errorf("bot: subscriptions: %w", err)
	}
	for _, sub := range subs {
		if seen[sub.URL] {
			continue
		}
		seen[sub.URL] = true
		list = append(list, source{key: sub.URL, interval: config.DefaultSourceInterval, subscribed: true})
	}
	return list, nil
}

// pollLoop starts due polls every tick, and at once when a subscription is
// added, until ctx ends; then it waits for the polls in flight.
func (s *Service) pollLoop(ctx context.Context) {
	defer s.poll.wg.Wait()
	tick := time.NewTicker(s.pollTick)
	defer tick.Stop()
	for {
		s.pollDue(ctx)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-s.wake:
		}
	}
}

// wakePoller makes the poller look for due sources now.
func (s *Service) wakePoller() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// pollDue starts a poll of every due source that is not already being
// polled, at most pollConcurrency at a time, without waiting for them.
func (s *Service) pollDue(ctx context.Context) {
	list, err := s.sources(ctx)
	if err != nil {
		s.log.Error("list sources", "err", err)
	}
	states, err := s.store.SourceStates(ctx)
	if err != nil {
		s.log.Error("read source states", "err", err)
		return
	}
	next := make(map[string]time.Time, len(states))
	for _, st := range states {
		next[st.Source] = st.NextPoll
	}
	now := s.now()
	for _, src := range list {
		if next[src.key].After(now) {
			continue
		}
		s.poll.mu.Lock()
		busy := s.poll.inFlight[src.key]
		if !busy {
			s.poll.inFlight[src.key] = true
		}
		s.poll.mu.Unlock()
		if busy {
			continue
		}
		s.poll.wg.Go(func() {
			defer func() {
				s.poll.mu.Lock()
				delete(s.poll.inFlight, src.key)
				s.poll.mu.Unlock()
			}()
			select {
			case s.poll.slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-s.poll.slots }()
			// A panic (say, in extraction of a pathological article) must
			// cost one poll, not the process.
			defer func() {
				if r := recover(); r != nil {
					s.log.Error("source poll panicked", "source", src.key, "panic", r, "stack", string(debug.Stack()))
				}
			}()
			s.pollSource(ctx, src)
		})
	}
}

// pollSource polls one source under its lease and records the outcome in
// its SourceState. Failures are logged and recorded, never returned: one
// failing source must not stop the others.
func (s *Service) pollSource(ctx context.Context, src source) {
	// Logs and metrics name a source as people do, by its configured
	// name when it has one; logs keep the URL or path beside it.
	label := hidePassword(sourceLabel(src), src.key)
	log := s.log.With("source", label)
	if label != src.key {
		log = log.With("location", hidePassword(src.key, src.key))
	}
	lease := "source:" + src.key
	ok, err := s.store.AcquireLease(ctx, lease, s.holder, sourceLease)
	if err != nil {
		log.Error("source lease", "err", err)
		return
	}
	if !ok {
		log.Debug("source is being polled by another replica")
		return
	}
	defer func() {
		release, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := s.store.ReleaseLease(release, lease, s.holder); err != nil {
			log.Warn("release source lease", "err", err)
		}
	}()

	// Re-read under the lease: another replica may have polled it between
	// our listing and our lease.
	state, err := s.store.SourceState(ctx, src.key)
	if err != nil {
		log.Error("read source state", "err", err)
		return
	}
	now := s.now()
	if state.NextPoll.After(now) {
		return
	}
	state.Source = src.key

	fetcher := s.reader
	if src.subscribed {
		fetcher = s.subReader
	}
	res, err := fetcher.Read(ctx, src.key, ingest.Validators{ETag: state.ETag, LastModified: state.LastModified})
	reason := ingest.Reason(err)
	var created int
	if err == nil && !res.NotModified {
		if created, err = s.storeArticles(ctx, label, res.Articles); err != nil {
			reason = "store"
		}
	}
	if ctx.Err() != nil {
		// Shutting down: this poll neither failed nor succeeded.
		return
	}
	state.LastPolled = now
	if err != nil {
		state.Failures++
		state.LastError = err.Error()
		state.NextPoll = now.Add(jitter(pollBackoff(src.interval, state.Failures)))
		s.obs.SourceFailed(label, reason)
		log.Warn("source poll failed", "reason", reason, "failures", state.Failures, "next_poll", state.NextPoll, "err", err)
	} else {
		// Validators change only once every article is stored: keeping the
		// old ones after a store failure makes the next poll fetch the
		// content again instead of getting a 304 and losing it.
		if !res.NotModified || res.ETag != "" || res.LastModified != "" {
			state.ETag, state.LastModified = res.ETag, res.LastModified
		}
		state.Failures = 0
		state.LastError = ""
		state.LastSuccess = now
		state.NextPoll = now.Add(jitter(src.interval))
		log.Debug("source polled", "not_modified", res.NotModified, "items", len(res.Articles), "new", created, "next_poll", state.NextPoll)
	}
	if err := s.store.SaveSourceState(context.WithoutCancel(ctx), state); err != nil {
		log.Error("save source state", "err", err)
	}
}

// pollBackoff is the delay before polling a source again after its n-th
// consecutive failure: its interval, doubling per failure, capped at
// maxPollBackoff (or the interval itself when that is longer).
func pollBackoff(interval time.Duration, failures int) time.Duration {
	return backoff(interval, failures, max(maxPollBackoff, interval))
}

// storeArticles extracts and stores new articles of the source labelled
// src (for errors and metrics), returning how many were
// new to the store (the store itself counts them per source, for feeds). It stops at the first store error so the poll is
// retried as a whole.
func (s *Service) storeArticles(ctx context.Context, src string, articles []ingest.Article) (created int, err error) {
	for _, a := range articles {
		if s.poll.isKnown(a) {
			continue
		}
		start := time.Now()
		analysis := s.extractor.Analyze(a.Text())
		s.obs.Extracted(time.Since(start))
		_, isNew, err := s.store.SaveArticle(ctx, a, analysis)
		if err != nil {
			return created, fmt.Errorf("bot: store article %q from %s: %w", a.Title, src, err)
		}
		s.poll.remember(a)
		if isNew {
			created++
			s.obs.ArticleIngested(src)
		}
	}
	return created, nil
}
