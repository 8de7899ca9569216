package indexer_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/indexer"
)

// headNumber is the chain's head block number.
func headNumber(t *testing.T, c *chaintest.Chain) uint64 {
	t.Helper()
	n, err := c.Backend.BlockNumber(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// reorgTo makes a fork from block parent canonical, dropping every block above it and every
// transaction they held, and mines extra empty blocks on top (so the fork is longer).
func reorgTo(t *testing.T, c *chaintest.Chain, parent uint64, extra int) {
	t.Helper()
	ctx := context.Background()
	old := headNumber(t, c)
	h, err := c.Backend.HeaderByNumber(ctx, new(big.Int).SetUint64(parent))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Sim.Fork(h.Hash()); err != nil {
		t.Fatalf("fork at %d: %v", parent, err)
	}
	c.Sim.Rollback() // the dropped transactions must not be mined again
	for range int(old-parent) + extra {
		c.Sim.Commit()
	}
	if got := headNumber(t, c); got <= old {
		t.Fatalf("fork head %d is not past the old head %d", got, old)
	}
}

// TestReorgs: reorgs of depth 1, 3 and 10 after the mirror has indexed the dropped blocks,
// each removing a batch registration (and what followed it); audit is clean after each.
func TestReorgs(t *testing.T) {
	for _, depth := range []int{1, 3, 10} {
		t.Run(depthName(depth), func(t *testing.T) {
			forEachDB(t, func(t *testing.T, db *indexer.DB) {
				ctx := context.Background()
				c := chaintest.New(t)
				ix := newIndexer(t, db, c, indexer.Options{})
				gtin := chaintest.GTIN(1)
				c.RegisterProduct(t, c.Manufacturer, gtin)
				kept := c.RegisterBatch(t, c.Manufacturer, gtin, "KEPT", 12)
				c.ShipAndReceive(t, kept, c.Manufacturer, c.Distributor, 10)
				syncOnce(t, ix)
				fork := headNumber(t, c)

				// depth blocks that will be dropped: a registration (2 blocks: register,
				// publish), then other operations, one block each.
				var dropped *chaintest.Batch
				mined := 0
				if depth >= 2 {
					dropped = c.RegisterBatch(t, c.Manufacturer, gtin, "DROPPED", 3)
					mined = 2
				}
				for mined < depth {
					if _, _, err := c.Client.Ship(ctx, c.Distributor.Opts, kept.ID, c.Pharmacy.Address, 1); err != nil {
						t.Fatal(err)
					}
					mined++
				}
				syncOnce(t, ix)
				audit(t, db, c)
				if dropped != nil {
					if _, err := indexer.NewStore(db).Batch(ctx, dropped.ID); err != nil {
						t.Fatalf("batch not mirrored before the reorg: %v", err)
					}
				}

				reorgTo(t, c, fork, 1)
				syncOnce(t, ix)
				audit(t, db, c)
				st := indexer.NewStore(db)
				if dropped != nil {
					if _, err := st.Batch(ctx, dropped.ID); !errors.Is(err, indexer.ErrNotFound) {
						t.Errorf("reorged-out batch still mirrored: %v", err)
					}
					if tl, _ := st.Timeline(ctx, dropped.ID); len(tl) != 0 {
						t.Errorf("reorged-out batch keeps %d events", len(tl))
					}
				}
				if hs, _ := st.Holdings(ctx, kept.ID); len(hs) != 2 {
					t.Errorf("holdings after reorg = %+v, want manufacturer 2 and distributor 10", hs)
				}
				// The mirror goes on after the reorg.
				c.ShipAndReceive(t, kept, c.Distributor, c.Pharmacy, 1)
				syncOnce(t, ix)
				audit(t, db, c)
			})
		})
	}
}

func depthName(d int) string { return fmt.Sprintf("depth %d", d) }

// TestReorgMovesAShipment: the same signed transaction is mined again in a later block of the
// new fork; the mirror must show it once, at its new block.
func TestReorgMovesAShipment(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		ctx := context.Background()
		c := chaintest.New(t)
		ix := newIndexer(t, db, c, indexer.Options{})
		gtin := chaintest.GTIN(1)
		c.RegisterProduct(t, c.Manufacturer, gtin)
		b := c.RegisterBatch(t, c.Manufacturer, gtin, "MOVE", 5)
		fork := headNumber(t, c)
		id, r, err := c.Client.Ship(ctx, c.Manufacturer.Opts, b.ID, c.Distributor.Address, 2)
		if err != nil {
			t.Fatal(err)
		}
		tx, _, err := c.Backend.TransactionByHash(ctx, r.TxHash)
		if err != nil {
			t.Fatal(err)
		}
		syncOnce(t, ix)
		sh, err := indexer.NewStore(db).Shipment(ctx, id)
		if err != nil || sh.ShippedBlock != r.BlockNumber.Uint64() {
			t.Fatalf("shipment before reorg = %+v, %v", sh, err)
		}

		reorgTo(t, c, fork, 2) // the shipment's block is gone, two empty blocks instead
		c.Backend.Hold(true)
		if err := c.Backend.SendTransaction(ctx, tx); err != nil {
			t.Fatalf("resend the shipment: %v", err)
		}
		c.Sim.Commit()
		c.Backend.Hold(false)
		r2, err := c.Backend.TransactionReceipt(ctx, tx.Hash())
		if err != nil || r2.BlockNumber.Uint64() <= r.BlockNumber.Uint64() {
			t.Fatalf("resent shipment receipt %+v, %v: want a later block than %d", r2, err, r.BlockNumber)
		}

		syncOnce(t, ix)
		audit(t, db, c)
		sh, err = indexer.NewStore(db).Shipment(ctx, id)
		if err != nil || sh.ShippedBlock != r2.BlockNumber.Uint64() || sh.Status != "pending" {
			t.Errorf("shipment after reorg = %+v, %v; want shipped at block %d", sh, err, r2.BlockNumber)
		}
		var n int
		if err := db.GetContext(ctx, &n, db.Rebind(`SELECT COUNT(*) FROM events WHERE tx_hash = ?`), tx.Hash().Hex()); err != nil || n != 1 {
			t.Errorf("events of the moved transaction = %d, %v; want 1", n, err)
		}
	})
}

