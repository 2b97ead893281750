package console

import (
	"net/url"
	"strings"
	"unicode"
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

// safeURL returns u when it is an absolute http(s) URL, in a form that
// cannot break out of a Markdown link target, and "" otherwise (so a forged
// javascript: link is never rendered as a link).
func safeURL(u string) string {
	parsed, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
		return ""
	}
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(parsed.String())
}

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
