package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/examples"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
	"github.com/attache-bot/attache/store"
)

// The steps the one-shot commands share: configuration, reading sources,
// extraction and storage — the same path `attache run` takes, minus the
// scheduling.

// loadConfig loads the file at path (or $ATTACHE_CONFIG, or none) and
// validates it, printing each problem with its field path.
// An unknown ATTACHE_* environment variable is only warned about here
// (`config check` makes it an error): a service should not refuse to start
// over a variable meant for another tool.
func loadConfig(path string, stderr io.Writer) (*config.Config, error) {
	cfg, err := config.Check(path)
	if err != nil {
		reportConfigErrors(stderr, err)
		return nil, reportedError{summary: "invalid configuration"}
	}
	for _, name := range config.UnknownEnv(os.Environ()) {
		fmt.Fprintf(stderr, "config: warning: %s is not a configuration variable; it is ignored\n", name)
	}
	return cfg, nil
}

func reportConfigErrors(stderr io.Writer, err error) {
	var errs config.Errors
	if !errors.As(err, &errs) {
		fmt.Fprintf(stderr, "config: %v\n", err)
		return
	}
	fmt.Fprintf(stderr, "config: %d %s:\n", len(errs), plural(len(errs), "problem", "problems"))
	for _, e := range errs {
		fmt.Fprintf(stderr, "  %s\n", e)
	}
}

func newFetcher(cfg *config.Config) *ingest.Fetcher {
	return ingest.NewFetcher(ingest.Options{
		Timeout:      cfg.Fetch.Timeout,
		MaxBytes:     cfg.Fetch.MaxBytes,
		MaxRedirects: cfg.Fetch.MaxRedirects,
		UserAgent:    cfg.Fetch.UserAgent,
	})
}

// configSources lists the url or path of every configured source.
func configSources(cfg *config.Config) []string {
	var sources []string
	for _, s := range cfg.Sources {
		sources = append(sources, s.URL+s.Path)
	}
	return sources
}

// sourceResult is what reading one source gave.
type sourceResult struct {
	source   string
	articles []ingest.Article
	err      error   // the whole source failed
	fileErrs []error // files of a directory that failed
}

// readSources reads each source in turn; a failing one does not stop the rest.
func readSources(ctx context.Context, f *ingest.Fetcher, sources []string) []sourceResult {
	results := make([]sourceResult, len(sources))
	for i, src := range sources {
		res, err := f.Read(ctx, src, ingest.Validators{})
		results[i] = sourceResult{source: src, articles: res.Articles, err: err, fileErrs: res.Errors}
	}
	return results
}

// reportSourceErrors prints each source's and file's error and returns how
// many sources failed as a whole.
func reportSourceErrors(stderr io.Writer, results []sourceResult) int {
	failed := 0
	for _, r := range results {
		if r.err != nil {
			failed++
			fmt.Fprintf(stderr, "error: %v\n", r.err)
		}
		for _, err := range r.fileErrs {
			fmt.Fprintf(stderr, "error: %v\n", err)
		}
	}
	return failed
}

// saveCounts tallies what storing articles did.
type saveCounts struct{ new, duplicate, failed int }

// extractAndSave analyses each article and stores it with its analysis; the
// store drops duplicates (same URL, GUID or text).
func extractAndSave(ctx context.Context, st store.Store, ex *extract.Extractor, articles []ingest.Article, stderr io.Writer) saveCounts {
	var c saveCounts
	for _, a := range articles {
		_, created, err := st.SaveArticle(ctx, a, ex.Analyze(a.Text()))
		switch {
		case err != nil:
			c.failed++
			fmt.Fprintf(stderr, "store %q: %v\n", a.Title, err)
		case created:
			c.new++
		default:
			c.duplicate++
		}
	}
	return c
}

// openStore opens the configured database, or the SQLite file db when set.
func openStore(ctx context.Context, cfg *config.Config, db string) (store.Store, error) {
	driver, dsn := cfg.Database.Driver, cfg.Database.DSN
	if db != "" {
		driver, dsn = "sqlite", db
	}
	st, err := store.Open(ctx, driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", config.RedactDSN(dsn), err)
	}
	return st, nil
}

// openExistingStore opens the database like openStore, for commands that
// only read it: a SQLite file that does not exist is an error (most often
// a mistyped path) rather than a new, empty database that answers nothing.
func openExistingStore(ctx context.Context, cfg *config.Config, db string) (store.Store, error) {
	driver, dsn := cfg.Database.Driver, cfg.Database.DSN
	if db != "" {
		driver, dsn = "sqlite", db
	}
	if path, ok := sqliteFile(driver, dsn); ok {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("database %s does not exist; create it with `attache ingest --db %s --source ...`", path, path)
		}
	}
	return openStore(ctx, cfg, db)
}

// sqliteFile is the file a SQLite DSN names ("attache.db",
// "file:attache.db?_pragma=..."); false for in-memory databases and other
// drivers.
func sqliteFile(driver, dsn string) (string, bool) {
	if driver != "" && driver != "sqlite" {
		return "", false
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return "", false
	}
	path := strings.TrimPrefix(dsn, "file:")
	path, _, _ = strings.Cut(path, "?")
	if path == "" || path == ":memory:" || strings.Contains(dsn, "mode=memory") {
		return "", false
	}
	return path, true
}

// withExamples writes the embedded sample articles to a temporary
// directory named "examples", calls fn with its path and removes it; the
// samples are then read like any local source.
func withExamples(fn func(dir string) error) error {
	tmp, err := os.MkdirTemp("", "attache-")
	if err != nil {
		return fmt.Errorf("unpack sample articles: %w", err)
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "examples")
	if err := os.CopyFS(dir, examples.Articles()); err != nil {
		return fmt.Errorf("unpack sample articles: %w", err)
	}
	return fn(dir)
}

// sampleNames lists the embedded sample articles (for help texts and tests).
func sampleNames() []string {
	names, _ := fs.Glob(examples.Articles(), "*")
	return names
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
