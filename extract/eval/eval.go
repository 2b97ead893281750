// Package eval owns the measurement of extraction quality: it reads
// annotated gold articles (the JSONL format of ../shared/eval/score.py),
// scores predicted people and quotes against them, and prints the figures
// exactly as score.py prints them, so that `attache eval`, the extract
// package's quality floors and the shared scorer agree to the digit. It
// scores predictions only: it does not run the extractor (it takes only the
// SpeakerKind type from package extract), and callers convert their analyses
// to a Prediction.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/attache-bot/attache/extract"
)

// Gold is one annotated article, one line of a gold JSONL file.
type Gold struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// People lists every person the article names; nil (null or absent in
	// the file) when the set does not, and then people, roles and
	// affiliations are not scored for the article.
	People []GoldPerson `json:"people"`
	Quotes []GoldQuote  `json:"quotes"`
	// Ignore lists quoted spans that are no quotes (titles, scare quotes):
	// a predicted quote lying mostly inside one is not counted.
	Ignore []string `json:"ignore"`
}

// GoldPerson is one person of a gold article.
type GoldPerson struct {
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	Role        string   `json:"role"`
	Affiliation string   `json:"affiliation"`
}

// GoldQuote is one quote of a gold article and its speaker.
type GoldQuote struct {
	// Speaker is a person's name (Kind extract.SpeakerPerson) or the
	// article's descriptor ("a senior diplomat").
	Speaker string `json:"speaker"`
	// Kind is the speaker's kind, read with extract.ParseSpeakerKind.
	Kind extract.SpeakerKind `json:"kind"`
	Text string              `json:"text"`
	// Aliases are other names of the speaker, added to those of the
	// article's person of the same name.
	Aliases []string `json:"aliases"`
}

// Prediction is what an extractor found in one article. Extra fields of a
// predictions file are ignored.
type Prediction struct {
	People []PredictedPerson `json:"people"`
	Quotes []PredictedQuote  `json:"quotes"`
}

// PredictedPerson is one predicted person.
type PredictedPerson struct {
	Name        string `json:"name"`
	Role        string `json:"role"`
	Affiliation string `json:"affiliation"`

	// nameNone and roleNone record a field absent or null in a
	// predictions file, which score.py prints as None in its misses.
	nameNone, roleNone bool
}

// PredictedQuote is one predicted quote: its text as it stands in the
// article (with or without quotation marks) and its speaker, "" when
// unknown.
type PredictedQuote struct {
	Speaker string `json:"speaker"`
	Text    string `json:"text"`

	speakerNone bool
}

