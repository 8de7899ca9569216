package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pharmatrace/pharmatrace/chain/packtree"
)

// PublishChunk is how many pack ids one publishPacks transaction carries: 3 900 ids are about
// 125 KB of calldata, under geth's 128 KiB transaction-pool limit, and about 5 M gas, well under
// the EIP-7825 cap of 16.7 M.
const PublishChunk = 3900

// Transact sends arbitrary calldata to one of the contracts (or any address) from an account,
// with the same gas, nonce, receipt and revert handling as the named operations. It exists for
// tools (gas reports, administration) that need a function the Client does not wrap.
func (c *Client) Transact(ctx context.Context, from *bind.TransactOpts, to common.Address, data []byte) (*types.Receipt, error) {
	return c.tx.send(ctx, from, &to, data)
}

func (c *Client) sendRegistry(ctx context.Context, from *bind.TransactOpts, data []byte) (*types.Receipt, error) {
	return c.tx.send(ctx, from, &c.addrs.Registry, data)
}

func (c *Client) sendLedger(ctx context.Context, from *bind.TransactOpts, data []byte) (*types.Receipt, error) {
	return c.tx.send(ctx, from, &c.addrs.Ledger, data)
}

// RegisterParticipant admits an account with a role (the sender must be an active regulator).
func (c *Client) RegisterParticipant(ctx context.Context, from *bind.TransactOpts, account common.Address, role Role, gln uint64, name string) (*types.Receipt, error) {
	r, err := c.sendRegistry(ctx, from, c.registry.PackRegisterParticipant(account, uint8(role), gln, name))
	if err != nil {
		return r, fmt.Errorf("register participant %s as %s: %w", account, role, err)
	}
	return r, nil
}

// DeactivateParticipant deactivates an account (the sender must be an active regulator).
func (c *Client) DeactivateParticipant(ctx context.Context, from *bind.TransactOpts, account common.Address) (*types.Receipt, error) {
	r, err := c.sendRegistry(ctx, from, c.registry.PackDeactivateParticipant(account))
	if err != nil {
		return r, fmt.Errorf("deactivate participant %s: %w", account, err)
	}
	return r, nil
}

// RegisterProduct registers one of the sender's products (the sender must be an active manufacturer).
func (c *Client) RegisterProduct(ctx context.Context, from *bind.TransactOpts, p Product) (*types.Receipt, error) {
	r, err := c.sendRegistry(ctx, from, c.registry.PackRegisterProduct(p.GTIN, p.Name, p.Strength, p.Form, p.PackSize))
	if err != nil {
		return r, fmt.Errorf("register product %014d: %w", p.GTIN, err)
	}
	return r, nil
}

// TransferProduct gives a product to another manufacturer (the sender must be an active regulator).
func (c *Client) TransferProduct(ctx context.Context, from *bind.TransactOpts, gtin uint64, to common.Address) (*types.Receipt, error) {
	r, err := c.sendRegistry(ctx, from, c.registry.PackTransferProduct(gtin, to))
	if err != nil {
		return r, fmt.Errorf("transfer product %014d to %s: %w", gtin, to, err)
	}
	return r, nil
}

// RegisterBatch registers a batch; all its units start with the sender, its GTIN's owner.
func (c *Client) RegisterBatch(ctx context.Context, from *bind.TransactOpts, b BatchSpec) (common.Hash, *types.Receipt, error) {
	id := BatchID(b.GTIN, b.Lot)
	data := c.ledger.PackRegisterBatch(b.GTIN, b.Lot, ExpiryDay(b.Expiry), b.Quantity, b.PacksRoot, b.DocHash)
	r, err := c.sendLedger(ctx, from, data)
	if err != nil {
		return id, r, fmt.Errorf("register batch %014d/%s: %w", b.GTIN, b.Lot, err)
	}
	return id, r, nil
}

