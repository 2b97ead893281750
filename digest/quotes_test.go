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
				{{Speaker: "Jean-Marc Ayrault", SpeakerKind: "person", Text: "Russia is responsible."}},
				{{Speaker: "Sergei Lavrov", SpeakerKind: "person", Text: "The West says Russia is responsible. That is a lie."}},
			},
			want: []QuoteLine{
				{Text: "The West says Russia is responsible. That is a lie.", Speaker: "Sergei Lavrov", Kind: "person"},
				{Text: "Russia is responsible.", Speaker: "Jean-Marc Ayrault", Kind: "person"},
			},
		},
		{
			name: "same words, same person under a shorter name",
			quotes: [][]extract.Quote{
				{{Speaker: "Ayrault", SpeakerKind: "person", Text: "It is deeply shocking."}},
				{{Speaker: "Jean-Marc Ayrault", SpeakerKind: "person", Text: "It is deeply shocking and shameful."}},
			},
			want: []QuoteLine{
				{Text: "It is deeply shocking and shameful.", Speaker: "Jean-Marc Ayrault", Kind: "person"},
			},
		},
		{
			name: "same words from a person and an unnamed source",
			quotes: [][]extract.Quote{
				{{Speaker: "a French diplomatic source", SpeakerKind: "anonymous", Text: "It's all that's left."}},
				{{Speaker: "Jean-Marc Ayrault", SpeakerKind: "person", Text: "It's all that's left."}},
			},
			want: []QuoteLine{
				{Text: "It's all that's left.", Speaker: "Jean-Marc Ayrault", Kind: "person"},
				{Text: "It's all that's left.", Speaker: "a French diplomatic source", Kind: "anonymous"},
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
