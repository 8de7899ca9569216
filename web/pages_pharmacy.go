package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// pharmacyPages mounts the pharmacy's pages under /pharmacy (sign-in and CSRF already checked).
func (s *Server) pharmacyPages(r chi.Router) {
	r.Get("/", func(w http.ResponseWriter, r *http.Request) {
		s.render(w, r, http.StatusOK, "pharmacy", pageData{Title: "pharmacy"})
	})
}
