// Package nercorpus reads the name-tagging corpora that train and measure
// extract/ner: the CoNLL files of the shared NER folder (re3d, wikigold,
// GUM news) with their tags mapped to PER / ORG / LOC in IOB2, and the
// CoreNLP annotations of a PolNeAR compartment read from its git
// directory. It fixes which files train, tune and test the tagger, so that
// the trainer and the accuracy test agree. No text it reads may be
// committed; only the weights learned from it.
package nercorpus

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/attache-bot/attache/extract/internal/nergaz"
	"github.com/attache-bot/attache/extract/ner"
)

// Sent is one sentence: its words and gold labels.
type Sent struct {
	Words  []string
	Labels []ner.Label
}

// Doc is one document of a corpus.
type Doc struct {
	Name  string
	Sents []Sent
}

// Set is a named list of documents.
type Set struct {
	Name string
	Docs []Doc
	Gold bool // hand-annotated (false for CoreNLP's silver tags)
}

// re3dSources are the re3d subsets that may be used. The Wikipedia subset
// is CC BY-SA, whose ShareAlike would bind the weights: never read it.
func re3dSources() []string {
	return []string{"re3d-us-state-department", "re3d-centcom", "re3d-uk-government", "re3d-australian-dfat"}
}

// wikigoldTest tells whether wikigold document i is held out for testing.
func wikigoldTest(i int) bool { return i%10 == 0 }

// Shared returns the train, dev and test sets of the shared NER folder dir.
// Wikigold has no split of its own: every tenth document is held out.
func Shared(dir string, lex Lexicon) (train, dev, test []Set, err error) {
	read := func(file string) ([]Doc, error) {
		return ReadCoNLL(filepath.Join(dir, file), lex)
	}
	for _, src := range re3dSources() {
		tr, err := read(src + "-train.conll")
		if err != nil {
			return nil, nil, nil, err
		}
		te, err := read(src + "-test.conll")
		if err != nil {
			return nil, nil, nil, err
		}
		train = append(train, Set{Name: src + "-train", Docs: tr, Gold: true})
		test = append(test, Set{Name: src + "-test", Docs: te, Gold: true})
	}
	wg, err := read("wikigold.conll")
	if err != nil {
		return nil, nil, nil, err
	}
	var wtr, wte []Doc
	for i, d := range wg {
		if wikigoldTest(i) {
			wte = append(wte, d)
		} else {
			wtr = append(wtr, d)
		}
	}
	train = append(train, Set{Name: "wikigold-train", Docs: wtr, Gold: true})
	test = append(test, Set{Name: "wikigold-test (every 10th doc)", Docs: wte, Gold: true})
	for _, part := range []string{"train", "dev", "test"} {
		docs, err := read("gum-news-" + part + ".conll")
		if err != nil {
			return nil, nil, nil, err
		}
		s := Set{Name: "gum-news-" + part, Docs: docs, Gold: true}
		switch part {
		case "train":
			train = append(train, s)
		case "dev":
			dev = append(dev, s)
		default:
			test = append(test, s)
		}
	}
	return train, dev, test, nil
}

// Lexicon says what a word is, to trim re3d's person mentions to names.
type Lexicon interface {
	Classes(low string, lowerSeen bool) []string
}

// mapType maps a corpus's entity type to PER, ORG or LOC. Nationalities
// and MISC are outside any entity, as in CoNLL and CoreNLP's output.
func mapType(t string) ner.Type {
	switch t {
	case "Person", "PER", "PERSON":
		return ner.PER
	case "Organisation", "ORG", "ORGANIZATION":
		return ner.ORG
	case "Location", "LOC", "LOCATION":
		return ner.LOC
	}
	return ner.None
}

