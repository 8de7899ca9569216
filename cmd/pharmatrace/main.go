// Command pharmatrace is the one PharmaTrace binary. Subcommands parse their flags (with
// PHARMATRACE_* environment fallbacks) and wire the packages together; nothing else lives here.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

const usage = `pharmatrace — traceability of medicines on a private Ethereum chain

Usage:
  pharmatrace <command> [flags]

Commands:
  demo       run the whole platform on an embedded chain with seeded data (start here)
  serve      serve the API and pages (and, by default, run the indexer in the same process)
  index      mirror the contracts' events into SQLite or PostgreSQL, then follow the chain
  audit      compare the SQL mirror with the contracts' views; exit 1 on any difference
  gs1        parse a scanned code, or build a GS1 Digital Link
  verify     verify a pack code against the mirror (or offline: format and signature)
  ids        compute a batch id and pack ids as the contracts do
  deploy     deploy the contracts to a node and write the contracts file
  account    create or list keystore accounts
  token      create, list or revoke API tokens
  version    print the version and the pinned go-ethereum
  help       show this help

Run 'pharmatrace <command> --help' for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches a command line and returns the process exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	case "version":
		return runVersion(stdout)
	case "ids":
		return runIDs(ctx, args[1:], stdout, stderr)
	case "gs1":
		return runGS1(ctx, args[1:], stdout, stderr)
	case "verify":
		return runVerify(ctx, args[1:], stdout, stderr)
	case "index":
		return runIndex(ctx, args[1:], stdout, stderr)
	case "audit":
		return runAudit(ctx, args[1:], stdout, stderr)
	case "demo":
		return runDemo(ctx, args[1:], stdout, stderr)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "deploy":
		return runDeploy(ctx, args[1:], stdout, stderr)
	case "account":
		return runAccount(ctx, args[1:], stdout, stderr)
	case "token":
		return runToken(ctx, args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "pharmatrace: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}

func runVersion(stdout io.Writer) int {
	version, geth := "(devel)", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		for _, m := range bi.Deps {
			if m.Path == "github.com/ethereum/go-ethereum" {
				geth = m.Version
			}
		}
	}
	fmt.Fprintf(stdout, "pharmatrace %s (go-ethereum %s)\n", version, geth)
	return 0
}
