package extract

import (
	"sort"
	"strconv"
	"strings"
)

// This stage lists, for every quote, who may have said it: the noun
// phrases around the quote (names, pronouns, speaker descriptions,
// capitalised runs), each resolved to a speaker, plus the rules' own
// proposal when no phrase stands for it. Each candidate carries the
// features the scorer (scorer.go) weighs. The stage decides nothing: the
// rules propose for recall, the trained scorer chooses.

// candidateKind is what sort of phrase proposes a speaker.
type candidateKind uint8

const (
	candNull        candidateKind = iota // nobody: the speaker stays unknown
	candName                             // a person's name, with its title
	candPronoun                          // he, she, they, it, we
	candDescription                      // "a senior official", "the mayor", "sources"
	candCapitalised                      // a capitalised run that is no person: "The New York Post"
	candRule                             // the rules' answer, found outside the window
)

var candidateKindNames = [...]string{"none", "name", "pronoun", "description", "capitalised", "rule"}

func (k candidateKind) String() string { return candidateKindNames[k] }

// candidate is one possible speaker of a quote.
type candidate struct {
	kind       candidateKind
	start, end int // byte span of the phrase in the text; -1 for none and rule
	who        speaker
	at         string // side and reach from the quote: "before_sentence", "after_para", …
	features   []string
}

// window bounds (in outer positions) how far from its quote a speaker is
// looked for: PolNeAR's annotated sources lie in the quote's paragraph in
// 98 % of cases.
const (
	windowBefore = 60
	windowAfter  = 40
)

// speakerCandidates lists the candidates of every quote, given the rules'
// answers (got, how) for them.
func (a *attributor) speakerCandidates() [][]candidate {
	out := make([][]candidate, len(a.d.quotes))
	outerOf := make([]int, len(a.d.toks))
	for i := range outerOf {
		outerOf[i] = -1
	}
	for p, o := range a.outer {
		if o.q < 0 {
			outerOf[o.t] = p
		}
	}
	mentionAt := make(map[int]int, len(a.d.mentions)) // outer position of a mention's first token -> mention
	for mi, m := range a.d.mentions {
		if m.entity < 0 {
			continue
		}
		if p := outerOf[m.titleStart]; p >= 0 {
			mentionAt[p] = mi
		} else if p := outerOf[m.nameStart]; p >= 0 {
			mentionAt[p] = mi
		}
	}
	for q := range a.d.quotes {
		p := a.qpos[q]
		if p < 0 {
			continue
		}
		if a.d.stop.stopped() {
			break // no candidates: the scorer leaves the quote to no one
		}
		out[q] = a.quoteCandidates(q, p, outerOf, mentionAt)
	}
	return out
}

// possessor returns the mention whose name the possessive marker at outer
// position k follows ("Netanyahu's"), or -1.
func (a *attributor) possessor(k int) int {
	if k < 1 || a.isPlaceholder(k) || a.isPlaceholder(k-1) || a.tok(k).kind != tokPossessive {
		return -1
	}
	t := a.outer[k-1].t
	return a.d.mentionEndingIn(max(0, t-8), t+1)
}

// withPossessor moves the start s of a description that follows a named
// possessor back to the start of that name and its title ("Prime Minister
// Benjamin Netanyahu's office", not "'s office"), so that the description
// and the name's own candidate name the same speaker; lo bounds the window.
func (a *attributor) withPossessor(s, lo int) int {
	mi := a.possessor(s - 1)
	if mi < 0 {
		return s
	}
	s--
	for s > lo && !a.isPlaceholder(s-1) && a.outer[s-1].t >= a.d.mentions[mi].titleStart {
		s--
	}
	return s
}

