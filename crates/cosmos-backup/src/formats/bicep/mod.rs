//! Bicep (`.bicep`, `.bicepparam`): converted to the ARM deployment template (or parameters
//! file) `bicep build` would write, for the parts the engine judges, so a Bicep file and its
//! compiled `main.json` give the same answer.
//!
//! - [`lexer`] → [`parse`] → [`ast`]: the text to declarations, every node with its line and column.
//! - [`eval`] and [`functions`]: expressions evaluated where their inputs are literal.
//! - [`emit`]: the template, and the [`SourceMap`](super::SourceMap) from its pointers to the text.
//!
//! **Why a hand-written parser.** Bicep's grammar is small but newline-sensitive (newlines end
//! declarations, properties and array items, except inside parentheses and before a
//! continuing `?`, `:`, `&&`, `||` or `??`), and strings hold `${…}` holes that are
//! expressions in turn. A lexer that keeps newlines and hole ranges plus a recursive-descent
//! parser with precedence climbing is about 900 lines, keeps every position exact, names what
//! was expected in each error, and counts nesting so hostile input is refused at
//! [`crate::limits::MAX_DEPTH`] rather than overflowing the stack (the WebAssembly stack is
//! 1 MiB). Bicep's own compiler (`Azure/bicep`, `Bicep.Core/Parsing/Parser.cs`) is built the same
//! way. A combinator library (winnow, chumsky) would still need the newline modes, hole
//! re-lexing and depth guard written by hand, and adds a dependency to every binding.
//!
//! What is evaluated, left as an expression, or skipped is listed in the README ("Bicep").

pub mod ast;
pub mod emit;
pub mod eval;
pub mod functions;
pub mod lexer;
pub mod parse;

use super::{Converted, MapBuilder};
use crate::diagnostics::{Diagnostic, Location, Rule, Severity::*};
use crate::pointer::Pointer;
use crate::sources::BICEP;
use ast::DeclKind;
use serde_json::{Map, Value, json};

/// The module texts a Bicep file may reference, by the path written in its `module` declaration.
pub type Modules<'a> = &'a [(String, String)];

/// The text is not valid Bicep.
pub const SYNTAX: Rule = Rule {
    code: "input.bicep-syntax",
    severity: Error,
    summary: "the Bicep text is not valid Bicep; the location names the line and what was expected",
    source: BICEP,
};
/// A statement the converter does not know was skipped.
pub const UNSUPPORTED: Rule = Rule {
    code: "input.bicep-unsupported",
    severity: Info,
    summary: "a Bicep statement the engine does not read was skipped; the rest of the file was read",
    source: BICEP,
};
/// A local module's text was not given.
pub const MODULE_MISSING: Rule = Rule {
    code: "input.bicep-module-missing",
    severity: Warning,
    summary: "a Bicep `module` names a file whose text was not given (or that includes itself); its resources were not read",
    source: BICEP,
};
/// A registry module cannot be read offline.
pub const MODULE_REGISTRY: Rule = Rule {
    code: "input.bicep-module-registry",
    severity: Info,
    summary: "a Bicep `module` comes from a registry (`br:`, `ts:`); its resources were not read",
    source: BICEP,
};
/// A `.bicepparam` given without its template.
pub const PARAMS_WITHOUT_TEMPLATE: Rule = Rule {
    code: "input.bicepparam-template",
    severity: Info,
    summary: "a `.bicepparam` file holds only parameter values; the Bicep file it is `using` must be given with it",
    source: BICEP,
};

/// Every Bicep rule, for the catalogue.
pub const RULES: &[Rule] = &[
    SYNTAX,
    UNSUPPORTED,
    MODULE_MISSING,
    MODULE_REGISTRY,
    PARAMS_WITHOUT_TEMPLATE,
];

/// The key the converted template's root carries to say it came from Bicep, and its value: an
/// expression left in brackets there is Bicep text the reader could not evaluate (string
/// interpolation, loop variables), which ARM evaluation must not read as an ARM expression
/// (`'acct-${n}'` is a plain string in ARM). Only the `[parameters('x')]` / `[variables('x')]`
/// references the reader writes on purpose are evaluated.
pub const ORIGIN_KEY: &str = "$source";
/// See [`ORIGIN_KEY`].
pub const ORIGIN: &str = "bicep";

/// Converts a Bicep file to an ARM deployment template.
///
/// ```
/// let text = "param tier string = 'Continuous7Days'\nresource a 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {\n  name: 'orders'\n  properties: {\n    backupPolicy: {\n      type: 'Continuous'\n      continuousModeProperties: { tier: tier }\n    }\n  }\n}\n";
/// let c = cosmos_backup::formats::bicep::convert(text, Some("main.bicep"), &[]).unwrap();
/// let r = &c.value["resources"][0];
/// assert_eq!(r["type"], "Microsoft.DocumentDB/databaseAccounts");
/// assert_eq!(r["properties"]["backupPolicy"]["continuousModeProperties"]["tier"], "[parameters('tier')]");
/// assert_eq!(c.value["parameters"]["tier"]["defaultValue"], "Continuous7Days");
/// ```
pub fn convert(text: &str, file: Option<&str>, modules: Modules<'_>) -> Result<Converted, Box<Diagnostic>> {
    convert_with(text, file, modules, None)
}

