// Hostile input must throw (or answer) and leave the module usable: no trap, no poisoned state.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as cb from "cosmos-backup";

const good = { properties: { backupPolicy: { type: "Continuous" } } };
const stillWorks = () => assert.equal(cb.evaluate(good).results[0].effectivePolicy.tier, "Continuous30Days");

const nest = (n, leaf) => {
  let v = leaf;
  for (let i = 0; i < n; i++) v = [v];
  return v;
};
const cyclic = () => {
  const o = { a: {} };
  o.a.self = o;
  return o;
};

const hostile = {
  "undefined": undefined,
  "null": null,
  "number": 1,
  "NaN": NaN,
  "boolean": true,
  "bigint": 10n,
  "symbol": Symbol("x"),
  "function": () => 1,
  "cycle": cyclic(),
  "nested 200 arrays": nest(200, 1),
  "nested 1e6 arrays": nest(1_000_000, 1),
  "nested 1e6 text": "[".repeat(1_000_000) + "]".repeat(1_000_000),
  "huge string value": { properties: { backupPolicy: { type: "x".repeat(5_000_000) } } },
  "huge key": { ["k".repeat(1_000_000)]: 1 },
  "33 MB text": " ".repeat(33 * 1024 * 1024) + "{}",
  "garbage text": "\u0000\uffff\ud800garbage{[}",
  "lone surrogate key": { "\ud800": { backupPolicy: 1 } },
  "wrong types": { properties: { backupPolicy: { type: 5, periodicModeProperties: "every hour" } } },
  "deep Azure shape": { resources: nest(100, { type: "Microsoft.DocumentDB/databaseAccounts" }) },
  "typed array": new Uint8Array(16),
  "date": new Date(0),
  "map": new Map([["a", 1]]),
  "proxy that throws": new Proxy({}, { ownKeys() { throw new Error("boom"); } }),
  "getter that throws": { get properties() { throw new Error("boom"); } },
  "toJSON that throws": { toJSON() { throw new Error("boom"); } },
};

for (const [name, input] of Object.entries(hostile)) {
  test(`hostile input: ${name}`, () => {
    for (const op of cb.operations()) {
      try {
        cb[op](input);
      } catch (e) {
        assert.ok(e instanceof Error, `${op} threw a non-Error: ${String(e)}`);
        assert.equal(typeof e.code, "string", `${op}: ${e.message}`);
        assert.ok(Array.isArray(e.diagnostics));
      }
      try {
        cb.call(op, input);
      } catch (e) {
        assert.ok(e instanceof Error && typeof e.code === "string");
      }
    }
    stillWorks();
  });
}

test("a non-string operation name throws and the module still works", () => {
  assert.throws(() => cb.call(42, good), Error);
  assert.throws(() => cb.call(undefined, good), Error);
  stillWorks();
});