// PublishPacks publishes a batch's pack ids in chunks of PublishChunk. It starts where the chain
// says publication stopped, so an interrupted publication resumes without duplicates. progress,
// if not nil, is called after each chunk with the ids published so far.
func (c *Client) PublishPacks(ctx context.Context, from *bind.TransactOpts, batchID common.Hash, packIDs []common.Hash, progress func(done, total int)) ([]*types.Receipt, error) {
	b, err := c.Batch(ctx, batchID)
	if err != nil {
		return nil, fmt.Errorf("publish packs of %s: %w", batchID, err)
	}
	if int(b.Quantity) != len(packIDs) {
		return nil, fmt.Errorf("publish packs of %s: %d pack ids for a batch of %d: %w", batchID, len(packIDs), b.Quantity, ErrInvalidQuantity)
	}
	var rcpts []*types.Receipt
	for start := int(b.Published); start < len(packIDs); start += PublishChunk {
		end := min(start+PublishChunk, len(packIDs))
		chunk := make([][32]byte, end-start)
		for i, id := range packIDs[start:end] {
			chunk[i] = id
		}
		r, err := c.sendLedger(ctx, from, c.ledger.PackPublishPacks(batchID, uint32(start), chunk))
		if err != nil {
			return rcpts, fmt.Errorf("publish packs %d-%d of %s: %w", start, end, batchID, err)
		}
		rcpts = append(rcpts, r)
		if progress != nil {
			progress(end, len(packIDs))
		}
	}
	return rcpts, nil
}

// Recall recalls a batch (its manufacturer or a regulator).
func (c *Client) Recall(ctx context.Context, from *bind.TransactOpts, batchID common.Hash, reason string) (*types.Receipt, error) {
	r, err := c.sendLedger(ctx, from, c.ledger.PackRecall(batchID, reason))
	if err != nil {
		return r, fmt.Errorf("recall batch %s: %w", batchID, err)
	}
	return r, nil
}

// Ship sends units of a batch to another participant and returns the new shipment's id.
func (c *Client) Ship(ctx context.Context, from *bind.TransactOpts, batchID common.Hash, to common.Address, quantity uint32) (uint64, *types.Receipt, error) {
	r, err := c.sendLedger(ctx, from, c.ledger.PackShip(batchID, to, quantity))
	if err != nil {
		return 0, r, fmt.Errorf("ship %d of %s to %s: %w", quantity, batchID, to, err)
	}
	for _, l := range r.Logs {
		if ev, err := c.ledger.UnpackShippedEvent(l); err == nil {
			return ev.ShipmentId.Uint64(), r, nil
		}
	}
	return 0, r, fmt.Errorf("ship %d of %s to %s: no Shipped event in tx %s", quantity, batchID, to, r.TxHash)
}

// ReceiveShipment takes a pending shipment (its receiver).
func (c *Client) ReceiveShipment(ctx context.Context, from *bind.TransactOpts, id uint64) (*types.Receipt, error) {
	r, err := c.sendLedger(ctx, from, c.ledger.PackReceiveShipment(new(big.Int).SetUint64(id)))
	if err != nil {
		return r, fmt.Errorf("receive shipment %d: %w", id, err)
	}
	return r, nil
}

// RejectShipment refuses a pending shipment (its receiver); the units go back to the sender.
func (c *Client) RejectShipment(ctx context.Context, from *bind.TransactOpts, id uint64) (*types.Receipt, error) {
	r, err := c.sendLedger(ctx, from, c.ledger.PackRejectShipment(new(big.Int).SetUint64(id)))
	if err != nil {
		return r, fmt.Errorf("reject shipment %d: %w", id, err)
	}
	return r, nil
}

// CancelShipment withdraws a pending shipment (its sender).
func (c *Client) CancelShipment(ctx context.Context, from *bind.TransactOpts, id uint64) (*types.Receipt, error) {
	r, err := c.sendLedger(ctx, from, c.ledger.PackCancelShipment(new(big.Int).SetUint64(id)))
	if err != nil {
		return r, fmt.Errorf("cancel shipment %d: %w", id, err)
	}
	return r, nil
}

// Decommission decommissions one pack, proving its membership with the batch's packs tree.
func (c *Client) Decommission(ctx context.Context, from *bind.TransactOpts, batchID common.Hash, packID common.Hash, proof []common.Hash, reason Reason) (*types.Receipt, error) {
	r, err := c.sendLedger(ctx, from, c.ledger.PackDecommission(batchID, packID, hashes(proof), uint8(reason)))
	if err != nil {
		return r, fmt.Errorf("decommission pack %s of %s as %s: %w", packID, batchID, reason, err)
	}
	return r, nil
}

