// Resolving a phrase to a speaker: names, descriptions ("the minister"),
// role references, bodies and unnamed speakers named before.

package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// resolveAfter reads the noun phrase starting at outer position s ("said a
// French diplomatic source") and resolves it.
func (a *attributor) resolveAfter(s, hi int) (speaker, bool) {
	e := s
	for e < hi && e < s+12 && !a.isPlaceholder(e) {
		t := a.tok(e)
		// "the Alliance to Reclaim Our Schools": "to" inside a name.
		inName := t.low == "to" && e > s && a.tok(e-1).cap && e+1 < hi && !a.isPlaceholder(e+1) && a.tok(e+1).cap
		if !inName && (!a.npToken(t) || !t.cap && t.is("in", "at")) {
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
		return sp, sp.kind != SpeakerNone
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
	if mi := d.mentionFrom(ts, te); mi >= 0 {
		// "Rep. Elijah Cummings of Maryland", "Peter Morgan of the Sierra
		// Club": a person named with where they come from is that person.
		return a.personSpeaker(d.mentions[mi].entity), true
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
			return speaker{name: d.span(ts, te), kind: SpeakerAnonymous, person: -1}, true
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
			return speaker{name: descr, kind: SpeakerAnonymous, person: -1}, true
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
				if p := a.recentPerson(ts, te); p >= 0 && a.roleAgrees(p, head.low) {
					return a.personSpeaker(p), true
				}
			} else if head.low == "diplomat" && (te-ts == 2 || te-ts == 3 && d.toks[ts+1].kind == tokWord && !d.toks[ts+1].cap) {
				// "the diplomat stressed", "the top diplomat stressed"
				// (TASS, RIA): the minister, envoy or spokesperson the
				// text has just been about.
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
		return speaker{name: descr, kind: SpeakerAnonymous, person: -1}, true
	case kind == kindOrganization:
		// "The ministry said" after "China's commerce ministry said": the
		// body named in full just before.
		if first.is("the") {
			if sp, ok := a.bodyAntecedent(ts, te, head.low); ok {
				return sp, true
			}
		}
		return speaker{name: descr, kind: SpeakerOrganization, person: -1}, true
	case kind == kindDocument:
		// "a statement from the Greek foreign ministry": the body speaks.
		if b := h + 1; b+1 < te && d.toks[b].is("from", "by") {
			if sp, ok := a.resolveTokens(b+1, te); ok && sp.kind == SpeakerOrganization {
				return sp, true
			}
		}
		return speaker{name: descr, kind: SpeakerDocument, person: -1}, true
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
			return speaker{name: descr, kind: SpeakerOrganization, person: -1}, true
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
		return speaker{name: descr, kind: SpeakerAnonymous, person: -1}, true
	case d.g.speakerHead[head] == kindOrganization:
		return speaker{name: descr, kind: SpeakerOrganization, person: -1}, true
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
			if e := evs[k]; e.who.kind == SpeakerAnonymous && a.d.g.descriptorHead(e.who.name) == head && a.wordsIn(i, j, e.who.name) {
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
		if !slices.Contains(have, t.low) {
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

// roleAgrees reports whether the description head ("the senator") can
// stand for person p: p's role is unknown, holds that word, both are
// diplomatic roles (an envoy is "the diplomat" or "the ambassador"), or the
// head is no office ("the billionaire", "the leader"). "Trump went to
// Ohio. The senator said" is not Trump's.
func (a *attributor) roleAgrees(p int, head string) bool {
	d := a.d
	role := d.people[p].role
	if role == "" || !d.isRoleNoun(head) || head == "leader" || head == "chief" || head == "head" || head == "official" {
		return true
	}
	words := strings.Fields(key(role))
	if slices.Contains(words, head) || d.g.has(wDiplomaticRoleWord, head) && d.g.isDiplomaticRole(role) {
		return true
	}
	// "his Greek counterpart, Nikos Dendias": a role that names no office
	// says nothing against "the Greek minister".
	for _, w := range words {
		if d.isRoleNoun(w) && w != "counterpart" && w != "colleague" && w != "successor" && w != "predecessor" {
			return false
		}
	}
	return true
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
	return speaker{name: a.d.people[p].name, kind: SpeakerPerson, person: p}
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
		if !generic && !slices.Contains(a.roleWords[pi], head) {
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
