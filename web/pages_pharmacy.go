package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/go-chi/chi/v5"

	"github.com/pharmatrace/pharmatrace/actions"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/verify"
)

// undoWindow is how long after dispensing a pharmacy may put a pack back (EU FMD: 10 days).
const undoWindow = 10 * 24 * time.Hour

// pharmacyView is the scan station: the last scan's verdict, what can be done with the pack,
// today's dispensed packs and the shipments waiting to be received.
type pharmacyView struct {
	F           formView
	Code        string         // what the scanner typed
	Resolved    string         // the code as verified (Code, or its GS-restored element string)
	Result      *verify.Result // nil before a scan
	CanDispense bool
	CanUndo     bool
	Today       []dispensedRow
	Pending     []batchRow
}

// dispensedRow is a pack this pharmacy decommissioned today.
type dispensedRow struct {
	GTIN, Lot, Serial string
	Reason            string
	At                int64
	Code              string // element string in the human-readable form, for the undo button
	CanUndo           bool
}

// pharmacyPages mounts the pharmacy's pages under /pharmacy (sign-in and CSRF already checked).
func (s *Server) pharmacyPages(r chi.Router) {
	r.Get("/", s.pharmacyHome)
	r.Post("/dispense", s.pharmacyDispense)
	r.Post("/undo", s.pharmacyUndo)
	r.Post("/shipments/{shipmentID}", s.pharmacyShipment)
}

// pharmacyHome is the scan station; ?code= is a scan (the form is a GET, so the scanner's Enter
// submits it without JavaScript and the verdict comes back on the same page).
func (s *Server) pharmacyHome(w http.ResponseWriter, r *http.Request) {
	s.pharmacyRender(w, r, http.StatusOK, r.URL.Query().Get("code"), emptyForm(), nil)
}

// pharmacyRender builds and renders the scan station. code is scanned (verified and logged) when
// not empty; refused, when set, is the verification that refused a dispense, shown instead of a
// new scan.
func (s *Server) pharmacyRender(w http.ResponseWriter, r *http.Request, status int, code string, fv formView, refused *verify.Result) {
	ctx := r.Context()
	a, _ := pageActor(r)
	v := pharmacyView{F: fv, Code: code}
	now := s.opts.Now()
	if strings.TrimSpace(code) != "" {
		v.Resolved = s.restoreGS(ctx, code)
		res := refused
		if res == nil {
			got, err := s.opts.Verifier.Verify(ctx, v.Resolved, verify.Scanner{Participant: a.Account, Client: s.clientKey(r)})
			if err != nil {
				s.pageFailed(w, r, "verify a scan", err)
				return
			}
			if s.opts.Recorder != nil {
				s.opts.Recorder.Record(ctx, got)
			}
			res = &got
		}
		v.Result = res
		v.CanDispense = res.Verdict == verify.Authentic
		v.CanUndo = dispensedBy(res.Pack, a, now)
	}
	var err error
	if v.Today, err = s.dispensedToday(ctx, a, now); err != nil {
		s.pageFailed(w, r, "list today's decommissions", err)
		return
	}
	d, _, err := s.directory(ctx)
	if err != nil {
		s.pageFailed(w, r, "read participants", err)
		return
	}
	if v.Pending, err = s.incoming(ctx, a, d, map[string]string{}); err != nil {
		s.pageFailed(w, r, "list incoming shipments", err)
		return
	}
	s.render(w, r, status, "pharmacy", pageData{Title: "Scan station", Data: v})
}

// dispensedBy says whether a was the one who dispensed the pack, within the undo window.
func dispensedBy(p *verify.Pack, a actions.Actor, now time.Time) bool {
	return p != nil && p.State == indexer.PackDecommissioned && p.Reason == chain.ReasonSupplied.String() &&
		p.DecommissionedBy != nil && strings.EqualFold(p.DecommissionedBy.Address, a.Account.Hex()) &&
		p.DecommissionedAt != nil && now.Sub(*p.DecommissionedAt) < undoWindow
}

