// The page in real headless Chromium (playwright-core driving /usr/bin/chromium), served from
// 127.0.0.1 by web/serve.mjs. Every expected value comes from a direct call to the same packed
// npm package in Node, never from numbers copied here. Screenshots: target/web-artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const fixtures = join(repo, "tests", "fixtures");
const artifacts = join(repo, "target", "web-artifacts");
const cb = await import(pathToFileURL(join(repo, "bindings/wasm/node_modules/cosmos-backup/node/index.js")).href);
const vector = async (rel) => JSON.parse(await readFile(join(repo, "tests/vectors", rel), "utf8")).scenario;
const NOW = "2026-11-21T12:00:00Z";

let server, browser, context, page, origin;
const requests = [];
const errors = [];

before(async () => {
  server = await serve(0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.on("request", (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(origin + "/");
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  await page.fill("#now", NOW);
  await mkdir(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const texts = (sel) => page.locator(sel).allTextContents();
const attrs = (sel, name) => page.locator(sel).evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);
/** Pastes into the JSON pane (page.fill types through execCommand: 12 s for 20 kB). */
async function setJson(value) {
  await page.click("#tab-policy");
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  await page.locator("#json").evaluate((el, t) => {
    el.value = t;
    el.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
  }, text);
}

/** A screenshot that is not blank: many colours and a good share of non-background pixels. */
async function screenshot(name, opts = {}) {
  const png = await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true, ...opts });
  const probe = await browser.newPage();
  const stats = await probe.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    let ink = 0;
    let n = 0;
    for (let i = 0; i < d.length; i += 4 * 7) {
      n++;
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      if (d[i] + d[i + 1] + d[i + 2] < 600) ink++;
    }
    return { width: c.width, height: c.height, colours: colours.size, ink: ink / n };
  }, png.toString("base64"));
  await probe.close();
  assert.ok(stats.colours > 50, `${name}: only ${stats.colours} colours`);
  assert.ok(stats.ink > 0.02, `${name}: ${(stats.ink * 100).toFixed(1)}% ink`);
  return stats;
}

test("policy: typing an invalid interval shows the error and its fix next to the field", async () => {
  await page.click("#tab-policy");
  await page.selectOption("#f-mode", "Periodic");
  await page.locator("#f-interval").pressSequentially("30");
  await page.locator("#f-retention").pressSequentially("8");
  const answer = cb.validate({ now: NOW, account: JSON.parse(await page.inputValue("#json")) });
  const expected = answer.diagnostics.find((d) => d.path.endsWith("/backupIntervalInMinutes"));
  assert.equal(expected.code, "periodic.interval-below-minimum");
  const next = page.locator('#msg-interval .diag[data-code="periodic.interval-below-minimum"]');
  await next.waitFor();
  // backticks become <code>: the text is the engine's, without them
  assert.equal(await next.locator(".message").textContent(), expected.message.replaceAll("`", ""));
  assert.equal(await next.locator(".help").textContent(), "Fix: " + expected.help.replaceAll("`", ""));
  assert.ok((await next.locator(".message code").allTextContents()).includes("30"));
  assert.equal(await page.getAttribute("#f-interval", "aria-invalid"), "true");
  // the message sits right under its field (same .field box as the input)
  assert.equal(await page.locator('.field[data-field="interval"] #f-interval').count(), 1);
  const below = (await page.locator("#msg-interval .diag").boundingBox()).y - (await page.locator("#f-interval").boundingBox()).y;
  assert.ok(below > 0 && below < 60, `the message is ${below}px below the field`);
  // the JSON pane follows the form, and its finding is pinned to the interval's line
  const text = await page.inputValue("#json");
  assert.equal(JSON.parse(text).properties.backupPolicy.periodicModeProperties.backupIntervalInMinutes, 30);
  const pos = cb.locate({ text, pointer: "/properties/backupPolicy/periodicModeProperties/backupIntervalInMinutes" });
  const pinned = page.locator('#json-diags .diag[data-code="periodic.interval-below-minimum"] .loc');
  assert.equal(await pinned.textContent(), `line ${pos.line}:${pos.column}`);
  assert.ok((await page.locator("#gutter .ln.sev-error").allTextContents()).includes(`● ${pos.line}`));
  await page.setViewportSize({ width: 1280, height: 1100 });
  await screenshot("policy");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot("policy-phone", { fullPage: false });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at phone width`);
  await page.setViewportSize({ width: 1280, height: 900 });

  // the other way: editing the JSON updates the form, and a valid value clears the message
  await page.locator("#json").fill(text.replace('"backupIntervalInMinutes": 30', '"backupIntervalInMinutes": 240'));
  assert.equal(await page.inputValue("#f-interval"), "240");
  assert.equal(await page.locator("#msg-interval .diag").count(), 0);
  assert.equal(await page.getAttribute("#f-interval", "aria-invalid"), "false");
  // text that is not a number goes to the engine as it is, and its finding appears at the field
  await page.fill("#f-interval", "abc");
  const bad = cb.validate({ now: NOW, account: JSON.parse(await page.inputValue("#json")) });
  const codes = bad.diagnostics.filter((d) => d.path.endsWith("/backupIntervalInMinutes")).map((d) => d.code);
  assert.ok(codes.length > 0);
  assert.deepEqual(await attrs("#msg-interval .diag", "data-code"), codes);
});

test("policy: pasting a fixture shows the engine's diagnostics, each pinned to its JSON line", async () => {
  for (const name of [
    "docs_restore-account-continuous-backup_arm-restore-nosql.json",
    "specs-2025-10-15_CosmosDBDatabaseAccountGet.json",
    "psrule_Resources.Cosmos.json",
  ]) {
    const text = await readFile(join(fixtures, "azure", name), "utf8");
    await setJson(text);
    const ev = cb.evaluate({ now: NOW, account: JSON.parse(text) });
    const all = [...ev.diagnostics, ...ev.results.flatMap((r) => r.diagnostics)];
    assert.ok(all.length > 0, name);
    const want = all
      .map((d) => {
        const pos = cb.locate({ text, pointer: d.path.slice("/account".length) });
        return `${d.code} ${pos ? `line ${pos.line}:${pos.column}` : "document"}`;
      })
      .sort();
    const got = await page.locator("#json-diags .diag").evaluateAll((els) =>
      els.map((e) => `${e.dataset.code} ${e.querySelector(".loc").textContent}`),
    );
    assert.deepEqual(got.sort(), want, name);
    // the form shows the first account of the document
    assert.equal(await page.inputValue("#f-name"), ev.results[0].name.replace(/ \((request|response 200)\)$/, ""), name);
  }
  // the ARM restore template: the non-ISO timestamp warning lands on the timestamp's line
  const text = await readFile(join(fixtures, "azure/docs_restore-account-continuous-backup_arm-restore-nosql.json"), "utf8");
  await setJson(text);
  const line = text.split("\n").findIndex((l) => l.includes("restoreTimestampInUtc")) + 1;
  const loc = await page.locator('#json-diags .diag[data-code="timestamp.non-iso"] .loc').textContent();
  assert.match(loc, new RegExp(`^line ${line}:`));
  // JSON that does not parse: the engine's syntax finding, and the form is left alone
  await setJson('{\n  "name": "x",\n  oops\n}');
  assert.deepEqual(await attrs("#json-diags .diag", "data-code"), ["input.json-syntax"]);
});

test("restore: the timeline renders the right markers and ticks; picking a point checks a request", async () => {
  const migration = await vector("restore/migration-gap.json");
  const feed = await vector("restore/events-in-account-feed.json");
  const sc = { now: migration.now, account: migration.account, restorableAccount: migration.restorableAccount, events: feed.events };
  await page.fill("#now", sc.now);
  await setJson(sc.account);
  await page.click("#tab-restore");
  await page.fill("#restorable", JSON.stringify(sc.restorableAccount, null, 2));
  await page.fill("#events", JSON.stringify(sc.events, null, 2));
  const r = cb.evaluate(sc).results[0];
  const count = async () =>
    Object.fromEntries(
      ["now", "creation", "deletion", "migration", "event"].map((k) => [k, 0]).concat(
        Object.entries(
          (await attrs("#timeline svg .marker", "data-kind")).reduce((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {}),
        ),
      ),
    );
  // now; creation of the account and of West US; migration start and completion; every delete/replace event
  assert.equal(r.eventRestorePoints.length, 5);
  assert.deepEqual(await count(), { now: 1, creation: 2, deletion: 0, migration: 2, event: 5 });
  assert.deepEqual(await attrs("#timeline svg .row[data-region]", "data-region"), r.restoreWindow.regions.map((x) => x.region));
  await page.setViewportSize({ width: 1280, height: 1000 });

  // pick: the restore point before the container replace (in the window)
  const replace = r.eventRestorePoints.find((p) => p.operation === "Replace");
  await page.getByRole("button", { name: new RegExp(`^Replace of container c1`) }).click();
  assert.equal(await page.inputValue("#r-time"), replace.restoreTimestamp);
  const request = JSON.parse(await page.locator("#r-request").textContent());
  assert.equal(request.properties.restoreParameters.restoreTimestampInUtc, replace.restoreTimestamp);
  assert.equal(request.properties.restoreParameters.restoreSource, sc.restorableAccount.id);
  const checked = cb.checkRestoreRequest({ now: sc.now, account: request, restorableAccount: sc.restorableAccount });
  assert.equal(checked.valid, true);
  assert.match(await page.locator("#r-result").textContent(), /^Valid/);
  // the valid pick offers the engine's restore plan, each command with a copy button
  const planned = cb.restorePlan({ ...sc, plan: { timestamp: replace.restoreTimestamp, target: { accountName: request.name, location: request.location } } });
  assert.equal(planned.accepted, true);
  assert.deepEqual(await attrs("#r-plan li[data-step]", "data-step"), planned.steps.map((x) => x.id));
  const az = planned.steps.find((x) => x.id === "restore").az;
  const azCmd = page.locator('#r-plan li[data-step="restore"] .cmd[data-label="Azure CLI"]');
  assert.equal(await azCmd.locator("pre").textContent(), az);
  assert.equal(await page.locator('#r-plan li[data-step="restore"] .cmd[data-label="PowerShell"] pre').textContent(), planned.steps.find((x) => x.id === "restore").powershell);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  await azCmd.locator("button.copy").click();
  // the clipboard write is asynchronous: wait for the button to say how it went
  await azCmd.locator("button.copy", { hasText: /^(Copied|Selected)/ }).waitFor({ timeout: 5_000 });
  assert.equal(await azCmd.locator("button.copy").textContent(), "Copied");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), az);
  await screenshot("restore");

  // a point picked before the window (typed, then Enter): the engine's findings are shown
  await page.fill("#r-time", "2026-11-02T00:00:00Z");
  await page.press("#r-time", "Enter");
  const early = JSON.parse(await page.locator("#r-request").textContent());
  const answer = cb.checkRestoreRequest({ now: sc.now, account: early, restorableAccount: sc.restorableAccount });
  assert.equal(answer.valid, false);
  // an invalid pick offers no plan
  assert.equal(await page.locator("#r-plan li[data-step]").count(), 0);
  assert.deepEqual(await attrs("#r-diags .diag", "data-code"), answer.diagnostics.map((d) => d.code));
  // clicking the band picks the time under the pointer
  const band = page.locator("#timeline .band").first();
  const box = await band.boundingBox();
  await band.click({ position: { x: box.width * 0.5, y: box.height / 2 } });
  const t = Date.parse(await page.inputValue("#r-time"));
  const [e, l] = [Date.parse(r.restoreWindow.earliest), Date.parse(r.restoreWindow.latest)];
  assert.ok(t > e && t < l, `picked ${await page.inputValue("#r-time")}`);
  assert.match(await page.locator("#r-result").textContent(), /^Valid/);
  // the band is a keyboard slider too: End → the latest moment, ← one hour back, Home → the earliest
  await band.focus();
  await page.keyboard.press("End");
  assert.equal(await page.inputValue("#r-time"), r.restoreWindow.latest);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("role")), "slider");
  await page.keyboard.press("ArrowLeft");
  assert.equal(Date.parse(await page.inputValue("#r-time")), l - 3_600_000);
  assert.equal(await page.locator("#timeline .band").first().getAttribute("aria-valuetext"), await page.inputValue("#r-time"));
  await page.keyboard.press("Home");
  assert.equal(await page.inputValue("#r-time"), r.restoreWindow.earliest);
  assert.match(await page.locator("#r-result").textContent(), /^(Valid|Not valid)/);

  // not-restored: the engine's list, with the source's values to re-apply
  assert.deepEqual(await attrs("#not-restored li", "data-setting"), r.notRestored.map((n) => n.setting));
  const locs = await page.locator('#not-restored li[data-setting="locations"] pre').textContent();
  assert.deepEqual(JSON.parse(locs), r.notRestored.find((n) => n.setting === "locations").current);

  // a deleted account (the document is the restorable account itself): deletion marker, no events
  const deleted = await vector("restore/deleted-account.json");
  await page.fill("#now", deleted.now);
  await page.fill("#restorable", "");
  await page.fill("#events", "");
  await setJson(deleted.account);
  await page.click("#tab-restore");
  assert.deepEqual(await count(), { now: 1, creation: 2, deletion: 1, migration: 0, event: 0 });

  // periodic: the snapshots are ticks
  const periodic = await vector("restore/periodic-points.json");
  await page.fill("#now", periodic.now);
  await setJson(periodic.account);
  await page.click("#tab-restore");
  const points = cb.evaluate(periodic).results[0].restoreWindow.restorePoints;
  assert.deepEqual(await attrs("#timeline svg .tick", "data-at"), points);
  assert.deepEqual(await count(), { now: 1, creation: 0, deletion: 0, migration: 0, event: 0 });
  await page.locator("#timeline .tick").last().click({ force: true });
  assert.equal(await page.inputValue("#r-time"), points.at(-1));
  await page.fill("#now", NOW);
});

test("cost: the breakdown, what-if and projection equal the engine's; an uploaded sheet is used", async () => {
  const sc = await vector("pricing/op-price.json");
  await setJson(sc.account);
  await page.click("#tab-cost");
  await page.fill("#c-size", "1000");
  await page.fill("#c-restores", "0");
  await page.fill("#c-window", "14");
  await page.fill("#c-growth", "50");
  const scenario = { now: NOW, account: sc.account, usage: { dataSizeGb: 1000 } };
  const cost = cb.price(scenario).results[0].cost;
  assert.equal(cost.monthlyTotal, "400.00");
  assert.equal(await page.locator("#cost-total").textContent(), `${cost.monthlyTotal} ${cost.currency}`);
  assert.equal(await page.locator("#cost-restore").textContent(), `${cost.perRestore} ${cost.currency}`);
  assert.deepEqual(await texts("#cost-lines tbody td.amount"), cost.lines.map((l) => `${l.amount} ${l.currency}`));

  const wi = cb.whatIf({ scenario, requiredWindowDays: 14 });
  const rows = await page.locator("#whatif tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.label, tr.querySelector(".amount").textContent.trim()]),
  );
  assert.deepEqual(rows, wi.options.map((o) => [o.label, `${o.monthlyTotal} ${wi.currency}`]));
  for (const label of ["Continuous7Days", "Continuous30Days"]) assert.ok(rows.some(([l]) => l === label), label);
  assert.ok(rows.some(([l]) => l.startsWith("Periodic")));
  assert.equal(await page.locator("#whatif tr.cheapest").getAttribute("data-label"), wi.cheapest);

  const pj = cb.project({ scenario, months: 12, growth: { type: "linear", gbPerMonth: 50 } });
  assert.equal(pj.months.length, 12);
  assert.deepEqual(await attrs("#project-chart .month", "data-total"), pj.months.map((m) => m.monthlyTotal));
  assert.equal(await page.locator("#project-summary").textContent(), `12 months: ${pj.total} ${pj.currency} in total.`);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await screenshot("cost");

  // the user's own sheet, read locally
  const sheet = (await vector("pricing/user-sheet-override.json")).priceSheet;
  await page.setInputFiles("#c-sheet", { name: "my-prices.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(sheet)) });
  const mine = cb.price({ ...scenario, priceSheet: sheet }).results[0].cost;
  assert.equal(mine.monthlyTotal, "350.00");
  await page.waitForFunction((t) => document.querySelector("#cost-total").textContent === t, `${mine.monthlyTotal} ${mine.currency}`);
  assert.match(await page.locator("#c-sheet-name").textContent(), /my-prices\.json/);
  await page.click("#c-sheet-reset");
  assert.equal(await page.locator("#cost-total").textContent(), `${cost.monthlyTotal} ${cost.currency}`);
});

test("a hostile account name is shown as text in every view", async () => {
  const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"'&amp;<b>bold</b>`;
  await setJson({ type: "Microsoft.DocumentDB/databaseAccounts", name: "plain", properties: { backupPolicy: { type: "Continuous" }, locations: [{ locationName: "West US 2" }] } });
  await page.fill("#f-name", hostile);
  assert.equal(JSON.parse(await page.inputValue("#json")).name, hostile);
  for (const view of ["policy", "restore", "cost"]) {
    await page.click(`#tab-${view}`);
    assert.equal(await page.locator(`#${view}-account bdi`).textContent(), hostile, view);
  }
  const r = await page.evaluate(() => ({
    injected: document.querySelectorAll("main img, main script, main b").length,
    pwned: window.__pwned ?? null,
  }));
  assert.deepEqual(r, { injected: 0, pwned: null });
  await page.click("#tab-policy");
});

test("keyboard: the tabs follow the arrow keys and every control has a label", async () => {
  await page.focus("#tab-policy");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-restore");
  assert.equal(await page.isVisible("#view-restore"), true);
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.isVisible("#view-cost"), true);
  await page.keyboard.press("Home");
  assert.equal(await page.isVisible("#view-policy"), true);
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea, button")]
      .filter((el) => !(el.labels?.length || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || el.textContent.trim()))
      .map((el) => el.id || el.outerHTML.slice(0, 60)),
  );
  assert.deepEqual(unlabelled, []);
});

