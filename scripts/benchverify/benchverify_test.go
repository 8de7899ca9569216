package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary be the load process too, as the real binary is.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == childLoad {
		if err := loadMain(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "benchverify load:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestSmoke builds a tiny mirror, runs every shape for a second through a separate load process,
// and checks that requests were answered with the verdicts their codes were issued for, that the
// scan log caught up, and that a second run takes the mirror from the cache.
func TestSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a chain and runs load for several seconds")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := parseFlags([]string{
		"--packs", "200", "--batch-size", "100", "--codes", "200", "--cache", t.TempDir(),
		"--duration", "1s", "--segment", "500ms", "--warmup", "200ms", "--rate", "200", "--concurrency", "4",
	}, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	cfg.self = []string{exe}
	var progress bytes.Buffer
	sum, err := run(context.Background(), cfg, &progress)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, progress.String())
	}
	for _, shape := range []string{shapeOpen, shapeClosed} {
		for _, route := range []string{routeVerify, routeTrivial} {
			r := sum.find(shape, route)
			if r.OK == 0 || r.Errors != 0 {
				t.Errorf("%s %s: %d answered, %d errors %v, want some answered and no errors", shape, route, r.OK, r.Errors, r.Samples)
			}
			if r.CPUPerRequest() <= 0 {
				t.Errorf("%s %s: no server CPU time measured", shape, route)
			}
			if r.Latency(0.5) <= 0 || r.Latency(0.5) > r.Latency(0.99) {
				t.Errorf("%s %s: p50 %s, p99 %s", shape, route, r.Latency(0.5), r.Latency(0.99))
			}
		}
	}
	// 200 req/s for 1 s: an open loop sends what it offers, whatever the answers take.
	if got := sum.find(shapeOpen, routeVerify).OK; got != 200 {
		t.Errorf("open loop answered %d verifications, want the 200 offered", got)
	}
	vs := sum.find(shapeClosed, routeVerify).Verdicts
	if vs["authentic"] == 0 || vs["authentic"] < vs["dispensed"]+vs["unknown"]+vs["recalled"] {
		t.Errorf("closed loop verdicts %v: want mostly authentic", vs)
	}
	if n := sum.verifications(); sum.logged.Scans != n {
		t.Errorf("scan log holds %d scans, want one per verification: %d", sum.logged.Scans, n)
	}
	if sum.logged.Alerts == 0 {
		t.Errorf("no alerts logged: unknown and recalled codes raise them")
	}
	var out bytes.Buffer
	sum.print(&out)
	for _, want := range []string{"SMOKE RUN", "goal, open loop", "goal, closed loop", "load average"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}

	cfg.duration, cfg.warmup = 200*time.Millisecond, 0
	progress.Reset()
	again, err := run(context.Background(), cfg, &progress)
	if err != nil {
		t.Fatalf("second run: %v\n%s", err, progress.String())
	}
	if !again.mirror.Cached {
		t.Errorf("second run rebuilt the mirror instead of taking it from the cache")
	}
	if again.logged.Scans != again.verifications() {
		t.Errorf("second run: scan log holds %d scans for %d verifications: the cached mirror was written to", again.logged.Scans, again.verifications())
	}
}

func TestVerdictOf(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`{"verdict": "authentic", "message": "x"}`, "authentic"},
		{"{\n  \"verdict\":\"dispensed\"}", "dispensed"},
		{`{"code": "internal"}`, ""},
		{`{"verdict": 3}`, ""},
	} {
		if got := verdictOf([]byte(tc.body)); got != tc.want {
			t.Errorf("verdictOf(%s) = %q, want %q", tc.body, got, tc.want)
		}
	}
}

func TestPhasesAlternateClosedLoop(t *testing.T) {
	cfg := config{duration: 12 * time.Second, segment: 5 * time.Second, warmup: time.Second, rate: 2000, concurrency: 8}
	var routes []string
	total := map[string]time.Duration{}
	for _, p := range cfg.phases() {
		if p.Shape == shapeClosed && !p.Warmup {
			routes = append(routes, p.Route)
			total[p.Route] += p.Duration
		}
	}
	if got, want := strings.Join(routes, ","), "trivial,verify,trivial,verify,trivial,verify"; got != want {
		t.Errorf("closed-loop segments %s, want %s", got, want)
	}
	if total[routeVerify] != cfg.duration || total[routeTrivial] != cfg.duration {
		t.Errorf("closed loop totals %v, want %s each", total, cfg.duration)
	}
}
