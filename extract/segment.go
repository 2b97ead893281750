package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// paragraph is one non-empty line of the article, with its byte span.
type paragraph struct {
	start, end int
	title      bool // the headline
	heading    bool // a headline or an all-capitals subhead: no quotes, no names
	label      int  // offset of the colon ending a transcript speaker label, or -1
}

// splitParagraphs cuts text into its non-empty lines. Articles arrive as
// plain text with one paragraph per line, usually separated by blank lines.
func splitParagraphs(text string, v *vocabulary) []paragraph {
	var paras []paragraph
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		s, e := trimSpan(text, i, end)
		if s < e {
			paras = append(paras, paragraph{start: s, end: e, label: -1})
		}
		i = end + 1
	}
	if len(paras) > 0 {
		p := &paras[0]
		if isHeadline(text, *p, len(paras) > 1 && (blankBetween(text, p.end, paras[1].start) || runInHeadline(text, paras))) {
			p.title, p.heading = true, true
		}
	}
	for i := range paras {
		s := text[paras[i].start:paras[i].end]
		if isAllCaps(s) || isByline(s) {
			paras[i].heading = true
		}
	}
	markTranscript(text, paras, v)
	return paras
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

func blankBetween(text string, a, b int) bool {
	return strings.Count(text[a:b], "\n") >= 2
}

// isHeadline reports whether the first paragraph reads as a headline: short,
// followed by a blank line, and not a finished sentence of running text.
func isHeadline(text string, p paragraph, blankAfter bool) bool {
	s := text[p.start:p.end]
	if !blankAfter || len(s) > 250 {
		return false
	}
	words := len(strings.Fields(s))
	if words > 30 {
		return false
	}
	if strings.HasSuffix(s, ".") && words > 8 {
		return false
	}
	return true
}

// datelineOpening matches a paragraph that opens with a dateline: up to
// three capitalised words, perhaps a date after a comma, then a bracket,
// dash or slash ("ABU DHABI, 12th May, 2025 (WAM) --", "New Delhi, Jan 17
// (PTI)", "MOSCOW, March 4. /TASS/.").
var datelineOpening = regexp.MustCompile(`^(?:[A-Z][\pL'.-]* ){0,2}[A-Z][\pL'.-]*(?:, [\pL\pN ,.]{1,30}?)? ?(?:\(|--?|—|–|/)`)

// runInHeadline reports whether the first line is a headline that is not
// followed by a blank line, as in excerpts pasted from agency pages: it is
// short, ends without sentence punctuation and holds no quote, and the next
// line opens with a dateline or later paragraphs are set apart by blank
// lines.
func runInHeadline(text string, paras []paragraph) bool {
	s := text[paras[0].start:paras[0].end]
	if len(strings.Fields(s)) > 20 || strings.ContainsAny(s, "\"“”«»") || strings.ContainsAny(s[len(s)-1:], ".?!:;,)'’") {
		return false
	}
	if datelineOpening.MatchString(text[paras[1].start:paras[1].end]) {
		return true
	}
	for i := 2; i < len(paras); i++ {
		if blankBetween(text, paras[i-1].end, paras[i].start) {
			return true
		}
	}
	return false
}

// isAllCaps reports whether s has letters and none of them is lower case,
// as in the subheads that wire copy puts between sections.
func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// isByline reports whether a line names the writer ("By Jane Doe and John
// Roe, Reuters"): writers are not people of the story.
func isByline(s string) bool {
	return (strings.HasPrefix(s, "By ") || strings.HasPrefix(s, "BY ")) && len(strings.Fields(s)) <= 10 && !strings.ContainsAny(s, ".\"“")
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