func (s *Server) pharmacyDispense(w http.ResponseWriter, r *http.Request) {
	a, _ := pageActor(r)
	code := r.PostFormValue("code")
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.WriteTimeout)
	defer cancel()
	res, err := s.opts.Actions.Decommission(ctx, a, []string{code}, chain.ReasonSupplied.String(), s.clientKey(r))
	msg := "Dispensed."
	if err == nil && len(res.Packs) == 1 && res.Packs[0].Status == "already" {
		msg = "Already dispensed by you: nothing more was recorded."
	}
	back := "/pharmacy?code=" + url.QueryEscape(code)
	s.afterPost(w, r, err, back, msg, "dispense", map[string]string{"codes": "code"}, func(status int, fv formView) {
		var refused *actions.RefusedError
		var shown *verify.Result
		if errors.As(err, &refused) {
			shown = &refused.Result
		}
		s.pharmacyRender(w, r, status, code, fv, shown)
	})
}

func (s *Server) pharmacyUndo(w http.ResponseWriter, r *http.Request) {
	a, _ := pageActor(r)
	code := r.PostFormValue("code")
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.WriteTimeout)
	defer cancel()
	_, _, err := s.opts.Actions.Undo(ctx, a, code)
	s.afterPost(w, r, err, "/pharmacy?code="+url.QueryEscape(code), "Dispense undone: the pack is active again.", "undo", nil, func(status int, fv formView) {
		s.pharmacyRender(w, r, status, code, fv, nil) // the pack's state beside the refusal
	})
}

// pharmacyShipment receives or rejects an incoming shipment.
func (s *Server) pharmacyShipment(w http.ResponseWriter, r *http.Request) {
	s.closeShipmentForm(w, r, "/pharmacy", func(status int, fv formView) { s.pharmacyRender(w, r, status, "", fv, nil) })
}

// closeShipmentForm runs a receive / reject / cancel form for any role.
func (s *Server) closeShipmentForm(w http.ResponseWriter, r *http.Request, back string, render func(int, formView)) {
	a, _ := pageActor(r)
	var err error
	id, perr := strconv.ParseUint(chi.URLParam(r, "shipmentID"), 10, 64)
	act, ok := shipmentAction(r.PostFormValue("action"))
	switch {
	case perr != nil:
		err = invalidField("", "Not a shipment number.")
	case !ok:
		err = invalidField("", "Choose receive or reject.")
	default:
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.WriteTimeout)
		defer cancel()
		_, err = s.opts.Actions.CloseShipment(ctx, a, id, act)
	}
	done := map[actions.ShipmentAction]string{actions.Receive: "received", actions.Reject: "rejected: the units went back to the sender", actions.Cancel: "cancelled"}[act]
	s.afterPost(w, r, err, back, fmt.Sprintf("Shipment %d %s.", id, done), "shipment", nil, render)
}

// dispensedToday lists the packs the pharmacy decommissioned since midnight (UTC). The scan log
// is the way in: its time index bounds the search to today's scans by this participant, and the
// mirror's packs table confirms each is still decommissioned by it (an undone pack drops out).
func (s *Server) dispensedToday(ctx context.Context, a actions.Actor, now time.Time) ([]dispensedRow, error) {
	if s.opts.Recorder != nil {
		// Scans are written in the background: a dispense just made must be in the list.
		fctx, cancel := context.WithTimeout(ctx, time.Second)
		s.opts.Recorder.Flush(fctx)
		cancel()
	}
	midnight := now.UTC().Truncate(24 * time.Hour).Unix()
	var rows []struct {
		GTIN   string `db:"gtin"`
		Lot    string `db:"lot"`
		Serial string `db:"serial"`
		Reason string `db:"reason"`
		At     int64  `db:"decommissioned_at"`
	}
	q := `SELECT DISTINCT s.gtin, s.lot, s.serial, p.reason, p.decommissioned_at
		FROM svc_scans s
		JOIN packs p ON p.batch_id = s.batch_id AND p.pack_id = s.pack_id
		WHERE s.scanned_at >= ?
		AND s.scanner = ?
		AND p.state = ?
		AND p.actor = ?
		AND p.decommissioned_at >= ?
		ORDER BY p.decommissioned_at DESC, s.serial
		LIMIT 500`
	err := s.opts.DB.SelectContext(ctx, &rows, s.opts.DB.Rebind(q), midnight, a.Account.Hex(), indexer.PackDecommissioned,
		strings.ToLower(a.Account.Hex()), midnight)
	if err != nil {
		return nil, fmt.Errorf("list today's decommissions: %w", err)
	}
	out := make([]dispensedRow, len(rows))
	for i, x := range rows {
		out[i] = dispensedRow{GTIN: x.GTIN, Lot: x.Lot, Serial: x.Serial, Reason: x.Reason, At: x.At,
			Code:    "(01)" + x.GTIN + "(10)" + x.Lot + "(21)" + x.Serial,
			CanUndo: now.Sub(time.Unix(x.At, 0)) < undoWindow}
	}
	return out, nil
}

