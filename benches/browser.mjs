// Browser bench: headless Chromium (playwright-core, /usr/bin/chromium) loads the packed npm
// package from a page served on 127.0.0.1 (as bindings/wasm/js-tests/browser.test.mjs does) and
// measures: module size (raw, gzip -9), instantiate time (fetch + compile + instantiate via
// init(), 7 fresh pages), median evaluate(text) and evaluate(object) per call vs JSON.parse of
// the same text, and the wasm memory / JS heap across N evaluate calls.
//
// node benches/browser.mjs INPUTS_DIR [MEMORY_CALLS=1000000]   → one JSON object on stdout
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..");
const require = createRequire(join(repo, "package.json"));
const { chromium } = require("playwright-core");
const inputs = process.argv[2];
const memoryCalls = Number(process.argv[3] ?? 1_000_000);
const pkg = join(repo, "bindings", "wasm", "node_modules", "cosmos-backup");
const roots = { pkg, inputs };
const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
const docs = ["small-periodic", "get-body", "template-50", "restore-events-300"];

const html = `<!doctype html><meta charset="utf-8"><title>bench</title>
<script type="module">
  import init, * as cb from "/pkg/web/cosmos_backup.js";
  const t0 = performance.now();
  const wasm = await init({ module_or_path: "/pkg/web/cosmos_backup_bg.wasm" });
  window.initMs = performance.now() - t0;
  window.cb = cb; window.wasm = wasm;
  document.title = "ready";
</script>`;

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  if (url.pathname === "/") return res.writeHead(200, { "content-type": "text/html", "cache-control": "no-store" }).end(html);
  const [, top, ...rest] = url.pathname.split("/");
  const base = roots[top];
  const file = base && normalize(join(base, ...rest));
  if (!file || !file.startsWith(base)) return res.writeHead(404).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--enable-precise-memory-info", "--js-flags=--expose-gc"],
});
const out = {};
try {
  const wasmBytes = readFileSync(join(pkg, "web", "cosmos_backup_bg.wasm"));
  out.size = { raw: wasmBytes.length, gzip9: gzipSync(wasmBytes, { level: 9 }).length };

  const inits = [];
  let page;
  for (let i = 0; i < 7; i++) {
    if (page) await page.close();
    page = await browser.newPage();
    await page.goto(origin + "/");
    await page.waitForFunction(() => document.title === "ready", null, { timeout: 60_000 });
    inits.push(await page.evaluate(() => window.initMs));
  }
  inits.sort((a, b) => a - b);
  out.instantiate_ms = { median: inits[3], min: inits[0], max: inits[6] };

  out.calls = await page.evaluate(async (docs) => {
    const median = (fn) => {
      let n = 1, t = 0;
      while (t < 20) { const t0 = performance.now(); for (let i = 0; i < n; i++) fn(); t = performance.now() - t0; n *= 2; }
      n = Math.max(1, n >> 1);
      const xs = [];
      for (let k = 0; k < 15; k++) { const t0 = performance.now(); for (let i = 0; i < n; i++) fn(); xs.push(((performance.now() - t0) / n) * 1000); }
      xs.sort((a, b) => a - b);
      return xs[7];
    };
    const r = {};
    for (const d of docs) {
      const text = await (await fetch(`/inputs/${d}.json`)).text();
      const obj = JSON.parse(text);
      const parse = median(() => JSON.parse(text));
      const evText = median(() => window.cb.evaluate(text));
      const evObj = median(() => window.cb.evaluate(obj));
      // What the answer alone costs the page: its size, and JSON.parse of its text (a floor for any
      // engine that answers this much), plus `validate`, the lighter keystroke operation.
      const answer = JSON.stringify(window.cb.evaluate(text));
      const parseAnswer = median(() => JSON.parse(answer));
      const validate = median(() => window.cb.validate(text));
      r[d] = { json_parse_us: parse, evaluate_text_us: evText, evaluate_object_us: evObj, ratio_text: evText / parse, ratio_object: evObj / parse,
               input_bytes: text.length, answer_bytes: answer.length, parse_answer_us: parseAnswer, validate_text_us: validate, ratio_validate: validate / parse };
    }
    return r;
  }, docs);

  out.memory = await page.evaluate(async (n) => {
    const text = await (await fetch(`/inputs/small-periodic.json`)).text();
    const obj = JSON.parse(text);
    const step = Math.max(1, Math.floor(n / 10));
    const samples = [];
    const t0 = performance.now();
    for (let i = 0; i <= n; i++) {
      if (i % step === 0) {
        if (globalThis.gc) globalThis.gc();
        samples.push([i, window.wasm.memory.buffer.byteLength, performance.memory ? performance.memory.usedJSHeapSize : null]);
      }
      if (i === n) break;
      window.cb.evaluate(i % 2 ? text : obj);
    }
    return { calls: n, samples, seconds: (performance.now() - t0) / 1000 };
  }, memoryCalls);
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out));
