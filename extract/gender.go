package extract

import "strings"

// personGender reads a person's sex from a role word ("spokeswoman"), an
// honorific before a mention, the list of office holders, or a given name
// the lists know.
func (d *doc) personGender(p int) gender {
	e := d.people[p]
	for _, w := range strings.Fields(key(e.role)) {
		if g := d.g.wordGender(w); g != genderUnknown {
			return g
		}
	}
	for _, mi := range e.mentions {
		if g := d.honorificSex(d.mentions[mi]); g != genderUnknown {
			return g
		}
	}
	if l, ok := d.leaderFor(e); ok {
		return l.sex
	}
	if g := d.g.givenNameSex(e.words, e.surname); g != genderUnknown {
		return g
	}
	return genderUnknown
}
