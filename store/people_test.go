package store

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
)

// findOne returns the first match of a query, failing when there is none.
func findOne(t *testing.T, s Store, query string) PersonMatch {
	t.Helper()
	ms, err := s.FindPeople(context.Background(), query)
	if err != nil {
		t.Fatalf("FindPeople(%q): %v", query, err)
	}
	if len(ms) == 0 {
		t.Fatalf("FindPeople(%q): no match", query)
	}
	return ms[0]
}

func TestFindPeople(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		s := b.open(t)
		saveFixtures(t, s, loadFixtures(t), allFixtures...)

		type want struct {
			name  string
			exact bool
		}
		tests := []struct {
			query string
			want  []want
		}{
			{"Jean-Marc Ayrault", []want{{"Jean-Marc Ayrault", true}}},
			{"jean-marc  AYRAULT", []want{{"Jean-Marc Ayrault", true}}},
			{"ayrault", []want{{"Jean-Marc Ayrault", true}}},
			{"AYRAULT", []want{{"Jean-Marc Ayrault", true}}},
			{"jean-marc", []want{{"Jean-Marc Ayrault", false}}},
			{"lavrov", []want{{"Sergei Lavrov", true}}},
			{"LAVROV", []want{{"Sergei Lavrov", true}}},
			{"Sergei", []want{{"Sergei Lavrov", false}}},
			{"lavrov sergei", []want{{"Sergei Lavrov", false}}},
			{"çavuşoğlu", []want{{"Mevlüt Çavuşoğlu", true}}},
			{"cavusoglu", []want{{"Mevlüt Çavuşoğlu", true}}},
			{"Mevlut Cavusoglu", []want{{"Mevlüt Çavuşoğlu", true}}},
			{"ban ki-moon", []want{{"Ban Ki-moon", true}}},
			{"ki-moon", []want{{"Ban Ki-moon", false}}},
			{"Ban", []want{{"Ban Ki-moon", true}}},
			{"ayrault?", []want{{"Jean-Marc Ayrault", true}}},
			// A bare "Johnson" was never merged: two people have that
			// surname. All three are candidates, the exact one first.
			{"johnson", []want{{"Johnson", true}, {"Boris Johnson", true}, {"Jo Johnson", true}}},
			{"boris johnson", []want{{"Boris Johnson", true}}},
			{"putin", nil},
			{"", nil},
			{"  ?! ", nil},
		}
		if _, err := s.FindPeople(context.Background(), strings.Repeat("ayrault lavrov ban ", 5)+"x y z w"); err != nil {
			t.Errorf("FindPeople of repeated words: %v", err)
		}
		if _, err := s.FindPeople(context.Background(), strings.Join(strings.Fields("a b c d e f g h i j k l m n o p q r s t"), " ")); err == nil {
			t.Error("FindPeople accepted a 20-word query")
		}
		for _, tt := range tests {
			ms, err := s.FindPeople(context.Background(), tt.query)
			if err != nil {
				t.Fatalf("FindPeople(%q): %v", tt.query, err)
			}
			var got []want
			for _, m := range ms {
				got = append(got, want{m.Name, m.Exact})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("FindPeople(%q) = %v, want %v", tt.query, got, tt.want)
			}
		}

		m := findOne(t, s, "ayrault")
		if m.Articles != 3 || !slices.Equal(m.Roles, []string{"Foreign Minister", "Prime Minister"}) || !slices.Contains(m.Aliases, "Ayrault") {
			t.Errorf("Ayrault match = %+v", m)
		}
	})
}

// Rank among non-exact candidates follows the number of articles.
func TestFindPeopleRanksByArticles(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := b.open(t)
		counts := map[string]int{"Kim Jong-un": 3, "Kim Yo-jong": 5, "Kim Jong-nam": 1}
		i := 0
		for name, n := range counts {
			for range n {
				a, an := syntheticArticle(i, name)
				i++
				if _, _, err := s.SaveArticle(ctx, a, an); err != nil {
					t.Fatal(err)
				}
			}
		}
		ms, err := s.FindPeople(ctx, "kim")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.Name)
			if m.Articles != counts[m.Name] {
				t.Errorf("%s: %d articles, want %d", m.Name, m.Articles, counts[m.Name])
			}
		}
		if want := []string{"Kim Yo-jong", "Kim Jong-un", "Kim Jong-nam"}; !slices.Equal(got, want) {
			t.Errorf("FindPeople(kim) = %v, want %v", got, want)
		}
	})
}

