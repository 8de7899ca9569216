package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/pharmatrace/pharmatrace/indexer"
)

const indexHelp = `Usage: pharmatrace index [--rpc URL] [--db DSN] [--config FILE] [--from BLOCK]
                         [--confirmations N | --finalized] [--window N] [--once]

Mirrors the PharmaTrace contracts' events into SQL (a SQLite file, or PostgreSQL): backfills
from the deployment block with eth_getLogs, then follows the chain's head (new-head
subscription over ws(s)://, polling otherwise), undoing reorganised blocks. Each batch of
blocks commits with the cursor in one transaction, so killing it at any instant and starting
it again loses and duplicates nothing. Backfill progress goes to stderr every 2 s at most.
SIGINT or SIGTERM stops it cleanly. On PostgreSQL several index processes may run against one
database: one writes, holding an advisory lock, the others stand by and one takes over within
about a second when it stops or dies.

Exit status: 0 when stopped by a signal (or caught up, with --once), 1 on an error (among
them a reorg deeper than --window), 2 on a usage error.
`

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cf := addCommonFlags(fs, true)
	from := fs.Uint64("from", 0, "first `BLOCK` to index into an empty database\n(default: the contracts file's deployBlock, else 0) (env PHARMATRACE_FROM_BLOCK)")
	confirmations := fs.Uint64("confirmations", 0, "stay `N` blocks behind the head, so shallow reorgs never reach the mirror (env PHARMATRACE_CONFIRMATIONS)")
	finalized := fs.Bool("finalized", false, "index only up to the node's finalized block (excludes --confirmations) (env PHARMATRACE_FINALIZED)")
	window := fs.Uint64("window", 256, "how many recent `BLOCKS` to keep to find the common ancestor on a reorg (env PHARMATRACE_WINDOW)")
	maxRange := fs.Uint64("max-range", 50_000, "most `BLOCKS` one eth_getLogs call asks for; the range adapts below it (env PHARMATRACE_MAX_RANGE)")
	fetchers := fs.Int("fetchers", 3, "`N` eth_getLogs calls in flight during a backfill (ranges still commit in order) (env PHARMATRACE_FETCHERS)")
	poll := fs.Duration("poll-interval", 2*time.Second, "`INTERVAL` between head polls when no subscription wakes the indexer (env PHARMATRACE_POLL_INTERVAL)")
	once := fs.Bool("once", false, "catch up with the chain, then exit instead of following it (env PHARMATRACE_ONCE)")
	fs.Usage = usageFunc(fs, stderr, indexHelp)
	if err := parseFlags(fs, args, os.Getenv); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "pharmatrace index: %v\n", err)
		return 2
	}
	s, err := cf.resolve(fs)
	if err == nil {
		err = s.needAddresses()
	}
	if err == nil && (*fetchers < 1 || *fetchers > 32) {
		err = fmt.Errorf("--fetchers %d: want 1 to 32", *fetchers)
	}
	if err == nil && *finalized && isSet(fs, "confirmations") {
		err = errors.New("--finalized and --confirmations exclude each other")
	}
	if err != nil {
		fmt.Fprintf(stderr, "pharmatrace index: %v\n", err)
		return 2
	}
	if !isSet(fs, "from") {
		*from = s.DeployBlock
	}
	log := s.logger(stderr)

	if err := index(ctx, s, log, stderr, indexer.Options{
		Addresses:     s.Addresses,
		FromBlock:     *from,
		Confirmations: *confirmations,
		Finalized:     *finalized,
		Window:        *window,
		MaxRange:      *maxRange,
		Fetchers:      *fetchers,
		PollInterval:  *poll,
		Logger:        log.With("component", "indexer"),
	}, *once); err != nil {
		if errors.Is(err, indexer.ErrReorgTooDeep) {
			fmt.Fprintf(stderr, "pharmatrace index: %v\nThe mirror cannot follow this chain any more: index again into a fresh database "+
				"(it starts from the deployment block), and raise --window if reorgs this deep are expected.\n", err)
		} else if errors.Is(err, indexer.ErrMirrorDiverged) {
			fmt.Fprintf(stderr, "pharmatrace index: %v\nThe mirror does not match the chain and retrying cannot mend it: index again into a fresh database.\n", err)
		} else {
			fmt.Fprintf(stderr, "pharmatrace index: %v\n", err)
		}
		return 1
	}
	return 0
}

