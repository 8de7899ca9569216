package verify

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/pharmatrace/pharmatrace/indexer"
)

// Alert states: open when raised, investigating while someone looks into it, closed at the end.
const (
	AlertOpen          = "open"
	AlertInvestigating = "investigating"
	AlertClosed        = "closed"
)

// ErrAlertNotFound and ErrAlertTransition are the refusals of SetAlertState.
var (
	ErrAlertNotFound   = errors.New("no such alert")
	ErrAlertTransition = errors.New("alert state change not allowed")
)

// allowed lists the moves an alert may make; closed is final.
var allowed = map[string][]string{
	AlertOpen:          {AlertInvestigating, AlertClosed},
	AlertInvestigating: {AlertClosed},
}

// StoredAlert is an alert as kept in svc_alerts.
type StoredAlert struct {
	ID        string `db:"alert_id" json:"id"`
	Code      string `db:"code" json:"code"`
	NMVSCode  string `db:"nmvs_code" json:"nmvsCode,omitempty"`
	Message   string `db:"message" json:"message"`
	State     string `db:"state" json:"state"`
	CreatedAt int64  `db:"created_at" json:"createdAt"`
	UpdatedAt int64  `db:"updated_at" json:"updatedAt"`
	BatchID   string `db:"batch_id" json:"batchId,omitempty"`
	PackID    string `db:"pack_id" json:"packId,omitempty"`
	GTIN      string `db:"gtin" json:"gtin,omitempty"`
	Lot       string `db:"lot" json:"lot,omitempty"`
	Serial    string `db:"serial" json:"serial,omitempty"`
	Scanner   string `db:"scanner" json:"scanner,omitempty"`
	Details   string `db:"details" json:"details"`
}

// ListAlerts returns alerts newest first; state "" lists every state.
func ListAlerts(ctx context.Context, db *indexer.DB, state string, limit int) ([]StoredAlert, error) {
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	q := `SELECT alert_id, code, nmvs_code, message, state, created_at, updated_at, batch_id, pack_id, gtin, lot, serial, scanner, details
		FROM svc_alerts WHERE (? = '' OR state = ?) ORDER BY created_at DESC, alert_id LIMIT ?`
	var out []StoredAlert
	if err := db.SelectContext(ctx, &out, db.Rebind(q), state, state, limit); err != nil {
		return nil, fmt.Errorf("list alerts: %w", err)
	}
	return out, nil
}

// SetAlertState moves an alert: open → investigating → closed (or open → closed directly).
func SetAlertState(ctx context.Context, db *indexer.DB, id, state string, now time.Time) error {
	var current string
	err := db.GetContext(ctx, &current, db.Rebind(`SELECT state FROM svc_alerts WHERE alert_id = ?`), id)
	if indexer.IsNoRows(err) {
		return fmt.Errorf("alert %s: %w", id, ErrAlertNotFound)
	}
	if err != nil {
		return fmt.Errorf("read alert %s: %w", id, err)
	}
	ok := false
	for _, s := range allowed[current] {
		ok = ok || s == state
	}
	if !ok {
		return fmt.Errorf("alert %s from %s to %q: %w", id, current, state, ErrAlertTransition)
	}
	// The state in the WHERE clause makes two concurrent moves from the same state end with one winner.
	res, err := db.ExecContext(ctx, db.Rebind(`UPDATE svc_alerts SET state = ?, updated_at = ? WHERE alert_id = ? AND state = ?`), state, now.Unix(), id, current)
	if err != nil {
		return fmt.Errorf("update alert %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("alert %s changed meanwhile: %w", id, ErrAlertTransition)
	}
	return nil
}

// Alerts raised by refused operations rather than by scans (EU NMVS PCK_20, PCK_21).
const (
	AlertUndoAfterWindow = "UNDO_AFTER_WINDOW" // [PCK_20] undo after the 10 days
	AlertUndoByOther     = "UNDO_BY_OTHER"     // [PCK_21] undo by another participant than the one that decommissioned
)

// Raised is an alert raised outside a verification: a refused operation.
type Raised struct {
	Code, Message     string
	BatchID, PackID   string
	GTIN, Lot, Serial string
	Scanner           string // the participant whose operation was refused
	Details           string // JSON, "{}" if empty
}

// RaiseAlert stores an open alert and returns its id.
func RaiseAlert(ctx context.Context, db *indexer.DB, a Raised, now time.Time) (string, error) {
	nmvs := map[string]string{AlertUndoAfterWindow: "PCK_20", AlertUndoByOther: "PCK_21"}[a.Code]
	if nmvs == "" {
		nmvs = NMVSCode(a.Code)
	}
	if a.Details == "" {
		a.Details = "{}"
	}
	id := newID()
	_, err := db.ExecContext(ctx, db.Rebind(`INSERT INTO svc_alerts (alert_id, code, nmvs_code, message, state, created_at, updated_at,
		batch_id, pack_id, gtin, lot, serial, scanner, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		id, a.Code, nmvs, a.Message, AlertOpen, now.Unix(), now.Unix(), a.BatchID, a.PackID, a.GTIN, a.Lot, a.Serial, a.Scanner, a.Details)
	if err != nil {
		return "", fmt.Errorf("raise alert %s: %w", a.Code, err)
	}
	return id, nil
}
