package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/pharmatrace/pharmatrace/bindings/ledger"
	"github.com/pharmatrace/pharmatrace/bindings/registry"
	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/gethtest"
	"github.com/pharmatrace/pharmatrace/chain/packtree"
	"github.com/pharmatrace/pharmatrace/gs1"
)

// The workload. A pallet is palletUnits units shipped by a manufacturer to a distributor; the
// distributor receives it and ships it on as parcels of parcelUnits to pharmacies; each pharmacy
// receives its parcel and dispenses it (decommissionMany, reason supplied, one multiproof).
// One pallet is 1 + 1 + 2·(palletUnits/parcelUnits) + palletUnits/parcelUnits contract events,
// each in its own transaction, so events ≈ transactions.
const (
	manufacturers = 2
	distributors  = 3
	pharmacies    = 6

	palletUnits     = 20
	parcelUnits     = 5
	parcelsPerPall  = palletUnits / parcelUnits
	eventsPerPallet = 2 + 3*parcelsPerPall
	batchPallets    = 2_000 // pallets per batch: 40 000 packs, 11 publishPacks transactions

	// Gas limits, fixed because transactions are sent before the state they depend on exists
	// (no estimate is possible); generous, and only the gas used is charged or counted in a block.
	gasTransfer    = 21_000
	gasParticipant = 300_000
	gasProduct     = 300_000
	gasBatch       = 300_000
	gasShip        = 250_000
	gasReceive     = 150_000
	gasDecommMany  = 450_000
)

func gasPublish(ids int) uint64 { return 100_000 + 2_300*uint64(ids) }

// actor is one account of the workload, with its own send loop and nonce sequence.
type actor struct {
	name string
	role chain.Role
	gln  uint64
	key  *ecdsa.PrivateKey
	addr common.Address

	mu    sync.Mutex
	nonce uint64        // next nonce to sign
	first uint64        // nonce at the start of the generation
	mined atomic.Uint64 // the node's nonce at the latest block
	q     *queue
}

// next takes the next nonce.
func (a *actor) next() uint64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	n := a.nonce
	a.nonce++
	return n
}

// sent is how far the account's nonces have been handed out.
func (a *actor) sent() uint64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.nonce
}

// benchKey is a deterministic key per account name, so a later run finds the same funded,
// registered accounts on a reused chain.
func benchKey(name string) *ecdsa.PrivateKey {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("pharmatrace benchindexer " + name)))
	if err != nil {
		panic(err) // a keccak output outside the curve order: practically impossible
	}
	return key
}

func newActor(name string, role chain.Role, gln uint64) *actor {
	key := benchKey(name)
	return &actor{name: name, role: role, gln: gln, key: key, addr: crypto.PubkeyToAddress(key.PublicKey), q: newQueue()}
}

// job is one transaction to send.
type job struct {
	to    common.Address
	data  []byte
	gas   uint64
	value *big.Int
}

// queue is an unbounded FIFO of jobs: the watcher must never block on a busy account.
type queue struct {
	mu   sync.Mutex
	jobs []job
	wake chan struct{}
}

func newQueue() *queue { return &queue{wake: make(chan struct{}, 1)} }

func (q *queue) push(js ...job) {
	q.mu.Lock()
	q.jobs = append(q.jobs, js...)
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

func (q *queue) take(n int) []job {
	q.mu.Lock()
	defer q.mu.Unlock()
	n = min(n, len(q.jobs))
	out := q.jobs[:n:n]
	q.jobs = q.jobs[n:]
	return out
}

func (q *queue) len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.jobs)
}

// benchBatch is a registered batch whose packs the pharmacies dispense in serial order.
type benchBatch struct {
	id   common.Hash
	ids  []common.Hash
	tree *packtree.Tree
	next int
}

// generator sends the workload: every account signs its transactions with explicit nonces and
// sends them in JSON-RPC batches without waiting for receipts, up to inflight unmined
// transactions per account; a watcher reads the new logs and schedules what each Shipped event
// makes possible (a receipt, the next shipments, a dispensing).
type generator struct {
	rpc      *rpc.Client
	node     *gethtest.Node
	client   *chain.Client
	addrs    chain.Addresses
	signer   types.Signer
	chainID  *big.Int
	tip, cap *big.Int
	inflight int
	log      io.Writer

	reg     *registry.Registry
	led     *ledger.BatchLedger
	tracked map[common.Hash]string // topic0 -> event name, for the events the indexer stores
	shipped common.Hash

	dev                 *actor
	mans, dists, pharms []*actor
	all                 []*actor
	byAddr              map[common.Address]*actor

	batches map[common.Hash]*benchBatch // written before the watcher starts, then watcher-only
	rr      uint64                      // pharmacy round robin; watcher-only

	events atomic.Uint64 // tracked events seen by the watcher
	head   atomic.Uint64
}

