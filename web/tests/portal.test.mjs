// The page as a portal team meets it (issue 17, "Page"): `az cosmosdb show` output in the form,
// the user's own account on the restore view, JSON that does not parse, the cost view's findings,
// totals and sheet wording, a template with two accounts, a phone at 390 px, and axe-core on every
// view and state at desktop and phone sizes. Real headless Chromium (playwright-core driving
// /usr/bin/chromium); every expected value comes from the same packed npm package called in Node,
// or from the document itself. Screenshots: target/web-artifacts/portal-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const artifacts = join(repo, "target", "web-artifacts");
const cb = await import(pathToFileURL(join(repo, "bindings/wasm/node_modules/cosmos-backup/node/index.js")).href);
const axeSource = await readFile(join(repo, "node_modules/axe-core/axe.min.js"), "utf8");
const vector = async (rel) => JSON.parse(await readFile(join(repo, "tests/vectors", rel), "utf8")).scenario;
const NOW = "2026-11-21T12:00:00Z";
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let server, browser, page, origin;
const errors = [];
const axeRuns = [];

async function open(viewport = DESKTOP) {
  const context = await browser.newContext({ viewport });
  const p = await context.newPage();
  p.on("pageerror", (e) => errors.push(String(e)));
  p.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await p.goto(origin + "/");
  await p.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  return p;
}

