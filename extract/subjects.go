// Subjects: the subject of a reporting verb across appositions,
// parentheticals, coordinations and relative clauses, and the noun phrases
// it is made of.

package extract

import (
	"strings"
)

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
	// "footage of Trump saying", "a clip of Clinton asking": a participle
	// with no comma before it is said by the name right before it, even
	// inside a phrase ("Barrot interrupted Clinton, saying" has a comma
	// and the clause's subject).
	if j == v-1 && j >= lo && !a.isPlaceholder(j) && strings.HasSuffix(a.tok(v).low, "ing") && a.tok(j).cap {
		if ms := a.mentionClosing(lo, v); ms >= 0 {
			return ms, v, true
		}
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
				if sp, ok := a.resolve(s, e); ok && (sp.kind == SpeakerOrganization || sp.kind == SpeakerDocument) {
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
		// "A senior official involved in the negotiations told": the
		// phrase after a bridge word is no speaker, the head before it is.
		if s == end {
			for b := start + 1; b+1 < end; b++ {
				if a.tok(b).in(wBridgeWord) && a.tok(b+1).in(wObjectPreposition) && a.nounPhraseSuffix(start, b) == start {
					s = start
					break
				}
			}
		}
		// "A statement issued by the presidential office said": the
		// agent of a participle is not the subject.
		if s < end && s-2 >= start && a.tok(s-1).low == "by" && a.d.g.isParticiple(a.tok(s-2)) {
			if s2 := a.nounPhraseSuffix(start, s-2); s2 < s-2 {
				s, end = s2, s-2
			}
		}
		// "In a Bloomberg interview Trump declared", "At a rally in Ohio
		// Trump said": an opening phrase whose comma was left out; the
		// name that closes it is the subject.
		if s < end && s > start && a.tok(start).in(wObjectPreposition) && a.tok(s-1).in(wObjectPreposition) {
			if ms := a.mentionClosing(s, end); ms > s {
				return ms, end, true
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
			} else if s2 < s-1 && a.tok(s-1).low == "to" && a.tok(s-2).cap && a.tok(s).cap {
				s = s2 // "the Committee to Protect Journalists": one name, "to" and all
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

// mentionClosing returns where the person mention that ends the phrase
// [s, e) starts (at its title, if any, inside the phrase), or -1.
func (a *attributor) mentionClosing(s, e int) int {
	mi := a.d.mentionEndingIn(a.outer[s].t, a.outer[e-1].t+1)
	if mi < 0 {
		return -1
	}
	m := a.d.mentions[mi]
	for k := s; k < e; k++ {
		if t := a.outer[k].t; t == m.titleStart || t == m.nameStart {
			return k
		}
	}
	return -1
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
