package bot

import (
	"context"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/store"
)

// commandTimeout bounds one command: chat platforms expect an answer within
// seconds, and a stuck lookup must not pile up goroutines.
const commandTimeout = 20 * time.Second

// Usage is the help text, also the answer to anything not understood.
const Usage = `who NAME — who this person is: titles, affiliation, latest quotes
quotes NAME [WORDS…] [N] — the latest N quotes of a person (default 5, at most 20), on WORDS if given (quotes lavrov aleppo)
digest [SINCE] [public] — a digest of what arrived in the last SINCE (default 24h; e.g. 6h, 3d); only you see it unless "public"
feeds — the sources and subscriptions, with their last success and errors
subscribe URL — poll a feed or page (admins only)
unsubscribe URL — stop polling a subscribed URL (admins only)
help — this text`

const (
	defaultQuotes = 5
	maxQuotes     = 20
	whoQuotes     = 3
)

// verbs maps each verb to its handler; the keys are also the metric labels.
var verbs = map[string]func(s *Service, ctx context.Context, req adapters.Request) adapters.Reply{
	"who":         (*Service).cmdWho,
	"quotes":      (*Service).cmdQuotes,
	"digest":      (*Service).cmdDigest,
	"feeds":       (*Service).cmdFeeds,
	"subscribe":   (*Service).cmdSubscribe,
	"unsubscribe": (*Service).cmdUnsubscribe,
	"help":        func(*Service, context.Context, adapters.Request) adapters.Reply { return usageReply("", false) },
}

// HandleCommand answers one chat command; it implements
// adapters.CommandHandler. It never panics and never returns an internal
// error's details beyond one line: anything unexpected is logged and the
// user gets a short apology with the usage.
func (s *Service) HandleCommand(ctx context.Context, req adapters.Request) (reply adapters.Reply) {
	start := time.Now()
	verb := strings.ToLower(strings.TrimSpace(req.Verb))
	handler, known := verbs[verb]
	label := verb
	if !known {
		label = "unknown"
	}
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("command panicked", "platform", req.Platform, "verb", label, "panic", r, "stack", string(debug.Stack()))
			reply = usageReply("Sorry, something went wrong answering that. It has been logged.", true)
		}
		s.obs.CommandHandled(req.Platform, label, time.Since(start))
	}()
	if s.stopping.Load() {
		return adapters.Reply{Text: "attache is restarting; please try again in a minute.", Ephemeral: true, Error: true}
	}
	if !known {
		text := "Unknown command."
		if verb == "" {
			text = ""
		}
		return usageReply(text, verb != "")
	}
	ctx, cancel := context.WithTimeout(ctx, commandTimeout)
	defer cancel()
	return handler(s, ctx, req)
}

// usageReply is the help text, after an optional one-line explanation.
func usageReply(problem string, isError bool) adapters.Reply {
	text := Usage
	if problem != "" {
		text = problem + "\n\n" + Usage
	}
	return adapters.Reply{Title: "attache commands", Text: text, Ephemeral: true, Error: isError}
}

// errorReply refuses a request with one explanatory line.
func errorReply(text string) adapters.Reply {
	return adapters.Reply{Text: text, Ephemeral: true, Error: true}
}

func (s *Service) cmdWho(ctx context.Context, req adapters.Request) adapters.Reply {
	name := strings.TrimSpace(strings.Join(req.Args, " "))
	if name == "" {
		return usageReply("Whom should I look up? For example: who Ayrault", true)
	}
	return Who(ctx, s.store, name, whoQuotes)
}

func (s *Service) cmdQuotes(ctx context.Context, req adapters.Request) adapters.Reply {
	args := req.Args
	n := defaultQuotes
	// A trailing number is the count: "quotes ban ki-moon 3".
	if len(args) > 1 {
		if v, err := strconv.Atoi(args[len(args)-1]); err == nil {
			if v < 1 {
				return errorReply("The number of quotes must be at least 1.")
			}
			n = min(v, maxQuotes)
			args = args[:len(args)-1]
		}
	}
	if strings.TrimSpace(strings.Join(args, " ")) == "" {
		return usageReply("Whose quotes? For example: quotes Ayrault 3", true)
	}
	name, words, err := SplitNameWords(ctx, s.store, args)
	if err != nil {
		return lookupFailed(err)
	}
	return Quotes(ctx, s.store, name, store.QuoteQuery{Words: words, Limit: n})
}

// maxNameWords is the most words a name has (the store refuses longer).
const maxNameWords = 12

// SplitNameWords splits "lavrov aleppo" or "sergei lavrov aleppo syria"
// into the name and the words to find in the quotes: the name is the
// longest run of leading arguments that names someone; when none does,
// all of them are the name (and the lookup says no one is called that).
func SplitNameWords(ctx context.Context, st store.Store, args []string) (string, []string, error) {
	for k := min(len(args), maxNameWords); k >= 1; k-- {
		ms, err := st.FindPeople(ctx, strings.Join(args[:k], " "))
		if err != nil {
			return "", nil, err
		}
		if len(ms) > 0 {
			return strings.Join(args[:k], " "), args[k:], nil
		}
	}
	return strings.Join(args, " "), nil, nil
}

// isAdmin reports whether req may manage sources: the platform said so
// (Slack or Matrix admins, room power level), or bot.admins lists the user,
// bare or platform-qualified ("slack:U123").
func (s *Service) isAdmin(req adapters.Request) bool {
	if req.Admin {
		return true
	}
	if req.User == "" {
		return false
	}
	return slices.Contains(s.cfg.Bot.Admins, req.User) || slices.Contains(s.cfg.Bot.Admins, req.Platform+":"+req.User)
}
