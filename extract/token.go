package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tokWord tokKind = iota
	tokPunct
	tokPossessive // 's or the bare apostrophe of "Belarus’"
)

// token is a word or punctuation mark with its byte span. low is the folded
// form used for every lexicon look-up.
type token struct {
	start, end int
	low        string
	cls        uint64 // the word classes of low (data/words), as vocabulary bits
	kind       tokKind
	cap        bool // begins with an upper-case letter
}

// in reports whether the token's word belongs to word class c; the classes
// are looked up once, when the token is made.
func (t token) in(c vocabClass) bool { return t.cls&(1<<c) != 0 }

// tokenize splits text[start:end] into tokens. Hyphens and apostrophes inside
// words stay in the word (Ki-moon, don't); a trailing 's is split off as a
// possessive; dotted abbreviations (U.S., Mr., A.) are kept whole.
func tokenize(text string, start, end int, out []token, v *vocabulary) []token {
	first := len(out)
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) || r == utf8.RuneError && n <= 1 {
			i += n
			continue
		}
		if !isWordRune(r) {
			out = append(out, token{start: i, end: i + n, kind: tokPunct, low: punctLow(r, text[i:i+n])})
			i += n
			continue
		}
		j := i + n
		for j < end {
			r2, n2 := utf8.DecodeRuneInString(text[j:end])
			if isWordRune(r2) {
				j += n2
				continue
			}
			if (r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '‑') && j+n2 < end {
				if r3, _ := utf8.DecodeRuneInString(text[j+n2 : end]); isWordRune(r3) {
					j += n2
					continue
				}
			}
			break
		}
		j = extendAbbreviation(text, i, j, end, v)
		w := text[i:j]
		if ps := possessiveSuffix(w); ps > 0 && j-ps > i {
			out = append(out, wordToken(text, i, j-ps))
			out = append(out, token{start: j - ps, end: j, kind: tokPossessive, low: "'s"})
		} else {
			out = append(out, wordToken(text, i, j))
			// "Belarus’ Foreign Minister": a bare apostrophe after a final s.
			if j < end && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') {
				if r2, n2 := utf8.DecodeRuneInString(text[j:end]); (r2 == '\'' || r2 == '’') && (j+n2 == end || text[j+n2] == ' ') {
					out = append(out, token{start: j, end: j + n2, kind: tokPossessive, low: "'"})
					j += n2
				}
			}
		}
		i = j
	}
	for k := first; k < len(out); k++ {
		out[k].cls = v.classes[out[k].low]
	}
	return out
}

// punctLow is the form a mark is read by: the long dashes that sign a quote
// or set off a clause ("” ― Carlos Raúl", "⸺ said …") read as the em dash,
// so that what is known of one is known of all. The en dash and the hyphen
// keep their own forms: they also join ranges and words.
func punctLow(r rune, s string) string {
	switch r {
	case '\u2012', '\u2015', '\u2E3A', '\u2E3B', '\uFE58': // figure dash, horizontal bar, two- and three-em dash, small em dash
		return "—"
	}
	return s
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func wordToken(text string, s, e int) token {
	w := text[s:e]
	r, _ := utf8.DecodeRuneInString(w)
	return token{start: s, end: e, kind: tokWord, low: Fold(w), cap: unicode.IsUpper(r)}
}

func possessiveSuffix(w string) int {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(w, suf) {
			return len(suf)
		}
	}
	return 0
}

// extendAbbreviation lets a word take its trailing period when it is an
// initial or a known abbreviation, and chains dotted capitals (U.S.A.).
func extendAbbreviation(text string, s, e, end int, v *vocabulary) int {
	if e >= end || text[e] != '.' {
		return e
	}
	w := text[s:e]
	r, n := utf8.DecodeRuneInString(w)
	single := n == len(w) && unicode.IsUpper(r)
	if !single && !v.has(wAbbreviation, strings.ToLower(w)) {
		return e
	}
	e++
	// U.S. / U.N. / U.S.A.
	for single && e+1 < end && isASCIIUpper(text[e]) && text[e+1] == '.' {
		e += 2
	}
	return e
}

func (t token) is(words ...string) bool {
	for _, w := range words {
		if t.low == w {
			return true
		}
	}
	return false
}
