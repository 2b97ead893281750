package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Extractor holds the immutable models and gazetteers; safe for concurrent use.
type Extractor struct {
	g   *gazetteer
	ner *nerTagger
}

// New builds an Extractor from the embedded data.
func New() (*Extractor, error) {
	g, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	n, err := loadNER()
	if err != nil {
		return nil, err
	}
	return &Extractor{g: g, ner: n}, nil
}

// minQuoteWords is the length under which a quote with no identified
// speaker is taken for a scare quote or a term, not speech.
const minQuoteWords = 4

// Analyze analyses one article given as plain text, the headline on the first
// line when there is one (followed by a blank line). Offsets are byte offsets
// into text.
func (e *Extractor) Analyze(text string) Analysis {
	d := &doc{text: text, g: e.g}
	d.paras = splitParagraphs(text)
	d.quotes = findQuotes(text, d.paras)
	d.build()
	d.findPeopleWith(e.ner)
	d.assignRoles()
	speakers, how := d.attributeQuotes()

	a := Analysis{People: []Person{}, Quotes: []Quote{}, Organizations: []string{}, Places: []string{}}
	if len(d.paras) > 0 && d.paras[0].title {
		a.Title = text[d.paras[0].start:d.paras[0].end]
	}
	for qi, q := range d.quotes {
		sp := speakers[qi]
		if q.label && sp.kind == "" {
			continue // the floor's questions, and labels naming nobody known
		}
		if words := len(strings.Fields(text[q.start:q.end])); words < minQuoteWords {
			// A short quote is a term or a scare quote unless its speaker
			// is tagged, or it is a whole sentence carried on from a quote.
			if sp.kind == "" || how[qi] == byContinuation && !isWholeSentence(text[q.start:q.end]) {
				continue
			}
		}
		if sp.kind == "" && (!utf8.ValidString(text[q.start:q.end]) || isTitleCase(text[q.start:q.end])) {
			continue // a name in quotes ("Coalition of the Willing"), not speech
		}
		a.Quotes = append(a.Quotes, Quote{Speaker: sp.name, SpeakerKind: sp.kind, Text: text[q.start:q.end], Start: q.start, End: q.end})
	}
	for _, p := range d.people {
		if len(p.mentions) == 0 {
			continue
		}
		var aliases []string
		for _, f := range p.forms {
			if f != p.name {
				aliases = append(aliases, f)
			}
		}
		if aliases == nil {
			aliases = []string{}
		}
		a.People = append(a.People, Person{Name: p.name, Aliases: aliases, Role: p.role, Affiliation: p.affiliation, Mentions: len(p.mentions)})
	}
	a.Organizations, a.Places = d.namedThings()
	a.Summary = d.summary()
	return a
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
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if len(w) > 3 && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
