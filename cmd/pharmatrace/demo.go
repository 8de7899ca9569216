package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/actions"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/devnode"
	"github.com/pharmatrace/pharmatrace/demo"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/keys"
	"github.com/pharmatrace/pharmatrace/labels"
	"github.com/pharmatrace/pharmatrace/verify"
)

const demoHelp = `Usage: pharmatrace demo [--data DIR] [--addr HOST:PORT] [--rpc-addr HOST:PORT]

Runs the whole platform in one process: an embedded Ethereum node (the engine geth --dev runs,
Osaka rules, kept in DIR/chain), the contracts deployed once, the indexer into SQLite
(DIR/pharmatrace.db) and the HTTP service. The first run seeds a consortium — a regulator, two
manufacturers, two wholesalers, three pharmacies — with two months of history: batches shipped
down the chain, packs dispensed, a batch recalled, one expired, a few alerts. It prints the URL
to open and one API token per participant, and writes DIR/demo.json:

  {"url": …, "tokens": {"<participant>": "<token>", …},
   "codes": {"authentic": […], "dispensed": […], "recalled": […], "expired": […]}}

Ctrl-C stops it cleanly; running it again on the same DIR resumes without seeding again.
`

// demoPassphrase encrypts the demo's dev keys. It is no secret: the demo chain is a toy one
// (the same as the embedded chain's, so serve --data can open a demo's chain).
const demoPassphrase = embeddedPassphrase

// demoFile is DIR/demo.json.
type demoFile struct {
	URL string `json:"url"`
	demo.Result
}

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("data", "./data", "`DIR` for the chain, the mirror and demo.json (env PHARMATRACE_DATA)")
	rpcAddr := fs.String("rpc-addr", "", "also serve the embedded node's JSON-RPC (HTTP and WebSocket) on `HOST:PORT`, for wallets and tools (env PHARMATRACE_RPC_ADDR)")
	logLevel := fs.String("log-level", "warn", "log `LEVEL`: debug, info, warn or error (env PHARMATRACE_LOG_LEVEL)")
	sf := addServeFlags(fs)
	fs.Usage = usageFunc(fs, stderr, demoHelp)
	if err := parseFlags(fs, args, os.Getenv); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "pharmatrace demo: %v\n", err)
		return 2
	}
	s := settings{DB: filepath.Join(*dir, "pharmatrace.db")}
	err := s.LogLevel.UnmarshalText([]byte(*logLevel))
	if err == nil {
		err = sf.check()
	}
	if err != nil {
		fmt.Fprintf(stderr, "pharmatrace demo: %v\n", err)
		return 2
	}
	if err := runDemoIn(ctx, *dir, *rpcAddr, sf, s, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "pharmatrace demo: %v\n", err)
		return 1
	}
	return 0
}

