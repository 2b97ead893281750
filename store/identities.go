package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/attache-bot/attache/extract"
)

// rebuildPeople re-derives every person, mention, role, alias and search
// word from the stored analyses, article by article in the order they
// were stored, exactly as SaveArticle resolves a new article's people
// now, and re-links each stored quote to its speaker. It is the data step
// of the identities migration: stores written before identities had one
// person per spelling ("Sergei Lavrov", "Sergey Lavrov"). Quote rows are
// only updated, never deleted or inserted, so no quote is lost; a quote
// whose speaker no longer resolves keeps no person, as at save time.
func rebuildPeople(ctx context.Context, tx *txn) error {
	for _, q := range []string{
		`UPDATE quotes SET person_id = NULL WHERE person_id IS NOT NULL`,
		`DELETE FROM mentions`,
		`DELETE FROM person_roles`,
		`DELETE FROM person_aliases`,
		`DELETE FROM person_tokens`,
		`DELETE FROM people`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("rebuild people: %w", err)
		}
	}
	const batch = 500
	for after := int64(0); ; {
		arts, err := storedAnalyses(ctx, tx, after, batch)
		if err != nil {
			return fmt.Errorf("rebuild people: %w", err)
		}
		for _, a := range arts {
			ap, err := resolveArticlePeople(ctx, tx, a.analysis)
			if err != nil {
				return fmt.Errorf("rebuild people of article %d: %w", a.id, err)
			}
			if err := ap.save(ctx, tx, a.id, a.seen); err != nil {
				return fmt.Errorf("rebuild people of article %d: %w", a.id, err)
			}
			if err := relinkQuotes(ctx, tx, a.id, a.analysis.Quotes, ap.speakers); err != nil {
				return fmt.Errorf("rebuild people of article %d: %w", a.id, err)
			}
			after = a.id
		}
		if len(arts) < batch {
			return nil
		}
	}
}

type storedAnalysis struct {
	id       int64
	seen     int64 // publication time, else storage time, as at save
	analysis extract.Analysis
}

// storedAnalyses reads the next articles' analyses, all of them before
// the caller writes (one SQLite connection serves the transaction).
func storedAnalyses(ctx context.Context, tx *txn, after int64, limit int) ([]storedAnalysis, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, COALESCE(published, stored_at), analysis FROM articles
		WHERE id > $1 ORDER BY id LIMIT $2`, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storedAnalysis
	for rows.Next() {
		var (
			a   storedAnalysis
			raw []byte
		)
		if err := rows.Scan(&a.id, &a.seen, &raw); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(raw, &a.analysis); err != nil {
			return nil, fmt.Errorf("article %d: decode analysis: %w", a.id, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// relinkQuotes sets the person of an article's stored quotes: the quote
// rows were inserted in the analysis's order, but each is matched by its
// text and offsets rather than trusted to line up.
func relinkQuotes(ctx context.Context, tx *txn, articleID int64, quotes []extract.Quote, speakers []sql.NullInt64) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, text, start_offset, end_offset FROM quotes WHERE article_id = $1 ORDER BY id`, articleID)
	if err != nil {
		return err
	}
	type row struct {
		id         int64
		text       string
		start, end int
		used       bool
	}
	var stored []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.text, &r.start, &r.end); err != nil {
			rows.Close()
			return err
		}
		stored = append(stored, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i, q := range quotes {
		if !speakers[i].Valid {
			continue
		}
		match := -1
		for j := range stored {
			r := &stored[j]
			if r.used || r.text != q.Text {
				continue
			}
			if r.start == q.Start && r.end == q.End {
				match = j
				break
			}
			if match < 0 {
				match = j
			}
		}
		if match < 0 {
			continue
		}
		stored[match].used = true
		if _, err := tx.ExecContext(ctx, `UPDATE quotes SET person_id = $1 WHERE id = $2`, speakers[i], stored[match].id); err != nil {
			return fmt.Errorf("link quote %d: %w", stored[match].id, err)
		}
	}
	return nil
}
