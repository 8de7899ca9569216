package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"syscall"
	"time"
)

// run builds or loads the mirror, serves a copy of it and drives it from the load process.
func run(ctx context.Context, cfg config, progress io.Writer) (*summary, error) {
	spec := cfg.spec()
	m, err := loadOrBuildMirror(ctx, cfg.cacheDir, spec, progress)
	if err != nil {
		return nil, fmt.Errorf("mirror: %w", err)
	}
	if m.Cached {
		fmt.Fprintf(progress, "mirror %s from the cache\n", spec.key())
	}
	// Runs write the scan log: each measures a fresh copy, so the cached mirror stays as built
	// and every run starts from the same tables.
	tmp, err := os.MkdirTemp("", "benchverify-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	dbPath := filepath.Join(tmp, "mirror.db")
	if err := copyFile(m.Path, dbPath); err != nil {
		return nil, fmt.Errorf("copy mirror: %w", err)
	}
	log := slog.New(slog.NewTextHandler(progress, &slog.HandlerOptions{Level: cfg.logLevel}))
	srv, err := startServer(ctx, dbPath, log)
	if err != nil {
		return nil, err
	}
	sum := &summary{cfg: cfg, mirror: m}
	results, usage, runErr := drive(ctx, cfg, plan{URL: srv.URL, Codes: m.Codes, Clients: cfg.clients, Phases: cfg.phases()}, progress)
	sum.logged, err = srv.close(ctx)
	if runErr != nil {
		return nil, runErr
	}
	if err != nil {
		return nil, err
	}
	sum.usage = usage
	sum.add(results)
	return sum, nil
}

// cpuUsage is the processor time each process spent while the load ran.
type cpuUsage struct {
	Wall, Server, Load time.Duration
}

// drive runs the load process on p and collects one result per phase.
func drive(ctx context.Context, cfg config, p plan, progress io.Writer) ([]phaseResult, cpuUsage, error) {
	in, err := json.Marshal(p)
	if err != nil {
		return nil, cpuUsage{}, err
	}
	var total time.Duration
	for _, ph := range p.Phases {
		total += ph.Duration
	}
	fmt.Fprintf(progress, "load: %d phases, %s, server at %s\n", len(p.Phases), total.Round(time.Second), p.URL)
	cmd := exec.CommandContext(ctx, cfg.self[0], cfg.self[1:]...)
	cmd.Env = append(os.Environ(), childEnv+"="+childLoad)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, cpuUsage{}, err
	}
	cmd.Stderr = progress
	if cfg.cpuprofile != "" {
		f, err := os.Create(cfg.cpuprofile)
		if err != nil {
			return nil, cpuUsage{}, fmt.Errorf("create profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, cpuUsage{}, fmt.Errorf("start profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	before := selfCPU()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, cpuUsage{}, fmt.Errorf("start load process: %w", err)
	}
	// Each phase's result arrives as the phase ends: this process's CPU time between two arrivals
	// is what the server spent on that phase, a measure that other processes' load on the machine
	// does not skew the way it skews req/s.
	var results []phaseResult
	mark := before
	dec := json.NewDecoder(out)
	var readErr error
	for {
		var r phaseResult
		if err := dec.Decode(&r); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			readErr = fmt.Errorf("read load results: %w", err)
			_, _ = io.Copy(io.Discard, out)
			break
		}
		now := selfCPU()
		r.ServerCPU, mark = now-mark, now
		results = append(results, r)
	}
	if err := cmd.Wait(); err != nil {
		return nil, cpuUsage{}, fmt.Errorf("load process: %w", err)
	}
	usage := cpuUsage{Wall: time.Since(start), Server: selfCPU() - before}
	usage.Load = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if readErr != nil {
		return nil, usage, readErr
	}
	if len(results) != len(p.Phases) {
		return nil, usage, fmt.Errorf("load process returned %d results for %d phases", len(results), len(p.Phases))
	}
	return results, usage, nil
}

// selfCPU is this process's user and system time so far.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// row is one shape on one route, its segments merged.
type row struct {
	Shape, Route     string
	Rate             float64 // open loop: offered
	Concurrency      int     // closed loop
	Elapsed          time.Duration
	ServerCPU        time.Duration // the server process's CPU time over the row's phases
	OK, Errors       int
	Samples          []string
	latency, service []int64
	Verdicts         map[string]int
	loadAvg          []float64
}

// RPS is the answered requests per second.
func (r *row) RPS() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.OK) / r.Elapsed.Seconds()
}

