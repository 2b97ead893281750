package digest

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/identity"
)

// maxActors is how many key actors a story lists.
const maxActors = 5

// honorifics are dropped before comparing names, so "Mr. Ayrault" is Ayrault.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "dame": true}

// person is one actor of a story, merged across its articles.
type person struct {
	name         string          // the fullest form seen
	keys         map[string]bool // normalized full names and aliases
	surname      string
	given        string
	roles        tally
	affiliations tally
	mentions     int
	quotes       int
	firstSeen    int
	best         *QuoteLine
}

// tally counts the articles giving each value and picks the value most
// articles agree on; on a tie, one an article stated explicitly (with a
// country or demonym), then the earliest. Articles vote once each, however
// often they repeat a name: one long article guessing wrong must not
// outweigh several that agree.
type tally struct {
	counts map[string]int
	stated map[string]bool
	order  []string
}

func (t *tally) add(v string, stated bool) {
	if v = strings.TrimSpace(v); v == "" {
		return
	}
	if t.counts == nil {
		t.counts, t.stated = map[string]int{}, map[string]bool{}
	}
	if _, ok := t.counts[v]; !ok {
		t.order = append(t.order, v)
	}
	t.counts[v]++
	t.stated[v] = t.stated[v] || stated
}

func (t *tally) top() string {
	best := ""
	for _, v := range t.order {
		if best == "" || t.counts[v] > t.counts[best] || t.counts[v] == t.counts[best] && t.stated[v] && !t.stated[best] {
			best = v
		}
	}
	return best
}

// nameParts returns the normalized name without honorifics, its surname and
// its given names.
func nameParts(name string) (full, surname, given string) {
	words := strings.Fields(normalize(name))
	for len(words) > 1 && honorifics[words[0]] {
		words = words[1:]
	}
	if len(words) == 0 {
		return "", "", ""
	}
	full = strings.Join(words, " ")
	surname = words[len(words)-1]
	given = strings.Join(words[:len(words)-1], " ")
	return full, surname, given
}

// compatibleGiven reports whether two given-name forms can be the same
// person: one is missing, they are equal, or one abbreviates the other
// ("j" and "jean marc").
func compatibleGiven(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	for i := range min(len(wa), len(wb)) {
		x, y := wa[i], wb[i]
		if x != y && !(len(x) == 1 && strings.HasPrefix(y, x)) && !(len(y) == 1 && strings.HasPrefix(x, y)) {
			return false
		}
	}
	return true
}

// cast is the set of people of one story.
type cast struct{ people []*person }

// find returns the person a name refers to: an exact full-name or alias
// match, else the only person with that surname and compatible given names.
// Several such people make the name ambiguous and nil is returned: a quote
// attributed to the wrong person is worse than one not attributed.
func (c *cast) find(name string) *person {
	full, surname, given := nameParts(name)
	if full == "" {
		return nil
	}
	for _, p := range c.people {
		if p.keys[full] {
			return p
		}
	}
	var match *person
	for _, p := range c.people {
		if p.surname == surname && compatibleGiven(p.given, given) ||
			identity.Compare(identity.Mention{Name: name}, identity.Mention{Name: p.name}).Verdict != identity.Different {
			if match != nil {
				return nil
			}
			match = p
		}
	}
	return match
}

// oneSpelling names each person once across the digest: actors and quote
// speakers that identity.Compare finds Same as an earlier story's (Sergei
// and Sergey Lavrov) take the spelling used first, which is that of the
// highest-ranked story.
func oneSpelling(stories []Story) {
	bySurname := map[string][]string{} // surname key -> spellings kept
	spelt := map[string]string{}
	spell := func(name string) string {
		if name == "" {
			return name
		}
		if n, ok := spelt[name]; ok {
			return n
		}
		key := identity.Parse(name).Surname
		for _, n := range bySurname[key] {
			if identity.Compare(identity.Mention{Name: name}, identity.Mention{Name: n}).Verdict == identity.Same {
				spelt[name] = n
				return n
			}
		}
		bySurname[key] = append(bySurname[key], name)
		spelt[name] = name
		return name
	}
	for i := range stories {
		for j := range stories[i].Actors {
			stories[i].Actors[j].Name = spell(stories[i].Actors[j].Name)
		}
		for j := range stories[i].Quotes {
			if stories[i].Quotes[j].Kind == extract.SpeakerPerson {
				stories[i].Quotes[j].Speaker = spell(stories[i].Quotes[j].Speaker)
			}
		}
	}
}

