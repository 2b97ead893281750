package bot

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
	"github.com/attache-bot/attache/ingest"
	"github.com/attache-bot/attache/internal/urlsafe"
	"github.com/attache-bot/attache/store"
)

const (
	maxURLLength   = 2048
	resolveTimeout = 5 * time.Second
)

// cmdFeeds lists every source with how its polling goes.
func (s *Service) cmdFeeds(ctx context.Context, _ adapters.Request) adapters.Reply {
	list, err := s.sources(ctx)
	if err != nil {
		s.log.Error("feeds command", "err", err)
		return errorReply("Sorry, I could not read the subscriptions just now.")
	}
	states, err := s.store.SourceStates(ctx)
	if err != nil {
		s.log.Error("feeds command", "err", err)
		return errorReply("Sorry, I could not read the polling state just now.")
	}
	byKey := make(map[string]store.SourceState, len(states))
	for _, st := range states {
		byKey[st.Source] = st
	}
	if len(list) == 0 {
		return adapters.Reply{Title: "Sources", Text: "No sources yet. An admin can add one with: subscribe URL", Ephemeral: true}
	}
	now := s.now()
	reply := adapters.Reply{Title: fmt.Sprintf("Sources (%d)", len(list)), Ephemeral: true}
	failing := 0
	for _, src := range list {
		st := byKey[src.key]
		if st.Failures > 0 {
			failing++
		}
		line := adapters.Line{Text: urlsafe.RedactText(describeSource(src, st, now))}
		if strings.HasPrefix(src.key, "http://") || strings.HasPrefix(src.key, "https://") {
			// A URL with user info keeps no link: the renderers' link
			// policy refuses user info, and the label still names it.
			line.Label, line.URL = sourceLabel(src), urlsafe.Redact(src.key)
		} else {
			line.Text = sourceLabel(src) + " — " + line.Text
		}
		reply.Lines = append(reply.Lines, line)
	}
	if failing > 0 {
		reply.Text = fmt.Sprintf("%d of %d sources are failing.", failing, len(list))
	}
	return reply
}

// sourceHealth is the digest footer's account of the sources: each one
// whose last poll failed, by name, with its last success. nil when the
// state cannot be read (the digest then says nothing rather than guess).
func (s *Service) sourceHealth(ctx context.Context) *digest.SourceHealth {
	list, err := s.sources(ctx)
	if err != nil {
		s.log.Warn("source health for the digest", "err", err)
		return nil
	}
	states, err := s.store.SourceStates(ctx)
	if err != nil {
		s.log.Warn("source health for the digest", "err", err)
		return nil
	}
	byKey := make(map[string]store.SourceState, len(states))
	for _, st := range states {
		byKey[st.Source] = st
	}
	h := &digest.SourceHealth{Total: len(list)}
	for _, src := range list {
		if st := byKey[src.key]; st.Failures > 0 {
			h.Down = append(h.Down, digest.DownSource{Name: sourceLabel(src), Since: st.LastSuccess})
		}
	}
	return h
}

// sourceLabel names a source in chat: `feeds` answers any chat user, and a
// configured source URL may carry credentials (user info, ?token=), so an
// unnamed source shows its URL redacted.
func sourceLabel(src source) string {
	if src.name != "" {
		return src.name
	}
	return urlsafe.Redact(src.key)
}

// describeSource is one status line: "OK, 12 articles, last success 5m ago"
// or "failing (3 in a row): <error>; next try in 2h".
func describeSource(src source, st store.SourceState, now time.Time) string {
	var b strings.Builder
	switch {
	case st.LastPolled.IsZero():
		b.WriteString("not polled yet")
	case st.Failures > 0:
		fmt.Fprintf(&b, "failing (%d in a row): %s", st.Failures, oneLine(st.LastError, 200))
		if !st.LastSuccess.IsZero() {
			fmt.Fprintf(&b, "; last success %s", ago(now, st.LastSuccess))
		} else {
			b.WriteString("; never succeeded")
		}
	default:
		fmt.Fprintf(&b, "OK, last success %s", ago(now, st.LastSuccess))
	}
	fmt.Fprintf(&b, "; %d articles", st.Articles)
	if !st.NextPoll.IsZero() && st.NextPoll.After(now) {
		fmt.Fprintf(&b, "; next poll in %s", roughDuration(st.NextPoll.Sub(now)))
	}
	if src.subscribed {
		b.WriteString(" (subscription)")
	}
	return b.String()
}

func ago(now, t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return roughDuration(now.Sub(t)) + " ago"
}

