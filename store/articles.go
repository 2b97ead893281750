package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
)

const articleColumns = `id, url, guid, source, feed, title, body, published, fetched, stored_at, analysis`

// textHash identifies an article's text regardless of case, accents and
// whitespace, so the same wire story fetched twice is stored once. It is
// "" for an article without text.
func textHash(a ingest.Article) string {
	normal := strings.Join(strings.Fields(extract.Fold(a.Text())), " ")
	if normal == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(normal))
	return hex.EncodeToString(sum[:])
}

func (s *sqlStore) SaveArticle(ctx context.Context, a ingest.Article, an extract.Analysis) (int64, bool, error) {
	var (
		id      int64
		created bool
	)
	err := s.write(ctx, func(tx *txn) error {
		if err := s.lockArticleInserts(ctx, tx); err != nil {
			return err
		}
		var err error
		id, created, err = s.saveArticle(ctx, tx, a, an)
		return err
	})
	if err != nil {
		return 0, false, err
	}
	return id, created, nil
}

// articleWithAnalysis is one article for saveArticles.
type articleWithAnalysis struct {
	Article  ingest.Article
	Analysis extract.Analysis
}

// saveArticles saves many articles in one transaction, each exactly as
// SaveArticle would; it serves bulk loading (the benchmarks' fixture),
// where a transaction per article would dominate the time.
func (s *sqlStore) saveArticles(ctx context.Context, batch []articleWithAnalysis) error {
	return s.write(ctx, func(tx *txn) error {
		if err := s.lockArticleInserts(ctx, tx); err != nil {
			return err
		}
		for _, x := range batch {
			if _, _, err := s.saveArticle(ctx, tx, x.Article, x.Analysis); err != nil {
				return err
			}
		}
		return nil
	})
}

// lockArticleInserts serialises article inserts on PostgreSQL with an
// advisory lock held to commit. This does two things. The duplicate check
// cannot race with another replica saving the same article, nor can two
// replicas create the same person. And article IDs are drawn from the
// identity sequence and committed in the same order, so once ID n is
// visible every ID below n that will ever exist is visible too: a digest
// run taking LatestArticleID as its upper watermark can never skip an
// article that commits later with a lower ID, which concurrent bigserial
// inserts otherwise allow. News arrives at a few articles a second, so one
// writer at a time costs nothing; a separate sequence assigned under a lock
// would need the same lock anyway. SQLite has a single writer already.
func (s *sqlStore) lockArticleInserts(ctx context.Context, tx *txn) error {
	return s.dialect.lock(ctx, tx, lockArticleInserts)
}

// saveArticle stores one article inside a transaction holding the article
// insert lock.
func (s *sqlStore) saveArticle(ctx context.Context, tx *txn, a ingest.Article, an extract.Analysis) (id int64, created bool, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("store: save article %q: %w", firstNonEmpty(a.URL, a.GUID, a.Title), err)
		}
	}()
	hash := textHash(a)
	if a.URL == "" && a.GUID == "" && hash == "" {
		return 0, false, fmt.Errorf("no URL, GUID or text to identify it (source %q)", a.Source)
	}
	analysis, err := json.Marshal(an)
	if err != nil {
		return 0, false, fmt.Errorf("encode analysis: %w", err)
	}
	id, found, err := findDuplicate(ctx, tx, a.URL, a.GUID, hash)
	if err != nil || found {
		return id, false, err
	}
	stored := s.now()
	err = tx.QueryRowContext(ctx, `INSERT INTO articles
		(url, guid, source, feed, title, body, text_hash, published, fetched, stored_at, analysis)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		a.URL, a.GUID, a.Source, a.Feed, a.Title, a.Body, sql.NullString{String: hash, Valid: hash != ""},
		micros(a.Published), micros(a.Fetched), stored.UnixMicro(), string(analysis)).Scan(&id)
	if err != nil {
		return 0, false, fmt.Errorf("insert: %w", err)
	}
	seen := a.Published
	if seen.IsZero() {
		seen = stored
	}
	if err := s.savePeopleAndQuotes(ctx, tx, id, seen, an); err != nil {
		return 0, false, err
	}
	if err := countSourceArticle(ctx, tx, a.Source); err != nil {
		return 0, false, err
	}
	return id, true, nil
}

// findDuplicate looks for an article with the same URL, GUID or text, in
// that order of trust.
func findDuplicate(ctx context.Context, tx *txn, url, guid, hash string) (int64, bool, error) {
	lookups := []struct{ query, value string }{
		{`SELECT id FROM articles WHERE url = $1 AND url <> ''`, url},
		{`SELECT id FROM articles WHERE guid = $1 AND guid <> ''`, guid},
		{`SELECT id FROM articles WHERE text_hash = $1`, hash},
	}
	for _, l := range lookups {
		if l.value == "" {
			continue
		}
		var id int64
		err := tx.QueryRowContext(ctx, l.query, l.value).Scan(&id)
		switch {
		case err == nil:
			return id, true, nil
		case !errors.Is(err, sql.ErrNoRows):
			return 0, false, fmt.Errorf("find duplicate: %w", err)
		}
	}
	return 0, false, nil
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

func (s *sqlStore) Article(ctx context.Context, id int64) (StoredArticle, error) {
	arts, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = $1`, id)
	if err != nil {
		return StoredArticle{}, fmt.Errorf("store: article %d: %w", id, err)
	}
	if len(arts) == 0 {
		return StoredArticle{}, fmt.Errorf("store: article %d: %w", id, ErrNotFound)
	}
	return arts[0], nil
}

