package slack

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
	"github.com/attache-bot/attache/internal/urlsafe"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func loadJSON[T any](t testing.TB, name string) T {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// marshalMessages is the wire form of messages, with <, > and & kept
// readable so golden files show exactly what Slack receives.
func marshalMessages(t testing.TB, msgs []Message) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(msgs); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func checkGolden(t *testing.T, name string, got []byte) {
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
		t.Errorf("%s differs from the rendering:\n%s", path, got)
	}
}

// texts returns every text Slack will interpret in msgs: the fallback text
// and each "text" field of the blocks.
func texts(t testing.TB, msgs []Message) []string {
	t.Helper()
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "text" {
					out = append(out, s)
				} else {
					walk(x)
				}
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, m := range msgs {
		out = append(out, m.Text)
		raw, err := json.Marshal(m.Blocks)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatal(err)
		}
		walk(v)
	}
	return out
}

// checkInert fails unless every <…> control sequence in text is a link to
// an http(s) URL on one of the allowed hosts: no mention, no channel link,
// no special command, no forged link.
func checkInert(t testing.TB, text string, allowedHosts ...string) {
	t.Helper()
	rest := text
	for {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '>')
		if j < 0 {
			t.Errorf("unterminated < in %q", text)
			return
		}
		inner := rest[i+1 : i+j]
		rest = rest[i+j+1:]
		target, _, _ := strings.Cut(inner, "|")
		u, err := url.Parse(target)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			t.Errorf("control sequence <%s> is not a link, in %q", inner, text)
			continue
		}
		ok := false
		for _, h := range allowedHosts {
			ok = ok || u.Host == h
		}
		if !ok {
			t.Errorf("link to unexpected host %q in %q", u.Host, text)
		}
		if strings.Count(inner, "|") > 1 {
			t.Errorf("link <%s> has more than one |", inner)
		}
	}
	for _, forbidden := range []string{"<!", "<@", "<#", "*nothing*", "`code`", "~strike~", "_it_"} {
		if strings.Contains(text, forbidden) {
			t.Errorf("text contains %q: %q", forbidden, text)
		}
	}
}

func TestRenderDigestHostileGolden(t *testing.T) {
	d := loadJSON[digest.Digest](t, "hostile_digest.json")
	msgs := RenderDigest(d)
	checkGolden(t, "hostile_digest.golden.json", marshalMessages(t, msgs))
	if len(msgs) != 1 {
		t.Fatalf("got %d messages, want 1", len(msgs))
	}
	all := texts(t, msgs)
	for _, s := range all {
		checkInert(t, s, "www.lemonde.fr", "www.reuters.com")
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{
		"&lt;!channel&gt; @here &lt;@U123&gt; &lt;https://evil.example|click&gt;",
		"Jean-Marc ∗Ayrault∗",
		"Ministers met in Paris &amp; agreed",
		"“Dialogue is the only path” — Antonio Guterres",
		"“Talks were ˋproductiveˋ” — unattributed",
		"<https://www.lemonde.fr/international/article/2026/11/24/a.html?x=1&amp;y=%3Cb%3E%7Cc|Le Monde &lt;@U999&gt;>",
		"2 more stories not shown.",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("rendering lacks %q", want)
		}
	}
	if strings.Contains(joined, "javascript:") {
		t.Error("a javascript: URL was turned into a link")
	}
}

func TestRenderReplyHostileGolden(t *testing.T) {
	r := loadJSON[adapters.Reply](t, "hostile_reply.json")
	msgs := RenderReply(r)
	checkGolden(t, "hostile_reply.golden.json", marshalMessages(t, msgs))
	for _, s := range texts(t, msgs) {
		checkInert(t, s, "www.lemonde.fr", "www.reuters.com")
		if strings.Contains(s, "file:") && strings.Contains(s, "<file:") {
			t.Errorf("file: URL linked in %q", s)
		}
	}
}

