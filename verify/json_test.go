package verify_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/pharmatrace/pharmatrace/verify"
)

// checkJSON fails unless r.AppendJSON writes what json.Marshal writes for r. Every result the
// scenario tests reach goes through it.
func checkJSON(t *testing.T, r verify.Result) {
	t.Helper()
	want, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	if got := r.AppendJSON(nil); string(got) != string(want) {
		t.Errorf("AppendJSON differs from json.Marshal:\n got %s\nwant %s", got, want)
	}
}

// fullResult sets every field of a Result and of the types it holds, with s in every string.
func fullResult(s string, n uint64, at time.Time) verify.Result {
	party := func(k string) *verify.Party {
		return &verify.Party{Address: k + s, Name: s + k, GLN: s, Role: k}
	}
	return verify.Result{
		Verdict: verify.Verdict(s), Message: s, Advice: s,
		Code:         &verify.CodeInfo{GTIN: s, Lot: s, Serial: s, Expiry: s},
		Problem:      &verify.Problem{Code: s, Field: s, Message: s},
		Product:      &verify.Product{GTIN: s, Name: s, Strength: s, Form: s, PackSize: uint32(n)},
		Batch:        &verify.Batch{BatchID: s, Lot: s, Expiry: s, Recalled: n%2 == 1, RecallReason: s, RootState: s},
		Manufacturer: party("m"),
		Pack:         &verify.Pack{PackID: s, State: s, Reason: s, DecommissionedBy: party("d"), DecommissionedAt: &at},
		Custody: []verify.Hop{
			{From: *party("a"), To: *party("b"), Quantity: n, ShippedAt: at, Received: at.Add(time.Hour)},
			{From: *party("b"), To: *party("c"), Quantity: n / 3, ShippedAt: at.Add(time.Minute), Received: at.Add(time.Nanosecond)},
		},
		Signature: s, Block: n,
		Alert:     &verify.Alert{ID: s, Code: s, NMVSCode: s, Message: s},
		CheckedAt: at,
	}
}

func TestAppendJSONLikeMarshal(t *testing.T) {
	at := time.Date(2026, 12, 1, 22, 33, 30, 123456789, time.UTC)
	for _, s := range []string{
		"", "plain", `quote " backslash \ slash /`, "<script>&amp;</script>", "\b\f\n\r\t\x00\x01\x1f\x7f",
		"é ü 中文 🙂", "\u2028\u2029", "bad \xff\xfe utf-8 \xc3", strings.Repeat("x", 300),
	} {
		r := fullResult(s, 123456, at)
		checkJSON(t, r)
		checkJSON(t, verify.Result{Verdict: verify.Malformed, Message: s, Signature: "absent", CheckedAt: at})
		r.Pack.DecommissionedBy, r.Pack.DecommissionedAt, r.Custody = nil, nil, []verify.Hop{}
		checkJSON(t, r)
	}
	// A zone other than UTC, and a zero time.
	checkJSON(t, fullResult("z", 0, at.In(time.FixedZone("x", -(5*3600+30*60)))))
	checkJSON(t, verify.Result{})
}

func FuzzAppendJSON(f *testing.F) {
	f.Add("authentic", uint64(7), int64(1_796_000_000_123_456_789))
	f.Add("<\u2028\xff\"\\", uint64(1<<63), int64(0))
	f.Fuzz(func(t *testing.T, s string, n uint64, nanos int64) {
		checkJSON(t, fullResult(s, n, time.Unix(0, nanos).UTC()))
	})
}
