// Package gethtest runs a real geth node for tests: `geth --dev` of the go-ethereum version pinned
// in go.mod (built once into a cache directory, shared with scripts/devnet.sh), on free loopback
// ports with a temporary datadir, its chain pinned to Osaka rules (see Genesis). Use it where the
// simulated chain is not enough: a real JSON-RPC server over HTTP and WebSocket, a node that can be
// stopped, killed and restarted with its chain intact.
//
// The first use builds geth (several minutes: run `go test` with -timeout 30m, or
// `scripts/devnet.sh --build-only` beforehand). PHARMATRACE_SKIP_GETH=1 skips the tests instead.
package gethtest

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/pharmatrace/pharmatrace/chain"
)

// TB is the part of testing.TB that gethtest uses (chaintest.TB plus Logf and Skipf). *testing.T
// and *testing.B satisfy it.
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
	Cleanup(func())
	Logf(format string, args ...any)
	Skipf(format string, args ...any)
}

// Options configure Start. The zero value is a fine default.
type Options struct {
	// Fund lists accounts funded with FundWei each from the dev account once the node is up.
	Fund []common.Address
	// FundWei is what each account in Fund receives. Default 1000 ether.
	FundWei *big.Int
	// DataDir is the node's datadir. Default: a fresh t.TempDir(). A datadir that already holds a
	// chain is used as it is (no genesis is written).
	DataDir string
	// Binary is the geth binary. Default: Binary (cached, built if missing).
	Binary string
	// DefaultStorage runs geth's default storage (pebble, path scheme) instead of the crash-safe
	// one (leveldb, hash scheme, archive mode: every sealed block and its state reach the OS
	// before the block's receipt is served). Under the defaults a SIGKILL loses the latest blocks
	// — pebble buffers its write-ahead log in the process, the path scheme keeps recent state in
	// memory — so after Kill and Restart the head goes back, to genesis on a young chain. Use it
	// to test what a client does when the node's head goes backwards.
	DefaultStorage bool
	// Verbosity is geth's log level (0-5). Default 3 (info). The log is DataDir/geth.log.
	Verbosity int
	// ExtraArgs are appended to geth's command line.
	ExtraArgs []string
	// StartTimeout bounds the wait for the RPC server. Default 2 minutes.
	StartTimeout time.Duration
}

// Node is a running (or stopped) geth --dev node.
type Node struct {
	HTTPURL string // http://127.0.0.1:<port>
	WSURL   string // ws://127.0.0.1:<port>
	IPCPath string // the IPC socket: every RPC namespace, admin and debug included
	DataDir string
	LogPath string
	ChainID *big.Int
	// DevKey is the funded developer account's key (DevKeyHex) and Dev its transactor. Fund sends
	// from it too: don't send from Dev while a Fund runs.
	DevKey *ecdsa.PrivateKey
	Dev    *bind.TransactOpts
	// Client talks to the node over HTTP (see Client for its one difference from ethclient).
	// It keeps working across Restart.
	Client *Client

	t        TB
	bin      string
	opts     Options
	httpPort int
	wsPort   int

	mu   sync.Mutex // guards proc
	proc *process

	fundMu sync.Mutex // serialises the dev account's nonces
}

type process struct {
	cmd  *exec.Cmd
	log  *os.File
	done chan struct{}
	err  error
}