func TestRenderReplyEmptyAndDigest(t *testing.T) {
	if got := RenderReply(adapters.Reply{}); len(got) != 1 || got[0].Text != "Done." {
		t.Errorf("empty reply rendered as %+v", got)
	}
	d := bigDigest(40)
	got := RenderReply(adapters.Reply{Title: "Digest of the last 24h", Digest: &d})
	want := 1 + len(RenderDigest(d))
	if len(got) != want {
		t.Errorf("reply with digest: %d messages, want %d", len(got), want)
	}
}

func TestEscapeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a & b", "a &amp; b"},
		{"<!channel>", "&lt;!channel&gt;"},
		{"<@U123|bob>", "&lt;@U123|bob&gt;"},
		{"&amp;", "&amp;amp;"},
		{"*bold* _it_ ~st~ `c`", "∗bold∗ ˍitˍ ∼st∼ ˋcˋ"},
		// Inside a word Slack formats nothing: file names keep their "_".
		{"000_dca0585e2d2c906d.txt", "000_dca0585e2d2c906d.txt"},
		{"snake_case_name and 5*3", "snake_case_name and 5*3"},
		{"x_ _y a__b", "xˍ ˍy aˍˍb"},
		{"in`word", "inˋword"},
		{"line one\n> two\r\n\tthree", "line one &gt; two three"},
		{"  padded  ", "padded"},
		{"bidi\u202eevil\u0000", "bidievil"},
	}
	for _, tt := range tests {
		if got := escapeText(tt.in); got != tt.want {
			t.Errorf("escapeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.org/a", "https://example.org/a"},
		{"HTTP://Example.org/a?b=1&c=2", "http://example.org/a?b=1&amp;c=2"},
		{"https://example.org/a|b>c", "https://example.org/a%7Cb%3Ec"},
		{"https://example.org/?q=<x>|y", "https://example.org/?q=%3Cx%3E%7Cy"},
		{"javascript:alert(1)", ""},
		{"data:text/html,hi", ""},
		{"/relative/path", ""},
		{"https://user:pw@example.org/", ""},
		{"https://exa mple.org/", ""},
		{"https://example.org/\u202e", "https://example.org/%E2%80%AE"},
		{"https://www.reuters.com@evil.example/x", ""},
		{"https://\"0", ""},
		{"", ""},
		{"https://example.org/" + strings.Repeat("a", urlsafe.MaxLinkBytes), ""},
	}
	for _, tt := range tests {
		if got := safeURL(tt.in); got != tt.want {
			t.Errorf("safeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		in                   string
		maxRunes, maxEscaped int
		want                 string
	}{
		{"short", 10, 100, "short"},
		{"exactly10!", 10, 100, "exactly10!"},
		{"one two three", 8, 100, "one two…"},
		{"éléphant", 3, 100, "él…"},
		{"abc", 1, 100, "…"},
		{"a & b & c", 100, 9, "a &amp;…"},
		{"<<<<", 100, 10, "&lt;&lt;…"},
		{"*x*\n\ny", 100, 100, "∗x∗ y"},
		{"", 10, 10, ""},
	}
	for _, tt := range tests {
		got := clip(tt.in, tt.maxRunes, tt.maxEscaped)
		if got != tt.want {
			t.Errorf("clip(%q, %d, %d) = %q, want %q", tt.in, tt.maxRunes, tt.maxEscaped, got, tt.want)
		}
		if slackLen(got) > tt.maxEscaped {
			t.Errorf("clip(%q, %d, %d) = %q is %d long", tt.in, tt.maxRunes, tt.maxEscaped, got, slackLen(got))
		}
	}
	got := clip(strings.Repeat("&", 1000), 1000, 100)
	if slackLen(got) > 100 || strings.Contains(got, "&am…") || !strings.HasSuffix(got, "&amp;…") {
		t.Errorf("clip of ampersands = %q (%d)", got, slackLen(got))
	}
}

func bigDigest(stories int) digest.Digest {
	d := digest.Digest{
		Title: "attache digest — 25 Nov 2026",
		Since: time.Date(2026, 11, 24, 7, 0, 0, 0, time.UTC),
		Until: time.Date(2026, 11, 25, 7, 0, 0, 0, time.UTC),
	}
	long := strings.Repeat("Negotiators & envoys <met> again. ", 40)
	for i := range stories {
		s := digest.Story{
			Headline:  fmt.Sprintf("Story %02d: %s", i, long),
			Summary:   long,
			Published: d.Since.Add(time.Duration(i) * time.Minute),
		}
		for j := range 12 {
			s.Sources = append(s.Sources, digest.Link{Name: fmt.Sprintf("Feed %d", j), URL: fmt.Sprintf("https://news%d.example.org/%d", j, i)})
			s.Actors = append(s.Actors, digest.Actor{Name: fmt.Sprintf("Envoy %d", j), Role: long, Affiliation: "Ministry", Said: long})
			s.Quotes = append(s.Quotes, digest.QuoteLine{Text: long, Speaker: fmt.Sprintf("Envoy %d", j)})
		}
		d.Stories = append(d.Stories, s)
	}
	return d
}

// checkLimits fails when a message breaks one of Slack's Block Kit limits.
func checkLimits(t testing.TB, msgs []Message) {
	t.Helper()
	for i, m := range msgs {
		if len(m.Blocks) == 0 || len(m.Blocks) > maxBlocksPerMessage {
			t.Errorf("message %d has %d blocks", i, len(m.Blocks))
		}
		if slackLen(m.Text) > maxFallbackText {
			t.Errorf("message %d fallback text has %d characters", i, slackLen(m.Text))
		}
		raw, err := json.Marshal(m.Blocks)
		if err != nil {
			t.Fatal(err)
		}
		var blocks []struct {
			Type     string                  `json:"type"`
			Text     *struct{ Text string }  `json:"text"`
			Elements []struct{ Text string } `json:"elements"`
		}
		if err := json.Unmarshal(raw, &blocks); err != nil {
			t.Fatal(err)
		}
		total := 0
		for j, b := range blocks {
			switch b.Type {
			case "header":
				if n := slackLen(b.Text.Text); n > maxHeaderText {
					t.Errorf("message %d block %d: header of %d characters", i, j, n)
				}
			case "section":
				n := slackLen(b.Text.Text)
				total += n
				if n > maxSectionText || n == 0 {
					t.Errorf("message %d block %d: section of %d characters", i, j, n)
				}
			case "context":
				if len(b.Elements) > maxContextElements || len(b.Elements) == 0 {
					t.Errorf("message %d block %d: context of %d elements", i, j, len(b.Elements))
				}
				for _, e := range b.Elements {
					total += slackLen(e.Text)
				}
			}
		}
		if total > maxMessageText {
			t.Errorf("message %d carries %d characters", i, total)
		}
	}
}

func TestRenderDigestSplits(t *testing.T) {
	for _, n := range []int{0, 1, 5, 40} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			d := bigDigest(n)
			msgs := RenderDigest(d)
			checkLimits(t, msgs)
			if n == 40 && len(msgs) < 2 {
				t.Fatalf("40 long stories fit in %d message", len(msgs))
			}
			if again := RenderDigest(d); !bytes.Equal(marshalMessages(t, again), marshalMessages(t, msgs)) {
				t.Fatal("rendering the same digest twice gave different messages")
			}
			// Every story appears exactly once, in order, across messages.
			joined := strings.Join(texts(t, msgs), "\n")
			last := -1
			for i := range n {
				marker := fmt.Sprintf("|Story %02d: ", i)
				if c := strings.Count(joined, marker); c != 1 {
					t.Errorf("story %d appears %d times in section links", i, c)
				}
				at := strings.Index(joined, marker)
				if at < last {
					t.Errorf("story %d is out of order", i)
				}
				last = at
			}
			if n > 0 && len(msgs) > 1 && !strings.Contains(msgs[1].Text, fmt.Sprintf("(2/%d)", len(msgs))) {
				t.Errorf("second message text %q lacks its part number", msgs[1].Text)
			}
		})
	}
}

