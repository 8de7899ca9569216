// Command benchindexer measures the indexer's backfill on a real geth --dev chain holding at least
// --events PharmaTrace contract events, against a bare eth_getLogs loop over the same blocks.
//
//	go run ./scripts/benchindexer [--events 200000] [--datadir DIR] [--postgres DSN] [--fetchers 3] [--cpuprofile FILE]
//	make bench-indexer
//
// What it does:
//
//  1. It starts geth --dev (the binary chain/gethtest and scripts/devnet.sh share) on a persistent
//     datadir, by default $HOME/.cache/pharmatrace/bench-chain. DIR.json records the contracts and
//     the event count, so the chain is generated once and reused by later runs.
//  2. If the chain holds fewer events, it generates them: manufacturers ship pallets to
//     distributors, who receive them and ship parcels to pharmacies, who receive and dispense them
//     (decommissionMany). Every account signs with explicit nonces and sends JSON-RPC batches
//     without waiting for receipts; a watcher turns each Shipped event into the receiver's next
//     transactions.
//  3. Over the same block range it times (a) eth_getLogs alone in the indexer's range schedule,
//     one call at a time (the baseline of the ratios) and with --fetchers calls in flight,
//     (b) indexer.New + Sync into a fresh SQLite file, (c) the same into a fresh PostgreSQL schema
//     when a DSN is given; then the live mode: the indexer's Run loop following the head while
//     transactions arrive, from a block's arrival at the node to its rows being queryable.
//
// The report goes to stdout, progress to stderr. The exit status is 0 even when a goal is not met
// (this is a report); 1 when a measurement fails.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/gethtest"
	"github.com/pharmatrace/pharmatrace/indexer"
)

// Goals from issue 3.
const (
	goalSQLiteRate = 20_000 // events/s into SQLite
	goalRatio      = 0.8    // indexer events/s ÷ bare eth_getLogs events/s
	goalLiveP99    = 250 * time.Millisecond
)

// PostgresEnv names the DSN used when --postgres is not given (the test suites' variable).
const PostgresEnv = "PHARMATRACE_TEST_POSTGRES"

type config struct {
	events     uint64
	datadir    string
	postgres   string
	cpuprofile string
	live       int
	inflight   int
	fetchers   int
	logIndex   bool
}

