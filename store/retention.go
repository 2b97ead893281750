package store

import (
	"context"
	"fmt"
	"time"
)

// pruneBatch bounds one pruning transaction, so that deleting a large
// backlog (retention switched on for a years-old database) never holds the
// write lock for long.
const pruneBatch = 500

func (s *sqlStore) PruneArticles(ctx context.Context, before time.Time, keepAfter int64) (articles, people int64, err error) {
	for {
		n, p, err := s.pruneArticleBatch(ctx, before, keepAfter)
		articles, people = articles+n, people+p
		if err != nil {
			return articles, people, fmt.Errorf("store: prune articles: %w", err)
		}
		if n < pruneBatch {
			return articles, people, nil
		}
	}
}

// pruneArticleBatch deletes up to pruneBatch prunable articles, oldest
// first, with their mentions and quotes (ON DELETE CASCADE on both back
// ends), then brings the people they mentioned up to date: those left with
// no mention and no quote are deleted, the others recounted.
func (s *sqlStore) pruneArticleBatch(ctx context.Context, before time.Time, keepAfter int64) (deleted, peopleDeleted int64, err error) {
	err = s.write(ctx, func(tx *txn) error {
		// An undelivered run will post the articles of its range, (after,
		// upto]: they stay until it is delivered.
		ids, err := int64s(ctx, tx, `SELECT id FROM articles
			WHERE stored_at < $1 AND id <= $2
			AND NOT EXISTS (SELECT 1 FROM digest_runs r WHERE NOT r.delivered AND articles.id > r.after_id AND articles.id <= r.upto_id)
			ORDER BY id LIMIT $3`, before.UnixMicro(), keepAfter, pruneBatch)
		if err != nil || len(ids) == 0 {
			return err
		}
		args := idArgs(ids)
		in := placeholders(1, len(ids))
		mentioned, err := int64s(ctx, tx, `SELECT person_id FROM mentions WHERE article_id IN (`+in+`)
			UNION SELECT person_id FROM quotes WHERE article_id IN (`+in+`) AND person_id IS NOT NULL`, args...)
		if err != nil {
			return fmt.Errorf("people of the articles: %w", err)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id IN (`+in+`)`, args...)
		if err != nil {
			return fmt.Errorf("delete articles: %w", err)
		}
		deleted = affected(res)
		peopleDeleted, err = refreshPeople(ctx, tx, mentioned)
		return err
	})
	return deleted, peopleDeleted, err
}

// refreshPeople deletes the given people when no article mentions or
// quotes them any more (their aliases, search words and roles cascade),
// and recounts the others from the mentions left: articles, first and last
// seen. Which article gave which title is only in the articles' analyses,
// so a title's span is narrowed to the person's new first sighting and its
// count capped at the person's; a title seen only in deleted articles
// (last seen before that) is dropped.
func refreshPeople(ctx context.Context, tx *txn, ids []int64) (int64, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	args := idArgs(ids)
	in := placeholders(1, len(ids))
	res, err := tx.ExecContext(ctx, `DELETE FROM people WHERE id IN (`+in+`)
		AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.person_id = people.id)
		AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.person_id = people.id)`, args...)
	if err != nil {
		return 0, fmt.Errorf("delete people: %w", err)
	}
	removed := affected(res)
	const seen = `COALESCE(a.published, a.stored_at)`
	for _, q := range []string{
		`UPDATE people SET
			articles = (SELECT COUNT(*) FROM mentions m WHERE m.person_id = people.id),
			first_seen = (SELECT MIN(` + seen + `) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.person_id = people.id),
			last_seen = (SELECT MAX(` + seen + `) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.person_id = people.id)
			WHERE id IN (` + in + `)`,
		`DELETE FROM person_roles WHERE person_id IN (` + in + `)
			AND last_seen < (SELECT p.first_seen FROM people p WHERE p.id = person_roles.person_id)`,
		`UPDATE person_roles SET
			articles = CASE WHEN articles > (SELECT p.articles FROM people p WHERE p.id = person_roles.person_id)
				THEN (SELECT p.articles FROM people p WHERE p.id = person_roles.person_id) ELSE articles END,
			first_seen = CASE WHEN first_seen < (SELECT p.first_seen FROM people p WHERE p.id = person_roles.person_id)
				THEN (SELECT p.first_seen FROM people p WHERE p.id = person_roles.person_id) ELSE first_seen END
			WHERE person_id IN (` + in + `)`,
	} {
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return 0, fmt.Errorf("recount people: %w", err)
		}
	}
	return removed, nil
}
