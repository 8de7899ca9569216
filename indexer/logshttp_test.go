package indexer

import (
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/pharmatrace/pharmatrace/chain/chaintest"
)

// rpcProxy serves JSON-RPC over HTTP by passing each call to rc, the simulated chain's
// in-process client: the result bytes are the node's own. answer, when set, replaces the
// answer for a request.
func rpcProxy(t *testing.T, rc *rpc.Client, answer func(body []byte) (int, string, bool)) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if answer != nil {
			if status, text, ok := answer(body); ok {
				w.WriteHeader(status)
				_, _ = io.WriteString(w, text)
				return
			}
		}
		var req struct {
			ID     json.RawMessage   `json:"id"`
			Method string            `json:"method"`
			Params []json.RawMessage `json:"params"`
		}
		if err := json.Unmarshal(body, &req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		args := make([]any, len(req.Params))
		for i, p := range req.Params {
			args[i] = p
		}
		var result json.RawMessage
		if err := rc.CallContext(r.Context(), &result, req.Method, args...); err != nil {
			_, _ = io.WriteString(w, `{"jsonrpc":"2.0","id":`+string(req.ID)+`,"error":{"code":-32000,"message":`+strings.TrimSpace(string(mustJSON(t, err.Error())))+`}}`)
			return
		}
		_, _ = io.WriteString(w, `{"jsonrpc":"2.0","id":`+string(req.ID)+`,"result":`+string(result)+"}\n")
	}))
	t.Cleanup(srv.Close)
	return srv
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestHTTPLogsLikeRPC: eth_getLogs posted by HTTPLogs returns what go-ethereum's client returns
// for the same query, on a chain with every kind of event; other calls reach the node it wraps;
// node errors, HTTP errors and oversized answers are errors, the range ones recognised as such.
func TestHTTPLogsLikeRPC(t *testing.T) {
	c := chaintest.New(t)
	gtin := chaintest.GTIN(7)
	c.RegisterProduct(t, c.Manufacturer, gtin)
	b := c.RegisterBatch(t, c.Manufacturer, gtin, "HTTP", 30)
	c.ShipAndReceive(t, b, c.Manufacturer, c.Distributor, 12)
	c.ShipAndReceive(t, b, c.Distributor, c.Pharmacy, 5)
	ec := c.Eth(t)
	head, err := ec.BlockNumber(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	refuse := `{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"query returned more than 10000 results. Try with this block range [0x1, 0x3]."}}`
	srv := rpcProxy(t, ec.Client(), func(body []byte) (int, string, bool) {
		switch {
		case strings.Contains(string(body), `"toBlock":"0x2"`):
			return http.StatusOK, refuse, true
		case strings.Contains(string(body), `"toBlock":"0x3"`):
			return http.StatusServiceUnavailable, "node is syncing", true
		}
		return 0, "", false
	})
	node, err := HTTPLogs(ec, srv.URL, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	q := ethereum.FilterQuery{FromBlock: big.NewInt(0), ToBlock: new(big.Int).SetUint64(head), Addresses: []common.Address{c.Client.Addresses().Registry, c.Client.Addresses().Ledger}}
	want, err := ec.FilterLogs(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	got, err := node.FilterLogs(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 5 || !reflect.DeepEqual(got, want) {
		t.Fatalf("HTTPLogs: %d logs, the RPC client %d (or they differ)", len(got), len(want))
	}
	if n, err := node.BlockNumber(t.Context()); err != nil || n != head {
		t.Errorf("BlockNumber through the wrapper: %d, %v; want %d", n, err, head)
	}

	q.ToBlock = big.NewInt(2)
	_, err = node.FilterLogs(t.Context(), q)
	var re rpc.Error
	if !errors.As(err, &re) || re.ErrorCode() != -32005 {
		t.Errorf("refused range: %v, want the node's rpc.Error -32005", err)
	}
	if narrow, hint := rangeError(err); !narrow || hint != 3 {
		t.Errorf("refused range: rangeError = %v, %d; want true, 3", narrow, hint)
	}
	q.ToBlock = big.NewInt(3)
	if _, err = node.FilterLogs(t.Context(), q); err == nil || !strings.Contains(err.Error(), "503") || !strings.Contains(err.Error(), "node is syncing") {
		t.Errorf("HTTP 503: %v, want its status and body", err)
	}
	q.ToBlock = new(big.Int).SetUint64(head)
	small := node.(*httpLogsNode)
	small.maxBytes = 100
	if _, err = node.FilterLogs(t.Context(), q); err == nil {
		t.Error("an answer over the size cap: no error")
	} else if narrow, _ := rangeError(err); !narrow {
		t.Errorf("an answer over the size cap: %v, not taken as a range to narrow", err)
	}
	if _, err := HTTPLogs(ec, "ws://127.0.0.1:8546", nil); err == nil {
		t.Error("HTTPLogs took a WebSocket URL")
	}
}

// answers are eth_getLogs answers in the shapes nodes send, and some they should not.
func answers(t testing.TB) []string {
	r := rand.New(rand.NewPCG(3, 4))
	logs, err := json.Marshal(randomLogs(r, 5))
	if err != nil {
		t.Fatal(err)
	}
	one, err := json.Marshal(randomLogs(r, 1))
	if err != nil {
		t.Fatal(err)
	}
	return []string{
		`{"jsonrpc":"2.0","id":1,"result":` + string(logs) + "}\n",
		` { "id" : 17 , "result" : ` + string(one) + ` , "jsonrpc" : "2.0" } `,
		`{"jsonrpc":"2.0","id":1,"result":[]}`,
		`{"jsonrpc":"2.0","id":"x","result":[]}`,
		`{"jsonrpc":"2.0","id":1,"result":null}`,
		`{"jsonrpc":"2.0","id":1}`,
		`{"jsonrpc":"1.0","id":1,"result":[]}`,
		`{"id":1,"result":[]}`,
		`{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"boom","data":"0x01"}}`,
		`{"jsonrpc":"2.0","id":1,"error":{"code":-32000}}`,
		`{"jsonrpc":"2.0","id":1,"result":[],"result":` + string(one) + `}`,
		`{"jsonrpc":"2.0","id":01,"result":[]}`,
		`{"jsonrpc":"2.0","id":1,"result":[]}x`,
		`{"jsonrpc":"2.0","id":1,"Result":[]}`,
		`<html>502 Bad Gateway</html>`,
		``,
	}
}

func TestDecodeAnswer(t *testing.T) {
	fast := 0
	for _, a := range answers(t) {
		logs, err := decodeAnswer([]byte(a))
		slow, serr := slowAnswer([]byte(a))
		if (err == nil) != (serr == nil) || !reflect.DeepEqual(logs, slow) {
			t.Errorf("decodeAnswer(%.80q) = %d logs, %v; encoding/json: %d logs, %v", a, len(logs), err, len(slow), serr)
		}
		if _, ok := fastAnswer([]byte(a)); ok {
			fast++
		}
	}
	if fast != 3 {
		t.Errorf("%d answers on the fast path, want 3 (the well-formed ones with a numeric id and a result list)", fast)
	}
	_, err := decodeAnswer([]byte(`{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"boom","data":"0x01"}}`))
	var de rpc.DataError
	if !errors.As(err, &de) || err.Error() != "boom" || de.ErrorData() != "0x01" {
		t.Errorf("error answer: %v, want the node's message and data", err)
	}
	if _, err := decodeAnswer([]byte(`{"jsonrpc":"2.0","id":1,"error":{"code":-32000}}`)); err == nil || err.Error() != "json-rpc error -32000" {
		t.Errorf("error answer without a message: %v", err)
	}
}

// FuzzDecodeAnswer: wherever the fast path answers, encoding/json answers the same logs.
func FuzzDecodeAnswer(f *testing.F) {
	for _, a := range answers(f) {
		f.Add([]byte(a))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		logs, ok := fastAnswer(b)
		if !ok {
			return
		}
		want, err := slowAnswer(b)
		if err != nil || !reflect.DeepEqual(logs, want) {
			t.Errorf("fastAnswer(%q): %d logs; encoding/json: %d logs, %v", b, len(logs), len(want), err)
		}
	})
}
