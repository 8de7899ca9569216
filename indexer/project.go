package indexer

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pharmatrace/pharmatrace/bindings/ledger"
	"github.com/pharmatrace/pharmatrace/bindings/registry"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/packtree"
)

// Root states of a batch: its published pack ids are incomplete, complete and rebuild the
// registered root, or complete and do not (a manufacturer error or worse: verification alerts).
const (
	RootPending      = "pending"
	RootConsistent   = "consistent"
	RootInconsistent = "inconsistent"
)

// Pack states in the mirror.
const (
	PackActive         = "active"
	PackDecommissioned = "decommissioned"
)

// projector turns contract logs into rows, and undoes them on a reorg.
type projector struct {
	addrs    chain.Addresses
	registry *registry.Registry
	ledger   *ledger.BatchLedger
	topics   map[common.Hash]string // event id -> name
}

func newProjector(addrs chain.Addresses) (*projector, error) {
	p := &projector{addrs: addrs, registry: registry.NewRegistry(), ledger: ledger.NewBatchLedger(), topics: map[common.Hash]string{}}
	regABI, ledABI, err := chain.ContractABIs()
	if err != nil {
		return nil, err
	}
	for name, ev := range regABI.Events {
		p.topics[ev.ID] = name
	}
	for name, ev := range ledABI.Events {
		p.topics[ev.ID] = name
	}
	return p, nil
}

// event is one row of the events table.
type event struct {
	BlockNumber uint64 `db:"block_number"`
	BlockHash   string `db:"block_hash"`
	BlockTime   uint64 `db:"block_time"`
	TxHash      string `db:"tx_hash"`
	LogIndex    uint64 `db:"log_index"`
	Contract    string `db:"contract"`
	Name        string `db:"name"`
	BatchID     string `db:"batch_id"`
	Args        string `db:"args"`
}

// Argument records, stored as JSON in events.args; they carry what undo needs.
type (
	participantArgs struct {
		Account string `json:"account"`
		Role    string `json:"role,omitempty"`
		GLN     string `json:"gln,omitempty"`
		Name    string `json:"name,omitempty"`
		By      string `json:"by"`
	}
	productArgs struct {
		GTIN     string `json:"gtin"`
		Owner    string `json:"owner,omitempty"`
		From     string `json:"from,omitempty"`
		To       string `json:"to,omitempty"`
		Name     string `json:"name,omitempty"`
		Strength string `json:"strength,omitempty"`
		Form     string `json:"form,omitempty"`
		PackSize uint32 `json:"packSize,omitempty"`
	}
	batchArgs struct {
		BatchID      string `json:"batchId"`
		GTIN         string `json:"gtin"`
		Lot          string `json:"lot"`
		Manufacturer string `json:"manufacturer"`
		Expiry       string `json:"expiry"`
		Quantity     uint32 `json:"quantity"`
		PacksRoot    string `json:"packsRoot"`
		DocHash      string `json:"docHash"`
	}
	publishArgs struct {
		BatchID string `json:"batchId"`
		Offset  uint32 `json:"offset"`
		Count   int    `json:"count"`
	}
	recallArgs struct {
		BatchID string `json:"batchId"`
		By      string `json:"by"`
		Reason  string `json:"reason"`
	}
	shipmentArgs struct {
		ShipmentID uint64 `json:"shipmentId"`
		BatchID    string `json:"batchId"`
		From       string `json:"from"`
		To         string `json:"to"`
		Quantity   uint32 `json:"quantity"`
	}
	decommissionArgs struct {
		BatchID string   `json:"batchId"`
		Actor   string   `json:"actor"`
		Reason  string   `json:"reason"`
		PackIDs []string `json:"packIds"`
	}
	reactivateArgs struct {
		BatchID string `json:"batchId"`
		PackID  string `json:"packId"`
		Actor   string `json:"actor"`
		Reason  string `json:"reason"`
		// The decommissioning this undid, to restore it if the reactivation is reorged out.
		PrevTime  uint64 `json:"prevTime"`
		PrevBlock uint64 `json:"prevBlock"`
	}
)

