package extract

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// speaker is who a quote is attributed to.
type speaker struct {
	name   string
	kind   string // "person", "anonymous", "organization", "document", or ""
	person int    // index into doc.people for kind "person", else -1
}

// noSpeaker() is the answer when the speaker is unknown.
func noSpeaker() speaker { return speaker{person: -1} }

// attributor holds the outer text and the running state of attribution.
type attributor struct {
	d     *doc
	outer []otok
	qpos  []int
	got   []speaker
	how   []attribution
	route []string // which reading of the reporting clause gave got, for the scorer's features
	// features interns the scorer's feature names (candidates.go), built
	// in featureBuf.
	features     map[string]string
	featureBuf   []byte
	featureBlock []string // where candidates' feature lists are cut from
	// roleWords and affilKeys are every person's folded role words and
	// affiliation key, for roleReference.
	roleWords [][]string
	affilKeys []string
	// events are people named as subjects, and speakers are people found
	// speaking, each in text order: the candidates a "he" or "she" can
	// refer to.
	events, speakers []event
	// bodies are the organisations found speaking, in text order: what
	// "the ministry" refers to.
	bodies []event
	// pronounSex is the sex a "he" or "she" already resolved to a person
	// of unknown sex reveals, so that the other pronoun skips that person.
	pronounSex map[int]gender
}

// sexOf returns what the article says of a person's sex: from names, role
// words and honorifics, or else from a pronoun resolved to them before.
func (a *attributor) sexOf(p int) gender {
	if g := a.d.personGender(p); g != genderUnknown {
		return g
	}
	return a.pronounSex[p]
}

// event places a person, or for a speaker an unnamed speaker too, in the text.
type event struct {
	tok, person int
	who         speaker
}

type attribution uint8

const (
	byNone         attribution = iota
	byTag                      // the reporting clause names the speaker
	byContinuation             // the speaker carries over from the quote before
)

