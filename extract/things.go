package extract

// namedThings lists the organisations and places the article names, by
// their canonical names, in order of first appearance.
func (d *doc) namedThings() (orgs, places []string) {
	orgs, places = []string{}, []string{}
	seen := map[string]bool{}
	for i := 0; i < len(d.toks); {
		t := d.toks[i]
		if t.kind != tokWord || !t.cap {
			i++
			continue
		}
		m, kind := d.lexiconMatch(i, min(len(d.toks), i+8))
		if m == 0 {
			i++
			continue
		}
		k := d.phraseKey(i, i+m)
		switch kind {
		case lexOrg:
			if name := d.g.org[k]; !seen[name] {
				seen[name] = true
				orgs = append(orgs, name)
			}
		case lexCountry, lexPlace:
			name := d.text[d.toks[i].start:d.toks[i+m-1].end]
			if c := d.g.country[k]; c != "" {
				name = d.g.articleForm(c, d.seenKeys)
			}
			if !seen[name] {
				seen[name] = true
				places = append(places, name)
			}
		}
		i += m
	}
	return orgs, places
}
