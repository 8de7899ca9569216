package indexer_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/indexer/indextest"
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
		// SQLite's packs and events are clustered on their keys: they have no rowid.
		if !db.Postgres {
			if _, err := db.ExecContext(ctx, `SELECT rowid FROM packs`); err == nil {
				t.Error("SQLite's packs has a rowid: migration 0004 did not run")
			}
			if _, err := db.ExecContext(ctx, `SELECT rowid FROM events`); err == nil {
				t.Error("SQLite's events has a rowid: migration 0007 did not run")
			}
		}
		// events is keyed by (block_number, log_index) on both engines (migration 0007): a second
		// row at the same place is refused, whatever its block hash.
		ins := db.Rebind(`INSERT INTO events (block_number, block_hash, block_time, tx_hash, log_index, contract, name, batch_id, args) VALUES (?, ?, 0, '', 0, '', '', '', '{}')`)
		if _, err := db.ExecContext(ctx, ins, 1_000_000, "0xaa"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, ins, 1_000_000, "0xbb"); err == nil {
			t.Error("events took two rows at one block number and log index")
		}
	})
}

// TestConcurrentOpen: processes starting together (serve and index) open a fresh database at
// the same moment; each migration is applied once and every open succeeds.
func TestConcurrentOpen(t *testing.T) {
	dsns := map[string]string{"sqlite": filepath.Join(t.TempDir(), "mirror.db")}
	if dsn := os.Getenv("PHARMATRACE_TEST_POSTGRES"); dsn != "" {
		dsns["postgres"] = indextest.SchemaDSN(t, dsn)
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			const n = 4
			errs := make(chan error, n)
			for range n {
				go func() {
					db, err := indexer.Open(ctx, dsn)
					if err == nil {
						db.Close()
					}
					errs <- err
				}()
			}
			for range n {
				if err := <-errs; err != nil {
					t.Errorf("open: %v", err)
				}
			}
			db, err := indexer.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var dup int
			if err := db.GetContext(ctx, &dup, `SELECT COUNT(*) FROM (SELECT version FROM schema_migrations GROUP BY version HAVING COUNT(*) > 1) d`); err != nil {
				t.Fatal(err)
			}
			if dup != 0 {
				t.Errorf("%d migrations recorded twice", dup)
			}
		})
	}
}
