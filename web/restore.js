// The restore view: the window per region as an SVG timeline (now, creation, deletion, migration
// and event-feed markers; periodic snapshots as ticks), picking a point fills a restore request
// that the engine checks (checkRestoreRequest), and the not-restored checklist.
import { h, s, put, rich, diagnostic, get, ms, iso } from "./dom.js";

const $ = (id) => document.getElementById(id);
const DAY = 86_400_000;
const pick = { region: null, time: null, user: false, focus: null };

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const RA_ID = `${SUB}/providers/Microsoft.DocumentDB/locations/East US 2/restorableDatabaseAccounts/6a18b2a4-1f5e-4c1d-9a7e-0c9b1c3f2d11`;

/** A restorable account for the demo account, relative to `now`. */
export function demoRestorable(now) {
  const t = ms(now);
  return {
    id: RA_ID,
    name: "6a18b2a4-1f5e-4c1d-9a7e-0c9b1c3f2d11",
    location: "East US 2",
    type: "Microsoft.DocumentDB/locations/restorableDatabaseAccounts",
    properties: {
      accountName: "orders",
      creationTime: iso(t - 20 * DAY),
      apiType: "Sql",
      restorableLocations: [
        { locationName: "East US 2", regionalDatabaseAccountInstanceId: "9f0c1e2d-0001", creationTime: iso(t - 20 * DAY) },
        { locationName: "North Europe", regionalDatabaseAccountInstanceId: "9f0c1e2d-0002", creationTime: iso(t - 12 * DAY) },
      ],
    },
  };
}

/** An event feed for the demo account: a container replaced, then a database deleted. */
export function demoEvents(now) {
  const t = ms(now);
  const ev = (n, kind, owner, op, at, extra = {}) => ({
    id: `${SUB}/providers/Microsoft.DocumentDB/locations/eastus2/restorableDatabaseAccounts/6a18b2a4/restorableSql${kind}/e${n}`,
    type: `Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableSql${kind}`,
    name: `e${n}`,
    properties: { resource: { _rid: `r${n}`, eventTimestamp: iso(at), ownerId: owner, ownerResourceId: `o-${owner}`, operationType: op, ...extra } },
  });
  return {
    value: [
      ev(1, "Databases", "sales", "Create", t - 18 * DAY),
      ev(2, "Containers", "carts", "Create", t - 18 * DAY),
      ev(3, "Containers", "carts", "Replace", t - 4 * DAY - 3 * 3_600_000),
      ev(4, "Databases", "sales", "Delete", t - 1 * DAY - 7 * 3_600_000, { canUndelete: "true" }),
    ],
  };
}

function parseOptional(id) {
  const text = $(id).value.trim();
  if (!text) return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `${id === "events" ? "Event feed" : "Restorable account"}: not JSON (${e.message})` };
  }
}

