package actions

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/indexer"
	"github.com/pharmatrace/pharmatrace/verify"
)

// MaxCodes is the most packs one decommission request takes.
const MaxCodes = 1000

// PackOutcome is what happened to one scanned pack.
type PackOutcome struct {
	Code    string `json:"code"`
	BatchID string `json:"batchId"`
	PackID  string `json:"packId"`
	// Status is "decommissioned", or "already" for a pack this participant had already
	// decommissioned for the same reason (a scanner's double read: no second transaction).
	Status string `json:"status"`
}

// DecommissionResult is the answer to a decommission.
type DecommissionResult struct {
	Packs []PackOutcome `json:"packs"`
	Receipt
}

type scanned struct {
	code    string
	batch   indexer.Batch
	batchID common.Hash
	packID  common.Hash
}

// Decommission takes packs out of the supply chain — dispensed ("supplied") for a pharmacy,
// or destroyed, stolen, sample, free sample, exported, locked — from their scanned codes.
// Every code is verified first, as the scanning participant (so the scan is logged and alerts
// are raised as on any scan); if any pack may not be decommissioned, nothing is sent and the
// answer says which and why. Packs of one batch go in one transaction (a multiproof).
// client is the opaque client key the verifier uses for clone detection.
func (s *Service) Decommission(ctx context.Context, a Actor, codes []string, reasonName, client string) (DecommissionResult, error) {
	opts, err := s.require(a, chain.RolePharmacy, chain.RoleDistributor, chain.RoleManufacturer)
	if err != nil {
		return DecommissionResult{}, err
	}
	reason, err := chain.ParseReason(reasonName)
	if err != nil || reason == chain.ReasonNone {
		return DecommissionResult{}, invalid("reason", "want dispensed (supplied), destroyed, stolen, sample, free_sample, exported or locked")
	}
	if reason == chain.ReasonSupplied && a.Role != chain.RolePharmacy {
		return DecommissionResult{}, fmt.Errorf("only a pharmacy dispenses: %w", ErrForbidden)
	}
	switch {
	case len(codes) == 0:
		return DecommissionResult{}, invalid("codes", "give at least one scanned code")
	case len(codes) > MaxCodes:
		return DecommissionResult{}, invalid("codes", "at most %d codes in one request", MaxCodes)
	}

	var (
		res    DecommissionResult
		send   []scanned
		seen   = map[common.Hash]bool{}
		scanBy = verify.Scanner{Participant: a.Account, Client: client}
	)
	for i, code := range codes {
		v, err := s.opts.Verifier.Verify(ctx, code, scanBy)
		if err != nil {
			return DecommissionResult{}, err
		}
		if s.opts.Recorder != nil {
			s.opts.Recorder.Record(ctx, v)
		}
		if v.Verdict == verify.Malformed {
			return DecommissionResult{}, invalid("codes", "code %d is not a readable GS1 code: %s", i+1, v.Problem.Message)
		}
		if v.Pack == nil || v.Batch == nil {
			return DecommissionResult{}, &RefusedError{Verdict: v.Verdict, Message: fmt.Sprintf("code %d: %s", i+1, v.Message), Result: v}
		}
		packID := common.HexToHash(v.Pack.PackID)
		if seen[packID] {
			continue
		}
		seen[packID] = true
		out := PackOutcome{Code: code, BatchID: v.Batch.BatchID, PackID: v.Pack.PackID, Status: "decommissioned"}
		switch {
		case v.Pack.State == indexer.PackDecommissioned && v.Pack.DecommissionedBy != nil &&
			strings.EqualFold(v.Pack.DecommissionedBy.Address, a.Account.Hex()) && v.Pack.Reason == reason.String():
			out.Status = "already"
		case v.Pack.State == indexer.PackDecommissioned || v.Verdict == verify.Counterfeit || v.Verdict == verify.Unknown ||
			(reason == chain.ReasonSupplied && v.Verdict != verify.Authentic):
			// Already out of the chain, not genuine, or — to dispense — recalled or expired.
			return DecommissionResult{}, &RefusedError{Verdict: v.Verdict, Message: fmt.Sprintf("code %d: %s", i+1, v.Message), Result: v}
		default:
			b, err := s.batch(ctx, common.HexToHash(v.Batch.BatchID))
			if err != nil {
				return DecommissionResult{}, err
			}
			send = append(send, scanned{code: code, batch: b, batchID: common.HexToHash(b.BatchID), packID: packID})
		}
		res.Packs = append(res.Packs, out)
	}

	// One transaction per batch, in the order the batches were first scanned.
	var order []common.Hash
	groups := map[common.Hash][]scanned{}
	for _, p := range send {
		if _, ok := groups[p.batchID]; !ok {
			order = append(order, p.batchID)
		}
		groups[p.batchID] = append(groups[p.batchID], p)
	}
	for _, id := range order {
		g := groups[id]
		tree, err := s.tree(ctx, g[0].batch)
		if err != nil {
			return res, err
		}
		if len(g) == 1 {
			proof, err := tree.Proof(g[0].packID)
			if err != nil {
				return res, fmt.Errorf("prove pack %s: %w", g[0].packID, err)
			}
			rc, err := s.opts.Chain.Decommission(ctx, opts, id, g[0].packID, proof, reason)
			res.add(rc)
			if err != nil {
				return res, fmt.Errorf("decommission %s: %w", g[0].packID, err)
			}
			continue
		}
		ids := make([]common.Hash, len(g))
		for i, p := range g {
			ids[i] = p.packID
		}
		mp, err := tree.MultiProof(ids)
		if err != nil {
			return res, fmt.Errorf("prove %d packs of %s: %w", len(ids), id, err)
		}
		rc, err := s.opts.Chain.DecommissionMany(ctx, opts, id, mp, reason)
		res.add(rc)
		if err != nil {
			return res, fmt.Errorf("decommission %d packs of %s: %w", len(ids), id, err)
		}
	}
	res.Receipt, err = s.settle(ctx, res.Receipt)
	return res, err
}

