package indexer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/jmoiron/sqlx"

	"github.com/pharmatrace/pharmatrace/chain"
)

// ErrReorgTooDeep stops the indexer: the chain replaced blocks older than any the indexer keeps,
// so it cannot find the common ancestor. Re-index from the deployment block (a fresh database),
// or raise --window.
var ErrReorgTooDeep = errors.New("reorg deeper than the stored block window")

// ErrMirrorDiverged stops the indexer: a block it is about to store holds a log the mirror has
// already stored from another block of that number, one a rewind did not undo. Retrying cannot
// mend that; re-index into a fresh database.
var ErrMirrorDiverged = errors.New("the mirror holds a block the node does not")

// Node is what the indexer needs from an Ethereum node; ethclient.Client and the simulated
// backend's client satisfy it.
type Node interface {
	BlockNumber(ctx context.Context) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// HeadSubscriber is implemented by nodes reached over WebSocket (or in process): new heads
// then wake the indexer at once instead of at the next poll.
type HeadSubscriber interface {
	SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error)
}

// Options configure an Indexer.
type Options struct {
	// Addresses of the contracts to mirror. Required.
	Addresses chain.Addresses
	// FromBlock is where indexing starts on an empty database: the deployment block.
	FromBlock uint64
	// Confirmations is how many blocks behind the head the indexer stays (0: index the head).
	Confirmations uint64
	// Finalized indexes up to the node's finalized block instead (Confirmations is then ignored).
	Finalized bool
	// Window is how many recent blocks are kept to find the common ancestor on a reorg. Default 256.
	Window uint64
	// MaxRange caps the block range of one eth_getLogs call. Default 50 000.
	MaxRange uint64
	// Fetchers is how many eth_getLogs calls (with their header reads) a sync keeps in flight;
	// their ranges still commit in order. Default 3.
	Fetchers int
	// PollInterval is how often the head is polled when no subscription wakes the indexer. Default 2s.
	PollInterval time.Duration
	// Logger for progress and outages. Default: discard.
	Logger *slog.Logger
	// Progress, if set, is called after each committed range.
	Progress func(Progress)
}

// Progress reports where a sync stands.
type Progress struct {
	Cursor  uint64        // last indexed block
	Target  uint64        // block the sync is heading for
	Events  uint64        // events stored in this sync
	Elapsed time.Duration // since the sync started
}

// Rate is events stored per second so far.
func (p Progress) Rate() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Events) / p.Elapsed.Seconds()
}

// Indexer mirrors the contracts' events into a DB.
type Indexer struct {
	db    *DB
	node  Node
	opts  Options
	proj  *projector
	log   *slog.Logger
	query ethereum.FilterQuery
	// wconn is the connection a Sync writes through (see beginWrites); nil outside Sync.
	wconn *sqlx.Conn
}

