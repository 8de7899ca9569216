package devnode_test

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethdb/leveldb"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/triedb"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/devnode"
)

const passphrase = "correct horse battery staple"

func start(t testing.TB, cfg devnode.Config) *devnode.Node {
	t.Helper()
	if cfg.Passphrase == "" {
		cfg.Passphrase = passphrase
	}
	cfg.LightKDF = true
	n, err := devnode.Start(context.Background(), cfg)
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	t.Cleanup(func() { _ = n.Close() })
	return n
}

func deploy(t *testing.T, n *devnode.Node) (*chain.Client, chain.Addresses) {
	t.Helper()
	ctx := t.Context()
	regulator, err := n.Transactor(n.Accounts()[0])
	if err != nil {
		t.Fatalf("regulator transactor: %v", err)
	}
	addrs, err := chain.Deploy(ctx, n.Client(), regulator, chain.DeployOptions{
		RegulatorGLN: 5412345000013, RegulatorName: "Dev Medicines Agency", PollInterval: time.Millisecond,
	})
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	return client(t, n, addrs), addrs
}

func client(t *testing.T, n *devnode.Node, addrs chain.Addresses) *chain.Client {
	t.Helper()
	c, err := chain.New(t.Context(), n.Client(), chain.Options{Addresses: addrs, PollInterval: time.Millisecond})
	if err != nil {
		t.Fatalf("chain client: %v", err)
	}
	return c
}

func address(name string) common.Address {
	return crypto.PubkeyToAddress(mustKey(name).PublicKey)
}

func mustKey(name string) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("devnode test " + name)))
	if err != nil {
		panic(err)
	}
	return k
}

// The chain, its contracts and their state survive a restart, and a restart with a different
// Fund list neither fails on the stored genesis nor leaves the new account unfunded.
func TestRestartKeepsChain(t *testing.T) {
	dir := t.TempDir()
	ctx := t.Context()
	outside := address("outside")

	n := start(t, devnode.Config{DataDir: dir, Accounts: 2, Fund: []common.Address{outside}})
	if !n.Created() {
		t.Fatal("first start: Created() = false")
	}
	accts := n.Accounts()
	if len(accts) != 2 {
		t.Fatalf("accounts: got %d, want 2", len(accts))
	}
	for a, want := range map[common.Address]*big.Int{
		accts[0]: devnode.FaucetBalance(),
		accts[1]: devnode.DefaultBalance(),
		outside:  devnode.DefaultBalance(),
	} {
		bal, err := n.Client().BalanceAt(ctx, a, big.NewInt(0))
		if err != nil {
			t.Fatalf("balance of %s: %v", a, err)
		}
		if bal.Cmp(want) != 0 {
			t.Errorf("genesis balance of %s: got %s, want %s", a, bal, want)
		}
	}
	if forks := chain.ActiveForks(n.ChainConfig(), big.NewInt(1), uint64(time.Now().Unix())); !strings.HasSuffix(forks, "Osaka") {
		t.Errorf("active forks: got %q, want Osaka last", forks)
	}

	c, addrs := deploy(t, n)
	regulator, _ := n.Transactor(accts[0])
	manufacturer := accts[1]
	if _, err := c.RegisterParticipant(ctx, regulator, manufacturer, chain.RoleManufacturer, 5412345000020, "Acme Pharma"); err != nil {
		t.Fatalf("register participant: %v", err)
	}
	before, err := n.Client().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatalf("head: %v", err)
	}
	if before.Number.Uint64() != 3 {
		t.Errorf("head after 3 transactions: got block %d, want 3", before.Number)
	}
	if err := n.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}

	late := address("late")
	n = start(t, devnode.Config{DataDir: dir, Accounts: 3, Fund: []common.Address{late, outside}})
	if n.Created() {
		t.Error("restart: Created() = true, want the stored chain reopened")
	}
	same, err := n.Client().HeaderByNumber(ctx, before.Number)
	if err != nil {
		t.Fatalf("block %d after restart: %v", before.Number, err)
	}
	if same.Hash() != before.Hash() {
		t.Errorf("block %d after restart: hash %s, want %s", before.Number, same.Hash(), before.Hash())
	}
	if got := n.Accounts(); len(got) != 3 || got[0] != accts[0] || got[1] != accts[1] {
		t.Errorf("accounts after restart: got %v, want %v and one more", got, accts)
	}
	c = client(t, n, addrs)
	p, err := c.Participant(ctx, manufacturer)
	if err != nil {
		t.Fatalf("read participant: %v", err)
	}
	if p.Role != chain.RoleManufacturer || !p.Active || p.GLN != 5412345000020 {
		t.Errorf("participant after restart: got %+v, want active manufacturer 5412345000020", p)
	}
	// The accounts added since the genesis are funded by the faucet.
	for _, a := range []common.Address{late, n.Accounts()[2]} {
		bal, err := n.Client().BalanceAt(ctx, a, nil)
		if err != nil {
			t.Fatalf("balance of %s: %v", a, err)
		}
		if bal.Cmp(devnode.DefaultBalance()) != 0 {
			t.Errorf("balance of %s added after genesis: got %s, want %s", a, bal, devnode.DefaultBalance())
		}
	}
	// And the chain goes on.
	if _, err := c.RegisterParticipant(ctx, regulator, n.Accounts()[2], chain.RolePharmacy, 5412345000037, "Corner Pharmacy"); err != nil {
		t.Fatalf("register participant after restart: %v", err)
	}
	head, err := n.Client().BlockNumber(ctx)
	if err != nil {
		t.Fatalf("block number: %v", err)
	}
	if head <= before.Number.Uint64() {
		t.Errorf("head after restart and a transaction: got %d, want above %d", head, before.Number)
	}
}

