package matrix

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func loadDigest(t *testing.T, name string) digest.Digest {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var d digest.Digest
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestRenderDigestGolden(t *testing.T) {
	msgs := pack(renderDigest(loadDigest(t, "digest.json")))
	if len(msgs) != 1 {
		t.Fatalf("got %d messages, want 1", len(msgs))
	}
	golden(t, "digest.golden.html", msgs[0].html)
	golden(t, "digest.golden.txt", msgs[0].plain)
	checkHTML(t, msgs[0].html)
}

// allowedTags are the tags the renderer may emit: a subset of what the
// Matrix spec lets clients render.
var allowedTags = map[string]bool{
	"h3": true, "h4": true, "p": true, "strong": true, "em": true, "a": true,
	"ul": true, "li": true, "br": true, "blockquote": true,
}

// checkHTML asserts that s only uses allowed tags, that every link is
// absolute http(s), that no attribute other than href appears, and that
// tags are balanced.
func checkHTML(t testing.TB, s string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(s))
	var open []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			if len(open) != 0 {
				t.Fatalf("unclosed tags %v in %q", open, s)
			}
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if !allowedTags[tok.Data] {
				t.Fatalf("tag <%s> not allowed in %q", tok.Data, s)
			}
			for _, attr := range tok.Attr {
				if tok.Data != "a" || attr.Key != "href" {
					t.Fatalf("attribute %s on <%s> in %q", attr.Key, tok.Data, s)
				}
				if !strings.HasPrefix(attr.Val, "https://") && !strings.HasPrefix(attr.Val, "http://") {
					t.Fatalf("link to %q in %q", attr.Val, s)
				}
			}
			if tok.Data != "br" {
				open = append(open, tok.Data)
			}
		case html.EndTagToken:
			tok := z.Token()
			if len(open) == 0 || open[len(open)-1] != tok.Data {
				t.Fatalf("unbalanced </%s> (open %v) in %q", tok.Data, open, s)
			}
			open = open[:len(open)-1]
		}
	}
}

func TestRenderEscapesArticleText(t *testing.T) {
	tests := []struct {
		name      string
		story     digest.Story
		wantHTML  []string
		wantPlain []string
		never     []string // must appear in neither form
		neverHTML []string
	}{
		{
			name:      "markup in headline is text",
			story:     digest.Story{Headline: "<img src=x onerror=alert(1)>", Sources: []digest.Link{{Name: "S", URL: "https://a.example/x"}}},
			wantHTML:  []string{`<a href="https://a.example/x">&lt;img src=x onerror=alert(1)&gt;</a>`},
			neverHTML: []string{"<img"},
		},
		{
			name:      "javascript link dropped",
			story:     digest.Story{Headline: "H", Sources: []digest.Link{{Name: "S", URL: "javascript:alert(1)"}}},
			wantHTML:  []string{"<h4>1. H</h4>", "Sources: S (date unknown)</p>"},
			wantPlain: []string{"Sources: S"},
			never:     []string{"javascript"},
		},
		{
			name:  "data, relative and schemeless links dropped",
			story: digest.Story{Headline: "H", Sources: []digest.Link{{Name: "A", URL: "data:text/html,x"}, {Name: "B", URL: "/relative"}, {Name: "C", URL: "//host/x"}}},
			never: []string{"href", "data:", "/relative"},
		},
		{
			name:      "quote marks and ampersands escaped in attributes",
			story:     digest.Story{Headline: "H", Sources: []digest.Link{{Name: "S", URL: `https://a.example/?q="x"&y=<1>`}}},
			wantHTML:  []string{`href="https://a.example/?q=%22x%22&amp;y=%3C1%3E"`},
			wantPlain: []string{`S <https://a.example/?q=%22x%22&y=%3C1%3E>`},
		},
		{
			name:      "actor without role",
			story:     digest.Story{Headline: "H", Actors: []digest.Actor{{Name: "Kerry"}}},
			wantHTML:  []string{"<li><strong>Kerry</strong></li>"},
			wantPlain: []string{"• Kerry"},
		},
		{
			name:      "newlines in summary collapse",
			story:     digest.Story{Headline: "H", Summary: "a\n\n b\tc"},
			wantHTML:  []string{"<p>a b c</p>"},
			wantPlain: []string{"\na b c"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := renderStory(1, tt.story)
			checkHTML(t, b.html)
			for _, w := range tt.wantHTML {
				if !strings.Contains(b.html, w) {
					t.Errorf("html lacks %q:\n%s", w, b.html)
				}
			}
			for _, w := range tt.wantPlain {
				if !strings.Contains(b.plain, w) {
					t.Errorf("plain lacks %q:\n%s", w, b.plain)
				}
			}
			for _, n := range tt.neverHTML {
				if strings.Contains(b.html, n) {
					t.Errorf("html contains %q:\n%s", n, b.html)
				}
			}
			for _, n := range tt.never {
				if strings.Contains(b.html, n) || strings.Contains(b.plain, n) {
					t.Errorf("output contains %q:\n%s\n%s", n, b.html, b.plain)
				}
			}
		})
	}
}

