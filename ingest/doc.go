// Package ingest turns sources — RSS/Atom/JSON feeds, article pages and
// local files or directories — into plain-text articles. It owns fetching
// (timeouts, size and redirect limits, private-address refusal, charset
// handling, conditional GET), feed parsing, main-text extraction from HTML
// (readability), and the Article type that flows on to extraction and
// storage. It knows nothing of extraction or storage.
//
// # Sources
//
// A source string decides its kind: an http(s) URL is fetched and read as a
// feed when its content (or Content-Type) is RSS, Atom or JSON Feed, as an
// article page when it is HTML, and as a text article when it is text/plain.
// Anything else is a local path:
//
//   - .txt, .text: the first non-blank line is the headline, the rest the body.
//   - .md, .markdown: the headline is the first "# " heading (or a setext
//     "===" one), else a front-matter title, else the first line; markup is
//     stripped and each paragraph, heading or list item is a paragraph.
//   - .html, .htm, .xhtml: main text by readability, headline from the page.
//   - .xml, .rss, .atom, or any file whose content is a feed: a feed.
//   - A directory: every such file in it, recursively, in lexical order.
//     Hidden entries are skipped and other extensions ignored; a file that
//     fails is reported in Result.Errors and does not stop the others.
//
// # Feeds
//
// An item with full content (content:encoded, Atom content) uses it,
// rendered from HTML to text. An item with only a summary gets the main text
// of its linked page (at most Options.MaxPageFetches pages per read, a few
// at a time), and keeps the summary if the page fails or reads shorter.
// Feeds read from local files never fetch pages: local reading is offline.
// An item's GUID is its feed GUID, else its link, else a hash of its text.
//
// # Identity of local files
//
// A local article's GUID is "file:" + its slash-separated path relative to
// the source root (the base name for a file source) + "#" + the first 16
// hex digits of the SHA-256 of its bytes. A relative path keeps the GUID
// stable when the same directory is mounted elsewhere (containers); the
// hash makes an edited file a new article instead of a silent overwrite.
// Local articles have no URL, and no Published time unless the file
// declares one (HTML metadata, or a front-matter "date:" in Markdown and
// text files).
//
// # Headline, outlet and date
//
// An HTML page's metadata is read before readability rewrites it
// (meta.go). The headline is the first of og:title, JSON-LD headline, the
// <h1>, twitter/parse.ly/Sailthru titles and <title> that is more than the
// site's name, with trailing segments naming the site, a section or an
// author stripped ("… | World news | The Ledger"). The outlet
// (Article.Feed) is the feed's title, else og:site_name, JSON-LD publisher
// or application-name, else a Markdown or text file's front-matter
// "outlet:", else the host (pages) or the directory's name (local files).
// The date is the first that parses of article:published_time, JSON-LD
// datePublished, itemprop datePublished, Dublin Core dates, parse.ly,
// Sailthru, other date meta and <time datetime> (pubdate ones first).
// Dates before 1990 are placeholders and count as unknown.
//
// # Boilerplate
//
// Captions, newsletter sign-ups, "Continue reading the main story",
// advertisement labels and related-headline lists are removed before the
// body is returned, by the rules of one table (boilerplate.go): element
// rules on pages before readability, paragraph rules on every body.
//
// # Text
//
// Everything is transcoded to UTF-8 and NFC-normalised. The encoding comes
// from a byte-order mark, else the Content-Type charset, else the document's
// own declaration (XML prolog, HTML <meta>), else a guess: valid UTF-8 is
// UTF-8; otherwise windows-1252 when invalid sequences outnumber valid
// multi-byte ones (legacy Latin-1 text), else UTF-8 with U+FFFD replacing
// the bad bytes. Bodies are paragraphs separated by blank lines; .txt files
// keep their own line structure.
//
// # Fetching
//
// A Fetcher (NewFetcher) bounds every exchange by Options.Timeout, bodies by
// MaxBytes (ErrTooLarge), redirects by MaxRedirects (ErrTooManyRedirects),
// and with RefusePrivate refuses non-public destinations at dial time
// (ErrPrivateAddress) and local paths (ErrUnsupported): the mode for URLs
// that chat users submit. An exchange is one request; a feed read also
// fetches linked pages, so callers bound the whole read with ctx. Read takes the previous ETag and Last-Modified as
// Validators and reports NotModified on 304 with the validators to keep.
// Errors name the source and wrap the sentinels; Reason(err) gives a short
// label for metrics ("timeout", "too_large", "http_status", "parse", ...).
//
// Callers filter by time with Article.When; ReadAll reads many sources for
// one-shot commands.
package ingest
