package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/go-chi/chi/v5"

	"github.com/pharmatrace/pharmatrace/actions"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer"
)

// batchAnswerWait is how long a batch form waits, once the first transaction is out, for the
// whole registration before it sends the browser to the progress page instead: a small batch
// answers at once, a large one shows its packs being published.
const batchAnswerWait = 3 * time.Second

// manufacturerView is the manufacturer's page: its products, its batches (with labels, ship
// and recall), and the forms.
type manufacturerView struct {
	F        formView
	Products []indexer.Product
	Batches  []batchRow // its own batches, newest first
	Stock    []batchRow // what it holds, for the ship form
	To       []party    // who it can ship to
}

// manufacturerPages mounts the manufacturer's pages under /manufacturer (sign-in and CSRF already checked).
func (s *Server) manufacturerPages(r chi.Router) {
	r.Get("/", func(w http.ResponseWriter, r *http.Request) { s.manufacturerRender(w, r, http.StatusOK, emptyForm()) })
	r.Post("/products", s.manufacturerProduct)
	r.Post("/batches", s.manufacturerBatch)
	r.Get("/batches/{batchID}/progress", s.batchProgressPage)
	r.Get("/batches/{batchID}/progress.json", s.batchProgressJSON)
	r.Get("/batches/{batchID}/labels.pdf", s.manufacturerLabels)
	r.Post("/ship", func(w http.ResponseWriter, r *http.Request) {
		s.shipForm(w, r, "/manufacturer", func(st int, fv formView) { s.manufacturerRender(w, r, st, fv) })
	})
	r.Post("/recall", s.manufacturerRecall)
}

func (s *Server) manufacturerRender(w http.ResponseWriter, r *http.Request, status int, fv formView) {
	ctx := r.Context()
	a, _ := pageActor(r)
	v := manufacturerView{F: fv}
	me := strings.ToLower(a.Account.Hex())
	err := s.opts.DB.SelectContext(ctx, &v.Products, s.opts.DB.Rebind(`SELECT gtin, owner, name, strength, form, pack_size
		FROM products
		WHERE owner = ?
		ORDER BY name, gtin`), me)
	if err != nil {
		s.pageFailed(w, r, "list products", err)
		return
	}
	names := map[string]string{}
	for _, p := range v.Products {
		names[p.GTIN] = p.Name + " " + p.Strength + " " + p.Form
	}
	all, err := s.opts.Store.Batches(ctx)
	if err != nil {
		s.pageFailed(w, r, "list batches", err)
		return
	}
	if v.Stock, err = s.stock(ctx, a, names); err != nil {
		s.pageFailed(w, r, "list stock", err)
		return
	}
	held := map[string]int64{}
	for _, b := range v.Stock {
		held[b.BatchID] = b.Held
	}
	for _, b := range all {
		if strings.EqualFold(b.Manufacturer, me) {
			v.Batches = append(v.Batches, batchRow{Batch: b, Product: s.describe(ctx, names, b.GTIN), Held: held[b.BatchID]})
		}
	}
	_, list, err := s.directory(ctx)
	if err != nil {
		s.pageFailed(w, r, "read participants", err)
		return
	}
	v.To = recipients(list, a, chain.RoleDistributor.String(), chain.RolePharmacy.String())
	s.render(w, r, status, "manufacturer", pageData{Title: "Products and batches", Data: v})
}

func (s *Server) manufacturerProduct(w http.ResponseWriter, r *http.Request) {
	a, _ := pageActor(r)
	p := actions.NewProduct{GTIN: strings.TrimSpace(r.PostFormValue("gtin")), Name: r.PostFormValue("name"),
		Strength: r.PostFormValue("strength"), Form: r.PostFormValue("form")}
	var err error
	if n, perr := strconv.ParseUint(strings.TrimSpace(r.PostFormValue("packSize")), 10, 32); perr != nil || n == 0 {
		err = invalidField("packSize", "Give the number of units in a pack (at least 1).")
	} else {
		p.PackSize = uint32(n)
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.WriteTimeout)
		defer cancel()
		_, err = s.opts.Actions.RegisterProduct(ctx, a, p)
	}
	s.afterPost(w, r, err, "/manufacturer", "Product "+p.GTIN+" registered.", "product", nil,
		func(st int, fv formView) { s.manufacturerRender(w, r, st, fv) })
}

