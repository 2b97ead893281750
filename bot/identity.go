package bot

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/attache-bot/attache/config"
)

// A process names itself in leases "identity/instance": the identity is the
// replica's (bot.replica_id), the same across its restarts; the instance is
// new in every process. Leases stay exclusive per process, and a process
// that starts knows that whatever an earlier instance of its identity still
// holds was left by a process that died (two live processes never share an
// identity), so it takes it back at once (takeBack) instead of waiting up
// to digestLease for it to expire. Another identity's leases are left to
// expire: that replica may be alive.

// derivedReplicaID is the replica identity when bot.replica_id is unset:
// the host name, which a container keeps across restarts, plus a hash of
// the database (password left out), so that the same host running against
// two databases, or the SQLite files of two data directories, are two
// replicas.
func derivedReplicaID(db config.Database) string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "attache"
	}
	host = strings.Map(func(r rune) rune {
		if r == '/' || unicode.IsSpace(r) || unicode.IsControl(r) {
			return '-'
		}
		return r
	}, host)
	where := config.RedactDSN(db.DSN)
	if db.Driver == "" || db.Driver == "sqlite" {
		if abs, err := filepath.Abs(db.DSN); err == nil {
			where = abs
		}
	}
	sum := sha256.Sum256([]byte(where))
	return host + "-" + hex.EncodeToString(sum[:4])
}

// instanceID tells this process from earlier and later ones of the same
// replica identity.
func instanceID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// takeBack frees, at start, the digest runs and leases an earlier instance
// of this replica left held when it died, so the run it was posting is
// finished now (by this process, or any replica) rather than after its
// lease expires. Failing only costs that wait.
func (s *Service) takeBack(ctx context.Context) {
	runs, leases, err := s.store.ReleaseHeldBy(ctx, s.identity+"/", s.holder)
	if err != nil {
		s.log.Warn("could not take back what an earlier instance of this replica held; it is free once its leases expire", "replica", s.identity, "err", err)
		return
	}
	if runs > 0 || leases > 0 {
		s.log.Info("took back what an earlier instance of this replica held", "replica", s.identity, "digest_runs", runs, "leases", leases)
	}
}
