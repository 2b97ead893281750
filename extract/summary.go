package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
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

// stripDateline removes a leading dateline: "PARIS (Reuters) - ",
// "Doha: ", "UNITED NATIONS — ", "Moscow_".
func stripDateline(s string) string {
	limit := min(len(s), 40)
	i := strings.IndexAny(s[:limit], ":_—–-")
	for i > 0 && s[i] == '-' && s[i-1] != ' ' {
		// A hyphen inside a word ("Al-Kubra") is not a separator.
		j := strings.IndexAny(s[i+1:limit], ":_—–-")
		if j < 0 {
			return s
		}
		i += 1 + j
	}
	if i <= 0 {
		return s
	}
	head := strings.TrimSpace(s[:i])
	if k := strings.Index(head, " ("); k > 0 && strings.HasSuffix(head, ")") {
		head = head[:k]
	}
	head = strings.TrimRight(head, ",0123456789 ")
	if k := strings.IndexByte(head, ','); k > 0 {
		head = head[:k] // "BEIJING, April 26"
	}
	if len(strings.Fields(head)) > 3 || strings.ContainsAny(head, ".\"“") || !(isAllCaps(head) || titleCase(head)) {
		return s
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return strings.TrimLeftFunc(s[i+n:], unicode.IsSpace)
}

// titleCase reports whether every word of s starts with an upper-case letter.
func titleCase(s string) bool {
	for _, w := range strings.Fields(s) {
		if !isASCIIUpper(w[0]) {
			return false
		}
	}
	return s != ""
}
