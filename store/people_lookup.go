package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/identity"
)

func (s *sqlStore) FindPeople(ctx context.Context, query string) ([]PersonMatch, error) {
	words := uniqueStrings(nameTokens(query))
	if len(words) == 0 {
		return nil, nil
	}
	if len(words) > maxQueryWords {
		return nil, fmt.Errorf("store: find people: %d words is not a name (at most %d)", len(words), maxQueryWords)
	}
	// Lookups read without a transaction: a person merged away between
	// the two queries is merely left out, never misreported.
	rank, err := findCandidates(ctx, s.r, strings.Join(words, " "), identity.SearchWords(query))
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
// word being a word of the name, which covers a bare surname ("lavrov"),
// part of a compound one ("ki-moon") and any spelling variant of a word
// ("sergey", "zelenskyy"): words are compared by their identity.WordKey.
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
		if len(m.Roles) > 0 {
			m.Role = m.Roles[0]
		}
		if affs := p.roles.affiliations(); len(affs) > 0 {
			m.Affiliation = affs[0]
		}
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
	quotes, err := quotesOf(ctx, s.r, personID, d.name, QuoteQuery{Limit: quoteLimit})
	if err != nil {
		return Profile{}, fmt.Errorf("store: profile of person %d: %w", personID, err)
	}
	return Profile{
		ID: personID, Name: d.name, Aliases: d.aliases, Articles: d.articles,
		Roles: d.roles.roles(), RoleHistory: d.roles.spans(), Affiliations: d.roles.affiliations(),
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
	args := idArgs(ids)
	in := "(" + placeholders(1, len(ids)) + ")"
	rows, err := db.QueryContext(ctx, fmt.Sprintf(`
		SELECT %[1]d, id, name, articles, first_seen, last_seen, '' FROM people WHERE id IN %[4]s
		UNION ALL SELECT %[2]d, person_id, alias, 0, NULL, NULL, '' FROM person_aliases WHERE person_id IN %[4]s
		UNION ALL SELECT %[3]d, person_id, role, articles, first_seen, last_seen, affiliation FROM person_roles WHERE person_id IN %[4]s`,
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
			p.roles = append(p.roles, roleCount{role: text, affiliation: text2, articles: int(n), first: first, last: last})
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
		p.roles.sortLatestFirst()
	}
	return people, nil
}

// quotesOf returns a person's quotes matching q, newest article first and
// in reading order within an article. person is the person's name, for
// each quote's confidence.
func quotesOf(ctx context.Context, db queryer, personID int64, person string, q QuoteQuery) ([]StoredQuote, error) {
	words := make([]string, 0, len(q.Words))
	for _, w := range q.Words {
		words = append(words, searchWords(w)...)
	}
	limit := q.Limit
	if len(words) > 0 {
		limit = 0 // the words are matched here, after the rows are read
	}
	rows, err := db.QueryContext(ctx, `SELECT q.text, q.speaker, q.article_id, a.title, a.url, a.feed, a.source, q.said_at
		FROM quotes q JOIN articles a ON a.id = q.article_id
		WHERE q.person_id = $1 AND q.said_at >= $2
		ORDER BY q.said_at DESC, q.article_id DESC, q.start_offset`+limitClause(limit), personID, sinceMicros(q.Since))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		quotes    []StoredQuote
		confident = map[string]float64{}
	)
	for rows.Next() {
		var (
			sq           StoredQuote
			feed, source string
			saidAt       int64
		)
		if err := rows.Scan(&sq.Text, &sq.Speaker, &sq.ArticleID, &sq.ArticleTitle, &sq.ArticleURL, &feed, &source, &saidAt); err != nil {
			return nil, err
		}
		if len(words) > 0 && !matchesWords(sq.Text+" "+sq.ArticleTitle, words) {
			continue
		}
		sq.Published = time.UnixMicro(saidAt).UTC()
		sq.Outlet = outlet(feed, sq.ArticleURL, source)
		c, ok := confident[sq.Speaker]
		if !ok {
			c = speakerConfidence(person, sq.Speaker)
			confident[sq.Speaker] = c
		}
		sq.Confidence = c
		quotes = append(quotes, sq)
		if q.Limit > 0 && len(quotes) == q.Limit {
			break
		}
	}
	return quotes, rows.Err()
}

func (s *sqlStore) PersonQuotes(ctx context.Context, personID int64, q QuoteQuery) ([]StoredQuote, error) {
	var name string
	err := s.r.QueryRowContext(ctx, `SELECT name FROM people WHERE id = $1`, personID).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: quotes of person %d: %w", personID, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: quotes of person %d: %w", personID, err)
	}
	quotes, err := quotesOf(ctx, s.r, personID, name, q)
	if err != nil {
		return nil, fmt.Errorf("store: quotes of person %d: %w", personID, err)
	}
	return quotes, nil
}

