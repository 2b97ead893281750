package digest

import (
	"reflect"
	"testing"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/store"
)

// TestSameWordsFromDifferentSpeakersStaySeparate: quotes are merged only
// when they carry the same words from the same speaker; the same (or
// contained) words from someone else are a quote of their own, never
// credited to whoever said the longer form.
func TestSameWordsFromDifferentSpeakersStaySeparate(t *testing.T) {
	tests := []struct {
		name   string
		quotes [][]extract.Quote // per article
		want   []QuoteLine
	}{
		{
			name: "contained words from another person",
			quotes: [][]extract.Quote{
				{{Speaker: "Jean-Marc Ayrault", SpeakerKind: extract.SpeakerPerson, Text: "Russia is responsible."}},
				{{Speaker: "Sergei Lavrov", SpeakerKind: extract.SpeakerPerson, Text: "The West says Russia is responsible. That is a lie."}},
			},
			want: []QuoteLine{
				{Text: "The West says Russia is responsible. That is a lie.", Speaker: "Sergei Lavrov", Kind: extract.SpeakerPerson},
				{Text: "Russia is responsible.", Speaker: "Jean-Marc Ayrault", Kind: extract.SpeakerPerson},
			},
		},
		{
			name: "same words, same person under a shorter name",
			quotes: [][]extract.Quote{
				{{Speaker: "Ayrault", SpeakerKind: extract.SpeakerPerson, Text: "It is deeply shocking."}},
				{{Speaker: "Jean-Marc Ayrault", SpeakerKind: extract.SpeakerPerson, Text: "It is deeply shocking and shameful."}},
			},
			want: []QuoteLine{
				{Text: "It is deeply shocking and shameful.", Speaker: "Jean-Marc Ayrault", Kind: extract.SpeakerPerson},
			},
		},
		{
			name: "same words from a person and an unnamed source",
			quotes: [][]extract.Quote{
				{{Speaker: "a French diplomatic source", SpeakerKind: extract.SpeakerAnonymous, Text: "It's all that's left."}},
				{{Speaker: "Jean-Marc Ayrault", SpeakerKind: extract.SpeakerPerson, Text: "It's all that's left."}},
			},
			want: []QuoteLine{
				{Text: "It's all that's left.", Speaker: "Jean-Marc Ayrault", Kind: extract.SpeakerPerson},
				{Text: "It's all that's left.", Speaker: "a French diplomatic source", Kind: extract.SpeakerAnonymous},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var articles []store.StoredArticle
			for i, qs := range tt.quotes {
				a := store.StoredArticle{ID: int64(i + 1), Stored: testNow}
				a.Article.Title = "Ayrault and Lavrov clash over Aleppo"
				a.Analysis = extract.Analysis{
					People: []extract.Person{{Name: "Jean-Marc Ayrault", Mentions: 1}, {Name: "Sergei Lavrov", Mentions: 1}},
					Quotes: qs,
				}
				articles = append(articles, a)
			}
			d := Build(articles, Options{Now: testNow})
			if len(d.Stories) != 1 {
				t.Fatalf("stories = %d, want one", len(d.Stories))
			}
			if got := d.Stories[0].Quotes; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("quotes =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestTidyQuote(t *testing.T) {
	tests := map[string]string{
		"the ships are waiting,":      "the ships are waiting.",
		"  the ships are waiting;  ":  "the ships are waiting.",
		"the ships are waiting,”":     "the ships are waiting.”",
		"Are the ships waiting?":      "Are the ships waiting?",
		"a door opened, not yet shut": "a door opened, not yet shut",
		",":                           ",",
	}
	for in, want := range tests {
		if got := tidyQuote(in); got != want {
			t.Errorf("tidyQuote(%q) = %q, want %q", in, got, want)
		}
	}
}

// The quote list of one story: speaker by speaker (best first), each
// speaker's full sentences before fragments and in article order, stubs
// of one or two words dropped beside fuller quotes, a quote shown once.
func TestQuoteListOrder(t *testing.T) {
	a := store.StoredArticle{ID: 1, Stored: testNow}
	a.Article.Title = "Grain corridor talks"
	a.Analysis = extract.Analysis{
		People: []extract.Person{{Name: "Selin Aydemir", Mentions: 3}, {Name: "Tomasz Nowak", Mentions: 2}},
		Quotes: []extract.Quote{
			{Speaker: "Selin Aydemir", SpeakerKind: extract.SpeakerPerson, Text: "a door opened, not yet walked through"},
			{Speaker: "Selin Aydemir", SpeakerKind: extract.SpeakerPerson, Text: "We are not here to solve the war."},
			{Speaker: "Tomasz Nowak", SpeakerKind: extract.SpeakerPerson, Text: "The procedures are written, and the ships are waiting,"},
			{Speaker: "Selin Aydemir", SpeakerKind: extract.SpeakerPerson, Text: "We have agreed how ships will be inspected, where, and by whom."},
			{Speaker: "Tomasz Nowak", SpeakerKind: extract.SpeakerPerson, Text: "decision"},
			{Speaker: "Aydemir", SpeakerKind: extract.SpeakerPerson, Text: "pilot convoy"},
		},
	}
	s := Build([]store.StoredArticle{a}, Options{Now: testNow}).Stories[0]
	want := []QuoteLine{
		{Text: "We are not here to solve the war.", Speaker: "Selin Aydemir", Kind: extract.SpeakerPerson},
		{Text: "We have agreed how ships will be inspected, where, and by whom.", Speaker: "Selin Aydemir", Kind: extract.SpeakerPerson},
		// Said first in the article, but a fragment: after her sentences.
		{Text: "a door opened, not yet walked through", Speaker: "Selin Aydemir", Kind: extract.SpeakerPerson},
		{Text: "The procedures are written, and the ships are waiting.", Speaker: "Tomasz Nowak", Kind: extract.SpeakerPerson},
	}
	if !reflect.DeepEqual(s.Quotes, want) {
		t.Errorf("quotes =\n%+v\nwant\n%+v", s.Quotes, want)
	}
	for _, act := range s.Actors {
		for _, q := range s.Quotes {
			if act.Said != "" && act.Said == q.Text {
				t.Errorf("%s's quote %q is shown twice", act.Name, act.Said)
			}
		}
	}
}