export function renderRestore(ctx) {
  const { cb, state } = ctx;
  const ra = parseOptional("restorable");
  const evs = parseOptional("events");
  put($("restore-input-error"), [ra.error, evs.error].filter(Boolean).join(" · "));
  if (state.doc === null) {
    // nothing of the previous document stays on screen
    const { summary, list } = ctx.parseErrorView();
    clearRestore(summary, list);
    return;
  }
  const extra = {};
  if (ra.value !== undefined) extra.restorableAccount = ra.value;
  if (evs.value !== undefined) extra.events = evs.value;
  // the picked account only, so that restorePlan (which plans "the first account") plans it
  const { sc, back } = ctx.focusedScenario(extra);
  let ev;
  try {
    ev = cb.evaluate(sc);
  } catch (e) {
    clearRestore(`The engine could not read this: ${e.message}`, (e.diagnostics ?? []).map((d) => diagnostic(d)));
    return;
  }
  const r = ev.results[0];
  put($("restore-account"), r ? h("span", {}, "· ", h("bdi", { class: "user" }, r.name)) : "");
  $("restore-summary").className = "summary";
  const diags = [...ev.diagnostics, ...(r?.diagnostics ?? [])]
    .filter((d) => /^(restore|migration|scenario)\./.test(d.code) || d.path === "/now")
    .map((d) => ({ ...d, path: back(d.path) }));
  put($("restore-diags"), diags.map((d) => diagnostic(d)));
  const w = r?.restoreWindow;
  if (!w) {
    clearRestore(r ? "No restore window: see the findings below." : "No restore window: no account in the document.", diags.map((d) => diagnostic(d)), false);
    put($("not-restored"), (r?.notRestored ?? []).map(notRestoredItem));
    return;
  }
  const periodic = w.tier === "Periodic";
  const rows = periodic
    ? [{ region: w.region ?? "account", earliest: w.earliest, latest: w.latest, points: w.restorePoints ?? [], basis: w.basis }]
    : (w.regions?.length ? w.regions : [{ region: "account", ...w }]).map((x) => ({ ...x, points: [] }));
  const source = sc.restorableAccount ?? (get(sc.account, "properties", "restorableLocations") ? sc.account : undefined);
  put(
    $("restore-summary"),
    periodic
      ? `Periodic: ${w.restorePoints?.length ?? 0} snapshots from ${w.earliest} to ${w.latest}; a restore is a support request from a snapshot.`
      : `${w.tier}: restorable from ${w.earliest} to ${w.latest}` + (w.restorableUntil ? `, until ${w.restorableUntil} (deleted account)` : "") + ".",
  );

  // the region picker keeps the user's choice when it still exists
  const regions = rows.map((x) => x.region);
  if (!regions.includes(pick.region)) pick.region = regions[0];
  put($("r-region"), regions.map((x) => h("option", { value: x }, x)));
  $("r-region").value = pick.region;
  if (!pick.user || !pick.time) pick.time = rows[0].latest;
  $("r-time").value = pick.time;

  const points = r.eventRestorePoints ?? [];
  drawTimeline(ctx, { sc, w, rows, points, source, now: sc.now });
  put(
    $("r-events"),
    points.length
      ? points.map((p) =>
          h(
            "li",
            {},
            h(
              "button",
              { type: "button", class: "event-pick", onclick: () => choose(ctx, pick.region, p.restoreTimestamp) },
              `${p.operation} of ${p.kind} `,
              h("bdi", { class: "user" }, p.name),
              ` at ${p.eventTimestamp}: restore to ${p.restoreTimestamp}`,
            ),
            p.inWindow ? "" : h("span", { class: "badge" }, " outside the window"),
            p.canUndelete ? h("span", { class: "badge ok" }, " can undelete in place") : "",
          ),
        )
      : h("li", { class: "hint" }, "No delete or replace events (paste an event feed below)."),
  );
  // a periodic account has no point-in-time restore: the engine's periodic path (a support
  // request from a snapshot) instead of a request it would refuse
  $("r-request-box").hidden = periodic;
  put($("r-check"), periodic ? "Plan a restore from this snapshot" : "Check this restore request");
  if (periodic) periodicPath(ctx, sc, r);
  else checkRequest(ctx, sc, source, r, regions[0]);
  put($("not-restored"), (r.notRestored ?? []).map(notRestoredItem));
}

/** Empties every result of the view; `summary` (an error when `bad`) and `list` say why. */
function clearRestore(summary, list, bad = true) {
  put($("restore-summary"), summary);
  $("restore-summary").className = "summary" + (bad ? " bad" : "");
  put($("restore-diags"), list);
  for (const id of ["timeline", "r-region", "r-events", "r-result", "r-diags", "r-request", "r-plan", "not-restored"]) put($(id));
  $("r-time").value = "";
  $("r-result").className = "summary";
}

function notRestoredItem(n) {
  const id = "nr-" + n.setting;
  return h(
    "li",
    { "data-setting": n.setting },
    h("input", { type: "checkbox", id }),
    h("label", { for: id }, h("code", {}, n.setting)),
    h("p", { class: "reason" }, rich(n.reason)),
    n.current !== undefined
      ? h("div", { class: "reapply" }, h("span", {}, "Re-apply: "), h("pre", { class: "code" }, JSON.stringify(n.current, null, 2)))
      : null,
  );
}

const HOUR = 3_600_000;

