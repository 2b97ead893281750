// Reporting clauses: reading the tag after a quote, the reporting verb
// before it, and the words a quote sits in ("X's claim that ...").

package extract

import (
	"strings"
)

// tagged reads the reporting clause of quote q: after it ("…," he said /
// said X / X told), before it (X said: "…" / X urged … to be "…"), or
// "according to X".
func (a *attributor) tagged(q int) (speaker, bool) {
	p := a.qpos[q]
	lo, hi := a.sentenceBounds(p)
	if sp, ok := a.possessedWords(lo, p); ok {
		a.route[q] = routePossessed
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
	if k < hi && !a.introducedAndClosed(q, lo, p, k) {
		if sp, ok := a.tagAfter(k, hi); ok {
			a.route[q] = "tag_after"
			if a.relayed(lo, hi) {
				a.route[q] = routeRelayed
				// "Lavrov said the West was “…,” RIA Novosti reported":
				// the agency relays the speaker its sentence names.
				if a.mediaTagAfter(k, hi) {
					if sp2, ok2 := a.tagBefore(lo, p); ok2 && sp2.kind == SpeakerPerson {
						return sp2, true
					}
				}
			}
			return sp, true
		}
	}
	if a.deniedWords(lo, p) {
		a.route[q] = routeDenied
		return noSpeaker(), true
	}
	if v := a.nearestVerbBefore(lo, p); v >= 0 {
		if sp, ok, passive := a.passiveAgent(v, lo, p); passive && sp.kind == SpeakerNone {
			a.route[q] = routeUnnamedAgent
			return noSpeaker(), ok
		}
	}
	if sp, ok := a.tagBefore(lo, p); ok {
		a.route[q] = "tag_before"
		if a.relayed(lo, hi) {
			a.route[q] = routeRelayed
		}
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
		start := lo
		if p-2 > lo && !a.isPlaceholder(lo) && a.d.g.speechVerbs[a.tok(lo).low] && a.d.sentStart[a.outer[lo].t] {
			start = lo + 1 // "Said Ellis: “…”": the verb before its subject
		}
		ts, te := a.outer[start].t, a.outer[p-2].t+1
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

// routeDenied is the route of words someone denies saying ("Trump denied
// saying the veterans were “losers”"): nobody is their speaker, not the
// rules' and not the scorer's (extractor.go).
const routeDenied = "denied"

// routeUnnamedAgent is the route of a quote reported by a passive verb
// with no agent ("Orban has been accused of turning Hungary into “…”"):
// the subject is spoken of, and nobody is the speaker (extractor.go).
const routeUnnamedAgent = "unnamed_agent"

// nearestVerbBefore returns the reporting verb nearest before the quote at
// p in [lo, p), or -1.
func (a *attributor) nearestVerbBefore(lo, p int) int {
	for v := p - 1; v > lo; v-- {
		if !a.isPlaceholder(v) && a.d.g.speechVerbs[a.tok(v).low] {
			return v
		}
	}
	return -1
}

// deniedWords reports whether the reporting verb nearest before the quote
// at p is denied ("denied saying", "denies having said", "never said") or
// rejects a claim it does not attribute ("rejected the claim that").
func (a *attributor) deniedWords(lo, p int) bool {
	v := a.nearestVerbBefore(lo, p)
	if v < 0 {
		return false
	}
	// "Indian officials rejected the claim that India had “…”": the
	// claim is someone else's, and the text does not say whose.
	if a.tok(v).is("rejected", "rejects", "reject", "rejecting", "denied", "denies", "deny", "denying", "dismissed", "dismisses", "dismiss", "refuted", "refutes", "refute") {
		for k := v + 1; k < p && k <= v+3; k++ {
			if a.isPlaceholder(k) {
				break
			}
			// "rejected the remarks as “…”" characterises them: the
			// subject's words, not denied ones.
			if a.tok(k).in(wClaimNoun) && a.tok(k-1).in(wDeterminer) && k+1 < p && !a.isPlaceholder(k+1) && a.tok(k+1).low == "that" {
				return true
			}
		}
	}
	for u := v - 1; u >= lo && u >= v-3; u-- {
		if a.isPlaceholder(u) {
			break
		}
		if w := a.tok(u).low; w == "denied" || w == "denies" || w == "deny" || w == "denying" || (w == "never" || w == "not") && u == v-1 ||
			w == "to" && u == v-1 && u > lo && a.tok(u-1).is("declined", "declines", "refused", "refuses") {
			return true // "would not say whether", "declined to say if"
		}
		if !a.tok(u).is("having", "ever", "that", "he", "she", "they", "it") {
			break
		}
	}
	return false
}

// routePossessed is the route of a quote inside someone's reported words
// ("Kallas said Lavrov's claim that Europe was “at war”").
const routePossessed = "possessed"

// routeRelayed is the route of a quote whose sentence also names who
// relays it ("TASS quoted Putin as saying", "according to RIA Novosti",
// "RIA Novosti reported"): the speaker the rules found speaks, and the
// scorer may not put the relaying agency in his place (extractor.go).
const routeRelayed = "relayed"

// relayed reports whether [lo, hi) names someone relaying what is said:
// "according to", "quoted … as saying", "reported".
func (a *attributor) relayed(lo, hi int) bool {
	for v := lo; v < hi; v++ {
		if a.isPlaceholder(v) {
			continue
		}
		switch t := a.tok(v); {
		case t.low == "according" && v+1 < hi && !a.isPlaceholder(v+1) && a.tok(v+1).low == "to",
			t.is("reported", "reports"):
			return true
		case t.low == "quoted" && a.asSayingAfter(v, hi) >= 0:
			return true
		}
	}
	return false
}

// asSayingAfter returns where "as saying" (or "as warning", "as telling")
// stands after the "quoted" or "reported" at v ("quoted Putin as saying",
// "was quoted as saying"), before hi, or -1.
func (a *attributor) asSayingAfter(v, hi int) int {
	for u := v + 1; u+1 < hi && u < v+16; u++ {
		if a.isPlaceholder(u) || a.isPlaceholder(u+1) {
			return -1
		}
		if a.tok(u).low == "as" && a.asSaying(u+1) {
			return u
		}
	}
	return -1
}

// mediaTagAfter reports whether the reporting verb after the quote, from
// k, is a relaying one ("reported", "reports") with no "as saying" after
// it: its subject relays, and another tag names the speaker.
func (a *attributor) mediaTagAfter(k, hi int) bool {
	for v := k; v < hi && v < k+8; v++ {
		if a.isPlaceholder(v) {
			return false
		}
		if t := a.tok(v); t.is("reported", "reports") {
			return true
		} else if a.d.g.speechVerbs[t.low] {
			return false
		}
	}
	return false
}

// asSaying reports whether the token at v is the reporting participle of
// "quoted … as saying", "as warning", "as telling".
func (a *attributor) asSaying(v int) bool {
	t := a.tok(v)
	return a.d.g.speechVerbs[t.low] && strings.HasSuffix(t.low, "ing")
}

// passiveAgent reads a passive reporting verb at v: with its agent after
// "by" ("Scholz was told by Macron that “…”") the agent speaks; without one
// ("Orban has been accused of …") nobody named does. The subject never
// does, but for "quoted" and "cited". passive is false when v is no such
// verb.
func (a *attributor) passiveAgent(v, lo, p int) (sp speaker, ok, passive bool) {
	if v-1 < lo || v+1 >= p || a.isPlaceholder(v-1) || a.isPlaceholder(v+1) ||
		!a.tok(v-1).is("was", "were", "been", "is", "are", "being") || a.tok(v).is("quoted", "cited") || !a.d.g.isParticiple(a.tok(v)) {
		// "X was quoted by ISNA as saying": the agency reports X.
		return noSpeaker(), false, false
	}
	if a.tok(v+1).low != "by" || v+2 >= p {
		// "Orban has been accused of turning Hungary into “…”": the
		// subject is spoken of, by someone the sentence does not name.
		return noSpeaker(), true, true
	}
	e := v + 2
	for e < p && !a.isPlaceholder(e) && a.npToken(a.tok(e)) {
		// "accused by Schumer of “…”": the agent ends before a
		// preposition, unless a name goes on ("by the Ministry of
		// Defence").
		if e > v+2 && a.tok(e).in(wPhrasePreposition) && !(e+1 < p && !a.isPlaceholder(e+1) && a.tok(e+1).cap) {
			break
		}
		e++
	}
	if e > v+2 && a.nounPhraseSuffix(v+2, e) == v+2 {
		sp, ok := a.resolve(v+2, e)
		return sp, ok, true
	}
	return noSpeaker(), false, true
}

// passiveWithAgent reports whether quote q's nearest reporting verb before
// it is passive with its agent after "by" ("was accused by Schumer of").
func (a *attributor) passiveWithAgent(q int) bool {
	p := a.qpos[q]
	if p < 0 {
		return false
	}
	lo, _ := a.sentenceBounds(p)
	v := a.nearestVerbBefore(lo, p)
	if v < 0 {
		return false
	}
	sp, _, passive := a.passiveAgent(v, lo, p)
	return passive && sp.kind != SpeakerNone
}

// introducedAndClosed reports whether the quote q at position p has a
// reporting clause of its own before it, so that the tag after it at k is
// not its tag: it closes its sentence after a reporting verb ("Russia
// insisted that Pyongyang “stop its dangerous escapades.”") and a new
// sentence opens at k ("The International Atomic Energy Agency said …"),
// or the quote stands in a relative clause with a reporting verb and a
// subject of its own ("X, whom critics call “an autocrat”, said").
func (a *attributor) introducedAndClosed(q, lo, p, k int) bool {
	if a.quoteEndsSentence(q) && !a.isPlaceholder(k) && a.tok(k).cap {
		for i := lo; i < p; i++ {
			if !a.isPlaceholder(i) && a.d.g.speechVerbs[a.tok(i).low] {
				return true
			}
		}
	}
	// "X, whom critics call “an autocrat”, said …": a relative clause
	// with a reporting verb and a subject of its own introduces the
	// quote, so the verb after the quote reports something else.
	for v := p - 1; v > lo; v-- {
		if a.isPlaceholder(v) {
			return false
		}
		t := a.tok(v)
		if t.low == "," || t.low == ";" || t.isSentenceEnd() {
			return false
		}
		if a.d.g.speechVerbs[t.low] && !strings.HasSuffix(t.low, "ing") {
			s, _, ok := a.subjectOf(v, lo)
			return ok && s > lo && !a.isPlaceholder(s-1) && a.tok(s-1).is("whom", "which", "that")
		}
	}
	return false
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
		// "Misri called Pakistan's statement “baseless”": a quote right
		// after the claim noun of a verb's object characterises it; the
		// verb's subject speaks.
		if i == p-1 && a.objectOfVerb(i-1, lo) {
			return noSpeaker(), false
		}
		te := a.outer[i-1].t
		if mi := a.d.mentionEndingIn(a.outer[lo].t, te); mi >= 0 && a.d.mentions[mi].entity >= 0 && a.d.mentions[mi].nameEnd == te {
			return a.personSpeaker(a.d.mentions[mi].entity), true
		}
		return noSpeaker(), true
	}
	return noSpeaker(), false
}

// claimContent reports whether quote q is the content of a claim noun
// right before it ("Biden's call for “…”", "the claim that “…”"), not a
// characterisation of it ("called Obama's remarks on Saturday “…”",
// "called Pakistan's statement “…”").
func (a *attributor) claimContent(q int) bool {
	p := a.qpos[q]
	if p < 2 || a.isPlaceholder(p-1) {
		return false
	}
	t := a.tok(p - 1)
	return t.is("for", "that", "of") && !a.isPlaceholder(p-2) && a.tok(p-2).in(wClaimNoun)
}

// objectOfVerb reports whether the possessor ending at outer position e
// (its "'s") follows a reporting verb at once ("called Pakistan's"), within
// three words, so that the possessed noun is that verb's object.
func (a *attributor) objectOfVerb(e, lo int) bool {
	for k := e - 1; k >= lo && k >= e-4; k-- {
		if a.isPlaceholder(k) {
			return false
		}
		if a.d.g.speechVerbs[a.tok(k).low] {
			return true
		}
		if !a.tok(k).cap {
			return false
		}
	}
	return false
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
	if p == 0 || a.isPlaceholder(p-1) || a.tok(p-1).low != ":" {
		return noSpeaker(), false
	}
	if a.para(p-1) == a.para(p) {
		return a.copulaIntro(p - 1)
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

// copulaIntro reads "A source close to Macron was blunter: “…”": a person
// or an unnamed speaker, a copula and one or two words describing how they
// spoke, then the colon at c. The copula's subject speaks; a body or a
// document ("The message was clear:") is no speaker here.
func (a *attributor) copulaIntro(c int) (speaker, bool) {
	lo, _ := a.sentenceBounds(c)
	for cp := c - 2; cp >= lo && cp >= c-3; cp-- {
		if a.isPlaceholder(cp) {
			return noSpeaker(), false
		}
		if !a.tok(cp).is("is", "was", "were", "are") {
			continue
		}
		for k := cp + 1; k < c; k++ {
			if t := a.tok(k); a.isPlaceholder(k) || t.kind != tokWord || t.cap {
				return noSpeaker(), false
			}
		}
		s, e, ok := a.subjectOf(cp, lo)
		if !ok {
			return noSpeaker(), false
		}
		if sp, ok := a.resolve(s, e); ok && (sp.kind == SpeakerPerson || sp.kind == SpeakerAnonymous) {
			return sp, true
		}
		return noSpeaker(), false
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
		// "“…,” Melanie said yes, over and over": a verb that takes
		// "yes" or "no" answers; it does not report the quote.
		if v+1 < hi && !a.isPlaceholder(v+1) && a.tok(v+1).is("yes", "no") {
			return noSpeaker(), false
		}
		// "“…,” TASS quoted Putin as saying": the quoted one speaks; so
		// does the one "RIA Novosti reported … as saying".
		if a.tok(v).is("quoted", "reported") {
			if u := a.asSayingAfter(v, hi); u > v+1 && u < v+14 {
				if a.nounPhraseSuffix(v+1, u) == v+1 {
					return a.resolve(v+1, u)
				}
				return noSpeaker(), false
			}
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
		// "“…?” she asked, but Kevin was asleep, and as the candidate
		// went on about “…”": a last clause with a subject of its own
		// and no reporting verb is not told by the clause before.
		if _, _, ok := a.sentenceSubject(b, p); ok {
			return noSpeaker(), false
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
		if a.asSaying(v) && v-1 >= lo && a.tok(v-1).low == "as" {
			// "was quoted by the agency as saying"
			for u := v - 2; u >= lo && u > v-20; u-- {
				if a.isPlaceholder(u) || !a.tok(u).is("quoted", "reported") {
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
		if sp, ok, passive := a.passiveAgent(verb, lo, p); passive {
			return sp, ok
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
