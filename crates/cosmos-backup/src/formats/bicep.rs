//! Bicep (`.bicep`, `.bicepparam`): being built (issue #16 item 3). Until then a Bicep text is
//! refused with a finding that names the conversion that works today.

use super::Converted;
use crate::diagnostics::Diagnostic;

/// The module texts a Bicep file may reference, by the path written in its `module` declaration.
pub type Modules<'a> = &'a [(String, String)];

/// Converts a Bicep file to an ARM deployment template.
pub fn convert(_text: &str, _file: Option<&str>, _modules: Modules<'_>) -> Result<Converted, Box<Diagnostic>> {
    Err(Box::new(super::unsupported(
        "bicep",
        "run `bicep build main.bicep` and evaluate the `main.json` it writes",
    )))
}

/// Converts a `.bicepparam` file to an ARM parameters file (`{"parameters": {name: {"value": …}}}`).
pub fn convert_params(_text: &str, _file: Option<&str>) -> Result<Converted, Box<Diagnostic>> {
    Err(Box::new(super::unsupported(
        "bicepparam",
        "run `bicep build-params main.bicepparam` and pass the JSON parameters file",
    )))
}
