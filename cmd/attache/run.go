package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/adapters/console"
	"github.com/attache-bot/attache/adapters/matrix"
	"github.com/attache-bot/attache/adapters/slack"
	"github.com/attache-bot/attache/bot"
	"github.com/attache-bot/attache/bot/telemetry"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/store"
)

func init() {
	register(command{name: "run", summary: "run the bot: poll sources, post scheduled digests, answer commands", run: runRun})
}

// adapterShutdownGrace bounds how long late Slack command replies may delay
// the exit once the service has stopped.
const adapterShutdownGrace = 10 * time.Second

func runRun(ctx context.Context, sio stdio, args []string) error {
	fs := newFlags(sio, "run [--config FILE]",
		`Runs attache as a service until SIGINT or SIGTERM: polls every configured
source and chat subscription, posts each channel's digest on its schedule,
answers chat commands, and serves GET /healthz and /readyz on http.listen
(plus /slack/commands when Slack is configured, and /metrics). Without a
configuration file it starts with the defaults: no sources, no channels, a
SQLite database attache.db.

Delivery: each schedule slot's digest is claimed once in the database, by
one replica, and every article is in exactly one slot's digest. Each
message is recorded before it is posted (with an idempotency marker) and
after, so a restart, a failure or another replica resumes after the last
message posted. A message whose post was in flight when a process died is
posted at most once: Slack's channel history is searched for its marker
(Matrix: the same transaction ID is reused) before it is sent again; if
the history cannot be read, the run fails visibly and is retried later
rather than risk posting it twice. A restart with the same bot.replica_id
resumes at once; another replica waits for the dead one's 5-minute lease.
A first signal stops gracefully (a digest being posted may finish); a
second one exits at once.`)
	configPath := fs.String("config", "", "configuration file (default: $ATTACHE_CONFIG, else none)")
	rest, err := parseArgs(fs, sio, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q", rest[0])
	}
	cfg, err := loadConfig(*configPath, sio.err)
	if err != nil {
		return err
	}
	log := telemetry.NewLogger(sio.err, cfg.Log.Level, cfg.Log.Format)
	slog.SetDefault(log)
	stopSecond := exitOnSecondSignal(ctx, sio.err)
	defer stopSecond()

	st, err := openStore(ctx, cfg, "")
	if err != nil {
		return err
	}
	defer st.Close()
	ex, err := extract.New()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	metrics := telemetry.NewMetrics()

	w, err := wireAdapters(cfg, st, sio.out, log, metrics)
	if err != nil {
		return err
	}
	svc, err := bot.New(cfg, st, ex, w.deliverers, bot.WithLogger(log), bot.WithObserver(metrics))
	if err != nil {
		return err
	}
	if err := w.attach(svc, cfg, metrics); err != nil {
		return err
	}
	if len(cfg.Sources) == 0 {
		log.Info("no sources configured: add some to the configuration file, or subscribe to feeds from chat")
	}
	if err := svc.Run(ctx); err != nil {
		return err
	}
	w.shutdown(log)
	return nil
}

// wiring is the platform adapters built from the configuration.
type wiring struct {
	deliverers   map[string]adapters.Deliverer
	slackOptions slack.Options
	matrix       *matrix.Adapter
	shutdowns    []func(context.Context) error
}

