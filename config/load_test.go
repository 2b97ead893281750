package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLoadFile(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		wantErr string
		check   func(t *testing.T, c *Config)
	}{
		{name: "no file keeps defaults", file: "", check: func(t *testing.T, c *Config) {
			want := Default()
			if c.HTTP.Listen != ":8080" || c.Database.Driver != "sqlite" || c.Database.DSN != "attache.db" {
				t.Errorf("got http %+v database %+v", c.HTTP, c.Database)
			}
			if c.Fetch != want.Fetch || c.Fetch.Timeout != 20*time.Second || c.Fetch.MaxBytes != 5<<20 || c.Fetch.MaxRedirects != 5 {
				t.Errorf("fetch = %+v", c.Fetch)
			}
			if c.Matrix.CommandPrefix != "!" || !c.Bot.CatchUp || c.Bot.DefaultBacklog != 24*time.Hour {
				t.Errorf("matrix %+v bot %+v", c.Matrix, c.Bot)
			}
		}},
		{name: "empty file keeps defaults", file: "testdata/empty.yaml", check: func(t *testing.T, c *Config) {
			if c.HTTP.Listen != ":8080" || !c.Bot.CatchUp {
				t.Errorf("defaults lost: %+v %+v", c.HTTP, c.Bot)
			}
		}},
		{name: "every section", file: "testdata/full.yaml", check: func(t *testing.T, c *Config) {
			if len(c.Sources) != 2 || c.Sources[0].Interval != 30*time.Minute || c.Sources[1].Path != filepath.Join("testdata", "articles") {
				t.Errorf("sources = %+v", c.Sources)
			}
			if c.Sources[1].Interval != DefaultSourceInterval {
				t.Errorf("source without interval got %v, want the 15m default", c.Sources[1].Interval)
			}
			ch := c.Channels[0]
			if ch.Schedule != "CRON_TZ=Europe/Paris 0 8 * * 1-5" || ch.MaxStories != 8 ||
				strings.Join(ch.Filter.Countries, ",") != "France,Syria" || ch.Filter.Actors[0] != "Ayrault" {
				t.Errorf("channel 0 = %+v", ch)
			}
			if c.Channels[1].Backlog != 12*time.Hour || !c.Channels[1].PostEmpty || c.Channels[1].Timezone != "Asia/Tokyo" {
				t.Errorf("channel 1 = %+v", c.Channels[1])
			}
			if c.Slack.BotToken != "xoxb-file-token" || c.Matrix.AccessToken != "syt_file_token" {
				t.Errorf("secrets not loaded: %+v %+v", c.Slack, c.Matrix)
			}
			if c.Bot.CatchUp || c.Bot.DefaultBacklog != 6*time.Hour || c.Fetch.MaxBytes != 1<<20 || c.Log.Format != "json" {
				t.Errorf("bot %+v fetch %+v log %+v", c.Bot, c.Fetch, c.Log)
			}
			if c.Fetch.UserAgent != DefaultUserAgent {
				t.Errorf("unset nested field lost its default: %q", c.Fetch.UserAgent)
			}
			if err := c.Validate(); err != nil {
				t.Errorf("full.yaml does not validate:\n%v", err)
			}
		}},
		{name: "console target defaults to stdout", file: "testdata/minimal.yaml", check: func(t *testing.T, c *Config) {
			if c.Channels[0].Target != "-" {
				t.Errorf("target = %q", c.Channels[0].Target)
			}
			if err := c.Validate(); err != nil {
				t.Errorf("minimal.yaml: %v", err)
			}
		}},
		{name: "unknown field is an error", file: "testdata/unknown_field.yaml", wantErr: "slack.bot_tokn (line 2): unknown field; did you mean bot_token?"},
		{name: "bad duration", file: "testdata/bad_duration.yaml", wantErr: "soon"},
		{name: "two documents", file: "testdata/two_documents.yaml", wantErr: "more than one YAML document"},
		{name: "missing file", file: "testdata/nope.yaml", wantErr: "nope.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := load(tt.file, nil)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "xoxb-typo") {
					t.Errorf("error leaks the secret value: %v", err)
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

func TestLoadUsesConfigEnvWhenNoPath(t *testing.T) {
	c, err := load("", []string{"ATTACHE_CONFIG=testdata/full.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Channels) != 2 {
		t.Fatalf("ATTACHE_CONFIG not read: %d channels", len(c.Channels))
	}
	// An explicit path wins over ATTACHE_CONFIG.
	c, err = load("testdata/minimal.yaml", []string{"ATTACHE_CONFIG=testdata/full.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Channels) != 1 {
		t.Fatalf("explicit path ignored: %d channels", len(c.Channels))
	}
}

func TestLoadReadsProcessEnvironment(t *testing.T) {
	t.Setenv("ATTACHE_HTTP_LISTEN", "127.0.0.1:7000")
	c, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if c.HTTP.Listen != "127.0.0.1:7000" {
		t.Fatalf("listen = %q", c.HTTP.Listen)
	}
}

func TestExampleConfigValidates(t *testing.T) {
	path := filepath.Join("..", "examples", "attache.yaml")
	if _, err := os.Stat(path); err != nil {
		t.Skip("examples/attache.yaml not present")
	}
	c, err := load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("examples/attache.yaml:\n%v", err)
	}
}
