package verify

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
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
//
// Scans queue in a slice under a mutex rather than in a channel: a channel send wakes the
// recorder's goroutine for every scan, and on a service that is not saturated each such wake-up
// costs a thread's futex round trip: about a tenth of a verification's CPU at 2 000
// verifications a second (make bench-verify). The recorder wakes on its interval, or once
// maxBatch scans wait.
type Recorder struct {
	db    *indexer.DB
	opts  RecorderOptions
	ready chan struct{} // a full batch waits (buffered: one signal is enough)
	flush chan chan struct{}

	mu      sync.Mutex
	pending []Result
	spare   []Result      // the last written batch's array, for the next one
	drained chan struct{} // closed when pending is taken, for Records waiting for room
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
	return &Recorder{db: db, opts: opts, ready: make(chan struct{}, 1), flush: make(chan chan struct{}), drained: make(chan struct{})}
}

// maxBatch is the most scans one write carries as a rule (a second's worth at a busy service's
// rate), and maxQueued how many may wait while a write runs.
const (
	maxBatch  = 4096
	maxQueued = 2 * maxBatch
)

// Record queues a verification's scan and alert. It blocks only when maxQueued are waiting, so
// a stalled database slows verification down rather than losing records.
func (r *Recorder) Record(ctx context.Context, res Result) {
	for {
		r.mu.Lock()
		if n := len(r.pending); n < maxQueued {
			r.pending = append(r.pending, res)
			r.mu.Unlock()
			if n+1 == maxBatch {
				select {
				case r.ready <- struct{}{}:
				default:
				}
			}
			return
		}
		drained := r.drained
		r.mu.Unlock()
		select {
		case <-drained:
		case <-ctx.Done():
			return
		}
	}
}

// take empties the queue and returns what it held.
func (r *Recorder) take() []Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	batch := r.pending
	r.pending, r.spare = r.spare[:0], nil
	if len(batch) >= maxQueued {
		close(r.drained)
		r.drained = make(chan struct{})
	}
	return batch
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

// Run writes queued records until ctx ends, then writes what is left.
func (r *Recorder) Run(ctx context.Context) {
	tick := time.NewTicker(r.opts.Interval)
	defer tick.Stop()
	write := func() {
		batch := r.take()
		if len(batch) > 0 {
			if err := r.write(context.WithoutCancel(ctx), batch); err != nil {
				r.opts.Logger.Error("write scan log", "scans", len(batch), "err", err)
			}
		}
		clear(batch) // let the results go; keep the array
		r.mu.Lock()
		r.spare = batch[:0]
		r.mu.Unlock()
	}
	for {
		select {
		case <-ctx.Done():
			write()
			return
		case <-r.ready:
			write()
		case <-tick.C:
			write()
		case done := <-r.flush:
			write()
			close(done)
		}
	}
}

// The recorder shares the machine with the verifications it logs, so it writes a batch with as
// few statements as it can: scans go in multi-row INSERTs, each pack's clients in multi-row
// upserts into svc_pack_clients (one row per pack and client, with its latest scan), one query per
// chunk finds the packs that reached the clone threshold, and only those get the exact per-pack
// check. The statements run many times per batch are prepared once per batch: with SQLite,
// preparing (parsing) a statement costs as much as running it.
const (
	insertScansSQL = `INSERT INTO svc_scans (scan_id, scanned_at, verdict, gtin, lot, serial, batch_id, pack_id, scanner, client, block)
		VALUES `
	scanValues       = `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	upsertClientsSQL = `INSERT INTO svc_pack_clients (pack_id, client, last_at)
		VALUES %s
		ON CONFLICT (pack_id, client) DO UPDATE
		SET last_at = CASE WHEN excluded.last_at > svc_pack_clients.last_at THEN excluded.last_at ELSE svc_pack_clients.last_at END`
	clientValues = `(?, ?, ?)`
	suspectsSQL  = `SELECT pack_id FROM svc_pack_clients
		WHERE pack_id IN (%s) AND last_at >= ?
		GROUP BY pack_id
		HAVING COUNT(*) >= ?`
	insertAlertSQL = `INSERT INTO svc_alerts (alert_id, code, nmvs_code, message, state, created_at, updated_at, batch_id, pack_id, gtin, lot, serial, scanner, details)
		VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	countClientsSQL = `SELECT COUNT(*) FROM svc_pack_clients WHERE pack_id = ? AND last_at >= ?`
	openClonesSQL   = `SELECT COUNT(*) FROM svc_alerts WHERE pack_id = ? AND code = ? AND state <> 'closed'`
)

