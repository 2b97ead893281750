package extract

import (
	"iter"
	"slices"
	"sort"
	"strings"
)

// entity is one person of the article, gathered from all its mentions.
type entity struct {
	name        string
	words       []string // folded name words
	surname     string
	forms       []string // surface forms in order of appearance
	mentions    []int    // indices into doc.mentions, in text order
	role        string
	affiliation string
	kinship     bool // the role was given as "his/her spokesperson": affiliation follows the antecedent
}

// nameWords returns the folded words and the surface form of the name in
// tokens [i, j), leaving out parentheses ("(Wendy) Sherman" -> "Wendy Sherman").
func (d *doc) nameWords(i, j int) ([]string, string) {
	var ws, surf []string
	for k := i; k < j; k++ {
		t := d.toks[k]
		if t.kind != tokWord {
			continue
		}
		ws = append(ws, t.low)
		surf = append(surf, d.text[t.start:t.end])
	}
	return ws, strings.Join(surf, " ")
}

// surnameOf picks the word a person is referred to by on second mention:
// the last word, skipping suffixes; the first for Korean-style names whose
// last part is hyphenated in lower case ("Ban Ki-moon" -> "ban").
func (v *vocabulary) surnameOf(ws []string) string {
	n := len(ws)
	for n > 1 && v.has(wNameSuffix, ws[n-1]) {
		n--
	}
	if n == 0 {
		return ""
	}
	last := ws[n-1]
	if k := strings.IndexByte(last, '-'); n > 1 && k > 0 && k+1 < len(last) && !v.has(wNameParticle, last[:k]) {
		return ws[0]
	}
	return last
}

// bareSurname drops a hyphenated particle from a surname: "al-burhan" is
// also written "Burhan".
func (v *vocabulary) bareSurname(s string) string {
	if k := strings.IndexByte(s, '-'); k > 0 && k+1 < len(s) && v.has(wNameParticle, s[:k]) {
		return s[k+1:]
	}
	return s
}

func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func sortMentions(ms []mention) {
	sort.Slice(ms, func(a, b int) bool { return ms[a].nameStart < ms[b].nameStart })
}

// clusterPeople groups the mentions into people: longer names first, and
// every shorter form that shares the surname and whose words all occur in a
// longer one joins it.
func (d *doc) clusterPeople() {
	d.people = d.people[:0]
	order := make([]int, len(d.mentions))
	titleSex := make([]gender, len(d.mentions)) // what "Mr." or "Mrs." before each mention says
	for i := range order {
		order[i] = i
		titleSex[i] = d.honorificSex(d.mentions[i])
	}
	// Aliases last: each joins the person it was found to stand for, who
	// is made from the other mentions.
	sort.SliceStable(order, func(a, b int) bool {
		ma, mb := d.mentions[order[a]], d.mentions[order[b]]
		if ma.alias != mb.alias {
			return mb.alias
		}
		if la, lb := ma.nameEnd-ma.nameStart, mb.nameEnd-mb.nameStart; la != lb {
			return la > lb
		}
		// A surname with "Mr." or "Mrs." before it settles whom the
		// surname stands for before the bare ones are placed.
		return titleSex[order[a]] != genderUnknown && titleSex[order[b]] == genderUnknown
	})
	ix := newPeopleIndex(d.g.vocabulary)
	byWords := map[string]int{}
	// sexes is what each person's names say of their sex (a given name,
	// "Mr." or "Mrs." before a mention): "Mr. Obama" is not the Michelle
	// Obama named in full, and joins a person of his own.
	var sexes []gender
	for _, mi := range order {
		m := &d.mentions[mi]
		ws, surf := d.nameWords(m.nameStart, m.nameEnd)
		if len(ws) == 0 {
			m.entity = -1
			continue
		}
		sn := d.g.surnameOf(ws)
		if len(ws) > 1 && isAcronym(d.text[d.toks[m.nameStart].start:d.toks[m.nameStart].end]) {
			sn = ws[0] // "IWAYA Takeshi": the capitals mark the surname
		}
		sex := titleSex[mi]
		if sex == genderUnknown {
			sex = d.g.givenNameSex(ws, sn)
		}
		e, ok := -1, false
		if m.alias {
			e, ok = byWords[m.aliasOf] // resolved by position when it was found
		}
		if !ok {
			fits := func(i int) bool { return !sexesDiffer(sexes[i], sex) }
			// A bare surname of unknown sex, where the surname also
			// stands alone for someone, is that one ("President Obama"
			// after "Mr. Obama" split from Michelle Obama).
			if len(ws) == 1 && sex == genderUnknown {
				e = d.entityIn(ws, m.nameStart, ix, func(i int) bool { return len(d.people[i].words) == 1 })
			}
			if e < 0 {
				e = d.entityIn(ws, m.nameStart, ix, fits)
			}
		}
		if e < 0 {
			d.people = append(d.people, &entity{name: surf, words: ws, surname: sn})
			sexes = append(sexes, sex)
			e = len(d.people) - 1
			ix.add(e, d.people[e])
			byWords[strings.Join(ws, " ")] = e
		} else if sexes[e] == genderUnknown {
			sexes[e] = sex
		}
		m.entity = e
	}
	// Mentions and forms in text order.
	d.mentionByTok = make(map[int]int, len(d.mentions))
	for mi, m := range d.mentions {
		if m.entity < 0 {
			continue
		}
		p := d.people[m.entity]
		p.mentions = append(p.mentions, mi)
		_, surf := d.nameWords(m.nameStart, m.nameEnd)
		if !slices.Contains(p.forms, surf) {
			p.forms = append(p.forms, surf)
		}
		d.mentionByTok[m.nameStart] = mi
	}
}