/// [`convert`] with the values of an ARM parameters file (`{"parameters": {name: {"value": …}}}`,
/// e.g. a converted `.bicepparam`): expressions that use those parameters are evaluated with
/// them; direct references stay `[parameters('name')]`, resolved by the template readers.
pub fn convert_with(
    text: &str,
    file: Option<&str>,
    modules: Modules<'_>,
    parameters: Option<&Value>,
) -> Result<Converted, Box<Diagnostic>> {
    let decls = parse::file(text).map_err(|e| syntax(&e, file))?;
    // Module paths resolve from the file's own folder (a module naming the file back is a cycle).
    let stack = file.map(|f| vec![emit::normalise(f)]).unwrap_or_default();
    let mut em = emit::Emitter::new(text, &decls, modules, stack, true);
    let given: Vec<(String, Value)> = parameters
        .and_then(|p| p.get("parameters"))
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.get("value")?.clone())))
                .collect()
        })
        .unwrap_or_default();
    for (k, v) in &given {
        em.give(k, eval::V::from_json(v));
    }
    let value = em
        .template(&decls)
        .map_err(|e| syntax(&e.error, e.file.as_deref().or(file)))?;
    let map = em.map.take().unwrap_or_default();
    let mut findings = std::mem::take(&mut em.findings);
    for f in &mut findings {
        if let Some(l) = f.location.as_mut().filter(|l| l.file.is_none()) {
            l.file = file.map(str::to_string);
        }
    }
    Ok(Converted {
        value,
        findings,
        map: map.finish(file.map(str::to_string)),
    })
}

/// The local module files a Bicep text declares (`module m './cosmos.bicep' = …`), resolved
/// from `file`'s folder as [`convert`] looks them up; registry modules (`br:`, `ts:`) are left
/// out. A text that does not parse declares none. Callers that read files (the CLI) use it to
/// gather the `modules` a file needs, module by module.
///
/// ```
/// let text = "module a './modules/cosmos.bicep' = {\n  name: 'a'\n}\nmodule b 'br/public:avm/res/x:1.0' = {\n  name: 'b'\n}\n";
/// assert_eq!(cosmos_backup::formats::bicep::local_modules(text, Some("infra/main.bicep")), vec!["infra/modules/cosmos.bicep"]);
/// ```
pub fn local_modules(text: &str, file: Option<&str>) -> Vec<String> {
    let Ok(decls) = parse::file(text) else {
        return Vec::new();
    };
    let base = file.map(emit::normalise);
    decls
        .iter()
        .filter_map(|d| match &d.kind {
            ast::DeclKind::Module { path, .. } if !path.contains(':') => Some(emit::resolve(base.as_deref(), path)),
            _ => None,
        })
        .collect()
}

/// Converts a `.bicepparam` file to an ARM parameters file (`{"parameters": {name: {"value": …}}}`).
///
/// ```
/// let c = cosmos_backup::formats::bicep::convert_params("using './main.bicep'\nparam tier = 'Continuous7Days'\n", None).unwrap();
/// assert_eq!(c.value["parameters"]["tier"]["value"], "Continuous7Days");
/// ```
pub fn convert_params(text: &str, file: Option<&str>) -> Result<Converted, Box<Diagnostic>> {
    let decls = parse::file(text).map_err(|e| syntax(&e, file))?;
    let mut em = emit::Emitter::new(text, &decls, &[], Vec::new(), true);
    // In a parameters file, `param x = v` gives a value: nothing is symbolic.
    em.env.params.clear();
    let mut map = MapBuilder::default();
    let mut params = Map::new();
    let mut using = None;
    for d in &decls {
        match &d.kind {
            DeclKind::Param {
                name, default: Some(v), ..
            } => {
                let at = Pointer::root().key("parameters").key(name);
                map.record(&at, d.pos.line, d.pos.column);
                map.record(&at.key("value"), v.pos.line, v.pos.column);
                params.insert(name.clone(), json!({ "value": em.env.eval(v).to_json() }));
            }
            DeclKind::Using(p) => using = Some((p.clone(), d.pos)),
            _ => {}
        }
    }
    let mut findings = Vec::new();
    if let Some((Some(path), pos)) = using {
        let mut f = PARAMS_WITHOUT_TEMPLATE.at(
            &Pointer::root(),
            format!("the parameters are for `{}` (`using`)", crate::values::clip(&path)),
            format!(
                "give `{}` as the source object and this file as its `parameters`",
                crate::values::clip(&path)
            ),
        );
        f.location = Some(Location {
            file: file.map(str::to_string),
            line: pos.line,
            column: pos.column,
        });
        findings.push(f);
    }
    Ok(Converted {
        value: json!({
            "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
            "contentVersion": "1.0.0.0",
            "parameters": params,
        }),
        findings,
        map: map.finish(file.map(str::to_string)),
    })
}

fn syntax(e: &lexer::SyntaxError, file: Option<&str>) -> Box<Diagnostic> {
    let mut d = SYNTAX.at(
        &Pointer::root(),
        e.message.clone(),
        "fix the text at this line and column (`bicep build` shows the same place)",
    );
    d.location = Some(Location {
        file: file.map(str::to_string),
        line: e.pos.line,
        column: e.pos.column,
    });
    Box::new(d)
}

#[cfg(test)]
mod tests;
