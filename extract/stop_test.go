package extract

import (
	"context"
	"errors"
	"testing"
)

// countdownContext is a context that ends after it has been asked n times:
// it stops an analysis at a chosen point in its loops, the same on every
// run, without timing.
type countdownContext struct {
	context.Context
	n int
}

func (c *countdownContext) Err() error {
	if c.n <= 0 {
		return context.DeadlineExceeded
	}
	c.n--
	return nil
}

func TestAnalyzeContextStopsEarly(t *testing.T) {
	e := newTestExtractor(t)
	text := nameDenseText(1 << 18)
	full := e.Analyze(text)

	t.Run("cancelled before it starts", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		a, err := e.AnalyzeContext(ctx, text)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		if len(a.People) != 0 || len(a.Quotes) != 0 {
			t.Errorf("found %d people and %d quotes after cancellation before any stage", len(a.People), len(a.Quotes))
		}
	})

	// Stopped later and later: what is found grows with the work done,
	// some stop lands inside the people stage (some people, not all), and
	// enough patience finds everything.
	t.Run("stopped inside a stage", func(t *testing.T) {
		partial, last := false, -1
		for n := 1; ; n = n*5/4 + 1 {
			a, err := e.AnalyzeContext(&countdownContext{Context: context.Background(), n: n}, text)
			if len(a.People) < last {
				t.Errorf("countdown %d found %d people, fewer than %d with a shorter one", n, len(a.People), last)
			}
			last = len(a.People)
			if err == nil {
				break
			}
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("countdown %d: err = %v, want context.DeadlineExceeded", n, err)
			}
			partial = partial || last > 0 && last < len(full.People)
		}
		if !partial {
			t.Error("no stop fell inside the people stage: its loop does not look at the context")
		}
		if last != len(full.People) {
			t.Errorf("run to the end: %d people, Analyze %d", last, len(full.People))
		}
	})

	t.Run("a context that never ends changes nothing", func(t *testing.T) {
		a, err := e.AnalyzeContext(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.People) != len(full.People) || len(a.Quotes) != len(full.Quotes) {
			t.Errorf("AnalyzeContext found %d people, %d quotes; Analyze %d, %d", len(a.People), len(a.Quotes), len(full.People), len(full.Quotes))
		}
	})
}

// A quote whose speaker was not chosen before the stop has no speaker:
// stopping never puts words in a mouth the scorer did not choose.
func TestStoppedAnalysisNeverGuessesSpeakers(t *testing.T) {
	e := newTestExtractor(t)
	var text string
	for i := range 400 {
		text += "Minister " + scaleWord("Name", i) + " " + scaleWord("Surname", i) + ` said: "The talks will resume next week in Geneva."` + "\n\n"
	}
	full := e.Analyze(text)
	bySpan := map[int]string{}
	for _, q := range full.Quotes {
		bySpan[q.Start] = q.Speaker
	}
	for n := 1; ; n *= 2 {
		a, err := e.AnalyzeContext(&countdownContext{Context: context.Background(), n: n}, text)
		for _, q := range a.Quotes {
			if q.Speaker != "" && q.Speaker != bySpan[q.Start] {
				t.Errorf("countdown %d: quote at %d given to %q, the full analysis says %q", n, q.Start, q.Speaker, bySpan[q.Start])
			}
		}
		if err == nil {
			break
		}
	}
}
