// Pronoun resolution: the events of who was the subject where, and what
// "he", "she" and "it" refer to.

package extract

import (
	"slices"
	"sort"
	"strings"
)

// jointPeople marks the event of a person named jointly with another as
// the subject of one verb: no pronoun after it can be resolved.
const jointPeople = -2

// isObjectMention reports whether the mention m is the object of a verb or
// preposition ("hosted Syrian leader Ahmed al-Sharaa", "met his counterpart
// Y"): the word before its title is an object marker or a lower-case verb,
// looking past a possessive determiner.
func (a *attributor) isObjectMention(m mention) bool {
	d := a.d
	s := m.titleStart
	if s > 0 && d.sameRegion(s-1, s) && d.toks[s-1].is("his", "her", "their", "its") {
		s--
	}
	if s == 0 || !d.sameRegion(s-1, s) {
		return false
	}
	prev := d.toks[s-1]
	if prev.in(wObjectMarker) {
		return true
	}
	return prev.kind == tokWord && !prev.cap && !prev.in(wClauseOpener) && !prev.in(wAdverbBeforeVerb) && !isLyAdverb(prev) &&
		(d.g.speechVerbs[prev.low] && !prev.in(wClauseVerb) || strings.HasSuffix(prev.low, "ed") || prev.in(wIrregularParticiple) || strings.HasSuffix(prev.low, "s") && !prev.in(wFunction))
}

// jointWithNext reports whether the person mention m is joined by "and" to
// another person mention right after it ("Egypt's Foreign Minister Badr
// Abdelatty and his Jordanian counterpart Ayman Safadi").
func (d *doc) jointWithNext(m mention) bool {
	k := m.nameEnd
	if k >= len(d.toks) || !d.sameRegion(m.nameEnd-1, k) || d.toks[k].low != "and" {
		return false
	}
	for j := k + 1; j < len(d.toks) && j <= k+8 && d.sameRegion(k, j); j++ {
		if mi, ok := d.mentionByTok[j]; ok {
			ts := d.mentions[mi].titleStart
			return ts == k+1 || ts == k+2 && d.toks[k+1].is("his", "her", "their")
		}
	}
	return false
}

func (a *attributor) collectEvents() {
	d := a.d
	for _, m := range d.mentions {
		if m.entity < 0 || d.tokQuote[m.nameStart] >= 0 {
			continue
		}
		if a.isObjectMention(m) {
			continue
		}
		person := m.entity
		if d.jointWithNext(m) {
			person = jointPeople // "X and his counterpart Y held talks": either may be "he"
		}
		a.events = append(a.events, event{tok: m.nameStart, person: person})
	}
	// Unnamed people who open a sentence ("A senior diplomat disagreed")
	// are antecedents too.
	for lo := 0; lo < len(a.outer); lo++ {
		if lo > 0 && a.para(lo-1) == a.para(lo) && (a.isPlaceholder(lo-1) || !a.tok(lo-1).isSentenceEnd()) {
			continue
		}
		if a.isPlaceholder(lo) {
			continue
		}
		hi := lo
		for hi < len(a.outer) && hi-lo < 30 && a.para(hi) == a.para(lo) && !a.isPlaceholder(hi) {
			hi++
		}
		// "According to a Pakistani official who spoke on condition of
		// anonymity, …": the source is an antecedent too.
		if lo+2 < hi && a.tok(lo).low == "according" && a.tok(lo+1).low == "to" && a.tok(lo+2).is("a", "an", "another", "one") {
			if sp, ok := a.resolveAfter(lo+2, hi); ok && sp.kind == SpeakerAnonymous {
				a.events = append(a.events, event{tok: a.outer[lo+2].t, person: -1, who: sp})
			}
			continue
		}
		s, e, ok := a.sentenceSubject(lo, hi)
		if !ok {
			// "A senior EU official, speaking on condition of anonymity, said"
			for v := lo; v < hi; v++ {
				if !a.isPlaceholder(v) && a.d.g.speechVerbs[a.tok(v).low] {
					s, e, ok = a.subjectOf(v, lo)
					break
				}
			}
		}
		if ok && a.tok(s).is("a", "an", "another", "one") {
			if sp, ok := a.resolve(s, e); ok && sp.kind == SpeakerAnonymous {
				a.events = append(a.events, event{tok: a.outer[s].t, person: -1, who: sp})
			}
		} else if ok && a.d.g.speakerHead[a.tok(a.headOf(s, e)).low] == kindOrganization {
			// "Saudi Arabia's foreign ministry said on X that …": what a
			// later "the ministry" refers to.
			if sp, ok := a.resolve(s, e); ok && sp.kind == SpeakerOrganization {
				a.bodies = append(a.bodies, event{tok: a.outer[s].t, person: -1, who: sp})
			}
		}
	}
	sort.SliceStable(a.events, func(i, j int) bool { return a.events[i].tok < a.events[j].tok })
}

