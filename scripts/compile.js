#!/usr/bin/env node
// Compiles the PharmaTrace contracts with the solc pinned in contracts/package.json through
// solc's standard-JSON interface (solcjs' CLI cannot set the EVM version), and writes one
// <Name>.abi and <Name>.bin per contract into the output directory (default contracts/artifacts).
//
//   node scripts/compile.js [OUTDIR]
//
// The settings below are part of the build: changing them changes every bytecode and gas figure.
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', 'contracts');
const solc = require(path.join(root, 'node_modules', 'solc'));

const SETTINGS = {
  evmVersion: 'osaka',
  optimizer: { enabled: true, runs: 200 },
  metadata: { bytecodeHash: 'none', appendCBOR: false },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};
// Contract sources and the contracts whose artifacts we keep.
const SOURCES = ['src/Registry.sol', 'src/BatchLedger.sol', 'bench/PackNFT.sol'];
const KEEP = ['Registry', 'BatchLedger', 'PackNFT'];

function findImport(name) {
  for (const base of [root, path.join(root, 'node_modules')]) {
    const file = path.join(base, name);
    if (fs.existsSync(file)) return { contents: fs.readFileSync(file, 'utf8') };
  }
  return { error: `import not found: ${name}` };
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(root, 'artifacts'));
  const input = { language: 'Solidity', sources: {}, settings: SETTINGS };
  for (const src of SOURCES) {
    input.sources[src] = { content: fs.readFileSync(path.join(root, src), 'utf8') };
  }
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  let failed = false;
  for (const e of output.errors || []) {
    if (e.severity === 'error') failed = true;
    process.stderr.write(e.formattedMessage + '\n');
  }
  if (failed) process.exit(1);

  fs.mkdirSync(outDir, { recursive: true });
  for (const [file, contracts] of Object.entries(output.contracts)) {
    for (const [name, c] of Object.entries(contracts)) {
      if (!KEEP.includes(name)) continue;
      fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(c.abi, null, 1) + '\n');
      fs.writeFileSync(path.join(outDir, `${name}.bin`), c.evm.bytecode.object + '\n');
      process.stderr.write(`compiled ${file}:${name} (${c.evm.bytecode.object.length / 2} bytes) with solc ${solc.version()}\n`);
    }
  }
}

main();
