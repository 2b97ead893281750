package telemetry

import (
	"fmt"
	"log/slog"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/internal/urlsafe"
)

// Redacted replaces the value of every attribute that holds a secret; the
// same marker config.Redacted copies use.
const Redacted = config.Redacted

// secretKeySuffixes are the attribute (or struct field) names, lower-cased,
// whose values are secrets; a key matches when it equals one of them or ends
// with "_" or "-" plus one of them (bot_token, signing_secret, db-password).
var secretKeySuffixes = []string{
	"token", "secret", "password", "passwd", "authorization", "api_key", "apikey", "cookie",
	"accesstoken", "bottoken", "apptoken", "signingsecret", "metricstoken", // Go field names
}

// dsnKeys are attributes holding a database DSN or URL: shown with the
// password masked, since the host and database name help operators.
var dsnKeys = map[string]bool{"dsn": true, "database_url": true, "databaseurl": true}

// isSecretKey reports whether an attribute or field named key holds a secret.
// It runs for every attribute of every log line, so it does not allocate.
func isSecretKey(key string) bool {
	k := strings.ToLower(key) // no copy when key is already lower case
	for _, s := range secretKeySuffixes {
		if !strings.HasSuffix(k, s) {
			continue
		}
		if n := len(k) - len(s); n == 0 || k[n-1] == '_' || k[n-1] == '-' {
			return true
		}
	}
	return false
}

// RedactAttr is a slog.HandlerOptions.ReplaceAttr that keeps secrets out of
// logs: secret-named attributes become "[redacted]", DSNs and URLs lose their
// passwords wherever they appear in strings and errors, and structs are
// logged field by field with the same rules, so logging a whole
// configuration section cannot leak its tokens.
func RedactAttr(_ []string, a slog.Attr) (out slog.Attr) {
	// String and Error methods run here, some on typed nil pointers; a
	// panicking one must cost the value, never the log line or the process.
	defer func() {
		if recover() != nil {
			out = slog.String(a.Key, unloggable)
		}
	}()
	return slog.Attr{Key: a.Key, Value: redactValue(a.Key, a.Value, 0)}
}

// unloggable replaces a value whose String, Error or LogValue method panicked.
const unloggable = "[unloggable value]"

// maxStructDepth bounds how deep nested structs are walked.
const maxStructDepth = 4

func redactValue(key string, v slog.Value, depth int) slog.Value {
	v = v.Resolve()
	if isSecretKey(key) {
		if isEmptyValue(v) {
			return v // an unset secret is worth seeing as unset
		}
		return slog.StringValue(Redacted)
	}
	lower := strings.ToLower(key)
	switch v.Kind() {
	case slog.KindString:
		if dsnKeys[lower] {
			return slog.StringValue(redactDSN(v.String()))
		}
		return slog.StringValue(maskCredentialsInText(v.String()))
	case slog.KindGroup:
		attrs := v.Group()
		out := make([]slog.Attr, len(attrs))
		for i, a := range attrs {
			out[i] = slog.Attr{Key: a.Key, Value: redactValue(a.Key, a.Value, depth+1)}
		}
		return slog.GroupValue(out...)
	case slog.KindAny:
		return redactAny(v.Any(), depth)
	}
	return v
}

func isEmptyValue(v slog.Value) bool {
	switch v.Kind() {
	case slog.KindString:
		return v.String() == ""
	case slog.KindAny:
		return v.Any() == nil
	}
	return false
}

func redactAny(x any, depth int) slog.Value {
	switch t := x.(type) {
	case nil:
		return slog.AnyValue(nil)
	case error:
		msg := t.Error()
		if masked := maskCredentialsInText(msg); masked != msg {
			return slog.StringValue(masked)
		}
		return slog.AnyValue(t)
	case *url.URL:
		if t == nil {
			return slog.AnyValue(t)
		}
		return slog.StringValue(urlsafe.Redact(t.String()))
	case url.URL:
		return slog.StringValue(urlsafe.Redact(t.String()))
	case fmt.Stringer:
		// A type with its own String (time.Duration, net.IP, ...) chose its
		// representation; only mask credentials in it.
		s := t.String()
		if masked := maskCredentialsInText(s); masked != s {
			return slog.StringValue(masked)
		}
		return slog.AnyValue(x)
	}
	rv := reflect.ValueOf(x)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return slog.AnyValue(x)
		}
		rv = rv.Elem()
	}
	switch {
	case rv.Kind() == reflect.Struct:
		if depth >= maxStructDepth {
			return slog.StringValue("[struct]")
		}
		return structGroup(rv, depth)
	case (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) && holdsStructs(rv.Type().Elem()):
		if depth >= maxStructDepth {
			return slog.StringValue("[list]")
		}
		return listGroup(rv, depth)
	}
	return slog.AnyValue(x)
}

