package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
	"github.com/attache-bot/attache/store/storetest"
)

// Benchmarks (they only run with -bench):
//
//	go test ./store -run '^$' -bench . -benchtime 2000x
//
// BenchmarkWho stores ATTACHE_BENCH_ARTICLES synthetic articles (default
// 100,000) once per process and back end, then measures one `who` lookup:
// FindPeople and Profile of the best match, or SuggestPeople when no one
// matches (as bot.LookupPerson does). It reports p50 and p99 in ms;
// the target is p99 <= 5 ms. PostgreSQL runs when ATTACHE_TEST_POSTGRES_DSN
// is set.

func benchArticleCount(b *testing.B) int {
	n := 100_000
	if v := os.Getenv("ATTACHE_BENCH_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("ATTACHE_BENCH_ARTICLES=%q: want a positive number", v)
		}
	}
	return n
}

// benchCorpus generates a reproducible news corpus: a few thousand people
// whose coverage follows a Zipf law (a handful of foreign ministers in
// every other story, a long tail mentioned once or twice), with titles,
// affiliations, aliases, bare-surname mentions and quotes.
type benchCorpus struct {
	people []benchPerson
	zipf   *rand.Zipf
	rng    *rand.Rand
}

type benchPerson struct {
	name, role, affiliation string
}

var (
	benchFirstNames = []string{"Jean-Marc", "Sergei", "Mevlüt", "Federica", "Antony", "Wang", "Annalena", "Josep",
		"Ban", "Heiko", "Catherine", "Javad", "Subrahmanyam", "Naledi", "Marcelo", "Penny", "Yoko", "Dmytro",
		"Ahmed", "Amina", "Olaf", "Giorgia", "Pedro", "Ursula", "Hakan", "Ayman", "Faisal", "Mélanie", "José", "Ngozi"}
	benchSurnames = []string{"Ayrault", "Lavrov", "Çavuşoğlu", "Mogherini", "Blinken", "Yi", "Baerbock", "Borrell",
		"Ki-moon", "Maas", "Colonna", "Zarif", "Jaishankar", "Pandor", "Ebrard", "Wong", "Kamikawa", "Kuleba",
		"Aboul Gheit", "Mohammed", "Scholz", "Meloni", "Sánchez", "von der Leyen", "Fidan", "Safadi", "bin Farhan",
		"Joly", "Albares", "Okonjo-Iweala", "Le Drian", "Guterres", "Grossi", "Pedersen", "Lamamra", "Shoukry",
		"Szijjártó", "Rau", "Lipavský", "Tsahkna", "Landsbergis", "Karins", "Sikorski", "Dăncilă", "Billström"}
	benchRoles = []string{"Foreign Minister", "Prime Minister", "President", "Secretary-General", "Ambassador",
		"Special Envoy", "Defence Minister", "spokesperson", "High Representative", "Deputy Foreign Minister"}
	benchAffiliations = []string{"France", "Russia", "Turkey", "European Union", "United States", "China", "Germany",
		"United Nations", "India", "South Africa", "Mexico", "Australia", "Japan", "Ukraine", "Egypt", "IAEA"}
)

func newBenchCorpus() *benchCorpus {
	rng := rand.New(rand.NewPCG(1, 2))
	var people []benchPerson
	for _, f := range benchFirstNames {
		for _, s := range benchSurnames {
			people = append(people, benchPerson{
				name:        f + " " + s,
				role:        benchRoles[rng.IntN(len(benchRoles))],
				affiliation: benchAffiliations[rng.IntN(len(benchAffiliations))],
			})
		}
	}
	rng.Shuffle(len(people), func(i, j int) { people[i], people[j] = people[j], people[i] })
	return &benchCorpus{people: people, rng: rng, zipf: rand.NewZipf(rng, 1.1, 2, uint64(len(people)-1))}
}

func (c *benchCorpus) article(i int) articleWithAnalysis {
	n := 1 + c.rng.IntN(4)
	var (
		an     extract.Analysis
		body   strings.Builder
		chosen []int
	)
	for len(chosen) < n {
		if p := int(c.zipf.Uint64()); !slices.Contains(chosen, p) {
			chosen = append(chosen, p)
		}
	}
	for _, p := range chosen {
		person := c.people[p]
		name := person.name
		words := strings.Fields(name)
		surname := words[len(words)-1]
		if c.rng.IntN(10) == 0 {
			name = surname // a story that only gives the surname
		}
		an.People = append(an.People, extract.Person{Name: name, Aliases: []string{surname},
			Role: person.role, Affiliation: person.affiliation, Mentions: 1 + c.rng.IntN(4)})
		fmt.Fprintf(&body, "%s %s %s met counterparts on day %d. ", person.affiliation, person.role, name, i)
		for q := range c.rng.IntN(3) {
			text := fmt.Sprintf("We discussed point %d of the agenda in meeting %d", q, i)
			an.Quotes = append(an.Quotes, extract.Quote{Speaker: name, SpeakerKind: extract.SpeakerPerson, Text: text})
			fmt.Fprintf(&body, "“%s,” %s said. ", text, surname)
		}
	}
	an.Quotes = append(an.Quotes, extract.Quote{Speaker: "a diplomatic source", SpeakerKind: extract.SpeakerAnonymous, Text: "Talks continue"})
	a := ingest.Article{
		URL:       fmt.Sprintf("https://wire.example/%d", i),
		GUID:      fmt.Sprintf("tag:wire.example,2026:%d", i),
		Source:    fmt.Sprintf("https://feed%d.example/rss", i%40),
		Feed:      "Wire",
		Title:     fmt.Sprintf("Diplomatic talks, day %d", i),
		Body:      body.String(),
		Published: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 17 * time.Minute),
	}
	an.Title = a.Title
	return articleWithAnalysis{Article: a, Analysis: an}
}

