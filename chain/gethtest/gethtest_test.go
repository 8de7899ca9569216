package gethtest_test

import (
	"context"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/chain/gethtest"
)

const poll = 20 * time.Millisecond

// TestGethNode deploys the contracts on a real geth --dev node, registers a participant, and checks
// that the registration survives a clean restart and a SIGKILL, and that the node runs Osaka rules:
// by its own chain config (admin_nodeInfo) and by gas, which must equal the Osaka-pinned simulated
// chain's for the same transactions.
func TestGethNode(t *testing.T) {
	regulator := chaintest.NewAccount("regulator")
	manufacturer := chaintest.NewAccount("manufacturer")
	distributor := chaintest.NewAccount("distributor")
	n := gethtest.Start(t, gethtest.Options{Fund: []common.Address{regulator.Address}})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	t.Logf("geth pid %d, %s, %s, datadir %s", n.PID(), n.HTTPURL, n.WSURL, n.DataDir)

	// The dev account is the one geth --dev reports, and it funded the regulator.
	var accounts []common.Address
	if err := n.Client.Client.Client().CallContext(ctx, &accounts, "eth_accounts"); err != nil {
		t.Fatalf("eth_accounts: %v", err)
	}
	if !slices.Contains(accounts, gethtest.DevAddress) {
		t.Fatalf("eth_accounts = %v, want the dev account %s", accounts, gethtest.DevAddress)
	}
	if bal, err := n.Client.BalanceAt(ctx, regulator.Address, nil); err != nil || bal.Sign() == 0 {
		t.Fatalf("regulator balance = %v, %v; want funded", bal, err)
	}

	checkOsaka(ctx, t, n)

	// Deploy and register exactly as the simulated reference below does.
	addrs, err := chain.Deploy(ctx, n.Client, regulator.Opts, chain.DeployOptions{
		RegulatorGLN: chaintest.GLN(1), RegulatorName: "Test Medicines Agency", PollInterval: poll,
	})
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	c, err := chain.New(ctx, n.Client, chain.Options{Addresses: addrs, PollInterval: poll})
	if err != nil {
		t.Fatalf("chain client: %v", err)
	}
	rcpt, err := c.RegisterParticipant(ctx, regulator.Opts, manufacturer.Address, chain.RoleManufacturer, chaintest.GLN(2), "manufacturer")
	if err != nil {
		t.Fatalf("register manufacturer: %v", err)
	}

	// Gas: Osaka rules give exactly the Osaka-pinned simulated chain's figure; geth --dev's stock
	// rules (an experimental fork with dearer storage) would not.
	osakaGas := registerGas(t, chain.OsakaConfig(big.NewInt(gethtest.ChainID)))
	devGas := registerGas(t, params.AllDevChainProtocolChanges)
	t.Logf("RegisterParticipant gas: geth node %d, simulated Osaka %d, simulated stock dev preset %d", rcpt.GasUsed, osakaGas, devGas)
	if rcpt.GasUsed != osakaGas {
		t.Errorf("RegisterParticipant used %d gas on geth, %d on the Osaka-pinned simulated chain", rcpt.GasUsed, osakaGas)
	}
	if devGas == osakaGas {
		t.Logf("note: the stock dev preset costs the same here, so gas alone does not tell the rules apart")
	}

	// WebSocket answers too.
	ws, err := ethclient.DialContext(ctx, n.WSURL)
	if err != nil {
		t.Fatalf("dial %s: %v", n.WSURL, err)
	}
	wsHead, err := ws.BlockNumber(ctx)
	ws.Close()
	// geth --dev sometimes seals an empty block or two after a transaction's: at least.
	if err != nil || wsHead < rcpt.BlockNumber.Uint64() {
		t.Fatalf("head over WebSocket = %d, %v; want at least %d", wsHead, err, rcpt.BlockNumber)
	}

	check := func(when string, want uint64) {
		t.Helper()
		head, err := n.Client.BlockNumber(ctx)
		if err != nil {
			t.Fatalf("%s: head: %v", when, err)
		}
		if head < want {
			t.Fatalf("%s: head is block %d, want at least %d", when, head, want)
		}
		// A fresh client: chain.New checks that both contracts' code is there.
		c, err := chain.New(ctx, n.Client, chain.Options{Addresses: addrs, PollInterval: poll})
		if err != nil {
			t.Fatalf("%s: chain client: %v", when, err)
		}
		p, err := c.Participant(ctx, manufacturer.Address)
		if err != nil {
			t.Fatalf("%s: read participant: %v", when, err)
		}
		if p != (chain.Participant{Role: chain.RoleManufacturer, Active: true, GLN: chaintest.GLN(2)}) {
			t.Fatalf("%s: manufacturer = %+v", when, p)
		}
	}

	before := n.PID()
	n.Restart()
	if n.PID() == before {
		t.Fatalf("restart kept pid %d", before)
	}
	check("after restart", rcpt.BlockNumber.Uint64())
	checkOsaka(ctx, t, n)

	// The node still takes transactions, and a crash loses no sealed block (crash-safe storage).
	rcpt, err = c.RegisterParticipant(ctx, regulator.Opts, distributor.Address, chain.RoleDistributor, chaintest.GLN(3), "distributor")
	if err != nil {
		t.Fatalf("register distributor after restart: %v", err)
	}
	n.Kill()
	if n.Running() {
		t.Fatal("geth still running after Kill")
	}
	if _, err := n.Client.BlockNumber(ctx); err == nil {
		t.Fatal("RPC answers after Kill")
	}
	n.Restart()
	check("after kill and restart", rcpt.BlockNumber.Uint64())
	if p, err := c.Participant(ctx, distributor.Address); err != nil || p.Role != chain.RoleDistributor {
		t.Fatalf("distributor after crash = %+v, %v", p, err)
	}
}

