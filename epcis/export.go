package epcis

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer"
)

// Query selects the events to export: a batch's (GTIN and lot), a time range's, or a batch's
// within a time range. From is inclusive, To exclusive; a zero bound is open, but a query needs
// a batch or at least one bound.
type Query struct {
	GTIN, Lot string
	From, To  time.Time
}

// Error codes, the same words the web layer's error table uses.
const (
	EInvalid  = "invalid"   // the query is malformed or selects too much
	ENotFound = "not_found" // no batch has this GTIN and lot
)

// Error is a query the export refuses. Message is written for the person who sent the query;
// Field names the query parameter at fault ("gtin", "lot", "from", "to"), if one is.
type Error struct {
	Code    string
	Field   string
	Message string
}

// Error implements error.
func (e *Error) Error() string { return "epcis: " + e.Message }

// ErrorCode returns the code of the *Error that err wraps, or "" if it wraps none (an internal
// failure: a database error, say).
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// SerialLookup names the serial of a pack, for a caller that knows serials (a manufacturer's own
// serial list): ok is false when it does not know this pack.
type SerialLookup func(ctx context.Context, batchID, packID common.Hash) (serial string, ok bool, err error)

// DefaultMaxEvents is how many chain events one export reads at most unless Options say otherwise.
const DefaultMaxEvents = 10_000

// Options tune an Exporter. The zero value is usable.
type Options struct {
	// Serials, if set, turns a decommissioned pack into an instance-level epcList entry.
	Serials SerialLookup
	// TxURI writes a transaction hash as the bizTransaction URI; by default
	// Namespace + "tx/" + hash. A deployment may point it at its block explorer.
	TxURI func(txHash string) string
	// MaxEvents caps the chain events one export reads (DefaultMaxEvents if 0): a wider query is
	// refused with EInvalid rather than building a document of unbounded size.
	MaxEvents int
}

// Exporter builds EPCIS documents from the mirror.
type Exporter struct {
	st   *indexer.Store
	opts Options
}

// New returns an Exporter reading st.
func New(st *indexer.Store, opts Options) *Exporter {
	if opts.TxURI == nil {
		opts.TxURI = func(h string) string { return Namespace + "tx/" + h }
	}
	if opts.MaxEvents <= 0 {
		opts.MaxEvents = DefaultMaxEvents
	}
	return &Exporter{st: st, opts: opts}
}

// Export builds the EPCIS document of q from st with the default options; now is the document's
// creation date and the instant expiry is judged at.
func Export(ctx context.Context, st *indexer.Store, q Query, now time.Time) (*Document, error) {
	return New(st, Options{}).Export(ctx, q, now)
}

// exported lists the mirror events that become EPCIS events. PacksPublished has no EPCIS
// counterpart: it publishes pack ids, already covered by the batch's commissioning.
var exported = []string{
	"BatchRegistered", "Shipped", "ShipmentReceived", "ShipmentRejected", "ShipmentCancelled",
	"PacksDecommissioned", "PackReactivated", "BatchRecalled",
}

