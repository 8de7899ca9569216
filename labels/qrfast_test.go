package labels

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestQREncoderMatchesSkip2 checks the sheet's encoder against go-qrcode,
// module for module, over payloads that exercise every mode mix and every
// version.
func TestQREncoderMatchesSkip2(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	classes := []string{
		"0123456789",
		"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:",
		"abcdefghijklmnopqrstuvwxyz",
		"\x00\x1d\x7f\x80\xc3\xa9\xff?&=#",
	}
	random := func(n int) string {
		var b strings.Builder
		for b.Len() < n {
			// Runs of one class, so segmentation has something to do.
			cl := classes[rng.IntN(len(classes))]
			for k := 1 + rng.IntN(12); k > 0 && b.Len() < n; k-- {
				b.WriteByte(cl[rng.IntN(len(cl))])
			}
		}
		return b.String()
	}
	var payloads []string
	for _, n := range []int{1, 2, 3, 4, 5, 7, 10, 14, 20, 25, 26, 27, 40, 60, 90, 120, 150, 180, 200, 250, 256, 300, 400, 600, 900, 1200, 1600, 2000, 2300} {
		for k := 0; k < 6; k++ {
			payloads = append(payloads, random(n))
		}
		payloads = append(payloads, strings.Repeat("7", n), strings.Repeat("A", n), strings.Repeat("a", n))
	}
	for k := 0; k < 200; k++ {
		payloads = append(payloads, signedPayload(t, fmt.Sprintf("SN%06d", k)))
	}
	payloads = append(payloads, strings.Repeat("x", 3000), strings.Repeat("9", 7090), strings.Repeat("9", 5000))

	e := newQREncoder()
	versions := map[int]bool{}
	for _, p := range payloads {
		want, wantErr := encode(p)
		got, gotErr := e.encode(p)
		if (wantErr != nil) != (gotErr != nil) {
			t.Fatalf("%d-byte payload %.40q: go-qrcode error %v, ours %v", len(p), p, wantErr, gotErr)
		}
		if wantErr != nil {
			continue
		}
		versions[(want.n-2*QuietZone-17)/4] = true
		if got.n != want.n {
			t.Fatalf("%d-byte payload %.40q: %d modules, go-qrcode %d", len(p), p, got.n, want.n)
		}
		for i := range want.dark {
			if got.dark[i] != want.dark[i] {
				t.Fatalf("%d-byte payload %.40q (%d modules): module (%d,%d) differs from go-qrcode's",
					len(p), p, want.n, i%want.n, i/want.n)
			}
		}
	}
	if len(versions) < 30 {
		t.Errorf("only %d versions exercised", len(versions))
	}
}

func BenchmarkQREncoder(b *testing.B) {
	payload := signedPayload(b, "K7Q2M9XRT4HB")
	e := newQREncoder()
	for b.Loop() {
		if _, err := e.encode(payload); err != nil {
			b.Fatal(err)
		}
	}
}

// TestQRPenalty64 checks the word-wide scoring against the module-wide one.
func TestQRPenalty64(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for k := 0; k < 3000; k++ {
		size := 21 + rng.IntN(44)
		m := make([]byte, size*size)
		// Sparse, dense and balanced symbols, with long runs now and then.
		density := rng.Float64()
		for i := range m {
			if rng.Float64() < density {
				m[i] = 1
			}
			if i > 0 && rng.IntN(4) == 0 {
				m[i] = m[i-1]
			}
		}
		want := qrPenalty(m, make([]byte, size*size), size)
		if got := qrPenalty64(m, size); got != want {
			t.Fatalf("size %d, density %.2f: qrPenalty64 = %d, qrPenalty = %d", size, density, got, want)
		}
	}
}