// New validates the options and returns an indexer. It does not touch the node or the database.
func New(db *DB, node Node, opts Options) (*Indexer, error) {
	if opts.Addresses.Registry == (common.Address{}) || opts.Addresses.Ledger == (common.Address{}) {
		return nil, errors.New("new indexer: contract addresses are required")
	}
	if opts.Window == 0 {
		opts.Window = 256
	}
	if opts.MaxRange == 0 {
		opts.MaxRange = 50_000
	}
	if opts.Fetchers <= 0 {
		opts.Fetchers = 3
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = 2 * time.Second
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	proj, err := newProjector(opts.Addresses)
	if err != nil {
		return nil, fmt.Errorf("new indexer: %w", err)
	}
	return &Indexer{
		db: db, node: node, opts: opts, proj: proj, log: log,
		query: ethereum.FilterQuery{Addresses: []common.Address{opts.Addresses.Registry, opts.Addresses.Ledger}},
	}, nil
}

// Cursor is the last block the mirror holds.
type Cursor struct {
	Number uint64 `db:"number"`
	Hash   string `db:"hash"`
	Head   uint64 `db:"head"`
}

// Cursor returns the stored cursor; ok is false before the first sync.
func (ix *Indexer) Cursor(ctx context.Context) (c Cursor, ok bool, err error) {
	return readCursor(ctx, ix.db.DB)
}

// beginWrites takes the connection one Sync writes through and, on SQLite, gives it a large page
// cache (syncCacheKiB): a backfill updates packs and events all over their indexes, and re-reads
// those pages with a small cache. The returned function shrinks the cache back and returns the
// connection. Only the connection that commits keeps its cache across a commit: any other
// drops its whole cache when it next reads, and freeing 256 MiB of pages that way took 2-3 s —
// a pool connection left with the backfill's cache stalled the first live block that long.
func (ix *Indexer) beginWrites(ctx context.Context) (func(), error) {
	conn, err := ix.db.Connx(ctx)
	if err != nil {
		return nil, fmt.Errorf("take a connection to write with: %w", err)
	}
	stopCheckpoints := func() {}
	if !ix.db.Postgres {
		// The writer's commits no longer checkpoint the WAL themselves (SQLite's default, every
		// 1 000 pages, copies pages to the database file and syncs it inside a commit): another
		// connection does, beside the commits (walCheckpoints).
		for _, q := range []string{fmt.Sprintf(`PRAGMA main.cache_size = -%d`, syncCacheKiB), `PRAGMA wal_autocheckpoint = 0`} {
			if _, err := conn.ExecContext(ctx, q); err != nil {
				conn.Close()
				return nil, fmt.Errorf("set up the writer's connection (%s): %w", q, err)
			}
		}
		stopCheckpoints = ix.walCheckpoints(ctx)
	}
	ix.wconn = conn
	return func() {
		ix.wconn = nil
		stopCheckpoints()
		if !ix.db.Postgres {
			// Back to the pool's size, and the pages freed now, here: SQLite's page caches
			// share one budget, so a smaller size alone can leave them with this connection.
			ctx := context.WithoutCancel(ctx)
			_, _ = conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA main.cache_size = -%d`, sqliteCacheKiB))
			_, _ = conn.ExecContext(ctx, `PRAGMA shrink_memory`)
			_, _ = conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA wal_autocheckpoint = %d`, walAutoCheckpoint))
		}
		_ = conn.Close()
	}, nil
}

// walAutoCheckpoint is SQLite's default automatic checkpoint, in WAL pages, which the write
// connection returns to after a Sync.
const walAutoCheckpoint = 1000

// checkpointEvery is how often walCheckpoints copies the WAL into the database file.
const checkpointEvery = 250 * time.Millisecond

// walCheckpoints checkpoints the WAL (PASSIVE: it never blocks the writer or readers) from a
// connection of its own every checkpointEvery until the returned function is called, which
// runs a last one. A backfill's commits then do not wait for the copy and its fsync, which
// runs on the other core; the WAL is restarted by the next commit after a checkpoint caught
// up with it, so it stays a few commits long. A failed checkpoint is logged and retried at the
// next tick: nothing is lost, the WAL only grows until one succeeds.
func (ix *Indexer) walCheckpoints(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	checkpoint := func(ctx context.Context) {
		var busy, walPages, copied int
		if err := ix.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &walPages, &copied); err != nil && ctx.Err() == nil {
			ix.log.WarnContext(ctx, "WAL checkpoint failed; retrying", "err", err)
		}
	}
	go func() {
		defer close(done)
		t := time.NewTicker(checkpointEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				checkpoint(ctx)
			}
		}
	}()
	return func() {
		cancel()
		<-done
		checkpoint(context.WithoutCancel(ctx))
	}
}

// syncCacheKiB is the SQLite page cache of the connection a Sync writes through.
const syncCacheKiB = 256 << 10

