// Package devnode runs an Ethereum node inside the process: the engine `geth --dev` runs
// (node.Node, eth.Ethereum, catalyst.SimulatedBeacon), sealing a block as soon as a transaction
// arrives, with its chain pinned to Osaka rules (chain.OsakaConfig) and kept in a data directory,
// so a restart resumes the same chain. It is the chain `pharmatrace demo` runs on.
//
// Layout of the data directory:
//
//	DIR/chain/geth/chaindata   the chain (LevelDB), geth's own datadir layout under DIR/chain
//	DIR/keystore               the dev accounts, go-ethereum keystore files (scrypt)
//
// The chain is written through to the OS block by block (LevelDB, hash state scheme, archive
// mode): a kill -9 loses at most the block being sealed, never one a client has already read.
// A power cut may lose more: nothing is fsynced per block.
package devnode

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/ethclient"
	gethlog "github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/pharmatrace/pharmatrace/chain"
)

// ChainID is the embedded chain's id: geth --dev's, so wallets and tools configured for a dev
// chain work unchanged.
const ChainID = 1337

// nodeName fixes the directory under DIR/chain that holds the databases. Left empty, go-ethereum
// names it after the running executable, and the test binary and `pharmatrace` would each open
// a different chain in the same directory.
const nodeName = "geth"

// DefaultBalance returns the balance a funded account receives when Config.Balance is nil: one
// million ether, many lifetimes of gas at the dev chain's fees.
func DefaultBalance() *big.Int {
	return new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))
}

// FaucetBalance returns the first dev account's genesis balance, 2^128 wei: enough to fund any
// number of accounts added later, far enough from 2^256 that nothing sent to it can overflow
// (geth --dev gives its developer account 2^256-9 wei, which a transfer of 9 wei would wrap).
func FaucetBalance() *big.Int { return new(big.Int).Lsh(big.NewInt(1), 128) }

// Config configures Start.
type Config struct {
	// DataDir holds the chain (DIR/chain) and the dev accounts' keys (DIR/keystore). Required.
	DataDir string
	// Fund lists accounts whose keys the caller keeps elsewhere, funded with Balance in the
	// genesis when the chain is created. On a later start, any of them found with no balance
	// (added since) is sent Balance from the faucet.
	Fund []common.Address
	// Accounts is how many dev accounts DIR/keystore holds; missing ones are generated at start
	// and funded like Fund. At least one: the first is the faucet, funded with FaucetBalance.
	// `pharmatrace demo` can ask for its whole consortium here and take Accounts() in order, or
	// bring its own keys through Fund. Every key file in DIR/keystore counts as a dev account:
	// keep the keys of Fund accounts in another directory.
	Accounts int
	// Passphrase encrypts the generated keys and decrypts them for Transactor.
	Passphrase string
	// LightKDF encrypts generated keys with scrypt's light parameters (as geth --dev does): a key
	// takes a hundredth of the time to create or unlock (here, about 0.1 s instead of 1.5-2.5 s
	// and 256 MB of memory for the standard parameters).
	LightKDF bool
	// Balance is what each funded account receives. Default DefaultBalance.
	Balance *big.Int
	// HTTPAddr, when set (host:port, port 0 for any), also serves JSON-RPC over HTTP and
	// WebSocket on that address, for external tools (a wallet, `pharmatrace index --rpc`).
	HTTPAddr string
	// Logger receives the node's own lines and go-ethereum's node-level ones. Default: discard.
	Logger *slog.Logger
	// GenesisTime is the time of the genesis block of a new chain. Default now. An earlier one
	// leaves room for history sealed with SetTime (the demo's two months).
	GenesisTime time.Time
}

// Node is a running embedded chain.
type Node struct {
	log     *slog.Logger
	dataDir string
	stack   *node.Node
	eth     *eth.Ethereum
	beacon  *catalyst.SimulatedBeacon
	client  *ethclient.Client
	keys    *keyring
	config  *params.ChainConfig
	created bool
	balance *big.Int

	faucetMu sync.Mutex // serialises the faucet's transfers

	quit     chan struct{}
	minerErr chan error // the sealing loop's exit

	closeOnce sync.Once
	closeErr  error

	clock clock // SetTime's override of block times
}

