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
