package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// regulatorPages mounts the regulator's pages under /regulator (sign-in and CSRF already checked).
func (s *Server) regulatorPages(r chi.Router) {
	r.Get("/", func(w http.ResponseWriter, r *http.Request) {
		s.render(w, r, http.StatusOK, "regulator", pageData{Title: "regulator"})
	})
}
