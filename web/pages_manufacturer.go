package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// manufacturerPages mounts the manufacturer's pages under /manufacturer (sign-in and CSRF already checked).
func (s *Server) manufacturerPages(r chi.Router) {
	r.Get("/", func(w http.ResponseWriter, r *http.Request) {
		s.render(w, r, http.StatusOK, "manufacturer", pageData{Title: "manufacturer"})
	})
}