// checkOsaka reads the running node's chain config and head and checks that exactly the forks up
// to Osaka are active and nothing later is scheduled.
func checkOsaka(ctx context.Context, t *testing.T, n *gethtest.Node) {
	t.Helper()
	cfg, err := n.ChainConfig(ctx)
	if err != nil {
		t.Fatalf("chain config: %v", err)
	}
	head, err := n.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatalf("head: %v", err)
	}
	forks := chain.ActiveForks(cfg, head.Number, head.Time)
	t.Logf("node rules at block %d: %s", head.Number, forks)
	if forks != "Shanghai, Cancun, Prague, Osaka" {
		t.Errorf("active forks %q, want Shanghai, Cancun, Prague, Osaka", forks)
	}
	for name, ts := range map[string]*uint64{
		"BPO1": cfg.BPO1Time, "BPO2": cfg.BPO2Time, "BPO3": cfg.BPO3Time, "BPO4": cfg.BPO4Time, "BPO5": cfg.BPO5Time,
		"Amsterdam": cfg.AmsterdamTime, "Bogota": cfg.BogotaTime, "UBT": cfg.UBTTime,
	} {
		if ts != nil {
			t.Errorf("%s scheduled at %d, want never", name, *ts)
		}
	}
	if cfg.ChainID.Cmp(n.ChainID) != 0 {
		t.Errorf("config chain id %s, want %s", cfg.ChainID, n.ChainID)
	}
}

// registerGas runs the test's deploy and first registration on a simulated chain with the given
// config and returns the registration's gas.
func registerGas(t *testing.T, cfg *params.ChainConfig) uint64 {
	t.Helper()
	regulator := chaintest.NewAccount("regulator")
	manufacturer := chaintest.NewAccount("manufacturer")
	sim := simulated.NewBackend(types.GenesisAlloc{
		regulator.Address: {Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))},
	}, func(_ *node.Config, ec *ethconfig.Config) { ec.Genesis.Config = cfg })
	defer sim.Close()
	b := &autoMine{Client: sim.Client(), sim: sim}
	ctx := context.Background()
	addrs, err := chain.Deploy(ctx, b, regulator.Opts, chain.DeployOptions{
		RegulatorGLN: chaintest.GLN(1), RegulatorName: "Test Medicines Agency", PollInterval: time.Millisecond,
	})
	if err != nil {
		t.Fatalf("simulated deploy: %v", err)
	}
	c, err := chain.New(ctx, b, chain.Options{Addresses: addrs, PollInterval: time.Millisecond})
	if err != nil {
		t.Fatalf("simulated chain client: %v", err)
	}
	rcpt, err := c.RegisterParticipant(ctx, regulator.Opts, manufacturer.Address, chain.RoleManufacturer, chaintest.GLN(2), "manufacturer")
	if err != nil {
		t.Fatalf("simulated register: %v", err)
	}
	return rcpt.GasUsed
}

type autoMine struct {
	simulated.Client
	sim *simulated.Backend
}

func (a *autoMine) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := a.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	a.sim.Commit()
	return nil
}

// TestStopIsIdempotent: Stop twice, then Restart brings the same node back.
func TestStopIsIdempotent(t *testing.T) {
	n := gethtest.Start(t, gethtest.Options{})
	n.Stop()
	n.Stop()
	if n.Running() {
		t.Fatal("running after Stop")
	}
	n.Restart()
	if id, err := n.Client.ChainID(context.Background()); err != nil || id.Int64() != gethtest.ChainID {
		t.Fatalf("chain id after restart = %v, %v", id, err)
	}
}
