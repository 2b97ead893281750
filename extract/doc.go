package extract

import (
	"strings"
)

// doc is the working state of one analysis: the text cut into paragraphs,
// quotes and tokens, and what the later stages found. It lives only for the
// duration of one Analyze call.
type doc struct {
	text   string
	g      *gazetteer
	stop   *stopper // nil: run to the end
	paras  []paragraph
	quotes []quoteSpan

	toks      []token // words and marks of the body paragraphs, in order
	tokPara   []int   // paragraph index of each token
	tokQuote  []int   // index of the quote a token lies in, or -1
	sentStart []bool  // token opens a sentence or clause after a colon
	lowerSeen map[string]bool
	seenKeys  map[string]bool // folded capitalised words and pairs of them, for article spellings

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

// build tokenizes the body paragraphs and marks quotes and sentence starts.
func (d *doc) build() {
	d.toks = make([]token, 0, len(d.text)/5+16)
	d.tokPara = make([]int, 0, len(d.text)/5+16)
	for pi, p := range d.paras {
		if p.heading {
			continue
		}
		if d.stop.stopped() {
			break // the later loops run over the tokens made so far
		}
		n := len(d.toks)
		d.toks = tokenize(d.text, p.start, p.end, d.toks, d.g.vocabulary)
		for range d.toks[n:] {
			d.tokPara = append(d.tokPara, pi)
		}
	}
	d.tokQuote = make([]int, len(d.toks))
	qi := 0
	for i, t := range d.toks {
		for qi < len(d.quotes) && d.quotes[qi].end <= t.start {
			qi++
		}
		d.tokQuote[i] = -1
		if qi < len(d.quotes) && t.start >= d.quotes[qi].start && t.end <= d.quotes[qi].end {
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
				if !d.isNameWord(i) { // "al-Ansari" is a name, not a lower-case word
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
func (d *doc) isNameWord(i int) bool {
	t := d.toks[i]
	if t.kind != tokWord {
		return false
	}
	if t.cap {
		return true
	}
	if k := strings.IndexByte(t.low, '-'); k > 0 && d.g.has(wNameParticle, t.low[:k]) {
		w := d.text[t.start+k+1 : t.end]
		return w != "" && w[0] >= 'A' && w[0] <= 'Z'
	}
	return false
}
