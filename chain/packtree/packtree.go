// Package packtree builds the Merkle tree over the pack ids of one medicine
// batch and produces proofs for it.
//
// The tree is bit-for-bit the one built by OpenZeppelin's JavaScript library
// @openzeppelin/merkle-tree (StandardMerkleTree with leaf encoding
// ["bytes32"]), so that roots published on chain and proofs served by the
// backend are accepted by OpenZeppelin Contracts 5.x MerkleProof.verify,
// verifyCalldata, multiProofVerify and multiProofVerifyCalldata, and so that
// any tool built on the JS library agrees with us.
//
// Layout, as in the JS library:
//
//   - leaf = keccak256(keccak256(abi.encode(packId))); for a single bytes32
//     abi.encode is the 32 bytes themselves. Hashing twice keeps a leaf from
//     ever being mistaken for a 64-byte inner-node preimage.
//   - inner node = keccak256(min(a, b) ‖ max(a, b)), the commutative pair
//     hash of Hashes.commutativeKeccak256, so proofs carry no left/right bits.
//   - leaves are sorted ascending by hash and stored in a complete binary tree
//     held in an array of 2n-1 nodes: sorted leaf i sits at index 2n-2-i, the
//     parent of i is (i-1)/2, its children 2i+1 and 2i+2, the root is index 0.
package packtree

import (
	"bytes"
	"errors"
	"fmt"
	"math/bits"
	"runtime"
	"slices"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

var (
	// ErrEmpty is returned when there is nothing to build or prove: the JS
	// library refuses an empty tree too, and an empty multiproof proves nothing.
	ErrEmpty = errors.New("packtree: no pack ids")
	// ErrDuplicate is returned for a pack id listed twice, because a batch
	// must not contain the same pack twice and OpenZeppelin's multiproof
	// cannot prove the same leaf twice.
	ErrDuplicate = errors.New("packtree: duplicate pack id")
	// ErrNotInTree is returned when a proof is asked for a pack id that is not
	// in the batch, so callers can answer "unknown pack" rather than fail.
	ErrNotInTree = errors.New("packtree: pack id not in tree")
)

// Tree is the packs tree of one batch. It is immutable after New and
// therefore safe for concurrent use.
type Tree struct {
	// nodes is the OpenZeppelin array layout (see the package doc), kept whole
	// so that proofs are slice lookups without rehashing.
	nodes []common.Hash
	// ids[i] is the pack id of the i-th leaf in ascending leaf-hash order,
	// i.e. of tree index len(nodes)-1-i; multiproofs return pack ids, not
	// leaf hashes, because the contract hashes the ids itself.
	ids []common.Hash
	// index maps a pack id to its tree index for O(1) proof lookup.
	index map[common.Hash]int
}

// MultiProof proves several packs of one batch at once, in the shape
// MerkleProof.multiProofVerify(Calldata) takes.
type MultiProof struct {
	// PackIDs are the proven packs in the order multiProofVerify expects:
	// ascending leaf hash (descending tree index), not the order asked for.
	// The contract must hash them with LeafHash's rule in this order.
	PackIDs []common.Hash
	// Proof are the sibling hashes consumed when a flag is false.
	Proof []common.Hash
	// Flags tell, per inner hash rebuilt, whether its second operand comes
	// from the queue of leaves/computed hashes (true) or from Proof (false).
	Flags []bool
}

// hasher wraps one reusable keccak state and buffer, so that hashing a node
// allocates nothing.
type hasher struct {
	st  crypto.KeccakState
	buf [64]byte
	// out receives digests; reading into a local would make it escape
	// through the interface call and cost an allocation per hash.
	out common.Hash
}

func newHasher() *hasher { return &hasher{st: crypto.NewKeccakState()} }

// leaf computes keccak256(keccak256(id)).
func (h *hasher) leaf(id common.Hash) common.Hash {
	h.st.Reset()
	copy(h.buf[:32], id[:])
	h.st.Write(h.buf[:32])
	h.st.Read(h.buf[:32])
	h.st.Reset()
	h.st.Write(h.buf[:32])
	h.st.Read(h.out[:])
	return h.out
}

// pair computes the commutative node hash of Hashes.commutativeKeccak256.
func (h *hasher) pair(a, b common.Hash) common.Hash {
	if bytes.Compare(a[:], b[:]) > 0 {
		a, b = b, a
	}
	copy(h.buf[:32], a[:])
	copy(h.buf[32:], b[:])
	h.st.Reset()
	h.st.Write(h.buf[:])
	h.st.Read(h.out[:])
	return h.out
}

// parallelMin is the smallest job worth splitting across goroutines: below
// it the goroutine start-up costs more than the hashing it would share.
const parallelMin = 2048

// parallel runs fn over [0, n) in contiguous chunks, one goroutine and one
// hasher per chunk, because keccak dominates New for large batches and the
// hashes of one step are independent.
func parallel(n int, fn func(h *hasher, lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), n/parallelMin)
	if workers <= 1 {
		fn(newHasher(), 0, n)
		return
	}
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Go(func() { fn(newHasher(), lo, hi) })
	}
	wg.Wait()
}

