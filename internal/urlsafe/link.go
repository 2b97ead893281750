package urlsafe

import (
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// MaxLinkBytes bounds a link; a longer URL is shown as its label only, so a
// single link can never outgrow a chat message.
const MaxLinkBytes = 2048

// Link returns raw as a link fit to show, or "" when it is not one. The
// result is an absolute http or https URL with no user info (a link like
// https://www.reuters.com@evil.example/ would show one site and open
// another), a host that is a valid DNS name or IP literal (international
// names in their ASCII form), and only printable ASCII that needs no escaping
// in a URL: quotes, spaces, brackets of markup, |, backslash and the like are
// percent-encoded. Callers still escape & or HTML as their markup requires.
func Link(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > MaxLinkBytes || !utf8.ValidString(raw) {
		return ""
	}
	for i := 0; i < len(raw); i++ {
		// Control bytes inside a link are never part of a real address;
		// url.Parse would accept some of them in a query. A space is only
		// sloppy and gets encoded.
		if c := raw[i]; c < ' ' || c == 0x7f {
			return ""
		}
	}
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" || u.User != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return ""
	}
	host, ok := checkHost(u.Host)
	if !ok {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = host
	// The host is canonical already; brackets are syntax only there.
	prefix := u.Scheme + "://" + u.Host
	out := prefix + encodeUnsafe(strings.TrimPrefix(u.String(), prefix))
	if len(out) > MaxLinkBytes {
		return ""
	}
	return out
}

// checkHost validates the host[:port] of a URL and returns it in canonical
// form: a lower-case ASCII DNS name, an IPv4 address or a bracketed IPv6
// address, with an optional numeric port.
func checkHost(hostport string) (string, bool) {
	host, port := hostport, ""
	if i := strings.LastIndexByte(hostport, ':'); i >= 0 && !strings.HasSuffix(hostport, "]") {
		host, port = hostport[:i], hostport[i+1:]
		if port == "" {
			return "", false
		}
	}
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || port[0] == '0' || strings.ContainsAny(port, "+-") {
			return "", false
		}
		port = ":" + port
	}
	if strings.HasPrefix(host, "[") {
		if !strings.HasSuffix(host, "]") {
			return "", false
		}
		addr, err := netip.ParseAddr(host[1 : len(host)-1])
		if err != nil || !addr.Is6() || addr.Zone() != "" {
			return "", false
		}
		return "[" + addr.String() + "]" + port, true
	}
	if addr, err := netip.ParseAddr(host); err == nil && addr.Is4() {
		return addr.String() + port, true
	}
	ascii, err := idna.Lookup.ToASCII(host)
	if err != nil || !validDNSName(ascii) {
		return "", false
	}
	if again, err := idna.Lookup.ToASCII(ascii); err != nil || again != ascii {
		return "", false // a name that is not stable is not a name
	}
	return ascii + port, true
}

// validDNSName reports whether name is a syntactically valid host name:
// dot-separated labels of letters, digits, hyphens (not at either end) and,
// as some real hosts use them, underscores; at most 253 bytes.
func validDNSName(name string) bool {
	name = strings.TrimSuffix(name, ".")
	if name == "" || len(name) > 253 {
		return false
	}
	for label := range strings.SplitSeq(name, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	// An all-numeric name such as 1.2.3 or 0x7f.1 is an IP address in some
	// resolvers' eyes, never a name.
	last := name[strings.LastIndexByte(name, '.')+1:]
	return strings.Trim(last, "0123456789") != "" && !strings.HasPrefix(last, "0x")
}

// encodeUnsafe percent-encodes every byte of s outside the URL characters
// that no chat markup treats as syntax: RFC 3986 unreserved and the
// reserved delimiters except ' ( ) [ ], which end Markdown links or quoted
// attributes. Existing %XX escapes are kept.
func encodeUnsafe(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; linkSafe(c) {
			b.WriteByte(c)
		} else {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&0xf])
		}
	}
	return b.String()
}

func linkSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~:/?#@!$&*+,;=%", c) >= 0
}
