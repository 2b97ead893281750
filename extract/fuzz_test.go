package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzAnalyze(f *testing.F) {
	for _, s := range corpus(f) {
		f.Add(s)
	}
	for _, s := range []string{
		"", "\"", "“", "”x", "«", "\"\"\"", "a\xffb \"q\xfe\" said X.", "Mr.", "'s", "U.S.", "“a\n\n“b\n\n“c”",
		"He said: \"", ", said", "The draft", "“”", "„x“ said Y Z.", "(Wendy)", "al-", "A.", "\xe2\x80",
		"Jo Ann Lee, Spokesperson\n\nMS LEE: Good day.\n\nQUESTION: Why?\n\nMS LEE: \"Because\" we said so.", "Q: a\n\nA B: b\n\nA B: :",
	} {
		f.Add(s)
	}
	e, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := e.Analyze(text)
		checkOffsets(t, text, a)
		for _, p := range a.People {
			if p.Name == "" || p.Mentions < 1 {
				t.Fatalf("bad person %+v", p)
			}
		}
	})
}

// TestHugeInput checks that huge inputs, a 10 MB article and 2 MB of
// pathological marks, finish and keep their offsets right.
func TestHugeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	e := newTestExtractor(t)
	inputs := []string{bigArticle(t, 10<<20)}
	for _, unit := range []string{"“", "\"x ", "« said Mr. Lee ", "a\xff\"", "Ban Ki-moon said \"", strings.Repeat("Word ", 50) + "\n"} {
		inputs = append(inputs, strings.Repeat(unit, 2<<20/len(unit)))
	}
	for _, text := range inputs {
		a := e.Analyze(text)
		checkOffsets(t, text, a)
		for _, q := range a.Quotes {
			if q.End-q.Start > maxQuoteBytes {
				t.Fatalf("quote of %d bytes", q.End-q.Start)
			}
		}
		_ = utf8.ValidString(a.Summary)
	}
}
