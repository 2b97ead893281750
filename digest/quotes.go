package digest

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attache-bot/attache/extract"
)

const (
	// maxQuotes is how many quote bullets a story shows.
	maxQuotes = 4
	// maxQuotesPerSpeaker keeps one talkative speaker from filling the list
	// while others were quoted too.
	maxQuotesPerSpeaker = 2
)

// kindOrder puts named people first: their words are the news; anonymous
// sources, organisations and documents come after.
var kindOrder = map[extract.SpeakerKind]int{
	extract.SpeakerPerson: 0, extract.SpeakerAnonymous: 1, extract.SpeakerOrganization: 2, extract.SpeakerDocument: 3,
}

// candidate is one quote of a story on its way to becoming a bullet.
type candidate struct {
	line  QuoteLine
	key   string // normalized text, for spotting the same quote twice
	who   *person
	order int
}

// collectQuotes gathers the quotes of a story's articles, drops those with
// no speaker, resolves person speakers to the story's fullest name for them
// (only when that is unambiguous), and merges the same quote told by
// several articles, keeping its longest form.
func collectQuotes(c *cast, quotes []extract.Quote) []*candidate {
	var out []*candidate
	for _, q := range quotes {
		speaker, text := strings.TrimSpace(q.Speaker), tidyQuote(q.Text)
		key := strings.TrimSpace(normalize(text))
		if speaker == "" || key == "" {
			continue
		}
		cand := &candidate{line: QuoteLine{Text: text, Speaker: speaker, Kind: q.SpeakerKind}, key: key, order: len(out)}
		if q.SpeakerKind == extract.SpeakerPerson {
			if p := c.find(speaker); p != nil {
				cand.who = p
				cand.line.Speaker = p.name
			}
		}
		if dup := findDuplicate(out, cand); dup != nil {
			if len(key) > len(dup.key) {
				dup.line, dup.key, dup.who = cand.line, cand.key, cand.who
			}
			continue
		}
		out = append(out, cand)
	}
	return out
}

// findDuplicate returns the candidate carrying the same words as cand, or
// a part of them (one outlet quoting a shorter excerpt), from the same
// speaker; nil when none. The same words from another speaker stay a quote
// of their own: merging them would credit one speaker's words to the other.
func findDuplicate(cands []*candidate, cand *candidate) *candidate {
	key := cand.key
	for _, c := range cands {
		if !sameSpeaker(c, cand) {
			continue
		}
		if c.key == key || strings.Contains(" "+c.key+" ", " "+key+" ") || strings.Contains(" "+key+" ", " "+c.key+" ") {
			return c
		}
	}
	return nil
}

// sameSpeaker reports whether two quotes have the same speaker: the same
// person of the story's cast, else the same words naming the speaker.
func sameSpeaker(a, b *candidate) bool {
	if a.who != nil || b.who != nil {
		return a.who == b.who
	}
	return normalize(a.line.Speaker) == normalize(b.line.Speaker)
}

// fullSentence reports whether a quote reads as a complete sentence: it
// starts with a capital letter and ends with terminal punctuation.
func fullSentence(text string) bool {
	first, _ := utf8.DecodeRuneInString(text)
	text = strings.TrimRight(text, "\"'”’» ")
	last, _ := utf8.DecodeLastRuneInString(text)
	return unicode.IsUpper(first) && strings.ContainsRune(".!?…", last)
}

// betterQuote orders candidates best first: named people before others,
// full sentences before fragments, longer before shorter, earlier first.
func betterQuote(a, b *candidate) int {
	if c := cmp.Compare(kindRank(a.line.Kind), kindRank(b.line.Kind)); c != 0 {
		return c
	}
	if fa, fb := fullSentence(a.line.Text), fullSentence(b.line.Text); fa != fb {
		if fa {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(len(b.line.Text), len(a.line.Text)); c != 0 {
		return c
	}
	return cmp.Compare(a.order, b.order)
}

func kindRank(kind extract.SpeakerKind) int {
	if r, ok := kindOrder[kind]; ok {
		return r
	}
	return len(kindOrder)
}

// pickQuotes credits each quote to its person and returns the story's quote
// bullets: the best quotes (betterQuote), at most maxQuotesPerSpeaker per
// speaker while others have some, then shown speaker by speaker (the
// speaker of the best quote first), each speaker's full sentences before
// fragments and in the order the articles tell them. A fragment of one or
// two words is left out when its speaker has a fuller quote.
func pickQuotes(cands []*candidate) []QuoteLine {
	cands = dropStubs(cands)
	ranked := slices.Clone(cands)
	slices.SortStableFunc(ranked, betterQuote)
	for _, c := range ranked {
		if c.who != nil {
			c.who.quotes++
			if c.who.best == nil {
				c.who.best = &c.line
			}
		}
	}
	perSpeaker := map[string]int{}
	var picked, spare []*candidate
	for _, c := range ranked {
		if perSpeaker[c.line.Speaker] < maxQuotesPerSpeaker {
			perSpeaker[c.line.Speaker]++
			picked = append(picked, c)
		} else {
			spare = append(spare, c)
		}
	}
	chosen := append(picked, spare...)
	chosen = chosen[:min(len(chosen), maxQuotes)]
	slices.SortStableFunc(chosen, betterQuote)

	// Speaker by speaker, in the order of their best quote.
	speakerRank := map[string]int{}
	for _, c := range chosen {
		if _, ok := speakerRank[c.line.Speaker]; !ok {
			speakerRank[c.line.Speaker] = len(speakerRank)
		}
	}
	slices.SortStableFunc(chosen, func(a, b *candidate) int {
		if c := cmp.Compare(speakerRank[a.line.Speaker], speakerRank[b.line.Speaker]); c != 0 {
			return c
		}
		if fa, fb := fullSentence(a.line.Text), fullSentence(b.line.Text); fa != fb {
			if fa {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.order, b.order)
	})
	lines := make([]QuoteLine, len(chosen))
	for i, c := range chosen {
		lines[i] = c.line
	}
	return lines
}

// maxStubWords: a quote of this many words or fewer ("a door", "shameful")
// says little beside a fuller quote of the same speaker.
const maxStubWords = 2

// dropStubs leaves out the one- and two-word fragments of speakers who
// have a fuller quote in the story.
func dropStubs(cands []*candidate) []*candidate {
	fuller := func(c *candidate) bool { return len(strings.Fields(c.line.Text)) > maxStubWords }
	kept := cands[:0:0]
	for _, c := range cands {
		if !fuller(c) && slices.ContainsFunc(cands, func(o *candidate) bool { return o != c && fuller(o) && sameSpeaker(o, c) }) {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// tidyQuote trims a quote and ends it as a sentence when the article cut
// it at a comma or semicolon before its attribution ("…the ships are
// waiting," she said): the digest shows it as "…the ships are waiting.".
func tidyQuote(text string) string {
	text = strings.TrimSpace(text)
	core := strings.TrimRight(text, "\"'”’» ")
	closing := text[len(core):]
	if t := strings.TrimRight(core, ",;:– —"); t != core && t != "" {
		last, _ := utf8.DecodeLastRuneInString(t)
		if !strings.ContainsRune(".!?…", last) {
			t += "."
		}
		return t + closing
	}
	return text
}