func holdsStructs(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct
}

// maxListItems bounds how many entries of a list of structs are logged.
const maxListItems = 32

// listGroup logs a list of structs (configured sources, channels) as a group
// keyed by index, so that each entry is redacted like a struct.
func listGroup(rv reflect.Value, depth int) slog.Value {
	n := min(rv.Len(), maxListItems)
	attrs := make([]slog.Attr, 0, n+1)
	for i := range n {
		key := strconv.Itoa(i)
		attrs = append(attrs, slog.Attr{Key: key, Value: redactValue(key, slog.AnyValue(rv.Index(i).Interface()), depth+1)})
	}
	if rv.Len() > n {
		attrs = append(attrs, slog.Int("more", rv.Len()-n))
	}
	return slog.GroupValue(attrs...)
}

// structGroup logs a struct as a group of its exported fields, each named by
// its yaml or json tag when it has one and redacted by that name and by its
// Go name.
func structGroup(rv reflect.Value, depth int) slog.Value {
	rt := rv.Type()
	attrs := make([]slog.Attr, 0, rt.NumField())
	for i := 0; i < rt.NumField(); i++ {
		field := rt.Field(i)
		if !field.IsExported() {
			continue
		}
		name := tagName(field)
		fv := slog.AnyValue(rv.Field(i).Interface())
		if isSecretKey(field.Name) && !isSecretKey(name) {
			name = field.Name // make the redaction visible under a secret-looking key
		}
		attrs = append(attrs, slog.Attr{Key: name, Value: redactValue(name, fv, depth+1)})
	}
	return slog.GroupValue(attrs...)
}

func tagName(f reflect.StructField) string {
	for _, tag := range []string{"yaml", "json"} {
		if name, _, _ := strings.Cut(f.Tag.Get(tag), ","); name != "" && name != "-" {
			return name
		}
	}
	return f.Name
}

var (
	// userinfoPassword matches the password of scheme://user:password@ in
	// free text, such as an error message quoting a connection URL.
	userinfoPassword = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://[^\s:/@]*:)([^\s@/]+)@`)
	// keyValueSecret matches password=..., token=... pairs in libpq-style
	// DSNs and query strings; a quoted value may contain spaces.
	keyValueSecret = regexp.MustCompile(`(?i)\b((?:password|passwd|token|secret|access_token|api_key)\s*=\s*)('(?:[^'\\]|\\.)*'[^\s&;]*|[^\s&;]+)`)
	// bearerHeader matches an Authorization bearer value quoted in text.
	bearerHeader = regexp.MustCompile(`(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]+`)
)

// redactDSN hides the password of a DSN, as config.RedactDSN does, and also a
// password given as a URL query parameter. Handlers apply ReplaceAttr again
// to the members of a group it returned, so this must be idempotent.
func redactDSN(dsn string) string {
	return keyValueSecret.ReplaceAllString(config.RedactDSN(dsn), "${1}"+Redacted)
}

// maskCredentialsInText masks URL credentials (user info and credential
// query parameters, by urlsafe.RedactText, the project's one redaction of
// URLs), key=value secrets and bearer tokens inside arbitrary text.
func maskCredentialsInText(s string) string {
	if !strings.ContainsAny(s, "@=") && !containsFold(s, "bearer") {
		return s // the common case: nothing that could hold a credential
	}
	s = urlsafe.RedactText(s)
	s = userinfoPassword.ReplaceAllString(s, "${1}"+Redacted+"@")
	s = keyValueSecret.ReplaceAllString(s, "${1}"+Redacted)
	s = bearerHeader.ReplaceAllString(s, "${1}"+Redacted)
	return s
}

// containsFold reports whether s contains the lower-case ASCII word, in any
// case, without allocating.
func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0] && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}
