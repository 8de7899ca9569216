package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pharmatrace/pharmatrace/keys"
)

const accountHelp = `Usage: pharmatrace account new --keystore DIR [--passphrase-file FILE] [--light]
       pharmatrace account list --keystore DIR [--passphrase-file FILE]

Creates an account key in a go-ethereum keystore directory (the same scrypt-encrypted files
'geth account new' writes), or lists the keystore's accounts. The passphrase comes from
--passphrase-file or PHARMATRACE_PASSPHRASE, never a flag. A regulator then admits the account
as a participant (POST /api/v1/participants).
`

func runAccount(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "new" && args[0] != "list") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprint(stdout, accountHelp)
			return 0
		}
		fmt.Fprint(stderr, accountHelp)
		return 2
	}
	sub := args[0]
	fs := flag.NewFlagSet("account "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	kf := addKeystoreFlags(fs, "keystore `DIR`")
	light := fs.Bool("light", false, "cheap scrypt parameters (for test networks only)")
	fs.Usage = usageFunc(fs, stderr, accountHelp)
	if err := parseFlags(fs, args[1:], os.Getenv); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "pharmatrace account %s: %v\n", sub, err)
		return 2
	}
	if kf.dir == "" {
		fmt.Fprintf(stderr, "pharmatrace account %s: --keystore is required\n", sub)
		return 2
	}
	pass, err := kf.passphrase()
	if err != nil {
		fmt.Fprintf(stderr, "pharmatrace account %s: %v\n", sub, err)
		return 2
	}
	switch sub {
	case "new":
		a, err := keys.Create(kf.dir, pass, *light)
		if err != nil {
			fmt.Fprintf(stderr, "pharmatrace account new: %v\n", err)
			return 1
		}
		fmt.Fprintln(stdout, a.Hex())
	case "list":
		ring, err := keys.Open(kf.dir, pass)
		if err != nil {
			fmt.Fprintf(stderr, "pharmatrace account list: %v\n", err)
			return 1
		}
		for _, a := range ring.Accounts() {
			fmt.Fprintln(stdout, a.Hex())
		}
	}
	return 0
}
