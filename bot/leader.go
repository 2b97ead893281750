package bot

import (
	"context"
	"time"
)

// defaultLeaderLease is how long a leader lease lasts without renewal; it is
// renewed every third of that, so a dead leader is replaced within it.
const defaultLeaderLease = 30 * time.Second

// runLeased waits until this replica holds t's lease, runs the task while
// renewing the lease, and cancels the task as soon as a renewal fails (an
// expired lease may already belong to another replica: two Matrix sync loops
// would answer every command twice).
func (s *Service) runLeased(ctx context.Context, t backgroundTask) error {
	for {
		ok, err := s.store.AcquireLease(ctx, t.lease, s.holder, s.leaderLease)
		if err != nil {
			return err
		}
		if ok {
			break
		}
		if !sleepCtx(ctx, s.leaderLease/3) {
			return nil
		}
	}
	s.log.Info("leader lease acquired", "lease", t.lease)
	runCtx, cancel := context.WithCancel(ctx)
	defer func() {
		cancel()
		release, done := context.WithTimeout(context.Background(), 5*time.Second)
		defer done()
		if err := s.store.ReleaseLease(release, t.lease, s.holder); err != nil {
			s.log.Warn("release leader lease", "lease", t.lease, "err", err)
		}
	}()
	go func() {
		tick := time.NewTicker(s.leaderLease / 3)
		defer tick.Stop()
		for {
			select {
			case <-runCtx.Done():
				return
			case <-tick.C:
			}
			ok, err := s.store.AcquireLease(runCtx, t.lease, s.holder, s.leaderLease)
			if runCtx.Err() != nil {
				return
			}
			if err != nil || !ok {
				s.log.Warn("leader lease lost; stopping the task", "lease", t.lease, "err", err)
				cancel()
				return
			}
		}
	}()
	return t.run(runCtx)
}
