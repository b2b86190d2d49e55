// The page: one document (the JSON pane's text) is the source of truth. The policy form reads
// from and writes into the first account in it; the restore and cost views evaluate it. Every
// rule, window and price comes from the engine (`cosmos-backup`, web build, loaded with init()).
import init, * as cb from "./pkg/cosmos_backup.js";
import { h, put, rich, diagnostic, get, set, child, key, at, iso } from "./dom.js";
import { renderRestore, demoRestorable, demoEvents, wireRestore } from "./restore.js";
import { renderCost, wireCost } from "./cost.js";

const $ = (id) => document.getElementById(id);

const state = {
  text: "",
  doc: null, // the parsed document, or null when the text is not JSON
  parseError: null, // the engine's diagnostics for text that is not JSON
  accountPtr: null, // JSON Pointer of the account the form edits, inside `doc`
  accounts: [], // every account of the document: { ptr (inside `doc`), name }
  demoFeeds: true, // the restore view's restorable account and events are the demo's
  view: "policy",
};

const demoAccount = () => ({
  type: "Microsoft.DocumentDB/databaseAccounts",
  name: "orders",
  location: "East US 2",
  kind: "GlobalDocumentDB",
  properties: {
    databaseAccountOfferType: "Standard",
    locations: [
      { locationName: "East US 2", failoverPriority: 0 },
      { locationName: "North Europe", failoverPriority: 1 },
    ],
    backupPolicy: { type: "Continuous", continuousModeProperties: { tier: "Continuous30Days" } },
    publicNetworkAccess: "Disabled",
    ipRules: [{ ipAddressOrRange: "203.0.113.0/24" }],
    consistencyPolicy: { defaultConsistencyLevel: "Session" },
  },
});

/** `{now, account, …}` rather than a bare document. */
export const isScenario = (doc) =>
  !!doc && typeof doc === "object" && !Array.isArray(doc) && "account" in doc && !key(doc, "properties");

export const now = () => $("now").value.trim();

/** The scenario to evaluate for the document, with `extra` fields (events, usage…) added. */
export function scenario(extra = {}) {
  const doc = state.doc;
  if (isScenario(doc)) return { ...extra, ...doc, now: doc.now ?? now() };
  return { now: now(), account: doc, ...extra };
}
/** Pointer prefix that turns a document pointer into a scenario pointer. */
const prefix = () => (isScenario(state.doc) ? "" : "/account");

/** The account the form edits (an object inside `state.doc`), or null. */
export const account = () => (state.doc && state.accountPtr !== null ? at(state.doc, state.accountPtr) : null);

/** Where an account's properties live, as the engine reads them: `properties` when it is an
 * object, else the account itself (`az cosmosdb show` prints them at the top level). With
 * `create`, a missing `properties` is created unless the account is written that flat way. */
export function propsOf(a, create = false) {
  const p = get(a, "properties");
  if (p && typeof p === "object" && !Array.isArray(p)) return p;
  if (key(a, "properties") === undefined) {
    const flat = ["backupPolicy", "locations", "databaseAccountOfferType", "documentEndpoint"].some((k) => key(a, k));
    if (flat || !create) return a;
  }
  return create ? child(a, "properties") : {};
}

/** The document with only the picked account kept (the others removed from their arrays), so
 * operations that answer for "the first account" (whatIf, project, restorePlan) answer for it;
 * `back` maps a pointer of that document to the same place in `state.doc`. */
export function focused() {
  const others = state.accounts.filter((x) => x.ptr !== state.accountPtr).map((x) => x.ptr);
  const same = { doc: state.doc, back: (p) => p };
  if (!others.length || state.accountPtr === null) return same;
  const doc = structuredClone(state.doc);
  const removed = []; // [parent pointer, index] of each removed account
  const cuts = others.map((ptr) => [ptr.slice(0, ptr.lastIndexOf("/")), Number(ptr.slice(ptr.lastIndexOf("/") + 1))]);
  // the highest index first (numerically: /resources/10 before /resources/9), so the indices
  // still to remove stay right
  cuts.sort((a, b) => b[1] - a[1]);
  for (const [parentPtr, index] of cuts) {
    const parent = at(doc, parentPtr);
    if (!Array.isArray(parent) || !Number.isInteger(index)) return same;
    parent.splice(index, 1);
    removed.push([parentPtr, index]);
  }
  const back = (p) => {
    for (const [parent, index] of [...removed].sort((a, b) => a[1] - b[1])) {
      if (!p.startsWith(parent + "/")) continue;
      const rest = p.slice(parent.length + 1);
      const i = Number(rest.split("/")[0]);
      if (Number.isInteger(i) && i >= index) p = `${parent}/${i + 1}${rest.slice(String(i).length)}`;
    }
    return p;
  };
  return { doc, back };
}

