package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
)

// The suite runs every test against SQLite, and against PostgreSQL when
// ATTACHE_TEST_POSTGRES_DSN names a database the tests may create schemas
// in (scripts/ci/setup-postgres.sh starts one). With ATTACHE_E2E=1 a missing
// DSN fails the run instead of skipping PostgreSQL.
const postgresDSNEnv = "ATTACHE_TEST_POSTGRES_DSN"

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
	return "sqlite", filepath.Join(t.TempDir(), "attache.db")
}}

// postgresBackend gives each test its own schema in the test database, so
// tests cannot see each other's rows.
var postgresBackend = backend{name: "postgres", newDSN: func(t testing.TB) (string, string) {
	t.Helper()
	base := os.Getenv(postgresDSNEnv)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	defer admin.Close()
	var b [6]byte
	rand.Read(b[:])
	schema := "test_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("postgres: create schema: %v", err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer admin.Close()
		admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("postgres: %s is not a URL: %v", postgresDSNEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return "postgres", u.String()
}}

// forEachBackend runs fn as a subtest per back end.
func forEachBackend(t *testing.T, fn func(t *testing.T, b backend)) {
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		fn(t, sqliteBackend)
	})
	t.Run("postgres", func(t *testing.T) {
		requirePostgres(t)
		t.Parallel()
		fn(t, postgresBackend)
	})
}

func requirePostgres(t testing.TB) {
	t.Helper()
	if os.Getenv(postgresDSNEnv) != "" {
		return
	}
	if os.Getenv("ATTACHE_E2E") == "1" {
		t.Fatalf("ATTACHE_E2E=1 but %s is not set: run scripts/ci/setup-postgres.sh", postgresDSNEnv)
	}
	t.Skipf("PostgreSQL tests skipped: set %s (scripts/ci/setup-postgres.sh starts a server)", postgresDSNEnv)
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
