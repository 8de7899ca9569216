package chain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pharmatrace/pharmatrace/bindings/ledger"
	"github.com/pharmatrace/pharmatrace/bindings/registry"
)

// MaxTxGas is the most gas one transaction may use (EIP-7825).
const MaxTxGas = 1 << 24

// Backend is what the client needs from a node: go-ethereum's ethclient.Client and the simulated
// backend's client both satisfy it.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
	BlockNumber(ctx context.Context) (uint64, error)
}

// Options configure a Client.
type Options struct {
	// Addresses of the deployed contracts. Required.
	Addresses Addresses
	// PollInterval is how often a pending receipt is polled. Default 100ms.
	PollInterval time.Duration
	// MineTimeout is how long a sent transaction may wait for its receipt. Default 2 minutes.
	MineTimeout time.Duration
	// Logger receives one debug line per transaction. Default: discard.
	Logger *slog.Logger
}

// Client sends the PharmaTrace operations as transactions and reads the contracts' views.
// It is safe for concurrent use; transactions from one account are serialised (each waits for
// the previous one's receipt) so nonces never clash.
type Client struct {
	tx       *transactor
	addrs    Addresses
	registry *registry.Registry
	ledger   *ledger.BatchLedger
	regC     *bind.BoundContract
	ledC     *bind.BoundContract
	chainID  *big.Int
}

// New checks that the contracts exist at the given addresses and returns a client for them.
func New(ctx context.Context, backend Backend, opts Options) (*Client, error) {
	if opts.Addresses.Registry == (common.Address{}) || opts.Addresses.Ledger == (common.Address{}) {
		return nil, errors.New("new chain client: contract addresses are required")
	}
	t, err := newTransactor(ctx, backend, opts.PollInterval, opts.MineTimeout, opts.Logger)
	if err != nil {
		return nil, fmt.Errorf("new chain client: %w", err)
	}
	for name, addr := range map[string]common.Address{"registry": opts.Addresses.Registry, "ledger": opts.Addresses.Ledger} {
		code, err := backend.CodeAt(ctx, addr, nil)
		if err != nil {
			return nil, fmt.Errorf("new chain client: read %s code at %s: %w", name, addr, err)
		}
		if len(code) == 0 {
			return nil, fmt.Errorf("new chain client: no %s contract at %s on chain %s", name, addr, t.chainID)
		}
	}
	reg, led := registry.NewRegistry(), ledger.NewBatchLedger()
	return &Client{
		tx:       t,
		addrs:    opts.Addresses,
		registry: reg,
		ledger:   led,
		regC:     reg.Instance(backend, opts.Addresses.Registry),
		ledC:     led.Instance(backend, opts.Addresses.Ledger),
		chainID:  t.chainID,
	}, nil
}

// Addresses returns the contract addresses the client talks to.
func (c *Client) Addresses() Addresses { return c.addrs }

// ChainID returns the chain's id, read once at construction.
func (c *Client) ChainID() *big.Int { return new(big.Int).Set(c.chainID) }

// Backend returns the node connection.
func (c *Client) Backend() Backend { return c.tx.backend }

// DeployOptions say who the first regulator is.
type DeployOptions struct {
	RegulatorGLN  uint64
	RegulatorName string
	PollInterval  time.Duration
	Logger        *slog.Logger
}

// Deploy deploys the Registry (with the deployer as its first regulator) and the BatchLedger.
func Deploy(ctx context.Context, backend Backend, deployer *bind.TransactOpts, opts DeployOptions) (Addresses, error) {
	d, err := DeployContracts(ctx, backend, deployer, opts)
	return d.Addresses, err
}

// Deployment is where a deployment put the contracts, and the block of its first contract: an
// indexer of these contracts starts there.
type Deployment struct {
	Addresses
	Block uint64
}

