package chain_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pharmatrace/pharmatrace/bindings/ledger"
	"github.com/pharmatrace/pharmatrace/bindings/registry"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/chain/packtree"
)

// mirror is the smallest possible off-chain copy of the contracts, built from events alone.
type mirror struct {
	participants map[common.Address]chain.Participant
	owners       map[uint64]common.Address
	batches      map[common.Hash]*mirrorBatch
	balances     map[common.Hash]map[common.Address]uint64
	shipments    map[uint64]chain.Shipment
	decom        map[common.Hash]map[common.Hash]chain.Decommission
}

type mirrorBatch struct {
	chain.Batch
	packIDs []common.Hash
}

// apply folds one log into the mirror. It may read the block header (for its time) but never
// calls a contract: that is the property under test.
func (m *mirror) apply(t *testing.T, c *chaintest.Chain, l types.Log, reg *registry.Registry, led *ledger.BatchLedger, regABI, ledABI *abi.ABI) {
	t.Helper()
	ev := func(a *abi.ABI, name string) bool { return l.Topics[0] == a.Events[name].ID }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("decode log %d of tx %s: %v", l.Index, l.TxHash, err)
		}
	}
	switch {
	case ev(regABI, "ParticipantRegistered"):
		e, err := reg.UnpackParticipantRegisteredEvent(&l)
		must(err)
		m.participants[e.Account] = chain.Participant{Role: chain.Role(e.Role), Active: true, GLN: e.Gln}
	case ev(regABI, "ParticipantDeactivated"):
		e, err := reg.UnpackParticipantDeactivatedEvent(&l)
		must(err)
		p := m.participants[e.Account]
		p.Active = false
		m.participants[e.Account] = p
	case ev(regABI, "ProductRegistered"):
		e, err := reg.UnpackProductRegisteredEvent(&l)
		must(err)
		m.owners[e.Gtin] = e.Owner
	case ev(regABI, "ProductTransferred"):
		e, err := reg.UnpackProductTransferredEvent(&l)
		must(err)
		m.owners[e.Gtin] = e.To
	case ev(ledABI, "BatchRegistered"):
		e, err := led.UnpackBatchRegisteredEvent(&l)
		must(err)
		if got := chain.BatchID(e.Gtin, e.Lot); got != common.Hash(e.BatchId) {
			t.Fatalf("BatchRegistered id %x, BatchID(gtin, lot) = %s", e.BatchId, got)
		}
		m.batches[e.BatchId] = &mirrorBatch{Batch: chain.Batch{
			Manufacturer: e.Manufacturer, Expiry: chain.DayTime(e.ExpiryDay), Quantity: e.Quantity, PacksRoot: e.PacksRoot,
		}}
		m.balances[e.BatchId] = map[common.Address]uint64{e.Manufacturer: uint64(e.Quantity)}
	case ev(ledABI, "PacksPublished"):
		e, err := led.UnpackPacksPublishedEvent(&l)
		must(err)
		b := m.batches[e.BatchId]
		if int(e.Offset) != len(b.packIDs) {
			t.Fatalf("PacksPublished offset %d, mirror has %d", e.Offset, len(b.packIDs))
		}
		for _, id := range e.PackIds {
			b.packIDs = append(b.packIDs, id)
		}
		b.Published = uint32(len(b.packIDs))
	case ev(ledABI, "BatchRecalled"):
		e, err := led.UnpackBatchRecalledEvent(&l)
		must(err)
		m.batches[e.BatchId].Recalled = true
	case ev(ledABI, "Shipped"):
		e, err := led.UnpackShippedEvent(&l)
		must(err)
		m.balances[e.BatchId][e.From] -= uint64(e.Quantity)
		m.shipments[e.ShipmentId.Uint64()] = chain.Shipment{ID: e.ShipmentId.Uint64(), BatchID: e.BatchId, From: e.From, To: e.To, Quantity: e.Quantity, Status: chain.ShipmentPending}
	case ev(ledABI, "ShipmentReceived"):
		e, err := led.UnpackShipmentReceivedEvent(&l)
		must(err)
		m.balances[e.BatchId][e.To] += uint64(e.Quantity)
		m.setStatus(e.ShipmentId, chain.ShipmentReceived)
	case ev(ledABI, "ShipmentRejected"):
		e, err := led.UnpackShipmentRejectedEvent(&l)
		must(err)
		m.balances[e.BatchId][e.From] += uint64(e.Quantity)
		m.setStatus(e.ShipmentId, chain.ShipmentRejected)
	case ev(ledABI, "ShipmentCancelled"):
		e, err := led.UnpackShipmentCancelledEvent(&l)
		must(err)
		m.balances[e.BatchId][e.From] += uint64(e.Quantity)
		m.setStatus(e.ShipmentId, chain.ShipmentCancelled)
	case ev(ledABI, "PacksDecommissioned"):
		e, err := led.UnpackPacksDecommissionedEvent(&l)
		must(err)
		h, err := c.Backend.HeaderByHash(context.Background(), l.BlockHash)
		must(err)
		m.balances[e.BatchId][e.Actor] -= uint64(len(e.PackIds))
		if m.decom[e.BatchId] == nil {
			m.decom[e.BatchId] = map[common.Hash]chain.Decommission{}
		}
		for _, id := range e.PackIds {
			m.decom[e.BatchId][id] = chain.Decommission{Actor: e.Actor, Time: time.Unix(int64(h.Time), 0).UTC(), Reason: chain.Reason(e.Reason)}
		}
	case ev(ledABI, "PackReactivated"):
		e, err := led.UnpackPackReactivatedEvent(&l)
		must(err)
		m.balances[e.BatchId][e.Actor]++
		delete(m.decom[e.BatchId], e.PackId)
	case ev(regABI, "RoleGranted"), ev(regABI, "RoleRevoked"), ev(regABI, "RoleAdminChanged"):
		// AccessControl's own events mirror ParticipantRegistered / Deactivated.
	default:
		t.Fatalf("log with unknown topic %s at %s:%d", l.Topics[0], l.TxHash, l.Index)
	}
}

