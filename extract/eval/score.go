package eval

import (
	"strings"

	"github.com/attache-bot/attache/extract"
)

// stop are the words a person key or a role match ignores (score.py STOP).
var stop = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "for": true,
	"to": true, "in": true, "on": true, "at": true, "s": true, "'s": true,
}

// demonyms maps an adjective or abbreviation, as words joined by spaces, to
// the place or body an affiliation is compared by (score.py DEMONYMS).
var demonyms = map[string]string{
	"french":         "france",
	"russian":        "russia",
	"american":       "united states",
	"us":             "united states",
	"u s":            "united states",
	"usa":            "united states",
	"united states":  "united states",
	"british":        "united kingdom",
	"uk":             "united kingdom",
	"britain":        "united kingdom",
	"chinese":        "china",
	"german":         "germany",
	"syrian":         "syria",
	"iranian":        "iran",
	"israeli":        "israel",
	"palestinian":    "palestine",
	"ukrainian":      "ukraine",
	"turkish":        "turkey",
	"qatari":         "qatar",
	"saudi":          "saudi arabia",
	"japanese":       "japan",
	"indian":         "india",
	"italian":        "italy",
	"spanish":        "spain",
	"egyptian":       "egypt",
	"iraqi":          "iraq",
	"un":             "united nations",
	"u n":            "united nations",
	"united nations": "united nations",
	"eu":             "european union",
	"european union": "european union",
	"nato":           "nato",
	"korean":         "korea",
	"canadian":       "canada",
	"australian":     "australia",
	"brazilian":      "brazil",
	"mexican":        "mexico",
	"polish":         "poland",
	"swiss":          "switzerland",
	"dutch":          "netherlands",
	"swedish":        "sweden",
	"norwegian":      "norway",
	"lebanese":       "lebanon",
	"jordanian":      "jordan",
	"emirati":        "united arab emirates",
	"uae":            "united arab emirates",
	"pakistani":      "pakistan",
	"afghan":         "afghanistan",
	"sudanese":       "sudan",
	"yemeni":         "yemen",
	"libyan":         "libya",
	"venezuelan":     "venezuela",
	"cuban":          "cuba",
	"greek":          "greece",
	"hungarian":      "hungary",
}

func withoutStop(ws []string) []string {
	out := ws[:0:0]
	for _, w := range ws {
		if !stop[w] {
			out = append(out, w)
		}
	}
	return out
}

func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range words(s) {
		set[w] = true
	}
	return set
}

// personKeys is score.py's person_keys: the last word (stop words aside) of
// the name and of each alias.
func personKeys(name string, aliases []string) map[string]bool {
	keys := map[string]bool{}
	for _, n := range append([]string{name}, aliases...) {
		if w := withoutStop(words(n)); len(w) > 0 {
			keys[w[len(w)-1]] = true
		}
	}
	return keys
}

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// mostWords reports score.py's test shared by speaker_matches and role_ok:
// pw holds the last of the gold words gw and at least half of them.
func mostWords(gw []string, pw map[string]bool) bool {
	hit := 0
	for _, w := range gw {
		if pw[w] {
			hit++
		}
	}
	return pw[gw[len(gw)-1]] && hit*2 >= len(gw)
}

// speakerMatches is score.py's speaker_matches: a person speaker matches
// when the prediction holds the last word of the gold name or of an alias;
// another speaker ("a senior diplomat") when it holds the gold descriptor's
// last word and at least half of its words.
func speakerMatches(gold GoldQuote, aliases []string, pred string) bool {
	pw := wordSet(pred)
	if len(pw) == 0 {
		return false
	}
	if gold.Kind == extract.SpeakerPerson {
		return intersects(personKeys(gold.Speaker, aliases), pw)
	}
	gw := withoutStop(words(gold.Speaker))
	if len(gw) == 0 {
		return false
	}
	return mostWords(gw, pw)
}

func affilKey(s string) string {
	w := joinWords(words(s))
	if d, ok := demonyms[w]; ok {
		return d
	}
	return w
}

func joinWords(ws []string) string {
	n := 0
	for _, w := range ws {
		n += len(w) + 1
	}
	b := make([]byte, 0, n)
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return string(b)
}

// roleOK is score.py's role_ok; scored is false when the gold role has no
// words to compare.
func roleOK(goldRole, predRole string) (ok, scored bool) {
	gw := withoutStop(words(goldRole))
	if len(gw) == 0 {
		return false, false
	}
	return mostWords(gw, wordSet(predRole)), true
}

// affilOK is score.py's affil_ok; scored is false when the gold affiliation
// is empty. The prediction is right when its affiliation, or any run of one
// to three words of its role and affiliation, names the gold one (demonyms
// mapped), or when the words of a gold affiliation of several words appear
// in them.
func affilOK(goldAff, predAff, predRole string) (ok, scored bool) {
	if goldAff == "" {
		return false, false
	}
	g := affilKey(goldAff)
	cands := map[string]bool{}
	if predAff != "" {
		cands[affilKey(predAff)] = true
	}
	pw := append(words(predRole), words(predAff)...)
	for i := range pw {
		for j := 1; j <= 3; j++ {
			k := joinWords(pw[i:min(i+j, len(pw))])
			if d, ok := demonyms[k]; ok {
				k = d
			}
			cands[k] = true
		}
	}
	if cands[g] {
		return true, true
	}
	gw := words(goldAff)
	return len(gw) > 1 && strings.Contains(joinWords(pw), joinWords(gw)), true
}
