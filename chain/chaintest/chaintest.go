// Package chaintest gives tests in any package a real EVM: go-ethereum's simulated chain pinned to
// Osaka rules, the PharmaTrace contracts deployed, and one funded, registered account per role.
// Transactions are mined as soon as they are sent, so chain.Client works unchanged.
package chaintest

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"reflect"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/packtree"
	"github.com/pharmatrace/pharmatrace/gs1"
)

// TB is the part of testing.TB that chaintest uses. *testing.T and *testing.B satisfy it; so can
// a program that wants a simulated chain outside a test (the gas report).
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
	Cleanup(func())
}

// ChainID is the simulated chain's id.
const ChainID = 1337

// Account is a funded test account.
type Account struct {
	Name    string
	Key     *ecdsa.PrivateKey
	Address common.Address
	Opts    *bind.TransactOpts
	Role    chain.Role // the role it was registered with; RoleNone for outsiders
	GLN     uint64
}

// Chain is a simulated chain with the contracts deployed and the participants registered.
type Chain struct {
	Sim     *simulated.Backend
	Backend *AutoMine
	Client  *chain.Client
	Config  *params.ChainConfig

	Regulator     *Account
	Manufacturer  *Account
	Manufacturer2 *Account
	Distributor   *Account
	Distributor2  *Account
	Pharmacy      *Account
	Pharmacy2     *Account
	Outsider      *Account // funded, never registered
}

// AutoMine is the simulated client with one change: every sent transaction is mined at once,
// unless Hold is set (to build reorg scenarios with pending transactions).
type AutoMine struct {
	simulated.Client
	sim  *simulated.Backend
	hold atomic.Bool
}

// SendTransaction sends and, unless held, mines a block with the transaction.
func (a *AutoMine) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := a.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	if !a.hold.Load() {
		a.sim.Commit()
	}
	return nil
}

// Hold stops (true) or restarts (false) mining on send.
func (a *AutoMine) Hold(on bool) { a.hold.Store(on) }

var _ chain.Backend = (*AutoMine)(nil)

// NewAccount derives a deterministic key from a name, so failures are reproducible.
func NewAccount(name string) *Account {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("pharmatrace test account " + name)))
	if err != nil {
		panic(err)
	}
	opts := bind.NewKeyedTransactor(key, big.NewInt(ChainID))
	return &Account{Name: name, Key: key, Address: opts.From, Opts: opts}
}

// New starts a simulated chain, deploys the contracts and registers one participant per role
// (two manufacturers, two distributors, two pharmacies). It is closed when the test ends.
func New(t TB) *Chain {
	t.Helper()
	c := &Chain{
		Regulator:     NewAccount("regulator"),
		Manufacturer:  NewAccount("manufacturer"),
		Manufacturer2: NewAccount("manufacturer2"),
		Distributor:   NewAccount("distributor"),
		Distributor2:  NewAccount("distributor2"),
		Pharmacy:      NewAccount("pharmacy"),
		Pharmacy2:     NewAccount("pharmacy2"),
		Outsider:      NewAccount("outsider"),
	}
	roles := []struct {
		a    *Account
		role chain.Role
	}{
		{c.Regulator, chain.RoleRegulator},
		{c.Manufacturer, chain.RoleManufacturer},
		{c.Manufacturer2, chain.RoleManufacturer},
		{c.Distributor, chain.RoleDistributor},
		{c.Distributor2, chain.RoleDistributor},
		{c.Pharmacy, chain.RolePharmacy},
		{c.Pharmacy2, chain.RolePharmacy},
	}
	alloc := types.GenesisAlloc{}
	fund := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))
	for _, a := range c.Accounts() {
		alloc[a.Address] = types.Account{Balance: fund}
	}
	c.Config = chain.OsakaConfig(big.NewInt(ChainID))
	c.Sim = simulated.NewBackend(alloc, func(_ *node.Config, ec *ethconfig.Config) {
		ec.Genesis.Config = c.Config
	})
	t.Cleanup(func() { _ = c.Sim.Close() })
	c.Backend = &AutoMine{Client: c.Sim.Client(), sim: c.Sim}

	ctx := context.Background()
	c.Regulator.Role, c.Regulator.GLN = chain.RoleRegulator, GLN(1)
	addrs, err := chain.Deploy(ctx, c.Backend, c.Regulator.Opts, chain.DeployOptions{
		RegulatorGLN: c.Regulator.GLN, RegulatorName: "Test Medicines Agency", PollInterval: time.Millisecond,
	})
	if err != nil {
		t.Fatalf("deploy contracts: %v", err)
	}
	c.Client, err = chain.New(ctx, c.Backend, chain.Options{Addresses: addrs, PollInterval: time.Millisecond})
	if err != nil {
		t.Fatalf("chain client: %v", err)
	}
	for i, r := range roles[1:] {
		r.a.Role, r.a.GLN = r.role, GLN(uint64(i+2))
		if _, err := c.Client.RegisterParticipant(ctx, c.Regulator.Opts, r.a.Address, r.role, r.a.GLN, r.a.Name); err != nil {
			t.Fatalf("register %s: %v", r.a.Name, err)
		}
	}
	return c
}

