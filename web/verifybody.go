package web

import (
	"bytes"
	"encoding/json"
	"io"
	"unicode/utf8"
)

// readBody reads all of r into buf's spare capacity, growing it as needed.
func readBody(r io.Reader, buf []byte) ([]byte, error) {
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// verifyBody reads the code out of a POST /api/v1/verify body, {"code": "…"}: the one member,
// nothing after the object but white space. The body every scanner sends — a plain string with
// no escapes — is read directly (plainCode); anything else goes through encoding/json
// (jsonCode), which plainCode agrees with wherever it answers (FuzzVerifyBody).
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

// plainCode reads {"code":"…"} with JSON white space anywhere between tokens, when the string
// holds no escape, no control character and only valid UTF-8; ok is false for anything else.
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
	start := i + 1
	end := start
	for end < len(b) && b[end] != '"' {
		if c := b[end]; c < 0x20 || c == '\\' {
			return "", false
		}
		end++
	}
	if end >= len(b) || !utf8.Valid(b[start:end]) {
		return "", false
	}
	i = skipSpace(b, end+1)
	if i >= len(b) || b[i] != '}' {
		return "", false
	}
	if skipSpace(b, i+1) != len(b) {
		return "", false
	}
	return string(b[start:end]), true
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}
