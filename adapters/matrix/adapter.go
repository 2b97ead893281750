package matrix

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/config"
)

// Platform is the config name of this adapter.
const Platform = "matrix"

// DefaultCommandPrefix starts commands when matrix.command_prefix is unset.
const DefaultCommandPrefix = "!"

// StateStore keeps the small values the adapter must remember across
// restarts: the access token obtained with a password, and the sync token.
// store.Store satisfies it.
type StateStore interface {
	GetState(ctx context.Context, key string) (string, bool, error)
	SetState(ctx context.Context, key, value string) error
}

// Options configure an Adapter.
type Options struct {
	Config config.Matrix
	// State persists the access token and the sync position. Required.
	State StateStore
	// Handler answers commands; nil makes Run ignore commands (deliver-only)
	// until HandleCommands sets one.
	Handler adapters.CommandHandler
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// HTTPClient defaults to a client with a timeout suited to long polling.
	HTTPClient *http.Client
	// OnRateLimit, when set, is told about every M_LIMIT_EXCEEDED wait,
	// for metrics.
	OnRateLimit func(wait time.Duration)
	// SyncTimeout is the long-poll timeout of /sync (default 30s).
	SyncTimeout time.Duration

	// CryptoDB is the database holding the end-to-end encryption state
	// (tables of mautrix-go's own, versioned apart from attache's), and
	// CryptoDialect its kind, "sqlite" or "postgres" (store.OpenSQL gives
	// both). Required when the configuration turns encryption on.
	CryptoDB      *sql.DB
	CryptoDialect string
	// OnUndecryptable, when set, is told about every message that could
	// not be decrypted; OnKeysShared about every room key the bot shared
	// ("new_session" with a room's devices, "key_request" answering one).
	OnUndecryptable func()
	OnKeysShared    func(reason string)
}

// errNoEncryption refuses encryption in a build without it (see
// EncryptionAvailable).
var errNoEncryption = errors.New("matrix: this attache was built without end-to-end encryption; build it with `-tags goolm` (as the Dockerfile and the README's commands do) or set matrix.encryption: false")

// ErrNotLeader is returned by Deliver when encryption is on and this
// replica does not run the sync loop: the Olm machine that encrypts lives
// with the loop, on one replica at a time (see CanDeliver).
var ErrNotLeader = errors.New("matrix: with encryption on, only the replica running the sync loop delivers")

// Adapter is the Matrix platform: a Deliverer and the command sync loop.
// It is safe for concurrent use; Run may be called again after it returns.
type Adapter struct {
	cfg         config.Matrix
	state       StateStore
	handler     atomic.Pointer[adapters.CommandHandler]
	log         *slog.Logger
	httpClient  *http.Client
	onRateLimit func(time.Duration)
	syncTimeout time.Duration
	prefix      string

	loginMu sync.Mutex
	client  *mautrix.Client // nil until logged in

	roomsMu sync.Mutex
	rooms   map[string]id.RoomID // delivery target (ID or alias) -> joined room

	running sync.Mutex // held by Run so only one sync loop runs at a time

	encryption    bool
	cryptoDB      *sql.DB
	cryptoDialect string
	hooks         cryptoHooks
	mach          atomic.Pointer[machine] // set while Run holds the Olm machine
}

// cryptoHooks are the metrics callbacks of Options.
type cryptoHooks struct {
	OnUndecryptable func()
	OnKeysShared    func(reason string)
}

var _ adapters.Deliverer = (*Adapter)(nil)

