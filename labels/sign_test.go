package labels

import (
	"context"
	"encoding/base64"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pharmatrace/pharmatrace/gs1"
)

func TestSignCodeRecoverSigner(t *testing.T) {
	s := testSigner(t)
	c, err := SignCode(t.Context(), s, testCode("SN12345"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sig) != 87 {
		t.Errorf("len(Sig) = %d, want 87 (65 bytes, unpadded base64url)", len(c.Sig))
	}
	raw, err := base64.RawURLEncoding.DecodeString(c.Sig)
	if err != nil {
		t.Fatal(err)
	}
	if v := raw[64]; v != 27 && v != 28 {
		t.Errorf("V = %d, want 27 or 28 as personal_sign", v)
	}

	// The signature is personal_sign's: recover it the way a wallet library
	// does, from the EIP-191 hash of the canonical element string.
	msg := "0109506000134352" + "17270331" + "10ABC123\x1d" + "21SN12345"
	if got := gs1.Canonical(c); got != msg {
		t.Fatalf("Canonical = %q, want %q", got, msg)
	}
	hash := crypto.Keccak256([]byte("\x19Ethereum Signed Message:\n" + "42" + msg))
	if string(hash) != string(accounts.TextHash([]byte(msg))) {
		t.Fatal("TextHash differs from the EIP-191 hash written out")
	}
	pub, err := crypto.SigToPub(hash, append(raw[:64:64], raw[64]-27))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := crypto.PubkeyToAddress(*pub), s.Address(); got != want {
		t.Fatalf("wallet-style recovery = %s, want %s", got, want)
	}

	got, err := RecoverSigner(c)
	if err != nil {
		t.Fatal(err)
	}
	if got != s.Address() {
		t.Fatalf("RecoverSigner = %s, want %s", got, s.Address())
	}

	// What a phone scans reads back to the same signer.
	parsed, err := gs1.Parse(gs1.FormatDigitalLink(testBase, c), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := RecoverSigner(parsed); err != nil || got != s.Address() {
		t.Fatalf("RecoverSigner(parsed Digital Link) = %s, %v; want %s", got, err, s.Address())
	}
}

func TestRecoverSignerTampered(t *testing.T) {
	s := testSigner(t)
	signed, err := SignCode(t.Context(), s, testCode("SN12345"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		tamper func(*gs1.Code)
	}{
		{"serial changed by one character", func(c *gs1.Code) { c.Serial = "SN12346" }},
		{"serial case changed", func(c *gs1.Code) { c.Serial = "sN12345" }},
		{"serial shortened", func(c *gs1.Code) { c.Serial = "SN1234" }},
		{"expiry one day later", func(c *gs1.Code) { c.Expiry = c.Expiry.AddDate(0, 0, 1) }},
		{"expiry as day 00 of the same month", func(c *gs1.Code) { c.ExpiryRaw = "270300" }},
		{"expiry removed", func(c *gs1.Code) { c.Expiry = time.Time{} }},
		{"lot changed", func(c *gs1.Code) { c.Lot = "ABC124" }},
		{"lot removed", func(c *gs1.Code) { c.Lot = "" }},
		{"gtin of another product", func(c *gs1.Code) { c.GTIN = "09506000134369" }},
		{"serial moved into the lot", func(c *gs1.Code) { c.Lot, c.Serial = "ABC123SN12345", "" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := signed
			tt.tamper(&c)
			got, err := RecoverSigner(c)
			if err != nil {
				t.Fatalf("RecoverSigner: %v (a tampered code still has a well-formed signature)", err)
			}
			if got == s.Address() {
				t.Fatalf("tampered code %q recovers to the signer %s", gs1.Canonical(c), got)
			}
		})
	}
}

func TestRecoverSignerMalformed(t *testing.T) {
	signed, err := SignCode(t.Context(), testSigner(t), testCode("SN12345"))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := base64.RawURLEncoding.DecodeString(signed.Sig)
	with := func(f func(sig []byte) []byte) string {
		return base64.RawURLEncoding.EncodeToString(f(append([]byte(nil), raw...)))
	}
	n := crypto.S256().Params().N
	tests := []struct {
		name string
		sig  string
		want SignatureErrorCode
	}{
		{"missing", "", ESigMissing},
		{"padded", signed.Sig + "=", ESigEncoding},
		{"standard base64 alphabet", strings.NewReplacer("-", "+", "_", "/").Replace(signed.Sig) + "+/", ESigEncoding},
		{"not base64", "not a signature!", ESigEncoding},
		{"non-zero trailing bits", signed.Sig[:86] + string(nextBase64(signed.Sig[86])), ESigEncoding},
		{"64 bytes", with(func(s []byte) []byte { return s[:64] }), ESigLength},
		{"66 bytes", with(func(s []byte) []byte { return append(s, 0) }), ESigLength},
		{"empty bytes but present", "AA", ESigLength},
		{"V of 0", with(func(s []byte) []byte { s[64] -= 27; return s }), ESigValues},
		{"V of 29", with(func(s []byte) []byte { s[64] = 29; return s }), ESigValues},
		{"R of 0", with(func(s []byte) []byte { clear(s[:32]); return s }), ESigValues},
		{"high S", with(func(s []byte) []byte {
			hs := new(big.Int).Sub(n, new(big.Int).SetBytes(s[32:64]))
			hs.FillBytes(s[32:64])
			s[64] ^= 1 // (R, N-S) with V flipped is the same signer: refused all the same
			return s
		}), ESigValues},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := signed
			c.Sig = tt.sig
			addr, err := RecoverSigner(c)
			if code := SignatureErrorCodeOf(err); code != tt.want {
				t.Fatalf("RecoverSigner(sig %q) = %s, %v; want error code %q", tt.sig, addr, err, tt.want)
			}
			if addr != (common.Address{}) {
				t.Errorf("address %s returned with an error", addr)
			}
		})
	}
}

// nextBase64 returns the base64url character after c, so that an 87th
// character with its unused low bits zero gets one of them set.
func nextBase64(c byte) byte {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	return alphabet[(strings.IndexByte(alphabet, c)+1)%64]
}

// fixedSigner returns a canned answer.
type fixedSigner struct {
	sig []byte
	err error
}

func (f fixedSigner) Sign(context.Context, []byte) ([]byte, error) { return f.sig, f.err }

func TestSignCodeSigner(t *testing.T) {
	ks := testSigner(t)
	c := testCode("SN12345")
	want, err := SignCode(t.Context(), ks, c)
	if err != nil {
		t.Fatal(err)
	}
	good, _ := base64.RawURLEncoding.DecodeString(want.Sig)

	t.Run("V of 0 or 1 as a keystore returns it", func(t *testing.T) {
		sig := append([]byte(nil), good...)
		sig[64] -= 27
		got, err := SignCode(t.Context(), fixedSigner{sig: sig}, c)
		if err != nil || got.Sig != want.Sig {
			t.Fatalf("SignCode = %q, %v; want %q", got.Sig, err, want.Sig)
		}
		if sig[64] > 1 {
			t.Error("SignCode changed the signer's slice")
		}
	})
	t.Run("signer error", func(t *testing.T) {
		boom := errors.New("hardware wallet unplugged")
		if _, err := SignCode(t.Context(), fixedSigner{err: boom}, c); !errors.Is(err, boom) {
			t.Fatalf("err = %v, want it to wrap %v", err, boom)
		}
	})
	t.Run("short signature", func(t *testing.T) {
		if _, err := SignCode(t.Context(), fixedSigner{sig: good[:64]}, c); err == nil {
			t.Fatal("a 64-byte signature was accepted")
		}
	})
	t.Run("V of 35", func(t *testing.T) {
		sig := append([]byte(nil), good...)
		sig[64] = 35
		if _, err := SignCode(t.Context(), fixedSigner{sig: sig}, c); err == nil {
			t.Fatal("V=35 was accepted")
		}
	})
	t.Run("canceled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		if _, err := SignCode(ctx, ks, c); !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
}

func TestSignCodeRefusesInvalidCodes(t *testing.T) {
	tests := []struct {
		name   string
		change func(*gs1.Code)
	}{
		{"no GTIN", func(c *gs1.Code) { c.GTIN = "" }},
		{"bad check digit", func(c *gs1.Code) { c.GTIN = "09506000134353" }},
		{"GTIN-13 not normalised", func(c *gs1.Code) { c.GTIN = "9506000134352" }},
		{"lot with a space", func(c *gs1.Code) { c.Lot = "ABC 123" }},
		{"serial of 21 characters", func(c *gs1.Code) { c.Serial = strings.Repeat("A", 21) }},
		{"serial with <GS>", func(c *gs1.Code) { c.Serial = "A<GS>B" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := testCode("SN12345")
			tt.change(&c)
			if got, err := SignCode(t.Context(), testSigner(t), c); err == nil {
				t.Fatalf("SignCode(%+v) = sig %q, want an error", c, got.Sig)
			}
		})
	}
}

func BenchmarkSignCode(b *testing.B) {
	s := testSigner(b)
	c := testCode("SN12345")
	for b.Loop() {
		if _, err := SignCode(b.Context(), s, c); err != nil {
			b.Fatal(err)
		}
	}
}
