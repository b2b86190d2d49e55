//! TypeScript declarations of the API's inputs (feature `ts`, used by the WebAssembly package).
//!
//! The outputs get theirs from `#[derive(tsify::Tsify)]` on each contract type, the inputs'
//! structs from [`super::inputs`]; here are the JSON-level types written by hand.

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(typescript_custom_section)]
const JSON_TYPES: &str = r#"
/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** An Azure document in any shape the readers know: an ARM resource or template, a REST spec
 * example, `az` CLI or PowerShell output, an array of them or a `{"value": [...]}` list. */
export type AzureDocument = { [key: string]: Json } | Json[];
/** A decimal: a JSON number or a decimal string such as `"1000.5"`. */
export type DecimalInput = number | string;
/** A text in any format the engine reads, given in place of a document (`account`, `current`,
 * the whole input): its findings carry a `location` in that text. */
export interface Source {
  /** The format; when left out, `file`'s extension selects it. */
  format?: "json" | "jsonc" | "bicep" | "bicepparam" | "terraform" | "tfvars";
  /** The file's text. */
  text: string;
  /** The file name, shown in each finding's `location`. */
  file?: string;
  /** The parameters file(s) of a template (`.json`, `.bicepparam`, `.tfvars`). */
  parameters?: Source | Source[];
  /** Texts of local Bicep modules, by the path the `module` declaration writes. */
  modules?: { [path: string]: string };
}
/** What `evaluate`, `validate` and `read` take: a scenario, a bare Azure document, or a source. */
export type Input = Scenario | Source | AzureDocument;
"#;
