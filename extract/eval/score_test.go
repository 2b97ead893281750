package eval

import (
	"bytes"
	"math"
	"os"
	"strings"
	"testing"
)

func readTestSet(t *testing.T) ([]Gold, map[string]Prediction) {
	t.Helper()
	gf, err := os.Open("testdata/small_gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer gf.Close()
	gold, err := ReadGold(gf)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := os.Open("testdata/small_pred.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	preds, err := ReadPredictions(pf)
	if err != nil {
		t.Fatal(err)
	}
	return gold, preds
}

// TestWriteAsScorePy compares with score.py's output on the same files
// (testdata/small.want), which covers every kind of miss line, None for a
// missing speaker, an ignored span and an article whose people are not
// listed.
func TestWriteAsScorePy(t *testing.T) {
	gold, preds := readTestSet(t)
	if len(gold) != 2 || gold[1].People != nil || gold[0].People == nil {
		t.Fatalf("gold read wrong: %+v", gold)
	}
	r := Score(gold, func(g Gold) Prediction { return preds[g.ID] })
	var out bytes.Buffer
	if err := r.Write(&out, true); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/small.want")
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("got:\n%s\nwant (score.py):\n%s", out.String(), want)
	}
	if got := r.QuoteAttribution().F1; math.Abs(got-0.4) > 1e-12 {
		t.Errorf("attribution F1 %v", got)
	}
	if r.NamedPred != 3 || r.NamedRight != 2 || len(r.Articles[0].Misses) != 6 {
		t.Errorf("counts %+v", r.Counts)
	}

	// Without -v, and with only the article whose people are not listed:
	// people F1 is nan, as score.py prints it.
	r = Score(gold[1:], func(g Gold) Prediction { return preds[g.ID] })
	out.Reset()
	r.Write(&out, false)
	if !math.IsNaN(r.People().F1) || !strings.HasPrefix(out.String(), "articles 1, gold quotes 2, gold people 0\n") ||
		!strings.Contains(out.String(), "people             P 0.000 R 0.000 F1 nan\n") ||
		!strings.HasSuffix(out.String(), "summary: attribution_f1=0.667 people_f1=nan role_acc=0.000 affil_acc=0.000 named_precision=1.000\n") {
		t.Errorf("got:\n%s", out.String())
	}
}

func TestScoreMissingPrediction(t *testing.T) {
	gold, _ := readTestSet(t)
	r := Score(gold, func(Gold) Prediction { return Prediction{} })
	if r.PredQuotes != 0 || r.GoldQuotes != 5 || r.GoldPeople != 3 || r.QuoteDetection() != (PRF{}) {
		t.Errorf("counts %+v", r.Counts)
	}
}

func TestReadGoldErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"id": "a", "text": "t", "quotes": []}` + "\n\n" + `{"id": "b", "text": "t", "quotes": [}`, "line 3: bad JSON"},
		{`{"id": "a", "text": "t"}`, `line 1: no "quotes" list`},
		{`{"text": "t", "quotes": []}`, `line 1: no "id"`},
		{`{"id": 3, "text": "t", "quotes": []}`, `line 1: "id": want a string, got number`},
		{`["a"]`, "line 1: not a JSON object"},
		{`{"id": "a", "text": "t", "quotes": [{"speaker": "x", "text": "y"}]}`, `line 1: quotes[0] has no "kind"`},
		{`{"id": "a", "text": "t", "quotes": [{"speaker": "x", "kind": "official", "text": "y"}]}`, `line 1: quotes[0]: unknown speaker kind "official"`},
		{`{"id": "a", "text": "t", "quotes": [], "people": [{"role": "x"}]}`, `line 1: people[0] has no "name"`},
		{"{\"id\": \"a\", \"text\": \"\xff\", \"quotes\": []}", "line 1: not valid UTF-8"},
	}
	for _, tt := range tests {
		_, err := ReadGold(strings.NewReader(tt.in))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ReadGold(%q) error %v, want %q", tt.in, err, tt.want)
		}
	}
	gold, err := ReadGold(strings.NewReader(`{"id": "a", "text": "t", "quotes": [], "people": []}` + "\r\n \n" +
		`{"id": "b", "text": "t", "quotes": [], "people": null, "extra": 1}`))
	if err != nil || len(gold) != 2 || gold[0].People == nil || gold[1].People != nil {
		t.Errorf("ReadGold = %+v, %v; want people listed (empty) in a, not in b", gold, err)
	}
}

func TestReadPredictions(t *testing.T) {
	preds, err := ReadPredictions(strings.NewReader(`{"id": "a", "quotes": [{"text": "x", "speaker": null}], "people": [{"name": "N"}]}` + "\n" +
		`{"id": "b", "quotes": null}` + "\n" + `{"id": "a", "people": [], "title": "later line wins"}`))
	if err != nil || len(preds) != 2 || len(preds["a"].People) != 0 {
		t.Fatalf("ReadPredictions = %+v, %v", preds, err)
	}
	preds, _ = ReadPredictions(strings.NewReader(`{"id": "a", "quotes": [{"text": "x", "speaker": null}], "people": [{"name": "N"}]}`))
	if q := preds["a"].Quotes[0]; !q.speakerNone || q.Speaker != "" {
		t.Errorf("null speaker read as %+v", q)
	}
	if p := preds["a"].People[0]; p.nameNone || !p.roleNone {
		t.Errorf("person read as %+v", p)
	}
	for in, want := range map[string]string{
		`{"quotes": []}`: `line 1: no "id"`,
		"\n" + `{"id": "a", "quotes": [{"text": 5}]}`: `line 2: "quotes.text": want a string, got number`,
	} {
		if _, err := ReadPredictions(strings.NewReader(in)); err == nil || err.Error() != want {
			t.Errorf("ReadPredictions(%q) error %v, want %q", in, err, want)
		}
	}
}
