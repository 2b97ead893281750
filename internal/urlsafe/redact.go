package urlsafe

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"regexp"
	"strings"
)

// Redacted replaces a credential wherever Redact hides one; the same marker
// config.Redacted copies use.
const Redacted = "[redacted]"

// credentialWords are the query-parameter names, or parts of names, that
// hold credentials. A name matches when, lower-cased, it is one of them, or
// one of its parts split at _ - . or [ is one, or a part ends with one of
// credentialSuffixes (accesstoken, subscriptionkey, X-Amz-Signature).
var credentialWords = map[string]bool{
	"token": true, "key": true, "apikey": true, "api_key": true, "access_token": true,
	"secret": true, "sig": true, "signature": true, "password": true, "passwd": true,
	"pwd": true, "pass": true, "auth": true, "authorization": true, "credential": true,
	"credentials": true, "session": true, "jwt": true,
}

var credentialSuffixes = []string{"token", "key", "secret", "signature", "password", "auth"}

// IsCredentialName reports whether a query parameter (or form field) named
// name looks like it holds a credential.
func IsCredentialName(name string) bool {
	n := strings.ToLower(name)
	if credentialWords[n] {
		return true
	}
	for part := range strings.FieldsFuncSeq(n, func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == '[' || r == ']' }) {
		if credentialWords[part] {
			return true
		}
		for _, s := range credentialSuffixes {
			if strings.HasSuffix(part, s) {
				return true
			}
		}
	}
	return false
}

// Redact returns raw with its credentials replaced by [redacted]: all of its
// user info (a user name alone is often the token) and the value of every
// query or fragment parameter whose name IsCredentialName. It is the one
// function logs, metric labels, errors and chat replies use to show a URL.
// Text that does not parse as a URL is returned with anything that looks
// like a credential inside it masked, never as is.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" {
		return RedactText(cutUserinfo(raw))
	}
	user := u.User != nil
	u.User = nil
	u.RawQuery = redactParams(u.RawQuery)
	if strings.Contains(u.Fragment, "=") {
		// OAuth implicit flows carry #access_token=…
		u.RawFragment = redactParams(u.EscapedFragment())
		u.Fragment, _ = url.PathUnescape(u.RawFragment)
	}
	s := u.String()
	if user {
		// Inserted as text: the marker is for people, not a user name to
		// escape.
		if i := strings.Index(s, "//"); i >= 0 {
			s = s[:i+2] + Redacted + "@" + s[i+2:]
		}
	}
	return s
}

// cutUserinfo replaces whatever stands between scheme:// and the last @
// before the path of a URL that did not parse: a password may hold any
// byte, spaces included.
func cutUserinfo(raw string) string {
	i := strings.Index(raw, "://")
	if i < 0 {
		return raw
	}
	rest := raw[i+3:]
	end := strings.IndexByte(rest, '/')
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndexByte(rest[:end], '@')
	if at < 0 || rest[:at] == Redacted {
		return raw
	}
	return raw[:i+3] + Redacted + rest[at:]
}

// redactParams masks the credential values of a raw a=b&c=d list, keeping
// order, separators and every other byte as they were.
func redactParams(raw string) string {
	if raw == "" {
		return raw
	}
	parts := strings.Split(raw, "&")
	for i, p := range parts {
		name, _, hasValue := strings.Cut(p, "=")
		if unescaped, err := url.QueryUnescape(name); err == nil {
			name = unescaped
		}
		if hasValue && IsCredentialName(name) {
			parts[i] = p[:strings.IndexByte(p, '=')+1] + Redacted
		}
	}
	return strings.Join(parts, "&")
}

// urlInText finds URLs inside free text such as an error message.
var urlInText = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.-]*://[^\s"'<>` + "`" + `]+`)

// RedactText applies Redact to every URL inside s, and masks what is left of
// credentials in text that is not a URL (user:password@host, key=value).
func RedactText(s string) string {
	if !strings.ContainsAny(s, "@=") {
		return s // the common case: nothing that could hold a credential
	}
	s = urlInText.ReplaceAllStringFunc(s, func(m string) string {
		if u, err := url.Parse(m); err == nil && u.Opaque == "" {
			return Redact(m)
		}
		return userinfo.ReplaceAllString(m, "${1}"+Redacted+"@")
	})
	s = userinfo.ReplaceAllString(s, "${1}"+Redacted+"@")
	return looseParam.ReplaceAllStringFunc(s, func(m string) string {
		name, _, _ := strings.Cut(m, "=")
		if IsCredentialName(strings.TrimLeft(name, "?&#; ")) {
			return m[:strings.IndexByte(m, '=')+1] + Redacted
		}
		return m
	})
}

var (
	// userinfo matches scheme://anything@ that url.Parse refused.
	userinfo = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://)[^\s/]*@`)
	// looseParam matches name=value pairs in text outside a parsed URL.
	looseParam = regexp.MustCompile(`[?&#;]?[A-Za-z0-9_.\-\[\]]+=[^\s&;#]*`)
)

// Label names a source for a metric label or a log line when it has no
// configured name: its host and a short hash of the whole URL, so two
// sources on one host stay apart and nothing secret in the URL — user info,
// a token in the path or query — reaches /metrics.
func Label(name, rawURL string) string {
	if name != "" {
		return name
	}
	sum := sha256.Sum256([]byte(rawURL))
	host := ""
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		if h, ok := checkHost(u.Host); ok {
			host = h + "-"
		}
	}
	return host + hex.EncodeToString(sum[:6])
}
