package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/attache-bot/attache/adapters"
)

// CommandsPath is where Slack's slash-command requests are expected; the
// app manifest points there.
const CommandsPath = "/slack/commands"

// maxCommandBody bounds a slash-command request body; Slack's are under 4 KiB.
const maxCommandBody = 64 << 10

// Commands answers slash commands Slack sends over HTTP. Every request is
// authenticated with the signing secret before any of it is parsed; an
// unsigned, forged, stale or replayed request gets 401 and has no effect.
type Commands struct {
	verifier  *verifier
	responder *responder
	refusals  refusalLog
}

// refusalLogInterval is the least time between two log lines about refused
// requests: anyone can send forged requests, and each must not cost a line.
const refusalLogInterval = 10 * time.Second

// refusalLog logs refused requests at most once per refusalLogInterval,
// counting the ones it left out in the next line.
type refusalLog struct {
	mu         sync.Mutex
	last       time.Time
	suppressed int
}

func (l *refusalLog) log(log *slog.Logger, now time.Time, remote string, reason error) {
	l.mu.Lock()
	if !l.last.IsZero() && now.Sub(l.last) < refusalLogInterval {
		l.suppressed++
		l.mu.Unlock()
		return
	}
	suppressed := l.suppressed
	l.last, l.suppressed = now, 0
	l.mu.Unlock()
	log.Warn("slack: refused command request", "remote", remote, "reason", reason, "refused_since_last_line", suppressed)
}

var _ http.Handler = (*Commands)(nil)

// NewCommands returns the handler for CommandsPath, answering with h.
func NewCommands(opts Options, h adapters.CommandHandler) (*Commands, error) {
	if opts.SigningSecret == "" {
		return nil, errors.New("slack: slash commands over HTTP need a signing secret")
	}
	if h == nil {
		return nil, errors.New("slack: slash commands need a command handler")
	}
	return &Commands{verifier: newVerifier(opts.SigningSecret, opts.now), responder: newResponder(opts, h)}, nil
}

// ServeHTTP implements http.Handler for POST CommandsPath.
func (c *Commands) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxCommandBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read request", http.StatusBadRequest)
		return
	}
	if err := c.verifier.verify(r.Header, raw); err != nil {
		c.refusals.log(c.responder.log, c.responder.opts.now(), r.RemoteAddr, err)
		if errors.Is(err, errReplayFull) {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	cmd, err := parseCommand(r, raw)
	if err != nil {
		http.Error(w, "malformed command", http.StatusBadRequest)
		return
	}
	c.responder.answer(r.Context(), cmd, func(m responseMessage) error {
		body, err := json.Marshal(m)
		if err != nil {
			return err
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, err = w.Write(body)
		return err
	})
}

// parseCommand parses the already verified body with slack-go's parser.
func parseCommand(r *http.Request, raw []byte) (slackgo.SlashCommand, error) {
	form := r.Clone(r.Context())
	form.Body = io.NopCloser(bytes.NewReader(raw))
	form.ContentLength = int64(len(raw))
	form.Form, form.PostForm = nil, nil
	return slackgo.SlashCommandParse(form)
}

// Shutdown waits for replies still being prepared for slow commands, and
// cancels them when ctx ends first.
func (c *Commands) Shutdown(ctx context.Context) error {
	return c.responder.shutdown(ctx)
}
