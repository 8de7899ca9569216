package devnode

import (
	"context"
	"crypto/rand"
	"fmt"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/miner"
)

// clock is SetTime's override: the time the next blocks are sealed at, if set.
type clock struct {
	mu sync.Mutex
	at time.Time
}

func (c *clock) get() (time.Time, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.at, !c.at.IsZero()
}

// SetTime stamps the blocks sealed from now on with t — or their parent's time plus one second,
// when that is later, since block times must increase — until SetTime(time.Time{}) returns to
// the wall clock. It lets a seed lay down history on a chain whose genesis (Config.GenesisTime)
// is old enough: registrations weeks ago, an expiry already past. Moving the time back below
// the head has no effect beyond that rule.
func (n *Node) SetTime(t time.Time) {
	n.clock.mu.Lock()
	defer n.clock.mu.Unlock()
	n.clock.at = t
}

// sealAt seals one block on parent at time at, with the pool's executable transactions: the
// miner builds it (as for any payload) and the chain takes it as its head, as geth's testing_
// commitBlockV1 does. The simulated beacon's own sealing always takes the wall clock.
func (n *Node) sealAt(parent *types.Header, at time.Time) (common.Hash, error) {
	ts := uint64(at.Unix())
	if ts <= parent.Time {
		ts = parent.Time + 1
	}
	var random common.Hash
	_, _ = rand.Read(random[:])
	block, _, err := n.eth.Miner().BuildTestingPayload(&miner.BuildPayloadArgs{
		Parent: parent.Hash(), Timestamp: ts, Random: random, Withdrawals: []*types.Withdrawal{}, BeaconRoot: &common.Hash{},
	}, nil, false, nil)
	if err != nil {
		return common.Hash{}, fmt.Errorf("build block at %d: %w", ts, err)
	}
	bc := n.eth.BlockChain()
	if _, err := bc.InsertBlockWithoutSetHead(context.Background(), block, false); err != nil {
		return common.Hash{}, fmt.Errorf("insert block %d: %w", block.NumberU64(), err)
	}
	if _, err := bc.SetCanonical(block); err != nil {
		return common.Hash{}, fmt.Errorf("make block %d the head: %w", block.NumberU64(), err)
	}
	return block.Hash(), nil
}
