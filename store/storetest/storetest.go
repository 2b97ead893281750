// Package storetest gives tests of every package a fresh attache database:
// an SQLite file in the test's temporary directory, or a new schema of the
// PostgreSQL test database named by ATTACHE_TEST_POSTGRES_DSN, dropped when
// the test ends, so that tests cannot see each other's rows. It owns the one
// rule for a missing PostgreSQL: skipped, unless ATTACHE_E2E=1 demands it
// (scripts/ci/setup-postgres.sh starts a server).
package storetest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// PostgresDSNEnv names the PostgreSQL database tests may create schemas in.
const PostgresDSNEnv = "ATTACHE_TEST_POSTGRES_DSN"

// RequirePostgres skips the test when no PostgreSQL test database is set,
// or fails it when ATTACHE_E2E=1.
func RequirePostgres(t testing.TB) {
	t.Helper()
	if os.Getenv(PostgresDSNEnv) != "" {
		return
	}
	if os.Getenv("ATTACHE_E2E") == "1" {
		t.Fatalf("ATTACHE_E2E=1 but %s is not set: run scripts/ci/setup-postgres.sh", PostgresDSNEnv)
	}
	t.Skipf("PostgreSQL tests skipped: set %s (scripts/ci/setup-postgres.sh starts a server)", PostgresDSNEnv)
}

// Database returns the driver and DSN of a fresh database for driver
// "sqlite" or "postgres"; every connection opened on the DSN sees the same
// database (replicas share it).
func Database(t testing.TB, driver string) (string, string) {
	t.Helper()
	if driver == "sqlite" {
		return "sqlite", filepath.Join(t.TempDir(), "attache.db")
	}
	RequirePostgres(t)
	base := os.Getenv(PostgresDSNEnv)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	defer admin.Close()
	var b [6]byte
	rand.Read(b[:])
	schema := "test_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("postgres: create schema: %v", err)
	}
	t.Cleanup(func() {
		if admin, err := sql.Open("pgx", base); err == nil {
			admin.Exec("DROP SCHEMA " + schema + " CASCADE")
			admin.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("postgres: %s is not a URL: %v", PostgresDSNEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return "postgres", u.String()
}
