package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

const digestRunColumns = `id, channel, slot, after_id, upto_id, sent, holder, lease_until, delivered, error, created_at, delivered_at,
	pending, pending_marker, pending_at`

// digestRun is a DigestRun with the lease columns the interface hides.
type digestRun struct {
	DigestRun
	holder     string
	leaseUntil int64
}

func scanDigestRun(row rowScanner) (digestRun, error) {
	var (
		r                      digestRun
		slot, created          int64
		deliveredAt, pendingAt sql.NullInt64
		pending                int
		marker                 string
	)
	err := row.Scan(&r.ID, &r.Channel, &slot, &r.AfterID, &r.UptoID, &r.Sent, &r.holder, &r.leaseUntil,
		&r.Delivered, &r.Error, &created, &deliveredAt, &pending, &marker, &pendingAt)
	r.Slot = time.UnixMicro(slot).UTC()
	r.CreatedAt = time.UnixMicro(created).UTC()
	r.DeliveredAt = fromMicros(deliveredAt)
	// Only the next message to post can be in doubt: one recorded sent
	// since is not.
	if pending >= 0 && pending == r.Sent && marker != "" && !r.Delivered {
		r.Pending = &PendingMessage{Index: pending, Marker: marker, Since: fromMicros(pendingAt)}
	}
	return r, err
}

// ClaimDigestRun runs in one write transaction. On PostgreSQL the existing
// run is read FOR UPDATE, and a new run is inserted with ON CONFLICT DO
// NOTHING, so of several replicas claiming the same slot at once exactly one
// creates or takes over the run; the others wait on the row and then see it
// held. On SQLite the transaction holds the only write lock.
func (s *sqlStore) ClaimDigestRun(ctx context.Context, channel string, slot time.Time, holder string, lease time.Duration, firstAfter int64) (DigestRun, bool, error) {
	if channel == "" || holder == "" {
		return DigestRun{}, false, fmt.Errorf("store: claim digest run: empty channel or holder")
	}
	var (
		run     digestRun
		claimed bool
	)
	err := s.write(ctx, func(tx *txn) error {
		now := s.now()
		until := now.Add(lease).UnixMicro()
		selectRun := `SELECT ` + digestRunColumns + ` FROM digest_runs WHERE channel = $1 AND slot = $2` + s.dialect.forUpdate
		var err error
		run, err = scanDigestRun(tx.QueryRowContext(ctx, selectRun, channel, slot.UnixMicro()))
		if errors.Is(err, sql.ErrNoRows) {
			var after, upto int64
			after, upto, err = s.nextRunRange(ctx, tx, channel, firstAfter)
			if err != nil {
				return err
			}
			row := tx.QueryRowContext(ctx, `INSERT INTO digest_runs
				(channel, slot, after_id, upto_id, holder, lease_until, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7)
				ON CONFLICT (channel, slot) DO NOTHING
				RETURNING `+digestRunColumns,
				channel, slot.UnixMicro(), after, upto, holder, until, now.UnixMicro())
			run, err = scanDigestRun(row)
			if err == nil {
				claimed = true
				return nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("insert: %w", err)
			}
			// Another replica inserted the run since we looked.
			run, err = scanDigestRun(tx.QueryRowContext(ctx, selectRun, channel, slot.UnixMicro()))
		}
		if err != nil {
			return fmt.Errorf("select: %w", err)
		}
		if run.Delivered || (run.holder != "" && run.holder != holder && run.leaseUntil > now.UnixMicro()) {
			return nil
		}
		// Unheld (a failed run), expired, or ours already: take it over,
		// keeping Sent so the new holder resumes after the last message
		// posted.
		if _, err := tx.ExecContext(ctx, `UPDATE digest_runs SET holder = $2, lease_until = $3, error = '' WHERE id = $1`,
			run.ID, holder, until); err != nil {
			return fmt.Errorf("take over: %w", err)
		}
		run.holder, run.leaseUntil, run.Error = holder, until, ""
		claimed = true
		return nil
	})
	if err != nil {
		return DigestRun{}, false, fmt.Errorf("store: claim digest run %s@%s: %w", channel, slot.Format(time.RFC3339), err)
	}
	return run.DigestRun, claimed, nil
}

// nextRunRange is (after, upto] of a channel's next run: it starts where the
// channel's newest run ended, or at firstAfter, and ends at the newest
// article stored.
func (s *sqlStore) nextRunRange(ctx context.Context, tx *txn, channel string, firstAfter int64) (after, upto int64, err error) {
	err = tx.QueryRowContext(ctx, `SELECT upto_id FROM digest_runs WHERE channel = $1 ORDER BY id DESC LIMIT 1`, channel).Scan(&after)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		after = firstAfter
	case err != nil:
		return 0, 0, fmt.Errorf("previous run: %w", err)
	}
	upto, err = latestArticleID(ctx, tx)
	if err != nil {
		return 0, 0, fmt.Errorf("latest article: %w", err)
	}
	// A backlog start beyond the newest article gives an empty run that
	// must not move the next run's start backwards.
	return after, max(upto, after), nil
}