// hexAddr is an address in lower-case 0x-hex: Address.Hex would compute the EIP-55 checksum (a
// keccak per address) only for ToLower to undo it.
func hexAddr(a common.Address) string { return "0x" + hex.EncodeToString(a[:]) }
func hexHash(h common.Hash) string    { return h.Hex() }
func gtinText(g uint64) string        { return fmt.Sprintf("%014d", g) }

// change is one decoded log: its events row and what it does to the other tables. Decoding
// touches no database, so the backfill decodes ranges while an earlier one commits.
type change struct {
	ev   event
	args any // the decoded arguments, marshalled into ev.Args
	// prepare, if set, reads the mirror before args are final (a reactivation records the
	// decommissioning it undoes); ev.Args is then marshalled after it runs.
	prepare func(ctx context.Context, w *writer) error
	project func(ctx context.Context, w *writer) error
}

// decode turns one log into a change. It returns false, with no error, for logs of events the
// mirror does not keep (AccessControl's role events duplicate the participant events).
func (p *projector) decode(l *types.Log, blockTime uint64) (change, bool, error) {
	if len(l.Topics) == 0 {
		return change{}, false, nil
	}
	name, ok := p.topics[l.Topics[0]]
	if !ok || name == "RoleGranted" || name == "RoleRevoked" || name == "RoleAdminChanged" {
		return change{}, false, nil
	}
	c := change{ev: event{
		BlockNumber: l.BlockNumber, BlockHash: hexHash(l.BlockHash), BlockTime: blockTime,
		TxHash: hexHash(l.TxHash), LogIndex: uint64(l.Index), Contract: hexAddr(l.Address), Name: name,
	}}
	block := l.BlockNumber
	switch name {
	case "ParticipantRegistered":
		e, err := p.registry.UnpackParticipantRegisteredEvent(l)
		if err != nil {
			return c, false, err
		}
		a := participantArgs{Account: hexAddr(e.Account), Role: chain.Role(e.Role).String(), GLN: fmt.Sprintf("%013d", e.Gln), Name: e.Name, By: hexAddr(e.By)}
		c.args = a
		c.project = func(ctx context.Context, w *writer) error {
			_, err := w.exec(ctx, `INSERT INTO participants (address, role, gln, name, active, registered_block, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				a.Account, a.Role, a.GLN, a.Name, true, block, blockTime)
			return err
		}
	case "ParticipantDeactivated":
		e, err := p.registry.UnpackParticipantDeactivatedEvent(l)
		if err != nil {
			return c, false, err
		}
		a := participantArgs{Account: hexAddr(e.Account), By: hexAddr(e.By)}
		c.args = a
		c.project = func(ctx context.Context, w *writer) error {
			_, err := w.exec(ctx, `UPDATE participants SET active = ? WHERE address = ?`, false, a.Account)
			return err
		}
	case "ProductRegistered":
		e, err := p.registry.UnpackProductRegisteredEvent(l)
		if err != nil {
			return c, false, err
		}
		a := productArgs{GTIN: gtinText(e.Gtin), Owner: hexAddr(e.Owner), Name: e.Name, Strength: e.Strength, Form: e.Form, PackSize: e.PackSize}
		c.args = a
		c.project = func(ctx context.Context, w *writer) error {
			_, err := w.exec(ctx, `INSERT INTO products (gtin, owner, name, strength, form, pack_size, registered_block) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				a.GTIN, a.Owner, a.Name, a.Strength, a.Form, a.PackSize, block)
			return err
		}
	case "ProductTransferred":
		e, err := p.registry.UnpackProductTransferredEvent(l)
		if err != nil {
			return c, false, err
		}
		a := productArgs{GTIN: gtinText(e.Gtin), From: hexAddr(e.From), To: hexAddr(e.To)}
		c.args = a
		c.project = func(ctx context.Context, w *writer) error {
			_, err := w.exec(ctx, `UPDATE products SET owner = ? WHERE gtin = ?`, a.To, a.GTIN)
			return err
		}
	case "BatchRegistered":
		e, err := p.ledger.UnpackBatchRegisteredEvent(l)
		if err != nil {
			return c, false, err
		}
		a := batchArgs{
			BatchID: hexHash(e.BatchId), GTIN: gtinText(e.Gtin), Lot: e.Lot, Manufacturer: hexAddr(e.Manufacturer),
			Expiry: chain.DayTime(e.ExpiryDay).Format("2006-01-02"), Quantity: e.Quantity, PacksRoot: hexHash(e.PacksRoot), DocHash: hexHash(e.DocHash),
		}
		c.args, c.ev.BatchID = a, a.BatchID
		txHash := c.ev.TxHash
		c.project = func(ctx context.Context, w *writer) error {
			if _, err := w.exec(ctx, `INSERT INTO batches (batch_id, gtin, lot, manufacturer, expiry, quantity, published, packs_root, doc_hash, root_state,
				recalled, recall_reason, recalled_by, recalled_at, registered_block, registered_at, registered_tx)
				VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, '', '', 0, ?, ?, ?)`,
				a.BatchID, a.GTIN, a.Lot, a.Manufacturer, a.Expiry, a.Quantity, a.PacksRoot, a.DocHash, RootPending, false,
				block, blockTime, txHash); err != nil {
				return err
			}
			w.holding(a.BatchID, a.Manufacturer, int64(a.Quantity))
			return nil
		}
	case "PacksPublished":
		e, err := p.ledger.UnpackPacksPublishedEvent(l)
		if err != nil {
			return c, false, err
		}
		a := publishArgs{BatchID: hexHash(e.BatchId), Offset: e.Offset, Count: len(e.PackIds)}
		c.args, c.ev.BatchID = a, a.BatchID
		c.project = func(ctx context.Context, w *writer) error { return p.publish(ctx, w, a, e.PackIds) }
	case "BatchRecalled":
		e, err := p.ledger.UnpackBatchRecalledEvent(l)
		if err != nil {
			return c, false, err
		}
		a := recallArgs{BatchID: hexHash(e.BatchId), By: hexAddr(e.By), Reason: e.Reason}
		c.args, c.ev.BatchID = a, a.BatchID
		c.project = func(ctx context.Context, w *writer) error {
			_, err := w.exec(ctx, `UPDATE batches SET recalled = ?, recall_reason = ?, recalled_by = ?, recalled_at = ? WHERE batch_id = ?`,
				true, a.Reason, a.By, blockTime, a.BatchID)
			return err
		}
	case "Shipped", "ShipmentReceived", "ShipmentRejected", "ShipmentCancelled":
		a, err := p.shipmentArgs(name, l)
		if err != nil {
			return c, false, err
		}
		c.args, c.ev.BatchID = a, a.BatchID
		txHash := c.ev.TxHash
		c.project = func(ctx context.Context, w *writer) error {
			shipment(w, name, a, block, blockTime, txHash)
			return nil
		}
	case "PacksDecommissioned":
		e, err := p.ledger.UnpackPacksDecommissionedEvent(l)
		if err != nil {
			return c, false, err
		}
		a := decommissionArgs{BatchID: hexHash(e.BatchId), Actor: hexAddr(e.Actor), Reason: chain.Reason(e.Reason).String()}
		for _, id := range e.PackIds {
			a.PackIDs = append(a.PackIDs, hexHash(id))
		}
		c.args, c.ev.BatchID = a, a.BatchID
		c.project = func(ctx context.Context, w *writer) error {
			for _, id := range a.PackIDs {
				w.decommission(packKey{a.BatchID, id}, packState{PackDecommissioned, a.Reason, a.Actor, blockTime, block})
			}
			w.holding(a.BatchID, a.Actor, -int64(len(a.PackIDs)))
			return nil
		}
	case "PackReactivated":
		e, err := p.ledger.UnpackPackReactivatedEvent(l)
		if err != nil {
			return c, false, err
		}
		a := &reactivateArgs{BatchID: hexHash(e.BatchId), PackID: hexHash(e.PackId), Actor: hexAddr(e.Actor), Reason: chain.Reason(e.Reason).String()}
		c.args, c.ev.BatchID = a, a.BatchID
		// Remember the decommissioning being undone, to restore it if this is reorged out.
		c.prepare = func(ctx context.Context, w *writer) error {
			if err := w.flush(ctx); err != nil { // the pack's row may be waiting in the buffers
				return err
			}
			var prev struct {
				At    uint64 `db:"decommissioned_at"`
				Block uint64 `db:"decommissioned_block"`
			}
			if err := w.tx.GetContext(ctx, &prev, w.tx.Rebind(`SELECT decommissioned_at, decommissioned_block FROM packs WHERE batch_id = ? AND pack_id = ?`), a.BatchID, a.PackID); err != nil && !IsNoRows(err) {
				return fmt.Errorf("read pack %s: %w", a.PackID, err)
			}
			a.PrevTime, a.PrevBlock = prev.At, prev.Block
			return nil
		}
		c.project = func(ctx context.Context, w *writer) error {
			if _, err := w.exec(ctx, `UPDATE packs SET state = ?, reason = '', actor = '', decommissioned_at = 0, decommissioned_block = 0 WHERE batch_id = ? AND pack_id = ?`,
				PackActive, a.BatchID, a.PackID); err != nil {
				return err
			}
			w.holding(a.BatchID, a.Actor, 1)
			return nil
		}
	default:
		return c, false, nil
	}
	if c.prepare == nil {
		raw, err := json.Marshal(c.args)
		if err != nil {
			return c, false, err
		}
		c.ev.Args = string(raw)
	}
	return c, true, nil
}

