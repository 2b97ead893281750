package telemetry

import (
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/mattn/go-isatty"
)

// ParseLevel maps a configured log level (debug, info, warn, error; "" is
// info) to a slog.Level. It accepts exactly what config.Validate accepts.
func ParseLevel(level string) (slog.Level, error) {
	switch level {
	case "debug":
		return slog.LevelDebug, nil
	case "", "info":
		return slog.LevelInfo, nil
	case "warn":
		return slog.LevelWarn, nil
	case "error":
		return slog.LevelError, nil
	}
	return slog.LevelInfo, fmt.Errorf("telemetry: unknown log level %q (want debug, info, warn or error)", level)
}

// ParseFormat checks a configured log format: json, text, or auto ("" is
// auto), which picks text on a terminal and JSON otherwise. It accepts
// exactly what config.Validate accepts.
func ParseFormat(format string) (string, error) {
	switch format {
	case "json", "text":
		return format, nil
	case "", "auto":
		return "auto", nil
	}
	return "auto", fmt.Errorf("telemetry: unknown log format %q (want json, text or auto)", format)
}

// NewLogger returns a logger writing to w at the given level and format, with
// secrets redacted from every attribute. An unknown level or format falls
// back to info or auto, and the logger's first line says so: a typo in the
// configuration must not silence logging. Configuration validation should use
// ParseLevel and ParseFormat to reject such values up front.
func NewLogger(w io.Writer, level, format string) *slog.Logger {
	lvl, levelErr := ParseLevel(level)
	f, formatErr := ParseFormat(format)
	if f == "auto" {
		f = "json"
		if isTerminal(w) {
			f = "text"
		}
	}
	opts := &slog.HandlerOptions{Level: lvl, ReplaceAttr: RedactAttr}
	var h slog.Handler
	if f == "text" {
		h = slog.NewTextHandler(w, opts)
	} else {
		h = slog.NewJSONHandler(w, opts)
	}
	logger := slog.New(h)
	for _, err := range []error{levelErr, formatErr} {
		if err != nil {
			logger.Warn("invalid logging configuration, using the default", "err", err)
		}
	}
	return logger
}

// isTerminal reports whether w is a file attached to a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fd := f.Fd()
	return isatty.IsTerminal(fd) || isatty.IsCygwinTerminal(fd)
}