// attributeQuotes decides the speaker of every quote, in text order.
func (d *doc) attributeQuotes() *attributor {
	a := &attributor{d: d}
	a.outer, a.qpos = d.buildOuter()
	a.got = make([]speaker, len(d.quotes))
	a.how = make([]attribution, len(d.quotes))
	a.route = make([]string, len(d.quotes))
	a.collectEvents()
	for q := range a.got {
		a.got[q] = noSpeaker()
	}
	for q := range d.quotes {
		if a.qpos[q] < 0 {
			continue
		}
		if d.stop.stopped() {
			break // the quotes left keep no speaker: abstaining is safe
		}
		if d.quotes[q].label {
			a.got[q], a.how[q] = a.labelSpeaker(q), byTag
		} else if sp, ok := a.tagged(q); ok {
			a.got[q], a.how[q] = sp, byTag
		} else if sp, ok := a.continued(q); ok {
			a.got[q], a.how[q], a.route[q] = sp, byContinuation, "continuation"
		}
		if k := a.got[q].kind; k == "person" || k == "anonymous" {
			a.speakers = a.addEvent(a.speakers, d.quotes[q].start, a.got[q])
		} else if k == "organization" {
			a.bodies = a.addEvent(a.bodies, d.quotes[q].start, a.got[q])
		}
	}
	// A quote running over several paragraphs has one speaker, whichever
	// paragraph carries the tag.
	for q := 1; q < len(d.quotes); q++ {
		if d.quotes[q].cont && a.got[q].kind == "" && a.got[q-1].kind != "" {
			a.got[q], a.how[q], a.route[q] = a.got[q-1], a.how[q-1], "runs_over"
		}
	}
	for q := len(d.quotes) - 2; q >= 0; q-- {
		if d.quotes[q].runsOn && a.got[q].kind == "" && a.got[q+1].kind != "" {
			a.got[q], a.how[q], a.route[q] = a.got[q+1], a.how[q+1], "runs_over"
		}
	}
	return a
}

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
			if sp, ok := a.resolveAfter(lo+2, hi); ok && sp.kind == "anonymous" {
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
			if sp, ok := a.resolve(s, e); ok && sp.kind == "anonymous" {
				a.events = append(a.events, event{tok: a.outer[s].t, person: -1, who: sp})
			}
		} else if ok && a.d.g.speakerHead[a.tok(a.headOf(s, e)).low] == kindOrganization {
			// "Saudi Arabia's foreign ministry said on X that …": what a
			// later "the ministry" refers to.
			if sp, ok := a.resolve(s, e); ok && sp.kind == "organization" {
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
	if sp, ok := a.centeredSubject(i, want); ok {
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
		if e.person < 0 && e.who.kind != "anonymous" {
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
	if !found || first.tok < near && !otherNear {
		return noSpeaker()
	}
	return a.eventSpeaker(first)
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
		if !a.npToken(d.toks[t]) || d.toks[t].is("and") {
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

func (a *attributor) tok(p int) token { return a.d.toks[a.outer[p].t] }

func (a *attributor) isPlaceholder(p int) bool { return a.outer[p].q >= 0 }

func (a *attributor) para(p int) int { return a.d.tokPara[a.outer[p].t] }

// maxSentenceTokens bounds how far the reporting clause of a quote is
// looked for, which keeps the work linear on text with no sentence ends.
const maxSentenceTokens = 120

// sentenceBounds returns the outer positions [lo, hi) of the sentence
// around the quote at position p: from the previous sentence end (or a
// quote that ended one) to the next sentence end or quote.
func (a *attributor) sentenceBounds(p int) (lo, hi int) {
	para := a.para(p)
	lo = p
	for lo > 0 && a.para(lo-1) == para && p-lo < maxSentenceTokens {
		prev := lo - 1
		if a.isPlaceholder(prev) {
			if a.quoteEndsSentence(a.outer[prev].q) {
				break
			}
		} else if a.tok(prev).isSentenceEnd() {
			break
		}
		lo--
	}
	hi = p + 1
	for hi < len(a.outer) && a.para(hi) == para && !a.isPlaceholder(hi) && hi-p < maxSentenceTokens {
		if a.tok(hi).isSentenceEnd() {
			break
		}
		hi++
	}
	return lo, hi
}

func (a *attributor) quoteEndsSentence(q int) bool {
	s := a.d.text[a.d.quotes[q].start:a.d.quotes[q].end]
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// tagged reads the reporting clause of quote q: after it ("…," he said /
// said X / X told), before it (X said: "…" / X urged … to be "…"), or
// "according to X".
func (a *attributor) tagged(q int) (speaker, bool) {
	p := a.qpos[q]
	lo, hi := a.sentenceBounds(p)
	if sp, ok := a.possessedWords(lo, p); ok {
		a.route[q] = "possessed"
		return sp, true
	}
	if sp, ok := a.gappedSpeaker(lo, p); ok {
		a.route[q] = "gapped"
		return sp, true
	}
	if sp, ok := a.relativeClauseWords(lo, p); ok {
		a.route[q] = "relative"
		return sp, true
	}
	k := p + 1
	if k < hi && a.tok(k).is(",", "—", "–") {
		k++
	}
	if k < hi {
		if sp, ok := a.tagAfter(k, hi); ok {
			a.route[q] = "tag_after"
			return sp, true
		}
	}
	if sp, ok := a.tagBefore(lo, p); ok {
		a.route[q] = "tag_before"
		return sp, true
	}
	for i := p + 1; i+1 < hi; i++ {
		if a.tok(i).low == "according" && a.tok(i+1).low == "to" {
			a.route[q] = "according_after"
			return a.resolveAfter(i+2, hi)
		}
	}
	// "… in “close and seamless coordination” with the United States,
	// South Korean Foreign Minister Cho Tae-yul said on Tuesday."
	if sp, ok := a.closingTag(p+1, hi); ok {
		a.route[q] = "closing_tag"
		return sp, true
	}
	for i := lo; i+1 < p; i++ {
		if !a.isPlaceholder(i) && !a.isPlaceholder(i+1) && a.tok(i).low == "according" && a.tok(i+1).low == "to" {
			a.route[q] = "according_before"
			return a.resolveAfter(i+2, p)
		}
	}
	// "Kallas: “We will not recognise the annexation.”": a name and a colon.
	if p-1 > lo && !a.isPlaceholder(p-1) && a.tok(p-1).low == ":" {
		ts, te := a.outer[lo].t, a.outer[p-2].t+1
		if mi := a.d.mentionEndingIn(ts, te); mi >= 0 && a.d.mentions[mi].titleStart == ts && a.d.mentions[mi].entity >= 0 {
			a.route[q] = "name_colon"
			return a.personSpeaker(a.d.mentions[mi].entity), true
		}
	}
	// "The draft resolution, circulated by the United Kingdom, “demands …”":
	// a subject with no verb before the quote.
	if p > lo {
		if s, e, ok := a.subjectOf(p, lo); ok && s == lo {
			a.route[q] = "subject_no_verb"
			return a.resolve(s, e)
		}
	}
	a.route[q] = "colon_intro"
	return a.colonIntro(p)
}

// possessedWords reads a quote inside someone's reported words as theirs,
// whoever reports them: "Kallas said Lavrov's claim that Europe was “at
// war”", "Rubio dismissed Lavrov's description of the talks as “useful”".
// When the possessor is no known person ("the minister's remarks that"),
// the quote is left without a speaker rather than given to the reporter.
func (a *attributor) possessedWords(lo, p int) (speaker, bool) {
	for i := p - 1; i > lo && p-i < 16; i-- {
		if a.isPlaceholder(i) || a.isPlaceholder(i-1) {
			return noSpeaker(), false
		}
		t := a.tok(i)
		if t.low == "," || t.low == ";" || a.d.g.speechVerbs[t.low] && !t.in(wClaimNoun) {
			return noSpeaker(), false
		}
		if !t.in(wClaimNoun) || a.tok(i-1).kind != tokPossessive {
			continue
		}
		te := a.outer[i-1].t
		if mi := a.d.mentionEndingIn(a.outer[lo].t, te); mi >= 0 && a.d.mentions[mi].entity >= 0 && a.d.mentions[mi].nameEnd == te {
			return a.personSpeaker(a.d.mentions[mi].entity), true
		}
		return noSpeaker(), true
	}
	return noSpeaker(), false
}

// gappedSpeaker reads "Zelensky called it “a surrender”, Trump “a great
// deal”": a name between a comma after a quote and the next quote is the
// subject of the verb left out.
func (a *attributor) gappedSpeaker(lo, p int) (speaker, bool) {
	if p-1 <= lo || a.isPlaceholder(p-1) {
		return noSpeaker(), false
	}
	d := a.d
	mi := d.mentionEndingIn(a.outer[lo].t, a.outer[p-1].t+1)
	if mi < 0 || d.mentions[mi].entity < 0 || d.mentions[mi].nameEnd != a.outer[p-1].t+1 {
		return noSpeaker(), false
	}
	j := p - 1
	for j > lo && !a.isPlaceholder(j-1) && a.outer[j-1].t >= d.mentions[mi].titleStart {
		j--
	}
	if j-2 < lo || a.isPlaceholder(j-1) || a.tok(j-1).low != "," || !a.isPlaceholder(j-2) {
		return noSpeaker(), false
	}
	return a.personSpeaker(d.mentions[mi].entity), true
}

// relativeClauseWords reads a quote inside a subject relative clause as
// its antecedent's ("Responding to Rubio, who called Russia “not serious”,
// Lavrov said …"): the reporting clause after it is the main clause's.
func (a *attributor) relativeClauseWords(lo, p int) (speaker, bool) {
	for i := p - 1; i > lo && p-i < 16; i-- {
		if a.isPlaceholder(i) || a.isPlaceholder(i-1) {
			return noSpeaker(), false
		}
		t := a.tok(i)
		if t.low == "," || t.low == ";" {
			return noSpeaker(), false
		}
		if !t.is("who") || a.tok(i-1).low != "," || i+1 >= p || a.isPlaceholder(i+1) || a.tok(i+1).cap {
			continue
		}
		if s, e, ok := a.relativeAntecedent(i-1, lo); ok {
			if sp, ok := a.resolve(s, e); ok {
				return sp, true
			}
		}
		return noSpeaker(), true
	}
	return noSpeaker(), false
}

// colonIntro reads the sentence that ends the paragraph before the quote at
// p with a colon ("In a speech to ambassadors, Lula said:" or "Vieira went
// further:"): it introduces the quote that opens the next paragraph.
func (a *attributor) colonIntro(p int) (speaker, bool) {
	if p == 0 || a.para(p-1) == a.para(p) || a.isPlaceholder(p-1) || a.tok(p-1).low != ":" {
		return noSpeaker(), false
	}
	c := p - 1
	lo, _ := a.sentenceBounds(c)
	if sp, ok := a.firstTagIn(lo, c); ok {
		return sp, true
	}
	if s, e, ok := a.sentenceSubject(lo, c); ok {
		return a.resolve(s, e)
	}
	return noSpeaker(), false
}

// tagAfter recognises a reporting clause that opens right after the quote.
func (a *attributor) tagAfter(k, hi int) (speaker, bool) {
	d := a.d
	// "“We are ready.” That was how the minister put it" / "That was the
	// verdict of X": the next sentence names the speaker of a whole quoted
	// sentence.
	if a.thatWasAfter(k, hi) {
		if k+5 < hi && a.tok(k+2).low == "the" && a.tok(k+3).in(wVerdictNoun) && a.tok(k+4).low == "of" {
			return a.resolveAfter(k+5, hi)
		}
		k++
	}
	// "… is how a western diplomat characterized it"
	how := false
	if k+1 < hi && a.tok(k).is("is", "was") && a.tok(k+1).low == "how" {
		k += 2
		how = true
	}
	t := a.tok(k)
	if d.g.speechVerbs[t.low] && !strings.HasSuffix(t.low, "ing") && !t.is("told", "tells", "tell") {
		return a.resolveAfter(k+1, hi)
	}
	for v := k; v < hi && v < k+16; v++ {
		if a.isPlaceholder(v) || !(d.g.speechVerbs[a.tok(v).low] || how && a.tok(v).low == "put") || a.tok(v).cap {
			continue
		}
		a0, b0, ok := a.subjectOf(v, k)
		// "“…”, the spokesperson, Maria Zakharova, said" is apposition;
		// "“…”, a charge Orban called …" makes the quote the object.
		if !ok || !a.onlyDescription(k, a0) || a0 > k && a.tok(a0-1).low != "," {
			return noSpeaker(), false
		}
		return a.resolve(a0, b0)
	}
	return noSpeaker(), false
}

// thatWasAfter reports whether the outer tokens at k open "That was" or
// "This is" right after a quote that ended its sentence: the sentence
// describes that quote, so it names its speaker or nobody.
func (a *attributor) thatWasAfter(k, hi int) bool {
	if k+1 >= hi || k == 0 || !a.isPlaceholder(k-1) || !a.quoteEndsSentence(a.outer[k-1].q) {
		return false
	}
	t := a.tok(k)
	return t.cap && t.is("that", "this") && !a.isPlaceholder(k+1) && a.tok(k+1).is("was", "is")
}

// closingTag finds a reporting clause that closes the sentence after a
// comma (", X said"), for a quote that sits inside the reported words.
func (a *attributor) closingTag(lo, hi int) (speaker, bool) {
	d := a.d
	for v := lo; v < hi; v++ {
		t := a.tok(v)
		if !d.g.speechVerbs[t.low] || t.cap || strings.HasSuffix(t.low, "ing") {
			continue
		}
		s, e, ok := a.subjectOf(v, lo)
		if !ok || s == 0 || a.isPlaceholder(s-1) || a.tok(s-1).low != "," {
			return noSpeaker(), false
		}
		// "…”, a charge Orban called “ridiculous”": the verb reports the
		// next quote, and the quote before is what it answers.
		if v+1 < len(a.outer) && a.isPlaceholder(v+1) {
			return noSpeaker(), false
		}
		// The words after the verb must end the sentence or add only time,
		// place or manner ("said on Tuesday, after …").
		return a.resolve(s, e)
	}
	return noSpeaker(), false
}

// onlyDescription reports whether the outer tokens [i, j) are nothing but
// noun phrases and commas, as in "the spokesperson, Maria Zakharova, said".
func (a *attributor) onlyDescription(i, j int) bool {
	for k := i; k < j; k++ {
		if a.isPlaceholder(k) {
			return false
		}
		if t := a.tok(k); t.low != "," && !a.npToken(t) || t.is("and", "but", "or") {
			return false
		}
	}
	return true
}

// tagBefore finds the reporting clause of a quote inside a sentence: the
// first reporting verb of the sentence before the quote that has a subject
// ("Ayrault said he would ask Washington to be “more efficient”" belongs to
// Ayrault, not to "he" of "ask"). A verb joined to an earlier one ("asks …
// and threatens to") takes the subject of the sentence.
func (a *attributor) tagBefore(lo, p int) (speaker, bool) {
	// In "Lavrov said the talks failed, while the French minister called
	// it "unacceptable"", the quote belongs to the last clause: try it first.
	if b := a.lastClauseStart(lo, p); b > lo {
		if sp, ok := a.firstTagIn(b, p); ok {
			return sp, true
		}
	}
	return a.firstTagIn(lo, p)
}

// lastClauseStart returns where the last independent clause before p
// starts: after a semicolon, or after a comma followed by "while", "but",
// "whereas" and the like. It returns lo when there is none.
func (a *attributor) lastClauseStart(lo, p int) int {
	for i := p - 2; i >= lo; i-- {
		if a.isPlaceholder(i) || a.isPlaceholder(i+1) {
			continue
		}
		t, next := a.tok(i), a.tok(i+1)
		if t.low == ";" {
			return i + 1
		}
		if t.low == "," && next.is("while", "but", "whereas", "although", "though", "yet") {
			return i + 2
		}
	}
	return lo
}

// firstTagIn returns the speaker of the reporting verb closest before the
// quote in [lo, p) whose subject can be found. A verb coordinated with an
// earlier one ("had overseen the test and called it") takes the subject of
// that verb's clause, or else of the sentence.
func (a *attributor) firstTagIn(lo, p int) (speaker, bool) {
	d := a.d
	tries := 0
	for v := p - 1; v >= lo && tries < 4; v-- {
		if a.isPlaceholder(v) {
			continue
		}
		t := a.tok(v)
		afterRelative := v > lo && !a.isPlaceholder(v-1) && a.tok(v-1).is("which", "that", "who", "it")
		if !(d.g.speechVerbs[t.low] || afterRelative && t.in(wNounlikeVerb)) || t.cap && v > lo {
			continue
		}
		if v > lo && !a.isPlaceholder(v-1) && (a.tok(v-1).in(wDeterminer) || a.tok(v-1).kind == tokPossessive) {
			continue // "the report", "his remarks": a noun, not a verb
		}
		if v+1 < p && !a.isPlaceholder(v+1) && a.tok(v+1).is("was", "were", "is", "are", "would", "will", "could", "remained") {
			continue // "the plan Trump had proposed was “…”": a clause inside the subject of another verb
		}
		if a.closedRelative(v, p, lo) {
			continue // "…, who had said “…”, that …": the relative clause ended before the quote
		}
		tries++
		verb := v
		// ", calling the expulsions …": a participle shares the subject of
		// the clause it hangs on.
		if strings.HasSuffix(t.low, "ing") && v-1 > lo && !a.isPlaceholder(v-1) && a.tok(v-1).low == "," {
			if sp, ok := a.firstTagIn(lo, v-1); ok {
				return sp, true
			}
			// "Macron defended the policy, telling students that «…»": the
			// subject of the main clause, whatever its verb; never the
			// subject of the reported clause ("writing that Ankara …").
			if s, e, ok := a.sentenceSubject(lo, v-1); ok {
				return a.resolve(s, e)
			}
		}
		if t.low == "saying" && v-1 >= lo && a.tok(v-1).low == "as" {
			// "was quoted by the agency as saying"
			for u := v - 2; u >= lo && u > v-20; u-- {
				if a.isPlaceholder(u) || a.tok(u).low != "quoted" {
					continue
				}
				// "State media quoted Foreign Minister Abbas Araghchi as
				// saying": the object of the active verb is the speaker.
				if obj := u + 1; obj < v-1 && (u == lo || a.isPlaceholder(u-1) || !a.tok(u-1).is("was", "were", "is", "are", "been", "be")) {
					if a.nounPhraseSuffix(obj, v-1) == obj {
						return a.resolve(obj, v-1)
					}
					return noSpeaker(), false
				}
				verb = u
				break
			}
		}
		if s, e, ok := a.subjectOf(verb, lo); ok {
			return a.resolve(s, e)
		}
		if s, e, ok := a.purposeSubject(verb, lo); ok {
			return a.resolve(s, e)
		}
		if a.relativeIt(verb-1, lo) {
			// "…, which it described as": the verb's own subject is the
			// pronoun; an earlier verb of the sentence is not its speaker.
			return noSpeaker(), false
		}
		if c := a.coordinator(verb, lo); c >= 0 {
			if s, e, ok := a.clauseSubject(c, lo); ok {
				return a.resolve(s, e)
			}
			if s, e, ok := a.sentenceSubject(lo, verb); ok {
				return a.resolve(s, e)
			}
		}
	}
	return noSpeaker(), false
}

// closedRelative reports whether the verb at v opens a relative clause
// (", who had said") that a quote and a comma close before position p, as
// in "X said in response to Y, who had said “…”, that …": a later quote
// belongs to the main clause, never to the relative's antecedent.
func (a *attributor) closedRelative(v, p, lo int) bool {
	j := v - 1
	for j > lo && !a.isPlaceholder(j) && (a.tok(j).in(wAdverbBeforeVerb) || isLyAdverb(a.tok(j))) {
		j--
	}
	if j <= lo || a.isPlaceholder(j) || !a.tok(j).is("who", "which") || a.isPlaceholder(j-1) || a.tok(j-1).low != "," {
		return false
	}
	for i := v + 1; i+1 < p; i++ {
		if a.isPlaceholder(i) && !a.isPlaceholder(i+1) && a.tok(i+1).low == "," {
			return true
		}
	}
	return false
}

// purposeSubject returns the sentence subject for a reporting verb in an
// infinitive of purpose ("Gil used his right of reply to reject the speech
// as …"): only when the words between the subject and "to" name nobody
// (no capitalised word, no other quote) and the main verb is not one that
// passes the infinitive to its object ("urged states to reject").
func (a *attributor) purposeSubject(verb, lo int) (int, int, bool) {
	if verb-1 <= lo || a.isPlaceholder(verb-1) || a.tok(verb-1).low != "to" {
		return 0, 0, false
	}
	s, e, ok := a.sentenceSubject(lo, verb-1)
	if s0 := a.skipDateline(lo, verb-1); !ok && s0 < verb-1 && !a.isPlaceholder(s0) && a.tok(s0).is("he", "she") {
		s, e, ok = s0, s0+1, true // "She used her right of reply to …"
	}
	if !ok || e >= verb-2 {
		return 0, 0, false
	}
	for k := e; k < verb-1; k++ {
		if a.isPlaceholder(k) {
			return 0, 0, false
		}
		t := a.tok(k)
		// A reporting verb would open a reported clause, unless it is a
		// noun here ("his right of reply", "her press conference").
		nounHere := k > e && (a.tok(k-1).in(wDeterminer) || a.tok(k-1).is("of", "his", "her", "its", "their"))
		if t.cap || t.low == "," || (t.in(wInfinitivePasser) || a.d.g.speechVerbs[t.low]) && !nounHere {
			return 0, 0, false
		}
	}
	return s, e, true
}

// coordinator returns the position of the "and" or "but" that joins the
// verb at v to an earlier one, or -1.
func (a *attributor) coordinator(v, lo int) int {
	j := v - 1
	for j >= lo && !a.isPlaceholder(j) && (a.tok(j).in(wAdverbBeforeVerb) || isLyAdverb(a.tok(j))) {
		j--
	}
	if j >= lo && !a.isPlaceholder(j) && a.tok(j).is("and", "but") {
		return j
	}
	return -1
}

// clauseSubject finds the subject of the verb phrase that ends at the
// coordinator c: back over its object to the verb, then to its subject.
func (a *attributor) clauseSubject(c, lo int) (int, int, bool) {
	for k := c - 1; k >= lo && c-k < 25; k-- {
		if a.isPlaceholder(k) {
			return 0, 0, false
		}
		t := a.tok(k)
		if t.kind == tokWord && !t.cap && (!a.npToken(t) || a.d.g.speechVerbs[t.low]) && !t.in(wPhrasePreposition) {
			return a.subjectOf(k, lo)
		}
	}
	return 0, 0, false
}

// sentenceSubject returns the noun phrase that opens the sentence starting
// at lo, after any introductory phrase closed by a comma, when a verb
// follows it directly.
func (a *attributor) sentenceSubject(lo, limit int) (int, int, bool) {
	s := a.skipDateline(lo, limit)
	for tries := 0; tries < 3; tries++ {
		e := s
		for e < limit && !a.isPlaceholder(e) && a.npToken(a.tok(e)) {
			e++
		}
		if e > s && e < limit && !a.isPlaceholder(e) && a.tok(e).kind == tokWord {
			for e > s && (a.tok(e-1).is("and", "of", "for", "at", "in") || a.tok(e-1).kind == tokPossessive) {
				e--
			}
			if e > s && a.nounPhraseSuffix(s, e) == s {
				return s, e, true
			}
			return 0, 0, false
		}
		// "Mauro Vieira, speaking to reporters, went further": a subject,
		// a parenthetical clause, then the verb.
		if e > s && e < limit && !a.isPlaceholder(e) && a.tok(e).low == "," && a.nounPhraseSuffix(s, e) == s {
			k := e + 1
			for k < limit && !a.isPlaceholder(k) && a.tok(k).low != "," {
				k++
			}
			if k+1 < limit && k > e+1 && !a.isPlaceholder(k) && !a.isPlaceholder(k+1) && a.isParenthetical(e+1, k) &&
				a.tok(k+1).kind == tokWord && !a.tok(k+1).cap && !a.tok(k+1).in(wDeterminer) && !a.tok(k+1).is("and", "or", "but", "of", "for", "in", "at", "from") {
				return s, e, true
			}
		}
		// An introductory phrase: skip to after its comma.
		for e < limit && (a.isPlaceholder(e) || a.tok(e).low != ",") {
			e++
		}
		if e >= limit {
			break
		}
		s = e + 1
	}
	return 0, 0, false
}

// skipDateline returns the first outer position after a dateline
// ("ABIDJAN (AFP) - ") when lo opens its paragraph, else lo.
func (a *attributor) skipDateline(lo, limit int) int {
	if lo > 0 && a.para(lo-1) == a.para(lo) || a.isPlaceholder(lo) {
		return lo
	}
	d := a.d
	start, end := a.tok(lo).start, d.paras[a.para(lo)].end
	rest := stripDateline(d.text[start:end])
	if len(rest) == end-start {
		return lo
	}
	body := end - len(rest)
	s := lo
	for s < limit && a.d.toks[a.outer[s].t].start < body {
		s++
	}
	return s
}

// subjectOf finds the noun phrase that is the subject of the verb at outer
// position v, not reaching before lo. It skips adverbs and auxiliaries
// before the verb, relative pronouns ("a resolution that urges"), and
// parenthetical clauses between commas ("X, speaking on condition of
// anonymity, said"); an apposed name wins over a description
// ("Jen Psaki, the spokesperson for the State Department, said").
func (a *attributor) subjectOf(v, lo int) (int, int, bool) {
	j := v - 1
	for j >= lo && !a.isPlaceholder(j) && (a.tok(j).in(wAdverbBeforeVerb) || isLyAdverb(a.tok(j))) {
		j--
	}
	// "China on Wednesday warned": a time phrase between subject and verb.
	for j-1 >= lo && !a.isPlaceholder(j) && !a.isPlaceholder(j-1) && a.tok(j).in(wMonthOrDay) && a.tok(j-1).low == "on" {
		j -= 2
	}
	if j >= lo && !a.isPlaceholder(j) && a.tok(j).low == "it" {
		if a.opensSentence(j) || a.followsQuote(j) {
			return j, j + 1, true // resolved by resolveIt
		}
		// "The readout said …, which it described as": the subject of
		// the main clause, when that is a body or a document.
		if a.relativeIt(j, lo) {
			if s, e, ok := a.sentenceSubject(lo, j-1); ok {
				if sp, ok := a.resolve(s, e); ok && (sp.kind == "organization" || sp.kind == "document") {
					return s, e, true
				}
			}
		}
		return 0, 0, false
	}
	relative := false // "a draft resolution that urges": the antecedent may follow a preposition
	if j >= lo && !a.isPlaceholder(j) && a.tok(j).is("that", "which", "who") {
		j--
		relative = true
		if j >= lo && !a.isPlaceholder(j) && a.tok(j).low == "," {
			return a.relativeAntecedent(j, lo)
		}
	}
	if j < lo || a.isPlaceholder(j) || a.tok(j).is("and", "but", "or", "to") {
		return 0, 0, false
	}
	candS, candE, haveCand := 0, 0, false
	for seg := 0; seg < 4 && j >= lo; seg++ {
		end := j + 1
		start := end
		for start > lo && !a.isPlaceholder(start-1) && !isClauseBreak(a.tok(start-1)) {
			start--
		}
		if start == end {
			// ", said": the segment before the comma is what we want.
			if j >= lo && !a.isPlaceholder(j) && a.tok(j).low == "," {
				j--
				continue
			}
			break
		}
		if a.isParenthetical(start, end) {
			if start-1 >= lo && !a.isPlaceholder(start-1) && a.tok(start-1).low == "," {
				j = start - 2
				continue
			}
			break
		}
		s := a.nounPhraseSuffix(start, end)
		// "A statement issued by the presidential office said": the
		// agent of a participle is not the subject.
		if s < end && s-2 >= start && a.tok(s-1).low == "by" && a.d.g.isParticiple(a.tok(s-2)) {
			if s2 := a.nounPhraseSuffix(start, s-2); s2 < s-2 {
				s, end = s2, s-2
			}
		}
		// "Former U.S. ambassador to Russia Michael McFaul wrote": a title
		// with a preposition in it belongs to the name after it.
		if s < end && s > start {
			if mi := a.d.mentionEndingIn(a.outer[s].t, a.outer[end-1].t+1); mi >= 0 && a.d.mentions[mi].hasTitle &&
				a.d.mentions[mi].titleStart < a.outer[s].t && a.d.mentions[mi].titleStart >= a.outer[start].t {
				return s, end, true
			}
		}
		// "with some delegates warning that": the phrase after "with" is
		// the subject of the participle.
		if s < end && s > start && a.tok(s-1).low == "with" && strings.HasSuffix(a.tok(v).low, "ing") && v == end {
			return s, end, true
		}
		// "a Democrat on the Senate Foreign Relations Committee": a phrase
		// after a preposition is its object, not the subject.
		// "A diplomat on the council": the phrase before the preposition
		// heads the whole.
		if s < end && s-1 > start && !relative && a.tok(s-1).in(wObjectPreposition) {
			if s2 := a.nounPhraseSuffix(start, s-1); s2 == start && !a.tok(s-1).is("by", "to", "against", "than", "like", "with") {
				s = s2
			} else if s-2 > start && a.tok(s-2).in(wBridgeWord) && a.nounPhraseSuffix(start, s-2) == start {
				s = start // "a source close to X", "an official familiar with the talks"
			}
		}
		if s < end && s > start && !relative && a.tok(s-1).in(wObjectPreposition) {
			if start-1 >= lo && !a.isPlaceholder(start-1) && a.tok(start-1).low == "," {
				j = start - 2
				continue
			}
			break
		}
		// "Barrot told lawmakers …, calling": the phrase after a verb is
		// its object.
		if s < end && s > start && !relative {
			if b := a.tok(s - 1); b.kind == tokWord && !b.cap && !b.in(wClauseVerb) && (a.d.g.speechVerbs[b.low] || strings.HasSuffix(b.low, "ed")) {
				break
			}
		}
		if s < end {
			if a.d.mentionEndingIn(a.outer[s].t, a.outer[end-1].t+1) >= 0 || a.isPronoun(s, end) {
				return s, end, true
			}
			if !haveCand {
				candS, candE, haveCand = s, end, true
			}
			// A description right after a comma may be in apposition to a name.
			if s == start && start-1 >= lo && !a.isPlaceholder(start-1) && a.tok(start-1).low == "," {
				j = start - 2
				continue
			}
		}
		break
	}
	return candS, candE, haveCand
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
	if sp, ok := a.resolve(s, e); !ok || sp.kind != "organization" || a.otherBodyBetween(e, j, "") {
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
		if a.isPlaceholder(k) || !a.tok(k).cap || containsString(own, a.tok(k).low) {
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

// relativeAntecedent finds what ", which" or ", who" at comma c refers to:
// the noun phrase that ends right before the comma, or the one after
// "according to" ("according to a statement from the ministry, which
// called"). It never reaches further back: a phrase of place or time before
// that ("will be held in Istanbul in April") is not the antecedent.
func (a *attributor) relativeAntecedent(c, lo int) (int, int, bool) {
	end := c
	start := end
	for start > lo && !a.isPlaceholder(start-1) && !isClauseBreak(a.tok(start-1)) {
		start--
	}
	if start+1 < end && a.tok(start).low == "according" && a.tok(start+1).low == "to" {
		start += 2
	}
	if start == end {
		return 0, 0, false
	}
	if s := a.nounPhraseSuffix(start, end); s < end {
		return s, end, true
	}
	return 0, 0, false
}

func isClauseBreak(t token) bool {
	if t.kind != tokPunct {
		return false
	}
	switch t.low {
	case "-", "’", "'", "‘", ".":
		return t.low == "."
	}
	return true
}

func isLyAdverb(t token) bool {
	return !t.cap && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") && !strings.HasSuffix(t.low, "ply") && t.low != "family" && t.low != "italy"
}

// isParenthetical reports whether the comma-delimited segment [s, e) is a
// relative or participial clause rather than a noun phrase.
func (a *attributor) isParenthetical(s, e int) bool {
	t := a.tok(s)
	// "Lavrov, 74, said": an age.
	if e-s == 1 && t.kind == tokWord && strings.Trim(t.low, "0123456789") == "" {
		return true
	}
	// "Safadi, however, warned": a discourse adverb between commas.
	if e-s == 1 && t.is("however", "meanwhile", "though", "too", "instead", "nevertheless", "likewise", "separately", "meantime") {
		return true
	}
	if t.is("who", "which", "whose", "where", "when", "speaking", "according", "citing", "seen", "quoted", "reporting", "writing", "backed", "or") {
		return true
	}
	// "The Climate Observatory, a network of environmental groups, said":
	// an apposition we cannot resolve is skipped like a parenthesis.
	if t.is("a", "an") && s > 0 && !a.isPlaceholder(s-1) && a.tok(s-1).low == "," && a.nounPhraseSuffix(s, e) != s {
		return true
	}
	if !t.cap && (strings.HasSuffix(t.low, "ing") || strings.HasSuffix(t.low, "ed")) {
		return true
	}
	return false
}

func (a *attributor) isPronoun(s, e int) bool {
	return e-s == 1 && a.tok(s).is("he", "she")
}

// nounPhraseSuffix returns where the longest noun phrase ending at e-1
// starts within [s, e), or e when there is none. The phrase's head must be
// a name, a role or speaker noun, or a pronoun.
func (a *attributor) nounPhraseSuffix(s, e int) int {
	d := a.d
	if a.isPronoun(e-1, e) {
		return e - 1
	}
	i := e
	for i > s && a.npToken(a.tok(i-1)) {
		i--
	}
	// A phrase does not start with a preposition or conjunction.
	for i < e && (a.tok(i).in(wPhrasePreposition) || a.tok(i).low == "and" || a.tok(i).kind == tokPossessive) {
		i++
	}
	if i >= e {
		return e
	}
	h := a.headOf(i, e)
	ht := a.tok(h)
	if ht.cap || d.isNameWord(a.outer[h].t) || d.g.speakerHead[ht.low] != kindNone || d.isRoleNoun(ht.low) {
		return i
	}
	return e
}

func (v *vocabulary) isParticiple(t token) bool {
	return t.kind == tokWord && !t.cap && (t.in(wIrregularParticiple) || strings.HasSuffix(t.low, "ed"))
}

// npToken reports whether t may be part of a speaker's noun phrase: names,
// determiners, possessives, the prepositions of a description, and
// lower-case words that are neither function words nor verb forms.
func (a *attributor) npToken(t token) bool {
	switch {
	case t.kind == tokPossessive:
		return true
	case t.kind != tokWord:
		return false
	case t.in(wDeterminer):
		return true
	case t.cap:
		return !t.in(wFunction)
	case t.in(wPhrasePreposition), t.low == "and", t.in(wNameParticle):
		return true
	}
	return !t.in(wFunction) && !a.d.g.speechVerbs[t.low] && !t.in(wIrregularParticiple) && !isLyAdverb(t) &&
		(!strings.HasSuffix(t.low, "ed") || t.low == "unnamed" || t.low == "retired" || strings.Contains(t.low, "-")) &&
		(!strings.HasSuffix(t.low, "ing") || strings.Contains(t.low, "-"))
}

// headOf returns the head noun of the phrase [s, e): the word before its
// first preposition, or after it for "a number of delegates".
func (a *attributor) headOf(s, e int) int {
	for i := s + 1; i < e; i++ {
		if a.tok(i).in(wPhrasePreposition) || a.tok(i).is("on", "with") {
			if a.tok(i-1).is("number", "group", "couple", "handful", "majority", "pair", "some", "one", "two", "several") && a.tok(i).low == "of" {
				continue
			}
			if i-2 > s && a.tok(i-1).in(wBridgeWord) {
				return i - 2 // "a source familiar with the talks"
			}
			return i - 1
		}
	}
	return e - 1
}

// resolveAfter reads the noun phrase starting at outer position s ("said a
// French diplomatic source") and resolves it.
func (a *attributor) resolveAfter(s, hi int) (speaker, bool) {
	e := s
	for e < hi && e < s+12 && !a.isPlaceholder(e) {
		t := a.tok(e)
		if !a.npToken(t) || !t.cap && t.is("in", "at") {
			break
		}
		e++
	}
	if e == s {
		return noSpeaker(), false
	}
	if a.isPronoun(s, s+1) {
		return a.resolve(s, s+1)
	}
	st := a.nounPhraseSuffix(s, e)
	if st != s {
		return noSpeaker(), false
	}
	return a.resolve(s, e)
}

// resolve turns the noun phrase at outer positions [s, e) into a speaker:
// a named person, a pronoun or role noun resolved to a person, or an
// unnamed description kept as the article words it.
func (a *attributor) resolve(s, e int) (speaker, bool) {
	d := a.d
	ts, te := a.outer[s].t, a.outer[e-1].t+1
	if a.isPronoun(s, e) {
		sp := a.resolvePronoun(ts)
		return sp, sp.kind != ""
	}
	if e-s == 1 && a.tok(s).low == "it" {
		return a.resolveIt(s)
	}
	// "…”, a charge Orban called …": a claim noun followed by a clause of
	// its own is what was said, not who said it.
	for i := s; i+1 < e; i++ {
		if a.tok(i).in(wClaimNoun) && !a.isPlaceholder(i+1) && (a.tok(i+1).cap || a.tok(i+1).in(wDeterminer)) {
			return noSpeaker(), false
		}
	}
	if a.jointSubject(ts, te) {
		return noSpeaker(), false // "Lavrov and Kerry told reporters": not one speaker
	}
	if mi := d.mentionEndingIn(ts, te); mi >= 0 && d.mentions[mi].entity >= 0 {
		// "An aide to X", "the spokesman for X", "the office of X", "a
		// source close to X": X is the object of a preposition; whoever
		// speaks, it is never X.
		if pre := d.mentions[mi].titleStart - 1; pre > ts && d.toks[pre].is("of", "for", "to", "with", "at", "from", "near", "around") {
			return a.describedBy(ts, te, pre)
		}
		// The same when the title reader took "aide to", "office of" or
		// "spokesman for" into the title of the person after it.
		for t := d.mentions[mi].titleStart + 1; t < d.mentions[mi].nameStart; t++ {
			if d.toks[t].is("of", "for", "to") && d.toks[t+1].cap && d.toks[t-1].in(wAgentHead) {
				return a.describedBy(min(ts, d.mentions[mi].titleStart), te, t)
			}
		}
		// "A spokesman for Prime Minister Keir Starmer": the unnamed
		// person before the preposition speaks, not the one named after it.
		if h := a.outer[a.headOf(s, e)].t; d.toks[ts].is("a", "an", "one", "another") && h < d.mentions[mi].titleStart &&
			(d.g.speakerHead[d.toks[h].low] == kindPerson || d.isRoleNoun(d.toks[h].low)) {
			return speaker{name: d.span(ts, te), kind: "anonymous", person: -1}, true
		}
		return a.personSpeaker(d.mentions[mi].entity), true
	}
	h := a.outer[a.headOf(s, e)].t
	head := d.toks[h]
	descr := d.span(ts, te)
	first := d.toks[ts]
	indefinite := first.is("a", "an", "another", "some", "several", "many", "one", "two", "three", "four", "five")
	kind := d.g.speakerHead[head.low]
	if kind == kindNone && d.isRoleNoun(head.low) {
		kind = kindPerson
	}
	switch {
	case kind == kindPerson:
		plural := strings.HasSuffix(head.low, "s") && d.g.speakerHead[strings.TrimSuffix(head.low, "s")] != kindNone
		if indefinite || plural {
			return speaker{name: descr, kind: "anonymous", person: -1}, true
		}
		p := a.roleReference(ts, te, h)
		if first.is("the", "this", "that") {
			// "the official": the unnamed official introduced just before,
			// unless a person with that role was named since.
			if sp, at, ok := a.unnamedAntecedent(ts, te, head.low); ok && (p < 0 || d.lastMentionBefore(d.people[p], ts) < at) {
				return sp, true
			}
		}
		if p >= 0 {
			return a.personSpeaker(p), true
		}
		if first.is("the", "this", "that") {
			// "the envoy", "the former Slovak foreign minister": the person
			// the text has just been about.
			if !head.in(wGenericHead) {
				if p := a.recentPerson(ts, te); p >= 0 {
					return a.personSpeaker(p), true
				}
			} else if head.low == "diplomat" && te-ts == 2 {
				// "the diplomat stressed" (TASS, RIA): the minister,
				// envoy or spokesperson the text has just been about.
				if p := a.recentPerson(ts, te); p >= 0 && d.g.isDiplomaticRole(d.people[p].role) {
					if a.indefiniteSince(d.lastMentionBefore(d.people[p], ts), ts, head.low) {
						// "A diplomat familiar with the matter said …
						// the diplomat said": that diplomat, not the
						// minister named before.
						return noSpeaker(), false
					}
					return a.personSpeaker(p), true
				}
			}
		}
		if first.is("the", "this", "that") && !a.namesAffiliation(ts, te, h) {
			// "the minister" with no minister in sight: leave it open.
			return noSpeaker(), false
		}
		return speaker{name: descr, kind: "anonymous", person: -1}, true
	case kind == kindOrganization:
		// "The ministry said" after "China's commerce ministry said": the
		// body named in full just before.
		if first.is("the") {
			if sp, ok := a.bodyAntecedent(ts, te, head.low); ok {
				return sp, true
			}
		}
		return speaker{name: descr, kind: "organization", person: -1}, true
	case kind == kindDocument:
		// "a statement from the Greek foreign ministry": the body speaks.
		if b := h + 1; b+1 < te && d.toks[b].is("from", "by") {
			if sp, ok := a.resolveTokens(b+1, te); ok && sp.kind == "organization" {
				return sp, true
			}
		}
		return speaker{name: descr, kind: "document", person: -1}, true
	case head.cap:
		if p := d.entityFor([]string{head.low}, h); p >= 0 && te-ts == 1 {
			return a.personSpeaker(p), true
		}
		// "EAM said" after "External Affairs Minister S. Jaishankar": the
		// initials of a person's title.
		if w := d.text[head.start:head.end]; te-ts == 1 && isAcronym(w) && d.lexKindOf(h, h+1) == lexNone {
			if p := a.roleInitialsHolder(w); p >= 0 {
				return a.personSpeaker(p), true
			}
		}
		if a.knownBody(ts, te, h) {
			return speaker{name: descr, kind: "organization", person: -1}, true
		}
	}
	return noSpeaker(), false
}

// describedBy returns the unnamed speaker of the phrase [ts, te) whose
// head noun stands before the preposition at pre ("an aide to X", "a source
// close to X"): an anonymous person or a body, or nobody when the head is
// neither.
func (a *attributor) describedBy(ts, te, pre int) (speaker, bool) {
	d := a.d
	h := pre - 1
	if h > ts && d.toks[h].in(wBridgeWord) {
		h--
	}
	descr := d.span(ts, te)
	switch head := d.toks[h].low; {
	case d.g.speakerHead[head] == kindPerson || d.g.speakerHead[head] == kindNone && d.isRoleNoun(head):
		return speaker{name: descr, kind: "anonymous", person: -1}, true
	case d.g.speakerHead[head] == kindOrganization:
		return speaker{name: descr, kind: "organization", person: -1}, true
	}
	return noSpeaker(), false
}

// roleInitialsHolder returns the only person whose role, read as the
// initials of its capitalised words, spells the acronym w, or -1.
func (a *attributor) roleInitialsHolder(w string) int {
	w = strings.ReplaceAll(w, ".", "")
	found := -1
	for pi, p := range a.d.people {
		var initials strings.Builder
		for _, rw := range strings.FieldsFunc(p.role, func(r rune) bool { return r == ' ' || r == '-' }) {
			if r, _ := utf8.DecodeRuneInString(rw); r >= 'A' && r <= 'Z' {
				initials.WriteRune(r)
			}
		}
		if initials.Len() < 2 || initials.String() != w {
			continue
		}
		if found >= 0 {
			return -1 // two people it may be
		}
		found = pi
	}
	return found
}

// knownBody is the last gate for a capitalised speaker that is neither a
// person nor headed by a speaker noun: it must be an organisation, country
// or capital the gazetteers know, or an acronym ("the RSF"), and end with
// its head. "Istanbul in April", "X" of "on X" or "Twitter" are never
// speakers.
func (a *attributor) knownBody(ts, te, h int) bool {
	d := a.d
	s := ts
	if d.toks[s].is("the") {
		s++
	}
	if s >= te {
		return false
	}
	if k := d.lexKindOf(s, te); k == lexOrg || k == lexCountry || k == lexPlace {
		return true
	}
	caps := 0
	for k := s; k < te; k++ {
		t := d.toks[k]
		if t.in(wPlatform) || t.in(wMonthOrDay) || t.is("and", "or") {
			return false
		}
		if t.kind == tokWord && t.cap {
			caps++
		} else if !t.is("of", "for", "de") {
			caps = -te // a lower-case word: not a proper name
		}
	}
	// "Human Rights Watch", "The Caribbean Community": a proper name of
	// several capitalised words.
	if caps >= 2 && d.toks[te-1].cap {
		return true
	}
	if h != te-1 {
		return false
	}
	if k := d.lexKindOf(h, h+1); k == lexOrg || k == lexCountry || k == lexPlace {
		return true
	}
	ht := d.toks[h]
	return isAcronym(d.text[ht.start:ht.end])
}

// resolveTokens resolves the phrase of document tokens [ts, te), which
// must lie outside quotes.
func (a *attributor) resolveTokens(ts, te int) (speaker, bool) {
	s := sort.Search(len(a.outer), func(k int) bool { return a.outer[k].t >= ts })
	e := sort.Search(len(a.outer), func(k int) bool { return a.outer[k].t >= te })
	if s >= e || a.outer[s].t != ts || a.outer[e-1].t != te-1 || a.isPlaceholder(s) {
		return noSpeaker(), false
	}
	return a.resolve(s, e)
}

// jointSubject reports whether tokens [ts, te) join a named person to
// someone else with "and".
func (a *attributor) jointSubject(ts, te int) bool {
	d := a.d
	for k := ts + 1; k < te-1; k++ {
		if d.toks[k].low == "and" && d.mentionEndingIn(ts, k) >= 0 {
			return true
		}
	}
	return false
}

// isDiplomaticRole reports whether a role makes its holder "the diplomat"
// of a later sentence: a foreign minister, envoy or ministry spokesperson.
func (v *vocabulary) isDiplomaticRole(role string) bool {
	for _, w := range strings.Fields(key(role)) {
		if v.has(wDiplomaticRoleWord, w) {
			return true
		}
	}
	return false
}

// descriptorHead returns the head noun of an unnamed speaker's description:
// its last word before any preposition ("official" of "a senior official
// in Vienna").
func (v *vocabulary) descriptorHead(descr string) string {
	ws := strings.Fields(key(descr))
	for i, w := range ws {
		if i > 0 && v.has(wObjectPreposition, w) && ws[i-1] != "number" && ws[i-1] != "one" {
			return ws[i-1]
		}
	}
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

// unnamedAntecedent finds the unnamed speaker or subject with the same head
// noun introduced within the last paragraphs before token i. Every word of
// the definite description [i, j) must be in the antecedent: "the
// official" is "a Pakistani official", but "the representative of China"
// is not "the representative of the United States".
func (a *attributor) unnamedAntecedent(i, j int, head string) (speaker, int, bool) {
	best, at := noSpeaker(), -1
	for _, evs := range [][]event{a.speakers, a.events} {
		k := sort.Search(len(evs), func(k int) bool { return evs[k].tok >= i })
		for k--; k >= 0 && a.d.tokPara[i]-a.d.tokPara[evs[k].tok] <= 2; k-- {
			if e := evs[k]; e.who.kind == "anonymous" && a.d.g.descriptorHead(e.who.name) == head && a.wordsIn(i, j, e.who.name) {
				if e.tok > at {
					best, at = e.who, e.tok
				}
				break
			}
		}
	}
	return best, at, at >= 0
}

// indefiniteSince reports whether "a"/"an" introduces head within three
// words between tokens from and to.
func (a *attributor) indefiniteSince(from, to int, head string) bool {
	for k := max(from, 0); k < to; k++ {
		if !a.d.toks[k].is("a", "an") {
			continue
		}
		for n := k + 1; n < to && n <= k+3; n++ {
			if a.d.toks[n].low == head {
				return true
			}
		}
	}
	return false
}

// bodyAntecedent finds the organisation last found speaking within the
// last paragraphs before token i whose description has the same head noun
// and every word of the definite description [i, j).
func (a *attributor) bodyAntecedent(i, j int, head string) (speaker, bool) {
	k := sort.Search(len(a.bodies), func(k int) bool { return a.bodies[k].tok >= i })
	for k--; k >= 0 && a.d.tokPara[i]-a.d.tokPara[a.bodies[k].tok] <= 2; k-- {
		e := a.bodies[k]
		if a.d.g.descriptorHead(e.who.name) != head {
			continue
		}
		if a.wordsIn(i, j, e.who.name) && len(strings.Fields(e.who.name)) > j-i {
			return e.who, true
		}
		break
	}
	return noSpeaker(), false
}

// wordsIn reports whether every word of tokens [i, j), articles and
// demonstratives aside, is a word of descr.
func (a *attributor) wordsIn(i, j int, descr string) bool {
	have := strings.Fields(key(descr))
	for k := i; k < j; k++ {
		t := a.d.toks[k]
		if t.kind != tokWord || t.is("the", "this", "that", "of") {
			continue
		}
		if !containsString(have, t.low) {
			return false
		}
	}
	return true
}

// recentPerson returns the person last named as a subject or found speaking
// in this paragraph or the one before, unless the description at [ts, te)
// names a different country.
func (a *attributor) recentPerson(ts, te int) int {
	d := a.d
	e, ok := latestBefore(a.events, ts)
	if sp, ok2 := latestBefore(a.speakers, ts); ok2 && sp.person >= 0 && (!ok || sp.tok >= e.tok) {
		e, ok = sp, true
	}
	if !ok || e.person < 0 || d.tokPara[ts]-d.tokPara[e.tok] > 1 {
		return -1
	}
	// A description that says whom it works for must agree with the person.
	// A nationality ("the former Slovak foreign minister") does not
	// contradict an organisation the person works for; a country or body
	// the description works for ("the representative of the United
	// Kingdom") must match.
	aff := d.affiliationKeyOf(d.people[e.person].affiliation)
	affIsCountry := d.g.country[key(aff)] != ""
	for k := ts; k < te; k++ {
		for m := 1; m <= 4 && k+m <= te; m++ {
			c := d.affiliationKey(k, k+m)
			if c == "" || c == aff {
				continue
			}
			demonym := m == 1 && d.g.country[d.toks[k].low] != "" && d.toks[k].low != key(c) && (k == 0 || !d.toks[k-1].is("of", "for"))
			if demonym && aff != "" && !affIsCountry {
				continue
			}
			return -1
		}
	}
	return e.person
}

// namesAffiliation reports whether a description says whom its head works
// for ("the representative of the United Kingdom", "the French diplomat"),
// which makes it informative even when no named person matches it.
func (a *attributor) namesAffiliation(ts, te, h int) bool {
	d := a.d
	for k := ts; k < te; k++ {
		if k == h {
			continue
		}
		for m := 1; m <= 4 && k+m <= te; m++ {
			if d.affiliationKey(k, k+m) != "" {
				return true
			}
		}
	}
	return false
}

func (a *attributor) personSpeaker(p int) speaker {
	return speaker{name: a.d.people[p].name, kind: "person", person: p}
}

// roleReference resolves a description such as "the Foreign Minister" or
// "the former prime minister" to the latest person mentioned before it whose
// role has the same head noun and, when the description names a country or
// organisation ("the EU diplomat"), the same affiliation. Generic heads
// ("diplomat", "official") resolve only through such a name.
func (a *attributor) roleReference(ts, te, h int) int {
	d := a.d
	head := d.toks[h].low
	affil := ""
	for k := ts; k < te; k++ {
		if k != h {
			if c := d.affiliationKey(k, k+1); c != "" {
				affil = c
			}
		}
	}
	generic := head == "diplomat" || head == "official" || head == "source" || head == "leader"
	if generic && affil == "" {
		return -1
	}
	if a.roleWords == nil {
		// Roles and affiliations are settled before attribution: fold them
		// once, not once per description of a long article.
		a.roleWords = make([][]string, len(d.people))
		a.affilKeys = make([]string, len(d.people))
		for pi, p := range d.people {
			a.roleWords[pi] = strings.Fields(key(p.role))
			a.affilKeys[pi] = d.affiliationKeyOf(p.affiliation)
		}
	}
	best, bestPos := -1, -1
	for pi, p := range d.people {
		if p.role == "" && !generic {
			continue
		}
		if !generic && !containsString(a.roleWords[pi], head) {
			continue
		}
		if affil != "" && a.affilKeys[pi] != affil {
			continue
		}
		if s := d.lastMentionBefore(p, ts); s > bestPos {
			best, bestPos = pi, s
		}
	}
	return best
}

// followedByQuote reports whether the outer text from position i to the
// next quote of its paragraph is only punctuation, as in "…”. “…".
func (a *attributor) followedByQuote(i int) bool {
	para := a.para(i)
	for ; i < len(a.outer) && a.para(i) == para; i++ {
		if a.isPlaceholder(i) {
			return true
		}
		if a.tok(i).kind != tokPunct {
			return false
		}
	}
	return true // only punctuation up to the paragraph end
}

// continued attributes an untagged quote to the speaker of the quote or
// reporting sentence just before it: a second quote after "…," he said, a
// quote paragraph following a quote of the same speaker, or a quote after
// "X said." in the same paragraph.
func (a *attributor) continued(q int) (speaker, bool) {
	p := a.qpos[q]
	lo, hi := a.sentenceBounds(p)
	if lo != p {
		return noSpeaker(), false // the quote is inside a sentence with no tag
	}
	for i := p + 1; i < hi; i++ {
		if a.d.g.speechVerbs[a.tok(i).low] {
			return noSpeaker(), false // a tag we could not read: do not guess
		}
	}
	if a.thatWasAfter(p+1, hi) {
		return noSpeaker(), false // "That was how …": a tag we could not read
	}
	para := a.para(p)
	// A quote inside a narrative sentence ("“…” has become a familiar
	// refrain") is what the sentence is about, not more of the speech
	// before it; a whole quoted sentence may be followed by narrative.
	if next := p + 1; next < len(a.outer) && a.para(next) == para && !a.quoteEndsSentence(a.outer[p].q) && !a.followedByQuote(next) {
		return noSpeaker(), false
	}
	// An earlier quote in the same paragraph.
	for i := p - 1; i >= 0 && a.para(i) == para && p-i < maxSentenceTokens; i-- {
		if a.isPlaceholder(i) {
			// "“…,” Merz said. Macron disagreed. “…”": a sentence of
			// its own between the two quotes may bring in another speaker.
			if _, ihi := a.sentenceBounds(i); p > ihi+1 {
				break
			}
			if sp := a.got[a.outer[i].q]; sp.kind != "" {
				return sp, true
			}
			return noSpeaker(), false
		}
	}
	// A reporting sentence just before, in the same paragraph.
	if p > 0 && a.para(p-1) == para {
		plo, _ := a.sentenceBounds(p - 1)
		if sp, ok := a.tagBefore(plo, p-1); ok && sp.kind == "person" {
			return sp, true
		}
		return noSpeaker(), false
	}
	// The quote opens its paragraph: the previous paragraph must end with a
	// quote (and its tag) of a known speaker.
	if p == 0 {
		return noSpeaker(), false
	}
	last := -1
	for i := p - 1; i >= 0 && a.para(i) == a.para(p-1) && p-i < maxSentenceTokens; i-- {
		if a.isPlaceholder(i) {
			last = i
			break
		}
	}
	if last < 0 {
		return noSpeaker(), false
	}
	_, lastHi := a.sentenceBounds(last)
	if lastHi < len(a.outer) && a.para(lastHi) == a.para(last) && lastHi+1 < len(a.outer) && a.para(lastHi+1) == a.para(last) {
		return noSpeaker(), false // more text followed the quote
	}
	if sp := a.got[a.outer[last].q]; sp.kind != "" && !a.d.quotes[a.outer[last].q].label {
		return sp, true
	}
	return noSpeaker(), false
}