// TestReorgDuringBackfill: a reorg happens between two eth_getLogs ranges of a backfill.
func TestReorgDuringBackfill(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		c := chaintest.New(t)
		gtin := chaintest.GTIN(1)
		c.RegisterProduct(t, c.Manufacturer, gtin)
		b := c.RegisterBatch(t, c.Manufacturer, gtin, "BF", 6)
		for range 6 {
			c.ShipAndReceive(t, b, c.Manufacturer, c.Distributor, 1)
		}
		head := headNumber(t, c)
		forked := false
		var ix *indexer.Indexer
		ix = newIndexer(t, db, c, indexer.Options{MaxRange: 3, Progress: func(p indexer.Progress) {
			if !forked && p.Cursor >= head-4 {
				forked = true
				reorgTo(t, c, head-6, 1) // drops blocks the backfill has already indexed
			}
		}})
		syncOnce(t, ix)
		if !forked {
			t.Fatal("the backfill never reached the fork point")
		}
		audit(t, db, c)
	})
}

// TestReorgDeeperThanWindowStops: with a window of 4 blocks, a 10-block reorg must stop the
// indexer with ErrReorgTooDeep, not be skipped silently.
func TestReorgDeeperThanWindowStops(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		c := chaintest.New(t)
		ix := newIndexer(t, db, c, indexer.Options{Window: 4})
		gtin := chaintest.GTIN(1)
		c.RegisterProduct(t, c.Manufacturer, gtin)
		fork := headNumber(t, c)
		b := c.RegisterBatch(t, c.Manufacturer, gtin, "DEEP", 12)
		for range 10 {
			c.ShipAndReceive(t, b, c.Manufacturer, c.Distributor, 1)
		}
		syncOnce(t, ix)
		reorgTo(t, c, fork, 1)
		err := ix.Sync(context.Background())
		if !errors.Is(err, indexer.ErrReorgTooDeep) {
			t.Fatalf("sync after a reorg deeper than the window: got %v, want ErrReorgTooDeep", err)
		}
	})
}

