package store

import (
	"context"
	"testing"

	"github.com/attache-bot/attache/store/storetest"
)

// BenchmarkSaveArticle measures ingest's write path: one SaveArticle (its
// own transaction, as the poller stores an article) into a store already
// holding 5,000 corpus articles, so that person resolution finds people
// to merge with. It reports articles per second; the identity issue's
// target is to stay within 20 % of the figure before identity resolution.
func BenchmarkSaveArticle(b *testing.B) {
	for _, be := range []backend{sqliteBackend, postgresBackend} {
		b.Run(be.name, func(b *testing.B) {
			if be.name == "postgres" {
				storetest.RequirePostgres(b)
			}
			s := be.open(b)
			c := newBenchCorpus()
			const preload = 5000
			seed(b, s, c, preload)
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				x := c.article(preload + i)
				if _, _, err := s.SaveArticle(ctx, x.Article, x.Analysis); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
