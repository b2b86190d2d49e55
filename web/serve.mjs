// A static server for web/ on 127.0.0.1 only: the page's own files, `.wasm` as application/wasm,
// the same Content-Security-Policy as the page's meta tag, and nothing else.
// `node web/serve.mjs [port]` (default 8080; 0 picks a free port). The tests import `serve`.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};
export const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Serves web/ on 127.0.0.1:`port`; resolves to the running server. */
export function serve(port = 8080) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const rel = path.endsWith("/") ? path + "index.html" : path;
    const file = normalize(join(root, rel));
    const type = types[extname(file)];
    // Only the page's own kinds of file, only inside web/, never the tests.
    if (!file.startsWith(root + sep) || !type || file.startsWith(join(root, "tests") + sep)) {
      return res.writeHead(404).end();
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": type,
        "content-security-policy": CSP,
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8080));
  console.log(`cosmos-backup page: http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop)`);
}
