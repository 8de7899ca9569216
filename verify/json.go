package verify

import (
	"strconv"
	"time"
	"unicode/utf8"
)

// AppendJSON appends r as compact JSON to dst: the bytes json.Marshal gives for r, field for
// field (TestAppendJSONLikeMarshal and FuzzAppendJSON hold it to that), written without
// reflection because a verification's answer is written on every request: encoding/json took
// about 19 µs of a verification's 320 on the benchmark's machine, this about 2.
//
// A field added to Result or to a type it holds must be added here too; the tests fail until
// it is.
func (r *Result) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"verdict":`...)
	dst = appendString(dst, string(r.Verdict))
	dst = append(dst, `,"message":`...)
	dst = appendString(dst, r.Message)
	if r.Advice != "" {
		dst = append(dst, `,"advice":`...)
		dst = appendString(dst, r.Advice)
	}
	if c := r.Code; c != nil {
		dst = append(dst, `,"code":{"gtin":`...)
		dst = appendString(dst, c.GTIN)
		dst = appendOptString(dst, `,"lot":`, c.Lot)
		dst = appendOptString(dst, `,"serial":`, c.Serial)
		dst = appendOptString(dst, `,"expiry":`, c.Expiry)
		dst = append(dst, '}')
	}
	if p := r.Problem; p != nil {
		dst = append(dst, `,"problem":{"code":`...)
		dst = appendString(dst, p.Code)
		dst = appendOptString(dst, `,"field":`, p.Field)
		dst = append(dst, `,"message":`...)
		dst = appendString(dst, p.Message)
		dst = append(dst, '}')
	}
	if p := r.Product; p != nil {
		dst = append(dst, `,"product":{"gtin":`...)
		dst = appendString(dst, p.GTIN)
		dst = append(dst, `,"name":`...)
		dst = appendString(dst, p.Name)
		dst = append(dst, `,"strength":`...)
		dst = appendString(dst, p.Strength)
		dst = append(dst, `,"form":`...)
		dst = appendString(dst, p.Form)
		dst = append(dst, `,"packSize":`...)
		dst = strconv.AppendUint(dst, uint64(p.PackSize), 10)
		dst = append(dst, '}')
	}
	if b := r.Batch; b != nil {
		dst = append(dst, `,"batch":{"batchId":`...)
		dst = appendString(dst, b.BatchID)
		dst = append(dst, `,"lot":`...)
		dst = appendString(dst, b.Lot)
		dst = append(dst, `,"expiry":`...)
		dst = appendString(dst, b.Expiry)
		dst = append(dst, `,"recalled":`...)
		dst = strconv.AppendBool(dst, b.Recalled)
		dst = appendOptString(dst, `,"recallReason":`, b.RecallReason)
		dst = append(dst, `,"packsRoot":`...)
		dst = appendString(dst, b.RootState)
		dst = append(dst, '}')
	}
	if m := r.Manufacturer; m != nil {
		dst = append(dst, `,"manufacturer":`...)
		dst = m.appendJSON(dst)
	}
	if p := r.Pack; p != nil {
		dst = append(dst, `,"pack":{"packId":`...)
		dst = appendString(dst, p.PackID)
		dst = append(dst, `,"state":`...)
		dst = appendString(dst, p.State)
		dst = appendOptString(dst, `,"reason":`, p.Reason)
		if p.DecommissionedBy != nil {
			dst = append(dst, `,"decommissionedBy":`...)
			dst = p.DecommissionedBy.appendJSON(dst)
		}
		if p.DecommissionedAt != nil {
			dst = append(dst, `,"decommissionedAt":`...)
			dst = appendTime(dst, *p.DecommissionedAt)
		}
		dst = append(dst, '}')
	}
	if len(r.Custody) > 0 {
		dst = append(dst, `,"custody":[`...)
		for i := range r.Custody {
			h := &r.Custody[i]
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"from":`...)
			dst = h.From.appendJSON(dst)
			dst = append(dst, `,"to":`...)
			dst = h.To.appendJSON(dst)
			dst = append(dst, `,"quantity":`...)
			dst = strconv.AppendUint(dst, h.Quantity, 10)
			dst = append(dst, `,"shippedAt":`...)
			dst = appendTime(dst, h.ShippedAt)
			dst = append(dst, `,"receivedAt":`...)
			dst = appendTime(dst, h.Received)
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	dst = append(dst, `,"signature":`...)
	dst = appendString(dst, r.Signature)
	dst = append(dst, `,"block":`...)
	dst = strconv.AppendUint(dst, r.Block, 10)
	if a := r.Alert; a != nil {
		dst = append(dst, `,"alert":{"id":`...)
		dst = appendString(dst, a.ID)
		dst = append(dst, `,"code":`...)
		dst = appendString(dst, a.Code)
		dst = appendOptString(dst, `,"nmvsCode":`, a.NMVSCode)
		dst = append(dst, `,"message":`...)
		dst = appendString(dst, a.Message)
		dst = append(dst, '}')
	}
	dst = append(dst, `,"checkedAt":`...)
	dst = appendTime(dst, r.CheckedAt)
	return append(dst, '}')
}

func (p *Party) appendJSON(dst []byte) []byte {
	dst = append(dst, `{"address":`...)
	dst = appendString(dst, p.Address)
	dst = append(dst, `,"name":`...)
	dst = appendString(dst, p.Name)
	dst = append(dst, `,"gln":`...)
	dst = appendString(dst, p.GLN)
	dst = append(dst, `,"role":`...)
	dst = appendString(dst, p.Role)
	return append(dst, '}')
}

// appendOptString appends key and s, unless s is empty (omitempty).
func appendOptString(dst []byte, key, s string) []byte {
	if s == "" {
		return dst
	}
	return appendString(append(dst, key...), s)
}

// appendTime appends t as time.Time's MarshalJSON does (RFC 3339 with the nanoseconds it has).
// The years it refuses (before 0, after 9999) do not occur in the mirror.
func appendTime(dst []byte, t time.Time) []byte {
	dst = append(dst, '"')
	dst = t.AppendFormat(dst, time.RFC3339Nano)
	return append(dst, '"')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string exactly as encoding/json writes it: <, > and & as
// \u escapes (HTML-safe), the short escapes for \b \f \n \r \t, other control characters as
// \u00XX, invalid UTF-8 as \ufffd, and U+2028 and U+2029 escaped.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xf])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
