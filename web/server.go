// Package web is the PharmaTrace HTTP service: the public verification API, the GS1 Digital
// Link resolver that phone cameras open, and lookups of batches and packs. It reads the SQL
// mirror only; writes belong to the participant API.
package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/pharmatrace/pharmatrace/actions"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/verify"
)

// Options configure a Server.
type Options struct {
	Store    *indexer.Store
	Verifier *verify.Verifier
	Recorder *verify.Recorder // optional: scans are logged when set
	Logger   *slog.Logger
	// ClientSalt salts the hash that turns a client address into the opaque key used to count
	// distinct clients per pack. Use the same value on every replica. Default: random per process.
	ClientSalt string
	// RatePerSecond and Burst limit public verifications per client address. Defaults 20 and 40.
	RatePerSecond float64
	Burst         int
	// MaxBodyBytes caps request bodies. Default 16 KiB.
	MaxBodyBytes int64
	// TrustProxy takes the client address from X-Forwarded-For (only behind a proxy you run).
	TrustProxy bool
	// Now is the clock. Default time.Now.
	Now func() time.Time

	// The write API is mounted when Actions is set; it needs DB (tokens, idempotency keys).
	Actions *actions.Service
	DB      *indexer.DB
	// BaseURL is the public base of this service, under which QR codes' Digital Link URIs are
	// formed (e.g. https://verify.example.org). Default http://localhost:8080.
	BaseURL string
	// WriteTimeout bounds one write (its transactions mined and mirrored). Default 5 minutes.
	WriteTimeout time.Duration
	// MaxBatchBytes caps a batch registration body (serials). Default 64 MiB.
	MaxBatchBytes int64
	// Head reads the chain's head block, for /readyz. Optional: without it readiness checks
	// the database only.
	Head func(ctx context.Context) (uint64, error)
	// MaxLag is the most blocks the mirror may trail the chain's head and be ready. Default 10.
	MaxLag uint64
	// AccessLog logs one line per request at info level.
	AccessLog bool
}

// Server is the HTTP handler.
type Server struct {
	opts    Options
	log     *slog.Logger
	router  chi.Router
	limiter *limiter
	metrics *metrics
	pages   map[string]*template.Template
	bufs    sync.Pool // *[]byte: verification bodies, in and out
}

