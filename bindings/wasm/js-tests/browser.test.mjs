// The packed package in real headless Chromium: a page served from 127.0.0.1 loads it with
// <script type=module> and init(), then runs every vector (object and JSON-text paths) with the
// same matcher as Node, plus the hostile inputs that matter in a browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { loadVectors } from "./vectors.mjs";

const here = dirname(fileURLToPath(import.meta.url));
// /pkg/ is the packed package as build.sh installs it for the tests (bindings/wasm/node_modules); /js/ is this folder (the matcher).
const roots = { pkg: join(here, "..", "node_modules", "cosmos-backup"), js: here };
const types = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };
const page_html = `<!doctype html><meta charset="utf-8"><title>cosmos-backup</title>
<script type="module">
  import init, * as cb from "/pkg/web/cosmos_backup.js";
  import { runVectors } from "/js/matcher.mjs";
  await init();
  window.cb = cb;
  window.runVectors = (cases) => runVectors(cb, cases);
  document.title = "ready";
</script>`;

let server, browser, page, origin;

before(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (url.pathname === "/") return res.writeHead(200, { "content-type": "text/html" }).end(page_html);
    const [, top, ...rest] = url.pathname.split("/");
    const base = roots[top];
    const file = base && normalize(join(base, ...rest));
    if (!file || !file.startsWith(base)) return res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(origin + "/");
  await page.waitForFunction(() => document.title === "ready" || undefined, null, { timeout: 30_000 }).catch((e) => {
    throw new Error(`page did not load the package: ${errors.join("; ") || e.message}`);
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("chromium: every vector passes, as an object and as JSON text", async () => {
  const cases = loadVectors();
  const failures = await page.evaluate((cases) => window.runVectors(cases), cases);
  assert.deepEqual(failures, [], failures.join("\n\n"));
});

test("chromium: every operation is exported and errors are real Errors", async () => {
  const r = await page.evaluate(() => {
    const missing = window.cb.operations().filter((op) => typeof window.cb[op] !== "function");
    let err;
    try {
      window.cb.evaluate("{oops");
    } catch (e) {
      err = { isError: e instanceof Error, code: e.code, n: e.diagnostics.length };
    }
    return { missing, err };
  });
  assert.deepEqual(r, { missing: [], err: { isError: true, code: "input.json-syntax", n: 1 } });
});

test("chromium: hostile input leaves the module usable", async () => {
  const r = await page.evaluate(() => {
    let v = 1;
    for (let i = 0; i < 1_000_000; i++) v = [v];
    const cyc = {};
    cyc.self = cyc;
    const inputs = [v, cyc, 10n, Symbol("s"), "[".repeat(100_000), { a: "x".repeat(5_000_000) }, NaN];
    const bad = [];
    for (const input of inputs) {
      for (const op of window.cb.operations()) {
        try {
          window.cb[op](input);
        } catch (e) {
          if (!(e instanceof Error) || typeof e.code !== "string") bad.push(`${op}: ${String(e)}`);
        }
      }
    }
    const tier = window.cb.evaluate({ properties: { backupPolicy: { type: "Continuous" } } }).results[0].effectivePolicy.tier;
    return { bad, tier };
  });
  assert.deepEqual(r, { bad: [], tier: "Continuous30Days" });
});