// Export builds the EPCIS document of q; now is the document's creation date and the instant
// expiry is judged at. Events come in chain order, each batch's expiry among them at its time.
func (x *Exporter) Export(ctx context.Context, q Query, now time.Time) (*Document, error) {
	q, err := validate(q)
	if err != nil {
		return nil, err
	}
	b := &builder{x: x, batches: map[string]indexer.Batch{}}
	f := indexer.EventFilter{From: unixCeil(q.From), To: unixCeil(q.To), Names: exported, Limit: x.opts.MaxEvents + 1}
	var expiring []indexer.Batch
	if q.GTIN != "" {
		bt, err := x.st.BatchByLot(ctx, q.GTIN, q.Lot)
		if errors.Is(err, indexer.ErrNotFound) {
			return nil, &Error{Code: ENotFound, Field: "lot", Message: fmt.Sprintf("No batch %s of GTIN %s.", q.Lot, q.GTIN)}
		}
		if err != nil {
			return nil, fmt.Errorf("export epcis: %w", err)
		}
		b.batches[bt.BatchID] = bt
		f.BatchID = bt.BatchID
		expiring = []indexer.Batch{bt}
	} else {
		// An expiry date d expires at d+1 00:00 UTC; two days of margin each side, filtered below.
		lo, hi := "", ""
		if !q.From.IsZero() {
			lo = q.From.UTC().AddDate(0, 0, -2).Format(time.DateOnly)
		}
		if upper := minTime(q.To, now); !upper.IsZero() {
			hi = upper.UTC().Format(time.DateOnly)
		}
		if expiring, err = x.st.BatchesExpiringBetween(ctx, lo, hi); err != nil {
			return nil, fmt.Errorf("export epcis: %w", err)
		}
	}
	evs, err := x.st.BatchEvents(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("export epcis: %w", err)
	}
	if err := b.loadParticipants(ctx); err != nil {
		return nil, err
	}

	var exp []timed
	for _, bt := range expiring {
		at, err := expiredAt(bt)
		if err != nil {
			return nil, fmt.Errorf("export epcis: batch %s: %w", bt.BatchID, err)
		}
		if at.After(now) || (!q.From.IsZero() && at.Before(q.From)) || (!q.To.IsZero() && !at.Before(q.To)) {
			continue
		}
		exp = append(exp, timed{at: at.Unix(), e: b.expired(bt, at)})
	}
	// Expiries count too: an open range would otherwise list every batch that ever expired.
	if len(evs)+len(exp) > x.opts.MaxEvents {
		return nil, &Error{Code: EInvalid, Field: "from", Message: fmt.Sprintf("More than %d events match; narrow the time range.", x.opts.MaxEvents)}
	}
	var out []timed
	for _, ev := range evs {
		es, err := b.events(ctx, ev)
		if err != nil {
			return nil, fmt.Errorf("export epcis: %s at %s:%d: %w", ev.Name, ev.TxHash, ev.LogIndex, err)
		}
		for _, e := range es {
			out = append(out, timed{at: ev.BlockTime, e: e})
		}
	}
	list := merge(out, exp)
	for i := range list {
		if list[i].EventID, err = EventID(list[i]); err != nil {
			return nil, fmt.Errorf("export epcis: %w", err)
		}
	}
	if list == nil {
		list = []ObjectEvent{}
	}
	return &Document{
		Context:       []any{ContextURI, map[string]string{Prefix: Namespace}},
		Type:          "EPCISDocument",
		SchemaVersion: "2.0",
		CreationDate:  formatTime(now),
		Body:          Body{EventList: list},
	}, nil
}

// validate checks q and returns it with the GTIN as 14 digits.
func validate(q Query) (Query, error) {
	q.GTIN, q.Lot = strings.TrimSpace(q.GTIN), strings.TrimSpace(q.Lot)
	switch {
	case q.GTIN == "" && q.Lot == "" && q.From.IsZero() && q.To.IsZero():
		return q, &Error{Code: EInvalid, Field: "gtin", Message: "Give gtin and lot, or a time range (from, to), or both."}
	case q.GTIN == "" && q.Lot != "":
		return q, &Error{Code: EInvalid, Field: "gtin", Message: "A lot needs its gtin."}
	case q.GTIN != "" && q.Lot == "":
		return q, &Error{Code: EInvalid, Field: "lot", Message: "A gtin needs a lot."}
	case !q.From.IsZero() && !q.To.IsZero() && !q.To.After(q.From):
		return q, &Error{Code: EInvalid, Field: "to", Message: "The time range ends before it starts."}
	}
	if q.GTIN != "" {
		g, err := gs1.ParseGTIN(q.GTIN)
		if err != nil {
			return q, &Error{Code: EInvalid, Field: "gtin", Message: "The gtin is not a valid GTIN (8, 12, 13 or 14 digits with its check digit)."}
		}
		q.GTIN = string(g)
		if err := gs1.ValidateAI10or21(q.Lot); err != nil {
			return q, &Error{Code: EInvalid, Field: "lot", Message: "The lot must be 1 to 20 characters of the GS1 character set."}
		}
	}
	return q, nil
}

// timed is an EPCIS event with its time in unix seconds, for merging.
type timed struct {
	at int64
	e  ObjectEvent
}

