package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Every problem of a file comes back in one pass, in file order, each with
// its field path and line: unknown keys with the closest known one, values
// of the wrong type, a value YAML read as a comment, then Validate's.
func TestCheckReportsEveryProblemAtOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "attache.yaml")
	file := `sources:
  - name: Wire
    url: https://wire.example/rss
    intervall: 1h
channels:
  - name: room
    platform: matrix
    target: #news:example.org
    schedule: "@daily"
    max_stories: many
fetch:
  timeout: soon
bot:
  catch_up: true
`
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Check(path)
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("Check = %v, want Errors", err)
	}
	want := []string{
		"sources[0].intervall (line 4): unknown field; did you mean interval?",
		`channels[0].target (line 8): is empty: "#" starts a YAML comment; quote the value ("#news:example.org")`,
		"channels[0].max_stories (line 10): cannot read `many` as a whole number",
		"fetch.timeout (line 12): cannot read `soon` as a duration (90s, 15m, 6h)",
	}
	got := strings.Split(errs.Error(), "\n")
	if len(got) < len(want) {
		t.Fatalf("errors:\n%s\nwant at least:\n%s", errs, strings.Join(want, "\n"))
	}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("error %d = %q\nwant      %q", i, got[i], w)
		}
	}
	// Validate's problems come in the same pass: the Matrix channel has no
	// homeserver or credentials configured.
	if !strings.Contains(errs.Error(), "matrix") || len(got) == len(want) {
		t.Errorf("semantic errors missing from the same pass:\n%s", errs)
	}
}

func TestClosestKey(t *testing.T) {
	tests := []struct {
		key  string
		want string
	}{
		{"intervall", "interval"}, {"Interval", "interval"}, {"urll", "url"}, {"pth", "path"}, {"colour", ""}, {"schedules", ""},
	}
	for _, tt := range tests {
		if got := closestKey(reflect.TypeOf(Source{}), tt.key); got != tt.want {
			t.Errorf("closestKey(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestRelativeSourcePathFromConfigFolder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "attache.yaml")
	if err := os.WriteFile(path, []byte("sources:\n  - path: articles\n  - path: /abs/articles\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Sources[0].Path != filepath.Join(dir, "articles") || c.Sources[1].Path != "/abs/articles" {
		t.Errorf("paths %q, %q", c.Sources[0].Path, c.Sources[1].Path)
	}
}

// FuzzDecodeChecked: any document decodes or gives errors, never a panic.
func FuzzDecodeChecked(f *testing.F) {
	f.Add("sources:\n  - intervall: 1h\n    target: #x\n")
	f.Add("channels: {a: 1}\nfetch: [1]\nlog: &a {level: x}\nbot: *a\n")
	f.Fuzz(func(t *testing.T, doc string) {
		_ = decode([]byte(doc), Default())
	})
}
