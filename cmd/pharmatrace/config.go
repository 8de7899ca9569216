package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/devnode"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/keys"
)

// Defaults of the flags every command shares. Relative paths are relative to the working
// directory, so `pharmatrace deploy` then `pharmatrace index` in one directory find each other.
const (
	defaultRPC           = "" // the embedded chain in --data
	defaultData          = "./data"
	defaultDB            = "./data/pharmatrace.db"
	defaultContractsFile = "./data/contracts.json"
)

// contractsFile is the JSON file `pharmatrace deploy` writes and the other commands read:
// where the contracts live, on which chain, and from which block an indexer starts.
type contractsFile struct {
	ChainID uint64 `json:"chainId"`
	chain.Addresses
	DeployBlock uint64 `json:"deployBlock"`
}

func readContractsFile(path string) (contractsFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return contractsFile{}, fmt.Errorf("read contracts file: %w", err)
	}
	var f contractsFile
	if err := json.Unmarshal(b, &f); err != nil {
		return contractsFile{}, fmt.Errorf("read contracts file %s: %w", path, err)
	}
	return f, nil
}

// writeContractsFile writes f as JSON, creating the directory if needed; the file is replaced
// by a rename, so a reader never sees half of it.
func writeContractsFile(path string, f contractsFile) error {
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("encode contracts file: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write contracts file: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write contracts file: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write contracts file: %w", err)
	}
	return nil
}

// envInUsage finds the environment variable a flag's usage names: "… (env PHARMATRACE_RPC)".
var envInUsage = regexp.MustCompile(`\(env (PHARMATRACE_[A-Z0-9_]+)\)`)

// flagEnv returns the environment variable named in a flag's usage, or "".
func flagEnv(f *flag.Flag) string {
	if m := envInUsage.FindStringSubmatch(f.Usage); m != nil {
		return m[1]
	}
	return ""
}

// applyEnv sets every flag of fs that was not given on the command line from the environment
// variable its usage names, when that variable is set and not empty: flags win over the
// environment, the environment over defaults. Values go through the flag's own parser, so a bad
// PHARMATRACE_WINDOW fails like a bad --window.
func applyEnv(fs *flag.FlagSet, getenv func(string) string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var errs []error
	fs.VisitAll(func(f *flag.Flag) {
		env := flagEnv(f)
		if env == "" || given[f.Name] {
			return
		}
		v := getenv(env)
		if v == "" {
			return
		}
		if err := fs.Set(f.Name, v); err != nil {
			errs = append(errs, fmt.Errorf("%s=%q: invalid value for --%s: %w", env, v, f.Name, err))
		}
	})
	return errors.Join(errs...)
}

// parseFlags parses args, refuses positional arguments, then applies the environment fallbacks.
func parseFlags(fs *flag.FlagSet, args []string, getenv func(string) string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return applyEnv(fs, getenv)
}

// isSet reports whether a flag was given on the command line or by its environment variable.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}

// commonFlags are the flags every command that talks to the node and the mirror takes.
type commonFlags struct {
	rpc, data, db, config, registry, ledger, logLevel string
}

// addCommonFlags registers the shared flags on fs; withLog adds --log-level, for commands that log.
func addCommonFlags(fs *flag.FlagSet, withLog bool) *commonFlags {
	f := &commonFlags{logLevel: "info"}
	fs.StringVar(&f.rpc, "rpc", defaultRPC, "JSON-RPC `URL` of an Ethereum node: http(s):// or ws(s)://\n(default: the embedded chain in --data) (env PHARMATRACE_RPC)")
	fs.StringVar(&f.data, "data", defaultData, "`DIR` of the embedded chain (DIR/chain, DIR/keystore), used when --rpc is not given (env PHARMATRACE_DATA)")
	fs.StringVar(&f.db, "db", defaultDB, "the SQL mirror's `DSN`: a SQLite file path or a postgres:// URL (env PHARMATRACE_DB)")
	fs.StringVar(&f.config, "config", "", "contracts `FILE` as `pharmatrace deploy` writes it: {\"chainId\", \"registry\", \"ledger\", \"deployBlock\"}\n"+
		"(default "+defaultContractsFile+" if it exists) (env PHARMATRACE_CONFIG)")
	fs.StringVar(&f.registry, "registry", "", "Registry contract `ADDRESS`, overriding the contracts file (env PHARMATRACE_REGISTRY)")
	fs.StringVar(&f.ledger, "ledger", "", "BatchLedger contract `ADDRESS`, overriding the contracts file (env PHARMATRACE_LEDGER)")
	if withLog {
		fs.StringVar(&f.logLevel, "log-level", "info", "log `LEVEL`: debug, info, warn or error; logs go to stderr (env PHARMATRACE_LOG_LEVEL)")
	}
	return f
}

