// Package slack is attache's Slack adapter. It owns everything Slack-shaped:
// rendering digests and command replies as Block Kit messages with all
// article-derived text escaped (render.go), posting digests with
// chat.postMessage while waiting out rate limits (deliverer.go), verifying
// and answering slash commands sent over HTTP (verify.go, commands.go) or
// over Socket Mode (socketmode.go), and answering slow commands later through
// the command's response_url (respond.go). It talks to Slack only through
// slack-go and knows nothing about storage or extraction.
package slack

import (
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/attache-bot/attache/config"
)

// Platform is the config name of this adapter.
const Platform = "slack"

// Defaults used when the matching Options field is zero.
const (
	DefaultAPIURL       = "https://slack.com/api/"
	DefaultAckTimeout   = 2 * time.Second
	DefaultReplyTimeout = 2 * time.Minute
)

// DefaultResponseURLAllow is where response_url answers may be posted when
// Options.ResponseURLAllow is empty: Slack's own webhook host.
var DefaultResponseURLAllow = []string{"https://hooks.slack.com/"}

// Options configures the Slack adapter. The zero value of every field but
// BotToken and SigningSecret (or AppToken) has a sensible default.
type Options struct {
	BotToken      string // xoxb-…, for chat.postMessage
	SigningSecret string // verifies slash commands sent over HTTP
	AppToken      string // xapp-…, enables Socket Mode
	APIURL        string // Slack Web API base, DefaultAPIURL when ""
	Admins        []string
	// Commands are extra per-verb slash commands such as "/who"; /attache
	// is always accepted.
	Commands []string
	// Now is the clock used to judge request timestamps; time.Now when nil.
	Now        func() time.Time
	HTTPClient *http.Client
	// ResponseURLAllow lists the URL prefixes (scheme://host/path…) a
	// response_url may start with; DefaultResponseURLAllow when empty.
	ResponseURLAllow []string
	// Logger receives what cannot be returned (late command replies);
	// slog.Default() when nil.
	Logger *slog.Logger

	// AckTimeout is how long a command may take before it is acknowledged
	// with "Working on it…" and answered later; DefaultAckTimeout when 0.
	// Slack drops commands not acknowledged within 3 seconds.
	AckTimeout time.Duration
	// ReplyTimeout bounds a command answered later; DefaultReplyTimeout when 0.
	ReplyTimeout time.Duration
}

// OptionsFrom maps the slack section of the configuration to Options; the
// caller adds what the configuration does not hold (clock, HTTP client,
// rate-limit hook, logger).
func OptionsFrom(c config.Slack) Options {
	return Options{
		BotToken:      c.BotToken,
		SigningSecret: c.SigningSecret,
		AppToken:      c.AppToken,
		APIURL:        c.APIURL,
		Admins:        slices.Clone(c.Admins),
		Commands:      slices.Clone(c.Commands),
	}
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

func (o Options) logger() *slog.Logger {
	if o.Logger != nil {
		return o.Logger
	}
	return slog.Default()
}

func (o Options) apiURL() string {
	if o.APIURL == "" {
		return DefaultAPIURL
	}
	if !strings.HasSuffix(o.APIURL, "/") {
		return o.APIURL + "/"
	}
	return o.APIURL
}

func (o Options) httpClient() *http.Client {
	if o.HTTPClient != nil {
		return o.HTTPClient
	}
	return &http.Client{Timeout: 30 * time.Second}
}

func (o Options) ackTimeout() time.Duration {
	if o.AckTimeout > 0 {
		return o.AckTimeout
	}
	return DefaultAckTimeout
}

func (o Options) replyTimeout() time.Duration {
	if o.ReplyTimeout > 0 {
		return o.ReplyTimeout
	}
	return DefaultReplyTimeout
}

func (o Options) responseURLAllow() []string {
	if len(o.ResponseURLAllow) > 0 {
		return o.ResponseURLAllow
	}
	return DefaultResponseURLAllow
}

func (o Options) isAdmin(user string) bool { return slices.Contains(o.Admins, user) }
