package chain_test

import (
	"testing"

	"github.com/pharmatrace/pharmatrace/chain"
)

func TestLoopback(t *testing.T) {
	for u, want := range map[string]bool{
		"http://127.0.0.1:8545":        true,
		"http://localhost:8545":        true,
		"https://[::1]:8545/rpc":       true,
		"http://10.0.0.5:8545":         false,
		"http://node.example.org":      false,
		"ws://127.0.0.1:8546":          false, // WebSocket: compression is negotiated per message, not gzip
		"/var/run/geth.ipc":            false,
		"http://127.0.0.1.nip.io:8545": false,
	} {
		if got := chain.Loopback(u); got != want {
			t.Errorf("Loopback(%q) = %v, want %v", u, got, want)
		}
	}
}
