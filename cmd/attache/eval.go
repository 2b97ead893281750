package main

import (
	"context"
	"fmt"
	"os"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/extract/eval"
)

func init() {
	register(command{name: "eval", summary: "score the extractor against annotated articles (figures of score.py)", run: runEval})
}

func runEval(ctx context.Context, sio stdio, args []string) error {
	fs := newFlags(sio, "eval [-v] [--predictions PRED.jsonl] GOLD.jsonl",
		`Scores extraction against annotated articles and prints the figures of
../shared/eval/score.py, to the digit: quote detection and attribution
P/R/F1, people P/R/F1, role and affiliation accuracy, named-speaker
precision, and a last "summary:" line. GOLD.jsonl holds one article per
line (id, text, people, quotes, ignore). Each article's text is analysed by
the built-in extractor, unless --predictions gives the answers to score
instead: one JSON object per line, the article's "id" with "people" (name,
role, affiliation) and "quotes" (speaker, text) as "attache extract --json"
prints them. -v first prints each article's misses.`)
	verbose := fs.Bool("v", false, "print each article's misses")
	predFile := fs.String("predictions", "", "score the predictions in this JSONL file instead of running the extractor")
	rest, err := parseArgs(fs, sio, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("want one GOLD.jsonl, got %d arguments", len(rest))
	}
	gold, err := readGoldFile(rest[0])
	if err != nil {
		return err
	}
	var pred func(eval.Gold) eval.Prediction
	if *predFile != "" {
		preds, err := readPredictionsFile(*predFile)
		if err != nil {
			return err
		}
		pred = func(g eval.Gold) eval.Prediction { return preds[g.ID] }
	} else {
		ex, err := extract.New()
		if err != nil {
			return fmt.Errorf("load extractor: %w", err)
		}
		pred = func(g eval.Gold) eval.Prediction {
			if ctx.Err() != nil {
				return eval.Prediction{}
			}
			return predictionOf(ex.Analyze(g.Text))
		}
	}
	report := eval.Score(gold, pred)
	if err := ctx.Err(); err != nil {
		return err
	}
	return report.Write(sio.out, *verbose)
}

func readGoldFile(name string) ([]eval.Gold, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gold, err := eval.ReadGold(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(gold) == 0 {
		return nil, fmt.Errorf("%s: no articles", name)
	}
	return gold, nil
}

func readPredictionsFile(name string) (map[string]eval.Prediction, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	preds, err := eval.ReadPredictions(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return preds, nil
}

// predictionOf is what the scorer reads of an analysis: the people's
// names, roles and affiliations and the quotes' texts and speakers.
func predictionOf(an extract.Analysis) eval.Prediction {
	var p eval.Prediction
	for _, person := range an.People {
		p.People = append(p.People, eval.PredictedPerson{Name: person.Name, Role: person.Role, Affiliation: person.Affiliation})
	}
	for _, q := range an.Quotes {
		p.Quotes = append(p.Quotes, eval.PredictedQuote{Speaker: q.Speaker, Text: q.Text})
	}
	return p
}
