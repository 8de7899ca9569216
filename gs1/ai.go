package gs1

import (
	"strings"
	"time"
)

// GroupSeparator is ASCII 29 (GS), the character a scanner transmits for an FNC1
// that ends a variable-length field of an element string.
const GroupSeparator = '\x1d'

// aiSpec describes an Application Identifier's value, after the GS1 General
// Specifications and the GS1 Barcode Syntax Dictionary.
type aiSpec struct {
	fixed      int  // exact length, or 0 for a variable length of 1…max
	max        int  // maximum length of a variable-length value
	numeric    bool // digits only; otherwise the 82-character set
	date       bool // YYMMDD, day 00 allowed
	predefined bool // predefined length: no FNC1 needed after it
}

// lookupAI returns the spec of an AI this package supports. The supported AIs
// are prefix-free (no AI is the start of another), so reading 2, then 3, then 4
// digits finds the AI at the head of an element string unambiguously.
func lookupAI(ai string) (aiSpec, bool) {
	switch ai {
	case "01":
		return aiSpec{fixed: 14, numeric: true, predefined: true}, true
	case "11", "12", "13", "15", "16", "17":
		return aiSpec{fixed: 6, numeric: true, date: true, predefined: true}, true
	case "20":
		return aiSpec{fixed: 2, numeric: true, predefined: true}, true
	case "10", "21", "710", "711", "712", "713", "714", "715":
		return aiSpec{max: 20}, true
	case "240", "241", "250", "251", "90":
		return aiSpec{max: 30}, true
	case "30":
		return aiSpec{max: 8, numeric: true}, true
	case "7003":
		return aiSpec{fixed: 10, numeric: true}, true
	case "91", "92", "93", "94", "95", "96", "97", "98", "99":
		return aiSpec{max: 90}, true
	}
	return aiSpec{}, false
}

// isExtraAI reports whether ai is a supported AI that Code keeps in Extra
// rather than in a field of its own.
func isExtraAI(ai string) bool {
	switch ai {
	case "01", "10", "17", "21":
		return false
	}
	_, ok := lookupAI(ai)
	return ok
}

// looksLikeAI reports whether s has the form of an AI: two to four digits.
func looksLikeAI(s string) bool {
	return len(s) >= 2 && len(s) <= 4 && allDigits(s)
}

// validateAIValue checks val against the spec of ai.
func validateAIValue(ai string, spec aiSpec, val string, now time.Time) error {
	switch {
	case spec.fixed > 0 && len(val) != spec.fixed:
		return errorf(EBadLength, ai, "value %q has %d characters, want %d", clip(val), len(val), spec.fixed)
	case spec.fixed == 0 && (len(val) < 1 || len(val) > spec.max):
		return errorf(EBadLength, ai, "value %q has %d characters, want 1 to %d", clip(val), len(val), spec.max)
	}
	if spec.numeric {
		if err := digitsOnly(ai, "value", val); err != nil {
			return err
		}
	} else if err := cset82(ai, val); err != nil {
		return err
	}
	if spec.date {
		if _, err := parseDate(ai, val, now); err != nil {
			return err
		}
	}
	return nil
}

// ValidateAI10or21 checks a batch/lot (AI 10) or serial (AI 21): 1 to 20
// characters of the GS1 82-character set (! " % & ' ( ) * + , - . / 0-9 : ; <
// = > ? A-Z _ a-z). Case is significant; no space, no GS, and no "<GS>" (see
// the package documentation).
func ValidateAI10or21(s string) error {
	return validateX("", s, 20)
}

func validateX(field, s string, max int) error {
	if len(s) < 1 || len(s) > max {
		return errorf(EBadLength, field, "value %q has %d characters, want 1 to %d", clip(s), len(s), max)
	}
	return cset82(field, s)
}

func cset82(field, s string) error {
	for i := 0; i < len(s); i++ {
		if !isCSet82(s[i]) {
			return errorf(EBadCharacter, field, "value %q has %q at offset %d, outside the GS1 82-character set", clip(s), s[i], i)
		}
	}
	// "<GS>" is made of characters of the set, but it is what some scanner
	// configurations type in place of ASCII 29. Read as a value, it would glue
	// two fields into one wrong lot; refusing it tells the user to fix the
	// scanner instead.
	if i := strings.Index(strings.ToUpper(s), "<GS>"); i >= 0 {
		return errorf(EBadCharacter, field, "value %q has %q at offset %d, a scanner's stand-in for the GS separator: set the scanner to send ASCII 29", clip(s), s[i:i+4], i)
	}
	return nil
}

// isCSet82 reports whether c is in GS1 AI encodable character set 82.
func isCSet82(c byte) bool {
	switch {
	case c >= '!' && c <= '?': // !"#$%&'()*+,-./0-9:;<=>? less # and $
		return c != '#' && c != '$'
	case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c == '_':
		return true
	}
	return false
}
