package chain_test

import (
	"context"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
)

// TestAccessControlMatrix calls every role-gated function from every account that may not call
// it, including an unregistered one and a deactivated one, and expects the typed refusal.
// Refused calls fail at gas estimation, so no state changes between rows.
func TestAccessControlMatrix(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	cl := f.Client
	// A pack dispensed by the pharmacy, for the undo row.
	if _, err := cl.Decommission(ctx, f.Pharmacy.Opts, f.b.ID, f.b.PackIDs[7], f.b.Proof(t, 7), chain.ReasonSupplied); err != nil {
		t.Fatal(err)
	}
	// A deactivated distributor that held stock, to show deactivation stops everything.
	gone := chaintest.NewAccount("deactivated")
	if _, err := cl.RegisterParticipant(ctx, f.Regulator.Opts, gone.Address, chain.RoleDistributor, chaintest.GLN(60), "Closed Wholesale"); err != nil {
		t.Fatal(err)
	}
	gone.Role = chain.RoleDistributor
	if err := fund(ctx, f, gone); err != nil {
		t.Fatal(err)
	}
	f.ShipAndReceive(t, f.b, f.Distributor, gone, 1)
	if _, err := cl.DeactivateParticipant(ctx, f.Regulator.Opts, gone.Address); err != nil {
		t.Fatal(err)
	}

	byRole := func(outsider, other error) func(a *chaintest.Account) error {
		return func(a *chaintest.Account) error {
			if a == f.Outsider || a == gone {
				return outsider
			}
			return other
		}
	}
	rows := []struct {
		name    string
		allowed []*chaintest.Account
		call    func(a *chaintest.Account) error
		want    func(a *chaintest.Account) error
	}{
		{"registerParticipant", []*chaintest.Account{f.Regulator}, func(a *chaintest.Account) error {
			_, err := cl.RegisterParticipant(ctx, a.Opts, chaintest.NewAccount("x").Address, chain.RolePharmacy, chaintest.GLN(70), "x")
			return err
		}, byRole(chain.ErrUnauthorized, chain.ErrUnauthorized)},
		{"deactivateParticipant", []*chaintest.Account{f.Regulator}, func(a *chaintest.Account) error {
			_, err := cl.DeactivateParticipant(ctx, a.Opts, f.Pharmacy2.Address)
			return err
		}, byRole(chain.ErrUnauthorized, chain.ErrUnauthorized)},
		{"transferProduct", []*chaintest.Account{f.Regulator}, func(a *chaintest.Account) error {
			_, err := cl.TransferProduct(ctx, a.Opts, f.gtin, f.Manufacturer2.Address)
			return err
		}, byRole(chain.ErrUnauthorized, chain.ErrUnauthorized)},
		{"registerProduct", []*chaintest.Account{f.Manufacturer, f.Manufacturer2}, func(a *chaintest.Account) error {
			_, err := cl.RegisterProduct(ctx, a.Opts, chain.Product{GTIN: chaintest.GTIN(9), Name: "x", PackSize: 1})
			return err
		}, byRole(chain.ErrInactiveParticipant, chain.ErrRoleNotAllowed)},
		{"registerBatch", []*chaintest.Account{f.Manufacturer}, func(a *chaintest.Account) error {
			_, _, err := cl.RegisterBatch(ctx, a.Opts, f.spec("M1", 4))
			return err
		}, func(a *chaintest.Account) error {
			switch a {
			case f.Outsider, gone:
				return chain.ErrInactiveParticipant
			case f.Manufacturer2:
				return chain.ErrNotProductOwner
			}
			return chain.ErrRoleNotAllowed
		}},
		{"publishPacks", []*chaintest.Account{f.Manufacturer}, func(a *chaintest.Account) error {
			return f.publishRaw(ctx, a, f.unpublished, 0, f.unpublished.PackIDs)
		}, byRole(chain.ErrNotBatchManufacturer, chain.ErrNotBatchManufacturer)},
		{"recall", []*chaintest.Account{f.Manufacturer, f.Regulator}, func(a *chaintest.Account) error {
			_, err := cl.Recall(ctx, a.Opts, f.b.ID, "x")
			return err
		}, byRole(chain.ErrInactiveParticipant, chain.ErrNotBatchManufacturer)},
		{"ship to a distributor", []*chaintest.Account{f.Manufacturer, f.Distributor, f.Pharmacy}, func(a *chaintest.Account) error {
			_, _, err := cl.Ship(ctx, a.Opts, f.b.ID, f.Distributor2.Address, 1)
			return err
		}, func(a *chaintest.Account) error {
			switch a {
			case f.Outsider, gone:
				return chain.ErrInactiveParticipant
			case f.Regulator, f.Distributor2:
				return chain.ErrShipmentNotAllowed // regulators hold no stock; nobody ships to itself
			}
			return chain.ErrInsufficientStock
		}},
		{"receiveShipment", []*chaintest.Account{f.Distributor}, func(a *chaintest.Account) error {
			_, err := cl.ReceiveShipment(ctx, a.Opts, f.pending)
			return err
		}, byRole(chain.ErrNotShipmentReceiver, chain.ErrNotShipmentReceiver)},
		{"rejectShipment", []*chaintest.Account{f.Distributor}, func(a *chaintest.Account) error {
			_, err := cl.RejectShipment(ctx, a.Opts, f.pending)
			return err
		}, byRole(chain.ErrNotShipmentReceiver, chain.ErrNotShipmentReceiver)},
		{"cancelShipment", []*chaintest.Account{f.Manufacturer}, func(a *chaintest.Account) error {
			_, err := cl.CancelShipment(ctx, a.Opts, f.pending)
			return err
		}, byRole(chain.ErrNotShipmentSender, chain.ErrNotShipmentSender)},
		{"decommission as supplied", []*chaintest.Account{f.Pharmacy}, func(a *chaintest.Account) error {
			_, err := cl.Decommission(ctx, a.Opts, f.b.ID, f.b.PackIDs[3], f.b.Proof(t, 3), chain.ReasonSupplied)
			return err
		}, func(a *chaintest.Account) error {
			switch a {
			case f.Outsider, gone:
				return chain.ErrInactiveParticipant
			case f.Pharmacy2:
				return chain.ErrInsufficientStock
			}
			return chain.ErrRoleNotAllowed
		}},
		{"decommission as destroyed", []*chaintest.Account{f.Manufacturer, f.Distributor, f.Pharmacy}, func(a *chaintest.Account) error {
			_, err := cl.Decommission(ctx, a.Opts, f.b.ID, f.b.PackIDs[3], f.b.Proof(t, 3), chain.ReasonDestroyed)
			return err
		}, func(a *chaintest.Account) error {
			switch a {
			case f.Outsider, gone:
				return chain.ErrInactiveParticipant
			case f.Regulator:
				return chain.ErrRoleNotAllowed
			}
			return chain.ErrInsufficientStock
		}},
		{"reactivate", []*chaintest.Account{f.Pharmacy}, func(a *chaintest.Account) error {
			_, err := cl.Reactivate(ctx, a.Opts, f.b.ID, f.b.PackIDs[7])
			return err
		}, byRole(chain.ErrUndoByOtherActor, chain.ErrUndoByOtherActor)},
	}
	callers := append(f.Accounts(), gone)
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			for _, a := range callers {
				if containsAccount(row.allowed, a) {
					continue
				}
				err := row.call(a)
				want := row.want(a)
				var ce *chain.ContractError
				if !errors.Is(err, want) || !errors.As(err, &ce) {
					t.Errorf("%s by %s: got %v, want %v", row.name, a.Name, err, want)
				}
			}
		})
	}
	// The deactivated distributor still holds its unit but can do nothing with it.
	if n, err := cl.BalanceOf(ctx, f.b.ID, gone.Address); err != nil || n != 1 {
		t.Errorf("deactivated holder balance = %d, %v; want 1", n, err)
	}
}

func containsAccount(list []*chaintest.Account, a *chaintest.Account) bool {
	for _, x := range list {
		if x == a {
			return true
		}
	}
	return false
}

// fund sends a new account some ether from the regulator, so it can send transactions.
func fund(ctx context.Context, f *fixture, a *chaintest.Account) error {
	_, err := f.Client.Transact(ctx, withValue(f.Regulator, 1e18), a.Address, nil)
	return err
}

func withValue(a *chaintest.Account, wei int64) *bind.TransactOpts {
	o := *a.Opts
	o.Value = big.NewInt(wei)
	return &o
}