func (m *mirror) setStatus(id *big.Int, s chain.ShipmentStatus) {
	sh := m.shipments[id.Uint64()]
	sh.Status = s
	m.shipments[id.Uint64()] = sh
}

// TestEventsAloneRebuildTheState runs a scenario that emits every event, rebuilds the state from
// the logs alone, and compares every participant, product, batch, balance, shipment and
// decommissioned pack with the contracts' views. It also rebuilds each batch's packs root from
// the published pack ids.
func TestEventsAloneRebuildTheState(t *testing.T) {
	ctx := context.Background()
	c := chaintest.New(t)
	cl := c.Client
	g1, g2 := chaintest.GTIN(1), chaintest.GTIN(2)
	c.RegisterProduct(t, c.Manufacturer, g1)
	c.RegisterProduct(t, c.Manufacturer, g2)
	if _, err := cl.TransferProduct(ctx, c.Regulator.Opts, g2, c.Manufacturer2.Address); err != nil {
		t.Fatal(err)
	}
	a := c.RegisterBatch(t, c.Manufacturer, g1, "EV-A", 20)
	b := c.RegisterBatch(t, c.Manufacturer2, g2, "EV-B", 5)
	c.ShipAndReceive(t, a, c.Manufacturer, c.Distributor, 12)
	c.ShipAndReceive(t, a, c.Distributor, c.Pharmacy, 6)
	c.ShipAndReceive(t, b, c.Manufacturer2, c.Pharmacy2, 5)
	rej, _, err := cl.Ship(ctx, c.Distributor.Opts, a.ID, c.Pharmacy2.Address, 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.RejectShipment(ctx, c.Pharmacy2.Opts, rej); err != nil {
		t.Fatal(err)
	}
	can, _, err := cl.Ship(ctx, c.Distributor.Opts, a.ID, c.Pharmacy2.Address, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.CancelShipment(ctx, c.Distributor.Opts, can); err != nil {
		t.Fatal(err)
	}
	if _, _, err := cl.Ship(ctx, c.Distributor.Opts, a.ID, c.Distributor2.Address, 3); err != nil { // left pending
		t.Fatal(err)
	}
	if _, err := cl.Decommission(ctx, c.Pharmacy.Opts, a.ID, a.PackIDs[0], a.Proof(t, 0), chain.ReasonSupplied); err != nil {
		t.Fatal(err)
	}
	if _, err := cl.DecommissionMany(ctx, c.Pharmacy.Opts, a.ID, a.MultiProof(t, 1, 7, 19), chain.ReasonSupplied); err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Reactivate(ctx, c.Pharmacy.Opts, a.ID, a.PackIDs[7]); err != nil {
		t.Fatal(err)
	}
	if _, err := cl.DecommissionMany(ctx, c.Pharmacy2.Opts, b.ID, b.MultiProof(t, 0, 4), chain.ReasonStolen); err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Recall(ctx, c.Manufacturer2.Opts, b.ID, "tamper evidence broken"); err != nil {
		t.Fatal(err)
	}
	if _, err := cl.DeactivateParticipant(ctx, c.Regulator.Opts, c.Distributor2.Address); err != nil {
		t.Fatal(err)
	}

	regABI, ledABI, err := chain.ContractABIs()
	if err != nil {
		t.Fatal(err)
	}
	m := &mirror{
		participants: map[common.Address]chain.Participant{},
		owners:       map[uint64]common.Address{},
		batches:      map[common.Hash]*mirrorBatch{},
		balances:     map[common.Hash]map[common.Address]uint64{},
		shipments:    map[uint64]chain.Shipment{},
		decom:        map[common.Hash]map[common.Hash]chain.Decommission{},
	}
	reg, led := registry.NewRegistry(), ledger.NewBatchLedger()
	for _, l := range c.Logs(t) {
		m.apply(t, c, l, reg, led, regABI, ledABI)
	}

	for _, acct := range c.Accounts() {
		got, err := cl.Participant(ctx, acct.Address)
		if err != nil {
			t.Fatal(err)
		}
		if want := m.participants[acct.Address]; got != want {
			t.Errorf("participant %s: chain %+v, events %+v", acct.Name, got, want)
		}
	}
	for _, g := range []uint64{g1, g2} {
		got, err := cl.ProductOwner(ctx, g)
		if err != nil || got != m.owners[g] {
			t.Errorf("owner of %d: chain %s (%v), events %s", g, got, err, m.owners[g])
		}
	}
	if len(m.batches) != 2 {
		t.Fatalf("events describe %d batches, want 2", len(m.batches))
	}
	for _, tb := range []*chaintest.Batch{a, b} {
		mb := m.batches[tb.ID]
		got, err := cl.Batch(ctx, tb.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got != mb.Batch {
			t.Errorf("batch %s: chain %+v, events %+v", tb.Lot, got, mb.Batch)
		}
		if root, err := packtree.Root(mb.packIDs); err != nil || root != got.PacksRoot {
			t.Errorf("batch %s: root of published pack ids %s (%v), registered %s", tb.Lot, root, err, got.PacksRoot)
		}
		for _, acct := range c.Accounts() {
			n, err := cl.BalanceOf(ctx, tb.ID, acct.Address)
			if err != nil {
				t.Fatal(err)
			}
			if n != m.balances[tb.ID][acct.Address] {
				t.Errorf("batch %s balance of %s: chain %d, events %d", tb.Lot, acct.Name, n, m.balances[tb.ID][acct.Address])
			}
		}
		for _, id := range tb.PackIDs {
			got, err := cl.DecommissionOf(ctx, tb.ID, id)
			if err != nil {
				t.Fatal(err)
			}
			if want := m.decom[tb.ID][id]; got != want {
				t.Errorf("batch %s pack %s: chain %+v, events %+v", tb.Lot, id, got, want)
			}
		}
	}
	if len(m.shipments) != 6 {
		t.Errorf("events describe %d shipments, want 6", len(m.shipments))
	}
	for id, want := range m.shipments {
		got, err := cl.Shipment(ctx, id)
		if err != nil || got != want {
			t.Errorf("shipment %d: chain %+v (%v), events %+v", id, got, err, want)
		}
	}
}
