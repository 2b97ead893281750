package ingest

import (
	"regexp"
	"strings"
	"time"
)

// Markdown is read for its words, not rendered: markup is stripped, each
// paragraph, heading and list item becomes one paragraph of the body, and
// fenced code is kept verbatim. It is a line-oriented subset of CommonMark
// that covers what articles written in Markdown use.

var (
	mdATXHeading  = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdSetextLine  = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	mdRule        = regexp.MustCompile(`^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	mdFence       = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	mdRefDef      = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:[ \t]*\S`)
	mdQuoteMarker = regexp.MustCompile(`^(?: {0,3}>[ \t]?)+`)
	mdListMarker  = regexp.MustCompile(`^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+`)
	mdTableDelim  = regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$`)

	mdEscape        = regexp.MustCompile("\\\\([!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~])")
	mdImage         = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink          = regexp.MustCompile(`\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])`)
	mdAutolink      = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	mdTag           = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
	mdCode          = regexp.MustCompile("`+([^`]+)`+")
	mdBoldStar      = regexp.MustCompile(`\*\*([^*\n]+?)\*\*`)
	mdBoldUnder     = regexp.MustCompile(`(^|[^\p{L}\p{N}_])__([^_\n]+?)__($|[^\p{L}\p{N}_])`)
	mdItalicStar    = regexp.MustCompile(`\*([^*\s](?:[^*\n]*[^*\s])?)\*`)
	mdItalicUnder   = regexp.MustCompile(`(^|[^\p{L}\p{N}_])_([^_\s](?:[^_\n]*[^_\s])?)_($|[^\p{L}\p{N}_])`)
	mdStrikethrough = regexp.MustCompile(`~~([^~\n]+)~~`)
)

// escaped holds backslash-escaped punctuation while the inline rules run,
// so that `\*` is never taken for emphasis. The private-use range stands in
// for ASCII punctuation and is mapped back afterwards.
const escapeBase = '\uE000'

// parseMarkdown returns the headline and body of a Markdown article. The
// headline is the first level-1 heading, else a front-matter title, else
// the first line of text.
func parseMarkdown(text string) (title, body string) {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(text, "\n")
	lines, fmTitle := stripFrontMatter(lines)

	type block struct {
		text    string
		heading int      // 0 for text, else heading level
		raw     []string // a paragraph's source lines
	}
	var (
		blocks  []block
		cur     []string
		fence   string // the opening fence while inside fenced code
		code    []string
		heading = -1 // index in blocks of the first level-1 heading
	)
	flush := func() {
		if len(cur) > 0 {
			if t := mdInline(strings.Join(cur, " ")); t != "" {
				blocks = append(blocks, block{text: t, raw: cur})
			}
			cur = nil
		}
	}
	addHeading := func(level int, raw string) {
		t := mdInline(raw)
		if t == "" {
			return
		}
		if level == 1 && heading < 0 {
			heading = len(blocks)
		}
		blocks = append(blocks, block{text: t, heading: level})
	}

	for _, line := range lines {
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(line), fence) {
				if t := lineParagraphs(strings.Join(code, "\n")); t != "" {
					blocks = append(blocks, block{text: t})
				}
				fence, code = "", nil
				continue
			}
			code = append(code, line)
			continue
		}
		// Block quotes are read as the text they quote.
		line = mdQuoteMarker.ReplaceAllString(line, "")
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case mdFence.MatchString(line):
			flush()
			fence = mdFence.FindStringSubmatch(line)[1]
		case mdATXHeading.MatchString(line):
			flush()
			m := mdATXHeading.FindStringSubmatch(line)
			addHeading(len(m[1]), m[2])
		case mdSetextLine.MatchString(line) && len(cur) > 0:
			raw := strings.Join(cur, " ")
			cur = nil
			level := 2
			if strings.Contains(line, "=") {
				level = 1
			}
			addHeading(level, raw)
		case mdRule.MatchString(line), mdRefDef.MatchString(line), mdTableDelim.MatchString(line):
			flush()
		case mdListMarker.MatchString(line):
			flush()
			cur = append(cur, mdListMarker.ReplaceAllString(line, ""))
		default:
			if t := strings.TrimSpace(line); strings.HasPrefix(t, "|") {
				// A table row is a paragraph of its cells.
				flush()
				cur = append(cur, strings.ReplaceAll(strings.Trim(t, "|"), "|", " "))
				flush()
				continue
			}
			cur = append(cur, line)
		}
	}
	if fence != "" { // unclosed fence: keep what it held
		if t := lineParagraphs(strings.Join(code, "\n")); t != "" {
			blocks = append(blocks, block{text: t})
		}
	}
	flush()

	var parts []string
	for i, b := range blocks {
		switch {
		case i == heading:
			title = b.text
		case heading < 0 && fmTitle == "" && i == 0 && len(b.raw) > 1:
			// No heading: the first line is the headline, and the rest of
			// its paragraph stays in the body.
			title = mdInline(b.raw[0])
			if rest := mdInline(strings.Join(b.raw[1:], " ")); rest != "" {
				parts = append(parts, rest)
			}
		case heading < 0 && fmTitle == "" && i == 0:
			title = b.text
		default:
			parts = append(parts, b.text)
		}
	}
	if title == "" {
		title = fmTitle
	}
	return oneLine(title), strings.Join(parts, "\n\n")
}

