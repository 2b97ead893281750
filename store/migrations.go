package store

import (
	"context"
	"fmt"
)

// migrations are applied in order, each once, and recorded in
// schema_migrations. Append new versions; never edit a released one.
//
// Times are stored as Unix microseconds (BIGINT, NULL when unknown) on both
// back ends: every time comes from the store's clock rather than the
// database's now(), so tests can inject a fake clock, and one integer type
// keeps comparisons and ordering identical in SQLite and PostgreSQL.
var migrations = []struct {
	version int
	sql     []string
	// fn runs after sql, in the same transaction, for what SQL alone
	// cannot do.
	fn func(ctx context.Context, tx *txn) error
}{
	{1, []string{
		`CREATE TABLE articles (
			id {{serial}},
			url TEXT NOT NULL DEFAULT '',
			guid TEXT NOT NULL DEFAULT '',
			source TEXT NOT NULL DEFAULT '',
			feed TEXT NOT NULL DEFAULT '',
			title TEXT NOT NULL DEFAULT '',
			body TEXT NOT NULL DEFAULT '',
			text_hash TEXT,
			published BIGINT,
			fetched BIGINT,
			stored_at BIGINT NOT NULL,
			analysis {{json}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url <> ''`,
		`CREATE UNIQUE INDEX articles_guid ON articles (guid) WHERE guid <> ''`,
		`CREATE UNIQUE INDEX articles_text_hash ON articles (text_hash)`,
		`CREATE INDEX articles_stored_at ON articles (stored_at)`,

		// folded is the identity of a person (extract.Fold of the full
		// name); surname is the folded last token; articles, first_seen and
		// last_seen are kept up to date on insert so a lookup reads one row.
		`CREATE TABLE people (
			id {{serial}},
			name TEXT NOT NULL,
			folded TEXT NOT NULL UNIQUE,
			surname TEXT NOT NULL,
			tokens INTEGER NOT NULL,
			articles BIGINT NOT NULL DEFAULT 0,
			first_seen BIGINT,
			last_seen BIGINT
		)`,
		`CREATE INDEX people_surname ON people (surname, tokens)`,
		`CREATE TABLE person_aliases (
			person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
			alias TEXT NOT NULL,
			folded TEXT NOT NULL,
			PRIMARY KEY (person_id, folded)
		)`,
		`CREATE INDEX person_aliases_folded ON person_aliases (folded)`,
		`CREATE TABLE person_tokens (
			token TEXT NOT NULL,
			person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
			PRIMARY KEY (token, person_id)
		)`,
		`CREATE INDEX person_tokens_person ON person_tokens (person_id)`,
		// One row per (person, role, affiliation) with the number of
		// articles that gave it, so a profile never scans mentions.
		`CREATE TABLE person_roles (
			person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
			role TEXT NOT NULL,
			affiliation TEXT NOT NULL,
			articles BIGINT NOT NULL,
			PRIMARY KEY (person_id, role, affiliation)
		)`,
		`CREATE TABLE mentions (
			person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
			article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
			mentions INTEGER NOT NULL,
			PRIMARY KEY (person_id, article_id)
		)`,
		`CREATE INDEX mentions_article ON mentions (article_id)`,
		// said_at is the article's publication time, or its storage time
		// when unknown; it orders a person's quotes.
		`CREATE TABLE quotes (
			id {{serial}},
			article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
			person_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
			speaker TEXT NOT NULL,
			speaker_kind TEXT NOT NULL,
			text TEXT NOT NULL,
			start_offset INTEGER NOT NULL,
			end_offset INTEGER NOT NULL,
			said_at BIGINT NOT NULL
		)`,
		`CREATE INDEX quotes_person ON quotes (person_id, said_at)`,
		`CREATE INDEX quotes_article ON quotes (article_id)`,

		`CREATE TABLE source_state (
			source TEXT PRIMARY KEY,
			etag TEXT NOT NULL DEFAULT '',
			last_modified TEXT NOT NULL DEFAULT '',
			last_polled BIGINT,
			last_success BIGINT,
			next_poll BIGINT,
			failures INTEGER NOT NULL DEFAULT 0,
			last_error TEXT NOT NULL DEFAULT '',
			articles BIGINT NOT NULL DEFAULT 0
		)`,
		`CREATE TABLE subscriptions (
			url TEXT PRIMARY KEY,
			channel TEXT NOT NULL,
			added_by TEXT NOT NULL,
			added_at BIGINT NOT NULL
		)`,
		`CREATE TABLE digest_runs (
			id {{serial}},
			channel TEXT NOT NULL,
			slot BIGINT NOT NULL,
			after_id BIGINT NOT NULL,
			upto_id BIGINT NOT NULL,
			sent INTEGER NOT NULL DEFAULT 0,
			holder TEXT NOT NULL DEFAULT '',
			lease_until BIGINT NOT NULL DEFAULT 0,
			delivered BOOLEAN NOT NULL DEFAULT FALSE,
			error TEXT NOT NULL DEFAULT '',
			created_at BIGINT NOT NULL,
			delivered_at BIGINT,
			UNIQUE (channel, slot)
		)`,
		`CREATE INDEX digest_runs_channel ON digest_runs (channel, id)`,
		`CREATE TABLE state (
			key TEXT PRIMARY KEY,
			value TEXT NOT NULL
		)`,
		`CREATE TABLE leases (
			name TEXT PRIMARY KEY,
			holder TEXT NOT NULL,
			until BIGINT NOT NULL
		)`,
	}, nil},

	// Identities (package identity): people are resolved across spellings
	// ("Sergei", "Sergey V." Lavrov) by a surname key and weighed
	// evidence; given_key is "" for a bare surname; role and affiliation
	// are the person's latest, the evidence a new mention is weighed
	// against. Roles get the span of dates they were seen in. The people
	// tables are then rebuilt from the stored analyses (rebuildPeople):
	// quotes are kept and re-linked, never deleted.
	{2, []string{
		`ALTER TABLE people ADD COLUMN surname_key TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE people ADD COLUMN given_key TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE people ADD COLUMN role TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE people ADD COLUMN affiliation TEXT NOT NULL DEFAULT ''`,
		`CREATE INDEX people_surname_key ON people (surname_key)`,
		`ALTER TABLE person_roles ADD COLUMN first_seen BIGINT`,
		`ALTER TABLE person_roles ADD COLUMN last_seen BIGINT`,
	}, rebuildPeople},

	// A digest message whose send began but whose outcome was not recorded
	// (the process died with the request in flight): pending is its index
	// (-1: none), pending_marker the idempotency marker it was sent with,
	// pending_at when. The next holder looks for the marker on the
	// platform before posting that message again.
	{3, []string{
		`ALTER TABLE digest_runs ADD COLUMN pending INTEGER NOT NULL DEFAULT -1`,
		`ALTER TABLE digest_runs ADD COLUMN pending_marker TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE digest_runs ADD COLUMN pending_at BIGINT`,
	}, nil},
}