// sinceMicros is the lower bound of said_at for since: every quote when
// since is zero.
func sinceMicros(since time.Time) int64 {
	if since.IsZero() {
		return math.MinInt64
	}
	return since.UnixMicro()
}

// searchWords splits text into folded words of letters and digits.
func searchWords(text string) []string {
	return strings.FieldsFunc(extract.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// matchesWords reports whether every word begins a word of text.
func matchesWords(text string, words []string) bool {
	have := searchWords(text)
	for _, w := range words {
		if !slices.ContainsFunc(have, func(h string) bool { return strings.HasPrefix(h, w) }) {
			return false
		}
	}
	return true
}

// outlet names where an article came from: its feed's title, else the
// host of its URL, else its source.
func outlet(feed, articleURL, source string) string {
	if feed != "" {
		return feed
	}
	if u, err := url.Parse(articleURL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	return source
}

// speakerConfidence grades how surely a quote's speaker, as the article
// named them, is the stored person (see StoredQuote.Confidence).
func speakerConfidence(person, speaker string) float64 {
	if foldName(speaker) == foldName(person) {
		return 1
	}
	switch identity.Compare(identity.Mention{Name: speaker}, identity.Mention{Name: person}).Verdict {
	case identity.Same:
		return 0.9
	case identity.Possible:
		return 0.7
	}
	return 0.5
}

// roleCounts is a person's (role, affiliation) pairs with the number of
// articles that gave each and when.
type roleCounts []roleCount

type roleCount struct {
	role, affiliation string
	articles          int
	first, last       sql.NullInt64
}

// former reports whether a title looks back ("former Prime Minister",
// "ex-president"): it never counts as the latest.
func (r roleCount) former() bool {
	f := extract.Fold(r.role)
	return strings.HasPrefix(f, "former ") || strings.HasPrefix(f, "ex-") || strings.HasPrefix(f, "then-")
}

// sortLatestFirst orders the roles as RoleSpan says: current titles by
// the last article giving them, then former ones; ties by articles, then
// alphabetically.
func (rc roleCounts) sortLatestFirst() {
	slices.SortFunc(rc, func(a, b roleCount) int {
		if a.former() != b.former() {
			if a.former() {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(b.last.Int64, a.last.Int64); c != 0 {
			return c
		}
		if c := cmp.Compare(b.articles, a.articles); c != 0 {
			return c
		}
		if c := cmp.Compare(a.role, b.role); c != 0 {
			return c
		}
		return cmp.Compare(a.affiliation, b.affiliation)
	})
}

func (rc roleCounts) spans() []RoleSpan {
	out := make([]RoleSpan, 0, len(rc))
	for _, r := range rc {
		out = append(out, RoleSpan{Role: r.role, Affiliation: r.affiliation, Articles: r.articles,
			FirstSeen: fromMicros(r.first), LastSeen: fromMicros(r.last)})
	}
	return out
}

func (rc roleCounts) roles() []string {
	return rc.distinct(func(r roleCount) string { return r.role })
}

func (rc roleCounts) affiliations() []string {
	return rc.distinct(func(r roleCount) string { return r.affiliation })
}

// distinct returns the non-empty values of field in the roles' order
// (sortLatestFirst).
func (rc roleCounts) distinct(field func(roleCount) string) []string {
	var values []string
	for _, r := range rc {
		if v := field(r); v != "" && !slices.Contains(values, v) {
			values = append(values, v)
		}
	}
	return values
}

// placeholders returns "$from, $from+1, ..." for n parameters.
// idArgs is ids as query arguments, for the placeholders of an IN list.
func idArgs(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}

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
