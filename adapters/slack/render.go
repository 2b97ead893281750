package slack

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
)

// Slack's Block Kit limits, and the budgets derived from them.
const (
	maxBlocksPerMessage = 50
	maxSectionText      = 3000
	maxHeaderText       = 150
	maxContextElements  = 10
	// maxMessageText bounds the text of all blocks of one message. Slack
	// rejects very large messages with msg_too_long well before 50 full
	// sections, so messages are cut at a conservative total.
	maxMessageText = 12000
	// maxFallbackText bounds the notification text of a message.
	maxFallbackText = 1000
	// Stories show at most this many actor and quote bullets.
	maxActorsPerStory = 10
	maxQuotesPerStory = 10
)

// Message is one Slack message: its Block Kit blocks and the text Slack shows
// in notifications and to clients that cannot draw blocks. Both are already
// escaped.
type Message struct {
	Text   string
	Blocks []slackgo.Block
}

// RenderDigest renders d as one or more messages. The split depends only on
// d, so message i is the same on every call: a resumed delivery can skip the
// messages an earlier attempt posted.
func RenderDigest(d digest.Digest) []Message {
	title := flatten(d.Title, -1)
	if title == "" {
		title = "attache digest"
	}
	p := newPacker()
	header := clip(title, maxHeaderText, maxHeaderText)
	p.add(slackgo.NewHeaderBlock(plainText(header)), slackLen(header))
	span := digestSpan(d)
	if span != "" {
		p.add(contextBlock(span), slackLen(span))
	}
	if d.Empty() {
		p.addSection("No new stories.")
	}
	for _, s := range d.Stories {
		p.addStory(storyBlocks(s), clip(storyHeadline(s), 200, 600))
	}
	if d.Omitted > 0 {
		more := fmt.Sprintf("%d more %s not shown.", d.Omitted, plural(d.Omitted, "story", "stories"))
		p.add(contextBlock(more), slackLen(more))
	}
	if note := clip(adapters.HealthNote(d), 1000, 3000); note != "" {
		p.add(contextBlock(note), slackLen(note))
	}
	return p.messages(clip(title, 200, 600))
}

// RenderReply renders a command reply: its title, bullets and text, then
// the digest it carries, if any.
func RenderReply(r adapters.Reply) []Message {
	p := newPacker()
	fallback := ""
	if t := strings.TrimSpace(r.Title); t != "" {
		fallback = clip(t, 200, 600)
		prefix := ""
		if r.Error {
			prefix = ":warning: "
		}
		p.addSection(prefix + "*" + clip(t, 500, 1500) + "*")
	}
	var lines []string
	for _, l := range r.Lines {
		if line := replyLine(l); line != "" {
			lines = append(lines, line)
		}
	}
	for _, section := range chunkLines(lines, maxSectionText) {
		p.addSection(section)
	}
	if text := escapeMultiline(r.Text); text != "" {
		if fallback == "" {
			fallback = clip(firstLine(r.Text), 200, 600)
		}
		if r.Error && r.Title == "" {
			text = ":warning: " + text
		}
		for _, section := range chunkLines(strings.Split(text, "\n"), maxSectionText) {
			p.addSection(section)
		}
	}
	var msgs []Message
	if p.hasContent() {
		if fallback == "" {
			fallback = "attache"
		}
		msgs = p.messages(fallback)
	}
	if r.Digest != nil {
		msgs = append(msgs, RenderDigest(*r.Digest)...)
	}
	if len(msgs) == 0 {
		msgs = []Message{{Text: "Done.", Blocks: []slackgo.Block{section("Done.")}}}
	}
	return msgs
}

// renderedBlock is a block with the length of its text, for budgeting.
type renderedBlock struct {
	block slackgo.Block
	chars int
}

