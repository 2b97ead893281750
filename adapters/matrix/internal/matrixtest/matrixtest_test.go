package matrixtest

import (
	"context"
	"errors"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestServerHostsARoom checks the harness itself: two registered users can
// create a room, join it and exchange a message.
func TestServerHostsARoom(t *testing.T) {
	s := Start(t)
	ctx := context.Background()
	alice, bob := s.Register(t, "alice"), s.Register(t, "bob")
	if alice.ID != "@alice:localhost" {
		t.Errorf("alice is %s", alice.ID)
	}
	ac, bc := s.Client(t, alice), s.Client(t, bob)
	room, err := ac.CreateRoom(ctx, &mautrix.ReqCreateRoom{Preset: "private_chat", Invite: []id.UserID{bob.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bc.JoinRoomByID(ctx, room.RoomID); err != nil {
		t.Fatal(err)
	}
	sent, err := bc.SendText(ctx, room.RoomID, "hello")
	if err != nil {
		t.Fatal(err)
	}
	// Dendrite accepts an event before its room server has stored it, so
	// reading it back straight away may answer M_NOT_FOUND for a moment.
	var got *event.Event
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err = ac.GetEvent(ctx, room.RoomID, sent.EventID)
		if err == nil || !errors.Is(err, mautrix.MNotFound) || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	if got.Sender != bob.ID {
		t.Errorf("event from %s, want %s", got.Sender, bob.ID)
	}
}
