// Command attache reads diplomatic news, extracts who said what, and posts
// digests to Slack and Matrix. Each subcommand lives in its own file and
// registers itself with register in an init function, so that adding one
// (run.go, healthcheck.go, ...) touches no other file:
//
//	func init() {
//		register(command{name: "healthcheck", summary: "...", run: runHealthcheck})
//	}
//
// A run function parses its own flags with newFlags/parseArgs, returns a
// usageError for bad usage (exit 2) and any other error for a failure
// (exit 1); errors are printed to stderr by dispatch.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
)

// command is one subcommand.
type command struct {
	name    string
	summary string // one line for `attache help`
	run     func(ctx context.Context, io stdio, args []string) error
}

// stdio are the streams a command reads and writes, swapped in tests.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

var commands = map[string]command{}

func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("attache: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := dispatch(ctx, stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// dispatch runs the subcommand args name and returns the exit code.
func dispatch(ctx context.Context, sio stdio, args []string) int {
	if len(args) == 0 {
		printUsage(sio.err)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "--version", "-version", "-V":
		// The spelling most tools answer to, besides `attache version`.
		return dispatch(ctx, sio, append([]string{"version"}, args[1:]...))
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return dispatch(ctx, sio, []string{c.name, "--help"})
			}
		}
		printUsage(sio.out)
		return exitOK
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(sio.err, "attache: unknown command %q\n\n", name)
		printUsage(sio.err)
		return exitUsage
	}
	return exitCode(sio.err, name, c.run(ctx, sio, args[1:]))
}

// exitCode prints err (unless already reported) and maps it to an exit code.
func exitCode(stderr io.Writer, name string, err error) int {
	var usage usageError
	var reported reportedError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &usage):
		if usage.msg != "" {
			fmt.Fprintf(stderr, "attache %s: %s\n", name, usage.msg)
		}
		fmt.Fprintf(stderr, "Run 'attache %s --help' for usage.\n", name)
		return exitUsage
	case errors.As(err, &reported):
		return exitFailure
	}
	fmt.Fprintf(stderr, "attache %s: %v\n", name, err)
	return exitFailure
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: attache COMMAND [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	slices.Sort(names)
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		fmt.Fprintf(w, "  %-*s  %s\n", width, n, commands[n].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'attache COMMAND --help' for a command's flags.")
}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{msg: fmt.Sprintf(format, args...)}
}

// reportedError is a failure the command has already explained on stderr:
// exit status 1 with nothing more printed.
type reportedError struct{ summary string }

func (e reportedError) Error() string { return e.summary }

// joinArgs rebuilds a multi-word argument such as a person's name.
func joinArgs(args []string) string { return strings.Join(args, " ") }
