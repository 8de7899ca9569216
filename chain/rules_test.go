package chain_test

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
)

// blockTime returns the time of the block a receipt is in.
func blockTime(t *testing.T, c *chaintest.Chain, rcptBlock uint64) time.Time {
	t.Helper()
	h, err := c.Backend.HeaderByNumber(context.Background(), new(big.Int).SetUint64(rcptBlock))
	if err != nil {
		t.Fatal(err)
	}
	return time.Unix(int64(h.Time), 0).UTC()
}

// advanceTo mines an empty block at time at-1s, so the next transaction's block is at exactly at.
func advanceTo(t *testing.T, c *chaintest.Chain, at time.Time) {
	t.Helper()
	d := at.Add(-time.Second).Sub(c.Now(t))
	if d <= 0 {
		t.Fatalf("cannot go back in time to %s (head %s)", at, c.Now(t))
	}
	c.AdvanceTime(t, d)
}

// TestUndoWindowEdge: undo is allowed at exactly decommission time + 10 days and refused one
// second later, and the refusal is decoded even though gas estimation (on the head block's time)
// may still have passed.
func TestUndoWindowEdge(t *testing.T) {
	ctx := context.Background()
	c := chaintest.New(t)
	gtin := chaintest.GTIN(1)
	c.RegisterProduct(t, c.Manufacturer, gtin)
	b := c.RegisterBatch(t, c.Manufacturer, gtin, "W1", 4)
	c.ShipAndReceive(t, b, c.Manufacturer, c.Pharmacy, 4)

	decommissionAt := func(i int) time.Time {
		r, err := c.Client.Decommission(ctx, c.Pharmacy.Opts, b.ID, b.PackIDs[i], b.Proof(t, i), chain.ReasonSupplied)
		if err != nil {
			t.Fatal(err)
		}
		return blockTime(t, c, r.BlockNumber.Uint64())
	}
	t0 := decommissionAt(0)
	t1 := decommissionAt(1)
	if !t1.After(t0) {
		t.Fatalf("decommission times %s, %s not increasing", t0, t1)
	}

	advanceTo(t, c, t0.Add(10*24*time.Hour))
	r, err := c.Client.Reactivate(ctx, c.Pharmacy.Opts, b.ID, b.PackIDs[0])
	if err != nil {
		t.Fatalf("undo at exactly 10 days: %v", err)
	}
	if got, want := blockTime(t, c, r.BlockNumber.Uint64()), t0.Add(10*24*time.Hour); !got.Equal(want) {
		t.Fatalf("undo mined at %s, want %s", got, want)
	}

	advanceTo(t, c, t1.Add(10*24*time.Hour+time.Second))
	_, err = c.Client.Reactivate(ctx, c.Pharmacy.Opts, b.ID, b.PackIDs[1])
	wantErr(t, err, chain.ErrUndoWindowClosed)
	d, err := c.Client.DecommissionOf(ctx, b.ID, b.PackIDs[1])
	if err != nil || d.Actor != c.Pharmacy.Address {
		t.Fatalf("pack 1 after refused undo: %+v, %v", d, err)
	}
	mustBalance(t, c, b, c.Pharmacy, 3)
}

