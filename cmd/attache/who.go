package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/adapters/console"
	"github.com/attache-bot/attache/bot"
	"github.com/attache-bot/attache/store"
)

func init() {
	register(command{name: "who", summary: "look up a person: titles over time, affiliation, latest quotes", run: runWho})
	register(command{name: "quotes", summary: "a person's quotes, newest first, optionally on some words", run: runQuotes})
}

func runWho(ctx context.Context, sio stdio, args []string) error {
	fs := newFlags(sio, "who NAME... [--db PATH] [--quotes N] [--format text|markdown|json] [--config FILE]",
		`Looks a person up in the stored articles, ignoring case, accents and
spelling variants ("ayrault", "Çavuşoğlu", "sergey lavrov"): their fullest
name, titles over time (latest first, with the dates they were seen),
affiliation, how many articles named them and when, and their latest quotes
with the articles they come from. Several possible people are listed with
their affiliation and latest title; an unknown name gets close suggestions
and exit status 1. The same answer as the chat command "who". --format json
prints the lookup as data (schema in docs/json.md).`)
	db := fs.String("db", "", "SQLite database file (default: the configured database, attache.db)")
	quotes := fs.Int("quotes", 3, "how many of the latest quotes to show")
	format := fs.String("format", console.Text, "output format: text, markdown or json")
	configPath := fs.String("config", "", "configuration file (default: $ATTACHE_CONFIG, else none)")
	rest, err := parseArgs(fs, sio, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) == 0:
		return usagef("give a NAME to look up")
	case *quotes < 0:
		return usagef("--quotes must not be negative")
	case !console.ValidFormat(*format):
		return usagef("unknown format %q (want text, markdown or json)", *format)
	}
	cfg, err := loadConfig(*configPath, sio.err)
	if err != nil {
		return err
	}
	st, err := openExistingStore(ctx, cfg, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	return answer(ctx, sio, st, *format, joinArgs(rest), store.QuoteQuery{Limit: *quotes}, bot.WhoReply)
}

func runQuotes(ctx context.Context, sio stdio, args []string) error {
	fs := newFlags(sio, "quotes NAME [WORDS...] [--since 30d] [--limit N] [--db PATH] [--format text|markdown|json] [--config FILE]",
		`Lists a person's quotes, newest first, each with its date, outlet and
article. WORDS after the name keep the quotes whose text or article title
has a word starting with each of them ("attache quotes lavrov aleppo"):
the name is the longest run of leading words that names someone. An
unknown name gets close suggestions and exit status 1. --format json prints
the lookup as data (schema in docs/json.md).`)
	db := fs.String("db", "", "SQLite database file (default: the configured database, attache.db)")
	sinceFlag := fs.String("since", "", "only quotes from articles published this long ago or less (6h, 30d, 2w); default all")
	limit := fs.Int("limit", 20, "at most this many quotes; 0 for all")
	format := fs.String("format", console.Text, "output format: text, markdown or json")
	configPath := fs.String("config", "", "configuration file (default: $ATTACHE_CONFIG, else none)")
	rest, err := parseArgs(fs, sio, args)
	if err != nil {
		return err
	}
	q := store.QuoteQuery{Limit: *limit}
	switch {
	case len(rest) == 0:
		return usagef("give a NAME whose quotes to list")
	case *limit < 0:
		return usagef("--limit must not be negative")
	case !console.ValidFormat(*format):
		return usagef("unknown format %q (want text, markdown or json)", *format)
	}
	if *sinceFlag != "" {
		d, err := parseLookBack(*sinceFlag)
		if err != nil {
			return usagef("--since: %v", err)
		}
		q.Since = time.Now().Add(-d)
	}
	cfg, err := loadConfig(*configPath, sio.err)
	if err != nil {
		return err
	}
	st, err := openExistingStore(ctx, cfg, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	name, words, err := bot.SplitNameWords(ctx, st, rest)
	if err != nil {
		return err
	}
	q.Words = words
	return answer(ctx, sio, st, *format, name, q, func(l bot.Lookup) adapters.Reply { return bot.QuotesReply(l, words) })
}

// answer looks name up and prints the lookup: as JSON (bot.Lookup, the
// documented schema) or rendered by reply. No one found is exit status 1,
// after the answer (with its suggestions) is printed, so scripts can tell.
func answer(ctx context.Context, sio stdio, st store.Store, format, name string, q store.QuoteQuery, reply func(bot.Lookup) adapters.Reply) error {
	l, err := bot.LookupPerson(ctx, st, name, q)
	if err != nil {
		return err
	}
	if strings.EqualFold(format, console.JSON) {
		data, err := json.MarshalIndent(l, "", "  ")
		if err != nil {
			return fmt.Errorf("encode lookup: %w", err)
		}
		if _, err := fmt.Fprintf(sio.out, "%s\n", data); err != nil {
			return err
		}
	} else if err := console.RenderReply(sio.out, reply(l), format); err != nil {
		return err
	}
	if l.Status == bot.NotFound {
		return reportedError{summary: "no one called " + name}
	}
	return nil
}

// parseLookBack reads "30d", "2w" or a Go duration ("36h"), positive.
func parseLookBack(s string) (time.Duration, error) {
	unit := time.Duration(0)
	switch {
	case strings.HasSuffix(s, "d"):
		unit = 24 * time.Hour
	case strings.HasSuffix(s, "w"):
		unit = 7 * 24 * time.Hour
	}
	var (
		d   time.Duration
		err error
	)
	if unit > 0 {
		var n int
		n, err = strconv.Atoi(s[:len(s)-1])
		d = time.Duration(n) * unit
	} else {
		d, err = time.ParseDuration(s)
	}
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a positive duration (e.g. 36h, 30d, 2w)", s)
	}
	return d, nil
}
