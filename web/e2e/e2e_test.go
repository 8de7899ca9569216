// Package e2e runs the browser tests of the pages: the real `pharmatrace demo` (an embedded
// chain seeded with a consortium and two months of history) and Debian's Chromium driven by the
// npm package playwright-core, through run.mjs and every *.test.mjs beside it.
package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pharmatrace/pharmatrace/internal/testkit"
)

// TestBrowser starts `pharmatrace demo` on a fresh directory, waits for its demo.json and runs
// the browser tests against it. PHARMATRACE_SKIP_BROWSER=1 skips it; a missing Chromium or npm
// install is a failure that says how to install them (CI installs both).
func TestBrowser(t *testing.T) {
	if os.Getenv("PHARMATRACE_SKIP_BROWSER") == "1" {
		t.Skip("PHARMATRACE_SKIP_BROWSER=1")
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("no Chromium at %s: install it with `sudo apt-get install chromium` (Debian), set CHROMIUM to another build, or skip the browser tests with PHARMATRACE_SKIP_BROWSER=1", chromium)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("no node on PATH: install Node.js (20 or later), or skip the browser tests with PHARMATRACE_SKIP_BROWSER=1")
	}
	if _, err := os.Stat(filepath.Join("node_modules", "playwright-core", "package.json")); err != nil {
		t.Fatal("web/e2e/node_modules is missing: run `npm ci` in web/e2e (never `npx playwright install`: the tests use the system Chromium), or skip the browser tests with PHARMATRACE_SKIP_BROWSER=1")
	}

	bin := testkit.BuildPharmatrace(t)
	dir := t.TempDir()
	demo := startDemo(t, bin, dir)
	demoJSON := waitForDemo(t, demo, filepath.Join(dir, "demo.json"), 5*time.Minute)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "run.mjs", "--demo", demoJSON, "--chromium", chromium)
	began := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("browser tests (%s):\n%s", time.Since(began).Round(time.Millisecond), out)
	if err != nil {
		t.Fatalf("browser tests failed: %v (demo log:\n%s)", err, demo.stderr.String())
	}
}

type demoProcess struct {
	cmd    *exec.Cmd
	stderr *testkit.Buffer
	done   chan struct{}
	err    error
}

// startDemo runs `pharmatrace demo` on dir and stops it (Ctrl-C, then a kill) when the test ends.
func startDemo(t *testing.T, bin, dir string) *demoProcess {
	t.Helper()
	p := &demoProcess{cmd: exec.Command(bin, "demo", "--data", dir, "--addr", "127.0.0.1:0"), stderr: &testkit.Buffer{}, done: make(chan struct{})}
	p.cmd.Stdout, p.cmd.Stderr = p.stderr, p.stderr
	p.cmd.Env = testkit.ChildEnv()
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start pharmatrace demo: %v", err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		_ = p.cmd.Process.Signal(os.Interrupt)
		select {
		case <-p.done:
		case <-time.After(30 * time.Second):
			_ = p.cmd.Process.Kill()
			<-p.done
			t.Errorf("pharmatrace demo did not stop on Ctrl-C within 30 s")
		}
	})
	return p
}

// waitForDemo waits until the demo has seeded and written a complete demo.json.
func waitForDemo(t *testing.T, p *demoProcess, path string, timeout time.Duration) string {
	t.Helper()
	began := time.Now()
	for time.Since(began) < timeout {
		select {
		case <-p.done:
			t.Fatalf("pharmatrace demo exited before writing demo.json: %v\n%s", p.err, p.stderr.String())
		case <-time.After(250 * time.Millisecond):
		}
		b, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		var df struct {
			URL string `json:"url"`
		}
		// The file may be caught half written: wait for it to parse.
		if err == nil && json.Unmarshal(b, &df) == nil && strings.HasPrefix(df.URL, "http") {
			t.Logf("demo seeded and serving at %s after %s", df.URL, time.Since(began).Round(time.Second))
			return path
		}
	}
	t.Fatalf("no demo.json after %s:\n%s", timeout, p.stderr.String())
	return ""
}