func runDemoIn(ctx context.Context, dir, rpcAddr string, sf *serveFlags, s settings, stdout, stderr io.Writer) error {
	log := s.logger(stderr)
	demoPath, seedingPath := filepath.Join(dir, "demo.json"), filepath.Join(dir, "demo.seeding")
	if _, err := os.Stat(seedingPath); err == nil {
		if _, err := os.Stat(demoPath); err != nil {
			return fmt.Errorf("an earlier run stopped while seeding %s; remove the directory to start the demo afresh", dir)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	fmt.Fprintf(stderr, "starting the embedded chain in %s …\n", dir)
	node, err := devnode.Start(ctx, devnode.Config{
		DataDir: dir, Accounts: 1 + len(demo.Members), Passphrase: demoPassphrase, LightKDF: true,
		GenesisTime: time.Now().AddDate(0, 0, -90), // room for the seed's two months of history
		HTTPAddr:    rpcAddr, Logger: log.With("component", "devnode"),
	})
	if err != nil {
		return err
	}
	defer node.Close()
	accounts := node.Accounts()[:1+len(demo.Members)]
	ring, err := keys.Open(node.KeystoreDir(), demoPassphrase)
	if err != nil {
		return err
	}
	backend := node.Client()

	contractsPath := filepath.Join(dir, "contracts.json")
	cf, err := readContractsFile(contractsPath)
	if err != nil {
		fmt.Fprintln(stderr, "deploying the contracts …")
		opts, err := ring.Transactor(accounts[0], big1337())
		if err != nil {
			return err
		}
		g, _ := strconv.ParseUint(demo.Regulator.GLN, 10, 64)
		node.SetTime(demo.HistoryStart(time.Now()).Add(-time.Hour)) // the history starts with the contracts
		d, err := chain.DeployContracts(ctx, backend, opts, chain.DeployOptions{RegulatorGLN: g, RegulatorName: demo.Regulator.Name, PollInterval: 20 * time.Millisecond})
		if err != nil {
			return err
		}
		cf = contractsFile{ChainID: devnode.ChainID, Addresses: d.Addresses, DeployBlock: d.Block}
		if err := writeContractsFile(contractsPath, cf); err != nil {
			return err
		}
	}
	db, err := s.openDB(ctx, true)
	if err != nil {
		return err
	}
	defer db.Close()

	var url string
	return serve(ctx, service{
		backend: backend, db: db, addrs: cf.Addresses, fromBlock: cf.DeployBlock, keys: ring, runIndexer: true,
		flags: sf, log: log,
		ready: func(addr string) { url = "http://" + addr },
		started: func(ctx context.Context, act *actions.Service, v *verify.Verifier, rec *verify.Recorder) error {
			if b, err := os.ReadFile(demoPath); err == nil {
				var df demoFile
				if err := json.Unmarshal(b, &df); err != nil {
					return fmt.Errorf("read %s: %w", demoPath, err)
				}
				df.URL = url // the address may differ from the last run's
				if b, err := json.MarshalIndent(df, "", "  "); err == nil {
					_ = os.WriteFile(demoPath, append(b, '\n'), 0o600)
				}
				printDemo(stdout, df, demoPath)
				return nil
			}
			if err := os.WriteFile(seedingPath, []byte("seeding started "+time.Now().UTC().Format(time.RFC3339)+"\n"), 0o644); err != nil {
				return err
			}
			fmt.Fprintln(stderr, "seeding the consortium and two months of history (about a minute) …")
			df, err := seed(ctx, node, act, v, rec, db, accounts, sf, url, stderr)
			if err != nil {
				return err
			}
			b, _ := json.MarshalIndent(df, "", "  ")
			if err := os.WriteFile(demoPath, append(b, '\n'), 0o600); err != nil {
				return err
			}
			printDemo(stdout, df, demoPath)
			return nil
		},
	})
}

func big1337() *big.Int { return big.NewInt(devnode.ChainID) }

// seed waits for the mirror to hold the deployment, then seeds the demo.
func seed(ctx context.Context, node *devnode.Node, act *actions.Service, v *verify.Verifier, rec *verify.Recorder, db *indexer.DB, accounts []common.Address, sf *serveFlags, url string, progress io.Writer) (demoFile, error) {
	store := indexer.NewStore(db)
	head, err := node.Client().BlockNumber(ctx)
	if err != nil {
		return demoFile{}, err
	}
	for {
		lag, err := store.Lag(ctx)
		if err == nil && lag.Cursor >= head {
			break
		}
		select {
		case <-ctx.Done():
			return demoFile{}, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	base := sf.baseURL
	if base == "" {
		base = url
	}
	res, err := demo.Seed(ctx, demo.Options{
		Actions: act, DB: db, Verifier: v, Recorder: rec, Accounts: accounts, BaseURL: base, Clock: node,
		VerifierAt: func(t time.Time) (*verify.Verifier, error) {
			return verify.New(store, verify.Options{Recover: labels.RecoverSigner, Now: func() time.Time { return t }, CacheAge: -1})
		},
		Log: slog.New(slog.NewTextHandler(progress, &slog.HandlerOptions{Level: slog.LevelInfo})),
	})
	if err != nil {
		return demoFile{}, err
	}
	return demoFile{URL: url, Result: res}, nil
}

func printDemo(w io.Writer, df demoFile, path string) {
	fmt.Fprintf(w, "\nPharmaTrace demo running at %s\n\n", df.URL)
	fmt.Fprintln(w, "API tokens (Authorization: Bearer …):")
	for _, name := range append([]string{demo.Regulator.Name}, demoNames()...) {
		fmt.Fprintf(w, "  %-24s %s\n", name, df.Tokens[name])
	}
	fmt.Fprintln(w, "\nTry a code (open it, or POST it to /api/v1/verify):")
	for _, c := range []struct {
		what  string
		codes []string
	}{{"authentic", df.Codes.Authentic}, {"dispensed", df.Codes.Dispensed}, {"recalled", df.Codes.Recalled}, {"expired", df.Codes.Expired}} {
		if len(c.codes) > 0 {
			fmt.Fprintf(w, "  %-10s %s\n", c.what, c.codes[0])
		}
	}
	fmt.Fprintf(w, "\nEverything above is in %s. Ctrl-C stops the demo; run it again to resume.\n", path)
}

func demoNames() []string {
	out := make([]string, len(demo.Members))
	for i, m := range demo.Members {
		out[i] = m.Name
	}
	return out
}
