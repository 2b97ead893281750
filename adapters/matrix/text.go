package matrix

import (
	"html"
	"strings"
	"unicode/utf8"

	"github.com/attache-bot/attache/internal/urlsafe"
)

// Bounds on text taken from articles, so that one story or one reply line
// can never outgrow a message on its own.
const (
	maxHeadlineRunes = 300
	maxSummaryRunes  = 1500
	maxNameRunes     = 120
	maxRoleRunes     = 200
	maxQuoteRunes    = 800
	maxLineRunes     = 800
	maxListItems     = 12
	maxSources       = 8
)

// oneLine collapses all whitespace (newlines included) to single spaces and
// cuts s to at most max runes, marking the cut with an ellipsis.
func oneLine(s string, max int) string {
	return truncateRunes(strings.Join(strings.Fields(s), " "), max)
}

// truncateRunes cuts s to at most max runes, ending with "…" when cut.
func truncateRunes(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// esc escapes text for HTML element content and attribute values.
func esc(s string) string { return html.EscapeString(s) }

// safeURL returns u when the project's URL policy (urlsafe.Link) lets it be
// a link target, in its canonical form, and "" otherwise (javascript:,
// data:, relative, user info, oversized).
func safeURL(u string) string { return urlsafe.Link(u) }

// linkHTML renders label as a link to target when target is safe, else as
// plain escaped text.
func linkHTML(label, target string) string {
	if target = safeURL(target); target == "" {
		return esc(label)
	}
	return `<a href="` + esc(target) + `">` + esc(label) + `</a>`
}

// linkPlain renders a link for the plain body as "label <url>".
func linkPlain(label, target string) string {
	if target = safeURL(target); target == "" {
		return label
	}
	if label == "" {
		return target
	}
	return label + " <" + target + ">"
}

// quoted puts a verbatim quote in typographic quotation marks.
func quoted(s string) string { return "“" + s + "”" }
