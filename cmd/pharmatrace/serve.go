package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/sync/errgroup"

	"github.com/pharmatrace/pharmatrace/actions"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/keys"
	"github.com/pharmatrace/pharmatrace/labels"
	"github.com/pharmatrace/pharmatrace/verify"
	"github.com/pharmatrace/pharmatrace/web"
)

const serveHelp = `Usage: pharmatrace serve [--rpc URL] [--db DSN] [--config FILE] [--addr HOST:PORT]
                         [--base-url URL] [--keystore DIR] [--passphrase-file FILE] [--index=false]

Serves the PharmaTrace HTTP API and pages: public verification (POST /api/v1/verify and the
GS1 Digital Link path /01/… that phone cameras open), and — with --keystore — the participants'
write API, which signs with the keystore's accounts (API tokens from 'pharmatrace token create').
The keystore passphrase comes from --passphrase-file or PHARMATRACE_PASSPHRASE, never a flag.

By default it also runs the indexer in the same process (--index=false to run 'pharmatrace
index' separately). Replicas are stateless: any number can serve one PostgreSQL database; on
PostgreSQL only one indexer writes at a time (an advisory lock), the others stand by.
SIGINT or SIGTERM stops it gracefully.
`

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cf := addCommonFlags(fs, true)
	sf := addServeFlags(fs)
	runIndexer := fs.Bool("index", true, "also run the indexer in this process (env PHARMATRACE_INDEX)")
	kf := addKeystoreFlags(fs, "go-ethereum keystore `DIR` of the accounts this instance signs for; without it the write API is off")
	fs.Usage = usageFunc(fs, stderr, serveHelp)
	if err := parseFlags(fs, args, os.Getenv); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "pharmatrace serve: %v\n", err)
		return 2
	}
	s, err := cf.resolve(fs)
	if err == nil {
		err = s.needAddresses()
	}
	if err == nil {
		err = sf.check()
	}
	if err != nil {
		fmt.Fprintf(stderr, "pharmatrace serve: %v\n", err)
		return 2
	}
	log := s.logger(stderr)
	var ring *keys.Ring
	if kf.dir != "" {
		pass, err := kf.passphrase()
		if err == nil {
			ring, err = keys.Open(kf.dir, pass)
		}
		if err != nil {
			fmt.Fprintf(stderr, "pharmatrace serve: %v\n", err)
			return 1
		}
		log.Info("keystore open", "accounts", len(ring.Accounts()))
	}
	var fund []common.Address
	if ring != nil {
		fund = ring.Accounts() // on the embedded chain, the keystore's accounts need ether
	}
	ec, closeNode, err := s.node(ctx, log, fund...)
	if err != nil {
		fmt.Fprintf(stderr, "pharmatrace serve: %v\n", err)
		return 1
	}
	defer closeNode()
	db, err := s.openDB(ctx, true)
	if err != nil {
		fmt.Fprintf(stderr, "pharmatrace serve: %v\n", err)
		return 1
	}
	defer db.Close()
	err = serve(ctx, service{
		backend: ec, indexNode: s.indexNode(ec), db: db, addrs: s.Addresses, fromBlock: s.DeployBlock, keys: ring,
		runIndexer: *runIndexer, flags: sf, log: log,
		ready: func(addr string) { fmt.Fprintf(stdout, "serving on http://%s\n", addr) },
	})
	if err != nil {
		fmt.Fprintf(stderr, "pharmatrace serve: %v\n", err)
		return 1
	}
	return 0
}

// serveFlags are the HTTP service's flags, shared by serve and demo.
type serveFlags struct {
	addr, baseURL, clientSalt string
	trustProxy, accessLog     bool
	rate                      float64
	maxLag                    uint64
}

