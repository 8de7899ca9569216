package indexer

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"
)

// writer runs the projection's statements inside one transaction. It buffers the writes a
// backfill makes by the thousand — event rows, holdings, shipments, decommissioned packs — and
// writes each kind with a few multi-row statements when flushed: one statement per event costs
// SQLite a parse and a call through database/sql, and PostgreSQL a network round trip. Writes
// are buffered only where the final rows cannot differ from applying them one by one; whatever
// reads a buffered table flushes first.
type writer struct {
	tx    *sqlx.Tx
	pg    bool
	stmts map[string]*sql.Stmt // SQLite: each distinct query prepared once per transaction
	bound map[string]string    // PostgreSQL: each query rebound once (pgx caches the prepared statement)

	events    []event
	holdings  map[holdingKey]int64
	ships     []shipmentRow
	shipAt    map[uint64]int // shipment id -> index in ships
	closes    map[uint64]shipmentClose
	closeIDs  []uint64 // closes' keys in first-seen order
	packs     map[packKey]packState
	packOrder []packKey
}

type holdingKey struct{ batch, holder string }

type packKey struct{ batch, pack string }

// packState is what a decommissioning sets on a pack.
type packState struct {
	state, reason, actor string
	at, block            uint64
}

// shipmentRow is a new shipments row.
type shipmentRow struct {
	ID                        uint64
	BatchID, Sender, Receiver string
	Quantity                  uint32
	Status                    string
	ShippedBlock, ShippedAt   uint64
	ShippedTx                 string
	ClosedBlock, ClosedAt     uint64
}

// shipmentClose is what receiving, rejecting or cancelling sets on a shipment.
type shipmentClose struct {
	Status    string
	Block, At uint64
}

func newWriter(tx *sqlx.Tx, pg bool) *writer {
	return &writer{
		tx: tx, pg: pg, stmts: map[string]*sql.Stmt{}, bound: map[string]string{},
		holdings: map[holdingKey]int64{}, shipAt: map[uint64]int{}, closes: map[uint64]shipmentClose{}, packs: map[packKey]packState{},
	}
}

// exec runs query (written with ? placeholders) with args, now.
func (w *writer) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if w.pg {
		q, ok := w.bound[query]
		if !ok {
			q = w.tx.Rebind(query)
			w.bound[query] = q
		}
		return w.tx.ExecContext(ctx, q, args...)
	}
	st, ok := w.stmts[query]
	if !ok {
		var err error
		st, err = w.tx.PrepareContext(ctx, query)
		if err != nil {
			return nil, fmt.Errorf("prepare %q: %w", firstLine(query), err)
		}
		w.stmts[query] = st
	}
	return st.ExecContext(ctx, args...)
}

// close releases the prepared statements; the transaction's end would too, but not at once.
func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// addEvent buffers an events row. Nothing in a projection reads events.
func (w *writer) addEvent(ev event) { w.events = append(w.events, ev) }

// holding buffers a change of a holder's balance. Balances only ever add up, and no projection
// reads them, so the deltas of a whole range are summed and written once per holder.
func (w *writer) holding(batchID, holder string, delta int64) {
	w.holdings[holdingKey{batchID, holder}] += delta
}

// shipped buffers a new shipment.
func (w *writer) shipped(r shipmentRow) {
	w.shipAt[r.ID] = len(w.ships)
	w.ships = append(w.ships, r)
	delete(w.closes, r.ID) // (a replaced id cannot happen on chain; keep the buffers exact anyway)
}

// closeShipment buffers the closing of a shipment: into its buffered row if it was shipped in the
// same range, else as an update. Each sets absolute values, so the last one wins, as in order.
func (w *writer) closeShipment(id uint64, c shipmentClose) {
	if i, ok := w.shipAt[id]; ok {
		w.ships[i].Status, w.ships[i].ClosedBlock, w.ships[i].ClosedAt = c.Status, c.Block, c.At
		return
	}
	if _, ok := w.closes[id]; !ok {
		w.closeIDs = append(w.closeIDs, id)
	}
	w.closes[id] = c
}

// decommission buffers a pack's decommissioning (absolute values: the last one wins). A pack
// with no row yet gets one with idx -1 when flushed, as setDecommissioned does.
func (w *writer) decommission(k packKey, s packState) {
	if _, ok := w.packs[k]; !ok {
		w.packOrder = append(w.packOrder, k)
	}
	w.packs[k] = s
}

