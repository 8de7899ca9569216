// The patient's page: what a phone camera opens from a pack's QR code.
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// Each demo code category, with the words its banner must say and the instruction it must give.
const cases = [
  { kind: "authentic", verdict: /✔\s*authentic/i, advice: null },
  { kind: "dispensed", verdict: /✖\s*dispensed/i, advice: /do not use it/i },
  { kind: "recalled", verdict: /✖\s*recalled/i, advice: /Do not use this pack — return it to your pharmacy/ },
  { kind: "expired", verdict: /✖\s*expired/i, advice: /Do not use this pack — return it to your pharmacy/ },
];

/** path turns a demo code (a Digital Link URI) into a path on the server under test. */
const path = (link) => {
  const u = new URL(link);
  return u.pathname + u.search;
};

export default async function ({ browser, baseURL, demo, assert, log }) {
  for (const javaScriptEnabled of [true, false]) {
    for (const c of cases) {
      // A fresh context per page: an empty cache, as a phone opening the code for the first time.
      const ctx = await browser.newContext({ ...phone, baseURL, javaScriptEnabled });
      try {
        const page = await ctx.newPage();
        const codes = demo.codes[c.kind];
        assert.ok(codes && codes.length > 0, `demo.json has no ${c.kind} codes`);
        const p = path(codes[0]);
        assert.match(p, /^\/01\/\d{14}\/10\/.+\/21\/.+\?(.*&)?17=/, `${c.kind} code is not a Digital Link with 17`);
        // Bytes transferred for the page: the HTML and every subresource, headers included.
        const sizes = [];
        page.on("requestfinished", (req) => sizes.push(req.sizes().then((s) => [new URL(req.url()).pathname, s])));
        const resp = await page.goto(p, { waitUntil: "load" });
        assert.equal(resp.status(), 200, `${c.kind}: status`);
        const banner = page.locator("h1.verdict-word");
        const said = await banner.innerText();
        assert.match(said, c.verdict, `${c.kind}: the banner says ${JSON.stringify(said)}`);
        assert.equal(await banner.getAttribute("data-verdict"), c.kind);
        if (c.advice) {
          assert.match(await page.locator(".verdict .do").innerText(), c.advice, `${c.kind}: instruction`);
        } else {
          assert.equal(await page.locator(".verdict .do").count(), 0, "an authentic pack needs no warning");
        }
        // Colour is not the only signal, but it is there: the stylesheet gave the banner a colour.
        const bg = await page.locator(".verdict").evaluate((e) => getComputedStyle(e).backgroundColor);
        assert.notEqual(bg, "rgba(0, 0, 0, 0)", `${c.kind}: the stylesheet did not apply`);
        assert.match(await page.locator("dl.facts").innerText(), /Medicine[\s\S]*Batch[\s\S]*Expires/, `${c.kind}: facts`);
        const { scrollW, clientW } = await page.evaluate(() => ({
          scrollW: document.documentElement.scrollWidth,
          clientW: document.documentElement.clientWidth,
        }));
        assert.ok(scrollW <= clientW, `${c.kind}: horizontal scroll at 360 px (${scrollW} > ${clientW})`);
        if (!javaScriptEnabled) {
          log(`${c.kind} without JavaScript: ${(await banner.innerText()).trim()}`);
          continue;
        }
        const done = await Promise.all(sizes);
        const bytes = done.reduce((n, [, s]) => n + s.responseBodySize + s.responseHeadersSize, 0);
        assert.ok(done.some(([p]) => p.endsWith("/app.css")), `${c.kind}: the stylesheet was not loaded`);
        assert.ok(bytes > 0 && bytes < 100 * 1024, `${c.kind}: page weight ${bytes} bytes`);
        log(`${c.kind}: ${bytes} bytes transferred in ${done.length} requests (${done.map(([p, s]) => `${p.startsWith("/01/") ? "page" : p} ${s.responseBodySize}`).join(", ")}), ${scrollW} px wide`);
      } finally {
        await ctx.close();
      }
    }
  }
}
