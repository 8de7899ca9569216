// Package testkit holds what several packages' tests share.
package testkit

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Buffer is an output that goroutines or a child process write while the test reads it.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

// String is everything written so far.
func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// BuildPharmatrace builds the pharmatrace command into the test's temporary directory and
// returns the binary's path: the real thing, for tests that run it as a child process.
func BuildPharmatrace(t testing.TB) string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go command to build pharmatrace: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "pharmatrace")
	began := time.Now()
	if out, err := exec.Command(goCmd, "build", "-o", bin, "github.com/pharmatrace/pharmatrace/cmd/pharmatrace").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("built %s in %s", bin, time.Since(began).Round(time.Millisecond))
	return bin
}

// ChildEnv is the test's environment without PHARMATRACE_* variables, so a child process of the
// test sees only the flags it is given.
func ChildEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PHARMATRACE_") {
			env = append(env, kv)
		}
	}
	return env
}
