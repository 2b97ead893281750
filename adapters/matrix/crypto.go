//go:build goolm

package matrix

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"go.mau.fi/util/dbutil"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/crypto"
	"maunium.net/go/mautrix/crypto/cryptohelper"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
	"maunium.net/go/mautrix/sqlstatestore"
)

// EncryptionAvailable reports whether this build can take part in encrypted
// rooms: it needs the pure-Go Olm implementation, selected by the goolm
// build tag (mautrix-go otherwise links libolm through cgo).
const EncryptionAvailable = true

// Bounds on waiting for the room key of a message that arrived before it:
// first quietly, then after asking the sender's devices for it.
const (
	sessionWait       = 3 * time.Second
	sessionWaitLonger = 20 * time.Second
)

// machine is the bot's end-to-end encryption while its sync loop runs: the
// Olm machine (account, Olm and Megolm sessions, device lists) kept in the
// database, and the room state it encrypts for. Only the replica holding
// the Matrix lease has one, so two replicas never advance the same
// ratchets.
type machine struct {
	a      *Adapter
	cli    *mautrix.Client
	helper *cryptohelper.CryptoHelper
	mach   *crypto.OlmMachine
	state  *sqlstatestore.SQLStateStore
	syncer *mautrix.DefaultSyncer

	defaultAllowKeyShare func(context.Context, *id.Device, event.RequestedKeyInfo) *crypto.KeyShareRejection

	encryptMu sync.Mutex     // one encryption (and room-key share) at a time
	stopped   bool           // under encryptMu: the loop ended, encrypt no more
	waiting   sync.WaitGroup // decryptions waiting for a late room key
}

// cryptoSyncer hands the crypto helper the sync hooks it needs (to-device
// messages, device lists, membership, room state) but not Dispatch: the
// adapter decrypts the events it reads itself, in order, after its own
// checks (history before joining is never decrypted nor answered).
type cryptoSyncer struct{ s *mautrix.DefaultSyncer }

func (c cryptoSyncer) ProcessResponse(ctx context.Context, resp *mautrix.RespSync, since string) error {
	return c.s.ProcessResponse(ctx, resp, since)
}
func (c cryptoSyncer) OnFailedSync(resp *mautrix.RespSync, err error) (time.Duration, error) {
	return c.s.OnFailedSync(resp, err)
}
func (c cryptoSyncer) GetFilterJSON(userID id.UserID) *mautrix.Filter {
	return c.s.GetFilterJSON(userID)
}
func (c cryptoSyncer) OnSync(cb mautrix.SyncHandler)   { c.s.OnSync(cb) }
func (c cryptoSyncer) OnEvent(cb mautrix.EventHandler) { c.s.OnEvent(cb) }
func (c cryptoSyncer) OnEventType(t event.Type, cb mautrix.EventHandler) {
	c.s.OnEventType(t, cb)
}

// startCrypto loads (or on first start creates) the bot's device keys from
// the database, uploads what the homeserver lacks, and bootstraps
// cross-signing. The device is the access token's: the same on every start
// and on every replica, since they share the token (configured, or saved
// by the first password login).
func (a *Adapter) startCrypto(ctx context.Context, cli *mautrix.Client) (*machine, error) {
	if cli.DeviceID == "" {
		if err := a.whoami(ctx, cli); err != nil {
			return nil, err
		}
	}
	db, err := dbutil.NewWithDB(a.cryptoDB, dbutilDialect(a.cryptoDialect))
	if err != nil {
		return nil, fmt.Errorf("matrix: crypto database: %w", err)
	}
	syncer := mautrix.NewDefaultSyncer()
	syncer.ParseErrorHandler = func(*event.Event, error) bool { return true }
	cli.Syncer = cryptoSyncer{syncer}
	cli.StateStore = nil // the helper keeps room state in the database
	helper, err := cryptohelper.NewCryptoHelper(cli, []byte(a.cfg.PickleKey), db)
	if err != nil {
		return nil, fmt.Errorf("matrix: crypto: %w", err)
	}
	// One account per bot user: a database shared by two bot accounts
	// keeps their keys apart.
	helper.DBAccountID = string(cli.UserID)
	if err := helper.Init(ctx); err != nil {
		return nil, fmt.Errorf("matrix: crypto (device %s): %w", cli.DeviceID, err)
	}
	m := &machine{a: a, cli: cli, helper: helper, mach: helper.Machine(), syncer: syncer}
	state, ok := cli.StateStore.(*sqlstatestore.SQLStateStore)
	if !ok {
		return nil, fmt.Errorf("matrix: crypto: unexpected room state store %T", cli.StateStore)
	}
	m.state = state
	m.defaultAllowKeyShare = m.mach.AllowKeyShare
	m.mach.AllowKeyShare = m.allowKeyShare
	a.log.Info("end-to-end encryption ready", "device_id", cli.DeviceID, "identity_key", m.mach.OwnIdentity().IdentityKey)
	if err := m.bootstrapCrossSigning(ctx); err != nil {
		// Encryption works without it; only verifying the bot needs it.
		a.log.Warn("cross-signing not set up", "error", err)
	}
	return m, nil
}

