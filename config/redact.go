package config

import (
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
)

// Redacted is what replaces a secret in Redacted copies.
const Redacted = "[redacted]"

// keywordPassword finds the password of a key=value PostgreSQL DSN.
var keywordPassword = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)`)

// Redacted returns a copy safe to log or print: secrets are replaced by
// "[redacted]" and a database URL keeps everything but its password.
func (c *Config) Redacted() *Config {
	cp := *c
	// Lists are cloned so that the walk below cannot write through shared
	// backing arrays into c.
	cp.Sources = slices.Clone(c.Sources)
	cp.Channels = slices.Clone(c.Channels)
	_ = walkFields(reflect.ValueOf(&cp).Elem(), "", EnvPrefix, func(f field) error {
		if f.Value.Kind() != reflect.String || f.Value.String() == "" {
			return nil
		}
		switch f.Secret {
		case "true":
			f.Value.SetString(Redacted)
		case "dsn":
			f.Value.SetString(RedactDSN(f.Value.String()))
		}
		return nil
	})
	return &cp
}

// RedactDSN hides the password of a database URL or key=value DSN and keeps
// the rest (host, database) readable for diagnosis.
func RedactDSN(dsn string) string {
	scheme, _, isURL := strings.Cut(dsn, "://")
	if !isURL {
		return keywordPassword.ReplaceAllString(dsn, "${1}"+Redacted)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		// Unparseable: the password could be anywhere in it.
		return scheme + "://" + Redacted
	}
	return u.Redacted()
}
