package gs1

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	full := Code{GTIN: gtin, Lot: "ABC123", Serial: "SN12345", Expiry: day(2026, 12, 31), ExpiryRaw: "261231"}
	tests := []struct {
		name string
		in   string
		want Code
	}{
		{"Digital Link", "https://id.gs1.org/01/09506000134352/10/ABC123/21/SN12345?17=261231", full},
		{"Digital Link from a scanner, with ]Q1 and Enter", "]Q1https://id.gs1.org/01/09506000134352/10/ABC123/21/SN12345?17=261231\r\n", full},
		{"Digital Link DataMatrix", "]d1HTTPS://ID.GS1.ORG/01/09506000134352/10/ABC123/21/SN12345?17=261231", full},
		{"host-less Digital Link path", "/01/09506000134352/10/ABC123/21/SN12345?17=261231", full},
		{"GS1 DataMatrix with a trailing CR", "]d20109506000134352172612311" + "0ABC123" + gs + "21SN12345\r", full},
		{"leading FNC1", gs + "0109506000134352172612311" + "0ABC123" + gs + "21SN12345", full},
		{"human-readable, typed with spaces around", "  (01)09506000134352(17)261231(10)ABC123(21)SN12345\n", full},
		{"bare digits", "0109506000134352", Code{GTIN: gtin}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in, testNow)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q)\n got %#v\nwant %#v", tt.in, got, tt.want)
			}
		})
	}
}

// allCodes lists every ErrorCode; TestEveryErrorCode fails when one is missing
// from its table.
var allCodes = []ErrorCode{
	EEmpty, EBadLength, EBadCharacter, EBadCheckDigit, EBadDate, EMissingGTIN,
	EUnknownAI, EDuplicateAI, EBadSymbologyID, EBadURI, EBadPath, EBadPathOrder,
	EMisplacedAI, EBadPercentEncoding, EBadQuery,
}

func TestEveryErrorCode(t *testing.T) {
	tests := []struct {
		code ErrorCode
		in   string // given to Parse
	}{
		{EEmpty, " \r\n"},
		{EEmpty, "]d2"},
		{EBadLength, "0109506000134352" + "10ABCDEFGHIJKLMNOPQRSTU"},
		{EBadCharacter, "0109506000134352" + "10ABC|21X"},
		{EBadCheckDigit, "https://id.gs1.org/01/09506000134353"},
		{EBadDate, "0109506000134352" + "17260230"},
		{EMissingGTIN, "(21)SN1"},
		{EUnknownAI, "0109506000134352" + "8008260101"},
		{EDuplicateAI, "(01)09506000134352(21)A(21)A"},
		{EBadSymbologyID, "]Q4x"},
		{EBadURI, "mailto:someone@example.com"},
		{EBadPath, "https://a/01/09506000134352/10"},
		{EBadPathOrder, "https://a/01/09506000134352/21/S/10/L"},
		{EMisplacedAI, "https://a/01/09506000134352?21=S"},
		{EBadPercentEncoding, "https://a/01/09506000134352/21/%"},
		{EBadQuery, "https://a/01/09506000134352?sig=1&sig=1"},
	}
	reached := map[ErrorCode]bool{}
	for _, tt := range tests {
		t.Run(string(tt.code), func(t *testing.T) {
			_, err := Parse(tt.in, testNow)
			if got := ErrorCodeOf(err); got != tt.code {
				t.Errorf("Parse(%q) error = %v, want code %q", tt.in, err, tt.code)
			}
			reached[tt.code] = true
		})
	}
	for _, c := range allCodes {
		if !reached[c] {
			t.Errorf("no test reaches error code %q", c)
		}
	}
}

func TestError(t *testing.T) {
	_, err := Parse("0109506000134353", testNow)
	wrapped := fmt.Errorf("verify: %w", err)
	var e *Error
	if !errors.As(wrapped, &e) {
		t.Fatalf("errors.As(%v) found no *Error", wrapped)
	}
	if e.Code != EBadCheckDigit || e.Field != "01" {
		t.Errorf("error = %+v, want bad_check_digit on 01", e)
	}
	if got, want := err.Error(), `gs1: (01): GTIN "09506000134353" has check digit 3, want 2`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got := ErrorCodeOf(wrapped); got != EBadCheckDigit {
		t.Errorf("ErrorCodeOf(wrapped) = %q", got)
	}
	if got := ErrorCodeOf(errors.New("other")); got != "" {
		t.Errorf("ErrorCodeOf(other error) = %q, want empty", got)
	}
	if got := ErrorCodeOf(nil); got != "" {
		t.Errorf("ErrorCodeOf(nil) = %q, want empty", got)
	}
	if got, want := (&Error{Code: EBadURI, Field: "uri", Msg: "m"}).Error(), "gs1: uri: m"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := (&Error{Code: EEmpty, Msg: "m"}).Error(), "gs1: m"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestValidateAI10or21(t *testing.T) {
	for _, s := range []string{"A", "ABC123", "12345678901234567890", `!"%&'()*+,-./:;<=>?`, "aZ_09"} {
		if err := ValidateAI10or21(s); err != nil {
			t.Errorf("ValidateAI10or21(%q) = %v, want nil", s, err)
		}
	}
	for s, code := range map[string]ErrorCode{
		"":                      EBadLength,
		"123456789012345678901": EBadLength,
		"A B":                   EBadCharacter,
		"A#B":                   EBadCharacter,
		"A$B":                   EBadCharacter,
		"A@B":                   EBadCharacter,
		"A~B":                   EBadCharacter,
		"A\x1dB":                EBadCharacter,
		"Ä":                     EBadCharacter,
		"A<GS>B":                EBadCharacter,
		"a<gs>b":                EBadCharacter,
	} {
		if got := ErrorCodeOf(ValidateAI10or21(s)); got != code {
			t.Errorf("ValidateAI10or21(%q) code = %q, want %q", s, got, code)
		}
	}
	// The set has exactly 82 characters.
	n := 0
	for c := 0; c < 256; c++ {
		if isCSet82(byte(c)) {
			n++
		}
	}
	if n != 82 {
		t.Errorf("character set has %d characters, want 82", n)
	}
}