// entityFor returns the person whose name contains the words ws with the
// same surname, or -1. Among several, the one mentioned last before token
// at wins ("Wang" after "Wang Yi" and before "Wang Wenbin").
func (d *doc) entityFor(ws []string, at int) int {
	return d.entityIn(ws, at, nil, nil)
}

// peopleIndex lists people by the words entityFor matches on, so that
// resolving a mention looks at the few people sharing a word with it
// instead of every person met so far: clustering the mentions of a text
// naming thousands of people was quadratic.
type peopleIndex struct {
	v          *vocabulary
	bySurname  map[string][]int // surname, and surname without its particle ("burhan")
	byFirst    map[string][]int // first word of the name
	byParticle map[string][]int // word before a surname particle ("lula" of "lula da silva")
}

func newPeopleIndex(v *vocabulary) *peopleIndex {
	return &peopleIndex{v: v, bySurname: map[string][]int{}, byFirst: map[string][]int{}, byParticle: map[string][]int{}}
}

// add indexes person i; people are added in index order, so every list is
// sorted.
func (ix *peopleIndex) add(i int, p *entity) {
	ix.bySurname[p.surname] = append(ix.bySurname[p.surname], i)
	if bare := ix.v.bareSurname(p.surname); bare != p.surname {
		ix.bySurname[bare] = append(ix.bySurname[bare], i)
	}
	if len(p.words) > 0 {
		ix.byFirst[p.words[0]] = append(ix.byFirst[p.words[0]], i)
	}
	for k := 1; k+1 < len(p.words); k++ {
		if ix.v.has(wNameParticle, p.words[k+1]) {
			ix.byParticle[p.words[k]] = append(ix.byParticle[p.words[k]], i)
		}
	}
}

// candidates yields, in increasing order and once each, the people listed
// under any of lists; every person when ix is nil.
func (d *doc) candidates(ix *peopleIndex, lists ...[]int) iter.Seq[int] {
	return func(yield func(int) bool) {
		if ix == nil {
			for i := range d.people {
				if !yield(i) {
					return
				}
			}
			return
		}
		var all []int
		for _, l := range lists {
			all = append(all, l...)
		}
		slices.Sort(all)
		for _, i := range slices.Compact(all) {
			if !yield(i) {
				return
			}
		}
	}
}

