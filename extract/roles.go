package extract

import "strings"

// titleInfo is what one title phrase says about a person.
type titleInfo struct {
	role, affiliation string
	kinship           bool // "his spokesperson": the affiliation is the antecedent's
	bodyKin           bool // "its spokesperson": the affiliation is the body spoken of before
}

// assignRoles gives every person a role and affiliation, from the first
// mention that has them: a title before the name ("Russian Foreign Minister
// Sergei Lavrov"), an apposition before it ("Iran's foreign minister,
// Mohammad Javad Zarif") or after it ("Lars Bromley, research adviser at
// UNOSAT"). What the text leaves open is filled from the title's usual
// affiliation, the list of office holders, and the country the sentence is
// about.
func (d *doc) assignRoles() {
	for _, p := range d.people {
		if d.stop.stopped() {
			return
		}
		for _, mi := range p.mentions {
			m := d.mentions[mi]
			for _, ti := range []titleInfo{
				d.parseTitle(m.titleStart, m.nameStart),
				d.appositionBefore(m.titleStart),
				d.appositionAfter(m.nameEnd),
			} {
				if (p.role == "" || key(p.role) == "counterpart") && ti.role != "" {
					p.role = ti.role
					p.kinship = p.kinship || ti.kinship
				}
				if p.affiliation == "" && ti.affiliation != "" {
					p.affiliation = ti.affiliation
				}
				if p.affiliation == "" && ti.bodyKin {
					p.affiliation = d.previousSubjectBody(m.titleStart)
				}
				p.kinship = p.kinship || ti.kinship && p.affiliation == ""
			}
		}
		if p.affiliation == "" {
			p.affiliation = d.titleDefault(p.role)
		}
		if l, ok := d.leaderFor(p); ok {
			if p.role == "" || key(p.role) == "counterpart" {
				p.role = l.role
			}
			if p.affiliation == "" {
				p.affiliation = d.g.articleForm(l.affiliation, d.seenKeys)
			}
		}
	}
	// The article's main country depends on the text alone: counted once,
	// not once per person (which made extraction quadratic in names).
	mainCountry, counted := "", false
	for i, p := range d.people {
		if p.affiliation != "" || p.role == "" || len(p.mentions) == 0 {
			continue
		}
		first := d.mentions[p.mentions[0]]
		if p.kinship {
			p.affiliation = d.antecedentAffiliation(i, first.titleStart)
		}
		if p.affiliation == "" {
			p.affiliation = d.sentenceCountry(first.titleStart)
		}
		if p.affiliation == "" {
			p.affiliation = d.spokeForCountry(first.nameEnd)
		}
		if p.affiliation == "" {
			p.affiliation = d.earlierDescriptionCountry(p.role, first.titleStart)
		}
		if p.affiliation == "" && d.isStateRole(p.role) {
			p.affiliation = d.laterDescriptionCountry(i, p.role, first.nameEnd)
		}
		if p.affiliation == "" && d.isStateRole(p.role) {
			// A ministry spokesman or a minister with no country named is
			// most likely of the country the story is filed from, or else
			// of the country the article is about.
			p.affiliation = d.datelineCountry()
			if p.affiliation == "" {
				if !counted {
					mainCountry, counted = d.mainCountry(), true
				}
				p.affiliation = mainCountry
			}
		}
	}
}

// earlierDescriptionCountry finds the country of a role given bare ("The
// ambassador, Andrei Kelin") in an earlier description with the same head
// noun ("the Russian ambassador").
func (d *doc) earlierDescriptionCountry(role string, before int) string {
	ws := strings.Fields(key(role))
	if len(ws) == 0 {
		return ""
	}
	head := ws[len(ws)-1]
	for j := min(before, len(d.toks)) - 1; j > 0 && before-j < 3000; j-- {
		if d.toks[j].low == head && d.toks[j-1].cap {
			if c := d.countryAt(j-1, j); c != "" {
				return c
			}
		}
	}
	return ""
}

