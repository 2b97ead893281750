package digest

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/store"
)

// syntheticArticles makes n articles over two days about n/4 stories, each
// story told by up to four outlets, with people drawn from a shared pool so
// that unrelated stories share some names, as real news does.
func syntheticArticles(n int) []store.StoredArticle {
	rng := rand.New(rand.NewPCG(42, 7))
	pool := make([]extract.Person, 300)
	for i := range pool {
		pool[i] = extract.Person{Name: fmt.Sprintf("Given%d Surname%d", i, i), Role: "Foreign Minister", Affiliation: fmt.Sprintf("Country%d", i%60), Mentions: 1 + i%4}
	}
	start := time.Date(2026, 10, 3, 0, 0, 0, 0, time.UTC)
	stories := max(n/4, 1)
	articles := make([]store.StoredArticle, n)
	for i := range articles {
		story := rng.IntN(stories)
		var people []extract.Person
		var quotes []extract.Quote
		for k := range 4 {
			p := pool[(story*7+k*13)%len(pool)]
			people = append(people, p)
			quotes = append(quotes, extract.Quote{Speaker: p.Name, SpeakerKind: extract.SpeakerPerson,
				Text: fmt.Sprintf("We discussed matter %d at length and reached point %d.", story, k)})
		}
		quotes = append(quotes, extract.Quote{Speaker: "a senior diplomat", SpeakerKind: extract.SpeakerAnonymous, Text: fmt.Sprintf("Nothing is agreed on %d.", story)})
		a := store.StoredArticle{ID: int64(i + 1), Stored: start.Add(time.Duration(i) * time.Minute)}
		a.Article.Title = fmt.Sprintf("Talks on topic%d and region%d resume in capital%d", story, story%40, story%25)
		a.Article.Feed = fmt.Sprintf("Outlet %d", rng.IntN(20))
		a.Article.Published = start.Add(time.Duration(story%48)*time.Hour + time.Duration(rng.IntN(120))*time.Minute)
		a.Analysis = extract.Analysis{
			Title: a.Article.Title, Summary: "A summary sentence.", People: people, Quotes: quotes,
			Organizations: []string{"United Nations", fmt.Sprintf("Org%d", story%30)},
			Places:        []string{fmt.Sprintf("City%d", story%50), fmt.Sprintf("Country%d", story%60)},
		}
		articles[i] = a
	}
	return articles
}

// BenchmarkBuild1000 builds a digest from 1,000 articles; the target is at
// most one second per build.
func BenchmarkBuild1000(b *testing.B) {
	articles := syntheticArticles(1000)
	now := time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)
	var stories int
	for b.Loop() {
		stories = len(Build(articles, Options{Now: now}).Stories)
	}
	b.ReportMetric(float64(stories), "stories")
}
