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
var syncFilter = mustJSON(roomFilter(false))

// encryptedSyncFilter is syncFilter for a bot taking part in encrypted
// rooms: Megolm room keys must reach every member's devices, so the room
// state store needs every membership (no lazy loading) and the history
// visibility, besides whether the room is encrypted.
var encryptedSyncFilter = mustJSON(roomFilter(true))

// roomFilter builds the /sync filter: no presence, account data or
// ephemeral events; the room state and timeline events the adapter reads,
// with the membership and history visibility state that encryption needs
// when encrypted.
func roomFilter(encrypted bool) mautrix.Filter {
	none := func() *mautrix.FilterPart { return &mautrix.FilterPart{NotTypes: []event.Type{{Type: "*"}}} }
	state := &mautrix.FilterPart{Types: []event.Type{event.StateEncryption}, LazyLoadMembers: true}
	timeline := []event.Type{event.EventMessage, event.EventEncrypted, event.StateEncryption, event.StateMember}
	if encrypted {
		state = &mautrix.FilterPart{Types: []event.Type{event.StateEncryption, event.StateMember, event.StateHistoryVisibility}}
		timeline = append(timeline, event.StateHistoryVisibility)
	}
	return mautrix.Filter{
		Presence:    none(),
		AccountData: none(),
		Room: &mautrix.RoomFilter{
			Ephemeral:   none(),
			AccountData: none(),
			State:       state,
			Timeline:    &mautrix.FilterPart{Limit: 50, Types: timeline},
		},
	}
}

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
	var mach *machine
	filter := syncFilter
	if a.encryption {
		if mach, err = a.startMachine(ctx, cli); err != nil {
			return err
		}
		// Pending decryptions end with ctx; waiting for them keeps this
		// machine from overlapping the next leader's.
		defer mach.stop()
		defer a.mach.Store(nil)
		filter = encryptedSyncFilter
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
			FilterID: filter,
		})
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			if errors.Is(err, mautrix.MUnknownToken) {
				if cli, err = a.relogin(ctx, cli, err); err != nil {
					return err
				}
				if mach != nil {
					// The Olm machine is bound to the old client: the
					// caller restarts the loop, which builds a new one.
					return errors.New("matrix: logged in again; restarting the sync loop so that encryption uses the new session")
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

		if mach != nil {
			// Room keys and membership first: a key may arrive with the
			// first message it encrypts.
			mach.processSync(ctx, resp, since)
		}
		a.process(ctx, cli, mach, resp, since == "")
		// Saved after processing: a crash mid-batch may answer a command
		// twice, but never drops one.
		if err := a.state.SetState(ctx, batchKey, resp.NextBatch); err != nil {
			a.log.Error("saving Matrix sync token failed; a restart may repeat answers", "error", err)
		}
		since = resp.NextBatch
	}
}

// startMachine starts the Olm machine for this run of the sync loop and
// remembers the device, so a later password login keeps it.
func (a *Adapter) startMachine(ctx context.Context, cli *mautrix.Client) (*machine, error) {
	mach, err := a.startCrypto(ctx, cli)
	if err != nil {
		return nil, err
	}
	if err := a.state.SetState(ctx, a.stateKey(cli.UserID, "device_id"), string(cli.DeviceID)); err != nil {
		return nil, fmt.Errorf("matrix: save device ID: %w", err)
	}
	a.mach.Store(mach)
	return mach, nil
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