// quoteCandidates lists the candidates of quote q at outer position p.
func (a *attributor) quoteCandidates(q, p int, outerOf []int, mentionAt map[int]int) []candidate {
	d := a.d
	para := a.para(p)
	lo := p
	for lo > 0 && p-lo < windowBefore && a.para(lo-1) == para {
		lo--
	}
	// A quote standing alone in its paragraph looks into the one before.
	if lo == p || a.onlyMarks(lo, p) && a.onlyMarks(p+1, a.paraEnd(p)) {
		for lo > 0 && p-lo < windowBefore && a.para(lo-1) >= para-1 {
			lo--
		}
	}
	hi := p + 1
	for hi < len(a.outer) && hi-p < windowAfter && a.para(hi) == para {
		hi++
	}
	slo, shi := a.sentenceBounds(p)
	ctx := quoteContext{q: q, p: p, slo: slo, shi: shi, shape: a.quoteShape(p, slo, shi)}

	cands := make([]candidate, 0, (hi-lo)/4+2) // about one candidate in four words
	add := func(kind candidateKind, s, e int, who speaker) {
		c := candidate{kind: kind, start: a.tok(s).start, end: a.tok(e - 1).end, who: who}
		c.features, c.at = a.candidateFeatures(ctx, kind, s, e, who)
		cands = append(cands, c)
	}
	for i := lo; i < hi; i++ {
		if a.isPlaceholder(i) {
			continue
		}
		t := a.tok(i)
		if mi, ok := mentionAt[i]; ok {
			m := d.mentions[mi]
			e := i + 1
			for e < hi && !a.isPlaceholder(e) && a.outer[e].t < m.nameEnd {
				e++
			}
			add(candName, i, e, a.mentionSpeaker(q, m))
			i = e - 1
			continue
		}
		if t.kind != tokWord {
			continue
		}
		tagged := -1
		if !t.cap {
			tagged = a.taggedNounStart(i, lo)
		}
		switch {
		case t.is("he", "she"):
			add(candPronoun, i, i+1, a.pronounAntecedent(a.outer[i].t))
		case t.is("they", "we", "it"):
			who := noSpeaker()
			if t.low == "it" {
				if sp, ok := a.resolveIt(i); ok {
					who = sp
				}
			}
			add(candPronoun, i, i+1, who)
		case (d.g.speakerHead[t.low] != kindNone || d.isRoleNoun(t.low) && !t.cap) && !(t.cap && a.nameGoesOn(i, hi)):
			s := i
			for s > lo && i-s < 6 && !a.isPlaceholder(s-1) && a.npToken(a.tok(s-1)) && !a.tok(s-1).in(wPhrasePreposition) {
				if _, named := mentionAt[s-1]; named || a.possessor(s-1) >= 0 {
					break
				}
				s--
			}
			poss := s
			s = a.withPossessor(s, lo)
			who, ok := a.resolve(s, i+1)
			if !ok {
				who = noSpeaker()
			}
			// "Netanyahu's office": the name's candidate already reads the
			// phrase as the office (mentionSpeaker); both name one speaker.
			if s != poss && len(cands) > 0 {
				if last := cands[len(cands)-1]; last.kind == candName && last.end == a.tok(poss-2).end && last.who.kind != "" && last.who.person < 0 {
					who = last.who
				}
			}
			// "The Chinese envoy, Fu Cong, told the council", "The
			// foreign minister of Hungary, Peter Szijjarto, said": a
			// description with a name in apposition after it is that
			// person, when the apposition closes on a comma.
			c := i + 1 // the comma, past "of Hungary" ("The foreign minister of Hungary, Peter Szijjarto,")
			if c+1 < hi && !a.isPlaceholder(c) && !a.isPlaceholder(c+1) && a.tok(c).is("of", "for", "to") && a.tok(c+1).cap {
				c++
				for c < hi && !a.isPlaceholder(c) && a.tok(c).cap {
					c++
				}
			}
			if c+1 < hi && !a.isPlaceholder(c) && a.tok(c).low == "," && (who.kind == SpeakerAnonymous || who.kind == SpeakerNone) {
				if mi, ok := mentionAt[c+1]; ok && d.mentions[mi].entity >= 0 {
					if end := d.mentions[mi].nameEnd; end < len(d.toks) && d.toks[end].low == "," {
						who = a.personSpeaker(d.mentions[mi].entity)
					}
				}
			}
			// "Vann R. Newkirk II, a writer for The Atlantic, said": a
			// description in apposition to a name is that person. A
			// body is not a person's apposition, nor is the object of a
			// preposition ("Speaking to Reuters, the senator said").
			if s >= 2 && !a.isPlaceholder(s-1) && a.tok(s-1).low == "," && len(cands) > 0 {
				if last := cands[len(cands)-1]; last.end == a.tok(s-2).end && (last.kind == candName || last.kind == candCapitalised) &&
					(last.who.kind == SpeakerPerson || who.kind != SpeakerPerson && who.kind != SpeakerAnonymous) && !a.afterPreposition(last.start) {
					who = last.who
				}
			}
			add(candDescription, s, i+1, who)
		case tagged >= 0:
			// "one Conservative whip said": a noun phrase the word lists do
			// not know, standing where a reporting verb's subject stands.
			s := tagged
			who, ok := a.resolve(s, i+1)
			if !ok {
				who = speaker{name: d.span(a.outer[s].t, a.outer[i].t+1), kind: SpeakerAnonymous, person: -1}
			}
			add(candDescription, s, i+1, who)
		case t.cap && !t.in(wFunction) && !t.in(wDeterminer) && !t.in(wMonthOrDay) && !t.in(wObjectPreposition) &&
			!strings.ContainsAny(t.low, "'’") && !a.inPartyTag(i):
			e, joined := i+1, false
			for e < hi && !a.isPlaceholder(e) && e-i < 8 {
				n := a.tok(e)
				if _, named := mentionAt[e]; named {
					break
				}
				if n.kind == tokWord && n.cap && !n.in(wFunction) {
					e++
					continue
				}
				// "Department of State", "Smith and Wesson", "Committee
				// to Protect Journalists"
				if n.is("of", "for", "and", "&", "to") && e+1 < hi && !a.isPlaceholder(e+1) && a.tok(e+1).cap {
					joined = joined || n.is("and", "&")
					e += 2
					continue
				}
				break
			}
			s := i
			if s > lo && !a.isPlaceholder(s-1) && a.tok(s-1).low == "the" {
				s-- // "The New York Post"
			}
			who, ok := a.resolve(s, e)
			switch {
			case joined && d.lexKindOf(a.outer[s].t, a.outer[e-1].t+1) != lexOrg:
				// "South Korea and Japan", "Patel and Davey": several
				// speakers, not one, even when the last is a known person.
				who = noSpeaker()
			case !ok:
				who = speaker{name: d.span(a.outer[s].t, a.outer[e-1].t+1), kind: SpeakerOrganization, person: -1}
				if a.personLike(i, e) {
					who.kind = SpeakerPerson
				}
			}
			add(candCapitalised, s, e, who)
			i = e - 1
		}
	}
	a.splitJointSubjects(cands)
	rankPeople(cands)
	// The rules' answer, when no phrase of the window stands for it (a
	// speaker carried over from the paragraph before, a transcript label).
	if rule := a.got[q]; rule.kind != SpeakerNone {
		found := false
		for _, c := range cands {
			found = found || sameSpeaker(c.who, rule)
		}
		if !found {
			cands = append(cands, candidate{kind: candRule, start: -1, end: -1, who: rule,
				features: []string{"rule", "rule:how=" + a.how[q].String(), "rule:kind=" + string(rule.kind), "rule:route=" + a.route[q]}})
		}
	}
	return cands
}