// merge returns chain events in chain order with the expiry events placed among them by time:
// an expiry goes before the first chain event at or after it (a transaction in the very second a
// batch expired already happened to an expired batch).
func merge(chainEvs, expiries []timed) []ObjectEvent {
	sort.SliceStable(expiries, func(i, j int) bool { return expiries[i].at < expiries[j].at })
	out := make([]ObjectEvent, 0, len(chainEvs)+len(expiries))
	j := 0
	for _, c := range chainEvs {
		for j < len(expiries) && expiries[j].at <= c.at {
			out = append(out, expiries[j].e)
			j++
		}
		out = append(out, c.e)
	}
	for ; j < len(expiries); j++ {
		out = append(out, expiries[j].e)
	}
	return out
}

// builder turns mirror events into EPCIS events, caching batches and participants.
type builder struct {
	x       *Exporter
	batches map[string]indexer.Batch
	glns    map[string]string // address (lower-case hex) -> GLN
}

func (b *builder) loadParticipants(ctx context.Context) error {
	ps, err := b.x.st.Participants(ctx)
	if err != nil {
		return fmt.Errorf("export epcis: %w", err)
	}
	b.glns = make(map[string]string, len(ps))
	for _, p := range ps {
		b.glns[strings.ToLower(p.Address)] = p.GLN
	}
	return nil
}

func (b *builder) batch(ctx context.Context, id string) (indexer.Batch, error) {
	if bt, ok := b.batches[id]; ok {
		return bt, nil
	}
	bt, err := b.x.st.Batch(ctx, common.HexToHash(id))
	if err != nil {
		return bt, err
	}
	b.batches[id] = bt
	return bt, nil
}

// location is a participant's GLN as a Digital Link location, nil if the mirror has none.
func (b *builder) location(addr string) *Location {
	if g := b.glns[strings.ToLower(addr)]; g != "" {
		return &Location{ID: DigitalLinkBase + "/414/" + g}
	}
	return nil
}

// transfer returns the source and destination lists of a move from one participant to another:
// each as the possessing party (a party GLN, AI 417) and its location (AI 414). Participants
// have one GLN in the registry, which names both.
func (b *builder) transfer(from, to string) ([]Source, []Destination) {
	var (
		srcs []Source
		dsts []Destination
	)
	if g := b.glns[strings.ToLower(from)]; g != "" {
		srcs = []Source{
			{Type: SDTPossessingParty, Source: DigitalLinkBase + "/417/" + g},
			{Type: SDTLocation, Source: DigitalLinkBase + "/414/" + g},
		}
	}
	if g := b.glns[strings.ToLower(to)]; g != "" {
		dsts = []Destination{
			{Type: SDTPossessingParty, Destination: DigitalLinkBase + "/417/" + g},
			{Type: SDTLocation, Destination: DigitalLinkBase + "/414/" + g},
		}
	}
	return srcs, dsts
}

// Argument records as the indexer stores them in events.args (indexer/project.go).
type (
	batchArgs struct {
		Manufacturer string `json:"manufacturer"`
		Expiry       string `json:"expiry"`
		Quantity     uint32 `json:"quantity"`
	}
	shipmentArgs struct {
		ShipmentID uint64 `json:"shipmentId"`
		From       string `json:"from"`
		To         string `json:"to"`
		Quantity   uint32 `json:"quantity"`
	}
	decommissionArgs struct {
		Actor   string   `json:"actor"`
		Reason  string   `json:"reason"`
		PackIDs []string `json:"packIds"`
	}
	reactivateArgs struct {
		PackID string `json:"packId"`
		Actor  string `json:"actor"`
		Reason string `json:"reason"`
	}
	recallArgs struct {
		By     string `json:"by"`
		Reason string `json:"reason"`
	}
)

