// Package demo seeds a fresh PharmaTrace chain with a realistic consortium and two months of
// history — a regulator, two manufacturers, two wholesalers, three pharmacies; real-looking
// products and batches shipped down the chain, packs dispensed, a batch recalled, one expired,
// a few alerts — through the same write service the API uses.
package demo

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/actions"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/tokens"
	"github.com/pharmatrace/pharmatrace/verify"
)

// Clock sets the time of the blocks sealed next (the embedded chain's), so the seed can lay down
// history: SetTime(t) stamps the next blocks t (or just after their parent), and the zero time
// returns to the wall clock.
type Clock interface {
	SetTime(t time.Time)
}

// Participant is one member of the demo consortium.
type Participant struct {
	Name string
	Role string
	GLN  string
}

// Regulator is the consortium's first regulator: the account that deploys the contracts.
var Regulator = Participant{"National Medicines Agency", "regulator", gln(1)}

// Members are the participants the regulator admits, in the order of their accounts after the
// regulator's.
var Members = []Participant{
	{"Helvita Pharma AG", "manufacturer", gln(11)},
	{"Nordic Generics A/S", "manufacturer", gln(12)},
	{"MedSupply Distribution", "distributor", gln(21)},
	{"PharmaLogistics Europe", "distributor", gln(22)},
	{"Central Pharmacy", "pharmacy", gln(31)},
	{"Riverside Pharmacy", "pharmacy", gln(32)},
	{"Old Town Apotheke", "pharmacy", gln(33)},
}

// gln is a valid GLN numbered n in GS1's test range (prefix 950).
func gln(n uint64) string { return strconv.FormatUint(gs1.AppendCheckDigit(950600000000+n), 10) }

// gtin is a valid GTIN-14 numbered n.
func gtin(n uint64) string { return fmt.Sprintf("%014d", gs1.AppendCheckDigit(950600013000+n)) }

// Options configure Seed.
type Options struct {
	Actions  *actions.Service
	DB       *indexer.DB
	Verifier *verify.Verifier
	Recorder *verify.Recorder
	// VerifierAt, if set, returns a verifier whose clock reads t: the seed's patients' scans
	// are then logged on the days of the history, not all today.
	VerifierAt func(t time.Time) (*verify.Verifier, error)
	// Accounts are the consortium's accounts: the regulator's (which deployed the contracts),
	// then one per member, in the order of Members. The service must hold their keys.
	Accounts []common.Address
	// BaseURL is where the QR codes point.
	BaseURL string
	Clock   Clock
	Log     *slog.Logger
	// Now is the wall clock. Default time.Now.
	Now func() time.Time
}

// Codes are QR payloads of packs in each state, for trying the verification.
type Codes struct {
	Authentic []string `json:"authentic"`
	Dispensed []string `json:"dispensed"`
	Recalled  []string `json:"recalled"`
	Expired   []string `json:"expired"`
}

// Result is what the seed made: one API token per participant (by name), and codes to try.
type Result struct {
	Tokens map[string]string `json:"tokens"`
	Codes  Codes             `json:"codes"`
}

// HistoryStart is the first day of the seeded history (08:00 UTC sixty days before now): the
// contracts must be deployed before it, on a chain whose genesis is older still.
func HistoryStart(now time.Time) time.Time {
	return now.UTC().AddDate(0, 0, -60).Truncate(24 * time.Hour).Add(8 * time.Hour)
}

// seeder carries one seeding run.
type seeder struct {
	Options
	ctx    context.Context
	start  time.Time // "day 0" of the history, 60 days ago
	actors map[string]actions.Actor
	step   int
}

