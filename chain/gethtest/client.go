package gethtest

import (
	"context"
	"errors"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// Client is go-ethereum's ethclient.Client with one difference: a receipt that geth cannot look up
// yet because its transaction indexer is behind comes back as ethereum.NotFound, not as an error.
//
// geth indexes transactions asynchronously; while its indexer has not reported progress,
// eth_getTransactionReceipt of a transaction it cannot find (still pending, or unknown) answers
// the JSON-RPC error -32000 "transaction indexing is in progress" instead of null. On a geth --dev
// node (v1.17.10) that is the case from every start until the next block is sealed (measured:
// still so after 30 s idle), and possibly for a moment after each block. So the first transaction
// sent after a (re)start gets that error on every receipt poll until it is mined. A poller that
// only retries on ethereum.NotFound fails on it; bind.WaitMined retries on every error.
type Client struct {
	*ethclient.Client
}

// TransactionReceipt returns the receipt of a mined transaction, ethereum.NotFound while it is
// pending or not yet indexed.
func (c *Client) TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	r, err := c.Client.TransactionReceipt(ctx, hash)
	if err != nil && IsTxIndexing(err) {
		return nil, ethereum.NotFound
	}
	return r, err
}

// IsTxIndexing says whether err is geth's "transaction indexing is in progress" answer.
func IsTxIndexing(err error) bool {
	const msg = "transaction indexing is in progress"
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok && s == msg {
			return true
		}
	}
	return err != nil && strings.Contains(err.Error(), msg)
}
