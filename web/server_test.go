package web_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/labels"
	"github.com/pharmatrace/pharmatrace/verify"
	"github.com/pharmatrace/pharmatrace/web"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func signedLink(t *testing.T, key *ecdsa.PrivateKey, b *chaintest.Batch, i int) string {
	t.Helper()
	g, err := gs1.GTINFromUint64(b.GTIN)
	if err != nil {
		t.Fatal(err)
	}
	c, err := labels.SignCode(context.Background(), labels.KeySigner{Key: key}, gs1.Code{GTIN: g, Lot: b.Lot, Serial: b.Serials[i], Expiry: chain.DayTime(chain.ExpiryDay(b.Expiry))})
	if err != nil {
		t.Fatal(err)
	}
	return gs1.FormatDigitalLink("https://verify.example", c)
}

type fixture struct {
	*chaintest.Chain
	srv   *httptest.Server
	batch *chaintest.Batch
	logs  *bytes.Buffer
}

func newFixture(t *testing.T, opts web.Options) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{Chain: chaintest.New(t), logs: &bytes.Buffer{}}
	gtin := chaintest.GTIN(5)
	f.RegisterProduct(t, f.Manufacturer, gtin)
	f.batch = f.RegisterBatchExpiring(t, f.Manufacturer, gtin, "WEB-1", 6, time.Date(2031, 3, 31, 0, 0, 0, 0, time.UTC))
	f.ShipAndReceive(t, f.batch, f.Manufacturer, f.Distributor, 4)
	f.ShipAndReceive(t, f.batch, f.Distributor, f.Pharmacy, 2)
	if _, err := f.Client.Decommission(ctx, f.Pharmacy.Opts, f.batch.ID, f.batch.PackIDs[1], f.batch.Proof(t, 1), chain.ReasonSupplied); err != nil {
		t.Fatal(err)
	}
	db, err := indexer.Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ix, err := indexer.New(db, f.Backend, indexer.Options{Addresses: f.Client.Addresses()})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	v, err := verify.New(indexer.NewStore(db), verify.Options{Recover: labels.RecoverSigner})
	if err != nil {
		t.Fatal(err)
	}
	rctx, cancel := context.WithCancel(ctx)
	t.Cleanup(cancel)
	rec := verify.NewRecorder(db, verify.RecorderOptions{})
	go rec.Run(rctx)
	opts.Store, opts.Verifier, opts.Recorder = indexer.NewStore(db), v, rec
	opts.Logger = slog.New(slog.NewTextHandler(f.logs, nil))
	opts.ClientSalt = "test"
	s, err := web.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(s)
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fixture) do(t *testing.T, method, path, contentType, accept string, body io.Reader) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
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
	return resp.StatusCode, resp.Header, b
}

func (f *fixture) verify(t *testing.T, code string) (int, []byte) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"code": code})
	status, _, b := f.do(t, "POST", "/api/v1/verify", "application/json", "", bytes.NewReader(body))
	return status, b
}

// normalize replaces what changes from run to run (times) so bodies can be golden.
var volatile = regexp.MustCompile(`"(checkedAt|shippedAt|receivedAt|decommissionedAt|registeredAt|recalledAt|closedAt|time)": ("[^"]*"|\d+)`)

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	if json.Valid(got) { // golden files hold JSON indented, to be read in review
		var buf bytes.Buffer
		if err := json.Indent(&buf, got, "", "  "); err != nil {
			t.Fatal(err)
		}
		got = buf.Bytes()
	}
	got = volatile.ReplaceAll(got, []byte(`"$1": "…"`))
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s:\n%s", name, path, got)
	}
}

