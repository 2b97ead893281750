package ingest

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// News pages wrap an article in text that is not the article: captions of
// photos and videos, newsletter sign-ups, "Continue reading the main
// story", lists of related headlines. Left in, a caption such as
// `Barack Obama: "…"` reads to the extractor as a quote. boilerplateRules
// is the one table of what is removed before extraction; every rule is a
// small function with a test of its own.
//
// A rule reads either an HTML element (pages only, before readability
// picks the main text: a <figcaption> is a caption whatever it says) or
// the body's paragraphs (every kind of source, so that the same
// boilerplate in a saved text file or a feed item goes too).

// boilerplateRule is one kind of boilerplate.
type boilerplateRule struct {
	name string
	// element reports an HTML element that is boilerplate as a whole; nil
	// for a paragraph rule.
	element func(n *html.Node) bool
	// paragraph reports how many paragraphs starting at paras[i] are
	// boilerplate (0: none); nil for an element rule.
	paragraph func(paras []string, i int) int
}

var boilerplateRules = []boilerplateRule{
	{name: "caption element", element: isCaptionElement},
	{name: "sign-up element", element: isSignupElement},
	{name: "media caption", paragraph: mediaCaption},
	{name: "photo credit", paragraph: photoCredit},
	{name: "newsletter sign-up", paragraph: newsletterSignup},
	// Before the reading prompts: "Read more:" heads a list of headlines.
	{name: "related headlines", paragraph: relatedHeadlines},
	{name: "reading prompt", paragraph: readingPrompt},
}

