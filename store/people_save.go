package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/attache-bot/attache/extract"
)

// articlePerson is one person of an article being saved, after names that
// resolve to the same stored person have been merged.
type articlePerson struct {
	id       int64
	folded   string   // the stored person's identity
	forms    []string // names and aliases the article used
	mentions int
	roles    [][2]string // distinct (role, affiliation) pairs
}

// savePeopleAndQuotes normalises the people and quotes of a new article into
// the tables behind lookups. It runs inside the article's transaction.
func (s *sqlStore) savePeopleAndQuotes(ctx context.Context, tx *txn, articleID int64, seen time.Time, an extract.Analysis) error {
	// Fuller names first: when "Jean-Marc Ayrault" and a bare "Ayrault"
	// are both new, the full name must exist before the surname is
	// resolved, so the surname joins it instead of becoming a person.
	people := slices.Clone(an.People)
	slices.SortStableFunc(people, func(a, b extract.Person) int {
		return cmp.Compare(len(nameTokens(b.Name)), len(nameTokens(a.Name)))
	})

	var (
		byID   = map[int64]*articlePerson{}
		order  []*articlePerson
		byName = map[string]int64{} // folded name or alias used in this article -> person
	)
	add := func(p extract.Person) (int64, error) {
		name := cleanName(p.Name)
		folded := foldName(name)
		if folded == "" {
			return 0, nil
		}
		id, identity, adopted, err := resolvePerson(ctx, tx, name)
		if err != nil {
			return 0, err
		}
		ap := byID[id]
		if ap == nil {
			ap = &articlePerson{id: id, folded: identity}
			byID[id] = ap
			order = append(order, ap)
		}
		if old := byID[adopted]; old != nil {
			// A bare surname already seen in this article was just merged
			// into this fuller name: its part of the article moves too.
			delete(byID, adopted)
			order = slices.DeleteFunc(order, func(p *articlePerson) bool { return p == old })
			ap.mentions += old.mentions
			ap.forms = append(ap.forms, old.forms...)
			for _, r := range old.roles {
				if !slices.Contains(ap.roles, r) {
					ap.roles = append(ap.roles, r)
				}
			}
			for f, pid := range byName {
				if pid == adopted {
					byName[f] = id
				}
			}
		}
		ap.mentions += max(p.Mentions, 1)
		ap.forms = append(ap.forms, name)
		ap.forms = append(ap.forms, p.Aliases...)
		role, aff := cleanName(p.Role), cleanName(p.Affiliation)
		if (role != "" || aff != "") && !slices.Contains(ap.roles, [2]string{role, aff}) {
			ap.roles = append(ap.roles, [2]string{role, aff})
		}
		for _, form := range append([]string{name}, p.Aliases...) {
			if f := foldName(form); f != "" {
				if _, taken := byName[f]; !taken {
					byName[f] = id
				}
			}
		}
		return id, nil
	}
	for _, p := range people {
		if _, err := add(p); err != nil {
			return err
		}
	}

	// A quote belongs to a person only when its speaker is one of the
	// article's people (by name or alias). A speaker the extractor calls a
	// person but did not list is resolved like any other name. Anything
	// else (anonymous sources, documents) is stored without a person:
	// attributing a quote to the wrong person is worse than to none.
	speakers := make([]sql.NullInt64, len(an.Quotes))
	for i, q := range an.Quotes {
		if q.SpeakerKind != "person" && q.SpeakerKind != "" {
			continue
		}
		folded := foldName(q.Speaker)
		if folded == "" {
			continue
		}
		id, ok := byName[folded]
		if !ok && q.SpeakerKind == "person" {
			var err error
			if id, err = add(extract.Person{Name: q.Speaker, Mentions: 1}); err != nil {
				return err
			}
			ok = id != 0
		}
		if ok {
			speakers[i] = sql.NullInt64{Int64: id, Valid: true}
		}
	}

	at := seen.UnixMicro()
	for _, ap := range order {
		if err := ap.save(ctx, tx, articleID, at); err != nil {
			return err
		}
	}
	for i, q := range an.Quotes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes
			(article_id, person_id, speaker, speaker_kind, text, start_offset, end_offset, said_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			articleID, speakers[i], q.Speaker, q.SpeakerKind, q.Text, q.Start, q.End, at); err != nil {
			return fmt.Errorf("insert quote: %w", err)
		}
	}
	return nil
}

