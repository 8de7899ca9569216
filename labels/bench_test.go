package labels

import (
	"testing"
	"time"
)

// countWriter counts what it is given.
type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkSheet10000 writes the label sheet of a 10 000-pack batch (334 A4
// pages); make bench-labels runs it once. The goal is under 10 s. The codes
// are signed beforehand, outside the timing: signing belongs to registering
// the batch.
func BenchmarkSheet10000(b *testing.B) {
	const packs = 10000
	codes := signedCodes(b, packs)
	sheet := Sheet{Product: "Paracetamol 500 mg film-coated tablets", Codes: codes, BaseURL: testBase}
	var size int64
	var pages int
	start := time.Now()
	for b.Loop() {
		w := &countWriter{}
		pages = 0
		if err := WriteSheet(b.Context(), w, sheet, func(done, total int) { pages++ }); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	elapsed := time.Since(start) / time.Duration(b.N)
	b.ReportMetric(elapsed.Seconds(), "s/sheet")
	b.ReportMetric(float64(size)/1e6, "MB/sheet")
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(size)/packs, "B/label")
	b.Logf("%d labels, %d pages: %.2f s, %.1f MB (goal < 10 s)", packs, pages, elapsed.Seconds(), float64(size)/1e6)
}
