package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/attache-bot/attache/digest"
	"github.com/attache-bot/attache/store"
)

// BenchmarkDigestBuild is the work of a scheduled digest on the
// 100,000-article fixture of BenchmarkWho (see bench_test.go; -bench only):
// read the 1,000 newest articles with their analyses (ArticlesAfter) and
// build the digest from them (digest.Build). Target: at most 1 s per build.
//
//	go test ./store -run '^$' -bench 'Who|DigestBuild' -benchtime 200x
//
// It lives in the external test package because digest imports store.

var backends = []string{"sqlite", "postgres"}

func BenchmarkDigestBuild(b *testing.B) {
	const newArticles = 1000
	for _, backend := range backends {
		b.Run(backend, func(b *testing.B) {
			st, _ := store.BenchFixture(b, backend)
			ctx := context.Background()
			latest, err := st.LatestArticleID(ctx)
			if err != nil || latest < newArticles {
				b.Fatalf("latest article %d, %v: the fixture is too small", latest, err)
			}
			newest, err := st.Article(ctx, latest)
			if err != nil {
				b.Fatal(err)
			}
			opts := digest.Options{Title: "bench", Now: newest.Article.Published.Add(time.Hour), MaxStories: 20}
			var durations []time.Duration
			var stories int
			for b.Loop() {
				start := time.Now()
				articles, err := st.ArticlesAfter(ctx, latest-newArticles, latest, 0)
				if err != nil || len(articles) != newArticles {
					b.Fatalf("%d articles, %v", len(articles), err)
				}
				d := digest.Build(articles, opts)
				durations = append(durations, time.Since(start))
				stories = len(d.Stories) + d.Omitted
			}
			if stories == 0 {
				b.Fatal("the digest has no stories")
			}
			store.ReportPercentiles(b, durations)
			b.ReportMetric(float64(stories), "stories")
		})
	}
}