// New checks the configuration and returns an adapter. It does not touch the
// network: it logs in on first use.
func New(opts Options) (*Adapter, error) {
	cfg := opts.Config
	if strings.TrimSpace(cfg.Homeserver) == "" {
		return nil, errors.New("matrix: homeserver is required")
	}
	if _, err := mautrix.ParseAndNormalizeBaseURL(cfg.Homeserver); err != nil {
		return nil, fmt.Errorf("matrix: homeserver %q: %w", cfg.Homeserver, err)
	}
	if cfg.AccessToken == "" && cfg.Password == "" {
		return nil, errors.New("matrix: access_token or password is required")
	}
	if cfg.UserID == "" && cfg.AccessToken == "" {
		return nil, errors.New("matrix: user_id is required to log in with a password")
	}
	if cfg.UserID != "" {
		if _, _, err := id.UserID(cfg.UserID).Parse(); err != nil {
			return nil, fmt.Errorf("matrix: user_id %q: %w", cfg.UserID, err)
		}
	}
	for _, who := range cfg.AllowedInviters {
		if err := validInviter(who); err != nil {
			return nil, fmt.Errorf("matrix: allowed_inviters: %w", err)
		}
	}
	if opts.State == nil {
		return nil, errors.New("matrix: a state store is required")
	}
	if cfg.EncryptionEnabled() {
		if err := checkEncryption(cfg, opts); err != nil {
			return nil, err
		}
	}
	a := &Adapter{
		cfg:         cfg,
		state:       opts.State,
		log:         opts.Logger,
		httpClient:  opts.HTTPClient,
		onRateLimit: opts.OnRateLimit,
		syncTimeout: opts.SyncTimeout,
		prefix:      cfg.CommandPrefix,
		rooms:       make(map[string]id.RoomID),

		encryption:    cfg.EncryptionEnabled(),
		cryptoDB:      opts.CryptoDB,
		cryptoDialect: opts.CryptoDialect,
		hooks:         cryptoHooks{OnUndecryptable: opts.OnUndecryptable, OnKeysShared: opts.OnKeysShared},
	}
	a.HandleCommands(opts.Handler)
	if a.log == nil {
		a.log = slog.Default()
	}
	a.log = a.log.With("platform", Platform)
	if a.httpClient == nil {
		// Long enough for a /sync long poll plus a slow homeserver.
		a.httpClient = &http.Client{Timeout: 2 * time.Minute}
	}
	if a.syncTimeout <= 0 {
		a.syncTimeout = 30 * time.Second
	}
	if strings.TrimSpace(a.prefix) == "" {
		a.prefix = DefaultCommandPrefix
	}
	return a, nil
}

// checkEncryption refuses a configuration that turns encryption on without
// what it needs, so the bot never starts half able to read its rooms.
func checkEncryption(cfg config.Matrix, opts Options) error {
	switch {
	case !EncryptionAvailable:
		return errNoEncryption
	case cfg.PickleKey == "":
		return errors.New("matrix: encryption is on but matrix.pickle_key is not set (MATRIX_PICKLE_KEY or MATRIX_PICKLE_KEY_FILE)")
	case opts.CryptoDB == nil:
		return errors.New("matrix: encryption needs a database for its keys")
	case opts.CryptoDialect != "sqlite" && opts.CryptoDialect != "postgres":
		return fmt.Errorf("matrix: crypto database dialect %q (want sqlite or postgres)", opts.CryptoDialect)
	}
	return nil
}

// Encrypted reports whether the adapter takes part in encrypted rooms.
func (a *Adapter) Encrypted() bool { return a.encryption }

// CanDeliver reports whether this replica can deliver digests now. Without
// encryption any replica can; with it only the one running the sync loop,
// which holds the Olm machine (the bot then leaves Matrix digests to it).
func (a *Adapter) CanDeliver() bool {
	return !a.encryption || a.mach.Load() != nil
}

// HandleCommands sets the handler that answers commands from now on. It
// breaks the construction cycle between the adapter (a Deliverer the bot
// needs) and the bot (the adapter's CommandHandler).
func (a *Adapter) HandleCommands(h adapters.CommandHandler) {
	if h == nil {
		a.handler.Store(nil)
		return
	}
	a.handler.Store(&h)
}

// Platform implements adapters.Deliverer.
func (a *Adapter) Platform() string { return Platform }

// stateKey scopes a state entry to the bot account, so switching accounts
// never reuses another account's token or sync position.
func (a *Adapter) stateKey(userID id.UserID, name string) string {
	return "matrix:" + string(userID) + ":" + name
}