// quoteContext is what the features of every candidate of one quote share.
type quoteContext struct {
	q, p     int    // quote index and outer position
	slo, shi int    // the quote's sentence
	shape    string // how the quote sits in it (quoteShape)
}

// quoteShape tells whether the quote opens its sentence or follows words of
// it, and whether words of the sentence follow it: "opens_ends" is a
// quoted sentence, "inside_continues" a phrase quoted mid-sentence, whose
// speaker is most often the sentence's subject.
func (a *attributor) quoteShape(p, slo, shi int) string {
	words := func(lo, hi int) bool {
		for i := lo; i < hi; i++ {
			if !a.isPlaceholder(i) && a.tok(i).kind == tokWord {
				return true
			}
		}
		return false
	}
	shape := "opens"
	if words(slo, p) {
		shape = "inside"
	}
	if words(p+1, shi) {
		return shape + "_continues"
	}
	return shape + "_ends"
}

// splitJointSubjects leaves unresolved two names joined by "and"
// ("Lavrov and Kerry told reporters"): words said by both are not either
// one's, and naming one of them would put the quote in a single mouth.
func (a *attributor) splitJointSubjects(cands []candidate) {
	for i := 1; i < len(cands); i++ {
		x, y := &cands[i-1], &cands[i]
		if x.start < 0 || y.start < x.end || x.kind == candPronoun || y.kind == candPronoun {
			continue
		}
		if between := strings.TrimSpace(a.d.text[x.end:y.start]); between == "and" || between == "&" {
			for _, c := range []*candidate{x, y} {
				c.who = noSpeaker()
				c.features = append(c.features, "joint")
			}
		}
	}
}