// events maps one mirror event to its EPCIS events: one, or one per pack for a decommissioning.
// The mapping, by mirror event:
//
//	BatchRegistered      ADD     commissioning   active       at the manufacturer; ILMD expiry and lot
//	Shipped              OBSERVE shipping        in_transit   read at the sender, no bizLocation (in transit)
//	ShipmentReceived     OBSERVE receiving       in_progress  at the receiver
//	ShipmentRejected     OBSERVE void_shipping   returned     read at the receiver, back at the sender
//	ShipmentCancelled    OBSERVE void_shipping   in_progress  at the sender
//	PacksDecommissioned  per pack, by EU FMD reason:
//	  supplied           OBSERVE dispensing      dispensed
//	  destroyed          DELETE  destroying      destroyed
//	  stolen             DELETE  decommissioning stolen
//	  other reasons      DELETE  decommissioning inactive     (sample, free_sample, exported, locked)
//	PackReactivated      ADD     commissioning   active       pharmatrace:reactivated (the undo, within 10 days)
//	BatchRecalled        OBSERVE (none)          recalled     read at the recaller; CBV has no recall step
//
// Receiving leaves goods in_progress, as GS1's healthcare guidelines do: "active" is the
// disposition of commissioning.
func (b *builder) events(ctx context.Context, ev indexer.BatchEvent) ([]ObjectEvent, error) {
	bt, err := b.batch(ctx, ev.BatchID)
	if err != nil {
		return nil, err
	}
	class := lgtin(bt)
	base := ObjectEvent{
		Type:                "ObjectEvent",
		EventTime:           formatTime(time.Unix(ev.BlockTime, 0)),
		EventTimeZoneOffset: "+00:00",
		Action:              ActionObserve,
		BizTransactionList:  []BizTransaction{{Type: BizTransactionType, BizTransaction: b.x.opts.TxURI(ev.TxHash)}},
	}
	qty := func(n uint64) []QuantityElement { return []QuantityElement{{EPCClass: class, Quantity: float64(n)}} }
	switch ev.Name {
	case "BatchRegistered":
		var a batchArgs
		if err := json.Unmarshal([]byte(ev.Args), &a); err != nil {
			return nil, err
		}
		e := base
		e.Action, e.BizStep, e.Disposition = ActionAdd, StepCommissioning, DispActive
		e.QuantityList = qty(uint64(a.Quantity))
		e.ReadPoint, e.BizLocation = b.location(a.Manufacturer), b.location(a.Manufacturer)
		e.ILMD = map[string]string{"cbvmda:itemExpirationDate": a.Expiry, "cbvmda:lotNumber": bt.Lot}
		return []ObjectEvent{e}, nil
	case "Shipped", "ShipmentReceived", "ShipmentRejected", "ShipmentCancelled":
		var a shipmentArgs
		if err := json.Unmarshal([]byte(ev.Args), &a); err != nil {
			return nil, err
		}
		e := base
		e.QuantityList = qty(uint64(a.Quantity))
		e.ShipmentID = a.ShipmentID
		switch ev.Name {
		case "Shipped":
			e.BizStep, e.Disposition = StepShipping, DispInTransit
			e.ReadPoint = b.location(a.From)
			e.SourceList, e.DestinationList = b.transfer(a.From, a.To)
		case "ShipmentReceived":
			e.BizStep, e.Disposition = StepReceiving, DispInProgress
			e.ReadPoint, e.BizLocation = b.location(a.To), b.location(a.To)
			e.SourceList, e.DestinationList = b.transfer(a.From, a.To)
		case "ShipmentRejected":
			e.BizStep, e.Disposition = StepVoidShipping, DispReturned
			e.ReadPoint, e.BizLocation = b.location(a.To), b.location(a.From)
		default:
			e.BizStep, e.Disposition = StepVoidShipping, DispInProgress
			e.ReadPoint, e.BizLocation = b.location(a.From), b.location(a.From)
		}
		return []ObjectEvent{e}, nil
	case "PacksDecommissioned":
		var a decommissionArgs
		if err := json.Unmarshal([]byte(ev.Args), &a); err != nil {
			return nil, err
		}
		step, disp, action := decommissionTerms(a.Reason)
		out := make([]ObjectEvent, 0, len(a.PackIDs))
		for _, id := range a.PackIDs {
			e := base
			e.Action, e.BizStep, e.Disposition, e.Reason = action, step, disp, a.Reason
			e.ReadPoint, e.BizLocation = b.location(a.Actor), b.location(a.Actor)
			if err := b.identify(ctx, &e, bt, id); err != nil {
				return nil, err
			}
			out = append(out, e)
		}
		return out, nil
	case "PackReactivated":
		var a reactivateArgs
		if err := json.Unmarshal([]byte(ev.Args), &a); err != nil {
			return nil, err
		}
		e := base
		e.Action, e.BizStep, e.Disposition = ActionAdd, StepCommissioning, DispActive
		e.Reactivated, e.Reason = true, a.Reason
		e.ReadPoint, e.BizLocation = b.location(a.Actor), b.location(a.Actor)
		if err := b.identify(ctx, &e, bt, a.PackID); err != nil {
			return nil, err
		}
		return []ObjectEvent{e}, nil
	case "BatchRecalled":
		var a recallArgs
		if err := json.Unmarshal([]byte(ev.Args), &a); err != nil {
			return nil, err
		}
		e := base
		e.Disposition, e.Reason = DispRecalled, a.Reason
		e.QuantityList = qty(bt.Quantity)
		e.ReadPoint = b.location(a.By)
		return []ObjectEvent{e}, nil
	}
	return nil, fmt.Errorf("no EPCIS mapping for %s", ev.Name)
}

