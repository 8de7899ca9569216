package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pharmatrace/pharmatrace/internal/testkit"
)

// TestDemo runs `pharmatrace demo` as a newcomer would, checks that every code it lists verifies
// as listed and every token it prints works, stops it, and runs it again on the same directory:
// it resumes on the same chain without seeding twice.
func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("seeds a chain: about a minute")
	}
	dir := t.TempDir()
	start := func() (context.CancelFunc, chan int, string, *testkit.Buffer) {
		ctx, cancel := context.WithCancel(context.Background())
		out, errOut := &testkit.Buffer{}, &testkit.Buffer{}
		done := make(chan int, 1)
		go func() { done <- run(ctx, []string{"demo", "--data", dir, "--addr", "127.0.0.1:0"}, out, errOut) }()
		url := waitFor(t, out, regexp.MustCompile(`PharmaTrace demo running at (http://\S+)`), "demo URL", errOut)
		return cancel, done, url, errOut
	}
	stop := func(cancel context.CancelFunc, done chan int, errOut *testkit.Buffer) {
		cancel()
		select {
		case st := <-done:
			if st != 0 {
				t.Fatalf("demo exited %d: %s", st, errOut.String())
			}
		case <-time.After(30 * time.Second):
			t.Fatal("demo did not stop on Ctrl-C")
		}
	}
	cancel, done, url, errOut := start()
	raw, err := os.ReadFile(filepath.Join(dir, "demo.json"))
	if err != nil {
		t.Fatal(err)
	}
	var df demoFile
	if err := json.Unmarshal(raw, &df); err != nil {
		t.Fatal(err)
	}
	if df.URL != url || len(df.Tokens) != 8 {
		t.Fatalf("demo.json: url %q (printed %q), %d tokens", df.URL, url, len(df.Tokens))
	}
	post := func(path, token, body string) (int, string) {
		req, _ := http.NewRequest("POST", url+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		if body == "" {
			req.Method = "GET"
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	verdict := func(code string) string {
		b, _ := json.Marshal(map[string]string{"code": code})
		st, body := post("/api/v1/verify", "", string(b))
		var v struct{ Verdict string }
		if st != 200 || json.Unmarshal([]byte(body), &v) != nil {
			t.Fatalf("verify: %d %s", st, body)
		}
		return v.Verdict
	}
	for want, codes := range map[string][]string{"authentic": df.Codes.Authentic, "dispensed": df.Codes.Dispensed, "recalled": df.Codes.Recalled, "expired": df.Codes.Expired} {
		if len(codes) == 0 {
			t.Errorf("demo.json has no %s codes", want)
		}
		for _, c := range codes {
			if got := verdict(c); got != want {
				t.Errorf("%s code %s verifies as %s", want, c, got)
			}
		}
	}
	for name, tok := range df.Tokens {
		if st, body := post("/api/v1/me", tok, ""); st != 200 || !strings.Contains(body, name) {
			t.Errorf("token of %s: %d %s", name, st, body)
		}
	}
	st, body := post("/api/v1/alerts", df.Tokens["National Medicines Agency"], "")
	var alerts []any
	if st != 200 || json.Unmarshal([]byte(body), &alerts) != nil || len(alerts) < 3 {
		t.Errorf("regulator's alerts: %d %s", st, body)
	}
	stop(cancel, done, errOut)

	// Again on the same directory: no second seed, same tokens, same chain.
	cancel, done, url, errOut = start()
	raw2, err := os.ReadFile(filepath.Join(dir, "demo.json"))
	if err != nil {
		t.Fatal(err)
	}
	var df2 demoFile
	_ = json.Unmarshal(raw2, &df2)
	if df2.Tokens["Central Pharmacy"] != df.Tokens["Central Pharmacy"] || strings.Contains(errOut.String(), "seeding") {
		t.Fatalf("second run seeded again: %s", errOut.String())
	}
	if df2.URL != url {
		t.Fatalf("demo.json url %q, printed %q", df2.URL, url)
	}
	if got := verdict(df.Codes.Dispensed[0]); got != "dispensed" {
		t.Fatalf("after restart the dispensed code verifies as %s", got)
	}
	stop(cancel, done, errOut)
}
