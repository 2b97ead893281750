package urlsafe

import (
	"net/url"
	"strings"
	"testing"
)

func TestLink(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain https", "https://www.reuters.com/world/x", "https://www.reuters.com/world/x"},
		{"http with port and query", "http://example.org:8080/a?b=1&c=2#f", "http://example.org:8080/a?b=1&c=2#f"},
		{"surrounding space", "  https://example.org/  ", "https://example.org/"},
		{"upper-case scheme and host", "HTTPS://Example.ORG/Path", "https://example.org/Path"},
		{"IPv4", "http://192.0.2.1/x", "http://192.0.2.1/x"},
		{"IPv6", "http://[2001:db8::1]:443/x", "http://[2001:db8::1]:443/x"},
		{"international host", "https://bücher.example/a", "https://xn--bcher-kva.example/a"},
		{"markup characters encoded", `https://example.org/a"b'c(d)e|f<g>h` + "`i\\j{k}^l", "https://example.org/a%22b%27c%28d%29e%7Cf%3Cg%3Eh%60i%5Cj%7Bk%7D%5El"},
		{"quote in query encoded", `https://example.org/?q="x"`, "https://example.org/?q=%22x%22"},
		{"space in path and query encoded", "https://example.org/a (1)?q=a b", "https://example.org/a%20%281%29?q=a%20b"},
		{"brackets in path encoded", "https://example.org/[x]", "https://example.org/%5Bx%5D"},

		{"empty", "", ""},
		{"relative", "/world/x", ""},
		{"scheme-relative", "//example.org/x", ""},
		{"javascript", "javascript:alert(1)", ""},
		{"data", "data:text/html,<b>x</b>", ""},
		{"ftp", "ftp://example.org/x", ""},
		{"opaque", "https:example.org", ""},
		{"user info hides the real host", "https://www.reuters.com@evil.example/x", ""},
		{"user and password", "https://u:p@example.org/", ""},
		{"quote in host (FuzzRenderDigest)", `https://"0`, ""},
		{"host with space", "https://exa mple.org/", ""},
		{"host with underscore start ok but bad char", "https://ex!ample.org/", ""},
		{"empty port", "https://example.org:/", ""},
		{"port out of range", "https://example.org:70000/", ""},
		{"label too long", "https://" + strings.Repeat("a", 64) + ".org/", ""},
		{"hyphen at label end", "https://a-.org/", ""},
		{"numeric pseudo-address", "http://0x7f.1/", ""},
		{"IPv6 zone", "http://[fe80::1%25eth0]/", ""},
		{"control character", "https://example.org/\x00", ""},
		{"newline", "https://example.org/a\nb", ""},
		{"too long", "https://example.org/" + strings.Repeat("a", MaxLinkBytes), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Link(tt.in); got != tt.want {
				t.Errorf("Link(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzLink checks the policy's promises for any input: a link, when given,
// is http(s), has no user info and a valid host, holds no markup-significant
// byte, re-parses to itself and is a fixed point of Link.
func FuzzLink(f *testing.F) {
	for _, s := range []string{"https://example.org/a?b=c#d", `https://"0`, "https://www.reuters.com@evil.example/x",
		"http://[::1]:80/", "https://bücher.example/", "javascript:alert(1)", "https://a.b/%zz?%zz", "https://a.b/?q=<>|"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		out := Link(raw)
		if out == "" {
			return
		}
		for i := 0; i < len(out); i++ {
			if c := out[i]; !linkSafe(c) && c != '[' && c != ']' {
				t.Fatalf("Link(%q) = %q holds %q", raw, out, c)
			}
		}
		u, err := url.Parse(out)
		if err != nil {
			t.Fatalf("Link(%q) = %q does not parse: %v", raw, out, err)
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.User != nil || u.Opaque != "" {
			t.Fatalf("Link(%q) = %q: scheme %q, user %v", raw, out, u.Scheme, u.User)
		}
		if h, ok := checkHost(u.Host); !ok || h != u.Host {
			t.Fatalf("Link(%q) = %q: host %q not canonical", raw, out, u.Host)
		}
		if strings.ContainsAny(out[len(u.Scheme)+3+len(u.Host):], "[]") {
			t.Fatalf("Link(%q) = %q: brackets outside the host", raw, out)
		}
		if again := Link(out); again != out {
			t.Fatalf("Link(Link(%q)) = %q, want %q", raw, again, out)
		}
	})
}
