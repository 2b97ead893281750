package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
	"github.com/attache-bot/attache/store"
)

// Defaults for the service's own timing; Options override them (tests use
// short ones).
const (
	defaultPollTick        = 5 * time.Second
	defaultPollConcurrency = 4
	defaultShutdownGrace   = 30 * time.Second
	defaultRetryBase       = 30 * time.Second
	// defaultPollDeadline bounds the fetching of one poll (the feed and its
	// linked pages), so a source whose pages hang cannot hold one of the
	// shared poll slots for long: what was not fetched by then keeps its
	// feed summary, as when a page fetch fails.
	defaultPollDeadline = 2 * time.Minute
	maxRetryDelay       = 15 * time.Minute
	// digestLease is how long a claimed digest run stays ours without news;
	// every posted message extends it, so only a stuck replica loses it.
	digestLease = 5 * time.Minute
)

// Service is the running bot. Create it with New, then call Run.
type Service struct {
	cfg        *config.Config
	store      store.Store
	extractor  *extract.Extractor
	deliverers map[string]adapters.Deliverer

	// reader polls configured sources; subReader polls chat subscriptions
	// and refuses private destinations at dial time unless the config
	// allows them.
	reader    *ingest.Fetcher
	subReader *ingest.Fetcher
	resolver  *net.Resolver

	// identity names this replica across restarts (bot.replica_id);
	// holder, identity/instance, names this process in leases.
	identity        string
	holder          string
	now             func() time.Time
	log             *slog.Logger
	obs             Observer
	pollTick        time.Duration
	pollConcurrency int
	shutdownGrace   time.Duration
	pollDeadline    time.Duration
	retryBase       time.Duration
	leaderLease     time.Duration
	listener        net.Listener
	routes          []route
	background      []backgroundTask

	channels []*channel
	cron     *cron.Cron
	poll     pollState
	retries  retryTimers
	// heldLogged is, per channel, the slot of the last run logged as held
	// by another replica (logHeld).
	heldMu     sync.Mutex
	heldLogged map[string]time.Time
	wake       chan struct{}
	stopping   atomic.Bool
	jobsMu     sync.Mutex
	running    int // digest jobs in progress, under jobsMu
	// digestCtx outlives Run's context by the shutdown grace so that a
	// digest being posted when the signal arrives can finish.
	digestCtx    context.Context
	cancelDigest context.CancelFunc
	digestsWG    sync.WaitGroup
}

type route struct {
	pattern string
	handler http.Handler
}

// backgroundTask is a long-running loop owned by an adapter (Slack Socket
// Mode, the Matrix sync). A leased task runs on one replica at a time.
type backgroundTask struct {
	name  string
	lease string // "" for tasks every replica runs
	run   func(ctx context.Context) error
}

// Option configures a Service.
type Option func(*Service)

// WithLogger sets the logger (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(s *Service) { s.log = l } }

// WithClock replaces time.Now for polling and digest decisions.
func WithClock(now func() time.Time) Option { return func(s *Service) { s.now = now } }

// WithHolder sets the replica identity used for leases, as bot.replica_id
// does (default: bot.replica_id, else derived from the host name and the
// database). Each process adds an instance suffix of its own.
func WithHolder(id string) Option { return func(s *Service) { s.identity = id } }

// WithObserver reports ingestion, delivery and command events (metrics).
func WithObserver(o Observer) Option { return func(s *Service) { s.obs = o } }

// WithResolver sets the DNS resolver used to vet subscribed URLs.
func WithResolver(r *net.Resolver) Option { return func(s *Service) { s.resolver = r } }

// WithPollTick sets how often the poller looks for due sources.
func WithPollTick(d time.Duration) Option { return func(s *Service) { s.pollTick = d } }

// WithShutdownGrace bounds how long Run waits for a running digest after
// its context is cancelled.
func WithShutdownGrace(d time.Duration) Option { return func(s *Service) { s.shutdownGrace = d } }

// WithPollDeadline bounds the fetching of one poll of one source.
func WithPollDeadline(d time.Duration) Option { return func(s *Service) { s.pollDeadline = d } }

// WithRetryBase sets the first delay before a failed digest run is retried;
// it doubles per consecutive failure up to 15 minutes.
func WithRetryBase(d time.Duration) Option { return func(s *Service) { s.retryBase = d } }