// apply projects a decoded change inside w's transaction. The caller has made sure that the
// log is not stored yet (events' primary key refuses a second copy anyway).
func (p *projector) apply(ctx context.Context, w *writer, c *change) error {
	if c.prepare != nil {
		if err := c.prepare(ctx, w); err != nil {
			return err
		}
		raw, err := json.Marshal(c.args)
		if err != nil {
			return err
		}
		c.ev.Args = string(raw)
	}
	w.addEvent(c.ev)
	if err := c.project(ctx, w); err != nil {
		return fmt.Errorf("project %s: %w", c.ev.Name, err)
	}
	return nil
}

// shipmentArgs decodes the four shipment events, which share one layout: shipmentId, batchId
// and from indexed, then to and quantity in the data. They are most of a busy chain's logs, so
// well-formed ones are read straight from their words; anything else goes through the ABI
// decoder, which reports what is wrong with it.
func (p *projector) shipmentArgs(name string, l *types.Log) (shipmentArgs, error) {
	if a, ok := readShipment(l); ok {
		return a, nil
	}
	return p.unpackShipment(name, l)
}

// readShipment reads a shipment event whose words hold exactly what their types allow.
func readShipment(l *types.Log) (shipmentArgs, bool) {
	if len(l.Topics) != 4 || len(l.Data) != 64 {
		return shipmentArgs{}, false
	}
	id, from, to, qty := l.Topics[1][:], l.Topics[3][:], l.Data[:32], l.Data[32:]
	if !zero(id[:24]) || !zero(from[:12]) || !zero(to[:12]) || !zero(qty[:28]) {
		return shipmentArgs{}, false
	}
	return shipmentArgs{
		ShipmentID: binary.BigEndian.Uint64(id[24:]),
		BatchID:    hexHash(l.Topics[2]),
		From:       hexAddr(common.BytesToAddress(from[12:])),
		To:         hexAddr(common.BytesToAddress(to[12:])),
		Quantity:   binary.BigEndian.Uint32(qty[28:]),
	}, true
}

