package ingest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Local files are read by extension: .txt and .text (headline on the first
// line), .md and .markdown, .html, .htm and .xhtml (readability), and
// .xml, .rss and .atom (feeds). A file of any other extension, or of none,
// is read if its content is a feed or an HTML page. A directory is read
// recursively in lexical order; hidden entries (".name") are skipped and
// files of other extensions ignored, so a README or an image beside the
// articles does no harm.

// readLocal reads a local file or directory.
func (f *Fetcher) readLocal(ctx context.Context, path string) (Result, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Result{}, err
	}
	fetched := f.opts.Now()
	if !info.IsDir() && !info.Mode().IsRegular() {
		// A FIFO or device would block or never end.
		return Result{}, fmt.Errorf("%w: not a regular file or directory", ErrUnsupported)
	}
	if !info.IsDir() {
		articles, kind, err := f.readFile(path, path, filepath.Base(path), "", fetched)
		if err != nil {
			return Result{}, err
		}
		return Result{Articles: articles, Kind: kind}, nil
	}

	res := Result{Kind: KindDir}
	feedName := filepath.Base(filepath.Clean(path))
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == path {
				return err
			}
			res.Errors = append(res.Errors, fmt.Errorf("ingest: %s: %w", p, err))
			return nil
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !knownExtension(p) {
			return nil
		}
		rel, err := filepath.Rel(path, p)
		if err != nil {
			rel = d.Name()
		}
		articles, _, err := f.readFile(path, p, filepath.ToSlash(rel), feedName, fetched)
		if err != nil {
			res.Errors = append(res.Errors, fmt.Errorf("ingest: %s: %w", p, err))
			return nil
		}
		res.Articles = append(res.Articles, articles...)
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	return res, nil
}

var extensions = map[string]string{
	".txt": "text", ".text": "text",
	".md": "markdown", ".markdown": "markdown",
	".html": "html", ".htm": "html", ".xhtml": "html",
	".xml": "feed", ".rss": "feed", ".atom": "feed",
}

func knownExtension(path string) bool {
	_, ok := extensions[strings.ToLower(filepath.Ext(path))]
	return ok
}

// readFile reads one local file of source (the file itself or a directory
// holding it). rel is its path relative to source (its base name for a file
// source), used in the GUID; feedName fills Article.Feed unless the file
// names its outlet (og:site_name, front matter "outlet:"). It returns the
// articles and the Result kind.
func (f *Fetcher) readFile(source, path, rel, feedName string, fetched time.Time) ([]Article, string, error) {
	data, err := f.readFileLimited(path)
	if err != nil {
		return nil, "", err
	}
	format := extensions[strings.ToLower(filepath.Ext(path))]
	if format != "html" && isFeed(data, "") {
		format = "feed"
	}
	if format == "" && looksHTML(data, "") {
		format = "html"
	}

	// A local file's GUID is its path under the source root plus a hash of
	// its bytes. Not the absolute path: the same files mounted elsewhere in
	// a container must not count as new articles. The hash makes an edited
	// file a new article rather than silently replacing what was stored.
	a := Article{
		GUID:    "file:" + rel + "#" + shortHash(string(data)),
		Source:  source,
		Feed:    feedName,
		Fetched: fetched,
	}
	switch format {
	case "feed":
		feed, err := parseFeed(data, "")
		if err != nil {
			return nil, "", err
		}
		// Linked pages are not fetched: reading local files stays offline.
		return articlesOf(itemArticles(feed, source, "", fetched)), KindFeed, nil
	case "text":
		text := toUTF8(data, "", markupNone)
		outlet, published := markdownMeta(text)
		if outlet != "" {
			a.Feed = outlet
		}
		a.Published = published
		a.Title, a.Body = parseText(stripLeadingFrontMatter(text))
	case "markdown":
		text := toUTF8(data, "", markupNone)
		a.Title, a.Body = parseMarkdown(text)
		outlet, published := markdownMeta(text)
		if outlet != "" {
			a.Feed = outlet
		}
		a.Published = published
	case "html":
		p, err := parsePage(data, "", "")
		if err != nil {
			return nil, "", err
		}
		a.Title, a.Body, a.Published = p.Title, p.Body, p.Published
		if p.SiteName != "" {
			a.Feed = p.SiteName
		}
	default:
		return nil, "", fmt.Errorf("%w: %s is not a text, Markdown, HTML or feed file", ErrUnsupported, filepath.Base(path))
	}
	if a.Title == "" && a.Body == "" {
		return nil, "", fmt.Errorf("%w: no text", ErrParse)
	}
	return []Article{a}, KindFile, nil
}

// readFileLimited reads a file of at most MaxBytes.
func (f *Fetcher) readFileLimited(path string) ([]byte, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	size := int64(-1)
	if info, err := file.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
	}
	return readLimited(file, size, f.opts.MaxBytes)
}

// parseText splits a plain-text article into its headline, the first
// non-blank line, and its body. The body keeps its line structure (only
// line endings, trailing spaces and runs of blank lines are normalised), so
// that extraction offsets can be checked against the file by eye.
func parseText(text string) (title, body string) {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(text, "\n")
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i == len(lines) {
		return "", ""
	}
	title = oneLine(lines[i])
	var out []string
	blank := false
	for _, line := range lines[i+1:] {
		line = strings.TrimRight(line, " \t\f\v")
		if strings.TrimSpace(line) == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, line)
	}
	return title, strings.TrimSpace(strings.Join(out, "\n"))
}
