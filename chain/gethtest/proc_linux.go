//go:build linux

package gethtest

import (
	"os/exec"
	"syscall"
)

// ownProcess makes geth die with the test binary (a timed-out or killed `go test` leaves no geth
// behind) and puts it in its own process group, out of reach of a terminal's Ctrl-C.
func ownProcess(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL, Setpgid: true}
}