/** The time a key moves the pick to within a row's window (clamped), or null for other keys. */
function keyStep(key, shift, current, row) {
  const [lo, hi, now] = [ms(row.earliest), ms(row.latest), ms(current)];
  const step = shift ? DAY : HOUR;
  const to = {
    ArrowLeft: now - step,
    ArrowDown: now - step,
    ArrowRight: now + step,
    ArrowUp: now + step,
    PageDown: now - DAY,
    PageUp: now + DAY,
    Home: lo,
    End: hi,
  }[key];
  return to === undefined ? null : iso(Math.min(hi, Math.max(lo, to)));
}

function choose(ctx, region, time) {
  pick.region = region;
  pick.time = time;
  pick.user = true;
  renderRestore(ctx);
}

/** The name a restored account gets: the source's, in the characters an account name allows. */
const restoredName = (name) => `${String(name).toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 40)}-restored`;

function checkRequest(ctx, sc, source, r, writeRegion) {
  const srcName = get(source, "properties", "accountName") ?? r.name ?? "source";
  const request = {
    type: "Microsoft.DocumentDB/databaseAccounts",
    name: restoredName(srcName),
    location: pick.region,
    kind: get(sc.account, "kind") ?? "GlobalDocumentDB",
    properties: {
      locations: [{ locationName: pick.region, failoverPriority: 0 }],
      databaseAccountOfferType: "Standard",
      createMode: "Restore",
      restoreParameters: {
        restoreMode: "PointInTime",
        // without the restorable account, its id is a placeholder to fill (the write region's)
        restoreSource: get(source, "id") ?? `/subscriptions/<SUBSCRIPTION_ID>/providers/Microsoft.DocumentDB/locations/${writeRegion}/restorableDatabaseAccounts/<INSTANCE_ID>`,
        restoreTimestampInUtc: pick.time,
        restoreWithTtlDisabled: true,
      },
    },
  };
  put($("r-request"), JSON.stringify(request, null, 2));
  let answer;
  try {
    // with the restorable account, it gives the window; without it, the request is checked
    // against the account itself (its policy gives the window), never against no window at all
    answer = source
      ? ctx.cb.checkRestoreRequest({ now: sc.now, account: request, restorableAccount: source })
      : ctx.cb.checkRestoreRequest({ ...sc, restoreRequest: request });
  } catch (e) {
    answer = { valid: false, diagnostics: e.diagnostics ?? [] };
  }
  const res = $("r-result");
  res.className = "summary " + (answer.valid ? "good" : "bad");
  put(res, answer.valid ? `Valid: restore ${pick.region} to ${pick.time}` : `Not valid: restore ${pick.region} to ${pick.time}`);
  put($("r-diags"), answer.diagnostics.map((d) => diagnostic(d)));
  renderPlan(ctx, sc, request, answer.valid);
}

/** Periodic backup: the engine's plan for the picked snapshot (`periodicSupportRequest`). */
function periodicPath(ctx, sc, r) {
  put($("r-request"));
  let plan;
  try {
    const target = { accountName: restoredName(r.name ?? "source"), location: pick.region };
    plan = ctx.cb.restorePlan({ ...sc, plan: { timestamp: pick.time, target } });
  } catch (e) {
    plan = { accepted: false, diagnostics: e.diagnostics ?? [] };
  }
  const res = $("r-result");
  res.className = "summary " + (plan.accepted ? "good" : "bad");
  put(
    res,
    plan.accepted
      ? `Periodic backup: ask Azure support to restore the snapshot of ${plan.restoreTimestamp}` + (plan.deadline ? `, before ${plan.deadline} (when it is deleted)` : "") + "."
      : `No restore from ${pick.time}: see the findings.`,
  );
  put($("r-diags"), plan.diagnostics.map((d) => diagnostic(d)));
  showPlan(plan);
}

// ---------------------------------------------------------------------------------------------
// The restore plan for a valid pick: the engine's restorePlan, each command with a copy button

function renderPlan(ctx, sc, request, valid) {
  const el = $("r-plan");
  if (!valid) {
    put(el);
    return;
  }
  let plan;
  try {
    plan = ctx.cb.restorePlan({ ...sc, plan: { timestamp: pick.time, target: { accountName: request.name, location: pick.region } } });
  } catch (e) {
    put(el, h("p", { class: "hint" }, `No plan: ${e.message}`));
    return;
  }
  showPlan(plan);
}

