// Package verify answers the one question every scanner and phone asks: is this pack genuine,
// and can it be used? One function serves the API, the pages and the CLI. It reads the SQL
// mirror (never the chain, so it answers in well under a millisecond), checks the
// manufacturer's signature when the code carries one, and records the scan and any alert off
// the request's critical path.
package verify

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer"
)

// Verdict is the answer, in one word.
type Verdict string

// Verdicts.
const (
	Authentic   Verdict = "authentic"   // registered, active, in date, not recalled
	Dispensed   Verdict = "dispensed"   // supplied to a patient already
	Recalled    Verdict = "recalled"    // its batch is recalled: do not use
	Expired     Verdict = "expired"     // past its expiry date
	Destroyed   Verdict = "destroyed"   // recorded as destroyed: it should not exist
	Stolen      Verdict = "stolen"      // recorded as stolen
	Inactive    Verdict = "inactive"    // decommissioned for another reason (sample, exported, locked…)
	Unknown     Verdict = "unknown"     // batch or serial not registered
	Counterfeit Verdict = "counterfeit" // bad signature, expiry mismatch, or a batch whose pack list does not match its root
	Malformed   Verdict = "malformed"   // not a readable pack code
)

// Safe reports whether a patient may use a pack with this verdict.
func (v Verdict) Safe() bool { return v == Authentic }

// Alert codes, modelled on the EU NMVS ones (in brackets where there is one).
const (
	AlertUnknownProduct        = "UNKNOWN_PRODUCT"        // [PC_01]
	AlertUnknownSerial         = "UNKNOWN_SERIAL"         // [PC_02]
	AlertUnknownBatch          = "UNKNOWN_BATCH"          // [LOT_03]
	AlertExpiryMismatch        = "EXPIRY_MISMATCH"        // [LOT_12]
	AlertAlreadyDecommissioned = "ALREADY_DECOMMISSIONED" // [PCK_22]
	AlertRecalledScanned       = "RECALLED_PACK_SCANNED"
	AlertBadSignature          = "BAD_SIGNATURE"
	AlertRootMismatch          = "PACKS_ROOT_MISMATCH"
	AlertPossibleClone         = "POSSIBLE_CLONE"
)

var nmvsCodes = map[string]string{
	AlertUnknownProduct: "PC_01", AlertUnknownSerial: "PC_02", AlertUnknownBatch: "LOT_03",
	AlertExpiryMismatch: "LOT_12", AlertAlreadyDecommissioned: "PCK_22",
}

// NMVSCode is the EU NMVS alert code an alert code is modelled on, or "".
func NMVSCode(alert string) string { return nmvsCodes[alert] }

// Scanner says who scans: a participant (a pharmacy's scan station) or the public.
type Scanner struct {
	Participant common.Address // zero for an anonymous scan (a patient's phone)
	Client      string         // an opaque key of the client (a salted hash of its address), for clone detection
}

// Result is the whole answer.
type Result struct {
	Verdict      Verdict    `json:"verdict"`
	Message      string     `json:"message"`
	Advice       string     `json:"advice,omitempty"`
	Code         *CodeInfo  `json:"code,omitempty"`
	Problem      *Problem   `json:"problem,omitempty"`
	Product      *Product   `json:"product,omitempty"`
	Batch        *Batch     `json:"batch,omitempty"`
	Manufacturer *Party     `json:"manufacturer,omitempty"`
	Pack         *Pack      `json:"pack,omitempty"`
	Custody      []Hop      `json:"custody,omitempty"` // shared between results: read only
	Signature    string     `json:"signature"`         // valid, invalid or absent
	Block        uint64     `json:"block"`             // the mirror's block the answer was read at
	Alert        *Alert     `json:"alert,omitempty"`
	CheckedAt    time.Time  `json:"checkedAt"`
	scan         scanRecord // what to log
}

// CodeInfo is what the code says.
type CodeInfo struct {
	GTIN   string `json:"gtin"`
	Lot    string `json:"lot,omitempty"`
	Serial string `json:"serial,omitempty"`
	Expiry string `json:"expiry,omitempty"` // YYYY-MM-DD
}

