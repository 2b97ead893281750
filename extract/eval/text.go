package eval

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file holds score.py's text helpers: fold, words, norm_space,
// strip_marks, locate and overlap, with Python's semantics where they differ
// from Go's (str.lower, str.isspace, the Unicode-aware \b of re).

// fold is score.py's fold: NFKD, combining marks (canonical combining class
// not 0) dropped, curly quotes made straight, then Python's str.lower.
func fold(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(s))
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		if r >= utf8.RuneSelf {
			n := utf8.EncodeRune(buf[:], r)
			if norm.NFKD.Properties(buf[:n]).CCC() != 0 {
				continue
			}
		}
		switch r {
		case '\u2018', '\u2019':
			r = '\''
		case '\u201c', '\u201d':
			r = '"'
		}
		b.WriteRune(r)
	}
	return pyLower(b.String())
}

// pyLower is Python's str.lower: the full lower-case mapping, whose only
// differences from unicode.ToLower are U+0130 (two runes) and the capital
// sigma, which becomes final sigma at the end of a word.
func pyLower(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		switch r {
		case '\u0130':
			b.WriteString("i\u0307")
		case '\u03a3':
			if finalSigma(rs, i) {
				b.WriteRune('\u03c2')
			} else {
				b.WriteRune('\u03c3')
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the capital sigma at rs[i] is in the
// Final_Sigma context, as CPython's handle_capital_sigma decides it: a cased
// letter before it and none after it, case-ignorable runes skipped.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && caseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !cased(rs[j])
}

func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '\u00b7', '\u0387', '\u055f', '\u05f4', '\u2018', '\u2019',
		'\u2024', '\u2027', '\ufe13', '\ufe52', '\ufe55', '\uff07', '\uff0e', '\uff1a':
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// pySpace is Python's str.isspace, which is also what \s matches in a str
// pattern and what str.strip() removes.
func pySpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', '\x1c', '\x1d', '\x1e', '\x1f', ' ',
		'\u0085', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// pyWord is a word rune for \b in a Python str pattern: alphanumeric
// (letters and numbers of any script) or underscore.
func pyWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

func isAZ(r rune) bool { return r >= 'a' && r <= 'z' }

// boundaryBefore reports whether \b holds just before rs[p], given that
// rs[p] is a word rune.
func boundaryBefore(rs []rune, p int) bool { return p == 0 || !pyWord(rs[p-1]) }

// words is score.py's words: the folded text's ASCII words, with dotted
// initials joined ("u.n." is "un"), the dot of a one- or two-letter
// abbreviation dropped and a possessive "'s" removed.
func words(s string) []string {
	rs := []rune(fold(s))

	// re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", s)
	out := make([]rune, 0, len(rs))
	for p := 0; p < len(rs); {
		if isAZ(rs[p]) && boundaryBefore(rs, p) && p+3 < len(rs) &&
			rs[p+1] == '.' && isAZ(rs[p+2]) && rs[p+3] == '.' {
			out = append(out, rs[p])
			p += 2
			continue
		}
		out = append(out, rs[p])
		p++
	}

	// re.sub(r"\b([a-z]{1,2})\.", r"\1", s)
	rs, out = out, make([]rune, 0, len(out))
	for p := 0; p < len(rs); {
		if isAZ(rs[p]) && boundaryBefore(rs, p) {
			if p+2 < len(rs) && isAZ(rs[p+1]) && rs[p+2] == '.' {
				out = append(out, rs[p], rs[p+1])
				p += 3
				continue
			}
			if p+1 < len(rs) && rs[p+1] == '.' {
				out = append(out, rs[p])
				p += 2
				continue
			}
		}
		out = append(out, rs[p])
		p++
	}

	// re.sub(r"'s\b", "", s)
	rs, out = out, make([]rune, 0, len(out))
	for p := 0; p < len(rs); {
		if rs[p] == '\'' && p+1 < len(rs) && rs[p+1] == 's' && (p+2 == len(rs) || !pyWord(rs[p+2])) {
			p += 2
			continue
		}
		out = append(out, rs[p])
		p++
	}

	// re.findall(r"[a-z0-9]+", s)
	var ws []string
	start := -1
	for p := 0; p <= len(out); p++ {
		in := p < len(out) && (isAZ(out[p]) || out[p] >= '0' && out[p] <= '9')
		switch {
		case in && start < 0:
			start = p
		case !in && start >= 0:
			ws = append(ws, string(out[start:p]))
			start = -1
		}
	}
	return ws
}

// normSpace is score.py's norm_space: folded, each run of white space one
// space, trimmed.
func normSpace(s string) string {
	f := fold(s)
	var b strings.Builder
	b.Grow(len(f))
	space := false
	for _, r := range f {
		if pySpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// stripMarks is score.py's strip_marks: white space, then quotation marks
// and spaces, then white space trimmed from both ends.
func stripMarks(s string) string {
	s = strings.TrimFunc(s, pySpace)
	s = strings.Trim(s, "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb ")
	return strings.TrimFunc(s, pySpace)
}

// span is a range of runes (Python string indices) of the normalised text.
type span struct{ start, end int }

func (s span) len() int { return s.end - s.start }

// locate is score.py's locate: the span of needle (normalised, marks
// stripped) in hay, which is already normalised; retried without trailing
// punctuation. ok is false when the needle is shorter than two runes or
// absent.
func locate(hay, needle string) (sp span, ok bool) {
	needle = normSpace(stripMarks(needle))
	if utf8.RuneCountInString(needle) < 2 {
		return span{}, false
	}
	i := strings.Index(hay, needle)
	if i < 0 {
		n2 := strings.TrimRight(needle, ",.;:!? ")
		if utf8.RuneCountInString(n2) < 2 {
			return span{}, false
		}
		if i = strings.Index(hay, n2); i < 0 {
			return span{}, false
		}
		needle = n2
	}
	start := utf8.RuneCountInString(hay[:i])
	return span{start, start + utf8.RuneCountInString(needle)}, true
}

func overlap(a, b span) int {
	return max(0, min(a.end, b.end)-max(a.start, b.start))
}

// pyRepr is Python's repr of a str: single quotes unless the string holds a
// single quote and no double quote; backslash and the chosen quote escaped;
// \t, \n, \r and other unprintable runes escaped; the rest as it is.
func pyRepr(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == ' ' || unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			b.WriteString(`\x`)
			writeHex(&b, r, 2)
		case r < 0x10000:
			b.WriteString(`\u`)
			writeHex(&b, r, 4)
		default:
			b.WriteString(`\U`)
			writeHex(&b, r, 8)
		}
	}
	b.WriteByte(q)
	return b.String()
}

func writeHex(b *strings.Builder, r rune, digits int) {
	const hex = "0123456789abcdef"
	for i := digits - 1; i >= 0; i-- {
		b.WriteByte(hex[(r>>(4*i))&0xf])
	}
}

// head is s[:n] in Python: its first n runes.
func head(s string, n int) string {
	i := 0
	for p := range s {
		if i == n {
			return s[:p]
		}
		i++
	}
	return s
}

// pyFloat3 is Python's "%.3f", which prints NaN as "nan".
func pyFloat3(f float64) string {
	if math.IsNaN(f) {
		return "nan"
	}
	return strconv.FormatFloat(f, 'f', 3, 64)
}
