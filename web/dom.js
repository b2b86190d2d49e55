// DOM helpers. Every string becomes a text node: user data never reaches innerHTML.

const SVG = "http://www.w3.org/2000/svg";

function build(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "text") el.textContent = String(v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** An HTML element: `h("p", {class: "x"}, "text", child)`. */
export const h = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);
/** An SVG element. */
export const s = (tag, attrs, ...children) => build(document.createElementNS(SVG, tag), attrs, children);

/** Replaces the children of `el`. */
export function put(el, ...children) {
  el.replaceChildren();
  build(el, {}, children);
  return el;
}

/** Engine text with `backticks` rendered as <code> (as text nodes, never parsed as HTML). */
export function rich(text) {
  return String(text ?? "")
    .split("`")
    .map((part, i) => (i % 2 ? h("code", {}, part) : part));
}

/** One diagnostic: severity, message, the fix, code and source. */
export function diagnostic(d, extra) {
  return h(
    "li",
    { class: `diag sev-${d.severity}`, "data-code": d.code, "data-path": d.path },
    h("span", { class: "sev" }, d.severity),
    " ",
    extra ?? null,
    h("span", { class: "message" }, rich(d.message)),
    d.help ? h("span", { class: "help" }, h("span", { class: "fix" }, "Fix: "), rich(d.help)) : null,
    h("span", { class: "meta" }, h("code", {}, d.code), " · ", d.source ?? ""),
  );
}

/** Case-insensitive property lookup, as ARM matches property names. */
export function key(obj, name) {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return undefined;
  if (name in obj) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}
export const get = (obj, ...names) => names.reduce((o, n) => (o == null ? undefined : o[key(o, n) ?? n]), obj);
/** Sets `obj[name]`, reusing the existing key's spelling. */
export function set(obj, name, value) {
  const k = key(obj, name) ?? name;
  if (value === undefined) delete obj[k];
  else obj[k] = value;
}
/** The object at `obj[name]`, created when missing. */
export function child(obj, name) {
  const k = key(obj, name) ?? name;
  if (!obj[k] || typeof obj[k] !== "object" || Array.isArray(obj[k])) obj[k] = {};
  return obj[k];
}

/** Resolves a JSON Pointer; `undefined` when absent. */
export function at(doc, pointer) {
  if (!pointer) return doc;
  return pointer
    .split("/")
    .slice(1)
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((o, p) => (o == null ? undefined : o[p]), doc);
}

export const ms = (iso) => Date.parse(iso);
export const iso = (t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
