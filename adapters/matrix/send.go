package matrix

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/attache-bot/attache/adapters"
)

// maxRateLimitWaits bounds how many M_LIMIT_EXCEEDED answers one message
// waits out before the send fails (the caller's run is then retried later,
// skipping what was already posted).
const maxRateLimitWaits = 20

// defaultRateLimitWait is used when the homeserver gives no retry_after_ms.
const defaultRateLimitWait = 2 * time.Second

// maxInlineRateLimitWait bounds one wait of rateLimited, which serves
// command replies and invites (a user is waiting); a homeserver asking for
// longer gets an *adapters.RetryAfterError instead. Digest delivery never
// waits here: the bot's retry stage does, under its own ceiling.
const maxInlineRateLimitWait = 30 * time.Second

// send posts one message event, waiting out rate limits. The transaction ID
// is fixed across attempts, so a retry after a lost response never posts the
// message twice.
func (a *Adapter) send(ctx context.Context, cli *mautrix.Client, room id.RoomID, content *event.MessageEventContent) (id.EventID, error) {
	txnID := cli.TxnID()
	evtType, payload, err := a.seal(ctx, room, content)
	if err != nil {
		return "", err
	}
	var eventID id.EventID
	err = a.rateLimited(ctx, func() error {
		resp, err := cli.SendMessageEvent(ctx, room, evtType, payload, mautrix.ReqSendEvent{TransactionID: txnID})
		if err == nil {
			eventID = resp.EventID
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("matrix: send to %s: %w", room, err)
	}
	return eventID, nil
}

// seal is what to post for a message to room: the message itself, or in
// an encrypted room (with encryption on) its Megolm encryption. A room
// that became encrypted after the bot joined is known from the sync's
// state, so no restart is needed.
func (a *Adapter) seal(ctx context.Context, room id.RoomID, content *event.MessageEventContent) (event.Type, any, error) {
	if !a.encryption {
		return event.EventMessage, content, nil
	}
	mach := a.mach.Load()
	if mach == nil {
		return event.Type{}, nil, ErrNotLeader
	}
	encrypted, err := mach.encrypted(ctx, room)
	if err != nil {
		return event.Type{}, nil, err
	}
	if !encrypted {
		return event.EventMessage, content, nil
	}
	sealed, err := mach.encrypt(ctx, room, content)
	if err != nil {
		return event.Type{}, nil, err
	}
	return event.EventEncrypted, sealed, nil
}

// rateLimited runs call until it is not refused with M_LIMIT_EXCEEDED,
// waiting each time as long as the homeserver asks (and telling the
// OnRateLimit hook). It gives up after maxRateLimitWaits waits, when ctx
// ends, or when asked to wait over maxInlineRateLimitWait.
func (a *Adapter) rateLimited(ctx context.Context, call func() error) error {
	for waits := 0; ; waits++ {
		err := call()
		wait, limited := rateLimitWait(err)
		if !limited {
			return err
		}
		if waits >= maxRateLimitWaits {
			return fmt.Errorf("still rate limited after %d waits: %w", waits, err)
		}
		if wait > maxInlineRateLimitWait {
			return &adapters.RetryAfterError{After: wait, Err: err}
		}
		if a.onRateLimit != nil {
			a.onRateLimit(wait)
		}
		a.log.Info("rate limited by the homeserver; waiting", "wait", wait)
		if !sleep(ctx, wait) {
			return fmt.Errorf("waiting out a rate limit: %w", ctx.Err())
		}
	}
}

// rateLimitWait reports whether err is M_LIMIT_EXCEEDED (or a bare HTTP 429)
// and how long the homeserver asked us to wait: retry_after_ms from the
// body, else the Retry-After header, else a default.
func rateLimitWait(err error) (time.Duration, bool) {
	var httpErr mautrix.HTTPError
	if !errors.As(err, &httpErr) {
		return 0, false
	}
	limited := errors.Is(err, mautrix.MLimitExceeded) ||
		(httpErr.Response != nil && httpErr.Response.StatusCode == 429)
	if !limited {
		return 0, false
	}
	if httpErr.RespError != nil {
		if ms, ok := httpErr.RespError.ExtraData["retry_after_ms"].(float64); ok && ms > 0 {
			return time.Duration(ms) * time.Millisecond, true
		}
	}
	if httpErr.Response != nil {
		if secs, err := strconv.Atoi(httpErr.Response.Header.Get("Retry-After")); err == nil && secs > 0 {
			return time.Duration(secs) * time.Second, true
		}
	}
	return defaultRateLimitWait, true
}
