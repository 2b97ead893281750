package bot

import (
	"context"
	"errors"
	"fmt"
	"github.com/attache-bot/attache/extract"
	"runtime/debug"
	"sync"
	"time"

	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/ingest"
	"github.com/attache-bot/attache/internal/urlsafe"
)

const (
	// maxPollBackoff caps the delay before re-polling a failing source
	// (unless its own interval is longer).
	maxPollBackoff = 6 * time.Hour
	// sourceLease bounds one poll on one replica: long enough for a feed
	// whose summary-only items each need a page fetch, short enough that a
	// crashed replica's sources are picked up again soon.
	sourceLease = 10 * time.Minute
	// maxKnownPerSource bounds the memory of already-stored item keys of
	// one source: more than a feed at the fetch limit (5 MiB) can list in
	// practice, so a whole feed is always remembered.
	maxKnownPerSource = 100_000
)

// source is one thing to poll: a configured source or a subscription.
type source struct {
	key        string // URL or path: the store's SourceState key
	name       string
	interval   time.Duration
	subscribed bool // added by chat command: fetched with the private-address guard
}

// label names the source in metrics: its configured name, or its host and a
// hash of its URL, never the URL itself, which may carry credentials and
// /metrics may be scraped without a token.
func (src source) label() string { return urlsafe.Label(src.name, src.key) }

// pollState is the poller's in-process memory: which sources are being
// polled right now, and which items each source already had stored (so a
// feed without conditional GET does not cost an extraction, or a page fetch,
// per item per poll).
type pollState struct {
	mu       sync.Mutex
	inFlight map[string]bool
	known    map[string]*seenItems
	wg       sync.WaitGroup
	slots    chan struct{}
}

func (p *pollState) init(concurrency int) {
	p.inFlight = map[string]bool{}
	p.known = map[string]*seenItems{}
	p.slots = make(chan struct{}, concurrency)
}

// itemKey identifies a feed item or file before its page is fetched.
func itemKey(a ingest.Article) string {
	if a.GUID != "" {
		return "g:" + a.GUID
	}
	return "u:" + a.URL
}

// seenItems is one source's memory of stored items. It keeps what the
// source listed at its last complete poll, not the most recent N keys: a
// count cap once made the two halves of a 10,000-item feed evict each
// other, re-extracting 5,000 items per poll. Items the feed stops listing
// are forgotten at the next complete poll, so memory follows the feed.
type seenItems struct {
	stored map[string]bool // stored items the source listed at its last complete poll
	listed map[string]bool // stored items the current poll has listed so far
}

func (p *pollState) seen(source string) *seenItems {
	s := p.known[source]
	if s == nil {
		s = &seenItems{stored: map[string]bool{}, listed: map[string]bool{}}
		p.known[source] = s
	}
	return s
}

// note adds key to set unless that would pass maxKnownPerSource; an item
// not remembered costs one re-extraction per poll, never an article.
func note(set map[string]bool, key string) {
	if len(set) < maxKnownPerSource {
		set[key] = true
	}
}

// isKnown is the fetchers' Known hook: whether the item was stored at an
// earlier poll. A known item is noted as still listed.
func (p *pollState) isKnown(a ingest.Article) bool {
	if a.GUID == "" && a.URL == "" {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.seen(a.Source)
	key := itemKey(a)
	if !s.stored[key] {
		return false
	}
	note(s.listed, key)
	return true
}

// remember records that an item the current poll listed is in the store.
func (p *pollState) remember(a ingest.Article) {
	if a.GUID == "" && a.URL == "" {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	note(p.seen(a.Source).listed, itemKey(a))
}

// settle ends a poll of source. After a complete poll (every item listed
// was read and stored) the memory becomes exactly the items listed; after
// an incomplete one what was listed is added, nothing forgotten.
func (p *pollState) settle(source string, complete bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.seen(source)
	if complete {
		s.stored = s.listed
	} else {
		for key := range s.listed {
			note(s.stored, key)
		}
	}
	s.listed = map[string]bool{}
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
					s.log.Error("source poll panicked", "source", urlsafe.Redact(src.key), "panic", r, "stack", string(debug.Stack()))
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
	// Logs name a source as people do, by its configured name when it has
	// one (else its redacted URL or path), and keep the redacted location
	// beside a name; metrics use src.label(), which never carries the URL.
	label := sourceLabel(src)
	log := s.log.With("source", label)
	if src.name != "" {
		log = log.With("location", urlsafe.Redact(src.key))
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
	readCtx, cancelRead := context.WithTimeout(ctx, s.pollDeadline)
	res, err := fetcher.Read(readCtx, src.key, ingest.Validators{ETag: state.ETag, LastModified: state.LastModified})
	cancelRead()
	if err != nil && ctx.Err() == nil && errors.Is(readCtx.Err(), context.DeadlineExceeded) {
		err = fmt.Errorf("poll exceeded its %s deadline: %w", s.pollDeadline, err)
	}
	reason := ingest.Reason(err)
	var created int
	if err == nil && !res.NotModified {
		if created, err = s.storeArticles(ctx, src, res.Articles); err != nil {
			reason = "store"
		}
	}
	// A 304 listed nothing: the memory stays as it was.
	s.poll.settle(src.key, err == nil && !res.NotModified && ctx.Err() == nil)
	if ctx.Err() != nil {
		// Shutting down: this poll neither failed nor succeeded.
		return
	}
	state.LastPolled = now
	if err != nil {
		state.Failures++
		state.LastError = err.Error()
		state.NextPoll = now.Add(jitter(pollBackoff(src.interval, state.Failures)))
		s.obs.SourceFailed(src.label(), reason)
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

// extractWithinBudget analyses one article, giving up after
// bot.extract_budget: an article over budget keeps what the finished
// stages found (never a guessed speaker) and is counted, so one hostile
// page cannot hold a poll slot. It fails only when ctx ends (shutdown).
func (s *Service) extractWithinBudget(ctx context.Context, src source, a ingest.Article) (extract.Analysis, error) {
	budget, cancel := context.WithTimeout(ctx, s.cfg.Bot.ExtractBudget)
	defer cancel()
	start := time.Now()
	analysis, err := s.extractor.AnalyzeContext(budget, a.Text())
	took := time.Since(start)
	s.obs.Extracted(took)
	if err != nil {
		if ctx.Err() != nil {
			return analysis, ctx.Err()
		}
		s.obs.ExtractionOverBudget(src.label())
		s.log.Warn("article extraction over budget; stored with what was found",
			"source", src.label(), "title", a.Title, "bytes", len(a.Text()), "took", took, "budget", s.cfg.Bot.ExtractBudget,
			"people", len(analysis.People), "quotes", len(analysis.Quotes))
	}
	return analysis, nil
}

// storeArticles extracts and stores new articles, returning how many were
// new to the store (the store itself counts them per source, for feeds). It stops at the first store error so the poll is
// retried as a whole.
func (s *Service) storeArticles(ctx context.Context, src source, articles []ingest.Article) (created int, err error) {
	for _, a := range articles {
		if s.poll.isKnown(a) {
			continue
		}
		analysis, err := s.extractWithinBudget(ctx, src, a)
		if err != nil {
			return created, err // shutting down: the article is read again at the next start
		}
		_, isNew, err := s.store.SaveArticle(ctx, a, analysis)
		if err != nil {
			return created, fmt.Errorf("bot: store article %q from %s: %w", a.Title, urlsafe.Redact(src.key), err)
		}
		s.poll.remember(a)
		if isNew {
			created++
			s.obs.ArticleIngested(src.label())
		}
	}
	return created, nil
}
