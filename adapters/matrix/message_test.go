package matrix

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
)

// bigDigest has n stories whose text is long enough to need several messages.
func bigDigest(n int) digest.Digest {
	d := digest.Digest{Title: "big"}
	for i := 0; i < n; i++ {
		d.Stories = append(d.Stories, digest.Story{
			Headline: fmt.Sprintf("Story number %d <&>", i+1),
			Summary:  strings.Repeat("Diplomats met & talked <again>. ", 40),
			Sources:  []digest.Link{{Name: "Wire", URL: fmt.Sprintf("https://news.example/%d", i+1)}},
			Actors:   []digest.Actor{{Name: "Jean-Marc Ayrault", Role: "Foreign Minister", Affiliation: "France"}},
			Quotes:   []digest.QuoteLine{{Text: strings.Repeat("we will act ", 30), Speaker: "Ayrault"}},
		})
	}
	return d
}

func TestPackSplitsLongDigests(t *testing.T) {
	d := bigDigest(120)
	msgs := pack(renderDigest(d))
	if len(msgs) < 3 {
		t.Fatalf("120 long stories fit in %d messages; expected a split", len(msgs))
	}
	var all strings.Builder
	for i, m := range msgs {
		if size := m.size(); size > maxContentBytes {
			t.Errorf("message %d is %d bytes, limit %d", i, size, maxContentBytes)
		}
		checkHTML(t, m.html)
		all.WriteString(m.plain + "\n")
	}
	// Every story is there exactly once, in order.
	text := all.String()
	last := -1
	for i := range d.Stories {
		head := fmt.Sprintf("%d. Story number %d <&>\n", i+1, i+1)
		if strings.Count(text, head) != 1 {
			t.Fatalf("story %d appears %d times", i+1, strings.Count(text, head))
		}
		at := strings.Index(text, head)
		if at < last {
			t.Fatalf("story %d out of order", i+1)
		}
		last = at
	}
	if again := pack(renderDigest(d)); !reflect.DeepEqual(again, msgs) {
		t.Error("splitting the same digest twice gave different messages")
	}
	if !strings.HasPrefix(msgs[0].html, "<h3>big</h3>") {
		t.Errorf("first message lacks the title: %.40s", msgs[0].html)
	}
}

func TestPackShrinksOversizedBlocks(t *testing.T) {
	huge := strings.Repeat("<'&\"> ", 20_000)
	msgs := pack(renderReply(adapters.Reply{Title: "t", Text: strings.Repeat(huge+"\n", 5)}))
	if len(msgs) != 1 {
		t.Fatalf("got %d messages, want one with the title and the shrunk text", len(msgs))
	}
	for i, m := range msgs {
		if m.size() > maxContentBytes {
			t.Errorf("message %d is %d bytes", i, m.size())
		}
		checkHTML(t, m.html)
	}
	if !strings.HasPrefix(msgs[0].plain, "t\n\n<'&") || !strings.HasSuffix(msgs[0].plain, "…") {
		t.Errorf("shrunk text lost its title or does not say it was cut: %q…%q", msgs[0].plain[:10], msgs[0].plain[len(msgs[0].plain)-10:])
	}
}

func TestPackKeepsListItemsInOneList(t *testing.T) {
	blocks := []block{
		{plain: "T", html: "<p>T</p>"},
		{plain: "• a", html: "<li>a</li>", listItem: true},
		{plain: "• b", html: "<li>b</li>", listItem: true},
		{plain: "end", html: "<p>end</p>"},
	}
	got := pack(blocks)
	want := []message{{plain: "T\n\n• a\n• b\n\nend", html: "<p>T</p><ul><li>a</li><li>b</li></ul><p>end</p>"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func FuzzRenderDigest(f *testing.F) {
	f.Add("Headline", "Summary", "https://example.org/a", "Ayrault", "Foreign Minister", "quote")
	f.Add("<script>", "@room\n\n", "javascript:alert(1)", "\x00", "&amp;", `"'<>`)
	f.Add("h", "s", `https://a.example/?q="x"&y=<1>`, "n", "r", "q")
	f.Fuzz(func(t *testing.T, headline, summary, link, name, role, quote string) {
		d := digest.Digest{Title: headline, Omitted: len(name)}
		for i := 0; i < 3; i++ {
			d.Stories = append(d.Stories, digest.Story{
				Headline: headline, Summary: summary,
				Sources: []digest.Link{{Name: name, URL: link}, {Name: role, URL: link + quote}},
				Actors:  []digest.Actor{{Name: name, Role: role, Affiliation: summary, Said: quote}},
				Quotes:  []digest.QuoteLine{{Text: quote, Speaker: name}},
			})
		}
		msgs := pack(renderDigest(d))
		if len(msgs) == 0 {
			t.Fatal("no message")
		}
		for _, m := range msgs {
			if m.size() > maxContentBytes {
				t.Fatalf("message of %d bytes", m.size())
			}
			checkHTML(t, m.html)
			if _, err := json.Marshal(m.content(nil)); err != nil {
				t.Fatal(err)
			}
		}
		reply := pack(renderReply(adapters.Reply{Title: headline, Text: summary, Lines: []adapters.Line{{Text: name, Quote: quote, Label: role, URL: link}}}))
		for _, m := range reply {
			checkHTML(t, m.html)
		}
	})
}

// BenchmarkRenderDigest renders and splits a 120-story digest, the work
// done per delivery attempt.
func BenchmarkRenderDigest(b *testing.B) {
	d := bigDigest(120)
	b.ReportAllocs()
	for b.Loop() {
		if len(pack(renderDigest(d))) == 0 {
			b.Fatal("no messages")
		}
	}
}

// BenchmarkRenderTypicalDigest is a digest of the size channels get by
// default (8 stories).
func BenchmarkRenderTypicalDigest(b *testing.B) {
	d := bigDigest(8)
	b.ReportAllocs()
	for b.Loop() {
		pack(renderDigest(d))
	}
}
