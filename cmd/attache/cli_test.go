package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters/console"
)

func TestOutputFormat(t *testing.T) {
	tests := []struct {
		asked    string
		terminal bool
		want     string
	}{
		{"", true, console.Text},
		{"", false, console.Markdown},
		{"markdown", true, "markdown"},
		{"json", false, "json"},
	}
	for _, tt := range tests {
		if got := outputFormat(tt.asked, tt.terminal); got != tt.want {
			t.Errorf("outputFormat(%q, terminal=%v) = %q, want %q", tt.asked, tt.terminal, got, tt.want)
		}
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(&bytes.Buffer{}) {
		t.Error("a file or a buffer taken for a terminal")
	}
}

func TestLookbackFlag(t *testing.T) {
	tests := map[string]time.Duration{
		"2d": 48 * time.Hour, "1w": 7 * 24 * time.Hour, "90m": 90 * time.Minute, "12h": 12 * time.Hour, "0": 0,
	}
	for in, want := range tests {
		var l lookback
		if err := l.Set(in); err != nil || time.Duration(l) != want {
			t.Errorf("Set(%q) = %v, %v; want %v", in, time.Duration(l), err, want)
		}
	}
	for _, bad := range []string{"2x", "d", "-3d", ""} {
		var l lookback
		if err := l.Set(bad); err == nil {
			t.Errorf("Set(%q) accepted", bad)
		}
	}
}

func TestDigestSinceInDays(t *testing.T) {
	code, out, stderr := run(t, "", "digest", "--since", "2d", "--format", "text")
	if code != 0 || !strings.Contains(out, "attache digest") {
		t.Fatalf("exit %d, stderr %s, out %s", code, stderr, out)
	}
	code, _, stderr = run(t, "", "digest", "--since", "2x")
	if code != exitUsage || !strings.Contains(stderr, "try 6h, 3d or 1w") {
		t.Errorf("--since 2x: exit %d, stderr %s", code, stderr)
	}
}

func TestVersionFlag(t *testing.T) {
	for _, arg := range []string{"--version", "-version", "version"} {
		code, out, stderr := run(t, "", arg)
		if code != 0 || !strings.HasPrefix(out, "attache ") {
			t.Errorf("%s: exit %d, out %q, stderr %q", arg, code, out, stderr)
		}
	}
}

// Read-only commands given a database that does not exist say so instead
// of creating an empty one and answering nothing.
func TestReadOnlyCommandsNeedAnExistingDatabase(t *testing.T) {
	missing := t.TempDir() + "/typo.db"
	for _, args := range [][]string{
		{"digest", "--db", missing},
		{"who", "ayrault", "--db", missing},
		{"quotes", "ayrault", "--db", missing},
	} {
		code, _, stderr := run(t, "", args...)
		if code != exitFailure || !strings.Contains(stderr, "does not exist") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%q created %s", args, missing)
		}
	}
}

func TestSQLiteFile(t *testing.T) {
	tests := []struct {
		driver, dsn, want string
		ok                bool
	}{
		{"sqlite", "attache.db", "attache.db", true},
		{"", "file:data/a.db?_pragma=busy_timeout(5000)", "data/a.db", true},
		{"sqlite", ":memory:", "", false},
		{"sqlite", "file:x?mode=memory", "", false},
		{"postgres", "postgres://u@h/db", "", false},
	}
	for _, tt := range tests {
		if got, ok := sqliteFile(tt.driver, tt.dsn); got != tt.want || ok != tt.ok {
			t.Errorf("sqliteFile(%q, %q) = %q, %v", tt.driver, tt.dsn, got, ok)
		}
	}
}

// `config check` prints every problem in one pass, YAML and semantic ones,
// each with its field path (and line), and an unknown ATTACHE_ variable is
// one of them; other commands only warn about the variable.
func TestConfigCheckReportsEverything(t *testing.T) {
	path := t.TempDir() + "/attache.yaml"
	if err := os.WriteFile(path, []byte("sources:\n  - url: https://wire.example/rss\n    intervall: 1h\nchannels:\n  - name: a\n    platform: console\n    schedule: nonsense\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("ATTACHE_HTTP_LISTN", ":9000")
	code, _, stderr := run(t, "", "config", "check", "--config", path)
	for _, want := range []string{
		"sources[0].intervall (line 3): unknown field; did you mean interval?",
		"channels[0].schedule",
		"ATTACHE_HTTP_LISTN: unknown environment variable",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("config check lacks %q:\n%s", want, stderr)
		}
	}
	if code != exitFailure {
		t.Errorf("exit %d", code)
	}
	good := t.TempDir() + "/good.yaml"
	if err := os.WriteFile(good, []byte("sources:\n  - path: .\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, "", "digest", "--config", good, "--since", "0")
	if !strings.Contains(stderr, "warning: ATTACHE_HTTP_LISTN is not a configuration variable") {
		t.Errorf("digest: exit %d, no warning about the variable:\n%s", code, stderr)
	}
}

// A headline alone keeps its title.
func TestExtractHeadlineOnly(t *testing.T) {
	code, out, stderr := run(t, "Ayrault presses Moscow on Aleppo truce\n", "extract", "--json", "-")
	if code != 0 || !strings.Contains(out, `"title":"Ayrault presses Moscow on Aleppo truce"`) {
		t.Errorf("exit %d, out %s, stderr %s", code, out, stderr)
	}
}
