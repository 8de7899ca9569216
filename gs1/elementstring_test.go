package gs1

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// gs spells ASCII 29 in test tables.
const gs = "\x1d"

func TestParseElementString(t *testing.T) {
	full := Code{GTIN: gtin, Lot: "ABC123", Serial: "SN12345", Expiry: day(2026, 12, 31), ExpiryRaw: "261231"}
	tests := []struct {
		name string
		in   string
		want Code
	}{
		{"GS1 DataMatrix as scanned", "]d20109506000134352172612311" + "0ABC123" + gs + "21SN12345", full},
		{"GS1 QR", "]Q30109506000134352172612311" + "0ABC123" + gs + "21SN12345", full},
		{"GS1-128", "]C10109506000134352172612311" + "0ABC123" + gs + "21SN12345", full},
		{"GS1 DataBar", "]e00109506000134352172612311" + "0ABC123" + gs + "21SN12345", full},
		{"plain-mode DataMatrix", "]d10109506000134352172612311" + "0ABC123" + gs + "21SN12345", full},
		{"plain-mode QR", "]Q10109506000134352172612311" + "0ABC123" + gs + "21SN12345", full},
		{"leading FNC1 as GS", gs + "0109506000134352172612311" + "0ABC123" + gs + "21SN12345", full},
		{"symbology identifier and FNC1", "]d2" + gs + "0109506000134352172612311" + "0ABC123" + gs + "21SN12345", full},
		{"no prefix", "0109506000134352172612311" + "0ABC123" + gs + "21SN12345", full},
		{"any order", "]d221SN12345" + gs + "10ABC123" + gs + "1726123101" + "09506000134352", full},
		{"GS after fixed-length fields and at the end", "01" + "09506000134352" + gs + "17261231" + gs + "10ABC123" + gs + "21SN12345" + gs, full},
		{"doubled GS", "0109506000134352" + "10ABC123" + gs + gs + "21SN12345" + "", Code{GTIN: gtin, Lot: "ABC123", Serial: "SN12345"}},
		{"human-readable", "(01)09506000134352(17)261231(10)ABC123(21)SN12345", full},
		{"human-readable with spaces", "(01) 09506000134352 (17) 261231 (10) ABC123 (21) SN12345", full},
		{"human-readable in another order", "(21)SN12345(10)ABC123(01)09506000134352(17)261231", full},
		{"human-readable with parentheses in a value", "(01)09506000134352(10)A(B)(1)C(123", Code{GTIN: gtin, Lot: "A(B)(1)C(123"}},
		{"human-readable after a symbology identifier", "]d2(01)09506000134352", Code{GTIN: gtin}},
		{"GTIN only", "0109506000134352", Code{GTIN: gtin}},
		{"serial is case-sensitive", "0109506000134352" + "21aBc", Code{GTIN: gtin, Serial: "aBc"}},
		{"every character of the set", "0109506000134352" + `10!"%&'()*+,-./:;<=>?_` + gs + "21AZaz09", Code{GTIN: gtin, Lot: `!"%&'()*+,-./:;<=>?_`, Serial: "AZaz09"}},
		{"day 00", "010950600013435217240200", Code{GTIN: gtin, Expiry: day(2024, 2, 29), ExpiryRaw: "240200"}},
		{
			"other AIs of medicine packs kept in Extra",
			"]d2010950600013435211260100" + "714PT1234567" + gs + "7003261231235910L1" + gs + "240X/1" + gs + "91internal" + gs + "2001" + "21S",
			Code{GTIN: gtin, Lot: "L1", Serial: "S", Extra: url.Values{
				"11": {"260100"}, "714": {"PT1234567"}, "7003": {"2612312359"}, "240": {"X/1"}, "91": {"internal"}, "20": {"01"},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseElementString(tt.in, testNow)
			if err != nil {
				t.Fatalf("ParseElementString(%q): %v", tt.in, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseElementString(%q)\n got %#v\nwant %#v", tt.in, got, tt.want)
			}
			for _, gsFirst := range []bool{false, true} {
				s := FormatElementString(got, gsFirst)
				if again, err := ParseElementString(s, testNow); err != nil || !reflect.DeepEqual(again, got) {
					t.Errorf("round trip of %q: got %#v, %v", s, again, err)
				}
			}
		})
	}
}

func TestParseElementStringErrors(t *testing.T) {
	const g = "0109506000134352"
	tests := []struct {
		name  string
		in    string
		code  ErrorCode
		field string
	}{
		{"empty", "", EEmpty, ""},
		{"symbology identifier only", "]d2", EEmpty, ""},
		{"GS only", gs, EEmpty, ""},
		{"Caps Lock", "]D2" + g, EBadSymbologyID, "symbology"},
		{"unknown symbology identifier", "]X9" + g, EBadSymbologyID, "symbology"},
		{"truncated symbology identifier", "]d", EBadSymbologyID, "symbology"},
		{"starts with a letter", "X" + g, EBadCharacter, ""},
		{"a Digital Link is no element string", "]Q1https://a/01/09506000134352", EBadCharacter, ""},
		{"no GTIN", "17261231" + "10ABC", EMissingGTIN, "01"},
		{"human-readable without GTIN", "(10)ABC", EMissingGTIN, "01"},
		{"check digit", "0109506000134353", EBadCheckDigit, "01"},
		{"short GTIN", "01095060001343", EBadLength, "01"},
		{"GTIN cut by GS", "01095060001343" + gs + "10A", EBadLength, "01"},
		{"human-readable GTIN-13", "(01)9506000134352", EBadLength, "01"},
		{"letter in GTIN", "010950600013435X", EBadCharacter, "01"},
		{"AI 10 twice", g + "10A" + gs + "10B", EDuplicateAI, "10"},
		{"AI 01 twice", g + g, EDuplicateAI, "01"},
		{"human-readable AI twice", "(01)09506000134352(21)A(21)B", EDuplicateAI, "21"},
		{"unknown 2-digit AI", g + "89X", EUnknownAI, "89"},
		{"unknown 4-digit AI", g + "3103000189", EUnknownAI, "3103"},
		{"22 is not supported", g + "22X", EUnknownAI, "22"},
		{"human-readable unknown AI", "(01)09506000134352(3103)000189", EUnknownAI, "3103"},
		{"GS substitute |", g + "10ABC|21SN1", EBadCharacter, "10"},
		{"GS substitute <GS>", g + "10ABC<GS>21SN1", EBadCharacter, "10"},
		{"space in a raw element string", g + "10ABC 123", EBadCharacter, "10"},
		{"half an AI at the end", g + "1", EBadCharacter, ""},
		{"bad expiry", g + "17261301", EBadDate, "17"},
		{"short expiry", g + "172612", EBadLength, "17"},
		{"lot too long", g + "10ABCDEFGHIJKLMNOPQRSTU", EBadLength, "10"},
		{"serial too long", g + "21123456789012345678901", EBadLength, "21"},
		{"empty lot", g + "10" + gs + "21S", EBadLength, "10"},
		{"empty human-readable serial", "(01)09506000134352(21)", EBadLength, "21"},
		{"bad human-readable AI", "(0x)09506000134352", EBadCharacter, ""},
		{"unclosed parenthesis", "(01", EBadCharacter, ""},
		{"bad extra date", g + "11261340", EBadDate, "11"},
		{"bad extra digits", g + "20A1", EBadCharacter, "20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseElementString(tt.in, testNow)
			if err == nil {
				t.Fatalf("ParseElementString(%q) = %#v, want error %s", tt.in, c, tt.code)
			}
			var e *Error
			if !asError(err, &e) {
				t.Fatalf("ParseElementString(%q) error %v is not an *Error", tt.in, err)
			}
			if e.Code != tt.code || e.Field != tt.field {
				t.Errorf("ParseElementString(%q) error = %v (code %q, field %q), want code %q, field %q", tt.in, err, e.Code, e.Field, tt.code, tt.field)
			}
		})
	}
}

func TestCapsLockHint(t *testing.T) {
	_, err := ParseElementString("]D20109506000134352", testNow)
	if err == nil || !strings.Contains(err.Error(), "Caps Lock") {
		t.Errorf("error = %v, want a Caps Lock hint", err)
	}
}

func TestFormatElementString(t *testing.T) {
	full := Code{GTIN: gtin, Lot: "ABC123", Serial: "SN12345", Expiry: day(2026, 12, 31), ExpiryRaw: "261231", Sig: "ignored"}
	tests := []struct {
		name      string
		c         Code
		gs        bool
		want, hri string
	}{
		{"full", full, false, "01095060001343521726123110ABC123" + gs + "21SN12345", "(01)09506000134352(17)261231(10)ABC123(21)SN12345"},
		{"leading FNC1", full, true, gs + "01095060001343521726123110ABC123" + gs + "21SN12345", "(01)09506000134352(17)261231(10)ABC123(21)SN12345"},
		{"GTIN only", Code{GTIN: gtin}, false, "0109506000134352", "(01)09506000134352"},
		{"lot last: no GS", Code{GTIN: gtin, Lot: "L"}, false, "010950600013435210L", "(01)09506000134352(10)L"},
		{"expiry from Expiry", Code{GTIN: gtin, Expiry: day(2030, 1, 31)}, false, "010950600013435217300131", "(01)09506000134352(17)300131"},
		{
			"extra AIs after 21, ascending; non-AI keys left out",
			Code{GTIN: gtin, Serial: "S", Extra: url.Values{"714": {"N1"}, "11": {"260101"}, "linkType": {"x"}, "7003": {"2601011200"}}},
			false,
			"010950600013435221S" + gs + "11260101" + "7003260101120" + "0" + gs + "714N1",
			"(01)09506000134352(21)S(11)260101(7003)2601011200(714)N1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatElementString(tt.c, tt.gs); got != tt.want {
				t.Errorf("FormatElementString = %q, want %q", got, tt.want)
			}
			if got := HumanReadable(tt.c); got != tt.hri {
				t.Errorf("HumanReadable = %q, want %q", got, tt.hri)
			}
		})
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct {
		name string
		c    Code
		want string
	}{
		{
			"all four AIs",
			Code{GTIN: gtin, Lot: "ABC123", Serial: "SN12345", Expiry: day(2026, 12, 31), ExpiryRaw: "261231"},
			"01" + "09506000134352" + "17" + "261231" + "10" + "ABC123" + gs + "21" + "SN12345",
		},
		{"no serial: no GS", Code{GTIN: gtin, Lot: "L", ExpiryRaw: "261231"}, "010950600013435217261231" + "10L"},
		{"no lot", Code{GTIN: gtin, Serial: "S"}, "0109506000134352" + "21S"},
		{"day 00 signed as printed", Code{GTIN: gtin, Expiry: day(2026, 12, 31), ExpiryRaw: "261200"}, "010950600013435217261200"},
		{"Expiry without raw", Code{GTIN: gtin, Expiry: day(2026, 12, 31)}, "010950600013435217261231"},
		{
			"Sig and Extra are not signed",
			Code{GTIN: gtin, Serial: "S", Sig: "x", Extra: url.Values{"11": {"260101"}, "a": {"b"}}},
			"0109506000134352" + "21S",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Canonical(tt.c); got != tt.want {
				t.Errorf("Canonical = %q, want %q", got, tt.want)
			}
		})
	}
}
