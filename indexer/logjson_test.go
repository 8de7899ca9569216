package indexer

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// randomLogs are logs as a node reports them, with every field set.
func randomLogs(r *rand.Rand, n int) []*types.Log {
	ls := make([]*types.Log, n)
	for i := range ls {
		l := &types.Log{BlockNumber: r.Uint64() >> r.IntN(64), TxIndex: uint(r.IntN(300)), Index: uint(i), BlockTimestamp: r.Uint64() >> 30, Removed: r.IntN(5) == 0}
		fill(r, l.Address[:])
		fill(r, l.TxHash[:])
		fill(r, l.BlockHash[:])
		for range r.IntN(5) {
			var h common.Hash
			fill(r, h[:])
			l.Topics = append(l.Topics, h)
		}
		if l.Topics == nil {
			l.Topics = []common.Hash{}
		}
		l.Data = make([]byte, 32*r.IntN(5))
		fill(r, l.Data)
		ls[i] = l
	}
	return ls
}

func fill(r *rand.Rand, b []byte) {
	for i := range b {
		b[i] = byte(r.Uint32())
	}
}

// stdLogs is what ethclient.FilterLogs would decode.
func stdLogs(raw []byte) ([]types.Log, error) {
	var logs []types.Log
	err := json.Unmarshal(raw, &logs)
	return logs, err
}

// TestDecodeLogsRoundTrip: logs encoded as geth encodes them come back whole, on the fast path.
func TestDecodeLogsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 100} {
		want := randomLogs(r, n)
		raw, err := json.Marshal(want)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := fastLogs(raw)
		if !ok {
			t.Fatalf("%d logs: the fast path refused geth's own encoding", n)
		}
		if len(got) != n {
			t.Fatalf("%d logs decoded, want %d", len(got), n)
		}
		for i := range got {
			if !reflect.DeepEqual(&got[i], want[i]) {
				t.Errorf("log %d: got %+v, want %+v", i, got[i], *want[i])
			}
		}
	}
}

// TestDecodeLogsLikeStd: on answers off the fast path, and on malformed ones, decodeLogs gives
// json.Unmarshal's answer: the same logs, or an error where it errs.
func TestDecodeLogsLikeStd(t *testing.T) {
	const (
		a  = `"address":"0x0000000000000000000000000000000000000001"`
		tx = `"transactionHash":"0x0000000000000000000000000000000000000000000000000000000000000002"`
		tp = `"topics":[]`
		d  = `"data":"0x"`
	)
	cases := map[string]string{
		"null":             `null`,
		"empty":            `[]`,
		"trailing data":    `[] x`,
		"not an array":     `{}`,
		"missing address":  `[{` + tp + `,` + d + `,` + tx + `}]`,
		"missing topics":   `[{` + a + `,` + d + `,` + tx + `}]`,
		"null topics":      `[{` + a + `,"topics":null,` + d + `,` + tx + `}]`,
		"odd data":         `[{` + a + `,` + tp + `,"data":"0x1",` + tx + `}]`,
		"short address":    `[{"address":"0x01",` + tp + `,` + d + `,` + tx + `}]`,
		"leading zero":     `[{` + a + `,` + tp + `,` + d + `,` + tx + `,"logIndex":"0x01"}]`,
		"quantity too big": `[{` + a + `,` + tp + `,` + d + `,` + tx + `,"blockNumber":"0x10000000000000000"}]`,
		"case-folded key":  `[{"Address":"0x0000000000000000000000000000000000000003",` + tp + `,` + d + `,` + tx + `}]`,
		"duplicate key":    `[{` + a + `,` + tp + `,` + d + `,` + tx + `,"data":"0xff"}]`,
		"unknown key":      `[{` + a + `,` + tp + `,` + d + `,` + tx + `,"extra":{"x":[1,2]}}]`,
		"escaped string":   `[{` + a + `,` + tp + `,"data":"\u0030x",` + tx + `}]`,
		"removed null":     `[{` + a + `,` + tp + `,` + d + `,` + tx + `,"removed":null}]`,
		"removed truex":    `[{` + a + `,` + tp + `,` + d + `,` + tx + `,"removed":truex}]`,
		"uppercase hex":    `[{"address":"0X00000000000000000000000000000000000000AB",` + tp + `,"data":"0xABcd",` + tx + `}]`,
		"missing comma":    `[{` + a + ` ` + tp + `}]`,
		"unterminated":     `[{` + a,
		"white space":      " [ {\n\t" + a + " , " + tp + " ,\r" + d + "," + tx + " } ] ",
	}
	for name, raw := range cases {
		t.Run(name, func(t *testing.T) {
			want, wantErr := stdLogs([]byte(raw))
			got, err := decodeLogs([]byte(raw))
			if (err != nil) != (wantErr != nil) {
				t.Fatalf("error %v, json.Unmarshal's %v", err, wantErr)
			}
			if err == nil && !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v, json.Unmarshal's %+v", got, want)
			}
		})
	}
}

// FuzzDecodeLogs: whatever the node sends, the fast path either declines or agrees with
// json.Unmarshal exactly.
func FuzzDecodeLogs(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 3} {
		raw, _ := json.Marshal(randomLogs(r, n))
		f.Add(raw)
	}
	f.Add([]byte(`null`))
	f.Add([]byte(`[{"address":"0x01"}]`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, ok := fastLogs(raw)
		if !ok {
			return
		}
		want, err := stdLogs(raw)
		if err != nil {
			t.Fatalf("fast path accepted what json.Unmarshal refuses (%v): %q", err, raw)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("fast path %+v, json.Unmarshal %+v, for %q", got, want, raw)
		}
	})
}

func BenchmarkDecodeLogs(b *testing.B) {
	raw, _ := json.Marshal(randomLogs(rand.New(rand.NewPCG(5, 6)), 1000))
	for _, bc := range []struct {
		name   string
		decode func([]byte) ([]types.Log, error)
	}{{"std", stdLogs}, {"decodeLogs", decodeLogs}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := bc.decode(raw); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/log")
		})
	}
}
