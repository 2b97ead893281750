package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldRune maps an accented Latin letter (already lower-cased) to its
// unaccented ASCII form, and typographic apostrophes and quotes to straight
// ones. It is a fixed table rather than Unicode decomposition so that the
// package stays stdlib-only; it covers the Latin-1 and Latin Extended-A
// letters that appear in transliterated names.
func foldRune(r rune) (string, bool) {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą':
		return "a", true
	case 'æ':
		return "ae", true
	case 'ç', 'ć', 'ĉ', 'ċ', 'č':
		return "c", true
	case 'ď', 'đ', 'ð':
		return "d", true
	case 'è', 'é', 'ê', 'ë', 'ē', 'ĕ', 'ė', 'ę', 'ě':
		return "e", true
	case 'ĝ', 'ğ', 'ġ', 'ģ':
		return "g", true
	case 'ĥ', 'ħ':
		return "h", true
	case 'ì', 'í', 'î', 'ï', 'ĩ', 'ī', 'ĭ', 'į', 'ı':
		return "i", true
	case 'ĵ':
		return "j", true
	case 'ķ':
		return "k", true
	case 'ĺ', 'ļ', 'ľ', 'ŀ', 'ł':
		return "l", true
	case 'ñ', 'ń', 'ņ', 'ň':
		return "n", true
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ŏ', 'ő':
		return "o", true
	case 'œ':
		return "oe", true
	case 'ŕ', 'ŗ', 'ř':
		return "r", true
	case 'ś', 'ŝ', 'ş', 'š', 'ș':
		return "s", true
	case 'ß':
		return "ss", true
	case 'ţ', 'ť', 'ŧ', 'ț':
		return "t", true
	case 'þ':
		return "th", true
	case 'ù', 'ú', 'û', 'ü', 'ũ', 'ū', 'ŭ', 'ů', 'ű', 'ų':
		return "u", true
	case 'ŵ':
		return "w", true
	case 'ý', 'ÿ', 'ŷ':
		return "y", true
	case 'ź', 'ż', 'ž':
		return "z", true
	case '\u2018', '\u2019', '\u02bc':
		return "'", true
	case '\u201c', '\u201d':
		return "\"", true
	}
	return "", false
}

// Fold returns s lower-cased with Latin diacritics removed and typographic
// apostrophes made straight, so that "Çavuşoğlu" and "CAVUSOGLU" compare
// equal. Combining marks are dropped; invalid UTF-8 bytes are kept as they are.
func Fold(s string) string {
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
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteByte(s[i])
			i++
			continue
		}
		i += n
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldRune(r); ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isASCIIUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// isSentenceEnd reports whether a punctuation token ends a sentence.
func (t token) isSentenceEnd() bool {
	return t.kind == tokPunct && (t.low == "." || t.low == "!" || t.low == "?")
}
