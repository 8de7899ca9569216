package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/gethtest"
)

// chainState is what the benchmark remembers about its chain, in DATADIR.json: the contracts,
// where they were deployed, and how many PharmaTrace events the chain holds up to Head.
type chainState struct {
	Addresses   chain.Addresses `json:"addresses"`
	DeployBlock uint64          `json:"deployBlock"`
	Head        uint64          `json:"head"`
	HeadHash    common.Hash     `json:"headHash"`
	Events      uint64          `json:"events"`
	Generations int             `json:"generations"`
	// Last generation, for the report of a run that reuses the chain.
	GeneratedEvents  uint64  `json:"generatedEvents"`
	GenerationSecs   float64 `json:"generationSeconds"`
	GenerationTxRate float64 `json:"generationTxPerSecond"`
}

func loadState(path string) (chainState, error) {
	var st chainState
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, err
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return chainState{}, fmt.Errorf("read %s: %w", path, err)
	}
	return st, nil
}

func saveState(path string, st chainState) error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// valid reports whether the chain in the node is the one the state describes: the contracts
// have code and the recorded head block is still there with the same hash. A datadir deleted and
// recreated, or a chain that lost blocks, fails this and gets fresh contracts.
func (st chainState) valid(ctx context.Context, c *gethtest.Client) (bool, error) {
	if st.Addresses.Registry == (common.Address{}) || st.Addresses.Ledger == (common.Address{}) {
		return false, nil
	}
	for _, a := range []common.Address{st.Addresses.Registry, st.Addresses.Ledger} {
		code, err := c.CodeAt(ctx, a, nil)
		if err != nil {
			return false, fmt.Errorf("read code at %s: %w", a, err)
		}
		if len(code) == 0 {
			return false, nil
		}
	}
	h, err := c.HeaderByNumber(ctx, new(big.Int).SetUint64(st.Head))
	if err != nil {
		return false, nil
	}
	return h.Hash() == st.HeadHash, nil
}