// datelineCountry returns the country of the dateline ("Paris (AFP) -",
// "Doha:") when the body names that country again; "" otherwise.
func (d *doc) datelineCountry() string {
	if len(d.toks) < 2 || !d.toks[0].cap {
		return ""
	}
	n := 1
	if d.lexKindOf(0, 2) == lexPlace {
		n = 2
	}
	if n >= len(d.toks) || !d.toks[n].is(":", "-", "—", "–", "_", "(", ",") {
		return ""
	}
	c := d.g.place[d.phraseKey(0, n)]
	if c == "" {
		return ""
	}
	// The body proper starts after the dateline's dash or colon.
	start := n
	for start < len(d.toks) && start < 12 && !d.toks[start].is(":", "-", "—", "–", "_") {
		start++
	}
	for i := start + 1; i < len(d.toks) && i < 5000; i++ {
		if t := d.toks[i]; t.cap && d.g.country[t.low] == c {
			return d.g.articleForm(c, d.seenKeys)
		}
	}
	return ""
}

func (d *doc) isStateRole(role string) bool {
	for _, w := range strings.Fields(key(role)) {
		if d.g.has(wStateWord, w) {
			return true
		}
	}
	return false
}

// mainCountry returns the country the article names most often (by name,
// demonym or capital), when one stands out; "" otherwise.
func (d *doc) mainCountry() string {
	counts := map[string]int{}
	for i, t := range d.toks {
		if t.kind == tokWord && t.cap {
			if c := d.g.country[t.low]; c != "" {
				counts[c]++
			} else if c := d.g.place[t.low]; c != "" {
				counts[c]++
			} else if i+1 < len(d.toks) && d.g.multiFirst[t.low] {
				if c := d.g.country[t.low+" "+d.toks[i+1].low]; c != "" {
					counts[c]++
				}
			}
		}
	}
	best, bestN, second := "", 0, 0
	for c, n := range counts {
		if n > bestN || n == bestN && c < best {
			best, bestN, second = c, n, bestN
		} else if n > second {
			second = n
		}
	}
	if bestN < 2 || bestN == second {
		return ""
	}
	return d.g.articleForm(best, d.seenKeys)
}

func (d *doc) leaderFor(p *entity) (leader, bool) {
	if l, ok := d.g.leaders[strings.Join(p.words, " ")]; ok {
		return l, true
	}
	l, ok := d.g.leaderLast[p.surname]
	if !ok {
		return leader{}, false
	}
	lw := strings.Fields(key(l.name))
	var core []string // the name without initials ("Ferdinand R. Marcos Jr.")
	for _, w := range p.words {
		if !(len(w) == 2 && w[1] == '.') {
			core = append(core, w)
		}
	}
	return l, subset(core, lw)
}

// titleDefault returns the affiliation a title implies by itself
// ("Secretary-General" -> United Nations).
func (d *doc) titleDefault(role string) string {
	ws := strings.Fields(key(role))
	for n := len(ws); n >= 1; n-- {
		for i := 0; i+n <= len(ws); i++ {
			if aff := d.g.titles[strings.Join(ws[i:i+n], " ")]; aff != "" {
				return aff
			}
		}
	}
	return ""
}

// previousSubjectBody returns the body that is the subject of the sentence
// before token i ("The Norwegian Refugee Council said … Its regional
// director, …"): a run of capitalised words, or words ending in the head
// noun of a body ("The Chinese foreign ministry"), right at the start of
// that sentence. It returns "" when the sentence opens otherwise.
func (d *doc) previousSubjectBody(i int) string {
	end := i - 1
	for end >= 0 && d.tokPara[end] == d.tokPara[i] && !d.toks[end].isSentenceEnd() {
		end--
	}
	if end < 0 {
		return ""
	}
	start := end - 1
	for start >= 0 && end-start < 60 && d.tokPara[start] == d.tokPara[end] && !d.toks[start].isSentenceEnd() {
		start--
	}
	ps := start + 1
	if ps < end && d.toks[ps].is("the") {
		ps++
	}
	e, head := ps, false
	for e < end && e-ps < 8 && !head && d.bodyNameWord(e, end) {
		head = !d.toks[e].cap && d.g.speakerHead[d.toks[e].low] == kindOrganization
		e++
	}
	if e == ps || !head && (e-ps < 2 || d.mentionEndingIn(ps, e) >= 0 || d.countryAt(ps, e) != "") {
		return ""
	}
	return d.span(ps, e)
}