// addEvent records a speaker found at byte offset off in evs: a person, or
// an unnamed speaker that a later "he" may refer to as well, or a body.
// Quotes are attributed in text order, so the list stays sorted.
func (a *attributor) addEvent(evs []event, off int, who speaker) []event {
	tok := sort.Search(len(a.d.toks), func(i int) bool { return a.d.toks[i].start >= off })
	// Bodies named as subjects are collected beforehand: keep the order.
	k := sort.Search(len(evs), func(k int) bool { return evs[k].tok > tok })
	evs = append(evs, event{})
	copy(evs[k+1:], evs[k:])
	evs[k] = event{tok: tok, person: who.person, who: who}
	return evs
}

// latestBefore returns the last event of evs before token i, if any.
func latestBefore(evs []event, i int) (event, bool) {
	k := sort.Search(len(evs), func(k int) bool { return evs[k].tok >= i })
	if k == 0 {
		return event{}, false
	}
	return evs[k-1], true
}

// resolvePronoun finds who a "he" or "she" at token i refers to: the
// latest person named as a subject, or speaker found, within the last few
// paragraphs, skipping anyone known to be of the other sex. An unnamed
// speaker ("a senior diplomat … he added") counts, so that the pronoun is
// not given to someone named earlier. When the sex of that latest
// candidate is unknown, it is taken only if no other possible candidate
// stands in the pronoun's sentence or the one before, and nobody known to
// be of the pronoun's sex in the sentence before that.
func (a *attributor) resolvePronoun(i int) speaker {
	sp := a.pronounAntecedent(i)
	if sp.person >= 0 && a.sexOf(sp.person) == genderUnknown {
		if a.pronounSex == nil {
			a.pronounSex = map[int]gender{}
		}
		a.pronounSex[sp.person] = a.d.g.pronounGender(a.d.toks[i].low)
	}
	return sp
}

