package epcis_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/epcis"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/indexer/indextest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// genesisOfStory is when the story's chain starts: fixed, and in the future, so the simulated
// chain (which stamps a block with the wall clock unless that is not after its parent) stamps
// every later block parent + 1 s, and times, transaction hashes and event IDs are reproducible.
var genesisOfStory = time.Date(2031, 3, 1, 8, 0, 0, 0, time.UTC)

// env is a simulated chain with the contracts, and its SQLite mirror.
type env struct {
	*chaintest.Chain
	ix *indexer.Indexer
	st *indexer.Store
}

// newEnv starts a chain and a SQLite mirror of it.
func newEnv(t *testing.T) *env {
	t.Helper()
	db, err := indexer.Open(context.Background(), filepath.Join(t.TempDir(), "mirror.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return newEnvOn(t, db)
}

// forEachDB runs a test on a SQLite mirror and, when PHARMATRACE_TEST_POSTGRES holds a DSN, on a
// PostgreSQL one in a schema of its own: the export's queries must mean the same on both.
func forEachDB(t *testing.T, fn func(t *testing.T, e *env)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, newEnv(t)) })
	t.Run("postgres", func(t *testing.T) {
		dsn := os.Getenv("PHARMATRACE_TEST_POSTGRES")
		if dsn == "" {
			t.Skip("PHARMATRACE_TEST_POSTGRES is not set")
		}
		fn(t, newEnvOn(t, openPostgres(t, dsn)))
	})
}

