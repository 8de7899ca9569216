// Command gas measures what every PharmaTrace operation costs in gas, on go-ethereum's simulated
// chain pinned to Osaka rules, and compares the life of one pack with a baseline that makes every
// pack an OpenZeppelin ERC-721 token (contracts/bench/PackNFT.sol).
//
//	go run ./scripts/gas   (or: make gas)
//
// The table goes to stdout, progress to stderr. The figures are receipts' GasUsed, so they include
// the intrinsic 21 000 gas and the EIP-7623 calldata floor wherever it applies. The exit status is
// 0 even when a goal is not met (this is a report); it is 1 when any measurement fails.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/version"

	"github.com/pharmatrace/pharmatrace/bindings/packnft"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
)

// The goals the report checks (see DESIGN.md: registering any number of packs costs the same).
const (
	goalRegisterBatch  = 125_000 // gas per registerBatch, whatever the pack count
	goalPublishPerPack = 1_300   // gas per published pack id
	goalLifeRatio      = 4.5     // baseline / ours per pack, decommissioning in batches of >= 10
)

const (
	lifeBatch     = 1_000 // packs in the batch whose whole journey is measured
	baselinePacks = 50    // tokens taken through the ERC-721 journey
	singleDecomms = 10    // single-proof decommissions averaged
	groupsPerSize = 3     // multiproof decommissions averaged, per group size
)

var (
	publishSizes = []int{1, 1_000, 100_000} // batch sizes registered and published
	groupSizes   = []int{10, 50}            // packs per decommissionMany
)

func main() {
	if err := run(context.Background(), os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gas:", err)
		os.Exit(1)
	}
}

// batchGas is what registering and publishing one batch cost.
type batchGas struct {
	packs      int
	register   uint64
	publish    uint64 // all publishPacks transactions together
	publishTxs int
}

// report is everything measured; it is printed only once every measurement succeeded.
type report struct {
	rules, gethVersion string

	registerProduct uint64
	batches         []batchGas
	ship, receive   [2]uint64        // manufacturer → wholesaler, wholesaler → pharmacy
	decommOne       []uint64         // one pack per transaction
	decommMany      map[int][]uint64 // packs per transaction → gas of each transaction
	reactivate      uint64
	recall          uint64
	baseline        [4]uint64 // mint, transfer to wholesaler, transfer to pharmacy, burn: totals
}

func run(ctx context.Context, stdout, stderr io.Writer) (err error) {
	t := &reporter{log: stderr}
	defer t.close()
	defer t.guard(&err)

	fmt.Fprintln(stderr, "gas: starting the simulated chain (Osaka rules) and deploying the contracts")
	c := chaintest.New(t)
	r := &report{gethVersion: gethVersion(), decommMany: map[int][]uint64{}}

	if err := measureLedger(ctx, t, c, r, stderr); err != nil {
		return err
	}
	// The baseline goes last: it sends from the same accounts outside chain.Client, whose nonce
	// cache would be stale for any Client transaction sent after it.
	fmt.Fprintf(stderr, "gas: baseline, %d ERC-721 tokens through the same journey\n", baselinePacks)
	if err := measureBaseline(ctx, c, r); err != nil {
		return fmt.Errorf("baseline: %w", err)
	}

	head, err := c.Backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("read head block: %w", err)
	}
	r.rules = chain.ActiveForks(c.Config, head.Number, head.Time)
	return r.print(stdout)
}

