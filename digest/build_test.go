package digest

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/store"
)

var testNow = time.Date(2026, 10, 5, 12, 0, 0, 0, time.UTC)

func loadArticles(t testing.TB) []store.StoredArticle {
	t.Helper()
	data, err := os.ReadFile("testdata/stories.json")
	if err != nil {
		t.Fatal(err)
	}
	var articles []store.StoredArticle
	if err := json.Unmarshal(data, &articles); err != nil {
		t.Fatal(err)
	}
	return articles
}

func headlines(d Digest) []string {
	var hs []string
	for _, s := range d.Stories {
		hs = append(hs, s.Headline)
	}
	return hs
}

func TestBuildGroupsSameStoryFromTwoOutlets(t *testing.T) {
	d := Build(loadArticles(t), Options{Now: testNow})
	want := []string{
		"Ayrault flies to Moscow seeking Aleppo truce vote", // the newest article leads
		"Kenya and Somalia agree to reopen border crossings",
		"Lavrov and Japanese counterpart discuss fishing quotas",
	}
	if got := headlines(d); !slices.Equal(got, want) {
		t.Fatalf("stories = %q\nwant %q", got, want)
	}
	s := d.Stories[0]
	if len(s.Sources) != 2 || s.Sources[0].Name != "Le Quotidien" || s.Sources[1].Name != "Example Wire" {
		t.Errorf("sources = %+v", s.Sources)
	}
	if !slices.Equal(s.ArticleIDs, []int64{2, 1}) {
		t.Errorf("article IDs = %v", s.ArticleIDs)
	}
	if !s.Published.Equal(time.Date(2026, 10, 5, 11, 30, 0, 0, time.UTC)) {
		t.Errorf("published = %v, want the newest article's time", s.Published)
	}
	if !strings.HasPrefix(s.Summary, "Ayrault heads to Moscow") {
		t.Errorf("summary = %q, want the newest article's", s.Summary)
	}
	if d.Title != "attache digest — 5 Oct 2026" {
		t.Errorf("title = %q", d.Title)
	}
}

func TestBuildMergesActorsAcrossArticles(t *testing.T) {
	s := Build(loadArticles(t), Options{Now: testNow}).Stories[0]
	want := []Actor{
		// No Said: his best quote is under Quotes, and a quote is shown once.
		{Name: "Jean-Marc Ayrault", Role: "Foreign Minister", Affiliation: "France", Mentions: 8},
		{Name: "Sergei Lavrov", Role: "Russian Foreign Minister", Affiliation: "Russia", Mentions: 3},
		{Name: "Vitaly Churkin", Role: "U.N. Ambassador", Affiliation: "Russia", Mentions: 1},
	}
	if !reflect.DeepEqual(s.Actors, want) {
		t.Fatalf("actors =\n%+v\nwant\n%+v", s.Actors, want)
	}
}

func TestBuildPicksQuotes(t *testing.T) {
	s := Build(loadArticles(t), Options{Now: testNow}).Stories[0]
	want := []QuoteLine{
		// The second outlet's shorter excerpt of the same words is merged into this one.
		{Text: "If you're complicit in war crimes then one day you will be held accountable, including legally.", Speaker: "Jean-Marc Ayrault", Kind: extract.SpeakerPerson},
		// Said as "Ayrault": credited under the fullest name the story gives.
		{Text: "It is deeply shocking and shameful.", Speaker: "Jean-Marc Ayrault", Kind: extract.SpeakerPerson},
		{Text: "They have opposed every single dot and comma of the resolution.", Speaker: "a senior Security Council diplomat", Kind: extract.SpeakerAnonymous},
		{Text: "It's all that's left.", Speaker: "a French diplomatic source", Kind: extract.SpeakerAnonymous},
	}
	if !reflect.DeepEqual(s.Quotes, want) {
		t.Fatalf("quotes =\n%+v\nwant\n%+v", s.Quotes, want)
	}
}

