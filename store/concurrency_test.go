package store

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// replicas opens n stores on one database, as n processes would.
func replicas(t *testing.T, b backend, n int, opts ...Option) []Store {
	t.Helper()
	driver, dsn := b.newDSN(t)
	stores := make([]Store, n)
	for i := range stores {
		stores[i] = openDSN(t, driver, dsn, opts...)
	}
	return stores
}

// parallel runs fn(i) for i in [0, n) at once and fails on any error.
func parallel(t *testing.T, n int, fn func(i int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			if err := fn(i); err != nil {
				errs <- err
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestConcurrentSaveSameArticle(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		stores := replicas(t, b, 2)
		f := loadFixtures(t)["ayrault-lavrov-aleppo"]
		var (
			created atomic.Int32
			ids     sync.Map
		)
		parallel(t, 16, func(i int) error {
			id, ok, err := stores[i%len(stores)].SaveArticle(ctx, f.Article, f.Analysis)
			if ok {
				created.Add(1)
			}
			ids.Store(id, true)
			return err
		})
		if created.Load() != 1 {
			t.Errorf("created %d times, want 1", created.Load())
		}
		n := 0
		ids.Range(func(any, any) bool { n++; return true })
		if n != 1 {
			t.Errorf("%d distinct IDs returned, want 1", n)
		}
		arts, err := stores[0].ArticlesAfter(ctx, 0, 0, 0)
		if err != nil || len(arts) != 1 {
			t.Fatalf("stored %d articles, %v; want 1", len(arts), err)
		}
		if p := findOne(t, stores[0], "lavrov"); p.Articles != 1 {
			t.Errorf("Lavrov in %d articles, want 1", p.Articles)
		}
	})
}

// Concurrent writers of different articles all succeed: SQLite writers
// queue instead of failing with SQLITE_BUSY, also across two pools.
func TestConcurrentSaveDistinctArticles(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		stores := replicas(t, b, 2)
		const workers, each = 8, 15
		people := []string{"Jean-Marc Ayrault", "Sergei Lavrov", "Ayrault", "Lavrov", "John Kerry"}
		parallel(t, workers, func(w int) error {
			for j := range each {
				i := w*each + j
				a, an := syntheticArticle(i, people[i%len(people)])
				if _, created, err := stores[w%2].SaveArticle(ctx, a, an); err != nil || !created {
					return fmt.Errorf("article %d: created=%v: %w", i, created, err)
				}
				if _, err := stores[(w+1)%2].FindPeople(ctx, "ayrault"); err != nil {
					return err
				}
			}
			return nil
		})
		arts, err := stores[0].ArticlesAfter(ctx, 0, 0, 0)
		if err != nil || len(arts) != workers*each {
			t.Fatalf("stored %d articles, %v; want %d", len(arts), err, workers*each)
		}
		// However the saves interleaved, bare surnames ended up with the
		// one full name that carries them.
		for _, q := range []string{"ayrault", "lavrov"} {
			ms, err := stores[0].FindPeople(ctx, q)
			if err != nil || len(ms) != 1 || ms[0].Articles != 2*workers*each/len(people) {
				t.Errorf("FindPeople(%q) = %+v, %v", q, ms, err)
			}
		}
	})
}

func TestConcurrentClaims(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		stores := replicas(t, b, 4)
		slot := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
		for round := range 5 {
			var claimed atomic.Int32
			parallel(t, 8, func(i int) error {
				_, ok, err := stores[i%len(stores)].ClaimDigestRun(ctx, "slack:C1", slot, fmt.Sprintf("replica-%d", i), time.Minute, 0)
				if ok {
					claimed.Add(1)
				}
				return err
			})
			if claimed.Load() != 1 {
				t.Errorf("round %d: %d claimers won, want 1", round, claimed.Load())
			}
			slot = slot.Add(time.Hour)
		}
		var leased atomic.Int32
		parallel(t, 8, func(i int) error {
			ok, err := stores[i%len(stores)].AcquireLease(ctx, "matrix-sync", fmt.Sprintf("replica-%d", i), time.Minute)
			if ok {
				leased.Add(1)
			}
			return err
		})
		if leased.Load() != 1 {
			t.Errorf("%d lease holders, want 1", leased.Load())
		}
	})
}

// Digest runs claimed while articles are being saved concurrently cover
// every article exactly once: no article commits with an ID at or below a
// watermark already taken.
func TestDigestWatermarksUnderConcurrentInserts(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		stores := replicas(t, b, 3)
		const writers, each = 4, 25
		var (
			done     = make(chan struct{})
			seen     = map[int64]int{}
			runs     int
			digestWG sync.WaitGroup
			slot     = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
		)
		digest := func() {
			slot = slot.Add(time.Minute)
			run, ok, err := stores[2].ClaimDigestRun(ctx, "slack:C1", slot, "digester", time.Minute, 0)
			if err != nil || !ok {
				t.Errorf("claim: %v %v", ok, err)
				return
			}
			var arts []StoredArticle
			if !run.Empty() {
				arts, err = stores[2].ArticlesAfter(ctx, run.AfterID, run.UptoID, 0)
				if err != nil {
					t.Error(err)
					return
				}
			}
			for _, a := range arts {
				seen[a.ID]++
			}
			if err := stores[2].FinishDigestRun(ctx, run.ID, "digester", ""); err != nil {
				t.Error(err)
			}
			runs++
		}
		digestWG.Add(1)
		go func() {
			defer digestWG.Done()
			for {
				select {
				case <-done:
					return
				default:
					digest()
				}
			}
		}()
		parallel(t, writers, func(w int) error {
			for j := range each {
				// One person per article: the writers contend only for
				// article IDs, the property under test.
				i := w*each + j
				a, an := syntheticArticle(i, fmt.Sprintf("Envoy %d", i))
				if _, _, err := stores[w%2].SaveArticle(ctx, a, an); err != nil {
					return err
				}
			}
			return nil
		})
		close(done)
		digestWG.Wait()
		digest() // the run after the last insert

		arts, err := stores[0].ArticlesAfter(ctx, 0, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) != writers*each {
			t.Fatalf("stored %d articles, want %d", len(arts), writers*each)
		}
		for _, a := range arts {
			if seen[a.ID] != 1 {
				t.Errorf("article %d delivered %d times over %d runs", a.ID, seen[a.ID], runs)
			}
		}
	})
}

// Replicas starting together on an empty database migrate it once.
func TestConcurrentMigrations(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		driver, dsn := b.newDSN(t)
		stores := make([]Store, 4)
		parallel(t, len(stores), func(i int) error {
			s, err := Open(context.Background(), driver, dsn)
			stores[i] = s
			return err
		})
		for _, s := range stores {
			if s != nil {
				s.Close()
			}
		}
	})
}
