package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/pharmatrace/pharmatrace/actions"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/verify"
)

// chartDays is how many days the regulator's chart covers, today included.
const chartDays = 30

// regulatorView is the regulator's page: participants, recalls, the alert queue and the chart.
type regulatorView struct {
	F            formView
	Participants []party
	Me           string
	Recalled     []batchRow
	Batches      []batchRow // not recalled, for the recall form
	Alerts       []verify.StoredAlert
	AlertState   string // the queue's filter: "" (open and investigating), or a state, or "all"
	Chart        chart
}

// chart is the verifications and alerts per day, laid out for an inline SVG: the page's
// template only places what is computed here.
type chart struct {
	Days          []chartDay
	Width, Height int
	Base          int // y of the axis
	LabelY        int // y of the day labels
	TotalScans    int
	TotalAlerts   int
	Max           int
}

type chartDay struct {
	Date                    string
	Label                   string // shown under every fifth day
	Scans, Alerts           int
	X, XA                   int // x of the scans bar and of the alerts bar
	ScanY, ScanH            int
	AlertY, AlertH          int
	LabelX                  int
	TitleScans, TitleAlerts string
}

// regulatorPages mounts the regulator's pages under /regulator (sign-in and CSRF already checked).
func (s *Server) regulatorPages(r chi.Router) {
	r.Get("/", func(w http.ResponseWriter, r *http.Request) { s.regulatorRender(w, r, http.StatusOK, emptyForm()) })
	r.Post("/participants", s.regulatorRegister)
	r.Post("/participants/{account}/deactivate", s.regulatorDeactivate)
	r.Post("/recall", s.regulatorRecall)
	r.Post("/alerts/{alertID}", s.regulatorAlert)
}

func (s *Server) regulatorRender(w http.ResponseWriter, r *http.Request, status int, fv formView) {
	ctx := r.Context()
	a, _ := pageActor(r)
	v := regulatorView{F: fv, Me: strings.ToLower(a.Account.Hex()), AlertState: r.URL.Query().Get("alerts")}
	var err error
	if _, v.Participants, err = s.directory(ctx); err != nil {
		s.pageFailed(w, r, "read participants", err)
		return
	}
	all, err := s.opts.Store.Batches(ctx)
	if err != nil {
		s.pageFailed(w, r, "list batches", err)
		return
	}
	names := map[string]string{}
	for _, b := range all {
		row := batchRow{Batch: b, Product: s.describe(ctx, names, b.GTIN)}
		if b.Recalled {
			v.Recalled = append(v.Recalled, row)
		} else if len(v.Batches) < 500 {
			v.Batches = append(v.Batches, row)
		}
	}
	state := v.AlertState
	switch state {
	case verify.AlertOpen, verify.AlertInvestigating, verify.AlertClosed:
	case "all":
		state = ""
	default:
		v.AlertState, state = "", ""
	}
	alerts, err := verify.ListAlerts(ctx, s.opts.DB, state, 200)
	if err != nil {
		s.pageFailed(w, r, "list alerts", err)
		return
	}
	for _, al := range alerts {
		if v.AlertState == "" && al.State == verify.AlertClosed {
			continue // the default queue is what still needs someone
		}
		v.Alerts = append(v.Alerts, al)
	}
	if v.Chart, err = s.activityChart(ctx, s.opts.Now()); err != nil {
		s.pageFailed(w, r, "chart activity", err)
		return
	}
	s.render(w, r, status, "regulator", pageData{Title: "Oversight", Data: v})
}

// activityChart counts verifications (svc_scans) and alerts (svc_alerts) per UTC day over the
// last chartDays days. Both tables have an index on their time column.
func (s *Server) activityChart(ctx context.Context, now time.Time) (chart, error) {
	today := now.UTC().Unix() / 86400
	first := today - chartDays + 1
	count := func(table, col string) (map[int64]int, error) {
		var rows []struct {
			Day int64 `db:"day"`
			N   int   `db:"n"`
		}
		q := fmt.Sprintf(`SELECT %[2]s / 86400 AS day, COUNT(*) AS n
			FROM %[1]s
			WHERE %[2]s >= ?
			GROUP BY %[2]s / 86400`, table, col)
		if err := s.opts.DB.SelectContext(ctx, &rows, s.opts.DB.Rebind(q), first*86400); err != nil {
			return nil, fmt.Errorf("count %s per day: %w", table, err)
		}
		m := map[int64]int{}
		for _, r := range rows {
			m[r.Day] = r.N
		}
		return m, nil
	}
	scans, err := count("svc_scans", "scanned_at")
	if err != nil {
		return chart{}, err
	}
	alerts, err := count("svc_alerts", "created_at")
	if err != nil {
		return chart{}, err
	}
	const slot, bar, top, plot = 20, 8, 10, 160
	c := chart{Width: chartDays*slot + 40, Height: top + plot + 30, Base: top + plot, LabelY: top + plot + 16}
	for d := first; d <= today; d++ {
		c.Max = max(c.Max, scans[d], alerts[d])
		c.TotalScans += scans[d]
		c.TotalAlerts += alerts[d]
	}
	scale := func(n int) int {
		if c.Max == 0 || n == 0 {
			return 0
		}
		return max(1, n*plot/c.Max)
	}
	for i := range chartDays {
		d := first + int64(i)
		day := time.Unix(d*86400, 0).UTC()
		cd := chartDay{Date: day.Format(time.DateOnly), Scans: scans[d], Alerts: alerts[d], X: 30 + i*slot + 1, LabelX: 30 + i*slot + slot/2}
		cd.XA = cd.X + bar + 1
		cd.ScanH, cd.AlertH = scale(cd.Scans), scale(cd.Alerts)
		cd.ScanY, cd.AlertY = c.Base-cd.ScanH, c.Base-cd.AlertH
		if i%5 == 4 || i == chartDays-1 {
			cd.Label = day.Format("Jan 2")
		}
		cd.TitleScans = fmt.Sprintf("%s: %d verifications", cd.Date, cd.Scans)
		cd.TitleAlerts = fmt.Sprintf("%s: %d alerts", cd.Date, cd.Alerts)
		c.Days = append(c.Days, cd)
	}
	return c, nil
}

