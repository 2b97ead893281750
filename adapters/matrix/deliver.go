package matrix

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
)

// once runs call a single time and turns a rate-limit refusal into an
// *adapters.RetryAfterError carrying the homeserver's delay.
func once(call func() error) error {
	err := call()
	if wait, limited := rateLimitWait(err); limited {
		return &adapters.RetryAfterError{After: wait, Err: err}
	}
	return err
}

// deliveryTxnID is the transaction ID of message i of a digest for room. It
// depends only on what is sent, so the bot retrying a delivery after a
// rate limit or a lost answer reuses it, and the homeserver (which
// deduplicates by transaction ID for the same access token) posts the
// message once.
func deliveryTxnID(room id.RoomID, i int, m message) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%s\x00%s", room, i, m.plain, m.html)
	return "attache-digest-" + hex.EncodeToString(h.Sum(nil)[:16])
}

// Deliver implements adapters.Deliverer: it renders d into one or more
// m.notice messages (always the same split for the same digest), skips the
// first `skip`, and posts the rest in order to target, a room ID
// ("!room:server") or alias ("#alias:server"). A rate limit ends it with an
// *adapters.RetryAfterError; the bot's retry stage decides whether to wait.
func (a *Adapter) Deliver(ctx context.Context, target string, d digest.Digest, skip int, sent func(i int) error) error {
	return a.DeliverMarked(ctx, target, d, adapters.Marked{Skip: skip, Sent: sent})
}

// DeliverMarked implements adapters.MarkedDeliverer. A message's marker is
// its transaction ID (deliveryTxnID), which the homeserver deduplicates by
// for the same access token (a password login's token is kept in the
// store, so it survives restarts). A message in doubt is sent again with
// the marker it was first sent with, not a new one: its content may have
// changed since (the health footer of the last message is read at delivery
// time), and the old transaction ID is what the homeserver remembers.
func (a *Adapter) DeliverMarked(ctx context.Context, target string, d digest.Digest, m adapters.Marked) error {
	msgs := pack(renderDigest(d))
	skip := m.Skip
	if skip >= len(msgs) {
		return nil
	}
	if !a.CanDeliver() {
		return ErrNotLeader
	}
	cli, err := a.connect(ctx)
	if err != nil {
		return err
	}
	room, err := a.joinTarget(ctx, cli, target)
	if err != nil {
		return err
	}
	for i := max(skip, 0); i < len(msgs); i++ {
		txnID := deliveryTxnID(room, i, msgs[i])
		if doubt := m.InDoubt; doubt != nil && doubt.Index == i && doubt.Marker != "" {
			txnID = doubt.Marker
		}
		if m.Sending != nil {
			if err := m.Sending(i, txnID); err != nil {
				return err
			}
		}
		evtType, payload, err := a.seal(ctx, room, msgs[i].content(nil))
		if err != nil {
			return fmt.Errorf("matrix: deliver digest message %d/%d to %s: %w", i+1, len(msgs), target, err)
		}
		err = once(func() error {
			_, err := cli.SendMessageEvent(ctx, room, evtType, payload, mautrix.ReqSendEvent{TransactionID: txnID})
			return err
		})
		if err != nil {
			if errors.Is(err, mautrix.MForbidden) {
				// Kicked or banned since joining: join again on the next attempt.
				a.forgetTarget(target)
			}
			return fmt.Errorf("matrix: deliver digest message %d/%d to %s: %w", i+1, len(msgs), target, err)
		}
		if m.Sent != nil {
			if err := m.Sent(i); err != nil {
				return err
			}
		}
	}
	return nil
}

// joinTarget resolves a delivery target to a room ID and makes sure the bot
// is in it (joining is a no-op when it already is), once per target.
func (a *Adapter) joinTarget(ctx context.Context, cli *mautrix.Client, target string) (id.RoomID, error) {
	target = strings.TrimSpace(target)
	a.roomsMu.Lock()
	room, ok := a.rooms[target]
	a.roomsMu.Unlock()
	if ok {
		return room, nil
	}
	if len(target) < 2 || len(target) > 255 || strings.ContainsAny(target, " \t\r\n/") {
		return "", fmt.Errorf("matrix: target %q is not a room ID or alias", target)
	}
	switch target[0] {
	case '!':
		room = id.RoomID(target)
	case '#':
		err := once(func() error {
			resp, err := cli.ResolveAlias(ctx, id.RoomAlias(target))
			if err == nil {
				room = resp.RoomID
			}
			return err
		})
		if err != nil {
			return "", fmt.Errorf("matrix: resolve alias %s: %w", target, err)
		}
	default:
		return "", fmt.Errorf("matrix: target %q is neither a room ID (!id:server) nor an alias (#alias:server)", target)
	}
	err := once(func() error {
		_, err := cli.JoinRoom(ctx, string(room), nil)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("matrix: join %s: %w", target, err)
	}
	a.roomsMu.Lock()
	a.rooms[target] = room
	a.roomsMu.Unlock()
	return room, nil
}

// forgetTarget drops a cached room so the next delivery resolves and joins
// it again.
func (a *Adapter) forgetTarget(target string) {
	a.roomsMu.Lock()
	delete(a.rooms, strings.TrimSpace(target))
	a.roomsMu.Unlock()
}
