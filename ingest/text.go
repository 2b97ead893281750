package ingest

import (
	"strings"

	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Article bodies share one shape whatever they came from: paragraphs of
// single-spaced text separated by blank lines. The extractor relies on it to
// find paragraph boundaries, and it makes stored text comparable across
// sources.

// nodeText renders a parsed HTML node as paragraphs. Block elements and
// <br> start a new paragraph; inline markup is dropped.
func nodeText(n *html.Node) string {
	return lineParagraphs(render.InnerText(n))
}

// htmlText renders an HTML fragment, such as a feed item's content or
// title, as paragraphs. Text without markup is read as plain text, so that
// feeds that put text (not HTML) in their content keep their paragraphs.
func htmlText(fragment string) string {
	if !strings.Contains(fragment, "<") {
		return blockParagraphs(html.UnescapeString(fragment))
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), body)
	if err != nil { // only reader errors are possible; a strings.Reader has none
		return blockParagraphs(fragment)
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	return nodeText(body)
}

// lineParagraphs makes every non-blank line a paragraph.
func lineParagraphs(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n\n")
}

// blockParagraphs keeps blank-line-separated blocks as paragraphs and joins
// the lines inside a block, which in plain text are only wrapping.
func blockParagraphs(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var out []string
	for _, block := range splitBlocks(s) {
		if block = strings.Join(strings.Fields(block), " "); block != "" {
			out = append(out, block)
		}
	}
	return strings.Join(out, "\n\n")
}

// splitBlocks splits text at blank lines (lines holding only whitespace).
func splitBlocks(s string) []string {
	var blocks []string
	var cur []string
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, strings.Join(cur, "\n"))
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		blocks = append(blocks, strings.Join(cur, "\n"))
	}
	return blocks
}

// dropLeadingTitle removes the body's first paragraph when it repeats the
// headline, as pages and feed contents that start with their own <h1> do;
// Article.Text would otherwise show the headline twice.
func dropLeadingTitle(title, body string) string {
	first, rest, _ := strings.Cut(body, "\n\n")
	if title != "" && strings.EqualFold(strings.TrimSpace(first), strings.TrimSpace(title)) {
		return rest
	}
	return body
}
