package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/attache-bot/attache/digest"
	"github.com/attache-bot/attache/extract"
)

// run executes the CLI in-process and returns its exit code and output.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = dispatch(context.Background(), stdio{in: strings.NewReader(stdin), out: &out, err: &errOut}, args)
	return code, out.String(), errOut.String()
}

func TestMain(m *testing.M) {
	// The CLI reads $ATTACHE_CONFIG and overrides; the tests must not see
	// the developer's.
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if name == "ATTACHE_CONFIG" || name == "DATABASE_URL" || strings.HasPrefix(name, "SLACK_") || strings.HasPrefix(name, "MATRIX_") {
			os.Unsetenv(name)
		}
	}
	os.Exit(m.Run())
}

func TestDigestOfBundledSamples(t *testing.T) {
	code, out, stderr := run(t, "", "digest")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	for _, want := range []string{
		"# attache digest — ",
		"## France makes new push for Aleppo ceasefire",
		"- **Jean-Marc Ayrault** — Foreign Minister, France",
		`- "If you're complicit in war crimes then one day you will be held accountable, including legally.`,
		"— Jean-Marc Ayrault\n",
		// Two outlets' articles on the grain talks make one story; the
		// Markdown one names its outlet in its front matter, and none of
		// the bundled samples states a date.
		"Sources: 001\\_black\\_sea\\_grain\\_talks.txt · The Bosphorus Ledger (date unknown)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("digest lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n## "); n != len(sampleNames())-1 {
		t.Errorf("%d stories from %d sample articles, want one fewer (two tell the same story)", n, len(sampleNames()))
	}
}

func TestDigestFormatsAndFlags(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		check    func(t *testing.T, out, stderr string)
	}{
		{"json", []string{"digest", "--format", "json", "--max-stories", "2"}, 0, func(t *testing.T, out, _ string) {
			var d digest.Digest
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			if len(d.Stories) != 2 || d.Omitted == 0 {
				t.Errorf("stories %d omitted %d", len(d.Stories), d.Omitted)
			}
		}},
		{"text", []string{"digest", "--format", "text", "--actor", "lindqvist"}, 0, func(t *testing.T, out, _ string) {
			if !strings.Contains(out, "EU foreign ministers agree sanctions on shadow tanker fleet\n---") || strings.Contains(out, "Aleppo") {
				t.Errorf("want only the sanctions story, as text:\n%s", out)
			}
		}},
		{"source directory", []string{"digest", "--source", "testdata/articles"}, 0, func(t *testing.T, out, _ string) {
			if !strings.Contains(out, "## EU foreign ministers agree") || strings.Contains(out, "Aleppo") {
				t.Errorf("digest of testdata/articles:\n%s", out)
			}
		}},
		{"flags after arguments are still flags", []string{"digest", "--source", "testdata/articles", "--format", "json"}, 0, func(t *testing.T, out, _ string) {
			if !strings.HasPrefix(out, "{") {
				t.Errorf("want JSON:\n%s", out)
			}
		}},
		{"missing source fails", []string{"digest", "--source", "testdata/nope"}, 1, func(t *testing.T, _, stderr string) {
			if !strings.Contains(stderr, "testdata/nope") {
				t.Errorf("stderr does not name the source:\n%s", stderr)
			}
		}},
		{"unknown format", []string{"digest", "--format", "xml"}, 2, func(t *testing.T, _, stderr string) {
			if !strings.Contains(stderr, `unknown format "xml"`) || !strings.Contains(stderr, "attache digest --help") {
				t.Errorf("stderr:\n%s", stderr)
			}
		}},
		{"stray argument", []string{"digest", "feed.xml"}, 2, nil},
		{"bad flag", []string{"digest", "--since", "yesterday"}, 2, nil},
		{"help", []string{"digest", "--help"}, 0, func(t *testing.T, _, stderr string) {
			if !strings.Contains(stderr, "Usage: attache digest") || !strings.Contains(stderr, "-max-stories") {
				t.Errorf("help:\n%s", stderr)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := run(t, "", tt.args...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.wantCode, stderr)
			}
			if tt.check != nil {
				tt.check(t, out, stderr)
			}
		})
	}
}

