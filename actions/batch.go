package actions

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/jmoiron/sqlx"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/chain/packtree"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/labels"
)

// MaxPacks is the most packs one batch registration takes.
const MaxPacks = 1_000_000

// NewBatch is a batch a manufacturer registers: serials given, or a count of serials to generate.
type NewBatch struct {
	GTIN    string   `json:"gtin"`
	Lot     string   `json:"lot"`
	Expiry  string   `json:"expiry"` // YYYY-MM-DD
	Serials []string `json:"serials,omitempty"`
	Count   int      `json:"count,omitempty"`
	DocHash string   `json:"docHash,omitempty"` // e.g. the SHA-256 of the certificate of analysis
}

// BatchResult is a registered batch.
type BatchResult struct {
	BatchID  string `json:"batchId"`
	Quantity int    `json:"quantity"`
	Receipt
}

// RegisterBatch registers a batch of the caller's product and publishes its pack ids in chunks,
// calling progress after each chunk. Serials are stored (svc_serials) before anything is sent,
// so labels can be printed later, and so a registration cut short — a crash, a timeout — is
// finished by sending the same request again: it resumes publication where the chain says it
// stopped, with the serials it stored the first time.
func (s *Service) RegisterBatch(ctx context.Context, a Actor, nb NewBatch, progress func(done, total int)) (BatchResult, error) {
	opts, err := s.require(a, chain.RoleManufacturer)
	if err != nil {
		return BatchResult{}, err
	}
	gtin, err := gs1.ParseGTIN(nb.GTIN)
	if err != nil {
		return BatchResult{}, invalid("gtin", "%v", err)
	}
	if err := gs1.ValidateAI10or21(nb.Lot); err != nil {
		return BatchResult{}, invalid("lot", "%v", err)
	}
	expiry, err := date("expiry", nb.Expiry)
	if err != nil {
		return BatchResult{}, err
	}
	// The contract compares with the chain's time (the latest block's), which is what counts.
	head, err := s.opts.Chain.Backend().HeaderByNumber(ctx, nil)
	if err != nil {
		return BatchResult{}, fmt.Errorf("read the chain's time: %w", err)
	}
	if chain.ExpiryDay(expiry) < chain.ExpiryDay(time.Unix(int64(head.Time), 0).UTC()) {
		return BatchResult{}, invalid("expiry", "the expiry date is in the past")
	}
	var docHash common.Hash
	if nb.DocHash != "" {
		if docHash, err = hash32("docHash", nb.DocHash); err != nil {
			return BatchResult{}, err
		}
	}
	switch {
	case len(nb.Serials) > 0 && nb.Count > 0:
		return BatchResult{}, invalid("serials", "give serials or a count to generate, not both")
	case len(nb.Serials) == 0 && nb.Count <= 0:
		return BatchResult{}, invalid("count", "give serials, or a count of serials to generate (at least 1)")
	case nb.Count > MaxPacks || len(nb.Serials) > MaxPacks:
		return BatchResult{}, invalid("count", "at most %d packs in one batch", MaxPacks)
	}
	if err := checkSerials(nb.Serials); err != nil {
		return BatchResult{}, err
	}

	// The product must be the caller's, and the batch new — or this caller's, half published.
	product, err := s.opts.Store.Product(ctx, string(gtin))
	if errors.Is(err, indexer.ErrNotFound) {
		return BatchResult{}, fmt.Errorf("product %s: %w", gtin, chain.ErrUnknownProduct)
	}
	if err != nil {
		return BatchResult{}, err
	}
	if !strings.EqualFold(product.Owner, a.Account.Hex()) {
		return BatchResult{}, fmt.Errorf("product %s belongs to %s: %w", gtin, product.Owner, chain.ErrNotProductOwner)
	}
	gtinNum, _ := strconv.ParseUint(string(gtin), 10, 64)
	id := chain.BatchID(gtinNum, nb.Lot)
	existing, err := s.opts.Store.Batch(ctx, id)
	registered := err == nil
	if err != nil && !errors.Is(err, indexer.ErrNotFound) {
		return BatchResult{}, err
	}

	serials, err := s.serials(ctx, id, nb, registered)
	if err != nil {
		return BatchResult{}, err
	}
	ids := chain.PackIDs(id, serials)
	root, err := packtree.Root(ids)
	if err != nil {
		return BatchResult{}, fmt.Errorf("packs root of %s: %w", id, err)
	}
	res := BatchResult{BatchID: id.Hex(), Quantity: len(serials)}
	if registered {
		if !strings.EqualFold(existing.Manufacturer, a.Account.Hex()) || common.HexToHash(existing.PacksRoot) != root ||
			existing.Expiry != expiry.Format("2006-01-02") {
			return res, fmt.Errorf("batch %s/%s: %w", gtin, nb.Lot, chain.ErrBatchExists)
		}
		if existing.Published == existing.Quantity {
			return res, fmt.Errorf("batch %s/%s, fully published: %w", gtin, nb.Lot, chain.ErrBatchExists)
		}
		s.log.InfoContext(ctx, "resuming pack publication", "batch", id, "published", existing.Published, "quantity", existing.Quantity)
	} else {
		_, rc, err := s.opts.Chain.RegisterBatch(ctx, opts, chain.BatchSpec{
			GTIN: gtinNum, Lot: nb.Lot, Expiry: expiry, Quantity: uint32(len(serials)), PacksRoot: root, DocHash: docHash,
		})
		res.add(rc)
		if err != nil {
			return res, fmt.Errorf("register batch %s/%s: %w", gtin, nb.Lot, err)
		}
	}
	rcs, err := s.opts.Chain.PublishPacks(ctx, opts, id, ids, progress)
	for _, rc := range rcs {
		res.add(rc)
	}
	if err != nil {
		return res, fmt.Errorf("register batch %s/%s: %w", gtin, nb.Lot, err)
	}
	res.Receipt, err = s.settle(ctx, res.Receipt)
	return res, err
}

