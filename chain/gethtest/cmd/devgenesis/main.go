// Command devgenesis writes the genesis that scripts/devnet.sh gives `geth init`: geth --dev's
// genesis (the developer account funded) with the chain config pinned to Osaka (gethtest.Genesis).
//
//	go run ./chain/gethtest/cmd/devgenesis -o data/devnet/genesis.json
package main

import (
	"flag"
	"fmt"
	"math/big"
	"os"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/gethtest"
)

func main() {
	out := flag.String("o", "genesis.json", "output file")
	flag.Parse()
	if err := gethtest.WriteGenesis(*out); err != nil {
		fmt.Fprintln(os.Stderr, "devgenesis:", err)
		os.Exit(1)
	}
	g := gethtest.Genesis()
	fmt.Printf("wrote %s: chain id %s, forks from genesis: %s; dev account %s\n",
		*out, g.Config.ChainID, chain.ActiveForks(g.Config, big.NewInt(0), 0), gethtest.DevAddress)
}
