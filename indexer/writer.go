package indexer

import (
	"cmp"
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
		// In primary-key order (block number, log index): appended at the key's end.
		slices.SortFunc(w.events, func(a, b event) int {
			if c := cmp.Compare(a.BlockNumber, b.BlockNumber); c != 0 {
				return c
			}
			return cmp.Compare(a.LogIndex, b.LogIndex)
		})
		n := len(w.events)
		var (
			num, time, idx                            = make([]int64, n), make([]int64, n), make([]int64, n)
			hash, tx, contract, name, batch, argsJSON = make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		)
		for i, e := range w.events {
			num[i], hash[i], time[i], tx[i], idx[i] = int64(e.BlockNumber), e.BlockHash, int64(e.BlockTime), e.TxHash, int64(e.LogIndex)
			contract[i], name[i], batch[i], argsJSON[i] = e.Contract, e.Name, e.BatchID, e.Args
		}
		// No ON CONFLICT: the caller skips stored logs, and a second copy must fail the
		// transaction rather than be projected twice.
		got, err := w.bulk(ctx, insertEvents, num, hash, time, tx, idx, contract, name, batch, argsJSON)
		if err != nil {
			return fmt.Errorf("store events: %w", err)
		}
		if got != int64(n) {
			return fmt.Errorf("store events: %d of %d rows inserted", got, n)
		}
		w.events = w.events[:0]
	}
	if n := len(w.ships); n > 0 {
		var (
			id, qty, sb, sa, cb, ca                 = make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n)
			batch, sender, receiver, status, txHash = make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		)
		for i, s := range w.ships {
			id[i], batch[i], sender[i], receiver[i], qty[i] = int64(s.ID), s.BatchID, s.Sender, s.Receiver, int64(s.Quantity)
			status[i], sb[i], sa[i], txHash[i], cb[i], ca[i] = s.Status, int64(s.ShippedBlock), int64(s.ShippedAt), s.ShippedTx, int64(s.ClosedBlock), int64(s.ClosedAt)
		}
		if _, err := w.bulk(ctx, insertShipments, id, batch, sender, receiver, qty, status, sb, sa, txHash, cb, ca); err != nil {
			return fmt.Errorf("insert shipments: %w", err)
		}
		w.ships = w.ships[:0]
		clear(w.shipAt)
	}
	if n := len(w.closeIDs); n > 0 {
		id, status, block, at := make([]int64, n), make([]string, n), make([]int64, n), make([]int64, n)
		for i, k := range w.closeIDs {
			c := w.closes[k]
			id[i], status[i], block[i], at[i] = int64(k), c.Status, int64(c.Block), int64(c.At)
		}
		if _, err := w.bulk(ctx, closeShipments, id, status, block, at); err != nil {
			return fmt.Errorf("close shipments: %w", err)
		}
		w.closeIDs = w.closeIDs[:0]
		clear(w.closes)
	}
	if n := len(w.packOrder); n > 0 {
		// In key order, to walk the index once (the order of the updates does not matter: one
		// per pack).
		slices.SortFunc(w.packOrder, func(a, b packKey) int {
			if c := strings.Compare(a.batch, b.batch); c != 0 {
				return c
			}
			return strings.Compare(a.pack, b.pack)
		})
		var (
			batch, pack, state, reason, actor = make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
			at, block                         = make([]int64, n), make([]int64, n)
		)
		for i, k := range w.packOrder {
			s := w.packs[k]
			batch[i], pack[i], state[i], reason[i], actor[i], at[i], block[i] = k.batch, k.pack, s.state, s.reason, s.actor, int64(s.at), int64(s.block)
		}
		got, err := w.bulk(ctx, decommissionPacks, batch, pack, state, reason, actor, at, block)
		if err != nil {
			return fmt.Errorf("decommission packs: %w", err)
		}
		switch {
		case got == int64(n):
		case w.pg:
			// Some packs were proven against the root but are not in the published list (only in
			// an inconsistent batch): give them a row of their own, idx -1. The rows just updated
			// conflict. (SQLite's statement is an upsert: it wrote them already.)
			if _, err := w.bulk(ctx, insertUnpublishedPacks, batch, pack, state, reason, actor, at, block); err != nil {
				return fmt.Errorf("insert unpublished packs: %w", err)
			}
		default:
			return fmt.Errorf("decommission packs: %d of %d rows written", got, n)
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
		batch, holder, delta := make([]string, len(keys)), make([]string, len(keys)), make([]int64, len(keys))
		for i, k := range keys {
			batch[i], holder[i], delta[i] = k.batch, k.holder, w.holdings[k]
		}
		if _, err := w.bulk(ctx, addHoldings, batch, holder, delta); err != nil {
			return fmt.Errorf("update holdings: %w", err)
		}
		clear(w.holdings)
	}
	return nil
}

