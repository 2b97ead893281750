package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/digest"
	"github.com/attache-bot/attache/store"
)

// Delivery is idempotent because every step is recorded before the next:
//
//  1. ClaimDigestRun fixes the run's article range (after, upto] in the store
//     before anything is posted; a second claim of the same slot (a restart,
//     another replica) gets claimed=false once it is delivered.
//  2. Each posted message is recorded (MarkDigestMessageSent) right after
//     the platform accepts it, so a retry skips exactly the messages already
//     posted. The digest is rebuilt from the same range with the slot as its
//     clock, so message i is the same message on every attempt.
//  3. Before that, a marking deliverer (Slack, Matrix) has the message's
//     idempotency marker recorded (MarkDigestMessageSending). A process
//     that dies between the two leaves that message in doubt (the run's
//     Pending); the next attempt hands it back to the deliverer, which
//     finds out from the platform whether it was posted before posting it.
//  4. FinishDigestRun marks it delivered.
//
// A process that dies holding a run leaves it leased for digestLease. A
// restart of the same replica identity takes it back at start (takeBack);
// another replica waits for the lease to expire.
//
// A failed run stays the channel's newest run. Before claiming a new slot,
// channelTick retries that run (same range, same Sent) and claims nothing
// new until it is delivered: a later run starts where the failed one ends,
// so skipping it would skip its articles. Retries come from a backoff timer
// and from every later activation, whichever is first.
//
// A run held by another replica is usually being posted by it right now,
// but that replica may have died; then the run is free only once its lease
// expires. So a replica that finds a run held comes back to it with the
// same backoff timer (errRunHeld) instead of waiting for the next
// activation, which may be a day away.

// errRunHeld reports that another replica holds an undelivered run of the
// channel under a live lease: not a failure, but worth a later look.
var errRunHeld = errors.New("the digest run is held by another replica")

// runHeldError is errRunHeld for one slot, so that it is logged once per
// run rather than at every look.
type runHeldError struct{ slot time.Time }

func (e *runHeldError) Error() string {
	return errRunHeld.Error() + " (slot " + e.slot.UTC().Format(time.RFC3339) + ")"
}

func (e *runHeldError) Unwrap() error { return errRunHeld }

// errNotHere reports that this replica cannot deliver to the channel's
// platform now (an adapters.Placed deliverer, such as encrypted Matrix on a
// replica without the Matrix lease): the run is left to the one that can,
// and looked at again later in case leadership moves here.
var errNotHere = errors.New("the platform delivers on another replica")

// channelTick delivers the channel's digest for the slot current at now,
// after finishing any earlier undelivered run.
func (s *Service) channelTick(ctx context.Context, ch *channel, now time.Time) error {
	slot := ch.slotAt(now)
	if slot.IsZero() {
		return fmt.Errorf("bot: channel %s: no activation of %q before %s", ch.cfg.Name, ch.cfg.Schedule, now)
	}
	last, err := s.store.LastDigestRun(ctx, ch.cfg.Name)
	// firstAfter only matters to a channel's first run; the store starts
	// every other run where the previous one ended.
	var firstAfter int64
	switch {
	case errors.Is(err, store.ErrNotFound):
		if firstAfter, err = s.backlogStart(ctx, slot.Add(-s.cfg.BacklogFor(ch.cfg))); err != nil {
			return fmt.Errorf("bot: channel %s: %w", ch.cfg.Name, err)
		}
	case err != nil:
		return fmt.Errorf("bot: channel %s: last digest run: %w", ch.cfg.Name, err)
	case !last.Delivered && !last.Slot.Equal(slot):
		// Nothing new is claimed until the earlier run is delivered, here
		// or by the replica holding it (errRunHeld).
		if err := s.deliverSlot(ctx, ch, last.Slot, 0); err != nil {
			return fmt.Errorf("bot: channel %s: retry of slot %s: %w", ch.cfg.Name, last.Slot.Format(time.RFC3339), err)
		}
	}
	if err := s.deliverSlot(ctx, ch, slot, firstAfter); err != nil {
		return fmt.Errorf("bot: channel %s: slot %s: %w", ch.cfg.Name, slot.Format(time.RFC3339), err)
	}
	return nil
}

