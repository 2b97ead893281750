// Package ner is a small trained name recogniser: an averaged structured
// perceptron over BIO labels for people (PER), organisations (ORG) and
// places (LOC), decoded with Viterbi under the BIO constraints. Its
// features are the lower-cased word, its shape (Xx, X.X., d), prefixes and
// suffixes of one to four letters, the words and shapes around it, whether
// it opens a sentence, the previous label (as transition weights) and the
// gazetteer classes that the caller supplies for each position, so that
// word lists become evidence rather than gates. Every tag carries the
// marginal probability of its label and of each entity type (forward-backward
// over the scores, scaled by a temperature fitted on held-out data), so that
// callers can act only when the model is sure. The package is pure Go, does
// no I/O and keeps no package-level mutable state: Load parses a model file
// that the caller embeds, and a Model is safe for concurrent use. Train and
// Model.Marshal build and write such a file (see extract/internal/trainner).
package ner

import (
	"math"
)

// Type is an entity type.
type Type uint8

// The entity types; None is outside any entity.
const (
	None Type = iota
	PER
	ORG
	LOC
	numTypes
)

func (t Type) String() string {
	switch t {
	case PER:
		return "PER"
	case ORG:
		return "ORG"
	case LOC:
		return "LOC"
	}
	return "O"
}

// Label is a BIO label: O, or B-X / I-X for the first and following words
// of an entity of type X.
type Label uint8

// The labels, in the order of the model's weight rows.
const (
	O Label = iota
	BPER
	IPER
	BORG
	IORG
	BLOC
	ILOC
	numLabels
)

// NumLabels is the number of labels.
const NumLabels = int(numLabels)

// Type returns the entity type of the label.
func (l Label) Type() Type {
	if l == O || l >= numLabels {
		return None
	}
	return Type((l + 1) / 2)
}

// Begin reports whether the label opens an entity.
func (l Label) Begin() bool { return l != O && l < numLabels && l%2 == 1 }

// Inside reports whether the label continues an entity.
func (l Label) Inside() bool { return l != O && l < numLabels && l%2 == 0 }

func (l Label) String() string {
	switch {
	case l.Begin():
		return "B-" + l.Type().String()
	case l.Inside():
		return "I-" + l.Type().String()
	}
	return "O"
}

// MakeLabel returns the label of type t, opening an entity when begin is set.
func MakeLabel(t Type, begin bool) Label {
	if t == None || t >= numTypes {
		return O
	}
	if begin {
		return Label(2*t - 1)
	}
	return Label(2 * t)
}

// ParseLabel reads "O", "B-PER", "I-LOC" and so on.
func ParseLabel(s string) (Label, bool) {
	for l := O; l < numLabels; l++ {
		if l.String() == s {
			return l, true
		}
	}
	return O, false
}

// allowed reports whether label cur may follow label prev (prev == numLabels
// for the start of the sequence): an I-X continues only a B-X or I-X.
func allowed(prev, cur Label) bool {
	if !cur.Inside() {
		return true
	}
	return prev < numLabels && prev != O && prev.Type() == cur.Type()
}

// Tag is the decision for one word.
type Tag struct {
	Label Label
	Conf  float32           // marginal probability of Label
	P     [numTypes]float32 // marginal probability of each Type (B and I summed)
}

// Span is an entity found in a tagged sequence: words [Start, End).
type Span struct {
	Start, End int
	Type       Type
	Conf       float32 // the lowest marginal probability of Type over the span's words
}

// Spans returns the entities of a tagged sequence.
func Spans(tags []Tag) []Span {
	var out []Span
	for i := 0; i < len(tags); {
		t := tags[i].Label.Type()
		if t == None {
			i++
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j].Label.Inside() && tags[j].Label.Type() == t {
			j++
		}
		c := float32(1)
		for k := i; k < j; k++ {
			c = min(c, tags[k].P[t])
		}
		out = append(out, Span{Start: i, End: j, Type: t, Conf: c})
		i = j
	}
	return out
}

// LabelSpans returns the entities of a label sequence (as Spans does for tags).
func LabelSpans(labels []Label) []Span {
	var out []Span
	for i := 0; i < len(labels); {
		t := labels[i].Type()
		if t == None {
			i++
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j].Inside() && labels[j].Type() == t {
			j++
		}
		out = append(out, Span{Start: i, End: j, Type: t, Conf: 1})
		i = j
	}
	return out
}