before(async () => {
  server = await serve(0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await open();
  await page.fill("#now", NOW);
  await mkdir(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const attrs = (sel, name) => page.locator(sel).evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);
const text = (sel) => page.locator(sel).textContent();
const json = async () => JSON.parse(await page.inputValue("#json"));
/** Pastes into the JSON pane, as a user does (an input event). */
async function paste(value) {
  await page.click("#tab-policy");
  const t = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  await page.locator("#json").evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
  }, t);
}
const shot = (name, p = page) => p.screenshot({ path: join(artifacts, `portal-${name}.png`), fullPage: true });

/** axe-core (the npm devDependency) on the page as it is; fails on any violation. */
async function axe(label, p = page) {
  await p.evaluate(axeSource); // evaluated by the DevTools protocol: the page's CSP does not apply
  const violations = await p.evaluate(async () => {
    // label-content-name-mismatch is an experimental rule, off by default: on here
    const r = await window.axe.run(document, { resultTypes: ["violations"], rules: { "label-content-name-mismatch": { enabled: true } } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  axeRuns.push(label);
  assert.deepEqual(violations, [], `axe-core, ${label}`);
}

// ---------------------------------------------------------------------------------------------
// `az cosmosdb show` output

// The flat shape `az cosmosdb show` prints (hand-made: the properties at the top level, no
// `properties` object; field names as in Azure/azure-cli's cosmosdb output).
const azShow = () => ({
  id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.DocumentDB/databaseAccounts/wus",
  name: "wus",
  location: "West US",
  kind: "GlobalDocumentDB",
  resourceGroup: "rg",
  type: "Microsoft.DocumentDB/databaseAccounts",
  databaseAccountOfferType: "Standard",
  documentEndpoint: "https://wus.documents.azure.com:443/",
  backupPolicy: {
    type: "Periodic",
    periodicModeProperties: { backupIntervalInMinutes: 480, backupRetentionIntervalInHours: 24, backupStorageRedundancy: "Local" },
  },
  locations: [{ locationName: "West US", failoverPriority: 0, isZoneRedundant: false }],
  enableMultipleWriteLocations: false,
  enableAnalyticalStorage: false,
});

test("az cosmosdb show: the form shows its policy, and editing it edits that policy", async () => {
  const doc = azShow();
  await paste(doc);
  const ev = cb.evaluate({ now: NOW, account: doc });
  assert.equal(ev.results[0].effectivePolicy.type, "Periodic");
  // the form: the document's own values (not blank, not a default)
  assert.equal(await page.inputValue("#f-mode"), "Periodic");
  assert.equal(await page.inputValue("#f-interval"), "480");
  assert.equal(await page.inputValue("#f-retention"), "24");
  assert.equal(await page.inputValue("#f-redundancy"), "Local");
  assert.equal(await page.inputValue("#f-regions"), "West US");
  assert.match(await text("#policy-summary"), /effective policy: Periodic, every 480 min, kept 24 h, Local redundancy/);
  // editing: the top-level policy changes; no `properties` appears beside it
  await page.fill("#f-interval", "720");
  await page.fill("#f-regions", "West US, East US");
  let now = await json();
  assert.equal(now.backupPolicy.periodicModeProperties.backupIntervalInMinutes, 720);
  assert.deepEqual(now.locations.map((l) => l.locationName), ["West US", "East US"]);
  assert.equal("properties" in now, false);
  assert.equal(cb.evaluate({ now: NOW, account: now }).results[0].effectivePolicy.backupIntervalInMinutes, 720);
  assert.match(await text("#policy-summary"), /every 720 min/);
  await shot("az-show");

  // both a top-level and a `properties.backupPolicy`: the engine's warning shows, at the mode
  // field and on its line; the form shows and edits the one Azure reads
  const both = { ...azShow(), properties: { backupPolicy: { type: "Periodic", periodicModeProperties: { backupIntervalInMinutes: 240, backupRetentionIntervalInHours: 8 } } } };
  await paste(both);
  const twice = cb.evaluate({ now: NOW, account: both }).results[0].diagnostics.find((d) => d.code === "policy.backup-policy-twice");
  assert.equal(twice.path, "/account/backupPolicy");
  assert.deepEqual(await attrs('#msg-mode .diag[data-code="policy.backup-policy-twice"]', "data-path"), [twice.path]);
  const pos = cb.locate({ text: await page.inputValue("#json"), pointer: "/backupPolicy" });
  assert.equal(await text('#json-diags .diag[data-code="policy.backup-policy-twice"] .loc'), `line ${pos.line}:${pos.column}`);
  assert.equal(await page.inputValue("#f-interval"), "240");
  await page.fill("#f-interval", "360");
  now = await json();
  assert.equal(now.properties.backupPolicy.periodicModeProperties.backupIntervalInMinutes, 360);
  assert.deepEqual(now.backupPolicy, azShow().backupPolicy); // untouched
  await axe("policy, backupPolicy twice, desktop");
});

// ---------------------------------------------------------------------------------------------
// The restore view and the user's own account

test("restore: the user's periodic account replaces the demo; no point-in-time request, the periodic plan", async () => {
  const p = await open();
  await p.click("#tab-restore");
  // the demo at load: its restorable account and events
  assert.ok((await p.inputValue("#restorable")).includes("restorableDatabaseAccounts"));
  assert.ok(await p.locator("#timeline .marker.k-event").count() > 0);
  await p.click("#tab-policy");
  const mine = { type: "Microsoft.DocumentDB/databaseAccounts", name: "westy", location: "West US", kind: "GlobalDocumentDB",
    properties: { databaseAccountOfferType: "Standard", locations: [{ locationName: "West US", failoverPriority: 0 }],
      backupPolicy: { type: "Periodic", periodicModeProperties: { backupIntervalInMinutes: 240, backupRetentionIntervalInHours: 8, backupStorageRedundancy: "Geo" } } } };
  await p.fill("#now", NOW);
  await p.locator("#json").evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
  }, JSON.stringify(mine, null, 2));
  await p.click("#tab-restore");
  assert.equal(await p.inputValue("#restorable"), "");
  assert.equal(await p.inputValue("#events"), "");
  const r = cb.evaluate({ now: NOW, account: mine }).results[0];
  assert.equal(r.restoreWindow.tier, "Periodic");
  // the timeline is the account's: its region, its snapshots, no demo events or creation
  assert.deepEqual(await p.locator("#timeline .row[data-region]").evaluateAll((g) => g.map((x) => x.dataset.region)), ["West US"]);
  assert.deepEqual(await p.locator("#timeline .tick").evaluateAll((t) => t.map((x) => x.dataset.at)), r.restoreWindow.restorePoints);
  assert.equal(await p.locator("#timeline .marker.k-event, #timeline .marker.k-creation").count(), 0);
  assert.match(await p.locator("#restore-summary").textContent(), new RegExp(`^Periodic: ${r.restoreWindow.restorePoints.length} snapshots`));
  // no point-in-time request: the engine's periodic plan (a support request from the snapshot)
  assert.equal(await p.locator("#r-request-box").isVisible(), false);
  assert.equal(await p.locator("#r-request").textContent(), "");
  const target = { accountName: "westy-restored", location: "West US" };
  const plan = cb.restorePlan({ now: NOW, account: mine, plan: { timestamp: r.restoreWindow.latest, target } });
  assert.equal(plan.mode, "periodicSupportRequest");
  assert.equal(plan.accepted, true);
  assert.equal(await p.locator("#r-result").textContent(), `Periodic backup: ask Azure support to restore the snapshot of ${plan.restoreTimestamp}, before ${plan.deadline} (when it is deleted).`);
  assert.equal(await p.locator('#r-plan .cmd[data-label="Support request"] pre').textContent(), plan.supportRequest);
  assert.deepEqual(await p.locator("#r-plan li[data-step]").evaluateAll((l) => l.map((x) => x.dataset.step)), plan.steps.map((s) => s.id));
  assert.deepEqual(await p.locator("#r-diags .diag").evaluateAll((l) => l.map((x) => x.dataset.code)), plan.diagnostics.map((d) => d.code));
  // picking another snapshot plans that one
  await p.locator("#timeline .tick").first().click({ force: true });
  const first = r.restoreWindow.restorePoints[0];
  const plan2 = cb.restorePlan({ now: NOW, account: mine, plan: { timestamp: first, target } });
  assert.match(await p.locator("#r-result").textContent(), new RegExp(`snapshot of ${plan2.restoreTimestamp}`));
  await p.screenshot({ path: join(artifacts, "portal-restore-periodic.png"), fullPage: true });
  await axe("restore, periodic account, desktop", p);
  await p.context().close();
});

test("restore: a pick on every region band is judged as the engine judges the request shown", async () => {
  const p = await open();
  await p.fill("#now", NOW);
  // the demo (East US 2 and North Europe, with its restorable account), then a vector's two regions
  // three regions, added at different times (a hand-made restorable account, relative to NOW)
  const day = 86_400_000;
  const at = (d) => new Date(Date.parse(NOW) - d * day).toISOString().replace(/\.000Z$/, "Z");
  const three = ["East US 2", "North Europe", "West Europe"];
  const id = "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.DocumentDB/locations/East US 2/restorableDatabaseAccounts/3c1f0e2a-0000-4000-8000-000000000003";
  const cases = [
    ["demo", null],
    ["three regions", {
      now: NOW,
      account: { type: "Microsoft.DocumentDB/databaseAccounts", name: "tri", location: "East US 2", kind: "GlobalDocumentDB",
        properties: { databaseAccountOfferType: "Standard", locations: three.map((locationName, failoverPriority) => ({ locationName, failoverPriority })),
          backupPolicy: { type: "Continuous", continuousModeProperties: { tier: "Continuous30Days" } } } },
      restorableAccount: { id, name: "3c1f0e2a-0000-4000-8000-000000000003", location: "East US 2", type: "Microsoft.DocumentDB/locations/restorableDatabaseAccounts",
        properties: { accountName: "tri", creationTime: at(25), apiType: "Sql",
          restorableLocations: three.map((locationName, i) => ({ locationName, regionalDatabaseAccountInstanceId: `r-${i}`, creationTime: at(25 - 8 * i) })) } },
    }],
  ];
  for (const [name, sc] of cases) {
    if (sc) {
      await p.fill("#now", sc.now);
      await p.locator("#json").evaluate((el, v) => {
        el.value = v;
        el.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
      }, JSON.stringify(sc.account, null, 2));
      await p.click("#tab-restore");
      await p.fill("#restorable", JSON.stringify(sc.restorableAccount));
    } else {
      await p.click("#tab-restore");
    }
    const source = JSON.parse(await p.inputValue("#restorable"));
    const now = await p.inputValue("#now");
    const bands = p.locator("#timeline .band");
    const n = await bands.count();
    assert.ok(n >= 2, `${name}: ${n} bands`);
    const regions = await p.locator("#timeline .row[data-region]").evaluateAll((g) => g.map((x) => x.dataset.region));
    let valid = 0;
    for (let i = 0; i < n; i++) {
      for (const f of [0.1, 0.5, 0.97]) {
        const band = p.locator("#timeline .band").nth(i);
        const box = await band.boundingBox();
        await band.click({ position: { x: box.width * f, y: box.height / 2 } });
        assert.equal(await p.inputValue("#r-region"), regions[i]);
        const request = JSON.parse(await p.locator("#r-request").textContent());
        assert.equal(request.location, regions[i]);
        const answer = cb.checkRestoreRequest({ now, account: request, restorableAccount: source });
        const shown = await p.locator("#r-result").textContent();
        assert.equal(shown.startsWith("Valid"), answer.valid, `${name} ${regions[i]} at ${f}: ${shown}`);
        assert.deepEqual(await p.locator("#r-diags .diag").evaluateAll((l) => l.map((x) => x.dataset.code)), answer.diagnostics.map((d) => d.code));
        if (answer.valid) valid++;
      }
    }
    // inside a region's own band the restore is valid (its window is the region's span)
    assert.ok(valid >= n * 2, `${name}: only ${valid} valid picks`);
  }
  await p.context().close();
});

test("restore: a `now` the engine cannot read, or in the future, gets the engine's own finding", async () => {
  const p = await open();
  const acct = JSON.parse(await p.inputValue("#json"));
  await p.click("#tab-restore");
  // a date without a time is not a timestamp: the finding on `now` itself, not only "no now"
  await p.fill("#now", "2030-01-01");
  const ev = cb.evaluate({ now: "2030-01-01", account: acct });
  const onNow = ev.diagnostics.filter((d) => d.path === "/now");
  assert.ok(onNow.length > 0);
  const shown = await p.locator("#restore-diags .diag").evaluateAll((l) => l.map((x) => x.dataset.code));
  for (const d of onNow) assert.ok(shown.includes(d.code), `${d.code} shown: ${shown}`);
  // a future `now` (past the demo's events, without the demo's restorable account): the window
  // the engine computes then, and the request checked against the account, not "no now"
  await p.fill("#restorable", "");
  await p.fill("#events", "");
  const future = "2027-06-01T00:00:00Z";
  await p.fill("#now", future);
  const w = cb.evaluate({ now: future, account: acct }).results[0].restoreWindow;
  assert.ok(w, "the engine has a window");
  assert.match(await p.locator("#restore-summary").textContent(), new RegExp(`restorable from ${w.earliest} to ${w.latest}`));
  const all = await p.locator("#view-restore").innerText();
  assert.doesNotMatch(all, /has no `?now/);
  const request = JSON.parse(await p.locator("#r-request").textContent());
  const answer = cb.checkRestoreRequest({ now: future, account: acct, restoreRequest: request });
  assert.equal(answer.valid, true);
  assert.match(await p.locator("#r-result").textContent(), /^Valid/);
  await p.context().close();
});

// ---------------------------------------------------------------------------------------------
// JSON that does not parse

test("JSON that does not parse: every view clears its results and shows the error, as an error", async () => {
  await paste(await vector("pricing/op-price.json").then((s) => s.account));
  await page.click("#tab-cost");
  assert.notEqual(await text("#cost-total"), "—");
  await page.click("#tab-restore");
  assert.ok(await page.locator("#timeline svg").count());
  const bad = '{\n  "name": "x",\n  oops\n}';
  await paste(bad);
  let loc;
  try {
    cb.read(bad);
  } catch (e) {
    loc = e.diagnostics[0].location;
  }
  assert.ok(loc, "the engine names the position");
  const want = `The JSON does not parse: line ${loc.line}, column ${loc.column}.`;
  const errorColour = await page.evaluate(() => {
    const probe = document.createElement("span");
    probe.style.color = "var(--error)";
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  });
  // policy
  assert.equal(await text("#policy-summary"), want);
  assert.equal(await page.locator("#policy-summary").evaluate((e) => getComputedStyle(e).color), errorColour);
  assert.equal(await text('#json-diags .diag[data-code="input.json-syntax"] .loc'), `line ${loc.line}:${loc.column}`);
  await shot("parse-error-policy");
  await axe("policy, JSON does not parse, desktop");
  // restore: nothing of the previous account
  await page.click("#tab-restore");
  assert.equal(await text("#restore-summary"), want);
  assert.equal(await page.locator("#restore-summary").evaluate((e) => getComputedStyle(e).color), errorColour);
  for (const sel of ["#timeline", "#r-request", "#r-result", "#r-plan", "#not-restored", "#r-events"]) assert.equal(await text(sel), "", sel);
  assert.match(await text('#restore-diags .diag[data-code="input.json-syntax"]'), new RegExp(`line ${loc.line}:${loc.column}`));
  await axe("restore, JSON does not parse, desktop");
  // cost: nothing of the previous account
  await page.click("#tab-cost");
  assert.equal(await text("#cost-total"), "—");
  assert.equal(await text("#cost-restore"), "—");
  assert.equal(await page.locator("#cost-lines tbody tr, #whatif tbody tr, #project-chart svg").count(), 0);
  assert.equal(await text("#cost-account"), "");
  assert.equal(await text("#cost-diags .diag-summary"), want);
  assert.equal(await page.locator("#cost-diags .diag-summary").evaluate((e) => getComputedStyle(e).color), errorColour);
  assert.equal(await page.locator('#cost-diags .diag[data-code="input.json-syntax"].sev-error').count(), 1);
  await shot("parse-error-cost");
  await axe("cost, JSON does not parse, desktop");
});

// ---------------------------------------------------------------------------------------------
// The cost view

/** Uploads a price sheet through the file input, as a user does. */
async function upload(name, value) {
  await page.setInputFiles("#c-sheet", { name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(value)) });
  await page.waitForFunction((n) => document.querySelector("#c-sheet-name").textContent.includes(n), name);
}

test("cost: each finding once; a replace-mode EUR sheet's summary agrees with its rows and says replace", async () => {
  const sc = await vector("pricing/user-sheet-retail-api-eur.json");
  await paste(sc.account);
  await page.click("#tab-cost");
  await page.fill("#c-size", String(sc.usage.dataSizeGb));
  await page.fill("#c-restores", "0");
  await page.fill("#c-window", "7");
  await upload("eur.json", sc.priceSheet);
  const scenario = { now: NOW, account: sc.account, usage: { dataSizeGb: sc.usage.dataSizeGb }, priceSheet: sc.priceSheet };
  const cost = cb.price(scenario).results[0].cost;
  assert.equal(cost.currency, "EUR");
  assert.equal(await text("#cost-total"), `${cost.monthlyTotal} EUR`);
  // the sheet has no `mode` and is in EUR, the default sheet in USD: replace mode
  assert.equal(sc.priceSheet.mode, undefined);
  assert.match(await text("#c-sheet-name"), /only your sheet eur\.json \(replace mode, EUR\)/);
  assert.doesNotMatch(await text("#c-sheet-name"), /on top of the default sheet/);
  const wi = cb.whatIf({ scenario, requiredWindowDays: 7 });
  const rows = await page.locator("#whatif tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({ label: tr.dataset.label, meets: tr.lastElementChild.textContent, cheapest: tr.classList.contains("cheapest") })),
  );
  assert.deepEqual(rows.map((r) => r.label), wi.options.map((o) => o.label));
  // the summary names the cheapest row the engine names, and that row meets the window
  if (wi.cheapest) {
    assert.equal(await text("#whatif-summary"), `Cheapest option with a window of at least ${wi.requiredWindowDays} days: ${wi.cheapest}.`);
    assert.equal(rows.find((r) => r.cheapest).label, wi.cheapest);
    assert.equal(rows.find((r) => r.cheapest).meets, "yes");
  } else {
    assert.doesNotMatch(await text("#whatif-summary"), /^No option reaches/);
  }
  // rows meeting the window without a price say so
  const unpriced = wi.options.filter((o) => o.complete === false && o.meetsWindow);
  assert.ok(unpriced.length > 0);
  for (const o of unpriced) {
    assert.match(await page.locator(`#whatif tr[data-label="${o.label}"] .amount`).textContent(), /incomplete/);
  }
  // every finding once
  const listed = await page.locator("#cost-diags .diag").evaluateAll((l) => l.map((x) => `${x.dataset.code} ${x.dataset.path} ${x.querySelector(".message").textContent}`));
  assert.equal(new Set(listed).size, listed.length, listed.join("\n"));
  const engine = [...wi.diagnostics.map((d) => ({ ...d, path: d.path.replace(/^\/scenario/, "") }))];
  assert.equal(listed.length, new Set(engine.map((d) => `${d.code} ${d.path} ${d.message}`)).size);
  await shot("cost-eur-replace");
  await axe("cost, replace-mode EUR sheet, desktop");

  // an override sheet in the default currency: "on top of the default sheet"
  const override = (await vector("pricing/user-sheet-override.json")).priceSheet;
  await upload("mine.json", override);
  assert.match(await text("#c-sheet-name"), /your sheet mine\.json on top of the default sheet \(override mode/);
  await page.click("#c-sheet-reset");
});

test("cost: an incomplete total says it is incomplete, and which field and region", async () => {
  const sc = await vector("pricing/incomplete-region-unknown.json");
  await paste(sc.account);
  await page.click("#tab-cost");
  await page.fill("#c-size", String(sc.usage.dataSizeGb));
  const cost = cb.price({ now: NOW, account: sc.account, usage: { dataSizeGb: sc.usage.dataSizeGb } }).results[0].cost;
  assert.equal(cost.complete, false);
  assert.equal(await text("#cost-total"), `${cost.monthlyTotal} ${cost.currency} (incomplete)`);
  assert.equal(await page.locator("#cost-incomplete").isVisible(), true);
  assert.deepEqual(await attrs("#cost-incomplete li", "data-field"), cost.incomplete.map((g) => g.field));
  const items = await page.locator("#cost-incomplete li").allTextContents();
  cost.incomplete.forEach((g, i) => assert.equal(items[i], `${g.field}: ${g.reason.replaceAll("`", "")}`));
  // the region the document names, as written
  assert.match(items.join(" "), new RegExp(sc.account.properties.locations[0].locationName));
  // price, whatIf and project all report the unknown region (the last two under `/scenario`): listed once
  const missing = cb.price({ now: NOW, account: sc.account, usage: sc.usage }).results[0].diagnostics.filter((d) => d.code.startsWith("pricing."));
  assert.ok(missing.length > 0);
  const listed = await page.locator("#cost-diags .diag").evaluateAll((l) => l.map((x) => `${x.dataset.code} ${x.querySelector(".message").textContent}`));
  assert.equal(new Set(listed).size, listed.length, listed.join("\n"));
  for (const d of missing) assert.equal(listed.filter((l) => l === `${d.code} ${d.message.replaceAll("`", "")}`).length, 1, d.message);
  await shot("cost-incomplete");
  await axe("cost, incomplete total, desktop");
  await page.setViewportSize(PHONE);
  await axe("cost, incomplete total, phone");
  await page.setViewportSize(DESKTOP);
});

// ---------------------------------------------------------------------------------------------
// A template with two accounts

const twoAccounts = () => ({
  $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  contentVersion: "1.0.0.0",
  resources: [
    { type: "Microsoft.DocumentDB/databaseAccounts", apiVersion: "2024-11-15", name: "alpha", location: "East US",
      properties: { databaseAccountOfferType: "Standard", locations: [{ locationName: "East US", failoverPriority: 0 }],
        backupPolicy: { type: "Continuous", continuousModeProperties: { tier: "Continuous7Days" } } } },
    { type: "Microsoft.DocumentDB/databaseAccounts", apiVersion: "2024-11-15", name: "beta", location: "West Europe",
      properties: { databaseAccountOfferType: "Standard", locations: [{ locationName: "West Europe", failoverPriority: 0 }],
        backupPolicy: { type: "Periodic", periodicModeProperties: { backupIntervalInMinutes: 30, backupRetentionIntervalInHours: 8 } } } },
  ],
});

test("a template with two accounts: an account picker, and each account's findings labelled", async () => {
  const doc = twoAccounts();
  await paste(doc);
  assert.equal(await page.locator("#account-pick").isVisible(), true);
  assert.deepEqual(await attrs("#account-pick option", "value"), ["/resources/0", "/resources/1"]);
  assert.equal(await page.inputValue("#f-name"), "alpha");
  const ev = cb.evaluate({ now: NOW, account: doc });
  const betaErr = ev.results.find((r) => r.name === "beta").diagnostics.find((d) => d.code === "periodic.interval-below-minimum");
  assert.ok(betaErr);
  // beta's error, while alpha is in the form: listed under "Other findings" and by line, labelled beta
  const other = page.locator(`#msg-other .diag[data-code="periodic.interval-below-minimum"]`);
  assert.equal(await other.locator(".acct").textContent(), "beta: ");
  assert.equal(await page.locator(`#json-diags .diag[data-path="${betaErr.path}"] .acct`).first().textContent(), "beta: ");
  for (const r of ev.results) {
    for (const d of r.diagnostics) {
      const labels = await page.locator(`#json-diags .diag[data-path="${d.path}"][data-code="${d.code}"] .acct`).allTextContents();
      assert.ok(labels.length && labels.every((l) => l === `${r.name}: `), `${d.code} ${d.path}: ${labels}`);
    }
  }
  assert.equal(await page.locator("#msg-interval .diag").count(), 0);
  await shot("two-accounts");
  await axe("policy, two accounts, desktop");
  // picking beta: the form edits it, its error is at its field, and the other views answer for it
  await page.selectOption("#account-pick", "/resources/1");
  assert.equal(await page.inputValue("#f-name"), "beta");
  assert.equal(await page.inputValue("#f-interval"), "30");
  assert.equal(await page.locator('#msg-interval .diag[data-code="periodic.interval-below-minimum"]').count(), 1);
  await page.fill("#f-retention", "48");
  const edited = await json();
  assert.equal(edited.resources[1].properties.backupPolicy.periodicModeProperties.backupRetentionIntervalInHours, 48);
  assert.deepEqual(edited.resources[0], doc.resources[0]);
  await page.click("#tab-cost");
  assert.equal(await text("#cost-account bdi"), "beta");
  const wi = cb.whatIf({ scenario: { now: NOW, account: { ...edited, resources: [edited.resources[1]] }, usage: { dataSizeGb: Number(await page.inputValue("#c-size")) } }, requiredWindowDays: Number(await page.inputValue("#c-window")) });
  assert.equal(wi.name, "beta");
  assert.deepEqual(await attrs("#whatif tbody tr", "data-label"), wi.options.map((o) => o.label));
  assert.deepEqual(await attrs("#whatif tbody tr.current", "data-label"), wi.options.filter((o) => o.current).map((o) => o.label));
  await page.click("#tab-restore");
  assert.equal(await text("#restore-account bdi"), "beta");
  assert.match(await text("#restore-summary"), /^Periodic/);
  await axe("restore, two accounts (beta), desktop");

  // twelve accounts: the eleventh picked (index 10 sorts before 9 as text, not as a number)
  const many = { ...twoAccounts(), resources: Array.from({ length: 12 }, (_, i) => ({ ...structuredClone(twoAccounts().resources[i % 2]), name: `acct${i}` })) };
  await paste(many);
  assert.equal(await page.locator("#account-pick option").count(), 12);
  await page.selectOption("#account-pick", "/resources/10");
  assert.equal(await page.inputValue("#f-name"), "acct10");
  await page.click("#tab-cost");
  assert.equal(await text("#cost-account bdi"), "acct10");
  await page.click("#tab-restore");
  assert.equal(await text("#restore-account bdi"), "acct10");
  await page.click("#tab-policy");
});

// ---------------------------------------------------------------------------------------------
// A phone, 390 px

/** Visible text drawn smaller than 12 CSS px (SVG text scaled by its SVG's transform). */
const smallText = (p) =>
  p.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      if (el.closest(".sr, title, option") || !el.getClientRects().length) continue;
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none") continue;
      let size = parseFloat(style.fontSize);
      if (el instanceof SVGElement && el.ownerSVGElement) {
        const m = el.ownerSVGElement.getScreenCTM();
        if (m) size *= Math.hypot(m.a, m.b);
      }
      if (size < 11.95) out.push(`${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""} "${el.textContent.trim().slice(0, 30)}" ${size.toFixed(1)}px`);
    }
    return out;
  });

test("phone (390 px): timeline fits with now and events on screen, text ≥ 12 px, cost tables without sideways scroll", async () => {
  const p = await open(PHONE);
  await p.fill("#now", NOW);
  // the demo: two regions, events
  await p.click("#tab-restore");
  const vw = PHONE.width;
  const tl = await p.locator("#timeline").evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, svg: e.querySelector("svg").getBoundingClientRect().width }));
  assert.ok(tl.scroll <= tl.client, `the timeline scrolls: ${tl.scroll} > ${tl.client}`);
  for (const sel of ["#timeline .marker.k-now", "#timeline .marker.k-event", "#timeline .band"]) {
    const boxes = await p.locator(sel).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((b) => [b.left, b.right]));
    assert.ok(boxes.length > 0, sel);
    for (const [l, r] of boxes) assert.ok(l >= 0 && r <= vw, `${sel} at ${l}..${r}`);
  }
  // the scrolling region (when it must scroll) is labelled and focusable
  assert.equal(await p.getAttribute("#timeline", "role"), "region");
  assert.equal(await p.getAttribute("#timeline", "tabindex"), "0");
  assert.ok(await p.getAttribute("#timeline", "aria-label"));
  assert.deepEqual(await smallText(p), []);
  await p.screenshot({ path: join(artifacts, "portal-phone-restore.png"), fullPage: true });
  await axe("restore, demo, phone", p);
  // the cost view: Amount and Monthly on screen without scrolling sideways; projection labels ≥ 12 px
  await p.click("#tab-cost");
  for (const sel of ["#cost-lines td.amount", "#whatif td.amount"]) {
    const boxes = await p.locator(sel).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((b) => [b.left, b.right, b.width]));
    assert.ok(boxes.length > 0, sel);
    for (const [l, r, w] of boxes) assert.ok(l >= 0 && r <= vw && w > 0, `${sel} at ${l}..${r}`);
  }
  for (const wrap of await p.locator(".table-wrap").all()) {
    const { scroll, client } = await wrap.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    assert.ok(scroll <= client, `a cost table scrolls sideways: ${scroll} > ${client}`);
  }
  // the label of each value is shown beside it
  assert.equal(await p.locator("#whatif td.amount").first().evaluate((e) => getComputedStyle(e, "::before").content), '"Monthly"');
  const labels = await p.locator("#project-chart text").evaluateAll((ts) => ts.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a));
  assert.ok(labels.length >= 6 && labels.every((s) => s >= 11.95), `projection labels: ${labels}`);
  assert.deepEqual(await smallText(p), []);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await p.screenshot({ path: join(artifacts, "portal-phone-cost.png"), fullPage: true });
  await axe("cost, default, phone", p);
  await p.click("#tab-policy");
  assert.deepEqual(await smallText(p), []);
  await axe("policy, demo, phone", p);
  await p.context().close();
});