// DeployContracts is Deploy, also returning the deployment block.
func DeployContracts(ctx context.Context, backend Backend, deployer *bind.TransactOpts, opts DeployOptions) (Deployment, error) {
	t, err := newTransactor(ctx, backend, opts.PollInterval, 0, opts.Logger)
	if err != nil {
		return Deployment{}, fmt.Errorf("deploy: %w", err)
	}
	reg, led := registry.NewRegistry(), ledger.NewBatchLedger()
	regInit := append(common.FromHex(registry.RegistryMetaData.Bin), reg.PackConstructor(opts.RegulatorGLN, opts.RegulatorName)...)
	rcpt, err := t.send(ctx, deployer, nil, regInit)
	if err != nil {
		return Deployment{}, fmt.Errorf("deploy registry: %w", err)
	}
	d := Deployment{Addresses: Addresses{Registry: rcpt.ContractAddress}, Block: rcpt.BlockNumber.Uint64()}
	ledInit := append(common.FromHex(ledger.BatchLedgerMetaData.Bin), led.PackConstructor(d.Registry)...)
	if rcpt, err = t.send(ctx, deployer, nil, ledInit); err != nil {
		return Deployment{}, fmt.Errorf("deploy ledger: %w", err)
	}
	d.Ledger = rcpt.ContractAddress
	return d, nil
}

// transactor sends transactions: gas estimation (where reverts are caught and decoded), one
// nonce sequence per account, and receipt waiting.
type transactor struct {
	backend Backend
	chainID *big.Int
	poll    time.Duration
	log     *slog.Logger
	errs    *errorDecoder

	mineTimeout time.Duration

	mu      sync.Mutex
	senders map[common.Address]*sync.Mutex
}

func newTransactor(ctx context.Context, backend Backend, poll, mineTimeout time.Duration, log *slog.Logger) (*transactor, error) {
	if poll <= 0 {
		poll = 100 * time.Millisecond
	}
	if mineTimeout <= 0 {
		mineTimeout = 2 * time.Minute
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	id, err := backend.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("read chain id: %w", err)
	}
	regABI, ledABI, err := ContractABIs()
	if err != nil {
		return nil, err
	}
	return &transactor{
		backend:     backend,
		chainID:     id,
		poll:        poll,
		mineTimeout: mineTimeout,
		log:         log,
		errs:        newErrorDecoder(regABI, ledABI),
		senders:     map[common.Address]*sync.Mutex{},
	}, nil
}

func (t *transactor) lock(addr common.Address) *sync.Mutex {
	t.mu.Lock()
	defer t.mu.Unlock()
	l, ok := t.senders[addr]
	if !ok {
		l = &sync.Mutex{}
		t.senders[addr] = l
	}
	return l
}

// send estimates, signs, sends and waits for one transaction (to == nil creates a contract). A revert
// during estimation or execution comes back as a *ContractError.
func (t *transactor) send(ctx context.Context, from *bind.TransactOpts, to *common.Address, data []byte) (*types.Receipt, error) {
	msg := ethereum.CallMsg{From: from.From, To: to, Data: data}
	gas, err := t.backend.EstimateGas(ctx, msg)
	if err != nil {
		return nil, t.errs.wrap(err)
	}
	// Headroom for state that changes between estimation and inclusion; never over the EIP-7825 cap.
	limit := min(gas+gas/5+10_000, MaxTxGas)
	tx, err := t.sign(ctx, from, to, data, limit)
	if err != nil {
		return nil, err
	}
	if fn, ok := ctx.Value(sentKey{}).(func(*types.Transaction)); ok {
		fn(tx)
	}
	rcpt, err := t.wait(ctx, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("wait for tx %s: %w", tx.Hash(), err)
	}
	t.log.DebugContext(ctx, "transaction mined", "tx", tx.Hash(), "from", from.From, "block", rcpt.BlockNumber, "gas", rcpt.GasUsed, "status", rcpt.Status)
	if rcpt.Status != types.ReceiptStatusSuccessful {
		return rcpt, t.revertReason(ctx, msg, rcpt)
	}
	return rcpt, nil
}

