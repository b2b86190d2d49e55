// The cost view: the engine's breakdown (price), the what-if comparison (whatIf) and a 12-month
// projection (project). Amounts are the engine's decimal strings, shown as they come.
import { h, s, put, rich, diagnostic, get } from "./dom.js";

const $ = (id) => document.getElementById(id);
const sheet = { value: undefined, name: "" };

/** A number for plain decimal text, else the text (the engine reports what is wrong with it). */
const amount = (text) => {
  const t = text.trim();
  if (t === "") return undefined;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : t;
};

/** The scenario priced: the picked account only (whatIf and project answer for "the first
 * account"), with the form's usage and sheet; `back` maps its pointers to the document's. */
export function costScenario(ctx) {
  const usage = { dataSizeGb: amount($("c-size").value) };
  const restores = amount($("c-restores").value);
  if (restores !== undefined && restores !== 0) usage.restoresPerMonth = restores;
  const extra = { usage };
  if (sheet.value !== undefined) extra.priceSheet = sheet.value;
  const { sc, back } = ctx.focusedScenario(extra);
  // the form's data size and sheet win over a scenario's own
  sc.usage = usage;
  if (sheet.value !== undefined) sc.priceSheet = sheet.value;
  return { sc, back };
}

/** Empties every result of the view (nothing of a previous document stays on screen). */
function clearCost(list) {
  for (const id of ["cost-total", "cost-restore"]) put($(id), "—");
  for (const id of ["cost-account", "cost-notes", "whatif-summary", "project-summary", "project-chart"]) put($(id));
  for (const id of ["cost-lines", "whatif"]) put($(id).tBodies[0]);
  $("cost-incomplete").hidden = true;
  put($("cost-diags"), list);
}