// measureLedger takes batches of every size through the PharmaTrace contracts, and the
// lifeBatch-pack one through its whole journey.
func measureLedger(ctx context.Context, t *reporter, c *chaintest.Chain, r *report, stderr io.Writer) error {
	cl, m := c.Client, c.Manufacturer
	gtin := chaintest.GTIN(1)
	rcpt, err := cl.RegisterProduct(ctx, m.Opts, chain.Product{GTIN: gtin, Name: "Paracetamol", Strength: "500 mg", Form: "tablet", PackSize: 16})
	if err != nil {
		return err
	}
	r.registerProduct = rcpt.GasUsed

	var life *chaintest.Batch
	for _, n := range publishSizes {
		// Lots of equal length, so that registerBatch calldata differs only in the values.
		b := chaintest.NewBatch(t, gtin, fmt.Sprintf("GAS%06d", n), n, c.Now(t).AddDate(1, 0, 0))
		_, rcpt, err := cl.RegisterBatch(ctx, m.Opts, chain.BatchSpec{
			GTIN: gtin, Lot: b.Lot, Expiry: b.Expiry, Quantity: uint32(n), PacksRoot: b.Tree.Root(),
		})
		if err != nil {
			return err
		}
		began := time.Now()
		var progress func(done, total int)
		if n > chain.PublishChunk {
			progress = func(done, total int) {
				fmt.Fprintf(stderr, "gas: publishing %s packs: %7s done, %s\n", group(total), group(done), time.Since(began).Round(100*time.Millisecond))
			}
		}
		rcpts, err := cl.PublishPacks(ctx, m.Opts, b.ID, b.PackIDs, progress)
		if err != nil {
			return err
		}
		r.batches = append(r.batches, batchGas{packs: n, register: rcpt.GasUsed, publish: sum(rcpts), publishTxs: len(rcpts)})
		if n == lifeBatch {
			life = b
		}
	}
	if life == nil {
		return fmt.Errorf("no batch of %d packs among %v", lifeBatch, publishSizes)
	}

	// Custody: manufacturer → wholesaler → pharmacy, the whole batch each time.
	legs := [2][2]*chaintest.Account{{m, c.Distributor}, {c.Distributor, c.Pharmacy}}
	for i, leg := range legs {
		id, rcpt, err := cl.Ship(ctx, leg[0].Opts, life.ID, leg[1].Address, lifeBatch)
		if err != nil {
			return err
		}
		r.ship[i] = rcpt.GasUsed
		if rcpt, err = cl.ReceiveShipment(ctx, leg[1].Opts, id); err != nil {
			return err
		}
		r.receive[i] = rcpt.GasUsed
	}

	// Dispensing at the pharmacy. Packs in serial order sit at scattered places in the tree (its
	// leaves are sorted by hash), as packs on a pharmacy shelf would.
	p, next := c.Pharmacy, 0
	for range singleDecomms {
		rcpt, err := cl.Decommission(ctx, p.Opts, life.ID, life.PackIDs[next], life.Proof(t, next), chain.ReasonSupplied)
		if err != nil {
			return err
		}
		r.decommOne = append(r.decommOne, rcpt.GasUsed)
		next++
	}
	for _, size := range groupSizes {
		for range groupsPerSize {
			idx := make([]int, size)
			for i := range idx {
				idx[i] = next + i
			}
			next += size
			rcpt, err := cl.DecommissionMany(ctx, p.Opts, life.ID, life.MultiProof(t, idx...), chain.ReasonSupplied)
			if err != nil {
				return err
			}
			r.decommMany[size] = append(r.decommMany[size], rcpt.GasUsed)
		}
	}
	if rcpt, err = cl.Reactivate(ctx, p.Opts, life.ID, life.PackIDs[0]); err != nil {
		return err
	}
	r.reactivate = rcpt.GasUsed
	if rcpt, err = cl.Recall(ctx, m.Opts, life.ID, "gas report: quality defect"); err != nil {
		return err
	}
	r.recall = rcpt.GasUsed
	return nil
}