// New checks the options and builds the router.
func New(opts Options) (*Server, error) {
	if opts.Store == nil || opts.Verifier == nil {
		return nil, errors.New("new server: a store and a verifier are required")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.ClientSalt == "" {
		opts.ClientSalt = randomSalt()
	}
	if opts.RatePerSecond <= 0 {
		opts.RatePerSecond = 20
	}
	if opts.Burst <= 0 {
		opts.Burst = 40
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 16 << 10
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Actions != nil && opts.DB == nil {
		return nil, errors.New("new server: the write API needs a database")
	}
	if opts.BaseURL == "" {
		opts.BaseURL = "http://localhost:8080"
	}
	opts.BaseURL = strings.TrimRight(opts.BaseURL, "/")
	if opts.WriteTimeout <= 0 {
		opts.WriteTimeout = 5 * time.Minute
	}
	if opts.MaxBatchBytes <= 0 {
		opts.MaxBatchBytes = 64 << 20
	}
	if opts.MaxLag == 0 {
		opts.MaxLag = 10
	}
	s := &Server{
		opts:    opts,
		log:     opts.Logger,
		limiter: newLimiter(opts.RatePerSecond, opts.Burst, opts.Now),
	}
	pages, err := parseTemplates()
	if err != nil {
		return nil, fmt.Errorf("new server: parse page templates: %w", err)
	}
	s.pages = pages
	s.metrics = newMetrics(func(ctx context.Context) (float64, error) {
		lag, err := opts.Store.Lag(ctx)
		return float64(lag.Head - min(lag.Cursor, lag.Head)), err
	})
	r := chi.NewRouter()
	r.Use(middleware.Recoverer, s.securityHeaders, s.metrics.middleware)
	if opts.AccessLog {
		r.Use(s.accessLog)
	}
	r.Get("/healthz", func(w http.ResponseWriter, r *http.Request) {
		s.json(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	r.Get("/readyz", s.readyz)
	r.Get("/metrics", s.metrics.handler().ServeHTTP)
	reads := middleware.Timeout(10 * time.Second)
	r.With(reads, s.rateLimit, s.session).Get("/01/*", s.resolve)
	r.Group(s.pageRoutes)
	r.Route("/api/v1", func(r chi.Router) {
		r.Get("/openapi.json", s.openapi)
		r.Group(func(r chi.Router) {
			r.Use(reads)
			r.With(s.rateLimit).Post("/verify", s.verify)
			r.Get("/batches", s.batchByLot)
			r.Get("/batches/{batchID}", s.batch)
			r.Get("/batches/{batchID}/timeline", s.timeline)
			r.Get("/batches/{batchID}/packs/{packID}", s.pack)
		})
		if opts.Actions != nil {
			s.writeRoutes(r)
		}
	})
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, errorf(ENotFound, "No such page or API route."))
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		s.json(w, http.StatusMethodNotAllowed, &Error{Code: "method_not_allowed", Message: "This route does not take " + r.Method + "."})
	})
	s.router = r
	return s, nil
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.router.ServeHTTP(w, r) }

// Routes lists the method and pattern of every route, for the OpenAPI check.
func (s *Server) Routes() []string {
	var out []string
	_ = chi.Walk(s.router, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		out = append(out, method+" "+route)
		return nil
	})
	return out
}

// fail is the one error exit: known errors get their status, anything else is logged and
// answered as internal, without its text.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	e, known := errorCode(err)
	status, ok := statusOf[e.Code]
	if !known || !ok {
		status = http.StatusInternalServerError
		s.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	s.json(w, status, e)
}

func (s *Server) json(w http.ResponseWriter, status int, v any) {
	w.Header()["Content-Type"] = contentTypeJSON
	s.writeJSON(w, status, v)
}

// Header values set on every response, shared (net/http does not change them).
var (
	contentTypeJSON = []string{"application/json; charset=utf-8"}
	securityHeaders = []struct {
		key   string
		value []string
	}{
		{"X-Content-Type-Options", []string{"nosniff"}},
		{"X-Frame-Options", []string{"DENY"}},
		{"Referrer-Policy", []string{"no-referrer"}},
		{"Content-Security-Policy", []string{"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"}},
	}
)

// getBuf and putBuf lend the buffers verification requests are read into and answered from.
func (s *Server) getBuf() *[]byte {
	if b, ok := s.bufs.Get().(*[]byte); ok {
		return b
	}
	b := make([]byte, 0, 4096)
	return &b
}

func (s *Server) putBuf(b *[]byte) {
	if cap(*b) <= 64<<10 { // one huge body is not kept for every later request
		*b = (*b)[:0]
		s.bufs.Put(b)
	}
}

// writeResult answers 200 with a verification's result, encoded by Result.AppendJSON (the
// same bytes json.Encoder writes, in a tenth of the time: it is written on every scan) with
// its length, so it is not sent chunked.
func (s *Server) writeResult(w http.ResponseWriter, res *verify.Result) {
	buf := s.getBuf()
	b := append(res.AppendJSON(*buf), '\n')
	h := w.Header()
	h["Content-Type"] = contentTypeJSON
	h["Content-Length"] = []string{strconv.Itoa(len(b))}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
	*buf = b
	s.putBuf(buf)
}

// writeJSON writes v as JSON under the Content-Type already set. Compact: indenting took
// half of encoding a verdict's time and a third more bytes on the wire, for programs that
// do not look at the spaces (browsers and jq lay JSON out for people).
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, sh := range securityHeaders {
			h[sh.key] = sh.value
		}
		next.ServeHTTP(w, r)
	})
}

