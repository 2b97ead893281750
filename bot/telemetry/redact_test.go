package telemetry

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/attache-bot/attache/config"
	"go.yaml.in/yaml/v3"
)

// logged returns the JSON line logged for attrs.
func logged(attrs ...any) string {
	var buf bytes.Buffer
	NewLogger(&buf, "debug", "json").Info("m", attrs...)
	return buf.String()
}

func TestRedactAttr(t *testing.T) {
	tests := []struct {
		name    string
		attrs   []any
		want    []string // substrings of the JSON line
		notWant []string
	}{
		{
			name:    "token",
			attrs:   []any{"token", "abc123"},
			want:    []string{`"token":"[redacted]"`},
			notWant: []string{"abc123"},
		},
		{
			name:    "suffixed and mixed-case names",
			attrs:   []any{"bot_token", "xoxb-1", "Signing_Secret", "ss-2", "db-password", "pw-3", "Authorization", "Bearer ab.cd"},
			want:    []string{`"bot_token":"[redacted]"`, `"Signing_Secret":"[redacted]"`, `"db-password":"[redacted]"`, `"Authorization":"[redacted]"`},
			notWant: []string{"xoxb-1", "ss-2", "pw-3", "ab.cd"},
		},
		{
			name:  "empty secret stays visibly empty",
			attrs: []any{"access_token", ""},
			want:  []string{`"access_token":""`},
		},
		{
			name:  "names that only contain a secret word are kept",
			attrs: []any{"tokens", 12, "secretary", "Ayrault", "token_count", 3},
			want:  []string{`"tokens":12`, `"secretary":"Ayrault"`, `"token_count":3`},
		},
		{
			name:    "source URL credentials in query and user info",
			attrs:   []any{"source", "http://feeduser:PASS1@feeds.example.org/rss?apikey=SECRET2&sig=SIG3&page=2", "err", errors.New("GET https://e.org/x?key=KEY4: timeout")},
			want:    []string{"feeds.example.org/rss", "page=2", "e.org/x"},
			notWant: []string{"PASS1", "SECRET2", "SIG3", "KEY4", "feeduser"},
		},
		{
			name:    "dsn keeps host, loses password",
			attrs:   []any{"dsn", "postgres://attache:hunter2hunter2@db:5432/attache?sslmode=disable"},
			want:    []string{`"dsn":"postgres://attache:xxxxx@db:5432/attache?sslmode=disable"`},
			notWant: []string{"hunter2hunter2"},
		},
		{
			name:    "key=value dsn",
			attrs:   []any{"dsn", "host=db user=attache password='p w d' dbname=attache"},
			want:    []string{`host=db user=attache password=[redacted] dbname=attache`},
			notWant: []string{"p w d"},
		},
		{
			name:  "sqlite path untouched",
			attrs: []any{"dsn", "/data/attache.db"},
			want:  []string{`"dsn":"/data/attache.db"`},
		},
		{
			name:    "password inside an error message",
			attrs:   []any{"err", fmt.Errorf("store: open: connect postgres://u:pa55word-x@db/a: refused")},
			want:    []string{`postgres://[redacted]@db/a: refused`}, // the whole user info: a user name may be the token
			notWant: []string{"pa55word-x"},
		},
		{
			name:  "plain error kept",
			attrs: []any{"err", errors.New("ingest: fetch https://example.org/feed: 503")},
			want:  []string{`"err":"ingest: fetch https://example.org/feed: 503"`},
		},
		{
			name:    "url value",
			attrs:   []any{"url", &url.URL{Scheme: "https", User: url.UserPassword("bot", "pw-in-url"), Host: "matrix.example.org"}},
			want:    []string{`"url":"https://[redacted]@matrix.example.org"`},
			notWant: []string{"pw-in-url"},
		},
		{
			name:    "secret in a query string",
			attrs:   []any{"request", "GET /hook?access_token=qq-77&x=1"},
			want:    []string{`access_token=[redacted]&x=1`},
			notWant: []string{"qq-77"},
		},
		{
			name:    "bearer in free text",
			attrs:   []any{"header", "authorization: Bearer eyJhbGciOi.xyz"},
			want:    []string{`Bearer [redacted]`},
			notWant: []string{"eyJhbGciOi"},
		},
		{
			name:    "upper-case bearer in free text",
			attrs:   []any{"note", "sent AUTHORIZATION: BEARER UPPER.tok3n"},
			want:    []string{`BEARER [redacted]`},
			notWant: []string{"UPPER.tok3n"},
		},
		{
			name:    "secrets inside a group",
			attrs:   []any{slog.Group("slack", "bot_token", "xoxb-grp", "channel", "C1")},
			want:    []string{`"slack":{"bot_token":"[redacted]","channel":"C1"}`},
			notWant: []string{"xoxb-grp"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line := logged(tt.attrs...)
			for _, w := range tt.want {
				if !strings.Contains(line, w) {
					t.Errorf("line lacks %s:\n%s", w, line)
				}
			}
			for _, nw := range tt.notWant {
				if strings.Contains(line, nw) {
					t.Errorf("line leaks %q:\n%s", nw, line)
				}
			}
		})
	}
}

// panicky is a Stringer that fails on a nil receiver, as many do.
type panicky struct{ name string }

