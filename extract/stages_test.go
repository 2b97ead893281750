package extract

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// stageOfFile places every source file of the package in its stage of the
// pipeline, in the order Analyze runs them. A stage may call helpers of its
// own stage and of earlier ones, never of a later one: a helper two stages
// share lives in the earlier stage's file.
var stageOfFile = map[string]int{
	// 0: vocabulary and data, loaded once by New; the result types.
	"fold.go": 0, "vocab.go": 0, "gazetteer.go": 0, "speakerkind.go": 0, "stop.go": 0, "analysis.go": 0,
	// 1: segment: paragraphs, datelines, transcript labels.
	"segment.go": 1, "transcript.go": 1,
	// 2: quotes.
	"quotes.go": 2,
	// 3: tokens, with the quote and the sentence each lies in.
	"token.go": 3, "doc.go": 3,
	// 4: mentions: names, people, bodies and places.
	"nertag.go": 4, "names.go": 4, "people.go": 4, "things.go": 4,
	// 5: roles, affiliations and what they tell of a person's sex.
	"roles.go": 5, "gender.go": 5,
	// 6: the rules' reading of reporting clauses, labels, pronouns and
	// descriptions.
	"context.go": 6, "attribute.go": 6, "subjects.go": 6, "reporting.go": 6, "resolve.go": 6, "pronouns.go": 6, "labels.go": 6,
	// 7: speaker candidates per quote, with their features.
	"candidates.go": 7,
	// 8: the trained scorer's choice.
	"scorer.go": 8,
	// 9: the analysis put together, explained and summarised.
	"extractor.go": 9, "explain.go": 9, "summary.go": 9,
}

// fieldStage is the stage that fills each field of the working state (doc)
// and of a person (entity): no other stage writes it, so that what a stage
// hands on is settled when the next one starts. The assembler
// (extractor.go) stores each stage's result.
var fieldStage = map[string]int{
	"paras": 1, "quotes": 2,
	"tokens": 3, "toks": 3, "tokPara": 3, "tokQuote": 3, "sentStart": 3, "lowerSeen": 3, "seenKeys": 3,
	"cast": 4, "mentions": 4, "people": 4, "mentionByTok": 4, "forms": 4, "surname": 4,
	"role": 5, "affiliation": 5, "kinship": 5,
}

// TestStagesWriteOnlyTheirFields checks fieldStage: an assignment to one
// of those fields (x.f = …, x.f[i] = …, x.f = append(…)) stands only in a
// file of the field's stage or in the assembler.
func TestStagesWriteOnlyTheirFields(t *testing.T) {
	fset := gotoken.NewFileSet()
	for f, stage := range stageOfFile {
		af := parseSource(t, fset, f)
		ast.Inspect(af, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || as.Tok == gotoken.DEFINE {
				return true
			}
			for _, lhs := range as.Lhs {
				if ix, ok := lhs.(*ast.IndexExpr); ok {
					lhs = ix.X
				}
				sel, ok := lhs.(*ast.SelectorExpr)
				if !ok {
					continue
				}
				if owner, ok := fieldStage[sel.Sel.Name]; ok && owner != stage && f != "extractor.go" {
					t.Errorf("%s: writes %s, which stage %d fills (%s is stage %d)", fset.Position(as.Pos()), sel.Sel.Name, owner, f, stage)
				}
			}
			return true
		})
	}
}

// TestStagesCallOnlyEarlierStages checks the package's layering: no
// function calls one defined in a file of a later stage. Calls are matched
// by name to the functions and methods of the package; a name defined in
// more than one file is matched to none of them (there are few, and a
// method of the same name on another type says nothing of the call).
func TestStagesCallOnlyEarlierStages(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	parsed := map[string]*ast.File{}
	defined := map[string][]string{} // function or method name -> files defining it
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		if _, ok := stageOfFile[f]; !ok {
			t.Errorf("%s has no stage in stageOfFile: place it in the pipeline", f)
			continue
		}
		af := parseSource(t, fset, f)
		parsed[f] = af
		for _, d := range af.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				defined[fd.Name.Name] = append(defined[fd.Name.Name], f)
			}
		}
	}
	for f := range stageOfFile {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("stageOfFile lists %s, which does not exist", f)
		}
	}
	var bad []string
	for f, af := range parsed {
		for _, d := range af.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			ast.Inspect(fd, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var name string
				switch fun := call.Fun.(type) {
				case *ast.Ident:
					name = fun.Name
				case *ast.SelectorExpr:
					name = fun.Sel.Name
				}
				if in := defined[name]; len(in) == 1 && stageOfFile[in[0]] > stageOfFile[f] {
					bad = append(bad, f+": "+fd.Name.Name+" calls "+name+" of the later "+in[0])
				}
				return true
			})
		}
	}
	sort.Strings(bad)
	for _, b := range slices.Compact(bad) {
		t.Error(b)
	}
}

// parseSource parses the package's source file f.
func parseSource(t *testing.T, fset *gotoken.FileSet, f string) *ast.File {
	t.Helper()
	src, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	af, err := parser.ParseFile(fset, f, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	return af
}
