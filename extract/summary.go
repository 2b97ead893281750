package extract

import (
	"strings"
)

// summary returns the lede: the first one or two sentences of the first
// paragraph that reads as running text, skipping the headline, photo
// captions and bylines (lines that do not end a sentence).
func (d *doc) summary() string {
	for _, p := range d.paras {
		if p.heading {
			continue
		}
		s := d.text[p.start:p.end]
		if len(strings.Fields(s)) < 12 || !strings.ContainsAny(s[len(s)-1:], ".!?”\"’") {
			continue
		}
		s = stripDateline(s)
		first := sentenceEnd(s, 0, d.g.vocabulary)
		if len(strings.Fields(s[:first])) < 20 && first < len(s) {
			first = sentenceEnd(s, first, d.g.vocabulary)
		}
		return strings.TrimSpace(s[:first])
	}
	return ""
}

// sentenceEnd returns the offset just past the sentence of s that starts at
// from: a period, question or exclamation mark followed by a space and a
// capital letter or quote, not after a short abbreviation.
func sentenceEnd(s string, from int, v *vocabulary) int {
	for i := from; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '"' || strings.HasPrefix(s[j:], "”")) {
			if s[j] == '"' {
				j++
			} else {
				j += len("”")
			}
		}
		if j+1 < len(s) && s[j] == ' ' && (isASCIIUpper(s[j+1]) || s[j+1] == '"' || s[j+1] >= 0x80) {
			w := s[strings.LastIndexByte(s[:i], ' ')+1 : i]
			if len(w) <= 2 && w != "" && isASCIIUpper(w[0]) || v.has(wAbbreviation, strings.ToLower(w)) {
				continue
			}
			return j
		}
	}
	return len(s)
}
