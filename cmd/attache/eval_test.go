package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/extract/eval"
)

// TestEvalAgreesWithScorePy runs ../shared/eval/score.py --predictions -v
// on the answers of the built-in extractor for dev.jsonl and each
// extract/testdata/eval set, and wants `attache eval -v` to print the same
// text, from the same predictions file and from the extractor in process.
// Other gold files (not in the repository, such as PolNeAR dev) can be
// added with ATTACHE_EVAL_AGREE=FILE[:FILE...]. It skips without python3
// or score.py.
func TestEvalAgreesWithScorePy(t *testing.T) {
	root := repoRoot(t)
	scorePy := filepath.Join(root, "..", "shared", "eval", "score.py")
	if _, err := os.Stat(scorePy); err != nil {
		t.Skipf("no score.py: %v", err)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	sets, _ := filepath.Glob(filepath.Join(root, "extract", "testdata", "eval", "*.jsonl"))
	if dev := filepath.Join(root, "..", "shared", "eval", "dev.jsonl"); fileExists(dev) {
		sets = append([]string{dev}, sets...)
	}
	if extra := os.Getenv("ATTACHE_EVAL_AGREE"); extra != "" {
		sets = append(sets, filepath.SplitList(extra)...)
	}
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, goldFile := range sets {
		t.Run(strings.TrimSuffix(filepath.Base(goldFile), ".jsonl"), func(t *testing.T) {
			predFile := writePredictions(t, ex, goldFile)
			cmd := exec.Command(python, scorePy, goldFile, "--predictions", predFile, "-v")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			want, err := cmd.Output()
			if err != nil {
				t.Fatalf("score.py: %v\n%s", err, stderr.String())
			}
			code, got, errOut := run(t, "", "eval", "-v", "--predictions", predFile, goldFile)
			if code != 0 {
				t.Fatalf("attache eval --predictions: exit %d: %s", code, errOut)
			}
			if got != string(want) {
				t.Errorf("attache eval --predictions differs from score.py:\n%s", lineDiff(string(want), got))
			}
			code, got, errOut = run(t, "", "eval", goldFile, "-v")
			if code != 0 {
				t.Fatalf("attache eval: exit %d: %s", code, errOut)
			}
			if got != string(want) {
				t.Errorf("attache eval (extractor in process) differs from score.py:\n%s", lineDiff(string(want), got))
			}
			lines := strings.Split(strings.TrimSpace(got), "\n")
			t.Logf("%s: %s", filepath.Base(goldFile), lines[len(lines)-1])
		})
	}
}

// writePredictions writes the extractor's analysis of each gold article
// as score.py's predictions file reads it, and returns its path.
func writePredictions(t *testing.T, ex *extract.Extractor, goldFile string) string {
	t.Helper()
	f, err := os.Open(goldFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := eval.ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for _, g := range gold {
		line, err := json.Marshal(struct {
			ID string `json:"id"`
			extract.Analysis
		}{g.ID, ex.Analyze(g.Text)})
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(append(line, '\n'))
	}
	name := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i, n := 0, 0; i < max(len(w), len(g)) && n < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  score.py: %s\n  attache:  %s\n", i+1, wl, gl)
			n++
		}
	}
	return b.String()
}

func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for !fileExists(filepath.Join(dir, "go.mod")) {
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
	return dir
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

func TestEvalErrors(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	os.WriteFile(gold, []byte(`{"id": "a", "text": "“We will not give up,” Jean-Marc Ayrault said.", "quotes": [{"speaker": "Jean-Marc Ayrault", "kind": "person", "text": "We will not give up,"}], "people": null}`+"\n"), 0o644)
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id": "a", "text": "t", "quotes": []}`+"\n"+`{"id": "b", "text": `+"\n"), 0o644)
	empty := filepath.Join(dir, "empty.jsonl")
	os.WriteFile(empty, []byte("\n"), 0o644)
	tests := []struct {
		args     []string
		wantCode int
		wantErr  string
	}{
		{[]string{"eval"}, exitUsage, "want one GOLD.jsonl, got 0 arguments"},
		{[]string{"eval", gold, gold}, exitUsage, "want one GOLD.jsonl, got 2 arguments"},
		{[]string{"eval", "--bogus", gold}, exitUsage, "flag provided but not defined: -bogus"},
		{[]string{"eval", filepath.Join(dir, "missing.jsonl")}, exitFailure, "missing.jsonl: no such file or directory"},
		{[]string{"eval", bad}, exitFailure, "bad.jsonl: line 2: bad JSON"},
		{[]string{"eval", empty}, exitFailure, "empty.jsonl: no articles"},
		{[]string{"eval", "--predictions", filepath.Join(dir, "nopred.jsonl"), gold}, exitFailure, "nopred.jsonl: no such file"},
		{[]string{"eval", "--predictions", bad, gold}, exitFailure, `bad.jsonl: line 2: bad JSON`},
		{[]string{"eval", "--help"}, exitOK, "Usage: attache eval [-v] [--predictions PRED.jsonl] GOLD.jsonl"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, "", tt.args...)
		if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, tt.wantCode, tt.wantErr)
		}
	}
	code, out, stderr := run(t, "", "eval", gold)
	if code != 0 || !strings.HasSuffix(out, "summary: attribution_f1=1.000 people_f1=nan role_acc=0.000 affil_acc=0.000 named_precision=1.000\n") {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
}