// pronounAntecedent is resolvePronoun without recording what it learns.
func (a *attributor) pronounAntecedent(i int) speaker {
	d := a.d
	want := d.g.pronounGender(d.toks[i].low)
	if sp, ok := a.speaksOn(i, want); ok {
		return sp
	}
	if sp, ok := a.centeredSubject(i, want); ok {
		return sp
	}
	if sp, ok := a.pronounChain(i, want, 3); ok {
		return sp
	}
	near, far := a.sentencesBack(i, 2), a.sentencesBack(i, 3)
	ke := sort.Search(len(a.events), func(k int) bool { return a.events[k].tok >= i })
	ks := sort.Search(len(a.speakers), func(k int) bool { return a.speakers[k].tok >= i })
	var first event
	found := false
	otherNear := false // the sentence before names someone of the other sex
	for steps := 0; steps < 16 && (ke > 0 || ks > 0); steps++ {
		var e event
		if ks > 0 && (ke == 0 || a.speakers[ks-1].tok >= a.events[ke-1].tok) {
			ks--
			e = a.speakers[ks]
		} else {
			ke--
			e = a.events[ke]
		}
		if d.tokPara[i]-d.tokPara[e.tok] > 3 || found && e.tok < far {
			break
		}
		if e.person == jointPeople {
			if !found || e.tok >= near {
				return noSpeaker() // "X and Y held talks. … he said"
			}
			continue
		}
		if e.person < 0 && e.who.kind != SpeakerAnonymous {
			continue
		}
		g := a.d.g.descriptionGender(e.who.name)
		if e.person >= 0 {
			g = a.sexOf(e.person)
		}
		if g != genderUnknown && g != want {
			otherNear = otherNear || e.tok >= near
			continue
		}
		if !found {
			if g == want {
				// "Lavrov met his Turkish counterpart, Hakan Fidan.
				// “…,” he said": another man named as a subject
				// earlier in the same sentence leaves "he" open.
				if e.person >= 0 && a.sameSexSubjectBefore(e, ke, want) {
					return noSpeaker()
				}
				return a.eventSpeaker(e)
			}
			first, found = e, true
			continue
		}
		same := e.person == first.person && (e.person >= 0 || e.who.name == first.who.name)
		if !same && (e.tok >= near || g == want && first.person >= 0) {
			return noSpeaker() // two people it may be: do not guess
		}
	}
	// Of unknown sex, the candidate must stand in the pronoun's sentence
	// or the one before, or the one before that when the sentence between
	// is about someone of the other sex: otherwise the sentences between
	// may be about someone the text does not name ("The opposition
	// criticised the government. “…,” he said").
	if !found {
		return a.onlyOneOfSex(near, i, want)
	}
	if first.tok < near && !otherNear {
		return noSpeaker()
	}
	return a.eventSpeaker(first)
}

// onlyOneOfSex resolves a "he" or "she" at token i that no subject
// accounts for to the one person of its sex named in its sentence or the
// one before, object or not ("Macron met Prime Minister Giorgia Meloni.
// “…,” she said"), when everyone else named there is known to be of the
// other sex.
func (a *attributor) onlyOneOfSex(near, i int, want gender) speaker {
	d := a.d
	found := -1
	for t := near; t < i; t++ {
		mi, ok := d.mentionByTok[t]
		if !ok || d.tokQuote[t] >= 0 || d.mentions[mi].entity < 0 {
			continue
		}
		p := d.mentions[mi].entity
		switch g := a.sexOf(p); {
		case g == genderUnknown:
			return noSpeaker()
		case g == want && found >= 0 && found != p:
			return noSpeaker()
		case g == want:
			found = p
		}
	}
	if found < 0 {
		return noSpeaker()
	}
	return a.personSpeaker(found)
}

// sameSexSubjectBefore reports whether a person other than e's, of the
// sex want, is named as a subject earlier in e's own sentence, among the
// first ke events.
func (a *attributor) sameSexSubjectBefore(e event, ke int, want gender) bool {
	from := a.sentencesBack(e.tok, 1)
	for k := ke - 1; k >= 0 && a.events[k].tok >= from; k-- {
		o := a.events[k]
		if o.tok >= e.tok || o.person < 0 || o.person == e.person {
			continue
		}
		if a.sexOf(o.person) == want {
			return true
		}
	}
	return false
}

// speaksOn resolves a "he" or "she" at token i that is the subject of a
// verb going on with what was said ("… Abbas “has put aside efforts,” he
// added") to the last speaker quoted before it, not to the person named
// last: the pronoun adds to that speaker's words. It gives up when that
// speaker is of the other sex or more than three paragraphs back.
func (a *attributor) speaksOn(i int, want gender) (speaker, bool) {
	d := a.d
	if i+1 >= len(d.toks) || !d.toks[i+1].in(wContinuationVerb) {
		return noSpeaker(), false
	}
	ks := sort.Search(len(a.speakers), func(k int) bool { return a.speakers[k].tok >= i })
	if ks == 0 {
		return noSpeaker(), false
	}
	e := a.speakers[ks-1]
	if d.tokPara[i]-d.tokPara[e.tok] > 3 || e.person < 0 {
		return noSpeaker(), false
	}
	if g := a.sexOf(e.person); g != genderUnknown && g != want {
		return noSpeaker(), false
	}
	return a.eventSpeaker(e), true
}