// Start builds or finds geth, starts a dev node and waits until its RPC answers. The node is
// stopped when the test ends. If PHARMATRACE_SKIP_GETH=1 the test is skipped.
func Start(t TB, opts Options) *Node {
	t.Helper()
	if os.Getenv(SkipEnv) == "1" {
		t.Skipf("%s=1: not running geth", SkipEnv)
	}
	if opts.FundWei == nil {
		opts.FundWei = new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))
	}
	if opts.StartTimeout <= 0 {
		opts.StartTimeout = 2 * time.Minute
	}
	if opts.Verbosity == 0 {
		opts.Verbosity = 3
	}
	bin := opts.Binary
	if bin == "" {
		var err error
		if bin, err = Binary(context.Background(), t.Logf); err != nil {
			t.Fatalf("geth binary: %v", err)
		}
	}
	dir := opts.DataDir
	if dir == "" {
		dir = tempDir(t)
	}
	key := DevKey()
	n := &Node{
		DataDir: dir,
		LogPath: filepath.Join(dir, "geth.log"),
		IPCPath: ipcPath(dir),
		ChainID: big.NewInt(ChainID),
		DevKey:  key,
		Dev:     bind.NewKeyedTransactor(key, big.NewInt(ChainID)),
		t:       t,
		bin:     bin,
		opts:    opts,
	}
	if err := n.initChain(); err != nil {
		t.Fatalf("%v", err)
	}
	t.Cleanup(n.cleanup)

	// A free port found now may be taken by the time geth binds it: retry with new ones.
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if n.httpPort, n.wsPort, err = freePorts(); err != nil {
			t.Fatalf("find free ports: %v", err)
		}
		if err = n.start(); err == nil || !strings.Contains(err.Error(), "address already in use") {
			break
		}
	}
	if err != nil {
		t.Fatalf("start geth: %v", err)
	}
	n.HTTPURL = fmt.Sprintf("http://127.0.0.1:%d", n.httpPort)
	n.WSURL = fmt.Sprintf("ws://127.0.0.1:%d", n.wsPort)
	rc, err := chain.DialRPC(context.Background(), n.HTTPURL) // uncompressed on loopback, as production dials it
	if err != nil {
		t.Fatalf("dial %s: %v", n.HTTPURL, err)
	}
	n.Client = &Client{Client: ethclient.NewClient(rc)}
	ctx, cancel := context.WithTimeout(context.Background(), opts.StartTimeout)
	defer cancel()
	id, err := n.Client.ChainID(ctx)
	if err != nil {
		t.Fatalf("read chain id: %v", err)
	}
	if id.Cmp(n.ChainID) != 0 {
		t.Fatalf("geth reports chain id %s, want %s (datadir %s holds another chain?)", id, n.ChainID, dir)
	}
	for _, a := range opts.Fund {
		if err := n.Fund(ctx, a, opts.FundWei); err != nil {
			t.Fatalf("fund %s: %v", a, err)
		}
	}
	return n
}

