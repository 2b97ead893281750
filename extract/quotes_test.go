package extract

import (
	"reflect"
	"testing"
)

func TestFindQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"straight", `He said "we will go" and left.`, []string{"we will go"}},
		{"curly", "He said “we will go” and left.", []string{"we will go"}},
		{"guillemets", "Il a dit «nous irons» hier.", []string{"nous irons"}},
		{"apostrophes are not quotes", "Russia's envoy said they don't know about the ’90s deal.", nil},
		{"single quotes inside double", `"They said, 'wait a second,' and left," Lee said.`, []string{"They said, 'wait a second,' and left,"}},
		{"no space before", "there is“exploitation” which he said was“unacceptable.”", []string{"exploitation", "unacceptable."}},
		{"closing mark used to open", "Moscow_”Tense and tough” is how he put it.", []string{"Tense and tough"}},
		{"multi-paragraph", "Headline\n\n\"First part.\n\n\"Second part,\" he said.", []string{"First part.", "Second part,"}},
		{"unclosed at paragraph end after a sentence", "Headline\n\nHe spoke. “We urge restraint.\n\nNext paragraph.", []string{"We urge restraint."}},
		{"unclosed mid-sentence is dropped", "calling it \"dangerous and illegal.\n\nNext.", nil},
		{"headline and subhead skipped", "Title with \"scare\" quote\n\nBody \"text here\" ok.\n\n\"ALL THAT'S LEFT\"\n\nMore.", []string{"text here"}},
		{"single-quote house style", "'We will not be intimidated,' she said of the 'incident'.", []string{"We will not be intimidated,"}},
		{"plural possessive is not a quote", "The Iranians' position and the Europeans' response.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras := splitParagraphs(tt.text, testVocabulary(t))
			var got []string
			for _, q := range findQuotes(tt.text, paras) {
				got = append(got, tt.text[q.start:q.end])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSplitParagraphsHeadline(t *testing.T) {
	tests := []struct {
		text  string
		title bool
	}{
		{"France makes new push for Aleppo ceasefire\n\nParis: France is to launch a push.", true},
		{"How Close Is 'Close'? Iran And The West Inch Toward Nuclear Deal\n\nBody.", true},
		{"UN Secretary General Antonio Guterres will call in his speech today for an immediate ceasefire in Gaza.\n\nBody.", false},
		{"One line only", false},
	}
	for _, tt := range tests {
		paras := splitParagraphs(tt.text, testVocabulary(t))
		if got := len(paras) > 0 && paras[0].title; got != tt.title {
			t.Errorf("%q: title %v, want %v", tt.text, got, tt.title)
		}
	}
}

func TestTokenize(t *testing.T) {
	text := "U.S. envoy Ban Ki-moon's aide, Mr. Lee, met Belarus’ minister (don't)."
	var got []string
	for _, tk := range tokenize(text, 0, len(text), nil, testVocabulary(t)) {
		got = append(got, text[tk.start:tk.end])
	}
	want := []string{"U.S.", "envoy", "Ban", "Ki-moon", "'s", "aide", ",", "Mr.", "Lee", ",", "met", "Belarus", "’", "minister", "(", "don't", ")", "."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
