package config

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	// Embedded zone data: the container image has no /usr/share/zoneinfo,
	// and channel time zones must resolve the same everywhere.
	_ "time/tzdata"

	"github.com/robfig/cron/v3"
)

// FieldError is one configuration problem, located by its field path and,
// for problems found in the file, its line.
type FieldError struct {
	Path    string // "channels[1].schedule"
	Line    int    // line in the configuration file, 0 when not from the file
	Problem string
}

func (e FieldError) Error() string {
	switch {
	case e.Line > 0 && e.Path != "":
		return e.Path + " (line " + strconv.Itoa(e.Line) + "): " + e.Problem
	case e.Line > 0:
		return "line " + strconv.Itoa(e.Line) + ": " + e.Problem
	case e.Path == "":
		return e.Problem
	}
	return e.Path + ": " + e.Problem
}

// Errors is every problem Validate found, in field order.
type Errors []FieldError

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Platforms a channel may name.
var platforms = map[string]bool{"slack": true, "matrix": true, "console": true}

// cronParser accepts five-field specs, descriptors (@daily, @every 1h) and a
// CRON_TZ= or TZ= prefix — the same parser the bot schedules with.
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// CronSchedule parses the channel's schedule in its time zone. Validate uses
// it, and so should the scheduler, so that what validates is what runs.
func (ch Channel) CronSchedule() (cron.Schedule, error) {
	spec := strings.TrimSpace(ch.Schedule)
	if ch.Timezone != "" && !hasTZPrefix(spec) {
		spec = "CRON_TZ=" + ch.Timezone + " " + spec
	}
	// robfig/cron panics on a zone prefix with nothing after it ("TZ=x").
	if hasTZPrefix(spec) && !strings.Contains(spec, " ") {
		return nil, fmt.Errorf("no schedule after %q", spec)
	}
	return cronParser.Parse(spec)
}

func hasTZPrefix(spec string) bool {
	return strings.HasPrefix(spec, "CRON_TZ=") || strings.HasPrefix(spec, "TZ=")
}

// Validate reports every problem of the configuration as Errors (nil when
// it is valid). Messages never contain secret values.
func (c *Config) Validate() error {
	var v validator
	c.validateSources(&v)
	c.validateChannels(&v)
	c.validatePlatforms(&v)
	c.validateServer(&v)
	if len(v) == 0 {
		return nil
	}
	return Errors(v)
}

type validator Errors

func (v *validator) add(path, format string, args ...any) {
	*v = append(*v, FieldError{Path: path, Problem: fmt.Sprintf(format, args...)})
}

func (c *Config) validateSources(v *validator) {
	seen := map[string]int{}
	for i, s := range c.Sources {
		p := fmt.Sprintf("sources[%d]", i)
		switch {
		case s.URL == "" && s.Path == "":
			v.add(p, "needs url or path")
		case s.URL != "" && s.Path != "":
			v.add(p, "has both url and path; use one entry for each")
		case s.URL != "":
			if err := checkHTTPURL(s.URL); err != nil {
				v.add(p+".url", "%v", err)
			}
		}
		if s.Interval < 0 {
			v.add(p+".interval", "must not be negative")
		}
		key := s.URL + s.Path
		if j, dup := seen[key]; dup && key != "" {
			v.add(p, "duplicate of sources[%d]", j)
		} else {
			seen[key] = i
		}
	}
}

func (c *Config) validateChannels(v *validator) {
	seen := map[string]int{}
	for i, ch := range c.Channels {
		p := fmt.Sprintf("channels[%d]", i)
		switch j, dup := seen[ch.Name]; {
		case ch.Name == "":
			v.add(p+".name", "required")
		case dup:
			v.add(p+".name", "duplicate name %q (also channels[%d])", ch.Name, j)
		default:
			seen[ch.Name] = i
		}
		if !platforms[ch.Platform] {
			v.add(p+".platform", "must be slack, matrix or console (got %q)", ch.Platform)
		} else if ch.Target == "" && ch.Platform != "console" {
			v.add(p+".target", "required for platform %s", ch.Platform)
		}
		c.validateSchedule(v, p, ch)
		if ch.MaxStories < 0 {
			v.add(p+".max_stories", "must not be negative")
		}
		if ch.Backlog < 0 {
			v.add(p+".backlog", "must not be negative")
		}
	}
}

func (c *Config) validateSchedule(v *validator, p string, ch Channel) {
	tzOK := true
	if ch.Timezone != "" {
		if _, err := time.LoadLocation(ch.Timezone); err != nil {
			v.add(p+".timezone", "unknown time zone %q", ch.Timezone)
			tzOK = false
		}
	}
	spec := strings.TrimSpace(ch.Schedule)
	switch {
	case spec == "":
		v.add(p+".schedule", "required (a cron spec such as \"0 8 * * 1-5\" or \"@daily\")")
	case ch.Timezone != "" && hasTZPrefix(spec):
		v.add(p+".schedule", "has a CRON_TZ= prefix and timezone is set too; use one")
	case tzOK:
		if _, err := ch.CronSchedule(); err != nil {
			v.add(p+".schedule", "invalid cron spec %q: %v", ch.Schedule, err)
		}
	}
}

