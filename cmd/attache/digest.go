package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/attache-bot/attache/adapters/console"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/digest"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/store"
)

func init() {
	register(command{name: "digest", summary: "print a digest of sources (default: the bundled sample articles)", run: runDigest})
}

func runDigest(ctx context.Context, sio stdio, args []string) error {
	fs := newFlags(sio, "digest [--source PATH_OR_URL ...] [--since 24h] [--format markdown|text|json] [--max-stories N] [--config FILE] [--db PATH]",
		`Reads the sources (--source, repeatable; else the configuration's sources;
else the sample articles bundled in the binary), extracts actors and quotes,
and prints one digest: same-story articles grouped, ranked, with key actors
and quotes. Nothing is stored unless --db is given, in which case the digest
is built from that database's stored articles instead of reading sources.`)
	var (
		sources                     stringList
		keywords, actors, countries stringList
	)
	fs.Var(&sources, "source", "feed URL, page URL, file or directory to read (repeatable)")
	sinceFlag := lookback(24 * time.Hour)
	fs.Var(&sinceFlag, "since", "only articles published (or, when undated, fetched) this long ago or less: 6h, 3d, 1w as in chat; 0 for all")
	format := fs.String("format", "", "output format: markdown, text or json (default: text on a terminal, else markdown)")
	maxStories := fs.Int("max-stories", 0, "at most this many stories (0: all)")
	title := fs.String("title", "", "digest title (default: \"attache digest — DATE\")")
	configPath := fs.String("config", "", "configuration file (default: $ATTACHE_CONFIG, else none)")
	db := fs.String("db", "", "build the digest from this SQLite database instead of reading sources")
	fs.Var(&keywords, "keyword", "keep stories mentioning this word or phrase (repeatable)")
	fs.Var(&actors, "actor", "keep stories naming this person (repeatable)")
	fs.Var(&countries, "country", "keep stories about this country (repeatable)")
	rest, err := parseArgs(fs, sio, args)
	if err != nil {
		return err
	}
	since := (*time.Duration)(&sinceFlag)
	*format = outputFormat(*format, isTerminal(sio.out))
	switch {
	case len(rest) > 0:
		return usagef("unexpected argument %q (sources go after --source)", rest[0])
	case !console.ValidFormat(*format):
		return usagef("unknown format %q (want markdown, text or json)", *format)
	case *maxStories < 0:
		return usagef("--max-stories must not be negative")
	case *since < 0:
		return usagef("--since must not be negative")
	case *db != "" && len(sources) > 0:
		return usagef("--db and --source exclude each other: read sources with `attache ingest`")
	}
	cfg, err := loadConfig(*configPath, sio.err)
	if err != nil {
		return err
	}

	now := time.Now()
	opts := digest.Options{Title: *title, MaxStories: *maxStories, Now: now,
		Filter: digest.Filter{Keywords: keywords, Actors: actors, Countries: countries}}
	if *since > 0 {
		opts.Since = now.Add(-*since)
	}
	var articles []store.StoredArticle
	if *db != "" {
		articles, err = storedArticles(ctx, cfg, *db, opts.Since)
	} else {
		articles, err = readIntoMemory(ctx, sio, cfg, sources)
	}
	if err != nil {
		return err
	}
	return console.Render(sio.out, digest.Build(articles, opts), *format)
}

// storedArticles loads the articles a database holds from since on.
func storedArticles(ctx context.Context, cfg *config.Config, db string, since time.Time) ([]store.StoredArticle, error) {
	st, err := openExistingStore(ctx, cfg, db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if since.IsZero() {
		return st.ArticlesAfter(ctx, 0, 0, 0)
	}
	return st.ArticlesSince(ctx, since, 0)
}

// readIntoMemory reads sources (else the configured ones, else the bundled
// samples) through extraction into an in-memory store, so that duplicates
// are dropped exactly as in a real database, and returns what it holds.
func readIntoMemory(ctx context.Context, sio stdio, cfg *config.Config, sources []string) ([]store.StoredArticle, error) {
	if len(sources) == 0 {
		sources = configSources(cfg)
	}
	ex, err := extract.New()
	if err != nil {
		return nil, fmt.Errorf("load extractor: %w", err)
	}
	st, err := store.Open(ctx, "sqlite", ":memory:")
	if err != nil {
		return nil, fmt.Errorf("open in-memory store: %w", err)
	}
	defer st.Close()
	read := func(sources []string) error {
		results := readSources(ctx, newFetcher(cfg), sources)
		if failed := reportSourceErrors(sio.err, results); failed == len(results) {
			return reportedError{summary: "every source failed"}
		}
		for _, r := range results {
			extractAndSave(ctx, st, ex, r.articles, sio.err)
		}
		return nil
	}
	if len(sources) > 0 {
		err = read(sources)
	} else {
		err = withExamples(func(dir string) error { return read([]string{dir}) })
	}
	if err != nil {
		return nil, err
	}
	return st.ArticlesAfter(ctx, 0, 0, 0)
}

// outputFormat is the format a digest is printed in: the one asked for,
// else plain text for a person at a terminal (Markdown escapes would only
// clutter it), else Markdown for files and pipes.
func outputFormat(asked string, terminal bool) string {
	switch {
	case asked != "":
		return asked
	case terminal:
		return console.Text
	}
	return console.Markdown
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