// add merges one article's people into the cast. Longer names go first so
// that a lone surname joins the full name rather than the other way round.
// body is the article's text, to tell a role stated with its country from
// one the extractor inferred.
func (c *cast) add(people []extract.Person, body string) {
	voted := map[*person]bool{}
	sorted := slices.Clone(people)
	slices.SortStableFunc(sorted, func(a, b extract.Person) int {
		return cmp.Compare(len(strings.Fields(b.Name)), len(strings.Fields(a.Name)))
	})
	for _, ep := range sorted {
		full, surname, given := nameParts(ep.Name)
		if full == "" {
			continue
		}
		p := c.find(ep.Name)
		if p == nil {
			p = &person{name: strings.TrimSpace(ep.Name), keys: map[string]bool{}, surname: surname, given: given, firstSeen: len(c.people)}
			c.people = append(c.people, p)
		}
		if len(full) > len(normalizeName(p.name)) {
			p.name, p.given = strings.TrimSpace(ep.Name), given
		}
		p.keys[full] = true
		for _, alias := range ep.Aliases {
			if af, _, _ := nameParts(alias); af != "" {
				p.keys[af] = true
			}
		}
		p.mentions += ep.Mentions
		if !voted[p] && (ep.Role != "" || ep.Affiliation != "") {
			voted[p] = true
			stated := roleStatedWithCountry(body, ep.Role)
			p.roles.add(ep.Role, stated)
			p.affiliations.add(ep.Affiliation, stated && ep.Affiliation != "")
		}
	}
}

func normalizeName(name string) string {
	full, _, _ := nameParts(name)
	return full
}

// keyActors ranks the cast by mentions, quotes and whether a role is known,
// and returns the top maxActors as bullets.
func (c *cast) keyActors() []Actor {
	ranked := slices.Clone(c.people)
	score := func(p *person) int {
		s := p.mentions + 3*p.quotes
		if p.roles.top() != "" {
			s += 2
		}
		return s
	}
	slices.SortStableFunc(ranked, func(a, b *person) int {
		if c := cmp.Compare(score(b), score(a)); c != 0 {
			return c
		}
		return cmp.Compare(a.firstSeen, b.firstSeen)
	})
	actors := make([]Actor, 0, min(len(ranked), maxActors))
	for _, p := range ranked[:min(len(ranked), maxActors)] {
		a := Actor{Name: p.name, Role: p.roles.top(), Affiliation: p.affiliations.top(), Mentions: p.mentions}
		if containsPhrase(a.Role, a.Affiliation) {
			// "International Atomic Energy Agency Director General" says
			// whose it is; ", International Atomic Energy Agency" after it
			// would repeat it.
			a.Affiliation = ""
		}
		if p.best != nil {
			a.Said = p.best.Text
		}
		actors = append(actors, a)
	}
	return actors
}

// determiners before a role say nothing about whose role it is.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true, "former": true, "then": true}

// roleStatedWithCountry reports whether body names role together with a
// country, demonym or body qualifying it: a capitalised word right before
// it ("French Foreign Minister", "Iran's foreign minister", "U.N.
// Ambassador") or "of"/"to" and a capitalised word right after it ("the
// foreign minister of France"). An affiliation the extractor inferred from
// a dateline or the article's main country has no such statement.
func roleStatedWithCountry(body, role string) bool {
	role = strings.Join(strings.Fields(role), " ")
	if role == "" {
		return false
	}
	lower := strings.ToLower(body)
	if len(lower) != len(body) {
		return false // case folding moved byte offsets; better no tie-break than a wrong one
	}
	needle := strings.ToLower(role)
	for from := 0; ; {
		i := strings.Index(lower[from:], needle)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(needle)
		from = end
		before := strings.Fields(body[max(0, start-40):start])
		if len(before) > 0 && strings.HasSuffix(body[:start], " ") {
			// A word ending in punctuation closes the phrase before the role,
			// unless it is an abbreviation ("U.N.").
			w := before[len(before)-1]
			closed := strings.ContainsAny(w[len(w)-1:], ",;:") || strings.HasSuffix(w, ".") && strings.Count(w, ".") < 2
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !closed && !determiners[strings.ToLower(w)] {
				return true
			}
		}
		after := strings.Fields(body[end:min(len(body), end+40)])
		if len(after) >= 2 && (after[0] == "of" || after[0] == "to") {
			next := after[1]
			if next == "the" && len(after) >= 3 {
				next = after[2]
			}
			if r, _ := utf8.DecodeRuneInString(next); unicode.IsUpper(r) {
				return true
			}
		}
	}
}
