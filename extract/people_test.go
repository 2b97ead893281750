package extract

import "testing"

// TestPeopleClustering checks that the short forms of a name join the
// person named in full.
func TestPeopleClustering(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct {
		name, text, person, alias string
	}{
		{"surname", "Foreign Minister Hakan Fidan spoke. Fidan said talks would go on.", "Hakan Fidan", "Fidan"},
		{"surname without its hyphenated particle", "Sudan's army chief, General Abdel Fattah al-Burhan, vowed to fight on. Burhan said the war would go on.",
			"Abdel Fattah al-Burhan", "Burhan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.Analyze("Headline\n\n" + tt.text)
			if len(a.People) != 1 || a.People[0].Name != tt.person || !containsString(a.People[0].Aliases, tt.alias) {
				t.Errorf("got people %+v, want only %q with alias %q", a.People, tt.person, tt.alias)
			}
		})
	}
}