// centeredSubject resolves a "he" or "she" at token i to the grammatical
// subject of the sentence before, when that subject is one named person of
// the pronoun's sex or of unknown sex, nobody else is named in that
// sentence, and nobody is named in the pronoun's own sentence before it
// ("But opposition leader Raila Odinga was sceptical. “…,” he told …").
// People named further back do not compete with that subject.
func (a *attributor) centeredSubject(i int, want gender) (speaker, bool) {
	d := a.d
	cur := a.sentencesBack(i, 1)
	prev := a.sentencesBack(i, 2)
	if prev >= cur || d.tokPara[i]-d.tokPara[prev] > 1 {
		return noSpeaker(), false
	}
	for t := prev; t < cur; t++ {
		if d.tokQuote[t] >= 0 {
			return noSpeaker(), false // a quoted sentence has its own speaker
		}
	}
	subj := -1
	for mi, m := range d.mentions {
		if m.nameStart >= cur && m.nameStart < i && d.tokQuote[m.nameStart] < 0 {
			return noSpeaker(), false
		}
		if m.nameStart < prev || m.nameStart >= cur || m.entity < 0 {
			continue
		}
		if subj >= 0 && d.mentions[subj].entity != m.entity {
			return noSpeaker(), false
		}
		if subj < 0 {
			subj = mi
		}
	}
	for _, e := range a.events {
		if e.tok >= prev && e.tok < i && e.person < 0 {
			return noSpeaker(), false // an unnamed person or "X and Y"
		}
	}
	if subj < 0 {
		return noSpeaker(), false
	}
	m := d.mentions[subj]
	if g := a.sexOf(m.entity); g != genderUnknown && g != want || !a.opensClause(prev, m) {
		return noSpeaker(), false
	}
	return a.personSpeaker(m.entity), true
}

// pronounChain resolves a "he" or "she" at token i whose sentence follows
// one opening with the same pronoun ("She has faced controversies … over
// the server Hillary Clinton used. She said she was not aware … “…,” she
// said"): the sentence-opening pronoun keeps the topic, so the later one
// refers to whoever the earlier one does, not to a person named inside the
// earlier sentence. It gives up when someone is named in the pronoun's own
// sentence before it, and follows at most depth such sentences back.
func (a *attributor) pronounChain(i int, want gender, depth int) (speaker, bool) {
	d := a.d
	cur := a.sentencesBack(i, 1)
	prev := a.sentencesBack(i, 2)
	if depth == 0 || prev >= cur || d.tokPara[i]-d.tokPara[prev] > 1 {
		return noSpeaker(), false
	}
	for t := cur; t < i; t++ {
		if _, ok := d.mentionByTok[t]; ok && d.tokQuote[t] < 0 {
			return noSpeaker(), false
		}
	}
	opener := d.skipTurnPhrase(prev, cur)
	for opener < cur && d.toks[opener].is("but", "and", "yet", "still", "also", "then") {
		opener++
	}
	if opener >= cur || d.tokQuote[opener] >= 0 || d.toks[opener].kind != tokWord ||
		!d.toks[opener].is("he", "she") || d.g.pronounGender(d.toks[opener].low) != want {
		return noSpeaker(), false
	}
	if sp, ok := a.pronounChain(opener, want, depth-1); ok {
		return sp, true
	}
	if sp := a.pronounAntecedent(opener); sp.kind == SpeakerPerson {
		return sp, true
	}
	return noSpeaker(), false
}

