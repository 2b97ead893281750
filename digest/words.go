package digest

import (
	"strings"
	"unicode"

	"github.com/attache-bot/attache/extract"
)

// normalize folds s (case, accents) and turns every run of characters that
// are not letters or digits into one space, padded with a space on each
// side, so that whole-word phrase matching is a plain substring search:
// contains(normalize(text), normalize(phrase)).
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range extract.Fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

// containsPhrase reports whether phrase occurs in text as whole words,
// ignoring case, accents and punctuation ("iran" matches "Iran's" but not
// "Ukraine" or "Iranian").
func containsPhrase(text, phrase string) bool {
	p := normalize(phrase)
	if strings.TrimSpace(p) == "" {
		return false
	}
	return strings.Contains(normalize(text), p)
}

// contentWords are the folded words of a headline that carry meaning, with
// a naive plural strip so "talks"/"talk" and "sanctions"/"sanction" meet.
func contentWords(s string) []string {
	var words []string
	for _, w := range strings.Fields(normalize(s)) {
		if len(w) < 3 || stopwords[w] {
			continue
		}
		if len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		words = append(words, w)
	}
	return words
}

// stopwords are headline words that say nothing about which story it is.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and for with from into over after before about amid says said say
		new its his her their this that these those are was were has have had not but will would could
		may might can should out off onto upon than then who what when where why how all any more most
		very just also still yet again against between under while during says told tells urges calls
		make makes made seek seeks sought push pushes back set sets take takes took meet meets meeting`) {
		stopwords[w] = true
	}
}

// surnameKey is the folded last word of a person's name, the part that
// stays the same across "Jean-Marc Ayrault", "Ayrault" and "Mr. Ayrault".
func surnameKey(name string) string {
	f := strings.Fields(normalize(name))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// givenKey is the folded name without its surname, "" for a lone surname.
func givenKey(name string) string {
	f := strings.Fields(normalize(name))
	if len(f) < 2 {
		return ""
	}
	return strings.Join(f[:len(f)-1], " ")
}
