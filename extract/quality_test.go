package extract_test

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/extract/eval"
)

// qualityFloorsFile is the one table of floors: see its header.
const qualityFloorsFile = "testdata/eval/floors.tsv"

// qualitySharedDev is the shared development set, scored when present
// under the set name "shared/dev".
const qualitySharedDev = "../../shared/eval/dev.jsonl"

// qualityColumns are the figures a floor can hold, in the table's order.
var qualityColumns = eval.FloorColumns

// TestQualityFloors scores every annotated set of testdata/eval (and
// ../shared/eval/dev.jsonl when present) with the extractor, as `attache
// eval` does, and fails when a figure falls below its floor in
// testdata/eval/floors.tsv, or when a set has no row there.
func TestQualityFloors(t *testing.T) {
	floors, order := readQualityFloors(t)
	sets := map[string]string{}
	files, err := filepath.Glob("testdata/eval/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		sets[strings.TrimSuffix(filepath.Base(f), ".jsonl")] = f
	}
	if _, err := os.Stat(qualitySharedDev); err == nil {
		sets["shared/dev"] = qualitySharedDev
	}
	var extra []string
	for name := range sets {
		if _, ok := floors[name]; !ok {
			extra = append(extra, name)
		}
	}
	slices.Sort(extra)
	order = append(order, extra...)
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range order {
		t.Run(name, func(t *testing.T) {
			file, ok := sets[name]
			switch {
			case !ok && name == "shared/dev":
				t.Skipf("no %s", qualitySharedDev)
			case !ok:
				t.Fatalf("%s has a row for %s but there is no testdata/eval/%s.jsonl", qualityFloorsFile, name, name)
			}
			figures := qualityFigures(t, ex, file)
			var line []string
			for _, col := range qualityColumns {
				line = append(line, col+"="+qualityFormat(figures[col]))
			}
			t.Logf("%s: %s", name, strings.Join(line, " "))
			floor, ok := floors[name]
			if !ok {
				t.Fatalf("%s has no row in extract/%s: measure it with `go run ./cmd/attache eval %s` from the repository root and add one",
					name, qualityFloorsFile, filepath.Join("extract", file))
			}
			for _, col := range qualityColumns {
				min, checked := floor[col]
				if !checked {
					continue
				}
				// Compared as printed, so that a floor taken from
				// `attache eval` holds.
				got, err := strconv.ParseFloat(qualityFormat(figures[col]), 64)
				if err != nil || got < min-1e-9 {
					t.Errorf("%s: %s %s is below its floor %.3f", name, col, qualityFormat(figures[col]), min)
				}
			}
		})
	}
}

// qualityFigures scores one gold file with the extractor.
func qualityFigures(t *testing.T, ex *extract.Extractor, file string) map[string]float64 {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := eval.ReadGold(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	r := eval.Score(gold, func(g eval.Gold) eval.Prediction {
		an := ex.Analyze(g.Text)
		var p eval.Prediction
		for _, person := range an.People {
			p.People = append(p.People, eval.PredictedPerson{Name: person.Name, Role: person.Role, Affiliation: person.Affiliation})
		}
		for _, q := range an.Quotes {
			p.Quotes = append(p.Quotes, eval.PredictedQuote{Speaker: q.Speaker, Text: q.Text})
		}
		return p
	})
	return map[string]float64{
		"attribution_f1":  r.QuoteAttribution().F1,
		"named_precision": r.NamedPrecision(),
		"people_f1":       r.People().F1,
		"role_acc":        r.RoleAccuracy(),
		"affil_acc":       r.AffiliationAccuracy(),
	}
}

// qualityFormat prints a figure as score.py and `attache eval` do.
func qualityFormat(f float64) string {
	if math.IsNaN(f) {
		return "nan"
	}
	return strconv.FormatFloat(f, 'f', 3, 64)
}

// readQualityFloors reads the floors table: set name to column to floor
// ("-" columns left out), and the sets in the table's order.
func readQualityFloors(t *testing.T) (map[string]map[string]float64, []string) {
	t.Helper()
	f, err := os.Open(qualityFloorsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fl, err := eval.ReadFloors(f, qualityFloorsFile)
	if err != nil {
		t.Fatal(err)
	}
	return fl.Set, fl.Order
}
