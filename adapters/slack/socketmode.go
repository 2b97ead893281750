package slack

import (
	"context"
	"errors"
	"fmt"
	"strings"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/attache-bot/attache/adapters"
)

// SocketMode receives slash commands over a Socket Mode WebSocket, for
// installations without a public HTTPS endpoint. Slack authenticates the
// connection with the app-level token, so no request signing is involved;
// commands are answered by the same path as over HTTP.
type SocketMode struct {
	client    *socketmode.Client
	responder *responder
}

// NewSocketMode returns a Socket Mode receiver answering with h. It needs
// an app-level token (xapp-…) with the connections:write scope.
func NewSocketMode(opts Options, h adapters.CommandHandler) (*SocketMode, error) {
	if !strings.HasPrefix(opts.AppToken, "xapp-") {
		return nil, errors.New("slack: Socket Mode needs an app-level token starting with xapp-")
	}
	if h == nil {
		return nil, errors.New("slack: Socket Mode needs a command handler")
	}
	return &SocketMode{
		client:    socketmode.New(newAPI(opts), socketmode.OptionLog(slogLogger{opts})),
		responder: newResponder(opts, h),
	}, nil
}

// Run connects and answers commands until ctx ends or the connection fails
// for good (a revoked or invalid token). It reconnects by itself when Slack
// asks it to.
func (s *SocketMode) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	runErr := make(chan error, 1)
	go func() { runErr <- s.client.RunContext(ctx) }()
	for {
		select {
		case <-ctx.Done():
			<-runErr
			return nil
		case err := <-runErr:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("slack: socket mode: %w", err)
		case evt := <-s.client.Events:
			if err := s.dispatch(ctx, evt); err != nil {
				cancel()
				<-runErr
				return err
			}
		}
	}
}

// dispatch handles one Socket Mode event.
func (s *SocketMode) dispatch(ctx context.Context, evt socketmode.Event) error {
	log := s.responder.log
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slackgo.SlashCommand)
		if !ok || evt.Request == nil {
			log.Warn("slack: socket mode: malformed slash command event")
			return nil
		}
		envelope := evt.Request.EnvelopeID
		// Each command gets its own goroutine: the acknowledgement may wait
		// for the handler, and other commands must not queue behind it.
		s.responder.wg.Add(1)
		go func() {
			defer s.responder.wg.Done()
			s.responder.answer(ctx, cmd, func(m responseMessage) error {
				return s.client.AckCtx(ctx, envelope, m)
			})
		}()
	case socketmode.EventTypeEventsAPI, socketmode.EventTypeInteractive:
		// Not subscribed to, but acknowledged so Slack does not retry them.
		if evt.Request != nil {
			if err := s.client.AckCtx(ctx, evt.Request.EnvelopeID, nil); err != nil {
				log.Warn("slack: socket mode: acknowledge event", "type", evt.Type, "err", err)
			}
		}
	case socketmode.EventTypeInvalidAuth:
		return errors.New("slack: socket mode: the app-level token was refused")
	case socketmode.EventTypeConnectionError, socketmode.EventTypeIncomingError, socketmode.EventTypeErrorBadMessage, socketmode.EventTypeErrorWriteFailed:
		log.Warn("slack: socket mode", "event", evt.Type, "detail", fmt.Sprint(evt.Data))
	case socketmode.EventTypeConnected:
		log.Info("slack: socket mode connected")
	}
	return nil
}

// Shutdown waits for replies still being prepared for slow commands, and
// cancels them when ctx ends first.
func (s *SocketMode) Shutdown(ctx context.Context) error {
	return s.responder.shutdown(ctx)
}

// slogLogger lets slack-go's Socket Mode client log through slog at debug
// level; what matters is reported as events and logged by dispatch.
type slogLogger struct{ opts Options }

func (l slogLogger) Output(_ int, s string) error {
	l.opts.logger().Debug("slack: socket mode: " + strings.TrimSpace(s))
	return nil
}
