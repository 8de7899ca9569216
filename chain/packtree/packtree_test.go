package packtree_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pharmatrace/pharmatrace/chain/packtree"
)

// packID is the deterministic id used by testdata/gen_vectors.js:
// keccak256(abi.encode(uint256 i)).
func packID(i int) common.Hash {
	var word [32]byte
	binary.BigEndian.PutUint64(word[24:], uint64(i))
	return crypto.Keccak256Hash(word[:])
}

func packIDs(n int) []common.Hash {
	ids := make([]common.Hash, n)
	for i := range ids {
		ids[i] = packID(i)
	}
	return ids
}

func mustNew(t testing.TB, ids []common.Hash) *packtree.Tree {
	t.Helper()
	tr, err := packtree.New(ids)
	if err != nil {
		t.Fatalf("New(%d ids): %v", len(ids), err)
	}
	return tr
}

// ozVectors mirrors testdata/oz_vectors.json.
type ozVectors struct {
	Library string `json:"library"`
	Cases   []struct {
		N          int           `json:"n"`
		PackIDs    []common.Hash `json:"packIds"`
		Root       common.Hash   `json:"root"`
		LeafHashes []common.Hash `json:"leafHashes"`
		Proofs     []struct {
			Index  int           `json:"index"`
			PackID common.Hash   `json:"packId"`
			Proof  []common.Hash `json:"proof"`
		} `json:"proofs"`
		MultiProofs []struct {
			Indices    []int         `json:"indices"`
			Leaves     []common.Hash `json:"leaves"`
			Proof      []common.Hash `json:"proof"`
			ProofFlags []bool        `json:"proofFlags"`
		} `json:"multiproofs"`
	} `json:"cases"`
}

// TestOpenZeppelinVectors checks root, proofs and multiproofs byte for byte
// against the output of the real @openzeppelin/merkle-tree library.
func TestOpenZeppelinVectors(t *testing.T) {
	raw, err := os.ReadFile("testdata/oz_vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v ozVectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Cases) == 0 {
		t.Fatal("no vectors")
	}
	t.Logf("vectors from %s", v.Library)
	for _, c := range v.Cases {
		if len(c.PackIDs) != c.N || !slices.Equal(c.PackIDs, packIDs(c.N)) {
			t.Fatalf("n=%d: pack ids do not follow the documented rule", c.N)
		}
		tr := mustNew(t, c.PackIDs)
		if tr.Root() != c.Root {
			t.Fatalf("n=%d: root %s, want %s", c.N, tr.Root(), c.Root)
		}
		if tr.Len() != c.N {
			t.Errorf("n=%d: Len %d", c.N, tr.Len())
		}
		if r, err := packtree.Root(c.PackIDs); err != nil || r != c.Root {
			t.Errorf("n=%d: Root() = %s, %v", c.N, r, err)
		}
		for i, lh := range c.LeafHashes {
			if got := packtree.LeafHash(c.PackIDs[i]); got != lh {
				t.Errorf("n=%d: LeafHash(%d) = %s, want %s", c.N, i, got, lh)
			}
		}
		for _, p := range c.Proofs {
			got, err := tr.Proof(p.PackID)
			if err != nil {
				t.Fatalf("n=%d: Proof(%d): %v", c.N, p.Index, err)
			}
			if !slices.Equal(got, p.Proof) {
				t.Errorf("n=%d: Proof(%d) = %v, want %v", c.N, p.Index, got, p.Proof)
			}
			if !packtree.Verify(c.Root, p.PackID, p.Proof) {
				t.Errorf("n=%d: Verify rejects OZ proof %d", c.N, p.Index)
			}
		}
		for _, m := range c.MultiProofs {
			ask := make([]common.Hash, len(m.Indices))
			for k, i := range m.Indices {
				ask[k] = c.PackIDs[i]
			}
			got, err := tr.MultiProof(ask)
			if err != nil {
				t.Fatalf("n=%d: MultiProof(%v): %v", c.N, m.Indices, err)
			}
			if !slices.Equal(got.PackIDs, m.Leaves) || !slices.Equal(got.Proof, m.Proof) || !slices.Equal(got.Flags, m.ProofFlags) {
				t.Errorf("n=%d: MultiProof(%v)\n got  %+v\n want leaves=%v proof=%v flags=%v",
					c.N, m.Indices, got, m.Leaves, m.Proof, m.ProofFlags)
			}
			oz := packtree.MultiProof{PackIDs: m.Leaves, Proof: m.Proof, Flags: m.ProofFlags}
			if !packtree.VerifyMulti(c.Root, oz) {
				t.Errorf("n=%d: VerifyMulti rejects OZ multiproof %v", c.N, m.Indices)
			}
		}
	}
}

