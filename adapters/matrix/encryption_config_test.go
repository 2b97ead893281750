package matrix

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"

	"github.com/attache-bot/attache/config"
)

// New refuses to start with encryption on and anything it needs missing,
// and a build without the goolm tag refuses encryption altogether.
func TestNewChecksEncryption(t *testing.T) {
	on, off := true, false
	db := &sql.DB{} // never used: New does not touch the network or the database
	base := config.Matrix{Homeserver: "https://matrix.example.org", UserID: "@attache:example.org", AccessToken: "t"}
	tests := []struct {
		name    string
		mutate  func(*config.Matrix, *Options)
		wantErr string // "" for success (in builds with encryption)
	}{
		{"off by default", func(*config.Matrix, *Options) {}, ""},
		{"on without a pickle key", func(m *config.Matrix, _ *Options) { m.Encryption = &on }, "pickle_key is not set"},
		{"on without a database", func(m *config.Matrix, o *Options) { m.PickleKey = "0123456789abcdef"; o.CryptoDB = nil }, "needs a database"},
		{"on with an unknown dialect", func(m *config.Matrix, o *Options) { m.PickleKey = "0123456789abcdef"; o.CryptoDialect = "mysql" }, "dialect"},
		{"on, complete", func(m *config.Matrix, _ *Options) { m.PickleKey = "0123456789abcdef" }, ""},
		{"off with a key", func(m *config.Matrix, _ *Options) { m.PickleKey = "0123456789abcdef"; m.Encryption = &off }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := base
			opts := Options{State: &memState{}, CryptoDB: db, CryptoDialect: "sqlite"}
			tt.mutate(&cfg, &opts)
			opts.Config = cfg
			a, err := New(opts)
			want := tt.wantErr
			if !EncryptionAvailable && cfg.EncryptionEnabled() {
				want = "built without end-to-end encryption"
			}
			if want == "" {
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				if a.Encrypted() != cfg.EncryptionEnabled() || a.CanDeliver() != !cfg.EncryptionEnabled() {
					t.Errorf("Encrypted = %v, CanDeliver = %v before the sync loop", a.Encrypted(), a.CanDeliver())
				}
				if cfg.EncryptionEnabled() {
					if err := a.Deliver(context.Background(), "!r:example.org", loadDigest(t, "digest.json"), 0, nil); !errors.Is(err, ErrNotLeader) {
						t.Errorf("Deliver without the Olm machine: %v, want ErrNotLeader", err)
					}
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("New: %v, want an error containing %q", err, want)
			}
			if strings.Contains(err.Error(), "0123456789abcdef") {
				t.Errorf("the error shows the pickle key: %v", err)
			}
		})
	}
}
