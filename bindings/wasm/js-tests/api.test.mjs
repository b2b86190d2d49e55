// The package's surface: one named export per operation, plain-object answers, real Errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as cb from "cosmos-backup";

const doc = {
  properties: {
    backupPolicy: { type: "Periodic", periodicModeProperties: { backupIntervalInMinutes: 30, backupRetentionIntervalInHours: 8 } },
  },
};

test("every operation of the core has a named export", () => {
  const ops = cb.operations();
  assert.ok(ops.includes("evaluate") && ops.includes("locate"));
  for (const op of ops) assert.equal(typeof cb[op], "function", `no export for operation ${op}`);
});

test("answers are plain objects and arrays, never Maps", () => {
  const isPlain = (v) => {
    if (v === null || typeof v !== "object") return typeof v !== "bigint";
    if (Array.isArray(v)) return v.every(isPlain);
    return Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(isPlain);
  };
  const e = cb.evaluate(doc);
  assert.ok(isPlain(e));
  assert.equal(e.results[0].diagnostics[0].code, "periodic.interval-below-minimum");
  assert.equal(e.results[0].diagnostics[0].path, "/properties/backupPolicy/periodicModeProperties/backupIntervalInMinutes");
  assert.ok(isPlain(cb.rules()) && isPlain(cb.read(doc)) && isPlain(cb.validate(doc)));
});

test("named functions and call() agree, on objects and on JSON text", () => {
  for (const op of ["evaluate", "validate", "read"]) {
    assert.deepEqual(cb[op](doc), cb.call(op, doc));
    assert.deepEqual(cb[op](JSON.stringify(doc)), cb.call(op, doc));
  }
  assert.equal(cb.validate(doc).valid, false);
  assert.deepEqual(cb.locate({ text: '{"a":\n  {"b": 1}}', pointer: "/a/b" }), { line: 2, column: 9 });
  assert.equal(cb.locate({ text: "{}", pointer: "/missing" }), null);
});

test("misuse throws a real Error with code and diagnostics", () => {
  const cases = [
    [() => cb.evaluate(42), "input.not-a-document"],
    [() => cb.evaluate("{not json"), "input.json-syntax"],
    [() => cb.call("evalute", doc), "input.not-a-document"],
  ];
  for (const [f, code] of cases) {
    assert.throws(f, (e) => {
      assert.ok(e instanceof Error, "thrown value is an Error");
      assert.equal(e.name, "CosmosBackupError");
      assert.equal(e.code, code);
      assert.ok(Array.isArray(e.diagnostics) && e.diagnostics.length >= 1);
      assert.equal(e.diagnostics[0].code, code);
      assert.equal(typeof e.stack, "string");
      return true;
    });
  }
});

for (const [which, readmePath] of [
  ["package", () => new URL(import.meta.resolve("cosmos-backup/package.json")).pathname.replace(/package\.json$/, "README.md")],
  ["repository", () => new URL("../../../README.md", import.meta.url).pathname],
]) test(`the ${which} README's first JS example runs and its comments are true`, async () => {
  const { readFileSync } = await import("node:fs");
  const { execFileSync } = await import("node:child_process");
  const readme = readFileSync(readmePath(), "utf8");
  const block = readme.split("```js\n")[1].split("```")[0];
  // Each `expr;  // value` line of the example becomes an assertion.
  const checks = [...block.matchAll(/^(answer[^;]*);\s*\/\/\s*(.+)$/gm)]
    .map(([, expr, want]) => `if (JSON.stringify(${expr}) !== ${JSON.stringify(want.trim())}) throw new Error(${JSON.stringify(expr)} + " is " + JSON.stringify(${expr}));`);
  assert.ok(checks.length >= 3);
  execFileSync(process.execPath, ["--input-type=module", "-e", block + "\n" + checks.join("\n")], {
    cwd: new URL(".", import.meta.url),
    encoding: "utf8",
  });
});
