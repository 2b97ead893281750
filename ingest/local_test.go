package ingest

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var localGUID = regexp.MustCompile(`^file:([^#]+)#[0-9a-f]{16}$`)

func TestReadLocalFiles(t *testing.T) {
	tests := []struct {
		path, kind, title string
		body              []string // substrings, in order
		absent            []string
		n                 int
	}{
		{path: "testdata/local/01-aleppo.txt", kind: KindFile, n: 1,
			title: "France makes new push for Aleppo ceasefire",
			body:  []string{"Paris: France is to launch", "\nThe draft would allow aid into the city.\n\n\"This is a moment of truth,\" Foreign Minister Jean-Marc Ayrault said."}},
		{path: "testdata/local/02-geneva.md", kind: KindFile, n: 1,
			title:  "Kerry and Lavrov resume talks in Geneva",
			body:   []string{"US Secretary of State John Kerry met his Russian counterpart Sergei Lavrov in Geneva on Friday.", "\"We are not giving up,\" Kerry said.", "What was agreed", "a seven-day cessation of hostilities", "joint strikes on Nusra positions"},
			absent: []string{"**", "](", "photo", "Front matter", "example.org", "#", "`"}},
		{path: "testdata/local/03-page.html", kind: KindFile, n: 1,
			title:  "Steinmeier calls for restraint",
			body:   []string{"German Foreign Minister Frank-Walter Steinmeier", "\"There is no military solution to this conflict,\" Steinmeier told reporters"},
			absent: []string{"Home | News", "Contact us"}},
		{path: "testdata/local/04-feed.rss", kind: KindFeed, n: 2,
			title: "Mogherini in Tehran",
			body:  []string{"EU foreign policy chief Federica Mogherini arrived in Tehran."}},
		{path: "testdata/sniff/feed", kind: KindFeed, n: 2, title: "Mogherini in Tehran"},
		{path: "testdata/sniff/page.dat", kind: KindFile, n: 1, title: "Steinmeier calls for restraint"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := read(t, testFetcher(Options{}), tt.path)
			if res.Kind != tt.kind || len(res.Articles) != tt.n {
				t.Fatalf("kind %q with %d articles, want %q with %d", res.Kind, len(res.Articles), tt.kind, tt.n)
			}
			a := res.Articles[0]
			if a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			rest := a.Body
			for _, w := range tt.body {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("body lacks %q (in order):\n%s", w, a.Body)
				}
				rest = rest[i+len(w):]
			}
			for _, w := range tt.absent {
				if strings.Contains(a.Title+"\n"+a.Body, w) {
					t.Errorf("markup %q left in:\n%s\n%s", w, a.Title, a.Body)
				}
			}
			if a.Source != tt.path || !a.Fetched.Equal(fixedNow) || a.URL != "" && tt.kind != KindFeed {
				t.Errorf("source %q, fetched %v, URL %q", a.Source, a.Fetched, a.URL)
			}
			if tt.kind == KindFeed {
				if a.GUID != "local-feed-1" || a.URL != "https://eu.example/mogherini" || a.Feed != "Local feed" {
					t.Errorf("feed item GUID %q URL %q Feed %q", a.GUID, a.URL, a.Feed)
				}
			} else if m := localGUID.FindStringSubmatch(a.GUID); m == nil || m[1] != filepath.Base(tt.path) {
				t.Errorf("GUID %q, want file:%s#<hash>", a.GUID, filepath.Base(tt.path))
			}
		})
	}
}

func TestReadLocalDirectory(t *testing.T) {
	res, err := testFetcher(Options{}).Read(context.Background(), "testdata/local", Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != KindDir {
		t.Errorf("kind %q", res.Kind)
	}
	var got []string
	for _, a := range res.Articles {
		got = append(got, a.Title)
		if a.Source != "testdata/local" {
			t.Errorf("%q: Source %q, want the directory", a.Title, a.Source)
		}
		if a.Feed == "" {
			t.Errorf("%q: no Feed name", a.Title)
		}
	}
	want := []string{
		"France makes new push for Aleppo ceasefire",
		"Kerry and Lavrov resume talks in Geneva",
		"Steinmeier calls for restraint",
		"Mogherini in Tehran", "Zarif answers",
		"Nested headline", // sub/ after the files: lexical order of paths
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("titles\n got %q\nwant %q (hidden, README and image skipped)", got, want)
	}
	for _, a := range res.Articles {
		if a.Title == "Nested headline" && !strings.HasPrefix(a.GUID, "file:sub/05-nested.txt#") {
			t.Errorf("nested GUID %q", a.GUID)
		}
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), "06-broken.rss") || Reason(res.Errors[0]) != "parse" {
		t.Errorf("want one parse error naming 06-broken.rss, got %v", res.Errors)
	}

	// ReadAll reports the broken file too, alongside a missing source.
	articles, errs := ReadAll(context.Background(), testFetcher(Options{}), []string{"testdata/nope", "testdata/local"})
	if len(articles) != len(want) || len(errs) != 2 || Reason(errs[0]) != "not_found" || !strings.Contains(errs[0].Error(), "testdata/nope") {
		t.Errorf("ReadAll: %d articles, errors %v", len(articles), errs)
	}
}

// The GUID of a local file survives the directory moving (a container
// mounting it elsewhere) and changes when the file's content does.
func TestLocalGUIDs(t *testing.T) {
	guids := func(dir string) map[string]string {
		res := read(t, testFetcher(Options{}), dir)
		m := map[string]string{}
		for _, a := range res.Articles {
			m[a.Title] = a.GUID
		}
		return m
	}
	a := copyDir(t, "testdata/local", filepath.Join(t.TempDir(), "one"))
	b := copyDir(t, "testdata/local", filepath.Join(t.TempDir(), "elsewhere", "two"))
	ga, gb := guids(a), guids(b)
	if len(ga) == 0 || len(ga) != len(gb) {
		t.Fatalf("%d vs %d articles", len(ga), len(gb))
	}
	for title, g := range ga {
		if gb[title] != g {
			t.Errorf("%q: GUID %q moved to %q", title, g, gb[title])
		}
	}
	p := filepath.Join(b, "01-aleppo.txt")
	if err := os.WriteFile(p, []byte("France makes new push for Aleppo ceasefire\n\nEdited body.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	title := "France makes new push for Aleppo ceasefire"
	if edited := guids(b)[title]; edited == ga[title] || !strings.HasPrefix(edited, "file:01-aleppo.txt#") {
		t.Errorf("edited file GUID %q (was %q)", edited, ga[title])
	}
}

func copyDir(t *testing.T, from, to string) string {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return to
}

func TestLocalErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte("Headline\n\n"+strings.Repeat("x", 5000)), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.md")
	if err := os.WriteFile(empty, []byte("\n  \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := testFetcher(Options{MaxBytes: 1024})
	tests := []struct{ path, reason string }{
		{big, "too_large"},
		{empty, "parse"},
		{"testdata/sniff/blob.bin", "unsupported"},
		{"testdata/local/image.png", "unsupported"},
		{filepath.Join(dir, "missing.txt"), "not_found"},
	}
	for _, tt := range tests {
		_, err := f.Read(context.Background(), tt.path, Validators{})
		if Reason(err) != tt.reason || !strings.Contains(err.Error(), tt.path) {
			t.Errorf("%s: err %v (reason %q), want %q naming the path", tt.path, err, Reason(err), tt.reason)
		}
	}
	if _, err := f.Read(context.Background(), big, Validators{}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big file: %v", err)
	}
}
