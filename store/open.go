package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"modernc.org/sqlite"               // registers the "sqlite" database/sql driver
)

// DefaultSQLitePath is the database file used when the SQLite DSN is empty.
const DefaultSQLitePath = "attache.db"

// Option adjusts a store at Open.
type Option func(*options)

type options struct {
	now func() time.Time
	// schemaVersion stops migrations after this version (0: all); tests
	// use it to build a store as an older attache left it.
	schemaVersion int
}

// WithClock makes the store read the time from now instead of time.Now.
// Every stored time and every lease decision uses this clock, never the
// database's own, so tests can move time forward.
func WithClock(now func() time.Time) Option {
	return func(o *options) { o.now = now }
}

// Open connects to the database, applies pending schema migrations and
// returns the store. driver is "sqlite" (the default when empty; dsn is a
// file path, DefaultSQLitePath when empty, or ":memory:") or "postgres" (dsn
// is a PostgreSQL URL or key=value string).
func Open(ctx context.Context, driver, dsn string, opts ...Option) (Store, error) {
	o := options{now: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	var (
		s   *sqlStore
		err error
	)
	switch strings.ToLower(driver) {
	case "", "sqlite", "sqlite3":
		s, err = openSQLite(dsn)
	case "postgres", "postgresql", "pgx":
		s, err = openPostgres(dsn)
	default:
		return nil, fmt.Errorf("store: unknown database driver %q (want sqlite or postgres)", driver)
	}
	if err != nil {
		return nil, err
	}
	s.clock = o.now
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.migrate(ctx, o.schemaVersion); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// openSQLite opens two pools on one file: a single writer connection, so
// that concurrent writers in this process queue in Go instead of failing
// with SQLITE_BUSY, and several read-only connections, which WAL lets read
// while the writer writes. busy_timeout covers other processes sharing the
// file. An in-memory database exists once per connection, so ":memory:"
// uses the single writer connection for reads too.
func openSQLite(dsn string) (*sqlStore, error) {
	if dsn == "" {
		dsn = DefaultSQLitePath
	}
	const common = "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)"
	memory := dsn == ":memory:" || strings.Contains(dsn, "mode=memory")
	writeDSN := withParams(dsn, common+"&_txlock=immediate")
	if !memory {
		writeDSN += "&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	}
	w, err := sql.Open("sqlite", writeDSN)
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite %s: %w", dsn, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	s := &sqlStore{dialect: sqliteDialect, w: newPool(w, true)}
	s.r = s.w
	if memory {
		return s, nil
	}
	// The writer must create the file and switch it to WAL before readers
	// open it read-only.
	if err := pingSQLite(w); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: open sqlite %s: %w", dsn, err)
	}
	r, err := sql.Open("sqlite", withParams(dsn, common+"&_pragma=query_only(1)"))
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("store: open sqlite %s: %w", dsn, err)
	}
	readers := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	s.r = newPool(r, true)
	s.file = sqliteFile(dsn)
	if s.fileID, err = os.Stat(s.file); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: open sqlite %s: %w", dsn, err)
	}
	return s, nil
}

// pingSQLite opens the first connection. Switching a new database file to
// WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at once,
// without waiting busy_timeout, while another process migrates the same new
// file; so that case is retried for a while.
func pingSQLite(db *sql.DB) error {
	const sqliteBusy = 5 // SQLITE_BUSY, the primary result code
	deadline := time.Now().Add(30 * time.Second)
	for wait := time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		err := db.Ping()
		var se *sqlite.Error
		if err == nil || !errors.As(err, &se) || se.Code()&0xff != sqliteBusy || time.Now().After(deadline) {
			return err
		}
		time.Sleep(wait)
	}
}

// sqliteFile is the path of the database file a SQLite DSN names
// ("attache.db", "file:attache.db?mode=rwc").
func sqliteFile(dsn string) string {
	path, _, _ := strings.Cut(strings.TrimPrefix(dsn, "file:"), "?")
	return path
}

func withParams(dsn, params string) string {
	if strings.Contains(dsn, "?") {
		return dsn + "&" + params
	}
	return dsn + "?" + params
}

func openPostgres(dsn string) (*sqlStore, error) {
	if dsn == "" {
		return nil, fmt.Errorf("store: postgres needs a DSN (postgres://user:pass@host:port/db)")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(4)
	db.SetConnMaxIdleTime(5 * time.Minute)
	p := newPool(db, false)
	return &sqlStore{dialect: postgresDialect, w: p, r: p}, nil
}

// OpenSQL opens a plain database/sql pool on the database a store with the
// same driver and DSN uses, for a library that keeps tables of its own
// there with its own versioned migrations (the Matrix adapter's crypto
// state). It returns the dialect, "sqlite" or "postgres". SQLite gets a
// small pool of its own on the file, in WAL mode with a busy timeout, so
// the library's transactions queue behind the store's writer instead of
// failing; an in-memory SQLite database cannot be shared and is refused.
func OpenSQL(driver, dsn string) (*sql.DB, string, error) {
	switch strings.ToLower(driver) {
	case "", "sqlite", "sqlite3":
		if dsn == "" {
			dsn = DefaultSQLitePath
		}
		if dsn == ":memory:" || strings.Contains(dsn, "mode=memory") {
			return nil, "", errors.New("store: an in-memory SQLite database cannot be shared with another pool")
		}
		db, err := sql.Open("sqlite", withParams(dsn, "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_txlock=immediate&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"))
		if err != nil {
			return nil, "", fmt.Errorf("store: open sqlite %s: %w", dsn, err)
		}
		db.SetMaxOpenConns(4)
		if err := pingSQLite(db); err != nil {
			db.Close()
			return nil, "", fmt.Errorf("store: open sqlite %s: %w", dsn, err)
		}
		return db, "sqlite", nil
	case "postgres", "postgresql", "pgx":
		if dsn == "" {
			return nil, "", fmt.Errorf("store: postgres needs a DSN (postgres://user:pass@host:port/db)")
		}
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, "", fmt.Errorf("store: open postgres: %w", err)
		}
		db.SetMaxOpenConns(8)
		db.SetConnMaxIdleTime(5 * time.Minute)
		return db, "postgres", nil
	}
	return nil, "", fmt.Errorf("store: unknown database driver %q (want sqlite or postgres)", driver)
}
