//! Operations by name: [`call`] (value answers), [`call_json`] / [`call_text`] (text answers) and
//! [`run_json`] / [`run_value`] (text answers, misuse as `Err`: what the bindings throw).
//!
//! One dispatcher serves them all through an [`Emit`]ter, so a text answer is serialised straight
//! from the typed result: no `serde_json::Value` copy of the answer is built on the way (that copy,
//! an `IndexMap` per object, cost as much as evaluating a small account).

use super::operations::run;
use super::*;

/// Runs an operation by name on a JSON value and returns its JSON answer (`{"error": …}` on
/// misuse). The vector runners of every surface use this same dispatch.
///
/// `locate` takes `{"text": "<json>", "pointer": "/a/b"}`.
pub fn call(op: &str, input: &Value) -> Value {
    dispatch(op, input, Vec::new(), AsValue)
}

/// [`call`] answering JSON text (the same answer, serialised straight from the typed result).
pub fn call_text(op: &str, input: &Value) -> String {
    dispatch(op, input, Vec::new(), AsText)
}

/// [`call`] on JSON text: parse errors and duplicate keys are reported from the text itself.
pub fn call_json(op: &str, text: &str) -> String {
    match parse_text(text) {
        Ok((v, findings)) => dispatch(op, &v, findings, AsText),
        Err(e) => AsText.emit::<()>(Err(e)),
    }
}

/// [`call_json`] with misuse as an `Err` instead of `{"error": …}` text: bindings throw it.
pub fn run_json(op: &str, text: &str) -> Result<String, ApiError> {
    let (v, findings) = parse_text(text)?;
    dispatch(op, &v, findings, AsResult)
}

/// [`call_text`] with misuse as an `Err` instead of `{"error": …}` text: bindings throw it.
pub fn run_value(op: &str, input: &Value) -> Result<String, ApiError> {
    dispatch(op, input, Vec::new(), AsResult)
}

/// Turns an operation's typed result into the caller's answer form.
pub(super) trait Emit {
    type Out;
    fn emit<T: Serialize>(self, result: Result<T, ApiError>) -> Self::Out;
}

/// `{"error": …}`: how misuse reads in a value or text answer.
#[derive(Serialize)]
struct Refusal<'a> {
    error: &'a ApiError,
}

struct AsValue;
impl Emit for AsValue {
    type Out = Value;
    fn emit<T: Serialize>(self, result: Result<T, ApiError>) -> Value {
        let v = match &result {
            Ok(v) => serde_json::to_value(v),
            Err(error) => serde_json::to_value(Refusal { error }),
        };
        v.unwrap_or(Value::Null)
    }
}

struct AsText;
impl Emit for AsText {
    type Out = String;
    fn emit<T: Serialize>(self, result: Result<T, ApiError>) -> String {
        let text = match &result {
            Ok(v) => serde_json::to_string(v),
            Err(error) => serde_json::to_string(&Refusal { error }),
        };
        text.unwrap_or_else(|_| String::from(SERIALISATION_FAILED))
    }
}

struct AsResult;
impl Emit for AsResult {
    type Out = Result<String, ApiError>;
    fn emit<T: Serialize>(self, result: Result<T, ApiError>) -> Self::Out {
        serde_json::to_string(&result?).map_err(|e| not_json(&e.to_string()))
    }
}

/// What a text answer says if serialisation ever failed (no answer type can make it fail: every
/// map has string keys and every number is finite).
const SERIALISATION_FAILED: &str =
    "{\"error\":{\"code\":\"internal\",\"message\":\"serialisation failed\",\"diagnostics\":[]}}";

/// Text form of a typed result for the `*_json` functions.
pub(super) fn to_text<T: Serialize>(result: Result<T, ApiError>) -> String {
    AsText.emit(result)
}

/// The one dispatcher; `findings` (from the text: duplicate keys) go in front of `evaluate` and
/// `validate` answers.
fn dispatch<E: Emit>(op: &str, input: &Value, mut findings: Vec<Diagnostic>, out: E) -> E::Out {
    match sources::expand(input) {
        Ok(None) => prepared(op, input, findings, out),
        Ok(Some(expanded)) => {
            findings.extend(expanded.findings.iter().cloned());
            // Every finding from a converted text gets its place in that text.
            let locate = |d: &mut Diagnostic| {
                if d.location.is_none() {
                    d.location = expanded.locate(&d.path);
                }
            };
            prepared(op, &expanded.value, findings, Adjusted { out, fix: &locate })
        }
        Err(e) => out.emit::<()>(Err(e)),
    }
}

/// Runs an operation on the document with its template expressions evaluated
/// ([`crate::template`]); `evaluate`, `validate` and `read` do that themselves.
fn prepared<E: Emit>(op: &str, input: &Value, findings: Vec<Diagnostic>, out: E) -> E::Out {
    if matches!(op, "evaluate" | "validate" | "read") {
        return run(op, input, findings, out);
    }
    match crate::template::prepare(input) {
        None => run(op, input, findings, out),
        Some(p) => {
            // A finding inside a value taken from a parameter names where that value was written.
            let remap = |d: &mut Diagnostic| d.path = p.path(&d.path);
            run(op, &p.value, findings, Adjusted { out, fix: &remap })
        }
    }
}

/// An answer whose findings are adjusted after the operation ran (paths remapped, locations
/// added): it goes through a `Value` once and `fix` is applied to every finding in it (every
/// object shaped like a [`Diagnostic`]), and to the findings of a refusal.
struct Adjusted<'x, E> {
    out: E,
    fix: &'x dyn Fn(&mut Diagnostic),
}

impl<E: Emit> Emit for Adjusted<'_, E> {
    type Out = E::Out;
    fn emit<T: Serialize>(self, result: Result<T, ApiError>) -> Self::Out {
        let result = result.and_then(|v| serde_json::to_value(v).map_err(|e| not_json(&e.to_string())));
        match result {
            Ok(mut v) => {
                fix_findings(&mut v, self.fix);
                self.out.emit(Ok(v))
            }
            Err(mut e) => {
                e.diagnostics.iter_mut().for_each(self.fix);
                self.out.emit::<()>(Err(e))
            }
        }
    }
}

/// Applies `fix` to every finding-shaped object (`code`, `severity`, `path`) of an answer.
fn fix_findings(v: &mut Value, fix: &dyn Fn(&mut Diagnostic)) {
    match v {
        Value::Array(items) => items.iter_mut().for_each(|i| fix_findings(i, fix)),
        Value::Object(m) => {
            if m.contains_key("code") && m.contains_key("severity") && m.contains_key("path") {
                if let Ok(mut d) = serde_json::from_value::<Diagnostic>(Value::Object(m.clone())) {
                    fix(&mut d);
                    if let Ok(Value::Object(fixed)) = serde_json::to_value(&d) {
                        *m = fixed;
                    }
                    return;
                }
            }
            m.values_mut().for_each(|i| fix_findings(i, fix));
        }
        _ => {}
    }
}