export function renderCost(ctx) {
  const { cb, state } = ctx;
  if (state.doc === null) {
    const { summary, list } = ctx.parseErrorView();
    clearCost([h("li", { class: "diag-summary bad" }, summary), ...list]);
    return;
  }
  const { sc, back } = costScenario(ctx);
  const diags = [];
  // whatIf and project name scenario pointers under `/scenario`: the same finding as price's
  const keep = (ds, under = "") =>
    diags.push(...(ds ?? []).map((d) => ({ ...d, path: back(under && d.path.startsWith(under) ? d.path.slice(under.length) : d.path) })));
  const call = (op, input, under = "") => {
    try {
      const out = cb[op](input);
      keep(out.diagnostics, under);
      return out;
    } catch (e) {
      keep(e.diagnostics, under);
      return null;
    }
  };

  // breakdown
  const priced = call("price", sc);
  const r = priced?.results?.[0];
  keep(r?.diagnostics);
  put($("cost-account"), r?.name ? h("span", {}, "· ", h("bdi", { class: "user" }, r.name)) : "");
  const c = r?.cost;
  // an incomplete total understates: it says so, and which value or price it lacks
  const partial = c && c.complete === false;
  put($("cost-total"), c ? `${c.monthlyTotal} ${c.currency}${partial ? " (incomplete)" : ""}` : "—");
  put($("cost-restore"), c ? `${c.perRestore} ${c.currency}${partial ? " (incomplete)" : ""}` : "—");
  $("cost-incomplete").hidden = !partial;
  put(
    $("cost-incomplete"),
    partial
      ? [
          "Incomplete: the total leaves out or assumes ",
          h("ul", {}, (c.incomplete ?? []).map((g) => h("li", { "data-field": g.field, "data-path": back(g.path) }, h("code", {}, g.field), ": ", rich(g.reason)))),
        ]
      : null,
  );
  put(
    $("cost-lines").tBodies[0],
    (c?.lines ?? []).map((l) =>
      h(
        "tr",
        { "data-kind": l.kind },
        h("td", { "data-label": "What" }, label(l.kind), l.meter ? h("span", { class: "meter" }, l.meter) : null),
        h("td", { "data-label": "Region" }, l.region),
        h("td", { class: "num", "data-label": "Quantity" }, `${l.quantity} ${l.unit}`),
        h("td", { class: "num", "data-label": "Unit price" }, `${l.unitPrice} ${l.currency}`),
        h("td", { class: "num amount", "data-label": "Amount" }, `${l.amount} ${l.currency}`),
      ),
    ),
  );
  put($("cost-notes"), (c?.notes ?? []).map((n) => h("li", {}, rich(n))));
  if (sheet.value !== undefined && c) sheetWording(cb, sc, c.currency);

  // what-if
  const windowDays = amount($("c-window").value);
  const wi = call("whatIf", { scenario: sc, ...(windowDays !== undefined ? { requiredWindowDays: windowDays } : {}) }, "/scenario");
  const opts = wi?.options ?? [];
  const max = Math.max(1, ...opts.map((o) => Number(o.monthlyTotal) || 0));
  // the engine's `cheapest` is among the available, fully priced options meeting the window:
  // when it is null, say which of those reasons it is (a row may meet the window unpriced)
  const meeting = opts.filter((o) => o.available !== false && o.meetsWindow !== false);
  const unpriced = meeting.filter((o) => o.complete === false).map((o) => o.label);
  const days = wi?.requiredWindowDays;
  put(
    $("whatif-summary"),
    !wi
      ? ""
      : wi.cheapest
        ? days
          ? `Cheapest option with a window of at least ${days} days: ${wi.cheapest}.`
          : `Cheapest option: ${wi.cheapest}.`
        : unpriced.length
          ? `No fully priced option${days ? ` reaches a window of ${days} days` : ""}: ${unpriced.join(", ")} ${unpriced.length === 1 ? "lacks a price" : "lack prices"} in the sheet.`
          : days
            ? `No option reaches a window of ${days} days.`
            : "",
  );
  put(
    $("whatif").tBodies[0],
    opts.map((o) =>
      h(
        "tr",
        {
          "data-label": o.label,
          class: [o.current ? "current" : "", wi.cheapest === o.label ? "cheapest" : "", o.available === false ? "unavailable" : ""].join(" ").trim(),
        },
        h(
          "th",
          { scope: "row", "data-label": "Option" },
          o.label,
          o.current ? h("span", { class: "badge" }, " current") : null,
          wi.cheapest === o.label ? h("span", { class: "badge ok" }, " cheapest") : null,
          o.available === false ? h("span", { class: "badge" }, " not available") : null,
        ),
        h("td", { "data-label": "Window" }, o.windowDays !== undefined ? `${o.windowDays} days` : ""),
        h("td", { "data-label": "Restore" }, o.restore === "supportRequest" ? "support request" : o.restore === "selfService" ? "self-service" : (o.restore ?? "")),
        h(
          "td",
          { class: "num amount", "data-label": "Monthly" },
          s("svg", { class: "bar", viewBox: "0 0 100 10", "aria-hidden": "true" }, s("rect", { x: 0, y: 1, height: 8, width: ((Number(o.monthlyTotal) || 0) / max) * 100 })),
          ` ${o.monthlyTotal} ${wi.currency}`,
          o.complete === false ? h("span", { class: "badge" }, " incomplete: a price is missing") : null,
        ),
        h("td", { class: "num", "data-label": "Per restore" }, `${o.perRestore} ${wi.currency}`),
        h("td", { "data-label": "Meets window" }, o.meetsWindow === undefined || o.meetsWindow === null ? "" : o.meetsWindow ? "yes" : "no"),
      ),
    ),
  );

  // projection
  const growth = amount($("c-growth").value);
  const pr = call("project", { scenario: sc, months: 12, growth: { type: "linear", gbPerMonth: growth ?? 0 } }, "/scenario");
  put($("project-summary"), pr?.months?.length ? `12 months: ${pr.total} ${pr.currency} in total.` : "");
  drawProjection(pr);
  put($("cost-diags"), dedupe(diags).map((d) => diagnostic(d)));
}