// manufacturerBatch registers a batch from the form: a count of serials to generate, or a CSV
// of serials. The registration runs on its own context, so a large batch goes on publishing
// its packs after the browser has been sent to the progress page.
func (s *Server) manufacturerBatch(w http.ResponseWriter, r *http.Request) {
	a, _ := pageActor(r)
	nb := actions.NewBatch{GTIN: strings.TrimSpace(r.FormValue("gtin")), Lot: strings.TrimSpace(r.FormValue("lot")),
		Expiry: strings.TrimSpace(r.FormValue("expiry"))}
	render := func(st int, fv formView) { s.manufacturerRender(w, r, st, fv) }
	fail := func(err error) { s.afterPost(w, r, err, "/manufacturer", "", "batch", nil, render) }
	if f, _, err := r.FormFile("serials"); err == nil {
		serials, err := readSerialsCSV(f)
		f.Close()
		if err != nil {
			fail(invalidField("serials", "The serials file is not a CSV of one serial a line."))
			return
		}
		nb.Serials = serials
	}
	if len(nb.Serials) == 0 {
		n, err := strconv.Atoi(strings.TrimSpace(r.FormValue("count")))
		if err != nil || n < 1 {
			fail(invalidField("count", "Give the number of packs, or upload a CSV of serials."))
			return
		}
		nb.Count = n
	}
	var batchID string
	if g, err := gs1.ParseGTIN(nb.GTIN); err == nil {
		n, _ := strconv.ParseUint(string(g), 10, 64)
		batchID = chain.BatchID(n, nb.Lot).Hex()
	}

	sent := make(chan struct{}, 1)
	done := make(chan error, 1)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), s.opts.WriteTimeout)
	ctx = chain.OnSent(ctx, func(*types.Transaction) {
		select {
		case sent <- struct{}{}:
		default:
		}
	})
	go func() {
		defer cancel()
		_, err := s.opts.Actions.RegisterBatch(ctx, a, nb, func(done, total int) {
			s.log.InfoContext(ctx, "publishing pack ids", "gtin", nb.GTIN, "lot", nb.Lot, "done", done, "total", total)
		})
		done <- err
	}()
	ok := fmt.Sprintf("Batch %s registered.", nb.Lot)
	select {
	case err := <-done: // refused before anything was sent, or quick
		s.afterPost(w, r, err, "/manufacturer", ok, "batch", nil, render)
		return
	case <-sent:
	}
	select {
	case err := <-done:
		s.afterPost(w, r, err, "/manufacturer", ok, "batch", nil, render)
	case <-time.After(batchAnswerWait):
		go func() {
			if err := <-done; err != nil && !errors.Is(err, actions.ErrNotIndexed) {
				s.log.Warn("background batch registration failed", "gtin", nb.GTIN, "lot", nb.Lot, "err", err)
			}
		}()
		http.Redirect(w, r, "/manufacturer/batches/"+batchID+"/progress", http.StatusSeeOther)
	}
}

// batchProgress is how far a batch's pack publication has got, read from the mirror (so it is
// the same on every replica, and survives a restart: sending the form again resumes).
type batchProgress struct {
	BatchID    string `json:"batchId"`
	Lot        string `json:"lot,omitempty"`
	Registered bool   `json:"registered"`
	Published  uint64 `json:"published"`
	Quantity   uint64 `json:"quantity"`
	Done       bool   `json:"done"`
}