func zero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}

func (p *projector) unpackShipment(name string, l *types.Log) (shipmentArgs, error) {
	var (
		id        uint64
		batch     [32]byte
		from, to  common.Address
		qty       uint32
		err       error
		shipped   *ledger.BatchLedgerShipped
		received  *ledger.BatchLedgerShipmentReceived
		rejected  *ledger.BatchLedgerShipmentRejected
		cancelled *ledger.BatchLedgerShipmentCancelled
	)
	switch name {
	case "Shipped":
		if shipped, err = p.ledger.UnpackShippedEvent(l); err == nil {
			id, batch, from, to, qty = shipped.ShipmentId.Uint64(), shipped.BatchId, shipped.From, shipped.To, shipped.Quantity
		}
	case "ShipmentReceived":
		if received, err = p.ledger.UnpackShipmentReceivedEvent(l); err == nil {
			id, batch, from, to, qty = received.ShipmentId.Uint64(), received.BatchId, received.From, received.To, received.Quantity
		}
	case "ShipmentRejected":
		if rejected, err = p.ledger.UnpackShipmentRejectedEvent(l); err == nil {
			id, batch, from, to, qty = rejected.ShipmentId.Uint64(), rejected.BatchId, rejected.From, rejected.To, rejected.Quantity
		}
	default:
		if cancelled, err = p.ledger.UnpackShipmentCancelledEvent(l); err == nil {
			id, batch, from, to, qty = cancelled.ShipmentId.Uint64(), cancelled.BatchId, cancelled.From, cancelled.To, cancelled.Quantity
		}
	}
	return shipmentArgs{ShipmentID: id, BatchID: hexHash(batch), From: hexAddr(from), To: hexAddr(to), Quantity: qty}, err
}

