package identity

import "strings"

// spellingRules unify the transliteration differences that recur across
// many Russian, Ukrainian and Belarusian names, so that those need no
// line in the variant lists: each rule maps one folded word to a form
// shared by its variants, and is applied to both words compared, so a
// rule can only join spellings, never tell apart two that were equal.
// They run in order; each is a small function with its own test.
var spellingRules = []spellingRule{
	{"ks is x", ksIsX},                      // Aleksei, Alexei
	{"kh is h", khIsH},                      // Mikhail, Mihail
	{"w is v", wIsV},                        // Lavrow (German), Lavrov
	{"leading ye is e", leadingYeIsE},       // Yevgeny, Evgeny
	{"ending iy is y", endingIYIsY},         // Zelenskiy, Zelenskyy, Zelensky; Dmitrii
	{"ending ei is ey", endingEIIsEY},       // Sergei, Sergey
	{"ending consonant i is y", endingIIsY}, // Dmitri, Dmitry
}

type spellingRule struct {
	name string
	fn   func(string) string
}

// respell applies every spelling rule to a folded word.
func respell(w string) string {
	for _, r := range spellingRules {
		w = r.fn(w)
	}
	return w
}

func ksIsX(w string) string { return strings.ReplaceAll(w, "ks", "x") }

func khIsH(w string) string { return strings.ReplaceAll(w, "kh", "h") }

func wIsV(w string) string { return strings.ReplaceAll(w, "w", "v") }

// leadingYeIsE: Russian Е at the start of a word is written "Ye" or "E".
// Only before a consonant ("Yevgeny"), since "Yeo" or "Yea" are other
// sounds.
func leadingYeIsE(w string) string {
	if len(w) > 3 && strings.HasPrefix(w, "ye") && !isVowel(w[2]) {
		return w[1:]
	}
	return w
}

// endingIYIsY: the adjectival ending -ий is written -iy, -yy, -ii, -ij,
// -yi or -y. Short words are left alone ("Li", "Yi" are whole names).
func endingIYIsY(w string) string {
	if len(w) < 5 {
		return w
	}
	for _, end := range []string{"iy", "yy", "ii", "ij", "yi", "yj"} {
		if strings.HasSuffix(w, end) {
			return w[:len(w)-len(end)] + "y"
		}
	}
	return w
}

// endingEIIsEY: -ей is written -ei or -ey (Sergei, Alexei, Andrei).
func endingEIIsEY(w string) string {
	if len(w) >= 5 && strings.HasSuffix(w, "ei") {
		return w[:len(w)-1] + "y"
	}
	return w
}

// endingIIsY: -ий after a consonant is also written -i or -y (Dmitri,
// Dmitry). Applied only to words of five letters or more.
func endingIIsY(w string) string {
	if len(w) >= 5 && w[len(w)-1] == 'i' && !isVowel(w[len(w)-2]) {
		return w[:len(w)-1] + "y"
	}
	return w
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }
