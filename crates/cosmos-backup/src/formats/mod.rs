//! Text formats besides plain JSON: JSON with comments, Bicep and Terraform.
//!
//! Each reader turns its text into the JSON model the engine already judges (an ARM
//! deployment template for Bicep, a plan-like `resource_changes` document for Terraform) plus
//! a [`SourceMap`] from JSON Pointers of that model back to line and column in the text, so
//! every finding can name the line the user wrote. What a reader cannot evaluate offline it
//! writes as an expression string, which the template readers report as
//! `template.expression-unresolved`: nothing is defaulted behind an expression.
//!
//! Inputs reach a reader as a *source object* in place of a document:
//! `{"format": "bicep", "text": "…", "file"?: "main.bicep", "parameters"?: <source>,
//! "modules"?: {"./path.bicep": "…text…"}}`, expanded by the API before an operation runs.

pub mod bicep;
pub mod hcl;
pub mod jsonc;

use crate::diagnostics::{Diagnostic, Location};
use crate::pointer::Pointer;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The key a parameters file is attached under, inside the template it applies to (the template
/// readers look there first when they resolve `[parameters('x')]`).
pub const PARAMETERS_KEY: &str = "$parameters";

/// A text format the engine reads.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// JSON (ARM templates, parameter files, REST bodies, `az` output, Terraform plans).
    Json,
    /// JSON with `//` and `/* */` comments and trailing commas, as ARM and `az` accept it.
    Jsonc,
    /// A Bicep file (`.bicep`).
    Bicep,
    /// A Bicep parameters file (`.bicepparam`).
    Bicepparam,
    /// Terraform configuration in HCL (`.tf`).
    Terraform,
    /// Terraform variable values (`.tfvars`).
    Tfvars,
}

/// Every format with its name and the file extensions that select it.
pub const FORMATS: &[(Format, &str, &[&str])] = &[
    (Format::Json, "json", &["json"]),
    (Format::Jsonc, "jsonc", &["jsonc"]),
    (Format::Bicep, "bicep", &["bicep"]),
    (Format::Bicepparam, "bicepparam", &["bicepparam"]),
    (Format::Terraform, "terraform", &["tf"]),
    (Format::Tfvars, "tfvars", &["tfvars"]),
];

impl Format {
    /// The format named `name` (`json`, `jsonc`, `bicep`, `bicepparam`, `terraform` or `tf`/`hcl`, `tfvars`).
    pub fn from_name(name: &str) -> Option<Self> {
        let n = name.trim().to_ascii_lowercase();
        let alias = match n.as_str() {
            "tf" | "hcl" => "terraform",
            other => other,
        };
        FORMATS.iter().find(|(_, nm, _)| *nm == alias).map(|(f, _, _)| *f)
    }

    /// The format a file name's extension selects (`main.bicep` → Bicep), if any.
    pub fn from_file_name(file: &str) -> Option<Self> {
        let ext = file.rsplit_once('.')?.1.to_ascii_lowercase();
        FORMATS
            .iter()
            .find(|(_, _, exts)| exts.contains(&ext.as_str()))
            .map(|(f, _, _)| *f)
    }

    /// The format's name as it is written in a source object.
    pub fn name(self) -> &'static str {
        FORMATS
            .iter()
            .find(|(f, _, _)| *f == self)
            .map_or("json", |(_, n, _)| n)
    }

    /// Every format name, for help texts.
    pub fn names() -> String {
        FORMATS
            .iter()
            .map(|(_, n, _)| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A text converted to the engine's JSON model.
#[derive(Debug, Clone, Default)]
pub struct Converted {
    /// The model: an ARM template, a plan-like document, or plain JSON.
    pub value: Value,
    /// Findings of the conversion itself, with paths into `value` (and their own `location`).
    pub findings: Vec<Diagnostic>,
    /// Where each part of `value` was written.
    pub map: SourceMap,
}

/// Where the parts of a converted value were written.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    /// The file the text came from, when the caller named it.
    pub file: Option<String>,
    /// How pointers are located.
    pub kind: MapKind,
}

/// How a [`SourceMap`] finds a pointer's place.
#[derive(Debug, Clone, Default)]
pub enum MapKind {
    /// Nothing is known (a value given as data).
    #[default]
    None,
    /// JSON text (comments blanked to spaces, so positions are the user's): located on demand.
    JsonText(String),
    /// A table built by a reader: each entry is where the value at that pointer starts.
    Table(Vec<(Pointer, usize, usize)>),
}

impl SourceMap {
    /// Where the value at `pointer` (relative to the converted value) was written: the entry of the
    /// longest recorded prefix of the pointer, so a finding deep inside an object falls back to
    /// the object's own line.
    pub fn locate(&self, pointer: &Pointer) -> Option<Location> {
        let (line, column) = match &self.kind {
            MapKind::None => return None,
            MapKind::JsonText(text) => {
                let p = nearest_json(text, pointer)?;
                (p.line, p.column)
            }
            MapKind::Table(entries) => {
                let mut best: Option<(usize, usize, usize)> = None;
                for (p, line, column) in entries {
                    let len = p.tokens().len();
                    if pointer.starts_with(p) && best.is_none_or(|(l, _, _)| len >= l) {
                        best = Some((len, *line, *column));
                    }
                }
                let (_, line, column) = best?;
                (line, column)
            }
        };
        Some(Location {
            file: self.file.clone(),
            line,
            column,
        })
    }
}

/// The position of `pointer` in JSON text, or of its nearest existing ancestor.
fn nearest_json(text: &str, pointer: &Pointer) -> Option<crate::locate::Position> {
    let mut p = pointer.clone();
    loop {
        if let Some(pos) = crate::locate::position(text, &p) {
            return Some(pos);
        }
        p = p.parent()?;
    }
}

/// Lets a reader record where it wrote each value.
#[derive(Debug, Default)]
pub struct MapBuilder {
    entries: Vec<(Pointer, usize, usize)>,
}

impl MapBuilder {
    /// Records that the value at `pointer` starts at `line`:`column` (1-based).
    pub fn record(&mut self, pointer: &Pointer, line: usize, column: usize) {
        self.entries.push((pointer.clone(), line, column));
    }

    /// The finished map.
    pub fn finish(self, file: Option<String>) -> SourceMap {
        SourceMap {
            file,
            kind: MapKind::Table(self.entries),
        }
    }
}
