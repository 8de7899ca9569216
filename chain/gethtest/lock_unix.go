//go:build unix

package gethtest

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive flock on path (created if missing), waiting for other holders
// (the same lock `flock` takes in scripts/devnet.sh).
func lockFile(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