// restoreGS gives back the separators a browser dropped. A keyboard-wedge scanner types the
// GS1 group separator (ASCII 29) as a control key that many browsers do not put into a text
// field, so "…10ABC123<GS>21SN1" arrives as "…10ABC12321SN1" and the lot swallows the
// serial. When an element string without any GS parses without a lot or a serial, every way
// to split it is tried, and the one whose batch and pack the mirror knows is taken. Anything
// else is returned as typed.
func (s *Server) restoreGS(ctx context.Context, input string) string {
	raw := strings.Trim(input, " \t\r\n")
	body := raw
	if len(body) > 3 && body[0] == ']' {
		body = body[3:]
	}
	if body == "" || !isDigitByte(body[0]) || strings.ContainsRune(body, gs1.GroupSeparator) {
		return input
	}
	if c, err := gs1.Parse(raw, s.opts.Now()); err == nil && c.Lot != "" && c.Serial != "" {
		if _, err := s.opts.Store.BatchByLot(ctx, string(c.GTIN), c.Lot); err == nil {
			return input
		}
	}
	for _, c := range splitElements(body) {
		if c.lot == "" || c.serial == "" || c.gtin == "" || !gs1.ValidGTIN(c.gtin) {
			continue
		}
		b, err := s.opts.Store.BatchByLot(ctx, c.gtin, c.lot)
		if err != nil {
			continue
		}
		if _, err := s.opts.Store.Pack(ctx, common.HexToHash(b.BatchID), chain.PackID(common.HexToHash(b.BatchID), c.serial)); err != nil {
			continue
		}
		out := "01" + c.gtin
		if c.expiry != "" {
			out += "17" + c.expiry
		}
		return out + "10" + c.lot + string(gs1.GroupSeparator) + "21" + c.serial
	}
	return input
}

// elementSplit is one reading of an element string whose separators were lost.
type elementSplit struct{ gtin, expiry, lot, serial string }

// splitElements lists the readings of s (AIs 01 and 17 fixed-length, 10 and 21 of 1 to 20
// characters, each at most once), at most 64 of them.
func splitElements(s string) []elementSplit {
	var out []elementSplit
	var walk func(rest string, cur elementSplit)
	walk = func(rest string, cur elementSplit) {
		if len(out) >= 64 {
			return
		}
		if rest == "" {
			out = append(out, cur)
			return
		}
		if len(rest) < 3 {
			return
		}
		ai, v := rest[:2], rest[2:]
		switch ai {
		case "01":
			if cur.gtin == "" && len(v) >= 14 && allDigits(v[:14]) {
				c := cur
				c.gtin = v[:14]
				walk(v[14:], c)
			}
		case "17":
			if cur.expiry == "" && len(v) >= 6 && allDigits(v[:6]) {
				c := cur
				c.expiry = v[:6]
				walk(v[6:], c)
			}
		case "10", "21":
			if (ai == "10" && cur.lot != "") || (ai == "21" && cur.serial != "") {
				return
			}
			for n := min(20, len(v)); n >= 1; n-- {
				c := cur
				if ai == "10" {
					c.lot = v[:n]
				} else {
					c.serial = v[:n]
				}
				walk(v[n:], c)
			}
		}
	}
	walk(s, elementSplit{})
	return out
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return true
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// pageFailed answers a page whose reads failed: logged here, a plain apology to the user.
func (s *Server) pageFailed(w http.ResponseWriter, r *http.Request, what string, err error) {
	s.log.ErrorContext(r.Context(), "page", "what", what, "path", r.URL.Path, "err", err)
	s.render(w, r, http.StatusInternalServerError, "error", pageData{Title: "Something went wrong",
		Error: errorf(EInternal, "Something went wrong on our side; it has been logged. Try again in a moment.")})
}
