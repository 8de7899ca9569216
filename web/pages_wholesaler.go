package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/pharmatrace/pharmatrace/chain"
)

// wholesalerView is the wholesaler's page: stock by batch, incoming shipments, ship onward.
type wholesalerView struct {
	F        formView
	Stock    []batchRow
	Incoming []batchRow
	To       []party
}

// wholesalerPages mounts the wholesaler's pages under /wholesaler (sign-in and CSRF already checked).
func (s *Server) wholesalerPages(r chi.Router) {
	r.Get("/", func(w http.ResponseWriter, r *http.Request) { s.wholesalerRender(w, r, http.StatusOK, emptyForm()) })
	r.Post("/ship", func(w http.ResponseWriter, r *http.Request) {
		s.shipForm(w, r, "/wholesaler", func(st int, fv formView) { s.wholesalerRender(w, r, st, fv) })
	})
	r.Post("/shipments/{shipmentID}", func(w http.ResponseWriter, r *http.Request) {
		s.closeShipmentForm(w, r, "/wholesaler", func(st int, fv formView) { s.wholesalerRender(w, r, st, fv) })
	})
}

func (s *Server) wholesalerRender(w http.ResponseWriter, r *http.Request, status int, fv formView) {
	ctx := r.Context()
	a, _ := pageActor(r)
	v := wholesalerView{F: fv}
	d, list, err := s.directory(ctx)
	if err != nil {
		s.pageFailed(w, r, "read participants", err)
		return
	}
	names := map[string]string{}
	if v.Stock, err = s.stock(ctx, a, names); err != nil {
		s.pageFailed(w, r, "list stock", err)
		return
	}
	if v.Incoming, err = s.incoming(ctx, a, d, names); err != nil {
		s.pageFailed(w, r, "list incoming shipments", err)
		return
	}
	v.To = recipients(list, a, chain.RolePharmacy.String(), chain.RoleDistributor.String())
	s.render(w, r, status, "wholesaler", pageData{Title: "Stock", Data: v})
}
