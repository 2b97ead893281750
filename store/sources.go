package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

const sourceStateColumns = `source, etag, last_modified, last_polled, last_success, next_poll, failures, last_error, articles`

func (s *sqlStore) SourceState(ctx context.Context, source string) (SourceState, error) {
	st, err := scanSourceState(s.r.QueryRowContext(ctx, `SELECT `+sourceStateColumns+` FROM source_state WHERE source = $1`, source))
	if errors.Is(err, sql.ErrNoRows) {
		return SourceState{Source: source}, nil
	}
	if err != nil {
		return SourceState{}, fmt.Errorf("store: source state %s: %w", source, err)
	}
	return st, nil
}

// SaveSourceState stores the polling state. Articles is not taken from st:
// the store counts articles itself as SaveArticle creates them, so a
// poller's stale copy cannot overwrite the count.
func (s *sqlStore) SaveSourceState(ctx context.Context, st SourceState) error {
	if st.Source == "" {
		return fmt.Errorf("store: save source state: empty source")
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO source_state
		(source, etag, last_modified, last_polled, last_success, next_poll, failures, last_error)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (source) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			last_polled = excluded.last_polled, last_success = excluded.last_success,
			next_poll = excluded.next_poll, failures = excluded.failures, last_error = excluded.last_error`,
		st.Source, st.ETag, st.LastModified, micros(st.LastPolled), micros(st.LastSuccess), micros(st.NextPoll),
		st.Failures, st.LastError)
	if err != nil {
		return fmt.Errorf("store: save source state %s: %w", st.Source, err)
	}
	return nil
}

func (s *sqlStore) SourceStates(ctx context.Context) ([]SourceState, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+sourceStateColumns+` FROM source_state ORDER BY source`)
	if err != nil {
		return nil, fmt.Errorf("store: source states: %w", err)
	}
	defer rows.Close()
	var out []SourceState
	for rows.Next() {
		st, err := scanSourceState(rows)
		if err != nil {
			return nil, fmt.Errorf("store: source states: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: source states: %w", err)
	}
	return out, nil
}

// countSourceArticle adds one to the articles stored from source.
func countSourceArticle(ctx context.Context, tx *txn, source string) error {
	if source == "" {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO source_state (source, articles) VALUES ($1, 1)
		ON CONFLICT (source) DO UPDATE SET articles = source_state.articles + 1`, source); err != nil {
		return fmt.Errorf("count article of source %s: %w", source, err)
	}
	return nil
}

// rowScanner is what *sql.Row and *sql.Rows share.
type rowScanner interface {
	Scan(dest ...any) error
}

func scanSourceState(row rowScanner) (SourceState, error) {
	var (
		st                    SourceState
		polled, success, next sql.NullInt64
	)
	err := row.Scan(&st.Source, &st.ETag, &st.LastModified, &polled, &success, &next, &st.Failures, &st.LastError, &st.Articles)
	st.LastPolled, st.LastSuccess, st.NextPoll = fromMicros(polled), fromMicros(success), fromMicros(next)
	return st, err
}

func (s *sqlStore) AddSubscription(ctx context.Context, sub Subscription) (bool, error) {
	if sub.URL == "" {
		return false, fmt.Errorf("store: add subscription: empty URL")
	}
	added := sub.AddedAt
	if added.IsZero() {
		added = s.now()
	}
	res, err := s.w.ExecContext(ctx, `INSERT INTO subscriptions (url, channel, added_by, added_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (url) DO NOTHING`, sub.URL, sub.Channel, sub.AddedBy, added.UnixMicro())
	if err != nil {
		return false, fmt.Errorf("store: add subscription %s: %w", sub.URL, err)
	}
	return affected(res) > 0, nil
}

func (s *sqlStore) RemoveSubscription(ctx context.Context, url string) (bool, error) {
	res, err := s.w.ExecContext(ctx, `DELETE FROM subscriptions WHERE url = $1`, url)
	if err != nil {
		return false, fmt.Errorf("store: remove subscription %s: %w", url, err)
	}
	return affected(res) > 0, nil
}

func (s *sqlStore) Subscriptions(ctx context.Context) ([]Subscription, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT url, channel, added_by, added_at FROM subscriptions ORDER BY added_at, url`)
	if err != nil {
		return nil, fmt.Errorf("store: subscriptions: %w", err)
	}
	defer rows.Close()
	var out []Subscription
	for rows.Next() {
		var (
			sub   Subscription
			added sql.NullInt64
		)
		if err := rows.Scan(&sub.URL, &sub.Channel, &sub.AddedBy, &added); err != nil {
			return nil, fmt.Errorf("store: subscriptions: %w", err)
		}
		sub.AddedAt = fromMicros(added)
		out = append(out, sub)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: subscriptions: %w", err)
	}
	return out, nil
}

// affected is the number of rows a statement changed; both drivers report
// it, so the error is impossible here.
func affected(res sql.Result) int64 {
	n, _ := res.RowsAffected()
	return n
}
