package extract

import "context"

import "math"

// Explanation tells how one quote's speaker was chosen: what the rules
// proposed, every candidate with its score and probability, and the
// features that decided. It is what `attache extract --explain` prints and
// what the speaker scorer is trained on.
type Explanation struct {
	Quote Quote  `json:"quote"`
	Kept  bool   `json:"kept"` // false: dropped as no speech (a short or title-case quote with no speaker)
	Rule  string `json:"rule"` // the rules' proposal, "" when none
	// Overruled names the reading of the reporting clause that kept the
	// scorer's choice from being named ("a relaying agency"), "" when none.
	Overruled  string      `json:"overruled,omitempty"`
	Candidates []Candidate `json:"candidates"`
	Nobody     Candidate   `json:"nobody"` // the choice "no speaker"
}

// Candidate is one possible speaker of a quote.
type Candidate struct {
	Kind        string      `json:"kind"` // name, pronoun, description, capitalised, rule, none
	Text        string      `json:"text"` // the phrase in the article; "" for rule and none
	Start       int         `json:"start"`
	End         int         `json:"end"` // byte span of Text; -1 when there is none
	Speaker     string      `json:"speaker"`
	SpeakerKind SpeakerKind `json:"speaker_kind"`
	Score       float64     `json:"score"`
	Probability float64     `json:"probability"`
	Features    []string    `json:"features"`
}

// Explain analyses text as Analyze does and also explains the speaker of
// every quote found outside transcripts, kept in the analysis or not, in
// text order.
func (e *Extractor) Explain(text string) (Analysis, []Explanation) {
	a, why, _ := e.analyze(context.Background(), text, true)
	return a, why
}

func explanationOf(text string, q Quote, kept bool, rule speaker, cands []candidate, ch speakerChoice) Explanation {
	x := Explanation{Quote: q, Kept: kept, Rule: rule.name, Overruled: ch.overruled, Candidates: []Candidate{}}
	for i, c := range cands {
		cd := Candidate{Kind: c.kind.String(), Start: c.start, End: c.end, Speaker: c.who.name, SpeakerKind: c.who.kind, Features: c.features}
		if c.start >= 0 {
			cd.Text = text[c.start:c.end]
		}
		if i < len(ch.probs) {
			cd.Score, cd.Probability = ch.scores[i], ch.probs[i]
		}
		x.Candidates = append(x.Candidates, cd)
	}
	x.Nobody = Candidate{Kind: candNull.String(), Start: -1, End: -1, Features: ch.null}
	if n := len(cands); n < len(ch.probs) {
		x.Nobody.Score, x.Nobody.Probability = ch.scores[n], ch.probs[n]
	}
	return x
}

// roundConfidence keeps three decimals: more would promise a precision
// the model does not have.
func roundConfidence(p float64) float64 { return math.Round(p*1000) / 1000 }