// Model is a trained tagger. It is immutable after Load or Train.
type Model struct {
	tab   table   // feature hash -> weights, in steps
	step  float32 // quantisation step of the weights
	start [numLabels]float32
	trans [numLabels][numLabels]float32
	temp  float32          // temperature of the marginals
	vocab map[uint64]uint8 // word hash -> casing class in the training text

	// derived from the above by prepare
	expStart [numLabels]float64
	expTrans [numLabels][numLabels]float64
}

// Features returns how many features the model weighs.
func (m *Model) Features() int { return m.tab.n }

// prepare computes the exponentiated transition weights for the marginals.
func (m *Model) prepare() {
	if m.temp <= 0 {
		m.temp = 1
	}
	t := float64(m.temp)
	for c := O; c < numLabels; c++ {
		m.expStart[c] = 0
		if allowed(numLabels, c) {
			m.expStart[c] = math.Exp(float64(m.start[c]) / t)
		}
		for p := O; p < numLabels; p++ {
			m.expTrans[p][c] = 0
			if allowed(p, c) {
				m.expTrans[p][c] = math.Exp(float64(m.trans[p][c]) / t)
			}
		}
	}
}

// Tag labels a sequence of words: a sentence or a paragraph, punctuation
// marks as words of their own. gaz, which may be nil, returns the
// gazetteer classes of the word at a position (the same classes the model
// was trained with). Tag is safe for concurrent use; a Tagger does the
// same with fewer allocations.
func (m *Model) Tag(words []string, gaz func(int) []string) []Tag {
	return m.NewTagger().Tag(words, gaz)
}

// Tagger tags with a model and keeps its buffers from one call to the
// next. It is not safe for concurrent use: take one per goroutine.
type Tagger struct {
	m      *Model
	fx     featurizer
	feats  []uint64
	em     []float32
	back   []Label
	labels []Label
	tags   []Tag
	fb     []float64 // psi, alpha and beta of the marginals
}

// NewTagger returns a Tagger of the model.
func (m *Model) NewTagger() *Tagger { return &Tagger{m: m} }

// Tag is Model.Tag; the tags it returns are overwritten by the next call.
func (t *Tagger) Tag(words []string, gaz func(int) []string) []Tag {
	return t.TagRange(words, gaz, 0, len(words))
}

// TagRange tags words[lo:hi] only, reading two words on either side for
// context and calling gaz only for those. The labels outside the range
// are not weighed, so that the tags of its first and last words may
// differ from Tag's over all the words; those two or three words inside
// a range's ends are tagged as Tag would. It returns hi-lo tags,
// overwritten by the next call.
func (t *Tagger) TagRange(words []string, gaz func(int) []string, lo, hi int) []Tag {
	lo, hi = max(lo, 0), min(hi, len(words))
	n := hi - lo
	if n <= 0 {
		return nil
	}
	m := t.m
	t.em = grow(t.em, n*NumLabels)
	t.emissions(words, gaz, lo, hi)
	t.labels = grow(t.labels, n)
	t.back = grow(t.back, n*NumLabels)
	t.tags = grow(t.tags, n)
	t.fb = grow(t.fb, 3*n*NumLabels)
	if lo == 0 {
		viterbi(t.em, &m.start, &m.trans, t.labels, t.back, false)
		m.marginals(t.em, t.labels, t.tags, t.fb, &m.expStart)
	} else {
		// Mid-sequence: no start weights, and an I- label may open the range.
		var zero [numLabels]float32
		var one [numLabels]float64
		for l := range one {
			one[l] = 1
		}
		viterbi(t.em, &zero, &m.trans, t.labels, t.back, true)
		m.marginals(t.em, t.labels, t.tags, t.fb, &one)
	}
	return t.tags
}

// grow returns s resized to n zeroed elements, reusing its storage.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// emissions fills t.em with the score of every label at positions [lo, hi).
func (t *Tagger) emissions(words []string, gaz func(int) []string, lo, hi int) {
	m := t.m
	t.fx.initRange(words, gaz, m.vocab, max(lo-2, 0), min(hi+2, len(words)))
	for i := lo; i < hi; i++ {
		t.feats = t.fx.appendFeatures(t.feats[:0], i)
		var acc [numLabels]int32
		for _, f := range t.feats {
			if row := m.tab.get(f); row != nil {
				for l := range acc {
					acc[l] += int32(row[l])
				}
			}
		}
		e := t.em[(i-lo)*NumLabels : (i-lo+1)*NumLabels : (i-lo+1)*NumLabels]
		for l := range e {
			e[l] = float32(acc[l]) * m.step
		}
	}
}