test("no request leaves 127.0.0.1, and the page logged no errors", async () => {
  assert.ok(requests.length >= 6, `only ${requests.length} requests recorded`);
  const outside = requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("data:"));
  assert.deepEqual(outside, []);
  // the page's own files only
  const paths = [...new Set(requests.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname))].sort();
  assert.deepEqual(paths, ["/", "/app.css", "/app.js", "/cost.js", "/dom.js", "/pkg/cosmos_backup.js", "/pkg/cosmos_backup_bg.wasm", "/pkg/schema.json", "/restore.js"]);
  assert.deepEqual(errors, []);
  await writeFile(join(artifacts, "requests.txt"), requests.join("\n") + "\n");
});

test("policy: the form's enum lists are the engine's, and a MongoDB account shows as MongoDB", async () => {
  const schema = JSON.parse(await readFile(join(repo, "bindings/wasm/node_modules/cosmos-backup/schema.json"), "utf8"));
  const consts = (name) => schema.$defs[name].oneOf.map((v) => v.const);
  const values = (sel) => page.locator(`${sel} option:not([data-extra])`).evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(await values("#f-tier"), consts("Tier"));
  assert.deepEqual(await values("#f-redundancy"), consts("Redundancy"));
  assert.deepEqual(await values("#f-mode"), consts("PolicyType"));
  assert.ok((await values("#f-api")).includes("mongoDb"));
  const mongo = { type: "Microsoft.DocumentDB/databaseAccounts", name: "shop", kind: "MongoDB", location: "East US",
    properties: { locations: [{ locationName: "East US", failoverPriority: 0 }], backupPolicy: { type: "Continuous" } } };
  assert.equal(cb.evaluate({ now: NOW, account: mongo }).results[0].api, "mongoDb");
  await setJson(mongo);
  assert.equal(await page.locator("#f-api").inputValue(), "mongoDb");
  const shown = await page.locator("#f-api option:checked").textContent();
  assert.match(shown, /^MongoDB/);
  assert.doesNotMatch(shown, /from the JSON/);
});
