package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
)

const (
	defaultDigestSince = 24 * time.Hour
	maxDigestSince     = 31 * 24 * time.Hour
	// maxDigestArticles bounds what an on-demand digest reads, so a
	// "digest 30d" on a busy database stays a quick answer.
	maxDigestArticles = 2000
	commandStories    = 10
)

// cmdDigest answers "digest [SINCE] [public]" with a digest of what was
// stored in the last SINCE. It is ephemeral unless "public" is given.
func (s *Service) cmdDigest(ctx context.Context, req adapters.Request) adapters.Reply {
	since := defaultDigestSince
	public := false
	for _, arg := range req.Args {
		switch strings.ToLower(arg) {
		case "public", "share":
			public = true
		default:
			d, err := parseSince(arg)
			if err != nil {
				return usageReply(err.Error(), true)
			}
			since = d
		}
	}
	now := s.now()
	articles, err := s.store.ArticlesSince(ctx, now.Add(-since), maxDigestArticles)
	if err != nil {
		s.log.Error("digest command", "err", err)
		return errorReply("Sorry, I could not read the stored articles just now.")
	}
	d := digest.Build(articles, digest.Options{
		Title:      "attache digest — last " + formatSince(since),
		Since:      now.Add(-since),
		Until:      now,
		Now:        now,
		MaxStories: commandStories,
	})
	d.Health = s.sourceHealth(ctx)
	if d.Empty() {
		text := "Nothing new in the last " + formatSince(since) + "."
		if note := adapters.HealthNote(d); note != "" {
			text += " " + note
		}
		return adapters.Reply{Text: text, Ephemeral: !public}
	}
	return adapters.Reply{Digest: &d, Ephemeral: !public}
}

// parseSince reads a look-back such as "6h", "90m", "3d" or "2w", bounded
// to (0, maxDigestSince].
func parseSince(s string) (time.Duration, error) {
	d, err := ParseLookback(s)
	switch {
	case err != nil:
		return 0, err
	case d <= 0:
		return 0, fmt.Errorf("%q: the duration must be positive", s)
	case d > maxDigestSince:
		return 0, fmt.Errorf("%q: at most %s", s, formatSince(maxDigestSince))
	}
	return d, nil
}

// ParseLookback reads a duration as chat commands take it: a Go duration
// ("6h", "90m") or a whole number of days or weeks ("3d", "2w"). The
// command line's --since flags read the same forms.
func ParseLookback(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var d time.Duration
	var err error
	switch {
	case strings.HasSuffix(s, "d"), strings.HasSuffix(s, "w"):
		unit := 24 * time.Hour
		if strings.HasSuffix(s, "w") {
			unit *= 7
		}
		var n int
		n, err = strconv.Atoi(s[:len(s)-1])
		if err == nil && (n < 0 || n > 100_000) {
			err = fmt.Errorf("out of range")
		}
		d = time.Duration(n) * unit
	default:
		d, err = time.ParseDuration(s)
	}
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration; try 6h, 3d or 1w", s)
	}
	return d, nil
}

// formatSince writes a look-back the way a person would: "24h", "3d".
func formatSince(d time.Duration) string {
	if d >= 48*time.Hour && d%(24*time.Hour) == 0 {
		return strconv.Itoa(int(d/(24*time.Hour))) + "d"
	}
	s := d.String() // "24h0m0s", "1h30m0s", "30m0s"
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}