// dbutilDialect names the store's dialect as go.mau.fi/util/dbutil does.
func dbutilDialect(d string) string {
	if d == "postgres" {
		return "postgres"
	}
	return "sqlite3"
}

// whoami learns the device of the access token, which the crypto keys
// belong to.
func (a *Adapter) whoami(ctx context.Context, cli *mautrix.Client) error {
	return a.rateLimited(ctx, func() error {
		who, err := cli.Whoami(ctx)
		if err != nil {
			return fmt.Errorf("matrix: whoami: %w", err)
		}
		if who.DeviceID == "" {
			return errors.New("matrix: the homeserver did not say which device the access token belongs to; encryption needs one")
		}
		if cli.UserID == "" {
			cli.UserID = who.UserID
		}
		cli.DeviceID = who.DeviceID
		return nil
	})
}

// processSync feeds the Olm machine and the room state store: to-device
// messages (room keys, key requests), device-list changes, one-time key
// counts, membership and encryption state. It runs before the adapter
// reads the timelines, so that keys arriving with a message decrypt it.
func (m *machine) processSync(ctx context.Context, resp *mautrix.RespSync, since string) {
	if err := m.syncer.ProcessResponse(ctx, resp, since); err != nil {
		m.a.log.Warn("processing a sync for encryption failed", "error", err)
	}
}

// decrypt turns an m.room.encrypted event into the event it carries, and
// calls then with it: at once when the room key is there, else after it
// arrives (a key may follow its first message) in a goroutine the sync
// loop waits for when it stops. A message that stays undecryptable is
// counted and logged with the sending device.
func (m *machine) decrypt(ctx context.Context, evt *event.Event, then func(*event.Event)) {
	decrypted, err := m.mach.DecryptMegolmEvent(ctx, evt)
	if err == nil {
		then(decrypted)
		return
	}
	if !errors.Is(err, crypto.ErrNoSessionFound) {
		m.undecryptable(evt, err)
		return
	}
	m.waiting.Add(1)
	go func() {
		defer m.waiting.Done()
		content := evt.Content.AsEncrypted()
		if !m.mach.WaitForSession(ctx, evt.RoomID, content.SenderKey, content.SessionID, sessionWait) {
			m.requestKey(ctx, evt)
			if !m.mach.WaitForSession(ctx, evt.RoomID, content.SenderKey, content.SessionID, sessionWaitLonger) {
				if ctx.Err() == nil {
					m.undecryptable(evt, err)
				}
				return
			}
		}
		decrypted, err := m.mach.DecryptMegolmEvent(ctx, evt)
		if err != nil {
			m.undecryptable(evt, err)
			return
		}
		then(decrypted)
	}()
}

// requestKey asks the sender's device (and the bot's other devices, if any)
// for a missing room key.
func (m *machine) requestKey(ctx context.Context, evt *event.Event) {
	content := evt.Content.AsEncrypted()
	device := content.DeviceID
	if device == "" {
		device = "*"
	}
	err := m.mach.SendRoomKeyRequest(ctx, evt.RoomID, content.SenderKey, content.SessionID, "", map[id.UserID][]id.DeviceID{
		evt.Sender:   {device},
		m.cli.UserID: {"*"},
	})
	if err != nil {
		m.a.log.Warn("requesting a missing room key failed", "room", evt.RoomID, "sender", evt.Sender, "device_id", device, "error", err)
	}
}