func openPostgres(t *testing.T, dsn string) *indexer.DB {
	t.Helper()
	db, err := indexer.Open(context.Background(), indextest.SchemaDSN(t, dsn))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func newEnvOn(t *testing.T, db *indexer.DB) *env {
	t.Helper()
	e := &env{Chain: chaintest.New(t)}
	var err error
	if e.ix, err = indexer.New(db, e.Backend, indexer.Options{Addresses: e.Client.Addresses()}); err != nil {
		t.Fatal(err)
	}
	e.st = indexer.NewStore(db)
	return e
}

func (e *env) sync(t *testing.T) {
	t.Helper()
	if err := e.ix.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func (e *env) decommission(t *testing.T, b *chaintest.Batch, i int, by *chaintest.Account, r chain.Reason) {
	t.Helper()
	if _, err := e.Client.Decommission(context.Background(), by.Opts, b.ID, b.PackIDs[i], b.Proof(t, i), r); err != nil {
		t.Fatalf("decommission pack %d as %s by %s: %v", i, r, by.Name, err)
	}
}

// story runs one batch's life: made, shipped to a wholesaler, on to a pharmacy, one pack
// dispensed, the batch recalled. It returns the batch.
func (e *env) story(t *testing.T, gtin uint64, lot string) *chaintest.Batch {
	t.Helper()
	e.RegisterProduct(t, e.Manufacturer, gtin)
	b := e.RegisterBatchExpiring(t, e.Manufacturer, gtin, lot, 5, time.Date(2031, 6, 30, 0, 0, 0, 0, time.UTC))
	e.ShipAndReceive(t, b, e.Manufacturer, e.Distributor, 4)
	e.ShipAndReceive(t, b, e.Distributor, e.Pharmacy, 2)
	e.decommission(t, b, 0, e.Pharmacy, chain.ReasonSupplied)
	if _, err := e.Client.Recall(context.Background(), e.Manufacturer.Opts, b.ID, "sterility not assured"); err != nil {
		t.Fatalf("recall: %v", err)
	}
	return b
}

func gtinText(g uint64) string { return fmt.Sprintf("%014d", g) }

func gln(a *chaintest.Account) string { return fmt.Sprintf("%013d", a.GLN) }

// TestExportTellsTheStory exports a batch's life from a real chain through the real indexer and
// checks it against the EPCIS 2.0 schema's rules, GS1's identifiers and the order of events, and
// against a golden document (the chain's clock is pinned, so times and hashes are stable).
func TestExportTellsTheStory(t *testing.T) { forEachDB(t, testExportTellsTheStory) }

func testExportTellsTheStory(t *testing.T, e *env) {
	e.AdvanceTime(t, genesisOfStory.Sub(e.Now(t)))
	gtin := chaintest.GTIN(7)
	b := e.story(t, gtin, "EP-1")
	e.sync(t)

	now := time.Date(2031, 7, 15, 12, 0, 0, 0, time.UTC) // after the expiry: the batch has expired too
	doc, err := epcis.Export(context.Background(), e.st, epcis.Query{GTIN: gtinText(gtin), Lot: "EP-1"}, now)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range checkDocument(raw) {
		t.Errorf("schema: %s", p)
	}

	evs := doc.Body.EventList
	type step struct{ action, bizStep, disposition string }
	want := []step{
		{"ADD", "commissioning", "active"},
		{"OBSERVE", "shipping", "in_transit"},
		{"OBSERVE", "receiving", "in_progress"},
		{"OBSERVE", "shipping", "in_transit"},
		{"OBSERVE", "receiving", "in_progress"},
		{"OBSERVE", "dispensing", "dispensed"},
		{"OBSERVE", "", "recalled"},
		{"OBSERVE", "", "expired"},
	}
	var got []step
	for _, ev := range evs {
		got = append(got, step{ev.Action, ev.BizStep, ev.Disposition})
	}
	if !slices.Equal(got, want) {
		t.Fatalf("story\n got %v\nwant %v", got, want)
	}

	// Time flows forward, and the chain's events are stamped with their blocks' times.
	for i := 1; i < len(evs); i++ {
		if evs[i].EventTime < evs[i-1].EventTime {
			t.Errorf("event %d at %s before event %d at %s", i, evs[i].EventTime, i-1, evs[i-1].EventTime)
		}
	}
	if got, want := evs[len(evs)-1].EventTime, "2031-07-01T00:00:00.000Z"; got != want {
		t.Errorf("expired at %s, want %s (the end of the expiry day)", got, want)
	}

	// Who did what where: GLNs as Digital Link locations and parties.
	class := "https://id.gs1.org/01/" + gtinText(gtin) + "/10/EP-1"
	loc := func(a *chaintest.Account) string { return "https://id.gs1.org/414/" + gln(a) }
	party := func(a *chaintest.Account) string { return "https://id.gs1.org/417/" + gln(a) }
	checks := []struct {
		i         int
		qty       float64
		readPoint string
		from, to  *chaintest.Account
	}{
		{0, 5, loc(e.Manufacturer), nil, nil},
		{1, 4, loc(e.Manufacturer), e.Manufacturer, e.Distributor},
		{2, 4, loc(e.Distributor), e.Manufacturer, e.Distributor},
		{3, 2, loc(e.Distributor), e.Distributor, e.Pharmacy},
		{4, 2, loc(e.Pharmacy), e.Distributor, e.Pharmacy},
		{5, 1, loc(e.Pharmacy), nil, nil},
		{6, 5, loc(e.Manufacturer), nil, nil},
	}
	for _, c := range checks {
		ev := evs[c.i]
		if len(ev.QuantityList) != 1 || ev.QuantityList[0].EPCClass != class || ev.QuantityList[0].Quantity != c.qty {
			t.Errorf("event %d (%s): quantityList %+v, want %v of %s", c.i, ev.BizStep, ev.QuantityList, c.qty, class)
		}
		if ev.ReadPoint == nil || ev.ReadPoint.ID != c.readPoint {
			t.Errorf("event %d (%s): readPoint %+v, want %s", c.i, ev.BizStep, ev.ReadPoint, c.readPoint)
		}
		if c.from != nil {
			if !slices.Contains(ev.SourceList, epcis.Source{Type: "possessing_party", Source: party(c.from)}) ||
				!slices.Contains(ev.DestinationList, epcis.Destination{Type: "possessing_party", Destination: party(c.to)}) {
				t.Errorf("event %d (%s): from %+v to %+v, want %s to %s", c.i, ev.BizStep, ev.SourceList, ev.DestinationList, c.from.Name, c.to.Name)
			}
		}
		if len(ev.BizTransactionList) != 1 || !regexp.MustCompile(`/tx/0x[0-9a-f]{64}$`).MatchString(ev.BizTransactionList[0].BizTransaction) {
			t.Errorf("event %d (%s): bizTransactionList %+v, want the transaction hash", c.i, ev.BizStep, ev.BizTransactionList)
		}
	}
	if evs[1].BizLocation != nil {
		t.Errorf("shipping has bizLocation %+v; goods in transit are at no location", evs[1].BizLocation)
	}
	if got := evs[0].ILMD["cbvmda:itemExpirationDate"]; got != "2031-06-30" {
		t.Errorf("commissioning ILMD expiry %q, want 2031-06-30", got)
	}
	if got, want := evs[5].PackID, b.PackIDs[0].Hex(); got != want {
		t.Errorf("dispensed pack id %s, want %s", got, want)
	}
	if len(evs[5].EPCList) != 0 {
		t.Errorf("dispensing names serials %v with no serial lookup", evs[5].EPCList)
	}
	if evs[6].Reason != "sterility not assured" {
		t.Errorf("recall reason %q", evs[6].Reason)
	}

	// Each event's ID is the hash of its own content: recomputable, and distinct.
	seen := map[string]bool{}
	for i, ev := range evs {
		id, err := epcis.EventID(ev)
		if err != nil {
			t.Fatal(err)
		}
		if id != ev.EventID {
			t.Errorf("event %d: eventID %s, recomputed %s", i, ev.EventID, id)
		}
		if seen[id] {
			t.Errorf("event %d: eventID %s twice", i, id)
		}
		seen[id] = true
	}

	golden(t, "story.golden.json", raw)
}

// TestSerialLookupNamesThePack: with serials known, a decommissioned pack is an instance-level
// Digital Link in epcList instead of a class quantity.
func TestSerialLookupNamesThePack(t *testing.T) {
	e := newEnv(t)
	gtin := chaintest.GTIN(8)
	b := e.story(t, gtin, "SN/1") // a "/" in the lot: percent-encoded in the Digital Link
	e.sync(t)
	serials := func(_ context.Context, batchID, packID common.Hash) (string, bool, error) {
		if batchID != b.ID {
			return "", false, fmt.Errorf("asked about batch %s", batchID)
		}
		for i, id := range b.PackIDs {
			if id == packID {
				return b.Serials[i], true, nil
			}
		}
		return "", false, nil
	}
	doc, err := epcis.New(e.st, epcis.Options{Serials: serials}).Export(context.Background(), epcis.Query{GTIN: gtinText(gtin), Lot: "SN/1"}, e.Now(t))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(doc)
	for _, p := range checkDocument(raw) {
		t.Errorf("schema: %s", p)
	}
	var disp *epcis.ObjectEvent
	for i, ev := range doc.Body.EventList {
		if ev.BizStep == "dispensing" {
			disp = &doc.Body.EventList[i]
		}
	}
	if disp == nil {
		t.Fatal("no dispensing event")
	}
	want := "https://id.gs1.org/01/" + gtinText(gtin) + "/10/SN%2F1/21/SN%2F1-0"
	if !slices.Equal(disp.EPCList, []string{want}) || disp.QuantityList != nil {
		t.Errorf("dispensing epcList %v quantityList %v, want [%s] and no quantity", disp.EPCList, disp.QuantityList, want)
	}
	if c, err := gs1.ParseDigitalLink(want, e.Now(t)); err != nil || c.Serial != b.Serials[0] || c.Lot != "SN/1" {
		t.Errorf("the epc does not parse back to the pack: %+v, %v", c, err)
	}
}

// TestEveryMapping drives the other paths of custody and decommissioning and checks each maps
// to its CBV step and disposition.
func TestEveryMapping(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	gtin := chaintest.GTIN(9)
	e.RegisterProduct(t, e.Manufacturer, gtin)
	b := e.RegisterBatch(t, e.Manufacturer, gtin, "MAP-1", 8)
	e.ShipAndReceive(t, b, e.Manufacturer, e.Distributor, 6)
	id, _, err := e.Client.Ship(ctx, e.Distributor.Opts, b.ID, e.Pharmacy.Address, 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Client.RejectShipment(ctx, e.Pharmacy.Opts, id); err != nil {
		t.Fatal(err)
	}
	if id, _, err = e.Client.Ship(ctx, e.Distributor.Opts, b.ID, e.Pharmacy2.Address, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Client.CancelShipment(ctx, e.Distributor.Opts, id); err != nil {
		t.Fatal(err)
	}
	e.decommission(t, b, 1, e.Distributor, chain.ReasonDestroyed)
	e.decommission(t, b, 2, e.Distributor, chain.ReasonStolen)
	e.decommission(t, b, 3, e.Distributor, chain.ReasonExported)
	if _, err := e.Client.Reactivate(ctx, e.Distributor.Opts, b.ID, b.PackIDs[3]); err != nil {
		t.Fatal(err)
	}
	// Two packs in one transaction become two events.
	if _, err := e.Client.DecommissionMany(ctx, e.Distributor.Opts, b.ID, b.MultiProof(t, 4, 5), chain.ReasonSample); err != nil {
		t.Fatal(err)
	}
	e.sync(t)

	doc, err := epcis.Export(ctx, e.st, epcis.Query{GTIN: gtinText(gtin), Lot: "MAP-1"}, e.Now(t))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(doc)
	for _, p := range checkDocument(raw) {
		t.Errorf("schema: %s", p)
	}
	type step struct{ action, bizStep, disposition, reason string }
	want := []step{
		{"ADD", "commissioning", "active", ""},
		{"OBSERVE", "shipping", "in_transit", ""},
		{"OBSERVE", "receiving", "in_progress", ""},
		{"OBSERVE", "shipping", "in_transit", ""},
		{"OBSERVE", "void_shipping", "returned", ""},
		{"OBSERVE", "shipping", "in_transit", ""},
		{"OBSERVE", "void_shipping", "in_progress", ""},
		{"DELETE", "destroying", "destroyed", "destroyed"},
		{"DELETE", "decommissioning", "stolen", "stolen"},
		{"DELETE", "decommissioning", "inactive", "exported"},
		{"ADD", "commissioning", "active", "exported"},
		{"DELETE", "decommissioning", "inactive", "sample"},
		{"DELETE", "decommissioning", "inactive", "sample"},
	}
	var got []step
	for _, ev := range doc.Body.EventList {
		got = append(got, step{ev.Action, ev.BizStep, ev.Disposition, ev.Reason})
	}
	if !slices.Equal(got, want) {
		t.Fatalf("mapping\n got %v\nwant %v", got, want)
	}
	evs := doc.Body.EventList
	if !evs[10].Reactivated || evs[10].PackID != b.PackIDs[3].Hex() {
		t.Errorf("reactivation: %+v, want pack %s marked reactivated", evs[10], b.PackIDs[3].Hex())
	}
	if evs[11].PackID == evs[12].PackID || evs[11].EventID == evs[12].EventID {
		t.Errorf("two packs of one transaction share a pack id or event ID: %s %s", evs[11].PackID, evs[12].PackID)
	}
	if evs[11].BizTransactionList[0] != evs[12].BizTransactionList[0] {
		t.Errorf("two packs of one transaction have different transactions: %+v %+v", evs[11].BizTransactionList, evs[12].BizTransactionList)
	}
}

// TestTimeRange exports by time alone (every batch) and by batch and time.
func TestTimeRange(t *testing.T) { forEachDB(t, testTimeRange) }

func testTimeRange(t *testing.T, e *env) {
	ctx := context.Background()
	gtin := chaintest.GTIN(10)
	e.story(t, gtin, "TR-1")
	e.AdvanceTime(t, time.Hour)
	other := e.RegisterBatch(t, e.Manufacturer, gtin, "TR-2", 3)
	e.ShipAndReceive(t, other, e.Manufacturer, e.Distributor, 1)
	e.sync(t)
	now := e.Now(t)

	all, err := epcis.Export(ctx, e.st, epcis.Query{GTIN: gtinText(gtin), Lot: "TR-1"}, now)
	if err != nil {
		t.Fatal(err)
	}
	first := all.Body.EventList
	from := parseTime(t, first[1].EventTime)          // the first shipment
	to := parseTime(t, first[len(first)-1].EventTime) // the recall, excluded
	later := parseTime(t, first[len(first)-1].EventTime).Add(time.Minute)

	t.Run("batch and range", func(t *testing.T) {
		doc, err := epcis.Export(ctx, e.st, epcis.Query{GTIN: gtinText(gtin), Lot: "TR-1", From: from, To: to}, now)
		if err != nil {
			t.Fatal(err)
		}
		var steps []string
		for _, ev := range doc.Body.EventList {
			steps = append(steps, ev.BizStep)
		}
		if want := []string{"shipping", "receiving", "shipping", "receiving", "dispensing"}; !slices.Equal(steps, want) {
			t.Errorf("steps %v, want %v", steps, want)
		}
	})
	t.Run("range alone spans batches", func(t *testing.T) {
		doc, err := epcis.Export(ctx, e.st, epcis.Query{From: later}, now)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := json.Marshal(doc)
		for _, p := range checkDocument(raw) {
			t.Errorf("schema: %s", p)
		}
		var got []string
		for _, ev := range doc.Body.EventList {
			got = append(got, ev.BizStep+" "+ev.QuantityList[0].EPCClass)
		}
		c := "https://id.gs1.org/01/" + gtinText(gtin) + "/10/TR-2"
		if want := []string{"commissioning " + c, "shipping " + c, "receiving " + c}; !slices.Equal(got, want) {
			t.Errorf("events %v, want %v", got, want)
		}
	})
	t.Run("empty range", func(t *testing.T) {
		doc, err := epcis.Export(ctx, e.st, epcis.Query{From: now.Add(time.Hour)}, now)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Body.EventList == nil || len(doc.Body.EventList) != 0 {
			t.Errorf("eventList %v, want an empty list (not null)", doc.Body.EventList)
		}
	})
	t.Run("too many events", func(t *testing.T) {
		_, err := epcis.New(e.st, epcis.Options{MaxEvents: 3}).Export(ctx, epcis.Query{From: from}, now)
		if epcis.ErrorCode(err) != epcis.EInvalid {
			t.Errorf("err = %v, want %s", err, epcis.EInvalid)
		}
	})
}

// TestExpiryByRange: a batch that expired inside a time range shows its expiry even when none
// of its transactions is in the range, and not before the expiry has happened.
func TestExpiryByRange(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	gtin := chaintest.GTIN(11)
	e.RegisterProduct(t, e.Manufacturer, gtin)
	expiry := e.Now(t).AddDate(0, 2, 0).Truncate(24 * time.Hour)
	e.RegisterBatchExpiring(t, e.Manufacturer, gtin, "EX-1", 2, expiry)
	e.sync(t)
	expired := expiry.AddDate(0, 0, 1)
	q := epcis.Query{From: expired.Add(-time.Hour), To: expired.Add(time.Hour)}

	doc, err := epcis.Export(ctx, e.st, q, expired.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Body.EventList) != 1 || doc.Body.EventList[0].Disposition != "expired" || doc.Body.EventList[0].EventTime != expired.Format("2006-01-02T15:04:05.000Z") {
		t.Errorf("events %+v, want one expiry at %s", doc.Body.EventList, expired)
	}
	doc, err = epcis.Export(ctx, e.st, q, expired.Add(-time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Body.EventList) != 0 {
		t.Errorf("events %+v before the batch expired, want none", doc.Body.EventList)
	}
}

func TestQueryErrors(t *testing.T) {
	e := newEnv(t)
	gtin := chaintest.GTIN(12)
	e.RegisterProduct(t, e.Manufacturer, gtin)
	e.RegisterBatch(t, e.Manufacturer, gtin, "Q-1", 1)
	e.sync(t)
	now := e.Now(t)
	tests := []struct {
		name  string
		q     epcis.Query
		code  string
		field string
	}{
		{"nothing", epcis.Query{}, epcis.EInvalid, "gtin"},
		{"gtin without lot", epcis.Query{GTIN: gtinText(gtin)}, epcis.EInvalid, "lot"},
		{"lot without gtin", epcis.Query{Lot: "Q-1"}, epcis.EInvalid, "gtin"},
		{"bad check digit", epcis.Query{GTIN: gtinText(gtin + 1), Lot: "Q-1"}, epcis.EInvalid, "gtin"},
		{"bad lot", epcis.Query{GTIN: gtinText(gtin), Lot: "Q 1"}, epcis.EInvalid, "lot"},
		{"range backwards", epcis.Query{From: now, To: now.Add(-time.Second)}, epcis.EInvalid, "to"},
		{"unknown lot", epcis.Query{GTIN: gtinText(gtin), Lot: "Q-2"}, epcis.ENotFound, "lot"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := epcis.Export(context.Background(), e.st, tt.q, now)
			var ee *epcis.Error
			if !asError(err, &ee) || ee.Code != tt.code || ee.Field != tt.field || ee.Message == "" {
				t.Fatalf("Export(%+v) = %v, %v; want a %s error on %s", tt.q, doc, err, tt.code, tt.field)
			}
		})
	}
	// The GTIN may come as GTIN-13: it is the same product.
	if _, err := epcis.Export(context.Background(), e.st, epcis.Query{GTIN: gtinText(gtin)[1:], Lot: "Q-1"}, now); err != nil {
		t.Errorf("GTIN-13 form: %v", err)
	}
}

func asError(err error, target **epcis.Error) bool { return errors.As(err, target) }

func parseTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	got = append(bytes.TrimSpace(got), '\n')
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\n got:\n%s", path, got)
	}
}

// The EPCIS 2.0 JSON schema's rules for what this export writes, written out (GS1's
// EPCIS-JSON-Schema: EPCIS-Document, Event, ObjectEvent, event-definitions, the CBV enums).
var (
	cbvBizSteps = []string{
		"accepting", "arriving", "assembling", "collecting", "commissioning", "consigning", "creating_class_instance",
		"cycle_counting", "decommissioning", "departing", "destroying", "disassembling", "dispensing", "encoding",
		"entering_exiting", "holding", "inspecting", "installing", "killing", "loading", "other", "packing", "picking",
		"receiving", "removing", "repackaging", "repairing", "replacing", "reserving", "retail_selling", "shipping",
		"staging_outbound", "stock_taking", "stocking", "storing", "transporting", "unloading", "unpacking",
		"void_shipping", "sensor_reporting", "sampling",
	}
	cbvDispositions = []string{
		"active", "container_closed", "damaged", "destroyed", "dispensed", "disposed", "encoded", "expired",
		"in_progress", "in_transit", "inactive", "no_pedigree_match", "non_sellable_other", "partially_dispensed",
		"recalled", "reserved", "retail_sold", "returned", "sellable_accessible", "sellable_not_accessible", "stolen", "unknown",
	}
	cbvBTTs         = []string{"bol", "cert", "desadv", "inv", "pedigree", "po", "poc", "prodorder", "recadv", "rma", "testprd", "testres"}
	cbvSDTs         = []string{"owning_party", "possessing_party", "location"}
	documentFields  = []string{"@context", "id", "type", "schemaVersion", "creationDate", "instanceIdentifier", "sender", "receiver", "epcisHeader", "epcisBody"}
	objectEvtFields = []string{
		"@context", "type", "eventTime", "recordTime", "eventTimeZoneOffset", "eventID", "errorDeclaration", "certificationInfo",
		"epcList", "quantityList", "action", "bizStep", "disposition", "persistentDisposition", "readPoint", "bizLocation",
		"bizTransactionList", "sourceList", "destinationList", "sensorElementList", "ilmd",
	}
	tzOffset = regexp.MustCompile(`^([+]|[-])((0[0-9]|1[0-3]):([0-5][0-9])|14:00)$`)
	eventID  = regexp.MustCompile(`^ni:///sha-256;[0-9a-f]{64}\?ver=CBV2\.0$`)
	lgtinDL  = regexp.MustCompile(`^https://id\.gs1\.org/01/\d{14}/10/[A-Za-z0-9._~%-]{1,60}$`)
	sgtinDL  = regexp.MustCompile(`^https://id\.gs1\.org/01/\d{14}/10/[A-Za-z0-9._~%-]{1,60}/21/[A-Za-z0-9._~%-]{1,60}$`)
	glnDL    = regexp.MustCompile(`^https://id\.gs1\.org/41[47]/\d{13}$`)
)

// checkDocument checks an EPCIS 2.0 JSON document against the schema's required fields, types
// and enumerations, and this export's own promises (UTC offsets, hash event IDs, Digital Link
// identifiers). It returns the problems found.
func checkDocument(raw []byte) []string {
	var (
		problems []string
		doc      map[string]any
	)
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if err := json.Unmarshal(raw, &doc); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	for _, k := range []string{"@context", "type", "schemaVersion", "creationDate", "epcisBody"} {
		if _, ok := doc[k]; !ok {
			bad("document: no %s", k)
		}
	}
	for k := range doc {
		if !slices.Contains(documentFields, k) && !isURI(k) {
			bad("document: unknown field %q", k)
		}
	}
	ctx, _ := doc["@context"].([]any)
	if len(ctx) == 0 || ctx[0] != epcis.ContextURI {
		bad("document: @context %v does not start with %s", doc["@context"], epcis.ContextURI)
	}
	for _, c := range ctx {
		switch c := c.(type) {
		case string:
			if !isURI(c) {
				bad("document: @context entry %q is not a URI", c)
			}
		case map[string]any:
		default:
			bad("document: @context entry %v is neither a URI nor an object", c)
		}
	}
	if doc["type"] != "EPCISDocument" {
		bad("document: type %v, want EPCISDocument", doc["type"])
	}
	if doc["schemaVersion"] != "2.0" {
		bad("document: schemaVersion %#v, want the string \"2.0\"", doc["schemaVersion"])
	}
	if !isTime(doc["creationDate"]) {
		bad("document: creationDate %v is not an RFC 3339 date-time", doc["creationDate"])
	}
	body, _ := doc["epcisBody"].(map[string]any)
	list, ok := body["eventList"].([]any)
	if !ok {
		bad("document: epcisBody.eventList is not an array")
	}
	for i, raw := range list {
		ev, ok := raw.(map[string]any)
		if !ok {
			bad("event %d: not an object", i)
			continue
		}
		at := func(format string, args ...any) { bad("event %d: "+format, append([]any{i}, args...)...) }
		for k := range ev {
			if !slices.Contains(objectEvtFields, k) && !isURI(k) {
				at("unknown field %q", k)
			}
		}
		if ev["type"] != "ObjectEvent" {
			at("type %v, want ObjectEvent", ev["type"])
		}
		if !isTime(ev["eventTime"]) {
			at("eventTime %v is not an RFC 3339 date-time", ev["eventTime"])
		}
		if s, _ := ev["eventTimeZoneOffset"].(string); !tzOffset.MatchString(s) || s != "+00:00" {
			at("eventTimeZoneOffset %v, want +00:00", ev["eventTimeZoneOffset"])
		}
		if s, _ := ev["eventID"].(string); !eventID.MatchString(s) {
			at("eventID %v is not a CBV 2.0 event hash", ev["eventID"])
		}
		action, _ := ev["action"].(string)
		if !slices.Contains([]string{"ADD", "OBSERVE", "DELETE"}, action) {
			at("action %v", ev["action"])
		}
		if _, ok := ev["ilmd"]; ok && action != "ADD" {
			at("ilmd with action %s (only ADD may carry it)", action)
		}
		if ilmd, ok := ev["ilmd"]; ok {
			m, ok := ilmd.(map[string]any)
			if !ok {
				at("ilmd is not an object")
			}
			for k := range m {
				if !isURI(k) {
					at("ilmd key %q is not a URI", k)
				}
			}
		}
		epcs, hasEPCs := ev["epcList"].([]any)
		qs, hasQs := ev["quantityList"].([]any)
		if !hasEPCs && (!hasQs || len(qs) == 0) {
			at("neither epcList nor a non-empty quantityList")
		}
		seen := map[any]bool{}
		for _, epc := range epcs {
			if s, _ := epc.(string); !sgtinDL.MatchString(s) || seen[epc] {
				at("epc %v is not a unique serialised Digital Link", epc)
			}
			seen[epc] = true
		}
		for _, q := range qs {
			m, _ := q.(map[string]any)
			cls, _ := m["epcClass"].(string)
			if _, ok := m["quantity"].(float64); !ok || !lgtinDL.MatchString(cls) {
				at("quantity element %v: want epcClass an LGTIN Digital Link and a numeric quantity", q)
			}
			for k := range m {
				if k != "epcClass" && k != "quantity" && k != "uom" {
					at("quantity element field %q", k)
				}
			}
		}
		if s, ok := ev["bizStep"]; ok && !vocab(s, cbvBizSteps, "BizStep-") {
			at("bizStep %v is not a CBV step or a non-CBV URI", s)
		}
		if s, ok := ev["disposition"]; ok && !vocab(s, cbvDispositions, "Disp-") {
			at("disposition %v is not a CBV disposition or a non-CBV URI", s)
		}
		for _, k := range []string{"readPoint", "bizLocation"} {
			if l, ok := ev[k]; ok {
				m, _ := l.(map[string]any)
				if id, _ := m["id"].(string); !glnDL.MatchString(id) {
					at("%s %v: want {id: a GLN Digital Link}", k, l)
				}
			}
		}
		typedList(ev, "bizTransactionList", "bizTransaction", false, cbvBTTs, "BTT-", at)
		typedList(ev, "sourceList", "source", true, cbvSDTs, "SDT-", at)
		typedList(ev, "destinationList", "destination", true, cbvSDTs, "SDT-", at)
	}
	return problems
}

// typedList checks a list of {type, <key>} objects: key a URI, type (required if needsType) a
// CBV term or a URI, nothing else.
func typedList(ev map[string]any, list, key string, needsType bool, terms []string, kind string, at func(string, ...any)) {
	raw, ok := ev[list]
	if !ok {
		return
	}
	items, ok := raw.([]any)
	if !ok {
		at("%s is not an array", list)
		return
	}
	for _, it := range items {
		m, _ := it.(map[string]any)
		if v, _ := m[key].(string); !isURI(v) {
			at("%s element %v: %s is not a URI", list, it, key)
		}
		typ, hasType := m["type"]
		if (needsType && !hasType) || (hasType && !vocab(typ, terms, kind)) {
			at("%s element %v: bad type", list, it)
		}
		for k := range m {
			if k != "type" && k != key {
				at("%s element field %q", list, k)
			}
		}
	}
}

// vocab reports whether v is one of a CBV vocabulary's bare terms, or a URI outside CBV (the
// schema forbids CBV's own URIs where the bare term is meant).
func vocab(v any, terms []string, kind string) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	if slices.Contains(terms, s) {
		return true
	}
	return isURI(s) && !strings.HasPrefix(s, "https://ref.gs1.org/cbv/"+kind) && !strings.HasPrefix(s, "urn:epcglobal:cbv:")
}

// isURI is JSON Schema's "uri" format as far as it matters here: absolute, with a scheme.
func isURI(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && !strings.ContainsAny(s, " \t\n")
}

func isTime(v any) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	_, err := time.Parse(time.RFC3339Nano, s)
	return err == nil
}

