//! ARM template semantics the readers need before they judge a resource: expressions evaluated
//! over literal parameters and variables, parameter files and nested deployments' parameters.
//!
//! [`prepare`] returns a copy of the document in which every expression of a template resource
//! that evaluates offline is replaced by its value ([`expr`]); an expression that does not stays
//! as written, and the readers report it as `template.expression-unresolved` where they read it,
//! so nothing is defaulted behind it. Paths are unchanged: a replaced value sits where its
//! expression was. A value taken as is from a parameter or variable keeps where it was written
//! ([`Prepared::remap`]), so a finding about it points at the parameters file or the
//! `defaultValue` that set it, as ARM's own validation does.
//!
//! Parameter values are looked up in this order: the parameters file attached to the template
//! (`$parameters`, [`crate::formats::PARAMETERS_KEY`]), a nested deployment's
//! `properties.parameters` (`expressionEvaluationOptions.scope: inner`; values evaluated in the
//! outer template), the template's `defaultValue`, then `null` for a `nullable` parameter. A
//! nested deployment without `scope: inner` evaluates its template in the outer template's
//! context, as ARM does.
//!
//! The same pass reads a Terraform plan's azapi 1.x `body` written as a JSON string
//! (`jsonencode(...)`) as the object it encodes.

pub mod expr;

use crate::node::Node;
use crate::pointer::Pointer;
use expr::{Ctx, Supplied};
use serde_json::Value;

/// How deep templates may nest (documents are already depth-limited by the parser).
const MAX_DEPTH: usize = 24;

/// A document with its template expressions evaluated.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The document the rules read.
    pub value: Value,
    /// Where replaced values were written: (path of the expression, path of the value it took).
    pub remap: Vec<(Pointer, Pointer)>,
}

impl Prepared {
    /// The path a finding at `path` should name: inside a value taken from a parameter or a
    /// variable, the place that value was written.
    pub fn path(&self, path: &Pointer) -> Pointer {
        let best = self
            .remap
            .iter()
            .filter(|(from, _)| path.starts_with(from))
            .max_by_key(|(from, _)| from.as_str().len());
        match best.and_then(|(from, to)| Some(path.strip_prefix(from)?.under(to))) {
            Some(p) => p,
            None => path.clone(),
        }
    }
}

/// One replacement: the expression's path, its value, and where that value was written.
struct Sub {
    at: Pointer,
    value: Value,
    /// (path inside the value, where that part was written); `""` for the whole value.
    origins: Vec<(Pointer, Pointer)>,
}

/// Evaluates the template expressions of a document; `None` when nothing changes.
///
/// ```
/// let t = serde_json::json!({
///     "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
///     "contentVersion": "1.0.0.0",
///     "parameters": {"continuous": {"type": "bool", "defaultValue": true},
///                    "tier": {"type": "string", "defaultValue": "Continuous7Days"}},
///     "resources": [{"type": "Microsoft.DocumentDB/databaseAccounts", "name": "a",
///         "properties": {"backupPolicy": {
///             "type": "[if(parameters('continuous'), 'Continuous', 'Periodic')]",
///             "continuousModeProperties": {"tier": "[if(parameters('continuous'), parameters('tier'), null())]"}}}}]
/// });
/// let p = cosmos_backup::template::prepare(&t).unwrap();
/// let policy = "/resources/0/properties/backupPolicy";
/// assert_eq!(p.value.pointer(&format!("{policy}/type")).unwrap(), "Continuous");
/// let tier = format!("{policy}/continuousModeProperties/tier");
/// assert_eq!(p.value.pointer(&tier).unwrap(), "Continuous7Days");
/// // A finding about the value names the default that set it.
/// let found = cosmos_backup::pointer::Pointer::parse(&tier).unwrap();
/// assert_eq!(p.path(&found).as_str(), "/parameters/tier/defaultValue");
/// ```
pub fn prepare(value: &Value) -> Option<Prepared> {
    let mut subs = Vec::new();
    find(value, &Pointer::root(), 0, &mut subs);
    if subs.is_empty() {
        return None;
    }
    let mut out = value.clone();
    let mut remap = Vec::new();
    for s in subs {
        let slot = if s.at.as_str().is_empty() {
            Some(&mut out)
        } else {
            out.pointer_mut(s.at.as_str())
        };
        if let Some(slot) = slot {
            *slot = s.value;
            for (rel, o) in s.origins {
                remap.push((rel.under(&s.at), o));
            }
        }
    }
    Some(Prepared { value: out, remap })
}

