package ner

import (
	"unicode"
	"unicode/utf8"
)

// Feature templates. A feature is the hash of its template and its value,
// so that no feature string is built while tagging. Changing a template
// or the hashing changes every feature: retrain the model after that.
const (
	tBias uint64 = iota + 1
	tWord
	tShape
	tPre // + 0..3
	_
	_
	_
	tSuf // + 0..3
	_
	_
	_
	tWordM1
	tWordP1
	tWordM2
	tWordP2
	tShapeM1
	tShapeP1
	tShape3
	tBigramM
	tBigramP
	tStart
	tStartShape
	tGaz
	tGazM1
	tGazP1
	tWordM1Shape
	tShapeWordP1
	tGazShape
	tLen
	tCase
	tCaseM1
	tCaseP1
	tCase3
)

// Casing classes of a word in the training text, away from sentence starts.
const (
	caseUnknown uint8 = iota // seen fewer than twice
	caseLower                // nearly always lower case
	caseMixed
	caseUpper // nearly always capitalised
)

// token is what the featurizer keeps of one word: the hashes of its
// normalised lower-case form, its shape, its affixes and its gazetteer
// classes.
type token struct {
	word, shape uint64
	pre, suf    [4]uint64
	gaz         []uint64
	length      uint64 // length bucket
	casing      uint64 // casing class of the word in the training text
	sentEnd     bool   // ends a sentence or clause (. ! ? :)
	opener      bool   // an opening quote or parenthesis
}

type featurizer struct {
	off, n int // toks[0] is word off of n
	toks   []token
	gaz    []uint64 // every token's gazetteer hashes, in order
	gazEnd []int32  // where each token's hashes end in gaz
	// scratch for one word
	low, shape []byte
	runeEnds   []int
	bos        token
	eos        token
	start      []bool
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnv(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix is the splitmix64 finaliser.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

func feat(t, a uint64) uint64 { return mix(a ^ t*0x9e3779b97f4a7c15) }

func feat2(t, a, b uint64) uint64 { return mix(mix(a^t*0x9e3779b97f4a7c15) + b*0xc2b2ae3d27d4eb4f) }

func feat3(t, a, b, c uint64) uint64 { return mix(feat2(t, a, b) + c*0x165667b19e3779f9) }

// normalizeToken maps the treebank spellings of brackets and quotes to the
// marks themselves, and dashes to "--".
func normalizeToken(w string) string {
	switch w {
	case "``", "''", "“", "”", "„", "«", "»", "‟", "″":
		return "\""
	case "-LRB-", "-LCB-", "-LSB-", "[", "{":
		return "("
	case "-RRB-", "-RCB-", "-RSB-", "]", "}":
		return ")"
	case "—", "–", "―", "---":
		return "--"
	case "‘", "’", "`", "‚", "′":
		return "'"
	case "…":
		return "..."
	}
	return w
}

// lowerRune lower-cases a letter, maps digits to 0, typographic quotes and
// dashes to ASCII, and drops soft hyphens and zero-width marks (-1).
func lowerRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		if r >= '0' && r <= '9' {
			return '0'
		}
		return r
	case r == '\u00ad' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff':
		return -1
	case r == '’' || r == '‘' || r == '′' || r == 'ʼ':
		return '\''
	case r == '“' || r == '”' || r == '„' || r == '«' || r == '»':
		return '"'
	case r == '‐' || r == '‑' || r == '–' || r == '—':
		return '-'
	case unicode.IsDigit(r):
		return '0'
	}
	return unicode.ToLower(r)
}

func shapeRune(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'x'
	case r >= 'A' && r <= 'Z':
		return 'X'
	case r >= '0' && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		return r
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return lowerRune(r)
}

// init computes the tokens of words. vocab maps word hashes to their
// casing class; it is nil while the vocabulary is being counted.
func (fx *featurizer) init(words []string, gaz func(int) []string, vocab map[uint64]uint8) {
	fx.initRange(words, gaz, vocab, 0, len(words))
}

