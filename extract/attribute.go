// Attribution: the attributor and its driver, attributeQuotes, which reads
// each quote's reporting clause (reporting.go) with its subject (subjects.go),
// resolves the phrase found to a speaker (resolve.go, pronouns.go) and
// carries speakers over to continued quotes.

package extract

import (
	"unicode/utf8"
)

// speaker is who a quote is attributed to.
type speaker struct {
	name   string
	kind   SpeakerKind
	person int // index into doc.people for kind SpeakerPerson, else -1
}

// noSpeaker() is the answer when the speaker is unknown.
func noSpeaker() speaker { return speaker{person: -1} }

// attributor holds the outer text and the running state of attribution.
type attributor struct {
	d     *doc
	outer []otok
	qpos  []int
	got   []speaker
	how   []attribution
	route []string // which reading of the reporting clause gave got, for the scorer's features
	// features interns the scorer's feature names (candidates.go), built
	// in featureBuf.
	features     map[string]string
	featureBuf   []byte
	featureBlock []string // where candidates' feature lists are cut from
	// roleWords and affilKeys are every person's folded role words and
	// affiliation key, for roleReference.
	roleWords [][]string
	affilKeys []string
	// events are people named as subjects, and speakers are people found
	// speaking, each in text order: the candidates a "he" or "she" can
	// refer to.
	events, speakers []event
	// bodies are the organisations found speaking, in text order: what
	// "the ministry" refers to.
	bodies []event
	// pronounSex is the sex a "he" or "she" already resolved to a person
	// of unknown sex reveals, so that the other pronoun skips that person.
	pronounSex map[int]gender
	// labelCounts is how many paragraphs each folded transcript label
	// opens (labels.go), made on first use.
	labelCounts map[string]int
}

// sexOf returns what the article says of a person's sex: from names, role
// words and honorifics, or else from a pronoun resolved to them before.
func (a *attributor) sexOf(p int) gender {
	if g := a.d.personGender(p); g != genderUnknown {
		return g
	}
	return a.pronounSex[p]
}

// event places a person, or for a speaker an unnamed speaker too, in the text.
type event struct {
	tok, person int
	who         speaker
}

type attribution uint8

const (
	byNone         attribution = iota
	byTag                      // the reporting clause names the speaker
	byContinuation             // the speaker carries over from the quote before
)

// attributeQuotes decides the speaker of every quote, in text order.
func (d *doc) attributeQuotes() *attributor {
	a := &attributor{d: d}
	a.outer, a.qpos = d.buildOuter()
	a.got = make([]speaker, len(d.quotes))
	a.how = make([]attribution, len(d.quotes))
	a.route = make([]string, len(d.quotes))
	a.collectEvents()
	for q := range a.got {
		a.got[q] = noSpeaker()
	}
	for q := range d.quotes {
		if a.qpos[q] < 0 {
			continue
		}
		if d.stop.stopped() {
			break // the quotes left keep no speaker: abstaining is safe
		}
		if d.quotes[q].label {
			a.got[q], a.how[q] = a.labelSpeaker(q), byTag
		} else if sp, ok := a.tagged(q); ok {
			a.got[q], a.how[q] = sp, byTag
		} else if sp, ok := a.continued(q); ok {
			a.got[q], a.how[q], a.route[q] = sp, byContinuation, "continuation"
		}
		if k := a.got[q].kind; k == SpeakerPerson || k == SpeakerAnonymous {
			a.speakers = a.addEvent(a.speakers, d.quotes[q].start, a.got[q])
		} else if k == SpeakerOrganization {
			a.bodies = a.addEvent(a.bodies, d.quotes[q].start, a.got[q])
		}
	}
	// A quote running over several paragraphs has one speaker, whichever
	// paragraph carries the tag.
	for q := 1; q < len(d.quotes); q++ {
		if d.quotes[q].cont && a.got[q].kind == SpeakerNone && a.got[q-1].kind != SpeakerNone {
			a.got[q], a.how[q], a.route[q] = a.got[q-1], a.how[q-1], "runs_over"
		}
	}
	for q := len(d.quotes) - 2; q >= 0; q-- {
		if d.quotes[q].runsOn && a.got[q].kind == SpeakerNone && a.got[q+1].kind != SpeakerNone {
			a.got[q], a.how[q], a.route[q] = a.got[q+1], a.how[q+1], "runs_over"
		}
	}
	return a
}

func (a *attributor) tok(p int) token { return a.d.toks[a.outer[p].t] }

func (a *attributor) isPlaceholder(p int) bool { return a.outer[p].q >= 0 }

func (a *attributor) para(p int) int { return a.d.tokPara[a.outer[p].t] }

