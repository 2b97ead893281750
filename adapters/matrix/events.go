package matrix

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/attache-bot/attache/adapters"
)

// commandTimeout bounds answering one command, so a stuck handler cannot
// stall the sync loop.
const commandTimeout = 2 * time.Minute

// encryptedNotice is said once in a room that turns out to be encrypted.
const encryptedNotice = "I can't read encrypted rooms, so I won't see commands here. " +
	"Invite me to an unencrypted room to use me, or have digests delivered to one."

// process handles one /sync response: invites always; room timelines only
// after the first sync, whose timelines are history the bot must not answer.
// With encryption (mach set), encrypted messages are decrypted and handled
// like the others; without it an encrypted room is told once that the bot
// cannot read it.
func (a *Adapter) process(ctx context.Context, cli *mautrix.Client, mach *machine, resp *mautrix.RespSync, initial bool) {
	for _, room := range sortedKeys(resp.Rooms.Invite) {
		a.handleInvite(ctx, cli, room, resp.Rooms.Invite[room])
	}
	if initial {
		return
	}
	for _, room := range sortedKeys(resp.Rooms.Join) {
		joined := resp.Rooms.Join[room]
		events := sinceOwnJoin(cli.UserID, joined.Timeline.Events)
		if mach == nil && (roomIsEncrypted(joined.State.Events) || roomIsEncrypted(joined.Timeline.Events)) {
			a.warnEncrypted(ctx, cli, room)
		}
		for _, evt := range events {
			evt.RoomID = room
			switch {
			case evt.Type.Type == event.EventMessage.Type:
				a.handleMessage(ctx, cli, evt)
			case evt.Type.Type == event.EventEncrypted.Type && mach != nil && evt.Sender != cli.UserID:
				mach.decrypt(ctx, evt, func(plain *event.Event) {
					if plain.Type.Type == event.EventMessage.Type {
						a.handleMessage(ctx, cli, plain)
					}
				})
			}
		}
	}
}

// sinceOwnJoin drops the timeline up to and including the bot's own join:
// when the bot joins a room, the sync shows it recent history, including
// commands typed before it was there.
func sinceOwnJoin(bot id.UserID, events []*event.Event) []*event.Event {
	for i := len(events) - 1; i >= 0; i-- {
		evt := events[i]
		if evt.Type != event.StateMember || evt.StateKey == nil || *evt.StateKey != string(bot) {
			continue
		}
		var member, prev event.MemberEventContent
		if unmarshalContent(evt, &member) != nil || member.Membership != event.MembershipJoin {
			continue
		}
		// A join after a join is a profile change, not arriving in the room.
		if p := evt.Unsigned.PrevContent; p != nil && json.Unmarshal(p.VeryRaw, &prev) == nil && prev.Membership == event.MembershipJoin {
			continue
		}
		return events[i+1:]
	}
	return events
}

// roomIsEncrypted reports whether events show the room encrypted: its
// m.room.encryption state, or any m.room.encrypted message.
func roomIsEncrypted(events []*event.Event) bool {
	return slices.ContainsFunc(events, func(evt *event.Event) bool {
		return evt.Type == event.StateEncryption || evt.Type == event.EventEncrypted
	})
}

// warnEncrypted says once per room, ever, that the bot cannot read it.
func (a *Adapter) warnEncrypted(ctx context.Context, cli *mautrix.Client, room id.RoomID) {
	key := a.stateKey(cli.UserID, "encrypted_notice:"+string(room))
	if done, ok, err := a.state.GetState(ctx, key); err != nil || (ok && done != "") {
		return
	}
	msg := pack([]block{paragraph(encryptedNotice)})[0]
	if _, err := a.send(ctx, cli, room, msg.content(nil)); err != nil {
		a.log.Warn("telling an encrypted room it is unsupported failed", "room", room, "error", err)
		return
	}
	if err := a.state.SetState(ctx, key, time.Now().UTC().Format(time.RFC3339)); err != nil {
		a.log.Warn("saving encrypted-room notice failed", "room", room, "error", err)
	}
}

// handleMessage answers a command typed by a user. It ignores the bot's own
// messages, notices (other bots' output), edits, and anything that is not a
// command.
func (a *Adapter) handleMessage(ctx context.Context, cli *mautrix.Client, evt *event.Event) {
	handler := a.handler.Load()
	if handler == nil || evt.Sender == cli.UserID {
		return
	}
	var msg event.MessageEventContent
	if err := unmarshalContent(evt, &msg); err != nil || msg.MsgType != event.MsgText {
		return
	}
	if msg.RelatesTo != nil && msg.RelatesTo.Type == event.RelReplace {
		return
	}
	verb, args, ok, parseErr := parseCommand(msg.Body, a.prefix)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, commandTimeout)
	defer cancel()

	var reply adapters.Reply
	if parseErr != nil {
		reply = adapters.Reply{Text: parseErr.Error() + ".", Error: true}
	} else {
		admin, err := a.isAdmin(ctx, cli, evt.RoomID, evt.Sender)
		if err != nil {
			// Unknown power means no power: refusing is the safe side.
			a.log.Warn("checking power level failed", "room", evt.RoomID, "user", evt.Sender, "error", err)
		}
		reply = (*handler).HandleCommand(ctx, adapters.Request{
			Platform: Platform,
			Channel:  string(evt.RoomID),
			User:     string(evt.Sender),
			Admin:    admin,
			Verb:     verb,
			Args:     args,
		})
	}
	rel := replyRelation(evt.ID, msg.RelatesTo)
	for i, m := range pack(renderReply(reply)) {
		if _, err := a.send(ctx, cli, evt.RoomID, m.content(rel)); err != nil {
			a.log.Warn("sending command reply failed", "room", evt.RoomID, "verb", verb, "part", i+1, "error", err)
			return
		}
	}
}

// replyRelation makes the reply to command event cmd: inside the thread
// when cmd was sent in one (with a fallback reply to cmd for clients
// without threads), otherwise a plain reply.
func replyRelation(cmd id.EventID, cmdRel *event.RelatesTo) *event.RelatesTo {
	if root := cmdRel.GetThreadParent(); root != "" {
		return (&event.RelatesTo{}).SetThread(root, cmd)
	}
	return (&event.RelatesTo{}).SetReplyTo(cmd)
}

func sortedKeys[V any](m map[id.RoomID]V) []id.RoomID {
	keys := make([]id.RoomID, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