// bodyNameWord reports whether token k (before end) may be part of a
// body's name: a capitalised word, a joining word between capitalised
// words ("Chamber of Commerce"), a lower-case head noun of a body
// ("ministry") or the word right before one ("foreign ministry").
func (d *doc) bodyNameWord(k, end int) bool {
	t := d.toks[k]
	if t.kind == tokPossessive {
		return k > 0 && d.toks[k-1].cap // "India's foreign ministry"
	}
	if t.kind != tokWord {
		return false
	}
	if t.cap {
		return !t.in(wFunction)
	}
	next := k+1 < end && d.toks[k+1].kind == tokWord
	if t.is("of", "in", "for", "and") {
		return k > 0 && d.toks[k-1].cap && next && d.toks[k+1].cap
	}
	return d.g.speakerHead[t.low] == kindOrganization || next && !d.toks[k+1].cap && d.g.speakerHead[d.toks[k+1].low] == kindOrganization
}

// antecedentAffiliation returns the affiliation of the closest other person
// mentioned before token i ("Guterres … his spokesperson").
func (d *doc) antecedentAffiliation(self, i int) string {
	best, bestPos := "", -1
	for k, p := range d.people {
		if k == self || p.affiliation == "" {
			continue
		}
		if s := d.lastMentionBefore(p, i); s > bestPos {
			best, bestPos = p.affiliation, s
		}
	}
	return best
}

// sentenceCountry returns the country that a sentence gives as the voice
// of the person at token i: a country or capital that speaks ("France said
// Foreign Minister …") or the dateline ("Doha: Prime Minister …").
func (d *doc) sentenceCountry(i int) string {
	for j := i - 1; j >= 0 && i-j < 40 && d.tokPara[j] == d.tokPara[i]; j-- {
		t := d.toks[j]
		if t.isSentenceEnd() {
			break
		}
		if t.kind != tokWord || !t.cap || j+1 >= len(d.toks) {
			continue
		}
		next := d.toks[j+1]
		dateline := (j == 0 || d.tokPara[j-1] != d.tokPara[j]) && next.kind == tokPunct && next.is(":", "-", "—", "_", "(", ",")
		if dateline || d.g.speechVerbs[next.low] || next.kind == tokPossessive || d.sendsRole(j+1, i) {
			if c := d.countryAt(j, j+1); c != "" {
				return c
			}
		}
	}
	return ""
}

// sendsRole reports whether tokens [i, j) link a country before them to the
// role holder after them as the one who represents it: "Russia was
// represented by", "Russia sent".
func (d *doc) sendsRole(i, j int) bool {
	ws := make([]string, 0, 4)
	for k := i; k < j; k++ {
		if len(ws) == 4 {
			return false
		}
		ws = append(ws, d.toks[k].low)
	}
	return d.g.has(wSendingPhrase, strings.Join(ws, " "))
}

// spokeForCountry returns the country a person speaks for in the words
// right after the name ("X spoke for Iran", "X, who spoke on behalf of
// Iran", "X of Britain").
func (d *doc) spokeForCountry(j int) string {
	k := j
	switch {
	case k < len(d.toks) && d.toks[k].low == "of":
		k++ // "Foreign Minister David Lammy of Britain"
	default:
		if k+1 < len(d.toks) && d.toks[k].low == "," && d.toks[k+1].low == "who" {
			k += 2
		}
		if k+1 >= len(d.toks) || !d.toks[k].is("spoke", "speaks", "speaking") {
			return ""
		}
		k++
		switch {
		case d.toks[k].low == "for":
			k++
		case k+2 < len(d.toks) && d.toks[k].low == "on" && d.toks[k+1].low == "behalf" && d.toks[k+2].low == "of":
			k += 3
		default:
			return ""
		}
	}
	// The longest country name that starts here ("the United States").
	for e := min(k+4, len(d.toks)); e > k; e-- {
		if d.tokPara[e-1] != d.tokPara[k] {
			continue
		}
		if c := d.countryAt(k, e); c != "" {
			return c
		}
	}
	return ""
}

// laterDescriptionCountry finds the country of a bare state role in a
// later description with the same head noun ("the Russian deputy
// minister"), when no other person in the article holds a role with that
// head noun, so the description can only be this person.
func (d *doc) laterDescriptionCountry(self int, role string, after int) string {
	ws := strings.Fields(key(role))
	if len(ws) == 0 {
		return ""
	}
	head := ws[len(ws)-1]
	for k, p := range d.people {
		if k == self || len(p.mentions) == 0 {
			continue
		}
		if pw := strings.Fields(key(p.role)); len(pw) > 0 && pw[len(pw)-1] == head {
			return ""
		}
	}
	found := ""
	for j := after; j+1 < len(d.toks); j++ {
		if d.toks[j+1].low != head {
			continue
		}
		// "the Russian deputy minister": a demonym up to two words before the head.
		for b := j; b >= after && b > j-3; b-- {
			if !d.toks[b].cap {
				continue
			}
			if c := d.countryAt(b, b+1); c != "" {
				if found != "" && found != c {
					return ""
				}
				found = c
				break
			}
		}
	}
	return found
}