func (c *Config) validatePlatforms(v *validator) {
	uses := map[string]bool{}
	for _, ch := range c.Channels {
		uses[ch.Platform] = true
	}
	s := c.Slack
	if (uses["slack"] || s.AppToken != "" || s.SigningSecret != "") && s.BotToken == "" {
		v.add("slack.bot_token", "required by slack channels, slack.app_token and slack.signing_secret (or SLACK_BOT_TOKEN)")
	}
	if s.APIURL != "" {
		if err := checkHTTPURL(s.APIURL); err != nil {
			v.add("slack.api_url", "%v", err)
		}
	}
	m := c.Matrix
	if uses["matrix"] || m.Homeserver != "" || m.UserID != "" || m.AccessToken != "" || m.Password != "" {
		if m.Homeserver == "" {
			v.add("matrix.homeserver", "required for Matrix (or MATRIX_HOMESERVER)")
		} else if err := checkHTTPURL(m.Homeserver); err != nil {
			v.add("matrix.homeserver", "%v", err)
		}
		switch {
		case m.UserID == "":
			v.add("matrix.user_id", "required for Matrix (or MATRIX_USER_ID)")
		case !strings.HasPrefix(m.UserID, "@") || !strings.Contains(m.UserID, ":"):
			v.add("matrix.user_id", "must look like @name:server (got %q)", m.UserID)
		}
		if m.AccessToken == "" && m.Password == "" {
			v.add("matrix", "needs access_token or password (or MATRIX_ACCESS_TOKEN / MATRIX_PASSWORD)")
		}
	}
	if m.Encryption != nil && *m.Encryption && m.PickleKey == "" {
		v.add("matrix.pickle_key", "required when matrix.encryption is true (or MATRIX_PICKLE_KEY / MATRIX_PICKLE_KEY_FILE)")
	}
	if m.PickleKey != "" && len(m.PickleKey) < minPickleKeyLen {
		v.add("matrix.pickle_key", "must be at least %d characters (a random string: openssl rand -base64 32)", minPickleKeyLen)
	}
	if strings.TrimSpace(m.CommandPrefix) == "" {
		v.add("matrix.command_prefix", "must not be empty")
	}
}

// minPickleKeyLen keeps the key that encrypts the bot's Olm account and
// Megolm sessions at rest from being guessable.
const minPickleKeyLen = 16

func (c *Config) validateServer(v *validator) {
	if _, _, err := net.SplitHostPort(c.HTTP.Listen); err != nil {
		v.add("http.listen", "must be host:port or :port (got %q)", c.HTTP.Listen)
	}
	if c.HTTP.MetricsListen != "" {
		if _, _, err := net.SplitHostPort(c.HTTP.MetricsListen); err != nil {
			v.add("http.metrics_listen", "must be host:port or :port (got %q)", c.HTTP.MetricsListen)
		} else if c.HTTP.MetricsListen == c.HTTP.Listen {
			v.add("http.metrics_listen", "is the same as http.listen; leave it empty to serve /metrics there")
		}
	}
	switch d := c.Database; d.Driver {
	case "sqlite":
		if d.DSN == "" {
			v.add("database.dsn", "required (an SQLite file path)")
		}
	case "postgres":
		if !isPostgresURL(d.DSN) && !strings.Contains(d.DSN, "=") {
			// The DSN itself may hold a password: describe, never quote it.
			v.add("database.dsn", "must be a postgres:// URL or key=value connection string")
		}
	default:
		v.add("database.driver", "must be sqlite or postgres (got %q)", d.Driver)
	}
	f := c.Fetch
	if f.Timeout <= 0 {
		v.add("fetch.timeout", "must be positive")
	}
	if f.MaxBytes <= 0 {
		v.add("fetch.max_bytes", "must be positive")
	}
	if f.MaxRedirects < 0 {
		v.add("fetch.max_redirects", "must not be negative")
	}
	if c.Bot.DefaultBacklog < 0 {
		v.add("bot.default_backlog", "must not be negative")
	}
	if c.Bot.DigestRunRetention < 0 {
		v.add("bot.digest_run_retention", "must not be negative (0 keeps runs forever)")
	}
	if c.Bot.ExtractBudget <= 0 {
		v.add("bot.extract_budget", "must be positive: it bounds one article's extraction (got %s)", c.Bot.ExtractBudget)
	}
	if c.Bot.ArticleRetention < 0 {
		v.add("bot.article_retention", "must not be negative (0 keeps articles forever)")
	}
	if id := c.Bot.ReplicaID; len(id) > 100 || strings.ContainsFunc(id, func(r rune) bool { return r == '/' || unicode.IsSpace(r) || unicode.IsControl(r) }) {
		v.add("bot.replica_id", "must be at most 100 characters without '/', spaces or control characters (got %q)", id)
	}
	if c.Bot.MaxRateLimitWait <= 0 || c.Bot.MaxRateLimitWait > MaxRateLimitWaitLimit {
		v.add("bot.max_rate_limit_wait", "must be positive and at most %s, inside a digest run's lease (got %s)", MaxRateLimitWaitLimit, c.Bot.MaxRateLimitWait)
	}
	switch c.Log.Level {
	case "", "debug", "info", "warn", "error":
	default:
		v.add("log.level", "must be debug, info, warn or error (got %q)", c.Log.Level)
	}
	switch c.Log.Format {
	case "", "auto", "json", "text":
	default:
		v.add("log.format", "must be auto, json or text (got %q)", c.Log.Format)
	}
}

func checkHTTPURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("must be an http:// or https:// URL (got %q)", raw)
	}
	return nil
}

func isPostgresURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}