// ReadCoNLL reads a file of "TOKEN TAG" or "TOKEN\tTAG" lines, documents
// separated by -DOCSTART- lines, sentences by blank lines. IO tags (only
// I-X) become IOB2; re3d's mentions are trimmed to proper names.
func ReadCoNLL(path string, lex Lexicon) ([]Doc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	base := filepath.Base(path)
	re3d := strings.HasPrefix(base, "re3d-")
	if strings.HasPrefix(base, "re3d-wikipedia") {
		return nil, fmt.Errorf("%s: CC BY-SA, not to be used", base)
	}
	var docs []Doc
	cur := Doc{Name: base + "#0"}
	var words, tags []string
	flushSent := func() {
		if len(words) > 0 {
			labels := toIOB2(tags)
			if re3d {
				labels = trimRe3d(words, labels, lex)
			}
			cur.Sents = append(cur.Sents, Sent{Words: words, Labels: labels})
		}
		words, tags = nil, nil
	}
	flushDoc := func() {
		flushSent()
		if len(cur.Sents) > 0 {
			docs = append(docs, cur)
		}
		cur = Doc{Name: base + "#" + strconv.Itoa(len(docs))}
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flushSent()
			continue
		}
		var w, t string
		if i := strings.LastIndexAny(line, "\t "); i > 0 {
			w, t = line[:i], line[i+1:]
		} else {
			return nil, fmt.Errorf("%s: bad line %q", base, line)
		}
		if w == "-DOCSTART-" {
			flushDoc()
			continue
		}
		words = append(words, w)
		tags = append(tags, t)
	}
	flushDoc()
	return docs, sc.Err()
}

// toIOB2 maps tags such as "B-Person", "I-PER" or "O" to labels, starting
// an entity wherever an I- tag follows a different type (IO to IOB2).
func toIOB2(tags []string) []ner.Label {
	out := make([]ner.Label, len(tags))
	prev := ner.None
	for i, t := range tags {
		bio, typ, _ := strings.Cut(t, "-")
		ty := mapType(typ)
		if t == "O" || ty == ner.None {
			out[i], prev = ner.O, ner.None
			continue
		}
		out[i] = ner.MakeLabel(ty, bio == "B" || prev != ty)
		prev = ty
	}
	return out
}

// trimRe3d keeps of re3d's mentions only the proper names that the other
// corpora tag: a person mention loses its leading titles, honorifics,
// demonyms and pronouns ("Iraqi President Fuad Masum" -> "Fuad Masum")
// and is dropped when a lower-case word or nothing remains ("an artillery
// crew chief", "He"); an organisation or place loses a leading lower-case
// word ("the") and is dropped unless it ends in a capitalised word
// ("U.S. service members").
func trimRe3d(words []string, labels []ner.Label, lex Lexicon) []ner.Label {
	out := make([]ner.Label, len(labels))
	for _, sp := range ner.LabelSpans(labels) {
		s, e := sp.Start, sp.End
		switch sp.Type {
		case ner.PER:
			for s < e && !personWord(words[s], lex) {
				s++
			}
			for k := s; k < e; k++ {
				if !nergaz.Capitalised(words[k]) && !isParticle(words[k]) && words[k] != "-" {
					s = e
				}
			}
		default:
			for s < e && !nergaz.Capitalised(words[s]) {
				s++
			}
			if s < e && !nergaz.Capitalised(words[e-1]) {
				s = e
			}
		}
		for k := s; k < e; k++ {
			out[k] = ner.MakeLabel(sp.Type, k == s)
		}
	}
	return out
}

func personWord(w string, lex Lexicon) bool {
	if !nergaz.Capitalised(w) || strings.HasSuffix(w, ".") && len(w) <= 5 {
		return false
	}
	low := strings.ToLower(w)
	switch low {
	case "he", "she", "his", "her", "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "hrh", "excellency":
		return false
	}
	for _, c := range lex.Classes(low, false) {
		switch c {
		case "title", "title_part", "title_word", "demonym", "country", "not_name", "speaker_person":
			return false
		}
	}
	return true
}

func isParticle(w string) bool {
	switch strings.ToLower(w) {
	case "al", "bin", "ibn", "de", "da", "del", "van", "von", "der", "den", "le", "la", "du", "el", "abu", "ben":
		return true
	}
	return false
}

