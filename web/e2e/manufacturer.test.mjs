// Manufacturer: registers a batch through the form, then downloads its label sheet — a valid
// PDF with one label per pack.
import { inflateSync } from "node:zlib";

const desktop = { viewport: { width: 1280, height: 900 } };

// labelsIn counts the "SN …" lines of a label sheet: its content streams, inflated, each read by
// its /Length (binary image data may hold any bytes).
function labelsIn(pdf) {
  const text = pdf.toString("latin1");
  let n = 0;
  for (const m of text.matchAll(/\/Length (\d+) >>\nstream\n/g)) {
    const start = m.index + m[0].length;
    const body = pdf.subarray(start, start + Number(m[1]));
    try {
      n += (inflateSync(body).toString("latin1").match(/\(SN /g) || []).length;
    } catch {
      // not a deflated stream
    }
  }
  return n;
}

export default async function ({ browser, baseURL, demo, assert, log }) {
  const ctx = await browser.newContext({ ...desktop, baseURL, acceptDownloads: true });
  try {
    const page = await ctx.newPage();
    await page.goto("/login");
    await page.fill("#token", demo.tokens["Helvita Pharma AG"]);
    await Promise.all([page.waitForURL(/\/manufacturer$/), page.click("form[action='/login'] button[type=submit]")]);

    const lot = "E2E-" + Date.now().toString(36).toUpperCase();
    const expiry = new Date(Date.now() + 400 * 86400e3).toISOString().slice(0, 10);
    await page.selectOption("#batch-gtin", { index: 1 });
    await page.fill("#batch-lot", lot);
    await page.fill("#batch-expiry", expiry);
    await page.fill("#batch-count", "7");
    await Promise.all([page.waitForURL(/\/manufacturer/), page.click("#batch-form button[type=submit]")]);

    // Small batches answer at once; otherwise wait on the progress page for the list.
    const row = page.locator("#batches tr", { hasText: lot });
    for (let i = 0; i < 60 && !(await row.locator("a", { hasText: "PDF label sheet" }).count()); i++) {
      await page.waitForTimeout(500);
      await page.goto("/manufacturer");
    }
    assert.match(await row.innerText(), /7 \/ 7/, "all 7 packs published");

    const [download] = await Promise.all([page.waitForEvent("download"), row.locator("a", { hasText: "PDF label sheet" }).click()]);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    const pdf = Buffer.concat(chunks);
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-", "a PDF");
    assert.match(pdf.subarray(-64).toString("latin1"), /%%EOF\s*$/, "a complete PDF");
    assert.equal(labelsIn(pdf), 7, "one label per pack");
    log(`batch ${lot}: label sheet ${pdf.length} bytes, 7 labels`);
  } finally {
    await ctx.close();
  }
}
