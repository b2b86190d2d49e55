//! Reading input files, directories and standard input.

use crate::Outcome;
use cosmos_backup::api::{self, ApiError, Options};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Expands directories into their `*.json` files (sorted, recursive).
pub fn expand(inputs: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for i in inputs {
        let p = Path::new(i);
        if i != "-" && p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found).map_err(|e| format!("cannot read directory `{i}`: {e}"))?;
            found.sort();
            out.extend(found.into_iter().map(|f| f.display().to_string()));
        } else {
            out.push(i.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let p = entry?.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
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

/// Reads and evaluates one input.
pub fn evaluate_file(file: String, options: &Options) -> Outcome {
    match read_text(&file) {
        Ok(text) => {
            let result = api::evaluate_text_with(&text, options);
            Outcome { file, text, result }
        }
        Err(message) => {
            let d = cosmos_backup::input::NOT_A_DOCUMENT.at(
                &cosmos_backup::pointer::Pointer::root(),
                message.clone(),
                "check the path and permissions",
            );
            Outcome {
                file,
                text: String::new(),
                result: Err(ApiError {
                    code: "input.unreadable".into(),
                    message,
                    diagnostics: vec![d],
                }),
            }
        }
    }
}
