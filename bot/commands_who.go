package bot

// This file answers person lookups — `who NAME` and `quotes NAME [WORDS…]`.
// Lookup finds the person and gathers the answer as data (Lookup, whose
// JSON form is the documented schema of `--format json`, docs/json.md);
// WhoReply and QuotesReply render it as platform-neutral adapters.Reply
// values. Chat commands (Service.HandleCommand) and the CLI (`attache who`,
// `attache quotes`) call the same functions, so the answers read the same
// everywhere.

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

// maxCandidates bounds a "could be several people" list.
const maxCandidates = 8

// maxSuggestions bounds a "Did you mean" list for a name nobody has.
const maxSuggestions = 3

// Lookup statuses.
const (
	Found     = "found"
	Ambiguous = "ambiguous"
	NotFound  = "not_found"
)

// Lookup is the answer to a person lookup, as data. Its JSON form is the
// schema of `attache who --format json` and `attache quotes --format json`
// (docs/json.md); field names and meanings are stable.
type Lookup struct {
	Query  string `json:"query"`
	Status string `json:"status"` // Found, Ambiguous or NotFound
	// Person is set when Status is Found.
	Person *PersonInfo `json:"person,omitempty"`
	// Candidates are the people an ambiguous query may mean, best first.
	Candidates []Candidate `json:"candidates,omitempty"`
	// Suggestions are people with a name close to an unknown query's.
	Suggestions []Candidate `json:"suggestions,omitempty"`
	// Articles is how many articles were read (NotFound only; an upper
	// bound on PostgreSQL, whose IDs may skip).
	Articles int64 `json:"articles_read,omitempty"`
}

// PersonInfo is one person's identity across articles.
type PersonInfo struct {
	Name        string      `json:"name"`
	Aliases     []string    `json:"aliases"`
	Affiliation string      `json:"affiliation"` // the latest, "" when unknown
	Roles       []RoleInfo  `json:"roles"`       // latest first
	Articles    int         `json:"articles"`
	FirstSeen   *time.Time  `json:"first_seen"`
	LastSeen    *time.Time  `json:"last_seen"`
	Quotes      []QuoteInfo `json:"quotes"` // newest first
}

// RoleInfo is a title with the dates of the first and last articles
// giving it.
type RoleInfo struct {
	Title       string     `json:"title"`
	Affiliation string     `json:"affiliation"`
	FirstSeen   *time.Time `json:"first_seen"`
	LastSeen    *time.Time `json:"last_seen"`
	Articles    int        `json:"articles"`
}

// QuoteInfo is one quote with its article.
type QuoteInfo struct {
	Text         string     `json:"text"`
	Speaker      string     `json:"speaker"` // as the article named them
	Date         *time.Time `json:"date"`
	Outlet       string     `json:"outlet"`
	ArticleTitle string     `json:"article_title"`
	URL          string     `json:"url"`
	Confidence   float64    `json:"confidence"` // store.StoredQuote.Confidence
}

// Candidate is a person a query may mean.
type Candidate struct {
	Name        string `json:"name"`
	Role        string `json:"role"`        // the latest title
	Affiliation string `json:"affiliation"` // the latest affiliation
	Articles    int    `json:"articles"`
}