// countryAt returns the country that tokens [i, j) name, directly or by a
// demonym, capital or city, in the article's own spelling.
func (d *doc) countryAt(i, j int) string {
	k := d.phraseKey(i, j)
	c := d.g.country[k]
	if c == "" {
		c = d.g.place[k]
	}
	if c == "" {
		return ""
	}
	return d.g.articleForm(c, d.seenKeys)
}

// affiliationAt returns the country or organisation named by [i, j).
func (d *doc) affiliationAt(i, j int) string {
	if c := d.countryAt(i, j); c != "" {
		return c
	}
	return d.g.org[d.phraseKey(i, j)]
}

// parseTitle splits the title phrase [i, j) into role and affiliation:
// a leading demonym, country or possessive ("Iran's") is the affiliation,
// as are a trailing "of <country>" and an "at <organisation>"; a known
// organisation inside the title ("U.N. Ambassador") is the affiliation when
// no country is given, and stays part of the role.
func (d *doc) parseTitle(i, j int) titleInfo {
	var ti titleInfo
	for i < j && d.toks[i].is("of", "for", "and", "the", "a", "an", "his", "her", "their", "its") {
		ti.kinship = ti.kinship || d.toks[i].is("his", "her")
		ti.bodyKin = ti.bodyKin || d.toks[i].low == "its"
		i++
	}
	// "aide to Prime Minister", "office of President": the aide or the
	// office is somebody else; the person's own title follows.
	for k := j - 1; k > i; k-- {
		if d.toks[k].is("to", "of", "for") && d.toks[k-1].in(wAgentHead) && k+1 < j && d.toks[k+1].cap && d.hasRoleNoun(k+1, j) {
			i = k + 1
			break
		}
	}
	abbreviated := ""
	for j > i && (d.toks[j-1].in(wHonorific) || d.toks[j-1].is("of", "and", ",")) {
		if abbreviated == "" {
			abbreviated = d.g.abbrTitles[d.toks[j-1].low]
		}
		j--
	}
	if i >= j {
		ti.role = abbreviated
		return ti
	}
	// Possessive: "Iran's chief negotiator", "NPR's", "Belarus’ Foreign
	// Minister"; a person's ("Guterres's spokesman") makes the role relative
	// to that person, whose affiliation it shares.
	for k := i; k < j && k < i+6; k++ {
		if d.toks[k].kind == tokPossessive {
			if aff := d.affiliationAt(i, k); aff != "" {
				ti.affiliation = aff
				i = k + 1
			} else if mi := d.mentionEndingIn(i, k); mi >= 0 {
				// "Miller's counterpart" is on the other side.
				if !d.hasWord(k, j, "counterpart") {
					if e := d.mentions[mi].entity; e >= 0 && e < len(d.people) {
						ti.affiliation = d.people[e].affiliation
					}
					ti.kinship = ti.affiliation == ""
				}
				i = k + 1
			}
			break
		}
	}
	// Leading demonym or country: "Russian", "U.S.", "Pakistani".
	if ti.affiliation == "" {
		for m := 3; m >= 1; m-- {
			if i+m <= j {
				if c := d.countryAt(i, i+m); c != "" && i+m < j {
					ti.affiliation = c
					i += m
					break
				}
			}
		}
	}
	// "at UNOSAT" ends the role; "of Belarus" too when it names a country.
	placeFrom := j
	for k := i; k < j; k++ {
		t := d.toks[k]
		if !t.is("at", "of", "with", "in", "to", "for") || k+1 >= j {
			continue
		}
		if t.is("to", "for", "in") && (d.countryAt(k+1, k+2) != "" || k+3 <= j && d.countryAt(k+1, k+3) != "") {
			placeFrom = min(placeFrom, k) // "ambassador to Algiers": where, not whom for
		}
		if aff := d.affiliationAt(k+1, j); aff != "" {
			// "ambassador to Tripoli" and "envoy for Yemen" name where the
			// person works, not whom they work for.
			if t.is("to", "for", "in") {
				placeFrom = min(placeFrom, k)
				continue
			}
			if ti.affiliation == "" {
				ti.affiliation = aff
			}
			if t.low != "for" {
				j = k
			}
			break
		}
		if t.low == "at" || t.low == "with" {
			if ti.affiliation == "" && d.toks[k+1].cap {
				ti.affiliation = d.span(k+1, j)
			}
			j = k
			break
		}
	}
	// Anything else the title names: an organisation or a country's possessive.
	for k := i; k < placeFrom && ti.affiliation == ""; k++ {
		for m := 4; m >= 1; m-- {
			if k+m <= placeFrom {
				if aff := d.affiliationAt(k, k+m); aff != "" {
					ti.affiliation = aff
					break
				}
			}
		}
	}
	if d.hasRoleNounOnly(i, j) {
		ti.role = d.span(i, j)
	} else if j-i == 1 && d.toks[i].low == "counterpart" {
		// "his Greek counterpart Nikos Dendias": all the text says of his
		// role; any other title of his wins (see assignRoles).
		ti.role = d.span(i, j)
	}
	return ti
}

