package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/attache-bot/attache/adapters"
)

// MainCommand is the slash command that takes a verb: /attache who ayrault.
const MainCommand = "/attache"

// UsageHint is the usage_hint of /attache in the app manifest, and what an
// unknown command is answered with.
const UsageHint = "who NAME | quotes NAME | digest [24h] | feeds | subscribe URL | unsubscribe URL | help"

const (
	workingText = "Working on it…"
	// maxResponseURLPosts is how many times Slack lets an app use one
	// response_url.
	maxResponseURLPosts = 5
	// maxCommandText bounds the text of a command before it is split.
	maxCommandText = 4000
)

// responseMessage is a command answer, as sent in the HTTP response, in a
// Socket Mode acknowledgement or to a response_url.
type responseMessage struct {
	ResponseType string          `json:"response_type"` // ephemeral or in_channel
	Text         string          `json:"text"`
	Blocks       []slackgo.Block `json:"blocks,omitempty"`
}

// responder turns slash commands into adapters.Requests, runs them through
// the CommandHandler and answers within Slack's 3-second deadline: with the
// reply itself when the handler is quick, else with "Working on it…" and
// the reply later on the command's response_url. HTTP and Socket Mode share it.
type responder struct {
	opts    Options
	handler adapters.CommandHandler
	api     *slackgo.Client // nil without a bot token
	log     *slog.Logger
	verbs   map[string]string // extra slash command → verb

	// base is the parent of every late reply, cancelled by shutdown.
	base   context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newResponder(opts Options, h adapters.CommandHandler) *responder {
	r := &responder{opts: opts, handler: h, log: opts.logger(), verbs: map[string]string{}}
	if opts.BotToken != "" {
		r.api = newAPI(opts)
	}
	for _, c := range opts.Commands {
		name := "/" + strings.TrimPrefix(strings.ToLower(strings.TrimSpace(c)), "/")
		if name != "/" && name != MainCommand {
			r.verbs[name] = strings.TrimPrefix(name, "/")
		}
	}
	r.base, r.cancel = context.WithCancel(context.Background())
	return r
}

// request maps a slash command to a Request; ok is false for a command this
// app does not know.
func (r *responder) request(cmd slackgo.SlashCommand) (req adapters.Request, ok bool) {
	name := strings.ToLower(strings.TrimSpace(cmd.Command))
	text := cmd.Text
	if len(text) > maxCommandText {
		text = text[:maxCommandText]
	}
	words := strings.Fields(text)
	req = adapters.Request{
		Platform: Platform,
		Channel:  cmd.ChannelID,
		User:     cmd.UserID,
		Admin:    cmd.UserID != "" && r.opts.isAdmin(cmd.UserID),
	}
	switch verb, extra := r.verbs[name]; {
	case name == MainCommand && len(words) == 0:
		req.Verb = "help"
	case name == MainCommand:
		req.Verb, req.Args = strings.ToLower(words[0]), words[1:]
	case extra:
		req.Verb, req.Args = verb, words
	default:
		return adapters.Request{}, false
	}
	if req.Args == nil {
		req.Args = []string{}
	}
	return req, true
}

// usageReply answers a command that is not ours.
func usageReply(command string) adapters.Reply {
	return adapters.Reply{
		Text:      fmt.Sprintf("Unknown command %s. Usage: %s %s", strings.TrimSpace(command), MainCommand, UsageHint),
		Ephemeral: true,
		Error:     true,
	}
}

// answer handles one verified command. ack sends the immediate answer and
// must be called exactly once, within Slack's deadline; answer returns after
// calling it, leaving any late reply to a goroutine.
func (r *responder) answer(ctx context.Context, cmd slackgo.SlashCommand, ack func(responseMessage) error) {
	req, ok := r.request(cmd)
	if !ok {
		r.ackReply(cmd, usageReply(cmd.Command), ack)
		return
	}
	replies := make(chan adapters.Reply, 1)
	late, cancel := context.WithTimeout(r.base, r.opts.replyTimeout())
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		replies <- r.handle(late, req)
	}()
	timer := time.NewTimer(r.opts.ackTimeout())
	defer timer.Stop()
	select {
	case reply := <-replies:
		cancel()
		r.ackReply(cmd, reply, ack)
	case <-timer.C:
		if err := ack(responseMessage{ResponseType: "ephemeral", Text: workingText}); err != nil {
			r.log.Warn("slack: acknowledge command", "command", cmd.Command, "err", err)
		}
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			defer cancel()
			select {
			case reply := <-replies:
				r.post(late, cmd, reply.Ephemeral || reply.Error, RenderReply(reply))
			case <-late.Done():
				r.log.Warn("slack: command got no reply in time", "command", cmd.Command, "verb", req.Verb, "err", late.Err())
			}
		}()
	case <-ctx.Done():
		cancel()
	}
}