func TestBuildIsIndependentOfInputOrder(t *testing.T) {
	articles := loadArticles(t)
	want := Build(articles, Options{Now: testNow})
	rng := rand.New(rand.NewPCG(1, 2))
	for range 10 {
		shuffled := slices.Clone(articles)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := Build(shuffled, Options{Now: testNow}); !reflect.DeepEqual(got, want) {
			t.Fatalf("order %v gave a different digest:\n%+v", ids(shuffled), headlines(got))
		}
	}
}

func ids(as []store.StoredArticle) []int64 {
	var out []int64
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func TestBuildOptions(t *testing.T) {
	aleppo := "Ayrault flies to Moscow seeking Aleppo truce vote"
	kenya := "Kenya and Somalia agree to reopen border crossings"
	tokyo := "Lavrov and Japanese counterpart discuss fishing quotas"
	tests := []struct {
		name        string
		opts        Options
		want        []string
		wantOmitted int
	}{
		{name: "keyword in summary", opts: Options{Filter: Filter{Keywords: []string{"CEASEFIRE"}}}, want: []string{aleppo}},
		{name: "keyword in a quote", opts: Options{Filter: Filter{Keywords: []string{"trade will move"}}}, want: []string{kenya}},
		{name: "keyword is whole words", opts: Options{Filter: Filter{Keywords: []string{"cease"}}}, want: nil},
		{name: "actor by surname, accent-insensitive", opts: Options{Filter: Filter{Actors: []string{"LAVRÖV"}}}, want: []string{aleppo, tokyo}},
		{name: "actor by full name", opts: Options{Filter: Filter{Actors: []string{"Amina Wanjiru"}}}, want: []string{kenya}},
		{name: "country by affiliation", opts: Options{Filter: Filter{Countries: []string{"Japan"}}}, want: []string{tokyo}},
		{name: "country by place", opts: Options{Filter: Filter{Countries: []string{"Syria"}}}, want: []string{aleppo}},
		{name: "any entry matches", opts: Options{Filter: Filter{Keywords: []string{"border"}, Countries: []string{"Japan"}}}, want: []string{kenya, tokyo}},
		{name: "nothing matches", opts: Options{Filter: Filter{Countries: []string{"Ukraine"}}}, want: nil},
		{name: "max stories", opts: Options{MaxStories: 1}, want: []string{aleppo}, wantOmitted: 2},
		{name: "since drops older articles", opts: Options{Since: time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)}, want: []string{aleppo, kenya}},
		{name: "until cuts the second outlet", opts: Options{Until: time.Date(2026, 10, 5, 10, 0, 0, 0, time.UTC)},
			want: []string{"France makes new push for Aleppo ceasefire", kenya, tokyo}},
		{name: "title", opts: Options{Title: "Morning brief", MaxStories: 3}, want: []string{aleppo, kenya, tokyo}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Now = testNow
			d := Build(loadArticles(t), tt.opts)
			if got := headlines(d); !slices.Equal(got, tt.want) {
				t.Errorf("stories = %q, want %q", got, tt.want)
			}
			if d.Omitted != tt.wantOmitted {
				t.Errorf("omitted = %d, want %d", d.Omitted, tt.wantOmitted)
			}
			if tt.opts.Title != "" && d.Title != tt.opts.Title {
				t.Errorf("title = %q", d.Title)
			}
		})
	}
}

func TestBuildUntilKeepsOnlyFirstOutlet(t *testing.T) {
	d := Build(loadArticles(t), Options{Now: testNow, Until: time.Date(2026, 10, 5, 10, 0, 0, 0, time.UTC)})
	if n := len(d.Stories[0].Sources); n != 1 {
		t.Fatalf("aleppo story has %d sources, want 1 (the 11:30 article is after Until)", n)
	}
}

func TestBuildEmpty(t *testing.T) {
	d := Build(nil, Options{Now: testNow})
	if !d.Empty() || d.Stories == nil {
		t.Fatalf("digest of nothing = %+v; want empty, with a non-nil story list for JSON", d)
	}
}

