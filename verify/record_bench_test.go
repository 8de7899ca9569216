package verify

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pharmatrace/pharmatrace/indexer/indextest"
)

// BenchmarkRecorderWrite measures what the scan log costs the service: one batch of
// benchBatch scans (a second's worth at 2 000 verifications a second), each of one pack by
// its own client, written on top of a log that already holds benchLogged scans of the same
// packs, as after a minute of such traffic. It reports the CPU of one scan's share; the
// verifications' answers do not wait for it, but they share the machine with it.
// PHARMATRACE_TEST_POSTGRES runs it on PostgreSQL.
func BenchmarkRecorderWrite(b *testing.B) {
	const (
		benchBatch  = 2000
		benchPacks  = 20_000
		benchLogged = 120_000
	)
	ctx := context.Background()
	db := indextest.Open(b)
	r := NewRecorder(db, RecorderOptions{})
	now := time.Now()
	seq := 0
	batch := func() []Result {
		out := make([]Result, benchBatch)
		for i := range out {
			k := seq % benchPacks
			seq++
			pack := crypto.Keccak256Hash([]byte(fmt.Sprint("pack", k)))
			out[i] = Result{Verdict: Authentic, scan: scanRecord{
				at:      now.Add(time.Duration(seq) * 500 * time.Microsecond),
				scanner: Scanner{Client: fmt.Sprintf("%024x", k%4096)},
				verdict: Authentic, gtin: "09506000134352", lot: "LOT-1", serial: fmt.Sprintf("SN%08d", k),
				batchID: common.Hash{1}.Hex(), packID: pack.Hex(), block: 42,
			}}
		}
		return out
	}
	for range benchLogged / benchBatch {
		if err := r.write(ctx, batch()); err != nil {
			b.Fatal(err)
		}
	}
	batches := make([][]Result, b.N)
	for i := range batches {
		batches[i] = batch()
	}
	b.ResetTimer()
	for i := range b.N {
		if err := r.write(ctx, batches[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*benchBatch), "µs/scan")
}
