// Package bot owns the long-running service behind `attache run`: it polls
// every configured source and runtime subscription (conditional GET, jitter,
// exponential backoff per failing source, one replica per source through a
// store lease), runs new articles through extraction into the store, delivers
// each channel's scheduled digest exactly once (a digest run is claimed in the
// store before delivery, its messages are recorded as they are posted, and a
// failed run is retried before any later slot so no article is skipped),
// answers chat commands (it implements adapters.CommandHandler), and serves
// the HTTP endpoints (/healthz, /readyz and handlers mounted by adapters and
// telemetry). Everything it knows across restarts lives in the store, so
// several replicas may share one database.
package bot
