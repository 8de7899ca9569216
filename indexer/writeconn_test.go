package indexer_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/jmoiron/sqlx"

	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/indexer"
)

// TestSyncLeavesPoolCachesSmall: the large page cache a Sync writes with goes back to the pool's
// size when the Sync ends. A pool connection left with it would, after another connection's
// commit, throw it away page by page on its next read (seconds for 256 MiB).
func TestSyncLeavesPoolCachesSmall(t *testing.T) {
	ctx := context.Background()
	db, err := indexer.Open(ctx, filepath.Join(t.TempDir(), "mirror.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := chaintest.New(t)
	syncOnce(t, newIndexer(t, db, c, indexer.Options{}))

	// Every connection the pool may hold (it keeps at most 8 open).
	var conns []*sqlx.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := range 8 {
		conn, err := db.Connx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, conn)
		var kib int
		if err := conn.GetContext(ctx, &kib, `PRAGMA main.cache_size`); err != nil {
			t.Fatal(err)
		}
		if kib != -16384 {
			t.Errorf("connection %d: cache_size %d, want -16384 (16 MiB)", i, kib)
		}
	}
}

// TestPackAtCursor: PackAt answers the cursor with the pack, and with a pack the mirror does
// not hold.
func TestPackAtCursor(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		ctx := context.Background()
		c := chaintest.New(t)
		ix := newIndexer(t, db, c, indexer.Options{})
		syncOnce(t, ix)
		cur, ok, err := ix.Cursor(ctx)
		if err != nil || !ok {
			t.Fatalf("cursor: %v %v", ok, err)
		}
		st := indexer.NewStore(db)
		_, lag, err := st.PackAt(ctx, common.HexToHash("0x01"), common.HexToHash("0x02"))
		if !errors.Is(err, indexer.ErrNotFound) {
			t.Errorf("unknown pack: %v, want ErrNotFound", err)
		}
		if lag.Cursor != cur.Number {
			t.Errorf("unknown pack: cursor %d, want %d", lag.Cursor, cur.Number)
		}
	})
}