/** `scenario(extra)` for the picked account only (see `focused`), with its `back` mapper; the
 * mapper also drops the `/account` prefix difference, so it maps scenario pointers. */
export function focusedScenario(extra = {}) {
  const { doc, back } = focused();
  const sc = isScenario(doc) ? { ...extra, ...doc, now: doc.now ?? now() } : { now: now(), account: doc, ...extra };
  const pre = prefix();
  const mapBack = (p) => (p.startsWith(pre) && pre ? pre + back(p.slice(pre.length)) : back(p));
  return { sc, back: mapBack };
}

export const ctx = { cb, state, scenario, focusedScenario, account, now, isScenario, setStatus, parseErrorView };

// ---------------------------------------------------------------------------------------------
// The document

function setText(text, { fromForm = false } = {}) {
  state.text = text;
  if (!fromForm && $("json").value !== text) $("json").value = text;
  try {
    JSON.parse(text);
    state.doc = JSON.parse(text);
    state.parseError = null;
  } catch {
    state.doc = null;
    try {
      cb.read(text); // the engine names the position
      state.parseError = [];
    } catch (e) {
      state.parseError = e.diagnostics ?? [{ code: e.code, severity: "error", path: "", message: e.message, help: "" }];
    }
  }
  const picked = state.accountPtr;
  state.accountPtr = null;
  state.accounts = [];
  if (state.doc !== null) {
    try {
      // in a scenario, the account is the document at /account
      const base = isScenario(state.doc) ? "/account" : "";
      const found = cb.read(isScenario(state.doc) ? state.doc.account : state.doc).filter((f) => f.kind === "account");
      state.accounts = found.map((f, i) => {
        const ptr = base + f.path;
        const name = get(at(state.doc, ptr), "name");
        return { ptr, name: typeof name === "string" && name ? name : `account ${i + 1}` };
      });
      state.accountPtr = (state.accounts.find((x) => x.ptr === picked) ?? state.accounts[0])?.ptr ?? null;
    } catch {
      /* not a document: evaluate reports it */
    }
  }
  fillAccountPicker();
  if (!fromForm) fillForm();
  render();
}

/** The account picker: shown when the document holds two or more accounts. */
function fillAccountPicker() {
  const many = state.accounts.length > 1;
  $("account-pick-field").hidden = !many;
  put($("account-pick"), many ? state.accounts.map((x) => h("option", { value: x.ptr }, `${x.name} (${x.ptr || "/"})`)) : null);
  if (many) $("account-pick").value = state.accountPtr;
}

function writeDoc() {
  const text = JSON.stringify(state.doc, null, 2);
  $("json").value = text;
  setText(text, { fromForm: true });
}

// ---------------------------------------------------------------------------------------------
// The form

const fields = ["name", "mode", "interval", "retention", "redundancy", "tier", "regions", "api", "mrw", "analytical"];

