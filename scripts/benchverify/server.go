package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/labels"
	"github.com/pharmatrace/pharmatrace/verify"
	"github.com/pharmatrace/pharmatrace/web"
)

// benchServer is the production service on a loopback port, with one extra route: a trivial
// chi handler beside it, the ceiling that verification is compared with.
type benchServer struct {
	URL      string
	db       *indexer.DB
	recorder *verify.Recorder
	srv      *http.Server
	stop     context.CancelFunc
	done     chan struct{}
}

// trivialBody is the ceiling route's answer: as small as a health check.
var trivialBody = []byte(`{"status":"ok"}` + "\n")

// startServer opens the mirror at path and serves it as production does: web.New with a
// verify.Verifier checking signatures and a running verify.Recorder logging every scan.
func startServer(ctx context.Context, path string, log *slog.Logger) (*benchServer, error) {
	db, err := indexer.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open mirror: %w", err)
	}
	store := indexer.NewStore(db)
	v, err := verify.New(store, verify.Options{Recover: labels.RecoverSigner})
	if err != nil {
		db.Close()
		return nil, err
	}
	rctx, stop := context.WithCancel(context.WithoutCancel(ctx))
	rec := verify.NewRecorder(db, verify.RecorderOptions{Logger: log})
	done := make(chan struct{})
	go func() {
		defer close(done)
		rec.Run(rctx)
	}()
	s, err := web.New(web.Options{
		Store: store, Verifier: v, Recorder: rec, Logger: log,
		// The load process sends each synthetic client's address in X-Forwarded-For, so the
		// per-client rate limit applies to many clients as it would behind a proxy.
		TrustProxy: true,
	})
	if err != nil {
		stop()
		db.Close()
		return nil, err
	}
	// The service is mounted unchanged under a router of the bench's own, which adds the
	// ceiling route: web/ needs no hook for it.
	r := chi.NewRouter()
	r.Get(trivialPath, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = w.Write(trivialBody)
	})
	r.Handle("/*", s)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		stop()
		db.Close()
		return nil, fmt.Errorf("listen: %w", err)
	}
	b := &benchServer{
		URL:      "http://" + ln.Addr().String(),
		db:       db,
		recorder: rec,
		stop:     stop,
		done:     done,
		// The timeouts of web.ListenAndServe, which takes an address rather than a listener.
		srv: &http.Server{
			Handler:           r,
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       15 * time.Second,
			WriteTimeout:      30 * time.Second,
			IdleTimeout:       2 * time.Minute,
			MaxHeaderBytes:    32 << 10,
		},
	}
	go func() {
		if err := b.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("serve", "err", err)
		}
	}()
	return b, nil
}

// logged is what the scan log holds once everything queued is written.
type logged struct {
	Scans, Alerts int
}

// close stops serving, writes what the recorder still holds and reports what the scan log holds.
func (b *benchServer) close(ctx context.Context) (logged, error) {
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	_ = b.srv.Shutdown(sctx)
	b.recorder.Flush(sctx)
	b.stop()
	<-b.done
	defer b.db.Close()
	var l logged
	if err := b.db.GetContext(sctx, &l.Scans, `SELECT COUNT(*) FROM svc_scans`); err != nil {
		return l, fmt.Errorf("count scans: %w", err)
	}
	if err := b.db.GetContext(sctx, &l.Alerts, `SELECT COUNT(*) FROM svc_alerts`); err != nil {
		return l, fmt.Errorf("count alerts: %w", err)
	}
	return l, nil
}