func TestBuildFallsBackWhenAnalysisIsEmpty(t *testing.T) {
	a := store.StoredArticle{ID: 7, Stored: testNow}
	a.Article.Source = "examples/articles"
	a.Article.Feed = "articles"
	a.Article.GUID = "file:2026/001_berlin.txt#9f86d081"
	a.Article.Body = "Caption of a photo\n\nBerlin: Germany and Poland signed a border agreement on Monday, ending a dispute that had lasted for years. More text follows here."
	s := Build([]store.StoredArticle{a}, Options{Now: testNow}).Stories[0]
	if s.Headline != "Untitled article" || s.Sources[0].Name != "001_berlin.txt" {
		t.Errorf("headline %q source %+v", s.Headline, s.Sources[0])
	}
	if !strings.HasPrefix(s.Summary, "Berlin: Germany and Poland") {
		t.Errorf("summary = %q, want the first real paragraph", s.Summary)
	}
}

func TestAmbiguousSurnameIsNotCredited(t *testing.T) {
	a := store.StoredArticle{ID: 1, Stored: testNow}
	a.Article.Title = "Two Ayraults"
	a.Analysis = extract.Analysis{
		People: []extract.Person{
			{Name: "Jean-Marc Ayrault", Role: "Foreign Minister", Mentions: 2},
			{Name: "Marie Ayrault", Role: "Ambassador", Mentions: 2},
		},
		Quotes: []extract.Quote{{Speaker: "Ayrault", SpeakerKind: extract.SpeakerPerson, Text: "We will see."}},
	}
	s := Build([]store.StoredArticle{a}, Options{Now: testNow}).Stories[0]
	if s.Quotes[0].Speaker != "Ayrault" {
		t.Errorf("speaker = %q: an ambiguous surname must not be expanded to one of them", s.Quotes[0].Speaker)
	}
	for _, actor := range s.Actors {
		if actor.Said != "" {
			t.Errorf("%s credited with %q", actor.Name, actor.Said)
		}
	}
}

// TestGroupingDoesNotChain: A and B share two people, B and C share two
// others, A and C share nothing. C resembles only half of the A+B story, so
// it must start its own story rather than be chained in through B.
func TestGroupingDoesNotChain(t *testing.T) {
	mk := func(id int64, title string, names ...string) store.StoredArticle {
		a := store.StoredArticle{ID: id, Stored: testNow.Add(time.Duration(id) * time.Minute)}
		a.Article.Title = title
		for _, n := range names {
			a.Analysis.People = append(a.Analysis.People, extract.Person{Name: n, Mentions: 1})
		}
		return a
	}
	articles := []store.StoredArticle{
		mk(1, "Alpha summit opens", "Ann Xu", "Bo Yang"),
		mk(2, "Leaders meet twice", "Ann Xu", "Bo Yang", "Cy Zed", "Di Wu"),
		mk(3, "Harbour dispute flares", "Cy Zed", "Di Wu"),
	}
	d := Build(articles, Options{Now: testNow})
	var groups [][]int64
	for _, s := range d.Stories {
		groups = append(groups, s.ArticleIDs)
	}
	if len(groups) != 2 {
		t.Fatalf("stories = %v, want two: [1 2] and [3]", groups)
	}
	for _, g := range groups {
		if slices.Contains(g, 1) && slices.Contains(g, 3) {
			t.Fatalf("stories = %v: article 3 was chained to article 1", groups)
		}
	}
}

