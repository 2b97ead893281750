package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
	"github.com/attache-bot/attache/store"
)

// commandFixture is a service over a store holding a few people.
func commandFixture(t testing.TB) (*Service, store.Store, *countingObserver) {
	t.Helper()
	clk := newClock(time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))
	st := openStore(t, t.TempDir(), clk)
	saveArticle(t, st, ingest.Article{
		URL: "https://news.example/syria-talks", Source: "https://news.example/feed", Title: "France pushes for Syria talks",
		Body: "Body one.", Published: clk.Now().Add(-2 * time.Hour), Fetched: clk.Now(),
	}, extract.Analysis{
		People: []extract.Person{{Name: "Jean-Marc Ayrault", Aliases: []string{"Ayrault"}, Role: "Foreign Minister", Affiliation: "France", Mentions: 3}},
		Quotes: []extract.Quote{{Speaker: "Jean-Marc Ayrault", SpeakerKind: extract.SpeakerPerson, Text: "We cannot wait any longer"}},
	})
	saveArticle(t, st, ingest.Article{
		URL: "https://news.example/aleppo", Source: "https://news.example/feed", Title: "Aleppo ceasefire falters",
		Body: "Body two.", Published: clk.Now().Add(-time.Hour), Fetched: clk.Now(),
	}, extract.Analysis{
		People: []extract.Person{
			{Name: "Jean-Marc Ayrault", Role: "Foreign Minister", Affiliation: "France", Mentions: 1},
			{Name: "John Kerry", Role: "Secretary of State", Affiliation: "United States", Mentions: 2},
			{Name: "Mary Kerry", Role: "spokesperson", Affiliation: "UNICEF", Mentions: 1},
		},
		Quotes: []extract.Quote{
			{Speaker: "Jean-Marc Ayrault", SpeakerKind: extract.SpeakerPerson, Text: "The ceasefire must hold"},
			{Speaker: "John Kerry", SpeakerKind: extract.SpeakerPerson, Text: "We are close"},
		},
	})
	cfg := testConfig()
	cfg.Bot.Admins = []string{"U-ADMIN", "matrix:@boss:example.org"}
	cfg.Sources = []config.Source{{Name: "Example", URL: "https://news.example/feed", Interval: time.Hour}}
	obs := &countingObserver{}
	s := newService(t, cfg, st, nil, WithClock(clk.Now), WithObserver(obs))
	return s, st, obs
}

func lineTexts(r adapters.Reply) string {
	var b strings.Builder
	b.WriteString(r.Title + "\n")
	for _, l := range r.Lines {
		b.WriteString(l.Text + " | " + l.Quote + " | " + l.Label + "\n")
	}
	b.WriteString(r.Text)
	return b.String()
}

