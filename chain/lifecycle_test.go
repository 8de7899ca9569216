package chain_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
)

// wantErr fails the test unless err wraps the sentinel.
func wantErr(t *testing.T, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("got error %v, want %v", err, want)
	}
	var ce *chain.ContractError
	if !errors.As(err, &ce) {
		t.Fatalf("error %v is not a *chain.ContractError", err)
	}
}

func mustBalance(t *testing.T, c *chaintest.Chain, b *chaintest.Batch, a *chaintest.Account, want uint64) {
	t.Helper()
	got, err := c.Client.BalanceOf(context.Background(), b.ID, a.Address)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("balance of %s = %d, want %d", a.Name, got, want)
	}
}

func TestBatchLifecycle(t *testing.T) {
	ctx := context.Background()
	c := chaintest.New(t)
	cl := c.Client
	gtin := chaintest.GTIN(1)
	c.RegisterProduct(t, c.Manufacturer, gtin)
	b := c.RegisterBatch(t, c.Manufacturer, gtin, "L001", 10)

	got, err := cl.Batch(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Manufacturer != c.Manufacturer.Address || got.Quantity != 10 || got.Published != 10 || got.PacksRoot != b.Tree.Root() || got.Recalled {
		t.Fatalf("batch = %+v", got)
	}
	if !got.Expiry.Equal(chain.DayTime(chain.ExpiryDay(b.Expiry))) {
		t.Errorf("expiry = %s, want %s", got.Expiry, b.Expiry)
	}
	mustBalance(t, c, b, c.Manufacturer, 10)

	// Manufacturer -> distributor -> pharmacy.
	c.ShipAndReceive(t, b, c.Manufacturer, c.Distributor, 6)
	c.ShipAndReceive(t, b, c.Distributor, c.Pharmacy, 4)
	mustBalance(t, c, b, c.Manufacturer, 4)
	mustBalance(t, c, b, c.Distributor, 2)
	mustBalance(t, c, b, c.Pharmacy, 4)

	// A rejected and a cancelled shipment give the units back.
	id, _, err := cl.Ship(ctx, c.Distributor.Opts, b.ID, c.Pharmacy2.Address, 1)
	if err != nil {
		t.Fatal(err)
	}
	mustBalance(t, c, b, c.Distributor, 1)
	if _, err := cl.RejectShipment(ctx, c.Pharmacy2.Opts, id); err != nil {
		t.Fatal(err)
	}
	mustBalance(t, c, b, c.Distributor, 2)
	s, err := cl.Shipment(ctx, id)
	if err != nil || s.Status != chain.ShipmentRejected || s.From != c.Distributor.Address || s.To != c.Pharmacy2.Address || s.Quantity != 1 {
		t.Fatalf("shipment = %+v, %v", s, err)
	}
	id, _, err = cl.Ship(ctx, c.Distributor.Opts, b.ID, c.Pharmacy2.Address, 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.CancelShipment(ctx, c.Distributor.Opts, id); err != nil {
		t.Fatal(err)
	}
	mustBalance(t, c, b, c.Distributor, 2)
	_, err = cl.ReceiveShipment(ctx, c.Pharmacy2.Opts, id)
	wantErr(t, err, chain.ErrShipmentNotPending)

	// The pharmacy dispenses one pack, then three at once.
	if _, err := cl.Decommission(ctx, c.Pharmacy.Opts, b.ID, b.PackIDs[0], b.Proof(t, 0), chain.ReasonSupplied); err != nil {
		t.Fatal(err)
	}
	d, err := cl.DecommissionOf(ctx, b.ID, b.PackIDs[0])
	if err != nil || d.Actor != c.Pharmacy.Address || d.Reason != chain.ReasonSupplied || d.Time.IsZero() {
		t.Fatalf("decommission = %+v, %v", d, err)
	}
	if _, err := cl.DecommissionMany(ctx, c.Pharmacy.Opts, b.ID, b.MultiProof(t, 3, 9, 5), chain.ReasonSupplied); err != nil {
		t.Fatal(err)
	}
	mustBalance(t, c, b, c.Pharmacy, 0)
	_, err = cl.Decommission(ctx, c.Pharmacy.Opts, b.ID, b.PackIDs[1], b.Proof(t, 1), chain.ReasonSupplied)
	wantErr(t, err, chain.ErrInsufficientStock)

	// Undo gives the unit back; a second decommission by anyone is refused.
	if _, err := cl.Reactivate(ctx, c.Pharmacy.Opts, b.ID, b.PackIDs[9]); err != nil {
		t.Fatal(err)
	}
	mustBalance(t, c, b, c.Pharmacy, 1)
	_, err = cl.Decommission(ctx, c.Pharmacy.Opts, b.ID, b.PackIDs[0], b.Proof(t, 0), chain.ReasonSupplied)
	wantErr(t, err, chain.ErrAlreadyDecommission)

	// Recall: no more supply, no onward shipping, returns to the manufacturer still allowed.
	if _, err := cl.Recall(ctx, c.Manufacturer.Opts, b.ID, "out of specification"); err != nil {
		t.Fatal(err)
	}
	_, err = cl.Decommission(ctx, c.Pharmacy.Opts, b.ID, b.PackIDs[9], b.Proof(t, 9), chain.ReasonSupplied)
	wantErr(t, err, chain.ErrBatchRecalled)
	_, _, err = cl.Ship(ctx, c.Distributor.Opts, b.ID, c.Pharmacy2.Address, 1)
	wantErr(t, err, chain.ErrBatchRecalled)
	c.ShipAndReceive(t, b, c.Distributor, c.Manufacturer, 2)
	c.ShipAndReceive(t, b, c.Pharmacy, c.Manufacturer, 1)
	mustBalance(t, c, b, c.Manufacturer, 7)
	// The manufacturer destroys the returned stock.
	if _, err := cl.Decommission(ctx, c.Manufacturer.Opts, b.ID, b.PackIDs[9], b.Proof(t, 9), chain.ReasonDestroyed); err != nil {
		t.Fatal(err)
	}
	mustBalance(t, c, b, c.Manufacturer, 6)
}

// A transaction sent from the same account by someone else (another tool, another replica) must
// not make the client's next transaction fail on a stale nonce.
func TestNonceFollowsTransactionsSentElsewhere(t *testing.T) {
	ctx := context.Background()
	c := chaintest.New(t)
	gtin := chaintest.GTIN(1)
	c.RegisterProduct(t, c.Manufacturer, gtin)
	other, err := chain.New(ctx, c.Backend, chain.Options{Addresses: c.Client.Addresses(), PollInterval: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	for i, cl := range []*chain.Client{c.Client, other, other, c.Client} {
		spec := chain.BatchSpec{GTIN: gtin, Lot: "N" + strconv.Itoa(i), Expiry: c.Now(t).AddDate(1, 0, 0), Quantity: 1, PacksRoot: common.HexToHash("0x01")}
		if _, _, err := cl.RegisterBatch(ctx, c.Manufacturer.Opts, spec); err != nil {
			t.Fatalf("transaction %d: %v", i, err)
		}
	}
}
