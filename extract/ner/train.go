package ner

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"unicode"
)

// Sentence is one training or evaluation sequence.
type Sentence struct {
	Words  []string
	Gaz    [][]string // gazetteer classes per word; nil for none
	Labels []Label
	Weight int // times the sentence is seen per epoch; 0 means 1
}

func (s *Sentence) gazFunc() func(int) []string {
	if s.Gaz == nil {
		return nil
	}
	return func(i int) []string { return s.Gaz[i] }
}

// TrainConfig sets the training run.
type TrainConfig struct {
	Epochs   int     // passes over the data (default 8)
	MinCount int     // features seen fewer times are dropped (default 2)
	Prune    float64 // weights of smaller magnitude are dropped after averaging (default 0.05)
	Seed     uint64  // shuffling seed
	// Dev, when set, is scored after every epoch (reported through Log)
	// and used to fit the temperature of the marginals.
	Dev []Sentence
	Log func(format string, args ...any)
}

// Train fits an averaged structured perceptron to the sentences.
func Train(sents []Sentence, cfg TrainConfig) (*Model, error) {
	if cfg.Epochs <= 0 {
		cfg.Epochs = 8
	}
	if cfg.MinCount <= 0 {
		cfg.MinCount = 2
	}
	if cfg.Prune == 0 {
		cfg.Prune = 0.05
	}
	logf := cfg.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	for i := range sents {
		s := &sents[i]
		if len(s.Words) != len(s.Labels) || s.Gaz != nil && len(s.Gaz) != len(s.Words) {
			return nil, fmt.Errorf("sentence %d: %d words, %d labels, %d gazetteer entries", i, len(s.Words), len(s.Labels), len(s.Gaz))
		}
	}
	vocab := countCasing(sents)
	logf("vocabulary: %d words seen at least twice away from sentence starts", len(vocab))
	// Hash every token's features once, count them, and keep the frequent ones.
	type hashed struct {
		feats []uint64
		off   []int32 // token i's features are feats[off[i]:off[i+1]]
	}
	hs := make([]hashed, len(sents))
	counts := map[uint64]int32{}
	var fx featurizer
	for si := range sents {
		s := &sents[si]
		fx.init(s.Words, s.gazFunc(), vocab)
		h := hashed{off: make([]int32, 1, len(s.Words)+1)}
		for i := range s.Words {
			h.feats = fx.appendFeatures(h.feats, i)
			h.off = append(h.off, int32(len(h.feats)))
		}
		for _, f := range h.feats {
			counts[f]++
		}
		hs[si] = h
	}
	index := map[uint64]int32{}
	var keys []uint64
	for f, c := range counts {
		if int(c) >= cfg.MinCount {
			index[f] = int32(len(keys))
			keys = append(keys, f)
		}
	}
	counts = nil
	logf("features: %d kept (seen at least %d times)", len(keys), cfg.MinCount)
	type compiled struct {
		rows []int32
		off  []int32
	}
	cs := make([]compiled, len(sents))
	for si, h := range hs {
		c := compiled{off: make([]int32, 1, len(h.off))}
		for i := 0; i+1 < len(h.off); i++ {
			for _, f := range h.feats[h.off[i]:h.off[i+1]] {
				if r, ok := index[f]; ok {
					c.rows = append(c.rows, r)
				}
			}
			c.off = append(c.off, int32(len(c.rows)))
		}
		cs[si] = c
	}
	hs = nil

	nf := len(keys)
	w := make([]float32, nf*NumLabels)
	u := make([]float64, nf*NumLabels) // sum of time * update, for averaging
	var start, ustart [numLabels]float64
	var trans, utrans [numLabels][numLabels]float64
	var order []int
	for si, s := range sents {
		k := max(s.Weight, 1)
		for range k {
			order = append(order, si)
		}
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x6e6572))
	clock := 1.0
	em := []float32{}
	var pred, back []Label
	var st32 [numLabels]float32
	var tr32 [numLabels][numLabels]float32

	averaged := func() *Model {
		avg := make([]float32, len(w))
		for k := range w {
			avg[k] = float32(float64(w[k]) - u[k]/clock)
		}
		var st [numLabels]float32
		var tr [numLabels][numLabels]float32
		for c := range numLabels {
			st[c] = float32(start[c] - ustart[c]/clock)
			for p := range numLabels {
				tr[p][c] = float32(trans[p][c] - utrans[p][c]/clock)
			}
		}
		return quantize(keys, index, avg, st, tr, vocab)
	}

	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, si := range order {
			s, c := &sents[si], &cs[si]
			n := len(s.Words)
			if n == 0 {
				continue
			}
			em = grow(em, n*NumLabels)
			for i := range n {
				e := em[i*NumLabels : (i+1)*NumLabels]
				for _, r := range c.rows[c.off[i]:c.off[i+1]] {
					row := w[int(r)*NumLabels : int(r+1)*NumLabels]
					for l := range e {
						e[l] += row[l]
					}
				}
			}
			for l := range numLabels {
				st32[l] = float32(start[l])
				for p := range numLabels {
					tr32[p][l] = float32(trans[p][l])
				}
			}
			pred = grow(pred, n)
			back = grow(back, n*NumLabels)
			viterbi(em, &st32, &tr32, pred, back, false)
			toks += n
			for i := range n {
				g, p := s.Labels[i], pred[i]
				if g != p {
					errs++
					for _, r := range c.rows[c.off[i]:c.off[i+1]] {
						w[int(r)*NumLabels+int(g)]++
						w[int(r)*NumLabels+int(p)]--
						u[int(r)*NumLabels+int(g)] += clock
						u[int(r)*NumLabels+int(p)] -= clock
					}
				}
				var gp, pp Label = numLabels, numLabels
				if i > 0 {
					gp, pp = s.Labels[i-1], pred[i-1]
				}
				if gp == pp && g == p {
					continue
				}
				if gp == numLabels {
					start[g]++
					ustart[g] += clock
					start[p]--
					ustart[p] -= clock
				} else {
					trans[gp][g]++
					utrans[gp][g] += clock
					trans[pp][p]--
					utrans[pp][p] -= clock
				}
			}
			clock++
		}
		msg := fmt.Sprintf("epoch %d: %.2f%% token errors on training data", epoch, 100*float64(errs)/float64(max(toks, 1)))
		if len(cfg.Dev) > 0 {
			sc := averaged().Score(cfg.Dev)
			msg += fmt.Sprintf("; dev F1 all %.3f, PER P %.3f R %.3f F1 %.3f", sc.All.F1(), sc.Types[PER].Precision(), sc.Types[PER].Recall(), sc.Types[PER].F1())
		}
		logf("%s", msg)
	}
	m := averaged()
	m.pruneBelow(float32(cfg.Prune))
	logf("features after pruning below %.3g: %d", cfg.Prune, m.tab.n)
	if len(cfg.Dev) > 0 {
		m.temp = fitTemperature(m, cfg.Dev)
		logf("temperature: %.3g", m.temp)
	}
	m.prepare()
	return m, nil
}

