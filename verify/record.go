package verify

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/pharmatrace/pharmatrace/indexer"
)

// scanRecord is one row of the scan log.
type scanRecord struct {
	at                                 time.Time
	scanner                            Scanner
	verdict                            Verdict
	gtin, lot, serial, batchID, packID string
	block                              uint64
}

func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// scanID is a scan's key: its time in milliseconds, then 6 random bytes, in hex like newID's.
// Keys in time order land at the right-hand end of the primary key's index, so a batch of scans
// dirties a few pages there instead of one page per scan spread over the whole index (random
// keys made writing the scan log the recorder's main cost).
func scanID(at time.Time) string {
	var b [14]byte
	binary.BigEndian.PutUint64(b[:8], uint64(at.UnixMilli()))
	_, _ = rand.Read(b[8:])
	return hex.EncodeToString(b[2:])
}

// RecorderOptions configure a Recorder.
type RecorderOptions struct {
	// CloneWindow and CloneClients: a pack scanned from at least CloneClients distinct clients
	// within CloneWindow raises a possible-clone alert. Defaults 24h and 5.
	CloneWindow  time.Duration
	CloneClients int
	// Interval is how often queued scans are written (sooner when maxBatch are queued).
	// Default 1s: few, large commits cost the least per scan, and a regulator's alert queue
	// can wait a second. (The mirror's readers do not notice these commits: on SQLite the scan
	// log is in the service's own file; see indexer.DB.)
	Interval time.Duration
	// Logger for write failures. Default: discard.
	Logger *slog.Logger
}

// Recorder writes the scan log and alerts in the background, in batches, so that a
// verification's answer never waits for a write.
type Recorder struct {
	db    *indexer.DB
	opts  RecorderOptions
	queue chan Result
	flush chan chan struct{}
}

