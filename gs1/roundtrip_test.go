package gs1

import (
	"math/rand/v2"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"
)

const set82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`

// randomCode returns a valid Code with every field present or absent at
// random. With dl, it may carry a signature and query keys that only a Digital
// Link can hold.
func randomCode(r *rand.Rand, dl bool) Code {
	body := make([]byte, 13)
	for i := range body {
		body[i] = byte('0' + r.IntN(10))
	}
	c := Code{GTIN: GTIN(string(body) + string(checkDigit(string(body))))}
	value := func(max int) string {
		b := make([]byte, 1+r.IntN(max))
		for i := range b {
			b[i] = set82[r.IntN(len(set82))]
		}
		if strings.Contains(strings.ToUpper(string(b)), "<GS>") {
			return "X"
		}
		return string(b)
	}
	date := func() (time.Time, string) {
		y := 1977 + r.IntN(100) // 2026 ± 49
		m := time.Month(1 + r.IntN(12))
		d := r.IntN(daysIn(y, m) + 1) // 0 is the last day
		raw := FormatExpiry(time.Date(y, m, max(d, 1), 0, 0, 0, 0, time.UTC))
		if d == 0 {
			raw = raw[:4] + "00"
		}
		t, err := ParseExpiry(raw, testNow)
		if err != nil {
			panic(err)
		}
		return t, raw
	}
	if r.IntN(4) > 0 {
		c.Lot = value(20)
	}
	if r.IntN(4) > 0 {
		c.Serial = value(20)
	}
	if r.IntN(4) > 0 {
		c.Expiry, c.ExpiryRaw = date()
	}
	if r.IntN(4) == 0 {
		_, raw := date()
		addExtra(&c, "11", raw)
	}
	if r.IntN(4) == 0 {
		addExtra(&c, "714", value(20))
	}
	if r.IntN(4) == 0 {
		addExtra(&c, "91", value(90))
	}
	if dl && r.IntN(2) == 0 {
		c.Sig = "0x" + strings.Repeat("ab", 1+r.IntN(65))
	}
	if dl && r.IntN(4) == 0 {
		addExtra(&c, "linkType", "gs1:"+value(10))
		addExtra(&c, "a b&c=d", value(5))
	}
	return c
}

func TestRoundTripDigitalLink(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		c := randomCode(r, true)
		for _, base := range []string{"", "https://verify.example.com/p", "HTTP://localhost:8080/"} {
			uri := FormatDigitalLink(base, c)
			got, err := ParseDigitalLink(uri, testNow)
			if err != nil || !reflect.DeepEqual(got, c) {
				t.Fatalf("ParseDigitalLink(FormatDigitalLink(%#v)) = %#v, %v\nURI %s", c, got, err, uri)
			}
		}
	}
}

func TestRoundTripElementString(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		c := randomCode(r, false)
		for _, s := range []string{FormatElementString(c, false), FormatElementString(c, true), "]d2" + FormatElementString(c, false)} {
			got, err := ParseElementString(s, testNow)
			if err != nil || !reflect.DeepEqual(got, c) {
				t.Fatalf("ParseElementString(%q) = %#v, %v\nwant %#v", s, got, err, c)
			}
		}
		// The human-readable form is unambiguous unless a value holds "(NN)".
		if !hasParenAI(c) {
			hri := HumanReadable(c)
			got, err := ParseElementString(hri, testNow)
			if err != nil || !reflect.DeepEqual(got, c) {
				t.Fatalf("ParseElementString(%q) = %#v, %v\nwant %#v", hri, got, err, c)
			}
		}
		// The canonical string is the element string without the extras.
		bare := c
		bare.Extra = nil
		if got, want := Canonical(c), FormatElementString(bare, false); got != want {
			t.Fatalf("Canonical = %q, want %q", got, want)
		}
	}
}

// hasParenAI reports whether a value of c holds a "(NN)" that the
// human-readable parser would take for an AI.
func hasParenAI(c Code) bool {
	for _, e := range elements(c, true) {
		for i := range len(e.val) {
			if aiInParens(e.val[i:]) > 0 {
				return true
			}
		}
	}
	return false
}

func TestRoundTripBetweenForms(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		c := randomCode(r, false)
		// Element string -> Digital Link -> element string.
		got, err := Parse(FormatDigitalLink("", c), testNow)
		if err != nil || !reflect.DeepEqual(got, c) {
			t.Fatalf("via Digital Link: %#v, %v\nwant %#v", got, err, c)
		}
		got, err = Parse("]d2"+FormatElementString(c, false)+"\r\n", testNow)
		if err != nil || !reflect.DeepEqual(got, c) {
			t.Fatalf("via element string: %#v, %v\nwant %#v", got, err, c)
		}
	}
}

// elementPart returns the part of c an element string can carry: no Sig, and
// of Extra only the AIs.
func elementPart(c Code) Code {
	c.Sig = ""
	var extra url.Values
	for k, vs := range c.Extra {
		if isExtraAI(k) {
			if extra == nil {
				extra = url.Values{}
			}
			extra[k] = vs
		}
	}
	c.Extra = extra
	return c
}
