package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/jmoiron/sqlx"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/gethtest"
	"github.com/pharmatrace/pharmatrace/indexer"
)

// The indexer's eth_getLogs schedule when the node refuses no range (indexer/sync.go): the first
// range is 16 blocks, each success doubles it, up to Options.MaxRange (default 50 000), but a
// range is sized from the previous one's density for about targetLogs logs.
const (
	firstRange = 16
	maxRange   = 50_000
	targetLogs = 5_000
)

// nextRange is the indexer's next range size after a range of blocks blocks that held logs logs.
func nextRange(blocks uint64, logs int) uint64 {
	next := min(blocks*2, maxRange)
	if logs > 0 {
		next = min(next, max(1, blocks*targetLogs/uint64(logs)))
	}
	return next
}

// pass is one timed run over the block range.
type pass struct {
	name    string
	events  uint64
	dur     time.Duration
	calls   int
	ranges  []uint64 // last block of each range, in order
	nodeDur time.Duration
	note    string
	cpu     cpuSample // CPU used during the pass, by this process and by geth
	refused int       // eth_getLogs ranges the node refused (then halved)
}

// rangeRefused mirrors the indexer's test for a getLogs error that asks for a smaller range.
func rangeRefused(err error) bool {
	msg := strings.ToLower(err.Error())
	for _, s := range []string{"too many", "limit exceeded", "response size", "query returned more than", "block range", "range too large", "timeout", "timed out", "exceed"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

func (p pass) rate() float64 {
	if p.dur <= 0 {
		return 0
	}
	return float64(p.events) / p.dur.Seconds()
}

// bare fetches [from, to] with eth_getLogs in the indexer's range schedule, counting the events
// the indexer would store, and nothing else.
func bare(ctx context.Context, c *ethclient.Client, addrs chain.Addresses, tracked map[common.Hash]string, from, to uint64) (pass, error) {
	p := pass{name: "bare FilterLogs (no SQL)"}
	q := ethereum.FilterQuery{Addresses: []common.Address{addrs.Registry, addrs.Ledger}}
	rng := uint64(firstRange)
	start := time.Now()
	for lo := from; lo <= to; {
		hi := min(to, lo+rng-1)
		q.FromBlock, q.ToBlock = new(big.Int).SetUint64(lo), new(big.Int).SetUint64(hi)
		logs, err := c.FilterLogs(ctx, q)
		if err != nil {
			// As the indexer does: a range the node refuses (too many results, or geth's 30 s
			// HTTP write timeout on a dense range) is halved and retried.
			if rangeRefused(err) && rng > 1 && ctx.Err() == nil {
				rng /= 2
				p.refused++
				continue
			}
			return p, fmt.Errorf("eth_getLogs %d-%d: %w", lo, hi, err)
		}
		for i := range logs {
			if len(logs[i].Topics) > 0 {
				if _, ok := tracked[logs[i].Topics[0]]; ok {
					p.events++
				}
			}
		}
		p.calls++
		p.ranges = append(p.ranges, hi)
		rng = nextRange(hi-lo+1, len(logs))
		lo = hi + 1
	}
	p.dur = time.Since(start)
	p.nodeDur = p.dur
	return p, nil
}

// bareParallel fetches the same ranges as a sequential pass (ranges holds each one's last block)
// with inflight eth_getLogs calls at a time, as the indexer's backfill does: the node's ceiling
// when it is asked for several ranges at once.
func bareParallel(ctx context.Context, c *ethclient.Client, addrs chain.Addresses, tracked map[common.Hash]string, from uint64, ranges []uint64, inflight int) (pass, error) {
	p := pass{name: fmt.Sprintf("bare FilterLogs, %d in flight", inflight), ranges: ranges, calls: len(ranges)}
	type job struct{ lo, hi uint64 }
	jobs := make(chan job)
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	start := time.Now()
	for range inflight {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := ethereum.FilterQuery{Addresses: []common.Address{addrs.Registry, addrs.Ledger}}
			for j := range jobs {
				q.FromBlock, q.ToBlock = new(big.Int).SetUint64(j.lo), new(big.Int).SetUint64(j.hi)
				logs, err := c.FilterLogs(ctx, q)
				var n uint64
				for i := range logs {
					if len(logs[i].Topics) > 0 {
						if _, ok := tracked[logs[i].Topics[0]]; ok {
							n++
						}
					}
				}
				mu.Lock()
				p.events += n
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("eth_getLogs %d-%d: %w", j.lo, j.hi, err)
				}
				mu.Unlock()
			}
		}()
	}
	lo := from
	for _, hi := range ranges {
		jobs <- job{lo, hi}
		lo = hi + 1
	}
	close(jobs)
	wg.Wait()
	p.dur = time.Since(start)
	p.nodeDur = p.dur
	return p, firstErr
}