// maxSentenceTokens bounds how far the reporting clause of a quote is
// looked for, which keeps the work linear on text with no sentence ends.
const maxSentenceTokens = 120

// sentenceBounds returns the outer positions [lo, hi) of the sentence
// around the quote at position p: from the previous sentence end (or a
// quote that ended one) to the next sentence end or quote.
func (a *attributor) sentenceBounds(p int) (lo, hi int) {
	para := a.para(p)
	lo = p
	for lo > 0 && a.para(lo-1) == para && p-lo < maxSentenceTokens {
		prev := lo - 1
		if a.isPlaceholder(prev) {
			if a.quoteEndsSentence(a.outer[prev].q) {
				break
			}
		} else if a.tok(prev).isSentenceEnd() {
			break
		}
		lo--
	}
	hi = p + 1
	for hi < len(a.outer) && a.para(hi) == para && !a.isPlaceholder(hi) && hi-p < maxSentenceTokens {
		if a.tok(hi).isSentenceEnd() {
			break
		}
		hi++
	}
	return lo, hi
}

func (a *attributor) quoteEndsSentence(q int) bool {
	s := a.d.text[a.d.quotes[q].start:a.d.quotes[q].end]
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// followedByQuote reports whether the outer text from position i to the
// next quote of its paragraph is only punctuation, as in "…”. “…".
func (a *attributor) followedByQuote(i int) bool {
	para := a.para(i)
	for ; i < len(a.outer) && a.para(i) == para; i++ {
		if a.isPlaceholder(i) {
			return true
		}
		if a.tok(i).kind != tokPunct {
			return false
		}
	}
	return true // only punctuation up to the paragraph end
}

// continued attributes an untagged quote to the speaker of the quote or
// reporting sentence just before it: a second quote after "…," he said, a
// quote paragraph following a quote of the same speaker, or a quote after
// "X said." in the same paragraph.
func (a *attributor) continued(q int) (speaker, bool) {
	p := a.qpos[q]
	lo, hi := a.sentenceBounds(p)
	if lo != p {
		return noSpeaker(), false // the quote is inside a sentence with no tag
	}
	for i := p + 1; i < hi; i++ {
		if a.d.g.speechVerbs[a.tok(i).low] {
			return noSpeaker(), false // a tag we could not read: do not guess
		}
	}
	if a.thatWasAfter(p+1, hi) {
		return noSpeaker(), false // "That was how …": a tag we could not read
	}
	para := a.para(p)
	// A quote inside a narrative sentence ("“…” has become a familiar
	// refrain") is what the sentence is about, not more of the speech
	// before it; a whole quoted sentence may be followed by narrative.
	if next := p + 1; next < len(a.outer) && a.para(next) == para && !a.quoteEndsSentence(a.outer[p].q) && !a.followedByQuote(next) {
		return noSpeaker(), false
	}
	// An earlier quote in the same paragraph.
	for i := p - 1; i >= 0 && a.para(i) == para && p-i < maxSentenceTokens; i-- {
		if a.isPlaceholder(i) {
			// "“…,” Merz said. Macron disagreed. “…”": a sentence of
			// its own between the two quotes may bring in another speaker.
			if _, ihi := a.sentenceBounds(i); p > ihi+1 {
				break
			}
			if sp := a.got[a.outer[i].q]; sp.kind != SpeakerNone {
				return sp, true
			}
			return noSpeaker(), false
		}
	}
	// A reporting sentence just before, in the same paragraph.
	if p > 0 && a.para(p-1) == para {
		plo, _ := a.sentenceBounds(p - 1)
		if sp, ok := a.tagBefore(plo, p-1); ok && sp.kind == SpeakerPerson {
			return sp, true
		}
		return noSpeaker(), false
	}
	// The quote opens its paragraph: the previous paragraph must end with a
	// quote (and its tag) of a known speaker.
	if p == 0 {
		return noSpeaker(), false
	}
	last := -1
	for i := p - 1; i >= 0 && a.para(i) == a.para(p-1) && p-i < maxSentenceTokens; i-- {
		if a.isPlaceholder(i) {
			last = i
			break
		}
	}
	if last < 0 {
		return noSpeaker(), false
	}
	_, lastHi := a.sentenceBounds(last)
	if lastHi < len(a.outer) && a.para(lastHi) == a.para(last) && lastHi+1 < len(a.outer) && a.para(lastHi+1) == a.para(last) {
		return noSpeaker(), false // more text followed the quote
	}
	if sp := a.got[a.outer[last].q]; sp.kind != SpeakerNone && !a.d.quotes[a.outer[last].q].label {
		return sp, true
	}
	return noSpeaker(), false
}
