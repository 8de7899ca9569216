package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// cpuMeter reads the CPU time used so far by this process, by geth and by a PostgreSQL server on
// this machine, so that each pass can report all three: on a shared machine wall time varies with
// the neighbours' load, CPU time much less.
type cpuMeter struct {
	gethPID  int
	postgres bool // sum the local postgres processes too
}

type cpuSample struct{ self, geth, postgres time.Duration }

func (s cpuSample) sub(o cpuSample) cpuSample {
	return cpuSample{self: s.self - o.self, geth: s.geth - o.geth, postgres: s.postgres - o.postgres}
}

func (m cpuMeter) read() cpuSample {
	var s cpuSample
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		s.self = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	if t, ok := cpuTicks(m.gethPID); ok {
		s.geth = time.Duration(t) * (time.Second / 100)
	}
	if m.postgres {
		s.postgres = time.Duration(postgresTicks()) * (time.Second / 100)
	}
	return s
}

// postgresTicks sums the CPU ticks of every process named postgres: the server's backends and
// its background writers. A backend that exits between two readings takes its ticks with it;
// the indexer's connections stay open across a pass.
func postgresTicks() uint64 {
	dirs, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	var sum uint64
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		if comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid)); err != nil || strings.TrimSpace(string(comm)) != "postgres" {
			continue
		}
		if t, ok := cpuTicks(pid); ok {
			sum += t
		}
	}
	return sum
}

// loadAverage is the first field of /proc/loadavg, "" if unknown.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	if f := strings.Fields(string(b)); len(f) > 0 {
		return f[0]
	}
	return ""
}

// waitNodeIdle waits until the geth process has used under 5% of a CPU for two consecutive
// half-seconds (at most two minutes): after a generation geth keeps indexing the new blocks'
// logs in the background, and measuring during that would charge its work to whoever runs.
// Without /proc (not Linux) it returns at once.
func waitNodeIdle(ctx context.Context, pid int, log io.Writer) {
	const (
		tick  = 500 * time.Millisecond
		hz    = 100 // USER_HZ: clock ticks per second in /proc/<pid>/stat
		quiet = 0.05
	)
	prev, ok := cpuTicks(pid)
	if !ok {
		return
	}
	start, calm := time.Now(), 0
	for calm < 2 && time.Since(start) < 2*time.Minute {
		select {
		case <-ctx.Done():
			return
		case <-time.After(tick):
		}
		cur, ok := cpuTicks(pid)
		if !ok {
			return
		}
		used := float64(cur-prev) / hz / tick.Seconds()
		prev = cur
		if used < quiet {
			calm++
		} else {
			calm = 0
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		fmt.Fprintf(log, "benchindexer: waited %s for geth to go idle\n", d.Round(100*time.Millisecond))
	}
}

// cpuTicks is a process's user + system CPU time in clock ticks.
func cpuTicks(pid int) (uint64, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, false
	}
	// The command name (field 2) may hold spaces; fields after its closing parenthesis are plain.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0, false
	}
	// f[0] is field 3 (state): utime is field 14, stime field 15.
	u, err1 := strconv.ParseUint(f[11], 10, 64)
	st, err2 := strconv.ParseUint(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return u + st, true
}

// localDSN reports whether a PostgreSQL DSN names a server on this machine (loopback or a Unix
// socket), whose processes postgresTicks can then read.
func localDSN(dsn string) bool {
	host := ""
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		host = u.Hostname()
		if h := u.Query().Get("host"); h != "" {
			host = h
		}
	} else {
		for _, kv := range strings.Fields(dsn) {
			if v, ok := strings.CutPrefix(kv, "host="); ok {
				host = v
			}
		}
	}
	switch {
	case host == "" || strings.HasPrefix(host, "/") || host == "localhost":
		return true
	default:
		ip := net.ParseIP(host)
		return ip != nil && ip.IsLoopback()
	}
}
