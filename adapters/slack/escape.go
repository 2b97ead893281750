package slack

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/attache-bot/attache/internal/urlsafe"
)

// maxURLLength bounds links within a section; a longer URL is shown as its
// label only.
const maxURLLength = 2000

// textEscaper makes untrusted text inert in Slack mrkdwn. &, < and > become
// entities, so the text can neither mention (<!channel>, <@U…>) nor forge a
// link (<http://x|y>). Slack has no escape for the formatting characters, so
// *, _ and ~ that could open or close formatting are swapped for
// look-alikes that Slack does not interpret (otherwise a name like "*Foo"
// could bold the rest of a bullet), and so is every `. A *, _ or ~ between
// two letters or digits stays: Slack formats only at word boundaries, and a
// file name such as 000_dca0585e.txt must read as itself.
var textEscaper mrkdwnEscaper

type mrkdwnEscaper struct{}

var entityEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// lookAlikes replace the formatting characters.
var lookAlikes = map[rune]rune{
	'*': '\u2217', // ∗ asterisk operator
	'_': '\u02CD', // ˍ modifier letter low macron
	'~': '\u223C', // ∼ tilde operator
	'`': '\u02CB', // ˋ modifier letter grave accent
}

func (mrkdwnEscaper) Replace(s string) string {
	if !strings.ContainsAny(s, "*_~`") {
		return entityEscaper.Replace(s)
	}
	in := []rune(s)
	out := make([]rune, len(in))
	for i, r := range in {
		out[i] = r
		la, ok := lookAlikes[r]
		if !ok {
			continue
		}
		// Neighbours are read from the input: ˍ and ˋ are letters.
		if r != '`' && i > 0 && i+1 < len(in) && isWordRune(in[i-1]) && isWordRune(in[i+1]) {
			continue // inside a word: Slack does not format there
		}
		out[i] = la
	}
	return entityEscaper.Replace(string(out))
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// escapeText returns s, flattened to one line, safe to place in mrkdwn or
// plain_text.
func escapeText(s string) string {
	return textEscaper.Replace(flatten(s, -1))
}

// flatten collapses runs of white space (line breaks included) and drops
// control and format characters, so article text cannot start a block quote
// or a code block on a new line, nor hide text with bidi overrides. It stops
// after limit characters when limit >= 0, so clipping a long text does not
// cost a pass over all of it.
func flatten(s string, limit int) string {
	var b strings.Builder
	b.Grow(min(len(s), max(limit, 0)*4+4))
	space := false
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && r > ' ' && r != 0x7f:
			// printable ASCII, the common case
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == utf8.RuneError:
			continue
		}
		if limit == 0 {
			break
		}
		if space {
			b.WriteByte(' ')
			space = false
			if limit--; limit == 0 {
				break
			}
		}
		b.WriteRune(r)
		limit--
	}
	return b.String()
}

// slackLen counts what Slack's limits count: UTF-16 code units, which is at
// least the number of characters.
func slackLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// safeURL returns u in a form that can sit inside <u|label>, or "" when the
// project's URL policy (urlsafe.Link) refuses it. Link leaves no <, >, | or
// space in it; & is written as an entity like everywhere else in a message.
func safeURL(u string) string {
	return strings.ReplaceAll(urlsafe.Link(u), "&", "&amp;")
}
