package matrix

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// adminPowerLevel is the power level from which a room member may manage
// sources: the spec's conventional moderator level.
const adminPowerLevel = 50

// isAdmin reports whether user may subscribe and unsubscribe sources from
// room: a configured admin, or a member with power level ≥ 50 there (a room
// v12 creator counts as above all levels).
func (a *Adapter) isAdmin(ctx context.Context, cli *mautrix.Client, room id.RoomID, user id.UserID) (bool, error) {
	if slices.Contains(a.cfg.Admins, string(user)) {
		return true, nil
	}
	create, err := stateEvent(ctx, cli, room, event.StateCreate)
	if err != nil {
		return false, fmt.Errorf("matrix: read create event of %s: %w", room, err)
	}
	levels, err := stateEvent(ctx, cli, room, event.StatePowerLevels)
	if err != nil && !errors.Is(err, mautrix.MNotFound) {
		return false, fmt.Errorf("matrix: read power levels of %s: %w", room, err)
	}
	return powerLevel(create, levels, user) >= adminPowerLevel, nil
}

// powerLevel is user's power level in a room given its m.room.create and
// m.room.power_levels events (levels may be nil when the room has none).
func powerLevel(create, levels *event.Event, user id.UserID) int {
	var cc event.CreateEventContent
	if create != nil {
		_ = unmarshalContent(create, &cc)
		// Room v12+ (MSC4289): the creators have infinite power.
		if cc.SupportsCreatorPower() && (user == create.Sender || slices.Contains(cc.AdditionalCreators, user)) {
			return math.MaxInt
		}
	}
	if levels == nil {
		// Without a power levels event the creator has 100, everyone else 0.
		if create != nil && (user == create.Sender || user == cc.Creator) {
			return 100
		}
		return 0
	}
	var pl event.PowerLevelsEventContent
	if err := unmarshalContent(levels, &pl); err != nil {
		return 0
	}
	if level, ok := pl.Users[user]; ok {
		return level
	}
	return pl.UsersDefault
}

// stateEvent fetches one state event (state key "") with its sender.
func stateEvent(ctx context.Context, cli *mautrix.Client, room id.RoomID, typ event.Type) (*event.Event, error) {
	evt, err := cli.FullStateEvent(ctx, room, typ, "")
	if err != nil {
		return nil, err
	}
	if evt.Type.Type == "" {
		// A homeserver that ignores ?format=event answers with the bare
		// content; keep it, without a sender.
		var content json.RawMessage
		if err := cli.StateEvent(ctx, room, typ, "", &content); err != nil {
			return nil, err
		}
		return &event.Event{Type: typ, Content: event.Content{VeryRaw: content}}, nil
	}
	return evt, nil
}

// unmarshalContent decodes an event's content as received, independently of
// whether mautrix parsed it already.
func unmarshalContent(evt *event.Event, into any) error {
	if len(evt.Content.VeryRaw) > 0 {
		return json.Unmarshal(evt.Content.VeryRaw, into)
	}
	raw, err := json.Marshal(evt.Content.Raw)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, into)
}
