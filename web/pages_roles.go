package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/actions"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/indexer"
)

// What the four role sections (pharmacy, manufacturer, wholesaler, regulator) share: a form
// posted and refused is re-rendered with what was typed and the API's message next to its
// field; a form that succeeds redirects back (303) with a one-line flash.

// formView carries a refused form's values and errors back into its page. Keys are
// "form.field" (several forms on one page have a gtin or a quantity field).
type formView struct {
	Values map[string]string
	Errs   map[string]string
	Top    map[string]string // form -> a message not about one field
}

// V is the value typed into form.field, to fill the field again.
func (f formView) V(key string) string { return f.Values[key] }

// E is the error for form.field ("" if none).
func (f formView) E(key string) string { return f.Errs[key] }

// T is the error of a whole form ("" if none).
func (f formView) T(form string) string { return f.Top[form] }

func emptyForm() formView {
	return formView{Values: map[string]string{}, Errs: map[string]string{}, Top: map[string]string{}}
}

// formFrom keeps the posted values of form (everything but the CSRF token).
func formFrom(r *http.Request, form string) formView {
	fv := emptyForm()
	for k, v := range r.PostForm {
		if k != "csrf" && len(v) > 0 {
			fv.Values[form+"."+k] = v[0]
		}
	}
	return fv
}

// afterPost ends a form post: on success (or mined but not yet mirrored: the write happened)
// a 303 back to the page with a flash; on a refusal the page again, with the status the API
// would have answered and the message next to its field, or at the top of the form.
// fields renames an API field to the form's input name where they differ.
func (s *Server) afterPost(w http.ResponseWriter, r *http.Request, err error, back, ok, form string,
	fields map[string]string, render func(status int, fv formView)) {
	if err == nil || errors.Is(err, actions.ErrNotIndexed) {
		if err != nil {
			ok += " The mirror is catching up: lists may show it in a moment."
		}
		redirectOK(w, r, back, ok)
		return
	}
	e, known := errorCode(err)
	status, ok2 := statusOf[e.Code]
	if !known || !ok2 {
		status = http.StatusInternalServerError
		s.log.ErrorContext(r.Context(), "page form failed", "path", r.URL.Path, "form", form, "err", err)
	}
	fv := formFrom(r, form)
	field := e.Field
	if f, ok := fields[field]; ok {
		field = f
	}
	if field != "" {
		fv.Errs[form+"."+field] = e.Message
	} else {
		fv.Top[form] = e.Message
	}
	render(status, fv)
}

// redirectOK sends the browser back to a page with a flash message.
func redirectOK(w http.ResponseWriter, r *http.Request, back, msg string) {
	sep := "?"
	if strings.Contains(back, "?") {
		sep = "&"
	}
	http.Redirect(w, r, back+sep+"ok="+url.QueryEscape(msg), http.StatusSeeOther)
}

// invalidField is a form value refused by the page itself, before the write service sees it.
func invalidField(field, msg string) error {
	return &Error{Code: EInvalid, Field: field, Message: msg}
}

// party is a participant as the pages name it.
type party struct {
	Address string
	Name    string
	Role    string
	GLN     string
	Active  bool
}

// directory is every participant by lower-case address, for naming senders and receivers.
type directory map[string]party

func (s *Server) directory(ctx context.Context) (directory, []party, error) {
	ps, err := s.opts.Store.Participants(ctx)
	if err != nil {
		return nil, nil, err
	}
	d := directory{}
	list := make([]party, 0, len(ps))
	for _, p := range ps {
		pp := party{Address: p.Address, Name: p.Name, Role: p.Role, GLN: p.GLN, Active: p.Active}
		d[strings.ToLower(p.Address)] = pp
		list = append(list, pp)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	return d, list, nil
}

// name is a participant's name, or its shortened address when the mirror does not know it.
func (d directory) name(addr string) string {
	if p, ok := d[strings.ToLower(addr)]; ok {
		return p.Name
	}
	if len(addr) > 12 {
		return addr[:8] + "…" + addr[len(addr)-4:]
	}
	return addr
}

// recipients are the active participants a shipment from a may go to (not a itself).
func recipients(list []party, a actions.Actor, roles ...string) []party {
	var out []party
	for _, p := range list {
		if !p.Active || strings.EqualFold(p.Address, a.Account.Hex()) {
			continue
		}
		for _, r := range roles {
			if p.Role == r {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// batchRow is a batch with its product, as the role pages list it.
type batchRow struct {
	indexer.Batch
	Product  string // name, strength and form
	Held     int64  // units the signed-in participant holds
	Shipment uint64
	From     string
	Units    uint64 // of the shipment, when listing shipments
}

// describe names a batch's product; a product the mirror does not know is shown by its GTIN.
func (s *Server) describe(ctx context.Context, cache map[string]string, gtin string) string {
	if v, ok := cache[gtin]; ok {
		return v
	}
	name := gtin
	if p, err := s.opts.Store.Product(ctx, gtin); err == nil {
		name = p.Name + " " + p.Strength + " " + p.Form
	}
	cache[gtin] = name
	return name
}

// stock lists what holder holds, batch by batch, with the product's name.
func (s *Server) stock(ctx context.Context, holder actions.Actor, names map[string]string) ([]batchRow, error) {
	hs, err := s.opts.Store.HoldingsOf(ctx, holder.Account)
	if err != nil {
		return nil, err
	}
	var out []batchRow
	for _, h := range hs {
		if h.Quantity <= 0 {
			continue
		}
		b, err := s.opts.Store.Batch(ctx, common.HexToHash(h.BatchID))
		if err != nil {
			return nil, err
		}
		out = append(out, batchRow{Batch: b, Product: s.describe(ctx, names, b.GTIN), Held: h.Quantity})
	}
	return out, nil
}

// incoming lists the shipments waiting for the participant to receive or reject them.
func (s *Server) incoming(ctx context.Context, a actions.Actor, d directory, names map[string]string) ([]batchRow, error) {
	shs, err := s.opts.Store.PendingFor(ctx, a.Account)
	if err != nil {
		return nil, err
	}
	out := make([]batchRow, 0, len(shs))
	for _, sh := range shs {
		b, err := s.opts.Store.Batch(ctx, common.HexToHash(sh.BatchID))
		if err != nil {
			return nil, err
		}
		out = append(out, batchRow{Batch: b, Product: s.describe(ctx, names, b.GTIN), Shipment: sh.ShipmentID,
			From: d.name(sh.Sender), Units: sh.Quantity})
	}
	return out, nil
}

// shipmentAction reads the receive / reject / cancel of a shipment form.
func shipmentAction(v string) (actions.ShipmentAction, bool) {
	switch a := actions.ShipmentAction(v); a {
	case actions.Receive, actions.Reject, actions.Cancel:
		return a, true
	}
	return "", false
}

// roleName is how the pages name a role to people.
func roleName(role string) string {
	if role == chain.RoleDistributor.String() {
		return "wholesaler"
	}
	return role
}