func (p *panicky) String() string { return p.name }

func TestRedactAttrSurvivesPanickingValues(t *testing.T) {
	var nilStringer *panicky
	line := logged("who", nilStringer, "after", "still here")
	if !strings.Contains(line, `"who":"`+unloggable+`"`) || !strings.Contains(line, `"after":"still here"`) {
		t.Errorf("line = %s", line)
	}
}

func TestRedactWholeConfiguration(t *testing.T) {
	raw, err := os.ReadFile("testdata/config-with-secrets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg config.Config
	if err := yaml.Unmarshal(raw, &cfg); err != nil {
		t.Fatal(err)
	}
	secrets := regexp.MustCompile(`[A-Za-z_-]*SECRET[A-Za-z0-9_-]*`).FindAllString(string(raw), -1)
	if len(secrets) < 7 {
		t.Fatalf("fixture has %d secrets, want every secret field filled", len(secrets))
	}
	cases := map[string][]any{
		"whole config by value": {"config", cfg},
		"whole config pointer":  {"config", &cfg},
		"one section":           {"slack", cfg.Slack},
		"database":              {"database", cfg.Database},
	}
	for name, attrs := range cases {
		t.Run(name, func(t *testing.T) {
			for _, format := range []string{"json", "text"} {
				var buf bytes.Buffer
				NewLogger(&buf, "info", format).Info("loaded", attrs...)
				line := buf.String()
				for _, s := range secrets {
					if strings.Contains(line, s) {
						t.Errorf("%s line leaks %q:\n%s", format, s, line)
					}
				}
				if !strings.Contains(line, Redacted) && !strings.Contains(line, ":xxxxx@") {
					t.Errorf("%s line shows no redaction:\n%s", format, line)
				}
			}
		})
	}
	// Non-secret settings stay readable.
	line := logged("config", cfg)
	for _, keep := range []string{`"sources":{"0":{"name":"quai-dorsay"`, "C0123456789", "attache:xxxxx@db.internal:5432/attache", "@attache:example.org", `"listen":":8080"`} {
		if !strings.Contains(line, keep) {
			t.Errorf("redaction hid %q:\n%s", keep, line)
		}
	}
}

func TestRedactDSNAttr(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://attache:pw-1234@db:5432/attache", "postgres://attache:xxxxx@db:5432/attache"},
		{"postgres://attache@db/attache", "postgres://attache@db/attache"},
		{"postgres://db/attache?password=pw-1234&sslmode=require", "postgres://db/attache?password=[redacted]&sslmode=require"},
		{"host=db password=pw-1234 user=a", "host=db password=[redacted] user=a"},
		{"/data/attache.db", "/data/attache.db"},
		{"file:/data/attache.db?_pragma=busy_timeout(5000)", "file:/data/attache.db?_pragma=busy_timeout(5000)"},
	}
	for _, tt := range tests {
		for _, key := range []string{"dsn", "DATABASE_URL"} {
			line := logged(key, tt.in)
			if want := fmt.Sprintf("%q:%q", key, tt.want); !strings.Contains(line, want) {
				t.Errorf("%s=%q logged as\n%s\nwant %s", key, tt.in, line, want)
			}
			if strings.Contains(line, "pw-1234") {
				t.Errorf("%s=%q leaks the password: %s", key, tt.in, line)
			}
		}
	}
}

// FuzzRedactDSN checks that a logged PostgreSQL URL does not depend on its
// password at all: two DSNs differing only in the password must log alike.
func FuzzRedactDSN(f *testing.F) {
	f.Add("attache", "hunter2hunter2", "db:5432")
	f.Add("u", "p@ss:w/rd", "localhost")
	f.Add("", "only-password", "h")
	f.Fuzz(func(t *testing.T, user, password, host string) {
		build := func(pw string) (string, bool) {
			dsn := "postgres://" + url.UserPassword(user, pw).String() + "@" + host + "/attache"
			u, err := url.Parse(dsn)
			if err != nil || u.Host != host {
				return "", false // not a DSN the driver would accept either
			}
			got, _ := u.User.Password()
			return dsn, got == pw
		}
		dsn, ok := build(password)
		other, otherOK := build("another-password")
		if !ok || !otherOK || password == "" {
			return
		}
		masked := RedactAttr(nil, slog.String("dsn", dsn)).Value.String()
		if again := RedactAttr(nil, slog.String("dsn", masked)).Value.String(); again != masked {
			t.Fatalf("not idempotent: %q -> %q -> %q", dsn, masked, again)
		}
		if want := RedactAttr(nil, slog.String("dsn", other)).Value.String(); masked != want {
			t.Fatalf("%q logged as %q depends on the password; with another one: %q", dsn, masked, want)
		}
	})
}

func FuzzRedactText(f *testing.F) {
	f.Add("connect postgres://u:pw@db/a failed")
	f.Add("password='a b' host=x")
	f.Add("Authorization: Bearer abc.def")
	f.Fuzz(func(t *testing.T, s string) {
		once := maskCredentialsInText(s)
		if twice := maskCredentialsInText(once); twice != once {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, once, twice)
		}
		// Whatever the text, RedactAttr must return a loggable attribute.
		_ = logged("msg2", s, "err", errors.New(s))
	})
}