// inWriteTx runs fn in a transaction on the Sync's write connection.
func (ix *Indexer) inWriteTx(ctx context.Context, fn func(*sqlx.Tx) error) error {
	if ix.wconn == nil {
		return ix.db.InTx(ctx, fn)
	}
	return inTx(ctx, ix.wconn, fn)
}

func readCursor(ctx context.Context, q sqlx.QueryerContext) (Cursor, bool, error) {
	var c Cursor
	err := sqlx.GetContext(ctx, q, &c, cursorQuery)
	return cursorResult(c, err)
}

const cursorQuery = `SELECT number, hash, head FROM sync_cursor WHERE id = 1`

// readCursorWith reads the cursor through a prepared cursorQuery.
func readCursorWith(ctx context.Context, stmt *sqlx.Stmt) (Cursor, bool, error) {
	var c Cursor
	err := stmt.GetContext(ctx, &c)
	return cursorResult(c, err)
}

func cursorResult(c Cursor, err error) (Cursor, bool, error) {
	if IsNoRows(err) {
		return Cursor{}, false, nil
	}
	if err != nil {
		return Cursor{}, false, fmt.Errorf("read cursor: %w", err)
	}
	return c, true, nil
}

// target is the block the indexer may index up to now.
func (ix *Indexer) target(ctx context.Context) (uint64, error) {
	if ix.opts.Finalized {
		h, err := ix.node.HeaderByNumber(ctx, big.NewInt(int64(rpc.FinalizedBlockNumber)))
		if err != nil {
			return 0, fmt.Errorf("read finalized block: %w", err)
		}
		return h.Number.Uint64(), nil
	}
	head, err := ix.node.BlockNumber(ctx)
	if err != nil {
		return 0, fmt.Errorf("read head block number: %w", err)
	}
	if head < ix.opts.Confirmations {
		return 0, nil
	}
	return head - ix.opts.Confirmations, nil
}

// Sync indexes until the cursor reaches the target block read at the start of each step,
// undoing any reorged blocks on the way. It returns when caught up.
//
// Sync and Run must not run at the same time on one Indexer.
func (ix *Indexer) Sync(ctx context.Context) error {
	endWrites, err := ix.beginWrites(ctx)
	if err != nil {
		return err
	}
	defer endWrites()
	start := time.Now()
	var (
		events uint64
		// A small first range: its density sizes the next ones, which grow fast on sparse
		// chains; a large one could hold most of a dense chain's logs in one call that nothing
		// overlaps.
		rng      = min(firstRange, ix.opts.MaxRange)
		deepOnce bool
	)
	progress := func(to, target, n uint64) {
		events += n
		if ix.opts.Progress != nil {
			ix.opts.Progress(Progress{Cursor: to, Target: target, Events: events, Elapsed: time.Since(start)})
		}
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		target, err := ix.target(ctx)
		if err != nil {
			return err
		}
		cur, ok, err := ix.Cursor(ctx)
		if err != nil {
			return err
		}
		from := ix.opts.FromBlock
		if ok {
			// Is our last block still canonical? (At start-up this re-checks the stored window.)
			canonical, err := ix.canonical(ctx, cur.Number, cur.Hash)
			if err != nil {
				return err
			}
			if !canonical {
				if err := ix.rewind(ctx, &deepOnce); err != nil {
					return err
				}
				continue
			}
			from = cur.Number + 1
		}
		if from > target {
			return nil
		}
		err = ix.fetchAndCommit(ctx, from, target, cur.Hash, ok, &rng, progress)
		var refused *logsError
		switch {
		case err == nil:
		case errors.Is(err, errRetry):
		case errors.As(err, &refused) && refused.narrow:
			size := refused.to - refused.from + 1
			switch {
			case refused.hint > 0 && refused.hint < size:
				rng = refused.hint
			case size > 1:
				rng = size / 2
			default:
				return err
			}
			ix.log.DebugContext(ctx, "eth_getLogs range refused, narrowing", "from", refused.from, "blocks", rng, "err", err)
		default:
			return err
		}
	}
}

