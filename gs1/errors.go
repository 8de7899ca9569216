package gs1

import (
	"errors"
	"fmt"
)

// ErrorCode classifies what is wrong with a malformed identifier. The codes are
// stable strings, fit for an API response and for tests.
type ErrorCode string

// The kinds of malformation the parsers report.
const (
	EEmpty              ErrorCode = "empty"                // nothing to parse
	EBadLength          ErrorCode = "bad_length"           // value too short or too long (or empty)
	EBadCharacter       ErrorCode = "bad_character"        // a character outside the value's character set
	EBadCheckDigit      ErrorCode = "bad_check_digit"      // GTIN or GLN mod-10 check digit does not match
	EBadDate            ErrorCode = "bad_date"             // YYMMDD with an impossible month or day
	EMissingGTIN        ErrorCode = "missing_gtin"         // no AI 01
	EUnknownAI          ErrorCode = "unknown_ai"           // an AI this package does not support
	EDuplicateAI        ErrorCode = "duplicate_ai"         // the same AI twice
	EBadSymbologyID     ErrorCode = "bad_symbology_id"     // a "]xx" prefix that is not a GS1 one
	EBadURI             ErrorCode = "bad_uri"              // not an http(s) URI, or a bad host
	EBadPath            ErrorCode = "bad_path"             // Digital Link path not made of /AI/value pairs
	EBadPathOrder       ErrorCode = "bad_path_order"       // Digital Link path AIs not in the order 01, 10, 21
	EMisplacedAI        ErrorCode = "misplaced_ai"         // 01, 10 or 21 in the query instead of the path
	EBadPercentEncoding ErrorCode = "bad_percent_encoding" // "%" not followed by two hex digits
	EBadQuery           ErrorCode = "bad_query"            // a repeated sig parameter
)

// Error is a malformed identifier: what kind of malformation (Code), where
// (Field: an AI such as "01" or "21", or "uri", "path", "query", "sig",
// "symbology", "gln", "body"), and a message for people that names the offending
// value. Parsers return it as a *Error.
type Error struct {
	Code  ErrorCode
	Field string
	Msg   string
}

// Error implements error.
func (e *Error) Error() string {
	switch {
	case e.Field == "":
		return "gs1: " + e.Msg
	case allDigits(e.Field):
		return "gs1: (" + e.Field + "): " + e.Msg
	default:
		return "gs1: " + e.Field + ": " + e.Msg
	}
}

// ErrorCodeOf returns the ErrorCode of the *Error that err wraps, or "" if err
// does not wrap one.
func ErrorCodeOf(err error) ErrorCode {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func errorf(code ErrorCode, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Msg: fmt.Sprintf(format, args...)}
}
