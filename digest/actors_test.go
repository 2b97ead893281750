package digest

import (
	"testing"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/store"
)

// TestActorRoleAndAffiliationAcrossArticles: an actor's role and
// affiliation are what most articles of the story say, however often one
// article repeats the name; on a tie, the article that states the role
// with a country or demonym wins over one that only inferred it.
func TestActorRoleAndAffiliationAcrossArticles(t *testing.T) {
	type said struct {
		role, affiliation, body string
		mentions                int
	}
	tests := []struct {
		name                  string
		articles              []said
		wantRole, wantAffilia string
	}{
		{
			name: "two articles outvote one that repeats the name",
			articles: []said{
				{"Foreign Minister", "France", "French Foreign Minister Jean-Marc Ayrault said talks would resume.", 1},
				{"Foreign Minister", "France", "France's Foreign Minister Jean-Marc Ayrault spoke in Paris.", 1},
				{"Special Envoy", "United Nations", "Ayrault, at the United Nations, said again and again and again.", 6},
			},
			wantRole: "Foreign Minister", wantAffilia: "France",
		},
		{
			name: "tie goes to the article stating the demonym",
			articles: []said{
				{"Foreign Minister", "Syria", "DAMASCUS — Foreign Minister Jean-Marc Ayrault said talks would resume.", 1},
				{"Foreign Minister", "France", "French Foreign Minister Jean-Marc Ayrault said talks would resume.", 1},
			},
			wantRole: "Foreign Minister", wantAffilia: "France",
		},
		{
			name: "tie with 'of <country>' after the role",
			articles: []said{
				{"foreign minister", "Syria", "DAMASCUS — Jean-Marc Ayrault, the foreign minister, said talks would resume.", 1},
				{"foreign minister", "France", "Jean-Marc Ayrault, the foreign minister of France, said talks would resume.", 1},
			},
			wantRole: "foreign minister", wantAffilia: "France",
		},
		{
			name: "tie with an abbreviated body before the role",
			articles: []said{
				{"Ambassador", "Russia", "Paris. Ambassador Vitaly Churkin said talks would resume.", 1},
				{"Ambassador", "United Nations", "U.N. Ambassador Vitaly Churkin said talks would resume.", 1},
			},
			wantRole: "Ambassador", wantAffilia: "United Nations",
		},
		{
			name: "no statement either way keeps the lead (newest) article's",
			articles: []said{
				{"Foreign Minister", "Syria", "Foreign Minister Jean-Marc Ayrault said talks would resume.", 1},
				{"Foreign Minister", "France", "Foreign Minister Jean-Marc Ayrault said talks would resume.", 1},
			},
			wantRole: "Foreign Minister", wantAffilia: "France",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var articles []store.StoredArticle
			for i, s := range tt.articles {
				a := store.StoredArticle{ID: int64(i + 1), Stored: testNow.Add(time.Duration(i) * time.Minute)}
				a.Article.Title = "Ayrault says Aleppo talks will resume"
				a.Article.Feed = "Outlet " + string(rune('A'+i))
				a.Article.Body = s.body
				a.Analysis = extract.Analysis{People: []extract.Person{
					{Name: "Jean-Marc Ayrault", Role: s.role, Affiliation: s.affiliation, Mentions: s.mentions},
				}}
				articles = append(articles, a)
			}
			d := Build(articles, Options{Now: testNow})
			if len(d.Stories) != 1 {
				t.Fatalf("stories = %d, want the articles grouped into one", len(d.Stories))
			}
			got := d.Stories[0].Actors[0]
			if got.Role != tt.wantRole || got.Affiliation != tt.wantAffilia {
				t.Errorf("actor = %q, %q; want %q, %q", got.Role, got.Affiliation, tt.wantRole, tt.wantAffilia)
			}
		})
	}
}

// An affiliation the role already names is not repeated after it.
func TestActorAffiliationNotRepeated(t *testing.T) {
	tests := []struct{ role, affiliation, wantAffiliation string }{
		{"International Atomic Energy Agency Director General", "International Atomic Energy Agency", ""},
		{"Director General", "International Atomic Energy Agency", "International Atomic Energy Agency"},
		{"Russian Foreign Minister", "Russia", "Russia"},
	}
	for _, tt := range tests {
		a := store.StoredArticle{ID: 1, Stored: testNow}
		a.Article.Title = "Inspectors return"
		a.Analysis = extract.Analysis{People: []extract.Person{{Name: "Rafael Grossi", Role: tt.role, Affiliation: tt.affiliation, Mentions: 2}}}
		got := Build([]store.StoredArticle{a}, Options{Now: testNow}).Stories[0].Actors[0]
		if got.Role != tt.role || got.Affiliation != tt.wantAffiliation {
			t.Errorf("role %q affiliation %q; want %q, %q", got.Role, got.Affiliation, tt.role, tt.wantAffiliation)
		}
	}
}
