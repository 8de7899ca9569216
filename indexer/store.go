package indexer

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/ethereum/go-ethereum/common"
	"github.com/jmoiron/sqlx"
)

// ErrNotFound is returned by Store reads for rows that do not exist.
var ErrNotFound = errors.New("not found")

// Store is the read side of the mirror, used by the service and the pages.
type Store struct {
	db *DB

	// The reads every verification makes, prepared on first use: with the pure-Go SQLite
	// driver, parsing a statement costs about as much as running it. A failed preparation (the
	// database down) is not kept: the next read tries again.
	prepMu sync.Mutex
	prep   atomic.Pointer[storeStmts]
}

type storeStmts struct {
	cursor, packAt *sqlx.Stmt
}

// NewStore returns the read side of db.
func NewStore(db *DB) *Store { return &Store{db: db} }

func (s *Store) stmts(ctx context.Context) (*storeStmts, error) {
	if p := s.prep.Load(); p != nil {
		return p, nil
	}
	s.prepMu.Lock()
	defer s.prepMu.Unlock()
	if p := s.prep.Load(); p != nil {
		return p, nil
	}
	// Not the caller's cancellation: the statements outlive this request.
	ctx = context.WithoutCancel(ctx)
	cursor, err := s.db.PreparexContext(ctx, cursorQuery)
	if err != nil {
		return nil, fmt.Errorf("prepare cursor read: %w", err)
	}
	packAt, err := s.db.PreparexContext(ctx, s.db.Rebind(packAtQuery))
	if err != nil {
		cursor.Close()
		return nil, fmt.Errorf("prepare pack read: %w", err)
	}
	p := &storeStmts{cursor: cursor, packAt: packAt}
	s.prep.Store(p)
	return p, nil
}

// Batch is a batch as mirrored, with its product.
type Batch struct {
	BatchID         string `db:"batch_id" json:"batchId"`
	GTIN            string `db:"gtin" json:"gtin"`
	Lot             string `db:"lot" json:"lot"`
	Manufacturer    string `db:"manufacturer" json:"manufacturer"`
	Expiry          string `db:"expiry" json:"expiry"`
	Quantity        uint64 `db:"quantity" json:"quantity"`
	Published       uint64 `db:"published" json:"published"`
	PacksRoot       string `db:"packs_root" json:"packsRoot"`
	DocHash         string `db:"doc_hash" json:"docHash"`
	RootState       string `db:"root_state" json:"rootState"`
	Recalled        bool   `db:"recalled" json:"recalled"`
	RecallReason    string `db:"recall_reason" json:"recallReason,omitempty"`
	RecalledBy      string `db:"recalled_by" json:"recalledBy,omitempty"`
	RecalledAt      int64  `db:"recalled_at" json:"recalledAt,omitempty"`
	RegisteredBlock uint64 `db:"registered_block" json:"registeredBlock"`
	RegisteredAt    int64  `db:"registered_at" json:"registeredAt"`
	RegisteredTx    string `db:"registered_tx" json:"registeredTx"`
}

const batchCols = `batch_id, gtin, lot, manufacturer, expiry, quantity, published, packs_root, doc_hash, root_state,
	recalled, recall_reason, recalled_by, recalled_at, registered_block, registered_at, registered_tx`

// Batch reads a batch by id.
func (s *Store) Batch(ctx context.Context, batchID common.Hash) (Batch, error) {
	var b Batch
	err := s.db.GetContext(ctx, &b, s.db.Rebind(`SELECT `+batchCols+` FROM batches WHERE batch_id = ?`), batchID.Hex())
	return b, notFound(err, "batch %s", batchID)
}

// BatchByLot reads a batch by GTIN-14 and lot.
func (s *Store) BatchByLot(ctx context.Context, gtin, lot string) (Batch, error) {
	var b Batch
	err := s.db.GetContext(ctx, &b, s.db.Rebind(`SELECT `+batchCols+` FROM batches WHERE gtin = ? AND lot = ?`), gtin, lot)
	return b, notFound(err, "batch %s/%s", gtin, lot)
}