/// Looks for templates anywhere a document may hold one (a scenario's `account`, a fleet item).
fn find(v: &Value, path: &Pointer, depth: usize, subs: &mut Vec<Sub>) {
    if depth > MAX_DEPTH {
        return;
    }
    let next = depth.saturating_add(1);
    match v {
        Value::Object(m) => {
            if is_template(&Node::new(v, path.clone())) {
                let mut ctx = Ctx::new(v, path.clone());
                if let Some(p) = v.get(crate::formats::PARAMETERS_KEY).and_then(|p| p.get("parameters")) {
                    ctx.supplied.push(Supplied {
                        values: p,
                        path: path.key(crate::formats::PARAMETERS_KEY).key("parameters"),
                        outer: None,
                    });
                }
                ctx.own_parameters = true;
                return template(v, path, &ctx, next, subs);
            }
            if let Some(Value::Array(changes)) = v.get("resource_changes") {
                return plan(changes, &path.key("resource_changes"), subs);
            }
            for (k, child) in m {
                if child.is_object() || child.is_array() {
                    find(child, &path.key(k), next, subs);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                find(child, &path.index(i), next, subs);
            }
        }
        _ => {}
    }
}

/// A Terraform plan: an azapi 1.x `body` written as a JSON string (`jsonencode(...)`) is read
/// as the object it encodes.
fn plan(changes: &[Value], path: &Pointer, subs: &mut Vec<Sub>) {
    for (i, rc) in changes.iter().enumerate() {
        if rc.get("type").and_then(Value::as_str) != Some("azapi_resource") {
            continue;
        }
        let Some(body) = rc
            .get("change")
            .and_then(|c| c.get("after"))
            .and_then(|a| a.get("body"))
        else {
            continue;
        };
        let Some(text) = body.as_str() else { continue };
        // A body that is not JSON stays a string: the readers report its type.
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            continue;
        };
        if value.is_object() && crate::limits::check_value(&value).is_ok() {
            subs.push(Sub {
                at: path.index(i).key("change").key("after").key("body"),
                value,
                origins: Vec::new(),
            });
        }
    }
}

fn template<'v>(t: &'v Value, path: &Pointer, ctx: &Ctx<'v>, depth: usize, subs: &mut Vec<Sub>) {
    if depth > MAX_DEPTH {
        return;
    }
    match t.get("resources") {
        Some(Value::Array(list)) => {
            for (i, r) in list.iter().enumerate() {
                resource(r, &path.key("resources").index(i), ctx, depth, subs);
            }
        }
        Some(Value::Object(map)) => {
            for (k, r) in map {
                resource(r, &path.key("resources").key(k), ctx, depth, subs);
            }
        }
        _ => {}
    }
}

fn resource<'v>(r: &'v Value, path: &Pointer, ctx: &Ctx<'v>, depth: usize, subs: &mut Vec<Sub>) {
    let Some(m) = r.as_object() else { return };
    let next = depth.saturating_add(1);
    let is_deployment = r
        .get("type")
        .and_then(Value::as_str)
        .is_some_and(|t| t.eq_ignore_ascii_case("Microsoft.Resources/deployments"));
    for (k, v) in m {
        let at = path.key(k);
        if k.eq_ignore_ascii_case("resources") {
            for (i, child) in v.as_array().into_iter().flatten().enumerate() {
                resource(child, &at.index(i), ctx, next, subs);
            }
        } else if is_deployment && k.eq_ignore_ascii_case("properties") && v.is_object() {
            deployment(v, &at, ctx, next, subs);
        } else {
            strings(v, &at, ctx, next, subs);
        }
    }
}

