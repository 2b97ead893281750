package slack

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	slackgo "github.com/slack-go/slack"
)

// MetadataEventType is the event type of the metadata every digest message
// carries; its payload's "marker" is the message's idempotency marker.
const MetadataEventType = "attache_digest"

// History lookup bounds. A message in doubt was posted, if at all, while
// its chat.postMessage was in flight: after Since and within the HTTP
// client's timeout (30 s). The window allows for a few minutes of clock
// difference between this host and Slack, and the page limit bounds the
// work in a busy channel; a lookup that reaches it fails instead of
// guessing.
const (
	historyBefore   = 5 * time.Minute
	historyAfter    = 15 * time.Minute
	historyPageSize = 200
	historyMaxPages = 10
)

// Marker is the idempotency marker of message i of a digest run posted to
// channel: a hash of all four, so the same run posts the same message with
// the same marker on every attempt, and no two runs or messages share one.
func Marker(run, channel string, i int, m Message) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00%s\x00", run, channel, i, m.Text)
	// Blocks marshal deterministically (struct fields in order).
	if blocks, err := json.Marshal(m.Blocks); err == nil {
		h.Write(blocks)
	}
	return "attache-" + hex.EncodeToString(h.Sum(nil)[:16])
}

func markerMetadata(marker string) slackgo.SlackMetadata {
	return slackgo.SlackMetadata{EventType: MetadataEventType, EventPayload: map[string]any{"marker": marker}}
}

// findMarker reports whether a message carrying marker is in the channel's
// history around since. An error means it cannot tell (no history scope,
// bot not in the channel, Slack unreachable, too many messages).
func (dl *Deliverer) findMarker(ctx context.Context, channel, marker string, since time.Time) (bool, error) {
	params := &slackgo.GetConversationHistoryParameters{
		ChannelID:          channel,
		Oldest:             slackTS(since.Add(-historyBefore)),
		Latest:             slackTS(since.Add(historyAfter)),
		Limit:              historyPageSize,
		Inclusive:          true,
		IncludeAllMetadata: true,
	}
	for range historyMaxPages {
		resp, err := dl.api.GetConversationHistoryContext(ctx, params)
		if err != nil {
			return false, fmt.Errorf("conversations.history: %w", retryAfter(err))
		}
		for _, msg := range resp.Messages {
			if hasMarker(msg.Metadata, marker) {
				return true, nil
			}
		}
		if !resp.HasMore || resp.ResponseMetaData.NextCursor == "" {
			return false, nil
		}
		params.Cursor = resp.ResponseMetaData.NextCursor
	}
	return false, fmt.Errorf("conversations.history: more than %d messages around %s", historyPageSize*historyMaxPages, since.UTC().Format(time.RFC3339))
}

func hasMarker(md slackgo.SlackMetadata, marker string) bool {
	if md.EventType != MetadataEventType {
		return false
	}
	got, _ := md.EventPayload["marker"].(string)
	return got == marker
}

// slackTS is t as a Slack timestamp ("seconds.micros").
func slackTS(t time.Time) string {
	if t.Unix() < 0 {
		return "0"
	}
	return strconv.FormatInt(t.Unix(), 10) + "." + fmt.Sprintf("%06d", t.Nanosecond()/1000)
}
