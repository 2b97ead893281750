// Package store persists articles with their analyses, the people and quotes
// found in them, source polling state, runtime subscriptions, digest runs and
// small bits of service state (sync tokens, leases). It has two back ends
// behind one interface: SQLite (the default, pure Go) and PostgreSQL (for
// several replicas sharing one database). Digests and lookups read the stored
// analysis; nothing here re-runs extraction.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
)

// ErrNotFound is returned when a looked-up record does not exist.
var ErrNotFound = errors.New("store: not found")

// ErrNotHolder is returned when a digest run is updated by a holder that no
// longer holds it (its lease expired and another holder took the run over,
// or the run is already finished).
var ErrNotHolder = errors.New("store: digest run not held by this holder")

// Store is implemented by the SQLite and PostgreSQL back ends. All methods are
// safe for concurrent use, and several processes may share one PostgreSQL
// database.
type Store interface {
	// Ping reports whether the database is reachable.
	Ping(ctx context.Context) error
	// Check reports whether the store can keep what is written to it right
	// now: the database is reachable, a SQLite file is still the one opened
	// (not deleted or replaced, when writes would go to a lost inode), and a
	// small write commits (a full disk or read-only file fails here, not in
	// a ping). It is for readiness and before delivering.
	Check(ctx context.Context) error
	Close() error

	// SaveArticle stores an article with its analysis, in one transaction.
	// An article already stored (same URL, same GUID, or the same normalised
	// text) is not stored again: its ID is returned with created=false.
	SaveArticle(ctx context.Context, a ingest.Article, an extract.Analysis) (id int64, created bool, err error)
	// Article returns one stored article.
	Article(ctx context.Context, id int64) (StoredArticle, error)
	// ArticlesAfter returns articles with ID > afterID (and ID <= uptoID when
	// uptoID > 0), in ID order, at most limit (0: no limit). IDs grow with the
	// order in which articles were stored, so an ID is a digest watermark.
	ArticlesAfter(ctx context.Context, afterID, uptoID int64, limit int) ([]StoredArticle, error)
	// ArticlesSince returns articles stored at or after t, in ID order.
	ArticlesSince(ctx context.Context, t time.Time, limit int) ([]StoredArticle, error)
	// LatestArticleID is the highest article ID stored, 0 when empty.
	LatestArticleID(ctx context.Context) (int64, error)
	// PruneArticles deletes the articles stored before before whose ID is
	// at most keepAfter (the caller's bound: articles a channel's next run
	// starts after), with their quotes and mentions, except those an
	// undelivered digest run covers; people no remaining article mentions
	// or quotes are deleted, the others recounted. It returns how many
	// articles and people it deleted.
	PruneArticles(ctx context.Context, before time.Time, keepAfter int64) (articles, people int64, err error)

	// FindPeople matches a query against people's names, surnames and
	// aliases, case- and accent-insensitively (extract.Fold), and word by
	// word across spelling variants (identity.WordKey: "sergey" finds
	// Sergei). An exact full name or alias match ranks first; it returns
	// every candidate. People are identities: SaveArticle resolves each
	// name to the stored person it is (package identity), so one person
	// has one row whatever the spellings, kept as aliases.
	FindPeople(ctx context.Context, query string) ([]PersonMatch, error)
	// Profile returns what is known about one person, with the latest
	// quoteLimit quotes (newest first; 0: all).
	Profile(ctx context.Context, personID int64, quoteLimit int) (Profile, error)
	// SuggestPeople returns at most limit people whose name words are
	// close to the query's (an edit or two per word: "lavorv" suggests
	// Lavrov), closest and most written about first, for a query
	// FindPeople found nobody for.
	SuggestPeople(ctx context.Context, query string, limit int) ([]PersonMatch, error)
	// PersonQuotes returns a person's quotes matching q, newest first.
	PersonQuotes(ctx context.Context, personID int64, q QuoteQuery) ([]StoredQuote, error)

	// SourceState and SaveSourceState keep polling state per source URL or path.
	SourceState(ctx context.Context, source string) (SourceState, error) // zero state (Source set) when unknown
	SaveSourceState(ctx context.Context, st SourceState) error
	SourceStates(ctx context.Context) ([]SourceState, error)

	// Subscriptions are sources added at run time by a chat command.
	AddSubscription(ctx context.Context, s Subscription) (created bool, err error)
	RemoveSubscription(ctx context.Context, url string) (removed bool, err error)
	Subscriptions(ctx context.Context) ([]Subscription, error)

	// ClaimDigestRun creates or takes over the digest run of channel for the
	// schedule slot `slot`, so that each slot is delivered exactly once even
	// with several replicas. A new run covers articles (after, upto]: after is
	// the previous run's upto for that channel (or the backlog start given by
	// firstAfter for a channel's first run) and upto is LatestArticleID at
	// claim time. It returns claimed=false when the run is already delivered
	// or is held by another live holder (its lease not yet expired). A run
	// whose holder's lease expired is handed over with the messages already
	// sent recorded in Sent.
	ClaimDigestRun(ctx context.Context, channel string, slot time.Time, holder string, lease time.Duration, firstAfter int64) (run DigestRun, claimed bool, err error)
	// MarkDigestMessageSending records, before message i of the run is
	// posted, the idempotency marker it carries, and extends the lease.
	// Until MarkDigestMessageSent(i) the message is in doubt: a later
	// claim returns it as the run's Pending, so the next holder can look
	// for the marker on the platform before posting it again. ErrNotHolder
	// as for MarkDigestMessageSent.
	MarkDigestMessageSending(ctx context.Context, runID int64, holder string, i int, marker string, lease time.Duration) error
	// MarkDigestMessageRefused records that the platform refused message i
	// (announced by MarkDigestMessageSending): it was not posted, so it is
	// no longer in doubt. ErrNotHolder when the run is not held by holder
	// or i is not the message in doubt.
	MarkDigestMessageRefused(ctx context.Context, runID int64, holder string, i int) error
	// MarkDigestMessageSent records that message index i of the run was
	// posted, and extends the lease. It fails with ErrNotHolder once the
	// run was taken over or finished: the caller must stop posting.
	MarkDigestMessageSent(ctx context.Context, runID int64, holder string, i int, lease time.Duration) error
	// FinishDigestRun marks a run delivered (or failed with errMsg) and
	// releases the lease. A failed run is retried by a later claim.
	// ErrNotHolder as for MarkDigestMessageSent.
	FinishDigestRun(ctx context.Context, runID int64, holder string, errMsg string) error
	// ReleaseHeldBy frees the undelivered digest runs and the leases held
	// by any holder whose name starts with prefix, except holder except:
	// a restarted process frees what its dead predecessor of the same
	// replica identity held at once, instead of waiting for the leases to
	// expire. The caller vouches that no other live process has that
	// identity. Freed runs keep Sent and Pending.
	ReleaseHeldBy(ctx context.Context, prefix, except string) (runs, leases int64, err error)
	// LastDigestRun is the newest run of a channel, ErrNotFound when none.
	LastDigestRun(ctx context.Context, channel string) (DigestRun, error)
	// PruneDigestRuns deletes delivered runs (with their record of posted
	// messages) whose slot is before before, except each channel's newest
	// run, where the next run starts; it returns how many it deleted.
	PruneDigestRuns(ctx context.Context, before time.Time) (int64, error)

	// GetState and SetState keep small named values (for example the Matrix
	// sync token); GetState returns "", false when unset.
	GetState(ctx context.Context, key string) (string, bool, error)
	SetState(ctx context.Context, key, value string) error

	// AcquireLease takes or renews the named lease for holder until now+ttl;
	// false when another holder has it and it has not expired. Used for
	// per-source polling and for the single Matrix sync leader.
	AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error)
	ReleaseLease(ctx context.Context, name, holder string) error
}

