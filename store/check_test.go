package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckNoticesALostDatabase: a SQLite file deleted or replaced while
// attache runs took writes without an error (they went to the deleted
// inode) and /readyz stayed ready; Check now fails in both cases.
func TestCheckNoticesALostDatabase(t *testing.T) {
	tests := []struct {
		name string
		lose func(t *testing.T, path string)
		want string
	}{
		{"deleted", func(t *testing.T, path string) {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(path + suffix)
			}
		}, "is gone"},
		{"replaced", func(t *testing.T, path string) {
			if err := os.Rename(path, path+".old"); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}, "was replaced"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "attache.db")
			st, err := Open(ctx, "sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			if err := st.Check(ctx); err != nil {
				t.Fatalf("Check of a fresh database: %v", err)
			}
			tt.lose(t, path)
			if err := st.Check(ctx); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Check after the file was %s = %v, want an error saying it %s", tt.name, err, tt.want)
			}
		})
	}
}

// TestCheckWrites: Check commits a write, so a database that can be read
// but not written (a full disk, a read-only file) is not ready.
func TestCheckWrites(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, "sqlite", filepath.Join(t.TempDir(), "attache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Check(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := st.GetState(ctx, writeProbeKey); err != nil || !ok {
		t.Fatalf("no write probe after Check: %v %v", ok, err)
	}
	s := st.(*sqlStore)
	if _, err := s.w.ExecContext(ctx, "PRAGMA query_only = 1"); err != nil { // as a read-only file would be
		t.Fatal(err)
	}
	if err := st.Check(ctx); err == nil || !strings.Contains(err.Error(), "not writable") {
		t.Fatalf("Check of a store refusing writes = %v, want not writable", err)
	}
}
