package extract

import "testing"

// TestNamesByTagger covers names that only the trained tagger finds (no
// title, known given name, role or speech verb next to them), and
// organisations that a speech verb alone would have made people.
func TestNamesByTagger(t *testing.T) {
	e := newTestExtractor(t)
	for _, tc := range []struct {
		text, name string
		person     bool
	}{
		{"The boat, captained by skipper Wade Bassi, sank near the harbour.", "Wade Bassi", true},
		{"Katie Allen, MD, runs the clinic with two nurses.", "Katie Allen", true},
		{"Fiona Parry has run the bakery in Cardiff for twenty years.", "Fiona Parry", true},
		{"Officials met Tomasz Wierzbicki in Nairobi on Monday.", "Tomasz Wierzbicki", true},
		{"The Lib Dems said they would vote against the bill.", "Lib Dems", false},
	} {
		a := e.Analyze("Headline\n\n" + tc.text)
		found := false
		for _, p := range a.People {
			found = found || p.Name == tc.name
		}
		if found != tc.person {
			t.Errorf("%q: person %q found %v, want %v (people %v)", tc.text, tc.name, found, tc.person, a.People)
		}
	}
}
