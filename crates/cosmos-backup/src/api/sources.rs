//! Source objects: a text in another format given in place of a document.
//!
//! `{"format": "bicep", "text": "…", "file"?: "main.bicep", "parameters"?: <source or [sources]>,
//! "modules"?: {"./m.bicep": "…"}}` may stand for the whole input, a scenario's `account` or
//! `current`, or a scenario of a fleet. Before an operation runs, each is converted by its
//! reader ([`crate::formats`]) into the JSON model the engine judges; afterwards every finding
//! under it gets the `location` (file, line, column) of the text the user wrote.
//!
//! An ARM parameters file given with a template is attached to it as `$parameters`, where the
//! template readers look first when they resolve `[parameters('x')]`.

use super::ApiError;
use crate::diagnostics::{Diagnostic, Location};
use crate::formats::{self, Converted, Format, MapKind, SourceMap};
use crate::input;
use crate::pointer::Pointer;
use serde_json::{Map, Value};

pub use crate::formats::PARAMETERS_KEY;

/// A document with its source objects converted.
#[derive(Debug, Default)]
pub struct Expanded {
    /// The document the operation runs on.
    pub value: Value,
    /// Findings of the conversions (paths into `value`, each with its location).
    pub findings: Vec<Diagnostic>,
    /// Where each converted part was written: (pointer to the part in `value`, its map).
    pub maps: Maps,
}

impl Expanded {
    /// Where the value at `path` was written, if it came from a converted text.
    pub fn locate(&self, path: &Pointer) -> Option<Location> {
        let (prefix, map) = self
            .maps
            .iter()
            .filter(|(p, _)| path.starts_with(p))
            .max_by_key(|(p, _)| p.as_str().len())?;
        map.locate(&path.strip_prefix(prefix)?)
    }

    /// Sets the `location` of every finding that has none and came from a converted text.
    pub fn annotate<'d>(&self, diags: impl IntoIterator<Item = &'d mut Diagnostic>) {
        for d in diags {
            if d.location.is_none() {
                d.location = self.locate(&d.path);
            }
        }
    }
}

/// True when a value is a source object (a `text` with a `format` or a `file` name).
pub fn is_source(v: &Value) -> bool {
    let Some(m) = v.as_object() else {
        return false;
    };
    m.get("text").is_some_and(Value::is_string)
        && (m.get("format").is_some_and(Value::is_string) || m.get("file").is_some_and(Value::is_string))
        && !["properties", "resources", "type", "account"]
            .iter()
            .any(|k| m.contains_key(*k))
}

/// The places a source object may stand: the root, a scenario's `account` / `current`, each
/// scenario of a fleet (and its `account` / `current`).
fn slots(value: &Value) -> Vec<Pointer> {
    let mut out = Vec::new();
    let scenario = |v: &Value, at: Pointer, out: &mut Vec<Pointer>| {
        if is_source(v) {
            out.push(at);
            return;
        }
        for k in ["account", "current"] {
            if v.get(k).is_some_and(is_source) {
                out.push(at.key(k));
            }
        }
    };
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                scenario(item, Pointer::root().index(i), &mut out);
            }
        }
        other => scenario(other, Pointer::root(), &mut out),
    }
    out
}

/// Converts every source object in `value`; `None` when it holds none (no copy is made).
pub fn expand(value: &Value) -> Result<Option<Expanded>, ApiError> {
    let slots = slots(value);
    if slots.is_empty() {
        return Ok(None);
    }
    let mut out = Expanded {
        value: value.clone(),
        ..Expanded::default()
    };
    for at in slots {
        let Some(slot) = pointer_mut(&mut out.value, &at) else {
            continue;
        };
        let source = std::mem::take(slot);
        let (converted, maps) = convert(&source, &at).map_err(|d| refusal(*d, &at))?;
        *slot = converted.value;
        out.findings.extend(converted.findings);
        out.maps.extend(maps);
    }
    let mut findings = std::mem::take(&mut out.findings);
    out.annotate(findings.iter_mut());
    out.findings = findings;
    Ok(Some(out))
}

/// A refusal from a reader, with its path moved under the slot it came from.
fn refusal(mut d: Diagnostic, at: &Pointer) -> ApiError {
    d.path = d.path.under(at);
    ApiError::from_diagnostic(d)
}

fn pointer_mut<'v>(v: &'v mut Value, at: &Pointer) -> Option<&'v mut Value> {
    if at.as_str().is_empty() {
        Some(v)
    } else {
        v.pointer_mut(at.as_str())
    }
}

fn field<'v>(m: &'v Map<String, Value>, k: &str) -> Option<&'v str> {
    m.get(k).and_then(Value::as_str)
}