// quantize builds a model whose weights are multiples of one step, the
// largest magnitude / 32767, so that each fits in 16 bits.
func quantize(keys []uint64, index map[uint64]int32, w []float32, start [numLabels]float32, trans [numLabels][numLabels]float32, vocab map[uint64]uint8) *Model {
	maxAbs := float32(0)
	for _, v := range w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	for c := range numLabels {
		maxAbs = max(maxAbs, float32(math.Abs(float64(start[c]))))
		for p := range numLabels {
			maxAbs = max(maxAbs, float32(math.Abs(float64(trans[p][c]))))
		}
	}
	step := maxAbs / 32767
	if step == 0 {
		step = 1
	}
	q := func(v float32) int16 { return int16(math.Round(float64(v / step))) }
	m := &Model{tab: newTable(len(keys)), step: step, vocab: vocab, temp: 1}
	row := make([]int16, NumLabels)
	for _, f := range keys {
		r := int(index[f])
		for l := range row {
			row[l] = q(w[r*NumLabels+l])
		}
		m.tab.set(f, row)
	}
	for c := range numLabels {
		m.start[c] = float32(q(start[c])) * step
		for p := range numLabels {
			m.trans[p][c] = float32(q(trans[p][c])) * step
		}
	}
	m.prepare()
	return m
}

