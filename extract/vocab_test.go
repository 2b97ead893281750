package extract

import (
	"io/fs"
	"strings"
	"testing"
)

// testVocabulary loads the word classes for tests of the stages that take
// them directly.
func testVocabulary(t testing.TB) *vocabulary {
	t.Helper()
	v, err := loadVocabulary()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestVocabularyFiles checks that every word class has its file and every
// file under data/words a class, and that each file lists lower-case,
// folded, distinct entries with a comment saying what the class is for.
func TestVocabularyFiles(t *testing.T) {
	if numWordClasses > 64 {
		t.Fatalf("%d word classes do not fit the 64 bits of vocabulary.classes", numWordClasses)
	}
	files, err := fs.Glob(dataFS, "data/words/*")
	if err != nil {
		t.Fatal(err)
	}
	onDisk := map[string]bool{}
	for _, f := range files {
		name, ok := strings.CutSuffix(strings.TrimPrefix(f, "data/words/"), ".txt")
		if !ok {
			t.Errorf("%s: word class files end in .txt", f)
		}
		onDisk[name] = true
	}
	classOf := map[string]vocabClass{}
	for c, name := range wordClassFiles {
		if name == "" {
			t.Errorf("word class %d has no file", c)
			continue
		}
		if prev, ok := classOf[name]; ok {
			t.Errorf("word classes %d and %d share data/words/%s.txt", prev, c, name)
		}
		classOf[name] = vocabClass(c)
		if !onDisk[name] {
			t.Errorf("word class %d: data/words/%s.txt is missing", c, name)
		}
	}
	for name := range onDisk {
		if _, ok := classOf[name]; !ok {
			t.Errorf("data/words/%s.txt is not the file of any word class", name)
		}
	}
	for _, name := range wordClassFiles {
		raw, err := fs.ReadFile(dataFS, "data/words/"+name+".txt")
		if err != nil {
			continue // reported above
		}
		if !strings.HasPrefix(string(raw), "# ") {
			t.Errorf("data/words/%s.txt: should open with a comment saying what the class is for", name)
		}
		lines, err := dataLines("words/" + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) == 0 {
			t.Errorf("data/words/%s.txt lists no words", name)
		}
		seen := map[string]bool{}
		for _, w := range lines {
			if w != strings.ToLower(w) || w != key(w) {
				t.Errorf("data/words/%s.txt: %q is not lower-case and folded", name, w)
			}
			if seen[w] {
				t.Errorf("data/words/%s.txt: %q listed twice", name, w)
			}
			seen[w] = true
		}
	}
	v := testVocabulary(t)
	for c := range numWordClasses {
		lines, _ := dataLines("words/" + wordClassFiles[c] + ".txt")
		for _, w := range lines {
			if !v.has(c, w) {
				t.Errorf("%s: %q not loaded", wordClassFiles[c], w)
			}
		}
	}
	if v.has(wFunction, "minister") || v.has(wHonorific, "") {
		t.Error("has answers for words outside the class")
	}
}