// save records one person's part in an article: the mention, the counters
// on the person, the name forms as aliases, and the roles.
func (ap *articlePerson) save(ctx context.Context, tx *txn, articleID, at int64) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO mentions (person_id, article_id, mentions) VALUES ($1, $2, $3)`,
		ap.id, articleID, ap.mentions); err != nil {
		return fmt.Errorf("insert mention: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE people SET articles = articles + 1,
		first_seen = CASE WHEN first_seen IS NULL OR first_seen > $2 THEN $2 ELSE first_seen END,
		last_seen = CASE WHEN last_seen IS NULL OR last_seen < $2 THEN $2 ELSE last_seen END
		WHERE id = $1`, ap.id, at); err != nil {
		return fmt.Errorf("update person %d: %w", ap.id, err)
	}
	for _, form := range ap.forms {
		if err := addAlias(ctx, tx, ap.id, ap.folded, form); err != nil {
			return err
		}
	}
	for _, r := range ap.roles {
		if _, err := tx.ExecContext(ctx, `INSERT INTO person_roles (person_id, role, affiliation, articles)
			VALUES ($1, $2, $3, 1)
			ON CONFLICT (person_id, role, affiliation) DO UPDATE SET articles = person_roles.articles + 1`,
			ap.id, r[0], r[1]); err != nil {
			return fmt.Errorf("upsert role of person %d: %w", ap.id, err)
		}
	}
	return nil
}

// addAlias records another name form of a person, unless it is the
// person's own name.
func addAlias(ctx context.Context, tx *txn, personID int64, personFolded, alias string) error {
	alias = cleanName(alias)
	folded := foldName(alias)
	if folded == "" || folded == personFolded {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO person_aliases (person_id, alias, folded) VALUES ($1, $2, $3)
		ON CONFLICT (person_id, folded) DO NOTHING`, personID, alias, folded); err != nil {
		return fmt.Errorf("insert alias of person %d: %w", personID, err)
	}
	return nil
}

// resolvePerson finds the stored person a name refers to, creating one when
// none fits, and returns its ID and folded identity, and the ID of a bare
// surname person it adopted (step 4), if any. In order:
//
//  1. the same folded full name;
//  2. for a one-word name, the surname of exactly one known person with a
//     fuller name ("Ayrault" -> "Jean-Marc Ayrault"); when several share
//     it, the bare name stays a person of its own rather than a guess;
//  3. a recorded alias of exactly one person ("Ban" -> "Ban Ki-moon");
//  4. otherwise a new person. A new fuller name adopts an earlier bare
//     surname person when it is now the only one with that surname.
func resolvePerson(ctx context.Context, tx *txn, name string) (id int64, folded string, adopted int64, err error) {
	tokens := nameTokens(name)
	folded = foldName(name)
	err = tx.QueryRowContext(ctx, `SELECT id FROM people WHERE folded = $1`, folded).Scan(&id)
	if err == nil {
		return id, folded, 0, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, "", 0, fmt.Errorf("find person %q: %w", name, err)
	}

	surnameHolders := 0
	if len(tokens) == 1 {
		ids, names, err := idsAndNames(ctx, tx, `SELECT id, folded FROM people WHERE surname = $1 AND tokens > 1 LIMIT 2`, folded)
		if err != nil {
			return 0, "", 0, fmt.Errorf("find surname %q: %w", name, err)
		}
		if len(ids) == 1 {
			return ids[0], names[0], 0, nil
		}
		surnameHolders = len(ids)
	}
	if surnameHolders == 0 {
		ids, names, err := idsAndNames(ctx, tx, `SELECT DISTINCT p.id, p.folded FROM person_aliases a
			JOIN people p ON p.id = a.person_id WHERE a.folded = $1 LIMIT 2`, folded)
		if err != nil {
			return 0, "", 0, fmt.Errorf("find alias %q: %w", name, err)
		}
		if len(ids) == 1 {
			return ids[0], names[0], 0, nil
		}
	}

	surname := tokens[len(tokens)-1]
	err = tx.QueryRowContext(ctx, `INSERT INTO people (name, folded, surname, tokens) VALUES ($1, $2, $3, $4) RETURNING id`,
		name, folded, surname, len(tokens)).Scan(&id)
	if err != nil {
		return 0, "", 0, fmt.Errorf("insert person %q: %w", name, err)
	}
	for _, t := range uniqueStrings(tokens) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO person_tokens (token, person_id) VALUES ($1, $2)`, t, id); err != nil {
			return 0, "", 0, fmt.Errorf("insert name token of %q: %w", name, err)
		}
	}
	if len(tokens) > 1 {
		if adopted, err = adoptSurnamePerson(ctx, tx, id, folded, surname); err != nil {
			return 0, "", 0, err
		}
	}
	return id, folded, adopted, nil
}