// opensClause reports whether the mention m is the subject of the sentence
// starting at token lo: it opens the sentence (after a dateline or a
// connective such as "But"), or stands in apposition to the noun phrase that
// does ("Sudan's ambassador to the United Nations, X, rejected"); and a
// verb, not a possessive or a coordinated name, follows it.
func (a *attributor) opensClause(lo int, m mention) bool {
	d := a.d
	if m.nameEnd >= len(d.toks) || a.isObjectMention(m) || d.jointWithNext(m) {
		return false
	}
	next := d.toks[m.nameEnd]
	if next.kind == tokPossessive || next.is("and", "or") {
		return false
	}
	op := sort.Search(len(a.outer), func(p int) bool { return a.outer[p].t >= lo })
	if op >= len(a.outer) {
		return false
	}
	start := d.skipTurnPhrase(a.outer[a.skipDateline(op, len(a.outer))].t, m.titleStart)
	opening := true
	for t := start; t < m.titleStart; t++ {
		if tk := d.toks[t]; tk.low != "," && !tk.is("but", "and", "yet", "however", "meanwhile", "still", "also", "then") {
			opening = false
			break
		}
	}
	if opening {
		return next.kind == tokWord && !next.cap || next.low == ","
	}
	// The apposition: a description, a comma, the name, a comma, a verb.
	if m.titleStart-1 <= start || d.toks[m.titleStart-1].low != "," || next.low != "," || m.nameEnd+1 >= len(d.toks) {
		return false
	}
	for t := start; t < m.titleStart-1; t++ {
		// "Sudan's ambassador to the United Nations, X, rejected": the
		// description may hold where its role is held.
		if tk := d.toks[t]; !a.npToken(tk) && !(tk.in(wDescriptionPreposition) && t > start && d.isRoleNoun(d.toks[t-1].low)) || tk.is("and") {
			return false
		}
	}
	verb := d.toks[m.nameEnd+1]
	return verb.kind == tokWord && !verb.cap && !verb.in(wDeterminer) && !verb.in(wFunction)
}

// skipTurnPhrase returns the token after a phrase that hands the turn to
// the subject of a readout's sentence ("For his part, Abdelatty
// highlighted", "In turn, the minister"), or start when there is none
// before end.
func (d *doc) skipTurnPhrase(start, end int) int {
	is := func(k int, words ...string) bool { return k < end && d.toks[k].is(words...) }
	switch {
	case is(start, "for", "on") && is(start+1, "his", "her", "their") && is(start+2, "part") && is(start+3, ","):
		return start + 4
	case is(start, "in") && is(start+1, "turn", "response", "reply") && is(start+2, ","):
		return start + 3
	}
	return start
}

func (a *attributor) eventSpeaker(e event) speaker {
	if e.person < 0 {
		return e.who
	}
	return a.personSpeaker(e.person)
}

// sentencesBack returns the first token of the n-th sentence counting back
// from the one holding token i (1 is i's own sentence); a paragraph break
// ends a sentence, and sentence marks inside quotes do not count.
func (a *attributor) sentencesBack(i, n int) int {
	d := a.d
	k := i
	for ; k > 0 && i-k < 400; k-- {
		prev := d.toks[k-1]
		// A quote closing on a full stop ends its sentence as well.
		closes := k >= 2 && isDoubleMarkString(prev.low) && d.tokQuote[k-2] >= 0 && d.toks[k-2].isSentenceEnd()
		if d.tokPara[k-1] != d.tokPara[k] || d.tokQuote[k-1] < 0 && prev.isSentenceEnd() || closes {
			n--
			if n == 0 {
				return k
			}
		}
	}
	return k
}

// relativeIt reports whether outer position j holds the "it" of a
// relative clause ("which it described as", "what it called").
func (a *attributor) relativeIt(j, lo int) bool {
	return j-1 > lo && !a.isPlaceholder(j) && !a.isPlaceholder(j-1) && a.tok(j).low == "it" && a.tok(j-1).is("which", "that", "what")
}

// opensSentence reports whether outer position p starts a sentence of
// running text: after a paragraph break or a sentence end outside quotes.
func (a *attributor) opensSentence(p int) bool {
	return p == 0 || a.para(p-1) != a.para(p) || !a.isPlaceholder(p-1) && a.tok(p-1).isSentenceEnd()
}

// followsQuote reports whether outer position j comes right after a quote
// of its paragraph, or after a quote and its comma ("“…,” it said").
func (a *attributor) followsQuote(j int) bool {
	k := j - 1
	if k >= 0 && !a.isPlaceholder(k) && a.tok(k).low == "," {
		k--
	}
	return k >= 0 && a.isPlaceholder(k) && a.para(k) == a.para(j)
}

