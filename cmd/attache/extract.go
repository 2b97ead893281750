package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/attache-bot/attache/adapters/console"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
)

func init() {
	register(command{name: "extract", summary: "print the people, roles and quotes found in one article", run: runExtract})
}

// maxStdinBytes bounds an article read from standard input, like the
// fetcher bounds a page.
const maxStdinBytes = 5 << 20

func runExtract(ctx context.Context, sio stdio, args []string) error {
	fs := newFlags(sio, "extract [--json|--explain] FILE|-",
		`Analyses one article and prints its title, summary, people (name, role,
affiliation), quotes with their speakers, organisations and places. "-"
reads plain text from standard input, the headline on the first line; a
file is read like a local source (.txt, .md, .html, or a feed, whose items
are each analysed). --json prints the analysis object, one per line.
--explain prints, for each quote, how its speaker was chosen: the rules'
proposal, every candidate with its probability and features, and the
probability of naming no one (with --json, one explanation object per line).`)
	asJSON := fs.Bool("json", false, "print JSON (one analysis object per line)")
	explain := fs.Bool("explain", false, "print how each quote's speaker was chosen")
	rest, err := parseArgs(fs, sio, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("want one FILE or -, got %d arguments", len(rest))
	}
	ex, err := extract.New()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	texts, err := articleTexts(ctx, sio.in, rest[0])
	if err != nil {
		return err
	}
	if *explain {
		return writeExplanations(sio.out, ex, texts, *asJSON)
	}
	for i, text := range texts {
		an := ex.Analyze(text)
		if an.Title == "" {
			// A headline alone has no body for the extractor to tell it
			// from: it is still the article's title.
			an.Title = firstLine(text)
		}
		if *asJSON {
			data, err := json.Marshal(an)
			if err != nil {
				return fmt.Errorf("encode analysis: %w", err)
			}
			if _, err := sio.out.Write(append(data, '\n')); err != nil {
				return err
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(sio.out)
		}
		writeAnalysis(sio.out, an)
	}
	return nil
}

// articleTexts returns the text to analyse: standard input as it is, or
// each article a local file holds, as the extractor reads stored ones.
func articleTexts(ctx context.Context, stdin io.Reader, name string) ([]string, error) {
	if name == "-" {
		data, err := io.ReadAll(io.LimitReader(stdin, maxStdinBytes+1))
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		if len(data) > maxStdinBytes {
			return nil, fmt.Errorf("standard input is larger than %d bytes", maxStdinBytes)
		}
		return []string{string(data)}, nil
	}
	res, err := ingest.NewFetcher(ingest.Options{RefusePrivate: false}).Read(ctx, name, ingest.Validators{})
	if err != nil {
		return nil, err
	}
	if len(res.Errors) > 0 {
		return nil, res.Errors[0]
	}
	if len(res.Articles) == 0 {
		return nil, fmt.Errorf("%s: no article found", name)
	}
	texts := make([]string, len(res.Articles))
	for i, a := range res.Articles {
		texts[i] = a.Text()
	}
	return texts, nil
}

// writeAnalysis prints an analysis for people to read.
func writeAnalysis(w io.Writer, an extract.Analysis) {
	p := console.PlainText
	fmt.Fprintf(w, "Title:   %s\n", p(an.Title))
	fmt.Fprintf(w, "Summary: %s\n", p(an.Summary))
	fmt.Fprintf(w, "\nPeople (%d):\n", len(an.People))
	for _, person := range an.People {
		line := "  - " + p(person.Name)
		var detail []string
		for _, d := range []string{person.Role, person.Affiliation} {
			if d = p(d); d != "" {
				detail = append(detail, d)
			}
		}
		if len(detail) > 0 {
			line += " — " + strings.Join(detail, ", ")
		}
		line += fmt.Sprintf(" (%d %s", person.Mentions, plural(person.Mentions, "mention", "mentions"))
		if len(person.Aliases) > 0 {
			line += "; also " + p(strings.Join(person.Aliases, ", "))
		}
		fmt.Fprintln(w, line+")")
	}
	fmt.Fprintf(w, "\nQuotes (%d):\n", len(an.Quotes))
	for _, q := range an.Quotes {
		speaker := p(q.Speaker)
		if speaker == "" {
			speaker = "(unknown speaker)"
		}
		kind := ""
		if q.SpeakerKind != extract.SpeakerNone {
			kind = " [" + string(q.SpeakerKind) + "]"
		}
		fmt.Fprintf(w, "  - %q — %s%s\n", p(q.Text), speaker, kind)
	}
	fmt.Fprintf(w, "\nOrganizations: %s\n", p(strings.Join(an.Organizations, ", ")))
	fmt.Fprintf(w, "Places:        %s\n", p(strings.Join(an.Places, ", ")))
}

// writeExplanations prints how the speaker of every quote of texts was
// chosen, as text or, with asJSON, one explanation object per line.
func writeExplanations(w io.Writer, ex *extract.Extractor, texts []string, asJSON bool) error {
	bw := bufio.NewWriter(w)
	for _, text := range texts {
		_, why := ex.Explain(text)
		for _, x := range why {
			if asJSON {
				data, err := json.Marshal(x)
				if err != nil {
					return fmt.Errorf("encode explanation: %w", err)
				}
				bw.Write(append(data, '\n'))
				continue
			}
			speaker := x.Quote.Speaker
			if speaker == "" {
				speaker = "(no one)"
			}
			fmt.Fprintf(bw, "“%s”\n  speaker %s, confidence %.3f; rules proposed %q", x.Quote.Text, speaker, x.Quote.Confidence, x.Rule)
			if x.Overruled != "" {
				fmt.Fprintf(bw, "; the scorer's choice overruled: %s", x.Overruled)
			}
			if !x.Kept {
				fmt.Fprint(bw, "; dropped as no speech")
			}
			fmt.Fprintln(bw)
			for _, c := range x.Candidates {
				fmt.Fprintf(bw, "  %.3f %-11s %q -> %q (%s)  %s\n", c.Probability, c.Kind, c.Text, c.Speaker, c.SpeakerKind, strings.Join(c.Features, " "))
			}
			fmt.Fprintf(bw, "  %.3f no one  %s\n", x.Nobody.Probability, strings.Join(x.Nobody.Features, " "))
		}
	}
	return bw.Flush()
}

// firstLine is the first non-blank line of text, spaces collapsed.
func firstLine(text string) string {
	for line := range strings.SplitSeq(text, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			return line
		}
	}
	return ""
}
