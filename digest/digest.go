// Package digest chooses, groups and ranks stored articles into a
// platform-neutral digest: stories (same-story articles from several sources
// grouped together), each with a summary, key-actor bullets and quote
// bullets. Adapters render a Digest for their platform; nothing here knows
// about Slack, Matrix or Markdown.
package digest

import (
	"time"

	"github.com/attache-bot/attache/extract"
)

// Digest is what one delivery says.
type Digest struct {
	Title   string    `json:"title"` // e.g. "attache digest — 25 Nov 2026"
	Since   time.Time `json:"since,omitzero"`
	Until   time.Time `json:"until,omitzero"`
	Stories []Story   `json:"stories"`
	// Omitted counts stories left out by MaxStories.
	Omitted int `json:"omitted,omitempty"`
	// Health says which sources could not be read, for a footer; nil when
	// the caller does not know (a one-shot digest of files).
	Health *SourceHealth `json:"health,omitempty"`
}

// SourceHealth is how the sources a digest draws on fare: few stories with
// every source down is an outage, not a quiet day, and the digest says so.
type SourceHealth struct {
	Total int          `json:"total"`
	Down  []DownSource `json:"down,omitempty"` // failing at their last poll
}

// DownSource is one source that failed at its last poll.
type DownSource struct {
	Name string `json:"name"`
	// Since is its last successful read; zero when it was never read.
	Since time.Time `json:"since,omitzero"`
}

// Empty reports whether the digest has no story to tell.
func (d Digest) Empty() bool { return len(d.Stories) == 0 }

// Story is one news story, possibly told by several articles.
type Story struct {
	Headline string      `json:"headline"`
	Summary  string      `json:"summary"`
	Sources  []Link      `json:"sources"` // one per article, the first is the lead article
	Actors   []Actor     `json:"actors"`
	Quotes   []QuoteLine `json:"quotes"`
	// Published is the newest publication date its articles state; zero
	// when none states one (renderers say "date unknown": the time a page
	// was read is not its date).
	Published  time.Time `json:"published,omitzero"`
	ArticleIDs []int64   `json:"article_ids,omitempty"`
}

// Link points at one article.
type Link struct {
	Name      string    `json:"name"` // outlet: feed or site name; a local file's name when it names none
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`      // "" for local files
	Published time.Time `json:"published,omitzero"` // zero when the article states no date
}

// Actor is a key-actor bullet: "Jean-Marc Ayrault — Foreign Minister, France".
type Actor struct {
	Name        string `json:"name"`
	Role        string `json:"role,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	Mentions    int    `json:"mentions"`
	// Said is the actor's most telling quote in this story, "" when none.
	Said string `json:"said,omitempty"`
}

// QuoteLine is a quote bullet: "verbatim quote" — speaker.
type QuoteLine struct {
	Text    string              `json:"text"`
	Speaker string              `json:"speaker"`
	Kind    extract.SpeakerKind `json:"kind"`
}
