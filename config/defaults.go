package config

import "time"

// Defaults for fields the file and environment leave unset. They make
// `attache digest` and `attache run` work with no configuration at all.
const (
	DefaultDatabaseDriver = "sqlite"
	DefaultDatabaseDSN    = "attache.db"
	DefaultListen         = ":8080"
	DefaultFetchTimeout   = 20 * time.Second
	DefaultFetchMaxBytes  = 5 << 20
	DefaultMaxRedirects   = 5
	DefaultCommandPrefix  = "!"
	DefaultBacklog        = 24 * time.Hour
	DefaultSourceInterval = 15 * time.Minute
	// DefaultMaxRateLimitWait caps a delivery's rate-limit waits; a run
	// waits at most this in all, well inside its 5-minute lease.
	DefaultMaxRateLimitWait = 2 * time.Minute
	// MaxRateLimitWaitLimit is the largest bot.max_rate_limit_wait: a run
	// that waits longer would outlive the lease that makes it exclusive.
	MaxRateLimitWaitLimit = 4 * time.Minute
	// DefaultDigestRunRetention keeps a month of delivered digest runs.
	DefaultDigestRunRetention = 30 * 24 * time.Hour
	// DefaultExtractBudget bounds one article's extraction. A long article
	// takes well under a second; the largest page the fetch limit lets in
	// (5 MiB of name-dense text) about 1.5 s on two cores.
	DefaultExtractBudget = 10 * time.Second
	DefaultUserAgent     = "attache (+https://github.com/attache-bot/attache)"
	// ConsoleStdout is the console target that means standard output.
	ConsoleStdout = "-"
)

// Default returns the configuration used when no file is given. Load decodes
// the file on top of it, so a file only needs the fields it changes.
func Default() *Config {
	return &Config{
		HTTP:     HTTP{Listen: DefaultListen},
		Database: Database{Driver: DefaultDatabaseDriver, DSN: DefaultDatabaseDSN},
		Fetch: Fetch{
			Timeout:      DefaultFetchTimeout,
			MaxBytes:     DefaultFetchMaxBytes,
			MaxRedirects: DefaultMaxRedirects,
			UserAgent:    DefaultUserAgent,
		},
		Matrix: Matrix{CommandPrefix: DefaultCommandPrefix},
		Bot:    Bot{CatchUp: true, DefaultBacklog: DefaultBacklog, MaxRateLimitWait: DefaultMaxRateLimitWait, DigestRunRetention: DefaultDigestRunRetention, ExtractBudget: DefaultExtractBudget},
		Log:    Log{Level: "info", Format: "auto"},
	}
}

// fillListDefaults sets defaults inside list entries, which Default cannot
// pre-fill because the entries come from the file or the environment.
func (c *Config) fillListDefaults() {
	for i := range c.Sources {
		if c.Sources[i].Interval == 0 {
			c.Sources[i].Interval = DefaultSourceInterval
		}
	}
	for i := range c.Channels {
		if c.Channels[i].Platform == "console" && c.Channels[i].Target == "" {
			c.Channels[i].Target = ConsoleStdout
		}
	}
	// A PostgreSQL URL (typically from DATABASE_URL) can only mean the
	// PostgreSQL driver; opening it as an SQLite file name would silently
	// create a stray local database instead.
	if c.Database.Driver == DefaultDatabaseDriver && isPostgresURL(c.Database.DSN) {
		c.Database.Driver = "postgres"
	}
}

// BacklogFor is how far back a channel's first digest may reach.
func (c *Config) BacklogFor(ch Channel) time.Duration {
	if ch.Backlog > 0 {
		return ch.Backlog
	}
	return c.Bot.DefaultBacklog
}