func TestCommands(t *testing.T) {
	s, _, _ := commandFixture(t)
	tests := []struct {
		name      string
		req       adapters.Request
		wantTitle string
		contains  []string
		absent    []string
		lines     int // -1: any
		wantError bool
		ephemeral bool // the reply must be shown to the asker only
	}{
		{name: "who by full name", req: adapters.Request{Verb: "who", Args: []string{"Jean-Marc", "Ayrault"}},
			wantTitle: "Jean-Marc Ayrault", contains: []string{"Titles: Foreign Minister", "Affiliation: France", "In 2 articles", "The ceasefire must hold", "We cannot wait any longer"}, lines: -1},
		{name: "who by surname, any case and accents", req: adapters.Request{Verb: "WHO", Args: []string{"AYRAULT"}},
			wantTitle: "Jean-Marc Ayrault", lines: -1},
		{name: "who ambiguous", req: adapters.Request{Verb: "who", Args: []string{"kerry"}},
			wantTitle: `"kerry" could be several people. Did you mean:`, contains: []string{"John Kerry — Secretary of State, United States (1 article)", "Mary Kerry — spokesperson, UNICEF (1 article)"}, lines: 2},
		{name: "who unknown", req: adapters.Request{Verb: "who", Args: []string{"Lavrov"}},
			contains: []string{`No one called "Lavrov"`}, lines: 0, ephemeral: true},
		{name: "quotes of someone unknown", req: adapters.Request{Verb: "quotes", Args: []string{"Lavrov"}},
			contains: []string{`No one called "Lavrov"`}, lines: 0, ephemeral: true},
		{name: "who without a name", req: adapters.Request{Verb: "who"},
			contains: []string{"Whom should I look up?", "quotes NAME [WORDS…] [N]"}, lines: 0, wantError: true},
		{name: "who misspelt", req: adapters.Request{Verb: "who", Args: []string{"ayralt"}},
			wantTitle: `No one called "ayralt" in 2 articles read.`, contains: []string{"Did you mean Jean-Marc Ayrault — Foreign Minister, France (2 articles)?"}, lines: 1},
		{name: "who by a spelling variant", req: adapters.Request{Verb: "who", Args: []string{"jean", "marc", "ayrault"}},
			wantTitle: "Jean-Marc Ayrault", contains: []string{"Titles: Foreign Minister (France), "}, lines: -1},
		{name: "quotes on words", req: adapters.Request{Verb: "quotes", Args: []string{"ayrault", "ceasefire"}},
			wantTitle: "Latest quotes of Jean-Marc Ayrault on ceasefire", contains: []string{"The ceasefire must hold"}, absent: []string{"We cannot wait"}, lines: 1},
		{name: "quotes on words in the headline, with a count", req: adapters.Request{Verb: "quotes", Args: []string{"jean-marc", "ayrault", "syria", "3"}},
			wantTitle: "Latest quotes of Jean-Marc Ayrault on syria", contains: []string{"We cannot wait any longer | France pushes for Syria talks"}, lines: 1},
		{name: "quotes on words never said", req: adapters.Request{Verb: "quotes", Args: []string{"ayrault", "moscow"}},
			wantTitle: "Jean-Marc Ayrault", contains: []string{"No quotes of Jean-Marc Ayrault on moscow"}, lines: 0},
		{name: "quotes default", req: adapters.Request{Verb: "quotes", Args: []string{"ayrault"}},
			wantTitle: "Latest quotes of Jean-Marc Ayrault", contains: []string{"The ceasefire must hold", "We cannot wait any longer"}, lines: 2},
		{name: "quotes N", req: adapters.Request{Verb: "quotes", Args: []string{"jean-marc", "ayrault", "1"}},
			wantTitle: "Latest quotes of Jean-Marc Ayrault", contains: []string{"The ceasefire must hold | Aleppo ceasefire falters"}, absent: []string{"We cannot wait"}, lines: 1},
		{name: "quotes zero", req: adapters.Request{Verb: "quotes", Args: []string{"ayrault", "0"}},
			contains: []string{"at least 1"}, lines: 0, wantError: true},
		{name: "quotes of someone never quoted", req: adapters.Request{Verb: "quotes", Args: []string{"Mary", "Kerry"}},
			wantTitle: "Mary Kerry", contains: []string{"No quotes of Mary Kerry"}, lines: 0},
		{name: "help", req: adapters.Request{Verb: "help"},
			wantTitle: "attache commands", contains: []string{"who NAME", "subscribe URL"}, lines: 0},
		{name: "unknown verb gets the usage", req: adapters.Request{Verb: "frobnicate", Args: []string{"x"}},
			wantTitle: "attache commands", contains: []string{"Unknown command.", "who NAME", "help — this text"}, lines: 0, wantError: true},
		{name: "no verb gets the usage", req: adapters.Request{},
			wantTitle: "attache commands", contains: []string{"who NAME"}, absent: []string{"Unknown"}, lines: 0},
		{name: "digest with a bad duration", req: adapters.Request{Verb: "digest", Args: []string{"yesterday"}},
			contains: []string{`"yesterday" is not a duration`}, lines: 0, wantError: true},
		{name: "digest too far back", req: adapters.Request{Verb: "digest", Args: []string{"400d"}},
			contains: []string{"at most 31d"}, lines: 0, wantError: true},
		{name: "feeds", req: adapters.Request{Verb: "feeds"},
			wantTitle: "Sources (1)", contains: []string{"not polled yet; 2 articles |  | Example"}, lines: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Platform = "slack"
			r := s.HandleCommand(context.Background(), tt.req)
			all := lineTexts(r)
			if tt.wantTitle != "" && r.Title != tt.wantTitle {
				t.Errorf("title = %q, want %q\n%s", r.Title, tt.wantTitle, all)
			}
			for _, c := range tt.contains {
				if !strings.Contains(all, c) {
					t.Errorf("reply lacks %q:\n%s", c, all)
				}
			}
			for _, c := range tt.absent {
				if strings.Contains(all, c) {
					t.Errorf("reply has %q:\n%s", c, all)
				}
			}
			if tt.lines >= 0 && len(r.Lines) != tt.lines {
				t.Errorf("%d lines, want %d:\n%s", len(r.Lines), tt.lines, all)
			}
			if tt.ephemeral && !r.Ephemeral {
				t.Errorf("reply is shown to the whole channel, want the asker only:\n%s", all)
			}
			if r.Error != tt.wantError {
				t.Errorf("Error = %v, want %v:\n%s", r.Error, tt.wantError, all)
			}
		})
	}
}

