package gs1

import (
	"strings"
	"time"
)

// ParseElementString parses a GS1 element string, as a scanner transmits it or
// as people write it:
//
//   - an optional symbology identifier (]d2, ]Q3, ]C1, ]e0, or the plain-mode
//     ]d1, ]Q1), then an optional GS (FNC1 in first position);
//   - then either AIs directly followed by their values, in any order: 01 takes
//     14 digits and 17 six, a variable-length value (10, 21…) runs to the next
//     GS (ASCII 29) or the end, a GS after a fixed-length value is tolerated,
//     "01095060001343521726123110ABC123\x1d21SN1";
//   - or the human-readable form with parenthesised AIs and no GS,
//     "(01)09506000134352(17)261231(10)ABC123(21)SN12345", in which spaces (not
//     in the 82-character set) are ignored and a value runs to the next "(NN)"
//     with 2 to 4 digits; a lot or serial that itself contains such a "(NN)"
//     cannot be written in this form.
//
// 01 is required, each AI may appear once, and values are validated (GTIN check
// digit, 82-character set, dates). The AIs besides 01, 10, 17 and 21 that are
// accepted are listed in the package documentation; they go to Extra. now
// places the century of dates.
func ParseElementString(s string, now time.Time) (Code, error) {
	if s == "" {
		return Code{}, errorf(EEmpty, "", "element string is empty")
	}
	rest, err := stripSymbologyID(s)
	if err != nil {
		return Code{}, err
	}
	return parseElements(rest, now)
}

// parseElements parses an element string without its symbology identifier.
func parseElements(s string, now time.Time) (Code, error) {
	s = strings.TrimLeft(s, string(GroupSeparator))
	if s == "" {
		return Code{}, errorf(EEmpty, "", "element string has no AIs")
	}
	p := elementParser{now: now, seen: map[string]bool{}}
	var err error
	switch {
	case s[0] == '(':
		err = p.parseBracketed(s)
	case isDigit(s[0]):
		err = p.parseRaw(s)
	default:
		err = errorf(EBadCharacter, "", "element string starts with %q, want an AI, \"(\" or GS", s[0])
	}
	if err != nil {
		return Code{}, err
	}
	if p.code.GTIN == "" {
		return Code{}, errorf(EMissingGTIN, "01", "element string has no AI (01)")
	}
	return p.code, nil
}

type elementParser struct {
	now  time.Time
	seen map[string]bool
	code Code
}

func (p *elementParser) parseRaw(s string) error {
	for i := 0; i < len(s); {
		if s[i] == GroupSeparator {
			i++
			continue
		}
		ai, spec, err := readAI(s, i)
		if err != nil {
			return err
		}
		i += len(ai)
		var val string
		if spec.fixed > 0 {
			val = s[i:min(i+spec.fixed, len(s))]
			if j := strings.IndexByte(val, GroupSeparator); j >= 0 {
				val = val[:j]
			}
			if len(val) < spec.fixed {
				return errorf(EBadLength, ai, "value %q has %d characters, want %d", val, len(val), spec.fixed)
			}
		} else {
			val = s[i:]
			if j := strings.IndexByte(val, GroupSeparator); j >= 0 {
				val = val[:j]
			}
		}
		i += len(val)
		if err := p.set(ai, val); err != nil {
			return err
		}
	}
	return nil
}

// readAI reads the AI at s[i:]: the first of its 2, 3 or 4 leading digits that
// is a supported AI.
func readAI(s string, i int) (string, aiSpec, error) {
	if i+2 > len(s) || !isDigit(s[i]) || !isDigit(s[i+1]) {
		return "", aiSpec{}, errorf(EBadCharacter, "", "element string has %q at offset %d, where an AI should start", clip(s[i:]), i)
	}
	n := 2
	for ; n <= 4 && i+n <= len(s) && isDigit(s[i+n-1]); n++ {
		if spec, ok := lookupAI(s[i : i+n]); ok {
			return s[i : i+n], spec, nil
		}
	}
	ai := s[i : i+n-1]
	return "", aiSpec{}, errorf(EUnknownAI, ai, "unknown or unsupported AI at offset %d of the element string", i)
}

func (p *elementParser) parseBracketed(s string) error {
	// Spaces and GS are not in the 82-character set, so dropping them can only
	// rescue a string that people typed with spaces or a scanner split.
	s = strings.NewReplacer(" ", "", string(GroupSeparator), "").Replace(s)
	for i := 0; i < len(s); {
		n := aiInParens(s[i:])
		if n == 0 {
			return errorf(EBadCharacter, "", "element string has %q at offset %d, where \"(AI)\" should start", clip(s[i:]), i)
		}
		ai := s[i+1 : i+n-1]
		if _, ok := lookupAI(ai); !ok {
			return errorf(EUnknownAI, ai, "unknown or unsupported AI (%s)", ai)
		}
		start := i + n
		end := start
		for end < len(s) && (s[end] != '(' || aiInParens(s[end:]) == 0) {
			end++
		}
		if err := p.set(ai, s[start:end]); err != nil {
			return err
		}
		i = end
	}
	return nil
}

// aiInParens returns the length of the "(NN)" with 2 to 4 digits at the start
// of s, or 0.
func aiInParens(s string) int {
	if s == "" || s[0] != '(' {
		return 0
	}
	n := 1
	for n < len(s) && n <= 4 && isDigit(s[n]) {
		n++
	}
	if n < 3 || n >= len(s) || s[n] != ')' {
		return 0
	}
	return n + 1
}

func (p *elementParser) set(ai, val string) error {
	if p.seen[ai] {
		return errorf(EDuplicateAI, ai, "AI (%s) appears twice", ai)
	}
	p.seen[ai] = true
	spec, _ := lookupAI(ai)
	if err := validateAIValue(ai, spec, val, p.now); err != nil {
		return err
	}
	c := &p.code
	switch ai {
	case "01":
		g, err := ParseGTIN(val)
		if err != nil {
			return err
		}
		c.GTIN = g
	case "17":
		t, err := ParseExpiry(val, p.now)
		if err != nil {
			return err
		}
		c.Expiry, c.ExpiryRaw = t, val
	case "10":
		c.Lot = val
	case "21":
		c.Serial = val
	default:
		addExtra(c, ai, val)
	}
	return nil
}

// FormatElementString returns c as an element string in canonical order: 01,
// 17, 10, 21, then the AIs of Extra this package knows, ascending; a GS (ASCII
// 29) ends each variable-length value that is not last. With gs, the string
// starts with a GS, the FNC1 in first position that marks GS1 data when no
// symbology identifier does (what a scanner set to transmit FNC1 sends, and what
// many encoders expect). Sig and non-AI Extra keys have no place in an element
// string and are left out. c must be valid, as a parser returns it.
func FormatElementString(c Code, gs bool) string {
	var b strings.Builder
	if gs {
		b.WriteByte(GroupSeparator)
	}
	writeElements(&b, elements(c, true))
	return b.String()
}

// HumanReadable returns c in the human-readable form printed under a barcode,
// in the order of FormatElementString:
// "(01)09506000134352(17)261231(10)ABC123(21)SN12345".
func HumanReadable(c Code) string {
	var b strings.Builder
	for _, e := range elements(c, true) {
		b.WriteByte('(')
		b.WriteString(e.ai)
		b.WriteByte(')')
		b.WriteString(e.val)
	}
	return b.String()
}