// WithLeaderLease sets how long a leader lease (the Matrix sync, retention)
// lasts without renewal: a dead leader is replaced within it.
func WithLeaderLease(d time.Duration) Option { return func(s *Service) { s.leaderLease = d } }

// WithListener serves HTTP on l instead of listening on cfg.HTTP.Listen.
func WithListener(l net.Listener) Option { return func(s *Service) { s.listener = l } }

// WithBackground runs fn for the life of the service on every replica
// (see Go).
func WithBackground(name string, fn func(ctx context.Context) error) Option {
	return func(s *Service) { s.Go(name, fn) }
}

// Handle mounts h on the service's HTTP server, e.g. "POST /slack/commands"
// for the Slack adapter or "GET /metrics" for telemetry. Adapters that need
// the service as their CommandHandler are built after New, hence a method.
// Call it before Run.
func (s *Service) Handle(pattern string, h http.Handler) {
	s.routes = append(s.routes, route{pattern, h})
}

// Go runs fn for the life of the service on every replica (Slack Socket
// Mode, a separate metrics listener), restarting it with backoff when it
// fails. fn must return when its context ends. Call it before Run.
func (s *Service) Go(name string, fn func(ctx context.Context) error) {
	s.background = append(s.background, backgroundTask{name: name, run: fn})
}

// GoLeader runs fn on one replica at a time: only while this process holds
// the store lease named lease (for example "matrix-sync"). When the lease
// is lost fn's context is cancelled; another replica takes over once the
// lease expires. fn must be restartable. Call it before Run.
func (s *Service) GoLeader(lease string, fn func(ctx context.Context) error) {
	s.background = append(s.background, backgroundTask{name: lease, lease: lease, run: fn})
}

// New builds the service. deliverers maps a platform name ("slack",
// "matrix", "console") to its Deliverer; every channel's platform must have
// one. Schedules are parsed here, so a bad one fails New, not a later tick.
func New(cfg *config.Config, st store.Store, ex *extract.Extractor, deliverers map[string]adapters.Deliverer, opts ...Option) (*Service, error) {
	if cfg == nil || st == nil || ex == nil {
		return nil, errors.New("bot: config, store and extractor are required")
	}
	s := &Service{
		cfg:             cfg,
		store:           st,
		extractor:       ex,
		deliverers:      deliverers,
		resolver:        net.DefaultResolver,
		now:             time.Now,
		log:             slog.Default(),
		obs:             nopObserver{},
		pollTick:        defaultPollTick,
		pollConcurrency: defaultPollConcurrency,
		shutdownGrace:   defaultShutdownGrace,
		pollDeadline:    defaultPollDeadline,
		retryBase:       defaultRetryBase,
		leaderLease:     defaultLeaderLease,
		wake:            make(chan struct{}, 1),
		heldLogged:      map[string]time.Time{},
	}
	// A source polled more often than the poller looks would be late.
	for _, src := range cfg.Sources {
		if src.Interval > 0 && src.Interval < s.pollTick {
			s.pollTick = max(src.Interval, time.Second)
		}
	}
	for _, o := range opts {
		o(s)
	}
	if s.identity == "" {
		s.identity = cfg.Bot.ReplicaID
	}
	if s.identity == "" {
		s.identity = derivedReplicaID(cfg.Database)
	}
	s.holder = s.identity + "/" + instanceID()
	s.poll.init(s.pollConcurrency)
	s.reader = ingest.NewFetcher(s.fetchOptions(false))
	s.subReader = ingest.NewFetcher(s.fetchOptions(!cfg.Fetch.AllowPrivateURL))
	s.digestCtx, s.cancelDigest = context.WithCancel(context.Background())
	s.retries.init()
	for i, chCfg := range cfg.Channels {
		ch, err := newChannel(chCfg)
		if err != nil {
			return nil, fmt.Errorf("bot: channels[%d]: %w", i, err)
		}
		if _, ok := deliverers[chCfg.Platform]; !ok {
			return nil, fmt.Errorf("bot: channels[%d] (%s): no deliverer for platform %q", i, chCfg.Name, chCfg.Platform)
		}
		s.channels = append(s.channels, ch)
	}
	s.cron = s.newCron()
	if cfg.Bot.DigestRunRetention > 0 || cfg.Bot.ArticleRetention > 0 {
		s.GoLeader("retention", s.retentionLoop)
	}
	return s, nil
}