// shipmentStatus maps a shipment event to the status it leaves the shipment in.
var shipmentStatus = map[string]string{
	"Shipped":           chain.ShipmentPending.String(),
	"ShipmentReceived":  chain.ShipmentReceived.String(),
	"ShipmentRejected":  chain.ShipmentRejected.String(),
	"ShipmentCancelled": chain.ShipmentCancelled.String(),
}

// shipment projects a shipment event: the row (new, or closed) and the holdings it moves.
func shipment(w *writer, name string, a shipmentArgs, block, at uint64, txHash string) {
	if name == "Shipped" {
		w.shipped(shipmentRow{ID: a.ShipmentID, BatchID: a.BatchID, Sender: a.From, Receiver: a.To, Quantity: a.Quantity,
			Status: shipmentStatus[name], ShippedBlock: block, ShippedAt: at, ShippedTx: txHash})
		w.holding(a.BatchID, a.From, -int64(a.Quantity))
		return
	}
	w.closeShipment(a.ShipmentID, shipmentClose{Status: shipmentStatus[name], Block: block, At: at})
	w.holding(a.BatchID, closedTo(name, a), int64(a.Quantity))
}

// closedTo is who gets a closed shipment's units: the receiver when received, else (rejected or
// cancelled) the sender.
func closedTo(name string, a shipmentArgs) string {
	if name == "ShipmentReceived" {
		return a.To
	}
	return a.From
}