// measureBaseline deploys PackNFT from the manufacturer and takes baselinePacks tokens through
// the same journey, one transaction per token and step: mint, manufacturer → wholesaler,
// wholesaler → pharmacy, burn when dispensed.
func measureBaseline(ctx context.Context, c *chaintest.Chain, r *report) error {
	nft := packnft.NewPackNFT()
	m, w, p := c.Manufacturer, c.Distributor, c.Pharmacy
	opts := func(a *chaintest.Account) *bind.TransactOpts {
		o := *a.Opts // a copy: the accounts' options are shared with chain.Client
		o.Context = ctx
		return &o
	}
	addr, tx, err := bind.DeployContract(opts(m), common.FromHex(packnft.PackNFTMetaData.Bin), c.Backend, nil)
	if err != nil {
		return fmt.Errorf("deploy PackNFT: %w", err)
	}
	if _, err := mined(ctx, c, tx, err); err != nil {
		return fmt.Errorf("deploy PackNFT: %w", err)
	}
	inst := nft.Instance(c.Backend, addr)

	// Token ids are pack ids, the identities the ledger uses, so calldata is like for like.
	ids := chain.PackIDs(chain.BatchID(chaintest.GTIN(1), "NFT-BASELINE"), serials(baselinePacks))
	steps := []struct {
		name string
		from *chaintest.Account
		data func(id *big.Int) []byte
	}{
		{"mint", m, nft.PackMint},
		{"transferFrom manufacturer → wholesaler", m, func(id *big.Int) []byte { return nft.PackTransferFrom(m.Address, w.Address, id) }},
		{"transferFrom wholesaler → pharmacy", w, func(id *big.Int) []byte { return nft.PackTransferFrom(w.Address, p.Address, id) }},
		{"burn", p, nft.PackBurn},
	}
	for i, s := range steps {
		o := opts(s.from)
		for _, id := range ids {
			tok := new(big.Int).SetBytes(id[:])
			tx, err := bind.Transact(inst, o, s.data(tok))
			rcpt, err := mined(ctx, c, tx, err)
			if err != nil {
				return fmt.Errorf("%s token %s: %w", s.name, id, err)
			}
			r.baseline[i] += rcpt.GasUsed
		}
	}
	return nil
}

// mined waits for a sent transaction's receipt and refuses a failed one.
func mined(ctx context.Context, c *chaintest.Chain, tx *types.Transaction, sendErr error) (*types.Receipt, error) {
	if sendErr != nil {
		return nil, sendErr
	}
	rcpt, err := bind.WaitMined(ctx, c.Backend, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("wait for tx %s: %w", tx.Hash(), err)
	}
	if rcpt.Status != types.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("tx %s reverted", tx.Hash())
	}
	return rcpt, nil
}

func serials(n int) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = fmt.Sprintf("NFT-%d", i)
	}
	return s
}

// ---------------------------------------------------------------- printing