// handle runs the command handler, turning a panic into an error reply so
// the user never sees a stack trace.
func (r *responder) handle(ctx context.Context, req adapters.Request) (reply adapters.Reply) {
	defer func() {
		if p := recover(); p != nil {
			r.log.Error("slack: command handler panicked", "verb", req.Verb, "panic", fmt.Sprint(p))
			reply = adapters.Reply{Text: "Sorry, something went wrong while answering that.", Ephemeral: true, Error: true}
		}
	}()
	return r.handler.HandleCommand(ctx, req)
}

// ackReply acknowledges with the first message of reply and sends the rest,
// if any, to the response_url.
func (r *responder) ackReply(cmd slackgo.SlashCommand, reply adapters.Reply, ack func(responseMessage) error) {
	ephemeral := reply.Ephemeral || reply.Error
	msgs := RenderReply(reply)
	if err := ack(toResponse(msgs[0], ephemeral)); err != nil {
		// An acknowledgement can be refused for size in Socket Mode; the
		// whole reply then goes to the response_url.
		r.log.Warn("slack: acknowledge command with its reply", "command", cmd.Command, "err", err)
		if err := ack(responseMessage{ResponseType: "ephemeral", Text: workingText}); err != nil {
			r.log.Warn("slack: acknowledge command", "command", cmd.Command, "err", err)
		}
	} else {
		msgs = msgs[1:]
	}
	if len(msgs) == 0 {
		return
	}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		ctx, cancel := context.WithTimeout(r.base, r.opts.replyTimeout())
		defer cancel()
		r.post(ctx, cmd, ephemeral, msgs)
	}()
}

func toResponse(m Message, ephemeral bool) responseMessage {
	kind := "in_channel"
	if ephemeral {
		kind = "ephemeral"
	}
	return responseMessage{ResponseType: kind, Text: m.Text, Blocks: m.Blocks}
}

// post delivers late messages: to the command's response_url when it is on
// an allowed host, else with the Web API when a bot token is configured.
func (r *responder) post(ctx context.Context, cmd slackgo.SlashCommand, ephemeral bool, msgs []Message) {
	if len(msgs) > maxResponseURLPosts {
		r.log.Warn("slack: reply too long for one command, truncated", "command", cmd.Command, "messages", len(msgs))
		msgs = msgs[:maxResponseURLPosts]
	}
	for _, m := range msgs {
		var err error
		switch {
		case r.responseURLAllowed(cmd.ResponseURL):
			err = r.postResponseURL(ctx, cmd.ResponseURL, toResponse(m, ephemeral))
		case r.api != nil && ephemeral:
			_, err = r.api.PostEphemeralContext(ctx, cmd.ChannelID, cmd.UserID, messageOptions(m)...)
		case r.api != nil:
			_, _, err = r.api.PostMessageContext(ctx, cmd.ChannelID, messageOptions(m)...)
		default:
			err = fmt.Errorf("response_url %q is not allowed and no bot token is configured", redactURL(cmd.ResponseURL))
		}
		if err != nil {
			r.log.Error("slack: reply to command", "command", cmd.Command, "channel", cmd.ChannelID, "err", err)
			return
		}
	}
}

// responseURLAllowed reports whether raw is an https (or allowed test)
// URL starting with one of the allowed prefixes, compared after parsing so
// that "https://hooks.slack.com.evil.example/" does not pass.
func (r *responder) responseURLAllowed(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil {
		return false
	}
	for _, prefix := range r.opts.responseURLAllow() {
		p, err := url.Parse(prefix)
		if err != nil {
			continue
		}
		if strings.EqualFold(u.Scheme, p.Scheme) && strings.EqualFold(u.Host, p.Host) && strings.HasPrefix(u.Path, p.Path) {
			return true
		}
	}
	return false
}

func (r *responder) postResponseURL(ctx context.Context, target string, msg responseMessage) error {
	body, err := json.Marshal(msg)
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("response_url request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := r.opts.httpClient().Do(req)
	if err != nil {
		return fmt.Errorf("post to response_url: %w", err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("post to response_url: %s: %s", resp.Status, bytes.TrimSpace(answer))
	}
	return nil
}

// redactURL keeps the host of a response_url: its path is a credential.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(invalid)"
	}
	return u.Scheme + "://" + u.Host + "/…"
}

// shutdown waits for late replies until ctx ends, then cancels them.
func (r *responder) shutdown(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		r.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		r.cancel()
		return nil
	case <-ctx.Done():
		r.cancel()
		<-done
		return fmt.Errorf("slack: late command replies cancelled: %w", ctx.Err())
	}
}