// connect returns the logged-in client, logging in on first use: with the
// configured access token, else with a token saved by an earlier password
// login, else with the password (saving the new token).
func (a *Adapter) connect(ctx context.Context) (*mautrix.Client, error) {
	a.loginMu.Lock()
	defer a.loginMu.Unlock()
	if a.client != nil {
		return a.client, nil
	}
	cli, err := mautrix.NewClient(a.cfg.Homeserver, id.UserID(a.cfg.UserID), "")
	if err != nil {
		return nil, fmt.Errorf("matrix: client for %s: %w", a.cfg.Homeserver, err)
	}
	cli.Client = a.httpClient
	cli.UserAgent = "attache (+https://github.com/attache-bot/attache)"
	// Rate limits are handled in send, with the homeserver's retry_after_ms;
	// mautrix only reads the Retry-After header, which Dendrite and others omit.
	cli.IgnoreRateLimit = true
	cli.DefaultHTTPRetries = 2
	cli.DefaultHTTPBackoff = time.Second

	switch {
	case a.cfg.AccessToken != "":
		cli.AccessToken = a.cfg.AccessToken
		if cli.UserID == "" {
			err := a.rateLimited(ctx, func() error {
				who, err := cli.Whoami(ctx)
				if err == nil {
					cli.UserID = who.UserID
				}
				return err
			})
			if err != nil {
				return nil, fmt.Errorf("matrix: whoami: %w", err)
			}
		}
	default:
		if err := a.passwordLogin(ctx, cli); err != nil {
			return nil, err
		}
	}
	a.client = cli
	return cli, nil
}

// passwordLogin reuses a saved token when there is one, else logs in and
// saves the token, so that restarts do not pile up devices on the account.
func (a *Adapter) passwordLogin(ctx context.Context, cli *mautrix.Client) error {
	tokenKey := a.stateKey(cli.UserID, "access_token")
	token, ok, err := a.state.GetState(ctx, tokenKey)
	if err != nil {
		return fmt.Errorf("matrix: load saved token: %w", err)
	}
	if ok && token != "" {
		cli.AccessToken = token
		err := a.rateLimited(ctx, func() error {
			_, err := cli.Whoami(ctx)
			return err
		})
		if err == nil {
			return nil
		}
		if !errors.Is(err, mautrix.MUnknownToken) {
			return fmt.Errorf("matrix: check saved token: %w", err)
		}
		a.log.Info("saved Matrix access token was revoked; logging in again")
		cli.AccessToken = ""
	}
	// Logging in again as the same device keeps its encryption keys valid.
	device, _, err := a.state.GetState(ctx, a.stateKey(cli.UserID, "device_id"))
	if err != nil {
		return fmt.Errorf("matrix: load saved device ID: %w", err)
	}
	var resp *mautrix.RespLogin
	err = a.rateLimited(ctx, func() error {
		var err error
		resp, err = cli.Login(ctx, &mautrix.ReqLogin{
			DeviceID:                 id.DeviceID(device),
			Type:                     mautrix.AuthTypePassword,
			Identifier:               mautrix.UserIdentifier{Type: mautrix.IdentifierTypeUser, User: string(cli.UserID)},
			Password:                 a.cfg.Password,
			InitialDeviceDisplayName: "attache",
			StoreCredentials:         true,
		})
		return err
	})
	if err != nil {
		return fmt.Errorf("matrix: password login as %s: %w", cli.UserID, err)
	}
	if err := a.state.SetState(ctx, tokenKey, resp.AccessToken); err != nil {
		return fmt.Errorf("matrix: save access token: %w", err)
	}
	return nil
}

// forgetClient drops a client whose token stopped working, so the next
// connect logs in again.
func (a *Adapter) forgetClient(cli *mautrix.Client) {
	a.loginMu.Lock()
	defer a.loginMu.Unlock()
	if a.client == cli {
		a.client = nil
	}
}
