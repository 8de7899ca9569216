package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/go-chi/chi/v5"

	"github.com/pharmatrace/pharmatrace/actions"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/tokens"
)

type ctxKey int

const (
	actorKey       ctxKey = iota
	sentCounterKey        // *atomic.Int64: transactions a write sent, for idempotent
)

// actorOf is the participant the request's token acts for (set by authenticate).
func actorOf(r *http.Request) actions.Actor {
	a, _ := r.Context().Value(actorKey).(actions.Actor)
	return a
}

// authenticate requires a bearer token and resolves it to an active participant.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || strings.TrimSpace(tok) == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="pharmatrace"`)
			s.fail(w, r, errorf(EUnauthorized, "Send your API token: Authorization: Bearer <token>."))
			return
		}
		acct, err := tokens.Lookup(r.Context(), s.opts.DB, strings.TrimSpace(tok))
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="pharmatrace", error="invalid_token"`)
			s.fail(w, r, err)
			return
		}
		a, err := s.opts.Actions.Actor(r.Context(), acct)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), actorKey, a)))
	})
}

// decode reads a JSON body of at most limit bytes into v, refusing unknown fields and trailing data.
func (s *Server) decode(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return errorf(EUnsupported, "Send JSON (Content-Type: application/json).")
	}
	body := http.MaxBytesReader(w, r.Body, limit)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return bodyError(err, limit)
	}
	if _, err := io.Copy(io.Discard, body); err != nil {
		return bodyError(err, limit)
	}
	return nil
}

func bodyError(err error, limit int64) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return errorf(ETooLarge, fmt.Sprintf("The request body is larger than %d bytes.", limit))
	}
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field != "" {
		return &Error{Code: EInvalid, Field: typeErr.Field, Message: "Expected " + typeErr.Type.String() + " here."}
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return &Error{Code: EInvalid, Field: strings.Trim(f, `"`), Message: "Unknown field."}
	}
	return errorf(EInvalid, "The body is not valid JSON for this request.")
}

// write runs a write. With "Prefer: respond-async" it answers 202 and the first transaction's
// hash as soon as the node has accepted it, and the write goes on in the background; otherwise
// it answers when the transactions are mined and mirrored.
func (s *Server) write(w http.ResponseWriter, r *http.Request, op string, fn func(ctx context.Context) (any, error)) {
	// Writes wait for blocks: they get their own, longer deadline than reads.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.opts.WriteTimeout + 5*time.Second))
	var sentTxs atomic.Int64
	idemSent, _ := r.Context().Value(sentCounterKey).(*atomic.Int64) // set by idempotent
	countSent := func() {
		sentTxs.Add(1)
		if idemSent != nil {
			idemSent.Add(1)
		}
		s.metrics.txs.WithLabelValues("sent").Inc()
	}
	done := func(err error) {
		s.metrics.write(op, err)
		if err != nil && sentTxs.Load() > 0 {
			s.metrics.txs.WithLabelValues("failed").Inc()
		}
	}
	if !strings.Contains(strings.ToLower(r.Header.Get("Prefer")), "respond-async") {
		// Not the client's cancellation: a write that has sent a transaction finishes (and its
		// answer is stored for a retry) even if the client went away meanwhile.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), s.opts.WriteTimeout)
		defer cancel()
		out, err := fn(chain.OnSent(ctx, func(*types.Transaction) { countSent() }))
		done(err)
		s.answerWrite(w, r, out, err)
		return
	}
	type result struct {
		out any
		err error
	}
	sent := make(chan common.Hash, 1)
	finished := make(chan result, 1)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), s.opts.WriteTimeout)
	ctx = chain.OnSent(ctx, func(tx *types.Transaction) {
		countSent()
		select {
		case sent <- tx.Hash():
		default:
		}
	})
	go func() {
		defer cancel()
		out, err := fn(ctx)
		finished <- result{out, err}
	}()
	select {
	case res := <-finished: // refused before anything was sent, or done already
		done(res.err)
		s.answerWrite(w, r, res.out, res.err)
	case h := <-sent:
		s.json(w, http.StatusAccepted, map[string]string{"status": "accepted", "transaction": h.Hex()})
		go func() {
			res := <-finished
			done(res.err)
			if res.err != nil {
				s.log.Warn("background write failed", "op", op, "tx", h, "err", res.err)
			}
		}()
	}
}

