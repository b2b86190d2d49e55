// The partial-match rules of tests/vectors/README.md, as in crates/cosmos-backup/tests/vectors.rs.
// Plain ESM with no imports, so Node and the Chromium page load the same file.
// Returns null on a match, or a string naming the first mismatch.

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const show = (v) => (v === undefined ? "nothing" : JSON.stringify(v));

export function matches(expected, actual, path = "") {
  if (expected === null) {
    return actual === null || actual === undefined ? null : `${path}: expected null, got ${show(actual)}`;
  }
  if (isObject(expected)) {
    const keys = Object.keys(expected);
    if (keys.length === 1 && keys[0].startsWith("$")) return special(keys[0], expected[keys[0]], actual, path);
    if (!isObject(actual)) return `${path}: expected an object, got ${show(actual)}`;
    for (const k of keys) {
      const m = matches(expected[k], Object.hasOwn(actual, k) ? actual[k] : undefined, `${path}/${k}`);
      if (m) return m;
    }
    return null;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${show(actual)}`;
    const used = actual.map(() => false);
    for (const [i, e] of expected.entries()) {
      const j = actual.findIndex((x, j) => !used[j] && matches(e, x, path) === null);
      if (j < 0) return `${path}: no element matches expected[${i}] = ${show(e)}\nactual: ${show(actual)}`;
      used[j] = true;
    }
    return null;
  }
  // Numbers compare as JSON numbers (doubles); strings and booleans by equality.
  return actual === expected ? null : `${path}: expected ${show(expected)}, got ${show(actual)}`;
}

function special(key, value, actual, path) {
  if (key === "$exact" && Array.isArray(actual)) {
    if (value.length !== actual.length) {
      return `${path}: expected exactly ${value.length} elements, got ${actual.length}: ${show(actual)}`;
    }
    for (const [i, e] of value.entries()) {
      const m = matches(e, actual[i], `${path}/${i}`);
      if (m) return m;
    }
    return null;
  }
  if (key === "$none" && actual === undefined) return null;
  if (key === "$none" && Array.isArray(actual)) {
    for (const e of value) {
      const x = actual.find((x) => matches(e, x, path) === null);
      if (x !== undefined) return `${path}: expected no element like ${show(e)}, found ${show(x)}`;
    }
    return null;
  }
  if (key === "$len" && Array.isArray(actual) && actual.length === value) return null;
  // Rust counts chars (Unicode scalar values): so does the string iterator.
  if (key === "$len" && typeof actual === "string" && [...actual].length === value) return null;
  return `${path}: ${key} ${show(value)} does not match ${show(actual)}`;
}

/** Runs one vector through a loaded module: `{ error: {...} }` stands for a thrown Error, as the
 * core's `call` answers. `viaText` passes the scenario as JSON text instead of an object. */
export function runCase(mod, c, viaText) {
  const op = c.operation ?? "evaluate";
  const input = c.scenarioText !== undefined ? c.scenarioText : viaText ? JSON.stringify(c.scenario) : c.scenario;
  // Named export when the operation has one, generic call() otherwise (unknown operations).
  const fn = typeof mod[op] === "function" && mod.operations().includes(op) ? mod[op] : (i) => mod.call(op, i);
  try {
    return fn(input);
  } catch (e) {
    if (!(e instanceof Error)) return { thrownNonError: String(e) };
    return { error: { code: e.code, message: e.message, diagnostics: e.diagnostics } };
  }
}

/** Every vector, both paths; returns the list of failures (empty when all pass). */
export function runVectors(mod, cases) {
  const failures = [];
  for (const { file, c } of cases) {
    const viaObject = runCase(mod, c, false);
    const m = matches(c.expect, viaObject);
    if (m) failures.push(`${file} (${c.name}): ${m}`);
    if (c.scenario !== undefined) {
      const viaText = runCase(mod, c, true);
      if (JSON.stringify(viaText) !== JSON.stringify(viaObject)) {
        failures.push(`${file}: text and object paths differ`);
      }
    }
  }
  return failures;
}