// clientAddr is the request's client address (without port).
func (s *Server) clientAddr(r *http.Request) string {
	if s.opts.TrustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			return strings.TrimSpace(strings.Split(xff, ",")[0])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// clientKey is an opaque, salted hash of the client address: enough to count distinct clients,
// not enough to identify anyone.
func (s *Server) clientKey(r *http.Request) string {
	sum := sha256.Sum256([]byte(s.opts.ClientSalt + "|" + s.clientAddr(r)))
	return hex.EncodeToString(sum[:12])
}

func (s *Server) rateLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.limiter.allow(s.clientAddr(r)) {
			w.Header().Set("Retry-After", "1")
			e := errorf(ERateLimited, "Too many verifications from your address; try again in a second.")
			if !strings.HasPrefix(r.URL.Path, "/api/") && !wantsJSON(r) {
				// A person's browser (the resolver, the check forms): a page, not JSON.
				s.render(w, r, http.StatusTooManyRequests, "error", pageData{Title: "Too many checks", Error: e})
				return
			}
			s.fail(w, r, e)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// verify is POST /api/v1/verify {"code": "…"}.
func (s *Server) verify(w http.ResponseWriter, r *http.Request) {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		s.fail(w, r, errorf(EUnsupported, "Send the code as JSON: {\"code\": \"…\"}."))
		return
	}
	buf := s.getBuf()
	defer s.putBuf(buf)
	body, err := readBody(http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes), *buf)
	*buf = body
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.fail(w, r, errorf(ETooLarge, fmt.Sprintf("The request body is larger than %d bytes.", s.opts.MaxBodyBytes)))
			return
		}
		s.fail(w, r, errorf(EInvalid, "The request body could not be read."))
		return
	}
	code, ok := verifyBody(body)
	if !ok {
		s.fail(w, r, &Error{Code: EInvalid, Field: "code", Message: "The body must be JSON: {\"code\": \"…\"}."})
		return
	}
	res, err := s.check(r, code)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeResult(w, &res)
}

// check verifies a code for this request's client and queues the scan record.
func (s *Server) check(r *http.Request, code string) (verify.Result, error) {
	res, err := s.opts.Verifier.Verify(r.Context(), code, verify.Scanner{Client: s.clientKey(r)})
	if err != nil {
		return res, err
	}
	s.metrics.verdict(res.Verdict)
	if s.opts.Recorder != nil {
		s.opts.Recorder.Record(r.Context(), res)
	}
	return res, nil
}

// resolve is the GS1 Digital Link path a phone camera opens: JSON for programs, a page for people.
func (s *Server) resolve(w http.ResponseWriter, r *http.Request) {
	uri := "https://" + hostOr(r.Host) + r.URL.EscapedPath()
	if r.URL.RawQuery != "" {
		uri += "?" + r.URL.RawQuery
	}
	res, err := s.check(r, uri)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Vary", "Accept") // one URL, two representations: caches must keep both
	if wantsJSON(r) {
		s.writeResult(w, &res)
		return
	}
	s.resolvePage(w, r, res, uri) // pages_public.go
}

func hostOr(h string) string {
	if h == "" {
		return "localhost"
	}
	return h
}

// wantsJSON reports whether the client prefers JSON to HTML.
func wantsJSON(r *http.Request) bool {
	accept := r.Header.Get("Accept")
	return strings.Contains(accept, "application/json") && !strings.Contains(accept, "text/html")
}

// hexID reads a 32-byte 0x-hex path parameter (a batch or pack id), answering 400 otherwise.
func (s *Server) hexID(w http.ResponseWriter, r *http.Request, param string) (common.Hash, bool) {
	v := chi.URLParam(r, param)
	if len(v) != 66 || !strings.HasPrefix(v, "0x") {
		s.fail(w, r, &Error{Code: EInvalid, Field: param, Message: "Expected a 32-byte hex id starting with 0x."})
		return common.Hash{}, false
	}
	if _, err := hex.DecodeString(v[2:]); err != nil {
		s.fail(w, r, &Error{Code: EInvalid, Field: param, Message: "Expected a 32-byte hex id starting with 0x."})
		return common.Hash{}, false
	}
	return common.HexToHash(v), true
}

// batchView is a batch with who holds it.
type batchView struct {
	indexer.Batch
	Holdings []indexer.Holding  `json:"holdings"`
	Custody  []indexer.Shipment `json:"custody"`
}

