package ingest

import (
	"encoding/json"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page states its headline, outlet and date in several places at once:
// Open Graph and article meta, JSON-LD, Dublin Core, the parse.ly and
// Sailthru tags publishers add for their analytics, <time datetime> and the
// article's own <h1>. Readability reads some of them; pageMeta reads all of
// them from the untouched document (readability rewrites it), so that a
// page that states a date never comes out undated and a headline never
// carries the site's name.

// pageMeta is what a page's markup says about its article.
type pageMeta struct {
	Title     string    // best headline, site suffixes stripped ("" when none)
	SiteName  string    // outlet name ("" when the page names none)
	Published time.Time // zero when the page states no date
	H1        []string  // the page's <h1> texts, which bodies may start with
}

// metaTags are a document's <meta> values by lower-cased property, name or
// itemprop (the first value of each wins), its JSON-LD objects, its <h1>
// texts, its <title> and its <time datetime> values.
type metaTags struct {
	values map[string]string
	jsonLD []map[string]any
	h1     []string
	title  string
	times  []string // datetime attributes, published ones (pubdate, itemprop) first
}

// dateSources lists where a page states its publication date, most
// reliable first: the first that parses wins.
var dateSources = []struct {
	name string
	get  func(m *metaTags) string
}{
	{"article:published_time", metaValue("article:published_time")},
	{"JSON-LD datePublished", func(m *metaTags) string { return m.jsonLDString("datePublished") }},
	{"itemprop datePublished", metaValue("datepublished")},
	{"Dublin Core date", metaValue("dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created", "dc.date.created")},
	{"parse.ly", parselyDate},
	{"Sailthru", metaValue("sailthru.date")},
	{"other meta", metaValue("pubdate", "publishdate", "publish-date", "date", "og:published_time", "article.published", "originalpublicationdate")},
	{"<time datetime>", func(m *metaTags) string {
		if len(m.times) > 0 {
			return m.times[0]
		}
		return ""
	}},
}

func metaValue(keys ...string) func(m *metaTags) string {
	return func(m *metaTags) string {
		for _, k := range keys {
			if v := m.values[k]; v != "" {
				return v
			}
		}
		return ""
	}
}

// parselyDate reads parsely-pub-date, or the pub_date of the older
// parsely-page JSON blob.
func parselyDate(m *metaTags) string {
	if v := m.values["parsely-pub-date"]; v != "" {
		return v
	}
	var page struct {
		PubDate string `json:"pub_date"`
	}
	if blob := m.values["parsely-page"]; blob != "" && json.Unmarshal([]byte(blob), &page) == nil {
		return page.PubDate
	}
	return ""
}

// readPageMeta reads the metadata of a parsed document; host is the page's
// host name ("" for local files), another name of its site. It does not
// modify the document.
func readPageMeta(doc *html.Node, host string) pageMeta {
	m := collectMeta(doc)
	pm := pageMeta{H1: m.h1}
	for _, src := range dateSources {
		if t, ok := parseDate(src.get(m)); ok {
			pm.Published = t
			break
		}
	}
	pm.SiteName = oneLine(firstOf(
		m.values["og:site_name"],
		m.jsonLDPublisher(),
		m.values["application-name"],
		m.values["twitter:site"] /* "@handle" is a last resort */))
	pm.SiteName = strings.TrimPrefix(pm.SiteName, "@")
	sites := []string{pm.SiteName, m.values["og:site_name"], m.jsonLDPublisher(), m.values["application-name"], host}
	authors := m.jsonLDAuthors()
	if a := m.values["author"]; a != "" {
		authors = append(authors, a)
	}
	for _, cand := range []string{
		m.values["og:title"],
		m.jsonLDString("headline"),
		m.firstH1(),
		m.values["twitter:title"],
		m.values["parsely-title"],
		m.values["sailthru.title"],
		m.title,
	} {
		if t := cleanHeadline(cand, sites, authors); t != "" {
			pm.Title = t
			break
		}
	}
	return pm
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// collectMeta walks the document once.
func collectMeta(doc *html.Node) *metaTags {
	m := &metaTags{values: map[string]string{}}
	var published, other []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				content := strings.TrimSpace(html.UnescapeString(attr(n, "content")))
				for _, key := range []string{attr(n, "property"), attr(n, "name"), attr(n, "itemprop")} {
					key = strings.ToLower(strings.TrimSpace(key))
					if key != "" && content != "" && m.values[key] == "" {
						m.values[key] = content
					}
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					m.jsonLD = append(m.jsonLD, jsonLDObjects(n.FirstChild.Data)...)
				}
				return
			case atom.Title:
				if m.title == "" && n.FirstChild != nil {
					m.title = oneLine(n.FirstChild.Data)
				}
				return
			case atom.H1:
				if t := oneLine(textOf(n)); t != "" {
					m.h1 = append(m.h1, t)
				}
				return
			case atom.Time:
				if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
					_, pubdate := attrOK(n, "pubdate")
					if pubdate || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
						published = append(published, dt)
					} else {
						other = append(other, dt)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	m.times = append(published, other...)
	return m
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// textOf is the text content of a node, scripts excepted.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// jsonLDObjects flattens a JSON-LD script into its objects: a top-level
// array, an @graph and nested objects all count. Broken JSON gives none.
func jsonLDObjects(script string) []map[string]any {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(script)), &v) != nil {
		return nil
	}
	var out []map[string]any
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				walk(e, depth+1)
			}
		case map[string]any:
			out = append(out, t)
			if g, ok := t["@graph"]; ok {
				walk(g, depth+1)
			}
		}
	}
	walk(v, 0)
	return out
}

