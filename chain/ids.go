package chain

import (
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// The ABI encodings the contracts hash. Built once; abi.Arguments is read-only after construction.
var (
	batchIDArgs = mustArgs("uint64", "string")
	packIDArgs  = mustArgs("bytes32", "string")
)

func mustArgs(types ...string) abi.Arguments {
	args := make(abi.Arguments, len(types))
	for i, t := range types {
		typ, err := abi.NewType(t, "", nil)
		if err != nil {
			panic(err) // a typo in the literals above; caught by any test
		}
		args[i] = abi.Argument{Type: typ}
	}
	return args
}

// BatchID is keccak256(abi.encode(uint64 gtin, string lot)), as registerBatch computes it.
func BatchID(gtin uint64, lot string) common.Hash {
	enc, err := batchIDArgs.Pack(gtin, lot)
	if err != nil {
		panic(err) // cannot happen for these Go types
	}
	return crypto.Keccak256Hash(enc)
}

// PackID is keccak256(abi.encode(bytes32 batchId, string serial)): a pack's identity on chain,
// which hides the serial itself.
func PackID(batchID common.Hash, serial string) common.Hash {
	enc, err := packIDArgs.Pack(batchID, serial)
	if err != nil {
		panic(err)
	}
	return crypto.Keccak256Hash(enc)
}

// PackIDs maps PackID over a batch's serials, keeping their order.
func PackIDs(batchID common.Hash, serials []string) []common.Hash {
	ids := make([]common.Hash, len(serials))
	for i, s := range serials {
		ids[i] = PackID(batchID, s)
	}
	return ids
}
