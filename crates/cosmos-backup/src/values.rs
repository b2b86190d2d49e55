//! Reading typed values out of a user's document, with a diagnostic for every surprise.
//!
//! Each reader returns a [`Field`]: absent, known (with where it came from), or unknown
//! (wrong type, or a template expression that cannot be evaluated offline). Rules only judge
//! known values, so one bad field never hides the findings about the others.

use crate::diagnostics::{Diagnostic, Rule};
use crate::input;
use crate::node::{Located, Node, type_name};
use crate::pointer::Pointer;
use crate::suggest::enum_help;
use crate::time;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// The key a parameters file is attached under, inside the template it applies to (the template
/// readers look there first when they resolve `[parameters('x')]`). Here, below the formats that
/// attach it, so the readers need no import of them.
pub const PARAMETERS_KEY: &str = "$parameters";

/// The outcome of reading one field.
#[derive(Debug, Clone, PartialEq)]
pub enum Field<T> {
    /// Not in the document (or `null`).
    Absent,
    /// Read successfully.
    Known(Located<T>),
    /// Present but unusable; a diagnostic was already emitted. Holds where it is.
    Unknown(Pointer),
}

impl<T> Field<T> {
    /// The value when known.
    pub fn known(&self) -> Option<&Located<T>> {
        match self {
            Field::Known(l) => Some(l),
            _ => None,
        }
    }

    /// The value when known.
    pub fn value(&self) -> Option<&T> {
        self.known().map(|l| &l.value)
    }

    /// True when the field is absent.
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    /// Where the field is, when present.
    pub fn path(&self) -> Option<&Pointer> {
        match self {
            Field::Absent => None,
            Field::Known(l) => Some(&l.path),
            Field::Unknown(p) => Some(p),
        }
    }
}

/// Where template parameters and variables live, so `[parameters('x')]` can be resolved
/// to its literal `defaultValue`.
#[derive(Debug, Clone, Default)]
pub struct Scope<'a> {
    /// The template root, when the account came from a template.
    pub template: Option<Node<'a>>,
    /// The REST example root, when the account came from a REST API example.
    pub example: Option<Node<'a>>,
    /// A Terraform plan's `change.after_unknown`: the values known only after apply.
    pub unknown: Option<Node<'a>>,
    /// For an account read from Terraform: a plan, or HCL converted by [`crate::formats::hcl`].
    pub terraform: Option<Terraform>,
}

/// Where a Terraform account was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Terraform {
    /// `terraform show -json` output: values are Terraform's own (`""` and `0` may mean unset).
    Plan,
    /// HCL text: values are what the user wrote; `${…}` marks an expression not evaluated offline.
    Hcl,
}