// roughDuration rounds to the unit a person cares about.
func roughDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return strconv.Itoa(int(d/time.Second)) + "s"
	case d < time.Hour:
		return strconv.Itoa(int(d/time.Minute)) + "m"
	case d < 48*time.Hour:
		return strconv.Itoa(int(d/time.Hour)) + "h"
	}
	return strconv.Itoa(int(d/(24*time.Hour))) + "d"
}

// oneLine shortens an error for a chat line.
func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}

func (s *Service) cmdSubscribe(ctx context.Context, req adapters.Request) adapters.Reply {
	if !s.isAdmin(req) {
		return errorReply("Only admins can add sources.")
	}
	if len(req.Args) != 1 {
		return usageReply("Give one URL: subscribe https://example.org/feed.xml", true)
	}
	u, err := parseSubscriptionURL(req.Args[0])
	if err != nil {
		return errorReply(err.Error())
	}
	if s.isConfigured(u) {
		return adapters.Reply{Text: u + " is already a configured source.", Ephemeral: true}
	}
	if !s.cfg.Fetch.AllowPrivateURL {
		if err := s.checkPublic(ctx, u); err != nil {
			return errorReply(err.Error())
		}
	}
	created, err := s.store.AddSubscription(ctx, store.Subscription{
		URL:     u,
		Channel: req.Platform + ":" + req.Channel,
		AddedBy: req.Platform + ":" + req.User,
		AddedAt: s.now(),
	})
	if err != nil {
		s.log.Error("subscribe", "url", u, "err", err)
		return errorReply("Sorry, I could not save the subscription just now.")
	}
	if !created {
		return adapters.Reply{Text: "Already subscribed to " + u + ".", Ephemeral: true}
	}
	s.log.Info("subscribed", "url", u, "by", req.Platform+":"+req.User)
	s.wakePoller()
	return adapters.Reply{Text: "Subscribed to " + u + ". It will be polled shortly; `feeds` shows how it goes."}
}

func (s *Service) cmdUnsubscribe(ctx context.Context, req adapters.Request) adapters.Reply {
	if !s.isAdmin(req) {
		return errorReply("Only admins can remove sources.")
	}
	if len(req.Args) != 1 {
		return usageReply("Give one URL: unsubscribe https://example.org/feed.xml", true)
	}
	u, err := parseSubscriptionURL(req.Args[0])
	if err != nil {
		return errorReply(err.Error())
	}
	removed, err := s.store.RemoveSubscription(ctx, u)
	if err != nil {
		s.log.Error("unsubscribe", "url", u, "err", err)
		return errorReply("Sorry, I could not remove the subscription just now.")
	}
	if !removed {
		if s.isConfigured(u) {
			return errorReply(u + " is a configured source; remove it from the configuration file instead.")
		}
		return errorReply("There is no subscription to " + u + ".")
	}
	s.log.Info("unsubscribed", "url", u, "by", req.Platform+":"+req.User)
	return adapters.Reply{Text: "Unsubscribed from " + u + ". Its articles stay stored."}
}

func (s *Service) isConfigured(u string) bool {
	for _, c := range s.cfg.Sources {
		if c.URL == u {
			return true
		}
	}
	return false
}

// parseSubscriptionURL accepts an absolute http(s) URL, as typed or as
// Slack sends it ("<https://x|label>"), and returns it in one canonical
// form so subscribe and unsubscribe agree: scheme and host lower case, no
// fragment.
func parseSubscriptionURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if strings.HasPrefix(raw, "<") && strings.HasSuffix(raw, ">") {
		raw = raw[1 : len(raw)-1]
		if i := strings.IndexByte(raw, '|'); i >= 0 {
			raw = raw[:i]
		}
	}
	if len(raw) > maxURLLength {
		return "", fmt.Errorf("That URL is longer than %d characters.", maxURLLength)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return "", errors.New("Give a full http:// or https:// URL.")
	}
	if u.User != nil {
		return "", errors.New("URLs with a user name or password are not accepted.")
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	return u.String(), nil
}

// checkPublic refuses a URL whose host is, or resolves to, a loopback,
// private, link-local or otherwise non-public address. The fetcher checks
// again at every connection (DNS can change after this); this check gives
// the admin an immediate, clear answer.
func (s *Service) checkPublic(ctx context.Context, rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return errors.New("Give a full http:// or https:// URL.")
	}
	host := u.Hostname()
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		ctx, cancel := context.WithTimeout(ctx, resolveTimeout)
		defer cancel()
		if addrs, err = s.resolver.LookupNetIP(ctx, "ip", host); err != nil || len(addrs) == 0 {
			return fmt.Errorf("Cannot resolve %s.", host)
		}
	}
	for _, a := range addrs {
		if !ingest.IsPublic(a) {
			return fmt.Errorf("Refused: %s resolves to %s, a private, loopback or link-local address.", host, a.Unmap())
		}
	}
	return nil
}
