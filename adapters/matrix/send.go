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
)

// maxRateLimitWaits bounds how many M_LIMIT_EXCEEDED answers one message
// waits out before the send fails (the caller's run is then retried later,
// skipping what was already posted).
const maxRateLimitWaits = 20

// defaultRateLimitWait is used when the homeserver gives no retry_after_ms.
const defaultRateLimitWait = 2 * time.Second

// send posts one message event, waiting out rate limits. The transaction ID
// is fixed across attempts, so a retry after a lost response never posts the
// message twice.
func (a *Adapter) send(ctx context.Context, cli *mautrix.Client, room id.RoomID, content *event.MessageEventContent) (id.EventID, error) {
	txnID := cli.TxnID()
	for waits := 0; ; waits++ {
		resp, err := cli.SendMessageEvent(ctx, room, event.EventMessage, content, mautrix.ReqSendEvent{TransactionID: txnID})
		if err == nil {
			return resp.EventID, nil
		}
		wait, limited := rateLimitWait(err)
		if !limited {
			return "", fmt.Errorf("matrix: send to %s: %w", room, err)
		}
		if waits >= maxRateLimitWaits {
			return "", fmt.Errorf("matrix: send to %s: still rate limited after %d waits: %w", room, waits, err)
		}
		if a.onRateLimit != nil {
			a.onRateLimit(wait)
		}
		a.log.Info("rate limited by homeserver; waiting", "room", room, "wait", wait)
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return "", fmt.Errorf("matrix: send to %s: waiting out rate limit: %w", room, ctx.Err())
		case <-timer.C:
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
