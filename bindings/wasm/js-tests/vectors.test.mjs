// Every shared vector through the packed npm package in Node: object and JSON-text paths.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as cb from "cosmos-backup";
import { matches, runVectors } from "./matcher.mjs";
import { loadVectors } from "./vectors.mjs";

const cases = loadVectors();

test("every vector passes, as an object and as JSON text", () => {
  assert.ok(cases.length >= 40, `expected at least 40 vectors, found ${cases.length}`);
  const failures = runVectors(cb, cases);
  assert.deepEqual(failures, [], `${failures.length} of ${cases.length} vectors failed:\n${failures.join("\n\n")}`);
});

test("the matcher rejects what it should (same cases as the Rust runner)", () => {
  const actual = { a: [1, 2, 3], b: "x" };
  assert.equal(matches({ a: [3, 1] }, actual), null);
  assert.notEqual(matches({ a: [4] }, actual), null);
  assert.notEqual(matches({ a: { $exact: [1, 2] } }, actual), null);
  assert.notEqual(matches({ a: { $none: [2] } }, actual), null);
  assert.equal(matches({ a: { $len: 3 }, c: null }, actual), null);
  assert.notEqual(matches({ b: "y" }, actual), null);
});

test("every catalogue code has a vector (as in Rust)", () => {
  const all = cases.map(({ c }) => JSON.stringify(c)).join("\n");
  const missing = cb.rules().map((r) => r.code).filter((code) => !all.includes(`"${code}"`));
  assert.deepEqual(missing, []);
});