// Batches lists every batch, newest first.
func (s *Store) Batches(ctx context.Context) ([]Batch, error) {
	var bs []Batch
	err := s.db.SelectContext(ctx, &bs, `SELECT `+batchCols+` FROM batches ORDER BY registered_block DESC, batch_id`)
	if err != nil {
		return nil, fmt.Errorf("list batches: %w", err)
	}
	return bs, nil
}

// Pack is a pack as mirrored.
type Pack struct {
	BatchID             string `db:"batch_id" json:"batchId"`
	PackID              string `db:"pack_id" json:"packId"`
	Index               int64  `db:"idx" json:"index"`
	State               string `db:"state" json:"state"`
	Reason              string `db:"reason" json:"reason,omitempty"`
	Actor               string `db:"actor" json:"actor,omitempty"`
	DecommissionedAt    int64  `db:"decommissioned_at" json:"decommissionedAt,omitempty"`
	DecommissionedBlock uint64 `db:"decommissioned_block" json:"decommissionedBlock,omitempty"`
}

// packAtQuery reads the cursor and one pack in one statement. The cursor row always exists
// once anything is indexed; found is false, and the pack's columns empty, when the pack is not in
// the mirror.
const packAtQuery = `SELECT c.number, c.head, p.pack_id IS NOT NULL AS found,
		COALESCE(p.batch_id, '') AS batch_id, COALESCE(p.pack_id, '') AS pack_id, COALESCE(p.idx, 0) AS idx,
		COALESCE(p.state, '') AS state, COALESCE(p.reason, '') AS reason, COALESCE(p.actor, '') AS actor,
		COALESCE(p.decommissioned_at, 0) AS decommissioned_at, COALESCE(p.decommissioned_block, 0) AS decommissioned_block
	FROM sync_cursor c LEFT JOIN packs p ON p.batch_id = ? AND p.pack_id = ?
	WHERE c.id = 1`

// Pack reads one pack of a batch.
func (s *Store) Pack(ctx context.Context, batchID, packID common.Hash) (Pack, error) {
	p, _, err := s.PackAt(ctx, batchID, packID)
	return p, err
}

// PackAt reads one pack of a batch and the cursor it is as of, in one statement: one read
// transaction where a cursor read then a pack read took two (on SQLite, starting a read
// transaction costs a system call, a verification's largest fixed cost after the signature).
// A pack not in the mirror is ErrNotFound, with the cursor still returned.
func (s *Store) PackAt(ctx context.Context, batchID, packID common.Hash) (Pack, Lag, error) {
	st, err := s.stmts(ctx)
	if err != nil {
		return Pack{}, Lag{}, err
	}
	// Scanned column by column rather than through sqlx's reflection: this is every
	// verification's one query, and mapping the row by name cost a third of it.
	var (
		p     Pack
		lag   Lag
		found bool
	)
	err = st.packAt.QueryRowContext(ctx, batchID.Hex(), packID.Hex()).Scan(&lag.Cursor, &lag.Head, &found,
		&p.BatchID, &p.PackID, &p.Index, &p.State, &p.Reason, &p.Actor, &p.DecommissionedAt, &p.DecommissionedBlock)
	if err != nil { // no rows: nothing indexed yet, no cursor and no packs
		return Pack{}, Lag{}, notFound(err, "pack %s", packID)
	}
	if !found {
		return Pack{}, lag, fmt.Errorf("pack %s: %w", packID, ErrNotFound)
	}
	return p, lag, nil
}

// DecommissionedPacks lists a batch's decommissioned packs.
func (s *Store) DecommissionedPacks(ctx context.Context, batchID common.Hash) ([]Pack, error) {
	var ps []Pack
	err := s.db.SelectContext(ctx, &ps, s.db.Rebind(`SELECT batch_id, pack_id, idx, state, reason, actor, decommissioned_at, decommissioned_block
		FROM packs WHERE batch_id = ? AND state = ? ORDER BY decommissioned_block, pack_id`), batchID.Hex(), PackDecommissioned)
	if err != nil {
		return nil, fmt.Errorf("list decommissioned packs of %s: %w", batchID, err)
	}
	return ps, nil
}

