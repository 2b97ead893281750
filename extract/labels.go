package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A transcript label names its paragraph's speaker ("MR MILLER:",
// "WALLACE:"); segment.go and transcript.go find the labels, quotes.go
// makes the labelled paragraph a quote, and this file, in the stage that
// reads reporting clauses, says who the label names.

// labelSpeaker resolves the label of the transcript paragraph holding quote
// q: a name ("MR MILLER") to the person of that surname named in the
// article, a role alone ("SPOKESPERSON") to the only person with that role.
// Question labels and labels naming nobody known get no speaker.
func (a *attributor) labelSpeaker(q int) speaker {
	d := a.d
	p := d.paras[d.quotes[q].para]
	label := d.text[labelStart(d.text, p):d.quotes[q].open]
	if d.g.isQuestionLabel(label) {
		return noSpeaker()
	}
	var names, roles []string
	for _, w := range strings.Fields(key(label)) {
		switch {
		case a.d.g.has(wHonorific, w) || a.d.g.has(wHonorific, w+"."):
		case d.isRoleNoun(w) || d.g.speakerHead[w] == kindPerson:
			roles = append(roles, w)
		default:
			names = append(names, w)
		}
	}
	at := a.outer[a.qpos[q]].t
	if len(names) > 0 {
		if pi := d.entityFor(names, at); pi >= 0 {
			return a.personSpeaker(pi)
		}
		// An interviewer the article never names in its prose ("“WALLACE:
		// Let's start …") is still named by the label, when the label is
		// a name and opens more than one paragraph: a one-off "UPDATE:"
		// or "WATCH:" is not a speaker.
		if d.labelIsName(names) && a.labelUses(key(label)) >= 2 {
			return speaker{name: labelName(label, names), kind: SpeakerPerson, person: -1}
		}
		return noSpeaker()
	}
	found := -1
	for _, r := range roles {
		for pi, per := range d.people {
			if !slices.Contains(strings.Fields(key(per.role)), r) {
				continue
			}
			if found >= 0 && found != pi {
				return noSpeaker() // two people with that role: do not guess
			}
			found = pi
		}
	}
	if found < 0 {
		return noSpeaker()
	}
	return a.personSpeaker(found)
}

// labelIsName reports whether the folded words of a label, its honorifics
// and role words set aside, can be a person's name: no word that is never
// inside one (not_names.txt), no title word, no word of a plain label
// ("UPDATE", plain_labels.txt).
func (d *doc) labelIsName(names []string) bool {
	for _, w := range names {
		if len(w) < 2 || d.g.notNames[w] || d.g.titleWords[w] || d.g.speakerHead[w] != kindNone || d.g.has(wPlainLabel, w) {
			return false
		}
	}
	return true
}

// labelUses counts the paragraphs whose transcript label folds to k. The
// counts are made once per article, on first use: a transcript asks for
// every paragraph's label.
func (a *attributor) labelUses(k string) int {
	if a.labelCounts == nil {
		d := a.d
		a.labelCounts = map[string]int{}
		for _, p := range d.paras {
			if p.label >= 0 {
				a.labelCounts[key(d.text[labelStart(d.text, p):p.label])]++
			}
		}
	}
	return a.labelCounts[k]
}

// labelName writes the name words of a label as a name is written
// ("WALLACE" → "Wallace", "MR MILLER" → "Miller").
func labelName(label string, names []string) string {
	var out []string
	for _, w := range strings.Fields(label) {
		if !slices.Contains(names, key(w)) {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		out = append(out, string(unicode.ToUpper(r))+strings.ToLower(w[n:]))
	}
	return strings.Join(out, " ")
}
