package indexer

import (
	"context"
	"fmt"
	"strings"
)

// The reads behind the EPCIS export (package epcis): batch events selected by batch, time and
// name, and batches by expiry date. They live apart from store.go so the export can grow its
// queries without touching the service's.

// BatchEvent is an Event with the batch it belongs to.
type BatchEvent struct {
	BatchID string `db:"batch_id" json:"batchId"`
	Event
}

// EventFilter selects batch events. Zero fields select everything: From and To are unix
// seconds (From inclusive, To exclusive; 0 means unbounded), Names the event names to keep.
type EventFilter struct {
	BatchID string // 0x-hex batch id, as the mirror stores it; "" for every batch
	From    int64
	To      int64
	Names   []string
	Limit   int // at most this many rows (0: no limit)
}

// BatchEvents lists the events of batches that f selects, in chain order. Events of no batch
// (participants, products) are never listed.
//
// With BatchID set the events_batch index serves the query; without it, a time range scans the
// events table (no index on block_time: it is monotonic in block_number, but SQL cannot use that).
func (s *Store) BatchEvents(ctx context.Context, f EventFilter) ([]BatchEvent, error) {
	var (
		where = []string{`batch_id <> ''`}
		args  []any
	)
	if f.BatchID != "" {
		where = append(where, `batch_id = ?`)
		args = append(args, f.BatchID)
	}
	if f.From != 0 {
		where = append(where, `block_time >= ?`)
		args = append(args, f.From)
	}
	if f.To != 0 {
		where = append(where, `block_time < ?`)
		args = append(args, f.To)
	}
	if len(f.Names) > 0 {
		where = append(where, `name IN (`+strings.TrimSuffix(strings.Repeat("?, ", len(f.Names)), ", ")+`)`)
		for _, n := range f.Names {
			args = append(args, n)
		}
	}
	q := `SELECT batch_id, block_number, block_time, tx_hash, log_index, name, args
		FROM events
		WHERE ` + strings.Join(where, "\n\t\tAND ") + `
		ORDER BY block_number, log_index`
	if f.Limit > 0 {
		q += "\n\t\tLIMIT ?"
		args = append(args, f.Limit)
	}
	var evs []BatchEvent
	if err := s.db.SelectContext(ctx, &evs, s.db.Rebind(q), args...); err != nil {
		return nil, fmt.Errorf("read batch events: %w", err)
	}
	return evs, nil
}

// BatchesExpiringBetween lists the batches whose expiry date (YYYY-MM-DD, as the mirror stores
// it) is in [from, to], by expiry then id. An empty bound is open.
func (s *Store) BatchesExpiringBetween(ctx context.Context, from, to string) ([]Batch, error) {
	var (
		where = []string{`1 = 1`}
		args  []any
	)
	if from != "" {
		where = append(where, `expiry >= ?`)
		args = append(args, from)
	}
	if to != "" {
		where = append(where, `expiry <= ?`)
		args = append(args, to)
	}
	var bs []Batch
	err := s.db.SelectContext(ctx, &bs, s.db.Rebind(`SELECT `+batchCols+`
		FROM batches
		WHERE `+strings.Join(where, "\n\t\tAND ")+`
		ORDER BY expiry, batch_id`), args...)
	if err != nil {
		return nil, fmt.Errorf("list batches expiring between %q and %q: %w", from, to, err)
	}
	return bs, nil
}
