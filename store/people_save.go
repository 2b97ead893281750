package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/identity"
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

// articlePeople is the people of one article resolved to stored people,
// and for each quote the person who said it (invalid when nobody known).
type articlePeople struct {
	order    []*articlePerson
	speakers []sql.NullInt64
}

// savePeopleAndQuotes normalises the people and quotes of a new article into
// the tables behind lookups. It runs inside the article's transaction.
func (s *sqlStore) savePeopleAndQuotes(ctx context.Context, tx *txn, articleID int64, seen time.Time, an extract.Analysis) error {
	ap, err := resolveArticlePeople(ctx, tx, an)
	if err != nil {
		return err
	}
	at := seen.UnixMicro()
	if err := ap.save(ctx, tx, articleID, at); err != nil {
		return err
	}
	for i, q := range an.Quotes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes
			(article_id, person_id, speaker, speaker_kind, text, start_offset, end_offset, said_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			articleID, ap.speakers[i], q.Speaker, string(q.SpeakerKind), q.Text, q.Start, q.End, at); err != nil {
			return fmt.Errorf("insert quote: %w", err)
		}
	}
	return nil
}

// resolveArticlePeople resolves an article's people and quote speakers to
// stored people, creating those not known yet.
func resolveArticlePeople(ctx context.Context, tx *txn, an extract.Analysis) (articlePeople, error) {
	// Fuller names first: when "Jean-Marc Ayrault" and a bare "Ayrault"
	// are both new, the full name must exist before the surname is
	// resolved, so the surname joins it instead of becoming a person.
	people := slices.Clone(an.People)
	slices.SortStableFunc(people, func(a, b extract.Person) int {
		return cmp.Compare(len(nameTokens(b.Name)), len(nameTokens(a.Name)))
	})

	var (
		byID   = map[int64]*articlePerson{}
		out    articlePeople
		byName = map[string]int64{} // folded name or alias used in this article -> person
	)
	add := func(p extract.Person) (int64, error) {
		name := cleanName(p.Name)
		folded := foldName(name)
		if folded == "" {
			return 0, nil
		}
		// A name already resolved in this article is the same person
		// again ("Lavrov" after "Sergei Lavrov" listed it as an alias).
		if id, ok := byName[folded]; ok && byID[id] != nil {
			byID[id].note(p, name)
			return id, nil
		}
		id, identityName, adopted, err := resolvePerson(ctx, tx, p)
		if err != nil {
			return 0, err
		}
		ap := byID[id]
		if ap == nil {
			ap = &articlePerson{id: id, folded: identityName}
			byID[id] = ap
			out.order = append(out.order, ap)
		}
		for _, gone := range adopted {
			old := byID[gone]
			if old == nil {
				continue
			}
			// A bare surname already seen in this article was just merged
			// into this fuller name: its part of the article moves too.
			delete(byID, gone)
			out.order = slices.DeleteFunc(out.order, func(p *articlePerson) bool { return p == old })
			ap.mentions += old.mentions
			ap.forms = append(ap.forms, old.forms...)
			for _, r := range old.roles {
				if !slices.Contains(ap.roles, r) {
					ap.roles = append(ap.roles, r)
				}
			}
			for f, pid := range byName {
				if pid == gone {
					byName[f] = id
				}
			}
		}
		ap.note(p, name)
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
			return articlePeople{}, err
		}
	}

	// A quote belongs to a person only when its speaker is one of the
	// article's people (by name or alias). A speaker the extractor calls a
	// person but did not list is resolved like any other name. Anything
	// else (anonymous sources, documents) is stored without a person:
	// attributing a quote to the wrong person is worse than to none.
	out.speakers = make([]sql.NullInt64, len(an.Quotes))
	for i, q := range an.Quotes {
		if q.SpeakerKind != extract.SpeakerPerson && q.SpeakerKind != extract.SpeakerNone {
			continue
		}
		folded := foldName(q.Speaker)
		if folded == "" {
			continue
		}
		id, ok := byName[folded]
		if !ok && q.SpeakerKind == extract.SpeakerPerson {
			var err error
			if id, err = add(extract.Person{Name: q.Speaker, Mentions: 1}); err != nil {
				return articlePeople{}, err
			}
			ok = id != 0
		}
		if ok {
			out.speakers[i] = sql.NullInt64{Int64: id, Valid: true}
		}
	}
	return out, nil
}