// DecommissionMany decommissions several packs of one batch in one transaction with a multiproof.
func (c *Client) DecommissionMany(ctx context.Context, from *bind.TransactOpts, batchID common.Hash, mp packtree.MultiProof, reason Reason) (*types.Receipt, error) {
	if len(mp.PackIDs) == 0 || len(mp.Flags) != len(mp.PackIDs)+len(mp.Proof)-1 {
		return nil, fmt.Errorf("decommission packs of %s: malformed multiproof (%d packs, %d proof hashes, %d flags)", batchID, len(mp.PackIDs), len(mp.Proof), len(mp.Flags))
	}
	data := c.ledger.PackDecommissionMany(batchID, hashes(mp.PackIDs), hashes(mp.Proof), FlagBits(mp.Flags), uint8(reason))
	r, err := c.sendLedger(ctx, from, data)
	if err != nil {
		return r, fmt.Errorf("decommission %d packs of %s as %s: %w", len(mp.PackIDs), batchID, reason, err)
	}
	return r, nil
}

// Reactivate undoes a decommissioning (the same actor, within 10 days).
func (c *Client) Reactivate(ctx context.Context, from *bind.TransactOpts, batchID, packID common.Hash) (*types.Receipt, error) {
	r, err := c.sendLedger(ctx, from, c.ledger.PackReactivate(batchID, packID))
	if err != nil {
		return r, fmt.Errorf("reactivate pack %s of %s: %w", packID, batchID, err)
	}
	return r, nil
}

// FlagBits packs multiproof flags into the bitmap decommissionMany takes: flag i is bit i%256 of
// word i/256.
func FlagBits(flags []bool) []*big.Int {
	words := make([]*big.Int, (len(flags)+255)/256)
	for w := range words {
		words[w] = new(big.Int)
	}
	for i, f := range flags {
		if f {
			words[i/256].SetBit(words[i/256], i%256, 1)
		}
	}
	return words
}

func hashes(hs []common.Hash) [][32]byte {
	out := make([][32]byte, len(hs))
	for i, h := range hs {
		out[i] = h
	}
	return out
}

// ---------------------------------------------------------------- views

func (c *Client) call(ctx context.Context, block *big.Int) *bind.CallOpts {
	return &bind.CallOpts{Context: ctx, BlockNumber: block}
}

// Participant reads an account's registry record (Role none when never registered).
func (c *Client) Participant(ctx context.Context, account common.Address) (Participant, error) {
	return c.ParticipantAt(ctx, account, nil)
}

// ParticipantAt reads an account's registry record at a block (nil: the latest).
func (c *Client) ParticipantAt(ctx context.Context, account common.Address, block *big.Int) (Participant, error) {
	p, err := bind.Call(c.regC, c.call(ctx, block), c.registry.PackParticipant(account), c.registry.UnpackParticipant)
	if err != nil {
		return Participant{}, fmt.Errorf("read participant %s: %w", account, err)
	}
	return Participant{Role: Role(p.Role), Active: p.Active, GLN: p.Gln}, nil
}

// ProductOwner reads a GTIN's owner (zero when unregistered).
func (c *Client) ProductOwner(ctx context.Context, gtin uint64) (common.Address, error) {
	return c.ProductOwnerAt(ctx, gtin, nil)
}

// ProductOwnerAt reads a GTIN's owner at a block (nil: the latest).
func (c *Client) ProductOwnerAt(ctx context.Context, gtin uint64, block *big.Int) (common.Address, error) {
	a, err := bind.Call(c.regC, c.call(ctx, block), c.registry.PackProductOwner(gtin), c.registry.UnpackProductOwner)
	if err != nil {
		return common.Address{}, fmt.Errorf("read owner of product %014d: %w", gtin, err)
	}
	return a, nil
}

// Batch reads a batch; ErrUnknownBatch when there is none.
func (c *Client) Batch(ctx context.Context, batchID common.Hash) (Batch, error) {
	return c.BatchAt(ctx, batchID, nil)
}

