package gs1

import (
	"net/url"
	"sort"
	"strings"
	"time"
)

// Code is what a pack's code says: its GTIN, lot, serial and expiry, as read
// from a Digital Link URI or an element string.
type Code struct {
	GTIN      GTIN      // AI 01, always present in a parsed Code
	Lot       string    // AI 10; "" if absent
	Serial    string    // AI 21; "" if absent
	Expiry    time.Time // AI 17 as midnight UTC, day 00 resolved; zero if absent
	ExpiryRaw string    // AI 17 as given, YYMMDD (may end in 00); "" if absent

	// Sig is the manufacturer's signature, the Digital Link "sig" query
	// parameter, as given; "" if absent. It signs Canonical(c).
	Sig string

	// Extra holds the rest, kept verbatim: unknown Digital Link query keys, and
	// the other AIs this package knows (see the package documentation) under the
	// AI as key, from either form. Nil if there is nothing.
	Extra url.Values
}

// expiry returns the AI 17 value to write: ExpiryRaw as given (a signature
// covers the characters printed, 00 included), else Expiry formatted, else "".
func (c Code) expiry() string {
	switch {
	case c.ExpiryRaw != "":
		return c.ExpiryRaw
	case !c.Expiry.IsZero():
		return FormatExpiry(c.Expiry)
	}
	return ""
}

// Canonical returns the message a manufacturer signs for a pack: the element
// string of AIs 01, 17, 10 and 21, in that order, each AI followed directly by
// its value, with a GS (ASCII 29) after the lot only when a serial follows; no
// symbology identifier, no leading FNC1, absent AIs left out, Extra and Sig left
// out:
//
//	"01" + GTIN-14 + "17" + YYMMDD + "10" + lot + "\x1d" + "21" + serial
//
// The expiry is ExpiryRaw if set (so "261200" stays "261200"), else
// FormatExpiry(Expiry).
func Canonical(c Code) string {
	var b strings.Builder
	writeElements(&b, elements(c, false))
	return b.String()
}

// Parse reads what a scanner or a phone sends: a GS1 Digital Link URI or a GS1
// element string, in any of the forms ParseDigitalLink and ParseElementString
// accept. It first trims surrounding whitespace (scanners append CR or LF) and
// a symbology identifier (]Q1 before a Digital Link from a QR code, ]d2 before
// an element string from a DataMatrix…), then dispatches on the first character:
// "/" or a letter is a Digital Link, anything else an element string.
func Parse(input string, now time.Time) (Code, error) {
	s := strings.Trim(input, " \t\r\n")
	if s == "" {
		return Code{}, errorf(EEmpty, "", "nothing to parse")
	}
	rest, err := stripSymbologyID(s)
	if err != nil {
		return Code{}, err
	}
	if rest != "" && (rest[0] == '/' || isLetter(rest[0])) {
		return ParseDigitalLink(rest, now)
	}
	return parseElements(rest, now)
}

// stripSymbologyID removes a leading symbology identifier, "]" plus two
// characters, if s has one.
func stripSymbologyID(s string) (string, error) {
	if !strings.HasPrefix(s, "]") {
		return s, nil
	}
	if len(s) < 3 {
		return "", errorf(EBadSymbologyID, "symbology", "truncated symbology identifier %q", s)
	}
	id := s[:3]
	if knownSymbologyID(id) {
		return s[3:], nil
	}
	if swapped := swapCase(id); knownSymbologyID(swapped) {
		return "", errorf(EBadSymbologyID, "symbology", "symbology identifier %q is %q with its case inverted: Caps Lock is probably on at the scanner, which also inverts the lot and serial", id, swapped)
	}
	return "", errorf(EBadSymbologyID, "symbology", "symbology identifier %q is not one of ]d2, ]Q3, ]C1, ]e0, ]d1, ]Q1", id)
}

func knownSymbologyID(id string) bool {
	switch id {
	case "]d2", // GS1 DataMatrix
		"]Q3", // GS1 QR Code
		"]C1", // GS1-128
		"]e0", // GS1 DataBar
		"]d1", // DataMatrix, plain mode: a Digital Link DataMatrix
		"]Q1": // QR Code, plain mode: a Digital Link QR code
		return true
	}
	return false
}

func swapCase(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case 'a' <= c && c <= 'z':
			b[i] = c - 'a' + 'A'
		case 'A' <= c && c <= 'Z':
			b[i] = c - 'A' + 'a'
		}
	}
	return string(b)
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// element is one AI and its value.
type element struct{ ai, val string }

// elements lists c's AIs in canonical order: 01, 17, 10, 21, then (withExtra)
// the supported AIs of Extra in ascending order, each with its first value.
func elements(c Code, withExtra bool) []element {
	es := []element{{"01", string(c.GTIN)}}
	if e := c.expiry(); e != "" {
		es = append(es, element{"17", e})
	}
	if c.Lot != "" {
		es = append(es, element{"10", c.Lot})
	}
	if c.Serial != "" {
		es = append(es, element{"21", c.Serial})
	}
	if withExtra {
		for _, k := range sortedKeys(c.Extra) {
			if isExtraAI(k) && len(c.Extra[k]) > 0 {
				es = append(es, element{k, c.Extra[k][0]})
			}
		}
	}
	return es
}

// writeElements writes es as an element string: a GS after each value that
// has no predefined length, unless it is the last.
func writeElements(b *strings.Builder, es []element) {
	for i, e := range es {
		b.WriteString(e.ai)
		b.WriteString(e.val)
		if spec, _ := lookupAI(e.ai); !spec.predefined && i < len(es)-1 {
			b.WriteByte(GroupSeparator)
		}
	}
}

func sortedKeys(v url.Values) []string {
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