func FuzzRenderDigest(f *testing.F) {
	f.Add("<!channel> @here <@U123> <https://evil.example|click>", "*bold* & `code`", "https://example.org/a|b>c")
	f.Add(strings.Repeat("&<>", 2000), "~_*`", "javascript:alert(1)")
	f.Add("\u202e\x00\n> quote", "", "http://[::1]:80/")
	f.Add("t", "n", `https://"0`) // once rendered as a link that no longer parsed
	f.Fuzz(func(t *testing.T, text, name, rawURL string) {
		d := digest.Digest{Title: text, Stories: []digest.Story{{
			Headline: text,
			Summary:  text,
			Sources:  []digest.Link{{Name: name, URL: rawURL}, {Name: text, URL: "https://ok.example/" + url.PathEscape(text)}},
			Actors:   []digest.Actor{{Name: name, Role: text, Affiliation: name, Said: text}},
			Quotes:   []digest.QuoteLine{{Text: text, Speaker: name}},
		}}}
		msgs := RenderDigest(d)
		checkLimits(t, msgs)
		host := ""
		if u, err := url.Parse(safeURLTarget(rawURL)); err == nil {
			host = u.Host
		}
		for _, s := range texts(t, msgs) {
			checkInertFuzz(t, s, host, "ok.example")
		}
	})
}