// settings is the configuration the shared flags, their environment variables and the contracts
// file resolve to.
type settings struct {
	RPC           string // "": the embedded chain in Data
	Data          string
	DB            string
	ContractsFile string // the contracts file read, "" if none
	ChainID       uint64 // 0: not known
	Addresses     chain.Addresses
	DeployBlock   uint64
	LogLevel      slog.Level
}

// resolve validates the shared flags (already parsed, with environment fallbacks applied) and
// reads the contracts file. Precedence: flag, environment, contracts file, default.
func (f *commonFlags) resolve(fs *flag.FlagSet) (settings, error) {
	s := settings{Data: strings.TrimSpace(f.data), RPC: strings.TrimSpace(f.rpc), DB: strings.TrimSpace(f.db)}
	if s.RPC != "" {
		u, err := url.Parse(s.RPC)
		if err != nil || u.Host == "" {
			return s, fmt.Errorf("--rpc %q is not a URL such as http://127.0.0.1:8545 (env PHARMATRACE_RPC)", s.RPC)
		}
		switch u.Scheme {
		case "http", "https", "ws", "wss":
		default:
			return s, fmt.Errorf("--rpc %q: the scheme must be http, https, ws or wss", s.RPC)
		}
	} else if s.Data == "" {
		return s, errors.New("--data is empty: give the embedded chain's directory, or a node with --rpc")
	}
	if s.DB == "" {
		return s, errors.New("--db is empty: give a SQLite file path or a postgres:// URL (env PHARMATRACE_DB)")
	}
	if err := s.LogLevel.UnmarshalText([]byte(f.logLevel)); err != nil {
		return s, fmt.Errorf("--log-level %q: want debug, info, warn or error", f.logLevel)
	}

	path := f.config
	if !isSet(fs, "config") {
		if _, err := os.Stat(defaultContractsFile); err == nil {
			path = defaultContractsFile
		}
	}
	if path != "" {
		cf, err := readContractsFile(path)
		if err != nil {
			return s, err
		}
		s.ContractsFile, s.ChainID, s.Addresses, s.DeployBlock = path, cf.ChainID, cf.Addresses, cf.DeployBlock
	}
	for _, o := range []struct {
		flag, value string
		into        *common.Address
	}{{"registry", f.registry, &s.Addresses.Registry}, {"ledger", f.ledger, &s.Addresses.Ledger}} {
		if o.value == "" {
			continue
		}
		if !common.IsHexAddress(o.value) || common.HexToAddress(o.value) == (common.Address{}) {
			return s, fmt.Errorf("--%s %q is not a contract address (0x and 40 hex digits)", o.flag, o.value)
		}
		*o.into = common.HexToAddress(o.value)
	}
	return s, nil
}

// needAddresses says how to get the contract addresses when some are missing.
func (s settings) needAddresses() error {
	var missing []string
	if s.Addresses.Registry == (common.Address{}) {
		missing = append(missing, "registry")
	}
	if s.Addresses.Ledger == (common.Address{}) {
		missing = append(missing, "ledger")
	}
	if len(missing) == 0 {
		return nil
	}
	where := "no contracts file (" + defaultContractsFile + " does not exist)"
	if s.ContractsFile != "" {
		where = "the contracts file " + s.ContractsFile + " has none"
	}
	what := "the " + missing[0] + " contract address is"
	if len(missing) == 2 {
		what = "the registry and ledger contract addresses are"
	}
	return fmt.Errorf("%s unknown: %s. Run `pharmatrace deploy` (it writes %s), "+
		"or point --config (env PHARMATRACE_CONFIG) at the file it wrote, or pass --registry and --ledger "+
		"(env PHARMATRACE_REGISTRY, PHARMATRACE_LEDGER)", what, where, defaultContractsFile)
}

func (s settings) logger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: s.LogLevel}))
}

// node connects to the chain — the node at RPC, or, without one, the embedded chain in Data,
// started in this process (its accounts in fund funded) — and checks that it runs the chain the
// contracts file names. close releases it.
func (s settings) node(ctx context.Context, log *slog.Logger, fund ...common.Address) (ec *ethclient.Client, close func(), err error) {
	if s.RPC != "" {
		ec, err := s.dial(ctx)
		if err != nil {
			return nil, nil, err
		}
		return ec, ec.Close, nil
	}
	n, err := devnode.Start(ctx, devnode.Config{DataDir: s.Data, Accounts: 1, Passphrase: embeddedPassphrase, LightKDF: true,
		Fund: fund, Logger: log.With("component", "devnode")})
	if err != nil {
		return nil, nil, fmt.Errorf("embedded chain in %s (or give a node with --rpc): %w", s.Data, err)
	}
	if s.ChainID != 0 && s.ChainID != devnode.ChainID {
		n.Close()
		return nil, nil, fmt.Errorf("the embedded chain is chain %d, but %s is for chain %d: give the node with --rpc", devnode.ChainID, s.ContractsFile, s.ChainID)
	}
	return n.Client(), func() { n.Close() }, nil
}