func (r *report) print(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	// Trailing empty cells only pad lines with spaces; numbers have fixed widths, so dropping
	// them keeps the columns aligned.
	p := func(format string, args ...any) {
		fmt.Fprintln(tw, strings.TrimRight(fmt.Sprintf(format, args...), "\t "))
	}
	hdr := func(first, last string) { p("%s\ttxs\t%11s\t%11s\t%s", first, "gas", "per pack", last) }

	p("PharmaTrace gas report (gas used, from receipts; per pack = gas / packs)")
	p("chain rules: %s (go-ethereum %s): the simulated chain is pinned to Osaka, no later fork", r.rules, r.gethVersion)
	p("")
	hdr("operation", "goal")
	p("registerProduct\t1\t%s", num(r.registerProduct))
	regMin, regMax := r.batches[0].register, r.batches[0].register
	for _, b := range r.batches {
		regMin, regMax = min(regMin, b.register), max(regMax, b.register)
		p("registerBatch, %s\t1\t%s\t%s\t≤ %s whatever the size: %s", packs(b.packs), num(b.register),
			dec(float64(b.register)/float64(b.packs)), group(goalRegisterBatch), met(b.register <= goalRegisterBatch))
	}
	for _, b := range r.batches {
		per := float64(b.publish) / float64(b.packs)
		goal := fmt.Sprintf("≤ %s per pack: %s", group(goalPublishPerPack), met(per <= goalPublishPerPack))
		if !publishGoalApplies(b) {
			goal = "(not judged: the 21 000 base of a tx dominates)"
		}
		p("publishPacks, %s\t%d\t%s\t%s\t%s", packs(b.packs), b.publishTxs, num(b.publish), dec1(per), goal)
	}
	p("ship manufacturer → wholesaler, %s units\t1\t%s", group(lifeBatch), num(r.ship[0]))
	p("receiveShipment by the wholesaler\t1\t%s", num(r.receive[0]))
	p("ship wholesaler → pharmacy, %s units\t1\t%s", group(lifeBatch), num(r.ship[1]))
	p("receiveShipment by the pharmacy\t1\t%s", num(r.receive[1]))
	one := mean(r.decommOne)
	p("decommission, 1 pack, single proof (mean of %d)\t%d\t%s\t%s", len(r.decommOne), len(r.decommOne), num(one), dec(float64(one)))
	for _, size := range groupSizes {
		g := mean(r.decommMany[size])
		p("decommissionMany, %d packs, multiproof (mean of %d)\t%d\t%s\t%s", size, len(r.decommMany[size]), len(r.decommMany[size]), num(g), dec(float64(g)/float64(size)))
	}
	p("reactivate (undo a dispensing)\t1\t%s", num(r.reactivate))
	p("recall\t1\t%s", num(r.recall))
	p("(shipments and decommissions in the %s-pack batch; packs taken in serial order, so scattered in the hash-sorted tree)", group(lifeBatch))

	p("")
	p("baseline: one OpenZeppelin ERC-721 token per pack (contracts/bench/PackNFT.sol), %d packs, one tx per pack and step", baselinePacks)
	hdr("step", "")
	names := [4]string{"mint (manufacturer)", "transferFrom manufacturer → wholesaler", "transferFrom wholesaler → pharmacy", "burn at dispensing (pharmacy)"}
	var base uint64
	for i, g := range r.baseline {
		base += g
		p("%s\t%d\t%s\t%s", names[i], baselinePacks, num(g), dec(float64(g)/baselinePacks))
	}
	basePer := float64(base) / baselinePacks
	p("total per pack\t%d\t%s\t%s", 4*baselinePacks, num(base), dec(basePer))

	// Ours: the batch's shared costs spread over its packs, plus the pack's own decommissioning.
	var life batchGas
	for _, b := range r.batches {
		if b.packs == lifeBatch {
			life = b
		}
	}
	shared := life.register + life.publish + r.ship[0] + r.ship[1] + r.receive[0] + r.receive[1]
	sharedPer := float64(shared) / lifeBatch
	type way struct {
		name  string
		decom float64
	}
	ways := []way{{"1 per tx", float64(one)}}
	for _, size := range groupSizes {
		ways = append(ways, way{fmt.Sprintf("batches of %d", size), float64(mean(r.decommMany[size])) / float64(size)})
	}
	p("")
	p("per-pack life, PharmaTrace, batch of %s packs: (registerBatch + publishPacks + 2 × ship + 2 × receive) / %s + decommission",
		group(lifeBatch), group(lifeBatch))
	p("decommission\t%11s\t%12s\t%11s\tbaseline / ours", "shared", "decommission", "per pack")
	ratios, goalRatios := make([]string, len(ways)), []string{}
	lifeMet := true
	for i, w := range ways {
		total := sharedPer + w.decom
		ratio := basePer / total
		ratios[i] = fmt.Sprintf("%s %.1fx", w.name, ratio)
		p("%s\t%s\t%12s\t%s\t%.2fx", w.name, dec(sharedPer), group(uint64(w.decom+0.5)), dec(total), ratio)
		if i > 0 { // the goal is for decommission batches of >= 10
			lifeMet = lifeMet && ratio >= goalLifeRatio
			goalRatios = append(goalRatios, fmt.Sprintf("%s %.2fx", w.name, ratio))
		}
	}
	p("ratio baseline/ours: %s", strings.Join(ratios, ", "))

	p("")
	p("goal\tmeasured\t")
	p("registerBatch ≤ %s gas whatever the pack count\t%s to %s gas for %s packs\t%s", group(goalRegisterBatch),
		group(regMin), group(regMax), packsList(r.batches), met(regMax <= goalRegisterBatch))
	pubMet, pubFig := true, []string{}
	for _, b := range r.batches {
		if !publishGoalApplies(b) {
			continue
		}
		per := float64(b.publish) / float64(b.packs)
		pubMet = pubMet && per <= goalPublishPerPack
		pubFig = append(pubFig, fmt.Sprintf("%s at %s", strings.TrimSpace(dec1(per)), packs(b.packs)))
	}
	p("publishPacks ≤ %s gas per pack\t%s\t%s", group(goalPublishPerPack), strings.Join(pubFig, ", "), met(pubMet))
	p("per-pack life ≥ %.1fx cheaper than the baseline, decommission batches ≥ 10\t%s\t%s",
		goalLifeRatio, strings.Join(goalRatios, ", "), met(lifeMet))
	return tw.Flush()
}

