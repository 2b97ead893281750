package extract

import (
	_ "embed"

	"github.com/attache-bot/attache/extract/internal/nergaz"
	"github.com/attache-bot/attache/extract/ner"
)

// nerModelData is the trained name tagger (see ner/README.md for how it
// was trained and from what).
//
//go:embed data/ner.model
var nerModelData []byte

// The tagger's confidence needed to overrule the rules of names.go: a
// capitalised run with no cue becomes a person when every word of it is
// part of a person's name with at least nerPersonConf; a run that only a
// weak cue made a person (a given name, a speech verb or a role near it)
// is not one when its words belong, on average, to an organisation or a
// place with at least nerOtherConf.
const (
	nerPersonConf = 0.9
	nerSingleConf = 0.97
	nerOtherConf  = 0.8
)

// nerTagger is the name tagger with the gazetteer classes it was trained with.
type nerTagger struct {
	m   *ner.Model
	gaz *nergaz.Gaz
}

func loadNER() (*nerTagger, error) {
	m, err := ner.Load(nerModelData)
	if err != nil {
		return nil, err
	}
	g, err := nergaz.Parse(func(name string) ([]byte, error) { return dataFS.ReadFile("data/" + name) }, Fold)
	if err != nil {
		return nil, err
	}
	return &nerTagger{m: m, gaz: g}, nil
}

// nerDoc tags the runs of one document on demand: a run the rules cannot
// settle is tagged with three words of its sentence on either side.
type nerDoc struct {
	t      *nerTagger
	tagger *ner.Tagger
	d      *doc
	words  []string // every token's text
	base   int      // the token of words[0] in the sequence being tagged
	gazFn  func(int) []string
	lo, hi int       // the tokens tagged last
	tags   []ner.Tag // their tags
	sLo    int       // the start of their sentence
	sHi    int       // the end of their sentence
}

// forDoc returns the tagger of one document, or nil without a tagger.
func (t *nerTagger) forDoc(d *doc) *nerDoc {
	if t == nil {
		return nil
	}
	n := &nerDoc{t: t, tagger: t.m.NewTagger(), d: d, lo: -1, hi: -1}
	n.words = make([]string, len(d.toks))
	for k, tk := range d.toks {
		n.words[k] = d.text[tk.start:tk.end]
	}
	n.gazFn = n.classes
	return n
}

// classes returns the gazetteer classes of the token base+k.
func (n *nerDoc) classes(k int) []string {
	t := n.d.toks[n.base+k]
	return n.t.gaz.Classes(t.low, t.cap && n.d.lowerSeen[t.low])
}

// maxNERSentence bounds the sentence read around a run on either side.
const maxNERSentence = 60

// nerMargin is how many words of context are tagged on either side of a run.
const nerMargin = 3

// sentence returns the sentence around tokens [i, j), within the paragraph.
func (n *nerDoc) sentence(i, j int) (lo, hi int) {
	d := n.d
	lo = i
	for lo > 0 && i-lo < maxNERSentence && d.tokPara[lo-1] == d.tokPara[i] && !d.toks[lo-1].isSentenceEnd() {
		lo--
	}
	hi = j
	for hi < len(d.toks) && hi-j < maxNERSentence && d.tokPara[hi] == d.tokPara[j-1] {
		hi++
		if d.toks[hi-1].isSentenceEnd() {
			break
		}
	}
	return lo, hi
}

// tagsOf returns the tags of tokens [i, j), tagging them with their margin.
func (n *nerDoc) tagsOf(i, j int) []ner.Tag {
	inside := i >= n.lo && j <= n.hi && (i-n.lo >= nerMargin || n.lo == n.sLo) && (n.hi-j >= nerMargin || n.hi == n.sHi)
	if !inside {
		n.sLo, n.sHi = n.sentence(i, j)
		n.lo, n.hi = max(i-nerMargin, n.sLo), min(j+nerMargin, n.sHi)
		n.base = n.sLo
		tags := n.tagger.TagRange(n.words[n.sLo:n.sHi], n.gazFn, n.lo-n.sLo, n.hi-n.sLo)
		n.tags = append(n.tags[:0], tags...)
	}
	return n.tags[i-n.lo : j-n.lo]
}

// isPerson reports whether the tagger is sure that tokens [i, j) name a person.
func (n *nerDoc) isPerson(i, j int) bool {
	if n == nil {
		return false
	}
	c := float32(nerPersonConf)
	if j-i == 1 {
		c = nerSingleConf
	}
	for _, t := range n.tagsOf(i, j) {
		if t.P[ner.PER] < c {
			return false
		}
	}
	return true
}

// isOther reports whether the tagger is sure that tokens [i, j) name an
// organisation or a place rather than a person.
func (n *nerDoc) isOther(i, j int) bool {
	if n == nil {
		return false
	}
	s := float32(0)
	tags := n.tagsOf(i, j)
	for _, t := range tags {
		s += t.P[ner.ORG] + t.P[ner.LOC]
	}
	return s >= nerOtherConf*float32(len(tags))
}
