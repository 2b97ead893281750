package store

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"
)

// Articles past retention go with their quotes and mentions; people left
// with no article go too, the others are recounted; an article an
// undelivered digest run covers, or past the caller's keepAfter, stays.
func TestPruneArticles(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		clock := newFakeClock()
		s := b.open(t, WithClock(clock.Now))
		save := func(i int, person string) int64 {
			t.Helper()
			a, an := syntheticArticle(i, person)
			id, _, err := s.SaveArticle(ctx, a, an)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		old := save(1, "Staffan de Mistura") // pruned first
		pinned := save(2, "Ban Ki-moon")     // old, but in an undelivered run
		kept := save(3, "Ban Ki-moon")       // old, but past keepAfter
		cutoff := clock.Now().Add(24 * time.Hour)
		clock.Advance(48 * time.Hour)
		recent := save(4, "Staffan de Mistura") // newer than the cutoff

		run, ok, err := s.ClaimDigestRun(ctx, "wire", clock.Now(), "r1", time.Minute, old)
		if err != nil || !ok || run.AfterID != old || run.UptoID != recent {
			t.Fatalf("claim = %+v, %v, %v", run, ok, err)
		}
		steps := []struct {
			name        string
			keepAfter   int64
			finishRun   bool
			wantArts    int64
			wantPeople  int64
			wantGone    []int64
			wantPresent []int64
		}{
			{"undelivered run pins its range", math.MaxInt64, false, 1, 0, []int64{old}, []int64{pinned, kept, recent}},
			{"keepAfter bounds it", pinned, true, 1, 0, []int64{pinned}, []int64{kept, recent}},
			{"the rest of the old ones", math.MaxInt64, false, 1, 1, []int64{kept}, []int64{recent}},
			{"nothing more", math.MaxInt64, false, 0, 0, nil, []int64{recent}},
		}
		for _, st := range steps {
			if st.finishRun {
				if err := s.FinishDigestRun(ctx, run.ID, "r1", ""); err != nil {
					t.Fatal(err)
				}
			}
			arts, people, err := s.PruneArticles(ctx, cutoff, st.keepAfter)
			if err != nil || arts != st.wantArts || people != st.wantPeople {
				t.Fatalf("%s: pruned %d articles, %d people, %v; want %d, %d", st.name, arts, people, err, st.wantArts, st.wantPeople)
			}
			for _, id := range st.wantGone {
				if _, err := s.Article(ctx, id); !errors.Is(err, ErrNotFound) {
					t.Errorf("%s: article %d: %v, want ErrNotFound", st.name, id, err)
				}
			}
			for _, id := range st.wantPresent {
				if _, err := s.Article(ctx, id); err != nil {
					t.Errorf("%s: article %d: %v", st.name, id, err)
				}
			}
		}

		// Ban Ki-moon's last article is gone: so is he, with his quotes.
		if got, err := s.FindPeople(ctx, "Ban Ki-moon"); err != nil || len(got) != 0 {
			t.Errorf("FindPeople(Ban Ki-moon) after his articles went = %+v, %v", got, err)
		}
		// de Mistura keeps the recent article: counted once, seen then,
		// quoted only there.
		found, err := s.FindPeople(ctx, "Staffan de Mistura")
		if err != nil || len(found) != 1 {
			t.Fatalf("FindPeople(de Mistura) = %+v, %v", found, err)
		}
		p, err := s.Profile(ctx, found[0].ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if p.Articles != 1 || len(p.Quotes) != 1 || p.Quotes[0].ArticleID != recent || !p.FirstSeen.Equal(clock.Now()) {
			t.Errorf("de Mistura after pruning: %d articles, quotes %+v, first seen %s; want 1 article, its quote, first seen %s",
				p.Articles, p.Quotes, p.FirstSeen, clock.Now())
		}
		for _, r := range p.RoleHistory {
			if r.Articles != 1 || !r.FirstSeen.Equal(clock.Now()) {
				t.Errorf("de Mistura's title %+v still counts the pruned article", r)
			}
		}
	})
}
