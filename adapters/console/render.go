package console

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
)

// Formats the renderers accept.
const (
	Markdown = "markdown"
	Text     = "text"
	JSON     = "json"
)

// style is what differs between the Markdown and plain-text renderings; the
// layout itself is written once, in storyMessage and replyText.
type style struct {
	text    func(string) string // untrusted text, escaped
	link    func(label, url string) string
	strong  func(string) string // already-escaped text made prominent
	title   func(string) string // the digest title, escaped, as a block
	heading func(string) string // a story headline, escaped, as a block
	section func(string) string // "Key actors", "Quotes"
}

var markdownStyle = style{
	text:    md,
	link:    mdLink,
	strong:  func(s string) string { return "**" + s + "**" },
	title:   func(s string) string { return "# " + s },
	heading: func(s string) string { return "## " + s },
	section: func(s string) string { return "**" + s + "**" },
}

var textStyle = style{
	text:    oneLine,
	link:    textLink,
	strong:  func(s string) string { return s },
	title:   func(s string) string { return s + "\n" + strings.Repeat("=", utf8.RuneCountInString(s)) },
	heading: func(s string) string { return s + "\n" + strings.Repeat("-", utf8.RuneCountInString(s)) },
	section: func(s string) string { return s + ":" },
}

func styleFor(format string) (style, error) {
	switch strings.ToLower(format) {
	case Markdown, "md", "":
		return markdownStyle, nil
	case Text, "txt", "plain":
		return textStyle, nil
	}
	return style{}, fmt.Errorf("console: unknown format %q (want markdown, text or json)", format)
}

// Render writes d in format: "markdown" (the default), "text" or "json".
func Render(w io.Writer, d digest.Digest, format string) error {
	msgs, err := Messages(d, format)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, strings.Join(msgs, "\n")); err != nil {
		return fmt.Errorf("console: write digest: %w", err)
	}
	return nil
}

// Messages renders d as the messages a delivery posts, in order: the title,
// then one per story, then a note on omitted stories. JSON is one message.
// Each message ends with a newline.
func Messages(d digest.Digest, format string) ([]string, error) {
	if strings.EqualFold(format, JSON) {
		data, err := json.MarshalIndent(d, "", "  ")
		if err != nil {
			return nil, fmt.Errorf("console: encode digest: %w", err)
		}
		return []string{string(data) + "\n"}, nil
	}
	st, err := styleFor(format)
	if err != nil {
		return nil, err
	}
	header := st.title(st.text(d.Title)) + "\n"
	if d.Empty() {
		header += "\nNo new stories.\n"
	}
	msgs := []string{header}
	for _, s := range d.Stories {
		msgs = append(msgs, storyMessage(st, s))
	}
	if d.Omitted > 0 {
		msgs = append(msgs, fmt.Sprintf("%d more %s not shown.\n", d.Omitted, plural(d.Omitted, "story", "stories")))
	}
	if note := adapters.HealthNote(d); note != "" {
		msgs = append(msgs, st.text(note)+"\n")
	}
	return msgs, nil
}

func storyMessage(st style, s digest.Story) string {
	var b strings.Builder
	b.WriteString(st.heading(st.text(s.Headline)) + "\n\n")
	if len(s.Sources) > 0 {
		links := make([]string, len(s.Sources))
		for i, l := range s.Sources {
			links[i] = st.link(l.Name, l.URL)
		}
		b.WriteString("Sources: " + strings.Join(links, " · ") + " (" + st.text(adapters.StoryDate(s)) + ")\n\n")
	}
	if summary := st.text(s.Summary); summary != "" {
		b.WriteString(summary + "\n\n")
	}
	if len(s.Actors) > 0 {
		b.WriteString(st.section("Key actors") + "\n\n")
		for _, a := range s.Actors {
			b.WriteString("- " + st.strong(st.text(a.Name)) + actorDetail(st, a) + "\n")
		}
		b.WriteString("\n")
	}
	if len(s.Quotes) > 0 {
		b.WriteString(st.section("Quotes") + "\n\n")
		for _, q := range s.Quotes {
			b.WriteString(`- "` + st.text(q.Text) + `" — ` + st.text(q.Speaker) + "\n")
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// actorDetail is " — role, affiliation", with whichever parts are known.
func actorDetail(st style, a digest.Actor) string {
	var parts []string
	for _, p := range []string{a.Role, a.Affiliation} {
		if p = st.text(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " — " + strings.Join(parts, ", ")
}

// RenderReply writes a command reply (who, quotes, help, ...) in format.
func RenderReply(w io.Writer, r adapters.Reply, format string) error {
	var out string
	if strings.EqualFold(format, JSON) {
		data, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			return fmt.Errorf("console: encode reply: %w", err)
		}
		out = string(data) + "\n"
	} else {
		st, err := styleFor(format)
		if err != nil {
			return err
		}
		out = replyText(st, r)
		if r.Digest != nil {
			msgs, err := Messages(*r.Digest, format)
			if err != nil {
				return err
			}
			out = strings.Join(append([]string{out}, msgs...), "\n")
		}
	}
	if _, err := io.WriteString(w, out); err != nil {
		return fmt.Errorf("console: write reply: %w", err)
	}
	return nil
}

func replyText(st style, r adapters.Reply) string {
	var blocks []string
	if t := st.text(r.Title); t != "" {
		blocks = append(blocks, st.strong(t))
	}
	if len(r.Lines) > 0 {
		lines := make([]string, len(r.Lines))
		for i, l := range r.Lines {
			lines[i] = "- " + replyLine(st, l)
		}
		blocks = append(blocks, strings.Join(lines, "\n"))
	}
	if r.Text != "" {
		// Free text keeps its lines (usage lists one command a line).
		var lines []string
		for line := range strings.SplitSeq(r.Text, "\n") {
			lines = append(lines, st.text(line))
		}
		blocks = append(blocks, strings.Join(lines, "\n"))
	}
	if len(blocks) == 0 {
		return ""
	}
	return strings.Join(blocks, "\n\n") + "\n"
}

// replyLine renders `Text "Quote" — Label`, skipping what is empty.
func replyLine(st style, l adapters.Line) string {
	var parts []string
	if t := st.text(l.Text); t != "" {
		parts = append(parts, t)
	}
	if q := st.text(l.Quote); q != "" {
		parts = append(parts, `"`+q+`"`)
	}
	s := strings.Join(parts, " ")
	if l.Label != "" || l.URL != "" {
		if link := st.link(l.Label, l.URL); link != "" {
			if s != "" {
				s += " — "
			}
			s += link
		}
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ValidFormat reports whether format is one Render and RenderReply accept.
func ValidFormat(format string) bool {
	if strings.EqualFold(format, JSON) {
		return true
	}
	_, err := styleFor(format)
	return err == nil
}

// PlainText makes untrusted text safe to print on a terminal as one line:
// control characters removed, whitespace collapsed.
func PlainText(s string) string { return oneLine(s) }
