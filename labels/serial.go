package labels

import (
	"crypto/rand"
	"fmt"
)

// SerialAlphabet is the set Serials draws from: see the package documentation
// for why these 32 characters.
const SerialAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

// Serial lengths: the default, the shortest that keeps the guess probability
// below 1 in 10 000 for 10 million packs of a product, and GS1's maximum for
// AI 21.
const (
	DefaultSerialLength = 12
	MinSerialLength     = 8
	MaxSerialLength     = 20
)

// MaxSerials bounds one call of Serials, to keep a mistyped count from
// exhausting memory; a batch is far smaller.
const MaxSerials = 10_000_000

// Serials returns n distinct random serials of the given length (0 means
// DefaultSerialLength), each character drawn uniformly with crypto/rand from
// SerialAlphabet. Serials are distinct within one call only: a product's
// serials must be unique across all its batches (EU 2016/161 Art. 4(a)), which
// the caller checks against those already issued for the GTIN, drawing again
// on a clash (with 2^60 values at length 12, a clash is unlikely until about a
// billion serials).
func Serials(n int, length int) ([]string, error) {
	if length == 0 {
		length = DefaultSerialLength
	}
	switch {
	case n < 0 || n > MaxSerials:
		return nil, fmt.Errorf("serials: count %d out of range 0…%d", n, MaxSerials)
	case length < MinSerialLength || length > MaxSerialLength:
		return nil, fmt.Errorf("serials: length %d out of range %d…%d", length, MinSerialLength, MaxSerialLength)
	}
	out := make([]string, 0, n)
	seen := make(map[string]struct{}, n)
	// One byte per character: 256 is a multiple of 32, so b&31 is uniform.
	buf := make([]byte, length*min(n, 4096))
	for len(out) < n {
		chunk := buf[:length*min(n-len(out), 4096)]
		if _, err := rand.Read(chunk); err != nil {
			return nil, fmt.Errorf("serials: %w", err)
		}
		for i := 0; i < len(chunk); i += length {
			s := chunk[i : i+length]
			for j, b := range s {
				s[j] = SerialAlphabet[b&31]
			}
			serial := string(s)
			if _, dup := seen[serial]; dup {
				continue // drawn again by the outer loop
			}
			seen[serial] = struct{}{}
			out = append(out, serial)
		}
	}
	return out, nil
}
