package urlsafe

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"nothing secret", "https://example.org/rss?page=2&lang=en", "https://example.org/rss?page=2&lang=en"},
		{"user and password", "http://feeduser:PASS@example.org/rss", "http://[redacted]@example.org/rss"},
		{"user alone", "https://TOKEN@example.org/rss", "https://[redacted]@example.org/rss"},
		{"apikey", "https://example.org/rss?apikey=SECRET&page=2", "https://example.org/rss?apikey=[redacted]&page=2"},
		{"token, access_token, api_key", "https://e.org/?token=A&access_token=B&api_key=C", "https://e.org/?token=[redacted]&access_token=[redacted]&api_key=[redacted]"},
		{"key, secret, sig, signature", "https://e.org/?key=A&secret=B&sig=C&signature=D", "https://e.org/?key=[redacted]&secret=[redacted]&sig=[redacted]&signature=[redacted]"},
		{"password, auth", "https://e.org/?password=A&auth=B", "https://e.org/?password=[redacted]&auth=[redacted]"},
		{"mixed case and compounds", "https://e.org/?ApiKey=A&accessToken=B&X-Amz-Signature=C&client_secret=D", "https://e.org/?ApiKey=[redacted]&accessToken=[redacted]&X-Amz-Signature=[redacted]&client_secret=[redacted]"},
		{"escaped name", "https://e.org/?api%5Fkey=A", "https://e.org/?api%5Fkey=[redacted]"},
		{"fragment token", "https://e.org/cb#access_token=A&state=s", "https://e.org/cb#access_token=[redacted]&state=s"},
		{"not a URL", "feeds/local.xml", "feeds/local.xml"},
		{"unparseable with password", "http://u:p@ss@[bad/x?token=T", "http://[redacted]@[bad/x?token=[redacted]"},
		{"unparseable, space in password", "https:// :p w@0 /x", "https://[redacted]@0 /x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Redact(tt.in); got != tt.want {
				t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRedactText(t *testing.T) {
	in := `ingest: GET http://feeduser:PASS@feeds.example.org/rss?apikey=SECRET: status 500; retry https://e.org/?sig=S2 later`
	got := RedactText(in)
	for _, secret := range []string{"PASS", "SECRET", "S2", "feeduser"} {
		if strings.Contains(got, secret) {
			t.Errorf("RedactText(%q) = %q shows %q", in, got, secret)
		}
	}
	if !strings.Contains(got, "feeds.example.org/rss") || !strings.Contains(got, "status 500") {
		t.Errorf("RedactText(%q) = %q lost the diagnosis", in, got)
	}
}

func TestLabel(t *testing.T) {
	secret := "http://feeduser:PASS@feeds.example.org/rss?apikey=SECRET"
	if got := Label("Wire", secret); got != "Wire" {
		t.Errorf("Label(named) = %q, want the name", got)
	}
	got := Label("", secret)
	if strings.ContainsAny(got, "@?") || strings.Contains(got, "PASS") || strings.Contains(got, "SECRET") || !strings.HasPrefix(got, "feeds.example.org-") {
		t.Errorf("Label(unnamed) = %q", got)
	}
	if other := Label("", "http://feeds.example.org/other"); other == got {
		t.Errorf("two sources on one host share the label %q", got)
	}
}

// FuzzRedact checks that a secret never survives Redact where a URL
// parser would find it: as a password, as the user name, or as the value of
// a credential-named query parameter.
func FuzzRedact(f *testing.F) {
	f.Add("user", "example.org", "apikey", "/x")
	f.Add(" ", "0", "token", "")
	f.Fuzz(func(t *testing.T, user, host, param, path string) {
		const secret = "Zq9SECRETxy"
		if strings.Contains(user+host+param+path, secret[:4]) {
			return
		}
		for _, raw := range []string{
			"https://" + user + ":" + secret + "@" + host + path,
			"https://" + secret + "@" + host + path,
			"https://" + host + path + "?" + param + "=" + secret,
		} {
			u, err := url.Parse(raw)
			if err != nil {
				continue // refused URLs are covered by TestRedact
			}
			pw, _ := u.User.Password()
			exposed := u.User.Username() == secret || pw == secret
			for name, values := range u.Query() {
				if IsCredentialName(name) && slices.Contains(values, secret) {
					exposed = true
				}
			}
			if got := Redact(raw); exposed && strings.Contains(got, secret) {
				t.Fatalf("Redact(%q) = %q", raw, got)
			}
		}
	})
}