func TestExtractJSONIsTheAnalysis(t *testing.T) {
	text, err := os.ReadFile("../../examples/articles/000_dca0585e2d2c906d.txt")
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, string(text), "extract", "--json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(ex.Analyze(string(text)))
	if out != string(want)+"\n" {
		t.Fatalf("extract --json output is not json.Marshal(Analyze(text)):\n%s", out)
	}
}

func TestExtractText(t *testing.T) {
	code, out, stderr := run(t, "", "extract", "testdata/articles/004_eu_sanctions_shipping.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Title:   EU foreign ministers agree sanctions on shadow tanker fleet", "People (", "Maria Lindqvist", "Quotes ("} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	if code, _, _ := run(t, "", "extract"); code != 2 {
		t.Errorf("extract without a file: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "", "extract", "testdata/nope.txt"); code != 1 {
		t.Errorf("extract of a missing file: exit %d, want 1", code)
	}
}

func TestIngestThenWho(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attache.db")
	code, out, stderr := run(t, "", "ingest", "--source", "../../examples/articles", "--db", db)
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	n := len(sampleNames())
	if want := "new: " + itoa(n) + ", duplicate: 0, failed: 0"; !strings.Contains(out, want) {
		t.Fatalf("ingest output lacks %q:\n%s", want, out)
	}
	_, out, _ = run(t, "", "ingest", "--db", db, "--source", "../../examples/articles")
	if want := "new: 0, duplicate: " + itoa(n); !strings.Contains(out, want) {
		t.Fatalf("second ingest lacks %q:\n%s", want, out)
	}

	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"who", "ayrault", "--db", db}, []string{"Jean-Marc Ayrault", "Foreign Minister", `"`}},
		{[]string{"who", "--db", db, "WIŚNIEWSKI"}, []string{"Tomasz Wiśniewski"}},
		{[]string{"who", "--db", db, "Jean-Marc", "Ayrault", "--quotes", "1"}, []string{"Jean-Marc Ayrault"}},
		{[]string{"who", "--db", db, "ayralt"}, []string{`No one called "ayralt"`, "Did you mean Jean-Marc Ayrault"}},
		{[]string{"who", "--db", db, "Nobody", "Atall"}, []string{"No one called"}},
		{[]string{"who", "--db", db, "ayrault", "--format", "json"}, []string{`"status": "found"`, `"name": "Jean-Marc Ayrault"`, `"roles": [`, `"first_seen": "`, `"confidence": `}},
		{[]string{"who", "--db", db, "nobody", "--format", "json"}, []string{`"status": "not_found"`}},
		{[]string{"quotes", "--db", db, "ayrault", "--since", "100000d"}, []string{"Latest quotes of Jean-Marc Ayrault", `"`}},
		{[]string{"quotes", "--db", db, "ayrault", "zzzqqq"}, []string{"No quotes of Jean-Marc Ayrault on zzzqqq"}},
		{[]string{"quotes", "--db", db, "jean-marc", "ayrault", "--format", "json", "--limit", "1"}, []string{`"status": "found"`, `"quotes": [`}},
	}
	for _, tt := range tests {
		code, out, stderr := run(t, "", tt.args...)
		wantCode := 0
		if strings.Contains(strings.Join(tt.args, " "), "ayralt") || slices.Contains(tt.args, "Nobody") || slices.Contains(tt.args, "nobody") {
			wantCode = 1 // no one matches: scripts can tell
		}
		if code != wantCode {
			t.Errorf("%v: exit %d, want %d: %s", tt.args, code, wantCode, stderr)
			continue
		}
		for _, want := range tt.want {
			if !strings.Contains(out, want) {
				t.Errorf("%v: output lacks %q:\n%s", tt.args, want, out)
			}
		}
	}

	code, out, _ = run(t, "", "digest", "--db", db, "--since", "0", "--format", "text")
	if code != 0 || !strings.Contains(out, "Jean-Marc Ayrault — Foreign Minister, France") {
		t.Errorf("digest from the database: exit %d:\n%s", code, out)
	}
}