// removeBoilerplateElements deletes the elements the element rules match.
func removeBoilerplateElements(doc *html.Node) {
	var doomed []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, r := range boilerplateRules {
				if r.element != nil && r.element(n) {
					doomed = append(doomed, n)
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range doomed {
		n.Parent.RemoveChild(n)
	}
}

// stripBoilerplate removes the paragraphs (blank-line separated) that the
// paragraph rules match.
func stripBoilerplate(body string) string {
	if body == "" {
		return body
	}
	paras := strings.Split(body, "\n\n")
	kept := make([]string, 0, len(paras))
	for i := 0; i < len(paras); {
		skip := 0
		for _, r := range boilerplateRules {
			if r.paragraph != nil {
				if n := r.paragraph(paras, i); n > 0 {
					skip = n
					break
				}
			}
		}
		if skip > 0 {
			i += skip
			continue
		}
		kept = append(kept, paras[i])
		i++
	}
	return strings.Join(kept, "\n\n")
}

// classOrID is an element's class and id, lower-cased, for rules that
// recognise page furniture by name.
func classOrID(n *html.Node) string {
	var b strings.Builder
	for _, a := range n.Attr {
		switch a.Key { // the parser lower-cases attribute names
		case "class", "id", "data-component":
			b.WriteString(strings.ToLower(a.Val))
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// isCaptionElement: <figcaption>, and elements whose class names them a
// caption or a media credit.
func isCaptionElement(n *html.Node) bool {
	if n.DataAtom == atom.Figcaption {
		return true
	}
	if n.DataAtom == atom.Body || n.DataAtom == atom.Html || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return false
	}
	c := classOrID(n)
	if !strings.Contains(c, "caption") && !strings.Contains(c, "image-credit") && !strings.Contains(c, "media-credit") {
		return false
	}
	// A wrapper that happens to carry such a class and holds the article
	// is not a caption.
	return len(strings.Fields(textOf(n))) <= 80
}

// isSignupElement: newsletter and subscription boxes, named so by their
// class or id.
func isSignupElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Body, atom.Html, atom.Article, atom.Main:
		return false
	}
	c := classOrID(n)
	if !strings.Contains(c, "newsletter") && !strings.Contains(c, "signup") && !strings.Contains(c, "sign-up") {
		return false
	}
	return len(strings.Fields(textOf(n))) <= 80
}

var mediaCaptionRe = regexp.MustCompile(`(?i)^(media caption|image caption|video caption|image copyright|image source|caption)\b`)

// mediaCaption: "Media caption Barack Obama: …", "Image copyright Reuters".
func mediaCaption(paras []string, i int) int {
	if mediaCaptionRe.MatchString(strings.TrimSpace(paras[i])) {
		return 1
	}
	return 0
}

var (
	// "Photograph: Jane Doe/Reuters" ends a Guardian-style caption; "(Photo
	// by Jane Doe/AFP via Getty Images)" and "Photo: AP" others.
	creditTailRe = regexp.MustCompile(`(?i)(\b(photograph|photo|picture|image|illustration|credit|video)s?( by)?\s*:?\s*[^.!?"“”]{0,80}|\(\s*(photo|picture|image|credit)[^)]{0,80}\))\s*$`)
	creditOnlyRe = regexp.MustCompile(`(?i)^\(?\s*(photo|photograph|picture|image|credit|getty images|reuters|afp|ap photo)\b[^.!?]{0,80}\)?$`)
)

// photoCredit: a short paragraph that ends with a photo credit, or is one.
// Article sentences do not end on "Photograph: Agency".
func photoCredit(paras []string, i int) int {
	p := strings.TrimSpace(paras[i])
	if len(strings.Fields(p)) > 60 {
		return 0
	}
	if creditOnlyRe.MatchString(p) {
		return 1
	}
	if m := creditTailRe.FindString(p); m != "" && (strings.Contains(m, ":") || strings.Contains(m, "/") || strings.HasPrefix(strings.TrimSpace(m), "(")) {
		return 1
	}
	return 0
}

var signupRe = regexp.MustCompile(`(?i)\b(sign up|subscribe)\b.{0,60}\bnewsletters?\b|\bnewsletters?\b.{0,40}\b(sign up|subscribe)\b|^(sign up|subscribe)( now| here| today)?[.!:]?$`)

// newsletterSignup: "SIGN UP FOR OUR NEWSLETTER", "Sign up to First
// Edition, our free daily newsletter". Short paragraphs only: a long one
// mentioning a newsletter is reporting.
func newsletterSignup(paras []string, i int) int {
	p := strings.TrimSpace(paras[i])
	if len(strings.Fields(p)) <= 30 && signupRe.MatchString(p) {
		return 1
	}
	return 0
}

var promptRe = regexp.MustCompile(`(?i)^(continue reading( the main story)?|story continues (below|after) (the )?advertisement|skip advertisement|advertisement|supported by|read more|read the full story|click here to read more|listen to this article|share this article|share|ad)[.…:!]*$`)

// readingPrompt: "Continue reading the main story", "Advertisement",
// "Read more" and other one-line prompts.
func readingPrompt(paras []string, i int) int {
	if promptRe.MatchString(strings.TrimSpace(paras[i])) {
		return 1
	}
	return 0
}

var (
	relatedHeadingRe = regexp.MustCompile(`(?i)^(related( stories| articles| coverage| content| links)?|more on this story|more from [^.]{1,40}|you may also like|you might also like|recommended( reading)?|most read|top stories|read more|see also|further reading)[.:]?$`)
	relatedInlineRe  = regexp.MustCompile(`(?i)^(related|read more|see also|also read|more|read also)\s*:\s*\S`)
)

// relatedHeadlines: a "Related stories" heading and the run of headline-
// like paragraphs (short, no full stop) after it; or a one-line "Read
// more: Other headline".
func relatedHeadlines(paras []string, i int) int {
	p := strings.TrimSpace(paras[i])
	if relatedInlineRe.MatchString(p) && len(strings.Fields(p)) <= 25 {
		return 1
	}
	if !relatedHeadingRe.MatchString(p) {
		return 0
	}
	n := 1
	for i+n < len(paras) && isHeadlineLike(paras[i+n]) {
		n++
	}
	return n
}

// isHeadlineLike: short, and not a sentence (no closing full stop).
func isHeadlineLike(p string) bool {
	p = strings.TrimSpace(p)
	words := len(strings.Fields(p))
	return words > 0 && words <= 16 && !strings.HasSuffix(p, ".") && !strings.HasSuffix(p, `."`) && !strings.HasSuffix(p, ".”")
}
