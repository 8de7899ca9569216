// Command benchverify measures public verification (POST /api/v1/verify) as production runs it,
// on a populated SQLite mirror, against a trivial route on the same server (issue 4's benchmark).
//
//	go run ./scripts/benchverify [--packs 100000] [--duration 20s] [--rate 2000] [--concurrency 16] [--cpuprofile FILE]
//	make bench-verify
//
// What it does:
//
//  1. It builds the mirror once: on a simulated Osaka chain (chain/chaintest) manufacturers
//     register and publish batches (in PublishChunk chunks), ship them to distributors and on to
//     pharmacies, which dispense some packs; the last batch is recalled. The real indexer syncs it
//     into a SQLite file, and a sample of codes is issued as labels would print them (signed with
//     the manufacturer's key): mostly authentic, some dispensed, unknown or recalled. Mirror and
//     codes are cached in $HOME/.cache/pharmatrace/bench-verify/<version-and-size>; later runs
//     measure a fresh copy of it.
//  2. It serves that copy on a loopback port with web.New, a verify.Verifier (signature check on)
//     and a running verify.Recorder (scan log on), mounted under a chi router that adds a trivial
//     route, the ceiling.
//  3. It re-executes itself as the load process (so that the load generator does not share the
//     server's Go scheduler), which runs, after a warm-up: an open loop at a fixed offered rate on
//     each route, latency counted from each request's due time (no coordinated omission); then a
//     closed loop at fixed concurrency, alternating trivial and verify segments so that both meet
//     the same machine load. Every verification must come back 200 with the verdict its code was
//     issued for, or it counts as an error.
//
// The report goes to stdout, progress to stderr. The exit status is 0 even when a goal is not met
// (this is a report); 1 when a measurement fails.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

// Goals from issue 4.
const (
	goalOpenRate  = 2000                 // offered verifications per second
	goalOpenP95   = 3 * time.Millisecond // p95 at that rate, from the due time
	goalRatio     = 0.25                 // closed loop: verify req/s ÷ trivial req/s
	minDuration   = 20 * time.Second     // each shape, each route, for a run that counts
	defaultWarmup = 2 * time.Second
)

type config struct {
	packs       int
	perBatch    int
	sample      int
	cacheDir    string
	duration    time.Duration
	segment     time.Duration
	warmup      time.Duration
	rate        float64
	concurrency int
	clients     int
	cpuprofile  string
	logLevel    slog.Level
	self        []string // the command that runs this program again, as the load process
}

func main() {
	if os.Getenv(childEnv) == childLoad {
		if err := loadMain(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "benchverify load:", err)
			os.Exit(1)
		}
		return
	}
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if err != nil {
		if err == flag.ErrHelp {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "benchverify:", err)
		os.Exit(2)
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchverify: find own executable:", err)
		os.Exit(1)
	}
	cfg.self = []string{exe}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sum, err := run(ctx, cfg, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchverify:", err)
		os.Exit(1)
	}
	sum.print(os.Stdout)
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("benchverify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	home, _ := os.UserHomeDir()
	cfg := config{}
	fs.IntVar(&cfg.packs, "packs", 100_000, "packs in the mirror (rounded up to whole batches)")
	fs.IntVar(&cfg.perBatch, "batch-size", 4000, "packs per batch")
	fs.IntVar(&cfg.sample, "codes", 20_000, "signed codes issued for the load (scanned round-robin)")
	fs.StringVar(&cfg.cacheDir, "cache", filepath.Join(home, ".cache", "pharmatrace", "bench-verify"), "where built mirrors are kept")
	fs.DurationVar(&cfg.duration, "duration", minDuration, "each shape's length on each route (shorter: a smoke run, not a measurement)")
	fs.DurationVar(&cfg.segment, "segment", 5*time.Second, "closed loop: length of the alternating trivial and verify segments")
	fs.DurationVar(&cfg.warmup, "warmup", defaultWarmup, "closed-loop verification before measuring (page cache, connections)")
	fs.Float64Var(&cfg.rate, "rate", goalOpenRate, "open loop: offered requests per second")
	fs.IntVar(&cfg.concurrency, "concurrency", 16, "closed loop: concurrent requests")
	fs.IntVar(&cfg.clients, "clients", 4096, "distinct client addresses (each under the 20/s per-client rate limit)")
	fs.StringVar(&cfg.cpuprofile, "cpuprofile", "", "write the server process's CPU profile over the measured phases to this file")
	level := fs.String("log-level", "warn", "server log level: debug, info, warn, error")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: benchverify [flags]   (make bench-verify)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if err := cfg.logLevel.UnmarshalText([]byte(*level)); err != nil {
		return cfg, fmt.Errorf("--log-level: %w", err)
	}
	switch {
	case cfg.packs < 1 || cfg.perBatch < 1 || cfg.sample < 1:
		return cfg, fmt.Errorf("--packs, --batch-size and --codes must be positive")
	case cfg.rate <= 0 || cfg.concurrency < 1 || cfg.clients < 1:
		return cfg, fmt.Errorf("--rate, --concurrency and --clients must be positive")
	case cfg.duration <= 0 || cfg.segment <= 0:
		return cfg, fmt.Errorf("--duration and --segment must be positive")
	}
	return cfg, nil
}

// spec is the mirror the configuration asks for.
func (cfg config) spec() mirrorSpec {
	return mirrorSpec{Batches: (cfg.packs + cfg.perBatch - 1) / cfg.perBatch, PacksPerBatch: cfg.perBatch, Sample: cfg.sample}
}

// phases is the load plan: warm-up, the open loop on each route, then the closed loop in
// alternating segments.
func (cfg config) phases() []phase {
	var ps []phase
	if cfg.warmup > 0 {
		ps = append(ps, phase{Route: routeVerify, Shape: shapeClosed, Concurrency: cfg.concurrency, Duration: cfg.warmup, Warmup: true})
	}
	ps = append(ps,
		phase{Route: routeVerify, Shape: shapeOpen, Rate: cfg.rate, Duration: cfg.duration},
		phase{Route: routeTrivial, Shape: shapeOpen, Rate: cfg.rate, Duration: cfg.duration},
	)
	for done := time.Duration(0); done < cfg.duration; done += cfg.segment {
		seg := min(cfg.segment, cfg.duration-done)
		for _, route := range []string{routeTrivial, routeVerify} {
			ps = append(ps, phase{Route: route, Shape: shapeClosed, Concurrency: cfg.concurrency, Duration: seg})
		}
	}
	return ps
}
