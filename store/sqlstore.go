package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"
)

// sqlStore implements Store over database/sql for both back ends.
type sqlStore struct {
	dialect dialect
	w       *pool // writes, and reads inside write transactions
	r       *pool // reads; the same pool as w except on file-backed SQLite
	clock   func() time.Time
	// file and fileID identify the SQLite database file as opened; file is
	// "" for PostgreSQL and in-memory databases.
	file   string
	fileID os.FileInfo
}

var _ Store = (*sqlStore)(nil)

func (s *sqlStore) now() time.Time { return s.clock().UTC() }

func (s *sqlStore) Ping(ctx context.Context) error {
	if err := s.w.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping %s: %w", s.dialect.name, err)
	}
	if s.r != s.w {
		if err := s.r.PingContext(ctx); err != nil {
			return fmt.Errorf("store: ping %s: %w", s.dialect.name, err)
		}
	}
	return nil
}

// writeProbeKey is the state row Check rewrites to prove writes commit.
const writeProbeKey = "store.write_probe"

func (s *sqlStore) Check(ctx context.Context) error {
	if err := s.Ping(ctx); err != nil {
		return err
	}
	if s.file != "" {
		fi, err := os.Stat(s.file)
		if err != nil {
			return fmt.Errorf("store: database file %s is gone (deleted while running?): %w", s.file, err)
		}
		if !os.SameFile(fi, s.fileID) {
			return fmt.Errorf("store: database file %s was replaced since it was opened", s.file)
		}
	}
	if err := s.SetState(ctx, writeProbeKey, s.now().Format(time.RFC3339Nano)); err != nil {
		return fmt.Errorf("store: not writable: %w", err)
	}
	return nil
}

func (s *sqlStore) Close() error {
	var errR error
	if s.r != s.w {
		errR = s.r.Close()
	}
	return errors.Join(s.w.Close(), errR)
}

// write runs fn in a write transaction and commits it when fn succeeds.
func (s *sqlStore) write(ctx context.Context, fn func(tx *txn) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	t := &txn{tx: tx, pool: s.w}
	defer t.finish(ctx)
	if err := fn(t); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// micros converts a time to the stored Unix microseconds, NULL for the zero
// time.
func micros(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMicro(), Valid: true}
}

// fromMicros is the inverse of micros; times come back in UTC.
func fromMicros(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}