// migrate applies the pending migrations in one transaction. On PostgreSQL
// an advisory lock makes replicas that start together wait for the first
// one instead of racing to create the same tables; on SQLite the IMMEDIATE
// write transaction does the same. upto > 0 stops after that version.
func (s *sqlStore) migrate(ctx context.Context, upto int) error {
	return s.write(ctx, func(tx *txn) error {
		if err := s.dialect.lock(ctx, tx, lockMigrations); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY,
			applied_at BIGINT NOT NULL
		)`); err != nil {
			return fmt.Errorf("store: create schema_migrations: %w", err)
		}
		var current int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return fmt.Errorf("store: read schema version: %w", err)
		}
		latest := migrations[len(migrations)-1].version
		if current > latest {
			return fmt.Errorf("store: database schema version %d is newer than this attache (%d)", current, latest)
		}
		for _, m := range migrations {
			if m.version <= current || upto > 0 && m.version > upto {
				continue
			}
			for _, stmt := range m.sql {
				if _, err := tx.ExecContext(ctx, s.dialect.types.Replace(stmt)); err != nil {
					return fmt.Errorf("store: migration %d: %w", m.version, err)
				}
			}
			if m.fn != nil {
				if err := m.fn(ctx, tx); err != nil {
					return fmt.Errorf("store: migration %d: %w", m.version, err)
				}
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`,
				m.version, s.now().UnixMicro()); err != nil {
				return fmt.Errorf("store: record migration %d: %w", m.version, err)
			}
		}
		return nil
	})
}