// viterbi writes the best label sequence under the BIO constraints to
// out, using back (NumLabels per word) for the back-pointers; open lets
// the sequence start inside an entity.
func viterbi(em []float32, start *[numLabels]float32, trans *[numLabels][numLabels]float32, out, back []Label, open bool) {
	n := len(em) / NumLabels
	const neg = float32(-1e30)
	var cur, next [numLabels]float32
	for c := O; c < numLabels; c++ {
		cur[c] = neg
		if open || allowed(numLabels, c) {
			cur[c] = start[c] + em[c]
		}
	}
	for i := 1; i < n; i++ {
		for c := O; c < numLabels; c++ {
			best, bp := neg, O
			for p := O; p < numLabels; p++ {
				if cur[p] <= neg || !allowed(p, c) {
					continue
				}
				if s := cur[p] + trans[p][c]; s > best {
					best, bp = s, p
				}
			}
			next[c] = best + em[i*NumLabels+int(c)]
			if best <= neg {
				next[c] = neg
			}
			back[i*NumLabels+int(c)] = bp
		}
		cur = next
	}
	best := O
	for c := O; c < numLabels; c++ {
		if cur[c] > cur[best] {
			best = c
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = best
		best = back[i*NumLabels+int(best)]
	}
}

// marginals fills tags with the labels and their marginal probabilities,
// by forward-backward over exp(score / temperature) from the start
// potentials expStart; fb holds 3 * NumLabels numbers per word.
func (m *Model) marginals(em []float32, labels []Label, tags []Tag, fb []float64, expStart *[numLabels]float64) {
	n := len(labels)
	t := float64(m.temp)
	psi := fb[:n*NumLabels]
	for i := 0; i < n; i++ {
		e := em[i*NumLabels : (i+1)*NumLabels]
		mx := e[0]
		for _, v := range e[1:] {
			mx = max(mx, v)
		}
		for l, v := range e {
			psi[i*NumLabels+l] = math.Exp(float64(v-mx) / t)
		}
	}
	alpha := fb[n*NumLabels : 2*n*NumLabels]
	beta := fb[2*n*NumLabels : 3*n*NumLabels]
	norm := func(v []float64) {
		s := 0.0
		for _, x := range v {
			s += x
		}
		if s > 0 {
			for k := range v {
				v[k] /= s
			}
		}
	}
	for c := 0; c < NumLabels; c++ {
		alpha[c] = expStart[c] * psi[c]
	}
	norm(alpha[:NumLabels])
	for i := 1; i < n; i++ {
		a0, a1 := alpha[(i-1)*NumLabels:i*NumLabels], alpha[i*NumLabels:(i+1)*NumLabels]
		for c := 0; c < NumLabels; c++ {
			s := 0.0
			for p := 0; p < NumLabels; p++ {
				s += a0[p] * m.expTrans[p][c]
			}
			a1[c] = s * psi[i*NumLabels+c]
		}
		norm(a1)
	}
	for c := 0; c < NumLabels; c++ {
		beta[(n-1)*NumLabels+c] = 1
	}
	for i := n - 2; i >= 0; i-- {
		b0, b1 := beta[i*NumLabels:(i+1)*NumLabels], beta[(i+1)*NumLabels:(i+2)*NumLabels]
		for p := 0; p < NumLabels; p++ {
			s := 0.0
			for c := 0; c < NumLabels; c++ {
				s += m.expTrans[p][c] * psi[(i+1)*NumLabels+c] * b1[c]
			}
			b0[p] = s
		}
		norm(b0)
	}
	for i := 0; i < n; i++ {
		var p [numLabels]float64
		s := 0.0
		for c := 0; c < NumLabels; c++ {
			p[c] = alpha[i*NumLabels+c] * beta[i*NumLabels+c]
			s += p[c]
		}
		tg := &tags[i]
		tg.Label = labels[i]
		if s <= 0 {
			tg.Conf = 1
			tg.P[labels[i].Type()] = 1
			continue
		}
		for c := O; c < numLabels; c++ {
			tg.P[c.Type()] += float32(p[c] / s)
		}
		tg.Conf = float32(p[labels[i]] / s)
	}
}