// Undo puts a decommissioned pack back into the supply chain: only the participant that
// decommissioned it, within 10 days, never after expiry or recall, never from destroyed or
// stolen (the contract decides; its refusal comes back as the chain package's sentinel).
func (s *Service) Undo(ctx context.Context, a Actor, code string) (PackOutcome, Receipt, error) {
	opts, err := s.require(a, chain.RolePharmacy, chain.RoleDistributor, chain.RoleManufacturer)
	if err != nil {
		return PackOutcome{}, Receipt{}, err
	}
	c, err := gs1.Parse(code, s.opts.Now())
	if err != nil {
		return PackOutcome{}, Receipt{}, invalid("code", "not a readable GS1 code: %v", err)
	}
	if c.Serial == "" || c.Lot == "" {
		return PackOutcome{}, Receipt{}, invalid("code", "the code has no lot or no serial")
	}
	gtin, _ := strconv.ParseUint(string(c.GTIN), 10, 64)
	batchID := chain.BatchID(gtin, c.Lot)
	packID := chain.PackID(batchID, c.Serial)
	p, err := s.opts.Store.Pack(ctx, batchID, packID)
	if errors.Is(err, indexer.ErrNotFound) {
		return PackOutcome{}, Receipt{}, fmt.Errorf("pack %s: %w", packID, ErrNotFound)
	}
	if err != nil {
		return PackOutcome{}, Receipt{}, err
	}
	out := PackOutcome{Code: code, BatchID: batchID.Hex(), PackID: packID.Hex(), Status: "active"}
	if p.State != indexer.PackDecommissioned {
		return out, Receipt{}, fmt.Errorf("pack %s: %w", packID, chain.ErrNotDecommissioned)
	}
	var r Receipt
	rc, err := s.opts.Chain.Reactivate(ctx, opts, batchID, packID)
	r.add(rc)
	if err != nil {
		s.raiseUndoAlert(ctx, a, c, batchID, packID, p, err)
		return out, r, fmt.Errorf("undo decommission of %s: %w", packID, err)
	}
	r, err = s.settle(ctx, r)
	return out, r, err
}

// raiseUndoAlert raises the NMVS alerts of a refused undo: by another participant (PCK_21), or
// after the 10 days (PCK_20). Other refusals are the caller's mistakes, not alerts.
func (s *Service) raiseUndoAlert(ctx context.Context, a Actor, c gs1.Code, batchID, packID common.Hash, p indexer.Pack, err error) {
	code, msg := "", ""
	switch {
	case errors.Is(err, chain.ErrUndoByOtherActor):
		code, msg = verify.AlertUndoByOther, fmt.Sprintf("%s tried to undo a decommission made by %s.", a.Name, p.Actor)
	case errors.Is(err, chain.ErrUndoWindowClosed):
		code, msg = verify.AlertUndoAfterWindow, fmt.Sprintf("%s tried to undo a decommission after the 10 days.", a.Name)
	default:
		return
	}
	if _, err := verify.RaiseAlert(context.WithoutCancel(ctx), s.opts.DB, verify.Raised{
		Code: code, Message: msg, BatchID: batchID.Hex(), PackID: packID.Hex(),
		GTIN: string(c.GTIN), Lot: c.Lot, Serial: c.Serial, Scanner: a.Account.Hex(),
	}, s.opts.Now()); err != nil {
		s.log.ErrorContext(ctx, "raise undo alert", "err", err)
	}
}