// Start opens (or, on first start, creates) the chain in cfg.DataDir and starts sealing. The
// context bounds the start only (key generation, the top-up of new accounts); the node runs until
// Close.
func Start(ctx context.Context, cfg Config) (*Node, error) {
	if cfg.DataDir == "" {
		return nil, errors.New("start dev node: a data directory is required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Balance == nil {
		cfg.Balance = DefaultBalance()
	}
	cfg.Accounts = max(cfg.Accounts, 1)
	dir, err := filepath.Abs(cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("start dev node: data directory %s: %w", cfg.DataDir, err)
	}
	keys, err := openKeyring(filepath.Join(dir, "keystore"), cfg.Passphrase, cfg.LightKDF)
	if err != nil {
		return nil, fmt.Errorf("start dev node: %w", err)
	}
	if err := keys.ensure(ctx, cfg.Accounts, cfg.Logger); err != nil {
		return nil, fmt.Errorf("start dev node: %w", err)
	}

	nodeConf, err := nodeConfig(filepath.Join(dir, "chain"), keys.dir, cfg)
	if err != nil {
		return nil, fmt.Errorf("start dev node: %w", err)
	}
	stack, err := node.New(nodeConf)
	if err != nil {
		return nil, fmt.Errorf("start dev node: open %s: %w", nodeConf.DataDir, err)
	}
	n := &Node{
		log: cfg.Logger, dataDir: dir, stack: stack, keys: keys, balance: cfg.Balance,
		quit: make(chan struct{}), minerErr: make(chan error, 1),
	}
	fail := func(err error) (*Node, error) {
		n.minerErr <- nil // no sealing loop to wait for
		_ = n.Close()
		return nil, fmt.Errorf("start dev node: %w", err)
	}

	funded := append(keys.addresses(), cfg.Fund...)
	genesis, err := n.genesis(funded[0], funded, cfg.Balance, cfg.GenesisTime)
	if err != nil {
		return fail(err)
	}
	n.created = genesis != nil
	ethConf := ethconfig.Defaults
	ethConf.Genesis = genesis // nil: the chain exists, keep its stored genesis and config
	ethConf.NetworkId = ChainID
	ethConf.SyncMode = ethconfig.FullSync
	// Hash scheme in archive mode writes each block's state to disk as the block is inserted;
	// the path scheme keeps the last 128 in memory, and a crash would rewind the chain below
	// what the indexer has already mirrored.
	ethConf.StateScheme = rawdb.HashScheme
	ethConf.NoPruning = true
	// No local-transaction journal: every transaction is sealed as soon as it arrives.
	ethConf.TxPool.NoLocals = true
	// No log index: eth_getLogs scans block blooms instead, quick on a dev chain's few thousand
	// blocks, while maintaining the index took more CPU per block than sealing it (time to mine
	// a transaction here: about 45 ms with it, 10-25 ms without, on the loaded 2-core machine).
	ethConf.LogNoHistory = true

	backend, err := eth.New(stack, &ethConf)
	if err != nil {
		return fail(fmt.Errorf("open chain in %s: %w", nodeConf.DataDir, err))
	}
	n.eth = backend
	n.config = backend.BlockChain().Config()
	// A reopened chain runs its stored rules: refuse one created otherwise (by geth --dev, say,
	// whose experimental forks price storage several times dearer) rather than run it unnoticed.
	// (genesis already checked a stored chain; this also covers a genesis just written.)
	if err := checkRules(n.config, nodeConf.DataDir); err != nil {
		return fail(err)
	}
	// Log filters and subscriptions (eth_getLogs, eth_subscribe) are a separate service; geth
	// registers it the same way (cmd/utils.RegisterFilterAPI).
	filterSystem := filters.NewFilterSystem(backend.APIBackend, filters.Config{
		LogCacheSize:  ethConf.FilterLogCacheSize,
		LogQueryLimit: ethConf.LogQueryLimit,
		RangeLimit:    ethConf.RangeLimit,
	})
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(filterSystem)}})
	if err := stack.Start(); err != nil {
		return fail(fmt.Errorf("start node in %s: %w", nodeConf.DataDir, err))
	}
	// Period 0 and no "dev" API: geth's own on-demand loop (catalyst.RegisterSimulatedBeaconAPIs)
	// is not stopped in step with the node, and a block sealed while the database closes panics.
	// Node.seal is that loop, joined by Close before the node stops.
	n.beacon, err = catalyst.NewSimulatedBeacon(0, common.Address{}, backend)
	if err != nil {
		return fail(fmt.Errorf("start block sealing: %w", err))
	}
	n.client = ethclient.NewClient(stack.Attach())
	// Subscribe before Start returns, so a transaction sent right after is announced.
	txs := make(chan core.NewTxsEvent, 64)
	sub := backend.TxPool().SubscribeTransactions(txs, true)
	go n.seal(txs, sub)

	head := backend.BlockChain().CurrentBlock()
	n.log.InfoContext(ctx, "dev node started",
		"datadir", dir, "created", n.created, "chain_id", n.config.ChainID, "head", head.Number,
		"forks", chain.ActiveForks(n.config, head.Number, head.Time), "accounts", len(keys.addresses()),
		"http", n.HTTPEndpoint())
	if !n.created {
		if err := n.topUp(ctx, funded, cfg.Balance); err != nil {
			_ = n.Close()
			return nil, fmt.Errorf("start dev node: %w", err)
		}
	}
	return n, nil
}

