package store

import (
	"strings"
	"unicode"

	"github.com/attache-bot/attache/extract"
)

// nameTokens splits a name into folded words, without the punctuation
// around them: "Ban Ki-moon," gives "ban", "ki-moon".
func nameTokens(name string) []string {
	fields := strings.Fields(extract.Fold(name))
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