// timedNode adds up the time the indexer spends waiting for the node. Safe for concurrent use: an
// indexer that fetches the next range while it applies one overlaps node and SQL time, and the
// report's split is then not additive.
type timedNode struct {
	n indexer.Node

	mu      sync.Mutex
	dur     time.Duration
	logs    time.Duration
	getLogs int
}

func (t *timedNode) add(start time.Time, getLogs bool) {
	d := time.Since(start)
	t.mu.Lock()
	defer t.mu.Unlock()
	t.dur += d
	if getLogs {
		t.logs += d
		t.getLogs++
	}
}

func (t *timedNode) BlockNumber(ctx context.Context) (uint64, error) {
	defer t.add(time.Now(), false)
	return t.n.BlockNumber(ctx)
}

func (t *timedNode) HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error) {
	defer t.add(time.Now(), false)
	return t.n.HeaderByNumber(ctx, number)
}

// FilterLogs is the indexer's own eth_getLogs path (indexer.FilterLogs: the node's, posted and
// decoded by indexer.HTTPLogs here), timed; the bare passes call ethclient.FilterLogs.
func (t *timedNode) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	defer t.add(time.Now(), true)
	return indexer.FilterLogs(ctx, t.n, q)
}

// backfill runs indexer.New + Sync from the deployment block into db, which must be empty, and
// checks that it stored every event up to the target block.
func backfill(ctx context.Context, name string, db *indexer.DB, node indexer.Node, st chainState, target uint64, fetchers int, profile string, log io.Writer) (pass, error) {
	p := pass{name: name}
	tn := &timedNode{n: node}
	var last indexer.Progress
	lastPrint := time.Now()
	ix, err := indexer.New(db, tn, indexer.Options{
		Addresses: st.Addresses,
		FromBlock: st.DeployBlock,
		Fetchers:  fetchers,
		Progress: func(pr indexer.Progress) {
			last = pr
			p.ranges = append(p.ranges, pr.Cursor)
			if time.Since(lastPrint) >= 2*time.Second || pr.Cursor >= pr.Target {
				lastPrint = time.Now()
				fmt.Fprintf(log, "benchindexer: %s: block %s / %s, %s events, %.0f events/s\n",
					name, group(pr.Cursor), group(pr.Target), group(pr.Events), pr.Rate())
			}
		},
	})
	if err != nil {
		return p, err
	}
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return p, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return p, err
		}
	}
	start := time.Now()
	err = ix.Sync(ctx)
	p.dur = time.Since(start)
	if profile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return p, fmt.Errorf("%s: sync: %w", name, err)
	}
	tn.mu.Lock()
	p.events, p.calls, p.nodeDur = last.Events, tn.getLogs, tn.dur
	// Node calls overlap each other (up to fetchers at once) and the SQL, so their summed time is
	// no share of the wall time; the CPU columns say where the work went.
	p.note = fmt.Sprintf("%d eth_getLogs calls, %.1fs summed over up to %d in flight; block headers etc. %.1fs summed; decoding and SQL ran beside them",
		tn.getLogs, tn.logs.Seconds(), fetchers, (tn.dur - tn.logs).Seconds())
	tn.mu.Unlock()
	cur, ok, err := ix.Cursor(ctx)
	if err != nil {
		return p, err
	}
	if !ok || cur.Number != target {
		return p, fmt.Errorf("%s: cursor at %d after sync, want %d (did the chain move?)", name, cur.Number, target)
	}
	var stored uint64
	if err := db.GetContext(ctx, &stored, `SELECT COUNT(*) FROM events`); err != nil {
		return p, err
	}
	if stored != p.events {
		return p, fmt.Errorf("%s: %d rows in events, the sync reported %d", name, stored, p.events)
	}
	return p, nil
}

// openSQLite opens a new mirror in a fresh temporary file.
func openSQLite(ctx context.Context, r *runner) (*indexer.DB, error) {
	dir, err := os.MkdirTemp("", "benchindexer-")
	if err != nil {
		return nil, err
	}
	r.Cleanup(func() { _ = os.RemoveAll(dir) })
	db, err := indexer.Open(ctx, filepath.Join(dir, "mirror.db"))
	if err != nil {
		return nil, err
	}
	r.Cleanup(func() { db.Close() })
	return db, nil
}

