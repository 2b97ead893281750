package store

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
)

func TestSaveArticleDedup(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := b.open(t)
		fx := loadFixtures(t)
		base := fx["ayrault-lavrov-aleppo"]
		baseID := saveFixtures(t, s, fx, base.Name)[base.Name]

		tests := []struct {
			name        string
			change      func(a *ingest.Article)
			wantCreated bool
		}{
			{"same URL, new text", func(a *ingest.Article) {
				a.GUID = "tag:other,1"
				a.Body = "A corrected version of the story."
			}, false},
			{"same GUID, new URL and text", func(a *ingest.Article) {
				a.URL = "https://mirror.example/aleppo"
				a.Body = "Syndicated copy with a new intro."
			}, false},
			{"same text in other case and spacing", func(a *ingest.Article) {
				a.URL = "https://copy.example/aleppo"
				a.GUID = ""
				a.Title = "  FRANCE and Russia   clash over ALEPPO resolution "
				a.Body = "French  Foreign Minister Jean-Marc Ayrault said on Wednesday that Paris would put a draft resolution on Aleppo to a vote. “We cannot accept that Aleppo is being martyred,” Ayrault told reporters in Paris.\nRussian Foreign Minister Sergei Lavrov rejected the text. “The draft is unacceptable in its current form,” Lavrov said in Moscow. A French diplomatic source said: “The Russians are playing for time.”"
			}, false},
			{"different article", func(a *ingest.Article) {
				a.URL = "https://diplo.example/2016/10/05/aleppo-reaction"
				a.GUID = "tag:diplo.example,2016:1010"
				a.Body = "Reactions poured in after the vote."
			}, true},
		}
		for _, tt := range tests {
			a := base.Article
			tt.change(&a)
			id, created, err := s.SaveArticle(ctx, a, base.Analysis)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if created != tt.wantCreated {
				t.Errorf("%s: created = %v, want %v", tt.name, created, tt.wantCreated)
			}
			if !tt.wantCreated && id != baseID {
				t.Errorf("%s: id = %d, want the existing %d", tt.name, id, baseID)
			}
			if tt.wantCreated && id == baseID {
				t.Errorf("%s: got the existing id %d for a new article", tt.name, id)
			}
		}

		// The duplicates changed nothing already stored.
		got, err := s.Article(ctx, baseID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Article.Body != base.Article.Body || got.Article.GUID != base.Article.GUID {
			t.Errorf("stored article changed by a duplicate: %+v", got.Article)
		}
		p := findOne(t, s, "Jean-Marc Ayrault")
		if p.Articles != 2 { // the base article and the different one
			t.Errorf("Ayrault in %d articles, want 2: duplicates must not count", p.Articles)
		}

		if _, _, err := s.SaveArticle(ctx, ingest.Article{Source: "https://x.example/feed"}, extract.Analysis{}); err == nil {
			t.Error("an article without URL, GUID or text was accepted")
		}
	})
}

func TestArticleRoundTrip(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		clock := newFakeClock()
		s := b.open(t, WithClock(clock.Now))
		fx := loadFixtures(t)
		for _, name := range allFixtures {
			f := fx[name]
			id := saveFixtures(t, s, fx, name)[name]
			got, err := s.Article(ctx, id)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if got.ID != id || !got.Stored.Equal(clock.Now()) {
				t.Errorf("%s: ID %d stored %v, want %d at %v", name, got.ID, got.Stored, id, clock.Now())
			}
			want := f.Article
			if !got.Article.Published.Equal(want.Published) || !got.Article.Fetched.Equal(want.Fetched) {
				t.Errorf("%s: times %v/%v, want %v/%v", name, got.Article.Published, got.Article.Fetched, want.Published, want.Fetched)
			}
			got.Article.Published, got.Article.Fetched = want.Published, want.Fetched
			if got.Article != want {
				t.Errorf("%s: article\n got %+v\nwant %+v", name, got.Article, want)
			}
			if !reflect.DeepEqual(got.Analysis, f.Analysis) {
				t.Errorf("%s: analysis\n got %+v\nwant %+v", name, got.Analysis, f.Analysis)
			}
			clock.Advance(time.Minute)
		}
		if _, err := s.Article(ctx, 9999); !errors.Is(err, ErrNotFound) {
			t.Errorf("Article(9999) error = %v, want ErrNotFound", err)
		}
	})
}