/** price, whatIf and project each report the scenario's findings: list each once. */
const dedupe = (ds) => {
  const seen = new Set();
  return ds.filter((d) => {
    const k = `${d.code} ${d.severity} ${d.path} ${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

const label = (kind) =>
  ({
    continuousBackupStorage: "Continuous backup storage",
    periodicBackupStorage: "Periodic backup storage (copies beyond the 2 free)",
    restore: "Restore",
  })[kind] ?? kind;

function drawProjection(pr) {
  const months = pr?.months ?? [];
  if (!months.length) return put($("project-chart"));
  // drawn at the width it is shown at (one unit = one CSS pixel): labels keep 12 px on a phone
  const W = Math.max(300, Math.floor($("project-chart").clientWidth || 960));
  const narrow = W < 600;
  const H = narrow ? 220 : 300;
  const L = 96;
  const B = 36;
  const T = 24;
  const max = Math.max(1, ...months.map((m) => Number(m.monthlyTotal) || 0));
  const bw = (W - L - 10) / months.length;
  const y = (v) => T + (1 - v / max) * (H - T - B);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-labelledby": "pj-title", class: "projection" });
  // month labels: every one when they fit, else every other or third
  const every = Math.ceil(34 / bw);
  svg.append(s("title", { id: "pj-title" }, `Monthly backup cost over ${months.length} months, ${pr.currency}`));
  const axis = s("g", { class: "axis" });
  for (const v of [0, max / 2, max]) {
    axis.append(s("line", { class: "grid", x1: L, x2: W - 10, y1: y(v), y2: y(v) }));
    axis.append(s("text", { x: L - 8, y: y(v) + 4, "text-anchor": "end" }, `${v.toFixed(2)} ${pr.currency}`));
  }
  svg.append(axis);
  months.forEach((m, i) => {
    const v = Number(m.monthlyTotal) || 0;
    const g = s("g", { class: "month", "data-month": m.month, "data-total": m.monthlyTotal });
    g.append(s("title", {}, `month ${m.month}: ${m.monthlyTotal} ${pr.currency}, ${m.dataSizeGb} GB in ${m.regions.join(", ")}`));
    g.append(s("rect", { x: L + i * bw + bw * 0.15, y: y(v), width: bw * 0.7, height: Math.max(0, H - B - y(v)) }));
    if ((m.month - 1) % every === 0) g.append(s("text", { x: L + i * bw + bw / 2, y: H - B + 18, "text-anchor": "middle" }, `M${m.month}`));
    if (!narrow) g.append(s("text", { class: "value", x: L + i * bw + bw / 2, y: y(v) - 5, "text-anchor": "middle" }, m.monthlyTotal));
    svg.append(g);
  });
  put($("project-chart"), svg);
}

/** Says how the user's sheet is used, by the engine's rule: its `mode` when it has one, else
 * `replace` when its currency differs from the default sheet's (then only its prices count). */
function sheetWording(cb, sc, currency) {
  const given = typeof get(sheet.value, "mode") === "string" ? get(sheet.value, "mode").toLowerCase() : null;
  let replace = given === "replace";
  if (given === null) {
    let base = null;
    try {
      base = cb.price({ ...sc, priceSheet: undefined }).results[0]?.cost?.currency ?? null;
    } catch {
      base = null;
    }
    replace = base !== null && base !== currency;
  }
  const name = h("bdi", { class: "user" }, sheet.name);
  put(
    $("c-sheet-name"),
    replace
      ? ["Prices: only your sheet ", name, ` (replace mode, ${currency}): a price it lacks is missing, not taken from the default sheet.`]
      : ["Prices: your sheet ", name, " on top of the default sheet (override mode: its prices replace the default ones they name)."],
  );
}

export function wireCost(ctx) {
  for (const id of ["c-size", "c-restores", "c-window", "c-growth"]) $(id).addEventListener("input", () => renderCost(ctx));
  $("c-sheet").addEventListener("change", () => {
    const file = $("c-sheet").files?.[0];
    if (!file) return;
    const reader = new FileReader(); // read locally: the file never leaves the page
    reader.onload = () => {
      try {
        sheet.value = JSON.parse(String(reader.result));
        sheet.name = file.name;
      } catch (e) {
        sheet.value = undefined;
        put($("c-sheet-name"), "Not JSON: ", h("bdi", { class: "user" }, file.name), ` (${e.message}). Prices: the default sheet.`);
      }
      renderCost(ctx);
    };
    reader.readAsText(file);
  });
  $("c-sheet-reset").addEventListener("click", () => {
    sheet.value = undefined;
    $("c-sheet").value = "";
    put($("c-sheet-name"), "Prices: the default sheet.");
    renderCost(ctx);
  });
}