// identify names one pack in e: its serialised Digital Link if the serial is known, else its
// batch's class with quantity 1; the pack id goes in pharmatrace:packId either way.
func (b *builder) identify(ctx context.Context, e *ObjectEvent, bt indexer.Batch, packID string) error {
	e.PackID = packID
	if b.x.opts.Serials != nil {
		serial, ok, err := b.x.opts.Serials(ctx, common.HexToHash(bt.BatchID), common.HexToHash(packID))
		if err != nil {
			return fmt.Errorf("serial of pack %s: %w", packID, err)
		}
		if ok {
			e.EPCList = []string{gs1.FormatDigitalLink(DigitalLinkBase, gs1.Code{GTIN: gs1.GTIN(bt.GTIN), Lot: bt.Lot, Serial: serial})}
			return nil
		}
	}
	e.QuantityList = []QuantityElement{{EPCClass: lgtin(bt), Quantity: 1}}
	return nil
}

// decommissionTerms maps an EU FMD decommission reason to bizStep, disposition and action.
func decommissionTerms(reason string) (step, disp, action string) {
	r, err := chain.ParseReason(reason)
	switch {
	case err == nil && r == chain.ReasonSupplied:
		return StepDispensing, DispDispensed, ActionObserve
	case err == nil && r == chain.ReasonDestroyed:
		return StepDestroying, DispDestroyed, ActionDelete
	case err == nil && r == chain.ReasonStolen:
		return StepDecommissioning, DispStolen, ActionDelete
	}
	return StepDecommissioning, DispInactive, ActionDelete
}

// expired is the event of a batch reaching its expiry: derived from the batch's expiry date, not
// from a transaction, so it has no bizTransaction and no location.
func (b *builder) expired(bt indexer.Batch, at time.Time) ObjectEvent {
	return ObjectEvent{
		Type:                "ObjectEvent",
		EventTime:           formatTime(at),
		EventTimeZoneOffset: "+00:00",
		QuantityList:        []QuantityElement{{EPCClass: lgtin(bt), Quantity: float64(bt.Quantity)}},
		Action:              ActionObserve,
		Disposition:         DispExpired,
	}
}

// expiredAt is when a batch expires: the end of its expiry day (UTC), as the ledger counts it.
func expiredAt(bt indexer.Batch) (time.Time, error) {
	d, err := time.Parse(time.DateOnly, bt.Expiry)
	if err != nil {
		return time.Time{}, fmt.Errorf("expiry %q: %w", bt.Expiry, err)
	}
	return d.AddDate(0, 0, 1), nil
}

// lgtin is a batch's class identifier, https://id.gs1.org/01/{gtin}/10/{lot}.
func lgtin(bt indexer.Batch) string {
	return gs1.FormatDigitalLink(DigitalLinkBase, gs1.Code{GTIN: gs1.GTIN(bt.GTIN), Lot: bt.Lot})
}

// formatTime writes t as EPCIS wants it: UTC, RFC 3339 with milliseconds.
func formatTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// unixCeil is t in unix seconds rounded up (block times are whole seconds, so a block is at or
// after t exactly when it is at or after the ceiling); 0 for the zero time, an open bound.
func unixCeil(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	s := t.Unix()
	if t.Nanosecond() > 0 {
		s++
	}
	return s
}

// minTime is the earlier of two times, a zero one counting as unbounded.
func minTime(a, b time.Time) time.Time {
	switch {
	case a.IsZero():
		return b
	case b.IsZero() || a.Before(b):
		return a
	}
	return b
}