// bulkStmt is one multi-row write in both dialects. SQLite gets multi-row VALUES: head, one
// tuple a row, tail. PostgreSQL gets pg, one statement over unnest()ed arrays ($1 … $n, one per
// column): one round trip and the same prepared statement whatever the row count, where VALUES
// would be parsed and planned anew for every row count.
type bulkStmt struct {
	head, tuple, tail string
	pg                string
}

// The buffered writes. In SQLite, VALUES columns are named column1 … columnN.
var (
	insertEvents = bulkStmt{
		head:  `INSERT INTO events (block_number, block_hash, block_time, tx_hash, log_index, contract, name, batch_id, args) VALUES `,
		tuple: `(?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		pg: `INSERT INTO events (block_number, block_hash, block_time, tx_hash, log_index, contract, name, batch_id, args)
			SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[])`,
	}
	insertShipments = bulkStmt{
		head:  `INSERT INTO shipments (shipment_id, batch_id, sender, receiver, quantity, status, shipped_block, shipped_at, shipped_tx, closed_block, closed_at) VALUES `,
		tuple: `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		pg: `INSERT INTO shipments (shipment_id, batch_id, sender, receiver, quantity, status, shipped_block, shipped_at, shipped_tx, closed_block, closed_at)
			SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::bigint[], $8::bigint[], $9::text[], $10::bigint[], $11::bigint[])`,
	}
	closeShipments = bulkStmt{
		head:  `UPDATE shipments SET status = v.column2, closed_block = v.column3, closed_at = v.column4 FROM (VALUES `,
		tuple: `(?, ?, ?, ?)`,
		tail:  `) AS v WHERE shipments.shipment_id = v.column1`,
		pg: `UPDATE shipments SET status = v.status, closed_block = v.closed_block, closed_at = v.closed_at
			FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[]) AS v (shipment_id, status, closed_block, closed_at)
			WHERE shipments.shipment_id = v.shipment_id`,
	}
	// A decommissioning sets all but idx on a pack's row. On SQLite one upsert gives a pack with
	// no row (proven against the root but not in the published list: only in an inconsistent
	// batch) its row, idx -1: SQLite materialises an UPDATE's FROM before it updates, and took
	// 1.45 times as long as the upsert for the same rows (28 000 random packs a transaction in a
	// 280 000-pack table; 4.3 -> 3.7 s in a 200 000-event backfill). On PostgreSQL the upsert
	// cost the server more (17.4 s of CPU a backfill against 16.1 s, two runs each), so it
	// updates, and the rows it did not find then go in with insertUnpublishedPacks.
	decommissionPacks = bulkStmt{
		head:  `INSERT INTO packs (batch_id, pack_id, state, reason, actor, decommissioned_at, decommissioned_block, idx) VALUES `,
		tuple: `(?, ?, ?, ?, ?, ?, ?, -1)`,
		tail: ` ON CONFLICT (batch_id, pack_id) DO UPDATE SET state = excluded.state, reason = excluded.reason, actor = excluded.actor,
			decommissioned_at = excluded.decommissioned_at, decommissioned_block = excluded.decommissioned_block`,
		pg: `UPDATE packs SET state = v.state, reason = v.reason, actor = v.actor, decommissioned_at = v.at, decommissioned_block = v.block
			FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[]) AS v (batch_id, pack_id, state, reason, actor, at, block)
			WHERE packs.batch_id = v.batch_id AND packs.pack_id = v.pack_id`,
	}
	insertUnpublishedPacks = bulkStmt{ // PostgreSQL only
		pg: `INSERT INTO packs (batch_id, pack_id, state, reason, actor, decommissioned_at, decommissioned_block, idx)
			SELECT *, -1 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[])
			ON CONFLICT (batch_id, pack_id) DO NOTHING`,
	}
	insertPublishedPacks = bulkStmt{
		head:  `INSERT INTO packs (batch_id, pack_id, idx, state, reason, actor, decommissioned_at, decommissioned_block) VALUES `,
		tuple: `(?, ?, ?, ?, '', '', 0, 0)`,
		tail:  ` ON CONFLICT (batch_id, pack_id) DO NOTHING`,
		pg: `INSERT INTO packs (batch_id, pack_id, idx, state, reason, actor, decommissioned_at, decommissioned_block)
			SELECT *, '', '', 0, 0 FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[])
			ON CONFLICT (batch_id, pack_id) DO NOTHING`,
	}
	addHoldings = bulkStmt{
		head:  `INSERT INTO holdings (batch_id, holder, quantity) VALUES `,
		tuple: `(?, ?, ?)`,
		tail:  ` ON CONFLICT (batch_id, holder) DO UPDATE SET quantity = holdings.quantity + excluded.quantity`,
		pg: `INSERT INTO holdings (batch_id, holder, quantity)
			SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
			ON CONFLICT (batch_id, holder) DO UPDATE SET quantity = holdings.quantity + excluded.quantity`,
	}
	upsertBlocks = bulkStmt{
		head:  `INSERT INTO blocks (number, hash, parent_hash, time) VALUES `,
		tuple: `(?, ?, ?, ?)`,
		tail:  ` ON CONFLICT (number) DO UPDATE SET hash = excluded.hash, parent_hash = excluded.parent_hash, time = excluded.time`,
		pg: `INSERT INTO blocks (number, hash, parent_hash, time)
			SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[])
			ON CONFLICT (number) DO UPDATE SET hash = excluded.hash, parent_hash = excluded.parent_hash, time = excluded.time`,
	}
)