func TestErrors(t *testing.T) {
	ids := packIDs(6)
	other := packID(1000)
	tr := mustNew(t, ids)

	tests := []struct {
		name string
		err  error
		want error
	}{
		{"New empty", errOf(packtree.New(nil)), packtree.ErrEmpty},
		{"New duplicate", errOf(packtree.New(append(slices.Clone(ids), ids[3]))), packtree.ErrDuplicate},
		{"Root empty", errOf(packtree.Root([]common.Hash{})), packtree.ErrEmpty},
		{"Root duplicate", errOf(packtree.Root([]common.Hash{ids[0], ids[0]})), packtree.ErrDuplicate},
		{"Proof not in tree", errOf(tr.Proof(other)), packtree.ErrNotInTree},
		{"Proof zero id", errOf(tr.Proof(common.Hash{})), packtree.ErrNotInTree},
		{"MultiProof empty", errOf(tr.MultiProof(nil)), packtree.ErrEmpty},
		{"MultiProof not in tree", errOf(tr.MultiProof([]common.Hash{ids[0], other})), packtree.ErrNotInTree},
		{"MultiProof duplicate", errOf(tr.MultiProof([]common.Hash{ids[2], ids[0], ids[2]})), packtree.ErrDuplicate},
	}
	for _, tc := range tests {
		if !errors.Is(tc.err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, tc.err, tc.want)
		}
	}
}

func errOf[T any](_ T, err error) error { return err }

func TestSinglePack(t *testing.T) {
	id := packID(42)
	tr := mustNew(t, []common.Hash{id})
	if tr.Root() != packtree.LeafHash(id) {
		t.Fatalf("root of one pack must be its leaf hash")
	}
	proof, err := tr.Proof(id)
	if err != nil || len(proof) != 0 {
		t.Fatalf("Proof = %v, %v; want empty", proof, err)
	}
	if !packtree.Verify(tr.Root(), id, nil) {
		t.Fatal("empty proof rejected")
	}
	if packtree.Verify(tr.Root(), packID(43), nil) {
		t.Fatal("other pack accepted")
	}
	mp, err := tr.MultiProof([]common.Hash{id})
	if err != nil || len(mp.Proof) != 0 || len(mp.Flags) != 0 || !slices.Equal(mp.PackIDs, []common.Hash{id}) {
		t.Fatalf("MultiProof = %+v, %v", mp, err)
	}
	if !packtree.VerifyMulti(tr.Root(), mp) {
		t.Fatal("single multiproof rejected")
	}
}

func TestProofs(t *testing.T) {
	ids := packIDs(13)
	tr := mustNew(t, ids)
	root := tr.Root()

	// First and last in the caller's order and in the tree's (sorted) order.
	sorted := slices.Clone(ids)
	slices.SortFunc(sorted, func(a, b common.Hash) int {
		ha, hb := packtree.LeafHash(a), packtree.LeafHash(b)
		return bytes.Compare(ha[:], hb[:])
	})
	for _, tc := range []struct {
		name string
		id   common.Hash
	}{
		{"first listed", ids[0]},
		{"last listed", ids[len(ids)-1]},
		{"first leaf", sorted[0]},
		{"last leaf", sorted[len(sorted)-1]},
	} {
		proof, err := tr.Proof(tc.id)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !packtree.Verify(root, tc.id, proof) {
			t.Errorf("%s: valid proof rejected", tc.name)
		}
		if len(proof) > 0 {
			bad := slices.Clone(proof)
			bad[len(bad)-1][7] ^= 1
			if packtree.Verify(root, tc.id, bad) {
				t.Errorf("%s: tampered proof accepted", tc.name)
			}
			if packtree.Verify(root, tc.id, proof[:len(proof)-1]) {
				t.Errorf("%s: truncated proof accepted", tc.name)
			}
			if packtree.Verify(root, tc.id, append(slices.Clone(proof), root)) {
				t.Errorf("%s: extended proof accepted", tc.name)
			}
		}
		if packtree.Verify(common.Hash{1}, tc.id, proof) {
			t.Errorf("%s: wrong root accepted", tc.name)
		}
	}

	// A pack's proof does not prove another pack.
	p0, _ := tr.Proof(ids[0])
	if packtree.Verify(root, ids[1], p0) {
		t.Error("proof of pack 0 accepted for pack 1")
	}
	// A pack that is not in the tree cannot be proven with any member's proof.
	stranger := packID(999)
	for _, id := range ids {
		p, _ := tr.Proof(id)
		if packtree.Verify(root, stranger, p) {
			t.Fatal("pack outside the tree accepted")
		}
	}
	// The tree hands out copies: editing a proof does not change the tree.
	p0[0] = common.Hash{}
	if again, _ := tr.Proof(ids[0]); again[0] == (common.Hash{}) {
		t.Error("Proof exposes tree storage")
	}
}

