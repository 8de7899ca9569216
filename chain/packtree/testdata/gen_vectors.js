// gen_vectors.js writes oz_vectors.json: golden vectors produced by the real
// @openzeppelin/merkle-tree StandardMerkleTree (leaf encoding ["bytes32"]).
// The Go tests only read the JSON; Node is needed only to regenerate it.
//
// Rerun (outside the repo, so no node_modules lands in it):
//
//   mkdir -p /tmp/mtgold && cd /tmp/mtgold && npm init -y && npm install @openzeppelin/merkle-tree@1
//   NODE_PATH=/tmp/mtgold/node_modules node /path/to/chain/packtree/testdata/gen_vectors.js \
//     > /path/to/chain/packtree/testdata/oz_vectors.json
//
// Pack ids are deterministic: packId(i) = keccak256(abi.encode(uint256 i)) for
// i = 0..n-1, listed in that (unsorted) order; the library sorts the leaves.
'use strict';

const { StandardMerkleTree } = require('@openzeppelin/merkle-tree');
const { keccak256 } = require('ethereum-cryptography/keccak');
const { bytesToHex } = require('ethereum-cryptography/utils');
const { encode } = require('@metamask/abi-utils');

const hex = b => '0x' + bytesToHex(b);
const packId = i => hex(keccak256(encode(['uint256'], [BigInt(i)])));

function indexSets(n) {
  const all = [...Array(n).keys()];
  const sets = [
    [0],
    [n - 1],
    [0, n - 1],
    [1, 2, 3].filter(i => i < n),
    [n - 1, 0, Math.floor(n / 2)], // unsorted on purpose
  ];
  if (n <= 13) {
    sets.push(all, all.filter(i => i % 2 === 0), all.filter(i => (i * 7 + 3) % 5 < 2));
  } else {
    sets.push(all.filter(i => i % 11 === 0)); // keeps the JSON small
  }
  const seen = new Set();
  const out = [];
  for (const s of sets) {
    const u = [...new Set(s)];
    const key = JSON.stringify(u);
    if (u.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(u);
  }
  return out;
}

const cases = [];
for (const n of [1, 2, 3, 5, 8, 13, 100]) {
  const ids = [...Array(n).keys()].map(packId);
  const tree = StandardMerkleTree.of(ids.map(id => [id]), ['bytes32']);

  const proofIdx = n <= 13 ? [...Array(n).keys()] : [0, Math.floor(n / 2), n - 1];
  const proofs = proofIdx.map(i => {
    const proof = tree.getProof(i);
    if (!StandardMerkleTree.verify(tree.root, ['bytes32'], [ids[i]], proof)) throw new Error('proof');
    return { index: i, packId: ids[i], proof };
  });

  const multiproofs = indexSets(n).map(indices => {
    const mp = tree.getMultiProof(indices);
    if (!StandardMerkleTree.verifyMultiProof(tree.root, ['bytes32'], mp)) throw new Error('multiproof');
    return {
      indices,
      leaves: mp.leaves.map(v => v[0]),
      proof: mp.proof,
      proofFlags: mp.proofFlags,
    };
  });

  cases.push({
    n,
    packIds: ids,
    root: tree.root,
    leafHashes: n <= 13 ? ids.map(id => tree.leafHash([id])) : [],
    proofs,
    multiproofs,
  });
}

const pkg = require('@openzeppelin/merkle-tree/package.json');
process.stdout.write(
  JSON.stringify(
    {
      generator: 'chain/packtree/testdata/gen_vectors.js',
      library: `@openzeppelin/merkle-tree@${pkg.version}`,
      leafEncoding: ['bytes32'],
      packIdRule: 'packId(i) = keccak256(abi.encode(uint256 i)), i = 0..n-1',
      cases,
    },
    null,
    1,
  ) + '\n',
);
