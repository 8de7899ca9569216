package web

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/iotest"
)

func TestVerifyBody(t *testing.T) {
	for _, c := range []struct {
		body  string
		code  string
		ok    bool
		plain bool // read by plainCode, not encoding/json
	}{
		{`{"code":"https://x/01/1"}`, "https://x/01/1", true, true},
		{" \t\r\n{ \"code\" :\n\"a b\" }\n", "a b", true, true},
		{`{"code":"é中🙂"}`, "é中🙂", true, true},
		{`{"code":""}`, "", true, true},
		{`{"code":"a\u001db"}`, "a\x1db", true, true}, // an escaped GS, as an element string carries it
		{`{"code":"a\"b\\c\/d\b\f\n\r\t"}`, "a\"b\\c/d\b\f\n\r\t", true, true},
		{`{"code":"x?17=1\u0026sig=\u003C\u003e"}`, "x?17=1&sig=<>", true, true}, // json.Marshal's escapes
		{`{"code":"\ud83d\ude42 \ud83d \ude42 \ud83dx"}`, "🙂 \ufffd \ufffd \ufffdx", true, true},
		{`{"code":"\u12"}`, "", false, false},
		{`{"code":"\x"}`, "", false, false},
		{"{\"code\":\"bad \xff utf-8\"}", "bad \ufffd utf-8", true, false},
		{`{"code":null}`, "", true, false},
		{`{"Code":"x"}`, "x", true, false}, // encoding/json matches member names without case
		{`{}`, "", true, false},
		{`{"code":"a","code":"b"}`, "b", true, false},
		{`{"code":"x","other":1}`, "", false, false}, // unknown member
		{`{"code":"x"} {"code":"y"}`, "", false, false},
		{`{"code":"x"}garbage`, "", false, false},
		{`{"code":"x"`, "", false, false},
		{`{"code":"x}`, "", false, false},
		{`{"code":1}`, "", false, false},
		{`["code","x"]`, "", false, false},
		{"{\"code\":\"a\nb\"}", "", false, false}, // a raw control character in a string
		{``, "", false, false},
		{`   `, "", false, false},
	} {
		code, ok := verifyBody([]byte(c.body))
		if ok != c.ok || code != c.code {
			t.Errorf("verifyBody(%q) = %q, %v; want %q, %v", c.body, code, ok, c.code, c.ok)
		}
		if _, plain := plainCode([]byte(c.body)); plain != c.plain {
			t.Errorf("plainCode(%q) ok = %v, want %v", c.body, plain, c.plain)
		}
	}
}

// FuzzVerifyBody: wherever the direct reader answers, encoding/json answers the same.
func FuzzVerifyBody(f *testing.F) {
	for _, s := range []string{`{"code":"x"}`, `{"code":"\ud83d\ude42\ud800\u0026\n"}`, ` { "code" : "é" } `, `{"code":"a\u001d"}`, `{"code":"x"}x`, "{\"code\":\"\xff\"}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		code, ok := plainCode(body)
		if !ok {
			return
		}
		want, wantOK := jsonCode(body)
		if !wantOK || want != code {
			t.Errorf("plainCode(%q) = %q; encoding/json: %q, %v", body, code, want, wantOK)
		}
	})
}

func TestReadBody(t *testing.T) {
	big := strings.Repeat("x", 10_000)
	for _, buf := range [][]byte{nil, make([]byte, 0, 16), make([]byte, 5, 4096)} {
		got, err := readBody(iotest.OneByteReader(strings.NewReader(big)), buf)
		if err != nil || string(got) != big {
			t.Fatalf("readBody: %d bytes, %v", len(got), err)
		}
	}
	// A body over the limit is an *http.MaxBytesError, whatever it holds.
	rec := httptest.NewRecorder()
	_, err := readBody(http.MaxBytesReader(rec, io.NopCloser(bytes.NewReader([]byte(big))), 100), nil)
	var tooBig *http.MaxBytesError
	if !errors.As(err, &tooBig) {
		t.Fatalf("readBody over the limit: %v, want a MaxBytesError", err)
	}
}
