package verify_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/indexer/indextest"
	"github.com/pharmatrace/pharmatrace/labels"
	"github.com/pharmatrace/pharmatrace/verify"
)

// sign is the manufacturer's signature of a code, as labels issues it.
func sign(t *testing.T, key *ecdsa.PrivateKey, c gs1.Code) string {
	t.Helper()
	signed, err := labels.SignCode(context.Background(), labels.KeySigner{Key: key}, c)
	if err != nil {
		t.Fatal(err)
	}
	return signed.Sig
}

type env struct {
	*chaintest.Chain
	db   *indexer.DB
	ix   *indexer.Indexer
	v    *verify.Verifier
	rec  *verify.Recorder
	now  time.Time
	gtin uint64
}

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	e := &env{Chain: chaintest.New(t), gtin: chaintest.GTIN(3)}
	// SQLite, or PostgreSQL when PHARMATRACE_TEST_POSTGRES is set: the scan log's SQL runs on both.
	e.db = indextest.Open(t)
	var err error
	e.ix, err = indexer.New(e.db, e.Backend, indexer.Options{Addresses: e.Client.Addresses()})
	if err != nil {
		t.Fatal(err)
	}
	e.now = e.Now(t)
	e.v, err = verify.New(indexer.NewStore(e.db), verify.Options{Recover: labels.RecoverSigner, Now: func() time.Time { return e.now }})
	if err != nil {
		t.Fatal(err)
	}
	e.rec = verify.NewRecorder(e.db, verify.RecorderOptions{CloneClients: 3})
	go e.rec.Run(ctx)
	e.RegisterProduct(t, e.Manufacturer, e.gtin)
	return e
}

