package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// childEnv, set to childLoad, makes the binary the load generator: it reads a plan as JSON on
// stdin and writes one result per phase as JSON on stdout. Re-executing the same binary keeps
// the load generator out of the server's Go scheduler and garbage collector.
const (
	childEnv  = "PHARMATRACE_BENCHVERIFY_CHILD"
	childLoad = "load"
)

// Routes of the bench server.
const (
	routeVerify  = "verify"
	routeTrivial = "trivial"
	trivialPath  = "/bench/trivial"
	verifyPath   = "/api/v1/verify"
)

// Load shapes.
const (
	shapeOpen   = "open"   // a fixed offered rate, latency from the intended send time
	shapeClosed = "closed" // fixed concurrency, each worker sends when its last answer is in
)

// plan is what the load process runs.
type plan struct {
	URL     string       `json:"url"`
	Codes   []sampleCode `json:"codes"`
	Clients int          `json:"clients"` // distinct client addresses sent in X-Forwarded-For
	Phases  []phase      `json:"phases"`
}

// phase is one stretch of load on one route.
type phase struct {
	Route       string        `json:"route"`
	Shape       string        `json:"shape"`
	Rate        float64       `json:"rate,omitempty"`        // open loop: requests per second
	Concurrency int           `json:"concurrency,omitempty"` // closed loop: workers
	Duration    time.Duration `json:"duration"`
	Warmup      bool          `json:"warmup,omitempty"` // not reported
}

// phaseResult is what one phase measured.
type phaseResult struct {
	Phase    phase          `json:"phase"`
	Elapsed  time.Duration  `json:"elapsed"`
	OK       int            `json:"ok"`
	Errors   int            `json:"errors"`
	Samples  []string       `json:"errorSamples,omitempty"`
	Latency  []int64        `json:"latency"`           // ns; open loop: from the intended send time
	Service  []int64        `json:"service,omitempty"` // ns, open loop only: from the actual send
	Verdicts map[string]int `json:"verdicts,omitempty"`
	LoadAvg  [2]float64     `json:"loadAvg"` // 1-minute load average at the start and the end
	// ServerCPU is filled in by the server's process: its CPU time over the phase.
	ServerCPU time.Duration `json:"-"`
}

// loadMain is the load process: plan on stdin, results on stdout.
func loadMain(stdin io.Reader, stdout io.Writer) error {
	var p plan
	if err := json.NewDecoder(stdin).Decode(&p); err != nil {
		return fmt.Errorf("read load plan: %w", err)
	}
	if len(p.Codes) == 0 {
		return fmt.Errorf("read load plan: no codes")
	}
	g := newGenerator(p)
	enc := json.NewEncoder(stdout)
	for _, ph := range p.Phases {
		res := g.run(context.Background(), ph)
		if err := enc.Encode(res); err != nil {
			return fmt.Errorf("write result: %w", err)
		}
	}
	return nil
}

// generator sends the plan's requests over keep-alive connections.
type generator struct {
	url     string
	bodies  [][]byte
	want    []string
	clients []string
	client  *http.Client
	seq     atomic.Uint64 // which code is next, across phases
}

func newGenerator(p plan) *generator {
	g := &generator{url: p.URL, clients: make([]string, max(1, p.Clients))}
	for i := range g.clients {
		g.clients[i] = fmt.Sprintf("10.%d.%d.%d", (i>>16)&255, (i>>8)&255, i&255)
	}
	for _, c := range p.Codes {
		b, _ := json.Marshal(map[string]string{"code": c.Code})
		g.bodies = append(g.bodies, b)
		g.want = append(g.want, c.Verdict)
	}
	g.client = &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns:        1024,
			MaxIdleConnsPerHost: 1024,
			IdleConnTimeout:     time.Minute,
			DisableCompression:  true,
		},
	}
	return g
}

// outcome is one request's result, as seen by a worker.
type outcome struct {
	verdict string
	err     error
}