// rankPeople marks, on each side of the quote, the person nearest to it and
// a person alone in the quote's sentence: the linear model cannot tell
// "the nearest of three" from "one of three" by itself.
func rankPeople(cands []candidate) {
	nearestBefore, nearestAfter, inSentence := -1, -1, 0
	for i, c := range cands {
		if c.who.kind != SpeakerPerson {
			continue
		}
		switch {
		case strings.HasPrefix(c.at, "before"):
			nearestBefore = i // candidates come in text order
		case nearestAfter < 0:
			nearestAfter = i
		}
		if strings.HasSuffix(c.at, "_sentence") {
			inSentence++
		}
	}
	for _, i := range []int{nearestBefore, nearestAfter} {
		if i >= 0 {
			cands[i].features = append(cands[i].features, "nearest_person", "x:nearest_person|"+cands[i].at)
		}
	}
	if inSentence == 1 {
		for i, c := range cands {
			if c.who.kind == SpeakerPerson && strings.HasSuffix(c.at, "_sentence") {
				cands[i].features = append(cands[i].features, "only_person_in_sentence", "x:only_person_in_sentence|"+c.at)
			}
		}
	}
}

// inPartyTag reports whether outer position i lies in a party-and-state
// tag such as "(D-N.C.)" or "(R)".
func (a *attributor) inPartyTag(i int) bool {
	for k := i - 1; k >= 0 && i-k <= 3 && !a.isPlaceholder(k); k-- {
		switch a.tok(k).low {
		case "(":
			return true
		case ")", ",":
			return false
		}
	}
	return false
}

// personLike reports whether the capitalised run at outer positions
// [s, e) reads as a person's name: two to four words, the first a known
// given name or followed by an initial ("Laurence H. Tribe").
func (a *attributor) personLike(s, e int) bool {
	n := 0
	initial := false
	for i := s; i < e; i++ {
		t := a.tok(i)
		if t.kind != tokWord || !t.cap {
			return false
		}
		if len(strings.TrimSuffix(t.low, ".")) == 1 && i > s {
			initial = true
		}
		n++
	}
	return n >= 2 && n <= 4 && (initial || a.d.g.givenNames[strings.TrimSuffix(a.tok(s).low, ".")])
}

// onlyMarks reports whether outer positions [s, e) hold no word.
func (a *attributor) onlyMarks(s, e int) bool {
	for i := s; i < e; i++ {
		if a.isPlaceholder(i) || a.tok(i).kind == tokWord {
			return false
		}
	}
	return true
}

// paraEnd returns the outer position just past the paragraph of position p.
func (a *attributor) paraEnd(p int) int {
	e := p
	for e < len(a.outer) && a.para(e) == a.para(p) {
		e++
	}
	return e
}

func sameSpeaker(x, y speaker) bool {
	if x.kind == SpeakerNone || y.kind == SpeakerNone {
		return false
	}
	if x.person >= 0 || y.person >= 0 {
		return x.person == y.person
	}
	return strings.EqualFold(x.name, y.name)
}