func TestVerifyAPI(t *testing.T) {
	f := newFixture(t, web.Options{})
	authentic := signedLink(t, f.Manufacturer.Key, f.batch, 0)

	status, body := f.verify(t, authentic)
	if status != http.StatusOK || !strings.Contains(string(body), `"verdict":"authentic"`) {
		t.Fatalf("verify authentic: %d %s", status, body)
	}
	golden(t, "verify_authentic", body)
	status, body = f.verify(t, signedLink(t, f.Manufacturer.Key, f.batch, 1))
	if status != http.StatusOK || !strings.Contains(string(body), `"verdict":"dispensed"`) {
		t.Fatalf("verify dispensed: %d %s", status, body)
	}
	golden(t, "verify_dispensed", body)
	status, body = f.verify(t, signedLink(t, f.Manufacturer2.Key, f.batch, 0))
	if status != http.StatusOK || !strings.Contains(string(body), `"verdict":"counterfeit"`) {
		t.Fatalf("verify forged: %d %s", status, body)
	}
	status, body = f.verify(t, "(01)09506000134352(10)ABC")
	if status != http.StatusOK || !strings.Contains(string(body), `"verdict":"malformed"`) {
		t.Fatalf("verify malformed: %d %s", status, body)
	}
	golden(t, "verify_malformed", body)

	// The Digital Link path: JSON for programs, HTML for people.
	path := strings.TrimPrefix(authentic, "https://verify.example")
	status, hdr, body := f.do(t, "GET", path, "", "application/json", nil)
	if status != http.StatusOK || !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") || !strings.Contains(string(body), `"verdict":"authentic"`) {
		t.Fatalf("resolver JSON: %d %s %s", status, hdr.Get("Content-Type"), body)
	}
	status, hdr, body = f.do(t, "GET", path, "", "text/html,application/xhtml+xml", nil)
	if status != http.StatusOK || !strings.HasPrefix(hdr.Get("Content-Type"), "text/html") || !strings.Contains(string(body), "authentic") || !strings.Contains(string(body), "✔") {
		t.Fatalf("resolver HTML: %d %s %s", status, hdr.Get("Content-Type"), body)
	}
	dispensedPath := strings.TrimPrefix(signedLink(t, f.Manufacturer.Key, f.batch, 1), "https://verify.example")
	_, _, body = f.do(t, "GET", dispensedPath, "", "text/html", nil)
	if !strings.Contains(string(body), "do not use it") || !strings.Contains(string(body), "✖ dispensed") {
		t.Errorf("a dispensed pack's page gives no advice:\n%s", body)
	}
	if hdr.Get("X-Content-Type-Options") != "nosniff" || hdr.Get("Content-Security-Policy") == "" {
		t.Errorf("security headers missing: %v", hdr)
	}
}

func TestLookups(t *testing.T) {
	f := newFixture(t, web.Options{})
	id := f.batch.ID.Hex()
	status, _, body := f.do(t, "GET", "/api/v1/batches/"+id, "", "", nil)
	if status != http.StatusOK || !strings.Contains(string(body), `"rootState":"consistent"`) || !strings.Contains(string(body), `"holdings"`) {
		t.Fatalf("batch: %d %s", status, body)
	}
	golden(t, "batch", body)
	status, _, body = f.do(t, "GET", "/api/v1/batches?gtin="+gtin14(f.batch.GTIN)+"&lot=WEB-1", "", "", nil)
	if status != http.StatusOK || !strings.Contains(string(body), id) {
		t.Fatalf("batch by lot: %d %s", status, body)
	}
	status, _, body = f.do(t, "GET", "/api/v1/batches/"+id+"/timeline", "", "", nil)
	if status != http.StatusOK || !strings.Contains(string(body), `"event":"BatchRegistered"`) {
		t.Fatalf("timeline: %d %s", status, body)
	}
	status, _, body = f.do(t, "GET", "/api/v1/batches/"+id+"/packs/"+f.batch.PackIDs[1].Hex(), "", "", nil)
	if status != http.StatusOK || !strings.Contains(string(body), `"state":"decommissioned"`) {
		t.Fatalf("pack: %d %s", status, body)
	}
	for _, tc := range []struct {
		path   string
		status int
		code   string
	}{
		{"/api/v1/batches/0x12", 400, "invalid"},
		{"/api/v1/batches/0x" + strings.Repeat("zz", 32), 400, "invalid"},
		{"/api/v1/batches/0x" + strings.Repeat("00", 32), 404, "not_found"},
		{"/api/v1/batches/0x" + strings.Repeat("00", 32) + "/timeline", 404, "not_found"},
		{"/api/v1/batches/" + id + "/packs/0x" + strings.Repeat("11", 32), 404, "not_found"},
		{"/api/v1/batches?gtin=123&lot=x", 400, "invalid"},
		{"/nope", 404, "not_found"},
	} {
		status, _, body := f.do(t, "GET", tc.path, "", "", nil)
		if status != tc.status || !strings.Contains(string(body), `"code":"`+tc.code+`"`) {
			t.Errorf("GET %s: %d %s, want %d %s", tc.path, status, body, tc.status, tc.code)
		}
	}
}

