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

    // A photo of the code (the manufacturer's QR PNG from the API), uploaded: decoded on the
    // server, same verdict.
    const api = ctx.request;
    const info = await (await api.get(path(demo.codes.authentic[0]), { headers: { Accept: "application/json" } })).json();
    const token = demo.tokens[info.manufacturer.name];
    assert.ok(token, `no demo token for the manufacturer ${info.manufacturer.name}`);
    const qr = await api.get(`/api/v1/batches/${info.batch.batchId}/qr?serial=${encodeURIComponent(info.code.serial)}&size=400`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(qr.status(), 200, "QR code PNG from the API");
    await page.goto("/");
    await page.setInputFiles("#image", { name: "pack.png", mimeType: "image/png", buffer: await qr.body() });
    await Promise.all([page.waitForURL(/\/01\//), page.click("form[action='/check/image'] button[type=submit]")]);
    assert.match(await page.locator("h1.verdict-word").innerText(), /✔\s*authentic/i);
    assert.equal(new URL(page.url()).pathname, new URL(demo.codes.authentic[0]).pathname);
    log("uploaded a QR code photo, landed on the authentic verdict");

    // Not a picture: refused next to the upload field.
    await page.goto("/");
    await page.setInputFiles("#image", { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture") });
    await Promise.all([page.waitForLoadState("load"), page.click("form[action='/check/image'] button[type=submit]")]);
    assert.match(await page.locator("#image + #image-error").innerText(), /not a picture/i);
  } finally {
    await ctx.close();
  }

  // Scan with the camera: a browser with BarcodeDetector (stubbed here, as headless Chromium on
  // Linux has none, with a canvas for the camera) shows the button; a code read submits the form.
  const cam = await browser.newContext({ ...phone, baseURL });
  try {
    const page = await cam.newPage();
    await page.addInitScript((code) => {
      let calls = 0;
      window.BarcodeDetector = class {
        static async getSupportedFormats() { return ["qr_code", "ean_13"]; }
        constructor(opts) { this.formats = opts.formats; }
        async detect() { calls++; return calls < 3 ? [] : [{ rawValue: code, format: "qr_code" }]; }
      };
      const fake = async () => {
        const c = document.createElement("canvas");
        c.width = c.height = 64;
        c.getContext("2d").fillRect(0, 0, 64, 64);
        return c.captureStream(10);
      };
      if (!navigator.mediaDevices) {
        Object.defineProperty(navigator, "mediaDevices", { value: {} });
      }
      navigator.mediaDevices.getUserMedia = fake;
    }, demo.codes.dispensed[0]);
    await page.goto("/");
    assert.ok(await page.locator("#scan").isVisible(), "scan button shown where BarcodeDetector exists");
    await Promise.all([page.waitForURL(/\/01\//), page.click("#scan")]);
    assert.match(await page.locator("h1.verdict-word").innerText(), /✖\s*dispensed/i);
    log("scanned with the (stubbed) camera, landed on the dispensed verdict");
  } finally {
    await cam.close();
  }
}

/** path turns a demo code (a Digital Link URI) into a path on the server under test. */
function path(link) {
  const u = new URL(link);
  return u.pathname + u.search;
}
