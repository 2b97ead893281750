package store

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
	"github.com/attache-bot/attache/store/storetest"
)

// The suite runs every test against SQLite, and against PostgreSQL when
// ATTACHE_TEST_POSTGRES_DSN names a database the tests may create schemas
// in (scripts/ci/setup-postgres.sh starts one). With ATTACHE_E2E=1 a missing
// DSN fails the run instead of skipping PostgreSQL.

// backend opens fresh, empty stores of one kind.
type backend struct {
	name string
	// newDSN returns the driver and DSN of a new empty database, removed
	// when the test ends.
	newDSN func(t testing.TB) (driver, dsn string)
}

func (b backend) open(t testing.TB, opts ...Option) Store {
	t.Helper()
	driver, dsn := b.newDSN(t)
	return openDSN(t, driver, dsn, opts...)
}

func openDSN(t testing.TB, driver, dsn string, opts ...Option) Store {
	t.Helper()
	s, err := Open(context.Background(), driver, dsn, opts...)
	if err != nil {
		t.Fatalf("Open(%s): %v", driver, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var sqliteBackend = backend{name: "sqlite", newDSN: func(t testing.TB) (string, string) {
	return storetest.Database(t, "sqlite")
}}

// postgresBackend gives each test its own schema in the test database, so
// tests cannot see each other's rows.
var postgresBackend = backend{name: "postgres", newDSN: func(t testing.TB) (string, string) {
	return storetest.Database(t, "postgres")
}}

// forEachBackend runs fn as a subtest per back end.
func forEachBackend(t *testing.T, fn func(t *testing.T, b backend)) {
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		fn(t, sqliteBackend)
	})
	t.Run("postgres", func(t *testing.T) {
		storetest.RequirePostgres(t)
		t.Parallel()
		fn(t, postgresBackend)
	})
}

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// fixture is one article of testdata/articles.json with its analysis.
type fixture struct {
	Name     string           `json:"name"`
	Article  ingest.Article   `json:"article"`
	Analysis extract.Analysis `json:"analysis"`
}

func loadFixtures(t testing.TB) map[string]fixture {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "articles.json"))
	if err != nil {
		t.Fatal(err)
	}
	var list []fixture
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatalf("testdata/articles.json: %v", err)
	}
	out := map[string]fixture{}
	for _, f := range list {
		out[f.Name] = f
	}
	return out
}

// saveFixtures stores the named fixtures in order and returns their IDs.
func saveFixtures(t testing.TB, s Store, fixtures map[string]fixture, names ...string) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	for _, name := range names {
		f, ok := fixtures[name]
		if !ok {
			t.Fatalf("no fixture %q", name)
		}
		id, created, err := s.SaveArticle(context.Background(), f.Article, f.Analysis)
		if err != nil {
			t.Fatalf("save %s: %v", name, err)
		}
		if !created {
			t.Fatalf("save %s: not created", name)
		}
		ids[name] = id
	}
	return ids
}

// allFixtures is the order the people tests store the fixtures in.
var allFixtures = []string{
	"ayrault-lavrov-aleppo", "ban-cavusoglu-ankara", "ayrault-moscow", "lavrov-reply",
	"ban-geneva", "boris-johnson", "jo-johnson", "johnson-bare", "ayrault-prime-minister", "lavrov-undated",
}

// syntheticArticle is a distinct article with one person and one quote.
func syntheticArticle(i int, person string) (ingest.Article, extract.Analysis) {
	n := hex.EncodeToString([]byte{byte(i >> 16), byte(i >> 8), byte(i)})
	a := ingest.Article{
		URL:    "https://wire.example/" + n,
		Source: "https://wire.example/feed",
		Title:  "Talks, round " + n,
		Body:   strings.Repeat("Delegations met again. ", 3) + person + " spoke about round " + n + ".",
	}
	an := extract.Analysis{
		Title:  a.Title,
		People: []extract.Person{{Name: person, Role: "envoy", Affiliation: "United Nations", Mentions: 1}},
		Quotes: []extract.Quote{{Speaker: person, SpeakerKind: extract.SpeakerPerson, Text: "round " + n}},
	}
	return a, an
}
