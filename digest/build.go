package digest

import (
	"cmp"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/store"
)

// Options choose what a digest covers.
type Options struct {
	Title      string    // "" for "attache digest — <date>"
	Since      time.Time // keep articles published (or fetched) at or after; zero: no bound
	Until      time.Time // keep articles published (or fetched) at or before; zero: no bound
	MaxStories int       // 0: no limit; the rest are counted in Digest.Omitted
	Filter     Filter
	Now        time.Time // the digest's reference time for recency and the title; zero: time.Now()
}

// Filter keeps a story when any of its entries matches (an empty Filter
// keeps every story). Matching ignores case, accents and punctuation and is
// on whole words.
type Filter struct {
	Keywords  []string // in the headlines, summary or quotes
	Actors    []string // a person's name or surname in the story
	Countries []string // an affiliation of the story's people, or a place its articles name
}

// Empty reports whether the filter keeps everything.
func (f Filter) Empty() bool {
	return len(f.Keywords) == 0 && len(f.Actors) == 0 && len(f.Countries) == 0
}

// Build turns stored articles into a digest: articles inside the time window
// are grouped into stories, each story gets its summary, key actors and
// quotes, stories not passing the filter are dropped, and the rest are
// ranked. The result depends only on articles and opts.
func Build(articles []store.StoredArticle, opts Options) Digest {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	d := Digest{Title: opts.Title, Since: opts.Since, Until: opts.Until, Stories: []Story{}}
	if d.Title == "" {
		d.Title = "attache digest — " + now.Format("2 Jan 2006")
	}
	inWindow := make([]store.StoredArticle, 0, len(articles))
	for _, a := range articles {
		t := articleTime(a)
		if (!opts.Since.IsZero() && t.Before(opts.Since)) || (!opts.Until.IsZero() && t.After(opts.Until)) {
			continue
		}
		inWindow = append(inWindow, a)
	}
	sortArticles(inWindow)
	var stories []ranked
	for _, group := range groupStories(inWindow) {
		members := make([]store.StoredArticle, len(group))
		for i, idx := range group {
			members[i] = inWindow[idx]
		}
		s := buildStory(members)
		if !opts.Filter.Empty() && !s.matches(opts.Filter) {
			continue
		}
		stories = append(stories, ranked{Story: s.Story, score: s.score(now), firstID: s.firstID})
	}
	slices.SortStableFunc(stories, func(a, b ranked) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := b.Published.Compare(a.Published); c != 0 {
			return c
		}
		return cmp.Compare(a.firstID, b.firstID)
	})
	for i, s := range stories {
		if opts.MaxStories > 0 && i >= opts.MaxStories {
			d.Omitted = len(stories) - opts.MaxStories
			break
		}
		d.Stories = append(d.Stories, s.Story)
	}
	oneSpelling(d.Stories)
	return d
}

type ranked struct {
	Story
	score   float64
	firstID int64
}

// storyDraft is a Story with what filtering and ranking need besides.
type storyDraft struct {
	Story
	cast    *cast
	texts   []string // headlines, summary and quotes, for keyword filters
	places  []string
	firstID int64
}

// buildStory assembles one story from its articles (sorted by time).
func buildStory(members []store.StoredArticle) storyDraft {
	lead := leadArticle(members)
	ordered := append([]store.StoredArticle{members[lead]}, slices.Delete(slices.Clone(members), lead, lead+1)...)

	s := storyDraft{cast: &cast{}, firstID: members[0].ID}
	s.Headline = headlineOf(ordered[0])
	s.Summary = strings.TrimSpace(ordered[0].Analysis.Summary)
	if s.Summary == "" {
		s.Summary = leadParagraph(ordered[0].Article.Body)
	}
	var quotes []extract.Quote
	for _, a := range ordered {
		s.Sources = append(s.Sources, linkTo(a))
		s.ArticleIDs = append(s.ArticleIDs, a.ID)
		s.cast.add(a.Analysis.People, a.Article.Body)
		quotes = append(quotes, a.Analysis.Quotes...)
		s.texts = append(s.texts, headlineOf(a))
		s.places = append(s.places, a.Analysis.Places...)
		// Only a stated date counts: an undated article read today is not
		// today's news, and the story shows its date as unknown.
		if t := a.Article.Published; t.After(s.Published) {
			s.Published = t
		}
	}
	s.Quotes = pickQuotes(collectQuotes(s.cast, quotes))
	s.Actors = s.cast.keyActors()
	// A quote is shown once: under Quotes when it is there, else beside
	// its speaker.
	shown := map[string]bool{}
	for _, q := range s.Quotes {
		shown[q.Text] = true
	}
	for i := range s.Actors {
		if shown[s.Actors[i].Said] {
			s.Actors[i].Said = ""
		}
	}
	s.texts = append(s.texts, s.Summary)
	for _, q := range s.Quotes {
		s.texts = append(s.texts, q.Text)
	}
	return s
}

