package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
)

// lavrovArticles are the three wire articles naming Lavrov three
// ways: "Sergei" (Reuters), "Sergey" (AP), "Sergey V." (TASS).
var lavrovArticles = []ingest.Article{
	{URL: "https://reuters.example/lavrov-aleppo", Feed: "Reuters", Title: "Russia rejects Aleppo ceasefire plan",
		Published: time.Date(2016, 10, 5, 9, 0, 0, 0, time.UTC),
		Body:      `MOSCOW, Oct 5 (Reuters) - Russian Foreign Minister Sergei Lavrov on Wednesday rejected a French draft resolution on Aleppo. "The draft is unacceptable in its current form," Lavrov told reporters in Moscow.`},
	{URL: "https://apnews.example/lavrov-sanctions", Feed: "AP", Title: "Lavrov says Moscow will respond to sanctions",
		Published: time.Date(2016, 10, 6, 9, 0, 0, 0, time.UTC),
		Body:      `MOSCOW (AP) — Russia will respond to any new Western sanctions, Foreign Minister Sergey Lavrov said Thursday. "We will respond in a way that is painful for them," Lavrov said at a news conference.`},
	{URL: "https://tass.example/lavrov-ankara", Feed: "TASS", Title: "Lavrov holds talks with Turkish counterpart",
		Published: time.Date(2016, 10, 7, 9, 0, 0, 0, time.UTC),
		Body:      `ANKARA, October 7. /TASS/. Russian Foreign Minister Sergey V. Lavrov held talks with his Turkish counterpart on Friday. "Our dialogue on Syria is constructive," Sergey V. Lavrov said after the meeting.`},
}

// analyseLavrov runs the real extractor over the three articles.
func analyseLavrov(t *testing.T) []extract.Analysis {
	t.Helper()
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	var out []extract.Analysis
	for _, a := range lavrovArticles {
		an := ex.Analyze(a.Title + "\n\n" + a.Body)
		if len(an.People) == 0 || len(an.Quotes) == 0 {
			t.Fatalf("the extractor found no person or quote in %q: %+v", a.Title, an)
		}
		out = append(out, an)
	}
	return out
}