// undecryptable reports a message the bot cannot read, naming the device
// that sent it: the usual cause is that device not sharing its room key
// with the bot (an unverified bot on a client set to verified devices only).
func (m *machine) undecryptable(evt *event.Event, err error) {
	content := evt.Content.AsEncrypted()
	m.a.log.Warn("could not decrypt a message", "room", evt.RoomID, "event_id", evt.ID,
		"sender", evt.Sender, "device_id", content.DeviceID, "sender_key", content.SenderKey,
		"session_id", content.SessionID, "error", err)
	if m.a.hooks.OnUndecryptable != nil {
		m.a.hooks.OnUndecryptable()
	}
}

// allowKeyShare answers a room-key request: mautrix's rules (the bot's own
// verified devices, or a device the session was shared with) and, for
// other users, only while they are still in the room.
func (m *machine) allowKeyShare(ctx context.Context, device *id.Device, info event.RequestedKeyInfo) *crypto.KeyShareRejection {
	if device.UserID != m.cli.UserID {
		membership, err := m.state.GetMembership(ctx, info.RoomID, device.UserID)
		if err != nil || (membership != event.MembershipJoin && membership != event.MembershipInvite) {
			return &crypto.KeyShareRejectNotRecipient
		}
	}
	if rejection := m.defaultAllowKeyShare(ctx, device, info); rejection != nil {
		return rejection
	}
	m.keysShared("key_request")
	return nil
}

func (m *machine) keysShared(reason string) {
	if m.a.hooks.OnKeysShared != nil {
		m.a.hooks.OnKeysShared(reason)
	}
}

// encrypted reports whether room is encrypted, learning its state and
// members from the homeserver first when the database does not know them
// yet (a room joined before encryption was turned on, or a delivery target
// the sync has not shown).
func (m *machine) encrypted(ctx context.Context, room id.RoomID) (bool, error) {
	fetched, err := m.state.HasFetchedMembers(ctx, room)
	if err != nil {
		return false, fmt.Errorf("matrix: room state of %s: %w", room, err)
	}
	if !fetched {
		err := m.a.rateLimited(ctx, func() error {
			_, err := m.cli.State(ctx, room)
			return err
		})
		if err != nil {
			return false, fmt.Errorf("matrix: read the state of %s: %w", room, err)
		}
	}
	return m.state.IsEncrypted(ctx, room)
}

// encrypt wraps content for room with the room's outbound Megolm session,
// first sharing a new session with every device of the joined and invited
// members when there is none, it expired, or someone new arrived.
func (m *machine) encrypt(ctx context.Context, room id.RoomID, content any) (*event.EncryptedEventContent, error) {
	m.encryptMu.Lock()
	defer m.encryptMu.Unlock()
	if m.stopped {
		// A delivery that picked up this machine just before the loop
		// ended: the next leader's machine may already be encrypting.
		return nil, ErrNotLeader
	}
	encrypted, err := m.mach.EncryptMegolmEvent(ctx, room, event.EventMessage, content)
	if err == nil {
		return encrypted, nil
	}
	if !errors.Is(err, crypto.ErrSessionExpired) && !errors.Is(err, crypto.ErrNoGroupSession) && !errors.Is(err, crypto.ErrSessionNotShared) {
		return nil, fmt.Errorf("matrix: encrypt for %s: %w", room, err)
	}
	members, err := m.state.GetRoomJoinedOrInvitedMembers(ctx, room)
	if err != nil {
		return nil, fmt.Errorf("matrix: members of %s: %w", room, err)
	}
	if err := m.mach.ShareGroupSession(ctx, room, members); err != nil {
		return nil, fmt.Errorf("matrix: share the room key of %s: %w", room, err)
	}
	m.keysShared("new_session")
	encrypted, err = m.mach.EncryptMegolmEvent(ctx, room, event.EventMessage, content)
	if err != nil {
		return nil, fmt.Errorf("matrix: encrypt for %s: %w", room, err)
	}
	return encrypted, nil
}

// stop waits for pending decryptions (their context is the sync loop's,
// now ended) and for an encryption under way, and refuses later ones, so
// that the next leader's machine is the only one advancing the ratchets.
func (m *machine) stop() {
	m.waiting.Wait()
	m.encryptMu.Lock()
	m.stopped = true
	m.encryptMu.Unlock()
}
