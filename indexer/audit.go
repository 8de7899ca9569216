package indexer

import (
	"context"
	"fmt"
	"math/big"
	"strconv"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/bindings/ledger"
	"github.com/pharmatrace/pharmatrace/chain"
)

// Difference is one disagreement between the mirror and the contracts.
type Difference struct {
	What  string // e.g. "batch 0x… recalled"
	SQL   string
	Chain string
}

func (d Difference) String() string {
	return fmt.Sprintf("%s: sql %s, chain %s", d.What, d.SQL, d.Chain)
}

// Audit compares the mirror with the contracts' view functions at the cursor block: every
// participant and product, every batch (and that every BatchRegistered on chain is mirrored),
// every holder's balance, every shipment, every decommissioned pack, and each batch's
// conservation (balances + pending + decommissioned = quantity) read from the chain. It
// returns the block it audited at and every difference.
func Audit(ctx context.Context, db *DB, c *chain.Client) (uint64, []Difference, error) {
	cur, ok, err := readCursor(ctx, db.DB)
	if err != nil {
		return 0, nil, err
	}
	if !ok {
		return 0, nil, fmt.Errorf("audit: the mirror is empty (no cursor): run index first")
	}
	at := new(big.Int).SetUint64(cur.Number)
	var diffs []Difference
	diff := func(what string, sql, onChain any) {
		s, ch := fmt.Sprint(sql), fmt.Sprint(onChain)
		if s != ch {
			diffs = append(diffs, Difference{What: what, SQL: s, Chain: ch})
		}
	}
	s := NewStore(db)

	participants, err := s.Participants(ctx)
	if err != nil {
		return 0, nil, err
	}
	for _, p := range participants {
		got, err := c.ParticipantAt(ctx, common.HexToAddress(p.Address), at)
		if err != nil {
			return 0, nil, err
		}
		diff("participant "+p.Address+" role", p.Role, got.Role)
		diff("participant "+p.Address+" active", p.Active, got.Active)
		diff("participant "+p.Address+" gln", p.GLN, fmt.Sprintf("%013d", got.GLN))
	}
	var products []Product
	if err := db.SelectContext(ctx, &products, `SELECT gtin, owner, name, strength, form, pack_size FROM products`); err != nil {
		return 0, nil, fmt.Errorf("list products: %w", err)
	}
	for _, p := range products {
		g, _ := strconv.ParseUint(p.GTIN, 10, 64)
		owner, err := c.ProductOwnerAt(ctx, g, at)
		if err != nil {
			return 0, nil, err
		}
		diff("product "+p.GTIN+" owner", p.Owner, hexAddr(owner))
	}

	// Batches registered on chain, found independently of the mirror's own event log.
	registered, err := registeredBatches(ctx, c, cur.Number)
	if err != nil {
		return 0, nil, err
	}
	batches, err := s.Batches(ctx)
	if err != nil {
		return 0, nil, err
	}
	inSQL := map[string]bool{}
	for _, b := range batches {
		inSQL[b.BatchID] = true
	}
	for _, id := range registered {
		if !inSQL[id.Hex()] {
			diffs = append(diffs, Difference{What: "batch " + id.Hex(), SQL: "missing", Chain: "registered"})
		}
	}

	holders := map[string]bool{}
	for _, p := range participants {
		holders[p.Address] = true
	}
	var holdingRows []Holding
	if err := db.SelectContext(ctx, &holdingRows, `SELECT batch_id, holder, quantity FROM holdings`); err != nil {
		return 0, nil, fmt.Errorf("list holdings: %w", err)
	}
	sqlBalance := map[string]int64{}
	for _, h := range holdingRows {
		holders[h.Holder] = true
		sqlBalance[h.BatchID+"/"+h.Holder] = h.Quantity
	}

	next, err := c.NextShipmentIDAt(ctx, at)
	if err != nil {
		return 0, nil, err
	}
	pendingOnChain := map[string]uint64{}
	for id := uint64(1); id < next; id++ {
		onChain, err := c.ShipmentAt(ctx, id, at)
		if err != nil {
			return 0, nil, err
		}
		if onChain.Status == chain.ShipmentPending {
			pendingOnChain[onChain.BatchID.Hex()] += uint64(onChain.Quantity)
		}
		sh, err := s.Shipment(ctx, id)
		if err != nil {
			diffs = append(diffs, Difference{What: fmt.Sprintf("shipment %d", id), SQL: "missing", Chain: onChain.Status.String()})
			continue
		}
		what := fmt.Sprintf("shipment %d ", id)
		diff(what+"status", sh.Status, onChain.Status)
		diff(what+"batch", sh.BatchID, onChain.BatchID.Hex())
		diff(what+"from", sh.Sender, hexAddr(onChain.From))
		diff(what+"to", sh.Receiver, hexAddr(onChain.To))
		diff(what+"quantity", sh.Quantity, onChain.Quantity)
	}
	var extra int
	if err := db.GetContext(ctx, &extra, db.Rebind(`SELECT COUNT(*) FROM shipments WHERE shipment_id >= ?`), next); err != nil {
		return 0, nil, fmt.Errorf("count shipments: %w", err)
	}
	if extra > 0 {
		diffs = append(diffs, Difference{What: "shipments", SQL: fmt.Sprintf("%d with ids >= %d", extra, next), Chain: "none"})
	}

	for _, b := range batches {
		id := common.HexToHash(b.BatchID)
		onChain, err := c.BatchAt(ctx, id, at)
		if err != nil {
			diffs = append(diffs, Difference{What: "batch " + b.BatchID, SQL: "registered", Chain: err.Error()})
			continue
		}
		what := "batch " + b.BatchID + " "
		diff(what+"manufacturer", b.Manufacturer, hexAddr(onChain.Manufacturer))
		diff(what+"expiry", b.Expiry, onChain.Expiry.Format("2006-01-02"))
		diff(what+"quantity", b.Quantity, onChain.Quantity)
		diff(what+"published", b.Published, onChain.Published)
		diff(what+"recalled", b.Recalled, onChain.Recalled)
		diff(what+"packs root", b.PacksRoot, onChain.PacksRoot.Hex())

		var total uint64
		for holder := range holders {
			n, err := c.BalanceAt(ctx, id, common.HexToAddress(holder), at)
			if err != nil {
				return 0, nil, err
			}
			total += n
			diff(what+"balance of "+holder, sqlBalance[b.BatchID+"/"+holder], n)
		}
		decom, err := s.DecommissionedPacks(ctx, id)
		if err != nil {
			return 0, nil, err
		}
		for _, p := range decom {
			d, err := c.DecommissionOfAt(ctx, id, common.HexToHash(p.PackID), at)
			if err != nil {
				return 0, nil, err
			}
			pw := what + "pack " + p.PackID + " "
			diff(pw+"actor", p.Actor, hexAddr(d.Actor))
			diff(pw+"reason", p.Reason, d.Reason)
			diff(pw+"time", p.DecommissionedAt, d.Time.Unix())
		}
		total += pendingOnChain[b.BatchID] + uint64(len(decom))
		diff(what+"balances + pending + decommissioned", total, onChain.Quantity)
	}
	return cur.Number, diffs, nil
}

// registeredBatches lists the batch ids of every BatchRegistered log up to a block.
func registeredBatches(ctx context.Context, c *chain.Client, to uint64) ([]common.Hash, error) {
	abi, err := ledger.BatchLedgerMetaData.ParseABI()
	if err != nil {
		return nil, err
	}
	logs, err := c.Backend().FilterLogs(ctx, ethereum.FilterQuery{
		ToBlock:   new(big.Int).SetUint64(to),
		Addresses: []common.Address{c.Addresses().Ledger},
		Topics:    [][]common.Hash{{abi.Events["BatchRegistered"].ID}},
	})
	if err != nil {
		return nil, fmt.Errorf("list BatchRegistered logs: %w", err)
	}
	ids := make([]common.Hash, 0, len(logs))
	for _, l := range logs {
		ids = append(ids, l.Topics[1])
	}
	return ids, nil
}
