package bot

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/attache-bot/attache/store"
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

// pruneOnce applies both retention settings; a failure of one does not
// keep the other from running.
func (s *Service) pruneOnce(ctx context.Context) error {
	return errors.Join(s.pruneDigestRuns(ctx), s.pruneArticles(ctx))
}

// pruneDigestRuns deletes delivered digest runs older than
// bot.digest_run_retention, keeping each channel's newest run.
func (s *Service) pruneDigestRuns(ctx context.Context) error {
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

// pruneArticles deletes articles stored longer ago than
// bot.article_retention (0: never), with their quotes and mentions. An
// article a configured channel has yet to post stays: the store keeps
// those of undelivered runs, and keepAfter those after a channel's newest
// run, where its next run starts.
func (s *Service) pruneArticles(ctx context.Context) error {
	keep := s.cfg.Bot.ArticleRetention
	if keep <= 0 {
		return nil
	}
	keepAfter, err := s.nextRunsStart(ctx)
	if err != nil {
		return err
	}
	arts, people, err := s.store.PruneArticles(ctx, s.now().Add(-keep), keepAfter)
	if arts > 0 || people > 0 {
		s.log.Info("retention: pruned articles", "articles", arts, "people", people, "older_than", keep)
	}
	return err
}

// nextRunsStart is the lowest article ID a configured channel's next run
// starts after (math.MaxInt64 when no channel has run yet: a first run
// reaches back only bot.default_backlog).
func (s *Service) nextRunsStart(ctx context.Context) (int64, error) {
	start := int64(math.MaxInt64)
	for _, ch := range s.channels {
		last, err := s.store.LastDigestRun(ctx, ch.cfg.Name)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("retention: %w", err)
		}
		start = min(start, last.UptoID)
	}
	return start, nil
}