// Seed lays down the consortium and its history. It expects a fresh chain whose contracts were
// deployed by Accounts[0], and a mirror that follows it.
func Seed(ctx context.Context, opts Options) (Result, error) {
	if opts.Actions == nil || opts.DB == nil || opts.Verifier == nil || opts.Clock == nil {
		return Result{}, errors.New("demo seed: actions, db, verifier and clock are required")
	}
	if len(opts.Accounts) != 1+len(Members) {
		return Result{}, fmt.Errorf("demo seed: %d accounts, want %d", len(opts.Accounts), 1+len(Members))
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	s := &seeder{Options: opts, ctx: ctx, start: HistoryStart(opts.Now()), actors: map[string]actions.Actor{}}
	defer opts.Clock.SetTime(time.Time{})
	res, err := s.run()
	if err != nil {
		return res, fmt.Errorf("demo seed, step %d: %w", s.step, err)
	}
	return res, nil
}

// day moves the chain's clock to day d of the history, at the given hour.
func (s *seeder) day(d int, hour float64) {
	s.Clock.SetTime(s.start.AddDate(0, 0, d).Add(time.Duration(hour * float64(time.Hour))))
}

func (s *seeder) actor(name string) (actions.Actor, error) {
	if a, ok := s.actors[name]; ok {
		return a, nil
	}
	addr := s.Accounts[0]
	for i, m := range Members {
		if m.Name == name {
			addr = s.Accounts[i+1]
		}
	}
	a, err := s.Actions.Actor(s.ctx, addr)
	if err != nil {
		return a, fmt.Errorf("%s: %w", name, err)
	}
	s.actors[name] = a
	return a, nil
}

// do runs one write as the named participant, logging it.
func (s *seeder) do(who, what string, fn func(a actions.Actor) error) error {
	s.step++
	a, err := s.actor(who)
	if err != nil {
		return err
	}
	s.Log.Info("demo", "step", s.step, "who", who, "does", what)
	if err := fn(a); err != nil {
		return fmt.Errorf("%s: %s: %w", who, what, err)
	}
	return nil
}

// product is a demo product.
type product struct {
	maker                string
	gtin                 string
	name, strength, form string
	packSize             uint32
}

var products = []product{
	{"Helvita Pharma AG", gtin(1), "Paracetamol", "500 mg", "tablets", 16},
	{"Helvita Pharma AG", gtin(2), "Amoxicillin", "500 mg", "capsules", 21},
	{"Helvita Pharma AG", gtin(3), "Salbutamol", "100 micrograms/dose", "pressurised inhaler", 1},
	{"Nordic Generics A/S", gtin(4), "Atorvastatin", "20 mg", "film-coated tablets", 28},
	{"Nordic Generics A/S", gtin(5), "Metformin", "850 mg", "tablets", 56},
	{"Nordic Generics A/S", gtin(6), "Omeprazole", "20 mg", "gastro-resistant capsules", 28},
}

// batch is a registered demo batch with its codes (QR payloads, in pack order).
type batch struct {
	id    string
	maker string
	codes []string
}

func (s *seeder) run() (Result, error) {
	res := Result{Tokens: map[string]string{}}

	// Day 0: the regulator admits the consortium; manufacturers register their products.
	s.day(0, 0)
	for i, m := range Members {
		m, acct := m, s.Accounts[i+1]
		if err := s.do(Regulator.Name, "admit "+m.Name, func(a actions.Actor) error {
			_, err := s.Actions.RegisterParticipant(s.ctx, a, actions.NewParticipant{Account: acct.Hex(), Role: m.Role, GLN: m.GLN, Name: m.Name})
			return err
		}); err != nil {
			return res, err
		}
	}
	s.day(0, 1)
	for _, p := range products {
		p := p
		if err := s.do(p.maker, "register "+p.name, func(a actions.Actor) error {
			_, err := s.Actions.RegisterProduct(s.ctx, a, actions.NewProduct{GTIN: p.gtin, Name: p.name, Strength: p.strength, Form: p.form, PackSize: p.packSize})
			return err
		}); err != nil {
			return res, err
		}
	}

	// Day 1: batches. Metformin's lot expires 20 days before today.
	now := s.Now().UTC()
	far := now.AddDate(2, 0, 0).Format(time.DateOnly)
	s.day(1, 0)
	pcm, err := s.batch(products[0], "PCM-24A01", far, 40)
	if err != nil {
		return res, err
	}
	amx, err := s.batch(products[1], "AMX-2406", far, 30)
	if err != nil {
		return res, err
	}
	atv, err := s.batch(products[3], "ATV-0625", far, 24)
	if err != nil {
		return res, err
	}
	met, err := s.batch(products[4], "MET-2311", now.AddDate(0, 0, -20).Format(time.DateOnly), 20)
	if err != nil {
		return res, err
	}

	// Days 3–12: down the chain.
	s.day(3, 0)
	for _, sh := range []struct {
		b        *batch
		from, to string
		qty      uint32
	}{
		{pcm, "Helvita Pharma AG", "MedSupply Distribution", 30},
		{amx, "Helvita Pharma AG", "PharmaLogistics Europe", 20},
		{atv, "Nordic Generics A/S", "MedSupply Distribution", 12},
		{met, "Nordic Generics A/S", "PharmaLogistics Europe", 10},
	} {
		if err := s.shipAndReceive(sh.b, sh.from, sh.to, sh.qty); err != nil {
			return res, err
		}
	}
	s.day(7, 0)
	for _, sh := range []struct {
		b        *batch
		from, to string
		qty      uint32
	}{
		{pcm, "MedSupply Distribution", "Central Pharmacy", 10},
		{pcm, "MedSupply Distribution", "Riverside Pharmacy", 10},
		{amx, "PharmaLogistics Europe", "Old Town Apotheke", 8},
		{atv, "MedSupply Distribution", "Central Pharmacy", 6},
		{met, "PharmaLogistics Europe", "Riverside Pharmacy", 5},
	} {
		if err := s.shipAndReceive(sh.b, sh.from, sh.to, sh.qty); err != nil {
			return res, err
		}
	}

	// Days 12–30: dispensing, one pack stolen from a wholesaler's van, one destroyed. (Nothing of
	// the metformin lot: a dispense is checked against today's date, and it has expired since.)
	dispense := []struct {
		day   int
		who   string
		b     *batch
		packs []int
	}{
		{12, "Central Pharmacy", pcm, []int{0}},
		{15, "Central Pharmacy", pcm, []int{1, 2}},
		{18, "Old Town Apotheke", amx, []int{0, 1, 2}},
		{22, "Riverside Pharmacy", pcm, []int{10, 11}},
		{30, "Central Pharmacy", pcm, []int{3}},
	}
	for _, d := range dispense {
		s.day(d.day, 2)
		if err := s.decommission(d.who, d.b, d.packs, "dispensed"); err != nil {
			return res, err
		}
		// The patients check their packs at home that evening (and a few others check theirs).
		var scans []string
		for _, p := range d.packs {
			scans = append(scans, d.b.codes[p])
		}
		scans = append(scans, pcm.codes[4+d.day%6], amx.codes[3+d.day%4])
		if err := s.patientScans(d.day, 19, scans); err != nil {
			return res, err
		}
	}
	s.day(25, 0)
	if err := s.decommission("PharmaLogistics Europe", amx, []int{20}, "stolen"); err != nil {
		return res, err
	}
	if err := s.decommission("PharmaLogistics Europe", amx, []int{21}, "destroyed"); err != nil {
		return res, err
	}

	// Day 55: Nordic Generics recalls its atorvastatin lot.
	s.day(55, 0)
	if err := s.do("Nordic Generics A/S", "recall ATV-0625", func(a actions.Actor) error {
		_, err := s.Actions.Recall(s.ctx, a, atv.id, "Out-of-specification dissolution results in stability testing")
		return err
	}); err != nil {
		return res, err
	}

	// Today: a salbutamol lot registered and on its way to a wholesaler, omeprazole in stock.
	s.Clock.SetTime(time.Time{})
	sal, err := s.batch(products[2], "SAL-2502", far, 20)
	if err != nil {
		return res, err
	}
	if _, err := s.batch(products[5], "OMP-2501", far, 24); err != nil {
		return res, err
	}
	if err := s.do("Helvita Pharma AG", "ship SAL-2502", func(a actions.Actor) error {
		_, _, err := s.Actions.Ship(s.ctx, a, sal.id, s.address("MedSupply Distribution").Hex(), 12)
		return err
	}); err != nil {
		return res, err
	}

	// Suspicious scans, as they happen: a pharmacy scanning a pack another dispensed, a pack with
	// a forged signature, a serial that was never registered, a recalled pack at a pharmacy.
	if err := s.alerts(pcm, atv); err != nil {
		return res, err
	}

	for i, name := range append([]string{Regulator.Name}, memberNames()...) {
		tok, err := tokens.Create(s.ctx, s.DB, s.Accounts[i], name+" (demo)", s.Now())
		if err != nil {
			return res, err
		}
		res.Tokens[name] = tok
	}
	res.Codes = Codes{
		Authentic: []string{pcm.codes[4], pcm.codes[12], amx.codes[3]},
		Dispensed: []string{pcm.codes[0], pcm.codes[10], amx.codes[0]},
		Recalled:  []string{atv.codes[0], atv.codes[1]},
		Expired:   []string{met.codes[2], met.codes[3]},
	}
	return res, nil
}

func memberNames() []string {
	out := make([]string, len(Members))
	for i, m := range Members {
		out[i] = m.Name
	}
	return out
}

func (s *seeder) address(name string) common.Address {
	for i, m := range Members {
		if m.Name == name {
			return s.Accounts[i+1]
		}
	}
	return s.Accounts[0]
}

// batch registers a batch of n packs with generated serials and signs its codes.
func (s *seeder) batch(p product, lot, expiry string, n int) (*batch, error) {
	b := &batch{maker: p.maker}
	err := s.do(p.maker, "register batch "+lot, func(a actions.Actor) error {
		r, err := s.Actions.RegisterBatch(s.ctx, a, actions.NewBatch{GTIN: p.gtin, Lot: lot, Expiry: expiry, Count: n}, nil)
		if err != nil {
			return err
		}
		b.id = r.BatchID
		ls, err := s.Actions.Labels(s.ctx, a, r.BatchID)
		if err != nil {
			return err
		}
		for _, c := range ls.Codes {
			b.codes = append(b.codes, gs1.FormatDigitalLink(s.BaseURL, c))
		}
		return nil
	})
	return b, err
}

func (s *seeder) shipAndReceive(b *batch, from, to string, qty uint32) error {
	var id uint64
	if err := s.do(from, "ship "+strconv.Itoa(int(qty))+" to "+to, func(a actions.Actor) error {
		var err error
		id, _, err = s.Actions.Ship(s.ctx, a, b.id, s.address(to).Hex(), qty)
		return err
	}); err != nil {
		return err
	}
	return s.do(to, "receive shipment "+strconv.FormatUint(id, 10), func(a actions.Actor) error {
		_, err := s.Actions.CloseShipment(s.ctx, a, id, actions.Receive)
		return err
	})
}

func (s *seeder) decommission(who string, b *batch, packs []int, reason string) error {
	codes := make([]string, len(packs))
	for i, p := range packs {
		codes[i] = b.codes[p]
	}
	return s.do(who, reason+" "+strconv.Itoa(len(codes))+" pack(s)", func(a actions.Actor) error {
		_, err := s.Actions.Decommission(s.ctx, a, codes, reason, "demo-"+a.Account.Hex()[2:10])
		return err
	})
}

// patientScans logs anonymous verifications of codes on day d of the history, at the hour.
func (s *seeder) patientScans(d int, hour float64, codes []string) error {
	if s.VerifierAt == nil || s.Recorder == nil {
		return nil
	}
	at := s.start.AddDate(0, 0, d).Add(time.Duration(hour * float64(time.Hour)))
	v, err := s.VerifierAt(at)
	if err != nil {
		return err
	}
	for i, c := range codes {
		r, err := v.Verify(s.ctx, c, verify.Scanner{Client: fmt.Sprintf("demo-phone-%d-%d", d, i)})
		if err != nil {
			return err
		}
		s.Recorder.Record(s.ctx, r)
	}
	return nil
}

// alerts makes the suspicious scans that raise the demo's alerts.
func (s *seeder) alerts(pcm, atv *batch) error {
	s.step++
	riverside, err := s.actor("Riverside Pharmacy")
	if err != nil {
		return err
	}
	central, err := s.actor("Central Pharmacy")
	if err != nil {
		return err
	}
	// Riverside tries to dispense a pack Central dispensed: refused, a possible clone.
	_, err = s.Actions.Decommission(s.ctx, riverside, []string{pcm.codes[0]}, "dispensed", "demo-riverside")
	var refused *actions.RefusedError
	if !errors.As(err, &refused) {
		return fmt.Errorf("clone scan: want a refusal, got %v", err)
	}
	forged := pcm.codes[5][:len(pcm.codes[5])-4] + "AAAA" // the signature's last characters changed
	unknown := gs1.FormatDigitalLink(s.BaseURL, gs1.Code{GTIN: gs1.GTIN(products[0].gtin), Lot: "PCM-24A01", Serial: "FAKE00000001"})
	for _, sc := range []struct {
		code string
		by   verify.Scanner
	}{
		{forged, verify.Scanner{Client: "demo-phone-1"}},
		{unknown, verify.Scanner{Participant: central.Account, Client: "demo-central"}},
		{atv.codes[2], verify.Scanner{Participant: central.Account, Client: "demo-central"}},
		{pcm.codes[4], verify.Scanner{Client: "demo-phone-2"}},
	} {
		r, err := s.Verifier.Verify(s.ctx, sc.code, sc.by)
		if err != nil {
			return err
		}
		if s.Recorder != nil {
			s.Recorder.Record(s.ctx, r)
		}
	}
	if s.Recorder != nil {
		s.Recorder.Flush(s.ctx)
	}
	return nil
}