func (s *Server) regulatorRegister(w http.ResponseWriter, r *http.Request) {
	a, _ := pageActor(r)
	p := actions.NewParticipant{Account: strings.TrimSpace(r.PostFormValue("account")), Role: r.PostFormValue("role"),
		GLN: strings.TrimSpace(r.PostFormValue("gln")), Name: r.PostFormValue("name")}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.WriteTimeout)
	defer cancel()
	_, err := s.opts.Actions.RegisterParticipant(ctx, a, p)
	if err != nil {
		// The contract's refusals name no field; these two belong to one.
		switch {
		case errors.Is(err, chain.ErrAlreadyRegistered):
			err = invalidFieldCode("already_registered", "account", "This account is already a participant.")
		case errors.Is(err, chain.ErrGLNInUse):
			err = invalidFieldCode("gln_in_use", "gln", "Another participant already has this GLN.")
		}
	}
	s.afterPost(w, r, err, "/regulator", strings.TrimSpace(p.Name)+" registered as a "+roleName(strings.ToLower(p.Role))+".", "participant", nil,
		func(st int, fv formView) { s.regulatorRender(w, r, st, fv) })
}

// invalidFieldCode is a known refusal (its code keeps the API's status) tied to a field.
func invalidFieldCode(code, field, msg string) error {
	return &Error{Code: code, Field: field, Message: msg}
}

func (s *Server) regulatorDeactivate(w http.ResponseWriter, r *http.Request) {
	a, _ := pageActor(r)
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.WriteTimeout)
	defer cancel()
	_, err := s.opts.Actions.DeactivateParticipant(ctx, a, chi.URLParam(r, "account"))
	s.afterPost(w, r, err, "/regulator", "Participant deactivated.", "participants", nil,
		func(st int, fv formView) { s.regulatorRender(w, r, st, fv) })
}

// regulatorRecall recalls a batch named by its id, or by GTIN and lot (what is printed on the pack).
func (s *Server) regulatorRecall(w http.ResponseWriter, r *http.Request) {
	a, _ := pageActor(r)
	id := strings.TrimSpace(r.PostFormValue("batchId"))
	var err error
	if id == "" {
		gtin, lot := strings.TrimSpace(r.PostFormValue("gtin")), strings.TrimSpace(r.PostFormValue("lot"))
		g, gerr := gs1.ParseGTIN(gtin)
		switch {
		case gerr != nil:
			err = invalidField("gtin", "Choose a batch, or give its GTIN and lot: "+gerr.Error()+".")
		case lot == "":
			err = invalidField("lot", "Give the batch's lot.")
		default:
			n, _ := strconv.ParseUint(string(g), 10, 64)
			id = chain.BatchID(n, lot).Hex()
		}
	}
	if err == nil {
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.WriteTimeout)
		defer cancel()
		_, err = s.opts.Actions.Recall(ctx, a, id, r.PostFormValue("reason"))
	}
	s.afterPost(w, r, err, "/regulator", "Batch recalled.", "recall", nil,
		func(st int, fv formView) { s.regulatorRender(w, r, st, fv) })
}

// regulatorAlert moves an alert along its queue.
func (s *Server) regulatorAlert(w http.ResponseWriter, r *http.Request) {
	id, state := chi.URLParam(r, "alertID"), r.PostFormValue("state")
	err := verify.SetAlertState(r.Context(), s.opts.DB, id, state, s.opts.Now())
	switch {
	case errors.Is(err, verify.ErrAlertNotFound):
		err = errorf(ENotFound, "No such alert.")
	case errors.Is(err, verify.ErrAlertTransition):
		err = errorf(EConflict, "An alert moves open → investigating → closed, and closed is final.")
	}
	s.afterPost(w, r, err, "/regulator", "Alert "+state+".", "alerts", nil,
		func(st int, fv formView) { s.regulatorRender(w, r, st, fv) })
}