func TestProfile(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		clock := newFakeClock()
		s := b.open(t, WithClock(clock.Now))
		fx := loadFixtures(t)
		ids := saveFixtures(t, s, fx, allFixtures...)
		date := func(s string) time.Time {
			t, _ := time.Parse(time.RFC3339, s)
			return t
		}

		ayrault := findOne(t, s, "ayrault")
		p, err := s.Profile(ctx, ayrault.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if p.Name != "Jean-Marc Ayrault" || p.Articles != 3 {
			t.Errorf("profile %q in %d articles", p.Name, p.Articles)
		}
		if !slices.Equal(p.Roles, []string{"Foreign Minister", "Prime Minister"}) || !slices.Equal(p.Affiliations, []string{"France"}) {
			t.Errorf("roles %v affiliations %v", p.Roles, p.Affiliations)
		}
		if !slices.Equal(p.Aliases, []string{"Ayrault"}) {
			t.Errorf("aliases %v", p.Aliases)
		}
		if !p.FirstSeen.Equal(date("2013-05-01T11:00:00Z")) || !p.LastSeen.Equal(date("2016-10-07T07:15:00Z")) {
			t.Errorf("seen %v .. %v", p.FirstSeen, p.LastSeen)
		}
		wantQuotes := []StoredQuote{
			{"I will tell our Russian partners what we think,", "Ayrault", ids["ayrault-moscow"], "Ayrault heads to Moscow",
				"https://other.example/world/ayrault-moscow", "Other Times", date("2016-10-07T07:15:00Z"), 0.7},
			{"We cannot accept that Aleppo is being martyred,", "Jean-Marc Ayrault", ids["ayrault-lavrov-aleppo"], "France and Russia clash over Aleppo resolution",
				"https://diplo.example/2016/10/05/aleppo-resolution", "Diplo Wire", date("2016-10-05T09:00:00Z"), 1},
			{"Growth will return,", "Jean-Marc Ayrault", ids["ayrault-prime-minister"], "Prime Minister Ayrault marks May Day",
				"https://diplo.example/2013/05/01/ayrault-pm", "Diplo Wire", date("2013-05-01T11:00:00Z"), 1},
		}
		if !reflect.DeepEqual(p.Quotes, wantQuotes) {
			t.Errorf("quotes\n got %+v\nwant %+v", p.Quotes, wantQuotes)
		}
		if p, err := s.Profile(ctx, ayrault.ID, 1); err != nil || len(p.Quotes) != 1 || p.Quotes[0].Text != wantQuotes[0].Text {
			t.Errorf("Profile(limit 1) quotes = %+v, %v", p.Quotes, err)
		}

		// An undated article's quote is dated by its storage time, so it
		// is Lavrov's newest.
		lavrov, err := s.Profile(ctx, findOne(t, s, "lavrov").ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, q := range lavrov.Quotes {
			texts = append(texts, q.Text)
		}
		wantTexts := []string{"We will respond,", "It has nothing to do with humanitarian goals,", "The draft is unacceptable in its current form,"}
		if !slices.Equal(texts, wantTexts) || !lavrov.Quotes[0].Published.Equal(clock.Now()) {
			t.Errorf("Lavrov quotes %v (first at %v), want %v", texts, lavrov.Quotes[0].Published, wantTexts)
		}

		// Quotes are never attributed by guesswork: the bare "Johnson"
		// quote is not Boris Johnson's, and the anonymous source's quote
		// is nobody's.
		boris, err := s.Profile(ctx, findOne(t, s, "boris johnson").ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(boris.Quotes) != 1 || boris.Quotes[0].Text != "I would like to see demonstrations outside the Russian embassy," {
			t.Errorf("Boris Johnson quotes %+v", boris.Quotes)
		}
		for _, q := range append(p.Quotes, lavrov.Quotes...) {
			if q.Text == "The Russians are playing for time." {
				t.Errorf("anonymous quote attributed to %s", q.Speaker)
			}
		}

		if _, err := s.Profile(ctx, 999999, 5); !errors.Is(err, ErrNotFound) {
			t.Errorf("Profile(unknown) error = %v, want ErrNotFound", err)
		}
	})
}

// A bare surname stored before the full name is adopted by the full name
// when it arrives, with its articles and quotes.
func TestPeopleMerge(t *testing.T) {
	tests := []struct {
		name    string
		order   []string
		query   string
		wantArt int
	}{
		{"surname first", []string{"ayrault-moscow", "ayrault-lavrov-aleppo"}, "ayrault", 2},
		{"full name first", []string{"ayrault-lavrov-aleppo", "ayrault-moscow"}, "ayrault", 2},
		{"surname first, East Asian order", []string{"ban-geneva", "ban-cavusoglu-ankara"}, "ban", 2},
		{"alias after full name", []string{"ban-cavusoglu-ankara", "ban-geneva"}, "ban", 2},
	}
	forEachBackend(t, func(t *testing.T, b backend) {
		fx := loadFixtures(t)
		for _, tt := range tests {
			s := b.open(t)
			saveFixtures(t, s, fx, tt.order...)
			ms, err := s.FindPeople(context.Background(), tt.query)
			if err != nil {
				t.Fatal(err)
			}
			if len(ms) == 0 || ms[0].Articles != tt.wantArt {
				t.Errorf("%s: FindPeople(%q) = %+v, want first in %d articles", tt.name, tt.query, ms, tt.wantArt)
			}
		}
	})
	// "Ban" before "Ban Ki-moon": Ban is not Ban Ki-moon's last word, but
	// identity reads the Korean name surname first, so the bare "Ban" is
	// adopted like a bare "Ayrault" (before identities, the two stayed
	// apart until an alias said so).
}

// One article naming a bare surname and, in a quote only, the full name:
// the bare name is adopted within the same save.
func TestPeopleMergeWithinArticle(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := b.open(t)
		a := ingest.Article{URL: "https://diplo.example/lemoyne", Title: "Ayrault in Berlin", Body: "Ayrault met his German counterpart. “We agree,” said Jean-Marc Ayrault."}
		an := extract.Analysis{
			People: []extract.Person{{Name: "Ayrault", Role: "Foreign Minister", Affiliation: "France", Mentions: 1}},
			Quotes: []extract.Quote{{Speaker: "Jean-Marc Ayrault", SpeakerKind: extract.SpeakerPerson, Text: "We agree,"}},
		}
		if _, _, err := s.SaveArticle(ctx, a, an); err != nil {
			t.Fatal(err)
		}
		ms, err := s.FindPeople(ctx, "ayrault")
		if err != nil || len(ms) != 1 {
			t.Fatalf("FindPeople = %+v, %v; want one person", ms, err)
		}
		p, err := s.Profile(ctx, ms[0].ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if p.Name != "Jean-Marc Ayrault" || p.Articles != 1 || len(p.Quotes) != 1 || !slices.Equal(p.Roles, []string{"Foreign Minister"}) {
			t.Errorf("profile %+v", p)
		}
	})
}

func FuzzNameTokens(f *testing.F) {
	for _, s := range []string{"Ban Ki-moon", "  Mevlüt Çavuşoğlu,", "O'Brien Jr.", "«Lavrov»", "\xff\xfe", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		tokens := nameTokens(name)
		folded := foldName(name)
		for _, tok := range tokens {
			if tok == "" || containsSpace(tok) {
				t.Fatalf("nameTokens(%q) has token %q", name, tok)
			}
		}
		// Folding is idempotent, so a stored identity matches a query
		// that is itself the identity.
		if again := foldName(folded); again != folded {
			t.Fatalf("foldName not idempotent: %q -> %q -> %q", name, folded, again)
		}
	})
}

func containsSpace(s string) bool {
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' {
			return true
		}
	}
	return false
}
