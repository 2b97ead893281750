package bot

// This file answers person lookups — `who NAME` and `quotes NAME [N]` — as
// platform-neutral adapters.Reply values. Chat commands (Service.HandleCommand)
// and the CLI (`attache who`) both call Who and Quotes, so the answers read
// the same everywhere. Note for the CLI engineer: the bot engineer wrote this
// first because the command handler needed it; it is yours to refine — keep
// the signatures, or change both callers.

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/store"
)

// maxCandidates bounds a "Did you mean" list.
const maxCandidates = 8

// Who describes the person query names: titles, affiliations, how often and
// when they appeared, and their latest quotes (at most quotes). An
// ambiguous query lists the candidates; an unknown one says so.
func Who(ctx context.Context, st store.Store, query string, quotes int) adapters.Reply {
	id, miss := resolvePerson(ctx, st, query)
	if miss != nil {
		return *miss
	}
	p, err := st.Profile(ctx, id, quotes)
	if err != nil {
		return lookupFailed(err)
	}
	reply := adapters.Reply{Title: p.Name}
	if len(p.Roles) > 0 {
		reply.Lines = append(reply.Lines, adapters.Line{Text: "Titles: " + strings.Join(p.Roles, "; ")})
	}
	if len(p.Affiliations) > 0 {
		reply.Lines = append(reply.Lines, adapters.Line{Text: "Affiliation: " + strings.Join(p.Affiliations, "; ")})
	}
	if aliases := otherNames(p.Name, p.Aliases); len(aliases) > 0 {
		reply.Lines = append(reply.Lines, adapters.Line{Text: "Also named: " + strings.Join(aliases, ", ")})
	}
	reply.Lines = append(reply.Lines, adapters.Line{Text: seenLine(p)})
	for _, q := range p.Quotes {
		reply.Lines = append(reply.Lines, quoteLine(q))
	}
	return reply
}

// Quotes lists the latest n quotes of the person query names, newest first.
func Quotes(ctx context.Context, st store.Store, query string, n int) adapters.Reply {
	id, miss := resolvePerson(ctx, st, query)
	if miss != nil {
		return *miss
	}
	p, err := st.Profile(ctx, id, n)
	if err != nil {
		return lookupFailed(err)
	}
	if len(p.Quotes) == 0 {
		return adapters.Reply{Title: p.Name, Text: "No quotes of " + p.Name + " stored yet."}
	}
	reply := adapters.Reply{Title: fmt.Sprintf("Latest quotes of %s", p.Name)}
	for _, q := range p.Quotes {
		reply.Lines = append(reply.Lines, quoteLine(q))
	}
	return reply
}

// resolvePerson picks the one person query means: the only exact match
// (full name or alias), else the only candidate. Otherwise it returns the
// reply to give instead: the candidates, or "no one".
func resolvePerson(ctx context.Context, st store.Store, query string) (int64, *adapters.Reply) {
	query = strings.TrimSpace(query)
	matches, err := st.FindPeople(ctx, query)
	if err != nil {
		r := lookupFailed(err)
		return 0, &r
	}
	var exact []store.PersonMatch
	for _, m := range matches {
		if m.Exact {
			exact = append(exact, m)
		}
	}
	switch {
	case len(exact) == 1:
		return exact[0].ID, nil
	case len(exact) == 0 && len(matches) == 1:
		return matches[0].ID, nil
	case len(matches) == 0:
		// Only the asker needs to know a lookup found nobody; the channel
		// does not (and a typo is not worth showing everyone).
		return 0, &adapters.Reply{Text: noOneCalled(ctx, st, query), Ephemeral: true}
	}
	candidates := matches
	if len(exact) > 1 {
		candidates = exact
	}
	r := adapters.Reply{Title: fmt.Sprintf("%q could be several people. Did you mean:", query)}
	for i, m := range candidates {
		if i == maxCandidates {
			r.Text = fmt.Sprintf("…and %d more. Try a fuller name.", len(candidates)-maxCandidates)
			break
		}
		r.Lines = append(r.Lines, adapters.Line{Text: candidateLine(m)})
	}
	return 0, &r
}

// noOneCalled says the lookup found nobody, and out of how many articles:
// article IDs grow one per stored article, so the latest ID counts them
// (a PostgreSQL sequence may skip a number after a failed insert, making
// it an upper bound there).
func noOneCalled(ctx context.Context, st store.Store, query string) string {
	n, err := st.LatestArticleID(ctx)
	if err != nil {
		return fmt.Sprintf("No one called %q in the articles read so far.", query)
	}
	return fmt.Sprintf("No one called %q in %d %s read.", query, n, plural(int(n), "article", "articles"))
}

func candidateLine(m store.PersonMatch) string {
	var b strings.Builder
	b.WriteString(m.Name)
	if len(m.Roles) > 0 {
		b.WriteString(" — " + m.Roles[0])
	}
	fmt.Fprintf(&b, " (%d %s)", m.Articles, plural(m.Articles, "article", "articles"))
	return b.String()
}

func seenLine(p store.Profile) string {
	s := fmt.Sprintf("In %d %s", p.Articles, plural(p.Articles, "article", "articles"))
	switch {
	case p.FirstSeen.IsZero():
	case sameDay(p.FirstSeen, p.LastSeen):
		s += ", " + p.FirstSeen.Format(dateLayout)
	default:
		s += ", " + p.FirstSeen.Format(dateLayout) + " to " + p.LastSeen.Format(dateLayout)
	}
	return s
}

func quoteLine(q store.StoredQuote) adapters.Line {
	l := adapters.Line{Quote: q.Text, Label: q.ArticleTitle, URL: q.ArticleURL}
	if !q.Published.IsZero() {
		l.Text = q.Published.Format(dateLayout)
	}
	return l
}

// otherNames is aliases without the full name itself.
func otherNames(name string, aliases []string) []string {
	var out []string
	for _, a := range aliases {
		if !strings.EqualFold(a, name) {
			out = append(out, a)
		}
	}
	return out
}

func lookupFailed(err error) adapters.Reply {
	slog.Error("person lookup failed", "err", err)
	if errors.Is(err, store.ErrNotFound) {
		return adapters.Reply{Text: "That person is no longer stored.", Error: true}
	}
	return adapters.Reply{Text: "Sorry, the lookup failed; please try again shortly.", Error: true}
}

const dateLayout = "2 Jan 2006"

func sameDay(a, b time.Time) bool {
	return a.Format(time.DateOnly) == b.Format(time.DateOnly)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