func (s *Service) fetchOptions(refusePrivate bool) ingest.Options {
	f := s.cfg.Fetch
	return ingest.Options{
		Timeout:       f.Timeout,
		MaxBytes:      f.MaxBytes,
		MaxRedirects:  f.MaxRedirects,
		UserAgent:     f.UserAgent,
		RefusePrivate: refusePrivate,
		Known:         s.poll.isKnown,
		Now:           s.now,
	}
}

// Holder is the name this process uses in leases: its replica identity,
// "/", and an instance ID of its own.
func (s *Service) Holder() string { return s.holder }

// Run serves until ctx is cancelled, then shuts down gracefully: it stops
// answering commands and HTTP, stops the schedules, lets a digest being
// posted finish (bounded by the shutdown grace), and returns once every
// goroutine it started has ended. It returns an error only when the HTTP
// listener cannot be opened. Run is called once per Service; a restart is
// a new Service (everything that must survive lives in the store).
func (s *Service) Run(ctx context.Context) error {
	srv, ln, err := s.httpServer()
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	if srv != nil {
		wg.Go(func() {
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				s.log.Error("http server stopped", "err", err)
			}
		})
	}

	s.takeBack(ctx)
	s.cron.Start()
	s.catchUp(ctx)

	wg.Go(func() { s.pollLoop(ctx) })
	for _, t := range s.background {
		wg.Go(func() { s.runBackground(ctx, t) })
	}
	s.log.Info("attache running", "holder", s.holder, "sources", len(s.cfg.Sources), "channels", len(s.channels))

	<-ctx.Done()
	s.jobsMu.Lock()
	s.stopping.Store(true)
	s.jobsMu.Unlock()
	s.log.Info("shutting down")

	grace, cancel := context.WithTimeout(context.Background(), s.shutdownGrace)
	defer cancel()
	if srv != nil {
		if err := srv.Shutdown(grace); err != nil {
			s.log.Warn("http shutdown", "err", err)
			_ = srv.Close()
		}
	}
	s.retries.stopAll()
	cronDone := s.cron.Stop()
	digestsDone := make(chan struct{})
	go func() { s.digestsWG.Wait(); close(digestsDone) }()
	select {
	case <-digestsDone:
	case <-grace.Done():
		s.log.Warn("a digest was still being posted at the end of the shutdown grace; it resumes on the next start")
		s.cancelDigest()
		<-digestsDone
	}
	s.cancelDigest()
	<-cronDone.Done()
	wg.Wait()
	s.log.Info("stopped")
	return nil
}

// newCron registers every channel with one cron instance. Jobs are wrapped
// so a panic is logged instead of killing the process and a slow run makes
// the next activation skip rather than overlap.
func (s *Service) newCron() *cron.Cron {
	logger := cronLogger{s.log.With("component", "cron")}
	c := cron.New(
		cron.WithLogger(logger),
		cron.WithChain(cron.Recover(logger), cron.SkipIfStillRunning(logger)),
	)
	for _, ch := range s.channels {
		id := c.Schedule(ch.schedule, cron.FuncJob(func() { s.channelJob(ch) }))
		// The wrapped job serves cron ticks, catch-up and retries alike, so
		// SkipIfStillRunning keeps all three from overlapping.
		ch.job = c.Entry(id).WrappedJob
	}
	return c
}

// runBackground runs one adapter loop until ctx ends, restarting it after a
// failure; a leased loop runs only while this replica holds its lease.
func (s *Service) runBackground(ctx context.Context, t backgroundTask) {
	log := s.log.With("task", t.name)
	for attempt := 0; ctx.Err() == nil; attempt++ {
		started := time.Now()
		err := s.runTaskOnce(ctx, t)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			log.Error("background task failed; restarting", "err", err)
		}
		if time.Since(started) > time.Minute {
			attempt = 0 // it had been working: restart soon
		}
		if !sleepCtx(ctx, backoff(time.Second, attempt+1, time.Minute)) {
			return
		}
	}
}

// runTaskOnce runs t once, turning a panic into an error so that the task
// is restarted instead of the process dying.
func (s *Service) runTaskOnce(ctx context.Context, t backgroundTask) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	if t.lease == "" {
		return t.run(ctx)
	}
	return s.runLeased(ctx, t)
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