func (h attribution) String() string {
	switch h {
	case byTag:
		return "tag"
	case byContinuation:
		return "continuation"
	}
	return "none"
}

// candidateFeatures describes the candidate at outer positions [s, e) of
// the quote in ctx: where it stands, what links it to the quote, what it
// resolves to, and whether the rules chose it.
func (a *attributor) candidateFeatures(ctx quoteContext, kind candidateKind, s, e int, who speaker) (features []string, at string) {
	k := kind.String()
	f := a.featureSlice()
	// Every feature is added plain and prefixed with the candidate's kind.
	add := func(parts ...string) { f = append(f, a.feature("", parts...), a.feature(k+":", parts...)) }
	plain := func(parts ...string) { f = append(f, a.feature("", parts...)) }

	side := "after"
	gapLo, gapHi := ctx.p+1, s // outer positions between candidate and quote
	if e <= ctx.p {
		side = "before"
		gapLo, gapHi = e, ctx.p
	}
	gapLen, gapShape := gapHi-gapLo, a.gapShape(gapLo, gapHi)
	where := "para"
	switch {
	case s >= ctx.slo && e <= ctx.shi:
		where = "sentence"
	case a.para(s) != a.para(ctx.p):
		where = "otherpara"
	}
	at = a.feature("", side, "_", where)
	add("at=", at)
	plain("x:", at, "|", ctx.shape)
	if where == "sentence" && side == "before" && a.firstInSentence(ctx.slo, s) {
		add("first_in_sentence")
		plain("x:first_in_sentence|", ctx.shape, "|", orNone(string(who.kind)))
	}
	if e < len(a.outer) {
		add("next=", a.wordClass(e))
	}
	if s > 0 {
		add("prev=", a.wordClass(s-1))
	}
	add("dist=", side, "_", bucket(gapLen))
	add("gap=", side, "_", gapShape)

	// Subject of a reporting verb ("X said", "X, a senator, said"),
	// or after one ("said X").
	verb := "noverb"
	if v := a.verbAfter(e, 4); v >= 0 {
		add("verb_after")
		f = append(f, a.feature(k+":", "verb_after=", verbLemma(a.tok(v).low)))
		verb = "verb_after"
		// "X said." closes on the verb; "X said Kim's state is …" goes on
		// to report something else, and a quote before it is not X's.
		add("verb_rest=", side, "_", bucket(a.wordsToSentenceEnd(v+1)))
		if side == "before" && where == "sentence" && !a.speechVerbIn(v+1, ctx.p) {
			// "Paet said a Russian diplomat had told him: '…'": the
			// subject of the reporting verb nearest the quote speaks.
			add("verb_nearest")
		}
	} else if s > 0 && !a.isPlaceholder(s-1) && a.d.g.speechVerbs[a.tok(s-1).low] {
		verb = "verb_before"
	}
	if side == "before" && where == "sentence" {
		if c := a.clauseBetween(gapLo, gapHi); c != "" {
			// "asked whether X had called it …", "urged members to
			// reject it as …": the quote is in a clause the subject
			// asks about or wants, not one it says.
			add("clause=", c)
			plain("x:clause=", c, "|", verb)
		}
	}
	// Conjunctions the linear model cannot form by itself.
	plain("x:", k, "|", at, "|", verb)
	plain("x:", side, "_", bucket(gapLen), "|", verb)
	plain("x:", gapShape, "|", orNone(string(who.kind)))
	if s > 0 && !a.isPlaceholder(s-1) {
		prev := a.tok(s - 1)
		switch {
		case a.d.g.speechVerbs[prev.low]:
			add("verb_before")
		case prev.low == "to" && s > 1 && !a.isPlaceholder(s-2) && a.tok(s-2).low == "according":
			add("according_to")
		case prev.in(wObjectPreposition):
			add("prep_before=", prev.low)
		case prev.kind == tokPunct:
			add("punct_before=", prev.low)
		}
	}
	if kind == candCapitalised {
		switch a.d.lexKindOf(a.outer[s].t, a.outer[e-1].t+1) {
		case lexCountry, lexPlace:
			add("place")
		case lexOrg:
			add("known_organization")
		}
	}
	if a.opensSentence(s) {
		add("opens_sentence")
	}
	if e < len(a.outer) && !a.isPlaceholder(e) && a.tok(e).kind == tokPossessive {
		add("possessive") // "Clinton's campaign said": the campaign speaks
	}
	add("who=", orNone(string(who.kind)))
	if who.kind == SpeakerNone {
		plain("unresolved")
	}
	if rule := a.got[ctx.q]; rule.kind != SpeakerNone {
		if sameSpeaker(who, rule) {
			add("rule_agrees")
			plain("rule_agrees:", a.how[ctx.q].String())
			plain("rule_agrees:route=", a.route[ctx.q])
		} else {
			add("rule_other")
		}
	} else {
		add("rule_none")
	}
	if ctx.q > 0 && sameSpeaker(who, a.got[ctx.q-1]) {
		add("previous_speaker")
	}
	return a.keepFeatures(f), at
}