func (t *transactor) sign(ctx context.Context, from *bind.TransactOpts, to *common.Address, data []byte, gasLimit uint64) (*types.Transaction, error) {
	// One send at a time per account, and the nonce always from the node's pending state: it
	// counts transactions this process did not send (another tool, another replica with the same
	// key) and forgets ours that a reorg or the pool dropped — a locally kept counter would leave
	// a gap there, and every later transaction would wait behind it forever.
	lock := t.lock(from.From)
	lock.Lock()
	defer lock.Unlock()
	nonce, err := t.backend.PendingNonceAt(ctx, from.From)
	if err != nil {
		return nil, fmt.Errorf("read nonce of %s: %w", from.From, err)
	}
	opts := *from
	opts.Context = ctx
	opts.Nonce = new(big.Int).SetUint64(nonce)
	opts.GasLimit = gasLimit
	bc := bind.NewBoundContract(common.Address{}, abi.ABI{}, t.backend, t.backend, t.backend)
	var tx *types.Transaction
	if to == nil {
		tx, err = bc.RawCreationTransact(&opts, data)
	} else {
		bc = bind.NewBoundContract(*to, abi.ABI{}, t.backend, t.backend, t.backend)
		tx, err = bc.RawTransact(&opts, data)
	}
	if err != nil {
		return nil, fmt.Errorf("send transaction from %s: %w", from.From, t.errs.wrap(err))
	}
	return tx, nil
}

type sentKey struct{}

// OnSent returns a context under which every transaction the client sends is passed to fn as
// soon as the node has accepted it, before it is mined: an API that answers "202 Accepted"
// needs the hash without waiting for the receipt. fn must not block.
func OnSent(ctx context.Context, fn func(tx *types.Transaction)) context.Context {
	return context.WithValue(ctx, sentKey{}, fn)
}

// ErrNotMined is returned when a sent transaction has no receipt within the mine timeout; it may
// still be mined later (look it up by hash before sending it again).
var ErrNotMined = errors.New("transaction not mined in time")

func (t *transactor) wait(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	ticker := time.NewTicker(t.poll)
	defer ticker.Stop()
	deadline := time.After(t.mineTimeout)
	for {
		rcpt, err := t.backend.TransactionReceipt(ctx, hash)
		if err == nil {
			// geth can serve a receipt a moment before its block is the head; the caller's next
			// call (a gas estimate on the head state) must see the transaction's effects.
			if head, err := t.backend.BlockNumber(ctx); err == nil && head >= rcpt.BlockNumber.Uint64() {
				return rcpt, nil
			}
		}
		// geth answers "transaction indexing is in progress" instead of not-found for a while
		// after it starts: that is a receipt not there yet, not a failure.
		if err != nil && !errors.Is(err, ethereum.NotFound) && !strings.Contains(err.Error(), "transaction indexing is in progress") {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-deadline:
			return nil, fmt.Errorf("%w: no receipt for %s after %s", ErrNotMined, hash, t.mineTimeout)
		case <-ticker.C:
		}
	}
}

// revertReason replays a transaction that failed on chain to recover its custom error. The call
// runs on the state and time of the block that included it: a reverted transaction changed no
// state, and the block's time reproduces time-dependent refusals (an undo window that closed
// between estimation and inclusion). Later transactions of the same block are in that state, so
// the reason is a best effort; the failure itself is certain.
func (t *transactor) revertReason(ctx context.Context, msg ethereum.CallMsg, rcpt *types.Receipt) error {
	msg.Gas = rcpt.GasUsed * 2
	if _, err := t.backend.CallContract(ctx, msg, rcpt.BlockNumber); err != nil {
		if wrapped := t.errs.wrap(err); errors.As(wrapped, new(*ContractError)) {
			return fmt.Errorf("tx %s reverted: %w", rcpt.TxHash, wrapped)
		}
	}
	return fmt.Errorf("tx %s: %w", rcpt.TxHash, ErrReverted)
}
