package labels

import (
	"context"
	"crypto/ecdsa"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pharmatrace/pharmatrace/gs1"
)

// SignatureLen is the length of an Ethereum signature, R‖S‖V.
const SignatureLen = 65

// Signer signs a message the way personal_sign does (EIP-191 version 0x45):
// it hashes "\x19Ethereum Signed Message:\n" + len(message) + message with
// keccak256 and returns the 65-byte signature R‖S‖V, V being 27 or 28 (0 or 1
// is accepted too, as go-ethereum's keystore returns it). A keystore account,
// clef or a hardware wallet can stand behind it.
type Signer interface {
	Sign(ctx context.Context, message []byte) ([]byte, error)
}

// KeySigner is a Signer holding a private key in memory, for tests, the demo
// and tools; a service signs through its keystore instead.
type KeySigner struct {
	Key *ecdsa.PrivateKey
}

// Sign implements Signer.
func (s KeySigner) Sign(ctx context.Context, message []byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.Key == nil {
		return nil, errors.New("key signer: no key")
	}
	sig, err := crypto.Sign(accounts.TextHash(message), s.Key)
	if err != nil {
		return nil, fmt.Errorf("key signer: %w", err)
	}
	sig[64] += 27 // personal_sign's V
	return sig, nil
}

// Address returns the address of the signer's key.
func (s KeySigner) Address() common.Address {
	return crypto.PubkeyToAddress(s.Key.PublicKey)
}

// SignCode returns c with Sig set to the base64url (no padding) encoding of
// s's signature over gs1.Canonical(c). It refuses a code without a valid GTIN,
// or with a lot or serial outside GS1's rules, so that no signature is ever
// issued for a code a scanner could not read back.
func SignCode(ctx context.Context, s Signer, c gs1.Code) (gs1.Code, error) {
	if err := checkSignable(c); err != nil {
		return gs1.Code{}, fmt.Errorf("sign code: %w", err)
	}
	msg := gs1.Canonical(c)
	sig, err := s.Sign(ctx, []byte(msg))
	if err != nil {
		return gs1.Code{}, fmt.Errorf("sign code %q: %w", msg, err)
	}
	if len(sig) != SignatureLen {
		return gs1.Code{}, fmt.Errorf("sign code %q: signer returned %d bytes, want %d", msg, len(sig), SignatureLen)
	}
	sig = append([]byte(nil), sig...) // the signer's slice is not ours to change
	switch sig[64] {
	case 0, 1:
		sig[64] += 27
	case 27, 28:
	default:
		return gs1.Code{}, fmt.Errorf("sign code %q: signer returned V=%d, want 27 or 28", msg, sig[64])
	}
	c.Sig = base64.RawURLEncoding.EncodeToString(sig)
	return c, nil
}

func checkSignable(c gs1.Code) error {
	if _, err := gs1.ParseGTIN(string(c.GTIN)); err != nil {
		return fmt.Errorf("GTIN: %w", err)
	}
	if len(c.GTIN) != 14 {
		return fmt.Errorf("GTIN %q is not normalised to 14 digits", c.GTIN)
	}
	if c.Lot != "" {
		if err := gs1.ValidateAI10or21(c.Lot); err != nil {
			return fmt.Errorf("lot: %w", err)
		}
	}
	if c.Serial != "" {
		if err := gs1.ValidateAI10or21(c.Serial); err != nil {
			return fmt.Errorf("serial: %w", err)
		}
	}
	return nil
}

// SignatureErrorCode says what is wrong with a code's signature. The codes
// are stable strings, fit for an API response.
type SignatureErrorCode string

// The ways a signature can be unusable. A well-formed signature by the wrong
// key is not among them: it recovers to another address, which only the
// caller, knowing the manufacturer, can tell.
const (
	ESigMissing  SignatureErrorCode = "sig_missing"  // the code has no sig
	ESigEncoding SignatureErrorCode = "sig_encoding" // sig is not unpadded base64url
	ESigLength   SignatureErrorCode = "sig_length"   // sig does not decode to 65 bytes
	ESigValues   SignatureErrorCode = "sig_values"   // V, R or S out of range, or no key recovers
)

// SignatureError is a signature that cannot be checked: RecoverSigner returns
// it as a *SignatureError.
type SignatureError struct {
	Code SignatureErrorCode
	Msg  string
}

// Error implements error.
func (e *SignatureError) Error() string { return "labels: signature: " + e.Msg }

// SignatureErrorCodeOf returns the code of the *SignatureError that err
// wraps, or "" if it wraps none.
func SignatureErrorCodeOf(err error) SignatureErrorCode {
	var e *SignatureError
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func sigErrorf(code SignatureErrorCode, format string, args ...any) *SignatureError {
	return &SignatureError{Code: code, Msg: fmt.Sprintf(format, args...)}
}

// sigEncoding is strict so that one signature has one spelling: a code whose
// sig differs from the issued one by a padding "=" or by unused trailing bits
// is not the issued code.
var sigEncoding = base64.RawURLEncoding.Strict()

// RecoverSigner returns the address whose key made c.Sig over
// gs1.Canonical(c). A code changed in any signed field (GTIN, expiry, lot,
// serial) recovers to some other address, so the caller must compare the
// result with the batch's manufacturer. It accepts only V of 27 or 28 and a
// low S (EIP-2), as SignCode issues them.
func RecoverSigner(c gs1.Code) (common.Address, error) {
	if c.Sig == "" {
		return common.Address{}, sigErrorf(ESigMissing, "code has no sig")
	}
	sig, err := sigEncoding.DecodeString(c.Sig)
	if err != nil {
		return common.Address{}, sigErrorf(ESigEncoding, "sig is not unpadded base64url: %v", err)
	}
	if len(sig) != SignatureLen {
		return common.Address{}, sigErrorf(ESigLength, "sig has %d bytes, want %d", len(sig), SignatureLen)
	}
	v := sig[64]
	if v != 27 && v != 28 {
		return common.Address{}, sigErrorf(ESigValues, "sig has V=%d, want 27 or 28", v)
	}
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:64])
	if !crypto.ValidateSignatureValues(v-27, r, s, true) {
		return common.Address{}, sigErrorf(ESigValues, "sig has R or S out of range")
	}
	rsv := append(sig[:64:64], v-27)
	// Ecrecover's uncompressed key (0x04 ‖ X ‖ Y) hashes straight to the address: SigToPub would
	// decode it into a curve point first and check it is on the curve again, with big integers,
	// for a tenth of a verification's signature cost.
	pub, err := crypto.Ecrecover(accounts.TextHash([]byte(gs1.Canonical(c))), rsv)
	if err != nil || len(pub) != 65 {
		return common.Address{}, sigErrorf(ESigValues, "no public key recovers from sig: %v", err)
	}
	return common.BytesToAddress(crypto.Keccak256(pub[1:])[12:]), nil
}
