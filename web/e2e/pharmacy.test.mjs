// Pharmacy scan station: a keyboard-wedge scanner types an element string (GS as Ctrl+]) and
// Enter; the verdict shows at once; dispense, see it in today's list and as dispensed when
// scanned again; undo.
const desktop = { viewport: { width: 1280, height: 900 } };

/** elements splits a Digital Link into the GS1 element string fields a DataMatrix carries. */
const elements = (link) => {
  const u = new URL(link);
  const m = u.pathname.match(/\/01\/(\d{14})\/10\/([^/]+)\/21\/([^/?]+)/);
  if (!m) throw new Error(`not a Digital Link with 01, 10 and 21: ${link}`);
  return { gtin: m[1], lot: decodeURIComponent(m[2]), serial: decodeURIComponent(m[3]), expiry: u.searchParams.get("17") };
};

export default async function ({ browser, baseURL, demo, assert, log }) {
  const ctx = await browser.newContext({ ...desktop, baseURL });
  try {
    const page = await ctx.newPage();
    await page.goto("/login");
    await page.fill("#token", demo.tokens["Central Pharmacy"]);
    await Promise.all([page.waitForURL(/\/pharmacy$/), page.click("form[action='/login'] button[type=submit]")]);
    const input = page.locator("#code");
    assert.ok(await input.evaluate((e) => e === document.activeElement), "the scan input has the focus");

    // The scanner: fixed fields, the lot, GS (Ctrl+]), the serial, Enter.
    const code = demo.codes.authentic[0];
    const e = elements(code);
    await page.keyboard.type(`01${e.gtin}17${e.expiry}10${e.lot}`);
    await page.keyboard.press("Control+BracketRight");
    await page.keyboard.type(`21${e.serial}`);
    assert.equal(await input.inputValue(), `01${e.gtin}17${e.expiry}10${e.lot}\x1d21${e.serial}`, "GS put into the field");
    await Promise.all([page.waitForURL(/\/pharmacy\?code=/), page.keyboard.press("Enter")]);
    assert.match(await page.locator(".verdict-word").innerText(), /authentic/i, "verdict after the scan");
    log(`scanned ${e.gtin}/${e.lot}/${e.serial}: authentic`);

    // Dispense: back on the station with a flash, the pack in today's list and now dispensed.
    await Promise.all([page.waitForURL(/ok=/), page.click("#dispense")]);
    assert.match(await page.locator(".flash").innerText(), /Dispensed/);
    assert.match(await page.locator(".verdict-word").innerText(), /dispensed/i, "verdict after dispensing");
    assert.ok(await page.locator("#today td", { hasText: e.serial }).count() > 0, "pack in today's list");
    log("dispensed, listed under today");

    // Scanned again (the Digital Link this time), it shows as dispensed, with an undo button.
    await page.locator("#code").fill(code);
    await Promise.all([page.waitForURL(/\/pharmacy\?code=/), page.locator("#code").press("Enter")]);
    assert.match(await page.locator(".verdict-word").innerText(), /dispensed/i, "scanned again");

    await Promise.all([page.waitForURL(/ok=/), page.click("#undo")]);
    assert.match(await page.locator(".flash").innerText(), /undone/i);
    assert.match(await page.locator(".verdict-word").innerText(), /authentic/i, "verdict after undo");
    assert.equal(await page.locator("#today td", { hasText: e.serial }).count(), 0, "undone pack left today's list");
    log("undone: authentic again");
  } finally {
    await ctx.close();
  }
}
