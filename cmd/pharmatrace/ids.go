package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/pharmatrace/pharmatrace/chain"
)

func runIDs(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ids", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gtin := fs.String("gtin", "", "GTIN-14 of the product (14 digits)")
	lot := fs.String("lot", "", "batch / lot number (GS1 AI 10)")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: pharmatrace ids --gtin GTIN --lot LOT [SERIAL ...]

Prints the batch id keccak256(abi.encode(uint64 gtin, string lot)) and, for each serial,
the pack id keccak256(abi.encode(bytes32 batchId, string serial)), as the contracts compute them.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	g, err := strconv.ParseUint(*gtin, 10, 64)
	if err != nil || len(*gtin) != 14 || *lot == "" {
		fmt.Fprintln(stderr, "pharmatrace ids: --gtin (14 digits) and --lot are required")
		return 2
	}
	id := chain.BatchID(g, *lot)
	fmt.Fprintf(stdout, "batch %s\n", id.Hex())
	for _, s := range fs.Args() {
		fmt.Fprintf(stdout, "pack  %s  %s\n", chain.PackID(id, s).Hex(), s)
	}
	return 0
}
