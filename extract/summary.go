package extract

import "strings"

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
		first := sentenceEnd(s, 0)
		if len(strings.Fields(s[:first])) < 20 && first < len(s) {
			first = sentenceEnd(s, first)
		}
		return strings.TrimSpace(s[:first])
	}
	return ""
}

// sentenceEnd returns the offset just past the sentence of s that starts at
// from: a period, question or exclamation mark followed by a space and a
// capital letter or quote, not after a short abbreviation.
func sentenceEnd(s string, from int) int {
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
			if len(w) <= 2 && w != "" && isASCIIUpper(w[0]) || isAbbreviation(strings.ToLower(w)) {
				continue
			}
			return j
		}
	}
	return len(s)
}

// stripDateline removes a leading dateline: "PARIS (Reuters) - ",
// "Doha: ", "UNITED NATIONS — ".
func stripDateline(s string) string {
	for _, sep := range []string{" - ", " — ", " – ", ": ", "_"} {
		i := strings.Index(s, sep)
		if i <= 0 || i > 40 {
			continue
		}
		head := s[:i]
		if strings.HasSuffix(head, ")") {
			if k := strings.Index(head, " ("); k > 0 {
				head = head[:k]
			}
		}
		if len(strings.Fields(head)) <= 3 && (isAllCaps(head) || sep == ": " || sep == "_") && !strings.ContainsAny(head, ".,\"“") {
			return strings.TrimSpace(s[i+len(sep):])
		}
	}
	return s
}