// openPostgres opens a new mirror in a fresh schema, dropped when r closes.
func openPostgres(ctx context.Context, r *runner, dsn string) (*indexer.DB, string, error) {
	admin, err := sqlx.Open("pgx", dsn)
	if err != nil {
		return nil, "", err
	}
	defer admin.Close()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "bench_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		return nil, "", fmt.Errorf("create schema: %w", err)
	}
	r.Cleanup(func() {
		if a, err := sqlx.Open("pgx", dsn); err == nil {
			_, _ = a.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`)
			a.Close()
		}
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	db, err := indexer.Open(ctx, dsn+sep+"search_path="+schema)
	if err != nil {
		return nil, "", err
	}
	r.Cleanup(func() { db.Close() })
	return db, schema, nil
}

// ---------------------------------------------------------------- live mode

// liveWriter sends one contract event per transaction, alternately a one-unit shipment from a
// manufacturer to a distributor and its receipt, from a small batch of its own.
type liveWriter struct {
	c       *chain.Client
	m, d    *bind.TransactOpts
	dAddr   common.Address
	batch   common.Hash
	pending uint64
}

func newLiveWriter(ctx context.Context, node *gethtest.Node, st chainState, log io.Writer) (*liveWriter, error) {
	c, err := chain.New(ctx, node.Client, chain.Options{Addresses: st.Addresses, PollInterval: 2 * time.Millisecond})
	if err != nil {
		return nil, err
	}
	mk, dk := benchKey("manufacturer-1"), benchKey("distributor-1")
	w := &liveWriter{
		c: c, m: bind.NewKeyedTransactor(mk, node.ChainID), d: bind.NewKeyedTransactor(dk, node.ChainID),
	}
	w.dAddr = w.d.From
	lot := fmt.Sprintf("LV%d", time.Now().UnixNano()%1e15)
	const packs = 1_000
	b, err := newBenchBatch(benchGTIN(1), lot, packs)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "benchindexer: live mode: registering batch %s (%d packs) for the live transactions\n", lot, packs)
	id, _, err := c.RegisterBatch(ctx, w.m, chain.BatchSpec{GTIN: benchGTIN(1), Lot: lot, Expiry: time.Now().AddDate(2, 0, 0), Quantity: packs, PacksRoot: b.tree.Root()})
	if err != nil {
		return nil, err
	}
	if _, err := c.PublishPacks(ctx, w.m, id, b.ids, nil); err != nil {
		return nil, err
	}
	w.batch = id
	return w, nil
}

// next sends one transaction, waits for its receipt and returns its block.
func (w *liveWriter) next(ctx context.Context) (uint64, error) {
	if w.pending == 0 {
		id, r, err := w.c.Ship(ctx, w.m, w.batch, w.dAddr, 1)
		if err != nil {
			return 0, err
		}
		w.pending = id
		return r.BlockNumber.Uint64(), nil
	}
	r, err := w.c.ReceiveShipment(ctx, w.d, w.pending)
	if err != nil {
		return 0, err
	}
	w.pending = 0
	return r.BlockNumber.Uint64(), nil
}

// callLog records the indexer's node calls during the live mode, to tell a slow node from slow SQL.
type callLog struct {
	mu    sync.Mutex
	calls []nodeCall
}

type nodeCall struct {
	method     string
	start, end time.Time
}

func (c *callLog) add(method string, start time.Time) {
	c.mu.Lock()
	c.calls = append(c.calls, nodeCall{method, start, time.Now()})
	c.mu.Unlock()
}

// within sums the node time spent inside [from, to], per method.
func (c *callLog) within(from, to time.Time) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	per := map[string]time.Duration{}
	for _, k := range c.calls {
		st, en := k.start, k.end
		if st.Before(from) {
			st = from
		}
		if en.After(to) {
			en = to
		}
		if en.After(st) {
			per[k.method] += en.Sub(st)
		}
	}
	out := ""
	for _, m := range []string{"BlockNumber", "HeaderByNumber", "FilterLogs"} {
		if per[m] > 0 {
			out += fmt.Sprintf(" %s %s", m, ms(per[m]))
		}
	}
	if out == "" {
		return " none"
	}
	return out
}

// loggedNode is a Node (and HeadSubscriber, when the wrapped one is) that records its calls.
type loggedNode struct {
	n   indexer.Node
	log *callLog
}

func (l loggedNode) BlockNumber(ctx context.Context) (uint64, error) {
	defer l.log.add("BlockNumber", time.Now())
	return l.n.BlockNumber(ctx)
}

func (l loggedNode) HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error) {
	defer l.log.add("HeaderByNumber", time.Now())
	return l.n.HeaderByNumber(ctx, number)
}

func (l loggedNode) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	defer l.log.add("FilterLogs", time.Now())
	return l.n.FilterLogs(ctx, q)
}

type loggedSubscriber struct {
	loggedNode
	s indexer.HeadSubscriber
}

func (l loggedSubscriber) SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error) {
	return l.s.SubscribeNewHead(ctx, ch)
}

// liveResult is the latency from a block's arrival at the node (our own new-head subscription)
// to the moment its rows are queryable (the cursor, committed with them, reaches it).
type liveResult struct {
	name    string
	lat     []time.Duration
	missed  int
	slowest string // the slowest samples: which one in the sequence, its block, its latency
}

func (l liveResult) pct(p float64) time.Duration {
	if len(l.lat) == 0 {
		return 0
	}
	s := slices.Clone(l.lat)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.999999) - 1
	return s[min(max(i, 0), len(s)-1)]
}

// live runs the indexer's Run loop against node (over WebSocket it wakes on new heads; over HTTP
// it polls every poll) and measures samples blocks sent by w.
func live(ctx context.Context, name string, db *indexer.DB, node indexer.Node, poll time.Duration, wsURL string, st chainState, w *liveWriter, samples int) (liveResult, error) {
	res := liveResult{name: name}
	calls := &callLog{}
	var wrapped indexer.Node = loggedNode{node, calls}
	if hs, ok := node.(indexer.HeadSubscriber); ok {
		wrapped = loggedSubscriber{loggedNode{node, calls}, hs}
	}
	ix, err := indexer.New(db, wrapped, indexer.Options{Addresses: st.Addresses, FromBlock: st.DeployBlock, PollInterval: poll})
	if err != nil {
		return res, err
	}
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	runErr := make(chan error, 1)
	go func() { runErr <- ix.Run(rctx) }()

	// Our own view of block arrival.
	hc, err := ethclient.DialContext(ctx, wsURL)
	if err != nil {
		return res, err
	}
	defer hc.Close()
	heads := make(chan *types.Header, 256)
	sub, err := hc.SubscribeNewHead(rctx, heads)
	if err != nil {
		return res, err
	}
	defer sub.Unsubscribe()
	var (
		mu      sync.Mutex
		arrived = map[uint64]time.Time{}
		visible = map[uint64]time.Time{}
	)
	go func() {
		for {
			select {
			case <-rctx.Done():
				return
			case <-sub.Err():
				return
			case h := <-heads:
				t := time.Now()
				mu.Lock()
				arrived[h.Number.Uint64()] = t
				mu.Unlock()
			}
		}
	}()

	// Caught up first.
	head, err := hc.BlockNumber(ctx)
	if err != nil {
		return res, err
	}
	cursor := func() (uint64, error) {
		var n uint64
		err := db.GetContext(rctx, &n, `SELECT number FROM sync_cursor WHERE id = 1`)
		return n, err
	}
	for deadline := time.Now().Add(2 * time.Minute); ; {
		if n, err := cursor(); err == nil && n >= head {
			break
		}
		if time.Now().After(deadline) {
			return res, fmt.Errorf("%s: the indexer did not catch up with block %d", name, head)
		}
		select {
		case <-time.After(10 * time.Millisecond):
		case err := <-runErr:
			return res, fmt.Errorf("%s: run: %v", name, err)
		}
	}

	// The SQL side: the cursor commits with the rows, so rows of block b are queryable once the
	// cursor is at b or later.
	pollDone := make(chan struct{})
	go func() {
		defer close(pollDone)
		last := head
		for rctx.Err() == nil {
			n, err := cursor()
			if err == nil && n > last {
				t := time.Now()
				mu.Lock()
				for b := last + 1; b <= n; b++ {
					visible[b] = t
				}
				mu.Unlock()
				last = n
			}
			time.Sleep(time.Millisecond)
		}
	}()

	var blocks []uint64
	for range samples {
		b, err := w.next(ctx)
		if err != nil {
			return res, fmt.Errorf("%s: send: %w", name, err)
		}
		blocks = append(blocks, b)
		time.Sleep(15 * time.Millisecond)
	}
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		mu.Lock()
		_, ok := visible[blocks[len(blocks)-1]]
		mu.Unlock()
		if ok {
			break
		}
	}
	cancel()
	<-pollDone
	if err := <-runErr; err != nil {
		return res, fmt.Errorf("%s: run: %w", name, err)
	}
	mu.Lock()
	defer mu.Unlock()
	var spans [][2]time.Time
	for _, b := range blocks {
		a, ok1 := arrived[b]
		v, ok2 := visible[b]
		if !ok1 || !ok2 {
			res.missed++
			continue
		}
		res.lat = append(res.lat, v.Sub(a))
		spans = append(spans, [2]time.Time{a, v})
	}
	if len(res.lat) == 0 {
		return res, errors.New(name + ": no block measured")
	}
	order := make([]int, len(res.lat))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return int(res.lat[b] - res.lat[a]) })
	for _, i := range order[:min(5, len(order))] {
		res.slowest += fmt.Sprintf("\n  #%d %s, of which node calls:%s", i+1, ms(res.lat[i]), calls.within(spans[i][0], spans[i][1]))
	}
	return res, nil
}
