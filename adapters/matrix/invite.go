package matrix

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// validInviter checks one matrix.allowed_inviters entry: a full user ID
// ("@alice:example.org") or a whole server (":example.org").
func validInviter(entry string) error {
	switch {
	case strings.HasPrefix(entry, "@"):
		if _, _, err := id.UserID(entry).Parse(); err != nil {
			return fmt.Errorf("%q is not a user ID: %w", entry, err)
		}
		return nil
	case strings.HasPrefix(entry, ":") && len(entry) > 1 && !strings.ContainsAny(entry, " @/"):
		return nil
	}
	return fmt.Errorf("%q is neither a user ID (@user:server) nor a server (:server)", entry)
}

// inviteAllowed reports whether the bot accepts an invite from inviter: a
// configured admin, a listed user, or a user of a listed server. With no
// list, only users of the bot's own homeserver may invite it.
func inviteAllowed(inviter, bot id.UserID, allowed, admins []string) bool {
	_, server, err := inviter.Parse()
	if err != nil {
		return false
	}
	if slices.Contains(admins, string(inviter)) {
		return true
	}
	if len(allowed) == 0 {
		_, botServer, err := bot.Parse()
		return err == nil && strings.EqualFold(server, botServer)
	}
	for _, entry := range allowed {
		if entry == string(inviter) {
			return true
		}
		if strings.HasPrefix(entry, ":") && strings.EqualFold(entry[1:], server) {
			return true
		}
	}
	return false
}

// inviter finds who invited the bot in a room's stripped invite state.
func inviter(bot id.UserID, invite *mautrix.SyncInvitedRoom) id.UserID {
	for _, evt := range invite.State.Events {
		if evt.Type != event.StateMember || evt.StateKey == nil || *evt.StateKey != string(bot) {
			continue
		}
		var member event.MemberEventContent
		if err := unmarshalContent(evt, &member); err == nil && member.Membership == event.MembershipInvite {
			return evt.Sender
		}
	}
	return ""
}

// handleInvite joins the room when the inviter is allowed, and declines
// (leaves) otherwise.
func (a *Adapter) handleInvite(ctx context.Context, cli *mautrix.Client, room id.RoomID, invite *mautrix.SyncInvitedRoom) {
	from := inviter(cli.UserID, invite)
	if !inviteAllowed(from, cli.UserID, a.cfg.AllowedInviters, a.cfg.Admins) {
		a.log.Info("declining invite", "room", room, "inviter", from)
		err := a.rateLimited(ctx, func() error {
			_, err := cli.LeaveRoom(ctx, room, &mautrix.ReqLeave{Reason: "attache only joins rooms when invited by an allowed user"})
			return err
		})
		if err != nil {
			a.log.Warn("declining invite failed", "room", room, "error", err)
		}
		return
	}
	a.log.Info("joining room", "room", room, "inviter", from)
	err := a.rateLimited(ctx, func() error {
		_, err := cli.JoinRoomByID(ctx, room)
		return err
	})
	if err != nil {
		a.log.Warn("joining invited room failed", "room", room, "error", err)
	}
}
