package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/attache-bot/attache/identity"
)

// maxSuggestWords bounds the close words weighed per query word.
const maxSuggestWords = 200

func (s *sqlStore) SuggestPeople(ctx context.Context, query string, limit int) ([]PersonMatch, error) {
	var keys []string
	for _, w := range uniqueStrings(nameTokens(query)) {
		if k := identity.WordKey(w); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 || limit <= 0 {
		return nil, nil
	}
	if len(keys) > maxQueryWords {
		return nil, fmt.Errorf("store: suggest people: %d words is not a name (at most %d)", len(keys), maxQueryWords)
	}
	// distance[person][i] is the closest word of the person to query word i.
	distance := map[int64][]int{}
	for i, k := range keys {
		close, err := closeWords(ctx, s.r, k)
		if err != nil {
			return nil, fmt.Errorf("store: suggest people %q: %w", query, err)
		}
		if len(close) == 0 {
			return nil, nil // a word nothing resembles: no one to suggest
		}
		words := make([]string, 0, len(close))
		for w := range close {
			words = append(words, w)
		}
		args := make([]any, len(words))
		for j, w := range words {
			args[j] = w
		}
		rows, err := s.r.QueryContext(ctx, `SELECT person_id, token FROM person_tokens WHERE token IN (`+placeholders(1, len(words))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: suggest people %q: %w", query, err)
		}
		for rows.Next() {
			var (
				id    int64
				token string
			)
			if err := rows.Scan(&id, &token); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: suggest people %q: %w", query, err)
			}
			d := distance[id]
			if d == nil {
				if i > 0 {
					continue // missed an earlier word
				}
				d = make([]int, len(keys))
				for j := range d {
					d[j] = -1
				}
				distance[id] = d
			}
			if d[i] < 0 || close[token] < d[i] {
				d[i] = close[token]
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: suggest people %q: %w", query, err)
		}
	}
	total := map[int64]int{}
	for id, d := range distance {
		sum := 0
		for _, x := range d {
			if x < 0 {
				sum = -1
				break
			}
			sum += x
		}
		if sum >= 0 {
			total[id] = sum
		}
	}
	if len(total) == 0 {
		return nil, nil
	}
	ids := make([]int64, 0, len(total))
	for id := range total {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int { return cmp.Or(cmp.Compare(total[a], total[b]), cmp.Compare(a, b)) })
	ids = ids[:min(len(ids), 4*limit)] // the closest; articles rank among them
	rank := map[int64]matchRank{}
	for _, id := range ids {
		rank[id] = wordsMatch
	}
	matches, err := personMatches(ctx, s.r, rank)
	if err != nil {
		return nil, fmt.Errorf("store: suggest people %q: %w", query, err)
	}
	slices.SortFunc(matches, func(a, b rankedMatch) int {
		return cmp.Or(cmp.Compare(total[a.ID], total[b.ID]), cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	out := make([]PersonMatch, 0, min(limit, len(matches)))
	for _, m := range matches[:min(limit, len(matches))] {
		m.Exact = false
		out = append(out, m.PersonMatch)
	}
	return out, nil
}

// closeWords returns the indexed name words within typing distance of
// key, with their distances: one edit for words of up to five letters,
// two beyond. Only words with the same first letter are read (an index
// range): misspellings rarely change it, and it keeps the read small.
func closeWords(ctx context.Context, q queryer, key string) (map[string]int, error) {
	first, _ := utf8.DecodeRuneInString(key)
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT token FROM person_tokens WHERE token >= $1 AND token < $2`,
		string(first), string(first+1))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	maxD := 1
	if len([]rune(key)) > 5 {
		maxD = 2
	}
	out := map[string]int{}
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, err
		}
		if d := editDistance(key, w, maxD); d <= maxD && len(out) < maxSuggestWords {
			out[w] = d
		}
	}
	return out, rows.Err()
}

// editDistance is the Damerau-Levenshtein distance (optimal string
// alignment: a swap of neighbours is one edit) between a and b, in runes;
// any value above max is reported as max+1, and the work stops early.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], max+1)
}