// seed stores n corpus articles in batched transactions.
func seed(b *testing.B, s Store, c *benchCorpus, n int) {
	const batchSize = 500
	ctx := context.Background()
	batch := make([]articleWithAnalysis, 0, batchSize)
	for i := range n {
		batch = append(batch, c.article(i))
		if len(batch) == batchSize || i == n-1 {
			if err := s.(*sqlStore).saveArticles(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
}

type whoFixture struct {
	store   Store
	queries []string
}

var whoFixtures sync.Map // backend name -> *whoFixture, built once per process

func whoFixtureFor(b *testing.B, be backend) *whoFixture {
	if f, ok := whoFixtures.Load(be.name); ok {
		return f.(*whoFixture)
	}
	n := benchArticleCount(b)
	scope := &processScope{b}
	driver, dsn := be.newDSN(scope)
	s, err := Open(context.Background(), driver, dsn)
	if err != nil {
		b.Fatal(err)
	}
	scope.Cleanup(func() { s.Close() })
	c := newBenchCorpus()
	start := time.Now()
	seed(b, s, c, n)
	b.Logf("%s: seeded %d articles in %v", be.name, n, time.Since(start).Round(time.Millisecond))
	// Queries as people type them: full names, surnames, lower case,
	// without accents, for the most and the least covered people, and one
	// unknown name.
	var queries []string
	for i, p := range c.people {
		if i%97 != 0 && i > 10 {
			continue
		}
		words := strings.Fields(p.name)
		surname := words[len(words)-1]
		queries = append(queries, p.name, strings.ToLower(surname), extract.Fold(p.name), strings.ToUpper(surname))
	}
	queries = append(queries, "nobody knows", "lavorv") // unknown, and a typo a suggestion answers
	f := &whoFixture{store: s, queries: queries}
	whoFixtures.Store(be.name, f)
	return f
}

// processScope lets a fixture outlive the benchmark that built it: its
// temporary directories and cleanups last until TestMain ends.
type processScope struct{ *testing.B }

var (
	processCleanupMu sync.Mutex
	processCleanups  []func()
)

func (p *processScope) TempDir() string {
	dir, err := os.MkdirTemp("", "attache-bench-")
	if err != nil {
		p.Fatal(err)
	}
	p.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func (p *processScope) Cleanup(fn func()) {
	processCleanupMu.Lock()
	defer processCleanupMu.Unlock()
	processCleanups = append(processCleanups, fn)
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, fn := range slices.Backward(processCleanups) {
		fn()
	}
	os.Exit(code)
}

func BenchmarkWho(b *testing.B) {
	for _, be := range []backend{sqliteBackend, postgresBackend} {
		b.Run(be.name, func(b *testing.B) {
			if be.name == "postgres" {
				storetest.RequirePostgres(b)
			}
			f := whoFixtureFor(b, be)
			ctx := context.Background()
			durations := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				q := f.queries[i%len(f.queries)]
				start := time.Now()
				ms, err := f.store.FindPeople(ctx, q)
				if err != nil {
					b.Fatal(err)
				}
				if len(ms) > 0 {
					if _, err := f.store.Profile(ctx, ms[0].ID, 5); err != nil {
						b.Fatal(err)
					}
				} else if _, err := f.store.SuggestPeople(ctx, q, 3); err != nil {
					// No one found: the lookup suggests close names.
					b.Fatal(err)
				}
				durations = append(durations, time.Since(start))
			}
			reportPercentiles(b, durations)
		})
	}
}

func reportPercentiles(b *testing.B, durations []time.Duration) {
	if len(durations) == 0 {
		return
	}
	slices.Sort(durations)
	at := func(p float64) float64 {
		return float64(durations[int(p*float64(len(durations)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

// BenchmarkArticlesAfter reads the 1,000 articles stored since the last
// digest, with their analyses, from a store holding 5,000.
func BenchmarkArticlesAfter(b *testing.B) {
	for _, be := range []backend{sqliteBackend, postgresBackend} {
		b.Run(be.name, func(b *testing.B) {
			if be.name == "postgres" {
				storetest.RequirePostgres(b)
			}
			s := be.open(b)
			seed(b, s, newBenchCorpus(), 5000)
			latest, err := s.LatestArticleID(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			b.ResetTimer()
			for b.Loop() {
				arts, err := s.ArticlesAfter(ctx, latest-1000, latest, 0)
				if err != nil || len(arts) != 1000 {
					b.Fatalf("%d articles, %v", len(arts), err)
				}
			}
		})
	}
}
