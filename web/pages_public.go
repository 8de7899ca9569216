package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// publicPages mounts the pages anyone may open: home (check a medicine).
func (s *Server) publicPages(r chi.Router) {
	r.Get("/", func(w http.ResponseWriter, r *http.Request) {
		s.render(w, r, http.StatusOK, "home", pageData{Title: "Check a medicine"})
	})
}
