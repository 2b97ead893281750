package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/attache-bot/attache/config"
)

func init() {
	register(command{name: "config", summary: "check a configuration file (config check)", run: runConfig})
}

func runConfig(ctx context.Context, sio stdio, args []string) error {
	fs := newFlags(sio, "config check [--config FILE]",
		`Loads the configuration (the file, then environment overrides), validates
it and prints every problem at once with its field path (and line in the
file), or a one-line summary. An ATTACHE_* environment variable that names
no setting is a problem too. Secrets are never printed.`)
	configPath := fs.String("config", "", "configuration file (default: $ATTACHE_CONFIG, else none)")
	rest, err := parseArgs(fs, sio, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) == 0:
		return usagef("missing subcommand: config check")
	case rest[0] != "check":
		return usagef("unknown subcommand %q: want config check", rest[0])
	case len(rest) > 1:
		return usagef("unexpected argument %q", rest[1])
	}
	cfg, err := config.Check(*configPath)
	var errs config.Errors
	if err != nil && !errors.As(err, &errs) {
		reportConfigErrors(sio.err, err)
		return reportedError{summary: "invalid configuration"}
	}
	for _, name := range config.UnknownEnv(os.Environ()) {
		errs = append(errs, config.FieldError{Path: name, Problem: "unknown environment variable: it names no configuration field"})
	}
	if len(errs) > 0 {
		reportConfigErrors(sio.err, errs)
		return reportedError{summary: "invalid configuration"}
	}
	fmt.Fprintf(sio.out, "config OK: %d %s, %d %s\n", len(cfg.Sources), plural(len(cfg.Sources), "source", "sources"),
		len(cfg.Channels), plural(len(cfg.Channels), "channel", "channels"))
	return nil
}