// answerWrite answers a finished write: its result, or — mined but not yet mirrored — 202
// with the result (the transactions happened; reads catch up shortly), or the error.
func (s *Server) answerWrite(w http.ResponseWriter, r *http.Request, out any, err error) {
	switch {
	case err == nil:
		s.json(w, http.StatusOK, out)
	case errors.Is(err, actions.ErrNotIndexed):
		s.json(w, http.StatusAccepted, map[string]any{"status": "mined", "message": "The transactions are mined; the mirror has not caught up yet, so reads may not show them for a moment.", "result": out})
	default:
		s.fail(w, r, err)
	}
}

// writeRoutes mounts the participants' write API under /api/v1 (r is that sub-router).
func (s *Server) writeRoutes(r chi.Router) {
	r.Group(func(r chi.Router) {
		r.Use(s.authenticate)
		r.Get("/me", s.me)
		r.Get("/shipments/pending", s.pendingShipments)
		r.Get("/holdings", s.holdings)
		r.Get("/batches/{batchID}/labels.pdf", s.labelSheet)
		r.Get("/batches/{batchID}/qr", s.qrCode)
		r.Get("/epcis/events", s.epcisEvents)
		r.With(s.requireRegulator).Get("/alerts", s.alerts)
		r.With(s.requireRegulator).Post("/alerts/{alertID}", s.setAlertState)
		r.Group(func(r chi.Router) {
			r.Use(s.idempotent)
			r.Post("/participants", s.registerParticipant)
			r.Post("/participants/{account}/deactivate", s.deactivateParticipant)
			r.Post("/products", s.registerProduct)
			r.Post("/batches", s.registerBatch)
			r.Post("/batches/{batchID}/recall", s.recall)
			r.Post("/shipments", s.ship)
			r.Post("/shipments/{shipmentID}/{action:receive|reject|cancel}", s.closeShipment)
			r.Post("/packs/decommission", s.decommission)
			r.Post("/packs/undo", s.undo)
		})
	})
}

func (s *Server) me(w http.ResponseWriter, r *http.Request) {
	a := actorOf(r)
	p, err := s.opts.Store.Participant(r.Context(), a.Account)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.json(w, http.StatusOK, p)
}

func (s *Server) pendingShipments(w http.ResponseWriter, r *http.Request) {
	shs, err := s.opts.Store.PendingFor(r.Context(), actorOf(r).Account)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.json(w, http.StatusOK, nonNil(shs))
}

func (s *Server) holdings(w http.ResponseWriter, r *http.Request) {
	hs, err := s.opts.Store.HoldingsOf(r.Context(), actorOf(r).Account)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.json(w, http.StatusOK, nonNil(hs))
}

func nonNil[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

func (s *Server) registerParticipant(w http.ResponseWriter, r *http.Request) {
	var req actions.NewParticipant
	if err := s.decode(w, r, s.opts.MaxBodyBytes, &req); err != nil {
		s.fail(w, r, err)
		return
	}
	s.write(w, r, "register_participant", func(ctx context.Context) (any, error) {
		return s.opts.Actions.RegisterParticipant(ctx, actorOf(r), req)
	})
}

func (s *Server) deactivateParticipant(w http.ResponseWriter, r *http.Request) {
	acct := chi.URLParam(r, "account")
	s.write(w, r, "deactivate_participant", func(ctx context.Context) (any, error) {
		return s.opts.Actions.DeactivateParticipant(ctx, actorOf(r), acct)
	})
}

func (s *Server) registerProduct(w http.ResponseWriter, r *http.Request) {
	var req actions.NewProduct
	if err := s.decode(w, r, s.opts.MaxBodyBytes, &req); err != nil {
		s.fail(w, r, err)
		return
	}
	s.write(w, r, "register_product", func(ctx context.Context) (any, error) {
		return s.opts.Actions.RegisterProduct(ctx, actorOf(r), req)
	})
}

// registerBatch takes JSON (serials as a list, or a count), or a CSV upload of serials (one a
// line; a header line "serial" is skipped) with gtin, lot, expiry and docHash in the query.
func (s *Server) registerBatch(w http.ResponseWriter, r *http.Request) {
	var req actions.NewBatch
	if strings.HasPrefix(r.Header.Get("Content-Type"), "text/csv") {
		q := r.URL.Query()
		req = actions.NewBatch{GTIN: q.Get("gtin"), Lot: q.Get("lot"), Expiry: q.Get("expiry"), DocHash: q.Get("docHash")}
		serials, err := readSerialsCSV(http.MaxBytesReader(w, r.Body, s.opts.MaxBatchBytes))
		if err != nil {
			s.fail(w, r, err)
			return
		}
		req.Serials = serials
	} else if err := s.decode(w, r, s.opts.MaxBatchBytes, &req); err != nil {
		s.fail(w, r, err)
		return
	}
	a := actorOf(r)
	s.write(w, r, "register_batch", func(ctx context.Context) (any, error) {
		return s.opts.Actions.RegisterBatch(ctx, a, req, func(done, total int) {
			s.log.InfoContext(ctx, "publishing pack ids", "gtin", req.GTIN, "lot", req.Lot, "done", done, "total", total)
		})
	})
}

func readSerialsCSV(body io.Reader) ([]string, error) {
	cr := csv.NewReader(body)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var out []string
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, bodyError(err, 0)
		}
		v := strings.TrimSpace(rec[0])
		if line == 1 && strings.EqualFold(v, "serial") {
			continue
		}
		if v != "" {
			out = append(out, v)
		}
	}
}

