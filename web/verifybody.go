package web

import (
	"bytes"
	"encoding/json"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// readBody reads all of r into buf's spare capacity, growing it as needed.
func readBody(r io.Reader, buf []byte) ([]byte, error) {
	b := bytes.NewBuffer(buf[:0])
	_, err := b.ReadFrom(r)
	return b.Bytes(), err
}

// verifyBody reads the code out of a POST /api/v1/verify body, {"code": "…"}: the one member,
// nothing after the object but white space. The body every scanner sends is read directly
// (plainCode); anything else goes through encoding/json (jsonCode), which plainCode agrees with
// wherever it answers (FuzzVerifyBody).
func verifyBody(body []byte) (string, bool) {
	if code, ok := plainCode(body); ok {
		return code, true
	}
	return jsonCode(body)
}

// jsonCode decodes body with encoding/json: unknown members refused, trailing data refused.
func jsonCode(body []byte) (string, bool) {
	var req struct {
		Code string `json:"code"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return "", false
	}
	if skipSpace(body, int(dec.InputOffset())) != len(body) {
		return "", false
	}
	return req.Code, true
}

// plainCode reads {"code":"…"} with JSON white space anywhere between tokens. It gives up
// (ok false) on anything else, and on a string holding a raw control character, invalid UTF-8
// or a malformed escape, leaving those to encoding/json.
func plainCode(b []byte) (code string, ok bool) {
	i := skipSpace(b, 0)
	const key = `"code"`
	if i >= len(b) || b[i] != '{' {
		return "", false
	}
	i = skipSpace(b, i+1)
	if !bytes.HasPrefix(b[i:], []byte(key)) {
		return "", false
	}
	i = skipSpace(b, i+len(key))
	if i >= len(b) || b[i] != ':' {
		return "", false
	}
	i = skipSpace(b, i+1)
	if i >= len(b) || b[i] != '"' {
		return "", false
	}
	code, i, ok = jsonString(b, i+1)
	if !ok {
		return "", false
	}
	i = skipSpace(b, i)
	if i >= len(b) || b[i] != '}' || skipSpace(b, i+1) != len(b) {
		return "", false
	}
	return code, true
}

// jsonString reads a JSON string from b[i:], just after its opening quote: its value and the
// index after its closing quote. Escapes are decoded as encoding/json decodes them (a lone
// surrogate becomes U+FFFD). A Go program's json.Marshal escapes &, < and > (\u0026…), so a
// Digital Link's "&sig=" arrives escaped from most Go clients.
func jsonString(b []byte, i int) (string, int, bool) {
	start := i
	for i < len(b) && b[i] != '"' && b[i] != '\\' && b[i] >= 0x20 {
		i++
	}
	if i < len(b) && b[i] == '"' { // no escapes: the common case
		if !utf8.Valid(b[start:i]) {
			return "", 0, false
		}
		return string(b[start:i]), i + 1, true
	}
	out := append(make([]byte, 0, len(b)-start), b[start:i]...)
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			if !utf8.Valid(out) {
				return "", 0, false
			}
			return string(out), i + 1, true
		case c < 0x20:
			return "", 0, false
		case c != '\\':
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(b) {
			return "", 0, false
		}
		switch e := b[i+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := hex4(b, i+2)
			if r < 0 {
				return "", 0, false
			}
			i += 6
			if utf16.IsSurrogate(r) {
				if i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
					if r2 := hex4(b, i+2); r2 >= 0 {
						if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
							out = utf8.AppendRune(out, d)
							i += 6
							continue
						}
					}
				}
				r = utf8.RuneError
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			return "", 0, false
		}
		i += 2
	}
	return "", 0, false
}

// hex4 is the value of the four hex digits at b[i:], or -1.
func hex4(b []byte, i int) rune {
	if i+4 > len(b) {
		return -1
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}
