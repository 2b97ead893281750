package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Briefing transcripts (State Department, UN noon briefing) carry speech
// without quotation marks: each paragraph opens with its speaker's label
// ("MR MILLER:", "SPOKESMAN DUJARRIC:", "QUESTION:"). A paragraph read this
// way becomes one quote whose text is the whole paragraph after the label,
// so that text[Start:End] is still verbatim. Only an article that has a
// question label and at least two other labelled paragraphs is read as a
// transcript, which keeps datelines ("ISLAMABAD: …") and "Note:" lines of
// ordinary news out.

// maxLabelBytes bounds a speaker label; longer runs before a colon are prose.
const maxLabelBytes = 48

// speakerLabel returns the end of the label (the offset of its colon) when
// the paragraph opens with one to four capitalised words and a colon, or -1.
func speakerLabel(text string, p paragraph) int {
	s := text[p.start:p.end]
	c := strings.IndexByte(s, ':')
	if c <= 0 || c > maxLabelBytes || c+1 >= len(s) || s[c+1] != ' ' {
		return -1
	}
	words := strings.Fields(s[:c])
	if len(words) == 0 || len(words) > 4 || strings.TrimSpace(s[:c]) != s[:c] {
		return -1
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return -1
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '.' && r != '-' && r != '\'' && r != '’' {
				return -1
			}
		}
	}
	// The speech after the label is running text, not an all-capitals line.
	if !strings.ContainsFunc(s[c+1:], unicode.IsLower) {
		return -1
	}
	return p.start + c
}

// isQuestionLabel reports whether a transcript label is one of the floor's
// (data/words/question_labels.txt), never attributed.
func (v *vocabulary) isQuestionLabel(label string) bool {
	return v.has(wQuestionLabel, key(label))
}

// markTranscript sets the label of every labelled body paragraph when the
// article reads as a briefing transcript.
func markTranscript(text string, paras []paragraph, v *vocabulary) {
	questions, others := 0, 0
	for _, p := range paras {
		if p.heading {
			continue
		}
		if c := speakerLabel(text, p); c >= 0 {
			if v.isQuestionLabel(text[p.start:c]) {
				questions++
			} else {
				others++
			}
		}
	}
	if questions == 0 || others < 2 {
		return
	}
	for i := range paras {
		if !paras[i].heading {
			paras[i].label = speakerLabel(text, paras[i]) // -1 when unlabelled
		}
	}
}

// labelQuote is the quote span of a labelled paragraph: from after the
// label's colon to the paragraph's end. The colon stands for the opening
// mark, so it is kept out of the reporting text.
func labelQuote(spans []quoteSpan, text string, p paragraph, pi int) []quoteSpan {
	before := len(spans)
	spans = appendSpan(spans, text, p.label, -1, p.end, pi, false, false)
	if len(spans) > before {
		spans[before].label = true
	}
	return spans
}

// labelSpeaker resolves the label of the transcript paragraph holding quote
// q: a name ("MR MILLER") to the person of that surname named in the
// article, a role alone ("SPOKESPERSON") to the only person with that role.
// Question labels and labels naming nobody known get no speaker.
func (a *attributor) labelSpeaker(q int) speaker {
	d := a.d
	p := d.paras[d.quotes[q].para]
	label := d.text[p.start:d.quotes[q].open]
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
		return noSpeaker()
	}
	found := -1
	for _, r := range roles {
		for pi, per := range d.people {
			if !containsString(strings.Fields(key(per.role)), r) {
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