// featureSlice returns an empty slice to build one candidate's features
// in, cut from a shared block: a long article has tens of thousands of
// candidates, and a slice each would dominate its allocations.
func (a *attributor) featureSlice() []string {
	if cap(a.featureBlock)-len(a.featureBlock) < maxCandidateFeatures {
		a.featureBlock = make([]string, 0, 64*maxCandidateFeatures)
	}
	return a.featureBlock[len(a.featureBlock):len(a.featureBlock)]
}

// keepFeatures claims the part of the block that f was built in (f has
// its own array if it outgrew the room it was given), with room for the
// features rankPeople adds, and returns f capped there, so that appending
// to it cannot overwrite the next candidate's features.
func (a *attributor) keepFeatures(f []string) []string {
	if n := len(a.featureBlock) + len(f) + rankFeatures; n <= cap(a.featureBlock) {
		a.featureBlock = a.featureBlock[:n]
		return f[: len(f) : len(f)+rankFeatures]
	}
	return f
}

// rankFeatures is how many features rankPeople may add to a candidate.
const rankFeatures = 4

// maxCandidateFeatures is room for the features of one candidate.
const maxCandidateFeatures = 48 + rankFeatures

// feature joins prefix and parts into a feature name, interned per
// document: the same few hundred names recur for every candidate, and
// building each anew would allocate more than the rest of the analysis.
func (a *attributor) feature(prefix string, parts ...string) string {
	b := append(a.featureBuf[:0], prefix...)
	for _, p := range parts {
		b = append(b, p...)
	}
	a.featureBuf = b
	if s, ok := a.features[string(b)]; ok {
		return s
	}
	if a.features == nil {
		a.features = map[string]string{}
	}
	s := string(b)
	a.features[s] = s
	return s
}

// nullFeatures describes quote q for the candidate "nobody".
func (a *attributor) nullFeatures(q int, cands []candidate) []string {
	d := a.d
	text := d.text[d.quotes[q].start:d.quotes[q].end]
	f := []string{"null", "null:rule=" + a.how[q].String(), "null:route=" + a.route[q], "null:words=" + bucket(countWords(text))}
	if isTitleCase(text) {
		f = append(f, "null:titlecase")
	}
	if isWholeSentence(text) {
		f = append(f, "null:sentence")
	}
	named := 0
	for _, c := range cands {
		if c.kind == candName {
			named++
		}
	}
	f = append(f, "null:names="+bucket(named))
	p := a.qpos[q]
	if p >= 0 {
		slo, shi := a.sentenceBounds(p)
		if a.speechVerbIn(slo, shi) {
			f = append(f, "null:verb_in_sentence")
		}
		f = append(f, "null:shape="+a.quoteShape(p, slo, shi))
		if c := a.clauseBetween(slo, p); c != "" {
			f = append(f, "null:clause="+c)
		}
	}
	return f
}