// note adds one listing of the person in the article: its mentions, the
// name forms and the role.
func (ap *articlePerson) note(p extract.Person, name string) {
	ap.mentions += max(p.Mentions, 1)
	ap.forms = append(ap.forms, name)
	ap.forms = append(ap.forms, p.Aliases...)
	role, aff := cleanName(p.Role), cleanName(p.Affiliation)
	if (role != "" || aff != "") && !slices.Contains(ap.roles, [2]string{role, aff}) {
		ap.roles = append(ap.roles, [2]string{role, aff})
	}
}

// save records the people's part in an article.
func (a articlePeople) save(ctx context.Context, tx *txn, articleID, at int64) error {
	for _, ap := range a.order {
		if err := ap.save(ctx, tx, articleID, at); err != nil {
			return err
		}
	}
	return nil
}

// save records one person's part in an article: the mention, the counters
// on the person, the name forms as aliases, and the roles with when they
// were seen. The person's current role and affiliation (the evidence
// identity resolution weighs) are those of its latest article.
func (ap *articlePerson) save(ctx context.Context, tx *txn, articleID, at int64) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO mentions (person_id, article_id, mentions) VALUES ($1, $2, $3)`,
		ap.id, articleID, ap.mentions); err != nil {
		return fmt.Errorf("insert mention: %w", err)
	}
	var role, aff string
	for _, r := range ap.roles {
		role, aff = cmp.Or(role, r[0]), cmp.Or(aff, r[1])
	}
	if _, err := tx.ExecContext(ctx, `UPDATE people SET articles = articles + 1,
		role = CASE WHEN $3 <> '' AND (last_seen IS NULL OR last_seen <= $2) THEN $3 ELSE role END,
		affiliation = CASE WHEN $4 <> '' AND (last_seen IS NULL OR last_seen <= $2) THEN $4 ELSE affiliation END,
		first_seen = CASE WHEN first_seen IS NULL OR first_seen > $2 THEN $2 ELSE first_seen END,
		last_seen = CASE WHEN last_seen IS NULL OR last_seen < $2 THEN $2 ELSE last_seen END
		WHERE id = $1`, ap.id, at, role, aff); err != nil {
		return fmt.Errorf("update person %d: %w", ap.id, err)
	}
	for _, form := range ap.forms {
		if err := addAlias(ctx, tx, ap.id, ap.folded, form); err != nil {
			return err
		}
	}
	for _, r := range ap.roles {
		if _, err := tx.ExecContext(ctx, `INSERT INTO person_roles (person_id, role, affiliation, articles, first_seen, last_seen)
			VALUES ($1, $2, $3, 1, $4, $4)
			ON CONFLICT (person_id, role, affiliation) DO UPDATE SET articles = person_roles.articles + 1,
				first_seen = CASE WHEN person_roles.first_seen IS NULL OR person_roles.first_seen > $4 THEN $4 ELSE person_roles.first_seen END,
				last_seen = CASE WHEN person_roles.last_seen IS NULL OR person_roles.last_seen < $4 THEN $4 ELSE person_roles.last_seen END`,
			ap.id, r[0], r[1], at); err != nil {
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

// candidate is a stored person sharing a surname key with a name being
// resolved.
type candidate struct {
	id                int64
	name, folded      string
	role, affiliation string
	bare              bool
}

// maxCandidates bounds the people with one surname key weighed for a new
// name; the most written about come first, and a name with more holders
// than this is common enough that only an exact name or alias is trusted.
const maxCandidates = 64

// resolvePerson finds the stored person a mention refers to, creating one
// when none fits, and returns its ID and folded identity, and the IDs of
// bare-surname people it adopted (step 5). In order:
//
//  1. the same folded full name;
//  2. the people sharing its surname key (identity.Parse: variants,
//     particles and titles unified) are weighed with identity.Compare.
//     A bare surname with several fitting holders ("Johnson": Boris and
//     Jo) is ambiguous: it stays a person of its own;
//  3. a recorded alias of exactly one person ("Ban" -> "Ban Ki-moon");
//  4. the one holder identity.Compare finds Same with the highest score
//     (a tie is no answer), or for a bare surname the only holder with a
//     given name that does not conflict ("Lavrov" -> "Sergei Lavrov");
//  5. otherwise a new person. A new fuller name adopts the bare-surname
//     people of its surname when it is now their only fitting holder.
func resolvePerson(ctx context.Context, tx *txn, p extract.Person) (id int64, folded string, adopted []int64, err error) {
	name := cleanName(p.Name)
	folded = foldName(name)
	err = tx.QueryRowContext(ctx, `SELECT id FROM people WHERE folded = $1`, folded).Scan(&id)
	if err == nil {
		return id, folded, nil, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil, fmt.Errorf("find person %q: %w", name, err)
	}

	parsed := identity.Parse(name)
	mention := identity.Mention{Name: name, Role: p.Role, Affiliation: p.Affiliation}
	cands, err := surnameCandidates(ctx, tx, parsed.Surname)
	if err != nil {
		return 0, "", nil, fmt.Errorf("find surname of %q: %w", name, err)
	}
	var (
		best      *candidate
		bestScore int
		tie       bool
		fitting   []*candidate // bare name: holders with a given name that fit
		bareFits  []*candidate // bare name: other bare spellings that fit
	)
	for i := range cands {
		c := &cands[i]
		m := identity.Compare(mention, identity.Mention{Name: c.name, Role: c.role, Affiliation: c.affiliation})
		if m.Verdict == identity.Different {
			continue
		}
		if parsed.Bare() {
			if c.bare {
				bareFits = append(bareFits, c)
			} else {
				fitting = append(fitting, c)
			}
		}
		if m.Verdict != identity.Same {
			continue
		}
		switch {
		case best == nil || m.Score > bestScore:
			best, bestScore, tie = c, m.Score, false
		case m.Score == bestScore:
			tie = true
		}
	}
	ambiguous := parsed.Bare() && len(fitting) > 1
	if !ambiguous {
		ids, names, err := idsAndNames(ctx, tx, `SELECT DISTINCT p.id, p.folded FROM person_aliases a
			JOIN people p ON p.id = a.person_id WHERE a.folded = $1 LIMIT 2`, folded)
		if err != nil {
			return 0, "", nil, fmt.Errorf("find alias %q: %w", name, err)
		}
		if len(ids) == 1 {
			return ids[0], names[0], nil, nil
		}
	}
	switch {
	case best != nil && !tie && !ambiguous:
		return best.id, best.folded, nil, nil
	case parsed.Bare() && len(fitting) == 1:
		return fitting[0].id, fitting[0].folded, nil, nil
	case parsed.Bare() && len(fitting) == 0 && len(bareFits) == 1:
		return bareFits[0].id, bareFits[0].folded, nil, nil
	}

	id, err = insertPerson(ctx, tx, name, folded, parsed)
	if err != nil {
		return 0, "", nil, err
	}
	if !parsed.Bare() {
		if adopted, err = adoptSurnamePeople(ctx, tx, id, folded, mention, cands); err != nil {
			return 0, "", nil, err
		}
	}
	return id, folded, adopted, nil
}

// surnameCandidates reads the people whose surname key is key, most
// written about first.
func surnameCandidates(ctx context.Context, tx *txn, key string) ([]candidate, error) {
	if key == "" {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, folded, role, affiliation, given_key = '' FROM people
		WHERE surname_key = $1 ORDER BY articles DESC, id LIMIT `+fmt.Sprint(maxCandidates), key)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		if err := rows.Scan(&c.id, &c.name, &c.folded, &c.role, &c.affiliation, &c.bare); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// insertPerson creates a person with its search words.
