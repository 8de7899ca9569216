package web

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/epcis"
)

// readyz answers 200 when this replica can serve: the database answers, the chain answers (when
// the server was given a way to ask), and the mirror trails the chain's head by at most MaxLag
// blocks. Otherwise 503 with what is wrong, so a load balancer takes the replica out.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	checks := map[string]string{}
	ready := true
	lag, err := s.opts.Store.Lag(ctx)
	if err != nil {
		checks["database"], ready = "unreachable", false
		s.log.WarnContext(ctx, "readiness: database", "err", err)
	} else {
		checks["database"] = "ok"
	}
	head := lag.Head
	if s.opts.Head != nil {
		h, err := s.opts.Head(ctx)
		if err != nil {
			checks["chain"], ready = "unreachable", false
			s.log.WarnContext(ctx, "readiness: chain", "err", err)
		} else {
			checks["chain"], head = "ok", h
		}
	}
	behind := head - min(head, lag.Cursor)
	checks["indexer"] = fmt.Sprintf("%d blocks behind", behind)
	if err == nil && behind > s.opts.MaxLag {
		ready = false
	}
	status := http.StatusOK
	if !ready {
		status = http.StatusServiceUnavailable
	}
	s.json(w, status, map[string]any{"ready": ready, "checks": checks, "cursor": lag.Cursor, "head": head})
}

// accessLog writes one structured line per request. Query strings are left out: a Digital Link
// query carries a signature, and nothing a patient's phone sends is worth keeping.
func (s *Server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		s.log.InfoContext(r.Context(), "request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
			"duration_ms", float64(time.Since(start).Microseconds())/1000, "request_id", middleware.GetReqID(r.Context()))
	})
}

//go:embed openapi.json
var openapiDoc []byte

// openapi serves the OpenAPI 3 description of this API (kept true by a test against the router).
func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openapiDoc)
}

// epcisEvents exports the EPCIS 2.0 document of a batch (gtin and lot) or a time range
// (from, to as RFC 3339), for participants.
func (s *Server) epcisEvents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	eq := epcis.Query{GTIN: q.Get("gtin"), Lot: q.Get("lot")}
	for field, dst := range map[string]*time.Time{"from": &eq.From, "to": &eq.To} {
		if v := q.Get(field); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				s.fail(w, r, &Error{Code: EInvalid, Field: field, Message: "Expected a time as RFC 3339, e.g. 2026-01-31T00:00:00Z."})
				return
			}
			*dst = t
		}
	}
	// A manufacturer sees its own packs by serial (instance-level ids) where this service holds
	// the serials; everyone else sees lots and quantities, and pack ids.
	a := actorOf(r)
	opts := epcis.Options{}
	if a.Role == chain.RoleManufacturer {
		opts.Serials = func(ctx context.Context, batchID, packID common.Hash) (string, bool, error) {
			return s.opts.Actions.SerialOf(ctx, a, batchID, packID)
		}
	}
	doc, err := epcis.New(s.opts.Store, opts).Export(r.Context(), eq, s.opts.Now())
	var ee *epcis.Error
	if errors.As(err, &ee) {
		err = &Error{Code: ee.Code, Field: ee.Field, Message: ee.Message}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/ld+json; charset=utf-8")
	s.writeJSON(w, http.StatusOK, doc)
}
