package digest

import (
	"slices"
	"testing"
	"time"
)

func TestContainsPhrase(t *testing.T) {
	tests := []struct {
		text, phrase string
		want         bool
	}{
		{"Iran's nuclear talks", "iran", true},
		{"Iranian negotiators", "iran", false},
		{"Ukraine", "iran", false},
		{"Mevlüt Çavuşoğlu said", "cavusoglu", true},
		{"the U.N. Security Council", "security council", true},
		{"Security, Council", "security council", true},
		{"anything", "  ", false},
	}
	for _, tt := range tests {
		if got := containsPhrase(tt.text, tt.phrase); got != tt.want {
			t.Errorf("containsPhrase(%q, %q) = %v", tt.text, tt.phrase, got)
		}
	}
}

func TestContentWords(t *testing.T) {
	got := contentWords("France makes new push for Aleppo ceasefire talks")
	if want := []string{"france", "aleppo", "ceasefire", "talk"}; !slices.Equal(got, want) {
		t.Fatalf("contentWords = %q, want %q", got, want)
	}
}

func TestCompatibleGiven(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"", "jean marc", true},
		{"jean marc", "jean marc", true},
		{"j", "jean marc", true},
		{"jean marc", "marie", false},
		{"s", "jean", false},
	}
	for _, tt := range tests {
		if got := compatibleGiven(tt.a, tt.b); got != tt.want {
			t.Errorf("compatibleGiven(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestFullSentence(t *testing.T) {
	for text, want := range map[string]bool{
		"It is deeply shocking and shameful.": true,
		"Are we fools?\u201d":                 true,
		"more efficient and engaged":          false,
		"It's all that's left":                false,
	} {
		if got := fullSentence(text); got != want {
			t.Errorf("fullSentence(%q) = %v", text, got)
		}
	}
}

func TestSimilarity(t *testing.T) {
	in := interner{}
	now := time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)
	f := func(people, entities, headline []string, when time.Time) features {
		return features{people: in.ids(people), entities: in.ids(entities), headline: in.ids(headline), when: when}
	}
	base := f([]string{"ayrault", "lavrov", "churkin"}, []string{"aleppo", "syria"}, []string{"aleppo", "ceasefire"}, now)
	tests := []struct {
		name string
		b    features
		same bool
	}{
		{"two shared people", f([]string{"ayrault", "lavrov"}, nil, nil, now), true},
		{"one shared person only", f([]string{"lavrov", "sato"}, nil, nil, now), false},
		{"one person, same places and headline words", f([]string{"ayrault"}, []string{"aleppo", "syria"}, []string{"aleppo", "truce"}, now), true},
		{"same headline words, nobody shared", f(nil, nil, []string{"aleppo", "ceasefire"}, now), false},
		{"same people four days later", f([]string{"ayrault", "lavrov", "churkin"}, []string{"aleppo"}, nil, now.Add(96*time.Hour)), false},
	}
	for _, tt := range tests {
		got := similarity(&base, &tt.b)
		if (got >= sameStoryThreshold) != tt.same {
			t.Errorf("%s: similarity %.2f, same story = %v, want %v", tt.name, got, got >= sameStoryThreshold, tt.same)
		}
	}
}
