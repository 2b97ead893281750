package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeSecret(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEnvOverrides(t *testing.T) {
	secretFile := writeSecret(t, "xoxb-from-file\n")
	crlfFile := writeSecret(t, "syt-crlf\r\n")
	emptyFile := writeSecret(t, "\n")
	tests := []struct {
		name    string
		file    string
		env     []string
		wantErr string
		check   func(t *testing.T, c *Config)
	}{
		{name: "attache names", env: []string{
			"ATTACHE_HTTP_LISTEN=:9999",
			"ATTACHE_DATABASE_DSN=/tmp/x.db",
			"ATTACHE_SLACK_BOT_TOKEN=xoxb-env",
			"ATTACHE_FETCH_TIMEOUT=3s",
			"ATTACHE_FETCH_MAX_BYTES=1024",
			"ATTACHE_BOT_CATCH_UP=false",
			"ATTACHE_SLACK_ADMINS=U1, U2 ,,U3",
		}, check: func(t *testing.T, c *Config) {
			if c.HTTP.Listen != ":9999" || c.Database.DSN != "/tmp/x.db" || c.Slack.BotToken != "xoxb-env" {
				t.Errorf("got %+v %+v %+v", c.HTTP, c.Database, c.Slack)
			}
			if c.Fetch.Timeout != 3*time.Second || c.Fetch.MaxBytes != 1024 || c.Bot.CatchUp {
				t.Errorf("got fetch %+v bot %+v", c.Fetch, c.Bot)
			}
			if strings.Join(c.Slack.Admins, "|") != "U1|U2|U3" {
				t.Errorf("admins = %q", c.Slack.Admins)
			}
		}},
		{name: "contract aliases", env: []string{
			"SLACK_BOT_TOKEN=xoxb-alias", "SLACK_SIGNING_SECRET=sig", "SLACK_APP_TOKEN=xapp-1",
			"MATRIX_HOMESERVER=http://127.0.0.1:8008", "MATRIX_USER_ID=@bot:local",
			"MATRIX_ACCESS_TOKEN=syt", "MATRIX_PASSWORD=pw",
		}, check: func(t *testing.T, c *Config) {
			if c.Slack.BotToken != "xoxb-alias" || c.Slack.SigningSecret != "sig" || c.Slack.AppToken != "xapp-1" {
				t.Errorf("slack = %+v", c.Slack)
			}
			if c.Matrix.Homeserver != "http://127.0.0.1:8008" || c.Matrix.UserID != "@bot:local" ||
				c.Matrix.AccessToken != "syt" || c.Matrix.Password != "pw" {
				t.Errorf("matrix = %+v", c.Matrix)
			}
		}},
		{name: "ATTACHE name wins over alias", env: []string{"SLACK_BOT_TOKEN=xoxb-alias", "ATTACHE_SLACK_BOT_TOKEN=xoxb-specific"},
			check: func(t *testing.T, c *Config) {
				if c.Slack.BotToken != "xoxb-specific" {
					t.Errorf("bot token = %q", c.Slack.BotToken)
				}
			}},
		{name: "env wins over file", file: "testdata/full.yaml", env: []string{"SLACK_BOT_TOKEN=xoxb-env", "ATTACHE_CHANNELS_1_TARGET=!room:example.org"},
			check: func(t *testing.T, c *Config) {
				if c.Slack.BotToken != "xoxb-env" || c.Channels[1].Target != "!room:example.org" {
					t.Errorf("slack %q channel %q", c.Slack.BotToken, c.Channels[1].Target)
				}
				if c.Channels[0].Target != "C0123456789" {
					t.Errorf("untouched channel changed: %q", c.Channels[0].Target)
				}
			}},
		{name: "empty variable is ignored", file: "testdata/full.yaml", env: []string{"SLACK_BOT_TOKEN=", "ATTACHE_HTTP_LISTEN="},
			check: func(t *testing.T, c *Config) {
				if c.Slack.BotToken != "xoxb-file-token" || c.HTTP.Listen != "127.0.0.1:9090" {
					t.Errorf("empty env wiped file values: %q %q", c.Slack.BotToken, c.HTTP.Listen)
				}
			}},
		{name: "DATABASE_URL selects postgres", env: []string{"DATABASE_URL=postgres://u:p@127.0.0.1:5432/db"},
			check: func(t *testing.T, c *Config) {
				if c.Database.Driver != "postgres" || c.Database.DSN != "postgres://u:p@127.0.0.1:5432/db" {
					t.Errorf("database = %+v", c.Database)
				}
			}},
		{name: "secret from _FILE, newline trimmed", env: []string{"SLACK_BOT_TOKEN_FILE=" + secretFile, "ATTACHE_MATRIX_ACCESS_TOKEN_FILE=" + crlfFile},
			check: func(t *testing.T, c *Config) {
				if c.Slack.BotToken != "xoxb-from-file" || c.Matrix.AccessToken != "syt-crlf" {
					t.Errorf("got %q %q", c.Slack.BotToken, c.Matrix.AccessToken)
				}
			}},
		{name: "pickle key from _FILE, encryption from the environment", env: []string{"MATRIX_PICKLE_KEY_FILE=" + writeSecret(t, "a-long-pickle-key-for-tests\n"), "ATTACHE_MATRIX_ENCRYPTION=false"},
			check: func(t *testing.T, c *Config) {
				if c.Matrix.PickleKey != "a-long-pickle-key-for-tests" || c.Matrix.Encryption == nil || *c.Matrix.Encryption {
					t.Errorf("pickle key %q, encryption %v", c.Matrix.PickleKey, c.Matrix.Encryption)
				}
			}},
		{name: "DATABASE_URL_FILE", env: []string{"DATABASE_URL_FILE=" + writeSecret(t, "postgres://a:b@127.0.0.1/x\n")},
			check: func(t *testing.T, c *Config) {
				if c.Database.DSN != "postgres://a:b@127.0.0.1/x" {
					t.Errorf("dsn = %q", c.Database.DSN)
				}
			}},
		{name: "list entries added from env", file: "testdata/minimal.yaml", env: []string{
			"ATTACHE_SOURCES_3_URL=https://example.org/rss", "ATTACHE_SOURCES_3_INTERVAL=1h",
			"ATTACHE_CHANNELS_0_FILTER_KEYWORDS=iran,nuclear",
		}, check: func(t *testing.T, c *Config) {
			if len(c.Sources) != 4 || c.Sources[3].URL != "https://example.org/rss" || c.Sources[3].Interval != time.Hour {
				t.Fatalf("sources = %+v", c.Sources)
			}
			if c.Sources[2].Interval != DefaultSourceInterval {
				t.Errorf("gap entry interval = %v", c.Sources[2].Interval)
			}
			if strings.Join(c.Channels[0].Filter.Keywords, ",") != "iran,nuclear" {
				t.Errorf("keywords = %q", c.Channels[0].Filter.Keywords)
			}
		}},
		{name: "both value and _FILE", env: []string{"SLACK_BOT_TOKEN=xoxb-secret-value", "SLACK_BOT_TOKEN_FILE=" + secretFile},
			wantErr: "both SLACK_BOT_TOKEN and SLACK_BOT_TOKEN_FILE"},
		{name: "missing _FILE", env: []string{"MATRIX_PASSWORD_FILE=/nonexistent/pw"}, wantErr: "MATRIX_PASSWORD_FILE"},
		{name: "empty _FILE", env: []string{"MATRIX_PASSWORD_FILE=" + emptyFile}, wantErr: "is empty"},
		{name: "_FILE only for secrets", env: []string{"ATTACHE_HTTP_LISTEN_FILE=" + secretFile},
			check: func(t *testing.T, c *Config) {
				if c.HTTP.Listen != DefaultListen {
					t.Errorf("listen = %q", c.HTTP.Listen)
				}
			}},
		{name: "bad integer", env: []string{"ATTACHE_FETCH_MAX_REDIRECTS=many"}, wantErr: "ATTACHE_FETCH_MAX_REDIRECTS=\"many\": not an integer"},
		{name: "bad bool", env: []string{"ATTACHE_BOT_CATCH_UP=perhaps"}, wantErr: "not a boolean"},
		{name: "bad duration", env: []string{"ATTACHE_BOT_DEFAULT_BACKLOG=1 day"}, wantErr: "ATTACHE_BOT_DEFAULT_BACKLOG"},
		{name: "huge list index", env: []string{"ATTACHE_SOURCES_99999999_URL=https://example.org"}, wantErr: "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := load(tt.file, tt.env)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "xoxb-secret-value") || strings.Contains(err.Error(), "xoxb-from-file") {
					t.Errorf("error leaks a secret: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, c)
		})
	}
}

func TestEnvNamesCoverEveryField(t *testing.T) {
	names := EnvNames()
	for path, want := range map[string]string{
		"http.listen":     "ATTACHE_HTTP_LISTEN",
		"database.dsn":    "DATABASE_URL ATTACHE_DATABASE_DSN",
		"slack.bot_token": "SLACK_BOT_TOKEN ATTACHE_SLACK_BOT_TOKEN",
		"log.format":      "ATTACHE_LOG_FORMAT",
	} {
		if got := strings.Join(names[path], " "); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
}

func TestUnknownEnv(t *testing.T) {
	environ := []string{
		"ATTACHE_HTTP_LISTEN=:9000", "ATTACHE_HTTP_LISTN=:9000", "ATTACHE_SOURCES_12_URL=https://x.example",
		"ATTACHE_SOURCES_1_URLL=https://x.example", "ATTACHE_SLACK_BOT_TOKEN_FILE=/run/s", "ATTACHE_HTTP_LISTEN_FILE=/x",
		"ATTACHE_CONFIG=a.yaml", "ATTACHE_TEST_POSTGRES_DSN=x", "SLACK_BOT_TOKEN=x", "HOME=/root",
	}
	got := strings.Join(UnknownEnv(environ), ",")
	if want := "ATTACHE_HTTP_LISTEN_FILE,ATTACHE_HTTP_LISTN,ATTACHE_SOURCES_1_URLL"; got != want {
		t.Errorf("UnknownEnv = %s, want %s", got, want)
	}
}