// NewRecorder returns a Recorder writing to db; call Run to start it.
func NewRecorder(db *indexer.DB, opts RecorderOptions) *Recorder {
	if opts.CloneWindow <= 0 {
		opts.CloneWindow = 24 * time.Hour
	}
	if opts.CloneClients <= 0 {
		opts.CloneClients = 5
	}
	if opts.Interval <= 0 {
		opts.Interval = time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Recorder{db: db, opts: opts, queue: make(chan Result, 2*maxBatch), flush: make(chan chan struct{})}
}

// Record queues a verification's scan and alert. It blocks only when the queue is full, so a
// stalled database slows verification down rather than losing records.
func (r *Recorder) Record(ctx context.Context, res Result) {
	select {
	case r.queue <- res:
	case <-ctx.Done():
	}
}

// Flush waits until everything recorded before the call is written.
func (r *Recorder) Flush(ctx context.Context) {
	done := make(chan struct{})
	select {
	case r.flush <- done:
	case <-ctx.Done():
		return
	}
	select {
	case <-done:
	case <-ctx.Done():
	}
}

// maxBatch is the most scans one write carries: a second's worth at a busy service's rate.
const maxBatch = 4096

// Run writes queued records until ctx ends, then writes what is left.
func (r *Recorder) Run(ctx context.Context) {
	var batch []Result
	tick := time.NewTicker(r.opts.Interval)
	defer tick.Stop()
	write := func() {
		if len(batch) == 0 {
			return
		}
		if err := r.write(context.WithoutCancel(ctx), batch); err != nil {
			r.opts.Logger.Error("write scan log", "scans", len(batch), "err", err)
		}
		batch = batch[:0]
	}
	drain := func() {
		for {
			select {
			case res := <-r.queue:
				batch = append(batch, res)
			default:
				return
			}
		}
	}
	for {
		select {
		case <-ctx.Done():
			drain()
			write()
			return
		case res := <-r.queue:
			batch = append(batch, res)
			if len(batch) >= maxBatch {
				write()
			}
		case <-tick.C:
			write()
		case done := <-r.flush:
			drain()
			write()
			close(done)
		}
	}
}

// The recorder shares the machine with the verifications it logs, so it writes a batch with as
// few statements as it can: scans go in multi-row INSERTs, one query finds the packs that may
// have reached the clone threshold, and only those get the exact per-pack check. The statements
// run many times per batch are prepared once per batch: with SQLite, preparing (parsing) a
// statement costs as much as running it.
const (
	insertScansSQL = `INSERT INTO svc_scans (scan_id, scanned_at, verdict, gtin, lot, serial, batch_id, pack_id, scanner, client, block)
		VALUES `
	scanValues  = `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	suspectsSQL = `SELECT pack_id FROM svc_scans
		WHERE pack_id IN (%s) AND scanned_at >= ? AND client <> ''
		GROUP BY pack_id
		HAVING COUNT(DISTINCT client) >= ?`
	insertAlertSQL = `INSERT INTO svc_alerts (alert_id, code, nmvs_code, message, state, created_at, updated_at, batch_id, pack_id, gtin, lot, serial, scanner, details)
		VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	countClientsSQL = `SELECT COUNT(DISTINCT client) FROM svc_scans WHERE pack_id = ? AND scanned_at >= ? AND client <> ''`
	openClonesSQL   = `SELECT COUNT(*) FROM svc_alerts WHERE pack_id = ? AND code = ? AND state <> 'closed'`
)

// chunkRows is how many scans one INSERT carries, and how many packs one clone pre-check names:
// far below the bound parameters SQLite (32 766) and PostgreSQL (65 535) accept.
const chunkRows = 100

// writeStmts are the prepared statements of one batch's transaction.
type writeStmts struct {
	alert, clients, clones *sqlx.Stmt
}

func prepareWrite(ctx context.Context, tx *sqlx.Tx) (*writeStmts, error) {
	var (
		w   writeStmts
		err error
	)
	for _, p := range []struct {
		stmt **sqlx.Stmt
		sql  string
	}{{&w.alert, insertAlertSQL}, {&w.clients, countClientsSQL}, {&w.clones, openClonesSQL}} {
		if *p.stmt, err = tx.PreparexContext(ctx, tx.Rebind(p.sql)); err != nil {
			return nil, fmt.Errorf("prepare scan log statement: %w", err)
		}
	}
	return &w, nil
}

func (w *writeStmts) close() {
	for _, st := range []*sqlx.Stmt{w.alert, w.clients, w.clones} {
		if st != nil {
			_ = st.Close()
		}
	}
}

func (r *Recorder) write(ctx context.Context, batch []Result) error {
	return r.db.InTx(ctx, func(tx *sqlx.Tx) error {
		st, err := prepareWrite(ctx, tx)
		if err != nil {
			return err
		}
		defer st.close()
		packs := map[string]scanRecord{}
		for start := 0; start < len(batch); start += chunkRows {
			chunk := batch[start:min(start+chunkRows, len(batch))]
			args := make([]any, 0, len(chunk)*11)
			for _, res := range chunk {
				s := res.scan
				scanner := ""
				if s.scanner.Participant != ([20]byte{}) {
					scanner = s.scanner.Participant.Hex()
				}
				args = append(args, scanID(s.at), s.at.Unix(), string(s.verdict), s.gtin, s.lot, s.serial, s.batchID, s.packID, scanner, s.scanner.Client, s.block)
				if res.Alert != nil {
					if err := st.insertAlert(ctx, *res.Alert, s, scanner, res); err != nil {
						return err
					}
				}
				if s.packID != "" && s.scanner.Client != "" {
					packs[s.packID] = s
				}
			}
			q := insertScansSQL + strings.Repeat(scanValues+", ", len(chunk)-1) + scanValues
			if _, err := tx.ExecContext(ctx, tx.Rebind(q), args...); err != nil {
				return fmt.Errorf("insert %d scans: %w", len(chunk), err)
			}
		}
		suspects, err := r.suspects(ctx, tx, packs)
		if err != nil {
			return err
		}
		for _, packID := range suspects {
			if err := r.cloneCheck(ctx, st, packID, packs[packID]); err != nil {
				return err
			}
		}
		return nil
	})
}

// suspects narrows the packs of a batch to those scanned by at least CloneClients distinct
// clients since the earliest of the batch's scans minus the window: a superset of the packs over
// the threshold in their own window, found with one query per chunk instead of one per pack.
func (r *Recorder) suspects(ctx context.Context, tx *sqlx.Tx, packs map[string]scanRecord) ([]string, error) {
	if len(packs) == 0 {
		return nil, nil
	}
	ids := make([]string, 0, len(packs))
	var earliest time.Time
	for id, s := range packs {
		ids = append(ids, id)
		if earliest.IsZero() || s.at.Before(earliest) {
			earliest = s.at
		}
	}
	since := earliest.Add(-r.opts.CloneWindow).Unix()
	var out []string
	for start := 0; start < len(ids); start += chunkRows {
		chunk := ids[start:min(start+chunkRows, len(ids))]
		args := make([]any, 0, len(chunk)+2)
		for _, id := range chunk {
			args = append(args, id)
		}
		args = append(args, since, r.opts.CloneClients)
		q := fmt.Sprintf(suspectsSQL, strings.Repeat("?, ", len(chunk)-1)+"?")
		var found []string
		if err := tx.SelectContext(ctx, &found, tx.Rebind(q), args...); err != nil {
			return nil, fmt.Errorf("find packs scanned by %d clients: %w", r.opts.CloneClients, err)
		}
		out = append(out, found...)
	}
	return out, nil
}

func (w *writeStmts) insertAlert(ctx context.Context, a Alert, s scanRecord, scanner string, res Result) error {
	details, _ := json.Marshal(struct {
		Verdict Verdict `json:"verdict"`
		Block   uint64  `json:"block"`
		Pack    *Pack   `json:"pack,omitempty"`
	}{res.Verdict, res.Block, res.Pack})
	_, err := w.alert.ExecContext(ctx, a.ID, a.Code, a.NMVSCode, a.Message, s.at.Unix(), s.at.Unix(), s.batchID, s.packID, s.gtin, s.lot, s.serial, scanner, string(details))
	if err != nil {
		return fmt.Errorf("insert alert %s: %w", a.Code, err)
	}
	return nil
}

// cloneCheck raises one possible-clone alert for a pack scanned from too many distinct clients
// within the window, unless one is already open for it.
func (r *Recorder) cloneCheck(ctx context.Context, st *writeStmts, packID string, s scanRecord) error {
	var clients int
	if err := st.clients.GetContext(ctx, &clients, packID, s.at.Add(-r.opts.CloneWindow).Unix()); err != nil {
		return fmt.Errorf("count clients of %s: %w", packID, err)
	}
	if clients < r.opts.CloneClients {
		return nil
	}
	var open int
	if err := st.clones.GetContext(ctx, &open, packID, AlertPossibleClone); err != nil {
		return fmt.Errorf("read clone alerts of %s: %w", packID, err)
	}
	if open > 0 {
		return nil
	}
	a := Alert{ID: newID(), Code: AlertPossibleClone, Message: fmt.Sprintf("Scanned from %d different clients within %s.", clients, r.opts.CloneWindow)}
	return st.insertAlert(ctx, a, s, "", Result{Verdict: s.verdict, Block: s.block})
}
