package extract

import (
	"bufio"
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// This stage chooses each quote's speaker among its candidates
// (candidates.go) with a log-linear model trained on real annotated news
// (PolNeAR; see README.md and internal/trainspeaker): every candidate and
// "nobody" get a score from their features, a softmax turns the scores into
// probabilities, candidates that resolve to the same speaker pool theirs,
// and the most probable speaker is kept when its probability reaches the
// model's threshold. Below it the speaker stays empty: a missed attribution
// costs less than a quote in the wrong mouth.
//
// The rules' answer, where they have one, is a strong proposal: it stands
// unless the model gives it less than the veto probability (then nobody is
// named) or gives another speaker at least the override probability. A
// speaker the rules carried over from an earlier quote has a veto of its
// own: on real news such carry-overs are wrong far more often than a
// speaker named in the quote's own reporting clause.

//go:embed data/speaker.model
var speakerModelData string

// speakerModel is the trained scorer: feature weights and the probability
// under which no speaker is named.
type speakerModel struct {
	weights   map[string]float64
	threshold float64 // least probability to name a speaker the rules did not propose
	veto      float64 // under this probability the rules' proposal is dropped
	vetoCarry float64 // the same for a speaker carried over from an earlier quote
	override  float64 // least probability to name another speaker than the rules'
}

// parseSpeakerModel reads the model file: '#' comments, a "threshold P"
// line, then "FEATURE<TAB>WEIGHT" lines.
func parseSpeakerModel(data string) (*speakerModel, error) {
	m := &speakerModel{weights: map[string]float64{}, threshold: 0.5, veto: 0, override: 1}
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if name, v, ok := strings.Cut(line, " "); ok && !strings.Contains(line, "\t") {
			t, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || t < 0 || t > 1 {
				return nil, fmt.Errorf("speaker model line %d: bad probability %q", n, v)
			}
			switch name {
			case "threshold":
				m.threshold = t
			case "veto":
				m.veto = t
			case "veto_carried":
				m.vetoCarry = t
			case "override":
				m.override = t
			default:
				return nil, fmt.Errorf("speaker model line %d: unknown setting %q", n, name)
			}
			continue
		}
		name, v, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("speaker model line %d: want FEATURE<TAB>WEIGHT", n)
		}
		w, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("speaker model line %d: bad weight %q", n, v)
		}
		m.weights[name] = w
	}
	return m, sc.Err()
}

// score sums the weights of features.
func (m *speakerModel) score(features []string) float64 {
	s := 0.0
	for _, f := range features {
		s += m.weights[f]
	}
	return s
}

// speakerChoice is the scorer's decision for one quote.
type speakerChoice struct {
	who        speaker
	confidence float64 // probability that who is the speaker; 0 when nobody is named
	null       []string
	scores     []float64 // per candidate, then "nobody" last
	probs      []float64
	overruled  string // the overruling (extractor.go) that set who to nobody, if any
}

// choose picks the speaker of one quote among cands, "nobody" described
// by nullFeatures, given the rules' proposal.
func (m *speakerModel) choose(cands []candidate, nullFeatures []string, rule speaker, carried bool) speakerChoice {
	return m.chooseExcept(cands, nullFeatures, rule, carried, nil)
}

// chooseExcept is choose with the candidates excluded reports true for
// left out: they can be no one's speaker, and the others share all the
// probability.
func (m *speakerModel) chooseExcept(cands []candidate, nullFeatures []string, rule speaker, carried bool, excluded func(candidate) bool) speakerChoice {
	ch := speakerChoice{who: noSpeaker(), null: nullFeatures}
	ch.scores = make([]float64, len(cands)+1)
	for i, c := range cands {
		ch.scores[i] = m.score(c.features)
		if excluded != nil && excluded(c) {
			ch.scores[i] = math.Inf(-1)
		}
	}
	ch.scores[len(cands)] = m.score(nullFeatures)
	ch.probs = softmax(ch.scores)
	// Pool the probability of candidates naming the same speaker: "Caddell"
	// and the "he" that refers to him are one answer.
	type pooled struct {
		who  speaker
		prob float64
	}
	var pool []pooled
	for i, c := range cands {
		if c.who.kind == SpeakerNone {
			continue
		}
		found := false
		for k := range pool {
			if sameSpeaker(pool[k].who, c.who) {
				pool[k].prob += ch.probs[i]
				found = true
				break
			}
			// "A spokesman" and "A spokesman for Prime Minister Keir
			// Starmer" are one unnamed speaker: the fuller description
			// answers for both.
			if longer, ok := fullerDescription(pool[k].who, c.who); ok {
				pool[k].who = longer
				pool[k].prob += ch.probs[i]
				found = true
				break
			}
		}
		if !found {
			pool = append(pool, pooled{c.who, ch.probs[i]})
		}
	}
	sort.SliceStable(pool, func(i, j int) bool { return pool[i].prob > pool[j].prob })
	if len(pool) == 0 {
		return ch
	}
	top := pool[0]
	if rule.kind == SpeakerNone {
		if top.prob >= m.threshold {
			ch.who, ch.confidence = top.who, top.prob
		}
		return ch
	}
	ruleProb := 0.0
	for _, p := range pool {
		if sameSpeaker(p.who, rule) {
			ruleProb = p.prob
		}
	}
	switch {
	case !sameSpeaker(top.who, rule) && top.prob >= m.override:
		ch.who, ch.confidence = top.who, top.prob
	case carried && ruleProb >= m.vetoCarry, !carried && ruleProb >= m.veto:
		ch.who, ch.confidence = rule, ruleProb
	}
	return ch
}

// fullerDescription reports whether x and y are unnamed speakers of one
// kind, one description the head of the other ("A spokesman", "A spokesman
// for Prime Minister Keir Starmer"), and returns the fuller one.
func fullerDescription(x, y speaker) (speaker, bool) {
	if x.kind != y.kind || x.person >= 0 || y.person >= 0 || x.kind == SpeakerNone || x.kind == SpeakerPerson {
		return speaker{}, false
	}
	if len(x.name) < len(y.name) {
		x, y = y, x
	}
	if len(x.name) > len(y.name) && strings.EqualFold(x.name[:len(y.name)], y.name) && x.name[len(y.name)] == ' ' {
		return x, true
	}
	return speaker{}, false
}

// softmax turns scores into probabilities.
func softmax(s []float64) []float64 {
	max := math.Inf(-1)
	for _, v := range s {
		max = math.Max(max, v)
	}
	p := make([]float64, len(s))
	sum := 0.0
	for i, v := range s {
		p[i] = math.Exp(v - max)
		sum += p[i]
	}
	for i := range p {
		p[i] /= sum
	}
	return p
}