// TestUndoRefusedAfterExpiryAndRecall: undo within the window is still refused once the batch
// has expired or been recalled.
func TestUndoRefusedAfterExpiryAndRecall(t *testing.T) {
	ctx := context.Background()
	c := chaintest.New(t)
	gtin := chaintest.GTIN(1)
	c.RegisterProduct(t, c.Manufacturer, gtin)

	// Expiring tomorrow.
	eb := chaintest.NewBatch(t, gtin, "E1", 2, c.Now(t).AddDate(0, 0, 1))
	if _, _, err := c.Client.RegisterBatch(ctx, c.Manufacturer.Opts, chain.BatchSpec{GTIN: gtin, Lot: eb.Lot, Expiry: eb.Expiry, Quantity: 2, PacksRoot: eb.Tree.Root()}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Client.PublishPacks(ctx, c.Manufacturer.Opts, eb.ID, eb.PackIDs, nil); err != nil {
		t.Fatal(err)
	}
	c.ShipAndReceive(t, eb, c.Manufacturer, c.Pharmacy, 2)
	if _, err := c.Client.Decommission(ctx, c.Pharmacy.Opts, eb.ID, eb.PackIDs[0], eb.Proof(t, 0), chain.ReasonSupplied); err != nil {
		t.Fatal(err)
	}
	c.AdvanceTime(t, 3*24*time.Hour)
	_, err := c.Client.Reactivate(ctx, c.Pharmacy.Opts, eb.ID, eb.PackIDs[0])
	wantErr(t, err, chain.ErrBatchExpired)
	// An expired pack cannot be supplied, but can be destroyed.
	_, err = c.Client.Decommission(ctx, c.Pharmacy.Opts, eb.ID, eb.PackIDs[1], eb.Proof(t, 1), chain.ReasonSupplied)
	wantErr(t, err, chain.ErrBatchExpired)
	if _, err := c.Client.Decommission(ctx, c.Pharmacy.Opts, eb.ID, eb.PackIDs[1], eb.Proof(t, 1), chain.ReasonDestroyed); err != nil {
		t.Fatalf("destroy an expired pack: %v", err)
	}

	rb := c.RegisterBatch(t, c.Manufacturer, gtin, "R1", 3)
	c.ShipAndReceive(t, rb, c.Manufacturer, c.Pharmacy, 3)
	if _, err := c.Client.Decommission(ctx, c.Pharmacy.Opts, rb.ID, rb.PackIDs[0], rb.Proof(t, 0), chain.ReasonSupplied); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Client.Recall(ctx, c.Regulator.Opts, rb.ID, "sterility failure"); err != nil {
		t.Fatal(err)
	}
	_, err = c.Client.Reactivate(ctx, c.Pharmacy.Opts, rb.ID, rb.PackIDs[0])
	wantErr(t, err, chain.ErrBatchRecalled)
}

// TestRecallBlocksSupplyAndShipping: after a recall nothing moves down the chain, the packs
// cannot be supplied, and every holder can still send stock back to the manufacturer.
func TestRecallBlocksSupplyAndShipping(t *testing.T) {
	ctx := context.Background()
	c := chaintest.New(t)
	cl := c.Client
	gtin := chaintest.GTIN(1)
	c.RegisterProduct(t, c.Manufacturer, gtin)
	b := c.RegisterBatch(t, c.Manufacturer, gtin, "R1", 12)
	c.ShipAndReceive(t, b, c.Manufacturer, c.Distributor, 8)
	c.ShipAndReceive(t, b, c.Distributor, c.Pharmacy, 4)
	inFlight, _, err := cl.Ship(ctx, c.Distributor.Opts, b.ID, c.Pharmacy2.Address, 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Recall(ctx, c.Manufacturer.Opts, b.ID, "mislabelled strength"); err != nil {
		t.Fatal(err)
	}
	got, err := cl.Batch(ctx, b.ID)
	if err != nil || !got.Recalled {
		t.Fatalf("batch after recall = %+v, %v", got, err)
	}
	for _, tc := range []struct {
		name     string
		from, to *chaintest.Account
	}{
		{"manufacturer to distributor", c.Manufacturer, c.Distributor2},
		{"distributor to distributor", c.Distributor, c.Distributor2},
		{"distributor to pharmacy", c.Distributor, c.Pharmacy2},
		{"pharmacy back to its distributor", c.Pharmacy, c.Distributor},
	} {
		_, _, err := cl.Ship(ctx, tc.from.Opts, b.ID, tc.to.Address, 1)
		if !errors.Is(err, chain.ErrBatchRecalled) {
			t.Errorf("%s after recall: got %v, want ErrBatchRecalled", tc.name, err)
		}
	}
	_, err = cl.Decommission(ctx, c.Pharmacy.Opts, b.ID, b.PackIDs[0], b.Proof(t, 0), chain.ReasonSupplied)
	wantErr(t, err, chain.ErrBatchRecalled)
	_, err = cl.DecommissionMany(ctx, c.Pharmacy.Opts, b.ID, b.MultiProof(t, 0, 1), chain.ReasonSupplied)
	wantErr(t, err, chain.ErrBatchRecalled)

	// A shipment already on its way may still be received, then returned.
	if _, err := cl.ReceiveShipment(ctx, c.Pharmacy2.Opts, inFlight); err != nil {
		t.Fatalf("receive a shipment sent before the recall: %v", err)
	}
	c.ShipAndReceive(t, b, c.Pharmacy2, c.Manufacturer, 2)
	c.ShipAndReceive(t, b, c.Pharmacy, c.Manufacturer, 4)
	c.ShipAndReceive(t, b, c.Distributor, c.Manufacturer, 2)
	mustBalance(t, c, b, c.Manufacturer, 12)
	// Returns go to the batch's own manufacturer only.
	_, _, err = cl.Ship(ctx, c.Manufacturer.Opts, b.ID, c.Manufacturer2.Address, 1)
	wantErr(t, err, chain.ErrShipmentNotAllowed)
	// The manufacturer destroys the recalled stock in one transaction.
	all := make([]int, 12)
	for i := range all {
		all[i] = i
	}
	if _, err := cl.DecommissionMany(ctx, c.Manufacturer.Opts, b.ID, b.MultiProof(t, all...), chain.ReasonDestroyed); err != nil {
		t.Fatal(err)
	}
	mustBalance(t, c, b, c.Manufacturer, 0)
}

// TestProofs: the first, last and only pack of a batch prove; a proof of another pack, a pack of
// another batch, and a tampered multiproof do not.
func TestProofs(t *testing.T) {
	ctx := context.Background()
	c := chaintest.New(t)
	cl := c.Client
	gtin := chaintest.GTIN(1)
	c.RegisterProduct(t, c.Manufacturer, gtin)
	large := c.RegisterBatch(t, c.Manufacturer, gtin, "P1", 37)
	only := c.RegisterBatch(t, c.Manufacturer, gtin, "P2", 1)
	c.ShipAndReceive(t, large, c.Manufacturer, c.Pharmacy, 37)
	c.ShipAndReceive(t, only, c.Manufacturer, c.Pharmacy, 1)

	if got := len(only.Proof(t, 0)); got != 0 {
		t.Fatalf("a one-pack batch's proof has %d elements, want 0", got)
	}
	for _, tc := range []struct {
		name  string
		batch common.Hash
		pack  common.Hash
		proof []common.Hash
		want  error
	}{
		{"pack of another batch", large.ID, only.PackIDs[0], large.Proof(t, 0), chain.ErrInvalidProof},
		{"proof of another pack", large.ID, large.PackIDs[0], large.Proof(t, 1), chain.ErrInvalidProof},
		{"truncated proof", large.ID, large.PackIDs[0], large.Proof(t, 0)[1:], chain.ErrInvalidProof},
		{"empty proof", large.ID, large.PackIDs[5], nil, chain.ErrInvalidProof},
		{"the root as a pack id", large.ID, large.Tree.Root(), nil, chain.ErrInvalidProof},
		{"first pack", large.ID, large.PackIDs[0], large.Proof(t, 0), nil},
		{"last pack", large.ID, large.PackIDs[36], large.Proof(t, 36), nil},
		{"only pack", only.ID, only.PackIDs[0], nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cl.Decommission(ctx, c.Pharmacy.Opts, tc.batch, tc.pack, tc.proof, chain.ReasonSupplied)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("got %v, want success", err)
				}
				return
			}
			wantErr(t, err, tc.want)
		})
	}
	mp := large.MultiProof(t, 3, 4, 20, 35)
	mp.Proof[0][0] ^= 1
	_, err := cl.DecommissionMany(ctx, c.Pharmacy.Opts, large.ID, mp, chain.ReasonSupplied)
	wantErr(t, err, chain.ErrInvalidProof)
	mp = large.MultiProof(t, 3, 4, 20, 35)
	mp.PackIDs[0] = only.PackIDs[0]
	_, err = cl.DecommissionMany(ctx, c.Pharmacy.Opts, large.ID, mp, chain.ReasonSupplied)
	wantErr(t, err, chain.ErrInvalidProof)
	if _, err := cl.DecommissionMany(ctx, c.Pharmacy.Opts, large.ID, large.MultiProof(t, 3, 4, 20, 35), chain.ReasonSupplied); err != nil {
		t.Fatalf("valid multiproof: %v", err)
	}
	mustBalance(t, c, large, c.Pharmacy, 37-2-4)
}
