package extract

import "testing"

// TestPersonGender checks the sex read from given names, role words and
// honorifics, and that an unknown name stays unknown.
func TestPersonGender(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct {
		text, name string
		want       gender
	}{
		{"Foreign Minister Annalena Baerbock met reporters.", "Annalena Baerbock", genderFemale},
		{"Foreign Minister Hakan Fidan met reporters.", "Hakan Fidan", genderMale},
		{"Kremlin spokesman Dmitry Peskov met reporters.", "Dmitry Peskov", genderMale},
		{"Government spokeswoman Ayo Bello met reporters.", "Ayo Bello", genderFemale},
		{"Mrs. Ayo Bello met reporters.", "Ayo Bello", genderFemale},
		{"Foreign Minister Ayo Bello met reporters.", "Ayo Bello", genderUnknown},
		{"Chinese Foreign Minister Wang Yi met reporters.", "Wang Yi", genderMale},
		{"Wang met reporters after Italian Prime Minister Giorgia Meloni.", "Giorgia Meloni", genderFemale},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc{text: "Headline\n\n" + tt.text, g: e.g}
			d.paras = splitParagraphs(d.text, e.g.vocabulary)
			d.quotes = findQuotes(d.text, d.paras)
			d.tokens = newTokens(d.text, d.paras, d.quotes, e.g, d.stop)
			d.findPeople()
			d.assignRoles()
			for i, p := range d.people {
				if p.name == tt.name {
					if g := d.personGender(i); g != tt.want {
						t.Errorf("gender %d, want %d", g, tt.want)
					}
					return
				}
			}
			t.Fatalf("person %q not found", tt.name)
		})
	}
}
