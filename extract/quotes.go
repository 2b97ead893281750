package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxQuoteBytes bounds the span of one quote so that a stray mark in huge or
// sloppy input cannot swallow the rest of the text.
const maxQuoteBytes = 8000

// quoteSpan is one stretch of quoted text inside one paragraph. A quote that
// runs over several paragraphs is one span per paragraph, linked by cont.
type quoteSpan struct {
	open, close int // byte offsets of the marks; close == -1 when the quote runs on
	start, end  int // the text between the marks, trimmed of spaces
	para        int
	cont        bool // continues a quote opened in an earlier paragraph
	runsOn      bool // continues in the next paragraph
	label       bool // a transcript paragraph after its speaker label (open is the label's colon)
}

type markRole uint8

const (
	markNone markRole = iota
	markOpen
	markClose
	markEither // straight quote: opens or closes depending on state
)

// classifyMark tells whether the double quotation mark r at i opens or
// closes a quote. Curly marks are trusted except in sloppy copy where a
// closing mark is glued before a word (”Tense) or an opening one after it.
func classifyMark(text string, i int, r rune, inQuote bool) markRole {
	switch r {
	case '"':
		return markEither
	case '“', '„', '«':
		if inQuote && !letterAfter(text, i+utf8.RuneLen(r)) && r == '“' {
			return markClose
		}
		return markOpen
	case '”', '»':
		if !inQuote && letterAfter(text, i+utf8.RuneLen(r)) && !letterBefore(text, i) {
			return markOpen
		}
		return markClose
	}
	return markNone
}

func letterAfter(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func letterBefore(text string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ',' || r == '?' || r == '!'
}

func isDoubleMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»':
		return true
	}
	return false
}

// findQuotes finds the double-quoted spans of every paragraph. Single quotes
// are left alone: they mark quotes within quotes or are apostrophes.
func findQuotes(text string, paras []paragraph) []quoteSpan {
	var spans []quoteSpan
	carry := false // a quote left open at the end of the previous paragraph
	for pi, p := range paras {
		if p.heading {
			carry = false
			continue
		}
		if p.label >= 0 {
			var next *paragraph
			if pi+1 < len(paras) {
				next = &paras[pi+1]
			}
			spans, carry = labelQuote(spans, text, p, pi, next)
			continue
		}
		if !carry && !hasDoubleMark(text[p.start:p.end]) {
			spans = findSingleQuotes(spans, text, p, pi)
			continue
		}
		open := -1
		cont := false
		if carry {
			// A quote running on must reopen at the start of this paragraph.
			if r, _ := utf8.DecodeRuneInString(text[p.start:p.end]); isDoubleMark(r) {
				open, cont = p.start, true
			} else {
				// The previous paragraph's quote was never closed: it ran to its end.
				carry = false
			}
		}
		carry = false
		for i := p.start; i < p.end; {
			r, n := utf8.DecodeRuneInString(text[i:p.end])
			if !isDoubleMark(r) {
				i += n
				continue
			}
			if cont && i == open {
				i += n
				continue
			}
			role := classifyMark(text, i, r, open >= 0)
			if role == markEither {
				role = markOpen
				if open >= 0 {
					role = markClose
				}
			}
			switch {
			case role == markOpen && open < 0:
				open = i
			case role == markClose && open >= 0 && r == '"' && letterAfter(text, i+n) && i > 0 && text[i-1] == ' ':
				// `"Every one must come home, he wrote. "We will…`: a
				// straight mark glued to the next word opens a quote, so
				// the one before lost its closing mark; end it before
				// its tag when there is one.
				if c := tagComma(text, open, i); c > 0 {
					spans = appendSpan(spans, text, open, c+1, p.end, pi, cont, false)
				}
				open, cont = i, false
			case role == markClose && open >= 0:
				spans = appendSpan(spans, text, open, i, p.end, pi, cont, false)
				open, cont = -1, false
			case role == markOpen && open >= 0:
				// Two openings in a row: the first was a stray mark.
				open, cont = i, false
			}
			i += n
		}
		if open >= 0 {
			// Unclosed at the end of the paragraph: a quote that runs on when
			// the next paragraph reopens it, otherwise sloppy copy that we
			// close at the paragraph end only when the mark began the paragraph.
			next := pi + 1
			runsOn := false
			if next < len(paras) && !paras[next].heading {
				r, _ := utf8.DecodeRuneInString(text[paras[next].start:paras[next].end])
				runsOn = r == '“' || r == '"' || r == '«' || r == '„'
			}
			if runsOn || cont || open == p.start || opensSentence(text, p.start, open) && endsSentence(text, open, p.end) {
				spans = appendSpan(spans, text, open, -1, p.end, pi, cont, runsOn)
				carry = runsOn
			}
		}
	}
	return spans
}

