package extract

import "testing"

func TestStripDateline(t *testing.T) {
	for in, want := range map[string]string{
		"Paris: France is to launch a new push.":            "France is to launch a new push.",
		"BERLIN (Reuters) - German Foreign Minister spoke.": "German Foreign Minister spoke.",
		"UNITED NATIONS — The envoy said so.":               "The envoy said so.",
		"Moscow_”Tense and tough” is how he put it.":        "”Tense and tough” is how he put it.",
		"The minister said: we go.":                         "The minister said: we go.",
		"Paris:\u00a0France acts.":                          "France acts.",
		"BEIJING, April 26 (Reuters) - Blinken warned.":     "Blinken warned.",
		"Urem Al-Kubra was hit.":                            "Urem Al-Kubra was hit.",
	} {
		if got := stripDateline(in); got != want {
			t.Errorf("stripDateline(%q) = %q, want %q", in, got, want)
		}
	}
}