// A stored analysis whose quote has a speaker kind attache does not know
// is an error on reading, not a quote of some other kind.
func TestArticleUnknownSpeakerKind(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := b.open(t)
		a, an := syntheticArticle(1, "Jean-Marc Ayrault")
		id, _, err := s.SaveArticle(ctx, a, an)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Article(ctx, id); err != nil {
			t.Fatal(err)
		}
		an.Quotes[0].SpeakerKind = "robot"
		js, err := json.Marshal(an)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.(*sqlStore).w.ExecContext(ctx, `UPDATE articles SET analysis = $1 WHERE id = $2`, string(js), id); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Article(ctx, id); err == nil || !strings.Contains(err.Error(), `unknown speaker kind "robot"`) {
			t.Errorf("reading a stored unknown speaker kind: error %v", err)
		}
	})
}

func TestArticlesAfterAndSince(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		clock := newFakeClock()
		s := b.open(t, WithClock(clock.Now))
		if latest, err := s.LatestArticleID(ctx); err != nil || latest != 0 {
			t.Fatalf("LatestArticleID of an empty store = %d, %v", latest, err)
		}
		start := clock.Now()
		var ids []int64
		for i := range 6 {
			a, an := syntheticArticle(i, "Staffan de Mistura")
			id, _, err := s.SaveArticle(ctx, a, an)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
			clock.Advance(time.Hour)
		}
		for i := 1; i < len(ids); i++ {
			if ids[i] <= ids[i-1] {
				t.Fatalf("IDs not increasing: %v", ids)
			}
		}
		latest, err := s.LatestArticleID(ctx)
		if err != nil || latest != ids[5] {
			t.Fatalf("LatestArticleID = %d, %v; want %d", latest, err, ids[5])
		}

		tests := []struct {
			name        string
			after, upto int64
			limit       int
			want        []int64
		}{
			{"all", 0, 0, 0, ids},
			{"after", ids[1], 0, 0, ids[2:]},
			{"window", ids[1], ids[3], 0, ids[2:4]},
			{"limit", ids[0], 0, 2, ids[1:3]},
			{"window and limit", 0, ids[4], 3, ids[:3]},
			{"nothing after the last", ids[5], 0, 0, nil},
		}
		for _, tt := range tests {
			arts, err := s.ArticlesAfter(ctx, tt.after, tt.upto, tt.limit)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if got := articleIDs(arts); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s: ArticlesAfter(%d, %d, %d) = %v, want %v", tt.name, tt.after, tt.upto, tt.limit, got, tt.want)
			}
		}

		since := []struct {
			t     time.Time
			limit int
			want  []int64
		}{
			{start, 0, ids},
			{start.Add(2 * time.Hour), 0, ids[2:]},
			{start.Add(90 * time.Minute), 2, ids[2:4]},
			{start.Add(24 * time.Hour), 0, nil},
		}
		for _, tt := range since {
			arts, err := s.ArticlesSince(ctx, tt.t, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if got := articleIDs(arts); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ArticlesSince(+%v, %d) = %v, want %v", tt.t.Sub(start), tt.limit, got, tt.want)
			}
		}
	})
}

func articleIDs(arts []StoredArticle) []int64 {
	var ids []int64
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	return ids
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	if _, err := Open(ctx, "mysql", "x"); err == nil {
		t.Error("Open accepted an unknown driver")
	}
	if _, err := Open(ctx, "postgres", ""); err == nil {
		t.Error("Open accepted postgres without a DSN")
	}
	// An in-memory database works and is migrated.
	mem := openDSN(t, "sqlite", ":memory:")
	a, an := syntheticArticle(1, "Federica Mogherini")
	if _, created, err := mem.SaveArticle(ctx, a, an); err != nil || !created {
		t.Fatalf(":memory: save: %v %v", created, err)
	}
	if ms, err := mem.FindPeople(ctx, "mogherini"); err != nil || len(ms) != 1 {
		t.Fatalf(":memory: FindPeople = %v, %v", ms, err)
	}
}

// Reopening a database keeps its data and applies no migration twice.
func TestReopen(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		driver, dsn := b.newDSN(t)
		s1, err := Open(ctx, driver, dsn)
		if err != nil {
			t.Fatal(err)
		}
		a, an := syntheticArticle(7, "Staffan de Mistura")
		id, _, err := s1.SaveArticle(ctx, a, an)
		if err != nil {
			t.Fatal(err)
		}
		s1.Close()
		s2 := openDSN(t, driver, dsn)
		got, err := s2.Article(ctx, id)
		if err != nil || got.Article.URL != a.URL {
			t.Fatalf("after reopen: %+v, %v", got.Article, err)
		}
		var versions int
		if err := s2.(*sqlStore).r.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&versions); err != nil {
			t.Fatal(err)
		}
		if versions != len(migrations) {
			t.Errorf("%d migrations recorded, want %d", versions, len(migrations))
		}
	})
}
