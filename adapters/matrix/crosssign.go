//go:build goolm

package matrix

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"maunium.net/go/mautrix"
)

// bootstrapCrossSigning gives the bot account cross-signing keys on its
// first start with encryption, signs the bot's device with them, and
// writes the recovery key (which unlocks the private keys stored,
// encrypted, on the homeserver) to matrix.recovery_key_file. A room admin
// then verifies the bot once, and its device is trusted from then on.
// Nothing happens when the account already has cross-signing keys; the
// recovery key is never logged, and an existing file is never
// overwritten.
func (m *machine) bootstrapCrossSigning(ctx context.Context) error {
	keys, err := m.mach.GetOwnCrossSigningPublicKeys(ctx)
	if err != nil {
		return fmt.Errorf("read the account's cross-signing keys: %w", err)
	}
	if keys != nil && keys.MasterKey != "" {
		return nil
	}
	path := m.a.cfg.RecoveryKeyFile
	if path == "" {
		return errors.New("matrix.recovery_key_file is not set, so there is nowhere to keep the recovery key")
	}
	// Created empty before the keys exist: a path that cannot be written
	// fails here, before there is a key to lose.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists but the account has no cross-signing keys; move the file away to set them up again", path)
	}
	if err != nil {
		return fmt.Errorf("create the recovery key file: %w", err)
	}
	recoveryKey, _, err := m.mach.GenerateAndUploadCrossSigningKeys(ctx, m.passwordAuth, "")
	if err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("upload cross-signing keys: %w", err)
	}
	if _, err := f.WriteString(recoveryKey + "\n"); err != nil {
		f.Close()
		return fmt.Errorf("write the recovery key file: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write the recovery key file: %w", err)
	}
	if err := m.mach.SignOwnDevice(ctx, m.mach.OwnIdentity()); err != nil {
		return fmt.Errorf("sign the bot's device: %w", err)
	}
	if err := m.mach.SignOwnMasterKey(ctx); err != nil {
		return fmt.Errorf("sign the master key: %w", err)
	}
	m.a.log.Info("cross-signing set up; recovery key written", "file", path, "device_id", m.cli.DeviceID)
	return nil
}

// passwordAuth answers the homeserver's user-interactive authentication
// for uploading cross-signing keys with the bot's password, when it has
// one; without it the upload succeeds only on homeservers that allow a
// first upload without authentication.
func (m *machine) passwordAuth(resp *mautrix.RespUserInteractive) any {
	if m.a.cfg.Password == "" || !resp.HasSingleStageFlow(mautrix.AuthTypePassword) {
		return nil
	}
	return &mautrix.ReqUIAuthLogin{
		BaseAuthData: mautrix.BaseAuthData{Type: mautrix.AuthTypePassword, Session: resp.Session},
		User:         string(m.cli.UserID),
		Password:     m.a.cfg.Password,
	}
}
