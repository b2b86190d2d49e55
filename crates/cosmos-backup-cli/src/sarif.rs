//! SARIF 2.1.0 output, so code-scanning UIs show findings on the right line.

use crate::Outcome;
use cosmos_backup::api;
use cosmos_backup::diagnostics::{Diagnostic, Severity};
use serde_json::{Value, json};

/// Prints one SARIF log covering every input.
pub fn print(outcomes: &[Outcome]) -> std::io::Result<()> {
    let rules: Vec<Value> = api::rules()
        .iter()
        .map(|r| json!({"id": r.code, "shortDescription": {"text": r.summary}, "properties": {"source": r.source}, "defaultConfiguration": {"level": level(r.severity)}}))
        .collect();
    let mut results = Vec::new();
    for o in outcomes {
        let diags: Vec<&Diagnostic> = match &o.result {
            Ok(e) => api::all_diagnostics(e),
            Err(e) => e.diagnostics.iter().collect(),
        };
        results.extend(diags.into_iter().map(|d| result(o, d)));
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "cosmos-backup", "version": env!("CARGO_PKG_VERSION"), "rules": rules}},
            "results": results,
        }],
    });
    crate::out(&serde_json::to_string_pretty(&log)?)
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result(o: &Outcome, d: &Diagnostic) -> Value {
    let (file, pos) = crate::human::place(o, d);
    let mut physical = json!({"artifactLocation": {"uri": file}});
    if let (Some((line, column)), Some(map)) = (pos, physical.as_object_mut()) {
        map.insert("region".into(), json!({"startLine": line, "startColumn": column}));
    }
    let location = json!({"physicalLocation": physical, "logicalLocations": [{"fullyQualifiedName": d.path.as_str(), "kind": "member"}]});
    json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": {"text": format!("{}. Fix: {}", d.message, d.help)},
        "locations": [location],
        "properties": {"source": d.source, "jsonPointer": d.path.as_str()},
    })
}