// checkOneLavrov wants the answer: one Sergei Lavrov, three
// articles, all three quotes, the other spellings as aliases.
func checkOneLavrov(t *testing.T, s Store) {
	t.Helper()
	ctx := context.Background()
	for _, q := range []string{"lavrov", "Sergey Lavrov", "sergei lavrov", "Sergey V. Lavrov", "lavrow"} {
		ms, err := s.FindPeople(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != 1 || ms[0].Name != "Sergei Lavrov" || ms[0].Articles != 3 {
			t.Fatalf("FindPeople(%q) = %+v, want one Sergei Lavrov in 3 articles", q, ms)
		}
	}
	ms, _ := s.FindPeople(ctx, "lavrov")
	p, err := s.Profile(ctx, ms[0].ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Quotes) != 3 || p.Quotes[0].Outlet != "TASS" || p.Quotes[2].Outlet != "Reuters" {
		t.Errorf("quotes %+v, want three, TASS's first", p.Quotes)
	}
	for _, alias := range []string{"Sergey Lavrov", "Sergey V. Lavrov"} {
		if !slices.Contains(p.Aliases, alias) {
			t.Errorf("aliases %v lack %q", p.Aliases, alias)
		}
	}
	if len(p.RoleHistory) != 1 || p.RoleHistory[0].Role != "Foreign Minister" || p.RoleHistory[0].Articles != 3 ||
		!p.RoleHistory[0].FirstSeen.Equal(lavrovArticles[0].Published) || !p.RoleHistory[0].LastSeen.Equal(lavrovArticles[2].Published) {
		t.Errorf("role history %+v", p.RoleHistory)
	}
}

func TestLavrovIsOnePerson(t *testing.T) {
	analyses := analyseLavrov(t)
	forEachBackend(t, func(t *testing.T, b backend) {
		s := b.open(t)
		for i, a := range lavrovArticles {
			if _, _, err := s.SaveArticle(context.Background(), a, analyses[i]); err != nil {
				t.Fatal(err)
			}
		}
		checkOneLavrov(t, s)
	})
}

// A store written before identities (schema version 1) had one person
// per spelling. Opening it migrates: one Lavrov, every quote kept.
func TestMigrateToIdentities(t *testing.T) {
	analyses := analyseLavrov(t)
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		driver, dsn := b.newDSN(t)
		old, err := Open(ctx, driver, dsn, func(o *options) { o.schemaVersion = 1 })
		if err != nil {
			t.Fatal(err)
		}
		// Rows as attache before identities stored them: three people,
		// one per spelling, each with its article, role and quote, and an
		// anonymous quote belonging to no one.
		raw := old.(*sqlStore)
		for i, a := range lavrovArticles {
			an := analyses[i]
			js, _ := json.Marshal(an)
			var artID, personID int64
			if err := raw.w.QueryRowContext(ctx, `INSERT INTO articles (url, feed, title, body, text_hash, published, stored_at, analysis)
				VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id`, a.URL, a.Feed, a.Title, a.Body, a.URL, a.Published.UnixMicro(), string(js)).Scan(&artID); err != nil {
				t.Fatal(err)
			}
			p := an.People[0]
			tokens := nameTokens(p.Name)
			if err := raw.w.QueryRowContext(ctx, `INSERT INTO people (name, folded, surname, tokens, articles, first_seen, last_seen)
				VALUES ($1, $2, $3, $4, 1, $5, $5) RETURNING id`, p.Name, foldName(p.Name), tokens[len(tokens)-1], len(tokens), a.Published.UnixMicro()).Scan(&personID); err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{
				`INSERT INTO mentions (person_id, article_id, mentions) VALUES ($1, $2, 1)`,
				`INSERT INTO person_roles (person_id, role, affiliation, articles) VALUES ($1, 'Foreign Minister', 'Russia', 1 + 0 * $2)`,
			} {
				if _, err := raw.w.ExecContext(ctx, q, personID, artID); err != nil {
					t.Fatal(err)
				}
			}
			for _, q := range an.Quotes {
				if _, err := raw.w.ExecContext(ctx, `INSERT INTO quotes (article_id, person_id, speaker, speaker_kind, text, start_offset, end_offset, said_at)
					VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, artID, personID, q.Speaker, string(q.SpeakerKind), q.Text, q.Start, q.End, a.Published.UnixMicro()); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := raw.w.ExecContext(ctx, `INSERT INTO quotes (article_id, person_id, speaker, speaker_kind, text, start_offset, end_offset, said_at)
				VALUES ($1, NULL, 'a diplomat', 'anonymous', 'Talks continue', 0, 0, $2)`, artID, a.Published.UnixMicro()); err != nil {
				t.Fatal(err)
			}
		}
		quotesBefore := quoteRows(t, raw.r)
		old.Close()

		s := openDSN(t, driver, dsn)
		checkOneLavrov(t, s)
		after := quoteRows(t, s.(*sqlStore).r)
		if !slices.Equal(after, quotesBefore) || len(after) != 6 {
			t.Errorf("quotes after the migration\n%v\nwant\n%v", after, quotesBefore)
		}
	})
}

// quoteRows lists every stored quote (id, text), to check none is lost.
func quoteRows(t *testing.T, db *pool) []string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), `SELECT id, text FROM quotes ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var (
			id   int64
			text string
		)
		if err := rows.Scan(&id, &text); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(id, " ", text))
	}
	return out
}

// mention saves one article naming one person, with a quote.
func mention(t *testing.T, s Store, i int, when time.Time, p extract.Person, quote string) {
	t.Helper()
	a, an := syntheticArticle(i, p.Name)
	a.Published = when
	an.People = []extract.Person{p}
	an.Quotes = []extract.Quote{{Speaker: p.Name, SpeakerKind: extract.SpeakerPerson, Text: quote}}
	a.Body += " " + quote
	if _, _, err := s.SaveArticle(context.Background(), a, an); err != nil {
		t.Fatal(err)
	}
}

// People who share a surname stay apart; spellings of one person merge.
func TestIdentitiesAtIngest(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := b.open(t)
		day := func(d int) time.Time { return time.Date(2024, 1, d, 12, 0, 0, 0, time.UTC) }
		people := []extract.Person{
			{Name: "Joe Biden", Role: "President", Affiliation: "United States"},
			{Name: "Hunter Biden"},
			{Name: "Joseph R. Biden Jr.", Role: "President", Affiliation: "U.S."},
			{Name: "Kim Jong Un", Role: "leader", Affiliation: "North Korea"},
			{Name: "Kim Yo Jong", Role: "official", Affiliation: "North Korea"},
			{Name: "Kim Jong-un", Role: "leader", Affiliation: "North Korea"},
			{Name: "George H. W. Bush"},
			{Name: "George W. Bush"},
			{Name: "Wang Yi", Role: "Foreign Minister", Affiliation: "China"},
			{Name: "Wang", Role: "Foreign Minister", Affiliation: "Taiwan"},
			{Name: "Volodymyr Zelensky", Role: "President", Affiliation: "Ukraine"},
			{Name: "Volodymyr Zelenskyy", Role: "President", Affiliation: "Ukraine"},
			{Name: "Zelenskiy", Role: "President", Affiliation: "Ukraine"},
		}
		for i, p := range people {
			mention(t, s, i, day(i+1), p, "Statement number "+p.Name)
		}
		tests := []struct {
			query    string
			names    []string
			articles []int
		}{
			{"biden", []string{"Joe Biden", "Hunter Biden"}, []int{2, 1}},
			{"kim jong un", []string{"Kim Jong Un"}, []int{2}},
			{"kim yo jong", []string{"Kim Yo Jong"}, []int{1}},
			{"george w. bush", []string{"George W. Bush", "George H. W. Bush"}, []int{1, 1}}, // two people; the exact one first
			{"zelenskyy", []string{"Volodymyr Zelensky"}, []int{3}},
			{"wang", []string{"Wang", "Wang Yi"}, []int{1, 1}},
		}
		for _, tt := range tests {
			ms, err := s.FindPeople(ctx, tt.query)
			if err != nil {
				t.Fatal(err)
			}
			var (
				names    []string
				articles []int
			)
			for _, m := range ms {
				names, articles = append(names, m.Name), append(articles, m.Articles)
			}
			if !slices.Equal(names, tt.names) || !slices.Equal(articles, tt.articles) {
				t.Errorf("FindPeople(%q) = %v in %v articles, want %v in %v", tt.query, names, articles, tt.names, tt.articles)
			}
		}
		if ms, _ := s.FindPeople(ctx, "wang"); len(ms) == 2 && (ms[0].Affiliation != "Taiwan" || ms[1].Affiliation != "China") {
			t.Errorf("Wangs' affiliations: %+v", ms)
		}
	})
}

