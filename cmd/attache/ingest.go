package main

import (
	"context"
	"fmt"

	"github.com/attache-bot/attache/extract"
)

func init() {
	register(command{name: "ingest", summary: "read sources, extract and store the articles", run: runIngest})
}

func runIngest(ctx context.Context, sio stdio, args []string) error {
	fs := newFlags(sio, "ingest [--source PATH_OR_URL ...] [--db PATH] [--config FILE]",
		`Reads each source (--source, repeatable; else the configuration's sources),
extracts people and quotes, and stores the articles. Articles already stored
(same URL, GUID or text) count as duplicates. Prints the counts and each
source's error; exits 1 when every source failed.`)
	var sources stringList
	fs.Var(&sources, "source", "feed URL, page URL, file or directory to read (repeatable)")
	db := fs.String("db", "", "SQLite database file (default: the configured database, attache.db)")
	configPath := fs.String("config", "", "configuration file (default: $ATTACHE_CONFIG, else none)")
	rest, err := parseArgs(fs, sio, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q (sources go after --source)", rest[0])
	}
	cfg, err := loadConfig(*configPath, sio.err)
	if err != nil {
		return err
	}
	if len(sources) == 0 {
		sources = configSources(cfg)
	}
	if len(sources) == 0 {
		return usagef("no sources: give --source or configure sources")
	}
	ex, err := extract.New()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	st, err := openStore(ctx, cfg, *db)
	if err != nil {
		return err
	}
	defer st.Close()

	results := readSources(ctx, newFetcher(cfg), sources)
	failedSources := reportSourceErrors(sio.err, results)
	var total saveCounts
	read := 0
	for _, r := range results {
		c := extractAndSave(ctx, st, ex, r.articles, sio.err)
		total.new += c.new
		total.duplicate += c.duplicate
		total.failed += c.failed + len(r.fileErrs)
		read += len(r.articles)
	}
	// Sources and articles on lines of their own, each naming what it
	// counts: "1 failed" next to an article count read as failed articles.
	fmt.Fprintf(sio.out, "sources: %d read, %d failed\n", len(sources)-failedSources, failedSources)
	fmt.Fprintf(sio.out, "articles: %d read; new: %d, duplicate: %d, failed: %d\n", read, total.new, total.duplicate, total.failed)
	if failedSources == len(sources) {
		return reportedError{summary: "every source failed"}
	}
	return nil
}
