package matrix

import (
	"strconv"
	"strings"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
)

// block is a unit of rendering that is never split across messages: the
// digest header, one story, a reply's title, one reply line.
type block struct {
	plain string
	html  string
	// listItem blocks are <li> elements; consecutive ones share one <ul>.
	listItem bool
}

// renderDigest renders d as the blocks of its messages, in order.
func renderDigest(d digest.Digest) []block {
	title := oneLine(d.Title, maxHeadlineRunes)
	if title == "" {
		title = "attache digest"
	}
	header := block{plain: title, html: "<h3>" + esc(title) + "</h3>"}
	if d.Empty() {
		header.plain += "\nNo new stories."
		header.html += "<p>No new stories.</p>"
	}
	blocks := []block{header}
	for i, s := range d.Stories {
		blocks = append(blocks, renderStory(i+1, s))
	}
	if d.Omitted > 0 {
		more := strconv.Itoa(d.Omitted) + " more " + plural(d.Omitted, "story", "stories") + " not shown."
		blocks = append(blocks, block{plain: more, html: "<p><em>" + esc(more) + "</em></p>"})
	}
	if note := oneLine(adapters.HealthNote(d), 2000); note != "" {
		blocks = append(blocks, block{plain: note, html: "<p><em>" + esc(note) + "</em></p>"})
	}
	return blocks
}

// renderStory renders one numbered story: headline (linked to the lead
// article), summary, key actors, quotes and sources.
func renderStory(n int, s digest.Story) block {
	var p, h strings.Builder
	headline := oneLine(s.Headline, maxHeadlineRunes)
	leadURL := ""
	if len(s.Sources) > 0 {
		leadURL = s.Sources[0].URL
	}
	num := strconv.Itoa(n) + ". "
	p.WriteString(num + headline)
	h.WriteString("<h4>" + num + linkHTML(headline, leadURL) + "</h4>")

	if summary := oneLine(s.Summary, maxSummaryRunes); summary != "" {
		p.WriteString("\n" + summary)
		h.WriteString("<p>" + esc(summary) + "</p>")
	}

	quoteTexts := make(map[string]bool, len(s.Quotes))
	for _, q := range s.Quotes {
		quoteTexts[oneLine(q.Text, maxQuoteRunes)] = true
	}
	if len(s.Actors) > 0 {
		p.WriteString("\nKey actors:")
		h.WriteString("<p><strong>Key actors</strong></p><ul>")
		for _, a := range capped(s.Actors, maxListItems) {
			name := oneLine(a.Name, maxNameRunes)
			desc := actorDescription(a)
			p.WriteString("\n• " + name)
			h.WriteString("<li><strong>" + esc(name) + "</strong>")
			if desc != "" {
				p.WriteString(" — " + desc)
				h.WriteString(" — " + esc(desc))
			}
			// The actor's own line says what they said only when the quote
			// list does not already show it.
			if said := oneLine(a.Said, maxQuoteRunes); said != "" && !quoteTexts[said] {
				p.WriteString(": " + quoted(said))
				h.WriteString(": <em>" + esc(quoted(said)) + "</em>")
			}
			h.WriteString("</li>")
		}
		h.WriteString("</ul>")
	}
	if len(s.Quotes) > 0 {
		p.WriteString("\nQuotes:")
		h.WriteString("<p><strong>Quotes</strong></p><ul>")
		for _, q := range capped(s.Quotes, maxListItems) {
			text := quoted(oneLine(q.Text, maxQuoteRunes))
			speaker := oneLine(q.Speaker, maxNameRunes)
			p.WriteString("\n• " + text)
			h.WriteString("<li>" + esc(text))
			if speaker != "" {
				p.WriteString(" — " + speaker)
				h.WriteString(" — <em>" + esc(speaker) + "</em>")
			}
			h.WriteString("</li>")
		}
		h.WriteString("</ul>")
	}
	if len(s.Sources) > 0 {
		var ps, hs []string
		for _, src := range capped(s.Sources, maxSources) {
			name := oneLine(src.Name, maxNameRunes)
			if name == "" {
				name = oneLine(src.Title, maxNameRunes)
			}
			ps = append(ps, linkPlain(name, src.URL))
			hs = append(hs, linkHTML(name, src.URL))
		}
		date := adapters.StoryDate(s)
		p.WriteString("\nSources: " + strings.Join(ps, ", ") + " (" + date + ")")
		h.WriteString("<p>Sources: " + strings.Join(hs, ", ") + " (" + esc(date) + ")</p>")
	}
	return block{plain: p.String(), html: h.String()}
}

// actorDescription is "Role, Affiliation", either part possibly absent.
func actorDescription(a digest.Actor) string {
	var parts []string
	if role := oneLine(a.Role, maxRoleRunes); role != "" {
		parts = append(parts, role)
	}
	if aff := oneLine(a.Affiliation, maxRoleRunes); aff != "" {
		parts = append(parts, aff)
	}
	return strings.Join(parts, ", ")
}

// renderReply renders a command reply: bold title, bullet lines, free text,
// then the digest it carries, if any.
func renderReply(r adapters.Reply) []block {
	var blocks []block
	if title := oneLine(r.Title, maxHeadlineRunes); title != "" {
		blocks = append(blocks, block{plain: title, html: "<p><strong>" + esc(title) + "</strong></p>"})
	}
	for _, l := range r.Lines {
		blocks = append(blocks, renderLine(l))
	}
	if text := strings.TrimSpace(r.Text); text != "" {
		blocks = append(blocks, paragraph(text))
	}
	if r.Digest != nil {
		blocks = append(blocks, renderDigest(*r.Digest)...)
	}
	if len(blocks) == 0 {
		blocks = append(blocks, block{plain: "(no answer)", html: "<p><em>(no answer)</em></p>"})
	}
	return blocks
}

// renderLine renders one reply bullet: text, “quote”, link.
func renderLine(l adapters.Line) block {
	var p, h []string
	if text := oneLine(l.Text, maxLineRunes); text != "" {
		p = append(p, text)
		h = append(h, esc(text))
	}
	if q := oneLine(l.Quote, maxQuoteRunes); q != "" {
		p = append(p, quoted(q))
		h = append(h, "<em>"+esc(quoted(q))+"</em>")
	}
	label := oneLine(l.Label, maxHeadlineRunes)
	if label == "" && safeURL(l.URL) != "" {
		label = "link"
	}
	if label != "" {
		p = append(p, "— "+linkPlain(label, l.URL))
		h = append(h, "— "+linkHTML(label, l.URL))
	}
	return block{plain: "• " + strings.Join(p, " "), html: "<li>" + strings.Join(h, " ") + "</li>", listItem: true}
}

// paragraph renders free text, keeping its line breaks.
func paragraph(text string) block {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	escaped := make([]string, len(lines))
	for i, l := range lines {
		lines[i] = truncateRunes(strings.TrimRight(l, " \t"), maxLineRunes)
		escaped[i] = esc(lines[i])
	}
	return block{plain: strings.Join(lines, "\n"), html: "<p>" + strings.Join(escaped, "<br>") + "</p>"}
}

func capped[T any](items []T, max int) []T {
	if len(items) > max {
		return items[:max]
	}
	return items
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