// publish inserts a chunk of pack ids and, when the list is complete, checks the root.
func (p *projector) publish(ctx context.Context, w *writer, a publishArgs, ids [][32]byte) error {
	// Buffered decommissionings come first: one of a pack not yet published (possible only in an
	// inconsistent batch) must find no row, as it did on chain, and leave its idx -1 row.
	if err := w.flush(ctx); err != nil {
		return err
	}
	n := len(ids)
	// In key order: the inserts then walk the primary key's index once instead of jumping
	// about it (pack ids are hashes).
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int { return bytes.Compare(ids[x][:], ids[y][:]) })
	batch, packs, idx, state := make([]string, n), make([]string, n), make([]int64, n), make([]string, n)
	for i, j := range order {
		batch[i], packs[i], idx[i], state[i] = a.BatchID, hexHash(ids[j]), int64(a.Offset)+int64(j), PackActive
	}
	if _, err := w.bulk(ctx, insertPublishedPacks, batch, packs, idx, state); err != nil {
		return fmt.Errorf("insert pack ids: %w", err)
	}
	if _, err := w.exec(ctx, `UPDATE batches SET published = published + ? WHERE batch_id = ?`, len(ids), a.BatchID); err != nil {
		return err
	}
	return checkRoot(ctx, w, a.BatchID)
}

// checkRoot sets a batch's root state from its published pack ids.
func checkRoot(ctx context.Context, w *writer, batchID string) error {
	var b struct {
		Quantity  uint64 `db:"quantity"`
		Published uint64 `db:"published"`
		Root      string `db:"packs_root"`
	}
	if err := w.tx.GetContext(ctx, &b, w.tx.Rebind(`SELECT quantity, published, packs_root FROM batches WHERE batch_id = ?`), batchID); err != nil {
		return fmt.Errorf("read batch %s: %w", batchID, err)
	}
	state := RootPending
	if b.Published >= b.Quantity {
		var ids []string
		if err := w.tx.SelectContext(ctx, &ids, w.tx.Rebind(`SELECT pack_id FROM packs WHERE batch_id = ? AND idx >= 0`), batchID); err != nil {
			return fmt.Errorf("read pack ids of %s: %w", batchID, err)
		}
		state = RootInconsistent
		if uint64(len(ids)) == b.Published { // fewer rows than published ids: duplicates were published
			hs := make([]common.Hash, len(ids))
			for i, id := range ids {
				hs[i] = common.HexToHash(id)
			}
			if root, err := packtree.Root(hs); err == nil && root == common.HexToHash(b.Root) {
				state = RootConsistent
			}
		}
	}
	_, err := w.exec(ctx, `UPDATE batches SET root_state = ? WHERE batch_id = ?`, state, batchID)
	return err
}