// checkSerials refuses serials outside GS1's AI 21 rules, and duplicates.
func checkSerials(serials []string) error {
	seen := make(map[string]int, len(serials))
	for i, sn := range serials {
		if err := gs1.ValidateAI10or21(sn); err != nil {
			return invalid("serials", "serial %d: %v", i+1, err)
		}
		if j, dup := seen[sn]; dup {
			return invalid("serials", "serial %d repeats serial %d (%s)", i+1, j+1, sn)
		}
		seen[sn] = i
	}
	return nil
}

// serials returns the batch's serials: those stored by an earlier attempt (which must agree
// with the request), else the request's or freshly generated ones, stored before use.
func (s *Service) serials(ctx context.Context, id common.Hash, nb NewBatch, registered bool) ([]string, error) {
	stored, err := s.Serials(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(stored) > 0 {
		if len(nb.Serials) > 0 && !slices.Equal(stored, nb.Serials) {
			return nil, invalid("serials", "this batch was first sent with other serials; send the same ones to finish it")
		}
		if nb.Count > 0 && nb.Count != len(stored) {
			return nil, invalid("count", "this batch was first sent with %d serials", len(stored))
		}
		return stored, nil
	}
	if registered && nb.Count > 0 {
		// Registered elsewhere (another instance, a tool) with serials this service never saw.
		return nil, fmt.Errorf("batch %s: %w", id, chain.ErrBatchExists)
	}
	serials := nb.Serials
	if nb.Count > 0 {
		if serials, err = labels.Serials(nb.Count, s.opts.SerialLength); err != nil {
			return nil, invalid("count", "%v", err)
		}
	}
	err = s.opts.DB.InTx(ctx, func(tx *sqlx.Tx) error {
		stmt, err := tx.PreparexContext(ctx, tx.Rebind(`INSERT INTO svc_serials (batch_id, idx, serial) VALUES (?, ?, ?)`))
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i, sn := range serials {
			if _, err := stmt.ExecContext(ctx, id.Hex(), i, sn); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store serials of %s: %w", id, err)
	}
	return serials, nil
}

// Serials reads a batch's serials as this service stored them (nil if it has none).
func (s *Service) Serials(ctx context.Context, batchID common.Hash) ([]string, error) {
	var out []string
	err := s.opts.DB.SelectContext(ctx, &out, s.opts.DB.Rebind(`SELECT serial FROM svc_serials WHERE batch_id = ? ORDER BY idx`), batchID.Hex())
	if err != nil {
		return nil, fmt.Errorf("read serials of %s: %w", batchID, err)
	}
	return out, nil
}

// SerialOf names the serial of a pack of a batch this service registered, for its
// manufacturer (a (batch, pack id) pair the caller got from the mirror): the pack's index in
// the published list picks the stored serial, which must hash to the pack id. ok is false when
// the caller is not the batch's manufacturer or the service holds no serial for the pack.
func (s *Service) SerialOf(ctx context.Context, a Actor, batchID, packID common.Hash) (serial string, ok bool, err error) {
	b, err := s.opts.Store.Batch(ctx, batchID)
	if errors.Is(err, indexer.ErrNotFound) {
		return "", false, nil
	}
	if err != nil || !strings.EqualFold(b.Manufacturer, a.Account.Hex()) {
		return "", false, err
	}
	p, err := s.opts.Store.Pack(ctx, batchID, packID)
	if errors.Is(err, indexer.ErrNotFound) || (err == nil && p.Index < 0) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	var sn string
	err = s.opts.DB.GetContext(ctx, &sn, s.opts.DB.Rebind(`SELECT serial FROM svc_serials WHERE batch_id = ? AND idx = ?`), batchID.Hex(), p.Index)
	if indexer.IsNoRows(err) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read serial %d of %s: %w", p.Index, batchID, err)
	}
	if chain.PackID(batchID, sn) != packID {
		return "", false, nil // stored serials that are not this batch's published list
	}
	return sn, true, nil
}