// firstRange is the block count of a sync's first eth_getLogs range.
const firstRange = 16

// targetLogs is how many logs one eth_getLogs call should return, roughly: dense ranges would
// otherwise return hundreds of thousands of logs in one response, and only a stream of moderate
// ranges lets fetching and committing overlap.
const targetLogs = 5000

// nextRange is the size of the range after one of blocks blocks that held logs logs: double,
// but aim at about targetLogs logs.
func (ix *Indexer) nextRange(blocks uint64, logs int) uint64 {
	next := min(blocks*2, ix.opts.MaxRange)
	if logs > 0 {
		next = min(next, max(1, blocks*targetLogs/uint64(logs)))
	}
	return next
}

// fetchAndCommit indexes blocks [from, target]: up to Options.Fetchers eth_getLogs calls are in
// flight, each range decoded as it arrives, while the ranges commit one transaction each, in
// order. The node's work, the JSON and ABI decoding and the SQL then run side by side instead of
// one after the other. This is safe near the head too: each range's logs are checked against its
// headers when it is fetched, and against the range before it when it commits, so a reorg
// between the two fails the commit (errRetry) and the next pass rewinds.
func (ix *Indexer) fetchAndCommit(ctx context.Context, from, target uint64, prev string, havePrev bool, rng *uint64, progress func(to, target, n uint64)) error {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait() // no fetch outlives the call
	defer cancel()

	type loaded struct {
		s   *span
		err error
	}
	var (
		mu    sync.Mutex
		size  = *rng // the next range's size, from the latest range fetched
		slots = make(chan struct{}, ix.opts.Fetchers)
		// Ranges in order; a range fetched but not yet committed waits here, so the backlog
		// (and its memory) is bounded.
		queue = make(chan chan loaded, 2*ix.opts.Fetchers)
		sized = make(chan struct{}) // closed when the first range is in: its density sizes the rest
	)
	var once sync.Once
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(queue)
		for lo := from; lo <= target; {
			if lo > from { // the first range alone, until it sizes the others
				select {
				case <-sized:
				case <-ctx.Done():
					return
				}
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			mu.Lock()
			hi := min(target, lo+size-1)
			mu.Unlock()
			ch := make(chan loaded, 1)
			select {
			case queue <- ch:
			case <-ctx.Done():
				<-slots
				return
			}
			wg.Add(1)
			go func(lo, hi uint64) {
				defer wg.Done()
				s, err := ix.load(ctx, lo, hi, target)
				<-slots
				if err == nil {
					mu.Lock()
					size = ix.nextRange(hi-lo+1, s.logs)
					mu.Unlock()
				}
				once.Do(func() { close(sized) })
				ch <- loaded{s, err}
			}(lo, hi)
			lo = hi + 1
		}
	}()
	// Ranges already fetched when the one before commits join its transaction (up to maxTxLogs
	// logs): the index pages they all touch then go to disk once, not once a range.
	var next chan loaded // taken from the queue, not yet fetched
	for {
		if next == nil {
			var ok bool
			if next, ok = <-queue; !ok {
				return ctx.Err()
			}
		}
		l := <-next
		next = nil
		if l.err != nil {
			return l.err
		}
		group, logs := []*span{l.s}, len(l.s.changes)
	more:
		for logs < maxTxLogs {
			select {
			case ch, ok := <-queue:
				if !ok {
					break more
				}
				select {
				case l := <-ch:
					if l.err != nil { // commit what is ready; the error comes back next pass
						next = make(chan loaded, 1)
						next <- l
						break more
					}
					group, logs = append(group, l.s), logs+len(l.s.changes)
				default:
					next = ch
					break more
				}
			default:
				break more
			}
		}
		n, err := ix.commit(ctx, group, target, prev, havePrev)
		if err != nil {
			return err
		}
		last := group[len(group)-1]
		prev, havePrev = last.last().Hash().Hex(), true
		*rng = ix.nextRange(last.to-last.from+1, last.logs)
		progress(last.to, target, n)
	}
}

