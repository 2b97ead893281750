package main

import (
	"context"

	"github.com/attache-bot/attache/adapters/console"
	"github.com/attache-bot/attache/bot"
)

func init() {
	register(command{name: "who", summary: "look up a person: titles, affiliation, latest quotes", run: runWho})
}

func runWho(ctx context.Context, sio stdio, args []string) error {
	fs := newFlags(sio, "who NAME... [--db PATH] [--quotes N] [--config FILE]",
		`Looks a person up in the stored articles, ignoring case and accents
("ayrault", "Çavuşoğlu"): their fullest name, titles, affiliation, how many
articles named them and when, and their latest quotes with the articles they
come from. Several possible people are listed instead; the same answer as the
chat command "who".`)
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
	reply := bot.Who(ctx, st, joinArgs(rest), *quotes)
	if err := console.RenderReply(sio.out, reply, *format); err != nil {
		return err
	}
	if reply.Error {
		return reportedError{summary: "lookup failed"}
	}
	return nil
}