// wireAdapters builds a Deliverer per configured platform: console always,
// Slack when slack.bot_token is set, Matrix when matrix.homeserver is.
func wireAdapters(cfg *config.Config, st matrix.StateStore, out io.Writer, log *slog.Logger, metrics *telemetry.Metrics) (*wiring, error) {
	w := &wiring{deliverers: map[string]adapters.Deliverer{}}
	cons, err := console.NewDeliverer(out, "markdown")
	if err != nil {
		return nil, err
	}
	w.deliverers[cons.Platform()] = cons
	if cfg.Slack.BotToken != "" {
		w.slackOptions = slack.OptionsFrom(cfg.Slack)
		w.slackOptions.Logger = log.With("adapter", slack.Platform)
		d, err := slack.NewDeliverer(w.slackOptions)
		if err != nil {
			return nil, err
		}
		w.deliverers[slack.Platform] = d
	}
	if cfg.Matrix.Homeserver != "" {
		opts := matrix.Options{
			Config:          cfg.Matrix,
			State:           st,
			Logger:          log.With("adapter", matrix.Platform),
			OnRateLimit:     metrics.RateLimitHook(matrix.Platform),
			OnUndecryptable: metrics.MatrixUndecryptable,
			OnKeysShared:    metrics.MatrixKeysShared,
		}
		if cfg.Matrix.EncryptionEnabled() {
			// The crypto state lives in attache's database, in tables of
			// mautrix-go's own, through a pool of its own.
			db, dialect, err := store.OpenSQL(cfg.Database.Driver, cfg.Database.DSN)
			if err != nil {
				return nil, fmt.Errorf("matrix encryption: %w", err)
			}
			opts.CryptoDB, opts.CryptoDialect = db, dialect
			w.shutdowns = append(w.shutdowns, func(context.Context) error { return db.Close() })
		}
		a, err := matrix.New(opts)
		if err != nil {
			if opts.CryptoDB != nil {
				opts.CryptoDB.Close()
			}
			return nil, err
		}
		w.matrix = a
		w.deliverers[matrix.Platform] = a
	}
	return w, nil
}

// attach connects the command side of the adapters to the service, which
// they need as their CommandHandler: Slack slash commands over HTTP (with a
// signing secret) and Socket Mode (with an app token) on every replica, the
// Matrix sync on the replica holding the "matrix-sync" lease; and metrics.
func (w *wiring) attach(svc *bot.Service, cfg *config.Config, metrics *telemetry.Metrics) error {
	if cfg.Slack.BotToken != "" && cfg.Slack.SigningSecret != "" {
		cmds, err := slack.NewCommands(w.slackOptions, svc)
		if err != nil {
			return err
		}
		svc.Handle("POST "+slack.CommandsPath, cmds)
		w.shutdowns = append(w.shutdowns, cmds.Shutdown)
	}
	if cfg.Slack.BotToken != "" && cfg.Slack.AppToken != "" {
		sm, err := slack.NewSocketMode(w.slackOptions, svc)
		if err != nil {
			return err
		}
		svc.Go("slack-socket-mode", sm.Run)
		w.shutdowns = append(w.shutdowns, sm.Shutdown)
	}
	if w.matrix != nil {
		w.matrix.HandleCommands(svc)
		svc.GoLeader("matrix-sync", w.matrix.Run)
	}
	if cfg.HTTP.MetricsListen != "" {
		svc.Go("metrics", func(ctx context.Context) error {
			return metrics.ListenAndServe(ctx, cfg.HTTP.MetricsListen, cfg.HTTP.MetricsToken)
		})
	} else {
		svc.Handle("GET "+telemetry.MetricsPath, metrics.Handler(cfg.HTTP.MetricsToken))
	}
	return nil
}

// shutdown lets adapters finish replies to commands answered late.
func (w *wiring) shutdown(log *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), adapterShutdownGrace)
	defer cancel()
	var errs []error
	for _, fn := range w.shutdowns {
		errs = append(errs, fn(ctx))
	}
	if err := errors.Join(errs...); err != nil {
		log.Warn("adapter shutdown", "err", err)
	}
}

// exitOnSecondSignal exits at once when a signal arrives after ctx (the
// first signal) has ended: an operator pressing Ctrl-C twice means it.
func exitOnSecondSignal(ctx context.Context, stderr io.Writer) (stop func()) {
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
		case <-done:
			return
		}
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		defer signal.Stop(sig)
		select {
		case s := <-sig:
			fmt.Fprintf(stderr, "attache run: second %s, exiting now\n", s)
			os.Exit(exitFailure)
		case <-done:
		}
	}()
	return func() { close(done) }
}
