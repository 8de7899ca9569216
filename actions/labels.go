package actions

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pharmatrace/pharmatrace/chain"
	"github.com/pharmatrace/pharmatrace/gs1"
	"github.com/pharmatrace/pharmatrace/labels"
)

// Labels are a batch's signed codes, ready to print.
type Labels struct {
	Product string // name, strength and form, printed on every label
	Codes   []gs1.Code
}

// Labels signs the codes of a batch's packs (all of them, or the given serials) with its
// manufacturer's key. Only the batch's manufacturer asks for them, from the service that
// registered the batch (the one that holds its serials).
func (s *Service) Labels(ctx context.Context, a Actor, batchID string, serials ...string) (Labels, error) {
	if _, err := s.require(a, chain.RoleManufacturer); err != nil {
		return Labels{}, err
	}
	id, err := hash32("batchId", batchID)
	if err != nil {
		return Labels{}, err
	}
	b, err := s.batch(ctx, id)
	if err != nil {
		return Labels{}, err
	}
	if !strings.EqualFold(b.Manufacturer, a.Account.Hex()) {
		return Labels{}, fmt.Errorf("labels of %s: %w", id, chain.ErrNotBatchManufacturer)
	}
	stored, err := s.Serials(ctx, id)
	if err != nil {
		return Labels{}, err
	}
	if len(stored) == 0 {
		return Labels{}, fmt.Errorf("serials of %s are not held by this service: %w", id, ErrNotFound)
	}
	if len(serials) > 0 {
		known := make(map[string]bool, len(stored))
		for _, sn := range stored {
			known[sn] = true
		}
		for _, sn := range serials {
			if !known[sn] {
				return Labels{}, fmt.Errorf("serial %q of %s: %w", sn, id, ErrNotFound)
			}
		}
		stored = serials
	}
	p, err := s.opts.Store.Product(ctx, b.GTIN)
	if err != nil {
		return Labels{}, err
	}
	expiry, err := time.Parse(time.DateOnly, b.Expiry)
	if err != nil {
		return Labels{}, fmt.Errorf("expiry of %s: %w", id, err)
	}
	signer, err := s.opts.Keys.Signer(a.Account)
	if err != nil {
		return Labels{}, fmt.Errorf("%s: %w", a.Account, ErrNoKey)
	}
	out := Labels{Product: strings.Join([]string{p.Name, p.Strength, p.Form}, " "), Codes: make([]gs1.Code, len(stored))}
	for i, sn := range stored {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return Labels{}, err
			}
		}
		c, err := labels.SignCode(ctx, signer, gs1.Code{GTIN: gs1.GTIN(b.GTIN), Lot: b.Lot, Serial: sn, Expiry: expiry, ExpiryRaw: gs1.FormatExpiry(expiry)})
		if err != nil {
			return Labels{}, fmt.Errorf("sign code %d of %s: %w", i, id, err)
		}
		out.Codes[i] = c
	}
	return out, nil
}
