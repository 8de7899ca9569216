package indexer_test

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/indexer"
)

// limitedNode refuses any eth_getLogs call that would return more than max logs, with the error
// geth-like nodes give for a result limit.
type limitedNode struct {
	indexer.Node
	max     int
	refused atomic.Int32
	calls   atomic.Int32
}

func (l *limitedNode) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	l.calls.Add(1)
	logs, err := l.Node.FilterLogs(ctx, q)
	if err == nil && len(logs) > l.max {
		l.refused.Add(1)
		return nil, errors.New("query returned more than 10000 results")
	}
	return logs, err
}

// TestBackfillNarrowsRefusedRanges: a backfill far below the reorg window (several ranges in
// flight) whose ranges the node refuses narrows them until they pass, and the mirror is complete.
func TestBackfillNarrowsRefusedRanges(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		c := chaintest.New(t)
		var b *chaintest.Batch
		for _, s := range lifeSteps(c, &b) {
			s.do(t)
		}
		c.Mine(t, 10)
		// The limit: the most logs any one block holds, so that every range narrows to one that passes.
		perBlock := map[uint64]int{}
		most := 0
		for _, l := range c.Logs(t) {
			perBlock[l.BlockNumber]++
			most = max(most, perBlock[l.BlockNumber])
		}
		node := &limitedNode{Node: c.Backend, max: most}
		ix, err := indexer.New(db, node, indexer.Options{Addresses: c.Client.Addresses(), Window: 3, Fetchers: 4})
		if err != nil {
			t.Fatal(err)
		}
		syncOnce(t, ix)
		if node.refused.Load() == 0 {
			t.Fatal("the node refused no range: the test does not exercise narrowing")
		}
		audit(t, db, c)
		if stored, want := countEvents(t, db), trackedLogs(t, c); stored != want {
			t.Errorf("events stored = %d, want %d", stored, want)
		}
	})
}

// trackedLogs counts the chain's logs the mirror keeps (the role logs are not kept).
func trackedLogs(t *testing.T, c *chaintest.Chain) int {
	t.Helper()
	regABI, ledABI, err := chain.ContractABIs()
	if err != nil {
		t.Fatal(err)
	}
	skip := map[common.Hash]bool{}
	for _, name := range []string{"RoleGranted", "RoleRevoked", "RoleAdminChanged"} {
		if e, ok := regABI.Events[name]; ok {
			skip[e.ID] = true
		}
		if e, ok := ledABI.Events[name]; ok {
			skip[e.ID] = true
		}
	}
	n := 0
	for _, l := range c.Logs(t) {
		if len(l.Topics) > 0 && !skip[l.Topics[0]] {
			n++
		}
	}
	return n
}

// TestUnpublishedPackDecommissioned: in a batch whose published list misses a pack of its root,
// decommissioning that pack (provable on chain) gives it a row of its own with index -1, beside
// published packs decommissioned in the same range; a reorg removes that row again.
func TestUnpublishedPackDecommissioned(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		ctx := context.Background()
		c := chaintest.New(t)
		st := indexer.NewStore(db)
		ix := newIndexer(t, db, c, indexer.Options{})
		gtin := chaintest.GTIN(3)
		c.RegisterProduct(t, c.Manufacturer, gtin)
		b := chaintest.NewBatch(t, gtin, "HOLE", 6, c.Now(t).AddDate(1, 0, 0))
		if _, _, err := c.Client.RegisterBatch(ctx, c.Manufacturer.Opts, chain.BatchSpec{GTIN: gtin, Lot: b.Lot, Expiry: b.Expiry, Quantity: 6, PacksRoot: b.Tree.Root()}); err != nil {
			t.Fatal(err)
		}
		published := slices.Clone(b.PackIDs)
		published[2] = common.HexToHash("0xbad") // pack 2 is in the root but not in the list
		if _, err := c.Client.PublishPacks(ctx, c.Manufacturer.Opts, b.ID, published, nil); err != nil {
			t.Fatal(err)
		}
		syncOnce(t, ix)
		fork := headNumber(t, c)
		if _, err := c.Client.DecommissionMany(ctx, c.Manufacturer.Opts, b.ID, b.MultiProof(t, 1, 2, 4), chain.ReasonDestroyed); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Client.Decommission(ctx, c.Manufacturer.Opts, b.ID, b.PackIDs[5], b.Proof(t, 5), chain.ReasonStolen); err != nil {
			t.Fatal(err)
		}
		syncOnce(t, ix)
		audit(t, db, c)
		for _, tc := range []struct {
			i      int
			index  int64
			reason string
		}{{1, 1, "destroyed"}, {2, -1, "destroyed"}, {4, 4, "destroyed"}, {5, 5, "stolen"}} {
			p, err := st.Pack(ctx, b.ID, b.PackIDs[tc.i])
			if err != nil {
				t.Fatalf("pack %d: %v", tc.i, err)
			}
			if p.State != indexer.PackDecommissioned || p.Index != tc.index || p.Reason != tc.reason {
				t.Errorf("pack %d = %+v; want decommissioned (%s) at index %d", tc.i, p, tc.reason, tc.index)
			}
		}

		reorgTo(t, c, fork, 1)
		syncOnce(t, ix)
		audit(t, db, c)
		if _, err := st.Pack(ctx, b.ID, b.PackIDs[2]); !errors.Is(err, indexer.ErrNotFound) {
			t.Errorf("unpublished pack after the reorg: got %v, want ErrNotFound", err)
		}
		p, err := st.Pack(ctx, b.ID, b.PackIDs[1])
		if err != nil || p.State != indexer.PackActive || p.Index != 1 {
			t.Errorf("pack 1 after the reorg = %+v, %v; want active at index 1", p, err)
		}
	})
}

// TestSyncCheckpointsWAL: on SQLite a Sync's commits leave the WAL to a checkpointer of its own,
// which has copied every page into the database file when Sync returns (SQLite's automatic
// checkpoint, every 1 000 pages, would have left a short WAL uncopied).
func TestSyncCheckpointsWAL(t *testing.T) {
	c := chaintest.New(t)
	gtin := chaintest.GTIN(61)
	c.RegisterProduct(t, c.Manufacturer, gtin)
	b := c.RegisterBatch(t, c.Manufacturer, gtin, "WAL", 50)
	c.ShipAndReceive(t, b, c.Manufacturer, c.Distributor, 20)
	path := filepath.Join(t.TempDir(), "mirror.db")
	db, err := indexer.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	syncOnce(t, newIndexer(t, db, c, indexer.Options{}))
	// The database file's header holds its size in pages as of the last checkpoint (bytes 28-31);
	// page_count reads through the WAL.
	head := make([]byte, 100)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := io.ReadFull(f, head); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := db.GetContext(context.Background(), &pages, `PRAGMA page_count`); err != nil {
		t.Fatal(err)
	}
	if inFile := int(binary.BigEndian.Uint32(head[28:32])); inFile != pages {
		t.Errorf("after Sync: the database file has %d pages, the database %d: the WAL was not checkpointed", inFile, pages)
	}
	var n int
	if err := db.GetContext(context.Background(), &n, `SELECT COUNT(*) FROM packs`); err != nil || n != 50 {
		t.Errorf("packs: %d, %v; want 50", n, err)
	}
}
