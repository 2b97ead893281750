package extract

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// corpus returns the fixture articles, the seed among them.
func corpus(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob("testdata/*.txt")
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if len(texts) == 0 {
		t.Fatal("no fixtures")
	}
	return texts
}

// bigArticle builds an article of at least n bytes from the fixtures' bodies.
func bigArticle(t testing.TB, n int) string {
	var b strings.Builder
	b.WriteString("Headline of a very long article\n\n")
	texts := corpus(t)
	for b.Len() < n {
		for _, s := range texts {
			b.WriteString(s)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkAnalyze(b *testing.B) {
	e := newTestExtractor(b)
	texts := corpus(b)
	total := 0
	for _, s := range texts {
		total += len(s)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			e.Analyze(s)
		}
	}
}

// BenchmarkAnalyze1MB reports the bytes allocated while analysing a 1 MB
// article, an upper bound of the heap the analysis needs.
func BenchmarkAnalyze1MB(b *testing.B) {
	e := newTestExtractor(b)
	text := bigArticle(b, 1<<20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	n := 0
	for b.Loop() {
		e.Analyze(text)
		n++
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(n)/(1<<20), "alloc-MB/op")
}

// TestLargeArticleHeap keeps the memory needed for a 1 MB article under
// 64 MB: everything allocated during the analysis counts. (The name tagger
// and the speaker candidates with their features take about half; the
// product target is 100 MB.)
func TestLargeArticleHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	e := newTestExtractor(t)
	text := bigArticle(t, 1<<20)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	a := e.Analyze(text)
	runtime.ReadMemStats(&after)
	checkOffsets(t, text, a)
	if mb := float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20); mb > 64 {
		t.Errorf("analysing 1 MB allocated %.1f MB", mb)
	}
	if len(a.Quotes) == 0 || len(a.People) == 0 {
		t.Errorf("found %d quotes, %d people in a 1 MB article", len(a.Quotes), len(a.People))
	}
}
