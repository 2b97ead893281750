package store

import (
	"context"
	"database/sql"
	"slices"
	"sync"
)

// maxCachedStatements bounds the statement cache: queries built with a
// variable number of placeholders would otherwise grow it without end.
const maxCachedStatements = 256

// pool is a database/sql pool that can keep each query prepared once per
// connection. The SQLite driver compiles every statement it is given anew,
// which costs more than running the small queries here, so on SQLite
// statements are cached; pgx caches prepared statements itself.
type pool struct {
	*sql.DB
	cache bool

	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

func newPool(db *sql.DB, cache bool) *pool {
	return &pool{DB: db, cache: cache, stmts: map[string]*sql.Stmt{}}
}

// prepared returns the cached statement for query, preparing it when it
// is new. It returns nil when the query should run unprepared: no cache,
// cache full, or it does not prepare (the unprepared run then reports the
// error). It takes a connection to prepare, so it must not be called by
// a goroutine holding one (inside a transaction): see cached.
func (p *pool) prepared(ctx context.Context, query string) *sql.Stmt {
	if st, known := p.cached(query); st != nil || !known {
		return st
	}
	st, err := p.DB.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if old, ok := p.stmts[query]; ok { // prepared meanwhile by another goroutine
		st.Close()
		return old
	}
	p.stmts[query] = st
	return st
}

// cached returns the statement for query if it is prepared; known is
// false when the query is not to be cached at all.
func (p *pool) cached(query string) (st *sql.Stmt, known bool) {
	if !p.cache {
		return nil, false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if st, ok := p.stmts[query]; ok {
		return st, true
	}
	return nil, len(p.stmts) < maxCachedStatements
}

func (p *pool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := p.prepared(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return p.DB.ExecContext(ctx, query, args...)
}

func (p *pool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := p.prepared(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return p.DB.QueryContext(ctx, query, args...)
}

func (p *pool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := p.prepared(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return p.DB.QueryRowContext(ctx, query, args...)
}

// Close closes the cached statements and the pool.
func (p *pool) Close() error {
	p.mu.Lock()
	for _, st := range p.stmts {
		st.Close()
	}
	p.stmts = map[string]*sql.Stmt{}
	p.mu.Unlock()
	return p.DB.Close()
}

// txn is a transaction that runs queries through its pool's statement
// cache. A transaction holds its connection, and the SQLite writer pool has
// only one, so a query not yet cached cannot be prepared on the pool while
// the transaction runs: it runs unprepared and is prepared for the cache
// after the transaction ends (finish).
type txn struct {
	tx      *sql.Tx
	pool    *pool
	pending []string
}

// stmt returns the transaction's form of the cached statement for query,
// or nil to run it unprepared.
func (t *txn) stmt(ctx context.Context, query string) *sql.Stmt {
	st, known := t.pool.cached(query)
	if st != nil {
		return t.tx.StmtContext(ctx, st)
	}
	if known && !slices.Contains(t.pending, query) {
		t.pending = append(t.pending, query)
	}
	return nil
}

// finish prepares the queries the transaction ran unprepared; call it once
// the transaction has released its connection.
func (t *txn) finish(ctx context.Context) {
	for _, q := range t.pending {
		t.pool.prepared(ctx, q)
	}
}

func (t *txn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.tx.ExecContext(ctx, query, args...)
}

func (t *txn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, query, args...)
}

func (t *txn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, query, args...)
}
