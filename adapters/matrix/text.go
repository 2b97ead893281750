package matrix

import (
	"html"
	"net/url"
	"strings"
	"unicode/utf8"
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
	maxURLBytes      = 2048
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

// safeURL returns u when it is an absolute http or https URL fit to be a
// link target, and "" otherwise (javascript:, data:, relative, oversized).
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	if u == "" || len(u) > maxURLBytes {
		return ""
	}
	parsed, err := url.Parse(u)
	if err != nil || parsed.Host == "" {
		return ""
	}
	switch strings.ToLower(parsed.Scheme) {
	case "http", "https":
		return urlUnsafe.Replace(parsed.String())
	}
	return ""
}

// urlUnsafe percent-encodes the characters url.URL.String leaves in a query
// or fragment that would end a link early in plain text ("label <url>") or
// confuse a client's linkifier.
var urlUnsafe = strings.NewReplacer(`"`, "%22", "<", "%3C", ">", "%3E", " ", "%20", "`", "%60", "{", "%7B", "}", "%7D", "|", "%7C", `\`, "%5C", "^", "%5E")

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
