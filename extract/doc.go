package extract

import (
	"strings"
)

// doc is the working state of one analysis: the text cut into paragraphs,
// quotes and tokens, and what the later stages found. It lives only for the
// duration of one Analyze call. Each stage's result is a field (or an
// embedded struct) that only that stage fills (stages_test.go checks it).
type doc struct {
	text   string
	g      *gazetteer
	stop   *stopper // nil: run to the end
	paras  []paragraph
	quotes []quoteSpan
	tokens
	cast
}

// tokens is the token stage's result: the words and marks of the body
// paragraphs, with the paragraph, the quote and the sentence each lies in.
type tokens struct {
	toks      []token // words and marks of the body paragraphs, in order
	tokPara   []int   // paragraph index of each token
	tokQuote  []int   // index of the quote a token lies in, or -1
	sentStart []bool  // token opens a sentence or clause after a colon
	lowerSeen map[string]bool
	seenKeys  map[string]bool // folded capitalised words and pairs of them, for article spellings
}

// cast is the mention stage's result: the person mentions and the people
// they cluster into. The role stage then fills each person's role and
// affiliation.
type cast struct {
	mentions     []mention
	people       []*entity
	mentionByTok map[int]int // first name token -> mention index
}

// span returns the text covered by tokens [i, j).
func (d *doc) span(i, j int) string {
	if i >= j {
		return ""
	}
	return d.text[d.toks[i].start:d.toks[j-1].end]
}

// newTokens tokenizes the body paragraphs of text and marks the quotes and
// sentence starts. When stop fires, it returns the tokens made so far.
func newTokens(text string, paras []paragraph, quotes []quoteSpan, g *gazetteer, stop *stopper) tokens {
	var d tokens
	d.toks = make([]token, 0, len(text)/5+16)
	d.tokPara = make([]int, 0, len(text)/5+16)
	for pi, p := range paras {
		if p.heading {
			continue
		}
		if stop.stopped() {
			break // the later loops run over the tokens made so far
		}
		n := len(d.toks)
		d.toks = tokenize(text, p.start, p.end, d.toks, g.vocabulary)
		for range d.toks[n:] {
			d.tokPara = append(d.tokPara, pi)
		}
	}
	d.tokQuote = make([]int, len(d.toks))
	qi := 0
	for i, t := range d.toks {
		for qi < len(quotes) && quotes[qi].end <= t.start {
			qi++
		}
		d.tokQuote[i] = -1
		if qi < len(quotes) && t.start >= quotes[qi].start && t.end <= quotes[qi].end {
			d.tokQuote[i] = qi
		}
	}
	d.sentStart = make([]bool, len(d.toks))
	d.lowerSeen = make(map[string]bool)
	d.seenKeys = make(map[string]bool)
	for i, t := range d.toks {
		if i == 0 || d.tokPara[i] != d.tokPara[i-1] {
			d.sentStart[i] = true
		} else {
			p := d.toks[i-1]
			d.sentStart[i] = p.isSentenceEnd() || p.kind == tokPunct && (p.low == ":" || p.low == "(" || isDoubleMarkString(p.low) || p.low == "‘")
		}
		if t.kind == tokWord {
			if !t.cap {
				if !isNameWordIn(text, d.toks, g, i) { // "al-Ansari" is a name, not a lower-case word
					d.lowerSeen[t.low] = true
				}
				continue
			}
			// Capitalised words and pairs: enough to know how the article
			// spells a country's name.
			d.seenKeys[t.low] = true
			if i > 0 && d.toks[i-1].kind == tokWord && d.toks[i-1].cap {
				d.seenKeys[d.toks[i-1].low+" "+t.low] = true
			}
		}
	}
	return d
}

func isDoubleMarkString(s string) bool {
	switch s {
	case "\"", "“", "”", "„", "«", "»":
		return true
	}
	return false
}

// isNameWord reports whether token i can be part of a capitalised name run:
// a capitalised word or a lower-case prefixed surname such as "al-Assad".
func (d *doc) isNameWord(i int) bool { return isNameWordIn(d.text, d.toks, d.g, i) }

// isNameWordIn is isNameWord over the tokens toks of text.
func isNameWordIn(text string, toks []token, g *gazetteer, i int) bool {
	t := toks[i]
	if t.kind != tokWord {
		return false
	}
	if t.cap {
		return true
	}
	if k := strings.IndexByte(t.low, '-'); k > 0 && g.has(wNameParticle, t.low[:k]) {
		w := text[t.start+k+1 : t.end]
		return w != "" && w[0] >= 'A' && w[0] <= 'Z'
	}
	return false
}