// LookupPerson finds the one person query means and gathers their profile
// with the quotes q selects; or the candidates of an ambiguous query; or
// suggestions for an unknown name. Only a store failure is an error.
func LookupPerson(ctx context.Context, st store.Store, query string, q store.QuoteQuery) (Lookup, error) {
	query = strings.TrimSpace(query)
	out := Lookup{Query: query}
	matches, err := st.FindPeople(ctx, query)
	if err != nil {
		return out, err
	}
	var exact []store.PersonMatch
	for _, m := range matches {
		if m.Exact {
			exact = append(exact, m)
		}
	}
	var id int64
	switch {
	case len(exact) == 1:
		id = exact[0].ID
	case len(exact) == 0 && len(matches) == 1:
		id = matches[0].ID
	case len(matches) == 0:
		out.Status = NotFound
		sugg, err := st.SuggestPeople(ctx, query, maxSuggestions)
		if err != nil {
			return out, err
		}
		out.Suggestions = candidates(sugg)
		if out.Articles, err = st.LatestArticleID(ctx); err != nil {
			return out, err
		}
		return out, nil
	default:
		out.Status = Ambiguous
		if len(exact) > 1 {
			matches = exact
		}
		out.Candidates = candidates(matches)
		return out, nil
	}
	// The profile brings the latest quotes; words or a date bound need
	// the filtered read instead (the profile then reads just one quote).
	filtered := len(q.Words) > 0 || !q.Since.IsZero()
	profileQuotes := q.Limit
	if filtered {
		profileQuotes = 1
	}
	p, err := st.Profile(ctx, id, profileQuotes)
	if err != nil {
		return out, err
	}
	quotes := p.Quotes
	if filtered {
		if quotes, err = st.PersonQuotes(ctx, id, q); err != nil {
			return out, err
		}
	}
	out.Status = Found
	out.Person = personInfo(p, quotes)
	return out, nil
}

func candidates(ms []store.PersonMatch) []Candidate {
	out := make([]Candidate, 0, len(ms))
	for _, m := range ms {
		out = append(out, Candidate{Name: m.Name, Role: m.Role, Affiliation: m.Affiliation, Articles: m.Articles})
	}
	return out
}

func personInfo(p store.Profile, quotes []store.StoredQuote) *PersonInfo {
	info := &PersonInfo{Name: p.Name, Aliases: otherNames(p.Name, p.Aliases), Articles: p.Articles,
		FirstSeen: timePtr(p.FirstSeen), LastSeen: timePtr(p.LastSeen), Roles: []RoleInfo{}, Quotes: []QuoteInfo{}}
	if info.Aliases == nil {
		info.Aliases = []string{}
	}
	if len(p.Affiliations) > 0 {
		info.Affiliation = p.Affiliations[0]
	}
	for _, r := range p.RoleHistory {
		if r.Role == "" {
			continue
		}
		info.Roles = append(info.Roles, RoleInfo{Title: r.Role, Affiliation: r.Affiliation, Articles: r.Articles,
			FirstSeen: timePtr(r.FirstSeen), LastSeen: timePtr(r.LastSeen)})
	}
	for _, q := range quotes {
		info.Quotes = append(info.Quotes, QuoteInfo{Text: q.Text, Speaker: q.Speaker, Date: timePtr(q.Published), Outlet: q.Outlet,
			ArticleTitle: q.ArticleTitle, URL: q.ArticleURL, Confidence: q.Confidence})
	}
	return info
}

// timePtr is nil for the zero time, so JSON says null rather than year 1.
func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// Who describes the person query names: titles over time, affiliation,
// how often and when they appeared, and their latest quotes (at most
// quotes). An ambiguous query lists the candidates; an unknown one says so
// and suggests close names.
func Who(ctx context.Context, st store.Store, query string, quotes int) adapters.Reply {
	l, err := LookupPerson(ctx, st, query, store.QuoteQuery{Limit: quotes})
	if err != nil {
		return lookupFailed(err)
	}
	return WhoReply(l)
}

// WhoReply renders a lookup as the `who` answer.
func WhoReply(l Lookup) adapters.Reply {
	if l.Status != Found {
		return missReply(l)
	}
	p := l.Person
	reply := adapters.Reply{Title: p.Name}
	if len(p.Roles) > 0 {
		var titles []string
		for _, r := range p.Roles {
			titles = append(titles, roleText(r))
		}
		reply.Lines = append(reply.Lines, adapters.Line{Text: "Titles: " + strings.Join(titles, "; ")})
	}
	if p.Affiliation != "" {
		reply.Lines = append(reply.Lines, adapters.Line{Text: "Affiliation: " + p.Affiliation})
	}
	if len(p.Aliases) > 0 {
		reply.Lines = append(reply.Lines, adapters.Line{Text: "Also named: " + strings.Join(p.Aliases, ", ")})
	}
	reply.Lines = append(reply.Lines, adapters.Line{Text: seenLine(p)})
	for _, q := range p.Quotes {
		reply.Lines = append(reply.Lines, quoteLine(q))
	}
	return reply
}

