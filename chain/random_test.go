package chain_test

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/chaintest"
)

var (
	randomSeed = flag.Uint64("seed", 20261125, "seed of TestRandomOperationsConserveUnits")
	randomOps  = flag.Int("ops", 600, "operations in TestRandomOperationsConserveUnits")
)

type shipment struct {
	batch    int
	from, to common.Address
	qty      int
}

type decom struct {
	actor  common.Address
	reason chain.Reason
}

// model is what the test expects the ledger to hold; it changes only when the chain accepts an operation.
type model struct {
	balances []map[common.Address]int // per batch
	pending  map[uint64]shipment
	decom    []map[int]decom // per batch, by pack index
}

// TestRandomOperationsConserveUnits sends a seeded, reproducible sequence of random operations by
// random actors — right and wrong ones — and after every step checks, from the chain's own views,
// that for every batch the holders' balances plus the units in pending shipments plus the
// decommissioned packs equal the batch quantity, and that balances match a model of the accepted
// operations. Every refusal must be a typed contract error. Rerun a failure with -seed N.
func TestRandomOperationsConserveUnits(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(*randomSeed, *randomSeed^0x9e3779b97f4a7c15))
	t.Logf("seed %d, %d operations", *randomSeed, *randomOps)
	c := chaintest.New(t)
	cl := c.Client
	g1, g2 := chaintest.GTIN(1), chaintest.GTIN(2)
	c.RegisterProduct(t, c.Manufacturer, g1)
	c.RegisterProduct(t, c.Manufacturer2, g2)
	batches := []*chaintest.Batch{
		c.RegisterBatch(t, c.Manufacturer, g1, "RND-A", 16),
		c.RegisterBatch(t, c.Manufacturer, g1, "RND-B", 9),
		c.RegisterBatch(t, c.Manufacturer2, g2, "RND-C", 12),
	}
	makers := []*chaintest.Account{c.Manufacturer, c.Manufacturer, c.Manufacturer2}
	actors := c.Accounts()
	m := model{pending: map[uint64]shipment{}}
	for i, b := range batches {
		m.balances = append(m.balances, map[common.Address]int{makers[i].Address: len(b.PackIDs)})
		m.decom = append(m.decom, map[int]decom{})
	}

	pick := func(as []*chaintest.Account) *chaintest.Account { return as[rng.IntN(len(as))] }
	// holder picks, most of the time, an account that holds units of batch bi.
	holder := func(bi int) *chaintest.Account {
		if rng.IntN(4) > 0 {
			var hs []*chaintest.Account
			for _, a := range actors {
				if m.balances[bi][a.Address] > 0 {
					hs = append(hs, a)
				}
			}
			if len(hs) > 0 {
				return pick(hs)
			}
		}
		return pick(actors)
	}
	reasons := []chain.Reason{chain.ReasonSupplied, chain.ReasonSupplied, chain.ReasonSupplied, chain.ReasonDestroyed,
		chain.ReasonStolen, chain.ReasonSample, chain.ReasonFreeSample, chain.ReasonExported, chain.ReasonLocked}

	accepted, refused := map[string]int{}, map[string]int{}
	for step := 0; step < *randomOps; {
		bi := rng.IntN(len(batches))
		b := batches[bi]
		var (
			op      string
			err     error
			touched []uint64
		)
		switch k := rng.IntN(100); {
		case k < 25:
			op = "ship"
			from, to, qty := holder(bi), pick(actors), 1+rng.IntN(4)
			var id uint64
			id, _, err = cl.Ship(ctx, from.Opts, b.ID, to.Address, uint32(qty))
			if err == nil {
				m.balances[bi][from.Address] -= qty
				m.pending[id] = shipment{bi, from.Address, to.Address, qty}
				touched = append(touched, id)
			}
		case k < 50:
			if len(m.pending) == 0 {
				continue
			}
			id := randomKey(rng, m.pending)
			s := m.pending[id]
			touched = append(touched, id)
			actor := pick(actors)
			kind := rng.IntN(3)
			if rng.IntN(3) > 0 { // usually the right party
				actor = accountOf(actors, s.to)
				if kind == 2 {
					actor = accountOf(actors, s.from)
				}
			}
			switch kind {
			case 0:
				op = "receive"
				_, err = cl.ReceiveShipment(ctx, actor.Opts, id)
				if err == nil {
					m.balances[s.batch][s.to] += s.qty
				}
			case 1:
				op = "reject"
				_, err = cl.RejectShipment(ctx, actor.Opts, id)
				if err == nil {
					m.balances[s.batch][s.from] += s.qty
				}
			default:
				op = "cancel"
				_, err = cl.CancelShipment(ctx, actor.Opts, id)
				if err == nil {
					m.balances[s.batch][s.from] += s.qty
				}
			}
			if err == nil {
				delete(m.pending, id)
			}
		case k < 72:
			op = "decommission"
			actor, pi, reason := holder(bi), rng.IntN(len(b.PackIDs)), reasons[rng.IntN(len(reasons))]
			_, err = cl.Decommission(ctx, actor.Opts, b.ID, b.PackIDs[pi], b.Proof(t, pi), reason)
			if err == nil {
				m.balances[bi][actor.Address]--
				m.decom[bi][pi] = decom{actor.Address, reason}
			}
		case k < 82:
			op = "decommissionMany"
			actor, reason := holder(bi), reasons[rng.IntN(len(reasons))]
			idx := rng.Perm(len(b.PackIDs))[:2+rng.IntN(4)]
			_, err = cl.DecommissionMany(ctx, actor.Opts, b.ID, b.MultiProof(t, idx...), reason)
			if err == nil {
				m.balances[bi][actor.Address] -= len(idx)
				for _, pi := range idx {
					m.decom[bi][pi] = decom{actor.Address, reason}
				}
			}
		case k < 95:
			op = "reactivate"
			if len(m.decom[bi]) == 0 {
				continue
			}
			pi := randomKey(rng, m.decom[bi])
			actor := pick(actors)
			if rng.IntN(4) > 0 {
				actor = accountOf(actors, m.decom[bi][pi].actor)
			}
			_, err = cl.Reactivate(ctx, actor.Opts, b.ID, b.PackIDs[pi])
			if err == nil {
				m.balances[bi][actor.Address]++
				delete(m.decom[bi], pi)
			}
		case k < 98:
			op = "advance time"
			c.AdvanceTime(t, time.Duration(1+rng.IntN(36))*time.Hour)
		default:
			if rng.IntN(4) > 0 { // recalls are rare: a recalled batch stops most operations
				continue
			}
			op = "recall"
			_, err = cl.Recall(ctx, pick(actors).Opts, b.ID, "random recall")
		}
		step++ // skipped draws (nothing pending, nothing to undo) do not count
		if err != nil {
			var ce *chain.ContractError
			if !errors.As(err, &ce) {
				t.Fatalf("step %d (%s): untyped error %v", step, op, err)
			}
			refused[op+": "+ce.Name]++
		} else {
			accepted[op]++
		}
		checkConservation(t, ctx, c, batches, &m, touched, step, op)
	}
	t.Logf("accepted: %v", accepted)
	t.Logf("refused: %v", refused)
	for _, op := range []string{"ship", "receive", "reject", "cancel", "decommission", "decommissionMany", "reactivate"} {
		if accepted[op] == 0 {
			t.Errorf("no %s was ever accepted: the sequence did not exercise it", op)
		}
	}
}

