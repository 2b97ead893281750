package console

import (
	"strings"
	"unicode"

	"github.com/attache-bot/attache/internal/urlsafe"
)

// oneLine makes untrusted text safe to print inline: control characters,
// including the ESC that starts terminal escape sequences, are removed and
// every run of whitespace (newlines too) becomes one space.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r), r == '\u2028', r == '\u2029', unicode.Is(unicode.Bidi_Control, r):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// markdownEscaper backslash-escapes the characters that start inline
// Markdown constructs (emphasis, code, links, HTML, tables, strikethrough).
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `~`, `\~`,
)

// md escapes untrusted text for inline use in Markdown. A leading character
// that would start a heading, list or quote block is escaped too, since
// summaries start lines of their own.
func md(s string) string {
	s = markdownEscaper.Replace(oneLine(s))
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '+', '-', '=':
		return `\` + s
	}
	// "1. text" or "1) text" would start an ordered list.
	digits := strings.TrimLeft(s, "0123456789")
	if len(digits) < len(s) && (strings.HasPrefix(digits, ". ") || strings.HasPrefix(digits, ") ")) {
		n := len(s) - len(digits)
		return s[:n] + `\` + s[n:]
	}
	return s
}

// safeURL returns u when the project's URL policy (urlsafe.Link) lets it be
// a link, and "" otherwise, so a forged javascript: link or one whose user
// info hides the real host is never rendered as a link. Link encodes the
// spaces, parentheses and angle brackets that would end a Markdown target.
func safeURL(u string) string { return urlsafe.Link(u) }

// mdLink renders a link, or just the escaped label when the URL is unsafe.
func mdLink(label, u string) string {
	label = md(label)
	if u = safeURL(u); u == "" {
		return label
	}
	if label == "" {
		return "<" + u + ">"
	}
	return "[" + label + "](" + u + ")"
}

// textLink renders a link for plain text: "label <url>".
func textLink(label, u string) string {
	label = oneLine(label)
	if u = safeURL(u); u == "" {
		return label
	}
	if label == "" {
		return "<" + u + ">"
	}
	return label + " <" + u + ">"
}