// index wires the node, the database and the indexer, and runs it until ctx ends (or, with
// once, until caught up). A stop by ctx is not an error.
func index(ctx context.Context, s settings, log *slog.Logger, progressOut io.Writer, opts indexer.Options, once bool) error {
	began := time.Now()
	ec, closeNode, err := s.node(ctx, log)
	if err != nil {
		return err
	}
	defer closeNode()
	log.Debug("connected to the node", "rpc", s.RPC, "took", time.Since(began).Round(time.Microsecond))
	began = time.Now()
	db, err := s.openDB(ctx, true)
	if err != nil {
		return err
	}
	defer db.Close()
	log.Debug("opened the database", "db", redactDSN(s.DB), "took", time.Since(began).Round(time.Microsecond))

	var p *progress // set before the first Sync
	opts.Progress = func(r indexer.Progress) { p.report(r) }
	ix, err := indexer.New(db, s.indexNode(ec), opts)
	if err != nil {
		return err
	}

	// On PostgreSQL one index process writes at a time, holding an advisory lock; the others
	// stand by and one takes over within about a second when it stops or dies.
	leadCtx, done := context.WithCancel(ctx)
	defer done()
	err = db.Lead(leadCtx, log.With("component", "lead"), time.Second, func(ctx context.Context) error {
		cur, ok, err := ix.Cursor(ctx) // read once leading: a standby's would be stale
		if err != nil {
			return err
		}
		first := opts.FromBlock
		if ok {
			first = cur.Number + 1
		}
		p = newProgress(progressOut, log, first, cur.Number)
		log.Info("indexing", "rpc", s.RPC, "db", redactDSN(s.DB), "registry", s.Addresses.Registry, "ledger", s.Addresses.Ledger,
			"from", first, "confirmations", opts.Confirmations, "finalized", opts.Finalized, "once", once)
		if !once {
			return ix.Run(ctx)
		}
		if err := ix.Sync(ctx); err != nil {
			return err
		}
		p.caughtUp()
		done() // Lead would take the lock again for a function that returns nil
		return nil
	})
	if ctx.Err() != nil && !errors.Is(err, indexer.ErrReorgTooDeep) && !errors.Is(err, indexer.ErrMirrorDiverged) {
		// Stopped by a signal: whatever was under way was rolled back or committed whole.
		if p != nil {
			log.Info("stopped", "cursor", p.cursor)
		}
		return nil
	}
	return err
}

// progress prints backfill progress — blocks done and to go, events/s, ETA — at most once per
// interval while the indexer is behind, and logs once when it has caught up.
type progress struct {
	w     io.Writer
	log   *slog.Logger
	every time.Duration
	now   func() time.Time

	start   time.Time
	first   uint64    // first block this process indexes
	printed time.Time // when the last line was printed
	banked  uint64    // events of finished Sync calls
	last    indexer.Progress
	cursor  uint64
	done    bool // caught up once
}

func newProgress(w io.Writer, log *slog.Logger, first, cursor uint64) *progress {
	now := time.Now()
	return &progress{w: w, log: log, every: 2 * time.Second, now: time.Now, start: now, printed: now, first: first, cursor: cursor}
}

// events is the count stored by this process. Progress.Events counts from the start of each
// Sync, and Run calls Sync again after every catch-up: a report with less time or fewer events
// than the previous one starts a new Sync.
func (p *progress) events(r indexer.Progress) uint64 {
	if r.Elapsed < p.last.Elapsed || r.Events < p.last.Events {
		p.banked += p.last.Events
	}
	p.last = r
	return p.banked + r.Events
}

func (p *progress) report(r indexer.Progress) {
	events := p.events(r)
	p.cursor = r.Cursor
	now := p.now()
	elapsed := now.Sub(p.start)
	var done uint64
	if r.Cursor+1 > p.first {
		done = r.Cursor + 1 - p.first
	}
	if r.Cursor >= r.Target {
		if !p.done {
			p.caughtUp()
		} else {
			p.log.Debug("indexed", "block", r.Cursor, "events", events)
		}
		return
	}
	if now.Sub(p.printed) < p.every {
		return
	}
	p.printed = now
	toGo := r.Target - r.Cursor
	eta := "unknown"
	if done > 0 && elapsed > 0 {
		perBlock := elapsed / time.Duration(done)
		eta = (time.Duration(toGo) * perBlock).Round(time.Second).String()
	}
	fmt.Fprintf(p.w, "backfill: block %d of %d: %d blocks done, %d to go, %d events (%.0f/s), ETA %s\n",
		r.Cursor, r.Target, done, toGo, events, rate(events, elapsed), eta)
}

func (p *progress) caughtUp() {
	if p.done {
		return
	}
	p.done = true
	elapsed := p.now().Sub(p.start)
	events := p.banked + p.last.Events
	p.log.Info("caught up", "block", p.cursor, "events", events, "elapsed", elapsed.Round(time.Millisecond),
		"events_per_s", int(rate(events, elapsed)))
}

func rate(n uint64, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}