// trackedTopics maps the topic of every event the indexer stores to its name: all of both
// contracts' events but AccessControl's role events, which duplicate the participant events.
func trackedTopics() (map[common.Hash]string, error) {
	out := map[common.Hash]string{}
	regABI, err := registry.RegistryMetaData.ParseABI()
	if err != nil {
		return nil, err
	}
	ledABI, err := ledger.BatchLedgerMetaData.ParseABI()
	if err != nil {
		return nil, err
	}
	for name, ev := range regABI.Events {
		if name != "RoleGranted" && name != "RoleRevoked" && name != "RoleAdminChanged" {
			out[ev.ID] = name
		}
	}
	for name, ev := range ledABI.Events {
		out[ev.ID] = name
	}
	return out, nil
}

// generate deploys the contracts if st has none, then adds contract events to the chain until
// it holds at least target. It updates st (not the file).
func generate(ctx context.Context, node *gethtest.Node, st *chainState, target uint64, inflight int, log io.Writer) error {
	start := time.Now()
	rc, err := chain.DialRPC(ctx, node.HTTPURL)
	if err != nil {
		return fmt.Errorf("dial %s: %w", node.HTTPURL, err)
	}
	defer rc.Close()
	tracked, err := trackedTopics()
	if err != nil {
		return err
	}
	g := &generator{
		rpc: rc, node: node, signer: types.LatestSignerForChainID(node.ChainID), chainID: node.ChainID,
		inflight: inflight, log: log,
		reg: registry.NewRegistry(), led: ledger.NewBatchLedger(), tracked: tracked,
		batches: map[common.Hash]*benchBatch{}, byAddr: map[common.Address]*actor{},
	}
	for id, name := range tracked {
		if name == "Shipped" {
			g.shipped = id
		}
	}

	if st.Addresses.Registry == (common.Address{}) {
		head, err := node.Client.BlockNumber(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintln(log, "benchindexer: deploying the contracts (the dev account is the first regulator)")
		addrs, err := chain.Deploy(ctx, node.Client, node.Dev, chain.DeployOptions{RegulatorGLN: 5_000_000_000_009, RegulatorName: "Bench Regulator", PollInterval: 10 * time.Millisecond})
		if err != nil {
			return err
		}
		*st = chainState{Addresses: addrs, DeployBlock: head + 1}
		// The constructor's ParticipantRegistered.
		st.Events = 1
	}
	g.addrs = st.Addresses
	if g.client, err = chain.New(ctx, node.Client, chain.Options{Addresses: st.Addresses, PollInterval: 10 * time.Millisecond}); err != nil {
		return err
	}

	// Fees: a tip the miner takes and a fee cap far above the base fee, so that a base fee rising
	// under full blocks never strands queued transactions.
	hdr, err := node.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	g.tip = big.NewInt(params.GWei)
	g.cap = new(big.Int).Add(new(big.Int).Mul(hdr.BaseFee, big.NewInt(1000)), big.NewInt(1000*params.GWei))

	g.dev = &actor{name: "dev", key: node.DevKey, addr: gethtest.DevAddress, q: newQueue()}
	g.all = append(g.all, g.dev)
	add := func(list *[]*actor, n int, prefix string, role chain.Role, glnBase uint64) {
		for i := range n {
			a := newActor(fmt.Sprintf("%s-%d", prefix, i+1), role, glnBase+uint64(i))
			*list = append(*list, a)
			g.all = append(g.all, a)
			g.byAddr[a.addr] = a
		}
	}
	add(&g.mans, manufacturers, "manufacturer", chain.RoleManufacturer, 4_000_000_000_000)
	add(&g.dists, distributors, "distributor", chain.RoleDistributor, 4_100_000_000_000)
	add(&g.pharms, pharmacies, "pharmacy", chain.RolePharmacy, 4_200_000_000_000)
	for _, a := range g.all {
		if a.nonce, err = node.Client.PendingNonceAt(ctx, a.addr); err != nil {
			return fmt.Errorf("read nonce of %s: %w", a.name, err)
		}
		a.first = a.nonce
		a.mined.Store(a.nonce)
	}

	head, err := node.Client.BlockNumber(ctx)
	if err != nil {
		return err
	}
	g.head.Store(head)
	have := st.Events

	// Everything below runs until the generation is complete or fails.
	gctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		errMu sync.Mutex
		first error
	)
	fail := func(err error) {
		if err == nil || errors.Is(err, context.Canceled) {
			return
		}
		errMu.Lock()
		if first == nil {
			first = err
		}
		errMu.Unlock()
		cancel()
	}
	spawn := func(fn func() error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fail(fn())
		}()
	}
	for _, a := range g.all {
		spawn(func() error { return g.sendLoop(gctx, a) })
	}
	spawn(func() error { return g.pollNonces(gctx) })
	spawn(func() error { return g.watch(gctx, head+1) })
	fail(g.drive(gctx, st, have, target, start))
	cancel()
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

