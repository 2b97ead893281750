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
func isFunctionWord(s string) bool {
	switch s {
	case "but", "and", "or", "however", "while", "with", "when", "as", "although", "though", "if", "so", "yet",
		"then", "also", "meanwhile", "still", "thus", "because", "after", "before", "since", "until", "on", "by",
		"to", "that", "which", "who", "whom", "whose", "where", "what", "how", "why", "is", "are", "was", "were",
		"be", "been", "being", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
		"must", "do", "does", "did", "not", "no", "there", "here", "than", "about", "against", "over", "under",
		"into", "onto", "upon", "during", "without", "it", "they", "we", "you", "i", "he", "she", "him", "them",
		"us", "me", "this", "these", "those", "later", "earlier", "today", "yesterday", "tonight", "now", "again",
		"even", "just", "only", "very", "too", "all", "both", "each", "more", "most", "such", "like", "including",
		"between", "among", "through", "across", "per", "via", "whether", "once", "further", "speaking",
		"according", "asked":
		return true
	}
	return false
}

func isDeterminer(s string) bool {
	switch s {
	case "a", "an", "the", "another", "some", "several", "many", "one", "two", "three", "four", "five", "his",
		"her", "their", "its", "our", "other":
		return true
	}
	return false
}

func isPhrasePreposition(s string) bool {
	switch s {
	case "of", "for", "at", "in", "from":
		return true
	}
	return false
}

// adverbsBeforeVerb may stand between a subject and its reporting verb.
func isAdverbBeforeVerb(s string) bool {
	switch s {
	case "also", "has", "have", "had", "was", "were", "is", "will", "would", "later", "then", "again",
		"earlier", "reportedly", "yesterday", "today", "once", "further", "previously", "repeatedly", "did",
		"does", "subsequently", "separately", "publicly", "privately", "recently", "first":
		return true
	}
	return false
}
