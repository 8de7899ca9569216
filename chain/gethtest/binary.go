package gethtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/version"
)

// Environment variables.
const (
	// SkipEnv set to 1 makes Start skip the test instead of finding or building geth.
	SkipEnv = "PHARMATRACE_SKIP_GETH"
	// CacheEnv is the cache root; default $HOME/.cache/pharmatrace (scripts/devnet.sh uses the same).
	CacheEnv = "PHARMATRACE_CACHE"
	// BinaryEnv names a geth binary to use instead of the cached one.
	BinaryEnv = "PHARMATRACE_GETH"
)

const gethModule = "github.com/ethereum/go-ethereum"

// Version is the go-ethereum module version this program was built with (the one pinned in
// go.mod), e.g. "v1.17.10". Falls back to the version constants compiled into go-ethereum.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path != gethModule {
				continue
			}
			if d.Replace != nil && d.Replace.Version != "" {
				return d.Replace.Version
			}
			if d.Version != "" && d.Version != "(devel)" {
				return d.Version
			}
		}
	}
	return fmt.Sprintf("v%d.%d.%d", version.Major, version.Minor, version.Patch)
}

// CacheDir is $PHARMATRACE_CACHE, or $HOME/.cache/pharmatrace (the user cache dir elsewhere).
func CacheDir() (string, error) {
	if d := os.Getenv(CacheEnv); d != "" {
		return d, nil
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".cache", "pharmatrace"), nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory: set %s", CacheEnv)
	}
	return filepath.Join(d, "pharmatrace"), nil
}

// BinaryPath is where the geth binary of a go-ethereum version lives in the cache:
// <cache>/geth-<version>/geth, the path scripts/devnet.sh uses.
func BinaryPath(ver string) (string, error) {
	dir, err := CacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "geth-"+ver, "geth"), nil
}

// Binary returns a geth binary of the pinned go-ethereum version: $PHARMATRACE_GETH if set, else
// the cached one, building it first if missing (`go install …/cmd/geth@<version>`: minutes, once).
// Concurrent builders (parallel test packages, devnet.sh) wait for one another through a lock
// file; the binary is moved into place only when complete. logf, if not nil, hears about a build.
func Binary(ctx context.Context, logf func(format string, args ...any)) (string, error) {
	if p := os.Getenv(BinaryEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s=%s: %w", BinaryEnv, p, err)
		}
		return p, nil
	}
	ver := Version()
	bin, err := BinaryPath(ver)
	if err != nil {
		return "", err
	}
	if isExecutable(bin) {
		return bin, nil
	}
	dir := filepath.Dir(bin)
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", fmt.Errorf("create cache dir: %w", err)
	}
	unlock, err := lockFile(dir + ".lock")
	if err != nil {
		return "", fmt.Errorf("lock %s.lock: %w", dir, err)
	}
	defer unlock()
	if isExecutable(bin) { // another process built it while we waited
		return bin, nil
	}
	if logf == nil {
		logf = func(string, ...any) {}
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("geth %s is not in %s and there is no go command to build it: %w", ver, dir, err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "geth-build-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	logf("building geth %s into %s (go install %s/cmd/geth@%s): it is not cached yet; this takes several minutes, once",
		ver, dir, gethModule, ver)
	start := time.Now()
	cmd := exec.CommandContext(ctx, goCmd, "install", gethModule+"/cmd/geth@"+ver)
	cmd.Dir = tmp // outside any module: @version ignores go.mod, but keep GOFLAGS=-mod=vendor & co. out of it
	cmd.Env = append(os.Environ(), "GOBIN="+tmp, "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("build geth %s: %w\n%s", ver, err, tail(string(out), 4000))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := os.Rename(filepath.Join(tmp, "geth"), bin); err != nil {
		return "", fmt.Errorf("move geth into the cache: %w", err)
	}
	logf("built geth %s in %s", ver, time.Since(start).Round(time.Second))
	return bin, nil
}

func isExecutable(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return "…\n" + s
}