// StoredArticle is an article as stored, with its analysis.
type StoredArticle struct {
	ID       int64
	Article  ingest.Article
	Analysis extract.Analysis
	Stored   time.Time
}

// PersonMatch is a candidate person for a lookup.
type PersonMatch struct {
	ID          int64
	Name        string
	Aliases     []string
	Roles       []string // titles seen, latest first (see RoleSpan)
	Role        string   // the latest title, "" when none
	Affiliation string   // the latest affiliation, "" when none
	Articles    int
	Exact       bool // the query equals the full name or an alias (folded)
}

// Profile is everything stored about one person.
type Profile struct {
	ID           int64
	Name         string
	Aliases      []string
	Roles        []string   // titles seen, latest first (see RoleSpan)
	RoleHistory  []RoleSpan // each (title, affiliation) with when it was seen, latest first
	Affiliations []string   // latest first
	Articles     int
	FirstSeen    time.Time
	LastSeen     time.Time
	Quotes       []StoredQuote // newest first
}

// RoleSpan is one title (with its affiliation) a person was given, the
// dates of the first and last articles giving it and how many did.
// Spans are ordered latest first, except that a title given as "former
// ..." comes after every current one: an article calling someone the
// former prime minister does not make that their latest title.
type RoleSpan struct {
	Role        string
	Affiliation string
	FirstSeen   time.Time
	LastSeen    time.Time
	Articles    int
}

