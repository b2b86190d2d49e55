// Loads every tests/vectors/**/*.json file, sorted, as { file, c }.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const vectorsDir = fileURLToPath(new URL("../../../tests/vectors/", import.meta.url));

export function loadVectors() {
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".json")) files.push(p);
    }
  };
  walk(vectorsDir);
  files.sort();
  return files.map((f) => ({ file: relative(vectorsDir, f), c: JSON.parse(readFileSync(f, "utf8")) }));
}
