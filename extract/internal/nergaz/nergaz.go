// Package nergaz turns the extract package's word lists (extract/data) into
// the gazetteer classes that the name tagger (extract/ner) weighs as
// features, so that the trainer (extract/internal/trainner) and the
// extractor compute the same classes for the same word. A word's classes
// depend only on its folded form and on whether the same word also occurs
// in lower case in the document ("lower_seen").
package nergaz

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Files returns the names of the word lists that Parse reads.
func Files() []string {
	return []string{
		"given_names.txt", "female_names.txt", "male_names.txt", "titles.txt", "title_words.txt",
		"countries.txt", "organizations.txt", "not_names.txt", "speech_verbs.txt", "speakers.txt", "leaders.txt",
	}
}

// LowerSeen is the class of a capitalised word whose lower-case form also
// occurs in the document.
const LowerSeen = "lower_seen"

// Gaz maps folded words to their classes. It is immutable after Parse.
type Gaz struct {
	words     map[string]*[2][]string // [plain, with lower_seen]
	lowerOnly []string
}

// Parse reads the word lists through read (a file name of Files -> its
// content) and keys them with fold (extract.Fold).
func Parse(read func(name string) ([]byte, error), fold func(string) string) (*Gaz, error) {
	classes := map[string]map[string]bool{}
	add := func(word, class string) {
		word = fold(word)
		if word == "" {
			return
		}
		if classes[word] == nil {
			classes[word] = map[string]bool{}
		}
		classes[word][class] = true
	}
	// phrase adds class to a one-word entry and class+"_part" to each word
	// of a longer one.
	phrase := func(p, class string) {
		ws := strings.Fields(p)
		if len(ws) == 1 {
			add(ws[0], class)
			return
		}
		for _, w := range ws {
			add(w, class+"_part")
		}
	}
	list := func(s string) []string {
		var out []string
		for _, x := range strings.Split(s, ",") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
		return out
	}
	for _, name := range Files() {
		b, err := read(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "|")
			switch name {
			case "given_names.txt", "female_names.txt", "male_names.txt", "title_words.txt", "not_names.txt", "speech_verbs.txt":
				class := strings.TrimSuffix(strings.TrimSuffix(name, ".txt"), "s")
				for _, w := range strings.Fields(f[0]) {
					add(w, class)
				}
			case "titles.txt":
				phrase(f[0], "title")
			case "countries.txt":
				if len(f) != 4 {
					return nil, fmt.Errorf("%s: %q: want 4 fields", name, line)
				}
				phrase(f[0], "country")
				for _, v := range list(f[2]) {
					phrase(v, "country")
				}
				for _, d := range list(f[1]) {
					phrase(d, "demonym")
				}
				for _, p := range list(f[3]) {
					phrase(p, "capital")
				}
			case "organizations.txt":
				for _, o := range f {
					phrase(o, "org")
				}
			case "speakers.txt":
				if len(f) == 2 {
					add(f[0], "speaker_"+f[1])
				}
			case "leaders.txt":
				ws := strings.Fields(f[0])
				for i, w := range ws {
					if i == len(ws)-1 {
						add(w, "leader_last")
					} else {
						add(w, "leader_part")
					}
				}
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	g := &Gaz{words: make(map[string]*[2][]string, len(classes)), lowerOnly: []string{LowerSeen}}
	for w, set := range classes {
		var cs []string
		for c := range set {
			cs = append(cs, c)
		}
		slices.Sort(cs)
		g.words[w] = &[2][]string{cs, append(slices.Clip(cs), LowerSeen)}
	}
	return g, nil
}

// Classes returns the classes of a folded word; lowerSeen tells that the
// word is capitalised here and occurs in lower case elsewhere in the
// document. The slice is shared: do not modify it.
func (g *Gaz) Classes(low string, lowerSeen bool) []string {
	c := g.words[low]
	switch {
	case c == nil && lowerSeen:
		return g.lowerOnly
	case c == nil:
		return nil
	case lowerSeen:
		return c[1]
	}
	return c[0]
}

// Capitalised reports whether w starts with an upper-case letter.
func Capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// Lower reports whether w starts with a lower-case letter: the words that
// make a capitalised spelling of the same word "lower_seen".
func Lower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}