// storyBlocks renders one story: sections with the headline, summary, actor
// and quote bullets, then a context block naming the sources.
func storyBlocks(s digest.Story) []renderedBlock {
	var lead string
	if len(s.Sources) > 0 {
		lead = s.Sources[0].URL
	}
	headline := storyHeadline(s)
	var lines []string
	if l := boundedLink(lead, clip(headline, 250, 750)); l != "" {
		lines = append(lines, "*"+l+"*")
	}
	if summary := clip(s.Summary, 600, 1800); summary != "" {
		lines = append(lines, summary)
	}
	if len(s.Actors) > 0 {
		lines = append(lines, "*Key actors*")
		for i, a := range s.Actors {
			if i == maxActorsPerStory {
				lines = append(lines, fmt.Sprintf("• …and %d more", len(s.Actors)-i))
				break
			}
			lines = append(lines, actorLine(a))
		}
	}
	if len(s.Quotes) > 0 {
		lines = append(lines, "*Quotes*")
		for i, q := range s.Quotes {
			if i == maxQuotesPerStory {
				lines = append(lines, fmt.Sprintf("• …and %d more", len(s.Quotes)-i))
				break
			}
			lines = append(lines, quoteLine(q.Text, q.Speaker))
		}
	}
	var blocks []renderedBlock
	for _, text := range chunkLines(lines, maxSectionText) {
		blocks = append(blocks, renderedBlock{section(text), slackLen(text)})
	}
	if elems := sourceElements(s); len(elems) > 0 {
		chars := 0
		mixed := make([]slackgo.MixedElement, len(elems))
		for i, e := range elems {
			mixed[i] = mrkdwnText(e)
			chars += slackLen(e)
		}
		blocks = append(blocks, renderedBlock{slackgo.NewContextBlock("", mixed...), chars})
	}
	return blocks
}

func storyHeadline(s digest.Story) string {
	if h := strings.TrimSpace(s.Headline); h != "" {
		return h
	}
	if len(s.Sources) > 0 && strings.TrimSpace(s.Sources[0].Title) != "" {
		return s.Sources[0].Title
	}
	return "Untitled story"
}

// actorLine renders "• *Name* — Role, Affiliation — “said”".
func actorLine(a digest.Actor) string {
	var b strings.Builder
	b.WriteString("• *")
	b.WriteString(clip(a.Name, 100, 300))
	b.WriteString("*")
	var about []string
	if r := clip(a.Role, 150, 450); r != "" {
		about = append(about, r)
	}
	if f := clip(a.Affiliation, 150, 450); f != "" {
		about = append(about, f)
	}
	if len(about) > 0 {
		b.WriteString(" — ")
		b.WriteString(strings.Join(about, ", "))
	}
	if said := clip(a.Said, 250, 750); said != "" {
		b.WriteString(" — “")
		b.WriteString(said)
		b.WriteString("”")
	}
	return b.String()
}

// quoteLine renders "• “text” — speaker".
func quoteLine(text, speaker string) string {
	line := "• “" + clip(text, 500, 1500) + "”"
	if sp := clip(speaker, 100, 300); sp != "" {
		line += " — " + sp
	} else {
		line += " — unattributed"
	}
	return line
}

// replyLine renders one bullet of a command reply.
func replyLine(l adapters.Line) string {
	var parts []string
	if t := clip(l.Text, 500, 1500); t != "" {
		parts = append(parts, t)
	}
	if q := clip(l.Quote, 500, 1500); q != "" {
		parts = append(parts, "“"+q+"”")
	}
	label := l.Label
	if strings.TrimSpace(label) == "" && safeURL(l.URL) != "" {
		label = "link"
	}
	if lk := boundedLink(l.URL, clip(label, 80, 240)); lk != "" {
		if len(parts) > 0 {
			// "“quote” — Article title": the dash keeps the title from
			// reading as the quote's continuation.
			lk = "— " + lk
		}
		parts = append(parts, lk)
	}
	if len(parts) == 0 {
		return ""
	}
	return "• " + strings.Join(parts, " ")
}

// sourceElements renders the context line of a story: its time and up to
// maxContextElements links to its articles.
func sourceElements(s digest.Story) []string {
	var elems []string
	elems = append(elems, adapters.StoryDate(s))
	for i, src := range s.Sources {
		if len(elems) == maxContextElements-1 && len(s.Sources)-i > 1 {
			n := len(s.Sources) - i
			elems = append(elems, fmt.Sprintf("+%d more %s", n, plural(n, "source", "sources")))
			break
		}
		name := strings.TrimSpace(src.Name)
		if name == "" {
			name = src.Title
		}
		if name == "" {
			name = "source"
		}
		if l := boundedLink(src.URL, clip(name, 80, 240)); l != "" {
			elems = append(elems, l)
		}
	}
	return elems
}

