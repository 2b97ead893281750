package matrix

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseCommand(t *testing.T) {
	tests := []struct {
		name, body, prefix string
		verb               string
		args               []string
		ok                 bool
		err                error
	}{
		{name: "who", body: "!who ayrault", prefix: "!", verb: "who", args: []string{"ayrault"}, ok: true},
		{name: "verb case and spacing", body: "  !WHO   Jean-Marc   Ayrault ", prefix: "!", verb: "who", args: []string{"Jean-Marc", "Ayrault"}, ok: true},
		{name: "no args", body: "!digest", prefix: "!", verb: "digest", args: []string{}, ok: true},
		{name: "subscribe url", body: "!subscribe https://example.org/feed.xml", prefix: "!", verb: "subscribe", args: []string{"https://example.org/feed.xml"}, ok: true},
		{name: "space after symbol prefix", body: "! help", prefix: "!", verb: "help", args: []string{}, ok: true},
		{name: "other bot's verb", body: "!ban @spammer:example.org", prefix: "!", ok: false},
		{name: "plain chat", body: "who is ayrault?", prefix: "!", ok: false},
		{name: "prefix alone", body: "!", prefix: "!", ok: false},
		{name: "command not on first line", body: "hello\n!who ayrault", prefix: "!", ok: false},
		{name: "reply fallback skipped", body: "> <@alice:example.org> earlier\n> more\n\n!quotes lavrov", prefix: "!", verb: "quotes", args: []string{"lavrov"}, ok: true},
		{name: "word prefix", body: "attache who kerry", prefix: "attache", verb: "who", args: []string{"kerry"}, ok: true},
		{name: "word prefix needs a space", body: "attachewho kerry", prefix: "attache", ok: false},
		{name: "custom symbol prefix", body: ".feeds", prefix: ".", verb: "feeds", args: []string{}, ok: true},
		{name: "default prefix ignored under custom", body: "!who x", prefix: ".", ok: false},
		{name: "too long", body: "!who " + strings.Repeat("x", 2000), prefix: "!", verb: "who", ok: true, err: errCommandTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			verb, args, ok, err := parseCommand(tt.body, tt.prefix)
			if ok != tt.ok || err != tt.err {
				t.Fatalf("ok=%v err=%v, want ok=%v err=%v", ok, err, tt.ok, tt.err)
			}
			if !ok || err != nil {
				return
			}
			if verb != tt.verb || !reflect.DeepEqual(args, tt.args) {
				t.Errorf("got %q %q, want %q %q", verb, args, tt.verb, tt.args)
			}
		})
	}
}

func FuzzParseCommand(f *testing.F) {
	f.Add("!who ayrault", "!")
	f.Add("> quoted\n\n!subscribe https://x", "!")
	f.Add("attache   help", "attache")
	f.Fuzz(func(t *testing.T, body, prefix string) {
		if prefix == "" {
			return // New replaces an empty prefix by the default
		}
		verb, args, ok, err := parseCommand(body, prefix)
		if !ok {
			return
		}
		if !commandVerbs[verb] {
			t.Fatalf("unknown verb %q accepted", verb)
		}
		if err != nil {
			return
		}
		for _, a := range args {
			if a == "" || strings.ContainsAny(a, " \t\n") {
				t.Fatalf("arg %q has whitespace", a)
			}
		}
	})
}