// hasRoleNounOnly reports whether [i, j) contains a role noun other than
// "counterpart", which says who someone matches, not what they are.
func (d *doc) hasRoleNounOnly(i, j int) bool {
	for k := i; k < j; k++ {
		if d.toks[k].low != "counterpart" && d.isRoleNoun(d.toks[k].low) {
			return true
		}
	}
	return false
}

// appositionBefore reads "Iran's foreign minister, " ending at the comma
// just before token i.
func (d *doc) appositionBefore(i int) titleInfo {
	if i < 2 || d.toks[i-1].low != "," {
		return titleInfo{}
	}
	s := d.roleDescriptionBefore(i - 1)
	if s < 0 {
		return titleInfo{}
	}
	return d.parseTitle(s, i-1)
}

// appositionAfter reads ", research adviser at UNOSAT," after token j.
func (d *doc) appositionAfter(j int) titleInfo {
	if j >= len(d.toks) || d.toks[j].low != "," || !d.sameRegion(j-1, j) {
		return titleInfo{}
	}
	s := j + 1
	e := s
	for e < len(d.toks) && e-s < 20 && d.sameRegion(s, e) {
		t := d.toks[e]
		if t.kind == tokPunct && t.low != "-" && t.low != "’" && t.low != "'" || t.is("who", "which", "whose") {
			break
		}
		e++
	}
	// "commissioner for political affairs, peace and security": a list
	// inside the role runs past its commas.
	if e < len(d.toks) && d.toks[e].low == "," && d.sameRegion(s, e) {
		k, hasAnd := e+1, false
		for k < len(d.toks) && k-e <= 6 && d.sameRegion(s, k) && d.toks[k].kind == tokWord && !d.toks[k].cap &&
			!d.toks[k].in(wFunction) || k < len(d.toks) && d.toks[k].low == "and" && d.sameRegion(s, k) {
			hasAnd = hasAnd || d.toks[k].low == "and"
			k++
		}
		if hasAnd && k < len(d.toks) && d.toks[k].kind == tokPunct && k-e <= 6 {
			e = k
		}
	}
	for s < e && d.toks[s].is("the", "a", "an") {
		s++
	}
	if s >= e {
		return titleInfo{}
	}
	if d.toks[s].low == "reporting" {
		return titleInfo{role: "reporter"}
	}
	for k := s; k < e && k < s+4; k++ {
		if d.toks[k].kind == tokWord && !d.toks[k].cap && !d.isRoleNoun(d.toks[k].low) && d.g.speechVerbs[d.toks[k].low] {
			return titleInfo{}
		}
		if d.isRoleNoun(d.toks[k].low) {
			return d.parseTitle(s, e)
		}
	}
	return titleInfo{}
}

// affiliationKey returns a comparable key for the country or organisation
// that tokens [i, j) name ("French" and "France" give the same key).
func (d *doc) affiliationKey(i, j int) string {
	k := d.phraseKey(i, j)
	if c := d.g.country[k]; c != "" {
		return c
	}
	return d.g.org[k]
}

// affiliationKeyOf is affiliationKey for an affiliation already chosen.
func (d *doc) affiliationKeyOf(aff string) string {
	k := key(aff)
	if c := d.g.country[k]; c != "" {
		return c
	}
	if o := d.g.org[k]; o != "" {
		return o
	}
	return aff
}

func (d *doc) hasWord(i, j int, w string) bool {
	for k := i; k < j; k++ {
		if d.toks[k].low == w {
			return true
		}
	}
	return false
}
