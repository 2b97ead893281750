package digest

// countryNames groups the names one country goes by, so that a filter on
// one finds articles using another (a channel filtering "Turkey" keeps a
// story about Türkiye). Matching folds case and accents, so "Turkiye" and
// "Cote d'Ivoire" need no entry of their own.
var countryNames = [][]string{
	{"Türkiye", "Turkey", "Turkish"},
	{"Czechia", "Czech Republic", "Czech"},
	{"Côte d'Ivoire", "Ivory Coast", "Ivorian"},
	{"Myanmar", "Burma", "Burmese"},
	{"Eswatini", "Swaziland"},
	{"North Macedonia", "Macedonia"},
	{"Cabo Verde", "Cape Verde"},
	{"Timor-Leste", "East Timor"},
	{"United Kingdom", "Britain", "UK", "U.K."},
	{"United States", "USA", "U.S.", "US"},
	{"Democratic Republic of the Congo", "DR Congo", "DRC"},
}

// countryAliases indexes countryNames by normalized name.
var countryAliases = func() map[string][]string {
	m := map[string][]string{}
	for _, group := range countryNames {
		for _, name := range group {
			m[normalize(name)] = group
		}
	}
	return m
}()

// mentionsCountry reports whether text names country under any of its
// names (whole words, case and accents ignored).
func mentionsCountry(text, country string) bool {
	if containsPhrase(text, country) {
		return true
	}
	for _, alias := range countryAliases[normalize(country)] {
		if containsPhrase(text, alias) {
			return true
		}
	}
	return false
}
