package store

import (
	"cmp"
	"context"
	"database/sql"
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
	// Lookups read without a transaction: a person merged away between
	// the two queries is merely left out, never misreported.
	rank, err := findCandidates(ctx, s.r, strings.Join(tokens, " "), tokens)
	if err != nil {
		return nil, fmt.Errorf("store: find people %q: %w", query, err)
	}
	if len(rank) == 0 {
		return nil, nil
	}
	matches, err := personMatches(ctx, s.r, rank)
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

// findCandidates gathers in one query the people a lookup may mean, with
// how they matched: the full name, an alias (both exact), or every query
// word being a word of the name, which covers a bare surname ("lavrov")
// and part of a compound one ("ki-moon").
func findCandidates(ctx context.Context, q queryer, folded string, tokens []string) (map[int64]matchRank, error) {
	args := make([]any, 0, 1+len(tokens))
	args = append(args, folded)
	for _, t := range tokens {
		args = append(args, t)
	}
	rows, err := q.QueryContext(ctx, fmt.Sprintf(`SELECT id, %[1]d FROM people WHERE folded = $1
		UNION ALL SELECT person_id, %[2]d FROM person_aliases WHERE folded = $1
		UNION ALL SELECT person_id, %[3]d FROM person_tokens WHERE token IN (%[4]s)
			GROUP BY person_id HAVING COUNT(*) = %[5]d`,
		fullNameMatch, aliasMatch, wordsMatch, placeholders(2, len(tokens)), len(tokens)), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	rank := map[int64]matchRank{}
	for rows.Next() {
		var (
			id int64
			r  matchRank
		)
		if err := rows.Scan(&id, &r); err != nil {
			return nil, err
		}
		if old, ok := rank[id]; !ok || r < old {
			rank[id] = r
		}
	}
	return rank, rows.Err()
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

// personMatches loads the candidates.
func personMatches(ctx context.Context, db queryer, rank map[int64]matchRank) ([]rankedMatch, error) {
	ids := make([]int64, 0, len(rank))
	for id := range rank {
		ids = append(ids, id)
	}
	people, err := loadPeople(ctx, db, ids)
	if err != nil {
		return nil, err
	}
	out := make([]rankedMatch, 0, len(people))
	for id, p := range people {
		m := rankedMatch{rank: rank[id]}
		m.ID, m.Name, m.Articles, m.Aliases = id, p.name, p.articles, p.aliases
		m.Roles = p.roles.roles()
		m.Exact = m.rank < wordsMatch
		out = append(out, m)
	}
	return out, nil
}

func (s *sqlStore) Profile(ctx context.Context, personID int64, quoteLimit int) (Profile, error) {
	people, err := loadPeople(ctx, s.r, []int64{personID})
	if err != nil {
		return Profile{}, fmt.Errorf("store: profile of person %d: %w", personID, err)
	}
	d, ok := people[personID]
	if !ok {
		return Profile{}, fmt.Errorf("store: profile of person %d: %w", personID, ErrNotFound)
	}
	quotes, err := quotesOf(ctx, s.r, personID, quoteLimit)
	if err != nil {
		return Profile{}, fmt.Errorf("store: profile of person %d: %w", personID, err)
	}
	return Profile{
		ID: personID, Name: d.name, Aliases: d.aliases, Articles: d.articles,
		Roles: d.roles.roles(), Affiliations: d.roles.affiliations(),
		FirstSeen: fromMicros(d.firstSeen), LastSeen: fromMicros(d.lastSeen),
		Quotes: quotes,
	}, nil
}

// personDetails is a stored person with aliases and roles.
type personDetails struct {
	name                string
	articles            int
	firstSeen, lastSeen sql.NullInt64
	aliases             []string // alphabetical
	roles               roleCounts
}

// loadPeople reads people with their aliases and roles in one query (one
// round trip on PostgreSQL, one statement on SQLite, however many people):
// each row is a person, an alias or a role, told apart by its first column.
func loadPeople(ctx context.Context, db queryer, ids []int64) (map[int64]*personDetails, error) {
	const (
		personRow = iota
		aliasRow
		roleRow
	)
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	in := "(" + placeholders(1, len(ids)) + ")"
	rows, err := db.QueryContext(ctx, fmt.Sprintf(`
		SELECT %[1]d, id, name, articles, first_seen, last_seen, '' FROM people WHERE id IN %[4]s
		UNION ALL SELECT %[2]d, person_id, alias, 0, NULL, NULL, '' FROM person_aliases WHERE person_id IN %[4]s
		UNION ALL SELECT %[3]d, person_id, role, articles, NULL, NULL, affiliation FROM person_roles WHERE person_id IN %[4]s`,
		personRow, aliasRow, roleRow, in), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	people := map[int64]*personDetails{}
	get := func(id int64) *personDetails {
		if people[id] == nil {
			people[id] = &personDetails{}
		}
		return people[id]
	}
	for rows.Next() {
		var (
			kind, id, n int64
			text, text2 string
			first, last sql.NullInt64
		)
		if err := rows.Scan(&kind, &id, &text, &n, &first, &last, &text2); err != nil {
			return nil, err
		}
		p := get(id)
		switch kind {
		case personRow:
			p.name, p.articles, p.firstSeen, p.lastSeen = text, int(n), first, last
		case aliasRow:
			p.aliases = append(p.aliases, text)
		case roleRow:
			p.roles = append(p.roles, roleCount{role: text, affiliation: text2, articles: int(n)})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for id, p := range people {
		if p.name == "" { // no person row: impossible under the foreign keys, but never return a nameless person
			delete(people, id)
			continue
		}
		slices.Sort(p.aliases)
	}
	return people, nil
}

// quotesOf returns a person's quotes, newest article first and in reading
// order within an article; limit 0 returns them all.
func quotesOf(ctx context.Context, db queryer, personID int64, limit int) ([]StoredQuote, error) {
	rows, err := db.QueryContext(ctx, `SELECT q.text, q.speaker, q.article_id, a.title, a.url, q.said_at
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

// roleCounts is a person's (role, affiliation) pairs with the number of
// articles that gave each.
type roleCounts []roleCount

type roleCount struct {
	role, affiliation string
	articles          int
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