func (s *sqlStore) ArticlesAfter(ctx context.Context, afterID, uptoID int64, limit int) ([]StoredArticle, error) {
	q := `SELECT ` + articleColumns + ` FROM articles WHERE id > $1`
	args := []any{afterID}
	if uptoID > 0 {
		args = append(args, uptoID)
		q += ` AND id <= $2`
	}
	q += ` ORDER BY id` + limitClause(limit)
	arts, err := s.queryArticles(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: articles after %d: %w", afterID, err)
	}
	return arts, nil
}

func (s *sqlStore) ArticlesSince(ctx context.Context, t time.Time, limit int) ([]StoredArticle, error) {
	arts, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles WHERE stored_at >= $1 ORDER BY id`+limitClause(limit),
		t.UnixMicro())
	if err != nil {
		return nil, fmt.Errorf("store: articles since %s: %w", t.Format(time.RFC3339), err)
	}
	return arts, nil
}

// limitClause is " LIMIT n" for n > 0 and empty otherwise (no limit). n is
// an int, so formatting it into the query is safe.
func limitClause(n int) string {
	if n <= 0 {
		return ""
	}
	return " LIMIT " + strconv.Itoa(n)
}

func (s *sqlStore) LatestArticleID(ctx context.Context) (int64, error) {
	id, err := latestArticleID(ctx, s.r)
	if err != nil {
		return 0, fmt.Errorf("store: latest article: %w", err)
	}
	return id, nil
}

// queryer is what *sql.DB and *sql.Tx share.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func latestArticleID(ctx context.Context, q queryer) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&id)
	return id, err
}

func (s *sqlStore) queryArticles(ctx context.Context, query string, args ...any) ([]StoredArticle, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var arts []StoredArticle
	for rows.Next() {
		var (
			sa                 StoredArticle
			published, fetched sql.NullInt64
			stored             int64
			analysis           []byte
		)
		a := &sa.Article
		if err := rows.Scan(&sa.ID, &a.URL, &a.GUID, &a.Source, &a.Feed, &a.Title, &a.Body,
			&published, &fetched, &stored, &analysis); err != nil {
			return nil, err
		}
		a.Published, a.Fetched = fromMicros(published), fromMicros(fetched)
		sa.Stored = time.UnixMicro(stored).UTC()
		// Decoding parses each quote's speaker kind
		// (extract.ParseSpeakerKind): an unknown kind is an error.
		if err := json.Unmarshal(analysis, &sa.Analysis); err != nil {
			return nil, fmt.Errorf("decode analysis of article %d: %w", sa.ID, err)
		}
		arts = append(arts, sa)
	}
	return arts, rows.Err()
}
