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
// so that text[Start:End] is still verbatim. News that quotes an interview
// does the same inside quotation marks, one opening mark per paragraph
// ("“WALLACE: Let's start …", "“PENCE: Well, …"). Only an article that has
// a question label and at least two other labelled paragraphs, or two
// labels each opening at least two paragraphs (the two sides of an
// interview), is read as a transcript, which keeps datelines
// ("ISLAMABAD: …") and "Note:" lines of ordinary news out.

// maxLabelBytes bounds a speaker label; longer runs before a colon are prose.
const maxLabelBytes = 48

// speakerLabel returns the end of the label (the offset of its colon) when
// the paragraph opens with one to four capitalised words and a colon, or -1.
func speakerLabel(text string, p paragraph) int {
	start := labelStart(text, p)
	s := text[start:p.end]
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
	return start + c
}

// labelStart is where a paragraph's label would begin: after the opening
// quotation mark of a quoted transcript paragraph, else at its start.
func labelStart(text string, p paragraph) int {
	if r, n := utf8.DecodeRuneInString(text[p.start:p.end]); r == '"' || r == '“' {
		return p.start + n
	}
	return p.start
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
	uses := map[string]int{} // paragraphs each other label opens
	for i, p := range paras {
		if p.heading || isHeadlineSlot(text, paras, i) {
			continue
		}
		if c := speakerLabel(text, p); c >= 0 {
			if label := text[labelStart(text, p):c]; v.isQuestionLabel(label) {
				questions++
			} else {
				others++
				uses[key(label)]++
			}
		}
	}
	interview := 0
	for _, n := range uses {
		if n >= 2 {
			interview++
		}
	}
	if (questions == 0 || others < 2) && interview < 2 {
		return
	}
	for i := range paras {
		if !paras[i].heading && !isHeadlineSlot(text, paras, i) {
			paras[i].label = speakerLabel(text, paras[i]) // -1 when unlabelled
		}
	}
}

// isHeadlineSlot reports whether paragraph i is the first line followed by
// a blank line, where an article gives its headline even when it does not
// read as one ("Pence: Flowers won't be at debate."): a headline's colon
// is a summary, not a speaker's label.
func isHeadlineSlot(text string, paras []paragraph, i int) bool {
	return i == 0 && len(paras) > 1 && blankBetween(text, paras[0].end, paras[1].start)
}

// labelQuote is the quote span of a labelled paragraph: from after the
// label's colon to the paragraph's end. The colon stands for the opening
// mark, so it is kept out of the reporting text.
//
// A quoted paragraph left open runs on when the next paragraph reopens the
// mark, without a label of its own and without closing it ("PENCE: Well, look, …" then "“But the
// truth is …"): the answer goes on, and runsOn tells the caller to read the
// next paragraph as its continuation.
func labelQuote(spans []quoteSpan, text string, p paragraph, pi int, next *paragraph) (_ []quoteSpan, runsOn bool) {
	before := len(spans)
	end := p.end
	if labelStart(text, p) > p.start {
		// A quoted paragraph may close its mark: the mark is not speech.
		_, e := trimSpan(text, p.label, p.end)
		if r, n := utf8.DecodeLastRuneInString(text[p.label:e]); r == '"' || r == '”' {
			end = e - n
		} else if next != nil && !next.heading && next.label < 0 {
			// The transcript leaves its paragraphs open; one that
			// closes its own mark is no part of the answer (a
			// "Follow … on Twitter" footer set in quotes).
			r, _ := utf8.DecodeRuneInString(text[next.start:next.end])
			_, ne := trimSpan(text, next.start, next.end)
			last, _ := utf8.DecodeLastRuneInString(text[next.start:ne])
			runsOn = isDoubleMark(r) && last != '"' && last != '”'
		}
	}
	spans = appendSpan(spans, text, p.label, -1, end, pi, false, runsOn)
	if len(spans) > before {
		spans[before].label = true
	} else {
		runsOn = false
	}
	return spans, runsOn
}

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
		if d.labelIsName(names) && d.labelUses(key(label)) >= 2 {
			return speaker{name: labelName(label, names), kind: SpeakerPerson, person: -1}
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

// labelIsName reports whether the folded words of a label, its honorifics
// and role words set aside, can be a person's name: no word that is never
// inside one (not_names.txt) nor a title word.
func (d *doc) labelIsName(names []string) bool {
	for _, w := range names {
		if len(w) < 2 || d.g.notNames[w] || d.g.titleWords[w] || d.g.speakerHead[w] != kindNone {
			return false
		}
	}
	return true
}

// labelUses counts the paragraphs whose transcript label folds to k.
func (d *doc) labelUses(k string) int {
	n := 0
	for _, p := range d.paras {
		if p.label >= 0 && key(d.text[labelStart(d.text, p):p.label]) == k {
			n++
		}
	}
	return n
}

// labelName writes the name words of a label as a name is written
// ("WALLACE" → "Wallace", "MR MILLER" → "Miller").
func labelName(label string, names []string) string {
	var out []string
	for _, w := range strings.Fields(label) {
		if !containsString(names, key(w)) {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		out = append(out, string(unicode.ToUpper(r))+strings.ToLower(w[n:]))
	}
	return strings.Join(out, " ")
}
