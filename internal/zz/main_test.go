package gtest
import (
 "testing"
 _ "maunium.net/go/mautrix/crypto"
 "maunium.net/go/mautrix/crypto/olm"
)
func TestX(t *testing.T){ t.Log(olm.Driver) }