// CPUPerRequest is the server's CPU time per answered request.
func (r *row) CPUPerRequest() time.Duration {
	if r.OK == 0 {
		return 0
	}
	return r.ServerCPU / time.Duration(r.OK)
}

// Latency is the q-quantile of the latencies (from the due time in the open loop).
func (r *row) Latency(q float64) time.Duration { return quantile(r.latency, q) }

// Service is the q-quantile of the open loop's service times (from the actual send).
func (r *row) Service(q float64) time.Duration { return quantile(r.service, q) }

// quantile of sorted ns values, nearest rank.
func quantile(sorted []int64, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.999999) - 1
	return time.Duration(sorted[max(0, min(i, len(sorted)-1))])
}

// summary is a whole run.
type summary struct {
	cfg      config
	mirror   *mirror
	rows     []*row
	warmupOK int
	logged   logged
	usage    cpuUsage
	loadAvg  []float64
}

// add merges the phases' results into one row per shape and route.
func (s *summary) add(results []phaseResult) {
	for _, r := range results {
		s.loadAvg = append(s.loadAvg, r.LoadAvg[:]...)
		if r.Phase.Warmup {
			s.warmupOK += r.OK
			continue
		}
		w := s.row(r.Phase.Shape, r.Phase.Route)
		w.Rate, w.Concurrency = r.Phase.Rate, r.Phase.Concurrency
		w.Elapsed += r.Elapsed
		w.ServerCPU += r.ServerCPU
		w.OK += r.OK
		w.Errors += r.Errors
		w.Samples = append(w.Samples, r.Samples...)
		w.latency = append(w.latency, r.Latency...)
		w.service = append(w.service, r.Service...)
		for v, n := range r.Verdicts {
			if w.Verdicts == nil {
				w.Verdicts = map[string]int{}
			}
			w.Verdicts[v] += n
		}
	}
	for _, w := range s.rows {
		slices.Sort(w.latency)
		slices.Sort(w.service)
	}
}

// row returns the row of a shape and route, creating it.
func (s *summary) row(shape, route string) *row {
	for _, w := range s.rows {
		if w.Shape == shape && w.Route == route {
			return w
		}
	}
	w := &row{Shape: shape, Route: route}
	s.rows = append(s.rows, w)
	return w
}

// find returns the row of a shape and route, or an empty one.
func (s *summary) find(shape, route string) *row {
	for _, w := range s.rows {
		if w.Shape == shape && w.Route == route {
			return w
		}
	}
	return &row{Shape: shape, Route: route}
}

// Ratio is the closed loop's verify rate over the trivial route's.
func (s *summary) Ratio() float64 {
	t := s.find(shapeClosed, routeTrivial).RPS()
	if t == 0 {
		return 0
	}
	return s.find(shapeClosed, routeVerify).RPS() / t
}

// verifications is how many verifications were answered, warm-up included: the scan log must
// hold at least as many rows.
func (s *summary) verifications() int {
	n := s.warmupOK
	for _, w := range s.rows {
		if w.Route == routeVerify {
			n += w.OK
		}
	}
	return n
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }

func metOrNot(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT MET"
}

