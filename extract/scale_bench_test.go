package extract

import (
	"fmt"
	"strings"
	"testing"
)

// nameDenseText is the hostile input of issue 14: "Minister NameN SurnameN
// said …" sentences, each naming a different person, up to n bytes. Every
// name is new, so any step that compares a mention with every person met
// so far grows with the square of the text.
func nameDenseText(n int) string {
	var b strings.Builder
	b.Grow(n + 200)
	b.WriteString("Envoys gather in Geneva\n\n")
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "Minister %s %s said the talks would resume. ", scaleWord("Name", i), scaleWord("Surname", i))
		if i%8 == 7 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// scaleWord spells a distinct capitalised word per i with letters only, as
// names are written ("Namebc", "Surnamebd").
func scaleWord(stem string, i int) string {
	var suffix []byte
	for {
		suffix = append(suffix, byte('a'+i%26))
		i /= 26
		if i == 0 {
			break
		}
	}
	return stem + string(suffix)
}

// BenchmarkAnalyzeNameDense measures extraction time against input size on
// name-dense text. Linear work keeps ns/op per MB flat across sizes; the
// issue's target is each doubling at most 2.3 times the time and 5 MB
// within 5 s.
func BenchmarkAnalyzeNameDense(b *testing.B) {
	e := newTestExtractor(b)
	for _, size := range []struct {
		name  string
		bytes int
	}{
		{"0.25MB", 1 << 18}, {"0.5MB", 1 << 19}, {"1MB", 1 << 20}, {"2MB", 2 << 20}, {"5MB", 5 << 20},
	} {
		text := nameDenseText(size.bytes)
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				e.Analyze(text)
			}
		})
	}
}
