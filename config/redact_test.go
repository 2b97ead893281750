package config

import (
	"fmt"
	"strings"
	"testing"
)

func TestRedacted(t *testing.T) {
	c := validConfig()
	c.Slack.SigningSecret = "sig-super-secret"
	c.HTTP.MetricsToken = "metrics-super-secret"
	c.Database = Database{Driver: "postgres", DSN: "postgres://attache:pg-super-secret@127.0.0.1:5432/attache"}
	r := c.Redacted()
	dump := fmt.Sprintf("%+v", *r)
	for _, secret := range []string{"xoxb-super-secret", "syt-super-secret", "sig-super-secret", "metrics-super-secret", "pg-super-secret"} {
		if strings.Contains(dump, secret) {
			t.Errorf("redacted copy shows %q", secret)
		}
	}
	if r.Slack.BotToken != Redacted || !strings.Contains(r.Database.DSN, "127.0.0.1:5432/attache") {
		t.Errorf("redacted copy lost shape: bot %q dsn %q", r.Slack.BotToken, r.Database.DSN)
	}
	if r.Slack.AppToken != "" {
		t.Errorf("unset secret became %q; empty must stay empty so it still reads as unset", r.Slack.AppToken)
	}
	if c.Slack.BotToken != "xoxb-super-secret" || c.Channels[0].Target != "C1" {
		t.Errorf("Redacted modified the original")
	}
}

func TestRedactDSN(t *testing.T) {
	tests := []struct{ in, want string }{
		{"attache.db", "attache.db"},
		{"postgres://u:secret@h:5432/db?sslmode=disable", "postgres://u:xxxxx@h:5432/db?sslmode=disable"},
		{"postgres://u@h/db", "postgres://u@h/db"},
		{"host=h user=u password=secret dbname=db", "host=h user=u password=[redacted] dbname=db"},
		{"host=h password='se cret' dbname=db", "host=h password=[redacted] dbname=db"},
		{"postgres://u:sec%zzret@h/db", "postgres://[redacted]"},
	}
	for _, tt := range tests {
		if got := RedactDSN(tt.in); got != tt.want {
			t.Errorf("RedactDSN(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
