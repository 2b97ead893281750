package matrix

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
)

// Bounds on retrying a failing /sync.
const (
	minSyncBackoff = time.Second
	maxSyncBackoff = time.Minute
)

// syncFilter keeps /sync to what the adapter reads: messages, membership
// (invites and its own joins), and whether a room is encrypted.
var syncFilter = mustJSON(mautrix.Filter{
	Presence:    &mautrix.FilterPart{NotTypes: []event.Type{{Type: "*"}}},
	AccountData: &mautrix.FilterPart{NotTypes: []event.Type{{Type: "*"}}},
	Room: &mautrix.RoomFilter{
		Ephemeral:   &mautrix.FilterPart{NotTypes: []event.Type{{Type: "*"}}},
		AccountData: &mautrix.FilterPart{NotTypes: []event.Type{{Type: "*"}}},
		State: &mautrix.FilterPart{
			Types:           []event.Type{event.StateEncryption},
			LazyLoadMembers: true,
		},
		Timeline: &mautrix.FilterPart{
			Limit: 50,
			Types: []event.Type{event.EventMessage, event.EventEncrypted, event.StateEncryption, event.StateMember},
		},
	},
})

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("matrix: encode %T: %v", v, err))
	}
	return string(b)
}

// Run is the sync loop: it receives invites and commands and answers them
// until ctx is cancelled (then it returns nil) or the homeserver rejects the
// bot's credentials. It resumes from the sync token saved in the state store,
// so a restart neither replays nor misses commands; on the very first start
// it skips the rooms' history. Only one Run may be active per Adapter; the
// bot runs it while it holds the Matrix leader lease, and may call it again
// after it returns.
func (a *Adapter) Run(ctx context.Context) error {
	if !a.running.TryLock() {
		return errors.New("matrix: the sync loop is already running")
	}
	defer a.running.Unlock()

	cli, err := a.connect(ctx)
	if err != nil {
		return err
	}
	batchKey := a.stateKey(cli.UserID, "next_batch")
	since, _, err := a.state.GetState(ctx, batchKey)
	if err != nil {
		return fmt.Errorf("matrix: load sync token: %w", err)
	}
	backoff := minSyncBackoff
	for {
		timeout := a.syncTimeout
		if since == "" {
			timeout = 0 // the first sync only fetches the current position
		}
		resp, err := cli.FullSyncRequest(ctx, mautrix.ReqSync{
			Timeout:  int(timeout.Milliseconds()),
			Since:    since,
			FilterID: syncFilter,
		})
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			if errors.Is(err, mautrix.MUnknownToken) {
				if cli, err = a.relogin(ctx, cli, err); err != nil {
					return err
				}
				continue
			}
			a.log.Warn("Matrix sync failed; retrying", "error", err, "retry_in", backoff)
			if !sleep(ctx, backoff) {
				return nil
			}
			backoff = min(backoff*2, maxSyncBackoff)
			continue
		}
		backoff = minSyncBackoff

		a.process(ctx, cli, resp, since == "")
		// Saved after processing: a crash mid-batch may answer a command
		// twice, but never drops one.
		if err := a.state.SetState(ctx, batchKey, resp.NextBatch); err != nil {
			a.log.Error("saving Matrix sync token failed; a restart may repeat answers", "error", err)
		}
		since = resp.NextBatch
	}
}

// relogin replaces a client whose token the homeserver rejected: with a
// password it logs in again, with a configured token there is nothing to do.
func (a *Adapter) relogin(ctx context.Context, cli *mautrix.Client, cause error) (*mautrix.Client, error) {
	if a.cfg.AccessToken != "" || a.cfg.Password == "" {
		return nil, fmt.Errorf("matrix: the homeserver rejected the access token of %s: %w", cli.UserID, cause)
	}
	a.forgetClient(cli)
	if err := a.state.SetState(ctx, a.stateKey(cli.UserID, "access_token"), ""); err != nil {
		return nil, fmt.Errorf("matrix: forget revoked token: %w", err)
	}
	return a.connect(ctx)
}

// sleep waits d or until ctx is done; false means ctx is done.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