// leadArticle picks the article a story leads with: its latest
// development, the newest article by publication date. An article without
// a date leads only when no article has one (then the newest read), so
// that an undated page read today does not pass for the latest news.
// Among articles of the same time, the one with most quotes and people.
func leadArticle(members []store.StoredArticle) int {
	richness := func(a store.StoredArticle) int {
		return 2*len(a.Analysis.Quotes) + len(a.Analysis.People)
	}
	dated := func(a store.StoredArticle) bool { return !a.Article.Published.IsZero() }
	lead := 0
	for i, a := range members {
		l := members[lead]
		switch {
		case dated(a) != dated(l):
			if dated(a) {
				lead = i
			}
		case articleTime(a).After(articleTime(l)):
			lead = i
		case articleTime(a).Equal(articleTime(l)) && richness(a) > richness(l):
			lead = i
		}
	}
	return lead
}

// score ranks stories: told by more outlets first, then by how many actors
// and quotes they carry, with a bonus fading over two days for fresh news.
func (s storyDraft) score(now time.Time) float64 {
	recency := 0.0
	if age := now.Sub(s.Published); age < 48*time.Hour {
		recency = 3 * (1 - max(age, 0).Hours()/48)
	}
	return 4*float64(len(s.Sources)-1) + float64(len(s.Actors)) + float64(len(s.Quotes)) + recency
}

// matches reports whether the story passes a non-empty filter.
func (s storyDraft) matches(f Filter) bool {
	texts := strings.Join(s.texts, "\n")
	for _, k := range f.Keywords {
		if containsPhrase(texts, k) {
			return true
		}
	}
	for _, name := range f.Actors {
		for _, p := range s.cast.people {
			if containsPhrase(p.name, name) || p.keys[normalizeName(name)] {
				return true
			}
		}
	}
	for _, country := range f.Countries {
		for _, p := range s.cast.people {
			for _, aff := range p.affiliations.order {
				if mentionsCountry(aff, country) {
					return true
				}
			}
		}
		for _, place := range s.places {
			if mentionsCountry(place, country) {
				return true
			}
		}
	}
	return false
}

// articleTime is when an article appeared: its publication time, else when
// it was fetched (local files have no date), else when it was stored.
func articleTime(a store.StoredArticle) time.Time {
	switch {
	case !a.Article.Published.IsZero():
		return a.Article.Published
	case !a.Article.Fetched.IsZero():
		return a.Article.Fetched
	}
	return a.Stored
}

func headlineOf(a store.StoredArticle) string {
	for _, h := range []string{a.Article.Title, a.Analysis.Title} {
		if h = strings.Join(strings.Fields(h), " "); h != "" {
			return h
		}
	}
	return "Untitled article"
}

// linkTo names an article's source by its outlet: the feed's title or the
// site's name as ingest found it, else the site's host. A local file that
// names no outlet is named by its file name: the feed name ingest gives it
// then is only its directory's (the source's base name).
func linkTo(a store.StoredArticle) Link {
	l := Link{Name: strings.TrimSpace(a.Article.Feed), Title: headlineOf(a), URL: a.Article.URL, Published: a.Article.Published}
	if l.Name == "" && a.Article.URL != "" {
		if u, err := url.Parse(a.Article.URL); err == nil && u.Host != "" {
			l.Name = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	dirName := path.Base(strings.ReplaceAll(strings.TrimRight(a.Article.Source, "/\\"), "\\", "/"))
	if rel, ok := strings.CutPrefix(a.Article.GUID, "file:"); ok && a.Article.URL == "" && (l.Name == "" || l.Name == dirName) {
		rel, _, _ = strings.Cut(rel, "#")
		if base := path.Base(strings.ReplaceAll(rel, "\\", "/")); base != "." && base != "/" {
			l.Name = base
		}
	}
	if l.Name == "" && a.Article.Source != "" {
		l.Name = path.Base(strings.ReplaceAll(a.Article.Source, "\\", "/"))
	}
	if l.Name == "" {
		l.Name = "unknown source"
	}
	return l
}

// maxLeadRunes bounds the summary made from the body when extraction gave
// none: whole sentences up to about this length.
const maxLeadRunes = 320

// leadParagraph is the first substantial paragraph of a body, cut after the
// last sentence that fits in maxLeadRunes.
func leadParagraph(body string) string {
	for para := range strings.SplitSeq(body, "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		if len(strings.Fields(para)) < 8 {
			continue // captions, datelines, section labels
		}
		runes := []rune(para)
		if len(runes) <= maxLeadRunes {
			return para
		}
		cut := string(runes[:maxLeadRunes])
		if i := strings.LastIndexAny(cut, ".!?"); i > 0 {
			return cut[:i+1]
		}
		return strings.TrimSpace(cut) + "…"
	}
	return ""
}