func TestMultiProofTampered(t *testing.T) {
	ids := packIDs(13)
	tr := mustNew(t, ids)
	root := tr.Root()
	mp, err := tr.MultiProof([]common.Hash{ids[9], ids[0], ids[4], ids[5]})
	if err != nil {
		t.Fatal(err)
	}
	if !packtree.VerifyMulti(root, mp) {
		t.Fatal("valid multiproof rejected")
	}
	if len(mp.Proof) == 0 || len(mp.PackIDs) < 2 {
		t.Fatalf("test needs a non-trivial multiproof: %+v", mp)
	}
	clone := func() packtree.MultiProof {
		return packtree.MultiProof{
			PackIDs: slices.Clone(mp.PackIDs),
			Proof:   slices.Clone(mp.Proof),
			Flags:   slices.Clone(mp.Flags),
		}
	}
	cases := map[string]func(m *packtree.MultiProof){
		"proof byte flipped":    func(m *packtree.MultiProof) { m.Proof[0][31] ^= 0x80 },
		"pack replaced":         func(m *packtree.MultiProof) { m.PackIDs[1] = packID(1000) },
		"pack dropped":          func(m *packtree.MultiProof) { m.PackIDs = m.PackIDs[1:] },
		"pack added":            func(m *packtree.MultiProof) { m.PackIDs = append(m.PackIDs, ids[12]) },
		"proof element dropped": func(m *packtree.MultiProof) { m.Proof = m.Proof[:len(m.Proof)-1] },
		"proof element added":   func(m *packtree.MultiProof) { m.Proof = append(m.Proof, root) },
		"flags dropped":         func(m *packtree.MultiProof) { m.Flags = m.Flags[:len(m.Flags)-1] },
		"wrong order": func(m *packtree.MultiProof) {
			// Moving the first pack to the end changes which nodes are paired.
			m.PackIDs = append(m.PackIDs[1:], m.PackIDs[0])
		},
	}
	for i := range mp.Flags {
		cases[fmt.Sprintf("flag %d flipped", i)] = func(m *packtree.MultiProof) { m.Flags[i] = !m.Flags[i] }
	}
	for name, mutate := range cases {
		m := clone()
		mutate(&m)
		if packtree.VerifyMulti(root, m) {
			t.Errorf("%s: tampered multiproof accepted: %+v", name, m)
		}
	}
	if packtree.VerifyMulti(common.Hash{1}, mp) {
		t.Error("wrong root accepted")
	}

	// Shapes the contract rejects even though the length check passes.
	x, y := common.Hash{0xaa}, common.Hash{0xbb}
	for name, m := range map[string]packtree.MultiProof{
		"proof element left unused":    {Proof: []common.Hash{x, y}, Flags: []bool{false}},
		"hash queue read out of range": {Proof: []common.Hash{x, y}, Flags: []bool{true}},
		"length mismatch":              {PackIDs: ids[:1], Proof: []common.Hash{x}, Flags: nil},
	} {
		if packtree.VerifyMulti(root, m) {
			t.Errorf("%s: accepted", name)
		}
	}
	// Like MerkleProof.processMultiProof, no packs plus proof == [root] is
	// accepted; it proves nothing, as documented on VerifyMulti.
	if !packtree.VerifyMulti(root, packtree.MultiProof{Proof: []common.Hash{root}}) {
		t.Error("empty multiproof [root] should mirror the contract and pass")
	}
}