// deliverSlot claims the channel's run for slot and delivers it. A run
// already delivered is nothing to do; one held by another live replica is
// errRunHeld.
func (s *Service) deliverSlot(ctx context.Context, ch *channel, slot time.Time, firstAfter int64) error {
	// A database deleted, replaced or unwritable under us would lose the
	// record of what is posted: posting then risks posting it all again
	// after a restart, so nothing is delivered until it is back.
	if err := s.store.Check(ctx); err != nil {
		return err
	}
	if p, ok := s.deliverers[ch.cfg.Platform].(adapters.Placed); ok && !p.CanDeliver() {
		return errNotHere
	}
	run, claimed, err := s.store.ClaimDigestRun(ctx, ch.cfg.Name, slot, s.holder, digestLease, firstAfter)
	if err != nil {
		return fmt.Errorf("claim: %w", err)
	}
	if !claimed {
		if run.Delivered {
			return nil
		}
		return &runHeldError{slot: slot}
	}
	platform := ch.cfg.Platform
	log := s.log.With("channel", ch.cfg.Name, "slot", slot, "run", run.ID)

	err = s.deliverRun(ctx, ch, run)
	// The run's outcome is recorded even when ctx was cancelled mid-way:
	// releasing the lease lets the next start take over at once.
	finishCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err != nil {
		if ferr := s.store.FinishDigestRun(finishCtx, run.ID, s.holder, err.Error()); ferr != nil {
			log.Error("record failed digest run", "err", ferr)
		}
		s.obs.DigestFailed(platform)
		return err
	}
	if err := s.store.FinishDigestRun(finishCtx, run.ID, s.holder, ""); err != nil {
		return fmt.Errorf("finish run %d: %w", run.ID, err)
	}
	return nil
}

// deliverRun builds the run's digest and posts the messages not yet sent.
func (s *Service) deliverRun(ctx context.Context, ch *channel, run store.DigestRun) error {
	// An empty run must not read: an UptoID of 0 means "no upper bound" to
	// ArticlesAfter, which would pull in articles stored after the claim and
	// post them again in the next run.
	var articles []store.StoredArticle
	if !run.Empty() {
		var err error
		if articles, err = s.store.ArticlesAfter(ctx, run.AfterID, run.UptoID, 0); err != nil {
			return fmt.Errorf("articles (%d, %d]: %w", run.AfterID, run.UptoID, err)
		}
	}
	d := s.buildDigest(ch, run.Slot, articles)
	// The health footer is the one part read at delivery time: a retry may
	// differ from the first attempt in that last message only.
	d.Health = s.sourceHealth(ctx)
	log := s.log.With("channel", ch.cfg.Name, "slot", run.Slot, "run", run.ID)
	if d.Empty() && !ch.cfg.PostEmpty {
		// Finishing the empty run still advances the channel's watermark.
		log.Info("nothing new; digest not posted", "articles", len(articles))
		return nil
	}
	deliverer := s.deliverers[ch.cfg.Platform]
	if deliverer == nil {
		return fmt.Errorf("no deliverer for platform %q", ch.cfg.Platform)
	}
	posted := 0
	send := s.sender(ch, run, deliverer, d, &posted)
	err := s.retryRateLimited(ctx, ch.cfg.Platform, log, func() error { return send(ctx) })
	if err != nil {
		return fmt.Errorf("deliver to %s %s (posted %d more after %d): %w", ch.cfg.Platform, ch.cfg.Target, posted, run.Sent, err)
	}
	s.obs.DigestPosted(ch.cfg.Platform)
	log.Info("digest posted", "stories", len(d.Stories), "articles", len(articles), "messages", posted, "resumed_after", run.Sent)
	return nil
}

