package gs1

import (
	"fmt"
	"strconv"
)

// GTIN is a Global Trade Item Number (AI 01) as 14 digits, normalised from
// GTIN-8, -12 or -13 by left-padding with zeros, with a verified check digit.
// Obtain one from ParseGTIN or GTINFromUint64.
type GTIN string

// ParseGTIN parses a GTIN-8, -12, -13 or -14 and returns it as 14 digits. It
// verifies the check digit; padding with zeros does not change it, since the
// weights run from the right.
func ParseGTIN(s string) (GTIN, error) {
	if s == "" {
		return "", errorf(EEmpty, "01", "GTIN is empty")
	}
	if err := digitsOnly("01", "GTIN", s); err != nil {
		return "", err
	}
	switch len(s) {
	case 8, 12, 13, 14:
	default:
		return "", errorf(EBadLength, "01", "GTIN %q has %d digits, want 8, 12, 13 or 14", clip(s), len(s))
	}
	if err := verifyCheckDigit("01", "GTIN", s); err != nil {
		return "", err
	}
	return GTIN(zeroPad(s, 14)), nil
}

// ValidGTIN reports whether ParseGTIN accepts s.
func ValidGTIN(s string) bool {
	_, err := ParseGTIN(s)
	return err == nil
}

// GTINFromUint64 returns the GTIN whose 14 digits, zero-padded, spell n; the
// check digit (the last digit of n) must be right.
func GTINFromUint64(n uint64) (GTIN, error) {
	if n > 99999999999999 {
		return "", errorf(EBadLength, "01", "GTIN %d has more than 14 digits", n)
	}
	return ParseGTIN(fmt.Sprintf("%014d", n))
}

// Uint64 returns the GTIN as a number, the form the contracts store; 0 if g is
// not a string of digits (the zero GTIN).
func (g GTIN) Uint64() uint64 {
	n, err := strconv.ParseUint(string(g), 10, 64)
	if err != nil {
		return 0
	}
	return n
}

// GLN is a Global Location Number, 13 digits with a verified check digit; it
// identifies a participant (manufacturer, wholesaler, pharmacy).
type GLN string

// ParseGLN parses a 13-digit GLN and verifies its check digit.
func ParseGLN(s string) (GLN, error) {
	if s == "" {
		return "", errorf(EEmpty, "gln", "GLN is empty")
	}
	if err := digitsOnly("gln", "GLN", s); err != nil {
		return "", err
	}
	if len(s) != 13 {
		return "", errorf(EBadLength, "gln", "GLN %q has %d digits, want 13", clip(s), len(s))
	}
	if err := verifyCheckDigit("gln", "GLN", s); err != nil {
		return "", err
	}
	return GLN(s), nil
}

// GLNFromUint64 returns the GLN whose 13 digits, zero-padded, spell n; the check
// digit must be right.
func GLNFromUint64(n uint64) (GLN, error) {
	if n > 9999999999999 {
		return "", errorf(EBadLength, "gln", "GLN %d has more than 13 digits", n)
	}
	return ParseGLN(fmt.Sprintf("%013d", n))
}

// Uint64 returns the GLN as a number; 0 if g is not a string of digits.
func (g GLN) Uint64() uint64 {
	n, err := strconv.ParseUint(string(g), 10, 64)
	if err != nil {
		return 0
	}
	return n
}

// CheckDigit returns the GS1 mod-10 check digit, as an ASCII digit '0'…'9', of
// a key body (a GTIN, GLN or SSCC without its last digit): digits weighted 3, 1,
// 3, … from the right, the check digit taking the sum up to a multiple of 10.
func CheckDigit(body string) (byte, error) {
	if body == "" {
		return 0, errorf(EEmpty, "body", "check digit of an empty body")
	}
	if err := digitsOnly("body", "key body", body); err != nil {
		return 0, err
	}
	return checkDigit(body), nil
}

// AppendCheckDigit returns the key whose body is the number body (below 10^18): body followed
// by its check digit. A number's digits always have one, so it cannot fail; it is how tests,
// benchmarks and the demo number valid GTINs and GLNs.
func AppendCheckDigit(body uint64) uint64 {
	return body*10 + uint64(checkDigit(strconv.FormatUint(body, 10))-'0')
}

func checkDigit(body string) byte {
	sum := 0
	for i := 0; i < len(body); i++ {
		d := int(body[len(body)-1-i] - '0')
		if i%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

func verifyCheckDigit(field, what, s string) error {
	want := checkDigit(s[:len(s)-1])
	if got := s[len(s)-1]; got != want {
		return errorf(EBadCheckDigit, field, "%s %q has check digit %c, want %c", what, s, got, want)
	}
	return nil
}

func digitsOnly(field, what, s string) error {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return errorf(EBadCharacter, field, "%s %q has %q at offset %d, want digits only", what, clip(s), s[i], i)
		}
	}
	return nil
}

func zeroPad(s string, n int) string {
	for len(s) < n {
		s = "0" + s
	}
	return s
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
