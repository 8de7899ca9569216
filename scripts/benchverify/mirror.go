package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/labels"
)

// mirrorVersion names how the cached mirror is built: change it whenever the scenario, the
// schema or the code mix changes, so that a stale cache is rebuilt instead of measured.
const mirrorVersion = "v1"

// mirrorSpec is the size of the mirror and of the code sample.
type mirrorSpec struct {
	Batches       int `json:"batches"`
	PacksPerBatch int `json:"packsPerBatch"`
	Sample        int `json:"sample"`
}

// key names the cache entry of this spec.
func (s mirrorSpec) key() string {
	return fmt.Sprintf("%s-%dx%d-s%d", mirrorVersion, s.Batches, s.PacksPerBatch, s.Sample)
}

// Packs is the number of packs in the mirror.
func (s mirrorSpec) Packs() int { return s.Batches * s.PacksPerBatch }

// sampleCode is one issued code and the verdict it must get.
type sampleCode struct {
	Code    string `json:"code"`
	Verdict string `json:"verdict"`
}

// mirror is a built (or cached) mirror: the SQLite file, never written by a run (runs copy it),
// and the signed codes to scan.
type mirror struct {
	Spec    mirrorSpec    `json:"spec"`
	Path    string        `json:"-"`
	Built   time.Duration `json:"buildTime"`
	Codes   []sampleCode  `json:"codes"`
	Cached  bool          `json:"-"`
	Version string        `json:"version"`
}

// The scenario: every batch expires on a fixed far date, so that a cached mirror does not turn
// "expired" with the calendar; each batch goes manufacturer → distributor → pharmacy, which
// dispenses dispensedPerBatch packs spread over the batch; the last batch is recalled.
var benchExpiry = time.Date(2035, 12, 31, 0, 0, 0, 0, time.UTC)

const (
	dispensedPerBatch = 50
	recallReason      = "bench: contamination suspected"
	codeBase          = "https://verify.example"
)

// The code mix, in percent of the sample; the rest is authentic. Unknown codes are well formed
// and signed by the right manufacturer, but name a serial the batch never registered.
const (
	pctDispensed = 8
	pctUnknown   = 5
	pctRecalled  = 2
)

// loadOrBuildMirror returns the cached mirror for spec under dir, building it first if absent.
func loadOrBuildMirror(ctx context.Context, dir string, spec mirrorSpec, progress io.Writer) (*mirror, error) {
	entry := filepath.Join(dir, spec.key())
	m, err := readMirror(entry)
	if err == nil {
		m.Cached = true
		return m, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(progress, "cached mirror %s unreadable (%v): rebuilding\n", entry, err)
	}
	if err := os.RemoveAll(entry); err != nil {
		return nil, fmt.Errorf("clear mirror cache %s: %w", entry, err)
	}
	tmp := entry + ".building"
	if err := os.RemoveAll(tmp); err != nil {
		return nil, fmt.Errorf("clear mirror cache %s: %w", tmp, err)
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("create mirror cache %s: %w", tmp, err)
	}
	m, err = buildMirror(ctx, tmp, spec, progress)
	if err != nil {
		_ = os.RemoveAll(tmp)
		return nil, err
	}
	// The rename makes a half-built mirror impossible to mistake for a cached one.
	if err := os.Rename(tmp, entry); err != nil {
		return nil, fmt.Errorf("store mirror in cache: %w", err)
	}
	m.Path = filepath.Join(entry, "mirror.db")
	return m, nil
}

func readMirror(entry string) (*mirror, error) {
	b, err := os.ReadFile(filepath.Join(entry, "codes.json"))
	if err != nil {
		return nil, err
	}
	var m mirror
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("read %s: %w", entry, err)
	}
	if m.Version != mirrorVersion || len(m.Codes) == 0 {
		return nil, fmt.Errorf("read %s: version %q with %d codes", entry, m.Version, len(m.Codes))
	}
	m.Path = filepath.Join(entry, "mirror.db")
	if _, err := os.Stat(m.Path); err != nil {
		return nil, err
	}
	return &m, nil
}

