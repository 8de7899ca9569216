package web_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/actions"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/indexer/indextest"
	"github.com/pharmatrace/pharmatrace/internal/testkit"
	"github.com/pharmatrace/pharmatrace/keys"
	"github.com/pharmatrace/pharmatrace/labels"
	"github.com/pharmatrace/pharmatrace/tokens"
	"github.com/pharmatrace/pharmatrace/verify"
	"github.com/pharmatrace/pharmatrace/web"
)

// apiFixture is the whole service: a simulated chain, the indexer following it into SQL (SQLite,
// or PostgreSQL with PHARMATRACE_TEST_POSTGRES), the write API with every test account's key,
// and one API token per account.
type apiFixture struct {
	*chaintest.Chain
	srv     *httptest.Server
	handler *web.Server
	act     *actions.Service
	db      *indexer.DB
	tokens  map[string]string // account name -> token
	logs    *testkit.Buffer
	gtin    string
}

func newAPIFixture(t *testing.T) *apiFixture {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	f := &apiFixture{Chain: chaintest.New(t), tokens: map[string]string{}, logs: &testkit.Buffer{}}
	f.db = indextest.Open(t)
	ix, err := indexer.New(f.db, f.Backend, indexer.Options{Addresses: f.Client.Addresses(), PollInterval: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ixDone := make(chan struct{})
	go func() { defer close(ixDone); _ = ix.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-ixDone })
	store := indexer.NewStore(f.db)
	v, err := verify.New(store, verify.Options{Recover: labels.RecoverSigner})
	if err != nil {
		t.Fatal(err)
	}
	rec := verify.NewRecorder(f.db, verify.RecorderOptions{})
	go rec.Run(ctx)
	var ks []*ecdsa.PrivateKey
	for _, a := range f.Accounts() {
		ks = append(ks, a.Key)
		tok, err := tokens.Create(ctx, f.db, a.Address, a.Name, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		f.tokens[a.Name] = tok
	}
	logger := slog.New(slog.NewTextHandler(f.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	f.act, err = actions.New(actions.Options{Chain: f.Client, Store: store, DB: f.db, Keys: keys.New(ks...), Verifier: v, Recorder: rec, Logger: logger, IndexWait: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	s, err := web.New(web.Options{Store: store, Verifier: v, Recorder: rec, Actions: f.act, DB: f.db, Logger: logger,
		ClientSalt: "test", BaseURL: "https://verify.example", RatePerSecond: 1000, Burst: 1000, MaxBodyBytes: 4096})
	if err != nil {
		t.Fatal(err)
	}
	f.handler = s
	f.srv = httptest.NewServer(s)
	t.Cleanup(f.srv.Close)
	f.gtin = "09506000134352"
	f.caughtUp(t, store)
	return f
}

// caughtUp waits until the mirror holds the chain's head (the participants registered by
// chaintest.New), as a service would before taking traffic.
func (f *apiFixture) caughtUp(t *testing.T, store *indexer.Store) {
	t.Helper()
	ctx := context.Background()
	head, err := f.Backend.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		lag, err := store.Lag(ctx)
		if err == nil && lag.Cursor >= head {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("indexer did not reach block %d: %+v %v", head, lag, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// call sends a JSON request as the named account ("" for none) and decodes the answer into out
// when out is not nil. It fails the test on a response that leaks internals.
func (f *apiFixture) call(t *testing.T, who, method, path string, body any, out any, headers ...string) (int, http.Header, []byte) {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	case string:
		rd = strings.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, f.srv.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if who != "" {
		tok, ok := f.tokens[who]
		if !ok {
			tok = who // a literal token
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	for _, leak := range []string{"goroutine ", ".go:", "runtime.", "sql:", "execution reverted", "0x08c379a0"} {
		if path != "/metrics" && bytes.Contains(b, []byte(leak)) { // Go's own metrics name runtime.*
			t.Fatalf("%s %s: response leaks %q: %s", method, path, leak, b)
		}
	}
	if out != nil && resp.StatusCode < 300 {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: decode %s: %v", method, path, b, err)
		}
	}
	return resp.StatusCode, resp.Header, b
}

// must calls and requires the status.
func (f *apiFixture) must(t *testing.T, want int, who, method, path string, body any, out any, headers ...string) []byte {
	t.Helper()
	status, _, b := f.call(t, who, method, path, body, out, headers...)
	if status != want {
		t.Fatalf("%s %s as %q: status %d, want %d: %s", method, path, who, status, want, b)
	}
	return b
}

// errCode calls and returns the status and API error code.
func (f *apiFixture) errCode(t *testing.T, who, method, path string, body any, headers ...string) (int, string) {
	t.Helper()
	status, _, b := f.call(t, who, method, path, body, nil, headers...)
	var e struct {
		Code string `json:"code"`
	}
	_ = json.Unmarshal(b, &e)
	return status, e.Code
}

func (f *apiFixture) product(t *testing.T) {
	t.Helper()
	f.must(t, 200, "manufacturer", "POST", "/api/v1/products", map[string]any{
		"gtin": f.gtin, "name": "Paracetamol", "strength": "500 mg", "form": "tablets", "packSize": 16}, nil)
}

// batch registers a batch of n generated serials and returns its id and signed codes.
func (f *apiFixture) batch(t *testing.T, lot string, n int) (string, []string) {
	t.Helper()
	var res actions.BatchResult
	f.must(t, 200, "manufacturer", "POST", "/api/v1/batches", map[string]any{
		"gtin": f.gtin, "lot": lot, "expiry": time.Now().AddDate(2, 0, 0).Format(time.DateOnly), "count": n}, &res)
	if res.Quantity != n || len(res.Txs) < 2 {
		t.Fatalf("batch %s: %+v", lot, res)
	}
	a, err := f.act.Actor(context.Background(), f.Manufacturer.Address)
	if err != nil {
		t.Fatal(err)
	}
	ls, err := f.act.Labels(context.Background(), a, res.BatchID)
	if err != nil {
		t.Fatal(err)
	}
	codes := make([]string, len(ls.Codes))
	for i, c := range ls.Codes {
		codes[i] = gs1Link(c)
	}
	return res.BatchID, codes
}

// send ships qty units of a batch from one role to an address and returns the pending
// shipment's number.
func (f *apiFixture) send(t *testing.T, from string, toAddr common.Address, batchID string, qty int) uint64 {
	t.Helper()
	var res struct {
		ShipmentID uint64 `json:"shipmentId"`
	}
	f.must(t, 200, from, "POST", "/api/v1/shipments", map[string]any{"batchId": batchID, "to": toAddr.Hex(), "quantity": qty}, &res)
	return res.ShipmentID
}

// ship sends a shipment and has its receiver take it.
func (f *apiFixture) ship(t *testing.T, from, to string, toAddr common.Address, batchID string, qty int) uint64 {
	t.Helper()
	id := f.send(t, from, toAddr, batchID, qty)
	f.must(t, 200, to, "POST", fmt.Sprintf("/api/v1/shipments/%d/receive", id), nil, nil)
	return id
}

func (f *apiFixture) verdict(t *testing.T, code string) string {
	t.Helper()
	var res struct {
		Verdict string `json:"verdict"`
	}
	f.must(t, 200, "", "POST", "/api/v1/verify", map[string]string{"code": code}, &res)
	return res.Verdict
}

// TestJourney walks a batch from the manufacturer to a patient through the API only.
func TestJourney(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	batchID, codes := f.batch(t, "J-1", 6)

	// The batch is readable as soon as the write answers.
	var b struct {
		Quantity  int    `json:"quantity"`
		Published int    `json:"published"`
		RootState string `json:"rootState"`
	}
	f.must(t, 200, "", "GET", "/api/v1/batches/"+batchID, nil, &b)
	if b.Quantity != 6 || b.Published != 6 || b.RootState != "consistent" {
		t.Fatalf("batch after registration: %+v", b)
	}
	if v := f.verdict(t, codes[0]); v != "authentic" {
		t.Fatalf("fresh pack: verdict %s", v)
	}

	f.ship(t, "manufacturer", "distributor", f.Distributor.Address, batchID, 4)
	f.ship(t, "distributor", "pharmacy", f.Pharmacy.Address, batchID, 2)
	var pending []any
	f.must(t, 200, "pharmacy", "GET", "/api/v1/shipments/pending", nil, &pending)
	if len(pending) != 0 {
		t.Fatalf("pending after receipt: %v", pending)
	}

	// Dispense, then the scanner's double read: answered as done, no second transaction.
	var d actions.DecommissionResult
	f.must(t, 200, "pharmacy", "POST", "/api/v1/packs/decommission", map[string]any{"code": codes[0], "reason": "dispensed"}, &d)
	if len(d.Txs) != 1 || d.Packs[0].Status != "decommissioned" {
		t.Fatalf("dispense: %+v", d)
	}
	d = actions.DecommissionResult{}
	f.must(t, 200, "pharmacy", "POST", "/api/v1/packs/decommission", map[string]any{"code": codes[0], "reason": "dispensed"}, &d)
	if len(d.Txs) != 0 || d.Packs[0].Status != "already" {
		t.Fatalf("double scan: %+v", d)
	}
	if v := f.verdict(t, codes[0]); v != "dispensed" {
		t.Fatalf("patient after dispensing: verdict %s", v)
	}

	// Another pharmacy scanning the dispensed pack is refused, with the verdict.
	status, _, body := f.call(t, "pharmacy2", "POST", "/api/v1/packs/decommission", map[string]any{"code": codes[0], "reason": "dispensed"}, nil)
	if status != http.StatusConflict || !strings.Contains(string(body), `"verdict":"dispensed"`) {
		t.Fatalf("second pharmacy: %d %s", status, body)
	}

	// Two packs in one transaction (a multiproof), then undo of one.
	d = actions.DecommissionResult{}
	f.must(t, 200, "distributor", "POST", "/api/v1/packs/decommission", map[string]any{"codes": []string{codes[2], codes[3]}, "reason": "destroyed"}, &d)
	if len(d.Txs) != 1 || len(d.Packs) != 2 {
		t.Fatalf("decommission two: %+v", d)
	}
	f.must(t, 200, "pharmacy", "POST", "/api/v1/packs/undo", map[string]any{"code": codes[0]}, nil)
	if v := f.verdict(t, codes[0]); v != "authentic" {
		t.Fatalf("after undo: verdict %s", v)
	}

	// Refusals surface as their codes.
	if st, c := f.errCode(t, "pharmacy", "POST", "/api/v1/shipments", map[string]any{"batchId": batchID, "to": f.Distributor.Address.Hex(), "quantity": 50}); st != 409 || c != "insufficient_stock" {
		t.Fatalf("over-ship: %d %s", st, c)
	}
	f.must(t, 200, "pharmacy", "POST", "/api/v1/packs/decommission", map[string]any{"code": codes[0], "reason": "dispensed"}, nil)
	if st, c := f.errCode(t, "pharmacy2", "POST", "/api/v1/packs/undo", map[string]any{"code": codes[0]}); st != 403 || c != "undo_by_other_actor" {
		t.Fatalf("undo by another pharmacy: %d %s", st, c)
	}
	if st, c := f.errCode(t, "distributor", "POST", "/api/v1/packs/undo", map[string]any{"code": codes[2]}); st != 409 || c != "undo_not_allowed" {
		t.Fatalf("undo of destroyed: %d %s", st, c)
	}
	f.must(t, 200, "regulator", "POST", "/api/v1/batches/"+batchID+"/recall", map[string]any{"reason": "contamination"}, nil)
	if v := f.verdict(t, codes[1]); v != "recalled" {
		t.Fatalf("after recall: verdict %s", v)
	}
	if st, c := f.errCode(t, "distributor", "POST", "/api/v1/shipments", map[string]any{"batchId": batchID, "to": f.Pharmacy.Address.Hex(), "quantity": 1}); st != 409 || c != "batch_recalled" {
		t.Fatalf("ship recalled: %d %s", st, c)
	}
	if st, c := f.errCode(t, "pharmacy", "POST", "/api/v1/packs/decommission", map[string]any{"code": codes[1], "reason": "dispensed"}); st != 409 || c != "pack_refused" {
		t.Fatalf("dispense recalled: %d %s", st, c)
	}
}

// TestUndoAfterTenDays is refused with its code.
func TestUndoAfterTenDays(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	batchID, codes := f.batch(t, "U-1", 2)
	f.ship(t, "manufacturer", "pharmacy", f.Pharmacy.Address, batchID, 2)
	f.must(t, 200, "pharmacy", "POST", "/api/v1/packs/decommission", map[string]any{"code": codes[0], "reason": "dispensed"}, nil)
	f.AdvanceTime(t, 11*24*time.Hour)
	if st, c := f.errCode(t, "pharmacy", "POST", "/api/v1/packs/undo", map[string]any{"code": codes[0]}); st != 409 || c != "undo_window_closed" {
		t.Fatalf("undo after 11 days: %d %s", st, c)
	}
	var alerts []struct{ Code, NMVSCode string }
	f.must(t, 200, "regulator", "GET", "/api/v1/alerts", nil, &alerts)
	if len(alerts) != 1 || alerts[0].Code != "UNDO_AFTER_WINDOW" || alerts[0].NMVSCode != "PCK_20" {
		t.Fatalf("alerts after a late undo: %+v", alerts)
	}
}

// TestWriteAuth calls every write route with no token, a bad token and each wrong role's token.
func TestWriteAuth(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	batchID, codes := f.batch(t, "A-1", 2)
	routes := []struct {
		path  string
		body  any
		roles []string // accounts allowed by role; every other one must be refused
	}{
		{"/api/v1/participants", map[string]any{"account": common.HexToAddress("0x1234").Hex(), "role": "pharmacy", "gln": "9506000000017", "name": "X"}, []string{"regulator"}},
		{"/api/v1/participants/" + f.Outsider.Address.Hex() + "/deactivate", nil, []string{"regulator"}},
		{"/api/v1/products", map[string]any{"gtin": "09506000134369", "name": "A", "strength": "1 mg", "form": "tablets", "packSize": 1}, []string{"manufacturer", "manufacturer2"}},
		{"/api/v1/batches", map[string]any{"gtin": f.gtin, "lot": "A-2", "expiry": "2030-01-01", "count": 1}, []string{"manufacturer", "manufacturer2"}},
		{"/api/v1/batches/" + batchID + "/recall", map[string]any{"reason": "x"}, []string{"manufacturer", "manufacturer2", "regulator"}},
		{"/api/v1/shipments", map[string]any{"batchId": batchID, "to": f.Distributor.Address.Hex(), "quantity": 1}, []string{"manufacturer", "manufacturer2", "distributor", "distributor2", "pharmacy", "pharmacy2"}},
		{"/api/v1/shipments/1/receive", nil, []string{"manufacturer", "manufacturer2", "distributor", "distributor2", "pharmacy", "pharmacy2"}},
		{"/api/v1/packs/decommission", map[string]any{"code": codes[0], "reason": "dispensed"}, []string{"pharmacy", "pharmacy2"}},
		{"/api/v1/packs/undo", map[string]any{"code": codes[0]}, []string{"manufacturer", "manufacturer2", "distributor", "distributor2", "pharmacy", "pharmacy2"}},
	}
	bad := []struct{ who, code string }{{"", "unauthorized"}, {"pt_not-a-token", "unauthorized"}, {tokens.Prefix + strings.Repeat("A", 43), "unauthorized"}}
	for _, rt := range routes {
		for _, b := range bad {
			if st, c := f.errCode(t, b.who, "POST", rt.path, rt.body); st != 401 || c != b.code {
				t.Errorf("%s with token %q: %d %s, want 401 %s", rt.path, b.who, st, c, b.code)
			}
		}
		for _, a := range f.Accounts() {
			allowed := false
			for _, r := range rt.roles {
				allowed = allowed || r == a.Name
			}
			if allowed {
				continue
			}
			st, c := f.errCode(t, a.Name, "POST", rt.path, rt.body)
			if st != 403 {
				t.Errorf("%s as %s: %d %s, want 403", rt.path, a.Name, st, c)
			}
		}
	}
}

// TestIdempotentWrite: a retried write with the same key sends one transaction.
func TestIdempotentWrite(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	batchID, _ := f.batch(t, "I-1", 4)
	ctx := context.Background()
	before, err := f.Backend.NonceAt(ctx, f.Manufacturer.Address, nil)
	if err != nil {
		t.Fatal(err)
	}
	body := map[string]any{"batchId": batchID, "to": f.Distributor.Address.Hex(), "quantity": 1}
	first := f.must(t, 200, "manufacturer", "POST", "/api/v1/shipments", body, nil, "Idempotency-Key", "k-1")
	status, h, again := f.call(t, "manufacturer", "POST", "/api/v1/shipments", body, nil, "Idempotency-Key", "k-1")
	if status != 200 || !bytes.Equal(first, again) || h.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("retry: %d %q\nfirst %s\nagain %s", status, h.Get("Idempotent-Replayed"), first, again)
	}
	after, err := f.Backend.NonceAt(ctx, f.Manufacturer.Address, nil)
	if err != nil {
		t.Fatal(err)
	}
	if after != before+1 {
		t.Fatalf("nonce moved %d -> %d: want exactly one transaction", before, after)
	}
	body["quantity"] = 2
	if st, c := f.errCode(t, "manufacturer", "POST", "/api/v1/shipments", body, "Idempotency-Key", "k-1"); st != 422 || c != "idempotency_key_reused" {
		t.Fatalf("same key, other body: %d %s", st, c)
	}
	// Another participant's key space is its own.
	f.must(t, 200, "manufacturer", "POST", "/api/v1/shipments", body, nil, "Idempotency-Key", "k-2")
}

// TestAsyncWrite: Prefer: respond-async answers 202 with the transaction's hash.
func TestAsyncWrite(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	batchID, _ := f.batch(t, "S-1", 2)
	var res struct {
		Status      string `json:"status"`
		Transaction string `json:"transaction"`
	}
	status, _, b := f.call(t, "manufacturer", "POST", "/api/v1/shipments", map[string]any{"batchId": batchID, "to": f.Distributor.Address.Hex(), "quantity": 1}, &res, "Prefer", "respond-async")
	if status != 202 && status != 200 {
		t.Fatalf("async: %d %s", status, b)
	}
	if status == 202 && (res.Status != "accepted" || len(res.Transaction) != 66) {
		t.Fatalf("async answer: %s", b)
	}
	// A refusal before sending is still answered at once, with its code.
	if st, c := f.errCode(t, "manufacturer", "POST", "/api/v1/shipments", map[string]any{"batchId": batchID, "to": f.Distributor.Address.Hex(), "quantity": 99}, "Prefer", "respond-async"); st != 409 || c != "insufficient_stock" {
		t.Fatalf("async refusal: %d %s", st, c)
	}
}

// TestBadBodies: malformed, oversized and wrongly typed bodies change nothing and say why.
func TestBadBodies(t *testing.T) {
	f := newAPIFixture(t)
	cases := []struct {
		name, path string
		body       any
		status     int
		code       string
	}{
		{"not json", "/api/v1/products", "{gtin:", 400, "invalid"},
		{"unknown field", "/api/v1/products", `{"gtin":"09506000134352","colour":"red"}`, 400, "invalid"},
		{"wrong type", "/api/v1/products", `{"gtin":"09506000134352","packSize":"many"}`, 400, "invalid"},
		{"trailing data", "/api/v1/products", `{"gtin":"09506000134352"} {}`, 400, "invalid"},
		{"oversized", "/api/v1/products", `{"name":"` + strings.Repeat("x", 8000) + `"}`, 413, "too_large"},
		{"bad check digit", "/api/v1/products", map[string]any{"gtin": "09506000134353", "name": "A", "strength": "1", "form": "f", "packSize": 1}, 400, "invalid"},
		{"bad lot", "/api/v1/batches", map[string]any{"gtin": "09506000134352", "lot": "with space", "expiry": "2030-01-01", "count": 1}, 400, "invalid"},
		{"past expiry", "/api/v1/batches", map[string]any{"gtin": "09506000134352", "lot": "L", "expiry": "2001-01-01", "count": 1}, 400, "invalid"},
		{"duplicate serials", "/api/v1/batches", map[string]any{"gtin": "09506000134352", "lot": "L", "expiry": "2030-01-01", "serials": []string{"A1", "A1"}}, 400, "invalid"},
		{"unknown product", "/api/v1/batches", map[string]any{"gtin": "09506000134352", "lot": "L", "expiry": "2030-01-01", "count": 1}, 404, "unknown_product"},
		{"bad batch id", "/api/v1/shipments", map[string]any{"batchId": "0x12", "to": f.Distributor.Address.Hex(), "quantity": 1}, 400, "invalid"},
	}
	before, _ := f.Backend.NonceAt(context.Background(), f.Manufacturer.Address, nil)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, code := f.errCode(t, "manufacturer", "POST", c.path, c.body)
			if st != c.status || code != c.code {
				t.Fatalf("%d %s, want %d %s", st, code, c.status, c.code)
			}
		})
	}
	if after, _ := f.Backend.NonceAt(context.Background(), f.Manufacturer.Address, nil); after != before {
		t.Fatalf("bad requests sent %d transactions", after-before)
	}
}

// TestLabelsDownload: the manufacturer gets the batch's PDF sheet and each pack's QR code.
func TestLabelsDownload(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	batchID, codes := f.batch(t, "L-1", 7)
	status, h, pdf := f.call(t, "manufacturer", "GET", "/api/v1/batches/"+batchID+"/labels.pdf", nil, nil)
	if status != 200 || h.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("labels.pdf: %d %s %.40q", status, h.Get("Content-Type"), pdf)
	}
	if n := strings.Count(pdfText(t, pdf), "(SN "); n != 7 {
		t.Fatalf("labels.pdf has %d serial lines, want 7", n)
	}
	serial := serialOf(t, codes[3])
	status, h, png := f.call(t, "manufacturer", "GET", "/api/v1/batches/"+batchID+"/qr?serial="+serial, nil, nil)
	if status != 200 || h.Get("Content-Type") != "image/png" {
		t.Fatalf("qr: %d %s", status, h.Get("Content-Type"))
	}
	if got := decodeQR(t, png); got != codes[3] {
		t.Fatalf("QR decodes to %q, want %q", got, codes[3])
	}
	if v := f.verdict(t, decodeQR(t, png)); v != "authentic" {
		t.Fatalf("decoded QR verifies as %s", v)
	}
	if st, c := f.errCode(t, "manufacturer2", "GET", "/api/v1/batches/"+batchID+"/labels.pdf", nil); st != 403 || c != "not_batch_manufacturer" {
		t.Fatalf("other manufacturer's labels: %d %s", st, c)
	}
	if st, _ := f.errCode(t, "manufacturer", "GET", "/api/v1/batches/"+batchID+"/qr?serial=NOPE", nil); st != 404 {
		t.Fatalf("unknown serial's QR: %d", st)
	}
}

// TestOpenAPIMatchesRoutes holds the OpenAPI document against the router: every route is
// documented and every documented operation is routed.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	f := newAPIFixture(t)
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	f.must(t, 200, "", "GET", "/api/v1/openapi.json", nil, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi version %q", doc.OpenAPI)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	routed := map[string]bool{}
	for _, rt := range f.handler.Routes() {
		method, pattern, _ := strings.Cut(rt, " ")
		if !isAPIRoute(pattern) {
			continue // the pages are for people, not in the API document
		}
		for _, p := range expandPattern(pattern) {
			routed[method+" "+p] = true
		}
	}
	for r := range routed {
		if !documented[r] {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	for d := range documented {
		if !routed[d] {
			t.Errorf("openapi.json documents %s, which is not routed", d)
		}
	}
}

func isAPIRoute(p string) bool {
	for _, prefix := range []string{"/api/", "/01/", "/healthz", "/readyz", "/metrics"} {
		if strings.HasPrefix(p, prefix) {
			return true
		}
	}
	return false
}

// expandPattern turns a chi pattern into OpenAPI paths: {name:a|b} gives one path per
// alternative, a trailing * becomes {path}.
func expandPattern(p string) []string {
	if strings.HasSuffix(p, "/*") {
		p = strings.TrimSuffix(p, "*") + "{path}"
	}
	i := strings.Index(p, ":")
	if i < 0 {
		return []string{p}
	}
	start := strings.LastIndex(p[:i], "{")
	end := i + strings.Index(p[i:], "}")
	var out []string
	for _, alt := range strings.Split(p[i+1:end], "|") {
		out = append(out, expandPattern(p[:start]+alt+p[end+1:])...)
	}
	return out
}

// TestOperations: readiness, metrics and the EPCIS export through the router.
func TestOperations(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	_, codes := f.batch(t, "O-1", 3)
	f.verdict(t, codes[0])

	var ready struct {
		Ready  bool              `json:"ready"`
		Checks map[string]string `json:"checks"`
	}
	f.must(t, 200, "", "GET", "/readyz", nil, &ready)
	if !ready.Ready || ready.Checks["database"] != "ok" {
		t.Fatalf("readyz: %+v", ready)
	}

	metrics := string(f.must(t, 200, "", "GET", "/metrics", nil, nil))
	for _, want := range []string{
		`pharmatrace_verifications_total{verdict="authentic"} 1`,
		`pharmatrace_writes_total{op="register_batch",outcome="ok"} 1`,
		`pharmatrace_transactions_total{outcome="sent"} 3`, // product, batch, one chunk of pack ids
		`pharmatrace_http_requests_total{method="POST",route="/api/v1/verify",status="200"} 1`,
		`pharmatrace_indexer_lag_blocks`,
		`pharmatrace_http_request_duration_seconds_bucket{method="POST",route="/api/v1/batches"`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %q", want)
		}
	}

	var doc struct {
		Type string `json:"type"`
		Body struct {
			EventList []struct {
				BizStep string `json:"bizStep"`
			} `json:"eventList"`
		} `json:"epcisBody"`
	}
	status, h, b := f.call(t, "pharmacy", "GET", "/api/v1/epcis/events?gtin="+f.gtin+"&lot=O-1", nil, &doc)
	if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/ld+json") || doc.Type != "EPCISDocument" || len(doc.Body.EventList) == 0 {
		t.Fatalf("epcis: %d %s %s", status, h.Get("Content-Type"), b)
	}
	// A decommissioned pack: its manufacturer sees it by serial, others by lot and pack id.
	f.must(t, 200, "manufacturer", "POST", "/api/v1/packs/decommission", map[string]any{"code": codes[1], "reason": "destroyed"}, nil)
	serialLink := "/10/O-1/21/" + serialOf(t, codes[1])
	_, _, mine := f.call(t, "manufacturer", "GET", "/api/v1/epcis/events?gtin="+f.gtin+"&lot=O-1", nil, nil)
	_, _, theirs := f.call(t, "pharmacy", "GET", "/api/v1/epcis/events?gtin="+f.gtin+"&lot=O-1", nil, nil)
	if !strings.Contains(string(mine), serialLink) || strings.Contains(string(theirs), serialLink) {
		t.Fatalf("serial %s in the manufacturer's export: %v, in a pharmacy's: %v", serialLink, strings.Contains(string(mine), serialLink), strings.Contains(string(theirs), serialLink))
	}
	if st, c := f.errCode(t, "pharmacy", "GET", "/api/v1/epcis/events", nil); st != 400 || c != "invalid" {
		t.Fatalf("epcis without a query: %d %s", st, c)
	}
	if st, c := f.errCode(t, "pharmacy", "GET", "/api/v1/epcis/events?gtin="+f.gtin+"&lot=NOPE", nil); st != 404 || c != "not_found" {
		t.Fatalf("epcis of an unknown batch: %d %s", st, c)
	}
	if st, _ := f.errCode(t, "", "GET", "/api/v1/epcis/events?gtin="+f.gtin+"&lot=O-1", nil); st != 401 {
		t.Fatalf("epcis without a token: %d", st)
	}
}

// TestAlerts: suspicious scans and a refused undo raise alerts the regulator lists and moves.
func TestAlerts(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	batchID, codes := f.batch(t, "AL-1", 3)
	f.ship(t, "manufacturer", "pharmacy", f.Pharmacy.Address, batchID, 3)
	f.must(t, 200, "pharmacy", "POST", "/api/v1/packs/decommission", map[string]any{"code": codes[0], "reason": "dispensed"}, nil)
	// Another pharmacy scans it (possible clone) and tries to undo it (PCK_21).
	f.call(t, "pharmacy2", "POST", "/api/v1/packs/decommission", map[string]any{"code": codes[0], "reason": "dispensed"}, nil)
	if st, c := f.errCode(t, "pharmacy2", "POST", "/api/v1/packs/undo", map[string]any{"code": codes[0]}); st != 403 || c != "undo_by_other_actor" {
		t.Fatalf("undo by another: %d %s", st, c)
	}
	var alerts []struct {
		ID, Code, NMVSCode, State string
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		f.must(t, 200, "regulator", "GET", "/api/v1/alerts?state=open", nil, &alerts)
		if len(alerts) >= 2 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond) // the scan log writes in the background
	}
	got := map[string]string{}
	for _, a := range alerts {
		got[a.Code] = a.NMVSCode
	}
	if _, ok := got["POSSIBLE_CLONE"]; !ok || got["UNDO_BY_OTHER"] != "PCK_21" {
		t.Fatalf("alerts %+v", alerts)
	}
	if st, c := f.errCode(t, "pharmacy", "GET", "/api/v1/alerts", nil); st != 403 || c != "forbidden" {
		t.Fatalf("alerts as a pharmacy: %d %s", st, c)
	}
	id := alerts[0].ID
	f.must(t, 200, "regulator", "POST", "/api/v1/alerts/"+id, map[string]string{"state": "investigating"}, nil)
	f.must(t, 200, "regulator", "POST", "/api/v1/alerts/"+id, map[string]string{"state": "closed"}, nil)
	if st, c := f.errCode(t, "regulator", "POST", "/api/v1/alerts/"+id, map[string]string{"state": "open"}); st != 409 || c != "conflict" {
		t.Fatalf("reopen a closed alert: %d %s", st, c)
	}
	if st, _ := f.errCode(t, "regulator", "POST", "/api/v1/alerts/nope", map[string]string{"state": "closed"}); st != 404 {
		t.Fatalf("unknown alert: %d", st)
	}
}

// TestIdempotentWriteClientGone: a client that gives up mid-write and retries with the same key
// never causes a second transaction.
func TestIdempotentWriteClientGone(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	batchID, _ := f.batch(t, "G-1", 4)
	ctx := context.Background()
	before, _ := f.Backend.NonceAt(ctx, f.Manufacturer.Address, nil)
	body, _ := json.Marshal(map[string]any{"batchId": batchID, "to": f.Distributor.Address.Hex(), "quantity": 1})
	for _, timeout := range []time.Duration{time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond} {
		req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/shipments", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+f.tokens["manufacturer"])
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Idempotency-Key", "gone-1")
		if resp, err := (&http.Client{Timeout: timeout}).Do(req); err == nil {
			resp.Body.Close()
		}
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		status, _, b := f.call(t, "manufacturer", "POST", "/api/v1/shipments", body, nil, "Idempotency-Key", "gone-1")
		if status == 200 {
			break
		}
		if status != 409 || time.Now().After(deadline) {
			t.Fatalf("retry: %d %s\nserver log:\n%s", status, b, f.logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	after, _ := f.Backend.NonceAt(ctx, f.Manufacturer.Address, nil)
	if after != before+1 {
		t.Fatalf("nonce moved %d -> %d: want exactly one transaction", before, after)
	}
}

// TestIdempotencyAbandoned: a key whose first attempt never finished (the service stopped) is
// not run again, and the answer says why.
func TestIdempotencyAbandoned(t *testing.T) {
	f := newAPIFixture(t)
	f.product(t)
	batchID, _ := f.batch(t, "AB-1", 2)
	ctx := context.Background()
	body, _ := json.Marshal(map[string]any{"batchId": batchID, "to": f.Distributor.Address.Hex(), "quantity": 1})
	sum := sha256.Sum256(append([]byte("POST /api/v1/shipments\napplication/json\n"), body...))
	for _, k := range []struct {
		key string
		age time.Duration
	}{{"k-crashed", time.Hour}, {"k-running", time.Second}} {
		_, err := f.db.ExecContext(ctx, f.db.Rebind(`INSERT INTO svc_idempotency (account, idem_key, request_hash, state, created_at)
			VALUES (?, ?, ?, 'running', ?)`), f.Manufacturer.Address.Hex(), k.key, hex.EncodeToString(sum[:]), time.Now().Add(-k.age).Unix())
		if err != nil {
			t.Fatal(err)
		}
	}
	before, _ := f.Backend.NonceAt(ctx, f.Manufacturer.Address, nil)
	status, _, b := f.call(t, "manufacturer", "POST", "/api/v1/shipments", body, nil, "Idempotency-Key", "k-crashed")
	if status != 409 || !strings.Contains(string(b), "never finished") {
		t.Fatalf("abandoned key: %d %s", status, b)
	}
	status, _, b = f.call(t, "manufacturer", "POST", "/api/v1/shipments", body, nil, "Idempotency-Key", "k-running")
	if status != 409 || !strings.Contains(string(b), "still running") {
		t.Fatalf("running key: %d %s", status, b)
	}
	if after, _ := f.Backend.NonceAt(ctx, f.Manufacturer.Address, nil); after != before {
		t.Fatalf("a held key sent %d transactions", after-before)
	}
}
