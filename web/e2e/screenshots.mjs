// Takes a screenshot of each page, at a phone's width and a desktop's, from a running demo:
//
//   node web/e2e/screenshots.mjs --demo DIR/demo.json --out docs/screenshots
//
// (scripts/screenshots.sh starts a demo and runs this.) Signed-in pages use the demo's tokens.
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values: args } = parseArgs({
  options: {
    demo: { type: "string" },
    out: { type: "string", default: "docs/screenshots" },
    chromium: { type: "string", default: process.env.CHROMIUM || "/usr/bin/chromium" },
  },
});
if (!args.demo) {
  console.error("usage: node screenshots.mjs --demo DIR/demo.json [--out DIR]");
  process.exit(2);
}
const demo = JSON.parse(await readFile(args.demo, "utf8"));
const base = demo.url.replace(/\/$/, "");
const path = (u) => u.replace(/^https?:\/\/[^/]+/, "");
await mkdir(args.out, { recursive: true });

// name, who signs in ("" for nobody), path
const pages = [
  ["home", "", "/"],
  ["patient-authentic", "", path(demo.codes.authentic[0])],
  ["patient-recalled", "", path(demo.codes.recalled[0])],
  ["patient-dispensed", "", path(demo.codes.dispensed[0])],
  ["sign-in", "", "/login"],
  ["pharmacy", "Central Pharmacy", "/pharmacy"],
  ["manufacturer", "Helvita Pharma AG", "/manufacturer"],
  ["wholesaler", "MedSupply Distribution", "/wholesaler"],
  ["regulator", "National Medicines Agency", "/regulator"],
];
const sizes = [["phone", 360, 740], ["desktop", 1280, 800]];

const browser = await chromium.launch({
  executablePath: args.chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const [size, width, height] of sizes) {
    for (const [name, who, p] of pages) {
      const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
      const page = await ctx.newPage();
      if (who) {
        await page.goto(base + "/login");
        await page.fill("#token", demo.tokens[who]);
        await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
      }
      await page.goto(base + p);
      const file = join(args.out, `${name}-${size}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await ctx.close();
    }
  }
} finally {
  await browser.close();
}
