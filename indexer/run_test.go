package indexer_test

import (
	"context"
	"errors"
	"log/slog"
	"math/big"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/internal/testkit"
)

// flakyNode fails every call while down, like a node that stopped or a network that broke.
type flakyNode struct {
	indexer.Node
	down atomic.Bool
}

var errNodeDown = errors.New("dial tcp 127.0.0.1:8545: connect: connection refused")

func (f *flakyNode) BlockNumber(ctx context.Context) (uint64, error) {
	if f.down.Load() {
		return 0, errNodeDown
	}
	return f.Node.BlockNumber(ctx)
}

func (f *flakyNode) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	if f.down.Load() {
		return nil, errNodeDown
	}
	return f.Node.HeaderByNumber(ctx, n)
}

func (f *flakyNode) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	if f.down.Load() {
		return nil, errNodeDown
	}
	return f.Node.FilterLogs(ctx, q)
}

// waitFor polls cond until it holds or the timeout passes.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestNodeDownAndUp: a running indexer survives its node going away, logs the outage once,
// and catches up when the node is back.
func TestNodeDownAndUp(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		c := chaintest.New(t)
		node := &flakyNode{Node: c.Backend}
		logs := &testkit.Buffer{}
		ix, err := indexer.New(db, node, indexer.Options{
			Addresses: c.Client.Addresses(), PollInterval: 20 * time.Millisecond,
			Logger: slog.New(slog.NewTextHandler(logs, nil)),
		})
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- ix.Run(ctx) }()

		caughtUp := func() bool {
			head := headNumber(t, c)
			cur, ok, err := ix.Cursor(ctx)
			return err == nil && ok && cur.Number == head
		}
		gtin := chaintest.GTIN(1)
		c.RegisterProduct(t, c.Manufacturer, gtin)
		waitFor(t, 10*time.Second, "the first catch-up", caughtUp)

		node.down.Store(true)
		b := c.RegisterBatch(t, c.Manufacturer, gtin, "OUTAGE", 3)
		c.ShipAndReceive(t, b, c.Manufacturer, c.Distributor, 2)
		time.Sleep(600 * time.Millisecond) // several failed polls with backoff
		if caughtUp() {
			t.Fatal("indexer advanced while its node was down")
		}
		node.down.Store(false)
		waitFor(t, 40*time.Second, "the catch-up after the outage", caughtUp)
		audit(t, db, c)

		if n := strings.Count(logs.String(), "sync failed"); n != 1 {
			t.Errorf("outage logged %d times, want once:\n%s", n, logs)
		}
		if !strings.Contains(logs.String(), "node reachable again") {
			t.Errorf("recovery not logged:\n%s", logs)
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run returned %v after cancel, want nil", err)
		}
	})
}

// TestLeadOneWriterAtATime: two indexers against one PostgreSQL database; one writes, the
// other stands by and takes over within seconds when the first stops.
func TestLeadOneWriterAtATime(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *indexer.DB) {
		if !db.Postgres {
			t.Skip("advisory locks are PostgreSQL's; SQLite allows one writer by itself")
		}
		ctx := context.Background()
		var active, maxActive atomic.Int32
		started := make(chan string, 2)
		run := func(name string) func(context.Context) error {
			return func(ctx context.Context) error {
				n := active.Add(1)
				defer active.Add(-1)
				for {
					m := maxActive.Load()
					if n <= m || maxActive.CompareAndSwap(m, n) {
						break
					}
				}
				started <- name
				<-ctx.Done()
				return nil
			}
		}
		ctxA, stopA := context.WithCancel(ctx)
		ctxB, stopB := context.WithCancel(ctx)
		defer stopB()
		doneA, doneB := make(chan error, 1), make(chan error, 1)
		go func() { doneA <- db.Lead(ctxA, nil, 100*time.Millisecond, run("a")) }()
		if got := <-started; got != "a" {
			t.Fatalf("first leader = %s", got)
		}
		go func() { doneB <- db.Lead(ctxB, nil, 100*time.Millisecond, run("b")) }()
		select {
		case got := <-started:
			t.Fatalf("%s started while a held the lock", got)
		case <-time.After(500 * time.Millisecond):
		}
		stopA()
		if err := <-doneA; err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		select {
		case got := <-started:
			if got != "b" {
				t.Fatalf("second leader = %s", got)
			}
			t.Logf("took over in %s", time.Since(start))
		case <-time.After(5 * time.Second):
			t.Fatal("b did not take over within 5 s")
		}
		stopB()
		if err := <-doneB; err != nil {
			t.Fatal(err)
		}
		if m := maxActive.Load(); m != 1 {
			t.Errorf("%d leaders at once", m)
		}
	})
}