// resolveIt finds the body that "it" at outer position j (opening a
// sentence or right after a quote) refers to: a body quoted in the
// sentence before ("“…,” the Pentagon said. It added …"), or else the body
// that was that sentence's subject.
func (a *attributor) resolveIt(j int) (speaker, bool) {
	t := a.outer[j].t
	pt := a.sentencesBack(t, 2)
	if k := sort.Search(len(a.bodies), func(k int) bool { return a.bodies[k].tok >= t }); k > 0 && a.bodies[k-1].tok >= pt {
		b := a.bodies[k-1]
		from := sort.Search(len(a.outer), func(p int) bool { return a.outer[p].t >= b.tok })
		if a.otherBodyBetween(from, j, b.who.name) {
			return noSpeaker(), false // another body it may be: do not guess
		}
		return b.who, true
	}
	if s, e, ok := a.bodyPronounAntecedent(j); ok {
		return a.resolve(s, e)
	}
	return noSpeaker(), false
}

// bodyPronounAntecedent finds what "It" opening the sentence at outer
// position j refers to: the subject of the sentence before, when that is
// an organisation ("The RSF said … It called the reports …") and no other
// body is named after it in that sentence.
func (a *attributor) bodyPronounAntecedent(j int) (int, int, bool) {
	d := a.d
	pt := a.sentencesBack(a.outer[j].t, 2)
	plo := sort.Search(len(a.outer), func(k int) bool { return a.outer[k].t >= pt })
	if plo >= j || d.tokPara[a.outer[j].t]-d.tokPara[pt] > 1 {
		return 0, 0, false
	}
	s, e, ok := a.sentenceSubject(plo, j)
	if !ok || a.tok(s).low == "it" {
		return 0, 0, false
	}
	if sp, ok := a.resolve(s, e); !ok || sp.kind != SpeakerOrganization || a.otherBodyBetween(e, j, "") {
		return 0, 0, false
	}
	return s, e, true
}

// otherBodyBetween reports whether outer positions [lo, hi) name a body
// or country (outside quotes) other than the one called name.
func (a *attributor) otherBodyBetween(lo, hi int, name string) bool {
	d := a.d
	own := strings.Fields(key(name))
	for k := lo; k < hi; k++ {
		if a.isPlaceholder(k) || !a.tok(k).cap || slices.Contains(own, a.tok(k).low) {
			continue
		}
		t := a.outer[k].t
		n, kind := d.lexiconMatch(t, a.outer[hi].t)
		if n > 0 && kind == lexCountry && a.mereCountryMention(k, t, n) {
			continue
		}
		if n > 0 && (kind == lexOrg || kind == lexCountry) || isAcronym(d.text[d.toks[t].start:d.toks[t].end]) {
			return true
		}
	}
	return false
}

// mereCountryMention reports whether the country phrase of n tokens at
// token t (outer position k) cannot be what "it" refers to: a demonym
// ("Syrian workers"), a modifier ("U.S. troops") or a place ("troops
// from Syria").
func (a *attributor) mereCountryMention(k, t, n int) bool {
	d := a.d
	if pk := d.phraseKey(t, t+n); d.g.country[pk] != "" {
		name := false
		for _, f := range d.g.countryForm[d.g.country[pk]] {
			name = name || key(f) == pk
		}
		if !name {
			return true // a demonym
		}
	}
	// "U.S. troops": a modifier of the noun after it.
	if next := t + n; next < len(d.toks) && d.sameRegion(t, next) && d.toks[next].kind == tokWord && !d.toks[next].cap && a.npToken(d.toks[next]) && !d.toks[next].in(wPhrasePreposition) {
		return true
	}
	// "troops from (northeastern) Syria": a place, where "by the UAE" or
	// "of Iran" may name an actor.
	for j := k - 1; j >= 0 && j >= k-3 && !a.isPlaceholder(j); j-- {
		if tj := a.tok(j); tj.is("in", "into", "from", "across", "inside", "within", "throughout", "near", "around", "at") {
			return true
		} else if tj.cap || !a.npToken(tj) {
			break
		}
	}
	return false
}