// print writes the report.
func (s *summary) print(w io.Writer) {
	sp := s.mirror.Spec
	fmt.Fprintf(w, "bench-verify: SQLite mirror of %d packs in %d batches (%s), %d signed codes scanned round-robin\n",
		sp.Packs(), sp.Batches, sp.key(), len(s.mirror.Codes))
	fmt.Fprintf(w, "server: web.New, signature check on, scan log on (verify.Recorder), rate limit per client on (%d clients); load from a separate process\n", s.cfg.clients)
	if s.cfg.duration < minDuration {
		fmt.Fprintf(w, "SMOKE RUN: %s per shape is under the %s a measurement needs\n", s.cfg.duration, minDuration)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-22s %-8s %9s %8s %7s %9s %9s %9s %9s %10s\n", "shape", "route", "req/s", "ok", "errors", "p50", "p95", "p99", "max", "server CPU")
	for _, r := range s.rows {
		shape := fmt.Sprintf("open %.0f req/s", r.Rate)
		if r.Shape == shapeClosed {
			shape = fmt.Sprintf("closed, %d in flight", r.Concurrency)
		}
		fmt.Fprintf(w, "%-22s %-8s %9.0f %8d %7d %9s %9s %9s %9s %7.0f µs\n", shape, r.Route, r.RPS(), r.OK, r.Errors,
			ms(r.Latency(0.50)), ms(r.Latency(0.95)), ms(r.Latency(0.99)), ms(r.Latency(1)), float64(r.CPUPerRequest())/float64(time.Microsecond))
		if r.Shape == shapeOpen {
			fmt.Fprintf(w, "%-22s %-8s %9s %8s %7s %9s %9s %9s %9s   (from the actual send)\n", "  service time", "", "", "", "",
				ms(r.Service(0.50)), ms(r.Service(0.95)), ms(r.Service(0.99)), ms(r.Service(1)))
		}
		for _, e := range r.Samples {
			fmt.Fprintf(w, "  error: %s\n", e)
		}
	}
	fmt.Fprintln(w)
	ov := s.find(shapeOpen, routeVerify)
	p95 := ov.Latency(0.95)
	fmt.Fprintf(w, "goal, open loop at %.0f req/s: verify p95 < %s: %s — %s\n", ov.Rate, ms(goalOpenP95), ms(p95),
		metOrNot(ov.OK > 0 && ov.Errors == 0 && p95 < goalOpenP95 && ov.Rate >= goalOpenRate))
	ratio := s.Ratio()
	fmt.Fprintf(w, "goal, closed loop: verify ÷ trivial ≥ %.2f: %.0f ÷ %.0f req/s = %.3f — %s\n", goalRatio,
		s.find(shapeClosed, routeVerify).RPS(), s.find(shapeClosed, routeTrivial).RPS(), ratio, metOrNot(ratio >= goalRatio))
	fmt.Fprintln(w)
	if vs := s.find(shapeClosed, routeVerify).Verdicts; vs != nil {
		fmt.Fprintf(w, "verdicts (closed loop): %v\n", vs)
	}
	fmt.Fprintf(w, "scan log: %d scans and %d alerts written for %d verifications answered\n", s.logged.Scans, s.logged.Alerts, s.verifications())
	if len(s.loadAvg) > 0 {
		lo, hi, sum := s.loadAvg[0], s.loadAvg[0], 0.0
		for _, v := range s.loadAvg {
			lo, hi, sum = min(lo, v), max(hi, v), sum+v
		}
		fmt.Fprintf(w, "load average (1 min) during the run: %.2f–%.2f, mean %.2f, on %d cores\n", lo, hi, sum/float64(len(s.loadAvg)), numCPU())
	}
	if t, v := s.find(shapeClosed, routeTrivial).CPUPerRequest(), s.find(shapeClosed, routeVerify).CPUPerRequest(); v > 0 {
		fmt.Fprintf(w, "server CPU per request (closed loop): trivial %.0f µs, verify %.0f µs: at equal CPU, verify ÷ trivial would be %.3f\n",
			float64(t)/1e3, float64(v)/1e3, float64(t)/float64(v))
	}
	u := s.usage
	fmt.Fprintf(w, "CPU over %s: server process %s (%.0f%% of one core), load process %s (%.0f%%)\n", u.Wall.Round(time.Second),
		u.Server.Round(100*time.Millisecond), pct(u.Server, u.Wall), u.Load.Round(100*time.Millisecond), pct(u.Load, u.Wall))
}

func pct(part, whole time.Duration) float64 {
	if whole <= 0 {
		return 0
	}
	return 100 * float64(part) / float64(whole)
}

func numCPU() int { return runtime.NumCPU() }