// Accounts lists every test account, outsider last.
func (c *Chain) Accounts() []*Account {
	return []*Account{c.Regulator, c.Manufacturer, c.Manufacturer2, c.Distributor, c.Distributor2, c.Pharmacy, c.Pharmacy2, c.Outsider}
}

// Now is the latest block's time.
func (c *Chain) Now(t TB) time.Time {
	t.Helper()
	h, err := c.Backend.HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatalf("read head: %v", err)
	}
	return time.Unix(int64(h.Time), 0).UTC()
}

// AdvanceTime mines an empty block d later than the head; later blocks follow from there.
//
// The simulated backend refuses to adjust time while its transaction pool reports pending
// transactions, and the pool drops the ones a block just mined only when its asynchronous
// reset after the new head has run; so a refusal right after a mined transaction is retried
// for a few seconds before it counts.
func (c *Chain) AdvanceTime(t TB, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		err := c.Sim.AdjustTime(d)
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("advance time by %s: %v", d, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Mine mines n empty blocks.
func (c *Chain) Mine(t TB, n int) {
	t.Helper()
	for range n {
		c.Sim.Commit()
	}
}

// GLN returns a valid 13-digit GLN (correct check digit) numbered n.
func GLN(n uint64) uint64 { return gs1.AppendCheckDigit(950600000000 + n) }

// GTIN returns a valid GTIN-14 (correct check digit) numbered n.
func GTIN(n uint64) uint64 { return gs1.AppendCheckDigit(950600013000 + n) }

// Batch is a batch registered by a test, with everything needed to prove its packs.
type Batch struct {
	ID      common.Hash
	GTIN    uint64
	Lot     string
	Expiry  time.Time
	Serials []string
	PackIDs []common.Hash
	Tree    *packtree.Tree
}

// Proof returns pack i's proof.
func (b *Batch) Proof(t TB, i int) []common.Hash {
	t.Helper()
	p, err := b.Tree.Proof(b.PackIDs[i])
	if err != nil {
		t.Fatalf("proof of pack %d: %v", i, err)
	}
	return p
}

// MultiProof returns a multiproof for the packs at the given indices.
func (b *Batch) MultiProof(t TB, idx ...int) packtree.MultiProof {
	t.Helper()
	ids := make([]common.Hash, len(idx))
	for i, j := range idx {
		ids[i] = b.PackIDs[j]
	}
	mp, err := b.Tree.MultiProof(ids)
	if err != nil {
		t.Fatalf("multiproof of packs %v: %v", idx, err)
	}
	return mp
}

// NewBatch builds a batch of n packs with serials "<lot>-<i>" and its packs tree, without
// registering it.
func NewBatch(t TB, gtin uint64, lot string, n int, expiry time.Time) *Batch {
	t.Helper()
	b := &Batch{ID: chain.BatchID(gtin, lot), GTIN: gtin, Lot: lot, Expiry: expiry}
	for i := range n {
		b.Serials = append(b.Serials, fmt.Sprintf("%s-%d", lot, i))
	}
	b.PackIDs = chain.PackIDs(b.ID, b.Serials)
	tree, err := packtree.New(b.PackIDs)
	if err != nil {
		t.Fatalf("packs tree: %v", err)
	}
	b.Tree = tree
	return b
}

// RegisterProduct registers a product owned by m, failing the test on error.
func (c *Chain) RegisterProduct(t TB, m *Account, gtin uint64) {
	t.Helper()
	_, err := c.Client.RegisterProduct(context.Background(), m.Opts, chain.Product{
		GTIN: gtin, Name: "Paracetamol " + strconv.FormatUint(gtin%1000, 10), Strength: "500 mg", Form: "tablet", PackSize: 16,
	})
	if err != nil {
		t.Fatalf("register product %d: %v", gtin, err)
	}
}

// RegisterBatch registers and fully publishes a batch of n packs of m's product gtin (which m
// must own), expiring a year after the head block.
func (c *Chain) RegisterBatch(t TB, m *Account, gtin uint64, lot string, n int) *Batch {
	t.Helper()
	return c.RegisterBatchExpiring(t, m, gtin, lot, n, c.Now(t).AddDate(1, 0, 0))
}

// RegisterBatchExpiring is RegisterBatch with a given expiry date (tests with golden output
// need one that does not move with the clock).
func (c *Chain) RegisterBatchExpiring(t TB, m *Account, gtin uint64, lot string, n int, expiry time.Time) *Batch {
	t.Helper()
	b := NewBatch(t, gtin, lot, n, expiry)
	ctx := context.Background()
	if _, _, err := c.Client.RegisterBatch(ctx, m.Opts, chain.BatchSpec{
		GTIN: gtin, Lot: lot, Expiry: b.Expiry, Quantity: uint32(n), PacksRoot: b.Tree.Root(),
	}); err != nil {
		t.Fatalf("register batch %s: %v", lot, err)
	}
	if _, err := c.Client.PublishPacks(ctx, m.Opts, b.ID, b.PackIDs, nil); err != nil {
		t.Fatalf("publish packs of %s: %v", lot, err)
	}
	return b
}

// Ship ships and has the receiver receive, failing the test on error.
func (c *Chain) ShipAndReceive(t TB, b *Batch, from, to *Account, qty uint32) {
	t.Helper()
	ctx := context.Background()
	id, _, err := c.Client.Ship(ctx, from.Opts, b.ID, to.Address, qty)
	if err != nil {
		t.Fatalf("ship %d from %s to %s: %v", qty, from.Name, to.Name, err)
	}
	if _, err := c.Client.ReceiveShipment(ctx, to.Opts, id); err != nil {
		t.Fatalf("receive shipment %d by %s: %v", id, to.Name, err)
	}
}

// Logs returns every log of the chain's contracts from block 0 to the head.
func (c *Chain) Logs(t TB) []types.Log {
	t.Helper()
	a := c.Client.Addresses()
	logs, err := c.Backend.FilterLogs(context.Background(), ethereum.FilterQuery{Addresses: []common.Address{a.Registry, a.Ledger}})
	if err != nil {
		t.Fatalf("filter logs: %v", err)
	}
	return logs
}

// Eth is the simulated node's client as the *ethclient.Client it wraps: the type production
// dials, whose RPC answers code may read raw (the indexer decodes eth_getLogs itself). The
// simulated backend keeps it in the exported field of an unexported type, hence reflection.
func (c *Chain) Eth(t TB) *ethclient.Client {
	t.Helper()
	f := reflect.ValueOf(c.Sim.Client())
	if f.Kind() == reflect.Pointer {
		f = f.Elem()
	}
	if f.Kind() == reflect.Struct {
		if ec, ok := f.FieldByName("Client").Interface().(*ethclient.Client); ok && ec != nil {
			return ec
		}
	}
	t.Fatalf("chaintest: the simulated backend's client (%T) wraps no *ethclient.Client", c.Sim.Client())
	return nil
}
