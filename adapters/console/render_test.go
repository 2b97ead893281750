package console

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
	"github.com/attache-bot/attache/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sampleDigest has one story told by two outlets and one with hostile text:
// Markdown syntax, a terminal escape sequence, a javascript: link.
func sampleDigest() digest.Digest {
	return digest.Digest{
		Title: "attache digest — 5 Oct 2026",
		Since: time.Date(2026, 10, 4, 12, 0, 0, 0, time.UTC),
		Stories: []digest.Story{
			{
				Headline: "France makes new push for Aleppo ceasefire",
				Summary:  "France is to launch a new push for United Nations backing for a ceasefire in Syria.",
				Sources: []digest.Link{
					{Name: "Example Wire", Title: "France makes new push", URL: "https://wire.example/world/aleppo (1)"},
					{Name: "000_dca0585e2d2c906d.txt", Title: "France makes new push"},
				},
				Actors: []digest.Actor{
					{Name: "Jean-Marc Ayrault", Role: "Foreign Minister", Affiliation: "France", Mentions: 8, Said: "It is deeply shocking and shameful."},
					{Name: "Sergei Lavrov", Affiliation: "Russia", Mentions: 2},
					{Name: "Ban Ki-moon", Mentions: 1},
				},
				Quotes: []digest.QuoteLine{
					{Text: "If you're complicit in war crimes then one day you will be held accountable, including legally.", Speaker: "Jean-Marc Ayrault", Kind: extract.SpeakerPerson},
					{Text: "It's all that's left.", Speaker: "a French diplomatic source", Kind: extract.SpeakerAnonymous},
				},
				Published:  time.Date(2026, 10, 5, 11, 30, 0, 0, time.UTC),
				ArticleIDs: []int64{1, 2},
			},
			{
				Headline: "# Breaking: *all* [prices] <b>up</b> 5_000%",
				Summary:  "1. Not a list.\nSecond line \x1b[31mred\x1b[0m | pipe ~strike~",
				Sources:  []digest.Link{{Name: "Evil [feed]", URL: "javascript:alert(1)"}},
				Quotes:   []digest.QuoteLine{{Text: "`rm -rf` *now*", Speaker: "a_source", Kind: extract.SpeakerAnonymous}},
			},
		},
		Omitted: 3,
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

func TestRenderGolden(t *testing.T) {
	for _, tt := range []struct{ format, file string }{
		{"markdown", "digest.md"},
		{"text", "digest.txt"},
		{"json", "digest.json"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Render(&buf, sampleDigest(), tt.format); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.file, buf.Bytes())
			if bytes.Contains(buf.Bytes(), []byte("\x1b")) {
				t.Error("escape character reached the output")
			}
		})
	}
}

func TestRenderEmptyDigest(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, digest.Digest{Title: "Nothing"}, "markdown"); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "# Nothing\n\nNo new stories.\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestRenderJSONRoundTrips(t *testing.T) {
	var buf bytes.Buffer
	d := sampleDigest()
	if err := Render(&buf, d, "json"); err != nil {
		t.Fatal(err)
	}
	var back digest.Digest
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, d) {
		t.Fatalf("JSON round trip changed the digest:\n%+v", back)
	}
}

func TestRenderUnknownFormat(t *testing.T) {
	err := Render(&bytes.Buffer{}, sampleDigest(), "html")
	if err == nil || !strings.Contains(err.Error(), `unknown format "html"`) {
		t.Fatalf("err = %v", err)
	}
}

func TestRenderReplyGolden(t *testing.T) {
	who := adapters.Reply{
		Title: "Jean-Marc Ayrault",
		Lines: []adapters.Line{
			{Text: "Titles: Foreign Minister; former prime minister"},
			{Text: "In 2 articles, 5 Oct 2026"},
			{Text: "5 Oct 2026", Quote: "It is deeply shocking and shameful.", Label: "France makes new push for Aleppo ceasefire", URL: "https://wire.example/world/aleppo"},
			{Quote: "It's cynicism that fools nobody.", Label: "000_dca0585e2d2c906d.txt"},
		},
		Text: "Data from 2 sources.\nSecond *line*",
	}
	for _, tt := range []struct{ format, file string }{
		{"markdown", "reply.md"},
		{"text", "reply.txt"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := RenderReply(&buf, who, tt.format); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.file, buf.Bytes())
		})
	}
}

func TestMarkdownEscaping(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"*bold* and _it_", `\*bold\* and \_it\_`},
		{"# heading", `\# heading`},
		{"- item", `\- item`},
		{"2016. A year", `2016\. A year`},
		{"1) first", `1\) first`},
		{"Jean-Marc", "Jean-Marc"},
		{"a\nb\r\n\tc", "a b c"},
		{"x\x1b[2Jy\u202ez", `x\[2Jyz`},
		{`back\slash`, `back\\slash`},
	}
	for _, tt := range tests {
		if got := md(tt.in); got != tt.want {
			t.Errorf("md(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.org/a?b=c", "https://example.org/a?b=c"},
		{"https://example.org/a (1)", "https://example.org/a%20%281%29"},
		{"javascript:alert(1)", ""},
		{"data:text/html,x", ""},
		{"/relative", ""},
		{"", ""},
		// The user info names one site while the link opens another.
		{"https://www.reuters.com@evil.example/x", ""},
		{`https://"0`, ""},
	}
	for _, tt := range tests {
		if got := safeURL(tt.in); got != tt.want {
			t.Errorf("safeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// With every source down, an empty digest says why instead of passing for
// a quiet day.
func TestHealthFooter(t *testing.T) {
	d := digest.Digest{Title: "attache digest", Stories: []digest.Story{}, Health: &digest.SourceHealth{Total: 2, Down: []digest.DownSource{
		{Name: "Wire_One", Since: time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC)}, {Name: "Ledger"},
	}}}
	for format, want := range map[string]string{
		"text":     "All 2 sources unreachable since 5 Oct 09:00 UTC: Wire_One, Ledger.\n",
		"markdown": `All 2 sources unreachable since 5 Oct 09:00 UTC: Wire\_One, Ledger.` + "\n",
	} {
		var buf bytes.Buffer
		if err := Render(&buf, d, format); err != nil {
			t.Fatal(err)
		}
		if out := buf.String(); !strings.Contains(out, "No new stories.") || !strings.HasSuffix(out, want) {
			t.Errorf("%s:\n%s\nwant it to end with %q", format, out, want)
		}
	}
}
