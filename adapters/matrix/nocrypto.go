//go:build !goolm

package matrix

import (
	"context"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// EncryptionAvailable reports whether this build can take part in encrypted
// rooms. mautrix-go's crypto needs either libolm (cgo) or its pure-Go Olm
// implementation, which only the goolm build tag selects; a binary built
// without the tag has no encryption, and refuses to start with it on.
const EncryptionAvailable = false

// machine stands in for the Olm machine in builds without encryption.
type machine struct{}

func (a *Adapter) startCrypto(context.Context, *mautrix.Client) (*machine, error) {
	return nil, errNoEncryption
}

func (m *machine) processSync(context.Context, *mautrix.RespSync, string)    {}
func (m *machine) decrypt(context.Context, *event.Event, func(*event.Event)) {}
func (m *machine) encrypted(context.Context, id.RoomID) (bool, error)        { return false, errNoEncryption }
func (m *machine) encrypt(context.Context, id.RoomID, any) (*event.EncryptedEventContent, error) {
	return nil, errNoEncryption
}
func (m *machine) stop() {}
