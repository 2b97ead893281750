package config

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// validConfig is a configuration using every platform that validates.
func validConfig() *Config {
	c := Default()
	c.Sources = []Source{{URL: "https://example.org/feed", Interval: time.Hour}, {Path: "./articles"}}
	c.Channels = []Channel{
		{Name: "a", Platform: "slack", Target: "C1", Schedule: "0 8 * * *"},
		{Name: "b", Platform: "matrix", Target: "!r:example.org", Schedule: "@daily", Timezone: "Europe/Paris"},
		{Name: "c", Platform: "console", Target: "-", Schedule: "CRON_TZ=America/New_York 30 6 * * 1-5"},
	}
	c.Slack.BotToken = "xoxb-super-secret"
	c.Matrix = Matrix{Homeserver: "https://m.example.org", UserID: "@bot:example.org", AccessToken: "syt-super-secret", CommandPrefix: "!"}
	return c
}

func TestValidateAcceptsValid(t *testing.T) {
	if err := validConfig().Validate(); err != nil {
		t.Fatalf("valid config rejected:\n%v", err)
	}
	if err := Default().Validate(); err != nil {
		t.Fatalf("defaults rejected:\n%v", err)
	}
}

func TestValidateReportsEachProblem(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(c *Config)
		want   []string // every line expected, in order
	}{
		{"bad cron", func(c *Config) { c.Channels[1].Schedule = "x"; c.Channels[1].Timezone = "" },
			[]string{`channels[1].schedule: invalid cron spec "x": `}},
		{"missing schedule", func(c *Config) { c.Channels[0].Schedule = "" }, []string{"channels[0].schedule: required"}},
		{"unknown platform", func(c *Config) { c.Channels[0].Platform = "irc" },
			[]string{`channels[0].platform: must be slack, matrix or console (got "irc")`}},
		{"slack channel without token", func(c *Config) { c.Slack.BotToken = "" }, []string{"slack.bot_token: required"}},
		{"matrix without credentials", func(c *Config) { c.Matrix = Matrix{CommandPrefix: "!"} }, []string{
			"matrix.homeserver: required", "matrix.user_id: required", "matrix: needs access_token or password"}},
		{"matrix password is enough", func(c *Config) { c.Matrix.AccessToken = ""; c.Matrix.Password = "pw" }, nil},
		{"matrix bad user id", func(c *Config) { c.Matrix.UserID = "bot" }, []string{`matrix.user_id: must look like @name:server`}},
		{"source with both", func(c *Config) { c.Sources[0].Path = "./x" }, []string{"sources[0]: has both url and path"}},
		{"source with neither", func(c *Config) { c.Sources[1].Path = "" }, []string{"sources[1]: needs url or path"}},
		{"source bad url", func(c *Config) { c.Sources[0].URL = "ftp://example.org/x" }, []string{"sources[0].url: must be an http:// or https:// URL"}},
		{"duplicate source", func(c *Config) { c.Sources[1] = c.Sources[0] }, []string{"sources[1]: duplicate of sources[0]"}},
		{"bad timezone", func(c *Config) { c.Channels[1].Timezone = "Mars/Olympus" }, []string{`channels[1].timezone: unknown time zone "Mars/Olympus"`}},
		{"bad CRON_TZ", func(c *Config) { c.Channels[2].Schedule = "CRON_TZ=Mars/Olympus 0 8 * * *" }, []string{"channels[2].schedule: invalid cron spec"}},
		{"zone prefix without schedule", func(c *Config) { c.Channels[2].Schedule = "TZ=UTC" }, []string{"channels[2].schedule: invalid cron spec \"TZ=UTC\": no schedule after"}},
		{"timezone twice", func(c *Config) { c.Channels[2].Timezone = "UTC" }, []string{"channels[2].schedule: has a CRON_TZ= prefix and timezone is set too"}},
		{"duplicate channel names", func(c *Config) { c.Channels[2].Name = "a" }, []string{`channels[2].name: duplicate name "a" (also channels[0])`}},
		{"unnamed channel", func(c *Config) { c.Channels[0].Name = "" }, []string{"channels[0].name: required"}},
		{"missing target", func(c *Config) { c.Channels[0].Target = "" }, []string{"channels[0].target: required for platform slack"}},
		{"negative max_stories", func(c *Config) { c.Channels[0].MaxStories = -1 }, []string{"channels[0].max_stories: must not be negative"}},
		{"rate-limit wait over the lease", func(c *Config) { c.Bot.MaxRateLimitWait = 24 * time.Hour }, []string{"bot.max_rate_limit_wait: must be positive and at most 4m0s"}},
		{"zero rate-limit wait", func(c *Config) { c.Bot.MaxRateLimitWait = 0 }, []string{"bot.max_rate_limit_wait: must be positive"}},
		{"negative article retention", func(c *Config) { c.Bot.ArticleRetention = -time.Hour }, []string{"bot.article_retention: must not be negative"}},
		{"article retention", func(c *Config) { c.Bot.ArticleRetention = 90 * 24 * time.Hour }, nil},
		{"replica id", func(c *Config) { c.Bot.ReplicaID = "attache-0" }, nil},
		{"replica id with a slash", func(c *Config) { c.Bot.ReplicaID = "host/1" }, []string{`bot.replica_id: must be at most 100 characters without '/'`}},
		{"replica id with a space", func(c *Config) { c.Bot.ReplicaID = "a b" }, []string{`bot.replica_id: must be at most`}},
		{"unknown driver", func(c *Config) { c.Database.Driver = "mysql" }, []string{`database.driver: must be sqlite or postgres (got "mysql")`}},
		{"postgres dsn", func(c *Config) { c.Database = Database{Driver: "postgres", DSN: "hunter2"} }, []string{"database.dsn: must be a postgres:// URL"}},
		{"bad listen", func(c *Config) { c.HTTP.Listen = "8080" }, []string{`http.listen: must be host:port or :port (got "8080")`}},
		{"fetch bounds", func(c *Config) { c.Fetch.Timeout = 0; c.Fetch.MaxBytes = -1; c.Fetch.MaxRedirects = -1 },
			[]string{"fetch.timeout: must be positive", "fetch.max_bytes: must be positive", "fetch.max_redirects: must not be negative"}},
		{"encryption without a pickle key", func(c *Config) { on := true; c.Matrix.Encryption = &on },
			[]string{"matrix.pickle_key: required when matrix.encryption is true"}},
		{"short pickle key", func(c *Config) { c.Matrix.PickleKey = "hunter2" }, []string{"matrix.pickle_key: must be at least 16 characters"}},
		{"encryption off with a key", func(c *Config) { off := false; c.Matrix.Encryption = &off; c.Matrix.PickleKey = "0123456789abcdef0123" }, nil},
		{"log level", func(c *Config) { c.Log.Level = "loud" }, []string{`log.level: must be debug, info, warn or error (got "loud")`}},
		{"several at once, in field order", func(c *Config) {
			c.Channels[0].Platform = "fax"
			c.Channels[1].Schedule = "every day"
			c.Channels[1].Timezone = ""
			c.Database.Driver = "oracle"
		}, []string{"channels[0].platform:", "channels[1].schedule:", "database.driver:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validConfig()
			tt.mutate(c)
			err := c.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected errors:\n%v", err)
				}
				return
			}
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("err = %v (%T), want config.Errors", err, err)
			}
			if len(errs) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(tt.want), err)
			}
			for i, want := range tt.want {
				if !strings.HasPrefix(errs[i].Error(), want) {
					t.Errorf("error %d = %q, want prefix %q", i, errs[i].Error(), want)
				}
			}
			for _, secret := range []string{"xoxb-super-secret", "syt-super-secret", "hunter2"} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error leaks secret %q:\n%v", secret, err)
				}
			}
		})
	}
}

