package matrix

import (
	"encoding/json"
	"math"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

func TestInviteAllowed(t *testing.T) {
	const bot = id.UserID("@attache:bots.example")
	tests := []struct {
		name    string
		inviter id.UserID
		allowed []string
		admins  []string
		want    bool
	}{
		{"listed user", "@alice:example.org", []string{"@alice:example.org"}, nil, true},
		{"other user of listed user's server", "@mallory:example.org", []string{"@alice:example.org"}, nil, false},
		{"listed server", "@bob:example.org", []string{":example.org"}, nil, true},
		{"server match is exact", "@eve:evilexample.org", []string{":example.org"}, nil, false},
		{"subdomain is another server", "@eve:sub.example.org", []string{":example.org"}, nil, false},
		{"server case-insensitive", "@bob:Example.ORG", []string{":example.org"}, nil, true},
		{"configured admin", "@root:elsewhere.net", []string{":example.org"}, []string{"@root:elsewhere.net"}, true},
		{"empty list: own server", "@carol:bots.example", nil, nil, true},
		{"empty list: foreign server", "@carol:example.org", nil, nil, false},
		{"malformed inviter", "not-a-user", []string{":example.org"}, nil, false},
		{"unknown inviter", "", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := inviteAllowed(tt.inviter, bot, tt.allowed, tt.admins); got != tt.want {
				t.Errorf("inviteAllowed(%s) = %v, want %v", tt.inviter, got, tt.want)
			}
		})
	}
}

func TestValidInviter(t *testing.T) {
	for entry, ok := range map[string]bool{
		"@alice:example.org": true, ":example.org": true, ":localhost:8448": true,
		"alice": false, ":": false, "@alice": false, "example.org": false, ": spaced": false,
	} {
		if err := validInviter(entry); (err == nil) != ok {
			t.Errorf("validInviter(%q) = %v, want ok=%v", entry, err, ok)
		}
	}
}

func stateEvt(t *testing.T, typ event.Type, sender id.UserID, content string) *event.Event {
	t.Helper()
	raw := `{"type":"` + typ.Type + `","state_key":"","sender":"` + string(sender) + `","content":` + content + `}`
	var evt event.Event
	if err := json.Unmarshal([]byte(raw), &evt); err != nil {
		t.Fatal(err)
	}
	return &evt
}

func TestPowerLevel(t *testing.T) {
	const (
		creator = id.UserID("@creator:example.org")
		cocreat = id.UserID("@co:example.org")
		mod     = id.UserID("@mod:example.org")
		member  = id.UserID("@member:example.org")
	)
	v10 := stateEvt(t, event.StateCreate, creator, `{"room_version":"10","creator":"@creator:example.org"}`)
	v12 := stateEvt(t, event.StateCreate, creator, `{"room_version":"12","additional_creators":["@co:example.org"]}`)
	levels := stateEvt(t, event.StatePowerLevels, creator, `{"users":{"@creator:example.org":100,"@mod:example.org":50},"users_default":0}`)
	generous := stateEvt(t, event.StatePowerLevels, creator, `{"users_default":50}`)
	tests := []struct {
		name           string
		create, levels *event.Event
		user           id.UserID
		want           int
	}{
		{"v10 creator from levels", v10, levels, creator, 100},
		{"v10 moderator", v10, levels, mod, 50},
		{"v10 member", v10, levels, member, 0},
		{"users_default applies", v10, generous, member, 50},
		{"v12 creator above all", v12, levels, creator, math.MaxInt},
		{"v12 additional creator above all", v12, levels, cocreat, math.MaxInt},
		{"v12 moderator", v12, levels, mod, 50},
		{"v10 co-creator field means nothing", v10, levels, cocreat, 0},
		{"no power levels: creator 100", v10, nil, creator, 100},
		{"no power levels: member 0", v10, nil, member, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := powerLevel(tt.create, tt.levels, tt.user); got != tt.want {
				t.Errorf("powerLevel(%s) = %d, want %d", tt.user, got, tt.want)
			}
		})
	}
}

func TestReplyRelation(t *testing.T) {
	tests := []struct {
		name string
		cmd  *event.RelatesTo
		want string
	}{
		{"plain reply", nil, `{"m.in_reply_to":{"event_id":"$cmd"}}`},
		{"reply to a reply stays a plain reply", (&event.RelatesTo{}).SetReplyTo("$older"), `{"m.in_reply_to":{"event_id":"$cmd"}}`},
		{"in a thread", (&event.RelatesTo{}).SetThread("$root", "$prev"),
			`{"rel_type":"m.thread","event_id":"$root","m.in_reply_to":{"event_id":"$cmd"},"is_falling_back":true}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := json.Marshal(replyRelation("$cmd", tt.cmd))
			if err != nil {
				t.Fatal(err)
			}
			if string(raw) != tt.want {
				t.Errorf("got %s\nwant %s", raw, tt.want)
			}
		})
	}
}

func TestSinceOwnJoin(t *testing.T) {
	const bot = id.UserID("@bot:example.org")
	member := func(user id.UserID, membership string) *event.Event {
		key := string(user)
		evt := stateEvt(t, event.StateMember, user, `{"membership":"`+membership+`"}`)
		evt.StateKey = &key
		return evt
	}
	msg := func(eventID id.EventID) *event.Event {
		return &event.Event{Type: event.EventMessage, ID: eventID}
	}
	rename := member(bot, "join")
	rename.Unsigned.PrevContent = &event.Content{VeryRaw: json.RawMessage(`{"membership":"join","displayname":"old"}`)}
	events := []*event.Event{msg("$old"), member(bot, "invite"), member(bot, "join"), msg("$new"), rename, msg("$newer")}
	got := sinceOwnJoin(bot, events)
	if len(got) != 3 || got[0].ID != "$new" || got[2].ID != "$newer" {
		t.Errorf("kept %d events, want those after the join ($new, the rename, $newer)", len(got))
	}
	if got := sinceOwnJoin(bot, []*event.Event{msg("$a"), member("@alice:example.org", "join"), msg("$b")}); len(got) != 3 {
		t.Errorf("another user's join cut the timeline to %d events", len(got))
	}
}
