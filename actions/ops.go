package actions

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer"
)

// NewParticipant is a participant a regulator admits.
type NewParticipant struct {
	Account string `json:"account"`
	Role    string `json:"role"`
	GLN     string `json:"gln"`
	Name    string `json:"name"`
}

// RegisterParticipant admits a participant (regulators only).
func (s *Service) RegisterParticipant(ctx context.Context, a Actor, p NewParticipant) (Receipt, error) {
	opts, err := s.require(a, chain.RoleRegulator)
	if err != nil {
		return Receipt{}, err
	}
	acct, err := address("account", p.Account)
	if err != nil {
		return Receipt{}, err
	}
	role, err := chain.ParseRole(p.Role)
	if err != nil {
		return Receipt{}, invalid("role", "%v", err)
	}
	gln, err := gs1.ParseGLN(p.GLN)
	if err != nil {
		return Receipt{}, invalid("gln", "%v", err)
	}
	name := strings.TrimSpace(p.Name)
	if name == "" || len(name) > 200 {
		return Receipt{}, invalid("name", "give the participant's name (at most 200 bytes)")
	}
	glnNum, _ := strconv.ParseUint(string(gln), 10, 64)
	var r Receipt
	rc, err := s.opts.Chain.RegisterParticipant(ctx, opts, acct, role, glnNum, name)
	r.add(rc)
	if err != nil {
		return r, fmt.Errorf("register participant %s: %w", acct, err)
	}
	return s.settle(ctx, r)
}

// DeactivateParticipant deactivates a participant (regulators only).
func (s *Service) DeactivateParticipant(ctx context.Context, a Actor, account string) (Receipt, error) {
	opts, err := s.require(a, chain.RoleRegulator)
	if err != nil {
		return Receipt{}, err
	}
	acct, err := address("account", account)
	if err != nil {
		return Receipt{}, err
	}
	var r Receipt
	rc, err := s.opts.Chain.DeactivateParticipant(ctx, opts, acct)
	r.add(rc)
	if err != nil {
		return r, fmt.Errorf("deactivate participant %s: %w", acct, err)
	}
	return s.settle(ctx, r)
}

// NewProduct is a product a manufacturer registers in the directory.
type NewProduct struct {
	GTIN     string `json:"gtin"`
	Name     string `json:"name"`
	Strength string `json:"strength"`
	Form     string `json:"form"`
	PackSize uint32 `json:"packSize"`
}

// RegisterProduct registers a product owned by the calling manufacturer.
func (s *Service) RegisterProduct(ctx context.Context, a Actor, p NewProduct) (Receipt, error) {
	opts, err := s.require(a, chain.RoleManufacturer)
	if err != nil {
		return Receipt{}, err
	}
	gtin, err := gs1.ParseGTIN(p.GTIN)
	if err != nil {
		return Receipt{}, invalid("gtin", "%v", err)
	}
	for field, v := range map[string]string{"name": p.Name, "strength": p.Strength, "form": p.Form} {
		if strings.TrimSpace(v) == "" || len(v) > 200 {
			return Receipt{}, invalid(field, "give the product's %s (at most 200 bytes)", field)
		}
	}
	if p.PackSize == 0 {
		return Receipt{}, invalid("packSize", "give the number of units in a pack (at least 1)")
	}
	n, _ := strconv.ParseUint(string(gtin), 10, 64)
	var r Receipt
	rc, err := s.opts.Chain.RegisterProduct(ctx, opts, chain.Product{GTIN: n, Name: strings.TrimSpace(p.Name), Strength: strings.TrimSpace(p.Strength), Form: strings.TrimSpace(p.Form), PackSize: p.PackSize})
	r.add(rc)
	if err != nil {
		return r, fmt.Errorf("register product %s: %w", gtin, err)
	}
	return s.settle(ctx, r)
}