func TestCronScheduleHonoursTimezone(t *testing.T) {
	ch := Channel{Schedule: "0 8 * * *", Timezone: "Asia/Tokyo"}
	s, err := ch.CronSchedule()
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC) // 09:00 in Tokyo
	next := s.Next(from)
	if want := time.Date(2026, 3, 1, 23, 0, 0, 0, time.UTC); !next.Equal(want) {
		t.Fatalf("next = %v, want %v (08:00 Tokyo)", next.UTC(), want)
	}
}

// README: an unknown log level or format is a configuration error (the
// service does not start on a guess).
func TestLogLevelIsValidated(t *testing.T) {
	c := Default()
	c.Log.Level, c.Log.Format = "verbose", "xml"
	err := c.Validate()
	if err == nil || !strings.Contains(err.Error(), "log.level") || !strings.Contains(err.Error(), "log.format") {
		t.Errorf("Validate = %v", err)
	}
}

func TestMatrixEncryptionEnabled(t *testing.T) {
	on, off := true, false
	tests := []struct {
		name string
		m    Matrix
		want bool
	}{
		{"nothing set", Matrix{}, false},
		{"a pickle key turns it on", Matrix{PickleKey: "k"}, true},
		{"explicitly off with a key", Matrix{PickleKey: "k", Encryption: &off}, false},
		{"explicitly on", Matrix{Encryption: &on}, true},
	}
	for _, tt := range tests {
		if got := tt.m.EncryptionEnabled(); got != tt.want {
			t.Errorf("%s: EncryptionEnabled = %v, want %v", tt.name, got, tt.want)
		}
	}
}