// TestRandomTrees is the property test: every proof of random trees verifies
// and roots do not depend on order.
func TestRandomTrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	sizes := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 33, 300}
	for range 60 {
		sizes = append(sizes, 1+rng.IntN(300))
	}
	for _, n := range sizes {
		ids := make([]common.Hash, n)
		for i := range ids {
			binary.BigEndian.PutUint64(ids[i][:8], rng.Uint64())
			binary.BigEndian.PutUint64(ids[i][24:], rng.Uint64())
		}
		tr := mustNew(t, ids)
		if tr.Len() != n {
			t.Fatalf("Len = %d, want %d", tr.Len(), n)
		}
		root := tr.Root()

		shuffled := slices.Clone(ids)
		rng.Shuffle(n, func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		r1, err1 := packtree.Root(ids)
		r2, err2 := packtree.Root(shuffled)
		if err1 != nil || err2 != nil || r1 != root || r2 != root {
			t.Fatalf("n=%d: Root not order independent: %s %s %s (%v %v)", n, root, r1, r2, err1, err2)
		}

		for _, id := range ids {
			proof, err := tr.Proof(id)
			if err != nil || !packtree.Verify(root, id, proof) {
				t.Fatalf("n=%d: proof of %s fails (%v)", n, id, err)
			}
		}

		for range 8 {
			k := 1 + rng.IntN(n)
			subset := slices.Clone(shuffled[:k])
			rng.Shuffle(k, func(i, j int) { subset[i], subset[j] = subset[j], subset[i] })
			mp, err := tr.MultiProof(subset)
			if err != nil {
				t.Fatalf("n=%d k=%d: %v", n, k, err)
			}
			if !packtree.VerifyMulti(root, mp) {
				t.Fatalf("n=%d k=%d: multiproof rejected", n, k)
			}
			// The returned order is ascending leaf hash and covers the subset.
			if len(mp.PackIDs) != k || !slices.IsSortedFunc(mp.PackIDs, func(a, b common.Hash) int {
				ha, hb := packtree.LeafHash(a), packtree.LeafHash(b)
				return bytes.Compare(ha[:], hb[:])
			}) {
				t.Fatalf("n=%d k=%d: unexpected pack order", n, k)
			}
			got, want := slices.Clone(mp.PackIDs), subset
			slices.SortFunc(got, func(a, b common.Hash) int { return bytes.Compare(a[:], b[:]) })
			slices.SortFunc(want, func(a, b common.Hash) int { return bytes.Compare(a[:], b[:]) })
			if !slices.Equal(got, want) {
				t.Fatalf("n=%d k=%d: PackIDs is not the asked subset", n, k)
			}
		}
	}
}

// referenceRoot is a direct, sequential transcription of core.ts
// makeMerkleTree over sorted standard leaf hashes, independent of the
// package's parallel build.
func referenceRoot(ids []common.Hash) common.Hash {
	leaves := make([]common.Hash, len(ids))
	for i, id := range ids {
		leaves[i] = crypto.Keccak256Hash(crypto.Keccak256(id[:]))
	}
	slices.SortFunc(leaves, func(a, b common.Hash) int { return bytes.Compare(a[:], b[:]) })
	tree := make([]common.Hash, 2*len(leaves)-1)
	for i, l := range leaves {
		tree[len(tree)-1-i] = l
	}
	for i := len(tree) - 1 - len(leaves); i >= 0; i-- {
		a, b := tree[2*i+1], tree[2*i+2]
		if bytes.Compare(a[:], b[:]) > 0 {
			a, b = b, a
		}
		tree[i] = crypto.Keccak256Hash(a[:], b[:])
	}
	return tree[0]
}

