package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/chain/gethtest"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer/indextest"
	"github.com/pharmatrace/pharmatrace/internal/testkit"
	"github.com/pharmatrace/pharmatrace/keys"
)

// TestEndToEnd is the platform as an operator runs it: a real geth, PostgreSQL (SQLite when
// PHARMATRACE_TEST_POSTGRES is not set), and the real binary as separate processes — deploy,
// index, serve (its indexer off), token — then a batch's whole journey through the API only,
// alerts, a recall, and an audit with no difference.
func TestEndToEnd(t *testing.T) {
	bin := testkit.BuildPharmatrace(t)
	dir := t.TempDir()
	ks := filepath.Join(dir, "keystore")
	passFile := filepath.Join(dir, "passphrase")
	if err := os.WriteFile(passFile, []byte("e2e passphrase\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	names := []string{"Agency", "Maker", "Wholesale", "Pharmacy A", "Pharmacy B"}
	accts := map[string]common.Address{}
	var fund []common.Address
	for _, n := range names {
		a, err := keys.Create(ks, "e2e passphrase", true)
		if err != nil {
			t.Fatal(err)
		}
		accts[n] = a
		fund = append(fund, a)
	}
	node := gethtest.Start(t, gethtest.Options{Fund: fund})
	db := filepath.Join(dir, "mirror.db")
	if pg := os.Getenv(indextest.Env); pg != "" {
		db = indextest.SchemaDSN(t, pg)
	}
	contracts := filepath.Join(dir, "contracts.json")
	dbFlags := []string{"--db", db, "--config", contracts}

	if out, st := runBinary(t, bin, os.Stderr, "deploy", "--rpc", node.HTTPURL, "--keystore", ks, "--passphrase-file", passFile,
		"--from", accts["Agency"].Hex(), "--regulator-gln", gln(1), "--regulator-name", "Agency", "--out", contracts); st != 0 {
		t.Fatalf("deploy: %d %s", st, out)
	}
	logf, err := os.Create(filepath.Join(dir, "processes.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("processes' log:\n%s", fileTail(logf.Name(), 8000))
		}
	})
	startProcess(t, bin, logf, append([]string{"index", "--rpc", node.WSURL, "--log-level", "warn"}, dbFlags...)...)
	addr := freeAddr(t)
	startProcess(t, bin, logf, append([]string{"serve", "--index=false", "--rpc", node.WSURL, "--keystore", ks, "--passphrase-file", passFile,
		"--addr", addr, "--log-level", "warn"}, dbFlags...)...)
	api := &e2eAPI{t: t, base: "http://" + addr, tokens: map[string]string{}}
	api.waitReady()

	token := func(name string) {
		deadline := time.Now().Add(time.Minute)
		for {
			var errOut bytes.Buffer
			out, st := runBinary(t, bin, &errOut, "token", "create", "--participant", accts[name].Hex(), "--db", db)
			if st == 0 {
				api.tokens[name] = strings.TrimSpace(out)
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("token for %s: %s", name, errOut.String())
			}
			time.Sleep(200 * time.Millisecond) // the indexer has not seen the participant yet
		}
	}
	token("Agency")
	for i, p := range []struct{ name, role string }{{"Maker", "manufacturer"}, {"Wholesale", "distributor"}, {"Pharmacy A", "pharmacy"}, {"Pharmacy B", "pharmacy"}} {
		api.must("Agency", "POST", "/api/v1/participants", map[string]any{"account": accts[p.name].Hex(), "role": p.role, "gln": gln(10 + i), "name": p.name}, 200, nil)
		token(p.name)
	}

	gtin := "09506000134352"
	api.must("Maker", "POST", "/api/v1/products", map[string]any{"gtin": gtin, "name": "Paracetamol", "strength": "500 mg", "form": "tablets", "packSize": 16}, 200, nil)
	expiry := time.Now().AddDate(2, 0, 0).Format(time.DateOnly)
	serials := []string{"E2E0001", "E2E0002", "E2E0003", "E2E0004", "E2E0005", "E2E0006"}
	var batch struct {
		BatchID string `json:"batchId"`
	}
	api.must("Maker", "POST", "/api/v1/batches", map[string]any{"gtin": gtin, "lot": "E2E-1", "expiry": expiry, "serials": serials}, 200, &batch)
	ship := func(from, to string, qty int) {
		var sh struct {
			ShipmentID uint64 `json:"shipmentId"`
		}
		api.must(from, "POST", "/api/v1/shipments", map[string]any{"batchId": batch.BatchID, "to": accts[to].Hex(), "quantity": qty}, 200, &sh)
		api.must(to, "POST", fmt.Sprintf("/api/v1/shipments/%d/receive", sh.ShipmentID), nil, 200, nil)
	}
	ship("Maker", "Wholesale", 4)
	ship("Wholesale", "Pharmacy A", 2)
	ship("Wholesale", "Pharmacy B", 1)

	exp, _ := time.Parse(time.DateOnly, expiry)
	code := func(lot, serial string) string {
		return gs1.FormatDigitalLink(api.base, gs1.Code{GTIN: gs1.GTIN(gtin), Lot: lot, Serial: serial, Expiry: exp, ExpiryRaw: gs1.FormatExpiry(exp)})
	}
	if v := api.verdict(code("E2E-1", serials[0])); v != "authentic" {
		t.Fatalf("before dispensing: %s", v)
	}
	api.must("Pharmacy A", "POST", "/api/v1/packs/decommission", map[string]any{"code": code("E2E-1", serials[0]), "reason": "dispensed"}, 200, nil)
	if v := api.verdict(code("E2E-1", serials[0])); v != "dispensed" {
		t.Fatalf("after dispensing: %s", v)
	}
	// Pharmacy B scans the same pack: refused, and a possible-clone alert for the regulator.
	api.must("Pharmacy B", "POST", "/api/v1/packs/decommission", map[string]any{"code": code("E2E-1", serials[0]), "reason": "dispensed"}, 409, nil)
	deadline := time.Now().Add(30 * time.Second)
	for {
		var alerts []struct{ Code string }
		api.must("Agency", "GET", "/api/v1/alerts", nil, 200, &alerts)
		if len(alerts) > 0 && alerts[0].Code == "POSSIBLE_CLONE" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no clone alert: %+v", alerts)
		}
		time.Sleep(100 * time.Millisecond)
	}

	// Another batch, recalled.
	var other struct {
		BatchID string `json:"batchId"`
	}
	api.must("Maker", "POST", "/api/v1/batches", map[string]any{"gtin": gtin, "lot": "E2E-2", "expiry": expiry, "serials": []string{"R1", "R2"}}, 200, &other)
	api.must("Agency", "POST", "/api/v1/batches/"+other.BatchID+"/recall", map[string]any{"reason": "contamination"}, 200, nil)
	if v := api.verdict(code("E2E-2", "R1")); v != "recalled" {
		t.Fatalf("recalled batch: %s", v)
	}

	var auditOut bytes.Buffer
	out, st := runBinary(t, bin, &auditOut, append([]string{"audit", "--rpc", node.HTTPURL}, dbFlags...)...)
	if st != 0 {
		t.Fatalf("audit: %d\n%s\n%s", st, out, auditOut.String())
	}
}

// gln is a valid GLN numbered n.
func gln(n int) string { return strconv.FormatUint(chaintest.GLN(uint64(n)), 10) }

// freeAddr finds a loopback port nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// e2eAPI calls the served API as the named participants.
type e2eAPI struct {
	t      *testing.T
	base   string
	tokens map[string]string
}

func (a *e2eAPI) waitReady() {
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(a.base + "/healthz"); err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	a.t.Fatal("serve did not come up")
}

func (a *e2eAPI) must(who, method, path string, body any, want int, out any) {
	a.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, a.base+path, rd)
	req.Header.Set("Content-Type", "application/json")
	if who != "" {
		req.Header.Set("Authorization", "Bearer "+a.tokens[who])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		a.t.Fatalf("%s %s as %s: %d, want %d: %s", method, path, who, resp.StatusCode, want, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			a.t.Fatalf("%s %s: %v: %s", method, path, err, b)
		}
	}
}

func (a *e2eAPI) verdict(code string) string {
	a.t.Helper()
	var v struct{ Verdict string }
	a.must("", "POST", "/api/v1/verify", map[string]string{"code": code}, 200, &v)
	return v.Verdict
}