// roleText is "Foreign Minister (Russia), 5 Oct 2016 to 7 Oct 2016".
func roleText(r RoleInfo) string {
	s := r.Title
	if r.Affiliation != "" {
		s += " (" + r.Affiliation + ")"
	}
	return s + span(r.FirstSeen, r.LastSeen)
}

func span(first, last *time.Time) string {
	switch {
	case first == nil || last == nil:
		return ""
	case sameDay(*first, *last):
		return ", " + first.Format(dateLayout)
	}
	return ", " + first.Format(dateLayout) + " to " + last.Format(dateLayout)
}

// Quotes lists the latest quotes of the person query names that q
// selects, newest first.
func Quotes(ctx context.Context, st store.Store, query string, q store.QuoteQuery) adapters.Reply {
	l, err := LookupPerson(ctx, st, query, q)
	if err != nil {
		return lookupFailed(err)
	}
	return QuotesReply(l, q.Words)
}

// QuotesReply renders a lookup as the `quotes` answer; words are the
// words the quotes were filtered by, for the title.
func QuotesReply(l Lookup, words []string) adapters.Reply {
	if l.Status != Found {
		return missReply(l)
	}
	p := l.Person
	about := ""
	if len(words) > 0 {
		about = " on " + strings.Join(words, " ")
	}
	if len(p.Quotes) == 0 {
		return adapters.Reply{Title: p.Name, Text: "No quotes of " + p.Name + about + " stored yet."}
	}
	reply := adapters.Reply{Title: fmt.Sprintf("Latest quotes of %s%s", p.Name, about)}
	for _, q := range p.Quotes {
		reply.Lines = append(reply.Lines, quoteLine(q))
	}
	return reply
}

// missReply answers an ambiguous or unknown query.
func missReply(l Lookup) adapters.Reply {
	if l.Status == NotFound {
		// Only the asker needs to know a lookup found nobody; the channel
		// does not (and a typo is not worth showing everyone).
		r := adapters.Reply{Text: fmt.Sprintf("No one called %q in %d %s read.", l.Query, l.Articles, plural(int(l.Articles), "article", "articles")), Ephemeral: true}
		if len(l.Suggestions) > 0 {
			r.Title = r.Text
			r.Text = ""
			for i, c := range l.Suggestions {
				text := candidateLine(c)
				if i == 0 {
					text = "Did you mean " + text + "?"
				}
				r.Lines = append(r.Lines, adapters.Line{Text: text})
			}
		}
		return r
	}
	r := adapters.Reply{Title: fmt.Sprintf("%q could be several people. Did you mean:", l.Query)}
	for i, c := range l.Candidates {
		if i == maxCandidates {
			r.Text = fmt.Sprintf("…and %d more. Try a fuller name.", len(l.Candidates)-maxCandidates)
			break
		}
		r.Lines = append(r.Lines, adapters.Line{Text: candidateLine(c)})
	}
	return r
}

// candidateLine is "Sergei Lavrov — Foreign Minister, Russia (3 articles)".
func candidateLine(c Candidate) string {
	var b strings.Builder
	b.WriteString(c.Name)
	switch {
	case c.Role != "" && c.Affiliation != "":
		b.WriteString(" — " + c.Role + ", " + c.Affiliation)
	case c.Role != "" || c.Affiliation != "":
		b.WriteString(" — " + c.Role + c.Affiliation)
	}
	fmt.Fprintf(&b, " (%d %s)", c.Articles, plural(c.Articles, "article", "articles"))
	return b.String()
}

func seenLine(p *PersonInfo) string {
	return fmt.Sprintf("In %d %s", p.Articles, plural(p.Articles, "article", "articles")) + span(p.FirstSeen, p.LastSeen)
}

func quoteLine(q QuoteInfo) adapters.Line {
	l := adapters.Line{Quote: q.Text, Label: q.ArticleTitle, URL: q.URL}
	if q.Date != nil {
		l.Text = q.Date.Format(dateLayout)
	}
	if q.Outlet != "" {
		l.Text = strings.TrimPrefix(l.Text+", "+q.Outlet, ", ")
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