// speechVerbIn reports whether a reporting verb stands at outer positions
// [lo, hi).
func (a *attributor) speechVerbIn(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if !a.isPlaceholder(i) && a.d.g.speechVerbs[a.tok(i).low] {
			return true
		}
	}
	return false
}

// clauseBetween names the kind of clause that outer positions [lo, hi)
// open before a quote: "question" for an indirect question ("asked
// whether", "wondered if"), "to" for an infinitive ("urged them to
// reject it as"), or "" for neither.
func (a *attributor) clauseBetween(lo, hi int) string {
	for i := lo; i < hi; i++ {
		if a.isPlaceholder(i) {
			continue
		}
		t := a.tok(i)
		switch {
		case t.is("whether"), t.is("if") && i > lo && !a.isPlaceholder(i-1) && a.tok(i-1).is("asked", "asks", "ask", "wondered", "wonders", "questioned"):
			return "question"
		case t.is("to") && i+1 < hi && !a.isPlaceholder(i+1) && a.tok(i+1).kind == tokWord && !a.tok(i+1).cap &&
			!a.tok(i+1).in(wDeterminer) && !a.tok(i+1).in(wFunction):
			return "to"
		}
	}
	return ""
}

// firstInSentence reports whether no other word that could name someone
// stands between the sentence start lo and position s.
func (a *attributor) firstInSentence(lo, s int) bool {
	for i := lo; i < s; i++ {
		if a.isPlaceholder(i) {
			return false
		}
		t := a.tok(i)
		if t.cap && i > lo && !t.in(wMonthOrDay) || t.is("he", "she", "they", "it", "we") {
			return false
		}
	}
	return true
}

// wordClass names the kind of word at outer position i, for features.
func (a *attributor) wordClass(i int) string {
	if a.isPlaceholder(i) {
		return "quote"
	}
	t := a.tok(i)
	switch {
	case t.kind == tokPossessive:
		return "'s"
	case t.kind == tokPunct:
		return t.low
	case a.d.g.speechVerbs[t.low]:
		return "speechverb"
	case t.in(wObjectPreposition):
		return "prep"
	case t.in(wDeterminer):
		return "det"
	case t.is("and", "or", "but"):
		return "conj"
	case t.is("has", "had", "have", "is", "was", "will", "would", "did", "does", "also", "then"):
		return "aux"
	case t.cap:
		return "cap"
	}
	return "lower"
}

// verbAfter returns the outer position of a reporting verb within n words
// after position e (skipping adverbs and auxiliaries, a parenthesis such as
// "(D-S.C.)" and an apposition between commas), or -1.
func (a *attributor) verbAfter(e, n int) int {
	if e < len(a.outer) && !a.isPlaceholder(e) && a.tok(e).low == "(" {
		for k := e + 1; k < len(a.outer) && k < e+8 && !a.isPlaceholder(k); k++ {
			if a.tok(k).low == ")" {
				e = k + 1
				break
			}
		}
	}
	if e < len(a.outer) && !a.isPlaceholder(e) && a.tok(e).low == "," {
		for k := e + 1; k < len(a.outer) && k < e+16 && !a.isPlaceholder(k) && !a.tok(k).isSentenceEnd(); k++ {
			if a.tok(k).low == "," {
				e = k + 1
				break
			}
		}
	}
	for i := e; i < len(a.outer) && i < e+n; i++ {
		if a.isPlaceholder(i) {
			return -1
		}
		t := a.tok(i)
		if a.d.g.speechVerbs[t.low] {
			return i
		}
		if t.kind != tokWord || !t.in(wAdverbBeforeVerb) && !isLyAdverb(t) {
			return -1
		}
	}
	return -1
}

// wordsToSentenceEnd counts the words from outer position i to the end of
// its sentence or the next quote, up to 21.
func (a *attributor) wordsToSentenceEnd(i int) int {
	n := 0
	for ; i < len(a.outer) && n < 21 && !a.isPlaceholder(i); i++ {
		t := a.tok(i)
		if t.isSentenceEnd() {
			break
		}
		if t.kind == tokWord {
			n++
		}
	}
	return n
}

