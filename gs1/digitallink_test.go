package gs1

import (
	"net/url"
	"reflect"
	"testing"
	"time"
)

const gtin = GTIN("09506000134352")

func TestParseDigitalLink(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Code
	}{
		{
			"GS1 Digital Link standard example",
			"https://id.gs1.org/01/09506000134352/10/ABC123/21/12345?17=201231",
			Code{GTIN: gtin, Lot: "ABC123", Serial: "12345", Expiry: day(2020, 12, 31), ExpiryRaw: "201231"},
		},
		{
			"design example with sig",
			"https://verify.example.com/01/09506000134352/10/ABC123/21/SN12345?17=261231&sig=0xdeadBEEF",
			Code{GTIN: gtin, Lot: "ABC123", Serial: "SN12345", Expiry: day(2026, 12, 31), ExpiryRaw: "261231", Sig: "0xdeadBEEF"},
		},
		{"GTIN only", "https://id.gs1.org/01/09520123456788", Code{GTIN: "09520123456788"}},
		{"serial without lot", "https://id.gs1.org/01/09520123456788/21/12345", Code{GTIN: "09520123456788", Serial: "12345"}},
		{"lot without serial", "https://id.gs1.org/01/09520123456788/10/ABC123", Code{GTIN: "09520123456788", Lot: "ABC123"}},
		{
			"GTIN-13 under a path prefix",
			"https://brand.example.com/some-extra/pathinfo/01/9520123456788",
			Code{GTIN: "09520123456788"},
		},
		{"GTIN-12", "https://a/01/036000291452", Code{GTIN: "00036000291452"}},
		{"GTIN-8", "https://a/01/96385074", Code{GTIN: "00000096385074"}},
		{"upper-case scheme and host", "HTTPS://ID.GS1.ORG/01/09506000134352/10/ABC123", Code{GTIN: gtin, Lot: "ABC123"}},
		{"mixed-case scheme", "HtTp://a/01/09506000134352", Code{GTIN: gtin}},
		{"port", "https://localhost:8080/01/09506000134352", Code{GTIN: gtin}},
		{"IPv6 host", "https://[2001:db8::1]:8443/01/09506000134352", Code{GTIN: gtin}},
		{"host-less path", "/01/09506000134352/10/L1?17=261231", Code{GTIN: gtin, Lot: "L1", Expiry: day(2026, 12, 31), ExpiryRaw: "261231"}},
		{
			"percent-encoded values; + is + in the path, a space in the query",
			"https://a/01/09506000134352/10/AB%2F12%25+3/21/x%2d%2D?note=a+b%26c&sig=0x%2B",
			Code{GTIN: gtin, Lot: "AB/12%+3", Serial: "x--", Sig: "0x+", Extra: url.Values{"note": {"a b&c"}}},
		},
		{
			"raw characters of the 82-character set that a URI would escape",
			`https://a/01/09506000134352/10/A"<>!B`,
			Code{GTIN: gtin, Lot: `A"<>!B`},
		},
		{
			"percent-encoded GTIN digits",
			"https://a/01/%30950600013435%32",
			Code{GTIN: gtin},
		},
		{"prefix holding 01: the rightmost /01/ wins", "https://a/01/faux/01/09506000134352/10/01", Code{GTIN: gtin, Lot: "01"}},
		{"prefix holding a whole code", "https://a/01/09520123456788/10/X/01/09506000134352", Code{GTIN: gtin}},
		{"lot that reads like an AI", "https://a/01/09506000134352/10/10/21/21", Code{GTIN: gtin, Lot: "10", Serial: "21"}},
		{"day 00", "https://a/01/09506000134352?17=240200", Code{GTIN: gtin, Expiry: day(2024, 2, 29), ExpiryRaw: "240200"}},
		{"fragment ignored", "https://a/01/09506000134352/21/xyz#frag?17=999999", Code{GTIN: gtin, Serial: "xyz"}},
		{"empty query", "https://a/01/09506000134352?", Code{GTIN: gtin}},
		{
			"unknown keys kept, singletons and empty separators too",
			"https://a/01/09506000134352?&&linkType=gs1:pip&singleton&17=261231&&3103=000195&linkType=x",
			Code{GTIN: gtin, Expiry: day(2026, 12, 31), ExpiryRaw: "261231", Extra: url.Values{
				"linkType": {"gs1:pip", "x"}, "singleton": {""}, "3103": {"000195"},
			}},
		},
		{
			"known data attributes validated and kept",
			"https://a/01/09506000134352?11=250100&714=ABC-123&7003=2612312359",
			Code{GTIN: gtin, Extra: url.Values{"11": {"250100"}, "714": {"ABC-123"}, "7003": {"2612312359"}}},
		},
		{"the sig key is case-sensitive", "https://a/01/09506000134352?SIG=1", Code{GTIN: gtin, Extra: url.Values{"SIG": {"1"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDigitalLink(tt.in, testNow)
			if err != nil {
				t.Fatalf("ParseDigitalLink(%q): %v", tt.in, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseDigitalLink(%q)\n got %#v\nwant %#v", tt.in, got, tt.want)
			}
			// Whatever the input, what we write reads back the same.
			again, err := ParseDigitalLink(FormatDigitalLink("", got), testNow)
			if err != nil || !reflect.DeepEqual(again, got) {
				t.Errorf("round trip of %q: got %#v, %v", FormatDigitalLink("", got), again, err)
			}
		})
	}
}

func TestParseDigitalLinkErrors(t *testing.T) {
	const g = "https://a/01/09506000134352"
	tests := []struct {
		name  string
		in    string
		code  ErrorCode
		field string
	}{
		{"empty", "", EEmpty, "uri"},
		{"space", g + "/10/A B", EBadCharacter, "uri"},
		{"trailing space", g + " ", EBadCharacter, "uri"},
		{"non-ASCII", g + "/10/é", EBadCharacter, "uri"},
		{"control character", g + "/10/A\x1dB", EBadCharacter, "uri"},
		{"no scheme", "id.gs1.org/01/09506000134352", EBadURI, "uri"},
		{"ftp", "ftp://a/01/09506000134352", EBadURI, "uri"},
		{"no host", "https:///01/09506000134352", EBadURI, "uri"},
		{"bad host character", "https://a$b/01/09506000134352", EBadURI, "uri"},
		{"user info", "https://id.gs1.org@evil.example/01/09506000134352", EBadURI, "uri"},
		{"no path", "https://a", EMissingGTIN, "01"},
		{"root path", "https://a/", EMissingGTIN, "01"},
		{"no AI", "https://a/b", EMissingGTIN, "01"},
		{"no 01", "https://a/10/ABC/21/S", EMissingGTIN, "01"},
		{"query only", "https://a?01=09506000134352", EMissingGTIN, "01"},
		{"trailing slash", g + "/", EBadPath, "path"},
		{"trailing slash after a pair", g + "/10/L1/", EBadPath, "path"},
		{"AI without value", g + "/10", EBadPath, "path"},
		{"non-AI segments", g + "/foo/bar", EBadPath, "path"},
		{"21 before 10", g + "/21/S1/10/L1", EBadPathOrder, "10"},
		{"10 twice", g + "/10/L1/10/L2", EDuplicateAI, "10"},
		{"21 twice", g + "/21/S1/21/S2", EDuplicateAI, "21"},
		{"22 is not supported", g + "/22/X/10/L1", EUnknownAI, "22"},
		{"235 is not supported", g + "/235/X", EUnknownAI, "235"},
		{"check digit", "https://a/01/09506000134353", EBadCheckDigit, "01"},
		{"GTIN of 9 digits", "https://a/01/123456789", EBadLength, "01"},
		{"GTIN of 15 digits", "https://a/01/095060001343520", EBadLength, "01"},
		{"empty GTIN", "https://a/01//10/L1", EBadLength, "01"},
		{"letter in GTIN", "https://a/01/0950600013435X", EBadCharacter, "01"},
		{"empty lot", g + "/10/", EBadLength, "10"},
		{"lot of 21 characters", g + "/10/ABCDEFGHIJKLMNOPQRSTU", EBadLength, "10"},
		{"serial of 21 characters", g + "/21/123456789012345678901", EBadLength, "21"},
		{"encoded space in lot", g + "/10/AB%20C", EBadCharacter, "10"},
		{"# in serial", g + "/21/A%23B", EBadCharacter, "21"},
		{"truncated escape", g + "/10/AB%2", EBadPercentEncoding, "10"},
		{"escape not hex", g + "/10/AB%zz", EBadPercentEncoding, "10"},
		{"escape in query", g + "?17=26%G1", EBadPercentEncoding, "query"},
		{"escape in query key", g + "?%=1", EBadPercentEncoding, "query"},
		{"bad expiry month", g + "?17=261301", EBadDate, "17"},
		{"short expiry", g + "?17=2612", EBadLength, "17"},
		{"empty expiry", g + "?17=", EBadLength, "17"},
		{"expiry with a space", g + "?17=26+231", EBadCharacter, "17"},
		{"17 twice", g + "?17=261231&17=261231", EDuplicateAI, "17"},
		{"lot in the query", g + "?10=ABC", EMisplacedAI, "10"},
		{"serial in the query", g + "?21=ABC", EMisplacedAI, "21"},
		{"GTIN in the query", g + "?01=09506000134352", EMisplacedAI, "01"},
		{"sig twice", g + "?sig=a&sig=b", EBadQuery, "sig"},
		{"known AI twice", g + "?714=A&714=B", EDuplicateAI, "714"},
		{"known AI of bad length", g + "?11=26", EBadLength, "11"},
		{"known date AI with a bad date", g + "?11=261301", EBadDate, "11"},
		{"known AI empty", g + "?714=", EBadLength, "714"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseDigitalLink(tt.in, testNow)
			if err == nil {
				t.Fatalf("ParseDigitalLink(%q) = %#v, want error %s", tt.in, c, tt.code)
			}
			var e *Error
			if !asError(err, &e) {
				t.Fatalf("ParseDigitalLink(%q) error %v is not an *Error", tt.in, err)
			}
			if e.Code != tt.code || e.Field != tt.field {
				t.Errorf("ParseDigitalLink(%q) error = %v (code %q, field %q), want code %q, field %q", tt.in, err, e.Code, e.Field, tt.code, tt.field)
			}
			if !reflect.DeepEqual(c, Code{}) {
				t.Errorf("ParseDigitalLink(%q) returned %#v with its error, want the zero Code", tt.in, c)
			}
		})
	}
}

func TestFormatDigitalLink(t *testing.T) {
	full := Code{
		GTIN: gtin, Lot: "ABC123", Serial: "SN12345",
		Expiry: day(2026, 12, 31), ExpiryRaw: "261231", Sig: "0xabc",
	}
	tests := []struct {
		name string
		base string
		c    Code
		want string
	}{
		{"default base", "", full, "https://id.gs1.org/01/09506000134352/10/ABC123/21/SN12345?17=261231&sig=0xabc"},
		{"base with prefix and trailing slash", "https://verify.example.com/p/", full, "https://verify.example.com/p/01/09506000134352/10/ABC123/21/SN12345?17=261231&sig=0xabc"},
		{"GTIN only", "https://x.example", Code{GTIN: gtin}, "https://x.example/01/09506000134352"},
		{"serial only", "https://x.example", Code{GTIN: gtin, Serial: "S"}, "https://x.example/01/09506000134352/21/S"},
		{
			"every character the standard says to escape",
			"https://x.example",
			Code{GTIN: gtin, Lot: `!"%&'()*+,/:;<=>?`, Serial: "-._AZaz09"},
			"https://x.example/01/09506000134352/10/%21%22%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F/21/-._AZaz09",
		},
		{"expiry day 00 kept as given", "https://x.example", Code{GTIN: gtin, Expiry: day(2026, 12, 31), ExpiryRaw: "261200"}, "https://x.example/01/09506000134352?17=261200"},
		{"expiry without raw", "https://x.example", Code{GTIN: gtin, Expiry: day(2027, 2, 28)}, "https://x.example/01/09506000134352?17=270228"},
		{
			"extra sorted after 17 and sig, clashing keys left out",
			"https://x.example",
			Code{GTIN: gtin, ExpiryRaw: "261231", Sig: "s", Extra: url.Values{
				"z": {"1"}, "a b": {"x&y", "2"}, "11": {"250101"}, "sig": {"no"}, "17": {"no"}, "10": {"no"},
			}},
			"https://x.example/01/09506000134352?17=261231&sig=s&11=250101&a+b=x%26y&a+b=2&z=1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatDigitalLink(tt.base, tt.c); got != tt.want {
				t.Errorf("FormatDigitalLink(%q, …)\n got %s\nwant %s", tt.base, got, tt.want)
			}
		})
	}
}

func TestDigitalLinkSignatureScenario(t *testing.T) {
	// A manufacturer signs Canonical of the code it prints; a verifier reads the
	// URI back and must rebuild the very same message.
	issued := Code{GTIN: gtin, Lot: "ABC123", Serial: "SN12345", Expiry: day(2026, 12, 31)}
	msg := Canonical(issued)
	issued.Sig = "0xsig"
	read, err := ParseDigitalLink(FormatDigitalLink("https://verify.example.com", issued), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if got := Canonical(read); got != msg {
		t.Errorf("Canonical after the round trip = %q, want %q", got, msg)
	}
	if read.Sig != "0xsig" {
		t.Errorf("Sig = %q, want 0xsig", read.Sig)
	}
}
