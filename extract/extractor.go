package extract

import (
	"context"
	"slices"
	"unicode/utf8"
)

// Extractor holds the immutable models and gazetteers; safe for concurrent use.
type Extractor struct {
	g        *gazetteer
	speakers *speakerModel
	ner      *nerTagger
}

// Option changes what New builds.
type Option func(*options)

type options struct{ speakerModel string }

// WithSpeakerModel uses the given speaker-scorer model (the format of
// data/speaker.model) instead of the embedded one: for training and
// measuring a new model before it is committed.
func WithSpeakerModel(model string) Option {
	return func(o *options) { o.speakerModel = model }
}

// New builds an Extractor from the embedded data.
func New(opts ...Option) (*Extractor, error) {
	o := options{speakerModel: speakerModelData}
	for _, opt := range opts {
		opt(&o)
	}
	g, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	m, err := parseSpeakerModel(o.speakerModel)
	if err != nil {
		return nil, err
	}
	n, err := loadNER()
	if err != nil {
		return nil, err
	}
	return &Extractor{g: g, speakers: m, ner: n}, nil
}

// minQuoteWords is the length under which a quote with no identified
// speaker is taken for a scare quote or a term, not speech.
const minQuoteWords = 4

// Analyze analyses one article given as plain text, the headline on the first
// line when there is one (followed by a blank line). Offsets are byte offsets
// into text.
func (e *Extractor) Analyze(text string) Analysis {
	a, _, _ := e.analyze(context.Background(), text, false)
	return a
}

// AnalyzeContext is Analyze that stops early once ctx is done (a shutdown,
// or the caller's time budget for one article): it then returns what the
// stages that ran found — people without the roles not yet read, quotes
// whose speaker was not yet chosen left to no one, never guessed — with
// ctx's error.
func (e *Extractor) AnalyzeContext(ctx context.Context, text string) (Analysis, error) {
	a, _, err := e.analyze(ctx, text, false)
	return a, err
}