func TestDigestCommand(t *testing.T) {
	s, _, _ := commandFixture(t)
	r := s.HandleCommand(context.Background(), adapters.Request{Platform: "matrix", Verb: "digest", Args: []string{"6h"}})
	if r.Digest == nil || !r.Ephemeral || r.Error {
		t.Fatalf("digest reply = %+v", r)
	}
	if r.Digest.Title != "attache digest — last 6h" || len(r.Digest.Stories) == 0 {
		t.Fatalf("digest = %+v", r.Digest)
	}
	r = s.HandleCommand(context.Background(), adapters.Request{Platform: "matrix", Verb: "digest", Args: []string{"30m", "public"}})
	if r.Digest != nil || r.Ephemeral || r.Text != "Nothing new in the last 30m." {
		t.Fatalf("empty public digest reply = %+v", r)
	}
}

func TestSubscribe(t *testing.T) {
	tests := []struct {
		name    string
		req     adapters.Request
		allow   bool
		want    string
		isError bool
		stored  string // the subscription expected afterwards, "" for none
	}{
		{name: "non-admin refused", req: adapters.Request{User: "U-RANDOM", Args: []string{"https://93.184.215.14/feed"}},
			want: "Only admins", isError: true},
		{name: "platform admin", req: adapters.Request{User: "U-RANDOM", Admin: true, Args: []string{"https://93.184.215.14/feed"}},
			want: "Subscribed to https://93.184.215.14/feed", stored: "https://93.184.215.14/feed"},
		{name: "configured admin, Slack link syntax", req: adapters.Request{User: "U-ADMIN", Args: []string{"<HTTPS://93.184.215.14/rss#top|feed>"}},
			want: "Subscribed to https://93.184.215.14/rss", stored: "https://93.184.215.14/rss"},
		{name: "platform-qualified admin", req: adapters.Request{Platform: "matrix", User: "@boss:example.org", Args: []string{"http://93.184.215.14/"}},
			want: "Subscribed", stored: "http://93.184.215.14/"},
		{name: "loopback", req: adapters.Request{Admin: true, Args: []string{"http://127.0.0.1:8080/feed"}},
			want: "private, loopback or link-local", isError: true},
		{name: "localhost by name", req: adapters.Request{Admin: true, Args: []string{"http://localhost/feed"}},
			want: "Refused: localhost resolves to", isError: true},
		{name: "private 10/8", req: adapters.Request{Admin: true, Args: []string{"http://10.1.2.3/feed"}},
			want: "10.1.2.3, a private", isError: true},
		{name: "link-local metadata", req: adapters.Request{Admin: true, Args: []string{"http://169.254.169.254/latest/meta-data"}},
			want: "169.254.169.254", isError: true},
		{name: "IPv6 loopback", req: adapters.Request{Admin: true, Args: []string{"http://[::1]/feed"}},
			want: "::1", isError: true},
		{name: "IPv4-mapped loopback", req: adapters.Request{Admin: true, Args: []string{"http://[::ffff:127.0.0.1]/feed"}},
			want: "127.0.0.1", isError: true},
		{name: "private allowed by config", allow: true, req: adapters.Request{Admin: true, Args: []string{"http://10.1.2.3/feed"}},
			want: "Subscribed", stored: "http://10.1.2.3/feed"},
		{name: "not http", req: adapters.Request{Admin: true, Args: []string{"file:///etc/passwd"}},
			want: "full http:// or https:// URL", isError: true},
		{name: "credentials in URL", req: adapters.Request{Admin: true, Args: []string{"https://user:pw@93.184.215.14/feed"}},
			want: "user name or password", isError: true},
		{name: "no URL", req: adapters.Request{Admin: true},
			want: "Give one URL", isError: true},
		{name: "configured source", req: adapters.Request{Admin: true, Args: []string{"https://news.example/feed"}},
			want: "already a configured source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, st, _ := commandFixture(t)
			s.cfg.Fetch.AllowPrivateURL = tt.allow
			tt.req.Verb = "subscribe"
			if tt.req.Platform == "" {
				tt.req.Platform = "slack"
			}
			tt.req.Channel = "C1"
			r := s.HandleCommand(context.Background(), tt.req)
			if !strings.Contains(r.Text, tt.want) || r.Error != tt.isError {
				t.Fatalf("reply = %+v, want text with %q and Error=%v", r, tt.want, tt.isError)
			}
			subs, err := st.Subscriptions(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.stored == "" && len(subs) != 0:
				t.Fatalf("subscriptions = %+v, want none", subs)
			case tt.stored != "" && (len(subs) != 1 || subs[0].URL != tt.stored || subs[0].Channel != tt.req.Platform+":C1"):
				t.Fatalf("subscriptions = %+v, want %s", subs, tt.stored)
			}
		})
	}
}