// mentionSpeaker is who a name mention stands for as a speaker of quote q:
// its person, unless the rules read the phrase around it as someone
// speaking for that person ("the office of Prime Minister Keir Starmer",
// "a spokesman for Starmer"), which then stands for the phrase.
func (a *attributor) mentionSpeaker(q int, m mention) speaker {
	rule := a.got[q]
	if rule.kind != SpeakerNone && rule.kind != SpeakerPerson && m.titleStart < m.nameStart &&
		strings.Contains(rule.name, a.d.span(m.nameStart, m.nameEnd)) &&
		strings.Contains(rule.name, a.d.span(m.titleStart, m.nameStart)) {
		return rule
	}
	return a.personSpeaker(m.entity)
}

// taggedNounStart returns where the noun phrase ending at outer position i
// begins when it opens with an article ("one", "a", "an", "another", "the")
// and a reporting verb follows it at once ("one Conservative whip said",
// "a longtime resident told"), or -1. The phrase's head is a common noun
// that no word list names as a speaker: the grammar alone proposes it, and
// the scorer decides.
func (a *attributor) taggedNounStart(i, lo int) int {
	if i+1 >= len(a.outer) || a.isPlaceholder(i+1) || !a.d.g.speechVerbs[a.tok(i+1).low] {
		return -1
	}
	t := a.tok(i)
	if t.kind != tokWord || t.in(wFunction) || t.in(wDeterminer) || a.d.g.speechVerbs[t.low] || !a.npToken(t) {
		return -1
	}
	for s := i - 1; s >= lo && i-s <= 4; s-- {
		if a.isPlaceholder(s) {
			return -1
		}
		p := a.tok(s)
		if p.is("one", "a", "an", "another", "the") {
			return s
		}
		if p.kind != tokWord || p.in(wFunction) || p.in(wDeterminer) || !a.npToken(p) {
			return -1
		}
	}
	return -1
}

// gapShape abstracts the words between a candidate and its quote: V a
// reporting verb, W another word, N a capitalised word, and punctuation as
// it is; long gaps are "long".
func (a *attributor) gapShape(lo, hi int) string {
	if hi-lo > 5 {
		return "long"
	}
	var buf [32]byte
	b := buf[:0]
	for i := lo; i < hi; i++ {
		if a.isPlaceholder(i) {
			b = append(b, 'Q')
			continue
		}
		t := a.tok(i)
		switch {
		case t.kind == tokPunct:
			b = append(b, t.low...)
		case a.d.g.speechVerbs[t.low]:
			b = append(b, 'V')
		case t.cap:
			b = append(b, 'N')
		default:
			b = append(b, 'W')
		}
	}
	return a.feature("", string(b))
}

// verbLemma folds the inflections of a reporting verb that matter most.
func verbLemma(s string) string {
	switch s {
	case "says", "said", "saying":
		return "say"
	case "tells", "told", "telling":
		return "tell"
	}
	return "other"
}

func bucket(n int) string {
	switch {
	case n <= 3:
		return strconv.Itoa(n)
	case n <= 5:
		return "4-5"
	case n <= 9:
		return "6-9"
	case n <= 20:
		return "10-20"
	}
	return "21+"
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// afterPreposition reports whether the phrase starting at byte off follows
// a preposition ("to Reuters"): it is that preposition's object.
func (a *attributor) afterPreposition(off int) bool {
	i := sort.Search(len(a.d.toks), func(k int) bool { return a.d.toks[k].start >= off })
	return i > 0 && a.d.sameRegion(i-1, i) && a.d.toks[i-1].in(wObjectPreposition)
}

// nameGoesOn reports whether the capitalised word at i goes on as a name
// across "of", "for" or "to" ("Alliance to Reclaim Our Schools"): it is
// read as that name, not as the head of a description ending at i.
func (a *attributor) nameGoesOn(i, hi int) bool {
	return i+2 < hi && !a.isPlaceholder(i+1) && !a.isPlaceholder(i+2) && a.tok(i+1).is("of", "for", "to") && a.tok(i+2).cap
}
