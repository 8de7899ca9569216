// Runs every web/e2e/*.test.mjs against a running PharmaTrace (usually `pharmatrace demo`, started
// by e2e_test.go) in Debian's Chromium driven by playwright-core.
//
//   node web/e2e/run.mjs --demo DIR/demo.json [--only NAME] [--chromium /usr/bin/chromium]
//
// Each test file exports
//   export default async function ({ browser, baseURL, demo, assert, log }) { … }
// where demo is the parsed demo.json ({url, tokens: {name: token}, codes: {authentic, dispensed,
// recalled, expired}}) and assert is node:assert/strict. A file passes when its function returns.
// Every file gets the same browser; open your own contexts (and close them). Prints one line per
// file and exits 1 if any failed.
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    demo: { type: "string" },
    only: { type: "string" },
    chromium: { type: "string", default: process.env.CHROMIUM || "/usr/bin/chromium" },
  },
});
if (!args.demo) {
  console.error("usage: node run.mjs --demo DIR/demo.json [--only NAME] [--chromium PATH]");
  process.exit(2);
}
const demo = JSON.parse(await readFile(args.demo, "utf8"));
const baseURL = demo.url.replace(/\/$/, "");

const files = (await readdir(here))
  .filter((f) => f.endsWith(".test.mjs"))
  .filter((f) => !args.only || f.includes(args.only))
  .sort();
if (files.length === 0) {
  console.error("no test files matched");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: args.chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = 0;
try {
  for (const f of files) {
    const name = f.replace(/\.test\.mjs$/, "");
    const lines = [];
    const log = (...a) => lines.push(a.map(String).join(" "));
    const began = Date.now();
    try {
      const mod = await import(pathToFileURL(join(here, f)).href);
      if (typeof mod.default !== "function") {
        throw new Error(`${f} has no default export function`);
      }
      await mod.default({ browser, baseURL, demo, assert, log });
      console.log(`ok   ${name} (${Date.now() - began} ms)`);
    } catch (err) {
      failed++;
      console.log(`FAIL ${name} (${Date.now() - began} ms)`);
      console.log(String(err && err.stack ? err.stack : err).replace(/^/gm, "     "));
    }
    for (const l of lines) {
      console.log(`     ${l}`);
    }
  }
} finally {
  await browser.close();
}
console.log(failed === 0 ? `all ${files.length} passed` : `${failed} of ${files.length} failed`);
process.exit(failed === 0 ? 0 : 1);
