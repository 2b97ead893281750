package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

func (s *sqlStore) FindPeople(ctx context.Context, query string) ([]PersonMatch, error) {
	tokens := uniqueStrings(nameTokens(query))
	if len(tokens) == 0 {
		return nil, nil
	}
	if len(tokens) > maxQueryWords {
		return nil, fmt.Errorf("store: find people: %d words is not a name (at most %d)", len(tokens), maxQueryWords)
	}
	folded := strings.Join(nameTokens(query), " ")
	var matches []rankedMatch
	err := s.read(ctx, func(tx *txn) error {
		// One query gathers the candidates with how they matched: the
		// full name, an alias (both exact), or every query word being a
		// word of the name, which covers a bare surname ("lavrov") and
		// part of a compound one ("ki-moon").
		args := make([]any, 0, 1+len(tokens))
		args = append(args, folded)
		for _, t := range tokens {
			args = append(args, t)
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, `+strconv.Itoa(int(fullNameMatch))+` FROM people WHERE folded = $1
			UNION ALL SELECT person_id, `+strconv.Itoa(int(aliasMatch))+` FROM person_aliases WHERE folded = $1
			UNION ALL SELECT person_id, `+strconv.Itoa(int(wordsMatch))+` FROM person_tokens WHERE token IN (`+placeholders(2, len(tokens))+`)
				GROUP BY person_id HAVING COUNT(*) = `+strconv.Itoa(len(tokens)), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		rank := map[int64]matchRank{}
		for rows.Next() {
			var (
				id int64
				r  matchRank
			)
			if err := rows.Scan(&id, &r); err != nil {
				return err
			}
			if old, ok := rank[id]; !ok || r < old {
				rank[id] = r
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		if len(rank) == 0 {
			return nil
		}
		matches, err = personMatches(ctx, tx, rank)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: find people %q: %w", query, err)
	}
	// The full name first, then aliases (both exact), then the rest; most
	// written about first within each.
	slices.SortFunc(matches, func(a, b rankedMatch) int {
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Articles, a.Articles); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	out := make([]PersonMatch, len(matches))
	for i, m := range matches {
		out[i] = m.PersonMatch
	}
	return out, nil
}

// maxQueryWords bounds a lookup; no name has more words, and each word is
// a query parameter.
const maxQueryWords = 12

// matchRank orders lookup candidates, best first.
type matchRank int

const (
	fullNameMatch matchRank = iota
	aliasMatch
	wordsMatch
)

type rankedMatch struct {
	PersonMatch
	rank matchRank
}

// personMatches loads the candidates in three queries, whatever their
// number.
func personMatches(ctx context.Context, tx *txn, rank map[int64]matchRank) ([]rankedMatch, error) {
	args := make([]any, 0, len(rank))
	for id := range rank {
		args = append(args, id)
	}
	in := "(" + placeholders(1, len(args)) + ")"
	byID := map[int64]*rankedMatch{}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, articles FROM people WHERE id IN `+in, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		m := &rankedMatch{}
		if err := rows.Scan(&m.ID, &m.Name, &m.Articles); err != nil {
			return nil, err
		}
		m.rank = rank[m.ID]
		m.Exact = m.rank < wordsMatch
		byID[m.ID] = m
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	aliases, err := aliasesOf(ctx, tx, in, args)
	if err != nil {
		return nil, err
	}
	roles, err := rolesOf(ctx, tx, in, args)
	if err != nil {
		return nil, err
	}
	out := make([]rankedMatch, 0, len(byID))
	for id, m := range byID {
		m.Aliases = aliases[id]
		m.Roles = roles[id].roles()
		out = append(out, *m)
	}
	return out, nil
}

func (s *sqlStore) Profile(ctx context.Context, personID int64, quoteLimit int) (Profile, error) {
	p := Profile{ID: personID}
	err := s.read(ctx, func(tx *txn) error {
		var first, last sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT name, articles, first_seen, last_seen FROM people WHERE id = $1`, personID).
			Scan(&p.Name, &p.Articles, &first, &last)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		p.FirstSeen, p.LastSeen = fromMicros(first), fromMicros(last)
		args := []any{personID}
		aliases, err := aliasesOf(ctx, tx, "($1)", args)
		if err != nil {
			return err
		}
		p.Aliases = aliases[personID]
		roles, err := rolesOf(ctx, tx, "($1)", args)
		if err != nil {
			return err
		}
		p.Roles, p.Affiliations = roles[personID].roles(), roles[personID].affiliations()
		p.Quotes, err = quotesOf(ctx, tx, personID, quoteLimit)
		return err
	})
	if err != nil {
		return Profile{}, fmt.Errorf("store: profile of person %d: %w", personID, err)
	}
	return p, nil
}

// quotesOf returns a person's quotes, newest article first and in reading
// order within an article; limit 0 returns them all.
func quotesOf(ctx context.Context, tx *txn, personID int64, limit int) ([]StoredQuote, error) {
	rows, err := tx.QueryContext(ctx, `SELECT q.text, q.speaker, q.article_id, a.title, a.url, q.said_at
		FROM quotes q JOIN articles a ON a.id = q.article_id
		WHERE q.person_id = $1
		ORDER BY q.said_at DESC, q.article_id DESC, q.start_offset`+limitClause(limit), personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var quotes []StoredQuote
	for rows.Next() {
		var (
			q      StoredQuote
			saidAt int64
		)
		if err := rows.Scan(&q.Text, &q.Speaker, &q.ArticleID, &q.ArticleTitle, &q.ArticleURL, &saidAt); err != nil {
			return nil, err
		}
		q.Published = time.UnixMicro(saidAt).UTC()
		quotes = append(quotes, q)
	}
	return quotes, rows.Err()
}

func aliasesOf(ctx context.Context, tx *txn, in string, args []any) (map[int64][]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT person_id, alias FROM person_aliases WHERE person_id IN `+in+` ORDER BY person_id, alias`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]string{}
	for rows.Next() {
		var (
			id    int64
			alias string
		)
		if err := rows.Scan(&id, &alias); err != nil {
			return nil, err
		}
		out[id] = append(out[id], alias)
	}
	return out, rows.Err()
}

// roleCounts is a person's (role, affiliation) pairs with the number of
// articles that gave each.
type roleCounts []roleCount

type roleCount struct {
	role, affiliation string
	articles          int
}

func rolesOf(ctx context.Context, tx *txn, in string, args []any) (map[int64]roleCounts, error) {
	rows, err := tx.QueryContext(ctx, `SELECT person_id, role, affiliation, articles FROM person_roles WHERE person_id IN `+in, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]roleCounts{}
	for rows.Next() {
		var (
			id int64
			r  roleCount
		)
		if err := rows.Scan(&id, &r.role, &r.affiliation, &r.articles); err != nil {
			return nil, err
		}
		out[id] = append(out[id], r)
	}
	return out, rows.Err()
}

func (rc roleCounts) roles() []string {
	return rc.byFrequency(func(i int) string { return rc[i].role })
}

func (rc roleCounts) affiliations() []string {
	return rc.byFrequency(func(i int) string { return rc[i].affiliation })
}

// byFrequency sums articles per non-empty value of field and returns the
// values most frequent first, ties alphabetically.
func (rc roleCounts) byFrequency(field func(i int) string) []string {
	counts := map[string]int{}
	for i := range rc {
		if v := field(i); v != "" {
			counts[v] += rc[i].articles
		}
	}
	values := make([]string, 0, len(counts))
	for v := range counts {
		values = append(values, v)
	}
	slices.SortFunc(values, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return values
}

// placeholders returns "$from, $from+1, ..." for n parameters.
func placeholders(from, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(from+i))
	}
	return b.String()
}

func int64s(ctx context.Context, q queryer, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
