package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestExtractExplain(t *testing.T) {
	in := "Headline\n\n\"We will not give up,\" Foreign Minister Jean-Marc Ayrault said.\n"
	code, out, stderr := run(t, in, "extract", "--explain", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"“We will not give up,”", "speaker Jean-Marc Ayrault, confidence", `rules proposed "Jean-Marc Ayrault"`, `"Foreign Minister Jean-Marc Ayrault" -> "Jean-Marc Ayrault" (person)`, "no one  null"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, stderr = run(t, in, "extract", "--explain", "--json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var x struct {
		Quote struct {
			Speaker    string  `json:"speaker"`
			Confidence float64 `json:"confidence"`
		} `json:"quote"`
		Candidates []struct {
			Probability float64  `json:"probability"`
			Features    []string `json:"features"`
		} `json:"candidates"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &x); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if x.Quote.Speaker != "Jean-Marc Ayrault" || x.Quote.Confidence < 0.5 || x.Quote.Confidence > 1 || len(x.Candidates) == 0 || len(x.Candidates[0].Features) == 0 {
		t.Errorf("explanation %+v", x)
	}
}

// TestExtractExplainOverruled checks that --explain says which reading of
// the reporting clause kept the scorer's choice from being named.
func TestExtractExplainOverruled(t *testing.T) {
	in := "Headline\n\nPrime Minister Viktor Orban has been accused of turning Hungary into \"an electoral autocracy with a friendly face.\"\n"
	code, out, stderr := run(t, in, "extract", "--explain", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "speaker (no one), confidence 0.000; rules proposed \"\"; the scorer's choice overruled: a passive verb with no agent"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}