func appendSpan(spans []quoteSpan, text string, open, close, paraEnd, para int, cont, runsOn bool) []quoteSpan {
	_, n := utf8.DecodeRuneInString(text[open:])
	end := close
	if end < 0 {
		end = paraEnd
	}
	s, e := trimSpan(text, open+n, end)
	if e-s < 1 || e-s > maxQuoteBytes {
		return spans
	}
	return append(spans, quoteSpan{open: open, close: close, start: s, end: e, para: para, cont: cont, runsOn: runsOn})
}

// opensSentence reports whether the mark at open starts a sentence: it
// follows the paragraph start or a sentence end, a colon or a comma.
func opensSentence(text string, paraStart, open int) bool {
	i := open
	for i > paraStart && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	if i == paraStart {
		return true
	}
	switch text[i-1] {
	case '.', '!', '?', ':', ',':
		return true
	}
	return false
}

// endsSentence reports whether the paragraph ends a sentence, as an unclosed
// quote that runs to the paragraph end should.
func endsSentence(text string, open, end int) bool {
	s := strings.TrimRight(text[open:end], " \t")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

func hasDoubleMark(s string) bool {
	for _, r := range s {
		if isDoubleMark(r) {
			return true
		}
	}
	return false
}

// findSingleQuotes finds quotes in single marks, the house style of some
// outlets ('We will not back down,' she said), in a paragraph that has no
// double marks. Apostrophes are everywhere, so a span must open before a
// word and close right after the punctuation that ends quoted speech.
func findSingleQuotes(spans []quoteSpan, text string, p paragraph, pi int) []quoteSpan {
	open := -1
	for i := p.start; i < p.end; {
		r, n := utf8.DecodeRuneInString(text[i:p.end])
		if r != '\'' && r != '‘' && r != '’' {
			i += n
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[p.start:i])
		next, _ := utf8.DecodeRuneInString(text[i+n : p.end])
		atStart := i == p.start || unicode.IsSpace(prev) || prev == '(' || prev == '—' || prev == ':'
		switch {
		case r != '’' && atStart && (unicode.IsLetter(next) || unicode.IsDigit(next)):
			open = i
		case open >= 0 && r != '‘' && (prev == ',' || prev == '.' || prev == '?' || prev == '!') &&
			(i+n == p.end || unicode.IsSpace(next) || unicode.IsPunct(next)):
			before := len(spans)
			spans = appendSpan(spans, text, open, i, p.end, pi, false, false)
			if len(spans) > before && len(strings.Fields(text[spans[before].start:spans[before].end])) < 2 {
				spans = spans[:before]
			}
			open = -1
		}
		i += n
	}
	return spans
}

// tagComma returns the offset of the comma that ends quoted words before a
// pronoun's speech tag (", he wrote.") within text[from:to], or -1.
func tagComma(text string, from, to int) int {
	for _, tag := range []string{", he ", ", she ", ", they ", ", we "} {
		if c := strings.LastIndex(text[from:to], tag); c >= 0 {
			return from + c
		}
	}
	return -1
}

// isWholeSentence reports whether s starts with a capital letter and ends
// with a sentence's final punctuation.
func isWholeSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsUpper(r) && (last == '.' || last == '!' || last == '?')
}

// isTitleCase reports whether every word of s longer than three letters
// is capitalised and s does not end a sentence, as names and titles do.
func isTitleCase(s string) bool {
	if isWholeSentence(s) {
		return false
	}
	title := true
	eachWord(s, func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		title = len(w) <= 3 || unicode.IsUpper(r)
		return title
	})
	return title
}

// eachWord calls f with every space-separated word of s, as strings.Fields
// splits it, until f returns false; unlike Fields it allocates nothing.
func eachWord(s string, f func(w string) bool) {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 && !f(s[start:i]) {
				return
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}

// countWords is len(strings.Fields(s)) without the allocation.
func countWords(s string) int {
	n := 0
	eachWord(s, func(string) bool { n++; return true })
	return n
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