// safeURLTarget undoes the entity escaping of safeURL to recover its host.
func safeURLTarget(raw string) string {
	return strings.ReplaceAll(safeURL(raw), "&amp;", "&")
}

// checkInertFuzz is checkInert without the fixture-specific phrases.
func checkInertFuzz(t *testing.T, text string, hosts ...string) {
	t.Helper()
	for _, forbidden := range []string{"<!", "<@", "<#"} {
		if strings.Contains(text, forbidden) {
			t.Fatalf("text contains %q: %q", forbidden, text)
		}
	}
	rest := text
	for {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			return
		}
		j := strings.IndexByte(rest[i:], '>')
		if j < 0 {
			t.Fatalf("unterminated < in %q", text)
		}
		target, _, _ := strings.Cut(rest[i+1:i+j], "|")
		u, err := url.Parse(strings.ReplaceAll(target, "&amp;", "&"))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			t.Fatalf("control sequence %q is not a link", rest[i:i+j+1])
		}
		ok := false
		for _, h := range hosts {
			ok = ok || (h != "" && u.Host == h)
		}
		if !ok {
			t.Fatalf("link to unexpected host %q in %q", u.Host, text)
		}
		rest = rest[i+j+1:]
	}
}

func BenchmarkRenderDigest40Stories(b *testing.B) {
	d := bigDigest(40)
	b.ReportAllocs()
	for b.Loop() {
		RenderDigest(d)
	}
}

// An undated story says so instead of showing no time (or the time it was
// read, which would pass for today's news).
func TestUndatedStoryShowsDateUnknown(t *testing.T) {
	elems := sourceElements(digest.Story{Headline: "H", Sources: []digest.Link{{Name: "Wire"}}})
	if len(elems) == 0 || elems[0] != adapters.DateUnknown {
		t.Errorf("context elements %q, want %q first", elems, adapters.DateUnknown)
	}
	dated := sourceElements(digest.Story{Published: time.Date(2026, 10, 5, 11, 30, 0, 0, time.UTC)})
	if len(dated) == 0 || dated[0] != "5 Oct 2026 11:30 UTC" {
		t.Errorf("dated story context %q", dated)
	}
}