// UnmarshalJSON reads a person of a predictions file; absent or null
// fields are empty.
func (p *PredictedPerson) UnmarshalJSON(data []byte) error {
	var raw struct {
		Name        *string `json:"name"`
		Role        *string `json:"role"`
		Affiliation *string `json:"affiliation"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*p = PredictedPerson{Name: deref(raw.Name), Role: deref(raw.Role), Affiliation: deref(raw.Affiliation),
		nameNone: raw.Name == nil, roleNone: raw.Role == nil}
	return nil
}

// UnmarshalJSON reads a quote of a predictions file; absent or null fields
// are empty.
func (q *PredictedQuote) UnmarshalJSON(data []byte) error {
	var raw struct {
		Speaker *string `json:"speaker"`
		Text    *string `json:"text"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*q = PredictedQuote{Speaker: deref(raw.Speaker), Text: deref(raw.Text), speakerNone: raw.Speaker == nil}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// ReadGold reads a gold JSONL file: one article object per line, blank
// lines skipped. An error names the line and the missing or mistyped field.
func ReadGold(r io.Reader) ([]Gold, error) {
	var gold []Gold
	err := eachLine(r, func(line []byte) error {
		var raw struct {
			ID     *string `json:"id"`
			Text   *string `json:"text"`
			People *[]struct {
				Name        *string  `json:"name"`
				Aliases     []string `json:"aliases"`
				Role        *string  `json:"role"`
				Affiliation *string  `json:"affiliation"`
			} `json:"people"`
			Quotes *[]struct {
				Speaker *string  `json:"speaker"`
				Kind    *string  `json:"kind"`
				Text    *string  `json:"text"`
				Aliases []string `json:"aliases"`
			} `json:"quotes"`
			Ignore []string `json:"ignore"`
		}
		if err := unmarshalObject(line, &raw); err != nil {
			return err
		}
		switch {
		case raw.ID == nil:
			return errors.New(`no "id"`)
		case raw.Text == nil:
			return errors.New(`no "text"`)
		case raw.Quotes == nil:
			return errors.New(`no "quotes" list`)
		}
		g := Gold{ID: *raw.ID, Text: *raw.Text, Quotes: []GoldQuote{}, Ignore: raw.Ignore}
		for i, q := range *raw.Quotes {
			switch {
			case q.Text == nil:
				return fmt.Errorf(`quotes[%d] has no "text"`, i)
			case q.Speaker == nil:
				return fmt.Errorf(`quotes[%d] has no "speaker"`, i)
			case q.Kind == nil:
				return fmt.Errorf(`quotes[%d] has no "kind"`, i)
			}
			kind, err := extract.ParseSpeakerKind(*q.Kind)
			if err != nil {
				return fmt.Errorf("quotes[%d]: %w", i, err)
			}
			g.Quotes = append(g.Quotes, GoldQuote{Speaker: *q.Speaker, Kind: kind, Text: *q.Text, Aliases: q.Aliases})
		}
		if raw.People != nil {
			g.People = []GoldPerson{}
			for i, p := range *raw.People {
				if p.Name == nil {
					return fmt.Errorf(`people[%d] has no "name"`, i)
				}
				g.People = append(g.People, GoldPerson{Name: *p.Name, Aliases: p.Aliases,
					Role: deref(p.Role), Affiliation: deref(p.Affiliation)})
			}
		}
		gold = append(gold, g)
		return nil
	})
	return gold, err
}

// ReadPredictions reads a predictions JSONL file: one object per line with
// an "id" matching a gold article's, and "people" and "quotes" as in
// Prediction. When two lines have the same id the later one counts.
func ReadPredictions(r io.Reader) (map[string]Prediction, error) {
	preds := map[string]Prediction{}
	err := eachLine(r, func(line []byte) error {
		var raw struct {
			ID     *string           `json:"id"`
			People []PredictedPerson `json:"people"`
			Quotes []PredictedQuote  `json:"quotes"`
		}
		if err := unmarshalObject(line, &raw); err != nil {
			return err
		}
		if raw.ID == nil {
			return errors.New(`no "id"`)
		}
		preds[*raw.ID] = Prediction{People: raw.People, Quotes: raw.Quotes}
		return nil
	})
	return preds, err
}

// eachLine calls fn with each non-blank line of r and names the line in
// fn's error.
func eachLine(r io.Reader, fn func(line []byte) error) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if len(bytes.TrimFunc(line, pySpace)) > 0 {
			if !utf8.Valid(line) {
				return fmt.Errorf("line %d: not valid UTF-8", n)
			}
			if ferr := fn(line); ferr != nil {
				return fmt.Errorf("line %d: %w", n, ferr)
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// unmarshalObject decodes one JSON object, with an error message free of
// Go type names.
func unmarshalObject(line []byte, v any) error {
	if t := bytes.TrimFunc(line, pySpace); len(t) == 0 || t[0] != '{' {
		return errors.New("not a JSON object")
	}
	err := json.Unmarshal(line, v)
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &syn):
		return fmt.Errorf("bad JSON at byte %d: %v", syn.Offset, syn)
	case errors.As(err, &typ):
		return fmt.Errorf("%q: want %s, got %s", typ.Field, jsonKind(typ.Type.Kind().String()), typ.Value)
	}
	return fmt.Errorf("bad JSON: %v", err)
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "a string"
	case "slice":
		return "a list"
	case "struct", "map":
		return "an object"
	}
	return goKind
}