/// The format a source object names (its `format`, else its `file` extension).
fn format_of(m: &Map<String, Value>) -> Result<Format, Box<Diagnostic>> {
    let named = field(m, "format");
    let by_file = field(m, "file").and_then(Format::from_file_name);
    match named {
        Some(n) => Format::from_name(n).ok_or_else(|| {
            Box::new(input::FORMAT_UNSUPPORTED.at(
                &Pointer::root().key("format"),
                format!(
                    "`format` is `{}`, not a format the engine reads",
                    crate::values::clip(n)
                ),
                format!("use one of {}", Format::names()),
            ))
        }),
        None => by_file.ok_or_else(|| {
            Box::new(input::FORMAT_UNSUPPORTED.at(
                &Pointer::root().key("file"),
                "the source object has no `format` and its `file` extension names none",
                format!("add `\"format\"`: one of {}", Format::names()),
            ))
        }),
    }
}

/// Where each converted part was written: (pointer to the part, its map).
type Maps = Vec<(Pointer, SourceMap)>;

/// Converts one source object found at `at` into its value, its findings and its maps.
fn convert(source: &Value, at: &Pointer) -> Result<(Converted, Maps), Box<Diagnostic>> {
    let empty = Map::new();
    let m = source.as_object().unwrap_or(&empty);
    let format = format_of(m)?;
    let text = field(m, "text").unwrap_or("");
    let file = field(m, "file");
    let params: Vec<&Value> = match m.get("parameters") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    let mut converted = match format {
        Format::Json | Format::Jsonc => json(text, file)?,
        Format::Bicep => {
            // The parameters file's values also decide the expressions that use them.
            let given = params.first().and_then(|p| convert(p, at).ok()).map(|(c, _)| c.value);
            formats::bicep::convert_with(text, file, &modules(m), given.as_ref())?
        }
        Format::Bicepparam => formats::bicep::convert_params(text, file)?,
        Format::Terraform | Format::Tfvars => {
            let (tf, vars) = terraform_texts(format, text, file, &params);
            formats::hcl::convert(&tf, if format == Format::Terraform { file } else { None }, &vars)?
        }
    };
    let mut maps = vec![(at.clone(), std::mem::take(&mut converted.map))];
    move_under(&mut converted.findings, at);
    if !matches!(format, Format::Terraform | Format::Tfvars) {
        if let Some(p) = params.first() {
            attach_parameters(&mut converted, p, at, &mut maps)?;
        }
    }
    Ok((converted, maps))
}

/// A Terraform source's configuration text and its `.tfvars` texts (a `tfvars` source alone
/// has no configuration: the reader says which it needs).
fn terraform_texts(
    format: Format,
    text: &str,
    file: Option<&str>,
    params: &[&Value],
) -> (String, Vec<(String, String)>) {
    let mut vars: Vec<(String, String)> = params
        .iter()
        .filter_map(|p| {
            let name = p.get("file").and_then(Value::as_str).unwrap_or("terraform.tfvars");
            Some((name.to_string(), p.get("text")?.as_str()?.to_string()))
        })
        .collect();
    if format == Format::Tfvars {
        vars.insert(0, (file.unwrap_or("terraform.tfvars").to_string(), text.to_string()));
        return (String::new(), vars);
    }
    (text.to_string(), vars)
}

fn modules(m: &Map<String, Value>) -> Vec<(String, String)> {
    m.get("modules")
        .and_then(Value::as_object)
        .map(|mods| {
            mods.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default()
}

/// Attaches a parameters file to the template converted from the same source object.
fn attach_parameters(
    converted: &mut Converted,
    params: &Value,
    at: &Pointer,
    maps: &mut Maps,
) -> Result<(), Box<Diagnostic>> {
    let under = at.key(PARAMETERS_KEY);
    let (mut p, mut p_maps) = convert(params, &under)?;
    // A `.bicepparam` with its template needs no reminder that it names one.
    p.findings
        .retain(|f| f.code != formats::bicep::PARAMS_WITHOUT_TEMPLATE.code);
    if let Value::Object(t) = &mut converted.value {
        t.insert(PARAMETERS_KEY.to_string(), std::mem::take(&mut p.value));
    }
    converted.findings.append(&mut p.findings);
    maps.append(&mut p_maps);
    Ok(())
}

fn move_under(findings: &mut [Diagnostic], at: &Pointer) {
    for d in findings {
        d.path = d.path.under(at);
    }
}

/// JSON or JSON with comments: parsed as the text API parses JSON, located on the cleaned text.
fn json(text: &str, file: Option<&str>) -> Result<Converted, Box<Diagnostic>> {
    let (value, findings) = super::parse_text(text).map_err(|mut e| {
        let mut d = e
            .diagnostics
            .pop()
            .unwrap_or_else(|| input::JSON_SYNTAX.at(&Pointer::root(), e.message, ""));
        if let Some(loc) = d.location.as_mut() {
            loc.file = file.map(str::to_string);
        }
        Box::new(d)
    })?;
    let clean = formats::jsonc::blank(text).unwrap_or_else(|| text.to_string());
    Ok(Converted {
        value,
        findings,
        map: SourceMap {
            file: file.map(str::to_string),
            kind: MapKind::JsonText(clean),
        },
    })
}
