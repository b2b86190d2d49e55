// Every vector's answer, through the packed npm package, against the JSON Schema of its
// operation (schemas/cosmos-backup.schema.json, shipped in the package as `cosmos-backup/schema.json`):
// the answer is valid, and every field present at runtime is declared (the schema leaves
// `additionalProperties` open, so the test closes every object that lists `properties`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv2020 from "ajv/dist/2020.js";
import * as cb from "cosmos-backup";
import { runCase } from "./matcher.mjs";
import { loadVectors } from "./vectors.mjs";

const require = createRequire(import.meta.url);
const bundle = JSON.parse(readFileSync(require.resolve("cosmos-backup/schema.json"), "utf8"));

/** A copy where each object schema with `properties` allows no other key. */
function closed(s) {
  if (Array.isArray(s)) return s.map(closed);
  if (s === null || typeof s !== "object") return s;
  const out = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === "properties" ? Object.fromEntries(Object.entries(v).map(([p, x]) => [p, closed(x)])) : closed(v)]));
  if (s.properties && s.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ ...closed(bundle), $id: "https://cosmos-backup.invalid/schema.json" });
const validator = (op) => ajv.compile({ $ref: `https://cosmos-backup.invalid/schema.json#/operations/${op}/output` });

test("the packaged schema is the engine's (same operations, same version)", () => {
  assert.deepEqual(Object.keys(bundle.operations), cb.operations());
  assert.equal(bundle.schemaVersion, cb.evaluate({ now: "2026-11-21T00:00:00Z", account: {} }).schemaVersion);
});

test("every vector's answer matches its operation's schema, with no undeclared field", () => {
  const validators = new Map(cb.operations().map((op) => [op, validator(op)]));
  const failures = [];
  let checked = 0;
  for (const { file, c } of loadVectors()) {
    const op = c.operation ?? "evaluate";
    const answer = runCase(cb, c, false);
    if (!validators.has(op) || (answer && typeof answer === "object" && "error" in answer && !Array.isArray(answer))) continue;
    checked++;
    const v = validators.get(op);
    if (!v(answer)) failures.push(`${file} (${op}): ${ajv.errorsText(v.errors, { separator: "\n  " })}`);
  }
  assert.ok(checked >= 300, `expected at least 300 answers to check, checked ${checked}`);
  assert.deepEqual(failures, [], `${failures.length} answers do not match the schema:\n${failures.join("\n")}`);
});

test("the closed schema rejects an undeclared field and a wrong null (the test can fail)", () => {
  const v = validator("evaluate");
  const answer = cb.evaluate({ now: "2026-11-21T00:00:00Z", account: { properties: { backupPolicy: { type: "Periodic" } } } });
  assert.ok(v(answer), ajv.errorsText(v.errors));
  assert.equal(answer.results[0].cost, null);
  assert.equal(v({ ...answer, surprise: 1 }), false);
  assert.equal(v({ ...answer, results: [{ ...answer.results[0], cost: undefined }] }), false);
});