function fillForm() {
  const a = account();
  const p = propsOf(a);
  const bp = get(p, "backupPolicy") ?? {};
  const per = get(bp, "periodicModeProperties") ?? {};
  const con = get(bp, "continuousModeProperties") ?? {};
  const str = (v) => (v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
  $("f-name").value = str(get(a, "name"));
  setSelect($("f-mode"), str(get(bp, "type")));
  $("f-interval").value = str(get(per, "backupIntervalInMinutes"));
  $("f-retention").value = str(get(per, "backupRetentionIntervalInHours"));
  setSelect($("f-redundancy"), str(get(per, "backupStorageRedundancy")));
  setSelect($("f-tier"), str(get(con, "tier")));
  const locs = get(p, "locations");
  $("f-regions").value = Array.isArray(locs) ? locs.map((l) => str(get(l, "locationName"))).join(", ") : str(locs);
  setSelect($("f-api"), apiOf(a));
  $("f-mrw").checked = truthy(get(p, "enableMultipleWriteLocations"));
  $("f-analytical").checked = truthy(get(p, "enableAnalyticalStorage"));
  showModeFields();
}

const truthy = (v) => v === true || (typeof v === "string" && v.toLowerCase() === "true");

/** Selects `value`; a value the list lacks is added (marked) so the form shows what the JSON says. */
function setSelect(sel, value) {
  for (const o of sel.querySelectorAll("option[data-extra]")) o.remove();
  if (![...sel.options].some((o) => o.value === value)) {
    sel.append(h("option", { value, "data-extra": "" }, `${value} (from the JSON)`));
  }
  sel.value = value;
}

function apiOf(a) {
  let api = "sql";
  try {
    api = cb.evaluate({ now: now() || undefined, account: a ?? {} }).results[0]?.api ?? "sql";
  } catch {
    /* keep the default */
  }
  // the engine's name (`mongoDb`), as its schema lists it; setSelect marks one the form lacks
  return api;
}

function showModeFields() {
  const mode = $("f-mode").value.toLowerCase();
  for (const el of document.querySelectorAll(".periodic-only")) el.hidden = mode === "continuous";
  for (const el of document.querySelectorAll(".continuous-only")) el.hidden = mode === "periodic";
}

/** A number when the text is an integer, else the text itself (the engine reports it). */
const numeric = (text) => (text.trim() === "" ? undefined : /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text);

function formChanged(field) {
  if (state.doc === null && state.parseError) {
    setStatus("Fix the JSON first: the form edits the account in it");
    return;
  }
  if (account() === null) {
    state.doc = demoAccount();
    delete state.doc.properties.ipRules;
    state.accountPtr = "";
  }
  const a = account();
  const p = propsOf(a, true);
  // a top-level `backupPolicy` beside `properties` that lacks one (Azure ignores it): the form's
  // edit moves it into `properties`, so the document never holds two
  if (p !== a && key(a, "backupPolicy") && !key(p, "backupPolicy") && /^(mode|interval|retention|redundancy|tier)$/.test(field)) {
    set(p, "backupPolicy", get(a, "backupPolicy"));
    set(a, "backupPolicy", undefined);
  }
  const bp = () => child(p, "backupPolicy");
  switch (field) {
    case "name":
      set(a, "name", $("f-name").value);
      break;
    case "mode": {
      const mode = $("f-mode").value;
      set(bp(), "type", mode || undefined);
      // switching modes drops the other mode's properties, as the portal does
      if (mode === "Continuous") set(bp(), "periodicModeProperties", undefined);
      if (mode === "Periodic") set(bp(), "continuousModeProperties", undefined);
      break;
    }
    case "interval":
      set(child(bp(), "periodicModeProperties"), "backupIntervalInMinutes", numeric($("f-interval").value));
      break;
    case "retention":
      set(child(bp(), "periodicModeProperties"), "backupRetentionIntervalInHours", numeric($("f-retention").value));
      break;
    case "redundancy":
      set(child(bp(), "periodicModeProperties"), "backupStorageRedundancy", $("f-redundancy").value || undefined);
      break;
    case "tier":
      set(child(bp(), "continuousModeProperties"), "tier", $("f-tier").value || undefined);
      break;
    case "regions": {
      const old = Array.isArray(get(p, "locations")) ? get(p, "locations") : [];
      const names = $("f-regions").value.split(",").map((r) => r.trim()).filter(Boolean);
      set(
        p,
        "locations",
        names.map((n, i) => {
          const prev = old.find((l) => String(get(l, "locationName")) === n);
          const loc = prev ? { ...prev } : { locationName: n };
          set(loc, "failoverPriority", i);
          return loc;
        }),
      );
      if (names[0] && key(a, "location")) set(a, "location", names[0]);
      break;
    }
    case "api": {
      const api = $("f-api").value;
      set(a, "kind", api === "mongoDb" ? "MongoDB" : "GlobalDocumentDB");
      const caps = (Array.isArray(get(p, "capabilities")) ? get(p, "capabilities") : []).filter(
        (c) => !/^Enable(Cassandra|Gremlin|Table)$/i.test(String(get(c, "name"))),
      );
      const cap = { cassandra: "EnableCassandra", gremlin: "EnableGremlin", table: "EnableTable" }[api];
      if (cap) caps.push({ name: cap });
      set(p, "capabilities", caps.length ? caps : undefined);
      break;
    }
    case "mrw":
      set(p, "enableMultipleWriteLocations", $("f-mrw").checked);
      break;
    case "analytical":
      set(p, "enableAnalyticalStorage", $("f-analytical").checked);
      break;
  }
  if (field === "mode") showModeFields();
  writeDoc();
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** Which form field a diagnostic belongs to, from its path relative to the account. */
function fieldOf(rel) {
  if (/\/backupIntervalInMinutes$/i.test(rel)) return "interval";
  if (/\/backupRetentionIntervalInHours$/i.test(rel)) return "retention";
  if (/\/backupStorageRedundancy$/i.test(rel)) return "redundancy";
  if (/\/continuousModeProperties(\/tier)?$/i.test(rel)) return "tier";
  // `/properties` is absent in the flat `az cosmosdb show` shape
  if (/^(\/properties)?\/backupPolicy(\/type|\/migrationState.*)?$/i.test(rel)) return "mode";
  if (/^(\/properties)?\/locations/i.test(rel) || /^\/location$/i.test(rel)) return "regions";
  if (/^\/kind$/i.test(rel) || /^(\/properties)?\/capabilities/i.test(rel)) return "api";
  if (/\/enableMultipleWriteLocations$/i.test(rel)) return "mrw";
  if (/\/enableAnalyticalStorage$/i.test(rel)) return "analytical";
  if (/^\/name$/i.test(rel)) return "name";
  return "other";
}

function render() {
  renderPolicy();
  if (state.view === "restore") renderRestore(ctx);
  if (state.view === "cost") renderCost(ctx);
}

function renderPolicy() {
  const byField = Object.fromEntries([...fields, "other"].map((f) => [f, []]));
  const pinned = []; // [diagnostic, {line, column} | null, account name | null]
  let summary = "";
  let bad = false;
  let name = "";
  if (state.doc === null) {
    for (const d of state.parseError ?? []) {
      pinned.push([d, d.location ?? null, null]);
      byField.other.push([d, null]);
    }
    summary = parseSummary();
    bad = true;
  } else {
    let ev;
    try {
      ev = cb.evaluate(scenario());
    } catch (e) {
      for (const d of e.diagnostics ?? []) pinned.push([d, null, null]);
      byField.other.push(...(e.diagnostics ?? []).map((d) => [d, null]));
      bad = true;
    }
    if (ev) {
      const pre = prefix();
      const accountFull = state.accountPtr === null ? null : (isScenario(state.doc) ? "" : pre) + state.accountPtr;
      const inside = (path, base) => path.startsWith(base) && (path.length === base.length || path[base.length] === "/");
      // each account's findings carry its name when the document holds several
      const many = ev.results.length > 1;
      const all = [
        ...ev.diagnostics.map((d) => [d, null]),
        ...ev.results.flatMap((r) => r.diagnostics.map((d) => [d, many ? r.name ?? r.path : null])),
      ];
      all.forEach(([d, label]) => {
        let pos = null;
        if (d.path.startsWith(pre)) {
          try {
            pos = cb.locate({ text: state.text, pointer: d.path.slice(pre.length) });
          } catch {
            pos = null;
          }
        }
        pinned.push([d, pos, label]);
        if (accountFull !== null && inside(d.path, accountFull)) {
          let f = fieldOf(d.path.slice(accountFull.length));
          // a finding on the whole periodicModeProperties object (a value left out) goes next to
          // the first of its fields that the document leaves out
          if (/\/periodicModeProperties$/i.test(d.path)) {
            const per = get(propsOf(account()), "backupPolicy", "periodicModeProperties") ?? {};
            const names = { interval: "backupIntervalInMinutes", retention: "backupRetentionIntervalInHours", redundancy: "backupStorageRedundancy" };
            f = Object.keys(names).find((k) => get(per, names[k]) === undefined) ?? "mode";
          }
          byField[f].push([d, f === "other" ? label : null]);
        } else if (d.code !== "scenario.now-missing") {
          byField.other.push([d, label]);
        }
      });
      const { errors, warnings, infos } = ev.summary;
      const r = ev.results.find((x) => accountFull !== null && x.path === accountFull) ?? ev.results[0];
      name = r?.name ?? "";
      bad = errors > 0;
      summary =
        (errors ? `${errors} error${errors > 1 ? "s" : ""}` : "No errors") +
        `, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} note${infos === 1 ? "" : "s"}` +
        (ev.results.length > 1 ? ` across ${ev.results.length} accounts` : "") +
        (r?.effectivePolicy ? ` · effective policy${many ? ` of ${r.name}` : ""}: ${describePolicy(r.effectivePolicy)}` : "");
    }
  }
  put($("policy-summary"), summary);
  $("policy-summary").className = "summary " + (bad ? "bad" : "good");
  put($("policy-account"), name ? h("span", {}, "· ", h("bdi", { class: "user" }, name)) : "");
  for (const f of [...fields, "other"]) {
    const box = $("msg-" + f);
    const list = byField[f];
    put(box, list.length ? h("ul", { class: "diag-list" }, list.map(([d, label]) => diagnostic(d, accountTag(label)))) : null);
    const input = $("f-" + f);
    if (input) input.setAttribute("aria-invalid", list.some(([d]) => d.severity === "error") ? "true" : "false");
    box.closest(".field").classList.toggle("has-error", list.some(([d]) => d.severity === "error"));
  }
  $("msg-other").closest(".field").hidden = byField.other.length === 0;
  renderJsonDiags(pinned);
}

/** "The JSON does not parse: line L, column C." from the engine's syntax finding. */
function parseSummary() {
  const loc = (state.parseError ?? []).find((d) => d.location)?.location;
  return `The JSON does not parse${loc ? `: line ${loc.line}, column ${loc.column}` : ""}.`;
}

/** What the restore and cost views show while the JSON does not parse: the summary (styled as
 * an error) and the engine's syntax findings, each with its line:column. */
function parseErrorView() {
  return {
    summary: parseSummary(),
    list: (state.parseError ?? []).map((d) =>
      diagnostic(d, d.location ? h("span", { class: "loc-text" }, `line ${d.location.line}:${d.location.column} `) : null),
    ),
  };
}

/** The account a finding belongs to, as a label before its message (null: no label). */
const accountTag = (label) => (label ? h("span", { class: "acct" }, h("bdi", { class: "user" }, label), ": ") : null);

const describePolicy = (p) =>
  p.type === "Periodic"
    ? `Periodic, every ${p.backupIntervalInMinutes ?? "?"} min, kept ${p.backupRetentionIntervalInHours ?? "?"} h, ${p.backupStorageRedundancy ?? "?"} redundancy`
    : p.type === "Continuous"
      ? `Continuous, ${p.tier ?? "?"}`
      : String(p.type ?? "unknown");

function renderJsonDiags(pinned) {
  pinned.sort((a, b) => (a[1]?.line ?? 0) - (b[1]?.line ?? 0));
  const lines = state.text.split("\n").length;
  const sevByLine = new Map();
  const rank = { error: 3, warning: 2, info: 1 };
  for (const [d, pos] of pinned) {
    if (!pos) continue;
    if ((rank[d.severity] ?? 0) > (rank[sevByLine.get(pos.line)] ?? 0)) sevByLine.set(pos.line, d.severity);
  }
  const gutter = [];
  for (let i = 1; i <= lines; i++) {
    const sev = sevByLine.get(i);
    gutter.push(h("span", { class: sev ? `ln sev-${sev}` : "ln" }, sev ? "● " : "", String(i)), "\n");
  }
  put($("gutter"), gutter);
  if (!pinned.length) return put($("json-diags"), h("li", { class: "hint" }, "No findings."));
  put(
    $("json-diags"),
    pinned.map(([d, pos, label]) =>
      diagnostic(d, [
        // the visible text is the button's name; the title says what it does
        h(
          "button",
          { type: "button", class: "loc", title: pos ? `go to line ${pos.line}, column ${pos.column}` : "go to the start", onclick: () => goTo(pos) },
          pos ? `line ${pos.line}:${pos.column}` : "document",
        ),
        accountTag(label),
      ]),
    ),
  );
}

function goTo(pos) {
  const ta = $("json");
  const lines = state.text.split("\n");
  const line = pos?.line ?? 1;
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
  offset += Math.max(0, (pos?.column ?? 1) - 1);
  ta.focus();
  ta.setSelectionRange(offset, offset);
  const lh = parseFloat(getComputedStyle(ta).lineHeight) || 18;
  ta.scrollTop = Math.max(0, (line - 4) * lh);
}

/** The user's own document replaces the demo's: the demo restorable account and events, which
 * describe the demo account only, go with it (never a timeline of another account). */
function dropDemoFeeds() {
  if (!state.demoFeeds) return;
  state.demoFeeds = false;
  $("restorable").value = "";
  $("events").value = "";
  setStatus("Your document: the demo restorable account and events were removed (paste yours on the restore view)");
}

export function setStatus(text) {
  put($("status"), text);
}

// ---------------------------------------------------------------------------------------------
// Tabs

function selectTab(view, focus = false) {
  state.view = view;
  for (const t of document.querySelectorAll('[role="tab"]')) {
    const on = t.id === "tab-" + view;
    t.setAttribute("aria-selected", String(on));
    t.tabIndex = on ? 0 : -1;
    if (on && focus) t.focus();
    $(t.getAttribute("aria-controls")).hidden = !on;
  }
  render();
}

function wireTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  tabs.forEach((t, i) => {
    t.addEventListener("click", () => selectTab(t.id.slice(4)));
    t.addEventListener("keydown", (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (step) {
        e.preventDefault();
        selectTab(tabs[(i + step + tabs.length) % tabs.length].id.slice(4), true);
      } else if (e.key === "Home" || e.key === "End") {
        e.preventDefault();
        selectTab(tabs[e.key === "Home" ? 0 : tabs.length - 1].id.slice(4), true);
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Start

// ---------------------------------------------------------------------------------------------
// Enum lists: from the engine's schema bundle (the npm package's schema.json), never restated here

/** The values of an enum of the schema (`$defs.Api`: `oneOf` of `const`s), with descriptions. */
export const enumOf = (schema, name) =>
  (schema.$defs[name]?.oneOf ?? []).map((v) => ({ value: v.const, description: v.description ?? v.const }));

/** APIs the account form can write (`kind` and a capability): a databaseAccounts API, not a
 * PostgreSQL cluster or an API the engine cannot name. */
const formApis = new Set(["sql", "mongoDb", "cassandra", "gremlin", "table"]);

function fillEnums(schema) {
  const fill = (id, values, label = (v) => v.value) => {
    const sel = $(id);
    for (const o of [...sel.options].filter((o) => o.value !== "")) o.remove();
    for (const v of values) sel.append(h("option", { value: v.value, title: v.description }, label(v)));
  };
  fill("f-mode", enumOf(schema, "PolicyType"));
  fill("f-redundancy", enumOf(schema, "Redundancy"));
  fill("f-tier", enumOf(schema, "Tier"));
  // "API for MongoDB (RU)." → "MongoDB (RU)"
  const apiLabel = (v) => v.description.replace(/^API for /, "").replace(/ \(formerly SQL\)/, "").replace(/\.$/, "");
  fill("f-api", enumOf(schema, "Api").filter((v) => formApis.has(v.value)), apiLabel);
}

async function main() {
  try {
    await init();
    fillEnums(await (await fetch(new URL("./pkg/schema.json", import.meta.url))).json());
  } catch (e) {
    setStatus(`The engine did not load: ${e.message}`);
    return;
  }
  $("now").value = iso(Math.floor(Date.now() / 60000) * 60000);
  $("restorable").value = JSON.stringify(demoRestorable(now()), null, 2);
  $("events").value = JSON.stringify(demoEvents(now()), null, 2);
  $("policy-form").addEventListener("submit", (e) => e.preventDefault());
  for (const f of fields) {
    const el = $("f-" + f);
    el.addEventListener(el.tagName === "SELECT" || el.type === "checkbox" ? "change" : "input", () => formChanged(f));
  }
  $("json").addEventListener("input", () => {
    dropDemoFeeds();
    setText($("json").value);
  });
  $("account-pick").addEventListener("change", () => {
    state.accountPtr = $("account-pick").value;
    fillForm();
    render();
  });
  // the timeline and the projection are drawn at the width they are shown at
  let width = innerWidth;
  addEventListener("resize", () => {
    if (innerWidth === width) return;
    width = innerWidth;
    render();
  });
  $("json").addEventListener("scroll", () => ($("gutter").scrollTop = $("json").scrollTop));
  $("now").addEventListener("input", render);
  for (const id of ["restorable", "events"]) {
    $(id).addEventListener("input", () => {
      state.demoFeeds = false; // the user's own now
      render();
    });
  }
  wireTabs();
  wireRestore(ctx);
  wireCost(ctx);
  setText(JSON.stringify(demoAccount(), null, 2));
  setStatus(`Engine ready (cosmos-backup, ${cb.operations().length} operations)`);
  document.body.dataset.ready = "true";
  window.__cosmosBackup = { cb, state, render, setText, selectTab };
}

main();
