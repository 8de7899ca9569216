package devnode_test

import (
	"log/slog"
	"os"

	gethlog "github.com/ethereum/go-ethereum/log"
)

// DEVNODE_GETH_LOG=1 sends go-ethereum's own log (its process-wide logger, which Config.Logger
// cannot reach) to stderr at debug level: what the chain did, block by block, when a test fails.
func init() {
	if os.Getenv("DEVNODE_GETH_LOG") != "" {
		gethlog.SetDefault(gethlog.NewLogger(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug})))
	}
}
