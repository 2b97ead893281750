package extract

import "strings"

// gender is what a pronoun, a name or a role word tells of a person's sex;
// it only ever rules a candidate out for "he" or "she", never in.
type gender uint8

const (
	genderUnknown gender = iota
	genderFemale
	genderMale
)

func (v *vocabulary) pronounGender(s string) gender {
	switch {
	case v.has(wFemalePronoun, s):
		return genderFemale
	case v.has(wMalePronoun, s):
		return genderMale
	}
	return genderUnknown
}

// wordGender reads role words and honorifics that carry a sex.
func (v *vocabulary) wordGender(s string) gender {
	switch {
	case v.has(wFemaleWord, s):
		return genderFemale
	case v.has(wMaleWord, s):
		return genderMale
	}
	return genderUnknown
}

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
		if m := d.mentions[mi]; m.nameStart > 0 && d.sameRegion(m.nameStart-1, m.nameStart) {
			if g := d.g.wordGender(strings.TrimSuffix(d.toks[m.nameStart-1].low, ".")); g != genderUnknown {
				return g
			}
		}
	}
	if l, ok := d.leaderFor(e); ok {
		return l.sex
	}
	for _, w := range e.words {
		if w == e.surname {
			break
		}
		switch {
		case d.g.femaleNames[w]:
			return genderFemale
		case d.g.maleNames[w]:
			return genderMale
		}
	}
	return genderUnknown
}

// descriptionGender reads the sex of an unnamed speaker ("a spokeswoman").
func (v *vocabulary) descriptionGender(descr string) gender {
	for _, w := range strings.Fields(key(descr)) {
		if g := v.wordGender(w); g != genderUnknown {
			return g
		}
	}
	return genderUnknown
}