func TestRoleHistoryAndQuotes(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := b.open(t)
		day := func(y int) time.Time { return time.Date(y, 5, 1, 12, 0, 0, 0, time.UTC) }
		mention(t, s, 1, day(2012), extract.Person{Name: "Jean-Marc Ayrault", Role: "Prime Minister", Affiliation: "France"}, "Growth will return to Aleppo's markets")
		mention(t, s, 2, day(2016), extract.Person{Name: "Jean-Marc Ayrault", Role: "Foreign Minister", Affiliation: "France"}, "Aleppo is being martyred")
		mention(t, s, 3, day(2015), extract.Person{Name: "Jean-Marc Ayrault", Role: "Prime Minister", Affiliation: "France"}, "We stand together")
		// A later article looking back does not make "former" his title.
		mention(t, s, 4, day(2017), extract.Person{Name: "Jean-Marc Ayrault", Role: "former Prime Minister", Affiliation: "France"}, "I have no regrets")
		id := findOne(t, s, "ayrault").ID
		p, err := s.Profile(ctx, id, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range p.RoleHistory {
			got = append(got, r.Role+" "+r.FirstSeen.Format("2006")+"-"+r.LastSeen.Format("2006"))
		}
		want := []string{"Foreign Minister 2016-2016", "Prime Minister 2012-2015", "former Prime Minister 2017-2017"}
		if !slices.Equal(got, want) || p.Roles[0] != "Foreign Minister" {
			t.Errorf("role history %v (roles %v), want %v", got, p.Roles, want)
		}

		texts := func(q QuoteQuery) []string {
			qs, err := s.PersonQuotes(ctx, id, q)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, q := range qs {
				out = append(out, q.Text)
			}
			return out
		}
		if got := texts(QuoteQuery{Words: []string{"ALEPPO"}}); !slices.Equal(got, []string{"Aleppo is being martyred", "Growth will return to Aleppo's markets"}) {
			t.Errorf("quotes on aleppo: %v", got)
		}
		if got := texts(QuoteQuery{Words: []string{"alep", "growth"}}); !slices.Equal(got, []string{"Growth will return to Aleppo's markets"}) {
			t.Errorf("quotes on alep growth: %v", got)
		}
		if got := texts(QuoteQuery{Since: day(2016)}); !slices.Equal(got, []string{"I have no regrets", "Aleppo is being martyred"}) {
			t.Errorf("quotes since 2016: %v", got)
		}
		if got := texts(QuoteQuery{Words: []string{"aleppo"}, Limit: 1}); !slices.Equal(got, []string{"Aleppo is being martyred"}) {
			t.Errorf("one quote on aleppo: %v", got)
		}
		if got := texts(QuoteQuery{Words: []string{"moscow"}}); len(got) != 0 {
			t.Errorf("quotes on moscow: %v", got)
		}
		if _, err := s.PersonQuotes(ctx, 999999, QuoteQuery{}); err == nil {
			t.Error("PersonQuotes of an unknown person: no error")
		}
	})
}

func TestSuggestPeople(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := b.open(t)
		saveFixtures(t, s, loadFixtures(t), allFixtures...)
		tests := []struct {
			query string
			want  []string
		}{
			{"lavorv", []string{"Sergei Lavrov"}},
			{"sergie lavrvo", []string{"Sergei Lavrov"}},
			{"ayraut", []string{"Jean-Marc Ayrault"}},
			{"jonson", []string{"Boris Johnson", "Jo Johnson", "Johnson"}}, // as close, as often written about: alphabetical
			{"putin", nil},
			{"zzzz", nil},
			{"", nil},
		}
		for _, tt := range tests {
			ms, err := s.SuggestPeople(ctx, tt.query, 5)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range ms {
				got = append(got, m.Name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("SuggestPeople(%q) = %v, want %v", tt.query, got, tt.want)
			}
		}
	})
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"lavrov", "lavrov", 2, 0},
		{"lavrov", "lavorv", 2, 1}, // a swap is one edit
		{"lavrov", "lavro", 2, 1},
		{"lavrov", "lavrovsky", 2, 3}, // beyond max: max+1
		{"çavuş", "cavus", 2, 2},
		{"", "ab", 2, 2},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}