func TestIngestFailures(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attache.db")
	code, out, stderr := run(t, "", "ingest", "--db", db, "--source", "testdata/nope", "--source", "testdata/articles")
	if !strings.Contains(out, "sources: 1 read, 1 failed\n") || !strings.Contains(out, "articles: ") {
		t.Errorf("ingest counts do not say which are sources and which articles:\n%s", out)
	}
	if code != 0 || !strings.Contains(stderr, "testdata/nope") || !strings.Contains(out, "new: 1") {
		t.Errorf("one bad source of two: exit %d\n%s\n%s", code, out, stderr)
	}
	if code, _, _ := run(t, "", "ingest", "--db", db, "--source", "testdata/nope"); code != 1 {
		t.Errorf("every source failed: exit %d, want 1", code)
	}
	if code, _, _ := run(t, "", "ingest", "--db", db); code != 2 {
		t.Errorf("no sources: exit %d, want 2", code)
	}
}

func TestConfigCheck(t *testing.T) {
	code, out, stderr := run(t, "", "config", "check", "--config", "../../examples/attache.yaml")
	if code != 0 || !strings.HasPrefix(out, "config OK: ") {
		t.Fatalf("examples/attache.yaml: exit %d\n%s%s", code, out, stderr)
	}
	code, _, stderr = run(t, "", "config", "check", "--config", "testdata/bad.yaml")
	if code != 1 {
		t.Fatalf("bad.yaml: exit %d, want 1", code)
	}
	for _, want := range []string{
		`channels[0].platform: must be slack, matrix or console (got "irc")`,
		`channels[0].schedule: invalid cron spec "x"`,
		`channels[1].name: duplicate name "a"`,
		`database.driver: must be sqlite or postgres`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "xoxb-do-not-print") {
		t.Errorf("a secret was printed:\n%s", stderr)
	}
	if code, _, _ := run(t, "", "config"); code != 2 {
		t.Errorf("config without check: exit %d, want 2", code)
	}
}

func TestDispatch(t *testing.T) {
	if code, _, stderr := run(t, "", "frobnicate"); code != 2 || !strings.Contains(stderr, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: exit %d\n%s", code, stderr)
	}
	if code, _, _ := run(t, ""); code != 2 {
		t.Errorf("no command: exit %d, want 2", code)
	}
	code, out, _ := run(t, "", "help")
	if code != 0 {
		t.Errorf("help: exit %d", code)
	}
	for _, name := range []string{"digest", "extract", "ingest", "who", "config", "version"} {
		if !strings.Contains(out, "  "+name+" ") {
			t.Errorf("help does not list %s:\n%s", name, out)
		}
	}
	if code, out, _ := run(t, "", "version"); code != 0 || !strings.HasPrefix(out, "attache ") {
		t.Errorf("version: exit %d %q", code, out)
	}
}

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args      []string
		wantPos   []string
		wantDB    string
		wantUsage bool
	}{
		{[]string{"ayrault"}, []string{"ayrault"}, "", false},
		{[]string{"jean-marc", "ayrault", "--db", "x.db"}, []string{"jean-marc", "ayrault"}, "x.db", false},
		{[]string{"--db=x.db", "ban", "ki-moon"}, []string{"ban", "ki-moon"}, "x.db", false},
		{[]string{"--db", "x.db", "--", "--weird", "name"}, []string{"--weird", "name"}, "x.db", false},
		{[]string{"--nope"}, nil, "", true},
		{[]string{"name", "--db"}, nil, "", true},
	}
	for _, tt := range tests {
		sio := stdio{out: &bytes.Buffer{}, err: &bytes.Buffer{}}
		fs := newFlags(sio, "who NAME", "")
		db := fs.String("db", "", "")
		pos, err := parseArgs(fs, sio, tt.args)
		if _, isUsage := err.(usageError); isUsage != tt.wantUsage {
			t.Errorf("%q: err = %v, want usage error %v", tt.args, err, tt.wantUsage)
			continue
		}
		if !tt.wantUsage && (!slices.Equal(pos, tt.wantPos) || *db != tt.wantDB) {
			t.Errorf("%q: positional %q db %q, want %q %q", tt.args, pos, *db, tt.wantPos, tt.wantDB)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestParseLookBack(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"30d", 30 * 24 * time.Hour, true},
		{"2w", 14 * 24 * time.Hour, true},
		{"36h", 36 * time.Hour, true},
		{"0d", 0, false},
		{"-3d", 0, false},
		{"soon", 0, false},
		{"d", 0, false},
	}
	for _, tt := range tests {
		got, err := parseLookBack(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseLookBack(%q) = %v, %v; want %v (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