// maxTxLogs caps the logs of one transaction made of several fetched ranges.
const maxTxLogs = 4 * targetLogs

// errRetry means the chain moved under a step (a reorg between calls); the step is redone.
var errRetry = errors.New("chain changed during the step")

// canonical reports whether the node's block at number has this hash.
func (ix *Indexer) canonical(ctx context.Context, number uint64, hash string) (bool, error) {
	h, err := ix.node.HeaderByNumber(ctx, new(big.Int).SetUint64(number))
	if errors.Is(err, ethereum.NotFound) {
		return false, nil // the chain is now shorter than our cursor
	}
	if err != nil {
		return false, fmt.Errorf("read block %d: %w", number, err)
	}
	return h.Hash().Hex() == hash, nil
}

// logsError is a failed eth_getLogs call; narrow is set when the node asks for a smaller range,
// with its suggested block count in hint when it gives one.
type logsError struct {
	from, to uint64
	narrow   bool
	hint     uint64
	err      error
}

func (e *logsError) Error() string { return fmt.Sprintf("eth_getLogs %d-%d: %v", e.from, e.to, e.err) }
func (e *logsError) Unwrap() error { return e.err }

func (ix *Indexer) getLogs(ctx context.Context, from, to uint64) ([]types.Log, error) {
	q := ix.query
	q.FromBlock, q.ToBlock = new(big.Int).SetUint64(from), new(big.Int).SetUint64(to)
	logs, err := FilterLogs(ctx, ix.node, q)
	if err != nil {
		narrow, hint := rangeError(err)
		return nil, &logsError{from: from, to: to, narrow: narrow && ctx.Err() == nil, hint: hint, err: err}
	}
	return logs, nil
}

// span is a block range ready to commit: its logs fetched and decoded, its headers read and
// checked against them.
type span struct {
	from, to uint64
	logs     int                      // logs the node returned, for sizing the next range
	headers  map[uint64]*types.Header // stored in blocks: the ends, and every block in the reorg window
	changes  []change
}

func (s *span) first() *types.Header { return s.headers[s.from] }
func (s *span) last() *types.Header  { return s.headers[s.to] }

// load fetches blocks [from, to]'s logs and the headers they need, checks that they describe
// one chain, and decodes the logs. It touches no database.
func (ix *Indexer) load(ctx context.Context, from, to, target uint64) (*span, error) {
	logs, err := ix.getLogs(ctx, from, to)
	if err != nil {
		return nil, err
	}
	// Headers: the range's ends always (continuity and the new cursor); near the head every
	// block, so the reorg window is complete and every log is checked against its block.
	headers := map[uint64]*types.Header{}
	get := func(n uint64) (*types.Header, error) {
		if h, ok := headers[n]; ok {
			return h, nil
		}
		h, err := ix.node.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
		if errors.Is(err, ethereum.NotFound) {
			return nil, errRetry
		}
		if err != nil {
			return nil, fmt.Errorf("read block %d: %w", n, err)
		}
		headers[n] = h
		return h, nil
	}
	windowStart := uint64(0)
	if target > ix.opts.Window {
		windowStart = target - ix.opts.Window
	}
	for n := max(from, windowStart); n <= to && to >= windowStart; n++ {
		if _, err := get(n); err != nil {
			return nil, err
		}
	}
	if _, err := get(from); err != nil {
		return nil, err
	}
	if _, err := get(to); err != nil {
		return nil, err
	}
	for i := range logs {
		l := &logs[i]
		if l.Removed {
			return nil, errRetry
		}
		if h, ok := headers[l.BlockNumber]; ok && h.Hash() != l.BlockHash {
			return nil, errRetry
		}
		if l.BlockTimestamp == 0 { // nodes older than geth 1.16 do not send it
			h, err := get(l.BlockNumber)
			if err != nil {
				return nil, err
			}
			if h.Hash() != l.BlockHash {
				return nil, errRetry
			}
		}
	}
	for n := from + 1; n <= to; n++ { // fetched consecutive headers must chain
		h, ok1 := headers[n]
		p, ok2 := headers[n-1]
		if ok1 && ok2 && h.ParentHash != p.Hash() {
			return nil, errRetry
		}
	}
	s := &span{from: from, to: to, logs: len(logs), headers: headers, changes: make([]change, 0, len(logs))}
	for i := range logs {
		l := &logs[i]
		t := l.BlockTimestamp
		if t == 0 {
			t = headers[l.BlockNumber].Time
		}
		c, ok, err := ix.proj.decode(l, t)
		if err != nil {
			return nil, fmt.Errorf("decode log %s:%d: %w", l.TxHash, l.Index, err)
		}
		if ok {
			s.changes = append(s.changes, c)
		}
	}
	return s, nil
}

