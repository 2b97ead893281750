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
	return dl.DeliverMarked(ctx, target, d, adapters.Marked{Skip: skip, Sent: sent})
}

// DeliverMarked implements adapters.MarkedDeliverer: message i carries
// its marker in its metadata (event type MetadataEventType), and a message
// in doubt is looked for in the channel's history before it is posted
// again. With m.Run empty (a delivery outside a digest run) messages carry
// no marker.
func (dl *Deliverer) DeliverMarked(ctx context.Context, target string, d digest.Digest, m adapters.Marked) error {
	if target == "" {
		return errors.New("slack: deliver: empty channel")
	}
	msgs := RenderDigest(d)
	start := max(m.Skip, 0)
	if doubt := m.InDoubt; doubt != nil && doubt.Index == start && start < len(msgs) {
		posted, err := dl.findMarker(ctx, target, doubt.Marker, doubt.Since)
		if err != nil {
			return fmt.Errorf("slack: message %d/%d to %s may have been posted (marker %s) and the channel's history cannot tell, so it is not posted again yet: %w",
				start+1, len(msgs), target, doubt.Marker, err)
		}
		if posted {
			if err := notify(m.Sent, start); err != nil {
				return fmt.Errorf("slack: deliver to %s: after message %d (found posted): %w", target, start+1, err)
			}
			start++
		}
	}
	for i := start; i < len(msgs); i++ {
		var marker string
		if m.Run != "" {
			marker = Marker(m.Run, target, i, msgs[i])
			if m.Sending != nil {
				if err := m.Sending(i, marker); err != nil {
					return fmt.Errorf("slack: deliver to %s: before message %d: %w", target, i+1, err)
				}
			}
		}
		if err := dl.post(ctx, target, msgs[i], marker); err != nil {
			if m.Refused != nil && refused(err) {
				err = errors.Join(err, m.Refused(i))
			}
			return fmt.Errorf("slack: deliver message %d/%d to %s: %w", i+1, len(msgs), target, err)
		}
		if err := notify(m.Sent, i); err != nil {
			return fmt.Errorf("slack: deliver to %s: after message %d: %w", target, i+1, err)
		}
	}
	return nil
}

func notify(sent func(int) error, i int) error {
	if sent == nil {
		return nil
	}
	return sent(i)
}

// post sends one message, with marker in its metadata unless it is "". A
// 429 becomes an *adapters.RetryAfterError with Slack's Retry-After: the
// bot's retry stage decides whether to wait.
func (dl *Deliverer) post(ctx context.Context, channel string, m Message, marker string) error {
	opts := messageOptions(m)
	if marker != "" {
		opts = append(opts, slackgo.MsgOptionMetadata(markerMetadata(marker)))
	}
	_, _, err := dl.api.PostMessageContext(ctx, channel, opts...)
	return retryAfter(err)
}

// refused reports whether Slack's answer says the message was not posted:
// a rate limit, or an error answer other than the two Slack documents as
// "some aspect of the operation may have succeeded". A transport error or
// an HTTP error status leaves it unknown.
func refused(err error) bool {
	var limited *slackgo.RateLimitedError
	if errors.As(err, &limited) {
		return true
	}
	var answer slackgo.SlackErrorResponse
	if errors.As(err, &answer) {
		return answer.Err != "internal_error" && answer.Err != "fatal_error"
	}
	return false
}

// retryAfter turns Slack's 429 into an *adapters.RetryAfterError.
func retryAfter(err error) error {
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