func TestMessageContentPingsNobody(t *testing.T) {
	m := pack(renderDigest(digest.Digest{Title: "@room", Stories: []digest.Story{{Headline: "@room @alice:example.org"}}}))[0]
	raw, err := json.Marshal(m.content(nil))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	mentions, ok := got["m.mentions"].(map[string]any)
	if !ok || len(mentions) != 0 {
		t.Errorf("m.mentions = %v, want {}", got["m.mentions"])
	}
	if got["msgtype"] != "m.notice" || got["format"] != "org.matrix.custom.html" {
		t.Errorf("msgtype %v format %v", got["msgtype"], got["format"])
	}
	if body, _ := got["body"].(string); !strings.Contains(body, "@room") {
		t.Errorf("body %q lost the headline", body)
	}
	if _, ok := got["m.relates_to"]; ok {
		t.Errorf("digest message carries a relation: %s", raw)
	}
}

func TestRenderReply(t *testing.T) {
	tests := []struct {
		name      string
		reply     adapters.Reply
		wantHTML  string
		wantPlain string
	}{
		{
			name: "profile",
			reply: adapters.Reply{
				Title: "Jean-Marc Ayrault — Foreign Minister, France",
				Lines: []adapters.Line{
					{Text: "6 Oct 2016", Quote: "I think with the Russians you have to speak the truth", Label: "France makes new push", URL: "https://example.org/a"},
					{Text: "Seen in 3 articles"},
				},
				Text: "More: !quotes ayrault",
			},
			wantHTML: `<p><strong>Jean-Marc Ayrault — Foreign Minister, France</strong></p>` +
				`<ul><li>6 Oct 2016 <em>“I think with the Russians you have to speak the truth”</em> — <a href="https://example.org/a">France makes new push</a></li>` +
				`<li>Seen in 3 articles</li></ul><p>More: !quotes ayrault</p>`,
			wantPlain: "Jean-Marc Ayrault — Foreign Minister, France\n\n" +
				"• 6 Oct 2016 “I think with the Russians you have to speak the truth” — France makes new push <https://example.org/a>\n" +
				"• Seen in 3 articles\n\nMore: !quotes ayrault",
		},
		{
			name:      "error text keeps line breaks",
			reply:     adapters.Reply{Text: "Usage:\n!who NAME <x>", Error: true},
			wantHTML:  `<p>Usage:<br>!who NAME &lt;x&gt;</p>`,
			wantPlain: "Usage:\n!who NAME <x>",
		},
		{
			name:      "empty reply still says something",
			reply:     adapters.Reply{},
			wantHTML:  `<p><em>(no answer)</em></p>`,
			wantPlain: "(no answer)",
		},
		{
			name:      "unsafe link keeps its label as text",
			reply:     adapters.Reply{Lines: []adapters.Line{{Text: "t", Label: "l", URL: "javascript:x"}}},
			wantHTML:  `<ul><li>t — l</li></ul>`,
			wantPlain: "• t — l",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := pack(renderReply(tt.reply))
			if len(msgs) != 1 {
				t.Fatalf("%d messages", len(msgs))
			}
			checkHTML(t, msgs[0].html)
			if msgs[0].html != tt.wantHTML {
				t.Errorf("html\n got %s\nwant %s", msgs[0].html, tt.wantHTML)
			}
			if msgs[0].plain != tt.wantPlain {
				t.Errorf("plain\n got %q\nwant %q", msgs[0].plain, tt.wantPlain)
			}
		})
	}
}

func TestReplyCarriesDigest(t *testing.T) {
	d := loadDigest(t, "digest.json")
	msgs := pack(renderReply(adapters.Reply{Title: "Latest", Digest: &d}))
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0].html, "<p><strong>Latest</strong></p><h3>") {
		t.Fatalf("unexpected reply: %+v", msgs)
	}
}

// TestLinksFollowTheURLPolicy: Matrix links the same URLs as Slack and the
// console; it once linked user-info URLs that show one site and open another.
func TestLinksFollowTheURLPolicy(t *testing.T) {
	tests := []struct{ url, wantHTML, wantPlain string }{
		{"https://example.org/a?b=1&c=2", `<a href="https://example.org/a?b=1&amp;c=2">x</a>`, "x <https://example.org/a?b=1&c=2>"},
		{"https://www.reuters.com@evil.example/x", "x", "x"},
		{"javascript:alert(1)", "x", "x"},
		{`https://"0`, "x", "x"},
		{`https://example.org/"><b>`, `<a href="https://example.org/%22%3E%3Cb%3E">x</a>`, "x <https://example.org/%22%3E%3Cb%3E>"},
	}
	for _, tt := range tests {
		if got := linkHTML("x", tt.url); got != tt.wantHTML {
			t.Errorf("linkHTML(%q) = %q, want %q", tt.url, got, tt.wantHTML)
		}
		if got := linkPlain("x", tt.url); got != tt.wantPlain {
			t.Errorf("linkPlain(%q) = %q, want %q", tt.url, got, tt.wantPlain)
		}
	}
}
