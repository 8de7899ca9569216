package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/labels"
)

// labelSheet streams a batch's A4 label sheet (PDF), for its manufacturer.
func (s *Server) labelSheet(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ls, err := s.opts.Actions.Labels(ctx, actorOf(r), chi.URLParam(r, "batchID"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	_ = http.NewResponseController(w).SetWriteDeadline(s.opts.Now().Add(s.opts.WriteTimeout))
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="labels-%s-%s.pdf"`, ls.Codes[0].GTIN, safeName(ls.Codes[0].Lot)))
	sheet := labels.Sheet{Product: ls.Product, Codes: ls.Codes, BaseURL: s.opts.BaseURL}
	if err := labels.WriteSheet(ctx, w, sheet, func(done, total int) {
		if done == total || done%(labels.PerPage*50) == 0 {
			s.log.InfoContext(ctx, "label sheet", "done", done, "total", total)
		}
	}); err != nil {
		// Part of the PDF may be out: abort the response so the client sees a broken download,
		// never a truncated file that looks whole.
		s.log.ErrorContext(ctx, "write label sheet", "err", err)
		panic(http.ErrAbortHandler)
	}
}

// qrCode returns one pack's QR code (PNG, or SVG with format=svg), for its manufacturer.
func (s *Server) qrCode(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	serial := q.Get("serial")
	if err := gs1.ValidateAI10or21(serial); err != nil {
		s.fail(w, r, &Error{Code: EInvalid, Field: "serial", Message: "Give the pack's serial (1 to 20 GS1 characters)."})
		return
	}
	ls, err := s.opts.Actions.Labels(r.Context(), actorOf(r), chi.URLParam(r, "batchID"), serial)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	uri := gs1.FormatDigitalLink(s.opts.BaseURL, ls.Codes[0])
	switch q.Get("format") {
	case "", "png":
		size := 512
		if v := q.Get("size"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 64 || n > 2048 {
				s.fail(w, r, &Error{Code: EInvalid, Field: "size", Message: "size is in pixels, 64 to 2048."})
				return
			}
			size = n
		}
		png, err := labels.PNG(uri, size)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "image/png")
		w.Write(png)
	case "svg":
		svg, err := labels.SVG(uri)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "image/svg+xml")
		w.Write(svg)
	default:
		s.fail(w, r, &Error{Code: EInvalid, Field: "format", Message: "format is png or svg."})
	}
}

// safeName keeps a lot usable in a file name.
func safeName(s string) string {
	out := []byte(s)
	for i, c := range out {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '_' || c == '.') {
			out[i] = '_'
		}
	}
	return string(out)
}