/// Collects diagnostics while reading.
#[derive(Debug, Default)]
pub struct Reader<'a> {
    /// Template scope for expression resolution.
    pub scope: Scope<'a>,
    /// Findings so far.
    pub diags: Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    /// A reader with a template scope.
    pub fn new(scope: Scope<'a>) -> Self {
        Self {
            scope,
            diags: Vec::new(),
        }
    }

    /// Records a finding.
    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Resolves `[parameters('x')]` / `[variables('x')]` to a literal; otherwise the node itself.
    /// Emits `template.expression-unresolved` and returns `None` for other expressions.
    pub fn resolve(&mut self, node: Node<'a>, field: &str) -> Option<Node<'a>> {
        let Some(text) = node.as_str() else {
            return Some(node);
        };
        if self.terraform_unresolved(&node.path, text, field) {
            return None;
        }
        let Some(expr) = expression(text) else {
            return Some(node);
        };
        if let Some(target) = self.lookup(expr) {
            if target.as_str().and_then(expression).is_none() {
                return Some(target);
            }
        }
        self.push(input::EXPRESSION_UNRESOLVED.at(
            &node.path,
            format!("`{field}` is the template expression `{}`", clip(text)),
            "give the parameters it uses literal values (a `defaultValue`, or a parameters file: `cosmos-backup evaluate TEMPLATE --parameters FILE`), or evaluate the deployed account (`az cosmosdb show`) to check this field",
        ));
        None
    }

    /// True (with a `template.expression-unresolved` finding) when an account read from Terraform
    /// holds the marker `${expression}` of an expression that could not be evaluated offline.
    pub fn terraform_unresolved(&mut self, path: &Pointer, text: &str, field: &str) -> bool {
        let Some(expr) = self.terraform_expression(text) else {
            return false;
        };
        self.push(input::EXPRESSION_UNRESOLVED.at(
            path,
            format!("`{field}` is the Terraform expression `{}`", clip(expr)),
            "give it a literal value (a variable `default` or a `.tfvars` value), or evaluate the plan (`terraform show -json`) to check this field",
        ));
        true
    }

    /// The expression inside a Terraform marker `${…}`, for accounts read from Terraform only.
    pub fn terraform_expression<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.scope.terraform?;
        text.strip_prefix("${")?.strip_suffix('}')
    }

    /// True when a string is an expression (ARM `[…]`, or a Terraform marker) rather than a literal.
    pub fn is_expression(&self, text: &str) -> bool {
        expression(text).is_some() || self.terraform_expression(text).is_some()
    }

    fn lookup(&self, expr: &str) -> Option<Node<'a>> {
        let t = self.scope.template.as_ref()?;
        // A parameters file attached to the template wins over the template's default.
        if let Some(name) = single_call(expr, "parameters") {
            let given = t.at(&[PARAMETERS_KEY, "parameters", name]).and_then(|p| p.get("value"));
            if given.is_some() {
                return given;
            }
        }
        for (func, section, member) in [
            ("parameters", "parameters", Some("defaultValue")),
            ("variables", "variables", None),
        ] {
            if let Some(name) = single_call(expr, func) {
                let entry = t.get(section)?.get(name)?;
                return match member {
                    Some(m) => entry.get(m),
                    None => Some(entry),
                };
            }
        }
        None
    }

    /// Reads a whole number that must fit in ARM's int32.
    pub fn int(&mut self, parent: &Node<'a>, key: &str) -> Field<i64> {
        let Some(raw) = parent.get(key) else {
            return Field::Absent;
        };
        let path = raw.path.clone();
        let Some(node) = self.resolve(raw, key) else {
            return Field::Unknown(path);
        };
        match node.value {
            Value::Number(n) => match whole_number(n) {
                Ok(v) if i32::try_from(v).is_ok() => Field::Known(Located::new(v, node.path)),
                Ok(_) => {
                    self.push(input::OUT_OF_RANGE.at(
                        &node.path,
                        format!("`{key}` is `{n}`, outside the 32-bit integer range"),
                        "use a whole number in the range the rule allows",
                    ));
                    Field::Unknown(node.path)
                }
                Err(()) => {
                    self.push(input::NOT_AN_INTEGER.at(
                        &node.path,
                        format!("`{key}` is `{n}`, not a whole number"),
                        "use a whole number",
                    ));
                    Field::Unknown(node.path)
                }
            },
            Value::String(s) => {
                let help = if s.trim().parse::<f64>().is_ok_and(f64::is_finite) {
                    format!("write the number without quotes: `{}`", s.trim())
                } else {
                    "use a whole number".to_string()
                };
                self.push(input::WRONG_TYPE.at(
                    &node.path,
                    format!("`{key}` is the string `{}`, not a number", clip(s)),
                    help,
                ));
                Field::Unknown(node.path)
            }
            other => {
                self.push(input::WRONG_TYPE.at(
                    &node.path,
                    format!("`{key}` is {}, not a number", type_name(other)),
                    "use a whole number",
                ));
                Field::Unknown(node.path)
            }
        }
    }

    /// Reads a boolean; the strings `"true"`/`"false"` are accepted with a warning.
    pub fn boolean(&mut self, parent: &Node<'a>, key: &str) -> Field<bool> {
        let Some(raw) = parent.get(key) else {
            return Field::Absent;
        };
        let path = raw.path.clone();
        let Some(node) = self.resolve(raw, key) else {
            return Field::Unknown(path);
        };
        match node.value {
            Value::Bool(b) => Field::Known(Located::new(*b, node.path)),
            Value::String(s) if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") => {
                let b = s.eq_ignore_ascii_case("true");
                self.push(input::BOOLEAN_AS_STRING.at(
                    &node.path,
                    format!("`{key}` is the string `\"{s}\"`, not a boolean"),
                    format!("write `{b}` without quotes; it was read as `{b}`"),
                ));
                Field::Known(Located::new(b, node.path))
            }
            other => {
                self.push(input::WRONG_TYPE.at(
                    &node.path,
                    format!("`{key}` is {}, not a boolean", type_name(other)),
                    "use `true` or `false`",
                ));
                Field::Unknown(node.path)
            }
        }
    }

    /// Reads a string (any value).
    pub fn string(&mut self, parent: &Node<'a>, key: &str) -> Field<String> {
        let Some(raw) = parent.get(key) else {
            return Field::Absent;
        };
        let path = raw.path.clone();
        let Some(node) = self.resolve(raw, key) else {
            return Field::Unknown(path);
        };
        match node.value {
            Value::String(s) => Field::Known(Located::new(s.clone(), node.path)),
            other => {
                self.push(input::WRONG_TYPE.at(
                    &node.path,
                    format!("`{key}` is {}, not a string", type_name(other)),
                    "use a string",
                ));
                Field::Unknown(node.path)
            }
        }
    }

    /// Reads an enum: exact match, or a case-insensitive match with a warning, or an error from
    /// `unknown` with a did-you-mean.
    pub fn enumeration(
        &mut self,
        parent: &Node<'a>,
        key: &str,
        allowed: &[&'static str],
        unknown: &Rule,
    ) -> Field<&'static str> {
        let s = match self.string(parent, key) {
            Field::Known(s) => s,
            Field::Absent => return Field::Absent,
            Field::Unknown(p) => return Field::Unknown(p),
        };
        if let Some(a) = allowed.iter().find(|a| **a == s.value) {
            return Field::Known(Located::new(*a, s.path));
        }
        if let Some(a) = allowed.iter().find(|a| a.eq_ignore_ascii_case(&s.value)) {
            self.push(input::NON_CANONICAL_CASE.at(
                &s.path,
                format!("`{key}` is `{}`; the documented spelling is `{a}`", clip(&s.value)),
                format!("write `{a}`: the service accepts it, but Terraform and policy tools compare case-sensitively"),
            ));
            return Field::Known(Located::new(*a, s.path));
        }
        self.push(unknown.at(
            &s.path,
            format!("`{key}` is `{}`, which is not a known value", clip(&s.value)),
            enum_help(&s.value, allowed),
        ));
        Field::Unknown(s.path)
    }

    /// Reads a timestamp in any supported form; warns on non-ISO forms, naming the ISO form.
    pub fn timestamp(&mut self, parent: &Node<'a>, key: &str) -> Field<DateTime<Utc>> {
        let s = match self.string(parent, key) {
            Field::Known(s) => s,
            Field::Absent => return Field::Absent,
            Field::Unknown(p) => return Field::Unknown(p),
        };
        self.timestamp_text(&s.value, &s.path, key)
    }

    /// Parses timestamp text found at `path`.
    pub fn timestamp_text(&mut self, text: &str, path: &Pointer, key: &str) -> Field<DateTime<Utc>> {
        match time::parse(text) {
            Some(p) => {
                if !matches!(p.form, time::Form::Rfc3339Utc) {
                    let iso = time::format(p.at);
                    let why = match p.form {
                        time::Form::UsFormat | time::Form::NoZone => "it has no time zone and was read as UTC",
                        _ => "it was converted to UTC",
                    };
                    self.push(input::TIMESTAMP_NON_ISO.at(
                        path,
                        format!("`{key}` is `{}`, not RFC 3339 UTC; {why}", clip(text)),
                        format!("write `{iso}`"),
                    ));
                }
                Field::Known(Located::new(p.at, path.clone()))
            }
            None => {
                self.push(input::TIMESTAMP_INVALID.at(
                    path,
                    format!("`{key}` is `{}`, which is not a timestamp", clip(text)),
                    "use RFC 3339 UTC, e.g. `2026-11-21T08:00:00Z`",
                ));
                Field::Unknown(path.clone())
            }
        }
    }
}