// drive plans the workload, feeds the queues and waits until every event has been seen.
func (g *generator) drive(ctx context.Context, st *chainState, have, target uint64, start time.Time) error {
	st.Generations++
	gen := st.Generations
	var expected uint64

	// 1. The regulator (dev account) funds and registers the accounts; everything else waits
	// for that, since other accounts' transactions are not ordered after the dev account's.
	minBalance := new(big.Int).Mul(big.NewInt(100_000), big.NewInt(params.Ether))
	fund := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))
	for _, a := range g.all[1:] {
		bal, err := g.node.Client.BalanceAt(ctx, a.addr, nil)
		if err != nil {
			return err
		}
		if bal.Cmp(minBalance) < 0 {
			g.dev.q.push(job{to: a.addr, gas: gasTransfer, value: fund})
		}
		p, err := g.client.Participant(ctx, a.addr)
		if err != nil {
			return err
		}
		if p.Role == chain.RoleNone {
			g.dev.q.push(job{to: g.addrs.Registry, gas: gasParticipant,
				data: g.reg.PackRegisterParticipant(a.addr, uint8(a.role), a.gln, "Bench "+a.name)})
			expected++
		}
	}
	if err := g.waitIdle(ctx, g.dev); err != nil {
		return fmt.Errorf("fund and register the accounts: %w", err)
	}

	// 2. Size the work: pallets for the events still missing, after the setup events.
	var need uint64
	if target > have+expected {
		need = target - have - expected
	}
	pallets := max(1, (need+eventsPerPallet-1)/eventsPerPallet)
	perMan := (pallets + manufacturers - 1) / manufacturers
	expiry := chain.ExpiryDay(time.Now().AddDate(3, 0, 0))
	fmt.Fprintf(g.log, "benchindexer: generating %s pallets (about %s events) from %d manufacturers through %d distributors to %d pharmacies, up to %d transactions in flight per account\n",
		group(perMan*manufacturers), group(perMan*manufacturers*eventsPerPallet), manufacturers, distributors, pharmacies, g.inflight)

	// 3. Products, batches (registered and published) and the pallet shipments, all queued at
	// once on each manufacturer: its nonces order them.
	for mi, m := range g.mans {
		gtin := benchGTIN(uint64(mi + 1))
		owner, err := g.client.ProductOwner(ctx, gtin)
		if err != nil {
			return err
		}
		var jobs []job
		if owner != m.addr {
			jobs = append(jobs, job{to: g.addrs.Registry, gas: gasProduct,
				data: g.reg.PackRegisterProduct(gtin, "Benchmarol "+strconv.Itoa(mi+1), "500 mg", "tablet", 16)})
			expected++
		}
		dist := mi // spread the first pallets over the distributors
		for bi, left := 0, perMan; left > 0; bi++ {
			n := min(left, batchPallets)
			left -= n
			lot := fmt.Sprintf("G%dM%dB%d", gen, mi+1, bi+1)
			b, err := newBenchBatch(gtin, lot, int(n*palletUnits))
			if err != nil {
				return err
			}
			g.batches[b.id] = b
			jobs = append(jobs, job{to: g.addrs.Ledger, gas: gasBatch,
				data: g.led.PackRegisterBatch(gtin, lot, expiry, uint32(len(b.ids)), b.tree.Root(), crypto.Keccak256Hash([]byte(lot)))})
			expected++
			for s := 0; s < len(b.ids); s += chain.PublishChunk {
				chunk := hashes(b.ids[s:min(s+chain.PublishChunk, len(b.ids))])
				jobs = append(jobs, job{to: g.addrs.Ledger, gas: gasPublish(len(chunk)), data: g.led.PackPublishPacks(b.id, uint32(s), chunk)})
				expected++
			}
			for range n {
				d := g.dists[dist%len(g.dists)]
				dist++
				jobs = append(jobs, job{to: g.addrs.Ledger, gas: gasShip, data: g.led.PackShip(b.id, d.addr, palletUnits)})
			}
			expected += n * eventsPerPallet
		}
		m.q.push(jobs...)
	}

	// 4. Wait for every event, with progress on stderr.
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	last, lastChange := uint64(0), time.Now()
	for {
		seen := g.events.Load()
		if seen >= expected {
			break
		}
		if seen != last {
			last, lastChange = seen, time.Now()
		} else if time.Since(lastChange) > 90*time.Second {
			return fmt.Errorf("generation stalled at %d of %d events (a reverted transaction breaks its pallet's chain; queued: %s)", seen, expected, g.queued())
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
		el := time.Since(start).Seconds()
		fmt.Fprintf(g.log, "benchindexer: generate: %s / %s events, block %s, %.0f tx/s, %.0f events/s, %s in flight\n",
			group(have+g.events.Load()), group(have+expected), group(g.head.Load()), float64(g.minedTxs())/el, float64(g.events.Load())/el, group(g.inFlight()))
	}
	if seen := g.events.Load(); seen != expected {
		return fmt.Errorf("saw %d events, expected %d", seen, expected)
	}
	el := time.Since(start)
	st.Events = have + expected
	st.GeneratedEvents = expected
	st.GenerationSecs = el.Seconds()
	st.GenerationTxRate = float64(g.minedTxs()) / el.Seconds()
	fmt.Fprintf(g.log, "benchindexer: generated %s events in %s (%s transactions, %.0f tx/s)\n",
		group(expected), el.Round(time.Second), group(g.minedTxs()), st.GenerationTxRate)
	return nil
}