func TestUnsubscribe(t *testing.T) {
	s, st, _ := commandFixture(t)
	ctx := context.Background()
	sub := func(args ...string) adapters.Reply {
		return s.HandleCommand(ctx, adapters.Request{Platform: "slack", User: "U-ADMIN", Verb: "subscribe", Args: args})
	}
	unsub := func(user string, args ...string) adapters.Reply {
		return s.HandleCommand(ctx, adapters.Request{Platform: "slack", User: user, Verb: "unsubscribe", Args: args})
	}
	if r := sub("https://93.184.215.14/feed"); r.Error {
		t.Fatalf("subscribe: %+v", r)
	}
	if r := sub("https://93.184.215.14/feed"); !strings.Contains(r.Text, "Already subscribed") {
		t.Fatalf("second subscribe: %+v", r)
	}
	if r := s.HandleCommand(ctx, adapters.Request{Verb: "feeds"}); len(r.Lines) != 2 || !strings.Contains(r.Lines[1].Text, "(subscription)") {
		t.Fatalf("feeds with a subscription: %+v", r)
	}
	if r := unsub("U-RANDOM", "https://93.184.215.14/feed"); !r.Error || !strings.Contains(r.Text, "Only admins") {
		t.Fatalf("non-admin unsubscribe: %+v", r)
	}
	if r := unsub("U-ADMIN", "https://news.example/feed"); !r.Error || !strings.Contains(r.Text, "configured source") {
		t.Fatalf("unsubscribe of a configured source: %+v", r)
	}
	if r := unsub("U-ADMIN", "https://93.184.215.14/feed"); r.Error || !strings.Contains(r.Text, "Unsubscribed") {
		t.Fatalf("unsubscribe: %+v", r)
	}
	if r := unsub("U-ADMIN", "https://93.184.215.14/feed"); !r.Error || !strings.Contains(r.Text, "no subscription") {
		t.Fatalf("second unsubscribe: %+v", r)
	}
	if subs, _ := st.Subscriptions(ctx); len(subs) != 0 {
		t.Fatalf("subscriptions left: %+v", subs)
	}
}

