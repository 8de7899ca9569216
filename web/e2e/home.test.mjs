// Home: check a medicine by pasting its code.
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

export default async function ({ browser, baseURL, demo, assert, log }) {
  const ctx = await browser.newContext({ ...phone, baseURL });
  try {
    const page = await ctx.newPage();
    await page.goto("/");
    assert.match(await page.locator("h1").innerText(), /Check a medicine/);
    // Headless Chromium on Linux has no BarcodeDetector: the camera button stays hidden and the
    // photo upload is the way.
    const hasDetector = await page.evaluate(() => "BarcodeDetector" in window);
    assert.equal(await page.locator("#scan").isVisible(), hasDetector, "scan button visible iff BarcodeDetector exists");
    assert.ok(await page.locator("#image").isVisible(), "photo upload offered");

    // Paste a code, submit, land on the verdict at its Digital Link address (sig and 17 kept).
    const code = demo.codes.recalled[0];
    await page.fill("#code", code);
    await Promise.all([page.waitForURL(/\/01\//), page.click("#check-form button[type=submit]")]);
    const landed = new URL(page.url());
    const want = new URL(code);
    assert.equal(landed.pathname, want.pathname);
    assert.equal(landed.searchParams.get("sig"), want.searchParams.get("sig"));
    assert.equal(landed.searchParams.get("17"), want.searchParams.get("17"));
    assert.match(await page.locator("h1.verdict-word").innerText(), /✖\s*recalled/i);
    log(`pasted a recalled code, landed on ${landed.pathname}`);

    // An element string as a scanner types it lands on the same pack.
    await page.goto("/");
    const u = new URL(demo.codes.authentic[0]);
    const [, gtin, lot, serial] = u.pathname.match(/^\/01\/(\d{14})\/10\/([^/]+)\/21\/([^/]+)$/);
    await page.fill("#code", `(01)${gtin}(17)${u.searchParams.get("17")}(10)${decodeURIComponent(lot)}(21)${decodeURIComponent(serial)}`);
    await Promise.all([page.waitForURL(/\/01\//), page.press("#code", "Enter")]);
    assert.match(await page.locator("h1.verdict-word").innerText(), /✔\s*authentic/i);

    // A malformed code: the malformed verdict, and the parser's message next to the field.
    await page.goto("/");
    await page.fill("#code", "(01)09506000134353(21)X");
    await Promise.all([page.waitForLoadState("load"), page.click("#check-form button[type=submit]")]);
    assert.match(await page.locator("h1.verdict-word").innerText(), /!\s*malformed/i);
    const field = page.locator("#code");
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    assert.equal(await field.getAttribute("aria-describedby"), "code-error");
    const err = page.locator("#code + #code-error");
    assert.match(await err.innerText(), /check digit/i);
    assert.equal(await field.inputValue(), "(01)09506000134353(21)X", "the field keeps what was typed");
    const { scrollW, clientW } = await page.evaluate(() => ({
      scrollW: document.documentElement.scrollWidth,
      clientW: document.documentElement.clientWidth,
    }));
    assert.ok(scrollW <= clientW, `horizontal scroll at 360 px (${scrollW} > ${clientW})`);
    log(`malformed: "${(await err.innerText()).trim()}"`);
  } finally {
    await ctx.close();
  }
}
