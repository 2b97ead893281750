package matrix

import (
	"errors"
	"strings"
)

// maxCommandBytes bounds a command line; longer ones are refused with an
// error reply rather than parsed.
const maxCommandBytes = 1024

// commandVerbs are the verbs the bot answers (adapters.Request.Verb).
var commandVerbs = map[string]bool{
	"who": true, "quotes": true, "digest": true, "feeds": true,
	"subscribe": true, "unsubscribe": true, "help": true,
}

var errCommandTooLong = errors.New("that command is too long")

// parseCommand reads a command from a message body: the prefix, a known verb
// and its arguments, on the first line that is not a reply fallback quote.
// ok is false when the message is not addressed to the bot (no prefix, or a
// verb it does not know, which may belong to another bot in the room).
func parseCommand(body, prefix string) (verb string, args []string, ok bool, err error) {
	line := firstOwnLine(body)
	if !strings.HasPrefix(line, prefix) {
		return "", nil, false, nil
	}
	rest := line[len(prefix):]
	if prefix[len(prefix)-1] != ' ' && rest != "" && !isWordStart(prefix, rest) {
		return "", nil, false, nil
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return "", nil, false, nil
	}
	verb = strings.ToLower(fields[0])
	if !commandVerbs[verb] {
		return "", nil, false, nil
	}
	if len(line) > maxCommandBytes {
		return verb, nil, true, errCommandTooLong
	}
	return verb, fields[1:], true, nil
}

// isWordStart reports whether rest may follow prefix: a symbol prefix ("!")
// is followed directly by the verb, a word prefix ("attache") by a space.
func isWordStart(prefix, rest string) bool {
	last := prefix[len(prefix)-1]
	isWordChar := last == '_' || last == '-' || ('a' <= last && last <= 'z') || ('A' <= last && last <= 'Z') || ('0' <= last && last <= '9')
	if !isWordChar {
		return true
	}
	return rest[0] == ' ' || rest[0] == '\t'
}

// firstOwnLine is the first line of body that is not part of a legacy reply
// fallback ("> <@user:server> quoted text" lines followed by a blank line).
func firstOwnLine(body string) string {
	lines := strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n")
	i := 0
	if len(lines) > 0 && strings.HasPrefix(lines[0], "> ") {
		for i < len(lines) && strings.HasPrefix(lines[i], ">") {
			i++
		}
	}
	for ; i < len(lines); i++ {
		if line := strings.TrimSpace(lines[i]); line != "" {
			return line
		}
	}
	return ""
}