// panickyStore is a real store whose FindPeople panics, to check that a
// panic in a command becomes a polite answer.
type panickyStore struct{ store.Store }

func (panickyStore) FindPeople(context.Context, string) ([]store.PersonMatch, error) {
	panic("index out of range")
}

func TestCommandPanicIsRecovered(t *testing.T) {
	s, st, obs := commandFixture(t)
	s.store = panickyStore{st}
	r := s.HandleCommand(context.Background(), adapters.Request{Platform: "slack", Verb: "who", Args: []string{"x"}})
	if !r.Error || !strings.Contains(r.Text, "something went wrong") || !strings.Contains(r.Text, "who NAME") || strings.Contains(r.Text, "index out of range") {
		t.Fatalf("reply = %+v", r)
	}
	if len(obs.commands) != 1 || obs.commands[0] != "slack/who" {
		t.Fatalf("observed commands = %q", obs.commands)
	}
}

func TestCommandsRefusedWhileStopping(t *testing.T) {
	s, _, obs := commandFixture(t)
	s.stopping.Store(true)
	r := s.HandleCommand(context.Background(), adapters.Request{Platform: "matrix", Verb: "who", Args: []string{"ayrault"}})
	if !r.Error || !strings.Contains(r.Text, "restarting") {
		t.Fatalf("reply = %+v", r)
	}
	r = s.HandleCommand(context.Background(), adapters.Request{Platform: "matrix", Verb: "bogus"})
	if len(obs.commands) != 2 || obs.commands[1] != "matrix/unknown" {
		t.Fatalf("observed %q: unknown verbs must share one label", obs.commands)
	}
}

func TestParseSince(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		err  bool
	}{
		{"24h", 24 * time.Hour, false},
		{"90m", 90 * time.Minute, false},
		{"3d", 72 * time.Hour, false},
		{"2w", 14 * 24 * time.Hour, false},
		{"0h", 0, true},
		{"-2h", 0, true},
		{"d", 0, true},
		{"32d", 0, true},
		{"soon", 0, true},
	}
	for _, tt := range tests {
		got, err := parseSince(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("parseSince(%q) = %s, %v", tt.in, got, err)
		}
	}
	for d, want := range map[time.Duration]string{24 * time.Hour: "24h", 30 * time.Minute: "30m", 90 * time.Minute: "1h30m", 72 * time.Hour: "3d"} {
		if got := formatSince(d); got != want {
			t.Errorf("formatSince(%s) = %q, want %q", d, got, want)
		}
	}
}

// With its source failing, a digest says so: an empty one is an outage,
// not a quiet day.
func TestDigestReportsFailingSources(t *testing.T) {
	s, st, _ := commandFixture(t)
	ctx := context.Background()
	lastOK := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	if err := st.SaveSourceState(ctx, store.SourceState{Source: "https://news.example/feed", LastSuccess: lastOK, Failures: 3, LastError: "timeout"}); err != nil {
		t.Fatal(err)
	}
	r := s.HandleCommand(ctx, adapters.Request{Platform: "matrix", Verb: "digest", Args: []string{"30m"}})
	want := "Nothing new in the last 30m. The only source is unreachable since 25 Nov 09:00 UTC: Example."
	if r.Text != want {
		t.Errorf("empty digest reply %q, want %q", r.Text, want)
	}
	r = s.HandleCommand(ctx, adapters.Request{Platform: "matrix", Verb: "digest", Args: []string{"6h"}})
	if r.Digest == nil || r.Digest.Health == nil || len(r.Digest.Health.Down) != 1 || r.Digest.Health.Down[0].Name != "Example" {
		t.Errorf("digest health = %+v", r.Digest)
	}
}