// A story leads with its newest dated article; an undated article read
// later does not pass for the latest development, and a story of undated
// articles has no date.
func TestLeadIsNewestDatedArticle(t *testing.T) {
	mk := func(id int64, title string, published, fetched time.Time) store.StoredArticle {
		a := store.StoredArticle{ID: id, Stored: fetched}
		a.Article.Title = title
		a.Article.Feed = "Outlet " + title
		a.Article.Published, a.Article.Fetched = published, fetched
		a.Article.Body = "Envoys met in Geneva on the prisoner exchange and agreed to meet again next week."
		a.Analysis.People = []extract.Person{{Name: "Ann Xu", Mentions: 1}, {Name: "Bo Yang", Mentions: 1}}
		return a
	}
	morning := time.Date(2026, 10, 5, 8, 0, 0, 0, time.UTC)
	noon := time.Date(2026, 10, 5, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		articles  []store.StoredArticle
		lead      string
		published time.Time
	}{
		{"newest dated leads", []store.StoredArticle{
			mk(1, "Geneva prisoner exchange talks open", morning, noon),
			mk(2, "Geneva prisoner exchange talks agree swap", noon, noon),
		}, "Geneva prisoner exchange talks agree swap", noon},
		{"undated read later does not lead", []store.StoredArticle{
			mk(1, "Geneva prisoner exchange talks open", morning, morning),
			mk(2, "Geneva prisoner exchange talks undated", time.Time{}, noon),
		}, "Geneva prisoner exchange talks open", morning},
		{"all undated: newest read leads, no date", []store.StoredArticle{
			mk(1, "Geneva prisoner exchange talks open", time.Time{}, morning),
			mk(2, "Geneva prisoner exchange talks agree swap", time.Time{}, noon),
		}, "Geneva prisoner exchange talks agree swap", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Build(tt.articles, Options{Now: noon})
			if len(d.Stories) != 1 {
				t.Fatalf("%d stories, want the two articles grouped: %q", len(d.Stories), headlines(d))
			}
			s := d.Stories[0]
			if s.Headline != tt.lead || s.Sources[0].Title != tt.lead {
				t.Errorf("lead %q (first source %q), want %q", s.Headline, s.Sources[0].Title, tt.lead)
			}
			if !s.Published.Equal(tt.published) {
				t.Errorf("published %v, want %v", s.Published, tt.published)
			}
		})
	}
}

func TestSourceNames(t *testing.T) {
	tests := []struct {
		name, feed, source, guid, url, want string
	}{
		{"feed title", "Wire World News", "https://wire.example/rss", "wire-1", "https://wire.example/1", "Wire World News"},
		{"host when no name", "", "https://wire.example/rss", "wire-1", "https://www.wire.example/1", "wire.example"},
		{"local file naming its outlet", "The Bosphorus Ledger", "examples/articles", "file:002_grain.md#0123456789abcdef", "", "The Bosphorus Ledger"},
		{"local file in a directory, no outlet", "articles", "examples/articles", "file:000_dca0585e2d2c906d.txt#0123456789abcdef", "", "000_dca0585e2d2c906d.txt"},
		{"single local file, no outlet", "", "/data/001.txt", "file:001.txt#0123456789abcdef", "", "001.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := store.StoredArticle{ID: 1}
			a.Article.Feed, a.Article.Source, a.Article.GUID, a.Article.URL = tt.feed, tt.source, tt.guid, tt.url
			if got := linkTo(a).Name; got != tt.want {
				t.Errorf("name %q, want %q", got, tt.want)
			}
		})
	}
}

// A country filter finds a country under its other common names.
func TestCountryFilterAlternativeNames(t *testing.T) {
	tests := []struct{ filter, place string }{
		{"Turkey", "Türkiye"}, {"Türkiye", "Turkey"}, {"turkiye", "Turkey"},
		{"Czech Republic", "Czechia"}, {"Czechia", "Czech Republic"},
		{"Ivory Coast", "Côte d'Ivoire"}, {"Cote d'Ivoire", "Ivory Coast"},
		{"Burma", "Myanmar"}, {"Myanmar", "Burma"},
	}
	for _, tt := range tests {
		a := store.StoredArticle{ID: 1, Stored: testNow}
		a.Article.Title = "Talks on the border"
		a.Analysis.Places = []string{tt.place}
		d := Build([]store.StoredArticle{a}, Options{Now: testNow, Filter: Filter{Countries: []string{tt.filter}}})
		if len(d.Stories) != 1 {
			t.Errorf("filter %q does not find a story placed in %q", tt.filter, tt.place)
		}
	}
	a := store.StoredArticle{ID: 1, Stored: testNow}
	a.Article.Title = "Talks on the border"
	a.Analysis.Places = []string{"Myanmar"}
	if d := Build([]store.StoredArticle{a}, Options{Now: testNow, Filter: Filter{Countries: []string{"Turkey"}}}); len(d.Stories) != 0 {
		t.Error("a Turkey filter kept a story about Myanmar")
	}
}
