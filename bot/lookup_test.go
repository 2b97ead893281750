package bot

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/attache-bot/attache/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The JSON of a lookup is a documented schema (docs/json.md): these
// golden files pin it for a found person, an ambiguous name and an
// unknown one. A change to them is a change to the schema.
func TestLookupJSON(t *testing.T) {
	_, st, _ := commandFixture(t)
	tests := []struct {
		golden, query string
		q             store.QuoteQuery
		status        string
	}{
		{"lookup-found.json", "ayrault", store.QuoteQuery{Limit: 5}, Found},
		{"lookup-quotes-words.json", "jean-marc ayrault", store.QuoteQuery{Words: []string{"ceasefire"}}, Found},
		{"lookup-ambiguous.json", "kerry", store.QuoteQuery{}, Ambiguous},
		{"lookup-not-found.json", "ayralt", store.QuoteQuery{}, NotFound},
	}
	for _, tt := range tests {
		l, err := LookupPerson(context.Background(), st, tt.query, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if l.Status != tt.status {
			t.Errorf("%s: status %q, want %q", tt.query, l.Status, tt.status)
		}
		got, err := json.MarshalIndent(l, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		path := filepath.Join("testdata", tt.golden)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./bot -run TestLookupJSON -update)", err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: JSON\n%s\nwant (%s)\n%s", tt.query, got, path, want)
		}
	}
}