// LeafHash returns the leaf the tree stores for packID,
// keccak256(keccak256(abi.encode(packID))), which is what a contract must
// compute before calling MerkleProof.verify.
func LeafHash(packID common.Hash) common.Hash {
	return newHasher().leaf(packID)
}

type leafEntry struct {
	hash common.Hash
	id   common.Hash
}

// build hashes and sorts the leaves and fills the node array; New and Root
// share it so that Root can skip the lookup map.
func build(packIDs []common.Hash) (nodes []common.Hash, leaves []leafEntry, err error) {
	n := len(packIDs)
	if n == 0 {
		return nil, nil, ErrEmpty
	}
	leaves = make([]leafEntry, n)
	parallel(n, func(h *hasher, lo, hi int) {
		for i := lo; i < hi; i++ {
			leaves[i] = leafEntry{hash: h.leaf(packIDs[i]), id: packIDs[i]}
		}
	})
	slices.SortFunc(leaves, func(a, b leafEntry) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	// Equal pack ids give equal leaf hashes, which the sort made adjacent,
	// so duplicates are found without a set.
	for i := 1; i < n; i++ {
		if leaves[i].hash == leaves[i-1].hash {
			return nil, nil, fmt.Errorf("%w: %s", ErrDuplicate, leaves[i].id.Hex())
		}
	}
	nodes = make([]common.Hash, 2*n-1)
	last := len(nodes) - 1
	for i := range leaves {
		nodes[last-i] = leaves[i].hash
	}
	// Inner nodes are 0..n-2. Level d holds indices 2^d-1 .. 2^(d+1)-2 and
	// only reads deeper indices, so each level may be hashed in parallel
	// once the levels below it are done.
	depth := bits.Len(uint(n - 1)) // levels holding inner nodes
	for d := depth - 1; d >= 0; d-- {
		lo := 1<<d - 1
		hi := min(1<<(d+1)-1, n-1)
		parallel(hi-lo, func(h *hasher, a, b int) {
			for i := lo + a; i < lo+b; i++ {
				nodes[i] = h.pair(nodes[2*i+1], nodes[2*i+2])
			}
		})
	}
	return nodes, leaves, nil
}

// New builds the tree of a batch. The order of packIDs does not matter
// because leaves are sorted by hash, as StandardMerkleTree does by default.
// It returns ErrEmpty for no pack ids and ErrDuplicate if one repeats.
func New(packIDs []common.Hash) (*Tree, error) {
	nodes, leaves, err := build(packIDs)
	if err != nil {
		return nil, err
	}
	t := &Tree{
		nodes: nodes,
		ids:   make([]common.Hash, len(leaves)),
		index: make(map[common.Hash]int, len(leaves)),
	}
	last := len(nodes) - 1
	for i, l := range leaves {
		t.ids[i] = l.id
		t.index[l.id] = last - i
	}
	return t, nil
}

// Root returns the tree root, the value published on chain for the batch.
func (t *Tree) Root() common.Hash { return t.nodes[0] }

// Len returns the number of packs in the tree.
func (t *Tree) Len() int { return len(t.ids) }

// sibling mirrors core.ts siblingIndex: odd indices are left children.
func sibling(i int) int {
	if i%2 == 1 {
		return i + 1
	}
	return i - 1
}

// Proof returns the sibling hashes from packID's leaf up to the root, the
// proof MerkleProof.verify takes. A one-pack tree has an empty proof because
// its root is the leaf itself. It returns ErrNotInTree for unknown packs.
func (t *Tree) Proof(packID common.Hash) ([]common.Hash, error) {
	i, ok := t.index[packID]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrNotInTree, packID.Hex())
	}
	var proof []common.Hash
	for i > 0 {
		proof = append(proof, t.nodes[sibling(i)])
		i = (i - 1) / 2
	}
	return proof, nil
}