func transfer(t testing.TB, n *devnode.Node, from *ecdsa.PrivateKey, nonce uint64, to common.Address) *types.Transaction {
	t.Helper()
	tx, err := types.SignNewTx(from, types.LatestSignerForChainID(n.ChainConfig().ChainID), &types.DynamicFeeTx{
		ChainID:   n.ChainConfig().ChainID,
		Nonce:     nonce,
		GasTipCap: big.NewInt(params.GWei),
		GasFeeCap: big.NewInt(10 * params.GWei),
		Gas:       params.TxGas,
		To:        &to,
		Value:     big.NewInt(1),
	})
	if err != nil {
		t.Fatalf("sign: %v", err)
	}
	if err := n.Client().SendTransaction(context.Background(), tx); err != nil {
		t.Fatalf("send: %v", err)
	}
	return tx
}

func waitMined(t testing.TB, c *ethclient.Client, hash common.Hash) *types.Receipt {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if r, err := c.TransactionReceipt(context.Background(), hash); err == nil {
			return r
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("tx %s not mined within 30s", hash)
	return nil
}

// Transactions sent back to back, without waiting, are all sealed, and block times follow the
// wall clock (ahead of it by at most one second per block sealed in the same second).
func TestQuickTransactionsMine(t *testing.T) {
	n := start(t, devnode.Config{DataDir: t.TempDir()})
	key, err := n.Key(n.Accounts()[0])
	if err != nil {
		t.Fatalf("key: %v", err)
	}
	begin := time.Now()
	a := transfer(t, n, key, 0, address("a"))
	b := transfer(t, n, key, 1, address("b"))
	ra, rb := waitMined(t, n.Client(), a.Hash()), waitMined(t, n.Client(), b.Hash())
	for _, r := range []*types.Receipt{ra, rb} {
		if r.Status != types.ReceiptStatusSuccessful {
			t.Errorf("tx %s: status %d", r.TxHash, r.Status)
		}
	}

	const more = 20
	sent := time.Now()
	for i := range uint64(more) {
		waitMined(t, n.Client(), transfer(t, n, key, 2+i, address("c")).Hash())
	}
	t.Logf("time to mine, send to receipt: %v a transaction over %d in a row", time.Since(sent)/more, more)
	head, err := n.Client().BlockNumber(t.Context())
	if err != nil {
		t.Fatalf("block number: %v", err)
	}
	end := time.Now()
	prev := uint64(0)
	for i := uint64(1); i <= head; i++ {
		h, err := n.Client().HeaderByNumber(t.Context(), new(big.Int).SetUint64(i))
		if err != nil {
			t.Fatalf("header %d: %v", i, err)
		}
		if h.Time <= prev {
			t.Errorf("block %d time %d not after its parent's %d", i, h.Time, prev)
		}
		prev = h.Time
		if h.Time < uint64(begin.Unix()) || h.Time > uint64(end.Unix())+head {
			t.Errorf("block %d time %s, want between %s and %s plus one second a block",
				i, time.Unix(int64(h.Time), 0), begin.Truncate(time.Second), end)
		}
	}
	if head > 2+more {
		t.Errorf("head: got %d blocks for %d transactions: empty blocks sealed", head, 2+more)
	}
}

// A second node cannot open a data directory in use, and Close releases it.
func TestDataDirLocked(t *testing.T) {
	dir := t.TempDir()
	n := start(t, devnode.Config{DataDir: dir})
	if _, err := devnode.Start(t.Context(), devnode.Config{DataDir: dir, Passphrase: passphrase, LightKDF: true}); err == nil {
		t.Fatal("second start on a data directory in use: no error")
	}
	if err := n.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if err := n.Close(); err != nil {
		t.Errorf("second close: %v", err)
	}
	start(t, devnode.Config{DataDir: dir})
}

func TestWrongPassphrase(t *testing.T) {
	dir := t.TempDir()
	n := start(t, devnode.Config{DataDir: dir})
	acct := n.Accounts()[0]
	if err := n.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	n = start(t, devnode.Config{DataDir: dir, Passphrase: "wrong"})
	if _, err := n.Transactor(acct); err == nil {
		t.Error("transactor with the wrong passphrase: no error")
	}
	if _, err := n.Transactor(address("stranger")); err == nil {
		t.Error("transactor for an account not in the keystore: no error")
	}
}

func TestHTTPEndpoint(t *testing.T) {
	n := start(t, devnode.Config{DataDir: t.TempDir(), HTTPAddr: "127.0.0.1:0"})
	for _, url := range []string{n.HTTPEndpoint(), n.WSEndpoint()} {
		c, err := ethclient.DialContext(t.Context(), url)
		if err != nil {
			t.Fatalf("dial %s: %v", url, err)
		}
		id, err := c.ChainID(t.Context())
		c.Close()
		if err != nil {
			t.Fatalf("chain id over %s: %v", url, err)
		}
		if id.Int64() != devnode.ChainID {
			t.Errorf("chain id over %s: got %s, want %d", url, id, devnode.ChainID)
		}
	}
	if off := start(t, devnode.Config{DataDir: t.TempDir()}); off.HTTPEndpoint() != "" || off.WSEndpoint() != "" {
		t.Errorf("endpoints without HTTPAddr: got %q, %q, want none", off.HTTPEndpoint(), off.WSEndpoint())
	}
}

// Close stops every goroutine the node started.
func TestCloseLeavesNoGoroutines(t *testing.T) {
	n := start(t, devnode.Config{DataDir: t.TempDir(), HTTPAddr: "127.0.0.1:0"})
	key, err := n.Key(n.Accounts()[0])
	if err != nil {
		t.Fatalf("key: %v", err)
	}
	// Close right behind a transaction, while its block may still be sealing.
	transfer(t, n, key, 0, address("a"))
	if err := n.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	var left []string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if left = gethGoroutines(); len(left) == 0 {
			return
		}
	}
	t.Errorf("%d goroutines still running go-ethereum code after Close:\n%s", len(left), strings.Join(left, "\n\n"))
}

