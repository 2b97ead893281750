// Package digest chooses, groups and ranks stored articles into a
// platform-neutral digest: stories (same-story articles from several sources
// grouped together), each with a summary, key-actor bullets and quote
// bullets. Adapters render a Digest for their platform; nothing here knows
// about Slack, Matrix or Markdown.
package digest

import "time"

// Digest is what one delivery says.
type Digest struct {
	Title   string // e.g. "attache digest — 25 Nov 2026"
	Since   time.Time
	Until   time.Time
	Stories []Story
	// Omitted counts stories left out by MaxStories.
	Omitted int
}

// Empty reports whether the digest has no story to tell.
func (d Digest) Empty() bool { return len(d.Stories) == 0 }

// Story is one news story, possibly told by several articles.
type Story struct {
	Headline   string
	Summary    string
	Sources    []Link // one per article, the first is the lead article
	Actors     []Actor
	Quotes     []QuoteLine
	Published  time.Time
	ArticleIDs []int64
}

// Link points at one article.
type Link struct {
	Name  string // feed or site name, or the file name for local files
	Title string
	URL   string // "" for local files
}

// Actor is a key-actor bullet: "Jean-Marc Ayrault — Foreign Minister, France".
type Actor struct {
	Name        string
	Role        string
	Affiliation string
	Mentions    int
	// Said is the actor's most telling quote in this story, "" when none.
	Said string
}

// QuoteLine is a quote bullet: "verbatim quote" — speaker.
type QuoteLine struct {
	Text    string
	Speaker string
	Kind    string // person, anonymous, organization, document
}
