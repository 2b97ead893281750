package store

import (
	"strings"
	"unicode"

	"github.com/attache-bot/attache/extract"
)

// nameTokens splits a name into folded words, without the punctuation
// around them: "Ban Ki-moon," gives "ban", "ki-moon".
//
// Invalid UTF-8 becomes U+FFFD first: extract.Fold keeps stray bytes, and
// dropping a mark between two of them can join them into a new character,
// so folding a folded name would change it again.
func nameTokens(name string) []string {
	fields := strings.Fields(extract.Fold(strings.ToValidUTF8(name, "\uFFFD")))
	tokens := fields[:0]
	for _, f := range fields {
		f = strings.TrimFunc(f, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		if f != "" {
			tokens = append(tokens, f)
		}
	}
	return tokens
}

// foldName is the identity of a name: its folded words joined by single
// spaces, so "Jean-Marc  AYRAULT" and "jean-marc ayrault" are one person.
func foldName(name string) string {
	return strings.Join(nameTokens(name), " ")
}

// cleanName is a name as displayed: trimmed, inner whitespace collapsed.
func cleanName(name string) string {
	return strings.Join(strings.Fields(name), " ")
}