// adoptSurnamePerson merges a person known only by a bare surname into the
// newly created fuller-named person newID, when newID is the only fuller
// name with that surname, and returns the merged person's former ID. newID
// has no mentions, roles, quotes or aliases yet, so rows can simply be moved.
func adoptSurnamePerson(ctx context.Context, tx *txn, newID int64, newFolded, surname string) (adopted int64, err error) {
	var holders int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM people WHERE surname = $1 AND tokens > 1`, surname).Scan(&holders); err != nil {
		return 0, fmt.Errorf("count surname %q: %w", surname, err)
	}
	if holders != 1 {
		return 0, nil
	}
	var (
		oldID               int64
		oldName             string
		articles            int64
		firstSeen, lastSeen sql.NullInt64
	)
	err = tx.QueryRowContext(ctx, `SELECT id, name, articles, first_seen, last_seen FROM people WHERE folded = $1`, surname).
		Scan(&oldID, &oldName, &articles, &firstSeen, &lastSeen)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("find surname person %q: %w", surname, err)
	}
	moves := []string{
		`UPDATE mentions SET person_id = $1 WHERE person_id = $2`,
		`UPDATE person_roles SET person_id = $1 WHERE person_id = $2`,
		`UPDATE quotes SET person_id = $1 WHERE person_id = $2`,
		`UPDATE person_aliases SET person_id = $1 WHERE person_id = $2`,
	}
	for _, q := range moves {
		if _, err := tx.ExecContext(ctx, q, newID, oldID); err != nil {
			return 0, fmt.Errorf("merge person %d into %d: %w", oldID, newID, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM person_aliases WHERE person_id = $1 AND folded = $2`, newID, newFolded); err != nil {
		return 0, fmt.Errorf("merge person %d into %d: %w", oldID, newID, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE people SET articles = $2, first_seen = $3, last_seen = $4 WHERE id = $1`,
		newID, articles, firstSeen, lastSeen); err != nil {
		return 0, fmt.Errorf("merge person %d into %d: %w", oldID, newID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM people WHERE id = $1`, oldID); err != nil {
		return 0, fmt.Errorf("merge person %d into %d: %w", oldID, newID, err)
	}
	return oldID, addAlias(ctx, tx, newID, newFolded, oldName)
}

func idsAndNames(ctx context.Context, q queryer, query string, args ...any) ([]int64, []string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var (
		ids   []int64
		names []string
	)
	for rows.Next() {
		var (
			id   int64
			name string
		)
		if err := rows.Scan(&id, &name); err != nil {
			return nil, nil, err
		}
		ids = append(ids, id)
		names = append(names, name)
	}
	return ids, names, rows.Err()
}

func uniqueStrings(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