// Ship sends qty units of a batch to another participant; the answer carries the shipment id.
func (s *Service) Ship(ctx context.Context, a Actor, batchID, to string, qty uint32) (uint64, Receipt, error) {
	opts, err := s.require(a, chain.RoleManufacturer, chain.RoleDistributor, chain.RolePharmacy)
	if err != nil {
		return 0, Receipt{}, err
	}
	id, err := hash32("batchId", batchID)
	if err != nil {
		return 0, Receipt{}, err
	}
	dest, err := address("to", to)
	if err != nil {
		return 0, Receipt{}, err
	}
	if qty == 0 {
		return 0, Receipt{}, invalid("quantity", "ship at least one unit")
	}
	var r Receipt
	sid, rc, err := s.opts.Chain.Ship(ctx, opts, id, dest, qty)
	r.add(rc)
	if err != nil {
		return 0, r, fmt.Errorf("ship %d of %s to %s: %w", qty, id, dest, err)
	}
	r, err = s.settle(ctx, r)
	return sid, r, err
}

// ShipmentAction is what a participant does with a pending shipment.
type ShipmentAction string

// Shipment actions.
const (
	Receive ShipmentAction = "receive" // by the receiver
	Reject  ShipmentAction = "reject"  // by the receiver: the units go back to the sender
	Cancel  ShipmentAction = "cancel"  // by the sender
)

// CloseShipment receives, rejects or cancels a pending shipment.
func (s *Service) CloseShipment(ctx context.Context, a Actor, id uint64, act ShipmentAction) (Receipt, error) {
	opts, err := s.require(a, chain.RoleManufacturer, chain.RoleDistributor, chain.RolePharmacy)
	if err != nil {
		return Receipt{}, err
	}
	send := map[ShipmentAction]func(context.Context, *bind.TransactOpts, uint64) (*types.Receipt, error){
		Receive: s.opts.Chain.ReceiveShipment,
		Reject:  s.opts.Chain.RejectShipment,
		Cancel:  s.opts.Chain.CancelShipment,
	}[act]
	if send == nil {
		return Receipt{}, invalid("action", "want receive, reject or cancel")
	}
	var r Receipt
	rc, err := send(ctx, opts, id)
	r.add(rc)
	if err != nil {
		return r, fmt.Errorf("%s shipment %d: %w", act, id, err)
	}
	return s.settle(ctx, r)
}

// Recall recalls a batch (its manufacturer or a regulator).
func (s *Service) Recall(ctx context.Context, a Actor, batchID, reason string) (Receipt, error) {
	opts, err := s.require(a, chain.RoleManufacturer, chain.RoleRegulator)
	if err != nil {
		return Receipt{}, err
	}
	id, err := hash32("batchId", batchID)
	if err != nil {
		return Receipt{}, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" || len(reason) > 500 {
		return Receipt{}, invalid("reason", "say why the batch is recalled (at most 500 bytes)")
	}
	var r Receipt
	rc, err := s.opts.Chain.Recall(ctx, opts, id, reason)
	r.add(rc)
	if err != nil {
		return r, fmt.Errorf("recall %s: %w", id, err)
	}
	return s.settle(ctx, r)
}

// batch reads a batch from the mirror, ErrNotFound if it is not there.
func (s *Service) batch(ctx context.Context, id common.Hash) (indexer.Batch, error) {
	b, err := s.opts.Store.Batch(ctx, id)
	if errors.Is(err, indexer.ErrNotFound) {
		return b, fmt.Errorf("batch %s: %w", id, ErrNotFound)
	}
	return b, err
}

func address(field, v string) (common.Address, error) {
	if !common.IsHexAddress(v) || !strings.HasPrefix(v, "0x") {
		return common.Address{}, invalid(field, "expected a 20-byte hex address starting with 0x")
	}
	a := common.HexToAddress(v)
	if a == (common.Address{}) {
		return a, invalid(field, "the zero address is not a participant")
	}
	return a, nil
}

func hash32(field, v string) (common.Hash, error) {
	if len(v) != 66 || !strings.HasPrefix(v, "0x") || strings.Trim(strings.ToLower(v[2:]), "0123456789abcdef") != "" {
		return common.Hash{}, invalid(field, "expected a 32-byte hex id starting with 0x")
	}
	return common.HexToHash(v), nil
}

// date reads YYYY-MM-DD.
func date(field, v string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, invalid(field, "expected a date as YYYY-MM-DD")
	}
	return t, nil
}
