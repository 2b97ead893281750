package identity

import "strings"

// Mention is what one article says about a person: the name, and the
// title and affiliation it gives ("" when none).
type Mention struct {
	Name        string
	Role        string
	Affiliation string
}

// Verdict is how sure a comparison is that two mentions are one person.
type Verdict int

const (
	// Different: something conflicts (surnames, given names, countries).
	Different Verdict = iota
	// Possible: nothing conflicts but nothing confirms either, as for a
	// bare surname ("Lavrov") next to a full name. Whoever merges on it
	// must know that only one person fits.
	Possible
	// Same: the names agree beyond the surname, or the surname is
	// confirmed by the affiliation and title.
	Same
)

func (v Verdict) String() string {
	switch v {
	case Same:
		return "same"
	case Possible:
		return "possible"
	}
	return "different"
}

// Match is the outcome of Compare: a verdict, the evidence score it was
// drawn from (higher is surer), and the reason in words.
type Match struct {
	Verdict Verdict
	Score   int
	Reason  string
}

// Evidence weights. A given name that agrees counts 2 (3 when middle
// names or patronymics agree too), an initial that fits 1; an equal
// country or title 1 each; two different countries -2. Same needs 2,
// Possible 0: a given-name variant alone is enough, a bare surname needs
// both an agreeing country and title, and two countries outweigh an
// agreeing given name.
const (
	scoreFullGiven  = 3
	scoreFirstGiven = 2
	scoreInitial    = 1
	scoreCountry    = 1
	scoreRole       = 1
	scoreCountryOff = -2
	sameAt          = 2
)

// Compare weighs whether two mentions name one person. Surnames must be
// variants of each other, and given names compatible: equal or variants
// ("Sergei", "Sergey"), or an initial of the other ("S."), or missing on
// one side; middle names count only when both have them ("George H. W."
// and "George W." differ, "Sergey V." and "Sergei" do not). Then the
// affiliations (two different countries are two people) and titles
// weigh in.
func Compare(a, b Mention) Match {
	return compareNames(Parse(a.Name), Parse(b.Name), a, b)
}

func compareNames(na, nb Name, a, b Mention) Match {
	if na.Surname == "" || nb.Surname == "" || na.Surname != nb.Surname {
		return Match{Verdict: Different, Reason: "surnames differ"}
	}
	score, reason := givenEvidence(na, nb)
	if score < 0 {
		return Match{Verdict: Different, Reason: reason}
	}
	var reasons []string
	reasons = append(reasons, reason)
	switch country(a.Affiliation, b.Affiliation) {
	case agree:
		score += scoreCountry
		reasons = append(reasons, "same country")
	case conflict:
		score += scoreCountryOff
		reasons = append(reasons, "different countries")
	}
	if ra, rb := roleKey(a.Role), roleKey(b.Role); ra != "" && ra == rb {
		score += scoreRole
		reasons = append(reasons, "same title")
	}
	m := Match{Score: score, Reason: strings.Join(reasons, ", ")}
	switch {
	case score >= sameAt:
		m.Verdict = Same
	case score >= 0:
		m.Verdict = Possible
	default:
		m.Verdict = Different
	}
	return m
}

// givenEvidence scores the given names of two names with one surname; a
// negative score means they conflict.
func givenEvidence(a, b Name) (int, string) {
	if a.Bare() || b.Bare() {
		return 0, "surname only"
	}
	if a.SurnameFirst != b.SurnameFirst {
		return -1, "name orders differ"
	}
	if a.SurnameFirst {
		if a.Given[0] == b.Given[0] {
			return scoreFullGiven, "given names agree"
		}
		return -1, "given names differ"
	}
	fa, fb := a.Given[0], b.Given[0]
	score, reason := 0, ""
	switch {
	case fa == fb && len(fa) > 1:
		score, reason = scoreFirstGiven, "given names agree"
	case len(fa) == 1 && strings.HasPrefix(fb, fa) || len(fb) == 1 && strings.HasPrefix(fa, fb):
		score, reason = scoreInitial, "initial fits"
	default:
		return -1, "given names differ"
	}
	ma, mb := a.Given[1:], b.Given[1:]
	if len(ma) == 0 || len(mb) == 0 {
		return score, reason
	}
	if len(ma) != len(mb) {
		return -1, "middle names differ"
	}
	for i := range ma {
		x, y := ma[i], mb[i]
		if x != y && !(len(x) == 1 && strings.HasPrefix(y, x)) && !(len(y) == 1 && strings.HasPrefix(x, y)) {
			return -1, "middle names differ"
		}
	}
	if score == scoreFirstGiven {
		return scoreFullGiven, "given and middle names agree"
	}
	return score, reason
}

type agreement int

const (
	unknown agreement = iota
	agree
	conflict
)

// country compares two affiliations as countries: only two different
// countries conflict; an organisation ("United Nations") or an unknown
// affiliation is no evidence either way.
func country(a, b string) agreement {
	ka, kb := CountryKey(a), CountryKey(b)
	switch {
	case ka == "" || kb == "":
		return unknown
	case ka == kb:
		return agree
	}
	return conflict
}

// CountryKey is the key of a country affiliation ("Russian Federation"
// and "Russia" are russia), "" when the affiliation is not a listed
// country.
func CountryKey(affiliation string) string {
	return countries[normalWords(affiliation)]
}

// roleKey is a title for comparison: folded, without "former", "acting"
// and the like, which say when, not what.
func roleKey(role string) string {
	words := strings.Fields(normalWords(role))
	out := words[:0]
	for _, w := range words {
		switch w {
		case "former", "ex", "acting", "then", "outgoing", "incoming", "the":
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}