// TestBadRequests: malformed, oversized and wrongly typed bodies get a clear error; nothing is
// ever answered with a 500 or with internal error text.
func TestBadRequests(t *testing.T) {
	f := newFixture(t, web.Options{RatePerSecond: 1000, Burst: 1000})
	for _, tc := range []struct {
		name, contentType, body string
		status                  int
		code                    string
	}{
		{"not json", "application/json", "code=1", 400, "invalid"},
		{"unknown field", "application/json", `{"code":"x","extra":1}`, 400, "invalid"},
		{"two documents", "application/json", `{"code":"x"}{"code":"y"}`, 400, "invalid"},
		{"data after the object", "application/json", `{"code":"x"} trailing`, 400, "invalid"},
		{"escaped code", "application/json", `{"code":"\u0026"}`, 200, ""}, // a verdict (malformed), not an error
		{"empty body", "application/json", ``, 400, "invalid"},
		{"wrong type", "text/plain", `{"code":"x"}`, 415, "unsupported_media_type"},
		{"oversized", "application/json", `{"code":"` + strings.Repeat("A", 20000) + `"}`, 413, "too_large"},
		{"code is a number", "application/json", `{"code": 42}`, 400, "invalid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, _, body := f.do(t, "POST", "/api/v1/verify", tc.contentType, "", strings.NewReader(tc.body))
			if tc.status == http.StatusOK {
				if status != tc.status || !strings.Contains(string(body), `"verdict":"malformed"`) {
					t.Errorf("%d %s, want 200 with a malformed verdict", status, body)
				}
				return
			}
			if status != tc.status || !strings.Contains(string(body), `"code":"`+tc.code+`"`) {
				t.Errorf("%d %s, want %d %s", status, body, tc.status, tc.code)
			}
		})
	}
	// Garbage of every kind as codes: always a verdict, never a 500.
	for _, code := range []string{"", "\x00", "https://x/01/", "/01/09506000134352/10/%FF/21/%00", "]d2" + strings.Repeat("\x1d", 100), strings.Repeat("(01)", 1000), "<script>alert(1)</script>"} {
		status, body := f.verify(t, code)
		if status != http.StatusOK || !strings.Contains(string(body), `"verdict":"malformed"`) {
			t.Errorf("verify %q: %d %s", code, status, body)
		}
	}
	for _, p := range []string{"/01/", "/01/x", "/01/09506000134352/10/A/21/B?17=999999", "/01/%25ZZ", "/01/" + strings.Repeat("1", 5000)} {
		status, _, body := f.do(t, "GET", p, "", "application/json", nil)
		if status >= 500 {
			t.Errorf("GET %s: %d %s", p, status, body)
		}
	}
	if strings.Contains(f.logs.String(), "request failed") {
		t.Errorf("internal errors logged:\n%s", f.logs)
	}
}

func TestRateLimit(t *testing.T) {
	f := newFixture(t, web.Options{RatePerSecond: 1, Burst: 3, Now: func() time.Time { return time.Unix(1e9, 0) }})
	code := signedLink(t, f.Manufacturer.Key, f.batch, 0)
	for i := range 3 {
		if status, body := f.verify(t, code); status != http.StatusOK {
			t.Fatalf("request %d: %d %s", i, status, body)
		}
	}
	status, body := f.verify(t, code)
	if status != http.StatusTooManyRequests || !strings.Contains(string(body), `"code":"rate_limited"`) {
		t.Fatalf("request over the burst: %d %s, want 429", status, body)
	}
	// A person's browser opening the code gets a page saying so, not JSON.
	path := code[strings.Index(code, "/01/"):]
	status, h, page := f.do(t, "GET", path, "", "text/html", nil)
	if status != http.StatusTooManyRequests || !strings.HasPrefix(h.Get("Content-Type"), "text/html") || !strings.Contains(string(page), "try again in a second") {
		t.Fatalf("resolver over the burst: %d %s %.200s", status, h.Get("Content-Type"), page)
	}
}

func gtin14(g uint64) string { return fmt.Sprintf("%014d", g) }