func setDecommissioned(ctx context.Context, w *writer, batchID, packID, actor, reason string, at, block uint64) error {
	res, err := w.exec(ctx, `UPDATE packs SET state = ?, reason = ?, actor = ?, decommissioned_at = ?, decommissioned_block = ? WHERE batch_id = ? AND pack_id = ?`,
		PackDecommissioned, reason, actor, at, block, batchID, packID)
	if err != nil {
		return fmt.Errorf("decommission pack %s: %w", packID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		// Proven against the root but not in the published list: only in an inconsistent batch.
		_, err = w.exec(ctx, `INSERT INTO packs (batch_id, pack_id, idx, state, reason, actor, decommissioned_at, decommissioned_block) VALUES (?, ?, -1, ?, ?, ?, ?, ?)`,
			batchID, packID, PackDecommissioned, reason, actor, at, block)
	}
	return err
}

// undo reverses one stored event inside tx; events are undone newest first.
func (p *projector) undo(ctx context.Context, w *writer, ev event) error {
	exec := func(q string, a ...any) error {
		_, err := w.exec(ctx, q, a...)
		return err
	}
	var err error
	switch ev.Name {
	case "ParticipantRegistered":
		var a participantArgs
		if err = json.Unmarshal([]byte(ev.Args), &a); err == nil {
			err = exec(`DELETE FROM participants WHERE address = ?`, a.Account)
		}
	case "ParticipantDeactivated":
		var a participantArgs
		if err = json.Unmarshal([]byte(ev.Args), &a); err == nil {
			err = exec(`UPDATE participants SET active = ? WHERE address = ?`, true, a.Account)
		}
	case "ProductRegistered":
		var a productArgs
		if err = json.Unmarshal([]byte(ev.Args), &a); err == nil {
			err = exec(`DELETE FROM products WHERE gtin = ?`, a.GTIN)
		}
	case "ProductTransferred":
		var a productArgs
		if err = json.Unmarshal([]byte(ev.Args), &a); err == nil {
			err = exec(`UPDATE products SET owner = ? WHERE gtin = ?`, a.From, a.GTIN)
		}
	case "BatchRegistered":
		var a batchArgs
		if err = json.Unmarshal([]byte(ev.Args), &a); err == nil {
			if err = exec(`DELETE FROM holdings WHERE batch_id = ?`, a.BatchID); err == nil {
				err = exec(`DELETE FROM batches WHERE batch_id = ?`, a.BatchID)
			}
		}
	case "PacksPublished":
		var a publishArgs
		if err = json.Unmarshal([]byte(ev.Args), &a); err == nil {
			if err = exec(`DELETE FROM packs WHERE batch_id = ? AND idx >= ?`, a.BatchID, a.Offset); err == nil {
				err = exec(`UPDATE batches SET published = ?, root_state = ? WHERE batch_id = ?`, a.Offset, RootPending, a.BatchID)
			}
		}
	case "BatchRecalled":
		var a recallArgs
		if err = json.Unmarshal([]byte(ev.Args), &a); err == nil {
			err = exec(`UPDATE batches SET recalled = ?, recall_reason = '', recalled_by = '', recalled_at = 0 WHERE batch_id = ?`, false, a.BatchID)
		}
	case "Shipped", "ShipmentReceived", "ShipmentRejected", "ShipmentCancelled":
		var a shipmentArgs
		if err = json.Unmarshal([]byte(ev.Args), &a); err == nil {
			err = undoShipment(ctx, w, ev.Name, a)
		}
	case "PacksDecommissioned":
		var a decommissionArgs
		if err = json.Unmarshal([]byte(ev.Args), &a); err == nil {
			for _, id := range a.PackIDs {
				if err = exec(`UPDATE packs SET state = ?, reason = '', actor = '', decommissioned_at = 0, decommissioned_block = 0 WHERE batch_id = ? AND pack_id = ?`, PackActive, a.BatchID, id); err != nil {
					break
				}
				if err = exec(`DELETE FROM packs WHERE batch_id = ? AND pack_id = ? AND idx < 0`, a.BatchID, id); err != nil {
					break
				}
			}
			if err == nil {
				w.holding(a.BatchID, a.Actor, int64(len(a.PackIDs)))
			}
		}
	case "PackReactivated":
		var a reactivateArgs
		if err = json.Unmarshal([]byte(ev.Args), &a); err == nil {
			if err = setDecommissioned(ctx, w, a.BatchID, a.PackID, a.Actor, a.Reason, a.PrevTime, a.PrevBlock); err == nil {
				w.holding(a.BatchID, a.Actor, -1)
			}
		}
	default:
		return fmt.Errorf("undo: unknown event %q", ev.Name)
	}
	if err != nil {
		return fmt.Errorf("undo %s at %s:%d: %w", ev.Name, ev.TxHash, ev.LogIndex, err)
	}
	return nil
}

func undoShipment(ctx context.Context, w *writer, name string, a shipmentArgs) error {
	if name == "Shipped" {
		if _, err := w.exec(ctx, `DELETE FROM shipments WHERE shipment_id = ?`, a.ShipmentID); err != nil {
			return err
		}
		w.holding(a.BatchID, a.From, int64(a.Quantity))
		return nil
	}
	if _, err := w.exec(ctx, `UPDATE shipments SET status = ?, closed_block = 0, closed_at = 0 WHERE shipment_id = ?`, chain.ShipmentPending.String(), a.ShipmentID); err != nil {
		return err
	}
	w.holding(a.BatchID, closedTo(name, a), -int64(a.Quantity))
	return nil
}
