//! JSON Schemas of every input and output (feature `schema`), generated from the Rust types.
//!
//! [`bundle`] is one JSON Schema document (draft 2020-12): `$defs` holds every type, and
//! `operations` names, for each row of the operations table, its function, input and output.
//! `schemas/cosmos-backup.schema.json` is this bundle, checked in (a test fails when it is
//! stale); the npm package and the wheel ship it, and the Python result classes and `.pyi` are
//! generated from it.

use super::inputs::{
    AzureDocument, FleetInput, LocateInput, ProjectInput, RestorePlanInput, Scenario, Source, WhatIfInput,
};
use super::{OPERATION_TABLE, SCHEMA_VERSION};
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{Map, Value, json};

/// The schema bundle: every input and output type of every operation.
pub fn bundle() -> Value {
    // The contract of what the engine *emits*: a field serde skips when empty is not required.
    let mut g = SchemaSettings::draft2020_12().for_serialize().into_generator();
    let outputs = output_schemas(&mut g);
    // The inputs' types go into `$defs`; `input_ref` writes their `$ref`s.
    let _ = g.subschema_for::<Scenario>();
    let _ = g.subschema_for::<Source>();
    let _ = g.subschema_for::<LocateInput>();
    let _ = g.subschema_for::<RestorePlanInput>();
    let _ = g.subschema_for::<AzureDocument>();
    let _ = g.subschema_for::<ProjectInput>();
    let _ = g.subschema_for::<WhatIfInput>();
    let _ = g.subschema_for::<FleetInput>();
    let mut defs = g.take_definitions(true);
    defs.insert(String::from("Input"), input_schema());
    defs.insert(String::from("Json"), json!({"description": "Any JSON value."}));
    defs.sort_keys();
    let mut operations = Map::new();
    for (op, output) in OPERATION_TABLE.iter().zip(outputs) {
        operations.insert(
            op.name.to_string(),
            json!({
                "function": op.function,
                "summary": op.summary.trim(),
                "inputRequired": op.input == super::InputKind::Document,
                "input": input_ref(op.ts_input),
                "output": output,
            }),
        );
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "cosmos-backup",
        "description": "Inputs and outputs of every cosmos-backup operation (generated from the Rust types).",
        "schemaVersion": SCHEMA_VERSION,
        "operations": operations,
        "$defs": defs,
    })
}

/// What the operations take in place of a document: a scenario, a source text or a bare document.
fn input_schema() -> Value {
    json!({
        "description": "A scenario, a bare Azure document, or a source text.",
        "anyOf": [{"$ref": "#/$defs/Scenario"}, {"$ref": "#/$defs/Source"}, {"$ref": "#/$defs/AzureDocument"}]
    })
}

/// An input's schema from its TypeScript type in the table (`"FleetInput | Scenario[] | string"`):
/// each alternative is a `$defs` name, or a name with `[]` (an array of it); `string` is the same
/// input as JSON text, which every operation also takes.
fn input_ref(ts_input: &str) -> Value {
    let alternatives: Vec<Value> = ts_input
        .split(" | ")
        .map(|name| match name.strip_suffix("[]") {
            _ if name == "string" => json!({"type": "string", "description": "the same input as JSON text"}),
            Some(item) => json!({"type": "array", "items": {"$ref": format!("#/$defs/{item}")}}),
            None => json!({"$ref": format!("#/$defs/{name}")}),
        })
        .collect();
    json!({ "anyOf": alternatives })
}

macro_rules! outputs {
    ($($(#[doc = $doc:literal])* $name:ident / $snake:ident ($kind:ident: $ts_in:literal) -> $out:ty as $ts_out:literal = $run:expr;)*) => {
        /// The `$ref` of each operation's answer, in table order.
        fn output_schemas(g: &mut SchemaGenerator) -> Vec<Value> {
            vec![$(reference::<$out>(g)),*]
        }
    };
}
crate::for_each_operation!(outputs);

fn reference<T: JsonSchema>(g: &mut SchemaGenerator) -> Value {
    g.subschema_for::<T>().to_value()
}