func digestSpan(d digest.Digest) string {
	const layout = "2 Jan 2006 15:04 MST"
	switch {
	case d.Since.IsZero() && d.Until.IsZero():
		return ""
	case d.Since.IsZero():
		return "Until " + d.Until.Format(layout)
	case d.Until.IsZero():
		return "Since " + d.Since.Format(layout)
	}
	return d.Since.Format(layout) + " – " + d.Until.Format(layout)
}

// clip flattens and escapes untrusted text, cutting it (with "…") so that
// it keeps at most maxRunes characters of the original and, once escaped,
// at most maxEscaped characters. It cuts the plain text, before escaping,
// so an entity is never cut in half.
func clip(s string, maxRunes, maxEscaped int) string {
	s = flatten(s, maxRunes+1) // one more than kept tells whether to cut
	if utf8.RuneCountInString(s) <= maxRunes {
		if out := textEscaper.Replace(s); slackLen(out) <= maxEscaped {
			return out
		}
	}
	budget := maxEscaped - 1 // room for "…"
	kept, size, end := 0, 0, 0
	for i, r := range s {
		w := escapedLen(r)
		if kept == maxRunes-1 || size+w > budget {
			break
		}
		kept, size, end = kept+1, size+w, i+utf8.RuneLen(r)
	}
	return textEscaper.Replace(strings.TrimRightFunc(s[:end], unicode.IsSpace)) + "…"
}

// escapedLen is the slackLen of r once escaped by textEscaper.
func escapedLen(r rune) int {
	switch r {
	case '&':
		return len("&amp;")
	case '<', '>':
		return len("&lt;")
	}
	return utf16.RuneLen(r) // the look-alikes are one unit, like what they replace
}

// boundedLink renders <url|label> for an already escaped label, or the label
// alone when rawURL is not a usable http(s) URL or is too long to keep a
// line within a section. A | in the label becomes a look-alike, so the label
// reads the same whichever | Slack splits at.
func boundedLink(rawURL, escapedLabel string) string {
	u := safeURL(rawURL)
	if slackLen(u) > maxURLLength {
		u = ""
	}
	if u != "" {
		escapedLabel = strings.ReplaceAll(escapedLabel, "|", "\u2223")
	}
	switch {
	case u == "":
		return escapedLabel
	case escapedLabel == "":
		return "<" + u + ">"
	}
	return "<" + u + "|" + escapedLabel + ">"
}

// escapeMultiline escapes untrusted text line by line, keeping line breaks.
func escapeMultiline(s string) string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		lines = append(lines, clip(l, 1000, maxSectionText))
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// chunkLines joins lines into texts of at most limit characters, cutting
// only between lines. Every line is already shorter than limit.
func chunkLines(lines []string, limit int) []string {
	var chunks []string
	var cur strings.Builder
	size := 0
	for _, l := range lines {
		if l == "" {
			continue
		}
		n := slackLen(l)
		if size > 0 && size+1+n > limit {
			chunks = append(chunks, cur.String())
			cur.Reset()
			size = 0
		}
		if size > 0 {
			cur.WriteByte('\n')
			size++
		}
		cur.WriteString(l)
		size += n
	}
	if cur.Len() > 0 {
		chunks = append(chunks, cur.String())
	}
	return chunks
}

func section(mrkdwn string) *slackgo.SectionBlock {
	return slackgo.NewSectionBlock(mrkdwnText(mrkdwn), nil, nil)
}

// mrkdwnText is a verbatim mrkdwn object: Slack does not turn bare URLs,
// #channel names or @names in it into links or mentions.
func mrkdwnText(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.MarkdownType, s, false, true)
}

func plainText(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.PlainTextType, s, true, false)
}

func contextBlock(mrkdwn string) *slackgo.ContextBlock {
	return slackgo.NewContextBlock("", mrkdwnText(mrkdwn))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
