package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/attache-bot/attache/bot"
)

// errHelp is returned when the user asked for --help: exit status 0.
var errHelp = flag.ErrHelp

// newFlags returns a flag set whose usage text starts with synopsis, e.g.
// "who NAME... [--db PATH] [--quotes N]".
func newFlags(sio stdio, synopsis, description string) *flag.FlagSet {
	fs := flag.NewFlagSet(strings.Fields(synopsis)[0], flag.ContinueOnError)
	fs.SetOutput(sio.err)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: attache %s\n\n%s\n", synopsis, description)
		var hasFlags bool
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(out, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseArgs parses flags anywhere among the arguments ("who ayrault --db
// x.db" as well as "who --db x.db ayrault") and returns the positional
// arguments. Everything after "--" is positional. Parse errors come back as
// usageError, printed once by dispatch; --help prints the usage to stderr.
func parseArgs(fs *flag.FlagSet, sio stdio, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	defer fs.SetOutput(sio.err)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(sio.err)
				fs.Usage()
				return nil, errHelp
			}
			return nil, usageError{msg: err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		// fs.Parse stops at the first non-flag, or just after a "--".
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// stringList is a repeatable flag: --source a --source b.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// lookback is a --since flag: the durations chat commands take ("6h",
// "90m", "3d", "1w"), or 0 for no bound.
type lookback time.Duration

func (l *lookback) String() string { return time.Duration(*l).String() }

func (l *lookback) Set(v string) error {
	if strings.TrimSpace(v) == "0" {
		*l = 0
		return nil
	}
	d, err := bot.ParseLookback(v)
	if err != nil {
		return errors.New("not a duration; try 6h, 3d or 1w (0 for no bound)")
	}
	*l = lookback(d)
	return nil
}