// indexNode is the node the indexer reads through: ec, with eth_getLogs posted by the indexer
// itself when --rpc is an http(s) URL (indexer.HTTPLogs: a backfill's answers decoded in one
// pass). A WebSocket or IPC node, or the embedded one, is read through ec alone.
func (s settings) indexNode(ec *ethclient.Client) indexer.Node {
	if s.RPC == "" {
		return ec
	}
	n, err := indexer.HTTPLogs(ec, s.RPC, chain.HTTPClient(s.RPC))
	if err != nil {
		return ec
	}
	return n
}

// embeddedPassphrase encrypts the embedded chain's own dev keys (its faucet): they guard nothing
// but a local dev chain, as geth --dev's do.
const embeddedPassphrase = "pharmatrace-demo"

// dial connects to the node at RPC and checks that it runs the chain the contracts file names.
func (s settings) dial(ctx context.Context) (*ethclient.Client, error) {
	rc, err := chain.DialRPC(ctx, s.RPC)
	if err != nil {
		return nil, fmt.Errorf("connect to node %s: %w", s.RPC, err)
	}
	ec := ethclient.NewClient(rc)
	idCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	id, err := ec.ChainID(idCtx)
	if err != nil {
		ec.Close()
		return nil, fmt.Errorf("node %s does not answer (is it running? set --rpc or PHARMATRACE_RPC): %w", s.RPC, err)
	}
	if s.ChainID != 0 && (!id.IsUint64() || id.Uint64() != s.ChainID) {
		ec.Close()
		return nil, fmt.Errorf("node %s runs chain %s, but %s is for chain %d: wrong --rpc or --config", s.RPC, id, s.ContractsFile, s.ChainID)
	}
	return ec, nil
}

// redactDSN hides a PostgreSQL password, for logs and messages.
func redactDSN(dsn string) string {
	if !indexer.IsPostgres(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// openDB opens the mirror. With create, a SQLite file's directory is made if missing; without,
// a SQLite file must already exist (a reader has nothing to read in a fresh one).
func (s settings) openDB(ctx context.Context, create bool) (*indexer.DB, error) {
	if !indexer.IsPostgres(s.DB) && !strings.HasPrefix(s.DB, "file:") {
		if create {
			if err := os.MkdirAll(filepath.Dir(s.DB), 0o755); err != nil {
				return nil, fmt.Errorf("create database directory: %w", err)
			}
		} else if _, err := os.Stat(s.DB); err != nil {
			return nil, fmt.Errorf("no mirror database at %s (set --db or PHARMATRACE_DB; `pharmatrace index` creates it): %w", s.DB, err)
		}
	}
	db, err := indexer.Open(ctx, s.DB)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", redactDSN(s.DB), err)
	}
	return db, nil
}

// keystoreFlags are --keystore and --passphrase-file, which serve, deploy and account share.
// The passphrase itself never is a flag: a file, or PHARMATRACE_PASSPHRASE.
type keystoreFlags struct{ dir, passFile string }

func addKeystoreFlags(fs *flag.FlagSet, dirUsage string) *keystoreFlags {
	f := &keystoreFlags{}
	fs.StringVar(&f.dir, "keystore", "", dirUsage+" (env PHARMATRACE_KEYSTORE)")
	fs.StringVar(&f.passFile, "passphrase-file", "", "`FILE` holding the keystore passphrase (else env PHARMATRACE_PASSPHRASE) (env PHARMATRACE_PASSPHRASE_FILE)")
	return f
}

// passphrase reads the keystore passphrase from the file or the environment.
func (f *keystoreFlags) passphrase() (string, error) {
	return keys.Passphrase(f.passFile, "PHARMATRACE_PASSPHRASE")
}

// usageFunc prints a command's help: the text, then every flag with its default and env var.
func usageFunc(fs *flag.FlagSet, w io.Writer, text string) func() {
	return func() {
		fmt.Fprint(w, text)
		fmt.Fprint(w, "\nFlags (a flag wins over its environment variable):\n")
		fs.PrintDefaults()
	}
}
