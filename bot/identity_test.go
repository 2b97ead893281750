package bot

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-bot/attache/config"
)

// A replica's identity is the same in every process started with the same
// configuration on the same host (so a restart takes back its own leases)
// and differs between databases; each process's holder adds an instance of
// its own.
func TestReplicaIdentity(t *testing.T) {
	dir := t.TempDir()
	sqlite := config.Database{Driver: "sqlite", DSN: filepath.Join(dir, "a.db")}
	tests := []struct {
		name     string
		a, b     config.Database
		wantSame bool
	}{
		{"same SQLite file", sqlite, sqlite, true},
		{"other SQLite file", sqlite, config.Database{Driver: "sqlite", DSN: filepath.Join(dir, "b.db")}, false},
		{"same PostgreSQL, other password", config.Database{Driver: "postgres", DSN: "postgres://u:one@db/attache"},
			config.Database{Driver: "postgres", DSN: "postgres://u:two@db/attache"}, true},
		{"other PostgreSQL database", config.Database{Driver: "postgres", DSN: "postgres://u:p@db/attache"},
			config.Database{Driver: "postgres", DSN: "postgres://u:p@db/other"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := derivedReplicaID(tt.a), derivedReplicaID(tt.b)
			if (a == b) != tt.wantSame {
				t.Errorf("identities %q and %q: same %v, want %v", a, b, a == b, tt.wantSame)
			}
			if strings.ContainsAny(a, "/ ") || strings.Contains(a, "one") {
				t.Errorf("identity %q has a '/', a space or the password", a)
			}
		})
	}

	cfg := testConfig()
	cfg.Bot.ReplicaID = "attache-7"
	st := openStore(t, dir, nil)
	first := newService(t, cfg, st, nil, WithHolder(""))
	second := newService(t, cfg, st, nil, WithHolder(""))
	if !strings.HasPrefix(first.Holder(), "attache-7/") || !strings.HasPrefix(second.Holder(), "attache-7/") || first.Holder() == second.Holder() {
		t.Errorf("holders %q and %q: want bot.replica_id/ and an instance each", first.Holder(), second.Holder())
	}
}
