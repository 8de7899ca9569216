package gs1

import (
	"reflect"
	"testing"
)

// checkErr fails unless err is nil or an *Error with a code.
func checkErr(t *testing.T, in string, err error) {
	t.Helper()
	if err != nil && ErrorCodeOf(err) == "" {
		t.Fatalf("%q: error %v is not an *Error with a code", in, err)
	}
}

// checkRoundTrips checks that c, parsed from in, reads back the same from
// each form this package writes.
func checkRoundTrips(t *testing.T, in string, c Code) {
	t.Helper()
	uri := FormatDigitalLink("https://verify.example.com", c)
	got, err := ParseDigitalLink(uri, testNow)
	if err != nil || !reflect.DeepEqual(got, c) {
		t.Fatalf("%q: Digital Link %q reads back as %#v, %v\nwant %#v", in, uri, got, err, c)
	}
	ec := elementPart(c)
	es := FormatElementString(ec, true)
	got, err = ParseElementString(es, testNow)
	if err != nil || !reflect.DeepEqual(got, ec) {
		t.Fatalf("%q: element string %q reads back as %#v, %v\nwant %#v", in, es, got, err, ec)
	}
	if !hasParenAI(ec) {
		hri := HumanReadable(ec)
		got, err = ParseElementString(hri, testNow)
		if err != nil || !reflect.DeepEqual(got, ec) {
			t.Fatalf("%q: human-readable %q reads back as %#v, %v\nwant %#v", in, hri, got, err, ec)
		}
	}
}

func FuzzParseDigitalLink(f *testing.F) {
	for _, s := range []string{
		"https://id.gs1.org/01/09506000134352/10/ABC123/21/12345?17=201231",
		"https://verify.example.com/p/01/9506000134352/10/AB%2F1/21/x+y?17=261200&sig=0xab&linkType=gs1:pip",
		"HTTP://[::1]:80/01/96385074?11=250101&714=A&x=%41+b#frag",
		"/01/09506000134352/21/S?&&singleton",
		"https://a/01/faux/01/09506000134352/10/01",
		"https://a/01/09506000134352/21/S/10/L",
		"https://a/01/09506000134352/10/%zz",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseDigitalLink(s, testNow)
		checkErr(t, s, err)
		if err == nil {
			checkRoundTrips(t, s, c)
		}
	})
}

func FuzzParseElementString(f *testing.F) {
	for _, s := range []string{
		"]d20109506000134352172612311" + "0ABC123" + gs + "21SN12345",
		gs + "21SN12345" + gs + "10ABC123" + gs + "172612000109506000134352",
		"(01)09506000134352(17)261231(10)ABC123(21)SN12345",
		"(01) 09506000134352 (10)A(B)(21)x",
		"]Q3010950600013435211260100714PT1" + gs + "7003261231235991x" + gs + "2001",
		"]D20109506000134352",
		"0109506000134352" + "10ABC<GS>21X",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseElementString(s, testNow)
		checkErr(t, s, err)
		if err == nil {
			checkRoundTrips(t, s, c)
		}
	})
}

func FuzzParseGTIN(f *testing.F) {
	for _, s := range []string{"09506000134352", "9506000134352", "036000291452", "96385074", "09506000134353", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := ParseGTIN(s)
		checkErr(t, s, err)
		if err != nil {
			return
		}
		if len(g) != 14 || !ValidGTIN(string(g)) {
			t.Fatalf("ParseGTIN(%q) = %q, not a valid GTIN-14", s, g)
		}
		if again, err := ParseGTIN(string(g)); err != nil || again != g {
			t.Fatalf("ParseGTIN(%q) = %q, %v; want %q", g, again, err, g)
		}
		if again, err := GTINFromUint64(g.Uint64()); err != nil || again != g {
			t.Fatalf("GTINFromUint64(%d) = %q, %v; want %q", g.Uint64(), again, err, g)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"]Q1https://id.gs1.org/01/09506000134352/10/ABC123/21/12345?17=201231\r\n",
		"]d20109506000134352172612311" + "0ABC123" + gs + "21SN12345\r",
		" (01)09506000134352(21)S ",
		"/01/09506000134352",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s, testNow)
		checkErr(t, s, err)
		if err == nil {
			checkRoundTrips(t, s, c)
		}
	})
}