// Holding is a holder's units of a batch.
type Holding struct {
	BatchID  string `db:"batch_id" json:"batchId"`
	Holder   string `db:"holder" json:"holder"`
	Quantity int64  `db:"quantity" json:"quantity"`
}

// Holdings lists who holds units of a batch (zero balances omitted).
func (s *Store) Holdings(ctx context.Context, batchID common.Hash) ([]Holding, error) {
	var hs []Holding
	err := s.db.SelectContext(ctx, &hs, s.db.Rebind(`SELECT batch_id, holder, quantity FROM holdings WHERE batch_id = ? AND quantity <> 0 ORDER BY holder`), batchID.Hex())
	if err != nil {
		return nil, fmt.Errorf("list holdings of %s: %w", batchID, err)
	}
	return hs, nil
}

// HoldingsOf lists a holder's stock, by batch.
func (s *Store) HoldingsOf(ctx context.Context, holder common.Address) ([]Holding, error) {
	var hs []Holding
	err := s.db.SelectContext(ctx, &hs, s.db.Rebind(`SELECT batch_id, holder, quantity FROM holdings WHERE holder = ? AND quantity <> 0 ORDER BY batch_id`), hexAddr(holder))
	if err != nil {
		return nil, fmt.Errorf("list holdings of %s: %w", holder, err)
	}
	return hs, nil
}

// Shipment is a shipment as mirrored.
type Shipment struct {
	ShipmentID   uint64 `db:"shipment_id" json:"shipmentId"`
	BatchID      string `db:"batch_id" json:"batchId"`
	Sender       string `db:"sender" json:"from"`
	Receiver     string `db:"receiver" json:"to"`
	Quantity     uint64 `db:"quantity" json:"quantity"`
	Status       string `db:"status" json:"status"`
	ShippedBlock uint64 `db:"shipped_block" json:"shippedBlock"`
	ShippedAt    int64  `db:"shipped_at" json:"shippedAt"`
	ShippedTx    string `db:"shipped_tx" json:"shippedTx"`
	ClosedBlock  uint64 `db:"closed_block" json:"closedBlock,omitempty"`
	ClosedAt     int64  `db:"closed_at" json:"closedAt,omitempty"`
}

const shipmentCols = `shipment_id, batch_id, sender, receiver, quantity, status, shipped_block, shipped_at, shipped_tx, closed_block, closed_at`

// Shipment reads one shipment.
func (s *Store) Shipment(ctx context.Context, id uint64) (Shipment, error) {
	var sh Shipment
	err := s.db.GetContext(ctx, &sh, s.db.Rebind(`SELECT `+shipmentCols+` FROM shipments WHERE shipment_id = ?`), id)
	return sh, notFound(err, "shipment %d", id)
}

// CustodyPath lists a batch's shipments in the order they were sent.
func (s *Store) CustodyPath(ctx context.Context, batchID common.Hash) ([]Shipment, error) {
	var shs []Shipment
	err := s.db.SelectContext(ctx, &shs, s.db.Rebind(`SELECT `+shipmentCols+` FROM shipments WHERE batch_id = ? ORDER BY shipment_id`), batchID.Hex())
	if err != nil {
		return nil, fmt.Errorf("read custody path of %s: %w", batchID, err)
	}
	return shs, nil
}