func (s *sqlStore) MarkDigestMessageSending(ctx context.Context, runID int64, holder string, i int, marker string, lease time.Duration) error {
	if i < 0 || marker == "" {
		return fmt.Errorf("store: mark digest run %d message %d sending: negative index or empty marker", runID, i)
	}
	now := s.now()
	return s.updateHeld(ctx, fmt.Sprintf("mark digest run %d message %d sending", runID, i), holder, `UPDATE digest_runs
		SET pending = $3, pending_marker = $4, pending_at = $5, lease_until = $6
		WHERE id = $1 AND holder = $2 AND NOT delivered`,
		runID, holder, i, marker, now.UnixMicro(), now.Add(lease).UnixMicro())
}

func (s *sqlStore) MarkDigestMessageRefused(ctx context.Context, runID int64, holder string, i int) error {
	return s.updateHeld(ctx, fmt.Sprintf("mark digest run %d message %d refused", runID, i), holder, `UPDATE digest_runs SET pending = -1, pending_marker = ''
		WHERE id = $1 AND holder = $2 AND NOT delivered AND pending = $3`, runID, holder, i)
}

func (s *sqlStore) MarkDigestMessageSent(ctx context.Context, runID int64, holder string, i int, lease time.Duration) error {
	if i < 0 {
		return fmt.Errorf("store: mark digest run %d message %d sent: negative index", runID, i)
	}
	// A message recorded sent is no longer in doubt (nor any before it).
	return s.updateHeld(ctx, fmt.Sprintf("mark digest run %d message %d sent", runID, i), holder, `UPDATE digest_runs
		SET sent = CASE WHEN sent < $3 THEN $3 ELSE sent END, lease_until = $4,
			pending_marker = CASE WHEN pending < $3 THEN '' ELSE pending_marker END,
			pending = CASE WHEN pending < $3 THEN -1 ELSE pending END
		WHERE id = $1 AND holder = $2 AND NOT delivered`,
		runID, holder, i+1, s.now().Add(lease).UnixMicro())
}

func (s *sqlStore) FinishDigestRun(ctx context.Context, runID int64, holder string, errMsg string) error {
	what := fmt.Sprintf("finish digest run %d", runID)
	if errMsg == "" {
		return s.updateHeld(ctx, what, holder, `UPDATE digest_runs
			SET delivered = $3, delivered_at = $4, error = '', holder = '', lease_until = 0,
				pending = -1, pending_marker = ''
			WHERE id = $1 AND holder = $2 AND NOT delivered`, runID, holder, true, s.now().UnixMicro())
	}
	return s.updateHeld(ctx, what, holder, `UPDATE digest_runs SET error = $3, holder = '', lease_until = 0
		WHERE id = $1 AND holder = $2 AND NOT delivered`, runID, holder, errMsg)
}

// updateHeld runs an update of a digest run that holder must hold; what
// names the update in its errors ("mark digest run 3 message 2 sent"), and
// an update that changes no row fails with ErrNotHolder.
func (s *sqlStore) updateHeld(ctx context.Context, what, holder, query string, args ...any) error {
	res, err := s.w.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	if affected(res) == 0 {
		return fmt.Errorf("store: %s by %s: %w", what, holder, ErrNotHolder)
	}
	return nil
}

func (s *sqlStore) LastDigestRun(ctx context.Context, channel string) (DigestRun, error) {
	run, err := scanDigestRun(s.r.QueryRowContext(ctx, `SELECT `+digestRunColumns+` FROM digest_runs
		WHERE channel = $1 ORDER BY id DESC LIMIT 1`, channel))
	if errors.Is(err, sql.ErrNoRows) {
		return DigestRun{}, fmt.Errorf("store: last digest run of %s: %w", channel, ErrNotFound)
	}
	if err != nil {
		return DigestRun{}, fmt.Errorf("store: last digest run of %s: %w", channel, err)
	}
	return run.DigestRun, nil
}

func (s *sqlStore) PruneDigestRuns(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.w.ExecContext(ctx, `DELETE FROM digest_runs WHERE delivered AND slot < $1
		AND id NOT IN (SELECT MAX(id) FROM digest_runs GROUP BY channel)`, before.UnixMicro())
	if err != nil {
		return 0, fmt.Errorf("store: prune digest runs: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("store: prune digest runs: %w", err)
	}
	return n, nil
}

func (s *sqlStore) ReleaseHeldBy(ctx context.Context, prefix, except string) (runs, leases int64, err error) {
	if prefix == "" {
		return 0, 0, fmt.Errorf("store: release held by: empty prefix")
	}
	// substr rather than LIKE: a prefix with % or _ must match literally.
	// Both back ends count substr in characters, from 1.
	err = s.write(ctx, func(tx *txn) error {
		res, err := tx.ExecContext(ctx, `UPDATE digest_runs SET holder = '', lease_until = 0
			WHERE NOT delivered AND holder <> '' AND holder <> $2 AND substr(holder, 1, $3) = $1`,
			prefix, except, utf8.RuneCountInString(prefix))
		if err != nil {
			return fmt.Errorf("digest runs: %w", err)
		}
		runs = affected(res)
		res, err = tx.ExecContext(ctx, `DELETE FROM leases WHERE holder <> $2 AND substr(holder, 1, $3) = $1`,
			prefix, except, utf8.RuneCountInString(prefix))
		if err != nil {
			return fmt.Errorf("leases: %w", err)
		}
		leases = affected(res)
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("store: release what %s* held: %w", prefix, err)
	}
	return runs, leases, nil
}