func gethGoroutines() []string {
	buf := make([]byte, 1<<22)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		// The sender cacher is a process-wide singleton started once, by whichever node comes first.
		if strings.Contains(g, "core.(*txSenderCacher).cache") {
			continue
		}
		if strings.Contains(g, "github.com/ethereum/go-ethereum") || strings.Contains(g, "chain/devnode.") && !strings.Contains(g, "devnode_test.") {
			out = append(out, g)
		}
	}
	return out
}

// BenchmarkTimeToMine measures a value transfer from send to receipt: the latency a caller of
// chain.Client sees on the embedded chain, per transaction.
func BenchmarkTimeToMine(b *testing.B) {
	n := start(b, devnode.Config{DataDir: b.TempDir()})
	key, err := n.Key(n.Accounts()[0])
	if err != nil {
		b.Fatalf("key: %v", err)
	}
	to := address("to")
	nonce := uint64(0)
	for b.Loop() {
		waitMined(b, n.Client(), transfer(b, n, key, nonce, to).Hash())
		nonce++
	}
}

// A kill -9 loses no sealed block: what a mirror has read stays on the chain. The test runs
// itself as the node's process and kills it.
func TestKillKeepsSealedBlocks(t *testing.T) {
	if dir := os.Getenv("DEVNODE_CRASH_DIR"); dir != "" {
		crashChild(t, dir)
		return
	}
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillKeepsSealedBlocks$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DEVNODE_CRASH_DIR="+dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start child: %v", err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	var number uint64
	var hash string
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		if _, err := fmt.Sscanf(lines.Text(), "SEALED %d %s", &number, &hash); err == nil {
			break
		}
	}
	if hash == "" {
		t.Fatalf("child exited without reporting its head: %v", lines.Err())
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill child: %v", err)
	}
	_ = cmd.Wait()

	n := start(t, devnode.Config{DataDir: dir})
	h, err := n.Client().HeaderByNumber(t.Context(), new(big.Int).SetUint64(number))
	if err != nil {
		t.Fatalf("block %d after kill -9: %v", number, err)
	}
	if h.Hash().Hex() != hash {
		t.Errorf("block %d after kill -9: hash %s, want %s", number, h.Hash().Hex(), hash)
	}
	// Its state too: the account that sent the transactions has their nonce.
	nonce, err := n.Client().NonceAt(t.Context(), n.Accounts()[0], nil)
	if err != nil {
		t.Fatalf("nonce: %v", err)
	}
	if nonce != number {
		t.Errorf("faucet nonce after kill -9: got %d, want %d (one transaction a block)", nonce, number)
	}
}