// countCasing classifies the words of the training text by how they are
// written away from sentence starts: nearly always in lower case, nearly
// always capitalised, or both.
func countCasing(sents []Sentence) map[uint64]uint8 {
	type counts struct{ lower, upper int32 }
	seen := map[uint64]counts{}
	var fx featurizer
	for i := range sents {
		s := &sents[i]
		fx.init(s.Words, nil, nil)
		for k, w := range s.Words {
			if fx.start[k] {
				continue
			}
			c := seen[fx.toks[k].word]
			switch r := []rune(w[:min(len(w), 4)]); {
			case len(r) == 0:
			case unicode.IsUpper(r[0]):
				c.upper++
			case unicode.IsLower(r[0]):
				c.lower++
			default:
				continue
			}
			seen[fx.toks[k].word] = c
		}
	}
	vocab := map[uint64]uint8{}
	for h, c := range seen {
		n := c.lower + c.upper
		switch {
		case n < 2:
		case c.lower*10 >= n*9:
			vocab[h] = caseLower
		case c.upper*10 >= n*9:
			vocab[h] = caseUpper
		default:
			vocab[h] = caseMixed
		}
	}
	return vocab
}

// pruneBelow zeroes weights smaller than min in magnitude and drops rows
// left empty, compacting the weight table.
func (m *Model) pruneBelow(min float32) {
	minQ := min / m.step
	n := 0
	for i := range m.tab.slots {
		sl := &m.tab.slots[i]
		keep := false
		for l, v := range sl.w {
			if float32(v) > -minQ && float32(v) < minQ {
				sl.w[l] = 0
			} else {
				keep = true
			}
		}
		if sl.key != 0 && keep {
			n++
		}
	}
	t := newTable(n)
	for i := range m.tab.slots {
		sl := &m.tab.slots[i]
		if sl.key != 0 && slices.ContainsFunc(sl.w[:], func(v int16) bool { return v != 0 }) {
			t.set(sl.key, sl.w[:])
		}
	}
	m.tab = t
}

// fitTemperature picks the temperature that minimises the negative log
// likelihood of the gold labels' marginals on dev.
func fitTemperature(m *Model, dev []Sentence) float32 {
	best, bestT := math.Inf(1), float32(1)
	for _, t := range []float32{0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32} {
		m.temp = t
		m.prepare()
		nll := 0.0
		tg := m.NewTagger()
		for i := range dev {
			s := &dev[i]
			tags := tg.Tag(s.Words, s.gazFunc())
			for k, tg := range tags {
				p := float64(tg.P[s.Labels[k].Type()])
				nll -= math.Log(max(p, 1e-9))
			}
		}
		if nll < best {
			best, bestT = nll, t
		}
	}
	return bestT
}

// Counts are entity-level counts for one type (exact span and type match).
type Counts struct{ TP, FP, FN int }

// Precision is TP / (TP + FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), 0 when nothing was expected.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores are entity-level counts per type and over all types.
type Scores struct {
	Types [numTypes]Counts
	All   Counts
}

// Add counts the entities of one tagged sequence against its gold labels.
func (sc *Scores) Add(gold []Label, tags []Tag) {
	gs, ps := LabelSpans(gold), Spans(tags)
	type key struct {
		s, e int
		t    Type
	}
	want := map[key]bool{}
	for _, g := range gs {
		want[key{g.Start, g.End, g.Type}] = true
	}
	for _, p := range ps {
		k := key{p.Start, p.End, p.Type}
		if want[k] {
			sc.Types[p.Type].TP++
			sc.All.TP++
			delete(want, k)
		} else {
			sc.Types[p.Type].FP++
			sc.All.FP++
		}
	}
	for k := range want {
		sc.Types[k.t].FN++
		sc.All.FN++
	}
}

// Score tags the sentences and counts their entities against the gold labels.
func (m *Model) Score(sents []Sentence) Scores {
	var sc Scores
	tg := m.NewTagger()
	for i := range sents {
		s := &sents[i]
		sc.Add(s.Labels, tg.Tag(s.Words, s.gazFunc()))
	}
	return sc
}

var errFormat = errors.New("ner: not a model file")
