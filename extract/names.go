package extract

import "strings"

// mention is one occurrence of a person's name: tokens [nameStart, nameEnd),
// preceded by the title phrase [titleStart, nameStart).
type mention struct {
	titleStart, nameStart, nameEnd int
	entity                         int
	hasTitle                       bool // a title or honorific stands before the name
	alias                          bool // found as a short form of a person already known
	// aliasOf is, for an alias, the name words of the person it was
	// found to stand for: clustering again renumbers the people, so an
	// index would point at someone else.
	aliasOf string
}

func (d *doc) sameRegion(i, j int) bool {
	return d.tokPara[i] == d.tokPara[j] && d.tokQuote[i] == d.tokQuote[j]
}

// findRuns returns the maximal runs of capitalised words, joined by name
// particles ("bin", "de") and by one parenthesised word ("(Wendy)").
func (d *doc) findRuns() [][2]int {
	var runs [][2]int
	n := len(d.toks)
	for i := 0; i < n; {
		if !d.isNameWord(i) {
			i++
			continue
		}
		j := i + 1
		for j < n && d.sameRegion(i, j) {
			switch {
			case d.isNameWord(j):
				j++
				continue
			case d.toks[j].kind == tokWord && d.toks[j].in(wNameParticle):
				// "bin Zayed", "von der Leyen": particles join only before a name word.
				k := j
				for k < n && k-j < 3 && d.sameRegion(i, k) && d.toks[k].kind == tokWord && d.toks[k].in(wNameParticle) {
					k++
				}
				if k < n && d.sameRegion(i, k) && d.isNameWord(k) {
					j = k + 1
					continue
				}
			case d.toks[j].low == "(" && j+2 < n && d.sameRegion(i, j+2) && d.isNameWord(j+1) && d.toks[j+2].low == ")" && j+3 < n && d.isNameWord(j+3):
				j += 3
				continue
			}
			break
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	return runs
}

// leadLength returns how many tokens at the start of the run [i, end) are
// not part of a name: titles, honorifics, organisations, countries and
// demonyms, and capitalised function words. It also reports whether a
// title or honorific was among them.
func (d *doc) leadLength(i, end int) (n int, titled bool) {
	g := d.g
	k := i
	for k < end {
		if m, kind := d.lexiconMatch(k, end); m > 0 {
			if kind == lexTitle && !(m == 1 && d.toks[k].in(wDescriptiveTitle)) {
				titled = true
			}
			k += m
			continue
		}
		t := d.toks[k]
		switch {
		case t.kind != tokWord:
			return k - i, titled // "(Wendy) Sherman": the parenthesis opens the name
		case t.in(wHonorific):
			titled = true
		case g.notNames[t.low] && g.leaders[t.low].name == "":
		case g.titleWords[t.low]:
		case d.sentStart[k] && d.lowerSeen[t.low]:
		case isAcronym(d.text[t.start:t.end]) && !d.capitalisedSurname(k, end):
		default:
			return k - i, titled
		}
		k++
	}
	return k - i, titled
}

type lexKind uint8

const (
	lexNone lexKind = iota
	lexTitle
	lexOrg
	lexCountry
	lexPlace
)

// lexiconMatch finds the longest gazetteer phrase (title, organisation,
// country or place) starting at token k and ending before end.
func (d *doc) lexiconMatch(k, end int) (int, lexKind) {
	max := d.g.maxOrgWords
	if d.g.maxTitle > max {
		max = d.g.maxTitle
	}
	if end-k < max {
		max = end - k
	}
	if !d.g.multiFirst[d.toks[k].low] {
		max = min(max, 1)
	}
	for m := max; m >= 1; m-- {
		if kind := d.lexKindOf(k, k+m); kind != lexNone {
			return m, kind
		}
	}
	return 0, lexNone
}

// lexKindOf tells which gazetteer, if any, lists the phrase of tokens [i, j).
func (d *doc) lexKindOf(i, j int) lexKind {
	for k := i; k < j; k++ {
		if d.toks[k].kind != tokWord || k > i && !d.sameRegion(i, k) {
			return lexNone
		}
	}
	ph := d.phraseKey(i, j)
	switch {
	case hasKey(d.g.titles, ph):
		return lexTitle
	case d.g.org[ph] != "":
		return lexOrg
	case d.g.country[ph] != "":
		return lexCountry
	case d.g.place[ph] != "":
		return lexPlace
	}
	return lexNone
}

func hasKey(m map[string]string, k string) bool { _, ok := m[k]; return ok }

// phraseKey joins the folded words of tokens [i, j) with single spaces.
func (d *doc) phraseKey(i, j int) string {
	if j-i == 1 {
		return d.toks[i].low
	}
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(d.toks[k].low)
	}
	return b.String()
}

// capitalisedSurname reports whether the all-capital word at k opens a
// name in the Japanese official style ("IWAYA Takeshi"): it is no known
// organisation and a capitalised given name that is no title follows.
func (d *doc) capitalisedSurname(k, end int) bool {
	if k+1 >= end || d.lexKindOf(k, k+1) != lexNone {
		return false
	}
	n := d.toks[k+1]
	w := d.text[n.start:n.end]
	return n.kind == tokWord && n.cap && !isAcronym(w) && !d.g.titleWords[n.low] && !d.g.notNames[n.low] && !n.in(wHonorific)
}

func isAcronym(w string) bool {
	letters := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == '.' || c == '-' || c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return letters >= 2
}

// findPeople tags person mentions without the name tagger (see findPeopleWith).
func (d *doc) findPeople() { d.findPeopleWith(nil) }

// findPeopleWith tags person mentions. A capitalised run counts as a person
// when its name part is backed by a cue: a title or honorific before it, a
// known given name, a known office holder, a role in apposition, or a
// speech verb after it. The name tagger, when given, settles the runs
// without a cue it is sure of ("Einav Zangauker told reporters"), and
// overrules a weak cue when it is sure the run names an organisation or a
// place ("Whole Foods said"). A bare surname counts only once the full
// name has been seen.
func (d *doc) findPeopleWith(nt *nerTagger) {
	tagger := nt.forDoc(d)
	runs := d.findRuns()
	type cand struct{ nameStart, nameEnd int }
	var rest []cand
	for _, r := range runs {
		if d.stop.stopped() {
			break
		}
		lead, titled := d.leadLength(r[0], r[1])
		ns, ne := r[0]+lead, r[1]
		if ns >= ne {
			continue
		}
		if !d.plausibleName(ns, ne, func() bool { return titled || tagger.isPerson(ns, ne) }) {
			continue
		}
		// "a lawyer for the Sierra Club", "a writer for The Atlantic": a
		// name takes no article, a body's does, whatever role precedes it.
		// (A known leader before a noun is still one: "the Assad regime".)
		bodyName := !titled && d.articleBefore(r[0], ns) && !d.isLeader(ns, ne)
		ts := d.titleStart(ns)
		if !titled {
			titled = d.hasRoleNoun(ts, ns)
		}
		if titled && ne-ns == 1 && ns > 0 && d.sameRegion(ns-1, ns) && d.toks[ns-1].in(wDescriptiveTitle) {
			titled = false // "Official Security Assistance": a noun, not a title before a name
		}
		if !titled && d.insideLongerName(ns) {
			continue
		}
		if titled && ns > 0 && d.sameRegion(ns-1, ns) && d.toks[ns-1].is("of", "for") && !d.hasHonorific(r[0], ns) {
			// "the representative of Guyana": a country or body, not a name.
			titled = false
		}
		person := d.isPersonName(ns, ne, titled)
		switch {
		case bodyName:
			person = false
		case person && !titled && !d.isLeader(ns, ne) && tagger.isOther(ns, ne):
			person = false
		case !person && tagger.isPerson(ns, ne):
			person = true
		}
		if person {
			d.mentions = append(d.mentions, mention{titleStart: ts, nameStart: ns, nameEnd: ne, hasTitle: titled})
		} else {
			rest = append(rest, cand{ns, ne})
		}
	}
	d.clusterPeople()
	// Second pass: bare surnames and partial names of people already found.
	added := false
	for _, c := range rest {
		if e := d.matchEntity(c.nameStart, c.nameEnd); e >= 0 {
			d.mentions = append(d.mentions, mention{titleStart: d.titleStart(c.nameStart), nameStart: c.nameStart, nameEnd: c.nameEnd, alias: true, aliasOf: strings.Join(d.people[e].words, " ")})
			added = true
		}
	}
	if added {
		sortMentions(d.mentions)
		d.clusterPeople()
	}
}

// articleBefore reports whether the run starting at token i, whose name
// part starts at ns, follows "the" or opens with it ("the United Mine
// Workers", "The Atlantic").
func (d *doc) articleBefore(i, ns int) bool {
	if i > 0 && d.sameRegion(i-1, i) && d.toks[i-1].low == "the" {
		return true
	}
	return i < ns && d.toks[i].low == "the"
}

func (d *doc) hasHonorific(i, j int) bool {
	for k := i; k < j; k++ {
		if d.toks[k].in(wHonorific) {
			return true
		}
	}
	return false
}

// insideLongerName reports whether the run at token i continues a longer
// capitalised name across "of" or "for" ("Office for Coordination of
// Humanitarian Affairs"), which makes it part of that name, not a person.
func (d *doc) insideLongerName(i int) bool {
	return i >= 2 && d.sameRegion(i-2, i) && d.toks[i-1].is("of", "for", "de") &&
		d.toks[i-2].kind == tokWord && d.toks[i-2].cap
}

// plausibleName rejects runs that cannot be a person's name whatever the
// context: organisation or place words, countries, all-capital acronyms.
// A country or place word after the first word is a surname when the run
// has a title or the name tagger reads it as a person ("Rep. Jim Jordan",
// "Chief Chuck Jordan"), or opens with a known given name. personCue is
// asked only then: the tagger's reading costs a tagged window of text.
func (d *doc) plausibleName(i, j int, personCue func() bool) bool {
	g := d.g
	k := d.phraseKey(i, j)
	if _, ok := g.leaders[k]; ok {
		return true
	}
	if g.country[k] != "" || g.place[k] != "" || g.org[k] != "" || hasKey(g.titles, k) {
		return false
	}
	// "Emergency Relief Coordinator" is a title, not a name.
	if last := d.toks[j-1]; d.isRoleNoun(last.low) && !g.givenNames[d.toks[i].low] {
		return false
	}
	// "Arab Coordination Group", "Gaza Humanitarian Mission": a run that
	// ends in the head noun of a body or a document names that body.
	if k := g.speakerHead[d.toks[j-1].low]; j-i > 1 && (k == kindOrganization || k == kindDocument) {
		return false
	}
	for x := i; x < j; x++ {
		t := d.toks[x]
		if t.kind != tokWord {
			continue
		}
		if g.notNames[t.low] && !(x > i && t.in(wNameParticle)) {
			return false
		}
		if g.org[t.low] != "" {
			return false
		}
		if g.country[t.low] != "" || g.place[t.low] != "" {
			if x == i || j-i < 2 || !(g.givenNames[d.toks[i].low] || personCue()) {
				return false
			}
		}
	}
	// All-capital words are acronyms, unless they are the surname of a
	// name written in the Japanese official style ("IWAYA Takeshi").
	acronyms, words := 0, 0
	for x := i; x < j; x++ {
		if t := d.toks[x]; t.kind == tokWord {
			words++
			// "Vann R. Newkirk II": a generational suffix closing the
			// name is no acronym.
			if w := d.text[t.start:t.end]; isAcronym(w) && !(len(w) == 2 && w[1] == '.') && !(x == j-1 && x > i && t.in(wNameSuffix)) {
				acronyms++
			}
		}
	}
	if acronyms > 0 && (acronyms == words || acronyms > 1 || !isAcronym(d.text[d.toks[i].start:d.toks[i].end])) {
		return false
	}
	return true
}

// isLeader reports whether tokens [i, j) are a known office holder's name.
func (d *doc) isLeader(i, j int) bool {
	_, ok := d.g.leaders[d.phraseKey(i, j)]
	if !ok && j-i == 1 {
		_, ok = d.g.leaderLast[d.phraseKey(i, j)]
	}
	return ok
}

func (d *doc) isPersonName(i, j int, titled bool) bool {
	g := d.g
	if titled {
		return true
	}
	k := d.phraseKey(i, j)
	if _, ok := g.leaders[k]; ok {
		return true
	}
	if j-i == 1 {
		_, ok := g.leaderLast[k]
		return ok
	}
	if j-i > 6 {
		return false
	}
	if g.givenNames[d.toks[i].low] {
		return true
	}
	return d.roleAppositionAfter(j) || d.speechVerbAfter(j) || d.roleAppositionBefore(i)
}

// roleAppositionAfter reports whether ", [the] research adviser …" follows.
func (d *doc) roleAppositionAfter(j int) bool {
	if j >= len(d.toks) || d.toks[j].low != "," || !d.sameRegion(j-1, j) {
		return false
	}
	for k := j + 1; k < len(d.toks) && k < j+8 && d.sameRegion(j, k); k++ {
		t := d.toks[k]
		if t.kind == tokPossessive {
			continue
		}
		if t.kind != tokWord || t.is("who", "which", "whose", "said", "says", "and") {
			return false
		}
		if d.isRoleNoun(t.low) {
			return true
		}
	}
	return false
}

// roleAppositionBefore reports whether "his spokesperson, " or "a
// spokeswoman for the European Commission, " precedes the name at token i.
func (d *doc) roleAppositionBefore(i int) bool {
	return i >= 2 && d.toks[i-1].low == "," && d.roleDescriptionBefore(i-1) >= 0
}

// roleDescriptionBefore returns where the role description ending just
// before token i starts ("The former Italian ambassador to Tripoli"), or -1
// when the words before i are not one. Its head, the noun before any
// preposition, must be a role noun.
func (d *doc) roleDescriptionBefore(i int) int {
	s := i
	for j := i - 1; j >= 0 && i-j <= 10 && d.sameRegion(j, i-1); j-- {
		t := d.toks[j]
		if t.kind == tokPossessive || t.low == "-" && j > 0 && d.toks[j-1].end == t.start {
			s = j // "Libya's", "U.N.-recognised"
			continue
		}
		if t.kind != tokWord {
			break
		}
		if j+1 < i && d.toks[j+1].low == "-" && d.toks[j+1].start == t.end {
			s = j
			continue
		}
		if j > 0 && d.toks[j-1].low == "-" && d.toks[j-1].end == t.start {
			s = j
			continue
		}
		if t.in(wDeterminer) {
			s = j
			if j > 0 && d.sameRegion(j-1, j) && d.toks[j-1].in(wDescriptionPreposition) && d.toks[j-1].low != "and" {
				continue // "for the European Commission"
			}
			break
		}
		if t.cap && t.in(wFunction) || !t.cap && (t.in(wFunction) && !t.in(wDescriptionPreposition) || d.g.speechVerbs[t.low] ||
			strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ing") && !strings.Contains(t.low, "-")) {
			break
		}
		s = j
	}
	for s < i && d.toks[s].in(wDescriptionPreposition) {
		s++
	}
	if s >= i {
		return -1
	}
	// The description must open its clause ("Later, Iran's foreign
	// minister, …", "with his counterpart, …"), not be a verb's object
	// ("recalled its ambassador to Algiers, Foreign Minister X said").
	if s > 0 && d.sameRegion(s-1, s) {
		if b := d.toks[s-1]; b.kind == tokWord && !b.in(wFunction) && !b.in(wObjectPreposition) {
			return -1
		}
	}
	head := i - 1
	for k := s + 1; k < i; k++ {
		if d.toks[k].in(wDescriptionPreposition) && d.toks[k].low != "and" {
			head = k - 1
			break
		}
	}
	if !d.isRoleNoun(d.toks[head].low) {
		return -1
	}
	return s
}

func (d *doc) speechVerbAfter(j int) bool {
	for k := j; k < len(d.toks) && k < j+3 && d.sameRegion(j-1, k); k++ {
		t := d.toks[k]
		if d.g.speechVerbs[t.low] {
			return true
		}
		if !t.is("also", "has", "had", "have", "later", "then", "again", "on", "repeatedly") {
			return false
		}
	}
	return false
}

func (d *doc) isRoleNoun(low string) bool {
	if _, ok := d.g.titles[low]; ok || low == "counterpart" {
		return true
	}
	// "commissioner-general", "vice-chair", "deputy-director": a role noun
	// with a rank word hyphenated to it.
	if k := strings.IndexByte(low, '-'); k > 0 && k < len(low)-1 {
		first, rest := low[:k], low[k+1:]
		_, firstRole := d.g.titles[first]
		_, restRole := d.g.titles[rest]
		return firstRole && d.g.has(wRankWord, rest) || restRole && d.g.has(wRankWord, first)
	}
	return false
}

// hasRoleNoun reports whether tokens [i, j) contain a role noun or title
// that can stand before a name ("official" and "member" cannot).
func (d *doc) hasRoleNoun(i, j int) bool {
	for k := i; k < j; k++ {
		if low := d.toks[k].low; d.isRoleNoun(low) && !d.g.has(wAdjectivalTitle, low) || d.g.has(wHonorific, low) && d.toks[k].cap {
			return true
		}
	}
	return false
}

// titleStart walks back from the name at token i over the title phrase that
// precedes it ("Russian Foreign Minister", "Iran's chief negotiator",
// "Associated Press reporter") and returns where that phrase starts.
func (d *doc) titleStart(i int) int {
	g := d.g
	s := i
	for j := i - 1; j >= 0 && i-j <= 14 && d.sameRegion(j, i); {
		t := d.toks[j]
		if t.kind == tokPossessive && j > 0 && d.toks[j-1].kind == tokWord && d.toks[j-1].cap {
			m := 1
			if n := d.lexiconEndingAt(j - 1); n > 1 {
				m = n // "European Union's"
			}
			j -= 1 + m
			s = j + 1
			continue
		}
		if t.kind != tokWord {
			break
		}
		if m := d.lexiconEndingAt(j); m > 0 {
			j -= m
			s = j + 1
			continue
		}
		// "A spokesman for Prime Minister Keir Starmer": a title right
		// after "for" is the name's whole title; the role before it is
		// somebody else's.
		if t.low == "for" && s == j+1 && s < i && d.toks[s].cap && d.hasRoleNoun(s, i) && j > 0 && !d.toks[j-1].cap {
			break
		}
		if t.is("of", "for", "and") {
			j--
			continue
		}
		// "ambassador to Russia Michael McFaul": where a role is held.
		if t.low == "to" && s == j+1 && s < i && !d.isRoleNoun(d.toks[s].low) && j > 0 && d.isRoleNoun(d.toks[j-1].low) {
			j--
			continue
		}
		if g.titleWords[t.low] || t.in(wHonorific) || g.speakerHead[t.low] == kindOrganization || t.cap && isAcronym(d.text[t.start:t.end]) {
			j--
			s = j + 1
			continue
		}
		break
	}
	return s
}

// lexiconEndingAt finds the longest organisation, country, place or title
// phrase of the gazetteer that ends at token j (inclusive) and returns its
// length in tokens.
func (d *doc) lexiconEndingAt(j int) int {
	max := d.g.maxOrgWords
	if d.g.maxTitle > max {
		max = d.g.maxTitle
	}
	for m := max; m >= 1; m-- {
		if j-m+1 >= 0 && (m == 1 || d.g.multiFirst[d.toks[j-m+1].low]) && d.lexKindOf(j-m+1, j+1) != lexNone {
			return m
		}
	}
	return 0
}