// benchGTIN is a valid GTIN-14 numbered n, outside the test suites' range.
func benchGTIN(n uint64) uint64 { return gs1.AppendCheckDigit(960600013000 + n) }

func newBenchBatch(gtin uint64, lot string, packs int) (*benchBatch, error) {
	id := chain.BatchID(gtin, lot)
	serials := make([]string, packs)
	for i := range serials {
		serials[i] = fmt.Sprintf("%s-%06d", lot, i)
	}
	ids := chain.PackIDs(id, serials)
	tree, err := packtree.New(ids)
	if err != nil {
		return nil, fmt.Errorf("packs tree of %s: %w", lot, err)
	}
	return &benchBatch{id: id, ids: ids, tree: tree}, nil
}

func hashes(hs []common.Hash) [][32]byte {
	out := make([][32]byte, len(hs))
	for i, h := range hs {
		out[i] = h
	}
	return out
}

// waitIdle waits until an account's queue is empty and all its transactions are mined.
func (g *generator) waitIdle(ctx context.Context, a *actor) error {
	for a.q.len() > 0 || a.mined.Load() < a.sent() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	return nil
}

func (g *generator) minedTxs() uint64 {
	var n uint64
	for _, a := range g.all {
		n += a.mined.Load() - a.first
	}
	return n
}

func (g *generator) inFlight() uint64 {
	var n uint64
	for _, a := range g.all {
		if s, m := a.sent(), a.mined.Load(); s > m {
			n += s - m
		}
	}
	return n
}

func (g *generator) queued() string {
	s := ""
	for _, a := range g.all {
		if n := a.q.len(); n > 0 || a.sent() > a.mined.Load() {
			s += fmt.Sprintf("%s %d queued %d unmined; ", a.name, n, a.sent()-a.mined.Load())
		}
	}
	return s
}

// JSON-RPC batches: geth refuses request bodies over 5 MiB and batches over 1 000 calls.
const (
	maxBatchBytes = 2 << 20
	maxBatchCalls = 500
)

// sendLoop signs and sends an account's queued jobs, keeping at most g.inflight unmined.
func (g *generator) sendLoop(ctx context.Context, a *actor) error {
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		free := g.inflight
		if s, m := a.sent(), a.mined.Load(); s > m {
			free -= int(s - m)
		}
		var jobs []job
		if free > 0 {
			jobs = a.q.take(free)
		}
		if len(jobs) == 0 {
			select {
			case <-ctx.Done():
				return nil
			case <-a.q.wake:
			case <-tick.C:
			}
			continue
		}
		if err := g.send(ctx, a, jobs); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
	}
}