func addServeFlags(fs *flag.FlagSet) *serveFlags {
	f := &serveFlags{}
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "`HOST:PORT` to listen on (env PHARMATRACE_ADDR)")
	fs.StringVar(&f.baseURL, "base-url", "", "public base `URL` printed in QR codes, e.g. https://verify.example.org (default http://ADDR) (env PHARMATRACE_BASE_URL)")
	fs.StringVar(&f.clientSalt, "client-salt", "", "secret `SALT` for the opaque client keys of the scan log; the same on every replica (default random per process) (env PHARMATRACE_CLIENT_SALT)")
	fs.BoolVar(&f.trustProxy, "trust-proxy", false, "take client addresses from X-Forwarded-For (only behind your own proxy) (env PHARMATRACE_TRUST_PROXY)")
	fs.BoolVar(&f.accessLog, "access-log", true, "log one line per request (env PHARMATRACE_ACCESS_LOG)")
	fs.Float64Var(&f.rate, "rate", 20, "`N` public verifications a second allowed per client address (env PHARMATRACE_RATE)")
	fs.Uint64Var(&f.maxLag, "max-lag", 10, "most `BLOCKS` the mirror may trail the head and /readyz still say ready (env PHARMATRACE_MAX_LAG)")
	return f
}

func (f *serveFlags) check() error {
	if _, _, err := net.SplitHostPort(f.addr); err != nil {
		return fmt.Errorf("--addr %q: want HOST:PORT, e.g. 127.0.0.1:8080", f.addr)
	}
	if f.rate <= 0 {
		return fmt.Errorf("--rate %v: must be positive", f.rate)
	}
	return nil
}

// service is everything serve (and demo) wires into one process.
type service struct {
	backend    chain.Backend
	indexNode  indexer.Node // what the indexer reads; nil: backend
	db         *indexer.DB
	addrs      chain.Addresses
	fromBlock  uint64
	keys       *keys.Ring // nil: no write API
	runIndexer bool
	flags      *serveFlags
	log        *slog.Logger
	// ready is called with the listening address once the server accepts connections.
	ready func(addr string)
	// started, if set, is called with the write service, the verifier and the scan recorder
	// once they exist (the demo seeds through them).
	started func(ctx context.Context, act *actions.Service, v *verify.Verifier, rec *verify.Recorder) error
}

// serve runs the indexer (if asked), the scan recorder and the HTTP server until ctx ends.
func serve(ctx context.Context, sv service) error {
	store := indexer.NewStore(sv.db)
	v, err := verify.New(store, verify.Options{Recover: labels.RecoverSigner})
	if err != nil {
		return err
	}
	rec := verify.NewRecorder(sv.db, verify.RecorderOptions{Logger: sv.log.With("component", "scans")})
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { rec.Run(ctx); return nil })
	if sv.runIndexer {
		node := sv.indexNode
		if node == nil {
			node = sv.backend
		}
		ix, err := indexer.New(sv.db, node, indexer.Options{
			Addresses: sv.addrs, FromBlock: sv.fromBlock, PollInterval: 500 * time.Millisecond,
			Logger: sv.log.With("component", "indexer"),
		})
		if err != nil {
			return err
		}
		g.Go(func() error {
			return sv.db.Lead(ctx, sv.log.With("component", "lead"), time.Second, ix.Run)
		})
	}
	opts := web.Options{
		Store: store, Verifier: v, Recorder: rec, Logger: sv.log.With("component", "http"),
		ClientSalt: sv.flags.clientSalt, RatePerSecond: sv.flags.rate, Burst: int(2 * sv.flags.rate),
		TrustProxy: sv.flags.trustProxy, BaseURL: sv.flags.baseURL, MaxLag: sv.flags.maxLag,
		AccessLog: sv.flags.accessLog, Head: sv.backend.BlockNumber, DB: sv.db,
	}
	if opts.BaseURL == "" {
		opts.BaseURL = "http://" + sv.flags.addr
	}
	var act *actions.Service
	if sv.keys != nil {
		cl, err := chain.New(ctx, sv.backend, chain.Options{Addresses: sv.addrs, PollInterval: 50 * time.Millisecond, Logger: sv.log.With("component", "chain")})
		if err != nil {
			return err
		}
		act, err = actions.New(actions.Options{Chain: cl, Store: store, DB: sv.db, Keys: sv.keys, Verifier: v, Recorder: rec, Logger: sv.log.With("component", "actions")})
		if err != nil {
			return err
		}
		opts.Actions = act
	}
	h, err := web.New(opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", sv.flags.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", sv.flags.addr, err)
	}
	g.Go(func() error { return web.Serve(ctx, ln, h, sv.log) })
	if sv.ready != nil {
		sv.ready(ln.Addr().String())
	}
	if sv.started != nil && act != nil {
		g.Go(func() error { return sv.started(ctx, act, v, rec) })
	}
	return g.Wait()
}