func (s *Server) recall(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Reason string `json:"reason"`
	}
	if err := s.decode(w, r, s.opts.MaxBodyBytes, &req); err != nil {
		s.fail(w, r, err)
		return
	}
	id := chi.URLParam(r, "batchID")
	s.write(w, r, "recall", func(ctx context.Context) (any, error) {
		return s.opts.Actions.Recall(ctx, actorOf(r), id, req.Reason)
	})
}

// shipResult is a shipment sent.
type shipResult struct {
	ShipmentID uint64 `json:"shipmentId"`
	actions.Receipt
}

func (s *Server) ship(w http.ResponseWriter, r *http.Request) {
	var req struct {
		BatchID  string `json:"batchId"`
		To       string `json:"to"`
		Quantity uint32 `json:"quantity"`
	}
	if err := s.decode(w, r, s.opts.MaxBodyBytes, &req); err != nil {
		s.fail(w, r, err)
		return
	}
	s.write(w, r, "ship", func(ctx context.Context) (any, error) {
		id, rc, err := s.opts.Actions.Ship(ctx, actorOf(r), req.BatchID, req.To, req.Quantity)
		return shipResult{ShipmentID: id, Receipt: rc}, err
	})
}

func (s *Server) closeShipment(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseUint(chi.URLParam(r, "shipmentID"), 10, 64)
	if err != nil {
		s.fail(w, r, &Error{Code: EInvalid, Field: "shipmentID", Message: "Expected a shipment number."})
		return
	}
	act := actions.ShipmentAction(chi.URLParam(r, "action"))
	s.write(w, r, string(act)+"_shipment", func(ctx context.Context) (any, error) {
		return s.opts.Actions.CloseShipment(ctx, actorOf(r), id, act)
	})
}

func (s *Server) decommission(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Codes  []string `json:"codes"`
		Code   string   `json:"code"`
		Reason string   `json:"reason"`
	}
	if err := s.decode(w, r, s.opts.MaxBodyBytes*16, &req); err != nil {
		s.fail(w, r, err)
		return
	}
	if req.Code != "" {
		req.Codes = append([]string{req.Code}, req.Codes...)
	}
	client := s.clientKey(r)
	s.write(w, r, "decommission", func(ctx context.Context) (any, error) {
		return s.opts.Actions.Decommission(ctx, actorOf(r), req.Codes, req.Reason, client)
	})
}

// undoResult is an undone decommission.
type undoResult struct {
	Pack actions.PackOutcome `json:"pack"`
	actions.Receipt
}

func (s *Server) undo(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Code string `json:"code"`
	}
	if err := s.decode(w, r, s.opts.MaxBodyBytes, &req); err != nil {
		s.fail(w, r, err)
		return
	}
	s.write(w, r, "undo", func(ctx context.Context) (any, error) {
		p, rc, err := s.opts.Actions.Undo(ctx, actorOf(r), req.Code)
		return undoResult{Pack: p, Receipt: rc}, err
	})
}