// TestLargeTrees covers sizes where New hashes in parallel.
func TestLargeTrees(t *testing.T) {
	for _, n := range []int{2047, 2048, 4096, 4097, 10_000, 33_333} {
		ids := packIDs(n)
		tr := mustNew(t, ids)
		if want := referenceRoot(ids); tr.Root() != want {
			t.Fatalf("n=%d: root %s, reference %s", n, tr.Root(), want)
		}
		for _, i := range []int{0, 1, n / 3, n / 2, n - 1} {
			p, err := tr.Proof(ids[i])
			if err != nil || !packtree.Verify(tr.Root(), ids[i], p) {
				t.Fatalf("n=%d: proof %d fails (%v)", n, i, err)
			}
		}
		mp, err := tr.MultiProof(ids[n/4 : n/4+100])
		if err != nil || !packtree.VerifyMulti(tr.Root(), mp) {
			t.Fatalf("n=%d: multiproof fails (%v)", n, err)
		}
	}
}

// fuzzIDs computes the fuzz pack ids once rather than per input.
var fuzzIDs = sync.OnceValue(func() []common.Hash { return packIDs(300) })

// FuzzMultiProof derives a tree size and a subset from the input, checks the
// multiproof verifies, and that corrupting any proof element or flag fails.
func FuzzMultiProof(f *testing.F) {
	f.Add([]byte{0, 0})
	f.Add([]byte{0, 12, 0xff, 0x0f})
	f.Add([]byte{1, 0x2b, 0x55, 0xaa, 0x01, 0x80, 0x33})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 {
			return
		}
		n := 1 + int(binary.BigEndian.Uint16(data))%300
		ids := fuzzIDs()[:n]
		sel := data[2:]
		var subset []common.Hash
		for i := range n {
			if i/8 < len(sel) && sel[i/8]&(1<<(i%8)) != 0 {
				subset = append(subset, ids[i])
			}
		}
		if len(subset) == 0 {
			subset = []common.Hash{ids[int(data[1])%n]}
		}
		tr := mustNew(t, ids)
		root := tr.Root()
		mp, err := tr.MultiProof(subset)
		if err != nil {
			t.Fatal(err)
		}
		if !packtree.VerifyMulti(root, mp) {
			t.Fatalf("n=%d k=%d: valid multiproof rejected", n, len(subset))
		}
		mask := data[0] | 1 // never zero, so the byte really changes
		for k := range mp.Proof {
			// One byte per element keeps an input fast; the fuzzer varies
			// which byte through data[1].
			pos := (k + int(data[1])) % common.HashLength
			mp.Proof[k][pos] ^= mask
			if packtree.VerifyMulti(root, mp) {
				t.Fatalf("n=%d: flipped byte %d of proof[%d] accepted", n, pos, k)
			}
			mp.Proof[k][pos] ^= mask
		}
		for k := range mp.Flags {
			mp.Flags[k] = !mp.Flags[k]
			if packtree.VerifyMulti(root, mp) {
				t.Fatalf("n=%d: flipped flag %d accepted", n, k)
			}
			mp.Flags[k] = !mp.Flags[k]
		}
		if !packtree.VerifyMulti(root, mp) {
			t.Fatal("restored multiproof rejected")
		}
	})
}

func BenchmarkNew100k(b *testing.B) {
	ids := packIDs(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := packtree.New(ids); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRoot100k(b *testing.B) {
	ids := packIDs(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := packtree.Root(ids); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProof(b *testing.B) {
	ids := packIDs(100_000)
	tr := mustNew(b, ids)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := tr.Proof(ids[i%len(ids)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkMultiProof50(b *testing.B) {
	ids := packIDs(100_000)
	tr := mustNew(b, ids)
	subset := make([]common.Hash, 50)
	for i := range subset {
		subset[i] = ids[i*1999]
	}
	b.ReportAllocs()
	var mp packtree.MultiProof
	for b.Loop() {
		var err error
		if mp, err = tr.MultiProof(subset); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(mp.Proof)), "proof-hashes")
	if !packtree.VerifyMulti(tr.Root(), mp) {
		b.Fatal("multiproof rejected")
	}
}

func BenchmarkVerifyMulti50(b *testing.B) {
	ids := packIDs(100_000)
	tr := mustNew(b, ids)
	subset := make([]common.Hash, 50)
	for i := range subset {
		subset[i] = ids[i*1999]
	}
	mp, err := tr.MultiProof(subset)
	if err != nil {
		b.Fatal(err)
	}
	root := tr.Root()
	b.ReportAllocs()
	for b.Loop() {
		if !packtree.VerifyMulti(root, mp) {
			b.Fatal("rejected")
		}
	}
}
