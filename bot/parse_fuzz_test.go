package bot

import (
	"net/url"
	"testing"
)

func FuzzParseSince(f *testing.F) {
	for _, s := range []string{"24h", "3d", "2w", "90m", "-1d", "9999999999999999999d", "1.5h", "d", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseSince(s)
		if err != nil {
			return
		}
		if d <= 0 || d > maxDigestSince {
			t.Fatalf("parseSince(%q) = %s, outside (0, %s]", s, d, maxDigestSince)
		}
		if formatSince(d) == "" {
			t.Fatalf("formatSince(%s) is empty", d)
		}
	})
}

func FuzzParseSubscriptionURL(f *testing.F) {
	for _, s := range []string{
		"https://example.org/feed.xml", "<https://example.org/rss|rss>", "HTTP://EXAMPLE.org/#x",
		"file:///etc/passwd", "https://user:pw@example.org/", "javascript:alert(1)", "//example.org", "<>", "https://[::1]:80/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		canonical, err := parseSubscriptionURL(raw)
		if err != nil {
			return
		}
		u, err := url.Parse(canonical)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.User != nil || u.Fragment != "" {
			t.Fatalf("parseSubscriptionURL(%q) accepted %q", raw, canonical)
		}
		again, err := parseSubscriptionURL(canonical)
		if err != nil || again != canonical {
			t.Fatalf("not canonical: %q -> %q -> %q (%v)", raw, canonical, again, err)
		}
	})
}