// checkConservation reads every balance, every pending shipment and every pack from the chain.
func checkConservation(t *testing.T, ctx context.Context, c *chaintest.Chain, batches []*chaintest.Batch, m *model, touched []uint64, step int, op string) {
	t.Helper()
	for _, id := range touched {
		s, err := c.Client.Shipment(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		_, pending := m.pending[id]
		if (s.Status == chain.ShipmentPending) != pending {
			t.Fatalf("step %d (%s): shipment %d status %s, model pending=%v", step, op, id, s.Status, pending)
		}
	}
	for bi, b := range batches {
		total := 0
		for _, a := range c.Accounts() {
			n, err := c.Client.BalanceOf(ctx, b.ID, a.Address)
			if err != nil {
				t.Fatal(err)
			}
			if int(n) != m.balances[bi][a.Address] {
				t.Fatalf("step %d (%s): batch %s balance of %s = %d, model %d", step, op, b.Lot, a.Name, n, m.balances[bi][a.Address])
			}
			total += int(n)
		}
		for id, s := range m.pending {
			if s.batch != bi {
				continue
			}
			got, err := c.Client.Shipment(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != chain.ShipmentPending {
				t.Fatalf("step %d (%s): shipment %d is %s, model says pending", step, op, id, got.Status)
			}
			total += int(got.Quantity)
		}
		for pi, id := range b.PackIDs {
			d, err := c.Client.DecommissionOf(ctx, b.ID, id)
			if err != nil {
				t.Fatal(err)
			}
			if d.Actor != (common.Address{}) {
				total++
			}
			if want, ok := m.decom[bi][pi]; ok != (d.Actor != common.Address{}) || (ok && (want.actor != d.Actor || want.reason != d.Reason)) {
				t.Fatalf("step %d (%s): batch %s pack %d decommission %+v, model %+v (%v)", step, op, b.Lot, pi, d, want, ok)
			}
		}
		if total != len(b.PackIDs) {
			t.Fatalf("step %d (%s): batch %s conservation broken: balances + pending + decommissioned = %d, quantity %d", step, op, b.Lot, total, len(b.PackIDs))
		}
	}
}

func randomKey[K comparable, V any](rng *rand.Rand, m map[K]V) K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Map order is random in Go; sort-free determinism comes from picking by rank of a stable key order.
	sortKeys(keys)
	return keys[rng.IntN(len(keys))]
}

func accountOf(as []*chaintest.Account, addr common.Address) *chaintest.Account {
	for _, a := range as {
		if a.Address == addr {
			return a
		}
	}
	panic("no account " + addr.Hex())
}

func sortKeys[K comparable](keys []K) {
	slices.SortFunc(keys, func(a, b K) int { return cmp.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
}