// commit stores consecutive spans in one transaction — their events, what they project, their
// blocks and the cursor — and returns the events it stored. prev is the hash the first span's
// first block must follow (the cursor's, or the previous transaction's last block).
func (ix *Indexer) commit(ctx context.Context, spans []*span, target uint64, prev string, havePrev bool) (uint64, error) {
	for _, s := range spans {
		if havePrev && s.first().ParentHash.Hex() != prev {
			return 0, errRetry // a reorg since the cursor check; the next pass rewinds
		}
		prev, havePrev = s.last().Hash().Hex(), true
	}
	from, to := spans[0].from, spans[len(spans)-1].to
	var stored uint64
	err := ix.inWriteTx(ctx, func(tx *sqlx.Tx) error {
		// Logs already stored (a replay after the cursor was moved back) change nothing. Above
		// the cursor there are normally none, and this costs one index probe.
		var have []struct {
			Number uint64 `db:"block_number"`
			Index  uint64 `db:"log_index"`
			Hash   string `db:"block_hash"`
		}
		if err := tx.SelectContext(ctx, &have, tx.Rebind(`SELECT block_number, log_index, block_hash FROM events WHERE block_number >= ? AND block_number <= ?`), from, to); err != nil {
			return fmt.Errorf("read stored events of blocks %d-%d: %w", from, to, err)
		}
		type key struct{ number, index uint64 }
		seen := make(map[key]string, len(have)) // -> block hash
		for _, h := range have {
			seen[key{h.Number, h.Index}] = h.Hash
		}
		w := newWriter(tx, ix.db.Postgres)
		defer w.close()
		var numbers []uint64
		for _, s := range spans {
			for i := range s.changes {
				c := &s.changes[i]
				if hash, ok := seen[key{c.ev.BlockNumber, c.ev.LogIndex}]; ok {
					if hash != c.ev.BlockHash {
						// The spans chain onto prev, so a stored block above it is one a rewind missed.
						return fmt.Errorf("%w: log %d of block %d is stored from block %s, the node's block is %s", ErrMirrorDiverged, c.ev.LogIndex, c.ev.BlockNumber, hash, c.ev.BlockHash)
					}
					continue
				}
				if err := ix.proj.apply(ctx, w, c); err != nil {
					return fmt.Errorf("apply log %s:%d: %w", c.ev.TxHash, c.ev.LogIndex, err)
				}
				stored++
			}
			for n := range s.headers {
				numbers = append(numbers, n)
			}
		}
		if err := w.flush(ctx); err != nil {
			return err
		}
		slices.Sort(numbers)
		numbers = slices.Compact(numbers)
		num, hash, parent, btime := make([]int64, len(numbers)), make([]string, len(numbers)), make([]string, len(numbers)), make([]int64, len(numbers))
		for i, n := range numbers {
			var h *types.Header
			for _, s := range spans {
				if x, ok := s.headers[n]; ok {
					h = x
					break
				}
			}
			num[i], hash[i], parent[i], btime[i] = int64(n), h.Hash().Hex(), h.ParentHash.Hex(), int64(h.Time)
		}
		if _, err := w.bulk(ctx, upsertBlocks, num, hash, parent, btime); err != nil {
			return fmt.Errorf("store blocks %d-%d: %w", from, to, err)
		}
		if to > ix.opts.Window {
			// Keep the window, and always the cursor's block.
			if _, err := w.exec(ctx, `DELETE FROM blocks WHERE number < ? AND number <> ?`, min(to, target)-ix.opts.Window, to); err != nil {
				return fmt.Errorf("prune blocks: %w", err)
			}
		}
		return setCursor(ctx, tx, to, prev, target)
	})
	if err != nil {
		return 0, err
	}
	return stored, nil
}