func (e *env) sync(t *testing.T) {
	t.Helper()
	if err := e.ix.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// code returns the signed Digital Link of pack i of b.
func (e *env) code(t *testing.T, b *chaintest.Batch, i int, key *ecdsa.PrivateKey) string {
	t.Helper()
	g, err := gs1.GTINFromUint64(b.GTIN)
	if err != nil {
		t.Fatal(err)
	}
	c := gs1.Code{GTIN: g, Lot: b.Lot, Serial: b.Serials[i], Expiry: chain.DayTime(chain.ExpiryDay(b.Expiry))}
	if key != nil {
		c.Sig = sign(t, key, c)
	}
	return gs1.FormatDigitalLink("https://verify.example", c)
}

func (e *env) check(t *testing.T, input string, by verify.Scanner, want verify.Verdict, wantAlert string) verify.Result {
	t.Helper()
	r, err := e.v.Verify(context.Background(), input, by)
	if err != nil {
		t.Fatalf("verify %q: %v", input, err)
	}
	if r.Verdict != want {
		t.Errorf("verify %q: verdict %s (%s), want %s", input, r.Verdict, r.Message, want)
	}
	got := ""
	if r.Alert != nil {
		got = r.Alert.Code
	}
	if got != wantAlert {
		t.Errorf("verify %q: alert %q, want %q", input, got, wantAlert)
	}
	if r.Message == "" || r.CheckedAt.IsZero() {
		t.Errorf("verify %q: empty message or time: %+v", input, r)
	}
	checkJSON(t, r)
	e.rec.Record(context.Background(), r)
	return r
}

// TestEveryVerdict reaches each verdict through a real scenario on the simulated chain, the
// real indexer and SQLite.
func TestEveryVerdict(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	key := e.Manufacturer.Key
	b := e.RegisterBatch(t, e.Manufacturer, e.gtin, "V-1", 12)
	e.ShipAndReceive(t, b, e.Manufacturer, e.Distributor, 10)
	e.ShipAndReceive(t, b, e.Distributor, e.Pharmacy, 8)
	cl := e.Client
	mustOK := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	mustOK(cl.Decommission(ctx, e.Pharmacy.Opts, b.ID, b.PackIDs[1], b.Proof(t, 1), chain.ReasonSupplied))
	mustOK(cl.Decommission(ctx, e.Pharmacy.Opts, b.ID, b.PackIDs[2], b.Proof(t, 2), chain.ReasonDestroyed))
	mustOK(cl.Decommission(ctx, e.Pharmacy.Opts, b.ID, b.PackIDs[3], b.Proof(t, 3), chain.ReasonStolen))
	mustOK(cl.Decommission(ctx, e.Pharmacy.Opts, b.ID, b.PackIDs[4], b.Proof(t, 4), chain.ReasonExported))
	recalled := e.RegisterBatch(t, e.Manufacturer, e.gtin, "V-R", 2)
	mustOK(cl.Recall(ctx, e.Regulator.Opts, recalled.ID, "sterility not assured"))
	// A batch whose published list differs from its root.
	bad := chaintest.NewBatch(t, e.gtin, "V-X", 2, e.Now(t).AddDate(1, 0, 0))
	_, _, err := cl.RegisterBatch(ctx, e.Manufacturer.Opts, chain.BatchSpec{GTIN: e.gtin, Lot: "V-X", Expiry: bad.Expiry, Quantity: 2, PacksRoot: common.HexToHash("0x0badc0de")})
	mustOK(nil, err)
	mustOK(cl.PublishPacks(ctx, e.Manufacturer.Opts, bad.ID, bad.PackIDs, nil))
	e.sync(t)

	anon := verify.Scanner{Client: "patient-1"}
	pharmacy2 := verify.Scanner{Participant: e.Pharmacy2.Address, Client: "p2"}

	r := e.check(t, e.code(t, b, 0, key), anon, verify.Authentic, "")
	if r.Signature != "valid" || r.Product == nil || r.Product.Name == "" || r.Manufacturer == nil || r.Manufacturer.Name != "manufacturer" || r.Manufacturer.GLN == "" {
		t.Errorf("authentic result lacks details: %+v", r)
	}
	if len(r.Custody) != 2 || r.Custody[0].From.Name != "manufacturer" || r.Custody[1].To.Name != "pharmacy" {
		t.Errorf("custody = %+v", r.Custody)
	}
	if r.Block == 0 {
		t.Error("no block in the answer")
	}
	e.check(t, e.code(t, b, 0, nil), anon, verify.Authentic, "") // unsigned codes verify too
	r = e.check(t, e.code(t, b, 1, key), anon, verify.Dispensed, "")
	if r.Pack == nil || r.Pack.DecommissionedBy == nil || r.Pack.DecommissionedBy.Name != "pharmacy" || r.Pack.DecommissionedAt == nil {
		t.Errorf("dispensed pack lacks who and when: %+v", r.Pack)
	}
	e.check(t, e.code(t, b, 1, key), verify.Scanner{Participant: e.Pharmacy.Address}, verify.Dispensed, "") // its own pharmacy: a double scan
	e.check(t, e.code(t, b, 1, key), pharmacy2, verify.Dispensed, verify.AlertPossibleClone)
	e.check(t, e.code(t, b, 2, key), anon, verify.Destroyed, verify.AlertAlreadyDecommissioned)
	e.check(t, e.code(t, b, 3, key), anon, verify.Stolen, verify.AlertAlreadyDecommissioned)
	e.check(t, e.code(t, b, 4, key), anon, verify.Inactive, "")
	e.check(t, e.code(t, b, 4, key), pharmacy2, verify.Inactive, verify.AlertAlreadyDecommissioned)
	e.check(t, e.code(t, recalled, 0, key), anon, verify.Recalled, verify.AlertRecalledScanned)
	e.check(t, e.code(t, bad, 0, key), anon, verify.Counterfeit, verify.AlertRootMismatch)

	// Forged: signed by someone else; one character of the serial changed; another expiry.
	e.check(t, e.code(t, b, 0, e.Manufacturer2.Key), anon, verify.Counterfeit, verify.AlertBadSignature)
	signed := e.code(t, b, 5, key)
	tampered := strings.Replace(signed, "/21/"+b.Serials[5], "/21/"+b.Serials[6], 1) // a registered serial, with pack 5's signature
	e.check(t, tampered, anon, verify.Counterfeit, verify.AlertBadSignature)
	oneChar := strings.Replace(signed, "/21/"+b.Serials[5], "/21/"+b.Serials[5][:len(b.Serials[5])-1]+"Z", 1)
	e.check(t, oneChar, anon, verify.Unknown, verify.AlertUnknownSerial)
	otherExpiry := strings.Replace(signed, "17="+gs1.FormatExpiry(chain.DayTime(chain.ExpiryDay(b.Expiry))), "17=991231", 1)
	e.check(t, otherExpiry, anon, verify.Counterfeit, verify.AlertExpiryMismatch)

	// Unknown batch, unknown product.
	g, _ := gs1.GTINFromUint64(e.gtin)
	e.check(t, gs1.FormatDigitalLink("", gs1.Code{GTIN: g, Lot: "NOPE", Serial: "S1"}), anon, verify.Unknown, verify.AlertUnknownBatch)
	g2, _ := gs1.GTINFromUint64(chaintest.GTIN(99))
	e.check(t, gs1.FormatDigitalLink("", gs1.Code{GTIN: g2, Lot: "V-1", Serial: "S1"}), anon, verify.Unknown, verify.AlertUnknownProduct)

	// The element string a pharmacy scanner types verifies the same.
	c, err := gs1.ParseDigitalLink(e.code(t, b, 0, nil), e.now)
	if err != nil {
		t.Fatal(err)
	}
	e.check(t, "]d2"+gs1.FormatElementString(c, true), verify.Scanner{Participant: e.Pharmacy.Address}, verify.Authentic, "")

	// Expired: move the clock past the expiry date.
	e.now = b.Expiry.AddDate(0, 0, 2)
	e.check(t, e.code(t, b, 0, key), anon, verify.Expired, "")
}

// TestMalformedInputs: every kind of bad input is a malformed verdict, never an error.
func TestMalformedInputs(t *testing.T) {
	e := newEnv(t)
	e.sync(t)
	for _, in := range []string{
		"", "   ", "hello", "https://example.com/", "https://x/01/12345678901234/10/L/21/S", // bad check digit
		"https://x/01/09506000134352/21/S/10/L", "https://x/01/09506000134352/10/L", // wrong order; no serial
		"(01)09506000134352(10)" + strings.Repeat("A", 21) + "(21)1", "]d2\x1d0109506000134352\x1d", "\x00\xff\xfe",
		"https://x/01/09506000134352/10/L/21/S?17=991399", "https://x/01/09506000134352/10/%ZZ/21/S",
		strings.Repeat("9", 10000),
	} {
		r, err := e.v.Verify(context.Background(), in, verify.Scanner{})
		if err != nil {
			t.Errorf("verify %q: error %v", in, err)
			continue
		}
		if r.Verdict != verify.Malformed || r.Problem == nil || r.Problem.Code == "" {
			t.Errorf("verify %q: %s %+v, want malformed with a problem", in, r.Verdict, r.Problem)
		}
		checkJSON(t, r)
	}
}

// TestScanLogAndCloneAlert: scans are logged; a pack scanned from many clients raises one
// possible-clone alert; alerts from verification are stored open.
func TestScanLogAndCloneAlert(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	b := e.RegisterBatch(t, e.Manufacturer, e.gtin, "C-1", 3)
	e.sync(t)
	code := e.code(t, b, 0, e.Manufacturer.Key)
	for _, client := range []string{"a", "b", "a", "c", "d"} {
		e.check(t, code, verify.Scanner{Client: client}, verify.Authentic, "")
	}
	e.check(t, e.code(t, b, 1, e.Manufacturer2.Key), verify.Scanner{Client: "z"}, verify.Counterfeit, verify.AlertBadSignature)
	e.rec.Flush(ctx)
	var scans int
	if err := e.db.GetContext(ctx, &scans, `SELECT COUNT(*) FROM svc_scans`); err != nil || scans != 6 {
		t.Errorf("scan log holds %d rows (%v), want 6", scans, err)
	}
	var alerts []struct {
		Code  string `db:"code"`
		State string `db:"state"`
	}
	if err := e.db.SelectContext(ctx, &alerts, `SELECT code, state FROM svc_alerts ORDER BY code`); err != nil {
		t.Fatal(err)
	}
	if len(alerts) != 2 || alerts[0].Code != verify.AlertBadSignature || alerts[1].Code != verify.AlertPossibleClone || alerts[0].State != "open" {
		t.Errorf("alerts = %+v, want one bad signature and one possible clone, open", alerts)
	}
}

// TestScanLogInChunks: a burst larger than one INSERT and one clone pre-check logs every scan
// and raises the clone alert for the one pack over the threshold, once.
func TestScanLogInChunks(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	b := e.RegisterBatch(t, e.Manufacturer, e.gtin, "K-1", 3)
	e.sync(t)
	cloned, quiet := e.code(t, b, 0, e.Manufacturer.Key), e.code(t, b, 1, e.Manufacturer.Key)
	const n = 700
	for i := range n {
		code, client := quiet, fmt.Sprintf("q%d", i%2) // two clients: under the threshold of 3
		if i%7 == 0 {
			code, client = cloned, fmt.Sprintf("c%d", i%5) // five clients
		}
		r, err := e.v.Verify(ctx, code, verify.Scanner{Client: client})
		if err != nil || r.Verdict != verify.Authentic {
			t.Fatalf("verify %d: %s, %v", i, r.Verdict, err)
		}
		e.rec.Record(ctx, r)
	}
	e.rec.Flush(ctx)
	var scans int
	if err := e.db.GetContext(ctx, &scans, `SELECT COUNT(*) FROM svc_scans`); err != nil || scans != n {
		t.Errorf("scan log holds %d rows (%v), want %d", scans, err, n)
	}
	var alerts []struct {
		Code   string `db:"code"`
		PackID string `db:"pack_id"`
	}
	if err := e.db.SelectContext(ctx, &alerts, `SELECT code, pack_id FROM svc_alerts`); err != nil {
		t.Fatal(err)
	}
	if len(alerts) != 1 || alerts[0].Code != verify.AlertPossibleClone || alerts[0].PackID != b.PackIDs[0].Hex() {
		t.Errorf("alerts = %+v, want one possible clone of %s", alerts, b.PackIDs[0].Hex())
	}
}

// TestAlertStates: open → investigating → closed; closed is final; unknown ids are refused.
func TestAlertStates(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	b := e.RegisterBatch(t, e.Manufacturer, e.gtin, "A-1", 2)
	e.sync(t)
	e.check(t, e.code(t, b, 0, e.Manufacturer2.Key), verify.Scanner{Client: "x"}, verify.Counterfeit, verify.AlertBadSignature)
	e.check(t, e.code(t, b, 1, e.Manufacturer2.Key), verify.Scanner{Client: "y"}, verify.Counterfeit, verify.AlertBadSignature)
	e.rec.Flush(ctx)
	open, err := verify.ListAlerts(ctx, e.db, verify.AlertOpen, 0)
	if err != nil || len(open) != 2 {
		t.Fatalf("open alerts = %d, %v; want 2", len(open), err)
	}
	a, other := open[0].ID, open[1].ID
	now := time.Now()
	steps := []struct {
		id, to string
		want   error
	}{
		{a, verify.AlertInvestigating, nil},
		{a, verify.AlertOpen, verify.ErrAlertTransition},
		{a, verify.AlertClosed, nil},
		{a, verify.AlertInvestigating, verify.ErrAlertTransition},
		{other, "resolved", verify.ErrAlertTransition},
		{other, verify.AlertClosed, nil},
		{"nope", verify.AlertClosed, verify.ErrAlertNotFound},
	}
	for _, s := range steps {
		if err := verify.SetAlertState(ctx, e.db, s.id, s.to, now); !errors.Is(err, s.want) {
			t.Errorf("alert %s to %s: got %v, want %v", s.id, s.to, err, s.want)
		}
	}
	closed, err := verify.ListAlerts(ctx, e.db, verify.AlertClosed, 0)
	if err != nil || len(closed) != 2 {
		t.Errorf("closed alerts = %d, %v; want 2", len(closed), err)
	}
	all, err := verify.ListAlerts(ctx, e.db, "", 0)
	if err != nil || len(all) != 2 {
		t.Errorf("all alerts = %d, %v; want 2", len(all), err)
	}
}

// TestCacheFollowsTheMirror: what a verification caches (batch, product, custody) is dropped
// as soon as the indexer moves the cursor, so the next scan sees a recall, a new shipment and a
// newly registered product.
func TestCacheFollowsTheMirror(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	key := e.Manufacturer.Key
	b := e.RegisterBatch(t, e.Manufacturer, e.gtin, "C-1", 4)
	e.ShipAndReceive(t, b, e.Manufacturer, e.Distributor, 3)
	gtin2 := chaintest.GTIN(7)
	g2, _ := gs1.GTINFromUint64(gtin2)
	later := gs1.FormatDigitalLink("", gs1.Code{GTIN: g2, Lot: "C-2", Serial: "C-2-0"})
	e.sync(t)
	anon := verify.Scanner{Client: "patient"}

	r := e.check(t, e.code(t, b, 0, key), anon, verify.Authentic, "")
	if len(r.Custody) != 1 {
		t.Fatalf("custody before the second shipment = %+v, want 1 hop", r.Custody)
	}
	e.check(t, e.code(t, b, 1, key), anon, verify.Authentic, "") // served from the cache
	e.check(t, later, anon, verify.Unknown, verify.AlertUnknownProduct)

	e.ShipAndReceive(t, b, e.Distributor, e.Pharmacy, 2)
	if _, err := e.Client.Recall(ctx, e.Regulator.Opts, b.ID, "mislabelled"); err != nil {
		t.Fatal(err)
	}
	e.RegisterProduct(t, e.Manufacturer, gtin2)
	e.sync(t)

	r = e.check(t, e.code(t, b, 0, key), anon, verify.Recalled, verify.AlertRecalledScanned)
	if len(r.Custody) != 2 {
		t.Errorf("custody after the second shipment = %+v, want 2 hops", r.Custody)
	}
	e.check(t, later, anon, verify.Unknown, verify.AlertUnknownBatch)
}

// TestCloneWindow: only clients that scanned a pack within the window count towards a clone
// alert, whichever batch of the recorder logged their scans; a client scanning again counts once.
func TestCloneWindow(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t) // three clients within 24 h raise the alert
	b := e.RegisterBatch(t, e.Manufacturer, e.gtin, "W-1", 1)
	e.sync(t)
	code := e.code(t, b, 0, e.Manufacturer.Key)
	start := e.now
	alerts := func() int {
		t.Helper()
		e.rec.Flush(ctx)
		var n int
		if err := e.db.GetContext(ctx, &n, `SELECT COUNT(*) FROM svc_alerts WHERE code = 'POSSIBLE_CLONE'`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	steps := []struct {
		after  time.Duration // since start
		client string
		want   int // clone alerts once the scan is logged
	}{
		{0, "a", 0},
		{time.Hour, "b", 0},
		{2 * time.Hour, "b", 0},       // b again: still two clients
		{25 * time.Hour, "c", 0},      // a's scan is out of the window: b and c
		{26 * time.Hour, "d", 1},      // b, c, d within 24 h
		{27 * time.Hour, "e", 1},      // the open alert is not raised twice
		{30 * 24 * time.Hour, "f", 1}, // alone in its window
	}
	for _, s := range steps {
		e.now = start.Add(s.after)
		e.check(t, code, verify.Scanner{Client: s.client}, verify.Authentic, "")
		if got := alerts(); got != s.want {
			t.Fatalf("after %s, client %s: %d clone alerts, want %d", s.after, s.client, got, s.want)
		}
	}
}