func nodeConfig(dir, keystoreDir string, cfg Config) (*node.Config, error) {
	c := node.DefaultConfig
	c.Name = nodeName
	// LevelDB hands every write to the OS before returning; geth's Pebble keeps writes in memory
	// until about half a megabyte has accumulated, so a kill -9 lost the last blocks, which the
	// indexer may already have mirrored (TestKillKeepsSealedBlocks). scripts/devnet.sh runs geth
	// on LevelDB for the same reason.
	c.DBEngine = "leveldb"
	c.DataDir = dir
	// The node's account manager stays empty (the keys are the keyring's), but the node creates
	// this directory whatever it is: make it the real one rather than a stray DIR/chain/geth/keystore.
	c.KeyStoreDir = keystoreDir
	c.P2P = p2p.Config{NoDiscovery: true, MaxPeers: 0, NoDial: true}
	c.Logger = gethlog.NewLogger(cfg.Logger.Handler())
	if cfg.HTTPAddr != "" {
		host, portStr, err := net.SplitHostPort(cfg.HTTPAddr)
		if err != nil {
			return nil, fmt.Errorf("http address %q: %w", cfg.HTTPAddr, err)
		}
		port, err := strconv.Atoi(portStr)
		if err != nil {
			return nil, fmt.Errorf("http address %q: port: %w", cfg.HTTPAddr, err)
		}
		// HTTP and WebSocket on one port (geth serves both when the ports are equal); the
		// indexer follows new heads over WebSocket.
		c.HTTPHost, c.HTTPPort = host, port
		c.WSHost, c.WSPort = host, port
		c.HTTPModules = []string{"eth", "net", "web3", "txpool"}
		c.WSModules = c.HTTPModules
		c.HTTPVirtualHosts = []string{"localhost", host}
	}
	return &c, nil
}

// genesis returns the genesis to create the chain with, or nil when the data directory already
// holds a chain: geth then keeps the stored genesis and configuration. Passing a genesis again
// would have to reproduce it byte for byte (the same funded accounts, in any order, with the same
// balances), and any difference is "database contains incompatible genesis".
func (n *Node) genesis(faucet common.Address, fund []common.Address, balance *big.Int, at time.Time) (*core.Genesis, error) {
	path := n.stack.ResolvePath("chaindata")
	if rawdb.PreexistingDatabase(path) != "" {
		db, err := n.stack.OpenDatabaseWithOptions("chaindata", node.DatabaseOptions{ReadOnly: true})
		if err != nil {
			return nil, fmt.Errorf("open chain in %s: %w", path, err)
		}
		stored := rawdb.ReadCanonicalHash(db, 0)
		var config *params.ChainConfig
		if stored != (common.Hash{}) {
			config = rawdb.ReadChainConfig(db, stored)
		}
		if err := db.Close(); err != nil {
			return nil, fmt.Errorf("close chain in %s: %w", path, err)
		}
		if stored != (common.Hash{}) {
			// Refuse a chain of other rules here, before the Ethereum service (and its goroutines,
			// which a node that never starts would not stop) exists.
			if err := checkRules(config, path); err != nil {
				return nil, err
			}
			return nil, nil
		}
		// A database without a genesis block: the first start stopped before writing it.
	}
	g := core.DeveloperGenesisBlock(ethconfig.Defaults.Miner.GasCeil, nil)
	g.Config = chain.OsakaConfig(big.NewInt(ChainID))
	// Only the genesis has a time of our choosing; later blocks take the wall clock, unless
	// SetTime says otherwise.
	if at.IsZero() {
		at = time.Now()
	}
	g.Timestamp = uint64(at.Unix())
	for _, a := range fund {
		g.Alloc[a] = types.Account{Balance: new(big.Int).Set(balance)}
	}
	g.Alloc[faucet] = types.Account{Balance: FaucetBalance()}
	return g, nil
}