/** The plan's steps, each command with a copy button (and, periodic, the support request). */
function showPlan(plan) {
  const el = $("r-plan");
  if (!plan.accepted) {
    put(el, h("h3", {}, "Restore plan"), h("ul", { class: "diag-list" }, plan.diagnostics.map((d) => diagnostic(d))));
    return;
  }
  put(
    el,
    h("h3", {}, "Restore plan"),
    plan.placeholders.length
      ? h("p", { class: "hint" }, "Fill before running: ", plan.placeholders.map((p, i) => [i ? ", " : "", h("code", {}, p)]))
      : null,
    plan.supportRequest ? command("Support request", plan.supportRequest) : null,
    h("ol", { class: "plan-steps" }, plan.steps.map(planStep)),
    plan.arm.length ? h("details", {}, h("summary", {}, "ARM body"), command("ARM", JSON.stringify(plan.arm.length === 1 ? plan.arm[0] : plan.arm, null, 2))) : null,
    plan.bicep ? h("details", {}, h("summary", {}, "Bicep"), command("Bicep", plan.bicep)) : null,
  );
}

function planStep(s) {
  return h(
    "li",
    { "data-step": s.id, "data-phase": s.phase },
    h("strong", {}, rich(s.title)),
    h("p", { class: "reason" }, rich(s.why), " ", h("span", { class: "meta" }, s.source)),
    command("Azure CLI", s.az),
    command("PowerShell", s.powershell),
    s.manual ? h("p", {}, "By hand: ", rich(s.manual)) : null,
    s.verify ? h("p", {}, "Verify: ", rich(s.verify)) : null,
  );
}

/** A command with a copy button; where the clipboard is refused, the text is selected instead. */
function command(label, text) {
  if (!text) return null;
  const pre = h("pre", { class: "code" }, text);
  const copy = async (e) => {
    const b = e.currentTarget;
    try {
      await navigator.clipboard.writeText(text);
      b.textContent = "Copied";
    } catch {
      getSelection()?.selectAllChildren(pre);
      b.textContent = "Selected: press Ctrl+C";
    }
  };
  return h(
    "div",
    { class: "cmd", "data-label": label },
    h("span", { class: "cmd-label" }, label, " "),
    h("button", { type: "button", class: "copy", "aria-label": `Copy the ${label} command`, onclick: copy }, "Copy"),
    pre,
  );
}

// ---------------------------------------------------------------------------------------------
// The SVG timeline

// The SVG is drawn at the width it is shown at (one unit = one CSS pixel), so its text keeps its
// size on a phone. Narrow (a phone): region names go above their bands, not beside them.
const RIGHT = 24;
const NARROW = 600;

function niceStep(span, ticks) {
  const steps = [3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY];
  return steps.find((st) => span / st <= ticks) ?? 365 * DAY;
}

