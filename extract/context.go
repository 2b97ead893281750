package extract

// otok is one element of the outer text of a paragraph: a token outside
// quotes, or a placeholder standing for a whole quote (q >= 0).
type otok struct {
	t int // token index; for a placeholder, the quote's first token
	q int
}

// buildOuter lays out the outer text of every body paragraph, so that
// reporting clauses can be read without the words being quoted.
func (d *doc) buildOuter() ([]otok, []int) {
	outer := make([]otok, 0, len(d.toks))
	qpos := make([]int, len(d.quotes))
	for i := range qpos {
		qpos[i] = -1
	}
	marks := make(map[int]bool, 2*len(d.quotes))
	for _, q := range d.quotes {
		marks[q.open] = true
		if q.close >= 0 {
			marks[q.close] = true
		}
	}
	for i, t := range d.toks {
		if q := d.tokQuote[i]; q >= 0 {
			if qpos[q] < 0 {
				qpos[q] = len(outer)
				outer = append(outer, otok{t: i, q: q})
			}
			continue
		}
		if t.kind == tokPunct && (isDoubleMarkString(t.low) || marks[t.start]) {
			continue
		}
		outer = append(outer, otok{t: i, q: -1})
	}
	return outer, qpos
}

// functionWords never belong to a speaker's description, even capitalised.
var functionWords = map[string]bool{
	"but": true, "and": true, "or": true, "however": true, "while": true, "with": true, "when": true, "as": true,
	"although": true, "though": true, "if": true, "so": true, "yet": true, "then": true, "also": true,
	"meanwhile": true, "still": true, "thus": true, "because": true, "after": true, "before": true, "since": true,
	"until": true, "on": true, "by": true, "to": true, "that": true, "which": true, "who": true, "whom": true,
	"whose": true, "where": true, "what": true, "how": true, "why": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "been": true, "being": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "can": true, "could": true, "should": true, "may": true, "might": true, "must": true,
	"do": true, "does": true, "did": true, "not": true, "no": true, "there": true, "here": true, "than": true,
	"about": true, "against": true, "over": true, "under": true, "into": true, "onto": true, "upon": true,
	"during": true, "without": true, "it": true, "they": true, "we": true, "you": true, "i": true, "he": true,
	"she": true, "him": true, "them": true, "us": true, "me": true, "this": true, "these": true, "those": true,
	"later": true, "earlier": true, "today": true, "yesterday": true, "tonight": true, "now": true, "again": true,
	"even": true, "just": true, "only": true, "very": true, "too": true, "all": true, "both": true, "each": true,
	"more": true, "most": true, "such": true, "like": true, "including": true, "between": true, "among": true,
	"through": true, "across": true, "per": true, "via": true, "whether": true, "once": true, "further": true,
	"speaking": true, "according": true, "asked": true,
}


var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "another": true, "some": true, "several": true, "many": true,
	"one": true, "two": true, "three": true, "four": true, "five": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "other": true,
}

var npPrepositions = map[string]bool{"of": true, "for": true, "at": true, "in": true, "from": true}

// adverbsBeforeVerb may stand between a subject and its reporting verb.
var adverbsBeforeVerb = map[string]bool{
	"also": true, "has": true, "have": true, "had": true, "was": true, "were": true, "is": true, "will": true,
	"would": true, "later": true, "then": true, "again": true, "earlier": true, "reportedly": true,
	"yesterday": true, "today": true, "once": true, "further": true, "previously": true, "repeatedly": true,
	"did": true, "does": true, "subsequently": true, "separately": true, "publicly": true,
	"privately": true, "recently": true, "first": true,
}
