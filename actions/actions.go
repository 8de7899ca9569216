// Package actions carries out the participants' writes: it checks the caller's role against the
// mirror before anything is sent, signs the transactions with the participant's own key, waits
// until they are mined and their events are in the mirror (so the caller's next read sees them),
// and turns every refusal into a typed error the API maps to one code.
package actions

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/packtree"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/keys"
	"github.com/pharmatrace/pharmatrace/verify"
)

// Errors a caller maps to answers. Contract refusals come back as the chain package's sentinels
// (errors.Is(err, chain.ErrBatchRecalled)), unchanged.
var (
	// ErrNotParticipant: the account is not registered in the mirror.
	ErrNotParticipant = errors.New("account is not a registered participant")
	// ErrInactive: the participant was deactivated.
	ErrInactive = errors.New("participant is deactivated")
	// ErrForbidden: the participant's role cannot do this.
	ErrForbidden = errors.New("role not allowed to do this")
	// ErrNoKey: this service instance does not hold the participant's key.
	ErrNoKey = errors.New("this service does not hold the participant's key")
	// ErrNotIndexed: the transactions were mined but the mirror had not caught up in time; the
	// write happened, a read may not show it yet.
	ErrNotIndexed = errors.New("mined, but not yet in the mirror")
	// ErrNotFound: the batch, shipment or pack named does not exist.
	ErrNotFound = errors.New("not found")
)

// InvalidError is a request the service refuses before sending anything.
type InvalidError struct {
	Field   string
	Message string
}

func (e *InvalidError) Error() string { return e.Field + ": " + e.Message }

