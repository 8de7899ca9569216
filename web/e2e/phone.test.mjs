// Every role's page fits a 360-px phone: wide tables scroll inside themselves, the page does not.
export default async function ({ browser, baseURL, demo, assert, log }) {
  for (const [who, path] of [
    ["Central Pharmacy", "/pharmacy"],
    ["Helvita Pharma AG", "/manufacturer"],
    ["MedSupply Distribution", "/wholesaler"],
    ["National Medicines Agency", "/regulator"],
  ]) {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL });
    try {
      const page = await ctx.newPage();
      await page.goto("/login");
      await page.fill("#token", demo.tokens[who]);
      await Promise.all([page.waitForURL(new RegExp(path + "$")), page.click("form[action='/login'] button[type=submit]")]);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${path} is ${width} px wide at 360`);
      log(`${path}: ${width} px`);
    } finally {
      await ctx.close();
    }
  }
}