// TestReplayIsHarmless: moving the cursor back over indexed blocks (as a crash between commit
// and its acknowledgement would) and syncing again stores no event twice.
func TestReplayIsHarmless(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		ctx := context.Background()
		c, ix := indexedLife(t, db)
		before := countEvents(t, db)
		// Rewind the cursor by hand to the block before the batch registration.
		if _, err := db.ExecContext(ctx, db.Rebind(`UPDATE sync_cursor SET number = ?, hash = ?`), 0, mustHeader(t, c, 0).Hash().Hex()); err != nil {
			t.Fatal(err)
		}
		syncOnce(t, ix)
		after := countEvents(t, db)
		if after != before {
			t.Errorf("events after a replay = %d, want %d", after, before)
		}
		audit(t, db, c)
	})
}

// TestReplayOfAnotherBlockRefused: a stored log at a replayed block number and log index that
// came from another block than the node's (a block a rewind missed) stops the sync with an
// error naming both hashes; it is neither skipped as stored nor stored a second time.
func TestReplayOfAnotherBlockRefused(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		ctx := context.Background()
		c, ix := indexedLife(t, db)
		before := countEvents(t, db)
		var first struct {
			Number uint64 `db:"block_number"`
			Index  uint64 `db:"log_index"`
		}
		if err := db.GetContext(ctx, &first, `SELECT block_number, log_index FROM events ORDER BY block_number, log_index LIMIT 1`); err != nil {
			t.Fatal(err)
		}
		const stale = "0x00000000000000000000000000000000000000000000000000000000000000aa"
		if _, err := db.ExecContext(ctx, db.Rebind(`UPDATE events SET block_hash = ? WHERE block_number = ? AND log_index = ?`), stale, first.Number, first.Index); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, db.Rebind(`UPDATE sync_cursor SET number = ?, hash = ?`), 0, mustHeader(t, c, 0).Hash().Hex()); err != nil {
			t.Fatal(err)
		}
		err := ix.Sync(ctx)
		if !errors.Is(err, indexer.ErrMirrorDiverged) || !strings.Contains(err.Error(), "is stored from block "+stale) {
			t.Fatalf("sync over a stored log of another block: got %v, want ErrMirrorDiverged naming the stale block", err)
		}
		// Run stops on it rather than retrying it as an outage until it is cancelled.
		runCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if err := ix.Run(runCtx); !errors.Is(err, indexer.ErrMirrorDiverged) {
			t.Fatalf("run over a stored log of another block: got %v, want ErrMirrorDiverged", err)
		}
		after := countEvents(t, db)
		if after != before {
			t.Errorf("events after the refused replay = %d, want %d", after, before)
		}
	})
}

// indexedLife runs the first six steps of a batch's life on a new chain and indexes them.
func indexedLife(t *testing.T, db *indexer.DB) (*chaintest.Chain, *indexer.Indexer) {
	t.Helper()
	c := chaintest.New(t)
	ix := newIndexer(t, db, c, indexer.Options{})
	var b *chaintest.Batch
	for _, s := range lifeSteps(c, &b)[:6] {
		s.do(t)
	}
	syncOnce(t, ix)
	return c, ix
}

func mustHeader(t *testing.T, c *chaintest.Chain, n uint64) *types.Header {
	t.Helper()
	h, err := c.Backend.HeaderByNumber(context.Background(), new(big.Int).SetUint64(n))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestBackfillPrefetch: with a small window and small ranges the backfill fetches each range
// while the previous one commits; the mirror must be the same.
func TestBackfillPrefetch(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		c := chaintest.New(t)
		var b *chaintest.Batch
		for _, s := range lifeSteps(c, &b) {
			s.do(t)
		}
		c.Mine(t, 10)
		ix := newIndexer(t, db, c, indexer.Options{Window: 3, MaxRange: 4})
		syncOnce(t, ix)
		audit(t, db, c)
	})
}