// buildMirror runs the scenario on a simulated chain, indexes it into dir/mirror.db with the
// real indexer, and issues the sample of signed codes into dir/codes.json.
func buildMirror(ctx context.Context, dir string, spec mirrorSpec, progress io.Writer) (m *mirror, err error) {
	start := time.Now()
	rep := &reporter{}
	defer rep.close()
	defer rep.guard(&err)

	c := chaintest.New(rep)
	type product struct {
		gtin uint64
		mfr  *chaintest.Account
	}
	products := []product{
		{chaintest.GTIN(101), c.Manufacturer}, {chaintest.GTIN(102), c.Manufacturer},
		{chaintest.GTIN(201), c.Manufacturer2}, {chaintest.GTIN(202), c.Manufacturer2},
	}
	for _, p := range products {
		c.RegisterProduct(rep, p.mfr, p.gtin)
	}
	type batch struct {
		*chaintest.Batch
		mfr       *chaintest.Account
		dispensed map[int]bool
		spread    []int // the dispensed packs' indices, ascending
		recalled  bool
	}
	batches := make([]batch, spec.Batches)
	stride := max(1, spec.PacksPerBatch/dispensedPerBatch)
	for i := range batches {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p := products[i%len(products)]
		lot := fmt.Sprintf("BV%04d", i)
		b := batch{Batch: c.RegisterBatchExpiring(rep, p.mfr, p.gtin, lot, spec.PacksPerBatch, benchExpiry), mfr: p.mfr, dispensed: map[int]bool{}}
		dist, pharm := c.Distributor, c.Pharmacy
		if i%2 == 1 {
			dist, pharm = c.Distributor2, c.Pharmacy2
		}
		toDist := uint32(spec.PacksPerBatch / 2)
		toPharm := uint32(max(1, spec.PacksPerBatch/8))
		c.ShipAndReceive(rep, b.Batch, p.mfr, dist, toDist)
		c.ShipAndReceive(rep, b.Batch, dist, pharm, toPharm)
		var idx []int
		for j := 0; j < spec.PacksPerBatch && len(idx) < min(dispensedPerBatch, int(toPharm)); j += stride {
			idx = append(idx, j)
			b.dispensed[j] = true
		}
		b.spread = idx
		if _, err := c.Client.DecommissionMany(ctx, pharm.Opts, b.ID, b.MultiProof(rep, idx...), chain.ReasonSupplied); err != nil {
			return nil, fmt.Errorf("dispense packs of %s: %w", lot, err)
		}
		batches[i] = b
		fmt.Fprintf(progress, "\rchain: %d/%d batches of %d packs", i+1, spec.Batches, spec.PacksPerBatch)
	}
	fmt.Fprintln(progress)
	last := &batches[len(batches)-1]
	if _, err := c.Client.Recall(ctx, last.mfr.Opts, last.ID, recallReason); err != nil {
		return nil, fmt.Errorf("recall %s: %w", last.Lot, err)
	}
	last.recalled = true
	chainTime := time.Since(start)

	path := filepath.Join(dir, "mirror.db")
	db, err := indexer.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	ix, err := indexer.New(db, c.Backend, indexer.Options{Addresses: c.Client.Addresses()})
	if err != nil {
		db.Close()
		return nil, err
	}
	syncStart := time.Now()
	if err := ix.Sync(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("index the bench chain: %w", err)
	}
	var packs int
	if err := db.GetContext(ctx, &packs, `SELECT COUNT(*) FROM packs`); err != nil {
		db.Close()
		return nil, fmt.Errorf("count packs: %w", err)
	}
	// Fold the WAL into the main file: the cache keeps mirror.db alone, and runs copy it.
	if _, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		db.Close()
		return nil, fmt.Errorf("checkpoint mirror: %w", err)
	}
	if err := db.Close(); err != nil {
		return nil, fmt.Errorf("close mirror: %w", err)
	}
	if packs != spec.Packs() {
		return nil, fmt.Errorf("the mirror holds %d packs, want %d", packs, spec.Packs())
	}
	fmt.Fprintf(progress, "chain built in %s, indexed %d packs in %s\n", chainTime.Round(time.Millisecond), packs, time.Since(syncStart).Round(time.Millisecond))

	// The sample: a fixed seed, so that every build of a spec scans the same codes.
	rng := rand.New(rand.NewPCG(uint64(spec.Batches), uint64(spec.PacksPerBatch)))
	live := batches[:len(batches)-1]
	if len(live) == 0 {
		live = batches // one batch: it is recalled, and the mix says so
	}
	codes := make([]sampleCode, 0, spec.Sample)
	for i := range spec.Sample {
		var (
			b       *batch
			serial  string
			verdict string
		)
		switch roll := rng.IntN(100); {
		case roll < pctDispensed:
			b = &live[rng.IntN(len(live))]
			serial, verdict = b.Serials[b.spread[rng.IntN(len(b.spread))]], "dispensed"
		case roll < pctDispensed+pctUnknown:
			b = &live[rng.IntN(len(live))]
			serial, verdict = fmt.Sprintf("%s-U%d", b.Lot, i), "unknown"
		case roll < pctDispensed+pctUnknown+pctRecalled:
			b = last
			serial, verdict = b.Serials[rng.IntN(len(b.Serials))], "recalled"
		default:
			b = &live[rng.IntN(len(live))]
			j := rng.IntN(len(b.Serials))
			for b.dispensed[j] {
				j = rng.IntN(len(b.Serials))
			}
			serial, verdict = b.Serials[j], "authentic"
		}
		if b.recalled && verdict != "unknown" {
			verdict = "recalled"
		}
		code, err := signedLink(ctx, b.mfr, b.GTIN, b.Lot, serial)
		if err != nil {
			return nil, err
		}
		codes = append(codes, sampleCode{Code: code, Verdict: verdict})
	}
	m = &mirror{Spec: spec, Path: path, Built: time.Since(start), Codes: codes, Version: mirrorVersion}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "codes.json"), b, 0o644); err != nil {
		return nil, fmt.Errorf("write codes: %w", err)
	}
	return m, nil
}

