// Package config owns attache's configuration: one YAML file whose every
// field can be overridden by an environment variable (secrets also from a
// *_FILE path), defaults for the embedded no-token mode, and validation that
// reports each error with its field path.
package config

import "time"

// Config is the whole configuration file.
//
// A `secret` struct tag marks values that must never be logged or printed:
// "true" hides the whole value, "dsn" hides only the password of a URL. Secret
// fields can also be read from a file named by the *_FILE environment variable.
type Config struct {
	Sources  []Source  `yaml:"sources"`
	Channels []Channel `yaml:"channels"`
	Slack    Slack     `yaml:"slack"`
	Matrix   Matrix    `yaml:"matrix"`
	HTTP     HTTP      `yaml:"http"`
	Database Database  `yaml:"database"`
	Fetch    Fetch     `yaml:"fetch"`
	Bot      Bot       `yaml:"bot"`
	Log      Log       `yaml:"log"`
}

// Source is a feed, page or local path polled by `attache run`.
type Source struct {
	Name     string        `yaml:"name"`
	URL      string        `yaml:"url"`  // feed or page URL
	Path     string        `yaml:"path"` // local file or directory
	Interval time.Duration `yaml:"interval"`
}

// Channel is one place digests are delivered to on a schedule.
type Channel struct {
	Name       string `yaml:"name"`
	Platform   string `yaml:"platform"` // slack, matrix, console
	Target     string `yaml:"target"`   // Slack channel ID, Matrix room ID or alias, "-" for stdout
	Schedule   string `yaml:"schedule"` // cron spec, optionally with a CRON_TZ= prefix
	Timezone   string `yaml:"timezone"`
	Filter     Filter `yaml:"filter"`
	MaxStories int    `yaml:"max_stories"`
	PostEmpty  bool   `yaml:"post_empty"`
	// Backlog bounds what a channel's first digest covers.
	Backlog time.Duration `yaml:"backlog"`
}

// Filter keeps only stories matching any of its entries (empty: everything).
type Filter struct {
	Keywords  []string `yaml:"keywords"`
	Actors    []string `yaml:"actors"`
	Countries []string `yaml:"countries"`
}

// Slack configures the Slack adapter.
type Slack struct {
	BotToken      string   `yaml:"bot_token" secret:"true"`      // SLACK_BOT_TOKEN
	SigningSecret string   `yaml:"signing_secret" secret:"true"` // SLACK_SIGNING_SECRET
	AppToken      string   `yaml:"app_token" secret:"true"`      // SLACK_APP_TOKEN, enables Socket Mode
	APIURL        string   `yaml:"api_url"`                      // default https://slack.com/api/
	Admins        []string `yaml:"admins"`                       // user IDs allowed to subscribe/unsubscribe
	Commands      []string `yaml:"commands"`                     // extra per-verb slash commands, e.g. /who
}

// Matrix configures the Matrix adapter.
type Matrix struct {
	Homeserver      string   `yaml:"homeserver"`                 // MATRIX_HOMESERVER
	UserID          string   `yaml:"user_id"`                    // MATRIX_USER_ID
	AccessToken     string   `yaml:"access_token" secret:"true"` // MATRIX_ACCESS_TOKEN
	Password        string   `yaml:"password" secret:"true"`     // MATRIX_PASSWORD
	CommandPrefix   string   `yaml:"command_prefix"`
	AllowedInviters []string `yaml:"allowed_inviters"` // user IDs or ":server" suffixes
	Admins          []string `yaml:"admins"`
	// End-to-end encryption: on by default once a pickle key is set.
	Encryption      *bool  `yaml:"encryption"`
	PickleKey       string `yaml:"pickle_key" secret:"true"` // MATRIX_PICKLE_KEY, encrypts the crypto state at rest
	RecoveryKeyFile string `yaml:"recovery_key_file"`        // where the cross-signing recovery key is written once
}

// EncryptionEnabled reports whether the bot takes part in encrypted rooms:
// as configured, else whenever a pickle key is set.
func (m Matrix) EncryptionEnabled() bool {
	if m.Encryption != nil {
		return *m.Encryption
	}
	return m.PickleKey != ""
}

// HTTP configures the HTTP server (health, metrics, Slack commands).
type HTTP struct {
	Listen        string `yaml:"listen"`
	MetricsListen string `yaml:"metrics_listen"`              // separate address for /metrics, "" to serve on Listen
	MetricsToken  string `yaml:"metrics_token" secret:"true"` // bearer token required for /metrics when set
}

// Database selects the store.
type Database struct {
	Driver string `yaml:"driver"`           // sqlite (default) or postgres
	DSN    string `yaml:"dsn" secret:"dsn"` // SQLite file path or PostgreSQL URL (DATABASE_URL)
}

// Fetch bounds network fetching.
type Fetch struct {
	Timeout         time.Duration `yaml:"timeout"`
	MaxBytes        int64         `yaml:"max_bytes"`
	MaxRedirects    int           `yaml:"max_redirects"`
	UserAgent       string        `yaml:"user_agent"`
	AllowPrivateURL bool          `yaml:"allow_private_urls"` // let subscribe add loopback/private URLs
}

// Bot tunes the service.
type Bot struct {
	CatchUp        bool          `yaml:"catch_up"`        // deliver a missed schedule once at start
	DefaultBacklog time.Duration `yaml:"default_backlog"` // first digest covers at most this
	Admins         []string      `yaml:"admins"`
	// MaxRateLimitWait is the longest a digest delivery waits out a
	// platform's rate limit (Retry-After); asked for longer, the run fails
	// visibly and is retried later.
	MaxRateLimitWait time.Duration `yaml:"max_rate_limit_wait"`
	// DigestRunRetention is how long delivered digest runs, with their
	// record of posted messages, are kept; 0 keeps them forever.
	DigestRunRetention time.Duration `yaml:"digest_run_retention"`
	// ExtractBudget is the longest one article's extraction may run; an
	// article over it is stored with what was found by then.
	ExtractBudget time.Duration `yaml:"extract_budget"`
	// ArticleRetention is how long articles (with their quotes and
	// mentions) are kept; 0, the default, keeps them forever: they are the
	// knowledge base of who and quotes.
	ArticleRetention time.Duration `yaml:"article_retention"`
	// ReplicaID names this replica in the database's leases. A process
	// restarted with the same ID takes back at once the digest runs and
	// leases its predecessor held, instead of waiting for them to expire,
	// so two live processes must never share one. "" derives it from the
	// host name and the database.
	ReplicaID string `yaml:"replica_id"`
}

// Log configures logging.
type Log struct {
	Level  string `yaml:"level"`  // debug, info, warn, error
	Format string `yaml:"format"` // json, text, auto
}
