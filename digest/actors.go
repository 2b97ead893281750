package digest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/attache-bot/attache/extract"
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

// tally counts values and picks the most frequent, the earliest on ties.
type tally struct {
	counts map[string]int
	order  []string
}

func (t *tally) add(v string, n int) {
	if v = strings.TrimSpace(v); v == "" {
		return
	}
	if t.counts == nil {
		t.counts = map[string]int{}
	}
	if _, ok := t.counts[v]; !ok {
		t.order = append(t.order, v)
	}
	t.counts[v] += max(n, 1)
}

func (t *tally) top() string {
	best := ""
	for _, v := range t.order {
		if best == "" || t.counts[v] > t.counts[best] {
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
		if p.surname == surname && compatibleGiven(p.given, given) {
			if match != nil {
				return nil
			}
			match = p
		}
	}
	return match
}

// add merges one article's people into the cast. Longer names go first so
// that a lone surname joins the full name rather than the other way round.
func (c *cast) add(people []extract.Person) {
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
		p.roles.add(ep.Role, ep.Mentions)
		p.affiliations.add(ep.Affiliation, ep.Mentions)
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
		if p.best != nil {
			a.Said = p.best.Text
		}
		actors = append(actors, a)
	}
	return actors
}