// stripFrontMatter removes a leading YAML front-matter block and returns
// its title field, if any.
func stripFrontMatter(lines []string) ([]string, string) {
	rest, fields := frontMatter(lines)
	return rest, fields["title"]
}

// frontMatter splits a leading YAML front-matter block ("---" lines) from
// the text and returns its top-level "key: value" fields, keys lower-cased
// and values unquoted. Only scalar fields are read: articles put their
// title, date and outlet there, and a full YAML parse of a block that is
// often hand-written would refuse the whole article for one stray colon.
func frontMatter(lines []string) ([]string, map[string]string) {
	fields := map[string]string{}
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return lines, fields
	}
	for i := 1; i < len(lines); i++ {
		if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
			for _, l := range lines[1:i] {
				if l == "" || l[0] == ' ' || l[0] == '\t' || l[0] == '#' {
					continue // nested, blank or comment
				}
				k, v, ok := strings.Cut(l, ":")
				if !ok {
					continue
				}
				fields[strings.ToLower(strings.TrimSpace(k))] = strings.Trim(strings.TrimSpace(v), `"'`)
			}
			return lines[i+1:], fields
		}
	}
	return lines, fields // no closing marker: not front matter
}

// stripLeadingFrontMatter removes a front-matter block from a text
// article, which may carry one like a Markdown article does.
func stripLeadingFrontMatter(text string) string {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	rest, fields := frontMatter(lines)
	if len(fields) == 0 {
		return text
	}
	return strings.Join(rest, "\n")
}

// markdownMeta reads the outlet and publication date a Markdown article's
// front matter states: "outlet:" (else "publisher:", "source:", "site:")
// and "date:" (else "published:").
func markdownMeta(text string) (outlet string, published time.Time) {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	_, f := frontMatter(lines)
	outlet = oneLine(firstOf(f["outlet"], f["publisher"], f["source"], f["site"]))
	for _, k := range []string{"date", "published", "pubdate"} {
		if t, ok := parseDate(f[k]); ok {
			return outlet, t
		}
	}
	return outlet, time.Time{}
}

// mdInline strips inline Markdown markup from one paragraph.
func mdInline(s string) string {
	s = strings.Map(func(r rune) rune { // free the placeholder range
		if r >= escapeBase && r < escapeBase+0x80 {
			return '\uFFFD'
		}
		return r
	}, s)
	s = mdEscape.ReplaceAllStringFunc(s, func(m string) string {
		return string(escapeBase + rune(m[1]))
	})
	s = mdCode.ReplaceAllString(s, "$1")
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdAutolink.ReplaceAllString(s, "$1")
	s = mdTag.ReplaceAllString(s, "")
	s = mdBoldStar.ReplaceAllString(s, "$1")
	s = mdBoldUnder.ReplaceAllString(s, "$1$2$3")
	s = mdItalicStar.ReplaceAllString(s, "$1")
	s = mdItalicUnder.ReplaceAllString(s, "$1$2$3")
	s = mdStrikethrough.ReplaceAllString(s, "$1")
	s = strings.Map(func(r rune) rune {
		if r >= escapeBase && r < escapeBase+0x80 {
			return r - escapeBase
		}
		return r
	}, s)
	return oneLine(s)
}
