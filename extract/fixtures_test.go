package extract

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixtures runs the whole pipeline on the articles in testdata and checks
// the expectations written beside each one (NAME.want):
//
//	quote <start of the quote text> => <speaker>
//	noquote <start of a text that must not be reported as a quote>
//	person <name> | <role> | <affiliation>
//	noperson <name that must not be reported as a person>
func TestFixtures(t *testing.T) {
	e := newTestExtractor(t)
	wants, _ := filepath.Glob("testdata/*.want")
	if len(wants) == 0 {
		t.Fatal("no fixtures")
	}
	for _, want := range wants {
		name := strings.TrimSuffix(filepath.Base(want), ".want")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(strings.TrimSuffix(want, ".want") + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			a := e.Analyze(string(text))
			checkOffsets(t, string(text), a)
			f, err := os.Open(want)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				line := sc.Text()
				verb, rest, _ := strings.Cut(line, " ")
				switch verb {
				case "quote":
					prefix, speaker, _ := strings.Cut(rest, " => ")
					at, ok := findAttribution(e, string(text), prefix)
					if !ok {
						t.Errorf("missed quote %q", prefix)
					} else if err := checkAttribution(at, speaker, SpeakerNone); err != nil {
						t.Errorf("quote %q: %v", prefix, err)
					}
				case "noquote":
					if q, ok := findQuote(a, rest); ok {
						t.Errorf("reported %q (speaker %q), want no quote", q.Text, q.Speaker)
					}
				case "person":
					f := strings.Split(rest, " | ")
					p, ok := findPerson(a, f[0])
					if !ok {
						t.Errorf("missed person %q", f[0])
						continue
					}
					if p.Role != f[1] || p.Affiliation != f[2] {
						t.Errorf("%s: role %q, affiliation %q; want %q, %q", f[0], p.Role, p.Affiliation, f[1], f[2])
					}
				case "noperson":
					for _, p := range a.People {
						if strings.Contains(p.Name, rest) {
							t.Errorf("reported %q as a person", p.Name)
						}
					}
				}
			}
			// No person twice.
			seen := map[string]bool{}
			for _, p := range a.People {
				if seen[p.Name] {
					t.Errorf("person %q reported twice", p.Name)
				}
				seen[p.Name] = true
			}
		})
	}
}

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// attributed is how a quote starting with prefix was attributed: the
// rules' proposal and the final speaker after the scorer ("" when the
// scorer abstained or the quote was dropped as no speech for want of one).
type attributed struct {
	rule  string
	final Quote
}

// findAttribution finds the quote starting with prefix among the quotes
// explained (and, for transcript labels, which are not, among the analysis').
func findAttribution(e *Extractor, text, prefix string) (attributed, bool) {
	a, why := e.Explain(text)
	for _, x := range why {
		if strings.HasPrefix(x.Quote.Text, prefix) {
			at := attributed{rule: x.Rule}
			if x.Kept {
				at.final = x.Quote
			}
			return at, true
		}
	}
	if q, ok := findQuote(a, prefix); ok {
		return attributed{rule: q.Speaker, final: q}, true
	}
	return attributed{}, false
}

// checkAttribution requires the rules to propose want and the final answer
// to be want or, where want is a speaker, no one: the scorer may abstain
// where the rules were right (a missed quote), never name someone else (a
// quote in the wrong mouth).
func checkAttribution(at attributed, want string, wantKind SpeakerKind) error {
	if at.rule != want {
		return fmt.Errorf("rules proposed %q, want %q", at.rule, want)
	}
	if at.final.Speaker != want && (want == "" || at.final.Speaker != "") {
		return fmt.Errorf("speaker %q, want %q or no one", at.final.Speaker, want)
	}
	if at.final.Speaker != "" && wantKind != SpeakerNone && at.final.SpeakerKind != wantKind {
		return fmt.Errorf("speaker kind %q, want %q", at.final.SpeakerKind, wantKind)
	}
	return nil
}

func findQuote(a Analysis, prefix string) (Quote, bool) {
	for _, q := range a.Quotes {
		if strings.HasPrefix(q.Text, prefix) {
			return q, true
		}
	}
	return Quote{}, false
}

func findPerson(a Analysis, name string) (Person, bool) {
	for _, p := range a.People {
		if p.Name == name {
			return p, true
		}
	}
	return Person{}, false
}

func checkOffsets(t testing.TB, text string, a Analysis) {
	t.Helper()
	for _, q := range a.Quotes {
		if q.Start < 0 || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text {
			t.Fatalf("quote offsets [%d:%d] do not give %q", q.Start, q.End, q.Text)
		}
	}
}
