// Node (ESM): the same API as the web build, already initialised.
export * from "../web/cosmos_backup.js";
export { default } from "../web/cosmos_backup.js";