/// A JSON number as a whole number; `Ok` with a value outside `i64` clamped (it is out of range anyway).
fn whole_number(n: &serde_json::Number) -> Result<i64, ()> {
    if let Some(v) = n.as_i64() {
        return Ok(v);
    }
    if n.is_u64() {
        return Ok(i64::MAX);
    }
    match n.as_f64() {
        Some(f) if f.is_finite() && f.fract() == 0.0 => Ok(if f.abs() < 9.0e15 { f as i64 } else { i64::MAX }),
        _ => Err(()),
    }
}

/// The inside of an ARM expression `[...]` (but not an escaped `[[` literal).
pub fn expression(text: &str) -> Option<&str> {
    let t = text.trim();
    if t.starts_with("[[") {
        return None;
    }
    t.strip_prefix('[')?.strip_suffix(']')
}

/// `func('name')` → `name`.
pub(crate) fn single_call<'e>(expr: &'e str, func: &str) -> Option<&'e str> {
    let rest = expr
        .trim()
        .strip_prefix(func)?
        .trim_start()
        .strip_prefix('(')?
        .strip_suffix(')')?
        .trim();
    let inner = rest.strip_prefix('\'')?.strip_suffix('\'')?;
    (!inner.contains('\'')).then_some(inner)
}

/// Shortens user text for a one-line message (at most 80 characters).
pub fn clip(s: &str) -> String {
    let one_line: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if one_line.chars().count() <= 80 {
        one_line
    } else {
        let mut t: String = one_line.chars().take(77).collect();
        t.push('…');
        t
    }
}