// signedLink issues the Digital Link a label printer would print for a pack: signed with the
// manufacturer's key over the canonical element string.
func signedLink(ctx context.Context, mfr *chaintest.Account, gtin uint64, lot, serial string) (string, error) {
	g, err := gs1.GTINFromUint64(gtin)
	if err != nil {
		return "", err
	}
	c, err := labels.SignCode(ctx, labels.KeySigner{Key: mfr.Key}, gs1.Code{
		GTIN: g, Lot: lot, Serial: serial, Expiry: chain.DayTime(chain.ExpiryDay(benchExpiry)),
	})
	if err != nil {
		return "", fmt.Errorf("sign %s/%s: %w", lot, serial, err)
	}
	return gs1.FormatDigitalLink(codeBase, c), nil
}

// reporter is the chaintest.TB of a program: a failed step panics with a fatal value that guard
// turns back into an error, and cleanups run when the build is done.
type reporter struct {
	cleanups []func()
}

type fatal struct{ msg string }

func (r *reporter) Helper()                           {}
func (r *reporter) Cleanup(f func())                  { r.cleanups = append(r.cleanups, f) }
func (r *reporter) Fatalf(format string, args ...any) { panic(fatal{fmt.Sprintf(format, args...)}) }

// guard, deferred, turns a failed step's panic into the function's error; other panics go on.
func (r *reporter) guard(err *error) {
	if v := recover(); v != nil {
		f, ok := v.(fatal)
		if !ok {
			panic(v)
		}
		*err = errors.New(f.msg)
	}
}

// close runs the cleanups, last registered first, as testing does.
func (r *reporter) close() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}