func invalid(field, format string, args ...any) error {
	return &InvalidError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// RefusedError is a decommission or undo refused from the pack's verified state, before any
// transaction: the verdict says why (recalled, expired, dispensed by another pharmacy…).
type RefusedError struct {
	Verdict verify.Verdict
	Message string
	Result  verify.Result
}

func (e *RefusedError) Error() string { return "refused: " + string(e.Verdict) + ": " + e.Message }

// Options configure a Service.
type Options struct {
	Chain *chain.Client
	Store *indexer.Store
	DB    *indexer.DB
	Keys  *keys.Ring
	// Verifier checks scanned codes before a decommission. Required.
	Verifier *verify.Verifier
	// Recorder logs those scans and their alerts. Optional.
	Recorder *verify.Recorder
	// IndexWait bounds how long a write waits for its last block to reach the mirror. Default 30s.
	IndexWait time.Duration
	// PollInterval is how often the mirror's cursor is read while waiting. Default 20ms.
	PollInterval time.Duration
	// SerialLength is the length of generated serials (0: the labels package's default).
	SerialLength int
	Logger       *slog.Logger
	// Now is the clock. Default time.Now.
	Now func() time.Time
}

// Service runs the writes. It is safe for concurrent use.
type Service struct {
	opts  Options
	log   *slog.Logger
	trees *treeCache
}

// New checks the options.
func New(opts Options) (*Service, error) {
	if opts.Chain == nil || opts.Store == nil || opts.DB == nil || opts.Keys == nil || opts.Verifier == nil {
		return nil, errors.New("new actions service: chain, store, db, keys and verifier are required")
	}
	if opts.IndexWait <= 0 {
		opts.IndexWait = 30 * time.Second
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = 20 * time.Millisecond
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Service{opts: opts, log: opts.Logger, trees: newTreeCache(8)}, nil
}

// Actor is the participant a request acts for, as the mirror knows it.
type Actor struct {
	Account common.Address
	Role    chain.Role
	Name    string
	GLN     string
}

// Actor resolves account to an active participant.
func (s *Service) Actor(ctx context.Context, account common.Address) (Actor, error) {
	p, err := s.opts.Store.Participant(ctx, account)
	if errors.Is(err, indexer.ErrNotFound) {
		return Actor{}, fmt.Errorf("%s: %w", account, ErrNotParticipant)
	}
	if err != nil {
		return Actor{}, err
	}
	if !p.Active {
		return Actor{}, fmt.Errorf("%s: %w", account, ErrInactive)
	}
	role, err := chain.ParseRole(p.Role)
	if err != nil {
		return Actor{}, fmt.Errorf("participant %s: %w", account, err)
	}
	return Actor{Account: account, Role: role, Name: p.Name, GLN: p.GLN}, nil
}

// Tx is one mined transaction of a write.
type Tx struct {
	Hash  string `json:"hash"`
	Block uint64 `json:"block"`
}

// Receipt is what every write answers: its transactions, all mined and mirrored.
type Receipt struct {
	Txs []Tx `json:"transactions"`
}

func (r *Receipt) add(rc *types.Receipt) {
	if rc != nil {
		r.Txs = append(r.Txs, Tx{Hash: rc.TxHash.Hex(), Block: rc.BlockNumber.Uint64()})
	}
}

func (r *Receipt) last() uint64 {
	if len(r.Txs) == 0 {
		return 0
	}
	return r.Txs[len(r.Txs)-1].Block
}

// require checks the actor's role and that this service holds its key, and returns the
// transaction options that sign as it.
func (s *Service) require(a Actor, roles ...chain.Role) (*bind.TransactOpts, error) {
	allowed := false
	for _, r := range roles {
		allowed = allowed || a.Role == r
	}
	if !allowed {
		names := make([]string, len(roles))
		for i, r := range roles {
			names[i] = r.String()
		}
		return nil, fmt.Errorf("%s is a %s; this needs a %s: %w", a.Account, a.Role, strings.Join(names, " or "), ErrForbidden)
	}
	opts, err := s.opts.Keys.Transactor(a.Account, s.opts.Chain.ChainID())
	if errors.Is(err, keys.ErrNoKey) {
		return nil, fmt.Errorf("%s: %w", a.Account, ErrNoKey)
	}
	return opts, err
}

// settle waits until the mirror holds the receipt's last block.
func (s *Service) settle(ctx context.Context, r Receipt) (Receipt, error) {
	block := r.last()
	if block == 0 {
		return r, nil
	}
	ctx, cancel := context.WithTimeout(ctx, s.opts.IndexWait)
	defer cancel()
	t := time.NewTicker(s.opts.PollInterval)
	defer t.Stop()
	for {
		lag, err := s.opts.Store.Lag(ctx)
		if err == nil && lag.Cursor >= block {
			return r, nil
		}
		select {
		case <-ctx.Done():
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return r, fmt.Errorf("block %d after %s: %w", block, s.opts.IndexWait, ErrNotIndexed)
			}
			return r, ctx.Err()
		case <-t.C:
		}
	}
}

// treeCache keeps the packs trees of the batches most recently decommissioned from, so a
// pharmacy's scans of one batch do not rebuild its tree each time. A tree is keyed by the batch
// and its published count (a batch is immutable once fully published).
type treeCache struct {
	mu    sync.Mutex
	max   int
	order []string
	trees map[string]*packtree.Tree
}

func newTreeCache(max int) *treeCache {
	return &treeCache{max: max, trees: map[string]*packtree.Tree{}}
}

func (c *treeCache) get(key string) (*packtree.Tree, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.trees[key]
	return t, ok
}

func (c *treeCache) put(key string, t *packtree.Tree) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.trees[key]; ok {
		return
	}
	if len(c.order) >= c.max {
		delete(c.trees, c.order[0])
		c.order = c.order[1:]
	}
	c.order = append(c.order, key)
	c.trees[key] = t
}

// tree returns the packs tree of a batch, built from the pack ids the mirror holds in
// published order (so any participant can prove a pack, not only the manufacturer).
func (s *Service) tree(ctx context.Context, b indexer.Batch) (*packtree.Tree, error) {
	key := fmt.Sprintf("%s/%d", b.BatchID, b.Published)
	if t, ok := s.trees.get(key); ok {
		return t, nil
	}
	ids, err := s.opts.Store.PackIDs(ctx, common.HexToHash(b.BatchID))
	if err != nil {
		return nil, err
	}
	t, err := packtree.New(ids)
	if err != nil {
		return nil, fmt.Errorf("build packs tree of %s: %w", b.BatchID, err)
	}
	if t.Root() != common.HexToHash(b.PacksRoot) {
		return nil, fmt.Errorf("packs tree of %s: published ids do not reproduce the registered root", b.BatchID)
	}
	s.trees.put(key, t)
	return t, nil
}
