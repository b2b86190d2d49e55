//! The WebAssembly binding: one export per operation of [`cosmos_backup::api`], nothing else.
//!
//! Every function takes a plain JS object or JSON text, delegates to [`api::run_json`] /
//! [`api::run_value`] and returns a plain object (the core's JSON text answer, parsed by the
//! host's `JSON.parse`). Misuse — input that is not a document,
//! unparseable text, an unknown operation — throws a real `Error` with `code` and `diagnostics`
//! properties. No rule, price or default lives here.
//!
//! Adding an operation is one entry in the core's operations table
//! (`crates/cosmos-backup/src/api/operations.rs`): the exports below are generated from it.
#![cfg(target_family = "wasm")]

use cosmos_backup::api::{self, ApiError};
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// One export per operation of the core's table (`cosmos_backup::for_each_operation!`): the JS
/// name is the operation's name, and `call(op, input)` is typed from the same table
/// (`OperationMap`). An `optional` input may be left out.
macro_rules! wasm_operations {
    ($($(#[doc = $doc:literal])* $name:ident / $snake:ident ($kind:ident: $input:literal) -> $out:ty as $output:literal = $run:expr;)*) => {
        $(
            #[doc = concat!($($doc,)* "\n\nThe `", stringify!($name), "` operation (see `cosmos_backup::api`).")]
            #[wasm_bindgen(skip_typescript)]
            #[allow(non_snake_case, reason = "the JS function is named exactly as the operation (`restoreWindow`)")]
            pub fn $name(input: wasm_operations!(@input $kind)) -> Result<JsValue, JsValue> {
                run(stringify!($name), input.into())
            }
        )*

        // The declarations, written here so an optional input reads `input?:`.
        #[wasm_bindgen(typescript_custom_section)]
        const OPERATIONS_TS: &str = concat!(
            $(
                "/**", $($doc,)* "\n * Throws a `CosmosBackupError` on misuse. */\n",
                "export function ", stringify!($name), "(input", wasm_operations!(@mark $kind), ": ", $input, "): ", $output, ";\n",
            )*
            "/** Input and output of each operation, for `call`. */\nexport interface OperationMap {\n",
            $("  ", stringify!($name), ": { input: ", $input, wasm_operations!(@undefined $kind), "; output: ", $output, " };\n",)*
            "}\n/** The name of an operation. */\nexport type Operation = keyof OperationMap;\n",
        );
    };
    (@input optional) => { Option<JsValue> };
    (@input document) => { JsValue };
    (@mark optional) => { "?" };
    (@mark document) => { "" };
    (@undefined optional) => { " | undefined" };
    (@undefined document) => { "" };
}

cosmos_backup::for_each_operation!(wasm_operations);

/// Runs any operation by name: `call("evaluate", scenario)`.
#[wasm_bindgen(skip_typescript)]
pub fn call(op: &str, input: JsValue) -> Result<JsValue, JsValue> {
    run(op, input.into())
}

#[wasm_bindgen(typescript_custom_section)]
const CALL: &str = r#"
/** Runs an operation by name; throws a `CosmosBackupError` on misuse. */
export function call<K extends Operation>(op: K, input: OperationMap[K]["input"]): OperationMap[K]["output"];
/** The `Error` every function throws on misuse (never a string). */
export interface CosmosBackupError extends Error {
  /** Stable code from the catalogue, e.g. `input.json-syntax`. */
  code: string;
  /** The findings behind it (at least one). */
  diagnostics: Diagnostic[];
}
"#;

/// The names of every operation the engine offers (`api::OPERATIONS`).
#[wasm_bindgen(unchecked_return_type = "Operation[]")]
pub fn operations() -> Vec<String> {
    api::OPERATIONS.iter().map(|s| s.to_string()).collect()
}

fn run(op: &str, input: Input) -> Result<JsValue, JsValue> {
    let input = input.0;
    // JSON text takes the core's text path, which also reports what parsing would hide (duplicate keys).
    let answer = match input.as_string() {
        Some(text) => api::run_json(op, &text),
        None => api::run_value(op, &value(&input)?),
    };
    let text = answer.map_err(|e| thrown(&e))?;
    js_sys::JSON::parse(&text)
}

/// A serde value as a plain JS value: serialised to JSON text here and parsed by the engine's
/// `JSON.parse`. One string crosses the boundary instead of one call per key and value (what
/// serde-wasm-bindgen does), which is several times faster and ~20 KB less code. Maps become
/// plain objects and integers JS numbers (every integer in an answer is far below 2^53).
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// An operation's input as given: required (`JsValue`) or optional (`Option<JsValue>`).
struct Input(JsValue);

impl From<JsValue> for Input {
    fn from(v: JsValue) -> Self {
        Self(v)
    }
}

impl From<Option<JsValue>> for Input {
    fn from(v: Option<JsValue>) -> Self {
        Self(v.unwrap_or(JsValue::UNDEFINED))
    }
}

/// JSON text is parsed by the core (its size and depth limits apply); any other value goes
/// through `JSON.stringify` first, which turns cycles, `BigInt`s and runaway nesting into a
/// catchable JS exception instead of unbounded recursion inside the module.
fn value(input: &JsValue) -> Result<Value, JsValue> {
    if let Some(text) = input.as_string() {
        return api::parse_json(&text).map_err(|e| thrown(&e));
    }
    if input.is_undefined() || input.is_null() {
        return Ok(Value::Null);
    }
    let text = js_sys::JSON::stringify(input)
        .map_err(|e| thrown(&api::not_json(&describe(&e))))?
        .as_string()
        .ok_or_else(|| thrown(&api::not_json("a function or symbol")))?;
    api::parse_json(&text).map_err(|e| thrown(&e))
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map_or_else(|| String::from("an exception"), |e| String::from(e.message()))
}

/// A real `Error` carrying `code` and `diagnostics`, never a string.
fn thrown(e: &ApiError) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    err.set_name("CosmosBackupError");
    let diagnostics = to_js(&e.diagnostics).unwrap_or(JsValue::NULL);
    // Reflect::set only fails on frozen or proxy objects; a fresh Error is neither.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("code"), &JsValue::from_str(&e.code));
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("diagnostics"), &diagnostics);
    err.into()
}
