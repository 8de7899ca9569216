package verify

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/indexer/indextest"
)

func scanResult(i int, at time.Time) Result {
	return Result{Verdict: Unknown, scan: scanRecord{at: at, verdict: Unknown, gtin: "09506000134352", lot: "L", serial: fmt.Sprint("S", i)}}
}

func countScans(t *testing.T, db *indexer.DB) int {
	t.Helper()
	var n int
	if err := db.GetContext(context.Background(), &n, `SELECT COUNT(*) FROM svc_scans`); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRecorderQueue: a full batch is written without waiting for the interval; with maxQueued
// scans waiting (the database stalled, here: the recorder not running) Record blocks until its
// context ends, then gives up on that scan; every scan queued before is written.
func TestRecorderQueue(t *testing.T) {
	ctx := context.Background()
	db := indextest.OpenSQLite(t)
	r := NewRecorder(db, RecorderOptions{Interval: time.Hour})
	now := time.Now()
	for i := range maxQueued {
		r.Record(ctx, scanResult(i, now))
	}
	blocked, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	r.Record(blocked, scanResult(-1, now))
	if waited := time.Since(start); waited < 90*time.Millisecond {
		t.Errorf("Record returned after %s with %d scans queued, want it to block until its context ends", waited, maxQueued)
	}

	rctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); r.Run(rctx) }()
	defer func() { stop(); <-done }()
	deadline := time.Now().Add(10 * time.Second)
	for countScans(t, db) < maxQueued && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond) // the hour-long interval cannot be what writes them
	}
	if n := countScans(t, db); n != maxQueued {
		t.Fatalf("%d scans written, want the %d queued", n, maxQueued)
	}

	// A batch's worth more is written as soon as it is complete.
	for i := range maxBatch {
		r.Record(ctx, scanResult(maxQueued+i, now))
	}
	deadline = time.Now().Add(10 * time.Second)
	for countScans(t, db) < maxQueued+maxBatch && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := countScans(t, db); n != maxQueued+maxBatch {
		t.Fatalf("%d scans written, want %d: a full batch waited for the interval", n, maxQueued+maxBatch)
	}
}
