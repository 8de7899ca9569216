package chain_test

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/bindings/ledger"
	"github.com/pharmatrace/pharmatrace/bindings/registry"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
)

// unreachable lists the custom errors in the ABIs that no call can produce, and why.
var unreachable = map[string]string{
	"AccessControlBadConfirmation": "only renounceRole raises it, and Registry overrides renounceRole to refuse outright",
}

// fixture is a chain with stock spread over the supply chain, shared by the refusal tests.
type fixture struct {
	*chaintest.Chain
	gtin, gtin2 uint64
	b           *chaintest.Batch // 8 packs: manufacturer 4, distributor 2, pharmacy 2
	unpublished *chaintest.Batch // 4 packs registered, none published
	pending     uint64           // a pending shipment manufacturer -> distributor of 1 unit of b
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{Chain: chaintest.New(t), gtin: chaintest.GTIN(1), gtin2: chaintest.GTIN(2)}
	f.RegisterProduct(t, f.Manufacturer, f.gtin)
	f.RegisterProduct(t, f.Manufacturer2, f.gtin2)
	f.b = f.RegisterBatch(t, f.Manufacturer, f.gtin, "B1", 8)
	f.ShipAndReceive(t, f.b, f.Manufacturer, f.Distributor, 3)
	f.ShipAndReceive(t, f.b, f.Distributor, f.Pharmacy, 2)
	id, _, err := f.Client.Ship(ctx, f.Manufacturer.Opts, f.b.ID, f.Distributor.Address, 1)
	if err != nil {
		t.Fatal(err)
	}
	f.pending = id
	f.unpublished = chaintest.NewBatch(t, f.gtin, "U1", 4, f.Now(t).AddDate(1, 0, 0))
	if _, _, err := f.Client.RegisterBatch(ctx, f.Manufacturer.Opts, chain.BatchSpec{
		GTIN: f.gtin, Lot: "U1", Expiry: f.unpublished.Expiry, Quantity: 4, PacksRoot: f.unpublished.Tree.Root(),
	}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) spec(lot string, qty uint32) chain.BatchSpec {
	return chain.BatchSpec{GTIN: f.gtin, Lot: lot, Expiry: time.Now().AddDate(1, 0, 0), Quantity: qty, PacksRoot: common.HexToHash("0x01")}
}

func (f *fixture) publishRaw(ctx context.Context, from *chaintest.Account, b *chaintest.Batch, offset uint32, ids []common.Hash) error {
	raw := make([][32]byte, len(ids))
	for i, id := range ids {
		raw[i] = id
	}
	_, err := f.Client.Transact(ctx, from.Opts, f.Client.Addresses().Ledger, ledger.NewBatchLedger().PackPublishPacks(b.ID, offset, raw))
	return err
}

// TestEveryCustomErrorReached drives the contracts into each custom error once and checks the
// Go error: the right sentinel, decoded as a *chain.ContractError of the right name. At the end,
// every error in the ABIs must have been reached or be listed in unreachable.
func TestEveryCustomErrorReached(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	cl := f.Client
	reached := map[string]bool{}
	check := func(name string, err error, want error) {
		t.Helper()
		var ce *chain.ContractError
		switch {
		case !errors.As(err, &ce):
			t.Errorf("%s: got %v, want a *chain.ContractError", name, err)
		case ce.Name != name || !errors.Is(err, want):
			t.Errorf("%s: got %s (%v), want %v", name, ce.Name, err, want)
		default:
			reached[name] = true
		}
	}
	reg := f.Client.Addresses().Registry
	newAcct := chaintest.NewAccount("newcomer")

	// Registry.
	_, err := cl.RegisterParticipant(ctx, f.Distributor.Opts, newAcct.Address, chain.RolePharmacy, chaintest.GLN(50), "x")
	check("AccessControlUnauthorizedAccount", err, chain.ErrUnauthorized)
	_, err = cl.RegisterParticipant(ctx, f.Regulator.Opts, f.Pharmacy.Address, chain.RolePharmacy, chaintest.GLN(51), "x")
	check("AlreadyRegistered", err, chain.ErrAlreadyRegistered)
	_, err = cl.DeactivateParticipant(ctx, f.Regulator.Opts, f.Outsider.Address)
	check("NotRegistered", err, chain.ErrNotRegistered)
	if _, err := cl.RegisterParticipant(ctx, f.Regulator.Opts, newAcct.Address, chain.RoleDistributor, chaintest.GLN(54), "Short-lived Wholesale"); err != nil {
		t.Fatal(err)
	}
	if _, err := cl.DeactivateParticipant(ctx, f.Regulator.Opts, newAcct.Address); err != nil {
		t.Fatal(err)
	}
	_, err = cl.DeactivateParticipant(ctx, f.Regulator.Opts, newAcct.Address)
	check("AlreadyInactive", err, chain.ErrAlreadyInactive)
	_, err = cl.RegisterParticipant(ctx, f.Regulator.Opts, newAcct.Address, chain.RolePharmacy, chaintest.GLN(55), "again")
	check("AlreadyRegistered", err, chain.ErrAlreadyRegistered)
	newAcct = chaintest.NewAccount("newcomer2")
	_, err = cl.RegisterParticipant(ctx, f.Regulator.Opts, newAcct.Address, chain.RoleNone, chaintest.GLN(52), "x")
	check("InvalidRole", err, chain.ErrInvalidRole)
	_, err = cl.RegisterParticipant(ctx, f.Regulator.Opts, newAcct.Address, chain.RolePharmacy, 0, "x")
	check("InvalidGLN", err, chain.ErrInvalidGLN)
	_, err = cl.RegisterParticipant(ctx, f.Regulator.Opts, newAcct.Address, chain.RolePharmacy, 10_000_000_000_000, "x")
	check("InvalidGLN", err, chain.ErrInvalidGLN)
	_, err = cl.RegisterParticipant(ctx, f.Regulator.Opts, newAcct.Address, chain.RolePharmacy, f.Pharmacy.GLN, "x")
	check("GLNInUse", err, chain.ErrGLNInUse)
	_, err = cl.RegisterParticipant(ctx, f.Regulator.Opts, common.Address{}, chain.RolePharmacy, chaintest.GLN(53), "x")
	check("ZeroAddress", err, chain.ErrZeroAddress)
	_, err = cl.DeactivateParticipant(ctx, f.Regulator.Opts, f.Regulator.Address)
	check("CannotDeactivateSelf", err, chain.ErrCannotDeactivateSelf)
	r := registry.NewRegistry()
	for _, data := range [][]byte{
		r.PackGrantRole([32]byte{}, newAcct.Address), r.PackRevokeRole([32]byte{}, f.Pharmacy.Address), r.PackRenounceRole([32]byte{}, f.Regulator.Address),
	} {
		_, err = cl.Transact(ctx, f.Regulator.Opts, reg, data)
		check("DirectRoleChangeRefused", err, chain.ErrDirectRoleChangeRefused)
	}
	for _, g := range []uint64{0, 100_000_000_000_000} {
		_, err = cl.RegisterProduct(ctx, f.Manufacturer.Opts, chain.Product{GTIN: g, Name: "x", PackSize: 1})
		check("InvalidGTIN", err, chain.ErrInvalidGTIN)
	}
	_, err = cl.RegisterProduct(ctx, f.Manufacturer2.Opts, chain.Product{GTIN: f.gtin, Name: "x", PackSize: 1})
	check("ProductExists", err, chain.ErrProductExists)
	_, err = cl.TransferProduct(ctx, f.Regulator.Opts, chaintest.GTIN(99), f.Manufacturer2.Address)
	check("UnknownProduct", err, chain.ErrUnknownProduct)
	_, err = cl.RegisterProduct(ctx, f.Manufacturer.Opts, chain.Product{GTIN: chaintest.GTIN(3), Name: "x", PackSize: 0})
	check("InvalidPackSize", err, chain.ErrInvalidPackSize)
	_, err = cl.RegisterProduct(ctx, f.Outsider.Opts, chain.Product{GTIN: chaintest.GTIN(3), Name: "x", PackSize: 1})
	check("InactiveParticipant", err, chain.ErrInactiveParticipant)
	_, err = cl.RegisterProduct(ctx, f.Pharmacy.Opts, chain.Product{GTIN: chaintest.GTIN(3), Name: "x", PackSize: 1})
	check("RoleNotAllowed", err, chain.ErrRoleNotAllowed)
	_, err = cl.TransferProduct(ctx, f.Regulator.Opts, f.gtin, f.Distributor.Address)
	check("RoleNotAllowed", err, chain.ErrRoleNotAllowed)

	// Batches and packs.
	s := f.spec("N1", 4)
	s.GTIN = f.gtin
	_, _, err = cl.RegisterBatch(ctx, f.Manufacturer2.Opts, s)
	check("NotProductOwner", err, chain.ErrNotProductOwner)
	_, _, err = cl.RegisterBatch(ctx, f.Manufacturer.Opts, f.spec("B1", 8))
	check("BatchExists", err, chain.ErrBatchExists)
	_, _, err = cl.Ship(ctx, f.Manufacturer.Opts, common.HexToHash("0xbad"), f.Distributor.Address, 1)
	check("UnknownBatch", err, chain.ErrUnknownBatch)
	for _, lot := range []string{"", strings.Repeat("L", 21)} {
		_, _, err = cl.RegisterBatch(ctx, f.Manufacturer.Opts, f.spec(lot, 4))
		check("InvalidLot", err, chain.ErrInvalidLot)
	}
	_, _, err = cl.RegisterBatch(ctx, f.Manufacturer.Opts, f.spec("N2", 0))
	check("InvalidQuantity", err, chain.ErrInvalidQuantity)
	old := f.spec("N3", 4)
	old.Expiry = f.Now(t).AddDate(0, 0, -1)
	_, _, err = cl.RegisterBatch(ctx, f.Manufacturer.Opts, old)
	check("InvalidExpiry", err, chain.ErrInvalidExpiry)
	noRoot := f.spec("N4", 4)
	noRoot.PacksRoot = common.Hash{}
	_, _, err = cl.RegisterBatch(ctx, f.Manufacturer.Opts, noRoot)
	check("InvalidPacksRoot", err, chain.ErrInvalidPacksRoot)
	err = f.publishRaw(ctx, f.Manufacturer2, f.unpublished, 0, f.unpublished.PackIDs)
	check("NotBatchManufacturer", err, chain.ErrNotBatchManufacturer)
	err = f.publishRaw(ctx, f.Manufacturer, f.unpublished, 2, f.unpublished.PackIDs[2:])
	check("PublishOutOfOrder", err, chain.ErrPublishOutOfOrder)
	err = f.publishRaw(ctx, f.Manufacturer, f.unpublished, 0, append(slices.Clone(f.unpublished.PackIDs), common.HexToHash("0x05")))
	check("TooManyPacks", err, chain.ErrTooManyPacks)
	err = f.publishRaw(ctx, f.Manufacturer, f.unpublished, 0, nil)
	check("TooManyPacks", err, chain.ErrTooManyPacks)
	_, _, err = cl.Ship(ctx, f.Manufacturer.Opts, f.unpublished.ID, f.Distributor.Address, 1)
	check("PacksNotPublished", err, chain.ErrPacksNotPublished)
	_, err = cl.PublishPacks(ctx, f.Manufacturer.Opts, f.unpublished.ID, f.unpublished.PackIDs[:3], nil)
	if !errors.Is(err, chain.ErrInvalidQuantity) {
		t.Errorf("PublishPacks with too few ids: got %v, want ErrInvalidQuantity before any transaction", err)
	}

	// Custody.
	_, _, err = cl.Ship(ctx, f.Pharmacy.Opts, f.b.ID, f.Pharmacy2.Address, 1)
	check("ShipmentNotAllowed", err, chain.ErrShipmentNotAllowed)
	_, _, err = cl.Ship(ctx, f.Pharmacy.Opts, f.b.ID, f.Distributor.Address, 3)
	check("InsufficientStock", err, chain.ErrInsufficientStock)
	_, _, err = cl.Ship(ctx, f.Manufacturer.Opts, f.b.ID, f.Distributor.Address, 0)
	check("InvalidQuantity", err, chain.ErrInvalidQuantity)
	_, err = cl.ReceiveShipment(ctx, f.Distributor.Opts, 9999)
	check("UnknownShipment", err, chain.ErrUnknownShipment)
	_, err = cl.ReceiveShipment(ctx, f.Distributor.Opts, 1)
	check("ShipmentNotPending", err, chain.ErrShipmentNotPending)
	_, err = cl.ReceiveShipment(ctx, f.Pharmacy.Opts, f.pending)
	check("NotShipmentReceiver", err, chain.ErrNotShipmentReceiver)
	_, err = cl.CancelShipment(ctx, f.Distributor.Opts, f.pending)
	check("NotShipmentSender", err, chain.ErrNotShipmentSender)

	// Decommissioning.
	_, err = cl.Decommission(ctx, f.Pharmacy.Opts, f.b.ID, f.b.PackIDs[0], f.b.Proof(t, 1), chain.ReasonSupplied)
	check("InvalidProof", err, chain.ErrInvalidProof)
	mp := f.b.MultiProof(t, 0, 1, 4)
	// Too few flag bits for the proof (the client refuses to send that, so send it raw).
	_, err = cl.Transact(ctx, f.Pharmacy.Opts, f.Client.Addresses().Ledger, ledger.NewBatchLedger().PackDecommissionMany(
		f.b.ID, hashSlice(mp.PackIDs), hashSlice(mp.Proof), nil, uint8(chain.ReasonSupplied)))
	check("MerkleProofInvalidMultiproof", err, chain.ErrInvalidMultiproof)
	// A proof hash too many: the extra (zero) flag takes it into the hashing, so the root differs.
	_, err = cl.Transact(ctx, f.Pharmacy.Opts, f.Client.Addresses().Ledger, ledger.NewBatchLedger().PackDecommissionMany(
		f.b.ID, hashSlice(mp.PackIDs), hashSlice(append(mp.Proof, common.Hash{1})), chain.FlagBits(mp.Flags), uint8(chain.ReasonSupplied)))
	check("InvalidProof", err, chain.ErrInvalidProof)
	mp.Flags = mp.Flags[:len(mp.Flags)-1]
	if _, err := cl.DecommissionMany(ctx, f.Pharmacy.Opts, f.b.ID, mp, chain.ReasonSupplied); err == nil || errors.As(err, new(*chain.ContractError)) {
		t.Errorf("DecommissionMany with a flag missing: got %v, want a refusal before any transaction", err)
	}
	_, err = cl.Decommission(ctx, f.Pharmacy.Opts, f.b.ID, f.b.PackIDs[0], f.b.Proof(t, 0), chain.ReasonNone)
	check("InvalidReason", err, chain.ErrInvalidReason)
	if _, err := cl.Decommission(ctx, f.Pharmacy.Opts, f.b.ID, f.b.PackIDs[0], f.b.Proof(t, 0), chain.ReasonSupplied); err != nil {
		t.Fatal(err)
	}
	_, err = cl.Decommission(ctx, f.Pharmacy.Opts, f.b.ID, f.b.PackIDs[0], f.b.Proof(t, 0), chain.ReasonSupplied)
	check("AlreadyDecommissioned", err, chain.ErrAlreadyDecommission)
	_, err = cl.DecommissionMany(ctx, f.Manufacturer.Opts, f.b.ID, f.b.MultiProof(t, 0, 2), chain.ReasonDestroyed)
	check("AlreadyDecommissioned", err, chain.ErrAlreadyDecommission)
	_, err = cl.Reactivate(ctx, f.Pharmacy.Opts, f.b.ID, f.b.PackIDs[1])
	check("NotDecommissioned", err, chain.ErrNotDecommissioned)
	_, err = cl.Reactivate(ctx, f.Pharmacy2.Opts, f.b.ID, f.b.PackIDs[0])
	check("UndoByOtherActor", err, chain.ErrUndoByOtherActor)
	if _, err := cl.Decommission(ctx, f.Pharmacy.Opts, f.b.ID, f.b.PackIDs[1], f.b.Proof(t, 1), chain.ReasonStolen); err != nil {
		t.Fatal(err)
	}
	_, err = cl.Reactivate(ctx, f.Pharmacy.Opts, f.b.ID, f.b.PackIDs[1])
	check("UndoNotAllowed", err, chain.ErrUndoNotAllowed)

	// Recall.
	rb := f.RegisterBatch(t, f.Manufacturer, f.gtin, "R1", 2)
	if _, err := cl.Recall(ctx, f.Regulator.Opts, rb.ID, "contamination"); err != nil {
		t.Fatal(err)
	}
	_, _, err = cl.Ship(ctx, f.Manufacturer.Opts, rb.ID, f.Distributor.Address, 1)
	check("BatchIsRecalled", err, chain.ErrBatchRecalled)
	_, err = cl.Recall(ctx, f.Manufacturer.Opts, rb.ID, "again")
	check("AlreadyRecalled", err, chain.ErrAlreadyRecalled)

	// Time: a batch expiring today, and an undo after the window.
	eb := chaintest.NewBatch(t, f.gtin, "X1", 2, f.Now(t))
	if _, _, err := cl.RegisterBatch(ctx, f.Manufacturer.Opts, chain.BatchSpec{GTIN: f.gtin, Lot: "X1", Expiry: eb.Expiry, Quantity: 2, PacksRoot: eb.Tree.Root()}); err != nil {
		t.Fatal(err)
	}
	if _, err := cl.PublishPacks(ctx, f.Manufacturer.Opts, eb.ID, eb.PackIDs, nil); err != nil {
		t.Fatal(err)
	}
	f.AdvanceTime(t, 11*24*time.Hour)
	_, _, err = cl.Ship(ctx, f.Manufacturer.Opts, eb.ID, f.Distributor.Address, 1)
	check("BatchIsExpired", err, chain.ErrBatchExpired)
	_, err = cl.Reactivate(ctx, f.Pharmacy.Opts, f.b.ID, f.b.PackIDs[0])
	check("UndoWindowClosed", err, chain.ErrUndoWindowClosed)

	var missing []string
	for _, md := range []string{registry.RegistryMetaData.ABI, ledger.BatchLedgerMetaData.ABI} {
		parsed, err := abi.JSON(strings.NewReader(md))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range slices.Sorted(maps.Keys(parsed.Errors)) {
			if !reached[name] && unreachable[name] == "" {
				missing = append(missing, name)
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("custom errors never reached: %v", missing)
	}
}

func hashSlice(hs []common.Hash) [][32]byte {
	out := make([][32]byte, len(hs))
	for i, h := range hs {
		out[i] = h
	}
	return out
}
