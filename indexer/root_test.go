package indexer_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/indexer"
)

// TestPacksRootCheck: a batch whose published pack ids rebuild its root is consistent; one
// whose manufacturer published other ids, or the same id twice, is inconsistent; a batch still
// being published is pending.
func TestPacksRootCheck(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		ctx := context.Background()
		c := chaintest.New(t)
		ix := newIndexer(t, db, c, indexer.Options{})
		st := indexer.NewStore(db)
		gtin := chaintest.GTIN(1)
		c.RegisterProduct(t, c.Manufacturer, gtin)

		good := c.RegisterBatch(t, c.Manufacturer, gtin, "GOOD", 5)
		register := func(lot string, n int) *chaintest.Batch {
			b := chaintest.NewBatch(t, gtin, lot, n, c.Now(t).AddDate(1, 0, 0))
			if _, _, err := c.Client.RegisterBatch(ctx, c.Manufacturer.Opts, chain.BatchSpec{GTIN: gtin, Lot: lot, Expiry: b.Expiry, Quantity: uint32(n), PacksRoot: b.Tree.Root()}); err != nil {
				t.Fatal(err)
			}
			return b
		}
		wrong := register("WRONG", 4)
		other := slices.Clone(wrong.PackIDs)
		other[2] = common.HexToHash("0xbad")
		if _, err := c.Client.PublishPacks(ctx, c.Manufacturer.Opts, wrong.ID, other, nil); err != nil {
			t.Fatal(err)
		}
		dup := register("DUP", 4)
		twice := slices.Clone(dup.PackIDs)
		twice[3] = twice[0]
		if _, err := c.Client.PublishPacks(ctx, c.Manufacturer.Opts, dup.ID, twice, nil); err != nil {
			t.Fatal(err)
		}
		pending := register("PENDING", 4)

		syncOnce(t, ix)
		audit(t, db, c)
		for _, tc := range []struct {
			b    *chaintest.Batch
			want string
		}{
			{good, indexer.RootConsistent},
			{wrong, indexer.RootInconsistent},
			{dup, indexer.RootInconsistent},
			{pending, indexer.RootPending},
		} {
			got, err := st.Batch(ctx, tc.b.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.RootState != tc.want {
				t.Errorf("batch %s root state = %s, want %s", tc.b.Lot, got.RootState, tc.want)
			}
		}
	})
}

// TestConfirmations: the indexer stays the configured number of blocks behind the head.
func TestConfirmations(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		ctx := context.Background()
		c := chaintest.New(t)
		ix := newIndexer(t, db, c, indexer.Options{Confirmations: 3})
		c.RegisterProduct(t, c.Manufacturer, chaintest.GTIN(1))
		c.Mine(t, 2)
		syncOnce(t, ix)
		cur, ok, err := ix.Cursor(ctx)
		if err != nil || !ok {
			t.Fatalf("cursor: %v %v", ok, err)
		}
		if head := headNumber(t, c); cur.Number != head-3 {
			t.Errorf("cursor %d with head %d, want head - 3", cur.Number, head)
		}
		// The product was registered 2 blocks before the head: not yet confirmed.
		if _, err := indexer.NewStore(db).Product(ctx, fmt.Sprintf("%014d", chaintest.GTIN(1))); err == nil {
			t.Error("an unconfirmed product is already mirrored")
		}
		c.Mine(t, 1)
		syncOnce(t, ix)
		if _, err := indexer.NewStore(db).Product(ctx, fmt.Sprintf("%014d", chaintest.GTIN(1))); err != nil {
			t.Errorf("confirmed product not mirrored: %v", err)
		}
	})
}
