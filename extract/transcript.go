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
//
// This file finds the labels (segment stage); labelQuote in quotes.go makes
// a labelled paragraph a quote and labelSpeaker in labels.go says whom its
// label names, each in its own stage.

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
