package chain_test

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/bindings/ledger"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
)

// TestDecommissionManyLarge: a multiproof with more than 256 flags (a bitmap of several words)
// decommissions every pack it names, each with the caller, the block time and the reason; bits
// past the last flag are ignored; a pack already taken in the middle of a group refuses the whole
// group, naming that pack and who took it.
func TestDecommissionManyLarge(t *testing.T) {
	ctx := context.Background()
	c := chaintest.New(t)
	cl := c.Client
	gtin := chaintest.GTIN(1)
	c.RegisterProduct(t, c.Manufacturer, gtin)
	b := c.RegisterBatch(t, c.Manufacturer, gtin, "MP1", 400)
	c.ShipAndReceive(t, b, c.Manufacturer, c.Pharmacy, 400)

	// Every other pack of the first 300: scattered in the tree, so many proof hashes.
	var idx []int
	for i := 0; i < 300; i += 2 {
		idx = append(idx, i)
	}
	mp := b.MultiProof(t, idx...)
	if len(mp.Flags) <= 256 {
		t.Fatalf("multiproof of %d packs has %d flags, want more than 256", len(idx), len(mp.Flags))
	}
	rcpt, err := cl.DecommissionMany(ctx, c.Pharmacy.Opts, b.ID, mp, chain.ReasonSupplied)
	if err != nil {
		t.Fatal(err)
	}
	mustBalance(t, c, b, c.Pharmacy, 400-uint64(len(idx)))
	h, err := c.Backend.HeaderByNumber(ctx, rcpt.BlockNumber)
	if err != nil {
		t.Fatal(err)
	}
	want := chain.Decommission{Actor: c.Pharmacy.Address, Time: time.Unix(int64(h.Time), 0).UTC(), Reason: chain.ReasonSupplied}
	for i := range 300 {
		got, err := cl.DecommissionOf(ctx, b.ID, b.PackIDs[i])
		if err != nil {
			t.Fatal(err)
		}
		if i%2 == 1 {
			if got != (chain.Decommission{}) {
				t.Errorf("pack %d: %+v, want active", i, got)
			}
			continue
		}
		if got != want {
			t.Errorf("pack %d: %+v, want %+v", i, got, want)
		}
	}

	// Bits past the last flag, in the last word and in an extra word, change nothing.
	mp = b.MultiProof(t, 301, 333, 377, 399)
	bits := chain.FlagBits(mp.Flags)
	bits[len(bits)-1].SetBit(bits[len(bits)-1], 255, 1)
	bits = append(bits, new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
	data := ledger.NewBatchLedger().PackDecommissionMany(b.ID, hashSlice(mp.PackIDs), hashSlice(mp.Proof), bits, uint8(chain.ReasonDestroyed))
	if _, err := cl.Transact(ctx, c.Pharmacy.Opts, cl.Addresses().Ledger, data); err != nil {
		t.Fatalf("multiproof with extra flag bits: %v", err)
	}
	mustBalance(t, c, b, c.Pharmacy, 400-uint64(len(idx))-4)

	// Fresh packs around one taken pack: the group is refused as a whole.
	group := []int{1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 20, 21, 23, 25, 27, 29, 31, 33}
	mp = b.MultiProof(t, group...)
	if mp.PackIDs[0] == b.PackIDs[20] || mp.PackIDs[len(mp.PackIDs)-1] == b.PackIDs[20] {
		t.Fatalf("the taken pack is first or last in the multiproof; choose another group")
	}
	_, err = cl.DecommissionMany(ctx, c.Pharmacy.Opts, b.ID, mp, chain.ReasonSupplied)
	wantErr(t, err, chain.ErrAlreadyDecommission)
	var ce *chain.ContractError
	if !errors.As(err, &ce) {
		t.Fatal(err)
	}
	if got := common.Hash(ce.Args["packId"].([32]byte)); got != b.PackIDs[20] {
		t.Errorf("AlreadyDecommissioned names pack %s, want %s", got, b.PackIDs[20])
	}
	if got := ce.Args["actor"].(common.Address); got != c.Pharmacy.Address {
		t.Errorf("AlreadyDecommissioned names actor %s, want %s", got, c.Pharmacy.Address)
	}
	if got := chain.Reason(ce.Args["reason"].(uint8)); got != chain.ReasonSupplied {
		t.Errorf("AlreadyDecommissioned names reason %s, want %s", got, chain.ReasonSupplied)
	}
	mustBalance(t, c, b, c.Pharmacy, 400-uint64(len(idx))-4)
	for _, i := range group {
		got, err := cl.DecommissionOf(ctx, b.ID, b.PackIDs[i])
		if err != nil {
			t.Fatal(err)
		}
		if i != 20 && got != (chain.Decommission{}) {
			t.Errorf("pack %d after the refused group: %+v, want active", i, got)
		}
	}
}