// send makes one request on route and checks the answer: a verification must come back 200
// with the verdict its code was issued for; anything else counts as an error.
func (g *generator) send(ctx context.Context, route string) outcome {
	var (
		req  *http.Request
		err  error
		want string
	)
	switch route {
	case routeTrivial:
		req, err = http.NewRequestWithContext(ctx, http.MethodGet, g.url+trivialPath, nil)
	default:
		i := g.seq.Add(1) - 1
		k := int(i % uint64(len(g.bodies)))
		want = g.want[k]
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, g.url+verifyPath, bytes.NewReader(g.bodies[k]))
		if err == nil {
			req.Header.Set("Content-Type", "application/json")
			// One client per code: a phone scans its own pack, so no clone alert is provoked,
			// and the per-client rate limit stays on, as in production.
			req.Header.Set("X-Forwarded-For", g.clients[k%len(g.clients)])
		}
	}
	if err != nil {
		return outcome{err: err}
	}
	resp, err := g.client.Do(req)
	if err != nil {
		return outcome{err: err}
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return outcome{err: err}
	}
	if resp.StatusCode != http.StatusOK {
		return outcome{err: fmt.Errorf("%s: status %d: %.200s", route, resp.StatusCode, body)}
	}
	if route == routeTrivial {
		return outcome{}
	}
	got := verdictOf(body)
	if got != want {
		return outcome{verdict: got, err: fmt.Errorf("verdict %q, want %q", got, want)}
	}
	return outcome{verdict: got}
}

// verdictOf finds the "verdict" field of a verification answer without decoding it whole: the
// load process must stay cheap beside the server.
func verdictOf(body []byte) string {
	const key = `"verdict":`
	i := bytes.Index(body, []byte(key))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(body[i+len(key):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '"' {
		return ""
	}
	s, err := strconv.QuotedPrefix(string(rest))
	if err != nil {
		return ""
	}
	v, _ := strconv.Unquote(s)
	return v
}

// recorder collects one worker's measurements.
type recorder struct {
	latency, service []int64
	ok, errors       int
	samples          []string
	verdicts         map[string]int
}

func (r *recorder) add(o outcome, latency, service time.Duration, open bool) {
	if o.err != nil {
		r.errors++
		if len(r.samples) < 3 {
			r.samples = append(r.samples, o.err.Error())
		}
		return
	}
	r.ok++
	r.latency = append(r.latency, int64(latency))
	if open {
		r.service = append(r.service, int64(service))
	}
	if o.verdict != "" {
		if r.verdicts == nil {
			r.verdicts = map[string]int{}
		}
		r.verdicts[o.verdict]++
	}
}

// run runs one phase and returns what it measured.
func (g *generator) run(ctx context.Context, ph phase) phaseResult {
	res := phaseResult{Phase: ph}
	res.LoadAvg[0] = loadAvg()
	var (
		mu   sync.Mutex
		wg   sync.WaitGroup
		recs []*recorder
	)
	collect := func(r *recorder) {
		mu.Lock()
		recs = append(recs, r)
		mu.Unlock()
	}
	start := time.Now()
	switch ph.Shape {
	case shapeOpen:
		// Request i is due at start + i/rate whatever happened before it; its latency runs from
		// that due time, so a stalled server is charged for every request it held back
		// (no coordinated omission). Enough workers that a free one is almost always waiting.
		period := time.Duration(float64(time.Second) / ph.Rate)
		n := int64(ph.Duration / period)
		workers := max(64, int(ph.Rate/100))
		var next atomic.Int64
		for range workers {
			wg.Go(func() {
				r := &recorder{}
				defer collect(r)
				for {
					i := next.Add(1) - 1
					if i >= n {
						return
					}
					due := start.Add(time.Duration(i) * period)
					if d := time.Until(due); d > 0 {
						time.Sleep(d)
					}
					sent := time.Now()
					o := g.send(ctx, ph.Route)
					done := time.Now()
					r.add(o, done.Sub(due), done.Sub(sent), true)
				}
			})
		}
	default:
		deadline := start.Add(ph.Duration)
		for range max(1, ph.Concurrency) {
			wg.Go(func() {
				r := &recorder{}
				defer collect(r)
				for {
					sent := time.Now()
					if !sent.Before(deadline) {
						return
					}
					o := g.send(ctx, ph.Route)
					r.add(o, time.Since(sent), 0, false)
				}
			})
		}
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	res.LoadAvg[1] = loadAvg()
	for _, r := range recs {
		res.OK += r.ok
		res.Errors += r.errors
		res.Latency = append(res.Latency, r.latency...)
		res.Service = append(res.Service, r.service...)
		if len(res.Samples) < 5 {
			res.Samples = append(res.Samples, r.samples...)
		}
		for v, n := range r.verdicts {
			if res.Verdicts == nil {
				res.Verdicts = map[string]int{}
			}
			res.Verdicts[v] += n
		}
	}
	return res
}

// loadAvg is the 1-minute load average, or -1 where /proc/loadavg is not readable.
func loadAvg() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return -1
	}
	v, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return -1
	}
	return v
}
