package bot

import (
	"context"
	"time"
)

// retentionInterval is how often old records are pruned.
const retentionInterval = time.Hour

// retentionLoop prunes old records at start and then every
// retentionInterval, on one replica at a time (a leader task): a frequent
// schedule otherwise grows digest_runs by a row per activation forever.
func (s *Service) retentionLoop(ctx context.Context) error {
	for {
		if err := s.pruneOnce(ctx); err != nil {
			s.log.Warn("retention: prune failed; will retry", "err", err)
		}
		if !sleepCtx(ctx, retentionInterval) {
			return nil
		}
	}
}

// pruneOnce deletes delivered digest runs older than
// bot.digest_run_retention, keeping each channel's newest run.
func (s *Service) pruneOnce(ctx context.Context) error {
	keep := s.cfg.Bot.DigestRunRetention
	if keep <= 0 {
		return nil
	}
	n, err := s.store.PruneDigestRuns(ctx, s.now().Add(-keep))
	if err != nil {
		return err
	}
	if n > 0 {
		s.log.Info("retention: pruned delivered digest runs", "runs", n, "older_than", keep)
	}
	return nil
}