func main() {
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if err != nil {
		if err == flag.ErrHelp {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "benchindexer:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "benchindexer:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	cache, err := gethtest.CacheDir()
	if err != nil {
		return config{}, err
	}
	fs := flag.NewFlagSet("benchindexer", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg config
	fs.Uint64Var(&cfg.events, "events", 200_000, "PharmaTrace events the chain must hold (generated once, then reused)")
	fs.StringVar(&cfg.datadir, "datadir", filepath.Join(cache, "bench-chain"), "geth datadir of the benchmark chain, kept across runs; DIR.json records its contracts and event count")
	fs.StringVar(&cfg.postgres, "postgres", os.Getenv(PostgresEnv), "PostgreSQL DSN for the PostgreSQL measurement (default $"+PostgresEnv+"); empty skips it")
	fs.StringVar(&cfg.cpuprofile, "cpuprofile", "", "write a CPU profile of the SQLite backfill to this file")
	fs.IntVar(&cfg.live, "live", 200, "blocks measured per live-mode variant (0 skips the live mode)")
	fs.IntVar(&cfg.inflight, "inflight", 32, "unmined transactions per account while generating")
	fs.IntVar(&cfg.fetchers, "fetchers", 3, "eth_getLogs calls the indexer's backfill keeps in flight (indexer.Options.Fetchers); a bare pass with as many in flight is measured too")
	fs.BoolVar(&cfg.logIndex, "node-log-index", true, "let geth keep its log search index (false: --history.logs.disable, eth_getLogs scans receipts)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: go run ./scripts/benchindexer [flags]\n\nBackfill benchmark of the indexer on a local geth --dev chain (see the package doc).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if cfg.fetchers < 1 {
		return config{}, fmt.Errorf("--fetchers must be at least 1")
	}
	if cfg.inflight < 1 {
		return config{}, fmt.Errorf("--inflight must be at least 1")
	}
	return cfg, nil
}

// report is everything measured.
type report struct {
	cfg        config
	from, to   uint64
	events     uint64
	reused     bool
	st         chainState
	cold, warm pass
	par        pass // bare, cfg.fetchers calls in flight
	sqlite, pg *pass
	pgSchema   string
	live       []liveResult
	load       [2]string // load average before and after the measurements
	// cpuPostgres: the PostgreSQL server runs on this machine and its CPU is measured.
	cpuPostgres bool
}

// timed runs one pass and records the CPU this process and geth used meanwhile.
func timed(m cpuMeter, fn func() (pass, error)) (pass, error) {
	before := m.read()
	p, err := fn()
	after := m.read()
	p.cpu = after.sub(before)
	return p, err
}

func run(ctx context.Context, cfg config, stdout, stderr io.Writer) (err error) {
	r := &runner{log: stderr}
	defer r.close()
	defer r.guard(&err)

	datadir, err := filepath.Abs(cfg.datadir)
	if err != nil {
		return err
	}
	statePath := datadir + ".json"
	fmt.Fprintf(stderr, "benchindexer: starting geth --dev on %s\n", datadir)
	node := startNode(r, datadir, cfg.logIndex)

	st, err := loadState(statePath)
	if err != nil {
		return err
	}
	ok, err := st.valid(ctx, node.Client)
	if err != nil {
		return err
	}
	if !ok {
		if st.Addresses.Registry != ([20]byte{}) {
			fmt.Fprintf(stderr, "benchindexer: %s does not describe the chain in %s: deploying new contracts\n", statePath, datadir)
		}
		st = chainState{}
	}
	rep := &report{cfg: cfg, reused: ok && st.Events >= cfg.events}
	if !rep.reused {
		if ok {
			fmt.Fprintf(stderr, "benchindexer: the chain holds %s events, %s wanted: adding more\n", group(st.Events), group(cfg.events))
		}
		if err := generate(ctx, node, &st, cfg.events, cfg.inflight, stderr); err != nil {
			return fmt.Errorf("generate: %w", err)
		}
	}
	if err := recordHead(ctx, node, &st); err != nil {
		return err
	}
	if err := saveState(statePath, st); err != nil {
		return err
	}

	// The measured range: deployment block to today's head; nothing is sent until it is done.
	rep.from, rep.to, rep.st = st.DeployBlock, st.Head, st
	ec := node.Client.Client
	tracked, err := trackedTopics()
	if err != nil {
		return err
	}
	waitNodeIdle(ctx, node.PID(), stderr)
	meter := cpuMeter{gethPID: node.PID(), postgres: cfg.postgres != "" && localDSN(cfg.postgres)}
	rep.cpuPostgres = meter.postgres
	rep.load[0] = loadAverage()
	fmt.Fprintf(stderr, "benchindexer: bare eth_getLogs over blocks %d-%d (a first pass warms the node's caches, then the better of two)\n", rep.from, rep.to)
	bareFn := func() (pass, error) { return bare(ctx, ec, st.Addresses, tracked, rep.from, rep.to) }
	if rep.cold, err = timed(meter, bareFn); err != nil {
		return err
	}
	for range 2 {
		w, err := timed(meter, bareFn)
		if err != nil {
			return err
		}
		if rep.warm.dur == 0 || w.dur < rep.warm.dur {
			rep.warm = w
		}
	}
	rep.events = rep.warm.events
	fmt.Fprintf(stderr, "benchindexer: bare eth_getLogs over the same ranges, %d in flight (the better of two)\n", cfg.fetchers)
	for range 2 {
		w, err := timed(meter, func() (pass, error) {
			return bareParallel(ctx, ec, st.Addresses, tracked, rep.from, rep.warm.ranges, cfg.fetchers)
		})
		if err != nil {
			return err
		}
		if rep.par.dur == 0 || w.dur < rep.par.dur {
			rep.par = w
		}
	}
	if st.Events != rep.events {
		st.Events = rep.events
		if err := saveState(statePath, st); err != nil {
			return err
		}
	}

	// What the index command reads through for an http:// node: the *ethclient.Client inside
	// gethtest's wrapper, with eth_getLogs posted by the indexer itself.
	ixNode, err := indexer.HTTPLogs(node.Client.Client, node.HTTPURL, chain.HTTPClient(node.HTTPURL))
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, "benchindexer: indexer backfill into a fresh SQLite file")
	sdb, err := openSQLite(ctx, r)
	if err != nil {
		return err
	}
	sp, err := timed(meter, func() (pass, error) {
		return backfill(ctx, "indexer → SQLite", sdb, ixNode, st, rep.to, cfg.fetchers, cfg.cpuprofile, stderr)
	})
	if err != nil {
		return err
	}
	rep.sqlite = &sp

	var pdb *indexer.DB
	if cfg.postgres != "" {
		fmt.Fprintln(stderr, "benchindexer: indexer backfill into a fresh PostgreSQL schema")
		if pdb, rep.pgSchema, err = openPostgres(ctx, r, cfg.postgres); err != nil {
			return fmt.Errorf("postgres: %w", err)
		}
		pp, err := timed(meter, func() (pass, error) {
			return backfill(ctx, "indexer → PostgreSQL", pdb, ixNode, st, rep.to, cfg.fetchers, "", stderr)
		})
		if err != nil {
			return err
		}
		rep.pg = &pp
	}
	rep.load[1] = loadAverage()

	if cfg.live > 0 {
		w, err := newLiveWriter(ctx, node, st, stderr)
		if err != nil {
			return fmt.Errorf("live mode: %w", err)
		}
		ws, err := ethclient.DialContext(ctx, node.WSURL)
		if err != nil {
			return err
		}
		defer ws.Close()
		variants := []struct {
			name string
			db   *indexer.DB
			node indexer.Node
			poll time.Duration
		}{
			{"SQLite, WebSocket new-head wake-up", sdb, ws, time.Second},
			{"SQLite, HTTP polling every 100 ms", sdb, node.Client, 100 * time.Millisecond},
		}
		if pdb != nil {
			variants = append(variants, struct {
				name string
				db   *indexer.DB
				node indexer.Node
				poll time.Duration
			}{"PostgreSQL, WebSocket new-head wake-up", pdb, ws, time.Second})
		}
		for _, v := range variants {
			fmt.Fprintf(stderr, "benchindexer: live mode, %s: %d blocks\n", v.name, cfg.live)
			lr, err := live(ctx, v.name, v.db, v.node, v.poll, node.WSURL, st, w, cfg.live)
			if err != nil {
				return fmt.Errorf("live mode: %w", err)
			}
			rep.live = append(rep.live, lr)
			fmt.Fprintf(stderr, "benchindexer: live mode, %s: p50 %s, p99 %s; slowest samples (by order sent):%s\n", v.name, ms(lr.pct(50)), ms(lr.pct(99)), lr.slowest)
		}
	}
	return rep.print(stdout)
}

// recordHead stores the current head in st: the end of the measured range.
func recordHead(ctx context.Context, node *gethtest.Node, st *chainState) error {
	h, err := node.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("read head: %w", err)
	}
	st.Head, st.HeadHash = h.Number.Uint64(), h.Hash()
	return nil
}

func (rep *report) print(out io.Writer) error {
	p := func(format string, args ...any) { fmt.Fprintf(out, format+"\n", args...) }
	st := rep.st
	p("")
	logIndex := "geth's log index on"
	if !rep.cfg.logIndex {
		logIndex = "geth's log index off (--history.logs.disable)"
	}
	p("PharmaTrace indexer benchmark: geth %s --dev (Osaka), %s; %d CPUs, %s", gethtest.Version(), logIndex, runtime.NumCPU(), runtime.Version())
	p("chain: blocks %s-%s (%s blocks), %s PharmaTrace events (contract logs the indexer stores; role logs excluded)",
		group(rep.from), group(rep.to), group(rep.to-rep.from+1), group(rep.events))
	if rep.reused {
		p("       reused from %s.json; the last generation made %s events in %s (%.0f tx/s)",
			rep.cfg.datadir, group(st.GeneratedEvents), secs(st.GenerationSecs), st.GenerationTxRate)
	} else {
		p("       generated in this run: %s events in %s (%.0f tx/s)", group(st.GeneratedEvents), secs(st.GenerationSecs), st.GenerationTxRate)
	}
	if rep.load[0] != "" {
		p("machine load average (1 min) before / after the backfills: %s / %s (above ~1 the neighbours' work slows every figure)", rep.load[0], rep.load[1])
	}
	p("eth_getLogs ranges: the indexer's schedule (%s blocks first, then doubling up to %s but sized for about %s logs), %d calls; bare passes: cold %.2fs, then the better of two warm ones, %.2fs, is the baseline",
		group(firstRange), group(maxRange), group(targetLogs), rep.warm.calls, rep.cold.dur.Seconds(), rep.warm.dur.Seconds())
	p("")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tevents\tseconds\tevents/s\t÷ bare\tCPU s: ours\tgeth\tpostgres\t")
	row := func(x *pass) {
		ratio := "-"
		if x != &rep.warm {
			ratio = fmt.Sprintf("%.2f", x.rate()/rep.warm.rate())
		}
		pg := "-"
		if rep.cpuPostgres {
			pg = fmt.Sprintf("%.1f", x.cpu.postgres.Seconds())
		}
		fmt.Fprintf(tw, "%s\t%s\t%.2f\t%s\t%s\t%.1f\t%.1f\t%s\t\n", x.name, group(x.events), x.dur.Seconds(), group(uint64(x.rate())), ratio, x.cpu.self.Seconds(), x.cpu.geth.Seconds(), pg)
	}
	row(&rep.warm)
	row(&rep.par)
	row(rep.sqlite)
	if rep.pg != nil {
		row(rep.pg)
	}
	tw.Flush()
	p("")
	p("where the indexer's time went:")
	p("  SQLite:     %s", rep.sqlite.note)
	if rep.pg != nil {
		p("  PostgreSQL: %s", rep.pg.note)
	}
	for _, x := range []*pass{&rep.cold, &rep.warm} {
		if x.refused > 0 {
			p("  note: geth refused %d range(s) of the %s bare pass (30 s HTTP write timeout), each then halved", x.refused, map[bool]string{true: "cold", false: "warm"}[x == &rep.cold])
		}
	}
	p("")
	p("goals (issue 3):")
	mark := func(ok bool) string {
		if ok {
			return "met"
		}
		return "NOT met"
	}
	sr := rep.sqlite.rate()
	p("  SQLite backfill >= %s events/s: %s events/s, %s", group(goalSQLiteRate), group(uint64(sr)), mark(sr >= goalSQLiteRate))
	p("  SQLite indexer/bare >= %.1f: %.2f, %s (÷ bare with %d in flight: %.2f)", goalRatio, sr/rep.warm.rate(), mark(sr/rep.warm.rate() >= goalRatio), rep.cfg.fetchers, sr/rep.par.rate())
	if rep.pg != nil {
		pr := rep.pg.rate()
		p("  PostgreSQL indexer/bare >= %.1f: %.2f, %s (÷ bare with %d in flight: %.2f)", goalRatio, pr/rep.warm.rate(), mark(pr/rep.warm.rate() >= goalRatio), rep.cfg.fetchers, pr/rep.par.rate())
	} else {
		p("  PostgreSQL: skipped (no --postgres and no $%s)", PostgresEnv)
	}
	for _, l := range rep.live {
		p99 := l.pct(99)
		p("  live p99 < %s, %s: p50 %s, p99 %s, max %s over %d blocks%s: %s",
			ms(goalLiveP99), l.name, ms(l.pct(50)), ms(p99), ms(l.pct(100)), len(l.lat), missed(l.missed), mark(p99 < goalLiveP99))
	}
	if len(rep.live) == 0 {
		p("  live mode: skipped (--live 0)")
	} else {
		p("  (live latency: from our own new-head subscription seeing the block to the indexer's cursor, committed with the rows, reaching it; polled every 1 ms)")
	}
	return nil
}

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64) + " ms"
}

func secs(s float64) string {
	return (time.Duration(s * float64(time.Second))).Round(time.Second).String()
}

func missed(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d not seen)", n)
}
