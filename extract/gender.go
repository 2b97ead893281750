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

func pronounGender(s string) gender {
	switch s {
	case "she", "her", "hers", "herself":
		return genderFemale
	case "he", "him", "his", "himself":
		return genderMale
	}
	return genderUnknown
}

// wordGender reads role words and honorifics that carry a sex.
func wordGender(s string) gender {
	switch s {
	case "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "woman", "mrs", "ms", "madam", "madame",
		"queen", "princess", "sheikha", "duchess", "baroness", "lady", "mother", "wife", "daughter", "sister":
		return genderFemale
	case "spokesman", "chairman", "congressman", "businessman", "man", "mr", "monsieur", "king", "prince",
		"duke", "baron", "lord", "father", "husband", "son", "brother":
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
		if g := wordGender(w); g != genderUnknown {
			return g
		}
	}
	for _, mi := range e.mentions {
		if m := d.mentions[mi]; m.nameStart > 0 && d.sameRegion(m.nameStart-1, m.nameStart) {
			if g := wordGender(strings.TrimSuffix(d.toks[m.nameStart-1].low, ".")); g != genderUnknown {
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
func descriptionGender(descr string) gender {
	for _, w := range strings.Fields(key(descr)) {
		if g := wordGender(w); g != genderUnknown {
			return g
		}
	}
	return genderUnknown
}
