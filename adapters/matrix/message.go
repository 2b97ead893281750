package matrix

import (
	"encoding/json"
	"strings"

	"maunium.net/go/mautrix/event"
)

// maxContentBytes bounds the JSON content of one message: well under the
// 65,536-byte limit on a whole event (which adds IDs, signatures, hashes).
const maxContentBytes = 30_000

// message is one m.notice: a plain body and its HTML rendering.
type message struct {
	plain string
	html  string
}

// content is the event content posted for m. Every message says
// "m.mentions": {} so that text taken from articles ("@room", a user ID)
// pings nobody in clients that honour intentional mentions.
func (m message) content(rel *event.RelatesTo) *event.MessageEventContent {
	return &event.MessageEventContent{
		MsgType:       event.MsgNotice,
		Body:          m.plain,
		Format:        event.FormatHTML,
		FormattedBody: m.html,
		Mentions:      &event.Mentions{},
		RelatesTo:     rel,
	}
}

// size is the encoded size of m's content with a reply relation, the
// largest form it is sent in.
func (m message) size() int {
	rel := (&event.RelatesTo{}).SetThread("$0000000000000000000000000000000000000000000", "$0000000000000000000000000000000000000000000")
	b, err := json.Marshal(m.content(rel))
	if err != nil {
		// A struct of strings always encodes; treat the impossible as too big.
		return maxContentBytes + 1
	}
	return len(b)
}

// pack joins blocks into as few messages as fit maxContentBytes each, in
// order, never splitting a block. The split depends only on the blocks, so a
// retried delivery produces the same messages and `skip` stays meaningful.
func pack(blocks []block) []message {
	var msgs []message
	var cur []block
	for _, b := range blocks {
		if joinBlocks([]block{b}).size() > maxContentBytes {
			b = shrink(b)
		}
		if len(cur) > 0 && joinBlocks(append(cur[:len(cur):len(cur)], b)).size() > maxContentBytes {
			msgs = append(msgs, joinBlocks(cur))
			cur = nil
		}
		cur = append(cur, b)
	}
	if len(cur) > 0 {
		msgs = append(msgs, joinBlocks(cur))
	}
	return msgs
}

// joinBlocks renders blocks as one message, wrapping each run of list items
// in a single <ul>.
func joinBlocks(blocks []block) message {
	var plain, h strings.Builder
	inList := false
	for i, b := range blocks {
		switch {
		case i == 0:
		case b.listItem && inList:
			plain.WriteString("\n") // bullets of one list stay together
		default:
			plain.WriteString("\n\n")
		}
		plain.WriteString(b.plain)
		if b.listItem && !inList {
			h.WriteString("<ul>")
		} else if !b.listItem && inList {
			h.WriteString("</ul>")
		}
		inList = b.listItem
		h.WriteString(b.html)
	}
	if inList {
		h.WriteString("</ul>")
	}
	return message{plain: plain.String(), html: h.String()}
}

// shrinkRunes bounds a shrunk block: even if every rune needed the longest
// JSON escape, the plain and HTML forms together stay under maxContentBytes.
const shrinkRunes = 1500

// shrink replaces a block too big for one message by its plain text, cut
// short. Text is bounded when rendered, so this is a last resort for
// pathological input (thousands of lines of usage text, say).
func shrink(b block) block {
	plain := truncateRunes(b.plain, shrinkRunes)
	html := "<p>" + strings.ReplaceAll(esc(plain), "\n", "<br>") + "</p>"
	if b.listItem {
		html = "<li>" + strings.ReplaceAll(esc(plain), "\n", "<br>") + "</li>"
	}
	return block{plain: plain, html: html, listItem: b.listItem}
}
