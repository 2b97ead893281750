// Package adapters defines the small contract between the bot and the chat
// platforms: a Deliverer posts a digest to one target, and a platform turns
// what users type into a Request for a CommandHandler and renders the Reply.
// Each platform lives in its own subpackage (console, slack, matrix), keeping
// rendering apart from delivery.
package adapters

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/attache-bot/attache/digest"
)

// Deliverer posts digests to one platform.
type Deliverer interface {
	// Platform is the config name of the platform: "slack", "matrix", "console".
	Platform() string
	// Deliver renders d for target as one or more messages, in a fixed order,
	// and posts them, skipping the first `skip` messages (posted by an earlier
	// attempt). It calls sent(i) after message i is posted; if sent returns an
	// error, Deliver stops and returns it. A rate limit ends Deliver with a
	// *RetryAfterError: waiting is the bot's choice, never the adapter's.
	Deliver(ctx context.Context, target string, d digest.Digest, skip int, sent func(i int) error) error
}

// MarkedDeliverer is a Deliverer whose messages carry an idempotency
// marker that the platform keeps, so that a message whose send was in
// flight when the process died can be told posted or not, instead of being
// posted again. The bot records each marker before the message is posted
// (Sending) and hands a message left in doubt back (InDoubt).
type MarkedDeliverer interface {
	Deliverer
	// DeliverMarked is Deliver for one attempt at a digest run. Message
	// i's marker depends only on m.Run, target, i and the message, so
	// every attempt at a run posts message i with the same marker.
	DeliverMarked(ctx context.Context, target string, d digest.Digest, m Marked) error
}

// Marked is one attempt at delivering a digest run's messages.
type Marked struct {
	// Run names the digest run, the same on every attempt of it (the
	// channel and schedule slot): two runs never share a marker.
	Run string
	// Skip is the number of messages already recorded posted.
	Skip int
	// InDoubt, when not nil, is message Skip: its send began (with
	// InDoubt.Marker) but no outcome was recorded. The deliverer finds out
	// whether it was posted before posting it; when it cannot tell, it
	// fails without posting: a message posted twice is the failure this
	// exists to prevent, and a failed run is retried later.
	InDoubt *InDoubt
	// Sending is called with message i's marker just before it is posted;
	// an error stops the delivery before that message.
	Sending func(i int, marker string) error
	// Sent is called after message i is posted, or found posted; an error
	// stops the delivery.
	Sent func(i int) error
	// Refused, when not nil, is called when the platform refused message i
	// (a rate limit, an unknown channel): it certainly was not posted, so
	// it is no longer in doubt. An answer that leaves the outcome unknown (a
	// timeout, a server error) calls nothing: the message stays in doubt.
	Refused func(i int) error
}

// InDoubt is a message whose send began without its outcome being known.
type InDoubt struct {
	Index  int
	Marker string
	Since  time.Time // when its send began: if it was posted, it was then or later
}

// Placed is implemented by a Deliverer that can deliver only on some
// replica at a time: Matrix with encryption, whose Olm machine lives with
// the sync loop on the replica holding the Matrix lease. The bot claims
// such a platform's digest runs only where CanDeliver is true, and looks
// again later elsewhere, so a digest is never claimed by a replica that
// cannot post it.
type Placed interface {
	CanDeliver() bool
}

// RetryAfterError reports that the platform refused a request for now and
// asked to be retried after a delay (Slack's 429 Retry-After, Matrix's
// M_LIMIT_EXCEEDED retry_after_ms). Deliverers return it instead of
// sleeping, so one retry stage in the bot bounds every wait by one
// configured ceiling; a platform asking for a day cannot silently put a
// channel to sleep for a day.
type RetryAfterError struct {
	After time.Duration // how long the platform asked to wait
	Err   error         // the platform's answer
}

func (e *RetryAfterError) Error() string {
	return fmt.Sprintf("rate limited, retry after %s: %v", e.After, e.Err)
}

func (e *RetryAfterError) Unwrap() error { return e.Err }

// CommandHandler answers chat commands; the bot implements it.
type CommandHandler interface {
	HandleCommand(ctx context.Context, req Request) Reply
}

// Request is one command typed by a user, platform-neutral.
type Request struct {
	Platform string   // "slack", "matrix", "console"
	Channel  string   // channel ID or room ID it was typed in
	User     string   // platform user ID
	Admin    bool     // the platform judged the user allowed to manage sources
	Verb     string   // who, quotes, digest, feeds, subscribe, unsubscribe, help
	Args     []string // the words after the verb
}

// Reply is the answer to a Request. Text fields are plain text taken from
// articles and must be escaped by the renderer.
type Reply struct {
	Title     string // shown in bold; may be ""
	Lines     []Line // bullet lines
	Text      string // free text after the lines (usage, errors)
	Digest    *digest.Digest
	Ephemeral bool // visible only to the requester where the platform allows
	Error     bool // the request was refused or malformed
}

// Line is one bullet of a Reply.
type Line struct {
	Text  string // plain text
	Quote string // a verbatim quote, rendered in quotation marks after Text
	Label string // link text
	URL   string // link target, "" for none
}

// DateUnknown is what renderers show for a story none of whose articles
// states a publication date: the time a page was read is not its date, and
// an undated story must not pass for today's news.
const DateUnknown = "date unknown"

// StoryDate is a story's date as renderers show it: "5 Oct 2026 11:30 UTC",
// or DateUnknown.
func StoryDate(s digest.Story) string {
	if s.Published.IsZero() {
		return DateUnknown
	}
	return s.Published.Format("2 Jan 2006 15:04 MST")
}

// HealthNote is the footer a digest gets when sources are failing: "2 of 5
// sources unreachable since 5 Oct 09:00 UTC: Wire, Ledger". "" when every
// source is fine or their health is unknown. since is the oldest last
// success among the failing sources; it is left out when none was ever
// read.
func HealthNote(d digest.Digest) string {
	h := d.Health
	if h == nil || len(h.Down) == 0 {
		return ""
	}
	var names []string
	var since time.Time
	for _, s := range h.Down {
		names = append(names, s.Name)
		if !s.Since.IsZero() && (since.IsZero() || s.Since.Before(since)) {
			since = s.Since
		}
	}
	total := max(h.Total, len(h.Down))
	note := fmt.Sprintf("%d of %d %s unreachable", len(h.Down), total, plural(total, "source", "sources"))
	if len(h.Down) == total {
		note = fmt.Sprintf("All %d %s unreachable", total, plural(total, "source", "sources"))
		if total == 1 {
			note = "The only source is unreachable"
		}
	}
	if !since.IsZero() {
		note += " since " + since.UTC().Format("2 Jan 15:04 MST")
	}
	return note + ": " + strings.Join(names, ", ") + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