func setCursor(ctx context.Context, tx *sqlx.Tx, number uint64, hash string, head uint64) error {
	_, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO sync_cursor (id, number, hash, head, updated_at) VALUES (1, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET number = excluded.number, hash = excluded.hash, head = excluded.head, updated_at = excluded.updated_at`),
		number, hash, head, time.Now().Unix())
	if err != nil {
		return fmt.Errorf("set cursor to %d: %w", number, err)
	}
	return nil
}

// rewind finds the newest stored block the node still has and undoes everything above it.
func (ix *Indexer) rewind(ctx context.Context, deepOnce *bool) error {
	var blocks []struct {
		Number uint64 `db:"number"`
		Hash   string `db:"hash"`
	}
	if err := ix.db.SelectContext(ctx, &blocks, `SELECT number, hash FROM blocks ORDER BY number DESC`); err != nil {
		return fmt.Errorf("read block window: %w", err)
	}
	ancestor, found := uint64(0), false
	for _, b := range blocks {
		ok, err := ix.canonical(ctx, b.Number, b.Hash)
		if err != nil {
			return err
		}
		if ok {
			ancestor, found = b.Number, true
			break
		}
	}
	if !found {
		if !*deepOnce {
			// Confirm with a second read before giving up: the node may have been mid-reorg.
			*deepOnce = true
			ix.log.WarnContext(ctx, "no stored block is canonical; re-reading the chain before stopping")
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(ix.opts.PollInterval):
			}
			return nil
		}
		oldest := uint64(0)
		if len(blocks) > 0 {
			oldest = blocks[len(blocks)-1].Number
		}
		return fmt.Errorf("%w: none of the %d stored blocks (oldest %d) is canonical any more", ErrReorgTooDeep, len(blocks), oldest)
	}
	var hash string
	for _, b := range blocks {
		if b.Number == ancestor {
			hash = b.Hash
		}
	}
	var undone int
	err := ix.inWriteTx(ctx, func(tx *sqlx.Tx) error {
		var evs []event
		if err := tx.SelectContext(ctx, &evs, tx.Rebind(`SELECT block_number, block_hash, block_time, tx_hash, log_index, contract, name, batch_id, args
			FROM events WHERE block_number > ? ORDER BY block_number DESC, log_index DESC`), ancestor); err != nil {
			return fmt.Errorf("read events above %d: %w", ancestor, err)
		}
		w := newWriter(tx, ix.db.Postgres)
		defer w.close()
		for _, ev := range evs {
			if err := ix.proj.undo(ctx, w, ev); err != nil {
				return err
			}
		}
		if err := w.flush(ctx); err != nil {
			return err
		}
		undone = len(evs)
		for _, q := range []string{`DELETE FROM events WHERE block_number > ?`, `DELETE FROM blocks WHERE number > ?`} {
			if _, err := tx.ExecContext(ctx, tx.Rebind(q), ancestor); err != nil {
				return err
			}
		}
		var head uint64
		if c, ok, err := readCursor(ctx, tx); err == nil && ok {
			head = c.Head
		}
		return setCursor(ctx, tx, ancestor, hash, head)
	})
	if err != nil {
		return fmt.Errorf("rewind to block %d: %w", ancestor, err)
	}
	ix.log.WarnContext(ctx, "chain reorganisation: rewound", "ancestor", ancestor, "events_undone", undone)
	return nil
}

// rangeError reports whether a getLogs error asks for a smaller range, and the node's hint
// (the block count it suggests) when it gives one.
func rangeError(err error) (bool, uint64) {
	msg := strings.ToLower(err.Error())
	for _, s := range []string{"too many", "limit exceeded", "response size", "query returned more than", "block range", "range too large", "timeout", "timed out", "exceed"} {
		if strings.Contains(msg, s) {
			return true, rangeHint(msg)
		}
	}
	return false, 0
}

// rangeHint parses hints such as "try with this block range [0x1, 0x2f]" or
// "block range ... 2000" into a block count.
var hintRange = regexp.MustCompile(`\[(0x[0-9a-f]+|\d+),\s*(0x[0-9a-f]+|\d+)\]`)

func rangeHint(msg string) uint64 {
	m := hintRange.FindStringSubmatch(msg)
	if m == nil {
		return 0
	}
	a, err1 := strconv.ParseUint(strings.TrimPrefix(m[1], "0x"), base(m[1]), 64)
	b, err2 := strconv.ParseUint(strings.TrimPrefix(m[2], "0x"), base(m[2]), 64)
	if err1 != nil || err2 != nil || b < a {
		return 0
	}
	return b - a + 1
}

func base(s string) int {
	if strings.HasPrefix(s, "0x") {
		return 16
	}
	return 10
}

// Run syncs, then follows the head until ctx ends: a new-head subscription wakes it when the
// node offers one, polling covers the rest. Node outages are retried with backoff and logged
// once each; only a reorg deeper than the window stops it.
func (ix *Indexer) Run(ctx context.Context) error {
	wake := make(chan struct{}, 1)
	if sub, ok := ix.node.(HeadSubscriber); ok {
		go ix.subscribe(ctx, sub, wake)
	}
	backoff, down := time.Duration(0), false
	for {
		err := ix.Sync(ctx)
		switch {
		case err == nil:
			if down {
				ix.log.InfoContext(ctx, "node reachable again; caught up")
				down = false
			}
			backoff = 0
		case ctx.Err() != nil:
			return nil
		case errors.Is(err, ErrReorgTooDeep), errors.Is(err, ErrMirrorDiverged):
			return err
		default:
			if !down {
				ix.log.ErrorContext(ctx, "sync failed; retrying with backoff", "err", err)
				down = true
			}
			backoff = min(max(backoff*2, 500*time.Millisecond), 30*time.Second)
		}
		wait := ix.opts.PollInterval
		if backoff > 0 {
			wait = backoff
		}
		select {
		case <-ctx.Done():
			return nil
		case <-wake:
		case <-time.After(wait):
		}
	}
}

// subscribe turns new-head notifications into wake-ups. Heads only wake the indexer: it
// always re-reads logs by block range, never trusting pushed data.
func (ix *Indexer) subscribe(ctx context.Context, s HeadSubscriber, wake chan<- struct{}) {
	for ctx.Err() == nil {
		heads := make(chan *types.Header, 16)
		sub, err := s.SubscribeNewHead(ctx, heads)
		if err != nil {
			ix.log.DebugContext(ctx, "no new-head subscription; polling", "err", err)
			return
		}
		func() {
			defer sub.Unsubscribe()
			for {
				select {
				case <-ctx.Done():
					return
				case err := <-sub.Err():
					ix.log.WarnContext(ctx, "new-head subscription dropped; polling until it is back", "err", err)
					return
				case <-heads:
					select {
					case wake <- struct{}{}:
					default:
					}
				}
			}
		}()
		select {
		case <-ctx.Done():
		case <-time.After(5 * time.Second):
		}
	}
}
