package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/pharmatrace/pharmatrace/verify"
)

// metrics are the service's Prometheus metrics, in a registry of the Server's own (no global
// registry: two servers in one process, as in tests, never collide).
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	verdicts *prometheus.CounterVec
	writes   *prometheus.CounterVec
	txs      *prometheus.CounterVec
}

func newMetrics(lag func(context.Context) (float64, error)) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "pharmatrace_http_requests_total", Help: "HTTP requests by route pattern, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "pharmatrace_http_request_duration_seconds", Help: "HTTP request latency by route pattern.",
			Buckets: []float64{.0005, .001, .002, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route", "method"}),
		verdicts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "pharmatrace_verifications_total", Help: "Verifications by verdict.",
		}, []string{"verdict"}),
		txs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "pharmatrace_transactions_total", Help: "Transactions: sent (accepted by the node), and failed (a write that had sent transactions ended in an error: reverted, not mined, not mirrored).",
		}, []string{"outcome"}),
		writes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "pharmatrace_writes_total", Help: "Writes (each one or more transactions) by operation and outcome (ok or the error code).",
		}, []string{"op", "outcome"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.verdicts, m.writes, m.txs,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if lag != nil {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "pharmatrace_indexer_lag_blocks", Help: "Blocks between the indexer's target head and its cursor, as the mirror records them.",
		}, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			v, err := lag(ctx)
			if err != nil {
				return -1
			}
			return v
		}))
	}
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// middleware counts requests and their latency by route pattern (never by raw path, which
// would make one series per pack).
func (m *metrics) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		route := "unmatched"
		if rc := chi.RouteContext(r.Context()); rc != nil && rc.RoutePattern() != "" {
			route = rc.RoutePattern()
		}
		m.requests.WithLabelValues(route, r.Method, strconv.Itoa(sw.status)).Inc()
		m.latency.WithLabelValues(route, r.Method).Observe(time.Since(start).Seconds())
	})
}

func (m *metrics) verdict(v verify.Verdict) { m.verdicts.WithLabelValues(string(v)).Inc() }

func (m *metrics) write(op string, err error) {
	outcome := "ok"
	if err != nil {
		e, _ := errorCode(err)
		outcome = e.Code
	}
	m.writes.WithLabelValues(op, outcome).Inc()
}

// statusWriter remembers the status written.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(status int) {
	if !w.wrote {
		w.status, w.wrote = status, true
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
