//! Reading input files, directories and standard input, each as a source object
//! (`{"format", "text", "file", "parameters"?}`) so every finding is located in its file.

use crate::Outcome;
use cosmos_backup::api::{self, ApiError, Options};
use cosmos_backup::formats::{FORMATS, Format};
use cosmos_backup::pointer::Pointer;
use serde_json::{Value, json};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The files a run reads, and what directories held that it does not.
#[derive(Debug, Default)]
pub struct Files {
    /// Files to read, in order (`-` for standard input).
    pub read: Vec<String>,
    /// Files found in directories with an extension no reader takes.
    pub skipped: Vec<String>,
    /// True when a directory was given.
    pub from_directory: bool,
}

/// The extensions read, as `.json, .jsonc, …`.
pub fn extensions() -> String {
    FORMATS
        .iter()
        .flat_map(|(_, _, exts)| exts.iter().map(|e| format!(".{e}")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Expands directories into the files of every supported extension (sorted, recursive).
pub fn expand(inputs: &[String]) -> Result<Files, String> {
    let mut out = Files::default();
    for i in inputs {
        let p = Path::new(i);
        if i != "-" && p.is_dir() {
            out.from_directory = true;
            let mut found = Vec::new();
            walk(p, &mut found).map_err(|e| format!("cannot read directory `{i}`: {e}"))?;
            found.sort();
            for f in found {
                let name = f.display().to_string();
                if Format::from_file_name(&name).is_some() {
                    out.read.push(name);
                } else {
                    out.skipped.push(name);
                }
            }
        } else {
            out.read.push(i.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let p = entry?.path();
        if p.is_dir() {
            // `.terraform/` holds downloaded providers and modules, not the user's configuration.
            if p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                continue;
            }
            walk(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

/// Reads a file or `-` (standard input).
pub fn read_text(name: &str) -> Result<String, String> {
    if name == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(s);
    }
    std::fs::read_to_string(name).map_err(|e| format!("cannot read `{name}`: {e}"))
}

/// The format a file is read as: its extension, else JSON when the text looks like JSON.
fn format_of(file: &str, text: &str) -> Result<Format, String> {
    if let Some(f) = Format::from_file_name(file) {
        return Ok(f);
    }
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if file == "-" || t.starts_with('{') || t.starts_with('[') {
        return Ok(Format::Json);
    }
    Err(format!(
        "`{file}` is not in a format cosmos-backup reads (extensions read: {}); convert Bicep with `bicep build`, Terraform plans with `terraform show -json`, or pass JSON",
        extensions()
    ))
}

/// A file as a source object; a Bicep file brings the local modules it calls.
pub fn source(file: &str, text: &str) -> Result<Value, String> {
    let format = format_of(file, text)?;
    let mut v = json!({"format": format.name(), "text": text});
    if file != "-" {
        if let Some(m) = v.as_object_mut() {
            m.insert("file".into(), Value::String(file.to_string()));
            if format == Format::Bicep {
                let modules = bicep_modules(file, text);
                if !modules.is_empty() {
                    m.insert("modules".into(), Value::Object(modules));
                }
            }
        }
    }
    Ok(v)
}

/// The most module files one Bicep file brings (the core converts at most 256 modules).
const MAX_MODULE_FILES: usize = 256;

/// The texts of the local modules a Bicep file calls, and of the modules they call, keyed as
/// the core resolves them (`cosmos_backup::formats::bicep::local_modules`). A module file that
/// cannot be read is left out: the core reports it as missing, at its `module` line.
fn bicep_modules(file: &str, text: &str) -> serde_json::Map<String, Value> {
    // The core's keys are normalised relative paths; an absolute file keeps its leading `/` on disk.
    let root = if file.starts_with('/') { "/" } else { "" };
    let mut out = serde_json::Map::new();
    let mut queue = vec![(file.to_string(), text.to_string())];
    while let Some((f, t)) = queue.pop() {
        for key in cosmos_backup::formats::bicep::local_modules(&t, Some(&f)) {
            if out.contains_key(&key) || out.len() >= MAX_MODULE_FILES {
                continue;
            }
            let on_disk = format!("{root}{key}");
            if let Ok(mt) = std::fs::read_to_string(&on_disk) {
                out.insert(key, Value::String(mt.clone()));
                queue.push((on_disk, mt));
            }
        }
    }
    out
}

fn refused(code: &str, rule: &cosmos_backup::diagnostics::Rule, message: String, help: &str) -> ApiError {
    let d = rule.at(&Pointer::root(), message.clone(), help);
    ApiError {
        code: code.into(),
        message,
        diagnostics: vec![d],
    }
}

/// Reads and evaluates one input, with its parameters file when given.
pub fn evaluate_file(file: String, parameters: Option<&str>, options: &Options) -> Outcome {
    let text = match read_text(&file) {
        Ok(t) => t,
        Err(message) => {
            return Outcome {
                file,
                text: String::new(),
                result: Err(refused(
                    "input.unreadable",
                    &cosmos_backup::input::NOT_A_DOCUMENT,
                    message,
                    "check the path and permissions",
                )),
            };
        }
    };
    let mut src = match source(&file, &text) {
        Ok(s) => s,
        Err(message) => {
            return Outcome {
                file,
                text,
                result: Err(refused(
                    cosmos_backup::input::FORMAT_UNSUPPORTED.code,
                    &cosmos_backup::input::FORMAT_UNSUPPORTED,
                    message,
                    "rename the file to its format's extension, or convert it",
                )),
            };
        }
    };
    if let Some(p) = parameters {
        let params = read_text(p).and_then(|t| source(p, &t));
        match (params, src.as_object_mut()) {
            (Ok(ps), Some(m)) => {
                m.insert("parameters".into(), ps);
            }
            (Err(message), _) => {
                return Outcome {
                    file,
                    text,
                    result: Err(refused(
                        "input.unreadable",
                        &cosmos_backup::input::NOT_A_DOCUMENT,
                        message,
                        "check the `--parameters` path",
                    )),
                };
            }
            (Ok(_), None) => {}
        }
    }
    let result = api::evaluate_with(&src, options);
    Outcome { file, text, result }
}
