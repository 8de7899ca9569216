package devnode

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/event"
	"github.com/ethereum/go-ethereum/params"
)

// retrySeal is how long the sealing loop waits after a block could not be sealed.
const retrySeal = time.Second

// seal is geth --dev's on-demand sealing (period 0): whenever the pool announces transactions,
// seal blocks until none is executable. Block timestamps are the wall clock's second, or the
// parent's plus one when several blocks fall in the same second (timestamps must increase), so
// a burst of transactions runs the chain's clock ahead for a while; it falls back to the wall
// clock once blocks are further apart than a second. geth --dev behaves the same.
func (n *Node) seal(txs <-chan core.NewTxsEvent, sub event.Subscription) {
	defer sub.Unsubscribe()
	// Transactions already pooled when the node started are announced to nobody: look once.
	retry := time.NewTimer(0)
	defer retry.Stop()
	for {
		select {
		case <-n.quit:
			n.minerErr <- nil
			return
		case err := <-sub.Err():
			// The pool stopped under us (it only does when the node closes).
			n.minerErr <- err
			return
		case <-txs:
		case <-retry.C:
		}
		// Drain announcements that the blocks sealed below will include anyway.
		for drained := false; !drained; {
			select {
			case <-txs:
			default:
				drained = true
			}
		}
		if n.sealPending() {
			retry.Reset(retrySeal)
		}
	}
}

// sealPending seals blocks while the pool holds executable transactions. It reports whether it
// should be tried again later (a block failed to seal).
func (n *Node) sealPending() (retry bool) {
	pool, bc := n.eth.TxPool(), n.eth.BlockChain()
	for {
		select {
		case <-n.quit:
			return false
		default:
		}
		// The pool resets on each new head in the background; wait for it, or Stats would count
		// transactions the last block already included.
		if err := pool.Sync(); err != nil {
			return false // the pool is closing
		}
		if pending, _ := pool.Stats(); pending == 0 {
			return false
		}
		parent := bc.CurrentBlock()
		var head common.Hash
		if at, ok := n.clock.get(); ok {
			var err error
			if head, err = n.sealAt(parent, at); err != nil {
				n.log.Warn("dev node could not seal a block at a set time; retrying", "head", parent.Number, "time", at, "err", err)
				return true
			}
		} else {
			head = n.beacon.Commit()
		}
		if head == parent.Hash() {
			n.log.Warn("dev node could not seal a block; retrying", "head", parent.Number, "retry_in", retrySeal)
			return true
		}
		if block := bc.GetBlockByHash(head); block != nil && len(block.Transactions()) == 0 {
			// Executable but not included: a fee below the miner's minimum tip, say. Sealing again
			// would only add empty blocks; wait for the next transaction instead.
			pending, _ := pool.Stats()
			n.log.Warn("dev node sealed an empty block with transactions pending; waiting for new ones",
				"block", block.Number(), "pending", pending)
			return false
		}
	}
}

// topUp sends balance from the faucet to each of the accounts that has none: accounts added
// after the chain was created missed its genesis.
func (n *Node) topUp(ctx context.Context, accounts []common.Address, balance *big.Int) error {
	var empty []common.Address
	seen := map[common.Address]bool{}
	for _, a := range accounts {
		if seen[a] {
			continue
		}
		seen[a] = true
		bal, err := n.client.BalanceAt(ctx, a, nil)
		if err != nil {
			return fmt.Errorf("read balance of %s: %w", a, err)
		}
		if bal.Sign() == 0 {
			empty = append(empty, a)
		}
	}
	if err := n.send(ctx, empty, balance); err != nil {
		return fmt.Errorf("fund accounts added since the genesis: %w", err)
	}
	return nil
}

// Fund sends each account Config.Balance from the faucet (the first dev account) and waits until
// the transfers are sealed: for accounts created while the node runs.
func (n *Node) Fund(ctx context.Context, accounts ...common.Address) error {
	if err := n.send(ctx, accounts, n.balance); err != nil {
		return fmt.Errorf("fund accounts: %w", err)
	}
	return nil
}

func (n *Node) send(ctx context.Context, accounts []common.Address, value *big.Int) error {
	if len(accounts) == 0 {
		return nil
	}
	// The faucet's transfers take consecutive nonces read from the pool: one batch at a time.
	n.faucetMu.Lock()
	defer n.faucetMu.Unlock()
	faucet := n.Accounts()[0]
	key, err := n.keys.key(faucet)
	if err != nil {
		return err
	}
	nonce, err := n.client.PendingNonceAt(ctx, faucet)
	if err != nil {
		return fmt.Errorf("read nonce of %s: %w", faucet, err)
	}
	tip, err := n.client.SuggestGasTipCap(ctx)
	if err != nil {
		return fmt.Errorf("suggest tip: %w", err)
	}
	head, err := n.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("read head: %w", err)
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	signer := types.LatestSignerForChainID(n.config.ChainID)
	var last common.Hash
	for i, to := range accounts {
		tx, err := types.SignNewTx(key, signer, &types.DynamicFeeTx{
			ChainID:   n.config.ChainID,
			Nonce:     nonce + uint64(i),
			GasTipCap: tip,
			GasFeeCap: feeCap,
			Gas:       params.TxGas,
			To:        &to,
			Value:     value,
		})
		if err != nil {
			return fmt.Errorf("fund %s: sign: %w", to, err)
		}
		if err := n.client.SendTransaction(ctx, tx); err != nil {
			return fmt.Errorf("fund %s from %s: %w", to, faucet, err)
		}
		n.log.InfoContext(ctx, "dev account funded", "address", to, "from", faucet, "tx", tx.Hash())
		last = tx.Hash()
	}
	// One sender, consecutive nonces: the last receipt means all are in.
	_, err = n.waitMined(ctx, last)
	return err
}

// waitMined polls for a receipt; the node seals within milliseconds.
func (n *Node) waitMined(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		rcpt, err := n.client.TransactionReceipt(ctx, hash)
		if err == nil {
			if rcpt.Status != types.ReceiptStatusSuccessful {
				return rcpt, fmt.Errorf("tx %s failed", hash)
			}
			return rcpt, nil
		}
		// Right after a start geth answers "indexing in progress" instead of not found.
		if !errors.Is(err, ethereum.NotFound) && !strings.Contains(err.Error(), "indexing is in progress") {
			return nil, fmt.Errorf("receipt of %s: %w", hash, err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("wait for tx %s: %w", hash, ctx.Err())
		case <-tick.C:
		}
	}
}