// PathTo returns the received shipments that brought a holder its units of a batch, from the
// manufacturer on: walking back from the holder, each hop is a received shipment into the
// current party from an earlier one. Where units arrived by several routes, each is followed.
func (s *Store) PathTo(ctx context.Context, batchID common.Hash, holder common.Address) ([]Shipment, error) {
	all, err := s.CustodyPath(ctx, batchID)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{hexAddr(holder): true}
	var path []Shipment
	for i := len(all) - 1; i >= 0; i-- {
		sh := all[i]
		if sh.Status == "received" && want[sh.Receiver] {
			path = append(path, sh)
			want[sh.Sender] = true
		}
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	return path, nil
}

// PendingFor lists the pending shipments addressed to a participant, oldest first.
func (s *Store) PendingFor(ctx context.Context, receiver common.Address) ([]Shipment, error) {
	var shs []Shipment
	err := s.db.SelectContext(ctx, &shs, s.db.Rebind(`SELECT `+shipmentCols+` FROM shipments WHERE receiver = ? AND status = 'pending' ORDER BY shipment_id`), hexAddr(receiver))
	if err != nil {
		return nil, fmt.Errorf("list pending shipments to %s: %w", receiver, err)
	}
	return shs, nil
}

// Event is one contract event of the timeline.
type Event struct {
	BlockNumber uint64 `db:"block_number" json:"block"`
	BlockTime   int64  `db:"block_time" json:"time"`
	TxHash      string `db:"tx_hash" json:"tx"`
	LogIndex    uint64 `db:"log_index" json:"logIndex"`
	Name        string `db:"name" json:"name"`
	Args        string `db:"args" json:"args"`
}

// Timeline lists a batch's events in chain order.
func (s *Store) Timeline(ctx context.Context, batchID common.Hash) ([]Event, error) {
	var evs []Event
	err := s.db.SelectContext(ctx, &evs, s.db.Rebind(`SELECT block_number, block_time, tx_hash, log_index, name, args FROM events
		WHERE batch_id = ? ORDER BY block_number, log_index`), batchID.Hex())
	if err != nil {
		return nil, fmt.Errorf("read timeline of %s: %w", batchID, err)
	}
	return evs, nil
}

// Participant is a participant as mirrored.
type Participant struct {
	Address         string `db:"address" json:"address"`
	Role            string `db:"role" json:"role"`
	GLN             string `db:"gln" json:"gln"`
	Name            string `db:"name" json:"name"`
	Active          bool   `db:"active" json:"active"`
	RegisteredBlock uint64 `db:"registered_block" json:"registeredBlock"`
	RegisteredAt    int64  `db:"registered_at" json:"registeredAt"`
}

// Participant reads one participant.
func (s *Store) Participant(ctx context.Context, addr common.Address) (Participant, error) {
	var p Participant
	err := s.db.GetContext(ctx, &p, s.db.Rebind(`SELECT address, role, gln, name, active, registered_block, registered_at FROM participants WHERE address = ?`), hexAddr(addr))
	return p, notFound(err, "participant %s", addr)
}

// Participants lists every participant by name.
func (s *Store) Participants(ctx context.Context) ([]Participant, error) {
	var ps []Participant
	err := s.db.SelectContext(ctx, &ps, `SELECT address, role, gln, name, active, registered_block, registered_at FROM participants ORDER BY name, address`)
	if err != nil {
		return nil, fmt.Errorf("list participants: %w", err)
	}
	return ps, nil
}

// Product is a product as mirrored.
type Product struct {
	GTIN     string `db:"gtin" json:"gtin"`
	Owner    string `db:"owner" json:"owner"`
	Name     string `db:"name" json:"name"`
	Strength string `db:"strength" json:"strength"`
	Form     string `db:"form" json:"form"`
	PackSize uint32 `db:"pack_size" json:"packSize"`
}

// Product reads a product by GTIN-14.
func (s *Store) Product(ctx context.Context, gtin string) (Product, error) {
	var p Product
	err := s.db.GetContext(ctx, &p, s.db.Rebind(`SELECT gtin, owner, name, strength, form, pack_size FROM products WHERE gtin = ?`), gtin)
	return p, notFound(err, "product %s", gtin)
}

// Lag is how far the mirror is behind the chain.
type Lag struct {
	Cursor uint64 `json:"cursor"` // last indexed block
	Head   uint64 `json:"head"`   // the target head when the cursor last moved
}

// Lag reads the cursor; Head is what the indexer last saw as its target.
func (s *Store) Lag(ctx context.Context) (Lag, error) {
	st, err := s.stmts(ctx)
	if err != nil {
		return Lag{}, err
	}
	c, ok, err := readCursorWith(ctx, st.cursor)
	if err != nil || !ok {
		return Lag{}, err
	}
	return Lag{Cursor: c.Number, Head: c.Head}, nil
}

func notFound(err error, format string, args ...any) error {
	switch {
	case err == nil:
		return nil
	case IsNoRows(err):
		return fmt.Errorf(format+": %w", append(args, ErrNotFound)...)
	default:
		return fmt.Errorf("read "+format+": %w", append(args, err)...)
	}
}