func crashChild(t *testing.T, dir string) {
	n, err := devnode.Start(context.Background(), devnode.Config{DataDir: dir, Passphrase: passphrase, LightKDF: true})
	if err != nil {
		t.Fatalf("child start: %v", err)
	}
	key, err := n.Key(n.Accounts()[0])
	if err != nil {
		t.Fatalf("child key: %v", err)
	}
	var last *types.Receipt
	for i := range uint64(5) {
		last = waitMined(t, n.Client(), transfer(t, n, key, i, address("x")).Hash())
	}
	fmt.Printf("SEALED %d %s\n", last.BlockNumber, last.BlockHash.Hex())
	time.Sleep(time.Minute) // killed long before
}

// A data directory holding a chain with other rules (geth --dev's experimental forks) is refused,
// not run.
func TestRefusesOtherRules(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "chain", "geth", "chaindata")
	kv, err := leveldb.New(path, 16, 16, "", false)
	if err != nil {
		t.Fatalf("create database: %v", err)
	}
	db, err := rawdb.Open(kv, rawdb.OpenOptions{Ancient: filepath.Join(path, "ancient")})
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	core.DeveloperGenesisBlock(30_000_000, nil).MustCommit(db, triedb.NewDatabase(db, triedb.HashDefaults))
	if err := db.Close(); err != nil {
		t.Fatalf("close database: %v", err)
	}
	_, err = devnode.Start(t.Context(), devnode.Config{DataDir: dir, Passphrase: passphrase, LightKDF: true})
	if err == nil || !strings.Contains(err.Error(), "not the Osaka rules") {
		t.Fatalf("start on a geth --dev chain: got %v, want a refusal naming the rules", err)
	}
}

// Accounts created while the node runs are funded from the faucet, also by concurrent callers.
func TestFund(t *testing.T) {
	n := start(t, devnode.Config{DataDir: t.TempDir(), Balance: big.NewInt(params.Ether)})
	accounts := []common.Address{address("f1"), address("f2"), address("f3")}
	errs := make(chan error, 2)
	go func() { errs <- n.Fund(t.Context(), accounts[0], accounts[1]) }()
	go func() { errs <- n.Fund(t.Context(), accounts[2]) }()
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatalf("fund: %v", err)
		}
	}
	for _, a := range accounts {
		bal, err := n.Client().BalanceAt(t.Context(), a, nil)
		if err != nil {
			t.Fatalf("balance of %s: %v", a, err)
		}
		if bal.Cmp(big.NewInt(params.Ether)) != 0 {
			t.Errorf("balance of %s: got %s, want 1 ether", a, bal)
		}
	}
}

// TestSetTime seals blocks in the past of a chain with an old genesis, then back on the wall clock.
func TestSetTime(t *testing.T) {
	ctx := context.Background()
	genesis := time.Now().AddDate(0, 0, -90).Truncate(time.Second)
	n, err := devnode.Start(ctx, devnode.Config{DataDir: t.TempDir(), Accounts: 2, Passphrase: "p", LightKDF: true, GenesisTime: genesis})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	accts := n.Accounts()
	at := genesis.AddDate(0, 0, 30)
	n.SetTime(at)
	if err := n.Fund(ctx, accts[1]); err != nil {
		t.Fatal(err)
	}
	h, err := n.Client().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := time.Unix(int64(h.Time), 0); !got.Equal(at) {
		t.Fatalf("block sealed at %s, want %s", got, at)
	}
	// Again at the same set time: one second after its parent.
	if err := n.Fund(ctx, accts[1]); err != nil {
		t.Fatal(err)
	}
	h2, _ := n.Client().HeaderByNumber(ctx, nil)
	if h2.Time != h.Time+1 || h2.Number.Uint64() != h.Number.Uint64()+1 {
		t.Fatalf("second block at %d (#%d), want %d (#%d)", h2.Time, h2.Number, h.Time+1, h.Number.Uint64()+1)
	}
	n.SetTime(time.Time{})
	if err := n.Fund(ctx, accts[1]); err != nil {
		t.Fatal(err)
	}
	h3, _ := n.Client().HeaderByNumber(ctx, nil)
	if d := time.Since(time.Unix(int64(h3.Time), 0)); d < -2*time.Second || d > 5*time.Second {
		t.Fatalf("back on the wall clock: block %s off", d)
	}
}
