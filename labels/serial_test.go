package labels

import (
	"math"
	"strings"
	"testing"

	"github.com/pharmatrace/pharmatrace/gs1"
)

func TestSerialAlphabet(t *testing.T) {
	if len(SerialAlphabet) != 32 {
		t.Fatalf("alphabet has %d characters, want 32 (5 bits each)", len(SerialAlphabet))
	}
	if strings.ContainsAny(SerialAlphabet, "01IOlo") {
		t.Errorf("alphabet %q has a character easily misread (0 O 1 I l)", SerialAlphabet)
	}
	for i := 0; i < len(SerialAlphabet); i++ {
		c := SerialAlphabet[i]
		if strings.IndexByte(SerialAlphabet, c) != i {
			t.Errorf("%q appears twice", c)
		}
	}
	// Every character is in the GS1 82-character set and stays as is in a
	// Digital Link path.
	if err := gs1.ValidateAI10or21(SerialAlphabet[:20]); err != nil {
		t.Error(err)
	}
	if err := gs1.ValidateAI10or21(SerialAlphabet[20:]); err != nil {
		t.Error(err)
	}
	c := testCode(SerialAlphabet[:20])
	if uri := gs1.FormatDigitalLink(testBase, c); !strings.Contains(uri, "/21/"+SerialAlphabet[:20]) {
		t.Errorf("URI %q percent-encodes a serial character", uri)
	}
	c.Serial = SerialAlphabet[20:]
	if uri := gs1.FormatDigitalLink(testBase, c); !strings.Contains(uri, "/21/"+SerialAlphabet[20:]) {
		t.Errorf("URI %q percent-encodes a serial character", uri)
	}

	// The documented guess probability: 10 million packs among 32^12 serials.
	if p := 1e7 / math.Pow(32, DefaultSerialLength); p >= 1e-4 || p > 1e-11 {
		t.Errorf("guess probability at the default length = %g", p)
	}
	if p := 1e7 / math.Pow(32, MinSerialLength); p >= 1e-4 {
		t.Errorf("guess probability at the minimum length = %g, want < 1e-4", p)
	}
	if p := 1e7 / math.Pow(32, MinSerialLength-1); p < 1e-4 {
		t.Errorf("MinSerialLength could be %d", MinSerialLength-1)
	}
}

func TestSerials(t *testing.T) {
	for _, tt := range []struct{ n, length, want int }{
		{0, 0, DefaultSerialLength},
		{1, 0, DefaultSerialLength},
		{5000, 0, DefaultSerialLength},
		{100, MinSerialLength, MinSerialLength},
		{100, MaxSerialLength, MaxSerialLength},
	} {
		got, err := Serials(tt.n, tt.length)
		if err != nil {
			t.Fatalf("Serials(%d, %d): %v", tt.n, tt.length, err)
		}
		if len(got) != tt.n {
			t.Fatalf("Serials(%d, %d) gave %d serials", tt.n, tt.length, len(got))
		}
		seen := map[string]bool{}
		for _, s := range got {
			if len(s) != tt.want {
				t.Fatalf("serial %q has length %d, want %d", s, len(s), tt.want)
			}
			if strings.Trim(s, SerialAlphabet) != "" {
				t.Fatalf("serial %q has a character outside the alphabet", s)
			}
			if err := gs1.ValidateAI10or21(s); err != nil {
				t.Fatalf("serial %q: %v", s, err)
			}
			if seen[s] {
				t.Fatalf("serial %q twice", s)
			}
			seen[s] = true
		}
	}
}

func TestSerialsUniform(t *testing.T) {
	got, err := Serials(10000, 0)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[rune]int{}
	for _, s := range got {
		for _, r := range s {
			counts[r]++
		}
	}
	// 120 000 draws, 3 750 expected per character with a standard deviation
	// of about 60: ±10 % is over 6 deviations, so this never fails by chance.
	want := 10000 * DefaultSerialLength / 32
	for _, r := range SerialAlphabet {
		if c := counts[r]; c < want*9/10 || c > want*11/10 {
			t.Errorf("%q drawn %d times, want about %d", r, c, want)
		}
	}
}

func TestSerialsRefuses(t *testing.T) {
	for _, tt := range []struct{ n, length int }{
		{-1, 0},
		{MaxSerials + 1, 0},
		{10, MinSerialLength - 1},
		{10, MaxSerialLength + 1},
		{10, -3},
	} {
		if got, err := Serials(tt.n, tt.length); err == nil {
			t.Errorf("Serials(%d, %d) = %d serials, want an error", tt.n, tt.length, len(got))
		}
	}
}
