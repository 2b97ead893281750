package slack

import (
	"context"
	"errors"
	"fmt"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
)

// minRateLimitWait is waited when Slack answers 429 without a usable
// Retry-After, so a retry never spins.
const minRateLimitWait = time.Second

// Deliverer posts digests to Slack channels with chat.postMessage. Messages
// of one digest are posted one after the other in the channel, not in a
// thread, so a resumed delivery needs nothing but the count already sent.
type Deliverer struct {
	api  *slackgo.Client
	opts Options
}

var _ adapters.Deliverer = (*Deliverer)(nil)

// NewDeliverer returns a Deliverer posting as the bot of opts.BotToken.
func NewDeliverer(opts Options) (*Deliverer, error) {
	if opts.BotToken == "" {
		return nil, errors.New("slack: deliverer needs a bot token")
	}
	return &Deliverer{api: newAPI(opts), opts: opts}, nil
}

// newAPI builds the slack-go client shared by delivery and Socket Mode.
func newAPI(opts Options) *slackgo.Client {
	options := []slackgo.Option{
		slackgo.OptionAPIURL(opts.apiURL()),
		slackgo.OptionHTTPClient(opts.httpClient()),
	}
	if opts.AppToken != "" {
		options = append(options, slackgo.OptionAppLevelToken(opts.AppToken))
	}
	return slackgo.New(opts.BotToken, options...)
}

// Platform implements adapters.Deliverer.
func (*Deliverer) Platform() string { return Platform }

// Deliver implements adapters.Deliverer: it renders d and posts messages
// skip..n-1 to the channel target, calling sent(i) after each.
func (dl *Deliverer) Deliver(ctx context.Context, target string, d digest.Digest, skip int, sent func(i int) error) error {
	if target == "" {
		return errors.New("slack: deliver: empty channel")
	}
	msgs := RenderDigest(d)
	for i := max(skip, 0); i < len(msgs); i++ {
		if err := dl.post(ctx, target, msgs[i]); err != nil {
			return fmt.Errorf("slack: deliver message %d/%d to %s: %w", i+1, len(msgs), target, err)
		}
		if sent != nil {
			if err := sent(i); err != nil {
				return fmt.Errorf("slack: deliver to %s: after message %d: %w", target, i+1, err)
			}
		}
	}
	return nil
}

// post sends one message. A 429 becomes an *adapters.RetryAfterError with
// Slack's Retry-After: the bot's retry stage decides whether to wait.
func (dl *Deliverer) post(ctx context.Context, channel string, m Message) error {
	_, _, err := dl.api.PostMessageContext(ctx, channel, messageOptions(m)...)
	var limited *slackgo.RateLimitedError
	if errors.As(err, &limited) {
		return &adapters.RetryAfterError{After: max(limited.RetryAfter, minRateLimitWait), Err: err}
	}
	return err
}

// messageOptions are the chat.post* options for m: its blocks and fallback
// text, with link and media previews off so article links do not unfurl.
func messageOptions(m Message) []slackgo.MsgOption {
	return []slackgo.MsgOption{
		slackgo.MsgOptionText(m.Text, false),
		slackgo.MsgOptionBlocks(m.Blocks...),
		slackgo.MsgOptionDisableLinkUnfurl(),
		slackgo.MsgOptionDisableMediaUnfurl(),
	}
}
