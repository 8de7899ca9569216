package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/verify"
)

// requireRegulator answers 403 unless the caller is a regulator.
func (s *Server) requireRegulator(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if actorOf(r).Role != chain.RoleRegulator {
			s.fail(w, r, errorf(EForbidden, "Only a regulator can see and handle alerts."))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// alerts lists alerts, newest first: ?state=open|investigating|closed, ?limit=N (at most 1000).
func (s *Server) alerts(w http.ResponseWriter, r *http.Request) {
	state := r.URL.Query().Get("state")
	switch state {
	case "", verify.AlertOpen, verify.AlertInvestigating, verify.AlertClosed:
	default:
		s.fail(w, r, &Error{Code: EInvalid, Field: "state", Message: "state is open, investigating or closed."})
		return
	}
	limit := 100
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			s.fail(w, r, &Error{Code: EInvalid, Field: "limit", Message: "limit is 1 to 1000."})
			return
		}
		limit = n
	}
	as, err := verify.ListAlerts(r.Context(), s.opts.DB, state, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.json(w, http.StatusOK, nonNil(as))
}

// setAlertState moves an alert: {"state": "investigating" | "closed"}.
func (s *Server) setAlertState(w http.ResponseWriter, r *http.Request) {
	var req struct {
		State string `json:"state"`
	}
	if err := s.decode(w, r, s.opts.MaxBodyBytes, &req); err != nil {
		s.fail(w, r, err)
		return
	}
	id := chi.URLParam(r, "alertID")
	err := verify.SetAlertState(r.Context(), s.opts.DB, id, req.State, s.opts.Now())
	switch {
	case errors.Is(err, verify.ErrAlertNotFound):
		s.fail(w, r, errorf(ENotFound, "No such alert."))
	case errors.Is(err, verify.ErrAlertTransition):
		s.fail(w, r, &Error{Code: EConflict, Field: "state", Message: "An alert moves open → investigating → closed, and closed is final."})
	case err != nil:
		s.fail(w, r, err)
	default:
		s.json(w, http.StatusOK, map[string]string{"id": id, "state": req.State})
	}
}