// StoredQuote is a quote with the article it came from.
type StoredQuote struct {
	Text         string
	Speaker      string // the name the article gave the speaker
	ArticleID    int64
	ArticleTitle string
	ArticleURL   string
	Outlet       string    // the article's feed title, else its site
	Published    time.Time // article publication, or storage time when unknown
	// Confidence is how surely the speaker is this person: 1 when the
	// article named them as stored, 0.9 for a spelling variant of the
	// full name (identity.Same), 0.7 for a surname or initial that
	// fits (identity.Possible), 0.5 for a name tied to them only by the
	// article's own aliases.
	Confidence float64
}

// QuoteQuery selects a person's quotes.
type QuoteQuery struct {
	// Words must each begin a word of the quote or of its article's
	// title (case and accents ignored): "aleppo" matches "Aleppo's".
	Words []string
	Since time.Time // quotes said (published) at or after; zero: all
	Limit int       // at most this many; 0: all
}

// SourceState is the polling state of one source.
type SourceState struct {
	Source       string
	ETag         string
	LastModified string
	LastPolled   time.Time
	LastSuccess  time.Time
	NextPoll     time.Time
	Failures     int    // consecutive failures
	LastError    string // empty after a success
	Articles     int    // articles stored from this source
}

// Subscription is a source added by a chat command.
type Subscription struct {
	URL     string
	Channel string // platform-qualified place it was added from, e.g. "slack:C123"
	AddedBy string
	AddedAt time.Time
}

// DigestRun is one scheduled delivery to one channel.
type DigestRun struct {
	ID      int64
	Channel string
	Slot    time.Time
	AfterID int64 // articles (AfterID, UptoID] belong to this run
	UptoID  int64 // equal to AfterID (possibly 0) when the run has no articles: see Empty
	Sent    int   // messages already posted
	// Pending is message Sent when its send began (MarkDigestMessageSending)
	// but was never recorded sent: it may or may not have been posted.
	// nil when no message is in doubt.
	Pending     *PendingMessage
	Delivered   bool
	Error       string
	CreatedAt   time.Time
	DeliveredAt time.Time
}

// PendingMessage is a digest message whose send began without its outcome
// being recorded.
type PendingMessage struct {
	Index  int       // the message's place in the digest (the run's Sent)
	Marker string    // the idempotency marker it was sent with
	Since  time.Time // when its send began: it was posted then or later, if at all
}

// Empty reports whether the run covers no articles. Check it before
// ArticlesAfter(AfterID, UptoID, ...): an UptoID of 0 (a first run on an
// empty store) would otherwise mean "no upper bound" there, and articles
// stored after the claim would be delivered twice.
func (r DigestRun) Empty() bool { return r.UptoID <= r.AfterID }
