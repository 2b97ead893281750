package extract

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

//go:embed data/*.txt data/words/*.txt
var dataFS embed.FS

// entityKind classifies a gazetteer entry or a speaker description.
type entityKind uint8

const (
	kindNone entityKind = iota
	kindPerson
	kindOrganization
	kindDocument
	kindCountry
	kindPlace
)

// gazetteer holds the word lists the pipeline consults. It is built once by
// New and only read afterwards. Keys are folded (see Fold) and, for
// multi-word entries, single-space joined.
type gazetteer struct {
	*vocabulary                   // closed word classes (data/words/*.txt)
	country     map[string]string // country, demonym or variant -> canonical country
	place       map[string]string // capital or city -> canonical country
	countryForm map[string][]string
	org         map[string]string // organisation name or abbreviation -> canonical name
	maxOrgWords int
	titles      map[string]string // role noun or title -> default affiliation ("" if none)
	maxTitle    int
	titleWords  map[string]bool
	abbrTitles  map[string]string // "sen." -> "Senator"
	speechVerbs map[string]bool
	speakerHead map[string]entityKind
	givenNames  map[string]bool
	femaleNames map[string]bool   // given names that tell a woman, for "she"
	maleNames   map[string]bool   // given names that tell a man, for "he"
	notNames    map[string]bool   // words never inside a person's name
	multiFirst  map[string]bool   // first words of multi-word titles, organisations and places
	leaders     map[string]leader // folded full name -> leader
	leaderLast  map[string]leader // folded surname -> leader
}

type leader struct {
	name, role, affiliation string
	sex                     gender
}

func dataLines(name string) ([]string, error) {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lines = append(lines, line)
	}
	return lines, sc.Err()
}

// key folds a phrase and normalises its spacing so that gazetteer entries and
// token sequences compare equal.
func key(s string) string { return strings.Join(strings.Fields(Fold(s)), " ") }

func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{
		country: map[string]string{}, place: map[string]string{}, countryForm: map[string][]string{},
		org: map[string]string{}, titles: map[string]string{}, abbrTitles: map[string]string{}, titleWords: map[string]bool{},
		speechVerbs: map[string]bool{}, speakerHead: map[string]entityKind{}, givenNames: map[string]bool{}, notNames: map[string]bool{},
		femaleNames: map[string]bool{}, maleNames: map[string]bool{},
		leaders: map[string]leader{}, leaderLast: map[string]leader{}, multiFirst: map[string]bool{},
	}
	v, err := loadVocabulary()
	if err != nil {
		return nil, err
	}
	g.vocabulary = v
	load := func(name string, each func(fields []string) error) error {
		lines, err := dataLines(name)
		if err != nil {
			return err
		}
		for _, l := range lines {
			if err := each(strings.Split(l, "|")); err != nil {
				return fmt.Errorf("%s: %q: %w", name, l, err)
			}
		}
		return nil
	}
	splitList := func(s string) []string {
		var out []string
		for _, x := range strings.Split(s, ",") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
		return out
	}
	err = load("countries.txt", func(f []string) error {
		if len(f) != 4 {
			return fmt.Errorf("want 4 fields")
		}
		c := f[0]
		g.country[key(c)] = c
		g.countryForm[c] = append(g.countryForm[c], c)
		for _, d := range splitList(f[1]) {
			g.country[key(d)] = c
		}
		for _, v := range splitList(f[2]) {
			g.country[key(v)] = c
			g.countryForm[c] = append(g.countryForm[c], v)
		}
		for _, p := range splitList(f[3]) {
			g.place[key(p)] = c
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = load("organizations.txt", func(f []string) error {
		for _, n := range f {
			k := key(n)
			g.org[k] = f[0]
			if w := len(strings.Fields(k)); w > g.maxOrgWords {
				g.maxOrgWords = w
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = load("abbreviated_titles.txt", func(f []string) error {
		if len(f) != 2 || !strings.HasSuffix(f[0], ".") || f[1] == "" {
			return fmt.Errorf("want abbreviation.|Title")
		}
		if !g.has(wHonorific, f[0]) || !g.has(wAbbreviation, strings.TrimSuffix(f[0], ".")) {
			return fmt.Errorf("%s is missing from words/honorifics.txt or words/abbreviations.txt", f[0])
		}
		g.abbrTitles[f[0]] = f[1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = load("titles.txt", func(f []string) error {
		aff := ""
		if len(f) > 1 {
			aff = f[1]
		}
		k := key(f[0])
		g.titles[k] = aff
		if w := len(strings.Fields(k)); w > g.maxTitle {
			g.maxTitle = w
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	words := func(name string, set map[string]bool) error {
		return load(name, func(f []string) error {
			for _, w := range strings.Fields(f[0]) {
				set[Fold(w)] = true
			}
			return nil
		})
	}
	for name, set := range map[string]map[string]bool{
		"title_words.txt": g.titleWords, "speech_verbs.txt": g.speechVerbs, "given_names.txt": g.givenNames, "not_names.txt": g.notNames,
		"female_names.txt": g.femaleNames, "male_names.txt": g.maleNames,
	} {
		if err := words(name, set); err != nil {
			return nil, err
		}
	}
	for t := range g.titles {
		for _, w := range strings.Fields(t) {
			g.titleWords[w] = true
		}
	}
	err = load("speakers.txt", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want 2 fields")
		}
		// A head's kind is written as a speaker kind: "person" for a
		// head naming a person ("spokesman"), whose speaker is anonymous.
		sk, err := ParseSpeakerKind(f[1])
		k := map[SpeakerKind]entityKind{SpeakerPerson: kindPerson, SpeakerOrganization: kindOrganization, SpeakerDocument: kindDocument}[sk]
		if err != nil || k == kindNone {
			return fmt.Errorf("unknown kind %q", f[1])
		}
		g.speakerHead[Fold(f[0])] = k
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = load("leaders.txt", func(f []string) error {
		if len(f) != 4 {
			return fmt.Errorf("want 4 fields")
		}
		l := leader{name: f[0], role: f[1], affiliation: f[2]}
		switch f[3] {
		case "f":
			l.sex = genderFemale
		case "m":
			l.sex = genderMale
		default:
			return fmt.Errorf("sex %q: want f or m", f[3])
		}
		g.leaders[key(f[0])] = l
		ws := strings.Fields(key(f[0]))
		last := ws[len(ws)-1]
		g.leaderLast[last] = l
		// "al-Assad" is also written "Assad".
		if k := strings.IndexByte(last, '-'); k > 0 && k <= 3 {
			g.leaderLast[last[k+1:]] = l
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, m := range []map[string]string{g.country, g.place, g.org, g.titles} {
		for k := range m {
			if f, _, ok := strings.Cut(k, " "); ok {
				g.multiFirst[f] = true
			}
		}
	}
	return g, nil
}

// countryOf returns the canonical country named by a folded phrase: a
// country, a variant spelling or a demonym.
func (g *gazetteer) countryOf(k string) string { return g.country[k] }

// articleForm returns the spelling of country that the article itself uses
// ("Turkiye" rather than "Turkey"), so that affiliations read like the text.
func (g *gazetteer) articleForm(country string, seen map[string]bool) string {
	for _, f := range g.countryForm[country] {
		if seen[key(f)] {
			return f
		}
	}
	return country
}