func (s *Server) progressOf(ctx context.Context, a actions.Actor, id string) (batchProgress, error) {
	p := batchProgress{BatchID: id}
	if !isHash(id) {
		return p, &Error{Code: ENotFound, Message: "No such batch."}
	}
	b, err := s.opts.Store.Batch(ctx, common.HexToHash(id))
	if errors.Is(err, indexer.ErrNotFound) {
		return p, nil // its registration is not mined yet
	}
	if err != nil {
		return p, err
	}
	if !strings.EqualFold(b.Manufacturer, a.Account.Hex()) {
		return p, &Error{Code: "not_batch_manufacturer", Message: "Only the batch's manufacturer can do this."}
	}
	p.Lot, p.Registered, p.Published, p.Quantity = b.Lot, true, b.Published, b.Quantity
	p.Done = b.Published >= b.Quantity
	return p, nil
}

func (s *Server) batchProgressPage(w http.ResponseWriter, r *http.Request) {
	a, _ := pageActor(r)
	p, err := s.progressOf(r.Context(), a, chi.URLParam(r, "batchID"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if !p.Done {
		// A refresh without JavaScript; roles.js polls progress.json instead when it runs.
		w.Header().Set("Refresh", "5")
	}
	s.render(w, r, http.StatusOK, "manufacturer_progress", pageData{Title: "Publishing packs", Data: p})
}

func (s *Server) batchProgressJSON(w http.ResponseWriter, r *http.Request) {
	a, _ := pageActor(r)
	p, err := s.progressOf(r.Context(), a, chi.URLParam(r, "batchID"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(p)
}

// manufacturerLabels streams the batch's label sheet for the signed-in manufacturer: the API's
// labelSheet, run as the page's participant.
func (s *Server) manufacturerLabels(w http.ResponseWriter, r *http.Request) {
	a, _ := pageActor(r)
	p, err := s.progressOf(r.Context(), a, chi.URLParam(r, "batchID"))
	if err == nil && !p.Registered {
		err = &Error{Code: ENotFound, Message: "No such batch."}
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.labelSheet(w, r.WithContext(context.WithValue(r.Context(), actorKey, a)))
}

func (s *Server) manufacturerRecall(w http.ResponseWriter, r *http.Request) {
	a, _ := pageActor(r)
	id := strings.TrimSpace(r.PostFormValue("batchId"))
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.WriteTimeout)
	defer cancel()
	_, err := s.opts.Actions.Recall(ctx, a, id, r.PostFormValue("reason"))
	s.afterPost(w, r, err, "/manufacturer", "Batch recalled: it can no longer be dispensed or shipped.", "recall", nil,
		func(st int, fv formView) { s.manufacturerRender(w, r, st, fv) })
}

// shipForm ships units of a batch (manufacturer or wholesaler).
func (s *Server) shipForm(w http.ResponseWriter, r *http.Request, back string, render func(int, formView)) {
	a, _ := pageActor(r)
	var err error
	var id uint64
	qty, perr := strconv.ParseUint(strings.TrimSpace(r.PostFormValue("quantity")), 10, 32)
	if perr != nil || qty == 0 {
		err = invalidField("quantity", "Give a number of units (at least 1).")
	} else {
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.WriteTimeout)
		defer cancel()
		id, _, err = s.opts.Actions.Ship(ctx, a, r.PostFormValue("batchId"), r.PostFormValue("to"), uint32(qty))
	}
	s.afterPost(w, r, err, back, fmt.Sprintf("Shipment %d sent: %d units, waiting for the receiver.", id, qty), "ship", nil, render)
}

// pageError renders an error page with the status the API would answer.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	e, known := errorCode(err)
	status, ok := statusOf[e.Code]
	if !known || !ok {
		s.pageFailed(w, r, "page", err)
		return
	}
	s.render(w, r, status, "error", pageData{Title: "Not possible", Error: e})
}

func isHash(s string) bool {
	if len(s) != 66 || !strings.HasPrefix(s, "0x") {
		return false
	}
	for _, c := range s[2:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
