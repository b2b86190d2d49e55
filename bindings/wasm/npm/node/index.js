// Node (ESM): the web build, instantiated synchronously from the .wasm beside it, so callers
// need no init(). Calling the default export anyway is harmless (it returns at once).
import { readFileSync } from "node:fs";
import { initSync } from "../web/cosmos_backup.js";

initSync({ module: readFileSync(new URL("../web/cosmos_backup_bg.wasm", import.meta.url)) });

export * from "../web/cosmos_backup.js";
export { default } from "../web/cosmos_backup.js";