func (s *Server) batch(w http.ResponseWriter, r *http.Request) {
	id, ok := s.hexID(w, r, "batchID")
	if !ok {
		return
	}
	b, err := s.opts.Store.Batch(r.Context(), id)
	s.answerBatch(w, r, b, err)
}

func (s *Server) batchByLot(w http.ResponseWriter, r *http.Request) {
	gtin, lot := r.URL.Query().Get("gtin"), r.URL.Query().Get("lot")
	if len(gtin) != 14 || strings.Trim(gtin, "0123456789") != "" || lot == "" {
		s.fail(w, r, &Error{Code: EInvalid, Field: "gtin", Message: "Give gtin (14 digits) and lot as query parameters."})
		return
	}
	b, err := s.opts.Store.BatchByLot(r.Context(), gtin, lot)
	s.answerBatch(w, r, b, err)
}

func (s *Server) answerBatch(w http.ResponseWriter, r *http.Request, b indexer.Batch, err error) {
	if errors.Is(err, indexer.ErrNotFound) {
		s.fail(w, r, errorf(ENotFound, "No such batch."))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	id := common.HexToHash(b.BatchID)
	v := batchView{Batch: b, Holdings: []indexer.Holding{}, Custody: []indexer.Shipment{}}
	if hs, err := s.opts.Store.Holdings(r.Context(), id); err != nil {
		s.fail(w, r, err)
		return
	} else if hs != nil {
		v.Holdings = hs
	}
	if cs, err := s.opts.Store.CustodyPath(r.Context(), id); err != nil {
		s.fail(w, r, err)
		return
	} else if cs != nil {
		v.Custody = cs
	}
	s.json(w, http.StatusOK, v)
}

func (s *Server) timeline(w http.ResponseWriter, r *http.Request) {
	id, ok := s.hexID(w, r, "batchID")
	if !ok {
		return
	}
	if _, err := s.opts.Store.Batch(r.Context(), id); err != nil {
		if errors.Is(err, indexer.ErrNotFound) {
			err = errorf(ENotFound, "No such batch.")
		}
		s.fail(w, r, err)
		return
	}
	evs, err := s.opts.Store.Timeline(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(evs))
	for _, e := range evs {
		var args any
		_ = json.Unmarshal([]byte(e.Args), &args)
		out = append(out, map[string]any{"block": e.BlockNumber, "time": time.Unix(e.BlockTime, 0).UTC(), "tx": e.TxHash, "logIndex": e.LogIndex, "event": e.Name, "args": args})
	}
	s.json(w, http.StatusOK, out)
}

func (s *Server) pack(w http.ResponseWriter, r *http.Request) {
	id, ok := s.hexID(w, r, "batchID")
	if !ok {
		return
	}
	packID, ok := s.hexID(w, r, "packID")
	if !ok {
		return
	}
	p, err := s.opts.Store.Pack(r.Context(), id, packID)
	if errors.Is(err, indexer.ErrNotFound) {
		s.fail(w, r, errorf(ENotFound, "No such pack in this batch."))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.json(w, http.StatusOK, p)
}

// limiter is a token bucket per client address, forgotten after a minute of silence.
type limiter struct {
	mu      sync.Mutex
	rate    float64
	burst   float64
	now     func() time.Time
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(rate float64, burst int, now func() time.Time) *limiter {
	return &limiter{rate: rate, burst: float64(burst), now: now, buckets: map[string]*bucket{}}
}

func (l *limiter) allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if now.Sub(l.swept) > time.Minute {
		for k, b := range l.buckets {
			if now.Sub(b.last) > time.Minute {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func randomSalt() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// ListenAndServe serves on addr until ctx ends, then shuts down gracefully.
func ListenAndServe(ctx context.Context, addr string, h http.Handler, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	return Serve(ctx, ln, h, log)
}

// Serve serves on ln until ctx ends, then shuts down gracefully: in-flight requests get 10 s.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	addr := ln.Addr().String()
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    32 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", addr, err)
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if log != nil {
			log.Info("shutting down", "addr", addr)
		}
		return srv.Shutdown(sctx)
	}
}
