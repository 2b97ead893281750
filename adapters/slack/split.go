package slack

import (
	"fmt"
	"strings"

	slackgo "github.com/slack-go/slack"
)

// packer cuts a stream of blocks into messages within Slack's limits. It
// keeps a story's blocks in one message when they fit in an empty one, and
// remembers which stories each message holds for its notification text.
// It is deterministic: the same blocks always give the same messages.
type packer struct {
	done []packedMessage
	cur  packedMessage
}

type packedMessage struct {
	blocks    []slackgo.Block
	chars     int
	headlines []string // escaped headlines of the stories it holds
}

func newPacker() *packer { return &packer{} }

func (p *packer) fits(blocks, chars int) bool {
	return len(p.cur.blocks)+blocks <= maxBlocksPerMessage && p.cur.chars+chars <= maxMessageText
}

func (p *packer) flush() {
	if len(p.cur.blocks) > 0 {
		p.done = append(p.done, p.cur)
	}
	p.cur = packedMessage{}
}

// add appends one block, starting a new message when it does not fit.
func (p *packer) add(b slackgo.Block, chars int) {
	if !p.fits(1, chars) {
		p.flush()
	}
	p.cur.blocks = append(p.cur.blocks, b)
	p.cur.chars += chars
}

func (p *packer) addSection(mrkdwn string) {
	p.add(section(mrkdwn), slackLen(mrkdwn))
}

// addStory appends a story's blocks after a divider, moving to a new message
// first when the whole story would not fit in the current one.
func (p *packer) addStory(blocks []renderedBlock, headline string) {
	total, chars := 1, 0
	for _, b := range blocks {
		total++
		chars += b.chars
	}
	if !p.fits(total, chars) {
		p.flush()
	}
	if len(p.cur.headlines) > 0 {
		p.add(slackgo.NewDividerBlock(), 0)
	}
	for i, b := range blocks {
		p.add(b.block, b.chars)
		if i == 0 {
			p.cur.headlines = append(p.cur.headlines, headline)
		}
	}
}

func (p *packer) hasContent() bool { return len(p.done) > 0 || len(p.cur.blocks) > 0 }

// messages ends packing and returns the messages, each with a notification
// text made of the escaped title, its part number and its headlines.
func (p *packer) messages(escapedTitle string) []Message {
	p.flush()
	msgs := make([]Message, len(p.done))
	for i, m := range p.done {
		text := escapedTitle
		if len(p.done) > 1 {
			text += fmt.Sprintf(" (%d/%d)", i+1, len(p.done))
		}
		msgs[i] = Message{Text: fallbackText(text, m.headlines), Blocks: m.blocks}
	}
	return msgs
}

// fallbackText appends whole headlines to lead while it stays under
// maxFallbackText, so an entity is never cut.
func fallbackText(lead string, headlines []string) string {
	if len(headlines) == 0 {
		return lead
	}
	var b strings.Builder
	b.WriteString(lead)
	for i, h := range headlines {
		sep := " · "
		if i == 0 {
			sep = ": "
		}
		if slackLen(b.String())+slackLen(sep)+slackLen(h) > maxFallbackText-2 {
			b.WriteString(" …")
			break
		}
		b.WriteString(sep)
		b.WriteString(h)
	}
	return b.String()
}