function drawTimeline(ctx, { w, rows, points, source, sc, now }) {
  const W = Math.max(300, Math.floor($("timeline").clientWidth || 960));
  const narrow = W < NARROW;
  const LEFT = narrow ? 12 : 120;
  const ROW = narrow ? 56 : 46; // room for the name above the band
  const BAND = narrow ? 20 : 10; // the band's top within its row
  const regionKey = (x) => String(x ?? "").toLowerCase().replace(/\s+/g, "");
  const srcLocs = get(source, "properties", "restorableLocations") ?? [];
  const migration = get(sc.account, "properties", "backupPolicy", "migrationState");
  const top = [
    { kind: "now", at: now, label: "now" },
    { kind: "creation", at: get(source, "properties", "creationTime"), label: "created" },
    { kind: "deletion", at: get(source, "properties", "deletionTime"), label: "deleted" },
    { kind: "migration", at: get(migration, "startTime"), label: "migration started" },
    ...(w.basis ?? []).filter((b) => b.reason === "migration-completion").map((b) => ({ kind: "migration", at: b.at, label: "migration done" })),
  ].filter((m) => typeof m.at === "string" && Number.isFinite(ms(m.at)));
  const perRow = rows.map((row) => {
    const loc = Array.isArray(srcLocs) ? srcLocs.find((l) => regionKey(get(l, "locationName")) === regionKey(row.region)) : undefined;
    return [
      { kind: "creation", at: get(loc, "creationTime"), label: `${row.region} added` },
      { kind: "deletion", at: get(loc, "deletionTime"), label: `${row.region} removed` },
    ].filter((m) => typeof m.at === "string" && Number.isFinite(ms(m.at)));
  });
  const times = [
    ...rows.flatMap((x) => [ms(x.earliest), ms(x.latest)]),
    ...top.map((m) => ms(m.at)),
    ...perRow.flat().map((m) => ms(m.at)),
    ...points.map((p) => ms(p.eventTimestamp)),
  ].filter(Number.isFinite);
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  if (!(t1 > t0)) t1 = t0 + DAY;
  const pad = (t1 - t0) * 0.04;
  t0 -= pad;
  t1 += pad;
  const x = (t) => LEFT + ((ms(t) - t0) / (t1 - t0)) * (W - LEFT - RIGHT);
  const tAt = (px) => t0 + ((px - LEFT) / (W - LEFT - RIGHT)) * (t1 - t0);

  const hasEvents = points.length > 0;
  const y0 = 58; // below the top labels
  const nRows = rows.length + (hasEvents ? 1 : 0);
  const axisY = y0 + nRows * ROW + 6;
  const H = axisY + 34;
  // a group, not an image: it holds the keyboard sliders (interactive content in `role=img` is
  // hidden from screen readers)
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    role: "group",
    "aria-labelledby": "tl-title",
    class: "tl",
    "data-t0": iso(t0),
    "data-t1": iso(t1),
  });
  svg.append(s("title", { id: "tl-title" }, `Restore window per region, ${iso(t0)} to ${iso(t1)}`));

  // axis and grid
  const step = niceStep(t1 - t0, Math.max(2, Math.floor((W - LEFT - RIGHT) / 100)));
  const first = Math.ceil(t0 / step) * step;
  const g = s("g", { class: "axis" });
  g.append(s("line", { x1: LEFT, x2: W - RIGHT, y1: axisY, y2: axisY }));
  for (let t = first; t <= t1; t += step) {
    const d = new Date(t).toISOString();
    const label = step < DAY ? `${d.slice(5, 10)} ${d.slice(11, 16)}` : d.slice(0, 10);
    g.append(s("line", { class: "grid", x1: x(d), x2: x(d), y1: y0 - 6, y2: axisY }));
    g.append(s("text", { x: x(d), y: axisY + 18, "text-anchor": "middle" }, label));
  }
  svg.append(g);

  // rows: the window band (clickable), snapshot ticks, region markers
  rows.forEach((row, i) => {
    const y = y0 + i * ROW;
    const rg = s("g", { class: "row", "data-region": row.region });
    rg.append(
      narrow
        ? s("text", { class: "row-label", x: LEFT, y: y + 14, "text-anchor": "start" }, row.region)
        : s("text", { class: "row-label", x: LEFT - 8, y: y + ROW / 2 + 4, "text-anchor": "end" }, row.region),
    );
    const current = pick.region === row.region && pick.time ? pick.time : row.latest;
    const band = s("rect", {
      class: "band",
      x: x(row.earliest),
      y: y + BAND,
      width: Math.max(2, x(row.latest) - x(row.earliest)),
      height: ROW - BAND - 10,
      rx: 4,
      // keyboard users pick with the arrow keys (hour; Shift: day), Page Up/Down (day), Home/End
      tabindex: 0,
      role: "slider",
      "aria-label": `restore time in ${row.region}`,
      "aria-valuemin": ms(row.earliest),
      "aria-valuemax": ms(row.latest),
      "aria-valuenow": ms(current),
      "aria-valuetext": current,
    });
    band.addEventListener("keydown", (e) => {
      const t = keyStep(e.key, e.shiftKey, current, row);
      if (!t) return;
      e.preventDefault();
      pick.focus = row.region;
      choose(ctx, row.region, t);
    });
    band.append(s("title", {}, `${row.region}: restorable from ${row.earliest} to ${row.latest}`));
    band.addEventListener("click", (e) => {
      const p = svg.createSVGPoint();
      p.x = e.clientX;
      p.y = e.clientY;
      const local = p.matrixTransform(svg.getScreenCTM().inverse());
      choose(ctx, row.region, iso(Math.round(tAt(local.x) / 1000) * 1000));
    });
    rg.append(band);
    for (const pt of row.points) {
      const tick = s("line", { class: "tick", x1: x(pt), x2: x(pt), y1: y + BAND - 4, y2: y + ROW - 6, "data-at": pt });
      tick.append(s("title", {}, `snapshot ${pt}`));
      tick.addEventListener("click", () => choose(ctx, row.region, pt));
      rg.append(tick);
    }
    for (const m of perRow[i]) rg.append(marker(m, x(m.at), y + BAND - 6, y + ROW - 4, false));
    svg.append(rg);
  });

  // the event row
  if (hasEvents) {
    const y = y0 + rows.length * ROW;
    const eg = s("g", { class: "row events" });
    eg.append(
      narrow
        ? s("text", { class: "row-label", x: LEFT, y: y + 14, "text-anchor": "start" }, "events")
        : s("text", { class: "row-label", x: LEFT - 8, y: y + ROW / 2 + 4, "text-anchor": "end" }, "events"),
    );
    for (const p of points) {
      const cx = x(p.eventTimestamp);
      const cy = y + (narrow ? ROW / 2 + 8 : ROW / 2);
      const m = s("g", {
        class: `marker k-event op-${p.operation.toLowerCase()}`,
        "data-kind": "event",
        "data-at": p.eventTimestamp,
      });
      m.append(s("title", {}, `${p.operation} of ${p.kind} ${p.name} at ${p.eventTimestamp}; restore to ${p.restoreTimestamp}`));
      m.append(s("path", { d: `M ${cx} ${cy - 9} L ${cx + 8} ${cy} L ${cx} ${cy + 9} L ${cx - 8} ${cy} Z` }));
      m.addEventListener("click", () => choose(ctx, pick.region, p.restoreTimestamp));
      eg.append(m);
    }
    svg.append(eg);
  }

  // account-level markers across every row, labels staggered on two lines
  const sorted = [...top].sort((a, b) => ms(a.at) - ms(b.at));
  let lastX = -1e9;
  let level = 0;
  for (const m of sorted) {
    const px = x(m.at);
    level = px - lastX < 90 ? (level + 1) % 3 : 0;
    lastX = px;
    svg.append(marker(m, px, y0 - 4, axisY, true, 14 + level * 15, W, LEFT));
  }

  // the picked point
  if (pick.time && Number.isFinite(ms(pick.time))) {
    const px = x(pick.time);
    const pg = s("g", { class: "pick" });
    pg.append(s("line", { x1: px, x2: px, y1: y0 - 4, y2: axisY }));
    pg.append(s("circle", { cx: px, cy: axisY, r: 5 }));
    pg.append(s("title", {}, `picked: ${pick.time}`));
    svg.append(pg);
  }
  put($("timeline"), svg);
  // a keyboard pick re-renders the timeline: keep the focus on the band the user is moving
  if (pick.focus) {
    const row = [...svg.querySelectorAll(".row[data-region]")].find((g) => g.dataset.region === pick.focus);
    row?.querySelector(".band")?.focus();
    pick.focus = null;
  }
}

function marker(m, px, y1, y2, labelled, labelY = 14, W = 0, LEFT = 0) {
  const g = s("g", { class: `marker k-${m.kind}`, "data-kind": m.kind, "data-at": m.at });
  g.append(s("title", {}, `${m.label}: ${m.at}`));
  g.append(s("line", { x1: px, x2: px, y1, y2 }));
  if (labelled) {
    const anchor = px > W - 140 ? "end" : px < LEFT + 60 ? "start" : "middle";
    g.append(s("text", { x: px, y: labelY, "text-anchor": anchor }, m.label));
  }
  return g;
}

// keyboard and text entry for the picker
export function wireRestore(ctx) {
  $("r-check").addEventListener("click", () => {
    pick.region = $("r-region").value;
    pick.time = $("r-time").value.trim();
    pick.user = true;
    renderRestore(ctx);
  });
  $("r-region").addEventListener("change", () => {
    pick.region = $("r-region").value;
    pick.user = true;
    pick.time = $("r-time").value.trim();
    renderRestore(ctx);
  });
  $("r-time").addEventListener("keydown", (e) => {
    if (e.key === "Enter") $("r-check").click();
  });
}