// flush writes the buffers. Events first, then shipments, then packs, then holdings: no buffered
// write depends on another kind's.
func (w *writer) flush(ctx context.Context) error {
	if len(w.events) > 0 {
		args := make([]any, 0, len(w.events)*9)
		for _, e := range w.events {
			args = append(args, e.BlockNumber, e.BlockHash, e.BlockTime, e.TxHash, e.LogIndex, e.Contract, e.Name, e.BatchID, e.Args)
		}
		// No ON CONFLICT: the caller skips stored logs, and a second copy must fail the
		// transaction rather than be projected twice.
		n, err := w.bulk(ctx, `INSERT INTO events (block_number, block_hash, block_time, tx_hash, log_index, contract, name, batch_id, args) VALUES `,
			`(?, ?, ?, ?, ?, ?, ?, ?, ?)`, ``, 9, args)
		if err != nil {
			return fmt.Errorf("store events: %w", err)
		}
		if n != int64(len(w.events)) {
			return fmt.Errorf("store events: %d of %d rows inserted", n, len(w.events))
		}
		w.events = w.events[:0]
	}
	if len(w.ships) > 0 {
		args := make([]any, 0, len(w.ships)*11)
		for _, s := range w.ships {
			args = append(args, s.ID, s.BatchID, s.Sender, s.Receiver, s.Quantity, s.Status, s.ShippedBlock, s.ShippedAt, s.ShippedTx, s.ClosedBlock, s.ClosedAt)
		}
		if _, err := w.bulk(ctx, `INSERT INTO shipments (shipment_id, batch_id, sender, receiver, quantity, status, shipped_block, shipped_at, shipped_tx, closed_block, closed_at) VALUES `,
			`(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, ``, 11, args); err != nil {
			return fmt.Errorf("insert shipments: %w", err)
		}
		w.ships = w.ships[:0]
		clear(w.shipAt)
	}
	if len(w.closeIDs) > 0 {
		args := make([]any, 0, len(w.closeIDs)*4)
		for _, id := range w.closeIDs {
			c := w.closes[id]
			args = append(args, id, c.Status, c.Block, c.At)
		}
		// VALUES columns are column1…columnN on both engines; PostgreSQL types untyped
		// parameters in VALUES as text, hence the casts.
		if _, err := w.bulk(ctx, `UPDATE shipments SET status = v.column2, closed_block = v.column3, closed_at = v.column4 FROM (VALUES `,
			`(CAST(? AS BIGINT), ?, CAST(? AS BIGINT), CAST(? AS BIGINT))`, `) AS v WHERE shipments.shipment_id = v.column1`, 4, args); err != nil {
			return fmt.Errorf("close shipments: %w", err)
		}
		w.closeIDs = w.closeIDs[:0]
		clear(w.closes)
	}
	if len(w.packOrder) > 0 {
		args := make([]any, 0, len(w.packOrder)*7)
		for _, k := range w.packOrder {
			s := w.packs[k]
			args = append(args, k.batch, k.pack, s.state, s.reason, s.actor, s.at, s.block)
		}
		n, err := w.bulk(ctx, `UPDATE packs SET state = v.column3, reason = v.column4, actor = v.column5, decommissioned_at = v.column6, decommissioned_block = v.column7 FROM (VALUES `,
			`(?, ?, ?, ?, ?, CAST(? AS BIGINT), CAST(? AS BIGINT))`, `) AS v WHERE packs.batch_id = v.column1 AND packs.pack_id = v.column2`, 7, args)
		if err != nil {
			return fmt.Errorf("decommission packs: %w", err)
		}
		if n < int64(len(w.packOrder)) {
			// Some packs were proven against the root but are not in the published list (only in an
			// inconsistent batch): give them a row of their own, idx -1. The rows just updated conflict.
			if _, err := w.bulk(ctx, `INSERT INTO packs (batch_id, pack_id, state, reason, actor, decommissioned_at, decommissioned_block, idx) VALUES `,
				`(?, ?, ?, ?, ?, ?, ?, -1)`, ` ON CONFLICT (batch_id, pack_id) DO NOTHING`, 7, args); err != nil {
				return fmt.Errorf("insert unpublished packs: %w", err)
			}
		}
		w.packOrder = w.packOrder[:0]
		clear(w.packs)
	}
	if len(w.holdings) > 0 {
		keys := make([]holdingKey, 0, len(w.holdings))
		for k := range w.holdings { // zero sums too: one by one they would have made the row
			keys = append(keys, k)
		}
		// A fixed order: the same statements for the same range, whatever the map's order.
		slices.SortFunc(keys, func(a, b holdingKey) int {
			if c := strings.Compare(a.batch, b.batch); c != 0 {
				return c
			}
			return strings.Compare(a.holder, b.holder)
		})
		args := make([]any, 0, len(keys)*3)
		for _, k := range keys {
			args = append(args, k.batch, k.holder, w.holdings[k])
		}
		if _, err := w.bulk(ctx, `INSERT INTO holdings (batch_id, holder, quantity) VALUES `, `(?, ?, ?)`,
			` ON CONFLICT (batch_id, holder) DO UPDATE SET quantity = holdings.quantity + excluded.quantity`, 3, args); err != nil {
			return fmt.Errorf("update holdings: %w", err)
		}
		clear(w.holdings)
	}
	return nil
}

// maxBulkRows caps the rows of one multi-row statement: 512 rows of at most 11 columns stay
// far under SQLite's 32 766 bound parameters and PostgreSQL's 65 535.
const maxBulkRows = 512

// bulk runs head, the tuples of args (cols arguments a row), then tail, in chunks of 512, 256,
// …, 1 rows — a handful of distinct statements, each prepared once — and returns the rows affected.
func (w *writer) bulk(ctx context.Context, head, tuple, tail string, cols int, args []any) (int64, error) {
	rows := len(args) / cols
	var total int64
	for start := 0; start < rows; {
		n := maxBulkRows
		for n > rows-start {
			n /= 2
		}
		var q strings.Builder
		q.Grow(len(head) + n*(len(tuple)+2) + len(tail))
		q.WriteString(head)
		for i := range n {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString(tuple)
		}
		q.WriteString(tail)
		res, err := w.exec(ctx, q.String(), args[start*cols:(start+n)*cols]...)
		if err != nil {
			return total, err
		}
		k, err := res.RowsAffected()
		if err != nil {
			return total, err
		}
		total += k
		start += n
	}
	return total, nil
}