// forkSchedule names the forks a chain runs now and the ones it would switch on later.
func forkSchedule(cfg *params.ChainConfig) string {
	const later = math.MaxUint64 / 2
	return chain.ActiveForks(cfg, big.NewInt(0), uint64(time.Now().Unix())) + " / later: " +
		chain.ActiveForks(cfg, new(big.Int).SetUint64(later), later)
}

// Client returns an RPC client connected to the node in process (no network): it satisfies
// chain.Backend and also serves subscriptions. It is closed by Close.
func (n *Node) Client() *ethclient.Client { return n.client }

// ChainConfig returns the chain's rules as stored in its genesis.
func (n *Node) ChainConfig() *params.ChainConfig { return n.config }

// Created reports whether this start created the chain (its genesis), rather than reopening it.
func (n *Node) Created() bool { return n.created }

// DataDir returns the absolute data directory.
func (n *Node) DataDir() string { return n.dataDir }

// KeystoreDir returns the directory holding the dev accounts' key files.
func (n *Node) KeystoreDir() string { return n.keys.dir }

// HTTPEndpoint returns the JSON-RPC URL (http://host:port) when Config.HTTPAddr was set, else "".
func (n *Node) HTTPEndpoint() string {
	if n.stack.Config().HTTPHost == "" {
		return ""
	}
	return n.stack.HTTPEndpoint()
}

// WSEndpoint returns the WebSocket JSON-RPC URL (ws://host:port) when Config.HTTPAddr was set,
// else "".
func (n *Node) WSEndpoint() string {
	if n.stack.Config().WSHost == "" {
		return ""
	}
	return n.stack.WSEndpoint()
}

// Close stops sealing, closes the client and the node, and releases the data directory. It is
// safe to call more than once.
func (n *Node) Close() error {
	n.closeOnce.Do(func() {
		close(n.quit)
		// The sealing loop first: a block sealed while the node stops would write to a closed
		// database.
		err := <-n.minerErr
		if n.client != nil {
			n.client.Close()
		}
		if n.beacon != nil {
			err = errors.Join(err, n.beacon.Stop())
		}
		if cerr := n.stack.Close(); cerr != nil && !errors.Is(cerr, node.ErrNodeStopped) {
			err = errors.Join(err, fmt.Errorf("close node: %w", cerr))
		}
		n.closeErr = err
		if n.closeErr == nil {
			n.log.Info("dev node stopped", "datadir", n.dataDir)
		}
	})
	return n.closeErr
}

// checkRules refuses a stored chain that does not run the dev chain's id and Osaka rules.
func checkRules(config *params.ChainConfig, where string) error {
	if config == nil {
		return fmt.Errorf("chain in %s has no stored configuration: use another data directory", where)
	}
	if id := config.ChainID; id == nil || id.Cmp(big.NewInt(ChainID)) != 0 {
		return fmt.Errorf("chain in %s has chain id %v, not the dev chain's %d", where, id, ChainID)
	}
	if got, want := forkSchedule(config), forkSchedule(chain.OsakaConfig(big.NewInt(ChainID))); got != want {
		return fmt.Errorf("chain in %s runs forks %s, not the Osaka rules (%s): use another data directory", where, got, want)
	}
	return nil
}

// ensureDir is os.MkdirAll with the error naming what it was for.
func ensureDir(dir, what string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create %s directory %s: %w", what, dir, err)
	}
	return nil
}
