package gs1

import "testing"

func TestCheckDigit(t *testing.T) {
	tests := []struct {
		name, body string
		want       byte
	}{
		{"GTIN-14 of the GS1 Digital Link examples", "0950600013435", '2'},
		{"GTIN-14 of the GS1 syntax engine tests", "0952012345678", '8'},
		{"GTIN-13", "400638133393", '1'},
		{"GTIN-12", "03600029145", '2'},
		{"GTIN-8", "9638507", '4'},
		{"GLN", "400000100000", '5'},
		{"SSCC", "10614141123456789", '7'},
		{"sum already a multiple of ten", "0000000000000", '0'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckDigit(tt.body)
			if err != nil {
				t.Fatalf("CheckDigit(%q): %v", tt.body, err)
			}
			if got != tt.want {
				t.Errorf("CheckDigit(%q) = %c, want %c", tt.body, got, tt.want)
			}
		})
	}
	for _, body := range []string{"", "12a4"} {
		if _, err := CheckDigit(body); err == nil {
			t.Errorf("CheckDigit(%q) succeeded, want an error", body)
		}
	}
}

func TestParseGTIN(t *testing.T) {
	tests := []struct {
		in   string
		want GTIN
		code ErrorCode
	}{
		{in: "09506000134352", want: "09506000134352"},
		{in: "9506000134352", want: "09506000134352"}, // GTIN-13
		{in: "4006381333931", want: "04006381333931"},
		{in: "036000291452", want: "00036000291452"}, // GTIN-12
		{in: "96385074", want: "00000096385074"},     // GTIN-8
		{in: "10614141000415", want: "10614141000415"},
		{in: "", code: EEmpty},
		{in: "09506000134353", code: EBadCheckDigit},
		{in: "9506000134353", code: EBadCheckDigit},
		{in: "0950600013435", code: EBadCheckDigit}, // 13 digits: read as a GTIN-13
		{in: "123456789", code: EBadLength},
		{in: "109506000134352", code: EBadLength},
		{in: "0950600013435X", code: EBadCharacter},
		{in: " 09506000134352", code: EBadCharacter},
		{in: "０9506000134352", code: EBadCharacter}, // full-width digit
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseGTIN(tt.in)
			if code := ErrorCodeOf(err); code != tt.code {
				t.Fatalf("ParseGTIN(%q) error = %v, want code %q", tt.in, err, tt.code)
			}
			if got != tt.want {
				t.Errorf("ParseGTIN(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if ValidGTIN(tt.in) != (tt.code == "") {
				t.Errorf("ValidGTIN(%q) = %v, want %v", tt.in, !(tt.code == ""), tt.code == "")
			}
		})
	}
}

func TestGTINUint64(t *testing.T) {
	g, err := GTINFromUint64(9506000134352)
	if err != nil {
		t.Fatal(err)
	}
	if g != "09506000134352" {
		t.Errorf("GTINFromUint64(9506000134352) = %q, want 09506000134352", g)
	}
	if got := g.Uint64(); got != 9506000134352 {
		t.Errorf("Uint64() = %d, want 9506000134352", got)
	}
	if _, err := GTINFromUint64(9506000134353); ErrorCodeOf(err) != EBadCheckDigit {
		t.Errorf("GTINFromUint64(bad check digit) error = %v, want %s", err, EBadCheckDigit)
	}
	if _, err := GTINFromUint64(100000000000000); ErrorCodeOf(err) != EBadLength {
		t.Errorf("GTINFromUint64(15 digits) error = %v, want %s", err, EBadLength)
	}
	if got := GTIN("").Uint64(); got != 0 {
		t.Errorf("zero GTIN Uint64() = %d, want 0", got)
	}
}

func TestParseGLN(t *testing.T) {
	tests := []struct {
		in   string
		want GLN
		code ErrorCode
	}{
		{in: "4000001000005", want: "4000001000005"},
		{in: "0614141000005", want: "0614141000005"},
		{in: "", code: EEmpty},
		{in: "4000001000006", code: EBadCheckDigit},
		{in: "400000100000", code: EBadLength},
		{in: "04000001000005", code: EBadLength},
		{in: "40000010000O5", code: EBadCharacter},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseGLN(tt.in)
			if code := ErrorCodeOf(err); code != tt.code {
				t.Fatalf("ParseGLN(%q) error = %v, want code %q", tt.in, err, tt.code)
			}
			if got != tt.want {
				t.Errorf("ParseGLN(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestGLNUint64(t *testing.T) {
	g, err := GLNFromUint64(614141000005)
	if err != nil {
		t.Fatal(err)
	}
	if g != "0614141000005" {
		t.Errorf("GLNFromUint64(614141000005) = %q, want 0614141000005", g)
	}
	if got := g.Uint64(); got != 614141000005 {
		t.Errorf("Uint64() = %d, want 614141000005", got)
	}
	if _, err := GLNFromUint64(10000000000000); ErrorCodeOf(err) != EBadLength {
		t.Errorf("GLNFromUint64(14 digits) error = %v, want %s", err, EBadLength)
	}
	if _, err := GLNFromUint64(614141000006); ErrorCodeOf(err) != EBadCheckDigit {
		t.Errorf("GLNFromUint64(bad check digit) error = %v, want %s", err, EBadCheckDigit)
	}
}

func TestAppendCheckDigit(t *testing.T) {
	for _, c := range []struct{ body, want uint64 }{
		{950600000001, 9506000000015}, // a GLN
		{950600013001, 9506000130019}, // GTIN-14 09506000130019
		{950600013435, 9506000134352}, // the GS1 Digital Link standard's example GTIN
		{0, 0},
	} {
		if got := AppendCheckDigit(c.body); got != c.want {
			t.Errorf("AppendCheckDigit(%d) = %d, want %d", c.body, got, c.want)
		}
	}
}
