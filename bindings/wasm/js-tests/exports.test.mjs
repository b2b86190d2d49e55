// Each import path of the packed package, each in its own Node process so no path borrows
// another's initialisation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const probe = 'JSON.stringify(cb.evaluate({properties:{backupPolicy:{type:"Continuous"}}}).results[0].effectivePolicy)';
const run = (code, flags = []) =>
  execFileSync(process.execPath, [...flags, "--input-type=module", "-e", code], { cwd: here, encoding: "utf8" }).trim();
const expected = '{"type":"Continuous","tier":"Continuous30Days","retentionDays":30,"defaulted":["tier"]}';

test("import 'cosmos-backup' in Node (ESM) needs no init()", () => {
  assert.equal(run(`import * as cb from "cosmos-backup"; console.log(${probe});`), expected);
});

test("import 'cosmos-backup/node'", () => {
  assert.equal(run(`import * as cb from "cosmos-backup/node"; console.log(${probe});`), expected);
});

test("import 'cosmos-backup/web' with init() (the <script type=module> loader)", () => {
  const code = `import init, * as cb from "cosmos-backup/web";
    import { readFileSync } from "node:fs";
    let threw = false; try { cb.rules(); } catch { threw = true; }
    if (!threw) throw new Error("usable before init()");
    const wasm = readFileSync(new URL(import.meta.resolve("cosmos-backup/cosmos_backup_bg.wasm")));
    await init({ module_or_path: wasm });
    await init();  // a second init() is harmless
    console.log(${probe});`;
  assert.equal(run(code), expected);
});

test("import 'cosmos-backup/bundler' (the ESM-integration build bundlers consume)", () => {
  const code = `import * as cb from "cosmos-backup/bundler"; console.log(${probe});`;
  assert.equal(run(code, ["--experimental-wasm-modules", "--no-warnings"]), expected);
});

test("the package ships exactly its loaders, types and README", () => {
  const root = dirname(fileURLToPath(import.meta.resolve("cosmos-backup/package.json")));
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8"));
  assert.equal(pkg.name, "cosmos-backup");
  for (const f of [
    "README.md", "web/cosmos_backup.js", "web/cosmos_backup.d.ts", "web/cosmos_backup_bg.wasm",
    "bundler/cosmos_backup.js", "bundler/cosmos_backup_bg.js", "bundler/cosmos_backup.d.ts",
    "bundler/cosmos_backup_bg.wasm", "node/index.js", "node/index.d.ts", "schema.json",
  ]) {
    assert.ok(existsSync(`${root}/${f}`), `missing ${f}`);
  }
  const dts = readFileSync(`${root}/web/cosmos_backup.d.ts`, "utf8");
  for (const t of ["interface Evaluation", "interface Diagnostic", "interface Scenario", "OperationMap", "export function evaluate(input: Input | string): Evaluation"]) {
    assert.ok(dts.includes(t), `.d.ts lacks ${t}`);
  }
});
