package indexer_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/indexer/indextest"
)

// forEachDB runs a test on SQLite and, when PHARMATRACE_TEST_POSTGRES holds a DSN, on
// PostgreSQL in a schema of its own.
func forEachDB(t *testing.T, fn func(t *testing.T, db *indexer.DB)) {
	t.Run("sqlite", func(t *testing.T) {
		db, err := indexer.Open(context.Background(), filepath.Join(t.TempDir(), "mirror.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		fn(t, db)
	})
	dsn := os.Getenv("PHARMATRACE_TEST_POSTGRES")
	t.Run("postgres", func(t *testing.T) {
		if dsn == "" {
			t.Skip("PHARMATRACE_TEST_POSTGRES is not set")
		}
		fn(t, openPostgres(t, dsn))
	})
}

func openPostgres(t *testing.T, dsn string) *indexer.DB {
	t.Helper()
	db, err := indexer.Open(context.Background(), indextest.SchemaDSN(t, dsn))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// countEvents is the number of rows in events.
func countEvents(t *testing.T, db *indexer.DB) int {
	t.Helper()
	var n int
	if err := db.GetContext(context.Background(), &n, `SELECT COUNT(*) FROM events`); err != nil {
		t.Fatal(err)
	}
	return n
}

func newIndexer(t *testing.T, db *indexer.DB, c *chaintest.Chain, opts indexer.Options) *indexer.Indexer {
	t.Helper()
	opts.Addresses = c.Client.Addresses()
	if opts.PollInterval == 0 {
		opts.PollInterval = 10 * time.Millisecond
	}
	// An *ethclient.Client on the simulated node, the type production dials: the indexer reads its
	// eth_getLogs answers raw and decodes them itself (decodeLogs), as it does in production.
	ix, err := indexer.New(db, c.Eth(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func syncOnce(t *testing.T, ix *indexer.Indexer) {
	t.Helper()
	if err := ix.Sync(context.Background()); err != nil {
		t.Fatalf("sync: %v", err)
	}
}

func audit(t *testing.T, db *indexer.DB, c *chaintest.Chain) {
	t.Helper()
	at, diffs, err := indexer.Audit(context.Background(), db, c.Client)
	if err != nil {
		t.Fatalf("audit: %v", err)
	}
	for _, d := range diffs {
		t.Errorf("audit at block %d: %s", at, d)
	}
}

// step is one operation of the scenario.
type step struct {
	name string
	do   func(t *testing.T)
}

// lifeSteps is a batch's whole life: every event the contracts emit.
func lifeSteps(c *chaintest.Chain, b **chaintest.Batch) []step {
	ctx := context.Background()
	cl := c.Client
	gtin := chaintest.GTIN(7)
	var pending uint64
	must := func(t *testing.T, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	return []step{
		{"register product", func(t *testing.T) { c.RegisterProduct(t, c.Manufacturer, gtin) }},
		{"transfer product and back", func(t *testing.T) {
			_, err := cl.TransferProduct(ctx, c.Regulator.Opts, gtin, c.Manufacturer2.Address)
			must(t, err)
			_, err = cl.TransferProduct(ctx, c.Regulator.Opts, gtin, c.Manufacturer.Address)
			must(t, err)
		}},
		{"register and publish a batch", func(t *testing.T) { *b = c.RegisterBatch(t, c.Manufacturer, gtin, "LIFE-1", 30) }},
		{"ship to the wholesaler", func(t *testing.T) { c.ShipAndReceive(t, *b, c.Manufacturer, c.Distributor, 20) }},
		{"ship to a pharmacy", func(t *testing.T) { c.ShipAndReceive(t, *b, c.Distributor, c.Pharmacy, 8) }},
		{"reject a shipment", func(t *testing.T) {
			id, _, err := cl.Ship(ctx, c.Distributor.Opts, (*b).ID, c.Pharmacy2.Address, 2)
			must(t, err)
			_, err = cl.RejectShipment(ctx, c.Pharmacy2.Opts, id)
			must(t, err)
		}},
		{"cancel a shipment", func(t *testing.T) {
			id, _, err := cl.Ship(ctx, c.Distributor.Opts, (*b).ID, c.Pharmacy2.Address, 1)
			must(t, err)
			_, err = cl.CancelShipment(ctx, c.Distributor.Opts, id)
			must(t, err)
		}},
		{"leave a shipment pending", func(t *testing.T) {
			var err error
			pending, _, err = cl.Ship(ctx, c.Distributor.Opts, (*b).ID, c.Pharmacy2.Address, 3)
			must(t, err)
		}},
		{"dispense one pack", func(t *testing.T) {
			_, err := cl.Decommission(ctx, c.Pharmacy.Opts, (*b).ID, (*b).PackIDs[0], (*b).Proof(t, 0), chain.ReasonSupplied)
			must(t, err)
		}},
		{"dispense three packs", func(t *testing.T) {
			_, err := cl.DecommissionMany(ctx, c.Pharmacy.Opts, (*b).ID, (*b).MultiProof(t, 4, 9, 17), chain.ReasonSupplied)
			must(t, err)
		}},
		{"undo one", func(t *testing.T) {
			_, err := cl.Reactivate(ctx, c.Pharmacy.Opts, (*b).ID, (*b).PackIDs[9])
			must(t, err)
		}},
		{"wholesaler destroys two", func(t *testing.T) {
			_, err := cl.DecommissionMany(ctx, c.Distributor.Opts, (*b).ID, (*b).MultiProof(t, 20, 21), chain.ReasonDestroyed)
			must(t, err)
		}},
		{"recall", func(t *testing.T) {
			_, err := cl.Recall(ctx, c.Manufacturer.Opts, (*b).ID, "dissolution out of specification")
			must(t, err)
		}},
		{"pending shipment received after the recall", func(t *testing.T) {
			_, err := cl.ReceiveShipment(ctx, c.Pharmacy2.Opts, pending)
			must(t, err)
		}},
		{"returns to the manufacturer", func(t *testing.T) { c.ShipAndReceive(t, *b, c.Pharmacy2, c.Manufacturer, 3) }},
		{"deactivate a participant", func(t *testing.T) {
			_, err := cl.DeactivateParticipant(ctx, c.Regulator.Opts, c.Distributor2.Address)
			must(t, err)
		}},
	}
}

// TestProjectionEventByEvent syncs and audits after every operation of a batch's life.
func TestProjectionEventByEvent(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		ctx := context.Background()
		c := chaintest.New(t)
		ix := newIndexer(t, db, c, indexer.Options{})
		syncOnce(t, ix)
		audit(t, db, c)
		var b *chaintest.Batch
		for _, s := range lifeSteps(c, &b) {
			s.do(t)
			syncOnce(t, ix)
			audit(t, db, c)
			if t.Failed() {
				t.Fatalf("after %q", s.name)
			}
		}

		st := indexer.NewStore(db)
		got, err := st.BatchByLot(ctx, fmt.Sprintf("%014d", b.GTIN), "LIFE-1")
		if err != nil {
			t.Fatal(err)
		}
		if got.BatchID != b.ID.Hex() || got.RootState != indexer.RootConsistent || !got.Recalled || got.RecallReason != "dissolution out of specification" {
			t.Errorf("batch = %+v", got)
		}
		p, err := st.Pack(ctx, b.ID, b.PackIDs[4])
		if err != nil || p.State != indexer.PackDecommissioned || p.Reason != "supplied" || p.Actor != lower(c.Pharmacy.Address) || p.Index < 0 {
			t.Errorf("pack 4 = %+v, %v", p, err)
		}
		p, err = st.Pack(ctx, b.ID, b.PackIDs[9])
		if err != nil || p.State != indexer.PackActive || p.Actor != "" {
			t.Errorf("reactivated pack 9 = %+v, %v", p, err)
		}
		if _, err := st.Pack(ctx, b.ID, common.HexToHash("0x1234")); !errors.Is(err, indexer.ErrNotFound) {
			t.Errorf("unknown pack: got %v, want ErrNotFound", err)
		}
		path, err := st.PathTo(ctx, b.ID, c.Pharmacy.Address)
		if err != nil {
			t.Fatal(err)
		}
		if len(path) != 2 || path[0].Sender != lower(c.Manufacturer.Address) || path[1].Receiver != lower(c.Pharmacy.Address) {
			t.Errorf("path to the pharmacy = %+v", path)
		}
		custody, err := st.CustodyPath(ctx, b.ID)
		if err != nil || len(custody) != 6 {
			t.Errorf("custody path has %d shipments (%v), want 6", len(custody), err)
		}
		tl, err := st.Timeline(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(tl) == 0 || tl[0].Name != "BatchRegistered" {
			t.Fatalf("timeline starts with %+v", tl)
		}
		for i := 1; i < len(tl); i++ {
			if tl[i].BlockNumber < tl[i-1].BlockNumber || (tl[i].BlockNumber == tl[i-1].BlockNumber && tl[i].LogIndex <= tl[i-1].LogIndex) {
				t.Fatalf("timeline out of order at %d", i)
			}
		}
		pend, err := st.PendingFor(ctx, c.Pharmacy2.Address)
		if err != nil || len(pend) != 0 {
			t.Errorf("pending for pharmacy2 = %v, %v; want none", pend, err)
		}
		lag, err := st.Lag(ctx)
		if err != nil || lag.Cursor != lag.Head || lag.Cursor == 0 {
			t.Errorf("lag = %+v, %v", lag, err)
		}
		part, err := st.Participant(ctx, c.Distributor2.Address)
		if err != nil || part.Active || part.Role != "distributor" {
			t.Errorf("deactivated participant = %+v, %v", part, err)
		}
	})
}

func lower(a common.Address) string { return strings.ToLower(a.Hex()) }
