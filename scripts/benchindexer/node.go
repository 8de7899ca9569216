package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/pharmatrace/pharmatrace/chain/gethtest"
)

// runner is the gethtest.TB a program can give: Fatalf and Skipf unwind to guard, Cleanup
// functions run in close, last registered first, as in a test.
type runner struct {
	log      io.Writer
	cleanups []func()
}

// fatal is the panic value of a failed step; guard turns it back into an error.
type fatal struct{ msg string }

func (r *runner) Helper()                           {}
func (r *runner) Cleanup(f func())                  { r.cleanups = append(r.cleanups, f) }
func (r *runner) Fatalf(format string, args ...any) { panic(fatal{fmt.Sprintf(format, args...)}) }
func (r *runner) Skipf(format string, args ...any)  { panic(fatal{fmt.Sprintf(format, args...)}) }
func (r *runner) Logf(format string, args ...any) {
	fmt.Fprintf(r.log, "benchindexer: "+format+"\n", args...)
}

// guard, deferred, turns a failed step's panic into the function's error; other panics go on.
func (r *runner) guard(err *error) {
	if v := recover(); v != nil {
		f, ok := v.(fatal)
		if !ok {
			panic(v)
		}
		*err = errors.New(f.msg)
	}
}

// close runs the cleanups (stopping geth cleanly among them).
func (r *runner) close() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
	r.cleanups = nil
}

// txpoolArgs let the generator keep thousands of transactions in flight: geth's defaults allow
// 16 executable and 64 queued transactions per account. --rpc.txfeecap 0 lifts the 1-ether
// fee cap per transaction (the fee cap is set high so a rising base fee never strands a transaction).
var txpoolArgs = []string{
	"--txpool.accountslots", "8192",
	"--txpool.accountqueue", "8192",
	"--txpool.globalslots", "65536",
	"--txpool.globalqueue", "65536",
	"--rpc.txfeecap", "0",
}

// startNode starts geth --dev on the persistent datadir (gethtest initialises a new one with the
// Osaka-pinned genesis, and reuses a datadir that already holds a chain). The node stops cleanly
// when r closes.
// Without logIndex geth keeps no log search index and answers eth_getLogs from each block's
// receipts (the node setting changes the baseline, so the report says which one ran).
func startNode(r *runner, datadir string, logIndex bool) *gethtest.Node {
	args := txpoolArgs
	if !logIndex {
		args = append(args[:len(args):len(args)], "--history.logs.disable")
	}
	return gethtest.Start(r, gethtest.Options{
		DataDir:   datadir,
		Verbosity: 2, // warnings only: the log lives as long as the datadir
		ExtraArgs: args,
	})
}

// group formats an integer with thin thousands separators: 1 234 567.
func group(n uint64) string {
	s := strconv.FormatUint(n, 10)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ' ')
		}
		out = append(out, s[i])
	}
	return string(out)
}