// initRange computes the tokens of words[lo:hi] only: enough for the
// features of the positions at least two words inside the range, or at
// the ends of words.
func (fx *featurizer) initRange(words []string, gaz func(int) []string, vocab map[uint64]uint8, lo, hi int) {
	n := hi - lo
	fx.off, fx.n = lo, len(words)
	fx.toks = grow(fx.toks, n)
	fx.start = grow(fx.start, n)
	if fx.bos.word == 0 {
		fx.bos = boundary("<s>")
		fx.eos = boundary("</s>")
	}
	low, shape, runeEnds := fx.low, fx.shape, fx.runeEnds
	fx.gazEnd = grow(fx.gazEnd, n)
	gazEnd := fx.gazEnd
	fx.gaz = fx.gaz[:0]
	for i, w0 := range words[lo:hi] {
		w := normalizeToken(w0)
		low, shape, runeEnds = low[:0], shape[:0], runeEnds[:0]
		var lastShape rune = -2
		shapeLen := 0
		for _, r := range w {
			lr := lowerRune(r)
			if lr < 0 {
				continue
			}
			low = utf8.AppendRune(low, lr)
			runeEnds = append(runeEnds, len(low))
			if s := shapeRune(r); s != lastShape && shapeLen < 8 {
				shape = utf8.AppendRune(shape, s)
				lastShape = s
				shapeLen++
			}
		}
		t := &fx.toks[i]
		t.word = fnv(fnvOffset, low)
		t.casing = uint64(vocab[t.word])
		t.shape = fnv(fnvOffset, shape)
		nr := len(runeEnds)
		for k := 0; k < 4; k++ {
			if k < nr {
				t.pre[k] = fnv(fnvOffset, low[:runeEnds[k]])
				from := 0
				if nr-k-2 >= 0 {
					from = runeEnds[nr-k-2]
				}
				t.suf[k] = fnv(fnvOffset, low[from:])
			} else {
				t.pre[k], t.suf[k] = 0, 0
			}
		}
		switch {
		case nr <= 1:
			t.length = 1
		case nr <= 3:
			t.length = 2
		case nr <= 6:
			t.length = 3
		default:
			t.length = 4
		}
		t.sentEnd, t.opener = isSentEnd(w), isOpener(w)
		if gaz != nil {
			for _, c := range gaz(lo + i) {
				fx.gaz = append(fx.gaz, fnvString(fnvOffset, c))
			}
		}
		gazEnd[i] = int32(len(fx.gaz))
	}
	fx.low, fx.shape, fx.runeEnds = low, shape, runeEnds
	for i := range fx.toks {
		a := int32(0)
		if i > 0 {
			a = gazEnd[i-1]
		}
		fx.toks[i].gaz = fx.gaz[a:gazEnd[i]:gazEnd[i]]
	}
	for i := range fx.toks {
		switch {
		case i == 0:
			fx.start[i] = startsSentence(words, lo)
		case fx.toks[i-1].sentEnd:
			fx.start[i] = true
		case fx.toks[i-1].opener:
			fx.start[i] = fx.start[i-1]
		}
	}
}

func isSentEnd(w string) bool {
	switch w {
	case ".", "!", "?", ":", ";", "...":
		return true
	}
	return false
}

func isOpener(w string) bool { return w == "\"" || w == "'" || w == "(" }

// startsSentence reports whether words[i] opens a sentence: it is the
// first word, or follows a sentence's end, perhaps with opening marks
// between.
func startsSentence(words []string, i int) bool {
	for ; i > 0; i-- {
		w := normalizeToken(words[i-1])
		if isSentEnd(w) {
			return true
		}
		if !isOpener(w) {
			return false
		}
	}
	return true
}

func boundary(s string) token {
	h := fnvString(fnvOffset, s)
	return token{word: h, shape: h, gaz: []uint64{h}, casing: 7}
}

func (fx *featurizer) at(i int) *token {
	switch {
	case i < 0:
		return &fx.bos
	case i >= fx.n:
		return &fx.eos
	}
	return &fx.toks[i-fx.off]
}

// appendFeatures appends the hashed features of position i.
func (fx *featurizer) appendFeatures(dst []uint64, i int) []uint64 {
	t := fx.at(i)
	m1, p1, m2, p2 := fx.at(i-1), fx.at(i+1), fx.at(i-2), fx.at(i+2)
	dst = append(dst,
		feat(tBias, 0),
		feat(tWord, t.word),
		feat(tShape, t.shape),
		feat(tWordM1, m1.word),
		feat(tWordP1, p1.word),
		feat(tWordM2, m2.word),
		feat(tWordP2, p2.word),
		feat(tShapeM1, m1.shape),
		feat(tShapeP1, p1.shape),
		feat3(tShape3, m1.shape, t.shape, p1.shape),
		feat2(tBigramM, m1.word, t.word),
		feat2(tBigramP, t.word, p1.word),
		feat2(tWordM1Shape, m1.word, t.shape),
		feat2(tShapeWordP1, t.shape, p1.word),
		feat2(tLen, t.length, t.shape),
		feat2(tCase, t.casing, t.shape),
		feat(tCaseM1, m1.casing),
		feat(tCaseP1, p1.casing),
		feat3(tCase3, m1.casing, t.casing, p1.casing),
	)
	for k := 0; k < 4; k++ {
		if t.pre[k] != 0 {
			dst = append(dst, feat(tPre+uint64(k), t.pre[k]), feat(tSuf+uint64(k), t.suf[k]))
		}
	}
	if fx.start[i-fx.off] {
		dst = append(dst, feat(tStart, 1), feat(tStartShape, t.shape))
	}
	for _, g := range t.gaz {
		dst = append(dst, feat(tGaz, g), feat2(tGazShape, g, t.shape))
	}
	for _, g := range m1.gaz {
		dst = append(dst, feat(tGazM1, g))
	}
	for _, g := range p1.gaz {
		dst = append(dst, feat(tGazP1, g))
	}
	return dst
}