/// A nested deployment: its own fields in the outer context, its inline template in the
/// context `expressionEvaluationOptions.scope` names.
fn deployment<'v>(props: &'v Value, path: &Pointer, ctx: &Ctx<'v>, depth: usize, subs: &mut Vec<Sub>) {
    let Some(m) = props.as_object() else { return };
    for (k, v) in m {
        if !k.eq_ignore_ascii_case("template") {
            strings(v, &path.key(k), ctx, depth, subs);
        }
    }
    let Some((tk, inner)) = m
        .iter()
        .find(|(k, v)| k.eq_ignore_ascii_case("template") && v.is_object())
    else {
        return;
    };
    let inner_path = path.key(tk);
    let scope_inner = props
        .get("expressionEvaluationOptions")
        .and_then(|o| o.get("scope"))
        .and_then(Value::as_str)
        .is_some_and(|s| s.eq_ignore_ascii_case("inner"));
    if scope_inner {
        let mut inner_ctx = Ctx::new(inner, inner_path.clone());
        if let Some((pk, p)) = m.iter().find(|(k, _)| k.eq_ignore_ascii_case("parameters")) {
            inner_ctx.supplied.push(Supplied {
                values: p,
                path: path.key(pk),
                outer: Some(Box::new(ctx.clone())),
            });
        }
        template(inner, &inner_path, &inner_ctx, depth, subs);
    } else {
        // The inner template reads the outer one's parameters: the readers would read its own.
        let mut outer = ctx.clone();
        outer.own_parameters = false;
        template(inner, &inner_path, &outer, depth, subs);
    }
}

/// Every expression string inside a resource value, evaluated where it can be.
fn strings<'v>(v: &'v Value, path: &Pointer, ctx: &Ctx<'v>, depth: usize, subs: &mut Vec<Sub>) {
    if depth > MAX_DEPTH.saturating_mul(2) {
        return;
    }
    let next = depth.saturating_add(1);
    match v {
        Value::String(s) if expr::is_expression(s) => {
            if ctx.own_parameters && in_backup_policy(path) && is_parameter_reference(s) {
                return;
            }
            let Some(known) = ctx.eval_str(s) else { return };
            // A value that is itself an expression left unevaluated (a parameter defaulting to
            // `[resourceGroup().location]`) stays as written, so the finding names it.
            if known.value.as_str().is_some_and(expr::is_expression) {
                return;
            }
            let mut origins: Vec<(Pointer, Pointer)> = known.origin.into_iter().map(|o| (Pointer::root(), o)).collect();
            origins.extend(known.parts);
            subs.push(Sub {
                at: path.clone(),
                value: known.value,
                origins,
            });
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, &path.index(i), ctx, next, subs);
            }
        }
        Value::Object(m) => {
            for (k, item) in m {
                strings(item, &path.key(k), ctx, next, subs);
            }
        }
        _ => {}
    }
}

/// True for a path inside a resource's `properties.backupPolicy`.
fn in_backup_policy(path: &Pointer) -> bool {
    path.tokens().iter().any(|t| t.eq_ignore_ascii_case("backupPolicy"))
}

/// `[parameters('x')]` and nothing else.
fn is_parameter_reference(s: &str) -> bool {
    crate::values::expression(s).is_some_and(|e| crate::values::single_call(e, "parameters").is_some())
}

/// The name of copy `index` of a resource when it evaluates (`[concat('acct-', copyIndex())]`).
pub fn copy_name(template: Option<&Node<'_>>, name: &str, index: usize) -> Option<String> {
    let t = template?;
    let mut ctx = Ctx::new(t.value, t.path.clone());
    if let Some(p) = t
        .value
        .get(crate::formats::PARAMETERS_KEY)
        .and_then(|p| p.get("parameters"))
    {
        ctx.supplied.push(Supplied {
            values: p,
            path: t.path.key(crate::formats::PARAMETERS_KEY).key("parameters"),
            outer: None,
        });
    }
    ctx.copy_index = Some(i64::try_from(index).ok()?);
    let k = ctx.eval_str(name)?;
    match k.value {
        Value::String(s) if !expr::is_expression(&s) => Some(s),
        _ => None,
    }
}

/// True when an object is an ARM deployment template.
pub fn is_template(node: &Node<'_>) -> bool {
    let schema = node.get("$schema").and_then(|s| s.as_str()).unwrap_or("");
    node.get("resources")
        .is_some_and(|r| r.value.is_array() || r.value.is_object())
        && (schema.contains("deploymentTemplate")
            || node.has("contentVersion")
            || schema.is_empty() && !node.has("properties"))
}