// publishGoalApplies tells whether the per-pack publication goal is judged on a batch: it is a
// goal for real batches, not for a handful of packs that share one 21 000-gas transaction.
func publishGoalApplies(b batchGas) bool { return b.packs >= 100 }

func packs(n int) string {
	if n == 1 {
		return "1 pack"
	}
	return group(n) + " packs"
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

func sum(rcpts []*types.Receipt) uint64 {
	var s uint64
	for _, r := range rcpts {
		s += r.GasUsed
	}
	return s
}

func mean(v []uint64) uint64 {
	if len(v) == 0 {
		return 0
	}
	var s uint64
	for _, x := range v {
		s += x
	}
	return (s + uint64(len(v))/2) / uint64(len(v))
}

// group writes n with a space between groups of three digits, as the design documents do.
func group[T ~int | ~uint64](n T) string {
	s := strconv.FormatUint(uint64(n), 10)
	var b strings.Builder
	for i, d := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(d)
	}
	return b.String()
}

// num right-aligns a gas figure in its column.
func num(n uint64) string { return fmt.Sprintf("%11s", group(n)) }

// dec right-aligns a per-pack figure, with one decimal below 100 gas where it matters.
func dec(f float64) string {
	if f < 100 {
		return fmt.Sprintf("%11.1f", f)
	}
	return num(uint64(f + 0.5))
}

// dec1 right-aligns a per-pack figure with one decimal, for figures judged against a tight goal.
func dec1(f float64) string {
	whole := uint64(f)
	return fmt.Sprintf("%11s", fmt.Sprintf("%s.%d", group(whole), uint64((f-float64(whole))*10)))
}

func packsList(bs []batchGas) string {
	s := make([]string, len(bs))
	for i, b := range bs {
		s[i] = group(b.packs)
	}
	return strings.Join(s, " / ")
}

// gethVersion is the go-ethereum module version this binary was built with.
func gethVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/ethereum/go-ethereum" {
				if d.Replace != nil {
					d = d.Replace
				}
				if d.Version != "" && d.Version != "(devel)" {
					return d.Version
				}
			}
		}
	}
	return fmt.Sprintf("v%d.%d.%d", version.Major, version.Minor, version.Patch)
}

// ---------------------------------------------------------------- chaintest outside a test

// reporter is the chaintest.TB of a program: a failed step panics with a fatal value that guard
// turns back into an error, and cleanups run when the report is done.
type reporter struct {
	log      io.Writer
	cleanups []func()
}

// fatal is the panic value of a failed step; guard turns it back into an error.
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