// PolNeAR reads the CoreNLP annotations of one compartment ("train" or
// "dev"; never "test") from the PolNeAR git directory: every article's
// sentences after its headline, each token's PERSON / ORGANIZATION /
// LOCATION tag as a label (a run of one type is one entity).
func PolNeAR(gitDir, compartment string) ([]Doc, error) {
	if compartment != "train" && compartment != "dev" {
		return nil, fmt.Errorf("polnear: compartment %q may not be read", compartment)
	}
	ls, err := exec.Command("git", "--git-dir="+gitDir, "ls-tree", "--name-only", "HEAD:data/"+compartment+"/corenlp").Output()
	if err != nil {
		return nil, fmt.Errorf("polnear: %w", err)
	}
	names := strings.Fields(string(ls))
	sort.Strings(names)
	cmd := exec.Command("git", "--git-dir="+gitDir, "cat-file", "--batch")
	var in bytes.Buffer
	for _, n := range names {
		fmt.Fprintf(&in, "HEAD:data/%s/text/%s\n", compartment, strings.TrimSuffix(n, ".xml"))
		fmt.Fprintf(&in, "HEAD:data/%s/corenlp/%s\n", compartment, n)
	}
	cmd.Stdin = &in
	outp, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(outp, 1<<20)
	blob := func() ([]byte, error) {
		hdr, err := br.ReadString('\n')
		if err != nil {
			return nil, err
		}
		f := strings.Fields(hdr)
		if len(f) == 2 && f[1] == "missing" {
			return nil, nil // a blob the snapshot lacks
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("polnear: %s", strings.TrimSpace(hdr))
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, err
		}
		b := make([]byte, n+1)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, err
		}
		return b[:n], nil
	}
	var docs []Doc
	for _, n := range names {
		text, err := blob()
		if err != nil {
			return nil, err
		}
		xml, err := blob()
		if err != nil {
			return nil, err
		}
		if text == nil || xml == nil {
			continue
		}
		headline := bytes.IndexByte(text, '\n')
		if headline < 0 {
			headline = 0
		}
		docs = append(docs, Doc{Name: n, Sents: parseCoreNLP(xml, headline)})
	}
	if err := cmd.Wait(); err != nil {
		return nil, err
	}
	return docs, nil
}

// parseCoreNLP reads the tokens of a CoreNLP XML document, skipping the
// sentences that start before byte offset skip (the headline).
func parseCoreNLP(b []byte, skip int) []Sent {
	var out []Sent
	var cur Sent
	var types []ner.Type
	first := -1
	flush := func() {
		if len(cur.Words) > 0 && first >= skip {
			prev := ner.None
			for _, t := range types {
				cur.Labels = append(cur.Labels, ner.MakeLabel(t, t != prev))
				prev = t
			}
			out = append(out, cur)
		}
		cur, types, first = Sent{}, nil, -1
	}
	field := func(tok []byte, name string) string {
		open, close := "<"+name+">", "</"+name+">"
		i := bytes.Index(tok, []byte(open))
		if i < 0 {
			return ""
		}
		rest := tok[i+len(open):]
		j := bytes.Index(rest, []byte(close))
		if j < 0 {
			return ""
		}
		return string(rest[:j])
	}
	// Tokens are inside <sentences>; the coreference section after it
	// has no <token> elements.
	for {
		i := bytes.Index(b, []byte("<token id="))
		e := bytes.Index(b, []byte("</tokens>"))
		if e >= 0 && (i < 0 || e < i) {
			flush()
			b = b[e+len("</tokens>"):]
			continue
		}
		if i < 0 {
			break
		}
		j := bytes.Index(b[i:], []byte("</token>"))
		if j < 0 {
			break
		}
		tok := b[i : i+j]
		b = b[i+j:]
		w := html.UnescapeString(field(tok, "word"))
		if first < 0 {
			first, _ = strconv.Atoi(field(tok, "CharacterOffsetBegin"))
		}
		cur.Words = append(cur.Words, w)
		types = append(types, mapType(field(tok, "NER")))
	}
	flush()
	return out
}

// Sentences turns documents into the tagger's training sentences, with
// each word's gazetteer classes. weight repeats each sentence per epoch.
func Sentences(docs []Doc, g *nergaz.Gaz, fold func(string) string, weight int) []ner.Sentence {
	var out []ner.Sentence
	for _, d := range docs {
		lower := map[string]bool{}
		for _, s := range d.Sents {
			for _, w := range s.Words {
				if nergaz.Lower(w) {
					lower[fold(w)] = true
				}
			}
		}
		for _, s := range d.Sents {
			gz := make([][]string, len(s.Words))
			for i, w := range s.Words {
				low := fold(w)
				gz[i] = g.Classes(low, nergaz.Capitalised(w) && lower[low])
			}
			out = append(out, ner.Sentence{Words: s.Words, Gaz: gz, Labels: s.Labels, Weight: weight})
		}
	}
	return out
}

// Tokens counts the words of the documents.
func Tokens(docs []Doc) int {
	n := 0
	for _, d := range docs {
		for _, s := range d.Sents {
			n += len(s.Words)
		}
	}
	return n
}
