// The cost view: the engine's breakdown (price), the what-if comparison (whatIf) and a 12-month
// projection (project). Amounts are the engine's decimal strings, shown as they come.
import { h, s, put, rich, diagnostic } from "./dom.js";

const $ = (id) => document.getElementById(id);
const sheet = { value: undefined, name: "" };

/** A number for plain decimal text, else the text (the engine reports what is wrong with it). */
const amount = (text) => {
  const t = text.trim();
  if (t === "") return undefined;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : t;
};

export function costScenario(ctx) {
  const usage = { dataSizeGb: amount($("c-size").value) };
  const restores = amount($("c-restores").value);
  if (restores !== undefined && restores !== 0) usage.restoresPerMonth = restores;
  const extra = { usage };
  if (sheet.value !== undefined) extra.priceSheet = sheet.value;
  const sc = ctx.scenario(extra);
  // the form's data size and sheet win over a scenario's own
  sc.usage = usage;
  if (sheet.value !== undefined) sc.priceSheet = sheet.value;
  return sc;
}

export function renderCost(ctx) {
  const { cb, state } = ctx;
  if (state.doc === null) {
    put($("cost-total"), "—");
    return;
  }
  const sc = costScenario(ctx);
  const diags = [];
  const call = (op, input) => {
    try {
      return cb[op](input);
    } catch (e) {
      diags.push(...(e.diagnostics ?? []));
      return null;
    }
  };

  // breakdown
  const priced = call("price", sc);
  const r = priced?.results?.[0];
  diags.push(...(priced?.diagnostics ?? []), ...(r?.diagnostics ?? []));
  put($("cost-account"), r?.name ? h("span", {}, "· ", h("bdi", { class: "user" }, r.name)) : "");
  const c = r?.cost;
  put($("cost-total"), c ? `${c.monthlyTotal} ${c.currency}` : "—");
  put($("cost-restore"), c ? `${c.perRestore} ${c.currency}` : "—");
  put(
    $("cost-lines").tBodies[0],
    (c?.lines ?? []).map((l) =>
      h(
        "tr",
        { "data-kind": l.kind },
        h("td", {}, label(l.kind), l.meter ? h("span", { class: "meter" }, l.meter) : null),
        h("td", {}, l.region),
        h("td", { class: "num" }, `${l.quantity} ${l.unit}`),
        h("td", { class: "num" }, `${l.unitPrice} ${l.currency}`),
        h("td", { class: "num amount" }, `${l.amount} ${l.currency}`),
      ),
    ),
  );
  put($("cost-notes"), (c?.notes ?? []).map((n) => h("li", {}, rich(n))));

  // what-if
  const windowDays = amount($("c-window").value);
  const wi = call("whatIf", { scenario: sc, ...(windowDays !== undefined ? { requiredWindowDays: windowDays } : {}) });
  diags.push(...(wi?.diagnostics ?? []));
  const opts = wi?.options ?? [];
  const max = Math.max(1, ...opts.map((o) => Number(o.monthlyTotal) || 0));
  put(
    $("whatif-summary"),
    wi
      ? wi.cheapest
        ? `Cheapest option with a window of at least ${wi.requiredWindowDays} days: ${wi.cheapest}.`
        : wi.requiredWindowDays
          ? `No option reaches a window of ${wi.requiredWindowDays} days.`
          : ""
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
          { scope: "row" },
          o.label,
          o.current ? h("span", { class: "badge" }, " current") : null,
          wi.cheapest === o.label ? h("span", { class: "badge ok" }, " cheapest") : null,
          o.available === false ? h("span", { class: "badge" }, " not available") : null,
        ),
        h("td", {}, o.windowDays !== undefined ? `${o.windowDays} days` : ""),
        h("td", {}, o.restore === "supportRequest" ? "support request" : o.restore === "selfService" ? "self-service" : (o.restore ?? "")),
        h(
          "td",
          { class: "num amount" },
          s("svg", { class: "bar", viewBox: "0 0 100 10", "aria-hidden": "true" }, s("rect", { x: 0, y: 1, height: 8, width: ((Number(o.monthlyTotal) || 0) / max) * 100 })),
          ` ${o.monthlyTotal} ${wi.currency}`,
        ),
        h("td", { class: "num" }, `${o.perRestore} ${wi.currency}`),
        h("td", {}, o.meetsWindow === undefined ? "" : o.meetsWindow ? "yes" : "no"),
      ),
    ),
  );

  // projection
  const growth = amount($("c-growth").value);
  const pr = call("project", { scenario: sc, months: 12, growth: { type: "linear", gbPerMonth: growth ?? 0 } });
  diags.push(...(pr?.diagnostics ?? []));
  put($("project-summary"), pr?.months?.length ? `12 months: ${pr.total} ${pr.currency} in total.` : "");
  drawProjection(pr);
  put($("cost-diags"), dedupe(diags).map((d) => diagnostic(d)));
}

const dedupe = (ds) => {
  const seen = new Set();
  return ds.filter((d) => {
    const k = `${d.code} ${d.path} ${d.message}`;
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
  const W = 960;
  const H = 300;
  const L = 80;
  const B = 36;
  const T = 24;
  const max = Math.max(1, ...months.map((m) => Number(m.monthlyTotal) || 0));
  const bw = (W - L - 10) / months.length;
  const y = (v) => T + (1 - v / max) * (H - T - B);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": "pj-title", class: "projection" });
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
    g.append(s("text", { class: "value", x: L + i * bw + bw / 2, y: y(v) - 5, "text-anchor": "middle" }, m.monthlyTotal));
    g.append(s("text", { x: L + i * bw + bw / 2, y: H - B + 18, "text-anchor": "middle" }, `M${m.month}`));
    svg.append(g);
  });
  put($("project-chart"), svg);
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
        put($("c-sheet-name"), "Prices: your sheet ", h("bdi", { class: "user" }, file.name), " on top of the default sheet.");
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