// chunkRows is how many scans one INSERT carries, and how many packs one clone pre-check names:
// far below the bound parameters SQLite (32 766) and PostgreSQL (65 535) accept.
const chunkRows = 100

// writeStmts are the prepared statements of one batch's transaction.
type writeStmts struct {
	tx                     *sqlx.Tx
	alert, clients, clones *sqlx.Stmt
	multi                  map[string]*sqlx.Stmt // multi-row statements by their text: a full chunk's recurs
}

func prepareWrite(ctx context.Context, tx *sqlx.Tx) (*writeStmts, error) {
	var (
		w   = writeStmts{tx: tx, multi: map[string]*sqlx.Stmt{}}
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

// prepared is q (in ? form) prepared in the batch's transaction, once per batch.
func (w *writeStmts) prepared(ctx context.Context, q string) (*sqlx.Stmt, error) {
	if st, ok := w.multi[q]; ok {
		return st, nil
	}
	st, err := w.tx.PreparexContext(ctx, w.tx.Rebind(q))
	if err != nil {
		return nil, err
	}
	w.multi[q] = st
	return st, nil
}

func (w *writeStmts) close() {
	for _, st := range []*sqlx.Stmt{w.alert, w.clients, w.clones} {
		if st != nil {
			_ = st.Close()
		}
	}
	for _, st := range w.multi {
		_ = st.Close()
	}
}

// packClient is one client's latest scan of one pack in a batch.
type packClient struct{ pack, client string }

func (r *Recorder) write(ctx context.Context, batch []Result) error {
	return r.db.InTx(ctx, func(tx *sqlx.Tx) error {
		st, err := prepareWrite(ctx, tx)
		if err != nil {
			return err
		}
		defer st.close()
		packs := map[string]scanRecord{}     // each pack's last recorded scan in the batch
		latest := map[packClient]time.Time{} // each client's latest scan of each pack
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
					k := packClient{s.packID, s.scanner.Client}
					if at, ok := latest[k]; !ok || s.at.After(at) {
						latest[k] = s.at
					}
				}
			}
			ins, err := st.prepared(ctx, insertScansSQL+strings.Repeat(scanValues+", ", len(chunk)-1)+scanValues)
			if err == nil {
				_, err = ins.ExecContext(ctx, args...)
			}
			if err != nil {
				return fmt.Errorf("insert %d scans: %w", len(chunk), err)
			}
			// A batch's write is one long run of CPU on a machine that also answers
			// verifications: between chunks it lets waiting requests go first, so that a batch
			// lengthens their answers by a chunk's time at most, not the whole batch's.
			runtime.Gosched()
		}
		if err := upsertClients(ctx, st, latest); err != nil {
			return err
		}
		suspects, err := r.suspects(ctx, st, packs)
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

// upsertClients records each client's latest scan of each pack, in multi-row upserts (each
// (pack, client) once per statement: PostgreSQL refuses to update a row twice in one).
func upsertClients(ctx context.Context, st *writeStmts, latest map[packClient]time.Time) error {
	args := make([]any, 0, min(len(latest), chunkRows)*3)
	flush := func() error {
		if len(args) == 0 {
			return nil
		}
		n := len(args) / 3
		up, err := st.prepared(ctx, fmt.Sprintf(upsertClientsSQL, strings.Repeat(clientValues+", ", n-1)+clientValues))
		if err == nil {
			_, err = up.ExecContext(ctx, args...)
		}
		if err != nil {
			return fmt.Errorf("record the clients of %d packs: %w", n, err)
		}
		args = args[:0]
		runtime.Gosched()
		return nil
	}
	for k, at := range latest {
		args = append(args, k.pack, k.client, at.Unix())
		if len(args) == chunkRows*3 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// suspects narrows the packs of a batch to those scanned by at least CloneClients distinct
// clients since the earliest of the batch's scans minus the window: a superset of the packs over
// the threshold in their own window, found with one query per chunk instead of one per pack.
func (r *Recorder) suspects(ctx context.Context, st *writeStmts, packs map[string]scanRecord) ([]string, error) {
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
		var found []string
		q, err := st.prepared(ctx, fmt.Sprintf(suspectsSQL, strings.Repeat("?, ", len(chunk)-1)+"?"))
		if err == nil {
			err = q.SelectContext(ctx, &found, args...)
		}
		if err != nil {
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