// analyze runs the pipeline; with explain it also returns how each quote's
// speaker was chosen.
func (e *Extractor) analyze(ctx context.Context, text string, explain bool) (Analysis, []Explanation, error) {
	stop := &stopper{ctx: ctx}
	d := &doc{text: text, g: e.g, stop: stop}
	d.paras = splitParagraphs(text, e.g.vocabulary)
	d.quotes = findQuotes(text, d.paras)
	if !stop.now() {
		d.tokens = newTokens(text, d.paras, d.quotes, e.g, stop)
	}
	if !stop.now() {
		d.findPeopleWith(e.ner)
	}
	if !stop.now() {
		d.assignRoles()
	}
	var at *attributor
	var cands [][]candidate
	choices := make([]speakerChoice, len(d.quotes))
	for q := range choices {
		choices[q].who = noSpeaker()
	}
	if !stop.now() {
		at = d.attributeQuotes()
		cands = at.speakerCandidates()
		if !stop.now() {
			choices = e.chooseSpeakers(at, cands)
		}
	}

	a := Analysis{People: []Person{}, Quotes: []Quote{}, Organizations: []string{}, Places: []string{}}
	var why []Explanation
	if len(d.paras) > 0 && d.paras[0].title {
		a.Title = text[d.paras[0].start:d.paras[0].end]
	}
	for qi, q := range d.quotes {
		sp, how := choices[qi].who, byNone
		if at != nil {
			how = at.how[qi]
			if !sameSpeaker(sp, at.got[qi]) {
				how = byTag // the scorer found the speaker in the quote's own context
			}
		}
		quote := Quote{Speaker: sp.name, SpeakerKind: sp.kind, Confidence: roundConfidence(choices[qi].confidence),
			Text: text[q.start:q.end], Start: q.start, End: q.end}
		kept := keepQuote(text, q, sp, how)
		if kept {
			a.Quotes = append(a.Quotes, quote)
		}
		if explain && at != nil && cands[qi] != nil && !q.label && at.qpos[qi] >= 0 {
			why = append(why, explanationOf(text, quote, kept, at.got[qi], cands[qi], choices[qi]))
		}
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
	return a, why, stop.err
}

// chooseSpeakers lets the trained scorer pick every quote's speaker. A
// transcript's label states its speaker, so the rules' reading of it stands.
func (e *Extractor) chooseSpeakers(at *attributor, cands [][]candidate) []speakerChoice {
	out := make([]speakerChoice, len(cands))
	overruled := overrulings()
	for q := range cands {
		if at.d.quotes[q].label || at.qpos[q] < 0 {
			out[q] = speakerChoice{who: at.got[q]}
			if at.got[q].kind != SpeakerNone {
				out[q].confidence = 1
			}
			continue
		}
		var relay func(candidate) bool
		if at.route[q] == routeRelayed && at.got[q].kind == SpeakerPerson {
			// "According to RIA Novosti, Lavrov said": the agency relays
			// the person the rules found; it is no candidate.
			relay = func(c candidate) bool { return c.who.kind == SpeakerOrganization }
		}
		out[q] = e.speakers.chooseExcept(cands[q], at.nullFeatures(q, cands[q]), at.got[q], at.how[q] == byContinuation, relay)
		if out[q].who.kind == SpeakerNone {
			continue
		}
		for _, o := range overruled {
			if o.applies(at, cands[q], q, out[q]) {
				out[q] = speakerChoice{who: noSpeaker(), null: out[q].null, scores: out[q].scores, probs: out[q].probs, overruled: o.name}
				break
			}
		}
	}
	// A paragraph of a quote running over several paragraphs is the same
	// quote: it takes the choice made where its speaker is told, whichever
	// way that went, rather than being scored alone with no tag in sight.
	d := at.d
	fromBefore := make([]bool, len(out)) // took the paragraph before's decision
	for q := 1; q < len(out); q++ {
		if at.route[q] == "runs_over" && d.quotes[q].cont && sameSpeaker(at.got[q], at.got[q-1]) {
			out[q] = speakerChoice{who: out[q-1].who, confidence: out[q-1].confidence}
			fromBefore[q] = true
		}
	}
	for q := len(out) - 2; q >= 0; q-- {
		if at.route[q] == "runs_over" && d.quotes[q].runsOn && !fromBefore[q] {
			out[q] = speakerChoice{who: out[q+1].who, confidence: out[q+1].confidence}
		}
	}
	return out
}

// overruling is a reading of a quote's reporting clause that the scorer's
// choice may not go against: when it applies, nobody is named instead.
type overruling struct {
	name    string
	applies func(at *attributor, cands []candidate, q int, ch speakerChoice) bool
}

// overrulings lists them, each a small function with its case in
// mustberight_test.go.
func overrulings() []overruling {
	return []overruling{
		// "“…,” Merz said. Macron disagreed. “It is a good step.”"
		{"another person opens a sentence between", func(at *attributor, cands []candidate, q int, ch speakerChoice) bool {
			return at.got[q].kind == SpeakerNone && passesOver(cands, ch.who, at.d.quotes[q].start)
		}},
		// "“You winning?” she said, but Kevin …, and as Trump went on about “…”"
		{"the subject of another quote's tag", func(at *attributor, cands []candidate, q int, ch speakerChoice) bool {
			return at.got[q].kind == SpeakerNone && tagsAnother(cands, ch, at.d.quotes[q].start)
		}},
		// "“…,” TASS quoted Putin as saying": the agency never speaks
		// in his place.
		{"a relaying agency", func(at *attributor, _ []candidate, q int, ch speakerChoice) bool {
			return at.route[q] == routeRelayed && !sameSpeaker(ch.who, at.got[q])
		}},
		// "Netanyahu rejected Biden's call for “…”"
		{"the content of someone's claim", func(at *attributor, _ []candidate, q int, ch speakerChoice) bool {
			return at.route[q] == routePossessed && at.claimContent(q) && !sameSpeaker(ch.who, at.got[q])
		}},
		// "Graham was accused by Schumer of “…”": the agent speaks, and
		// the passive subject never does.
		{"the subject of a passive verb", func(at *attributor, _ []candidate, q int, ch speakerChoice) bool {
			return at.passiveWithAgent(q) && !sameSpeaker(ch.who, at.got[q])
		}},
		// "Trump denied saying that the veterans were “…”"
		{"words denied", func(at *attributor, _ []candidate, q int, _ speakerChoice) bool {
			return at.route[q] == routeDenied
		}},
		// "Orban has been accused of turning Hungary into “…”"
		{"a passive verb with no agent", func(at *attributor, _ []candidate, q int, _ speakerChoice) bool {
			return at.route[q] == routeUnnamedAgent
		}},
	}
}

// tagsAnother reports whether the scorer, without the rules, chose the
// speaker of the quote at start by the subject of another quote's tag
// ("“You winning?” she said"), with a different person the subject of a
// clause between that tag and the quote ("…, but Kevin was drifting off,
// and as Trump went on about “how the system is rigged”"): the verb
// reported the other quote. (Where the rules read the tag as this quote's
// too, they are right more often than not: "…,” Mr. Obama said at the
// gala, where Mrs. Clinton also spoke. “Tolerance is on the ballot.”")
func tagsAnother(cands []candidate, ch speakerChoice, start int) bool {
	if ch.who.kind != SpeakerPerson {
		return false
	}
	best := -1 // the chosen speaker's likeliest candidate
	for i, c := range cands {
		if c.start >= 0 && sameSpeaker(c.who, ch.who) && (best < 0 || ch.probs[i] > ch.probs[best]) {
			best = i
		}
	}
	if best < 0 || cands[best].start >= start || !slices.Contains(cands[best].features, "prev=quote") || !slices.Contains(cands[best].features, "next=speechverb") {
		return false
	}
	for _, c := range cands {
		// The other person is a subject, a verb after it ("Kevin was",
		// "Trump went"), not the object of a preposition.
		if c.kind == candName && c.start >= cands[best].end && c.end <= start && c.who.kind == SpeakerPerson && !sameSpeaker(c.who, ch.who) &&
			!slices.Contains(c.features, "prev=prep") && (slices.Contains(c.features, "next=aux") || slices.Contains(c.features, "next=lower")) {
			return true
		}
	}
	return false
}

// passesOver reports whether a person the scorer chose without the rules
// is named only before the quote at start, with another person opening a
// sentence between ("“…,” Merz said. Macron disagreed. “It is a good step.”"): the
// quote may as well be the other's, so no one is named.
func passesOver(cands []candidate, who speaker, start int) bool {
	if who.kind != SpeakerPerson {
		return false
	}
	last := -1 // end of the chosen person's nearest mention
	for _, c := range cands {
		if c.start < 0 || !sameSpeaker(c.who, who) {
			continue
		}
		if c.start >= start {
			return false // named after the quote too
		}
		last = max(last, c.end)
	}
	for _, c := range cands {
		if c.kind == candName && c.start >= last && c.end <= start && c.who.kind == SpeakerPerson && !sameSpeaker(c.who, who) &&
			(slices.Contains(c.features, "opens_sentence") || slices.Contains(c.features, "first_in_sentence")) {
			return true
		}
	}
	return false
}

// keepQuote decides whether a quote with speaker sp, found by how, is
// speech worth reporting.
func keepQuote(text string, q quoteSpan, sp speaker, how attribution) bool {
	if q.label && sp.kind == SpeakerNone {
		return false // the floor's questions, and labels naming nobody known
	}
	if words := countWords(text[q.start:q.end]); words < minQuoteWords {
		// A short quote is a term or a scare quote unless its speaker
		// is tagged, or it is a whole sentence carried on from a quote.
		if sp.kind == SpeakerNone || how == byContinuation && !isWholeSentence(text[q.start:q.end]) {
			return false
		}
	}
	// A name in quotes ("Coalition of the Willing") is not speech.
	return sp.kind != SpeakerNone || utf8.ValidString(text[q.start:q.end]) && !isTitleCase(text[q.start:q.end])
}