// ---------------------------------------------------------------------------------------------
// axe-core on every view, at both sizes

test("axe-core: no violation on any view, desktop and phone; a skip link leads to the content", async () => {
  const p = await open();
  // the skip link: the first Tab stop, and it moves the focus to <main>
  await p.keyboard.press("Tab");
  assert.equal(await p.evaluate(() => document.activeElement.textContent), "Skip to the content");
  assert.ok((await p.locator(".skip").boundingBox()).y >= 0, "shown when focused");
  await p.keyboard.press("Enter");
  assert.equal(await p.evaluate(() => document.activeElement.id), "main");
  await p.fill("#now", NOW);
  const states = [
    ["demo", null],
    ["policy errors", { type: "Microsoft.DocumentDB/databaseAccounts", name: "e", properties: { locations: [{ locationName: "West US 2" }], backupPolicy: { type: "Periodic", periodicModeProperties: { backupIntervalInMinutes: 30, backupRetentionIntervalInHours: 1 } } } }],
    ["migration with events", "migration"],
  ];
  for (const [name, doc] of states) {
    if (doc === "migration") {
      const m = await vector("restore/migration-gap.json");
      const feed = await vector("restore/events-in-account-feed.json");
      await p.fill("#now", m.now);
      await p.locator("#json").evaluate((el, v) => {
        el.value = v;
        el.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
      }, JSON.stringify(m.account, null, 2));
      await p.click("#tab-restore");
      await p.fill("#restorable", JSON.stringify(m.restorableAccount));
      await p.fill("#events", JSON.stringify(feed.events));
    } else if (doc) {
      await p.click("#tab-policy");
      await p.locator("#json").evaluate((el, v) => {
        el.value = v;
        el.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
      }, JSON.stringify(doc, null, 2));
    }
    for (const size of [DESKTOP, PHONE]) {
      await p.setViewportSize(size);
      for (const view of ["policy", "restore", "cost"]) {
        await p.click(`#tab-${view}`);
        await axe(`${view}, ${name}, ${size.width} px`, p);
      }
    }
    await p.setViewportSize(DESKTOP);
  }
  // a valid pick with its plan on screen (the copy buttons, the plan's commands)
  await p.click("#tab-restore");
  await p.locator(".event-pick").first().click();
  assert.ok(await p.locator("#r-plan li[data-step]").count() > 0);
  await axe("restore, plan shown, desktop", p);
  await p.setViewportSize(PHONE);
  await axe("restore, plan shown, phone", p);
  await p.screenshot({ path: join(artifacts, "portal-phone-plan.png"), fullPage: true });
  await p.context().close();
  console.log(`# axe-core runs without a violation: ${axeRuns.length}`);
  assert.ok(axeRuns.length >= 20);
});

test("the portal pages logged no errors", () => {
  assert.deepEqual(errors, []);
});