// jsonLDArticleFirst orders JSON-LD objects so that articles come before
// the web pages, breadcrumbs and organisations that share a script.
func (m *metaTags) jsonLDArticleFirst() []map[string]any {
	var arts, rest []map[string]any
	for _, o := range m.jsonLD {
		if isArticleType(o["@type"]) {
			arts = append(arts, o)
		} else {
			rest = append(rest, o)
		}
	}
	return append(arts, rest...)
}

func isArticleType(t any) bool {
	switch v := t.(type) {
	case string:
		return strings.Contains(strings.ToLower(v), "article") || strings.EqualFold(v, "BlogPosting") || strings.EqualFold(v, "Report")
	case []any:
		for _, e := range v {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// jsonLDString is the first string value of key, articles first.
func (m *metaTags) jsonLDString(key string) string {
	for _, o := range m.jsonLDArticleFirst() {
		if s, ok := o[key].(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(html.UnescapeString(s))
		}
	}
	return ""
}

// jsonLDPublisher is the name of an article's publisher (an object, a
// list of them, or a plain string).
func (m *metaTags) jsonLDPublisher() string {
	for _, o := range m.jsonLDArticleFirst() {
		if n := ldName(o["publisher"]); n != "" {
			return n
		}
	}
	return ""
}

// jsonLDAuthors lists the names of the article's authors.
func (m *metaTags) jsonLDAuthors() []string {
	var names []string
	for _, o := range m.jsonLDArticleFirst() {
		switch a := o["author"].(type) {
		case []any:
			for _, e := range a {
				if n := ldName(e); n != "" {
					names = append(names, n)
				}
			}
		default:
			if n := ldName(a); n != "" {
				names = append(names, n)
			}
		}
	}
	return names
}

func ldName(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case map[string]any:
		if s, ok := t["name"].(string); ok {
			return strings.TrimSpace(html.UnescapeString(s))
		}
	case []any:
		for _, e := range t {
			if n := ldName(e); n != "" {
				return n
			}
		}
	}
	return ""
}

func (m *metaTags) firstH1() string {
	if len(m.h1) > 0 {
		return m.h1[0]
	}
	return ""
}

// dateLayouts are the forms pages write dates in, ISO 8601 first.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"January 2, 2006 15:04 MST",
	"January 2, 2006",
	"2 January 2006",
	"Jan 2, 2006",
	"2 Jan 2006",
}

// parseDate reads a date in one of dateLayouts; a time without a zone is
// taken as UTC. Dates before 1990 are not news dates (they are placeholders
// such as 0001-01-01 or 1970-01-01) and are refused.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1990 {
				return time.Time{}, false
			}
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// titleSeparators split a <title> into the headline and the site's name,
// section or author.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // "}

// cleanHeadline strips what is not the headline from a title candidate:
// trailing segments naming the site or an author ("… | The Diplomatic
// Wire", "… | Eleanor Ainge Roy"), and a section just before the site's
// name written with the same separator ("… | World news | Site"). A
// candidate that starts with the site's name ("Example News - Latest News
// & Headlines") or is nothing but it gives "", so that the next candidate
// is tried. sites holds the outlet's names (meta, host name).
func cleanHeadline(title string, sites, authors []string) string {
	title = oneLine(html.UnescapeString(title))
	if title == "" {
		return ""
	}
	isSite := func(seg string) bool {
		for _, s := range sites {
			if sameName(seg, s) || (normName(s) != "" && strings.HasPrefix(normName(seg), normName(s)) && len(normName(seg)) <= len(normName(s))+4) {
				return true
			}
		}
		return false
	}
	isAuthor := func(seg string) bool {
		for _, a := range authors {
			if sameName(seg, a) {
				return true
			}
		}
		return false
	}
	segs := splitTitle(title)
	if isSite(segs[0]) {
		return ""
	}
	for len(segs) > 1 {
		last := segs[len(segs)-1]
		switch {
		case isSite(last):
			segs = segs[:len(segs)-1]
			if n := len(segs); n > 1 && separatorOf(segs[n-1]) == separatorOf(last) && len(strings.Fields(segs[n-1])) <= 4 {
				segs = segs[:n-1] // the section
			}
		case isAuthor(last):
			segs = segs[:len(segs)-1]
		default:
			return strings.Join(segs, "")
		}
	}
	return strings.Join(segs, "")
}

// separatorOf is the separator a segment of splitTitle starts with.
func separatorOf(seg string) string {
	for _, sep := range titleSeparators {
		if strings.HasPrefix(seg, sep) {
			return sep
		}
	}
	return ""
}

// splitTitle cuts a title at its separators, keeping each separator at the
// start of the segment it introduces, so that joining gives the text back.
func splitTitle(title string) []string {
	var segs []string
	start := 0
	for i := 0; i < len(title); i++ {
		for _, sep := range titleSeparators {
			if i > start && strings.HasPrefix(title[i:], sep) {
				segs = append(segs, title[start:i])
				start = i
				i += len(sep) - 1
				break
			}
		}
	}
	return append(segs, title[start:])
}

// sameName compares names ignoring case, punctuation, a leading "The" and
// a trailing web domain ("The Guardian" = "guardian", "Breitbart" =
// "breitbart.com").
func sameName(a, b string) bool {
	na, nb := normName(a), normName(b)
	return na != "" && na == nb
}

func normName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, sep := range titleSeparators {
		s = strings.TrimPrefix(s, strings.TrimSpace(sep)+" ")
	}
	s = strings.TrimPrefix(s, "www.")
	for _, tld := range []string{".com", ".co.uk", ".org", ".net", ".news"} {
		s = strings.TrimSuffix(s, tld)
	}
	s = strings.TrimPrefix(s, "the ")
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}