// MultiProof returns one proof for several packs, computed exactly like
// core.ts getMultiProof so that multiProofVerify accepts it. The packs may be
// given in any order; the result lists them in the order the contract needs.
// It returns ErrEmpty, ErrNotInTree or ErrDuplicate for bad input.
func (t *Tree) MultiProof(packIDs []common.Hash) (MultiProof, error) {
	if len(packIDs) == 0 {
		return MultiProof{}, ErrEmpty
	}
	indices := make([]int, len(packIDs))
	for k, id := range packIDs {
		i, ok := t.index[id]
		if !ok {
			return MultiProof{}, fmt.Errorf("%w: %s", ErrNotInTree, id.Hex())
		}
		indices[k] = i
	}
	// Deepest, right-most first: the queue then meets siblings next to each
	// other and parents after all nodes of the level below.
	slices.SortFunc(indices, func(a, b int) int { return b - a })
	for k := 1; k < len(indices); k++ {
		if indices[k] == indices[k-1] {
			return MultiProof{}, fmt.Errorf("%w: %s", ErrDuplicate, t.idAt(indices[k]).Hex())
		}
	}

	// queue[head:] is the JS "stack" (really a FIFO); advancing head instead
	// of shifting keeps this linear.
	queue := make([]int, len(indices), 2*len(indices))
	copy(queue, indices)
	head := 0
	var mp MultiProof
	for head < len(queue) && queue[head] > 0 {
		j := queue[head]
		head++
		s := sibling(j)
		if head < len(queue) && queue[head] == s {
			mp.Flags = append(mp.Flags, true)
			head++
		} else {
			mp.Flags = append(mp.Flags, false)
			mp.Proof = append(mp.Proof, t.nodes[s])
		}
		queue = append(queue, (j-1)/2)
	}

	mp.PackIDs = make([]common.Hash, len(indices))
	for k, i := range indices {
		mp.PackIDs[k] = t.idAt(i)
	}
	return mp, nil
}

// idAt returns the pack id stored at leaf tree index i.
func (t *Tree) idAt(i int) common.Hash { return t.ids[len(t.nodes)-1-i] }

// Verify reports whether proof links packID to root, running the same
// algorithm as MerkleProof.processProof so that offline checks agree with
// the contract.
func Verify(root common.Hash, packID common.Hash, proof []common.Hash) bool {
	h := newHasher()
	computed := h.leaf(packID)
	for _, p := range proof {
		computed = h.pair(computed, p)
	}
	return computed == root
}

// VerifyMulti reports whether mp proves all its packs against root, running
// the same algorithm and validity checks as MerkleProof.processMultiProof:
// where the contract reverts, VerifyMulti returns false. Like the contract it
// accepts a multiproof with no packs whose single proof element is the root;
// such a proof proves nothing, so callers should require len(mp.PackIDs) > 0.
func VerifyMulti(root common.Hash, mp MultiProof) bool {
	leavesLen, proofLen, totalHashes := len(mp.PackIDs), len(mp.Proof), len(mp.Flags)
	if leavesLen+proofLen != totalHashes+1 {
		return false
	}
	h := newHasher()
	leaves := make([]common.Hash, leavesLen)
	for i, id := range mp.PackIDs {
		leaves[i] = h.leaf(id)
	}
	// Zero-filled like Solidity's new bytes32[](totalHashes).
	hashes := make([]common.Hash, totalHashes)
	var leafPos, hashPos, proofPos int
	// next pops the main queue: leaves first, then computed hashes. A slot
	// not yet computed reads as zero, as in Solidity; an index past the end
	// makes the contract panic, so ok is false.
	next := func() (v common.Hash, ok bool) {
		if leafPos < leavesLen {
			leafPos++
			return leaves[leafPos-1], true
		}
		if hashPos >= totalHashes {
			return v, false
		}
		hashPos++
		return hashes[hashPos-1], true
	}
	for i, flag := range mp.Flags {
		a, ok := next()
		if !ok {
			return false
		}
		var b common.Hash
		if flag {
			if b, ok = next(); !ok {
				return false
			}
		} else {
			if proofPos >= proofLen {
				return false // out-of-bounds read: the contract reverts
			}
			b = mp.Proof[proofPos]
			proofPos++
		}
		hashes[i] = h.pair(a, b)
	}
	switch {
	case totalHashes > 0:
		if proofPos != proofLen {
			return false
		}
		return hashes[totalHashes-1] == root
	case leavesLen > 0:
		return leaves[0] == root
	default:
		return mp.Proof[0] == root
	}
}

// Root returns the root of the tree over packIDs without keeping the tree,
// for the indexer to check a published pack list against the on-chain root.
// The result does not depend on the order of packIDs. It returns ErrEmpty or
// ErrDuplicate like New.
func Root(packIDs []common.Hash) (common.Hash, error) {
	nodes, _, err := build(packIDs)
	if err != nil {
		return common.Hash{}, err
	}
	return nodes[0], nil
}