func insertPerson(ctx context.Context, tx *txn, name, folded string, parsed identity.Name) (int64, error) {
	tokens := nameTokens(name)
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO people (name, folded, surname, tokens, surname_key, given_key)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		name, folded, tokens[len(tokens)-1], len(tokens), parsed.Surname, strings.Join(parsed.Given, " ")).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert person %q: %w", name, err)
	}
	if err := addSearchWords(ctx, tx, id, name); err != nil {
		return 0, err
	}
	return id, nil
}

// addSearchWords indexes a name form of a person under its search words
// (identity.SearchWords), so that lookups find it by any spelling of any
// of its words.
func addSearchWords(ctx context.Context, tx *txn, id int64, name string) error {
	for _, w := range identity.SearchWords(name) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO person_tokens (token, person_id) VALUES ($1, $2)
			ON CONFLICT (token, person_id) DO NOTHING`, w, id); err != nil {
			return fmt.Errorf("insert name word of %q: %w", name, err)
		}
	}
	return nil
}

// adoptSurnamePeople merges the people known only by a bare surname of
// the newly created fuller-named person newID into it, when newID is the
// only person with a given name that fits them, and returns their former
// IDs. newID has no mentions, roles, quotes or aliases yet, so rows can
// simply be moved.
func adoptSurnamePeople(ctx context.Context, tx *txn, newID int64, newFolded string, mention identity.Mention, cands []candidate) (adopted []int64, err error) {
	var bare []candidate
	for _, c := range cands {
		if !c.bare {
			if identity.Compare(mention, identity.Mention{Name: c.name, Role: c.role, Affiliation: c.affiliation}).Verdict != identity.Different {
				return nil, nil // another fuller name fits as well: no guess
			}
			continue
		}
		if identity.Compare(mention, identity.Mention{Name: c.name, Role: c.role, Affiliation: c.affiliation}).Verdict != identity.Different {
			bare = append(bare, c)
		}
	}
	if len(cands) == maxCandidates {
		return nil, nil // not every holder was weighed
	}
	for _, c := range bare {
		if err := mergePerson(ctx, tx, newID, c.id); err != nil {
			return nil, err
		}
		adopted = append(adopted, c.id)
		if err := addAlias(ctx, tx, newID, newFolded, c.name); err != nil {
			return nil, err
		}
	}
	return adopted, nil
}

// mergePerson moves everything of person from into person into and
// deletes from: mentions (summed when both were in one article), roles
// (counts summed, first and last seen widened), quotes, aliases and
// search words; into's counters and current role are recomputed.
func mergePerson(ctx context.Context, tx *txn, into, from int64) error {
	// Every statement takes both IDs, $1 into and $2 from; PostgreSQL
	// must see each parameter used to type it, hence the "> 0" guards.
	steps := []string{
		`UPDATE mentions SET mentions = mentions + (SELECT m.mentions FROM mentions m WHERE m.person_id = $2 AND m.article_id = mentions.article_id)
			WHERE person_id = $1 AND article_id IN (SELECT article_id FROM mentions WHERE person_id = $2)`,
		`DELETE FROM mentions WHERE person_id = $2 AND article_id IN (SELECT article_id FROM mentions WHERE person_id = $1)`,
		`UPDATE mentions SET person_id = $1 WHERE person_id = $2`,
		`UPDATE person_roles SET articles = articles + (SELECT r.articles FROM person_roles r WHERE r.person_id = $2 AND r.role = person_roles.role AND r.affiliation = person_roles.affiliation),
			first_seen = (SELECT MIN(x) FROM (SELECT person_roles.first_seen AS x UNION ALL SELECT r.first_seen FROM person_roles r WHERE r.person_id = $2 AND r.role = person_roles.role AND r.affiliation = person_roles.affiliation) s),
			last_seen = (SELECT MAX(x) FROM (SELECT person_roles.last_seen AS x UNION ALL SELECT r.last_seen FROM person_roles r WHERE r.person_id = $2 AND r.role = person_roles.role AND r.affiliation = person_roles.affiliation) s)
			WHERE person_id = $1 AND EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = $2 AND r.role = person_roles.role AND r.affiliation = person_roles.affiliation)`,
		`DELETE FROM person_roles WHERE person_id = $2 AND EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = $1 AND r.role = person_roles.role AND r.affiliation = person_roles.affiliation)`,
		`UPDATE person_roles SET person_id = $1 WHERE person_id = $2`,
		`UPDATE quotes SET person_id = $1 WHERE person_id = $2`,
		`DELETE FROM person_aliases WHERE person_id = $2 AND folded IN (SELECT folded FROM person_aliases WHERE person_id = $1)`,
		`UPDATE person_aliases SET person_id = $1 WHERE person_id = $2`,
		`DELETE FROM person_aliases WHERE person_id = $1 AND folded = (SELECT folded FROM people WHERE id = $1) AND $2 > 0`,
		`DELETE FROM person_tokens WHERE person_id = $2 AND token IN (SELECT token FROM person_tokens WHERE person_id = $1)`,
		`UPDATE person_tokens SET person_id = $1 WHERE person_id = $2`,
		`UPDATE people AS p SET
			articles = (SELECT COUNT(*) FROM mentions WHERE person_id = $1),
			first_seen = (SELECT MIN(x) FROM (SELECT first_seen AS x FROM people WHERE id IN ($1, $2)) s),
			last_seen = (SELECT MAX(x) FROM (SELECT last_seen AS x FROM people WHERE id IN ($1, $2)) s),
			role = COALESCE((SELECT o.role FROM people o WHERE o.id = $2 AND o.role <> '' AND (o.last_seen > p.last_seen OR p.role = '')), p.role),
			affiliation = COALESCE((SELECT o.affiliation FROM people o WHERE o.id = $2 AND o.affiliation <> '' AND (o.last_seen > p.last_seen OR p.affiliation = '')), p.affiliation)
			WHERE p.id = $1`,
		`DELETE FROM people WHERE id = $2 AND $1 > 0`,
	}
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q, into, from); err != nil {
			return fmt.Errorf("merge person %d into %d: %w", from, into, err)
		}
	}
	return nil
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
