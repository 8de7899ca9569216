package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain/gethtest"
	"github.com/pharmatrace/pharmatrace/internal/testkit"
	"github.com/pharmatrace/pharmatrace/keys"
)

// waitFor polls out until re matches, and returns the first group.
func waitFor(t *testing.T, out *testkit.Buffer, re *regexp.Regexp, what string, errOut *testkit.Buffer) string {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %s; stdout:\n%s\nstderr:\n%s", what, out.String(), errOut.String())
	return ""
}

// TestProductionWiring runs the production path against a real geth: a keystore account,
// `deploy`, `serve` with the keystore and the in-process indexer, `token create`, then the API.
func TestProductionWiring(t *testing.T) {
	dir := t.TempDir()
	ks := filepath.Join(dir, "keystore")
	t.Setenv("PHARMATRACE_PASSPHRASE", "test passphrase")
	regulator, err := keys.Create(ks, "test passphrase", true)
	if err != nil {
		t.Fatal(err)
	}
	node := gethtest.Start(t, gethtest.Options{Fund: []common.Address{regulator}})
	wiring(t, dir, ks, []string{"--rpc", node.HTTPURL}, []string{"--rpc", node.WSURL})
}

// TestEmbeddedWiring is the same path with no --rpc: deploy and serve open the embedded chain
// in --data, which funds the keystore's accounts.
func TestEmbeddedWiring(t *testing.T) {
	dir := t.TempDir()
	ks := filepath.Join(dir, "keystore")
	t.Setenv("PHARMATRACE_PASSPHRASE", "test passphrase")
	if _, err := keys.Create(ks, "test passphrase", true); err != nil {
		t.Fatal(err)
	}
	chainDir := filepath.Join(dir, "chain-data")
	wiring(t, dir, ks, []string{"--data", chainDir}, []string{"--data", chainDir})
}

func wiring(t *testing.T, dir, ks string, deployNode, serveNode []string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	contracts, db := filepath.Join(dir, "contracts.json"), filepath.Join(dir, "mirror.db")

	var out, errOut bytes.Buffer
	if st := run(ctx, append([]string{"deploy", "--keystore", ks, "--regulator-gln", "9506000000015", "--regulator-name", "Agency", "--out", contracts}, deployNode...), &out, &errOut); st != 0 {
		t.Fatalf("deploy: %d %s", st, errOut.String())
	}
	if st := run(ctx, append([]string{"deploy", "--keystore", ks, "--regulator-gln", "9506000000015", "--out", contracts}, deployNode...), &out, &errOut); st != 1 ||
		!strings.Contains(errOut.String(), "already names contracts") {
		t.Fatalf("second deploy over the same file: %d %s", st, errOut.String())
	}

	sOut, sErr := &testkit.Buffer{}, &testkit.Buffer{}
	served := make(chan int, 1)
	go func() {
		served <- run(ctx, append([]string{"serve", "--db", db, "--config", contracts, "--keystore", ks,
			"--addr", "127.0.0.1:0", "--log-level", "warn"}, serveNode...), sOut, sErr)
	}()
	base := waitFor(t, sOut, regexp.MustCompile(`serving on (http://\S+)`), "serving line", sErr)

	// The token needs the regulator in the mirror: wait for the indexer to have it.
	var tok string
	deadline := time.Now().Add(time.Minute)
	for {
		var o, e bytes.Buffer
		if run(ctx, []string{"token", "create", "--participant", "Agency", "--db", db}, &o, &e) == 0 {
			tok = strings.TrimSpace(o.String())
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("token create: %s", e.String())
		}
		time.Sleep(100 * time.Millisecond)
	}

	call := func(method, path, body string) (int, string) {
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if st, b := call("GET", "/api/v1/me", ""); st != 200 || !strings.Contains(b, `"role":"regulator"`) {
		t.Fatalf("me: %d %s", st, b)
	}
	pharmacy := common.HexToAddress("0x00000000000000000000000000000000000000f1")
	if st, b := call("POST", "/api/v1/participants", `{"account":"`+pharmacy.Hex()+`","role":"pharmacy","gln":"9506000000022","name":"A pharmacy"}`); st != 200 {
		t.Fatalf("register participant on geth: %d %s", st, b)
	}
	if st, b := call("GET", "/readyz", ""); st != 200 || !strings.Contains(b, `"chain":"ok"`) {
		t.Fatalf("readyz: %d %s", st, b)
	}
	cancel()
	select {
	case st := <-served:
		if st != 0 {
			t.Fatalf("serve exited %d: %s", st, sErr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop on cancel")
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatal(err)
	}
}