// entityIn is entityFor looking only at the people ix lists for ws (every
// person when ix is nil) and keep accepts (every one when keep is nil); the
// rules are the same, only fewer people are tried.
func (d *doc) entityIn(ws []string, at int, ix *peopleIndex, keep func(int) bool) int {
	sn := d.g.surnameOf(ws)
	best, bestPos := -1, -2
	consider := func(i int) {
		if keep != nil && !keep(i) {
			return
		}
		pos := d.lastMentionBefore(d.people[i], at)
		if best < 0 || pos > bestPos {
			best, bestPos = i, pos
		}
	}
	var bySurname [][]int
	if ix != nil {
		bySurname = append(bySurname, ix.bySurname[sn])
		if len(ws) == 1 {
			bySurname = append(bySurname, ix.bySurname[ws[0]])
		}
	}
	for i := range d.candidates(ix, bySurname...) {
		p := d.people[i]
		if len(ws) == 1 && (ws[0] == p.surname || ws[0] == d.g.bareSurname(p.surname)) || sn == p.surname && subset(ws, p.words) {
			consider(i)
		}
	}
	// Names written surname first ("Mao Ning" -> "Mao"): a lone word that
	// opens a two-word name and is not a given name. Arabic names with a
	// patronymic are shortened to the given name ("Sheikh Abdullah").
	if best < 0 && len(ws) == 1 {
		var byWord [][]int
		if ix != nil {
			byWord = [][]int{ix.byFirst[ws[0]], ix.byParticle[ws[0]]}
		}
		for i := range d.candidates(ix, byWord...) {
			p := d.people[i]
			if len(p.words) > 0 && p.words[0] == ws[0] &&
				(len(p.words) == 2 && !d.g.givenNames[ws[0]] || slices.Contains(p.words, "bin") || slices.Contains(p.words, "ibn")) {
				consider(i)
			}
			// "Lula" of "Luiz Inácio Lula da Silva": the word before the
			// particle of a compound surname is a short form in its own right.
			for k := 1; k+1 < len(p.words); k++ {
				if p.words[k] == ws[0] && d.g.has(wNameParticle, p.words[k+1]) {
					consider(i)
				}
			}
		}
	}
	return best
}

// matchEntity returns the person that the name tokens [i, j) refer to, or -1.
func (d *doc) matchEntity(i, j int) int {
	ws, _ := d.nameWords(i, j)
	if len(ws) == 0 {
		return -1
	}
	return d.entityFor(ws, i)
}

// mentionAt returns the person mention whose name ends at token j-1 and
// lies wholly inside [i, j), or -1.
func (d *doc) mentionEndingIn(i, j int) int {
	for k := j - 1; k >= i; k-- {
		if mi, ok := d.mentionByTok[k]; ok {
			if d.mentions[mi].nameEnd == j {
				return mi
			}
			return -1
		}
	}
	return -1
}

// mentionFrom returns the person mention that opens the phrase [i, j)
// (its title first, if any) and is followed by "of" or "from" and words
// naming no other person ("Cummings of Maryland"), or -1.
func (d *doc) mentionFrom(i, j int) int {
	for k := i; k < j && k < i+6; k++ {
		mi, ok := d.mentionByTok[k]
		if !ok {
			continue
		}
		m := d.mentions[mi]
		if m.entity < 0 || m.titleStart > i || m.nameEnd+1 >= j || !d.toks[m.nameEnd].is("of", "from") {
			return -1
		}
		for r := m.nameEnd + 1; r < j; r++ {
			if _, other := d.mentionByTok[r]; other {
				return -1
			}
		}
		return mi
	}
	return -1
}

// lastMentionBefore returns the start of p's last mention before token i,
// or -1.
func (d *doc) lastMentionBefore(p *entity, i int) int {
	k := sort.Search(len(p.mentions), func(k int) bool { return d.mentions[p.mentions[k]].nameStart >= i })
	if k == 0 {
		return -1
	}
	return d.mentions[p.mentions[k-1]].nameStart
}

// honorificSex is what the word right before mention m says of the
// person's sex: "Mr.", "Mrs.", "Ms.", "Congresswoman".
func (d *doc) honorificSex(m mention) gender {
	if m.nameStart > 0 && d.sameRegion(m.nameStart-1, m.nameStart) {
		return d.g.wordGender(strings.TrimSuffix(d.toks[m.nameStart-1].low, "."))
	}
	return genderUnknown
}

// givenNameSex is what the given names among a name's words (those before
// its surname) say of the person's sex, when the lists know one.
func (g *gazetteer) givenNameSex(words []string, surname string) gender {
	for _, w := range words {
		if w == surname {
			break
		}
		switch {
		case g.femaleNames[w]:
			return genderFemale
		case g.maleNames[w]:
			return genderMale
		}
	}
	return genderUnknown
}

// sexesDiffer reports whether two sexes are both known and not the same.
func sexesDiffer(a, b gender) bool {
	return a != genderUnknown && b != genderUnknown && a != b
}
