package indexer_test

import (
	"context"
	"testing"

	"github.com/pharmatrace/pharmatrace/indexer"
)

// TestEngineMigrations: a migration named for one engine runs on that engine only, and its
// version is recorded on both (the other engine's file of the same number keeps them level).
func TestEngineMigrations(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		ctx := context.Background()
		var n int
		if err := db.GetContext(ctx, &n, `SELECT COUNT(*) FROM schema_migrations WHERE version = 4`); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("version 4 recorded %d times, want once", n)
		}
		// SQLite's packs is clustered on its key: it has no rowid.
		if !db.Postgres {
			if _, err := db.ExecContext(ctx, `SELECT rowid FROM packs`); err == nil {
				t.Error("SQLite's packs has a rowid: migration 0004 did not run")
			}
		}
	})
}
