// Regulator: the alert queue (an alert moved open → investigating → closed) and the chart of
// verifications and alerts per day.
const desktop = { viewport: { width: 1280, height: 900 } };

export default async function ({ browser, baseURL, demo, assert, log }) {
  const ctx = await browser.newContext({ ...desktop, baseURL });
  try {
    const page = await ctx.newPage();
    await page.goto("/login");
    await page.fill("#token", demo.tokens["National Medicines Agency"]);
    await Promise.all([page.waitForURL(/\/regulator$/), page.click("form[action='/login'] button[type=submit]")]);

    // The chart: an SVG with a title for screen readers, bars, and the numbers as a table.
    const svg = page.locator("svg#activity-chart");
    assert.ok(await svg.isVisible(), "chart shown");
    assert.match(await svg.locator("title").first().textContent(), /Verifications and alerts per day/);
    const bars = await svg.locator("rect.bar-scans").count();
    assert.ok(bars > 0, "the demo's verifications are drawn");
    assert.equal(await page.locator("#activity-table tbody tr").count(), 30, "30 days in the table");
    log(`chart: ${bars} days with verifications, ${await svg.locator("rect.bar-alerts").count()} with alerts`);

    // The queue: the demo's alerts; take the first open one through to closed.
    const rows = page.locator("#alert-queue tbody tr");
    const n = await rows.count();
    assert.ok(n > 0, "the demo raised alerts");
    const row = page.locator("#alert-queue tbody tr", { has: page.locator("button", { hasText: "Investigate" }) }).first();
    const action = await row.locator("form").getAttribute("action");
    await Promise.all([page.waitForURL(/ok=/), row.locator("button", { hasText: "Investigate" }).click()]);
    const moved = page.locator(`#alert-queue tr:has(form[action="${action}"])`);
    assert.match(await moved.locator("td[class^=state-]").innerText(), /investigating/);
    await Promise.all([page.waitForURL(/ok=/), moved.locator("button", { hasText: "Close" }).click()]);
    assert.equal(await page.locator(`form[action="${action}"]`).count(), 0, "closed alert left the queue");
    await page.goto("/regulator?alerts=closed");
    assert.ok(await page.locator("#alert-queue td.state-closed").count() > 0, "closed alert listed under closed");
    log(`${n} alerts in the queue; ${action} moved open → investigating → closed`);
  } finally {
    await ctx.close();
  }
}