// tempDir is a short temporary directory: the IPC socket path inside it must fit in 108 bytes.
func tempDir(t TB) string {
	dir, err := os.MkdirTemp("", "gethtest-")
	if err != nil {
		t.Fatalf("temp dir: %v", err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	return dir
}

func ipcPath(dir string) string {
	p := filepath.Join(dir, "geth.ipc")
	if len(p) < 100 {
		return p
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("gethtest-%d-%d.ipc", os.Getpid(), time.Now().UnixNano()))
}

// storageArgs are the storage flags for `geth init` (init) or the node.
func (n *Node) storageArgs(init bool) []string {
	if n.opts.DefaultStorage {
		return nil
	}
	if init {
		return []string{"--db.engine", "leveldb", "--state.scheme", "hash"}
	}
	return []string{"--db.engine", "leveldb", "--state.scheme", "hash", "--gcmode", "archive"}
}

// initChain writes the Osaka-pinned genesis into a datadir that holds no chain yet.
func (n *Node) initChain() error {
	if _, err := os.Stat(filepath.Join(n.DataDir, "geth", "chaindata")); err == nil {
		return nil
	}
	if err := os.MkdirAll(n.DataDir, 0o755); err != nil {
		return err
	}
	gen := filepath.Join(n.DataDir, "genesis.json")
	if err := WriteGenesis(gen); err != nil {
		return err
	}
	args := append(append([]string{"init", "--datadir", n.DataDir}, n.storageArgs(true)...), gen)
	out, err := exec.Command(n.bin, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("geth init: %w\n%s", err, tail(string(out), 4000))
	}
	return nil
}

func (n *Node) args() []string {
	args := []string{
		"--dev", "--dev.period", "0",
		"--datadir", n.DataDir,
		"--ipcpath", n.IPCPath,
		"--http", "--http.addr", "127.0.0.1", "--http.port", strconv.Itoa(n.httpPort),
		"--http.api", "eth,net,web3,txpool,debug",
		"--ws", "--ws.addr", "127.0.0.1", "--ws.port", strconv.Itoa(n.wsPort),
		"--ws.api", "eth,net,web3,txpool,debug",
		"--nodiscover", "--maxpeers", "0",
		"--verbosity", strconv.Itoa(n.opts.Verbosity),
	}
	args = append(args, n.storageArgs(false)...)
	return append(args, n.opts.ExtraArgs...)
}

// start launches geth and waits until its HTTP RPC answers or it exits.
func (n *Node) start() error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.proc != nil {
		return errors.New("already running")
	}
	logf, err := os.OpenFile(n.LogPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	offset, _ := logf.Seek(0, 2)
	fmt.Fprintf(logf, "==== gethtest: %s %s\n", n.bin, strings.Join(n.args(), " "))
	cmd := exec.Command(n.bin, n.args()...)
	cmd.Stdout, cmd.Stderr = logf, logf
	ownProcess(cmd)
	p := &process{cmd: cmd, log: logf, done: make(chan struct{})}
	// Pdeathsig fires when the OS thread that started the child exits, not the process: start
	// and wait on one locked thread, which then lives exactly as long as geth.
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		p.err = cmd.Wait()
		close(p.done)
	}()
	if err := <-started; err != nil {
		logf.Close()
		return err
	}

	url := fmt.Sprintf("http://127.0.0.1:%d", n.httpPort)
	deadline := time.Now().Add(n.opts.StartTimeout)
	for {
		select {
		case <-p.done:
			logf.Close()
			return fmt.Errorf("geth exited (%v) before its RPC answered; log %s:\n%s", p.err, n.LogPath, n.logSince(offset))
		default:
		}
		if rpcAnswers(url) {
			n.proc = p
			return nil
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			<-p.done
			logf.Close()
			return fmt.Errorf("geth's RPC at %s did not answer within %s; log %s:\n%s", url, n.opts.StartTimeout, n.LogPath, n.logSince(offset))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func rpcAnswers(url string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c, err := rpc.DialContext(ctx, url)
	if err != nil {
		return false
	}
	defer c.Close()
	var id string
	return c.CallContext(ctx, &id, "eth_chainId") == nil
}

func (n *Node) logSince(offset int64) string {
	b, err := os.ReadFile(n.LogPath)
	if err != nil {
		return err.Error()
	}
	if offset <= int64(len(b)) {
		b = b[offset:]
	}
	return tail(string(b), 6000)
}

// Running says whether the geth process is alive.
func (n *Node) Running() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.proc == nil {
		return false
	}
	select {
	case <-n.proc.done:
		return false
	default:
		return true
	}
}

// PID is the geth process id, 0 when stopped.
func (n *Node) PID() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.proc == nil {
		return 0
	}
	return n.proc.cmd.Process.Pid
}

// Stop shuts geth down cleanly (SIGTERM, then SIGKILL after 60 s). Stopping a stopped node does
// nothing.
func (n *Node) Stop() {
	n.t.Helper()
	if err := n.stop(syscall.SIGTERM, time.Minute); err != nil {
		n.t.Fatalf("stop geth: %v", err)
	}
}

// Kill kills geth with SIGKILL, as a crash would. With the crash-safe storage (the default) every
// sealed block survives; see Options.DefaultStorage.
func (n *Node) Kill() {
	n.t.Helper()
	if err := n.stop(syscall.SIGKILL, 0); err != nil {
		n.t.Fatalf("kill geth: %v", err)
	}
}

func (n *Node) stop(sig syscall.Signal, grace time.Duration) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	p := n.proc
	if p == nil {
		return nil
	}
	n.proc = nil
	defer p.log.Close()
	select {
	case <-p.done:
		return nil // already gone
	default:
	}
	_ = p.cmd.Process.Signal(sig)
	if grace > 0 {
		select {
		case <-p.done:
			return nil
		case <-time.After(grace):
			_ = p.cmd.Process.Kill()
		}
	}
	select {
	case <-p.done:
		return nil
	case <-time.After(30 * time.Second):
		return fmt.Errorf("pid %d does not exit", p.cmd.Process.Pid)
	}
}

// Restart stops geth if it runs (cleanly) and starts it again on the same datadir and ports: the
// chain, the dev account and the URLs stay the same. To restart after a crash, Kill then Restart.
func (n *Node) Restart() {
	n.t.Helper()
	if err := n.stop(syscall.SIGTERM, time.Minute); err != nil {
		n.t.Fatalf("stop geth: %v", err)
	}
	if err := n.start(); err != nil {
		n.t.Fatalf("restart geth on ports %d/%d: %v", n.httpPort, n.wsPort, err)
	}
}

func (n *Node) cleanup() {
	if f, ok := n.t.(interface{ Failed() bool }); ok && f.Failed() {
		if b, err := os.ReadFile(n.LogPath); err == nil {
			n.t.Logf("geth log (%s), last lines:\n%s", n.LogPath, tail(string(b), 4000))
		}
	}
	if n.Client != nil {
		n.Client.Close()
	}
	if err := n.stop(syscall.SIGTERM, time.Minute); err != nil {
		n.t.Logf("stop geth: %v", err)
	}
}

// Fund sends wei from the dev account to addr and waits until it is mined.
func (n *Node) Fund(ctx context.Context, addr common.Address, wei *big.Int) error {
	n.fundMu.Lock()
	defer n.fundMu.Unlock()
	nonce, err := n.Client.PendingNonceAt(ctx, DevAddress)
	if err != nil {
		return fmt.Errorf("read dev account nonce: %w", err)
	}
	head, err := n.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("read head: %w", err)
	}
	tip, err := n.Client.SuggestGasTipCap(ctx)
	if err != nil {
		return fmt.Errorf("suggest tip: %w", err)
	}
	gas, err := n.Client.EstimateGas(ctx, ethereum.CallMsg{From: DevAddress, To: &addr, Value: wei})
	if err != nil {
		return fmt.Errorf("estimate gas: %w", err)
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	tx, err := types.SignNewTx(n.DevKey, types.LatestSignerForChainID(n.ChainID), &types.DynamicFeeTx{
		ChainID: n.ChainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: &addr, Value: wei,
	})
	if err != nil {
		return err
	}
	if err := n.Client.SendTransaction(ctx, tx); err != nil {
		return fmt.Errorf("send: %w", err)
	}
	rcpt, err := n.WaitMined(ctx, tx.Hash())
	if err != nil {
		return err
	}
	if rcpt.Status != types.ReceiptStatusSuccessful {
		return fmt.Errorf("transfer %s failed", tx.Hash())
	}
	return nil
}

// WaitMined polls every 20 ms for a transaction's receipt (bind.WaitMined polls once a second).
func (n *Node) WaitMined(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	for {
		rcpt, err := n.Client.TransactionReceipt(ctx, hash)
		if err == nil {
			return rcpt, nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			return nil, fmt.Errorf("receipt of %s: %w", hash, err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("wait for %s: %w", hash, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// ChainConfig is the chain configuration the running node uses (admin_nodeInfo over IPC).
func (n *Node) ChainConfig(ctx context.Context) (*params.ChainConfig, error) {
	c, err := rpc.DialIPC(ctx, n.IPCPath)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", n.IPCPath, err)
	}
	defer c.Close()
	var info struct {
		Protocols struct {
			Eth struct {
				Config *params.ChainConfig `json:"config"`
			} `json:"eth"`
		} `json:"protocols"`
	}
	if err := c.CallContext(ctx, &info, "admin_nodeInfo"); err != nil {
		return nil, fmt.Errorf("admin_nodeInfo: %w", err)
	}
	if info.Protocols.Eth.Config == nil {
		return nil, errors.New("admin_nodeInfo has no eth chain config")
	}
	return info.Protocols.Eth.Config, nil
}

// freePorts returns two distinct free loopback TCP ports.
func freePorts() (int, int, error) {
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	var ports []int
	for range 2 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return 0, 0, err
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports[0], ports[1], nil
}