func (g *generator) send(ctx context.Context, a *actor, jobs []job) error {
	var (
		batch []rpc.BatchElem
		size  int
	)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := g.rpc.BatchCallContext(ctx, batch); err != nil {
			return fmt.Errorf("send %d transactions from %s: %w", len(batch), a.name, err)
		}
		for _, e := range batch {
			if e.Error != nil {
				return fmt.Errorf("send a transaction from %s: %w", a.name, e.Error)
			}
		}
		batch, size = batch[:0], 0
		return nil
	}
	for _, j := range jobs {
		nonce := a.next()
		to := j.to
		tx, err := types.SignNewTx(a.key, g.signer, &types.DynamicFeeTx{
			ChainID: g.chainID, Nonce: nonce, GasTipCap: g.tip, GasFeeCap: g.cap, Gas: j.gas, To: &to, Value: j.value, Data: j.data,
		})
		if err != nil {
			return err
		}
		raw, err := tx.MarshalBinary()
		if err != nil {
			return err
		}
		enc := hexutil.Encode(raw)
		if size+len(enc) > maxBatchBytes || len(batch) == maxBatchCalls {
			if err := flush(); err != nil {
				return err
			}
		}
		batch = append(batch, rpc.BatchElem{Method: "eth_sendRawTransaction", Args: []any{enc}, Result: new(common.Hash)})
		size += len(enc)
	}
	return flush()
}

// pollNonces reads every account's mined nonce, in one JSON-RPC batch, every 10 ms.
func (g *generator) pollNonces(ctx context.Context) error {
	res := make([]hexutil.Uint64, len(g.all))
	for {
		elems := make([]rpc.BatchElem, len(g.all))
		for i, a := range g.all {
			elems[i] = rpc.BatchElem{Method: "eth_getTransactionCount", Args: []any{a.addr, "latest"}, Result: &res[i]}
		}
		if err := g.rpc.BatchCallContext(ctx, elems); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("read nonces: %w", err)
		}
		for i, a := range g.all {
			if elems[i].Error == nil {
				a.mined.Store(uint64(res[i]))
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// watch follows the chain from block from, counts the tracked events, and turns every Shipped
// event into its receiver's next transactions.
func (g *generator) watch(ctx context.Context, from uint64) error {
	q := ethereum.FilterQuery{Addresses: []common.Address{g.addrs.Registry, g.addrs.Ledger}}
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(20 * time.Millisecond):
		}
		head, err := g.node.Client.BlockNumber(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		if head < from {
			continue
		}
		q.FromBlock, q.ToBlock = new(big.Int).SetUint64(from), new(big.Int).SetUint64(head)
		logs, err := g.node.Client.FilterLogs(ctx, q)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("watch logs %d-%d: %w", from, head, err)
		}
		for i := range logs {
			l := &logs[i]
			if len(l.Topics) == 0 {
				continue
			}
			if _, ok := g.tracked[l.Topics[0]]; !ok {
				continue
			}
			g.events.Add(1)
			if l.Topics[0] == g.shipped {
				if err := g.onShipped(l); err != nil {
					return err
				}
			}
		}
		from = head + 1
		g.head.Store(head)
	}
}

func (g *generator) onShipped(l *types.Log) error {
	ev, err := g.led.UnpackShippedEvent(l)
	if err != nil {
		return fmt.Errorf("decode Shipped: %w", err)
	}
	to, ok := g.byAddr[ev.To]
	if !ok {
		return nil // not ours (a live-mode shipment of an earlier run, say)
	}
	receive := job{to: g.addrs.Ledger, gas: gasReceive, data: g.led.PackReceiveShipment(ev.ShipmentId)}
	switch to.role {
	case chain.RoleDistributor:
		jobs := []job{receive}
		for range parcelsPerPall {
			p := g.pharms[g.rr%uint64(len(g.pharms))]
			g.rr++
			jobs = append(jobs, job{to: g.addrs.Ledger, gas: gasShip, data: g.led.PackShip(ev.BatchId, p.addr, parcelUnits)})
		}
		to.q.push(jobs...)
	case chain.RolePharmacy:
		b, ok := g.batches[ev.BatchId]
		if !ok {
			return fmt.Errorf("shipment %s of unknown batch %x", ev.ShipmentId, ev.BatchId)
		}
		n := int(ev.Quantity)
		if b.next+n > len(b.ids) {
			return fmt.Errorf("batch %x: no packs left to dispense", ev.BatchId)
		}
		mp, err := b.tree.MultiProof(b.ids[b.next : b.next+n])
		if err != nil {
			return err
		}
		b.next += n
		data := g.led.PackDecommissionMany(ev.BatchId, hashes(mp.PackIDs), hashes(mp.Proof), chain.FlagBits(mp.Flags), uint8(chain.ReasonSupplied))
		to.q.push(receive, job{to: g.addrs.Ledger, gas: gasDecommMany, data: data})
	}
	return nil
}
