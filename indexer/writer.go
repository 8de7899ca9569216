package indexer

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// writer runs the projection's statements inside one transaction, preparing each distinct
// query once per transaction: a backfill range runs the same few statements thousands of
// times, and SQLite would otherwise parse each one every time.
type writer struct {
	tx    *sqlx.Tx
	stmts map[string]*sql.Stmt
}

func newWriter(tx *sqlx.Tx) *writer { return &writer{tx: tx, stmts: map[string]*sql.Stmt{}} }

// exec runs query (written with ? placeholders) with args.
func (w *writer) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, ok := w.stmts[query]
	if !ok {
		var err error
		st, err = w.tx.PrepareContext(ctx, w.tx.Rebind(query))
		if err != nil {
			return nil, fmt.Errorf("prepare %q: %w", firstLine(query), err)
		}
		w.stmts[query] = st
	}
	return st.ExecContext(ctx, args...)
}

// close releases the prepared statements; the transaction's end would too, but not at once.
func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}
