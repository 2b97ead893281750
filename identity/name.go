package identity

import (
	"slices"
	"strings"
	"unicode"

	"github.com/attache-bot/attache/extract"
)

// Name is a person's name taken apart for comparison. Every part is a
// key: folded, respelled and mapped to its variant group, so two spellings
// of one name have equal parts.
type Name struct {
	// Surname is the key of the family name, particles left out
	// ("al-Assad" is "assad"); "" when the name has no word.
	Surname string
	// Given are the keys of the given names and patronymics in order,
	// initials as one letter ("George H. W." is george, h, w). For a
	// surname-first East Asian name it is one key, the given name's
	// syllables joined ("Jong Un", "Jong-un" and "Jongun" are jongun).
	Given []string
	// SurnameFirst is set for East Asian names read surname first.
	SurnameFirst bool
}

// Bare reports whether the name is a surname alone ("Lavrov").
func (n Name) Bare() bool { return len(n.Given) == 0 }

// Parse takes a name as an article writes it apart: titles before it
// ("Foreign Minister Sergey V. Lavrov"), what follows a comma or "of"
// ("Katie Allen, MD", "Mitch McConnell of Kentucky") and suffixes
// ("Jr.") are left out; hyphens separate words like spaces; accents,
// case and transliteration variants are unified.
func Parse(name string) Name {
	words := nameWords(name)
	if len(words) == 0 {
		return Name{}
	}
	if n, ok := parseSurnameFirst(words); ok {
		return n
	}
	return parseGivenFirst(words)
}

// nameWords splits a name into folded words, each a list of its hyphen
// and dot separated parts, without titles, suffixes and qualifiers.
func nameWords(name string) [][]string {
	if i := strings.IndexAny(name, ",;(/|"); i >= 0 {
		name = name[:i]
	}
	var words [][]string
	for _, f := range strings.Fields(extract.Fold(strings.ToValidUTF8(name, ""))) {
		if f == "of" && len(words) >= 2 {
			break // "McConnell of Kentucky": what follows qualifies the name
		}
		var parts []string
		for _, p := range strings.FieldsFunc(f, func(r rune) bool {
			return r == '-' || r == '.' || r == '\u2010' || r == '\u2011' || r == '\u2013' || r == '\''
		}) {
			p = strings.TrimFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if p != "" {
				parts = append(parts, p)
			}
		}
		if len(parts) > 0 {
			words = append(words, parts)
		}
	}
	// Titles before, suffixes after; at least one word always remains.
	for len(words) > 1 && len(words[0]) == 1 && titles[words[0][0]] {
		words = words[1:]
	}
	for len(words) > 1 && len(words[len(words)-1]) == 1 && suffixes[words[len(words)-1][0]] {
		words = words[:len(words)-1]
	}
	return words
}

// parseSurnameFirst reads "Wang Yi", "Xi Jinping", "Kim Jong Un" and
// "Moon Jae-in": a listed East Asian surname followed by one to three
// romanised syllable words. "Lee Anderson" or "Kim Darroch" are not
// syllables, so they are read given name first.
func parseSurnameFirst(words [][]string) (Name, bool) {
	first := words[0]
	if len(first) != 1 || !eastAsian[first[0]] {
		return Name{}, false
	}
	var given []string
	for _, w := range words[1:] {
		given = append(given, w...)
	}
	if len(given) > 3 {
		return Name{}, false
	}
	for _, g := range given {
		if !romanisedSyllables(g) {
			return Name{}, false
		}
	}
	n := Name{Surname: surnameVariants.key(first[0]), SurnameFirst: len(given) > 0}
	if len(given) > 0 {
		n.Given = []string{strings.Join(given, "")}
	}
	return n, true
}

// parseGivenFirst reads the last word as the surname, with the particles
// before it, and the words before those as given names.
func parseGivenFirst(words [][]string) Name {
	last := words[len(words)-1]
	// A hyphenated surname is one name ("Okonjo-Iweala"), minus its
	// particles ("al-Assad").
	var sur []string
	for _, p := range last {
		if !particles[p] || len(last) == 1 {
			sur = append(sur, p)
		}
	}
	if len(sur) == 0 {
		sur = last
	}
	n := Name{Surname: surnameVariants.key(strings.Join(sur, ""))}
	for _, w := range words[:len(words)-1] {
		for _, p := range w {
			if particles[p] {
				continue
			}
			n.Given = append(n.Given, givenVariants.key(p))
		}
	}
	return n
}

// romanisedSyllables reports whether w splits into syllables of
// romanised Chinese (pinyin, Wade-Giles), Korean or Vietnamese: an
// optional initial consonant cluster, a vowel nucleus and an optional
// final consonant, at most three syllables.
func romanisedSyllables(w string) bool {
	var split func(s string, n int) bool
	split = func(s string, n int) bool {
		if s == "" {
			return n > 0
		}
		if n == 3 {
			return false
		}
		for _, ini := range syllableInitials {
			if !strings.HasPrefix(s, ini) {
				continue
			}
			rest := s[len(ini):]
			for _, nuc := range syllableNuclei {
				if !strings.HasPrefix(rest, nuc) {
					continue
				}
				after := rest[len(nuc):]
				for _, fin := range syllableFinals {
					if strings.HasPrefix(after, fin) && split(after[len(fin):], n+1) {
						return true
					}
				}
			}
		}
		return false
	}
	return split(w, 0)
}

var (
	syllableInitials = []string{"", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w",
		"zh", "ch", "sh", "hs", "ts", "tz", "ss", "jj", "kk", "pp", "tt", "tr", "th", "kh", "ph", "gi", "nh", "ng", "ngh"}
	syllableNuclei = []string{"a", "e", "i", "o", "u", "ai", "ao", "ei", "ia", "ie", "io", "iu", "ou", "ua", "uo", "ue", "ui",
		"ae", "eo", "eu", "oe", "oa", "oi", "iao", "uai", "oo", "ee", "ya", "ye", "yo", "yu", "yeo", "wa", "wo", "we", "wi", "uy", "uye"}
	syllableFinals = []string{"", "n", "ng", "m", "k", "p", "l", "t", "nh"}
)

// WordKey is the key of one folded word of a name, whatever its class:
// its given-name group, else its surname group, else its respelling.
// Lookups compare words by key, so "sergey", "sergei" and "serguei" find
// each other.
func WordKey(w string) string {
	if k, ok := givenVariants[w]; ok {
		return k
	}
	if k, ok := surnameVariants[w]; ok {
		return k
	}
	r := respell(w)
	if k, ok := givenVariants[r]; ok {
		return k
	}
	return surnameVariants.key(w)
}

// SearchWords are the keys under which a name is found word by word:
// each folded word without the punctuation around it, and the parts of a
// hyphenated word ("Jean-Noël" is found by "jean-noel", "jean" and
// "noel"), each as its WordKey. The store indexes a person's name under
// them and looks a query up by them.
func SearchWords(name string) []string {
	var out []string
	add := func(w string) {
		if k := WordKey(w); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	for _, f := range strings.Fields(extract.Fold(strings.ToValidUTF8(name, "\uFFFD"))) {
		f = strings.TrimFunc(f, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		if f == "" {
			continue
		}
		add(f)
		if parts := strings.FieldsFunc(f, func(r rune) bool { return r == '-' || r == '.' }); len(parts) > 1 {
			for _, p := range parts {
				add(p)
			}
		}
	}
	return out
}
