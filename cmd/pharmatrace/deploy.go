package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/keys"
)

const deployHelp = `Usage: pharmatrace deploy --keystore DIR [--from ADDRESS] --regulator-gln GLN
                          [--regulator-name NAME] [--rpc URL] [--out FILE]

Deploys the Registry and BatchLedger contracts to the node at --rpc, signed by a keystore
account (the passphrase from --passphrase-file or PHARMATRACE_PASSPHRASE), which becomes the
first regulator. Writes the contracts file (chain id, addresses, deployment block) that serve,
index, audit and verify read. Refuses to overwrite an existing contracts file for the same
chain whose contracts are still there.
`

func runDeploy(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("deploy", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rpc := fs.String("rpc", defaultRPC, "JSON-RPC `URL` of the node (default: the embedded chain in --data) (env PHARMATRACE_RPC)")
	data := fs.String("data", defaultData, "`DIR` of the embedded chain, used when --rpc is not given (env PHARMATRACE_DATA)")
	kf := addKeystoreFlags(fs, "go-ethereum keystore `DIR` holding the deployer's key")
	from := fs.String("from", "", "deployer `ADDRESS` (default: the keystore's only account)")
	gln := fs.String("regulator-gln", "", "the first regulator's 13-digit `GLN` (env PHARMATRACE_REGULATOR_GLN)")
	name := fs.String("regulator-name", "Regulator", "the first regulator's `NAME` (env PHARMATRACE_REGULATOR_NAME)")
	out := fs.String("out", defaultContractsFile, "contracts `FILE` to write (env PHARMATRACE_CONFIG)")
	fs.Usage = usageFunc(fs, stderr, deployHelp)
	if err := parseFlags(fs, args, os.Getenv); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "pharmatrace deploy: %v\n", err)
		return 2
	}
	fail := func(code int, err error) int { fmt.Fprintf(stderr, "pharmatrace deploy: %v\n", err); return code }
	if kf.dir == "" {
		return fail(2, errors.New("--keystore is required (create a key with 'pharmatrace account new')"))
	}
	g, err := gs1.ParseGLN(*gln)
	if err != nil {
		return fail(2, fmt.Errorf("--regulator-gln: %w", err))
	}
	pass, err := kf.passphrase()
	if err != nil {
		return fail(2, err)
	}
	ring, err := keys.Open(kf.dir, pass)
	if err != nil {
		return fail(1, err)
	}
	deployer, err := pickAccount(ring, *from)
	if err != nil {
		return fail(2, err)
	}
	s := settings{RPC: *rpc, Data: *data}
	ec, closeNode, err := s.node(ctx, slog.New(slog.DiscardHandler), deployer)
	if err != nil {
		return fail(1, err)
	}
	defer closeNode()
	id, err := ec.ChainID(ctx)
	if err != nil {
		return fail(1, err)
	}
	if prev, err := readContractsFile(*out); err == nil && prev.ChainID == id.Uint64() {
		if code, err := ec.CodeAt(ctx, prev.Registry, nil); err == nil && len(code) > 0 {
			return fail(1, fmt.Errorf("%s already names contracts on chain %d at registry %s; move it away to deploy again", *out, prev.ChainID, prev.Registry))
		}
	}
	opts, err := ring.Transactor(deployer, id)
	if err != nil {
		return fail(1, err)
	}
	glnNum, _ := strconv.ParseUint(string(g), 10, 64)
	d, err := chain.DeployContracts(ctx, ec, opts, chain.DeployOptions{RegulatorGLN: glnNum, RegulatorName: *name})
	if err != nil {
		return fail(1, err)
	}
	if err := writeContractsFile(*out, contractsFile{ChainID: id.Uint64(), Addresses: d.Addresses, DeployBlock: d.Block}); err != nil {
		return fail(1, err)
	}
	fmt.Fprintf(stdout, "registry %s\nledger   %s\nblock    %d\nwritten to %s\n", d.Registry, d.Ledger, d.Block, *out)
	return 0
}

// pickAccount returns from, which the ring must hold, or the ring's only account.
func pickAccount(ring *keys.Ring, from string) (common.Address, error) {
	if from != "" {
		if !common.IsHexAddress(from) {
			return common.Address{}, fmt.Errorf("--from %q is not an address", from)
		}
		a := common.HexToAddress(from)
		if !ring.Has(a) {
			return a, fmt.Errorf("the keystore holds no key for %s", a)
		}
		return a, nil
	}
	accts := ring.Accounts()
	if len(accts) != 1 {
		return common.Address{}, fmt.Errorf("the keystore holds %d accounts: choose one with --from", len(accts))
	}
	return accts[0], nil
}
