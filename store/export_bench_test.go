package store

import (
	"testing"

	"github.com/attache-bot/attache/store/storetest"
)

// BenchFixture hands benchmarks of the external test package (which may
// import packages that import store, such as digest and bot) the fixture
// BenchmarkWho uses: one store per back end and process holding
// ATTACHE_BENCH_ARTICLES synthetic articles (default 100,000) loaded in
// batched transactions, and lookup queries as people type them. backend is
// "sqlite" or "postgres"; PostgreSQL is skipped (or fails under
// ATTACHE_E2E=1) without ATTACHE_TEST_POSTGRES_DSN.
func BenchFixture(b *testing.B, backend string) (Store, []string) {
	b.Helper()
	be := sqliteBackend
	switch backend {
	case sqliteBackend.name:
	case postgresBackend.name:
		storetest.RequirePostgres(b)
		be = postgresBackend
	default:
		b.Fatalf("unknown back end %q", backend)
	}
	f := whoFixtureFor(b, be)
	return f.store, f.queries
}

// ReportPercentiles reports the p50 and p99 of durations in ms.
var ReportPercentiles = reportPercentiles