// maxBulkRows caps the rows of one SQLite multi-row statement: 512 rows of at most 11 columns
// stay far under its 32 766 bound parameters.
const maxBulkRows = 512

// bulk writes the rows whose columns are cols (each a []int64 or []string, all as long) with st,
// and returns the rows affected. On SQLite it runs chunks of 512, 256, …, 1 rows: a handful of
// distinct statements, each prepared once per transaction.
func (w *writer) bulk(ctx context.Context, st bulkStmt, cols ...any) (int64, error) {
	rows := 0
	switch c := cols[0].(type) {
	case []int64:
		rows = len(c)
	case []string:
		rows = len(c)
	}
	if rows == 0 {
		return 0, nil
	}
	if w.pg {
		res, err := w.tx.ExecContext(ctx, st.pg, cols...)
		if err != nil {
			return 0, err
		}
		return res.RowsAffected()
	}
	var total int64
	args := make([]any, 0, min(rows, maxBulkRows)*len(cols))
	for start := 0; start < rows; {
		n := maxBulkRows
		for n > rows-start {
			n /= 2
		}
		args = args[:0]
		for r := start; r < start+n; r++ {
			for _, c := range cols {
				switch c := c.(type) {
				case []int64:
					args = append(args, c[r])
				case []string:
					args = append(args, c[r])
				default:
					return total, fmt.Errorf("bulk: column of type %T", c)
				}
			}
		}
		var q strings.Builder
		q.Grow(len(st.head) + n*(len(st.tuple)+2) + len(st.tail))
		q.WriteString(st.head)
		for i := range n {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString(st.tuple)
		}
		q.WriteString(st.tail)
		res, err := w.exec(ctx, q.String(), args...)
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