// BatchAt reads a batch at a block (nil: the latest).
func (c *Client) BatchAt(ctx context.Context, batchID common.Hash, block *big.Int) (Batch, error) {
	b, err := bind.Call(c.ledC, c.call(ctx, block), c.ledger.PackBatch(batchID), c.ledger.UnpackBatch)
	if err != nil {
		return Batch{}, fmt.Errorf("read batch %s: %w", batchID, err)
	}
	if b.Manufacturer == (common.Address{}) {
		return Batch{}, fmt.Errorf("read batch %s: %w", batchID, ErrUnknownBatch)
	}
	return Batch{
		Manufacturer: b.Manufacturer,
		Expiry:       DayTime(uint32(b.ExpiryDay.Uint64())),
		Quantity:     b.Quantity,
		Published:    b.Published,
		Recalled:     b.Recalled,
		PacksRoot:    b.PacksRoot,
	}, nil
}

// BalanceOf reads how many units of a batch an account holds.
func (c *Client) BalanceOf(ctx context.Context, batchID common.Hash, holder common.Address) (uint64, error) {
	return c.BalanceAt(ctx, batchID, holder, nil)
}

// BalanceAt reads a holder's balance at a block (nil: the latest).
func (c *Client) BalanceAt(ctx context.Context, batchID common.Hash, holder common.Address, block *big.Int) (uint64, error) {
	n, err := bind.Call(c.ledC, c.call(ctx, block), c.ledger.PackBalanceOf(batchID, holder), c.ledger.UnpackBalanceOf)
	if err != nil {
		return 0, fmt.Errorf("read balance of %s in %s: %w", holder, batchID, err)
	}
	return n.Uint64(), nil
}

// Shipment reads a shipment; ErrUnknownShipment when there is none.
func (c *Client) Shipment(ctx context.Context, id uint64) (Shipment, error) {
	return c.ShipmentAt(ctx, id, nil)
}

// NextShipmentIDAt reads the id the next shipment will get, at a block (nil: the latest).
func (c *Client) NextShipmentIDAt(ctx context.Context, block *big.Int) (uint64, error) {
	n, err := bind.Call(c.ledC, c.call(ctx, block), c.ledger.PackNextShipmentId(), c.ledger.UnpackNextShipmentId)
	if err != nil {
		return 0, fmt.Errorf("read next shipment id: %w", err)
	}
	return n.Uint64(), nil
}

// ShipmentAt reads a shipment at a block (nil: the latest).
func (c *Client) ShipmentAt(ctx context.Context, id uint64, block *big.Int) (Shipment, error) {
	s, err := bind.Call(c.ledC, c.call(ctx, block), c.ledger.PackShipment(new(big.Int).SetUint64(id)), c.ledger.UnpackShipment)
	if err != nil {
		return Shipment{}, fmt.Errorf("read shipment %d: %w", id, err)
	}
	if ShipmentStatus(s.Status) == ShipmentNone {
		return Shipment{}, fmt.Errorf("read shipment %d: %w", id, ErrUnknownShipment)
	}
	return Shipment{ID: id, BatchID: s.BatchId, From: s.From, To: s.To, Quantity: s.Quantity, Status: ShipmentStatus(s.Status)}, nil
}

// DecommissionOf reads how a pack was decommissioned; a zero Actor means it is active.
func (c *Client) DecommissionOf(ctx context.Context, batchID, packID common.Hash) (Decommission, error) {
	return c.DecommissionOfAt(ctx, batchID, packID, nil)
}

// DecommissionOfAt reads a pack's decommissioning at a block (nil: the latest).
func (c *Client) DecommissionOfAt(ctx context.Context, batchID, packID common.Hash, block *big.Int) (Decommission, error) {
	d, err := bind.Call(c.ledC, c.call(ctx, block), c.ledger.PackDecommissionOf(batchID, packID), c.ledger.UnpackDecommissionOf)
	if err != nil {
		return Decommission{}, fmt.Errorf("read decommission of %s: %w", packID, err)
	}
	out := Decommission{Actor: d.Actor, Reason: Reason(d.Reason)}
	if d.Actor != (common.Address{}) {
		out.Time = unixTime(d.Timestamp.Uint64())
	}
	return out, nil
}
