package ingest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Every paragraph rule, on what it must remove and on article text that
// looks close but must stay.
func TestBoilerplateParagraphRules(t *testing.T) {
	tests := []struct {
		name  string
		rule  func([]string, int) int
		paras []string
		want  int // paragraphs removed from paras[0]
	}{
		{"media caption", mediaCaption, []string{`Media caption Barack Obama: "We are not done"`}, 1},
		{"image copyright", mediaCaption, []string{"Image copyright Reuters"}, 1},
		{"caption word in a sentence", mediaCaption, []string{"The caption contest drew 400 entries, the organisers said."}, 0},

		{"guardian credit", photoCredit, []string{"Ministers at the summit on Monday. Photograph: Ana Ruiz/Reuters"}, 1},
		{"getty credit", photoCredit, []string{"(Photo by Lena Moss/AFP via Getty Images)"}, 1},
		{"bare credit", photoCredit, []string{"Photo: AP"}, 1},
		{"sentence about a photo", photoCredit, []string{"He showed reporters a photo of the damaged bridge."}, 0},

		{"upper-case sign-up", newsletterSignup, []string{"SIGN UP FOR OUR NEWSLETTER"}, 1},
		{"named newsletter", newsletterSignup, []string{"Sign up to Morning Brief, our free daily newsletter"}, 1},
		{"subscribe now", newsletterSignup, []string{"Subscribe now"}, 1},
		{"reporting on a newsletter", newsletterSignup, []string{"The ministry said it would stop publishing its weekly newsletter, which thousands of exporters had asked to sign up for over the years, because of budget cuts."}, 0},

		{"continue reading", readingPrompt, []string{"Continue reading the main story"}, 1},
		{"advertisement", readingPrompt, []string{"Advertisement"}, 1},
		{"prompt inside a sentence", readingPrompt, []string{"Continue reading the treaty, she told the delegates, and you will see the gaps."}, 0},

		{"heading and list", relatedHeadlines, []string{"More on this story", "Quota row deepens", "Who fishes the strait?", "A full sentence ends the list."}, 3},
		{"inline related", relatedHeadlines, []string{"Related: Drought forces new look at water sharing"}, 1},
		{"read more heading", relatedHeadlines, []string{"Read more:", "Exporters brace for new rules"}, 2},
		{"sentence starting with related", relatedHeadlines, []string{"Related talks in Geneva ended without agreement on Tuesday."}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.rule(tt.paras, 0); got != tt.want {
				t.Errorf("rule(%q) = %d, want %d", tt.paras[0], got, tt.want)
			}
		})
	}
}

func TestBoilerplateElementRules(t *testing.T) {
	tests := []struct {
		name, html string
		rule       func(*html.Node) bool
		want       bool
	}{
		{"figcaption", `<figcaption>Minister: "No."</figcaption>`, isCaptionElement, true},
		{"caption class", `<p class="wp-caption-text">Speaker: "Yes."</p>`, isCaptionElement, true},
		{"plain paragraph", `<p class="lead">Text</p>`, isCaptionElement, false},
		{"long wrapper with caption class", `<div class="has-captions">` + strings.Repeat("word ", 100) + `</div>`, isCaptionElement, false},
		{"newsletter box", `<aside class="newsletter-signup"><p>Sign up</p></aside>`, isSignupElement, true},
		{"signup id", `<div id="signup-box">Get it</div>`, isSignupElement, true},
		{"ordinary aside", `<aside class="factbox">Facts</aside>`, isSignupElement, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<body>" + tt.html + "</body>"))
			if err != nil {
				t.Fatal(err)
			}
			// html > head, body > element
			el := doc.FirstChild.LastChild.FirstChild
			if got := tt.rule(el); got != tt.want {
				t.Errorf("rule(<%s>) = %v, want %v", el.Data, got, tt.want)
			}
		})
	}
}

func TestStripBoilerplate(t *testing.T) {
	body := strings.Join([]string{
		"Envoys met on Monday.",
		"Continue reading the main story",
		`Media caption Ilse Varga: "Not yet"`,
		"They agreed to meet again.",
		"More on this story",
		"Talks resume",
		"Envoys to meet",
	}, "\n\n")
	want := "Envoys met on Monday.\n\nThey agreed to meet again."
	if got := stripBoilerplate(body); got != want {
		t.Errorf("stripBoilerplate = %q, want %q", got, want)
	}
	for _, r := range boilerplateRules {
		if (r.element == nil) == (r.paragraph == nil) {
			t.Errorf("rule %q must have exactly one of element and paragraph", r.name)
		}
	}
}