// sender returns one attempt at posting the run's messages not yet
// recorded sent, counting them in posted. A deliverer that marks its
// messages (adapters.MarkedDeliverer) has each message's marker recorded
// before the message is posted, and is handed the message left in doubt by
// a process that died with it in flight, to find out whether it was posted
// before posting it again.
func (s *Service) sender(ch *channel, run store.DigestRun, deliverer adapters.Deliverer, d digest.Digest, posted *int) func(ctx context.Context) error {
	sent := func(ctx context.Context) func(int) error {
		return func(i int) error {
			*posted++
			return s.store.MarkDigestMessageSent(ctx, run.ID, s.holder, i, digestLease)
		}
	}
	marked, ok := deliverer.(adapters.MarkedDeliverer)
	if !ok {
		return func(ctx context.Context) error {
			return deliverer.Deliver(ctx, ch.cfg.Target, d, run.Sent+*posted, sent(ctx))
		}
	}
	// doubt follows the store's pending message between attempts (a rate
	// limit ends an attempt): set when a send begins, cleared when it is
	// recorded sent.
	var doubt *adapters.InDoubt
	if p := run.Pending; p != nil {
		doubt = &adapters.InDoubt{Index: p.Index, Marker: p.Marker, Since: p.Since}
	}
	return func(ctx context.Context) error {
		recordSent := sent(ctx)
		return marked.DeliverMarked(ctx, ch.cfg.Target, d, adapters.Marked{
			Run:     runKey(ch, run),
			Skip:    run.Sent + *posted,
			InDoubt: doubt,
			Sending: func(i int, marker string) error {
				doubt = &adapters.InDoubt{Index: i, Marker: marker, Since: s.now()}
				return s.store.MarkDigestMessageSending(ctx, run.ID, s.holder, i, marker, digestLease)
			},
			Sent: func(i int) error {
				doubt = nil
				return recordSent(i)
			},
			// A refused message (a rate limit, typically) is not in
			// doubt: the next attempt posts it without a history lookup,
			// which a platform may not allow (a Slack app without the
			// history scopes).
			Refused: func(i int) error {
				doubt = nil
				return s.store.MarkDigestMessageRefused(ctx, run.ID, s.holder, i)
			},
		})
	}
}

// runKey names a digest run in its messages' markers: the channel and the
// slot, which identify the run on every attempt and in every replica.
func runKey(ch *channel, run store.DigestRun) string {
	return ch.cfg.Name + "@" + run.Slot.UTC().Format(time.RFC3339)
}

// buildDigest turns a run's articles into the channel's digest. It depends
// only on the run (range and slot), never on the wall clock, so a retry
// renders the same messages. Articles published (or, undated, fetched) long
// before the period the digest covers are left out: a new subscription's old
// items, or a first start on a full database, must not flood the channel.
// There is no upper time bound: every article of the range was stored before
// the claim, some of them after the slot's exact time.
func (s *Service) buildDigest(ch *channel, slot time.Time, articles []store.StoredArticle) digest.Digest {
	d := digest.Build(articles, digest.Options{
		Title:      "attache digest — " + slot.In(ch.loc).Format("Mon 2 Jan 2006, 15:04 MST"),
		Since:      slot.Add(-ch.period(slot) - s.cfg.BacklogFor(ch.cfg)),
		Now:        slot,
		MaxStories: ch.cfg.MaxStories,
		Filter: digest.Filter{
			Keywords:  ch.cfg.Filter.Keywords,
			Actors:    ch.cfg.Filter.Actors,
			Countries: ch.cfg.Filter.Countries,
		},
	})
	d.Until = slot
	return d
}

// backlogStart is the watermark a channel's first run starts after: the
// newest article stored before horizon, so that the first digest covers at
// most the backlog.
func (s *Service) backlogStart(ctx context.Context, horizon time.Time) (int64, error) {
	first, err := s.store.ArticlesSince(ctx, horizon, 1)
	if err != nil {
		return 0, fmt.Errorf("backlog start: %w", err)
	}
	if len(first) > 0 {
		return first[0].ID - 1, nil
	}
	latest, err := s.store.LatestArticleID(ctx)
	if err != nil {
		return 0, fmt.Errorf("backlog start: %w", err)
	}
	return latest, nil
}
