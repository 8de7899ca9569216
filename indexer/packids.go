package indexer

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// PackIDs lists a batch's published pack ids in published order: the leaves of its packs tree,
// from which anyone can build a pack's Merkle proof.
func (s *Store) PackIDs(ctx context.Context, batchID common.Hash) ([]common.Hash, error) {
	var hexes []string
	err := s.db.SelectContext(ctx, &hexes, s.db.Rebind(`SELECT pack_id FROM packs WHERE batch_id = ? ORDER BY idx`), batchID.Hex())
	if err != nil {
		return nil, fmt.Errorf("list pack ids of %s: %w", batchID, err)
	}
	ids := make([]common.Hash, len(hexes))
	for i, h := range hexes {
		ids[i] = common.HexToHash(h)
	}
	return ids, nil
}