// TestCheckerCatchesBrokenDocuments: the schema checker must fail documents that break the rules,
// or the tests above prove nothing.
func TestCheckerCatchesBrokenDocuments(t *testing.T) {
	good := `{"@context":["` + epcis.ContextURI + `",{"pharmatrace":"` + epcis.Namespace + `"}],"type":"EPCISDocument","schemaVersion":"2.0",
		"creationDate":"2031-07-15T12:00:00.000Z","epcisBody":{"eventList":[{"type":"ObjectEvent",
		"eventID":"ni:///sha-256;` + strings.Repeat("ab", 32) + `?ver=CBV2.0","eventTime":"2031-03-01T08:00:01.000Z",
		"eventTimeZoneOffset":"+00:00","quantityList":[{"epcClass":"https://id.gs1.org/01/09506000130076/10/EP-1","quantity":5}],
		"action":"OBSERVE","bizStep":"shipping","disposition":"in_transit","readPoint":{"id":"https://id.gs1.org/414/9506000000021"},
		"bizTransactionList":[{"type":"pharmatrace:ethereumTransaction","bizTransaction":"https://x.example/tx/0x1"}],
		"sourceList":[{"type":"possessing_party","source":"https://id.gs1.org/417/9506000000021"}],
		"pharmatrace:shipmentId":1}]}}`
	if p := checkDocument([]byte(good)); len(p) != 0 {
		t.Fatalf("a valid document fails: %v", p)
	}
	breaks := map[string][2]string{
		"schemaVersion a number": {`"schemaVersion":"2.0"`, `"schemaVersion":2`},
		"no eventTime":           {`"eventTime":"2031-03-01T08:00:01.000Z",`, ``},
		"eventTime not RFC 3339": {`"eventTime":"2031-03-01T08:00:01.000Z"`, `"eventTime":"01/03/2031"`},
		"other offset":           {`"+00:00"`, `"+01:00"`},
		"action lower case":      {`"OBSERVE"`, `"observe"`},
		"unknown bizStep":        {`"shipping"`, `"sending"`},
		"CBV URI as bizStep":     {`"bizStep":"shipping"`, `"bizStep":"https://ref.gs1.org/cbv/BizStep-shipping"`},
		"unknown disposition":    {`"in_transit"`, `"moving"`},
		"uuid eventID":           {`"ni:///sha-256;`, `"urn:uuid:`},
		"no quantity":            {`,"quantity":5`, ``},
		"SGLN location":          {`"https://id.gs1.org/414/9506000000021"`, `"urn:epc:id:sgln:950600.000002.0"`},
		"source without type":    {`"type":"possessing_party",`, ``},
		"bare extension field":   {`"pharmatrace:shipmentId"`, `"shipmentId"`},
		"ilmd on OBSERVE":        {`"action":"OBSERVE"`, `"action":"OBSERVE","ilmd":{"cbvmda:lotNumber":"EP-1"}`},
		"wrong document type":    {`"EPCISDocument"`, `"EPCISQueryDocument"`},
	}
	for name, r := range breaks {
		t.Run(name, func(t *testing.T) {
			doc := strings.Replace(good, r[0], r[1], 1)
			if doc == good {
				t.Fatalf("the replacement %q does not apply", r[0])
			}
			if p := checkDocument([]byte(doc)); len(p) == 0 {
				t.Errorf("checker accepts a document with %s", name)
			}
		})
	}
}
