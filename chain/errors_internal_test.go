package chain

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pharmatrace/pharmatrace/bindings/ledger"
)

// Every custom error in either ABI must map to its own sentinel, so a new Solidity error cannot
// reach callers as an anonymous revert.
func TestEveryABIErrorHasASentinel(t *testing.T) {
	seen := map[error]string{}
	regABI, ledABI, err := ContractABIs()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []map[string]struct{}{names(regABI.Errors), names(ledABI.Errors)} {
		for name := range a {
			s, ok := sentinels[name]
			if !ok {
				t.Errorf("custom error %s has no sentinel in errors.go", name)
				continue
			}
			if other, dup := seen[s]; dup && other != name {
				t.Errorf("errors %s and %s share a sentinel", name, other)
			}
			seen[s] = name
		}
	}
}

func names[T any](m map[string]T) map[string]struct{} {
	out := map[string]struct{}{}
	for k := range m {
		out[k] = struct{}{}
	}
	return out
}

func TestDecodeRevertData(t *testing.T) {
	ledABI, err := ledger.BatchLedgerMetaData.ParseABI()
	if err != nil {
		t.Fatal(err)
	}
	d := newErrorDecoder(ledABI)
	batch := common.HexToHash("0x01")
	holder := common.HexToAddress("0x02")
	e := ledABI.Errors["InsufficientStock"]
	args, err := e.Inputs.Pack(batch, holder, bigInt(3), bigInt(5))
	if err != nil {
		t.Fatal(err)
	}
	ce := d.decode(append(e.ID[:4:4], args...))
	if ce == nil || ce.Name != "InsufficientStock" || ce.Unwrap() != ErrInsufficientStock {
		t.Fatalf("decode = %+v", ce)
	}
	want := "insufficient stock (InsufficientStock: available=3, batchId=0x0000000000000000000000000000000000000000000000000000000000000001, holder=0x0000000000000000000000000000000000000002, requested=5)"
	if got := ce.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	for _, bad := range [][]byte{nil, {1, 2, 3}, {0xde, 0xad, 0xbe, 0xef}, append(e.ID[:4:4], 1, 2)} {
		if ce := d.decode(bad); ce != nil {
			t.Errorf("decode(%x) = %v, want nil", bad, ce)
		}
	}
}

func bigInt(n int64) *big.Int { return big.NewInt(n) }
