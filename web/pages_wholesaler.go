package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// wholesalerPages mounts the wholesaler's pages under /wholesaler (sign-in and CSRF already checked).
func (s *Server) wholesalerPages(r chi.Router) {
	r.Get("/", func(w http.ResponseWriter, r *http.Request) {
		s.render(w, r, http.StatusOK, "wholesaler", pageData{Title: "wholesaler"})
	})
}