// Problem explains a malformed code.
type Problem struct {
	Code    string `json:"code"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

// Product is the registered product.
type Product struct {
	GTIN     string `json:"gtin"`
	Name     string `json:"name"`
	Strength string `json:"strength"`
	Form     string `json:"form"`
	PackSize uint32 `json:"packSize"`
}

// Batch is the registered batch.
type Batch struct {
	BatchID      string `json:"batchId"`
	Lot          string `json:"lot"`
	Expiry       string `json:"expiry"`
	Recalled     bool   `json:"recalled"`
	RecallReason string `json:"recallReason,omitempty"`
	RootState    string `json:"packsRoot"`
}

// Party is a participant, by name.
type Party struct {
	Address string `json:"address"`
	Name    string `json:"name"`
	GLN     string `json:"gln"`
	Role    string `json:"role"`
}

// Pack is the pack's state in the mirror.
type Pack struct {
	PackID           string     `json:"packId"`
	State            string     `json:"state"`
	Reason           string     `json:"reason,omitempty"`
	DecommissionedBy *Party     `json:"decommissionedBy,omitempty"`
	DecommissionedAt *time.Time `json:"decommissionedAt,omitempty"`
}

// Hop is one received shipment of the pack's batch on the way to where it is.
type Hop struct {
	From      Party     `json:"from"`
	To        Party     `json:"to"`
	Quantity  uint64    `json:"quantity"`
	ShippedAt time.Time `json:"shippedAt"`
	Received  time.Time `json:"receivedAt"`
}

// Alert is an alert raised by this verification.
type Alert struct {
	ID       string `json:"id"`
	Code     string `json:"code"`
	NMVSCode string `json:"nmvsCode,omitempty"`
	Message  string `json:"message"`
}

// Options configure a Verifier.
type Options struct {
	// Recover returns the address that signed a code's sig. Required to check signatures.
	Recover func(gs1.Code) (common.Address, error)
	// Now is the clock (tests move it). Default time.Now.
	Now func() time.Time
	// CacheAge bounds how long products, batches, participants and custody paths read for one
	// mirror cursor are reused while the cursor stays put (a reorg back to the same height
	// changes them without moving it). Default 1s; negative: no cache, every read hits the mirror.
	CacheAge time.Duration
}

// Verifier verifies codes against the mirror.
type Verifier struct {
	store *indexer.Store
	opts  Options
	cache *readCache // nil when disabled
}

// cacheEntries bounds the read cache: far more than the batches, products and participants a
// mirror's hot set holds, small enough to never matter for memory.
const cacheEntries = 100_000

// New returns a Verifier reading store.
func New(store *indexer.Store, opts Options) (*Verifier, error) {
	if opts.Recover == nil {
		return nil, errors.New("new verifier: a signature recovery function is required")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.CacheAge == 0 {
		opts.CacheAge = time.Second
	}
	v := &Verifier{store: store, opts: opts}
	if opts.CacheAge > 0 {
		v.cache = newReadCache(opts.CacheAge, cacheEntries)
	}
	return v, nil
}

// ErrNoSerial is the problem of a code that names a batch but no pack.
var ErrNoSerial = errors.New("the code has no serial number (AI 21): it names a batch, not a pack")

// Verify answers for one scanned or typed code. A malformed code is a verdict, not an error;
// the error is for failures of the mirror itself.
func (v *Verifier) Verify(ctx context.Context, input string, by Scanner) (Result, error) {
	now := v.opts.Now().UTC()
	r := Result{CheckedAt: now, Signature: "absent"}
	r.scan = scanRecord{at: now, scanner: by}
	code, err := gs1.Parse(input, now)
	if err == nil && code.Serial == "" {
		err = ErrNoSerial
	}
	if err != nil {
		lag, lerr := v.store.Lag(ctx)
		if lerr != nil {
			return r, fmt.Errorf("verify: %w", lerr)
		}
		r.Block = lag.Cursor
		r.Verdict = Malformed
		var ge *gs1.Error
		if errors.As(err, &ge) {
			r.Problem = &Problem{Code: string(ge.Code), Field: ge.Field, Message: ge.Msg}
		} else {
			r.Problem = &Problem{Code: "no_serial", Field: "21", Message: err.Error()}
		}
		return v.finish(r), nil
	}

	// The pack and the cursor come first, in one read: the cursor keys the cache the rest is
	// read through, and the pack's identity needs nothing but the code.
	batchID := chain.BatchID(code.GTIN.Uint64(), code.Lot)
	packID := chain.PackID(batchID, code.Serial)
	pack, lag, packErr := v.store.PackAt(ctx, batchID, packID)
	if packErr != nil && !errors.Is(packErr, indexer.ErrNotFound) {
		return r, fmt.Errorf("verify: %w", packErr)
	}
	r.Block = lag.Cursor
	cursor := lag.Cursor

	r.Code = &CodeInfo{GTIN: string(code.GTIN), Lot: code.Lot, Serial: code.Serial}
	if !code.Expiry.IsZero() {
		r.Code.Expiry = code.Expiry.Format(time.DateOnly)
	}
	r.scan.gtin, r.scan.lot, r.scan.serial = string(code.GTIN), code.Lot, code.Serial

	product, err := cached(v.cache, cursor, cacheKey{kind: kindProduct, a: string(code.GTIN)}, func() (indexer.Product, error) {
		return v.store.Product(ctx, string(code.GTIN))
	})
	switch {
	case errors.Is(err, indexer.ErrNotFound):
		return v.finish(v.alert(r, Unknown, AlertUnknownProduct, "No medicine with this GTIN is registered.")), nil
	case err != nil:
		return r, fmt.Errorf("verify: %w", err)
	}
	r.Product = &Product{GTIN: product.GTIN, Name: product.Name, Strength: product.Strength, Form: product.Form, PackSize: product.PackSize}

	batch, err := cached(v.cache, cursor, cacheKey{kind: kindBatch, a: string(code.GTIN), b: code.Lot}, func() (indexer.Batch, error) {
		return v.store.BatchByLot(ctx, string(code.GTIN), code.Lot)
	})
	switch {
	case errors.Is(err, indexer.ErrNotFound):
		return v.finish(v.alert(r, Unknown, AlertUnknownBatch, "This batch of the medicine is not registered.")), nil
	case err != nil:
		return r, fmt.Errorf("verify: %w", err)
	}
	r.Batch = &Batch{BatchID: batch.BatchID, Lot: batch.Lot, Expiry: batch.Expiry, Recalled: batch.Recalled, RecallReason: batch.RecallReason, RootState: batch.RootState}
	r.scan.batchID = batch.BatchID
	if m, err := v.party(ctx, cursor, batch.Manufacturer); err == nil {
		r.Manufacturer = &m
	} else {
		return r, fmt.Errorf("verify: %w", err)
	}

	if r.Code.Expiry != "" && r.Code.Expiry != batch.Expiry {
		return v.finish(v.alert(r, Counterfeit, AlertExpiryMismatch,
			fmt.Sprintf("The expiry date on the pack (%s) is not the registered batch's (%s).", r.Code.Expiry, batch.Expiry))), nil
	}

	r.scan.packID = packID.Hex()
	if packErr != nil {
		return v.finish(v.alert(r, Unknown, AlertUnknownSerial, "This serial number is not registered in the batch.")), nil
	}
	r.Pack = &Pack{PackID: pack.PackID, State: pack.State, Reason: pack.Reason}

	if code.Sig != "" {
		signer, err := v.opts.Recover(code)
		if err != nil || !strings.EqualFold(signer.Hex(), batch.Manufacturer) {
			r.Signature = "invalid"
			return v.finish(v.alert(r, Counterfeit, AlertBadSignature, "The code's signature is not the manufacturer's.")), nil
		}
		r.Signature = "valid"
	}
	if batch.RootState == indexer.RootInconsistent {
		return v.finish(v.alert(r, Counterfeit, AlertRootMismatch, "The batch's published pack list does not match what its manufacturer registered.")), nil
	}

	var actor *Party
	if pack.State == indexer.PackDecommissioned {
		a, err := v.party(ctx, cursor, pack.Actor)
		if err != nil {
			return r, fmt.Errorf("verify: %w", err)
		}
		actor = &a
		at := time.Unix(pack.DecommissionedAt, 0).UTC()
		r.Pack.DecommissionedBy, r.Pack.DecommissionedAt = actor, &at
	}
	if r.Custody, err = v.custody(ctx, cursor, batchID, pack); err != nil {
		return r, fmt.Errorf("verify: %w", err)
	}

	scannedByOther := by.Participant != (common.Address{}) && actor != nil && !strings.EqualFold(actor.Address, by.Participant.Hex())
	switch {
	case pack.Reason == chain.ReasonStolen.String():
		return v.finish(v.alert(r, Stolen, AlertAlreadyDecommissioned, "This pack was reported stolen.")), nil
	case pack.Reason == chain.ReasonDestroyed.String():
		return v.finish(v.alert(r, Destroyed, AlertAlreadyDecommissioned, "This pack was recorded as destroyed.")), nil
	case batch.Recalled:
		return v.finish(v.alert(r, Recalled, AlertRecalledScanned, "This batch has been recalled: "+batch.RecallReason)), nil
	case expired(batch.Expiry, now):
		r.Verdict = Expired
	case pack.Reason == chain.ReasonSupplied.String():
		if scannedByOther { // dispensed by one pharmacy, scanned by another
			return v.finish(v.alert(r, Dispensed, AlertPossibleClone, "This pack was already dispensed by "+actor.Name+".")), nil
		}
		r.Verdict = Dispensed
	case pack.State == indexer.PackDecommissioned:
		if scannedByOther {
			return v.finish(v.alert(r, Inactive, AlertAlreadyDecommissioned, "This pack was already decommissioned ("+pack.Reason+") by "+actor.Name+".")), nil
		}
		r.Verdict = Inactive
	default:
		r.Verdict = Authentic
	}
	return v.finish(r), nil
}

// expired reports whether the expiry day (YYYY-MM-DD) has ended.
func expired(expiry string, now time.Time) bool {
	d, err := time.Parse(time.DateOnly, expiry)
	return err == nil && !now.Before(d.AddDate(0, 0, 1))
}

// alert sets the verdict and the alert this verification raises.
func (v *Verifier) alert(r Result, verdict Verdict, code, message string) Result {
	r.Verdict = verdict
	r.Alert = &Alert{ID: newID(), Code: code, NMVSCode: NMVSCode(code), Message: message}
	return r
}

// finish fills in the plain-language message and advice.
func (v *Verifier) finish(r Result) Result {
	msg := messages[r.Verdict]
	r.Message, r.Advice = msg.message, msg.advice
	if r.Alert != nil && r.Verdict != Authentic {
		r.Message = r.Alert.Message
	}
	r.scan.verdict = r.Verdict
	r.scan.block = r.Block
	return r
}

var messages = map[Verdict]struct{ message, advice string }{
	Authentic:   {"This pack is genuine and can be used.", ""},
	Dispensed:   {"This pack was dispensed by a pharmacy.", "If you did not receive it from a pharmacy, do not use it and show it to your pharmacist."},
	Recalled:    {"This batch has been recalled.", "Do not use this pack — return it to your pharmacy."},
	Expired:     {"This pack is past its expiry date.", "Do not use this pack — return it to your pharmacy."},
	Destroyed:   {"This pack was recorded as destroyed and should not exist.", "Do not use this pack — return it to your pharmacy."},
	Stolen:      {"This pack was reported stolen.", "Do not use this pack — return it to your pharmacy."},
	Inactive:    {"This pack was taken out of the supply chain.", "Do not use this pack — return it to your pharmacy."},
	Unknown:     {"This code is not registered.", "Do not use this pack — return it to your pharmacy."},
	Counterfeit: {"This code does not match what the manufacturer registered: the pack may be falsified.", "Do not use this pack — return it to your pharmacy."},
	Malformed:   {"This is not a readable medicine pack code.", "Check that you scanned the code on the pack; if it still fails, ask your pharmacist."},
}

// party resolves an address to a participant's name; an unknown address keeps its hex form.
func (v *Verifier) party(ctx context.Context, cursor uint64, addr string) (Party, error) {
	p, err := cached(v.cache, cursor, cacheKey{kind: kindParty, a: addr}, func() (indexer.Participant, error) {
		return v.store.Participant(ctx, common.HexToAddress(addr))
	})
	if errors.Is(err, indexer.ErrNotFound) {
		return Party{Address: addr, Name: addr}, nil
	}
	if err != nil {
		return Party{}, err
	}
	return Party{Address: p.Address, Name: p.Name, GLN: p.GLN, Role: p.Role}, nil
}

// custody is the chain of received shipments that brought units of the batch to whoever
// decommissioned the pack or, for an active pack, every received shipment of the batch. It is
// the same for every pack of the batch with the same actor, so it is cached whole; results share
// the slice, which nobody changes.
func (v *Verifier) custody(ctx context.Context, cursor uint64, batchID common.Hash, pack indexer.Pack) ([]Hop, error) {
	return cached(v.cache, cursor, cacheKey{kind: kindCustody, a: batchID.Hex(), b: pack.Actor}, func() ([]Hop, error) {
		return v.readCustody(ctx, cursor, batchID, pack)
	})
}

func (v *Verifier) readCustody(ctx context.Context, cursor uint64, batchID common.Hash, pack indexer.Pack) ([]Hop, error) {
	var (
		shs []indexer.Shipment
		err error
	)
	if pack.Actor != "" {
		shs, err = v.store.PathTo(ctx, batchID, common.HexToAddress(pack.Actor))
	} else {
		shs, err = v.store.CustodyPath(ctx, batchID)
	}
	if err != nil {
		return nil, err
	}
	names := map[string]Party{}
	name := func(a string) (Party, error) {
		if p, ok := names[a]; ok {
			return p, nil
		}
		p, err := v.party(ctx, cursor, a)
		names[a] = p
		return p, err
	}
	var hops []Hop
	for _, s := range shs {
		if s.Status != chain.ShipmentReceived.String() {
			continue
		}
		from, err := name(s.Sender)
		if err != nil {
			return nil, err
		}
		to, err := name(s.Receiver)
		if err != nil {
			return nil, err
		}
		hops = append(hops, Hop{From: from, To: to, Quantity: s.Quantity, ShippedAt: time.Unix(s.ShippedAt, 0).UTC(), Received: time.Unix(s.ClosedAt, 0).UTC()})
	}
	return hops, nil
}
