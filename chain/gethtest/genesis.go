package gethtest

import (
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"os"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"

	"github.com/pharmatrace/pharmatrace/chain"
)

// ChainID is the dev chain's id (geth --dev's, and the simulated chain's).
const ChainID = 1337

// DevKeyHex is go-ethereum's fixed developer key (cmd/utils.DeveloperKey in v1.17.10, not a
// secret: it is in go-ethereum's source). When the datadir's keystore is empty, geth --dev imports
// it there (datadir/keystore, empty passphrase) and uses its account as the dev account and fee
// recipient. Never fund it on a chain that matters.
const DevKeyHex = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"

// DevKey returns the developer key.
func DevKey() *ecdsa.PrivateKey {
	key, err := crypto.HexToECDSA(DevKeyHex)
	if err != nil {
		panic(err)
	}
	return key
}

// DevAddress is the developer account: 0x71562b71999873DB5b286dF957af199Ec94617F7.
var DevAddress = crypto.PubkeyToAddress(DevKey().PublicKey)

// Genesis is geth --dev's genesis (precompile and system-contract allocs, the developer account
// funded with 2^256-9 wei) with its chain config replaced by chain.OsakaConfig: every fork up to
// Osaka active from block 0, nothing later (no BPO, Amsterdam, Bogota or UBT). The block gas
// limit is the miner's default ceiling, as on the simulated chain, so it does not drift.
//
// geth --dev cannot be told to use another config by flags (the --override.* flags only move a
// fork's time, and --override.genesis is exclusive with --dev), but when its --datadir already
// holds a chain it uses that chain's stored genesis and config. So: `geth init` with this genesis,
// then `geth --dev` on the same datadir.
func Genesis() *core.Genesis {
	g := core.DeveloperGenesisBlock(ethconfig.Defaults.Miner.GasCeil, &DevAddress)
	g.Config = chain.OsakaConfig(big.NewInt(ChainID))
	return g
}

// WriteGenesis writes Genesis as JSON, for `geth init`.
func WriteGenesis(path string) error {
	b, err := json.MarshalIndent(Genesis(), "", "  ")
	if err != nil {
		return fmt.Errorf("encode genesis: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write genesis: %w", err)
	}
	return nil
}
