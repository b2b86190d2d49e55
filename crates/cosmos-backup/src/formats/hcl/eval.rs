//! Evaluation of the Terraform expressions whose inputs are literal.
//!
//! Values are JSON-like ([`V`]) plus [`V::Unknown`]: an expression whose value cannot be known
//! offline (a resource attribute, a data source, a module output, a function not implemented
//! here). An unknown value keeps the text the user wrote, and any operation on it is unknown
//! too, so nothing is ever guessed: `var.backup.type == "Periodic" ? 240 : null` is a number
//! when `var.backup` has a literal default or a `.tfvars` value, and unknown otherwise.

use hcl_edit::Span;
use hcl_edit::expr::{BinaryOperator, Expression, TraversalOperator, UnaryOperator};
use hcl_edit::template::{Element, Template};
use serde_json::{Number, Value};
use std::collections::HashMap;

/// How deep evaluation may go (nested expressions plus `local` → `local` chains), below
/// [`crate::limits::MAX_DEPTH`] so the converted document stays within the engine's own limit.
const MAX_EVAL_DEPTH: usize = 100;

/// A value: JSON, or unknown with the expression text that produced it.
#[derive(Debug, Clone, PartialEq)]
pub enum V {
    /// `null`: unset.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Num(Number),
    /// A string.
    Str(String),
    /// A list, tuple or set.
    List(Vec<V>),
    /// An object or map, in the order written.
    Obj(Vec<(String, V)>),
    /// Cannot be known offline: the expression as written.
    Unknown(String),
}

/// An evaluation error (an attribute missing from a literal object, a type mismatch): Terraform
/// would fail here, and `try()` moves on to its next argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fail;

impl V {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&V> {
        match self {
            V::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// True when the value or any part of it is unknown.
    pub fn has_unknown(&self) -> bool {
        match self {
            V::Unknown(_) => true,
            V::List(items) => items.iter().any(V::has_unknown),
            V::Obj(m) => m.iter().any(|(_, v)| v.has_unknown()),
            _ => false,
        }
    }

    /// The JSON the engine reads; an unknown becomes the marker string `${expression}`.
    pub fn to_json(&self) -> Value {
        match self {
            V::Null => Value::Null,
            V::Bool(b) => Value::Bool(*b),
            V::Num(n) => Value::Number(n.clone()),
            V::Str(s) => Value::String(s.clone()),
            V::List(items) => Value::Array(items.iter().map(V::to_json).collect()),
            V::Obj(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), v.to_json())).collect()),
            V::Unknown(t) => Value::String(marker(t)),
        }
    }

    /// A JSON value (`jsondecode`); serde_json has already bounded its nesting.
    pub fn from_json(v: &Value) -> V {
        match v {
            Value::Null => V::Null,
            Value::Bool(b) => V::Bool(*b),
            Value::Number(n) => V::Num(n.clone()),
            Value::String(s) => V::Str(s.clone()),
            Value::Array(items) => V::List(items.iter().map(V::from_json).collect()),
            Value::Object(m) => V::Obj(m.iter().map(|(k, v)| (k.clone(), V::from_json(v))).collect()),
        }
    }

    fn as_f64(&self) -> Option<f64> {
        match self {
            V::Num(n) => n.as_f64(),
            _ => None,
        }
    }

    /// The string form Terraform interpolates (`${…}` in a template, `tostring`).
    fn as_text(&self) -> Option<String> {
        match self {
            V::Str(s) => Some(s.clone()),
            V::Num(n) => Some(n.to_string()),
            V::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// How deeply lists and objects nest in a value (without recursion).
pub fn depth_of(v: &V) -> usize {
    let mut max = 0;
    let mut stack = vec![(v, 1usize)];
    while let Some((v, d)) = stack.pop() {
        max = max.max(d);
        match v {
            V::List(items) => stack.extend(items.iter().map(|i| (i, d.saturating_add(1)))),
            V::Obj(m) => stack.extend(m.iter().map(|(_, i)| (i, d.saturating_add(1)))),
            _ => {}
        }
    }
    max
}

/// The marker an unresolved expression is written as in the converted document.
pub fn marker(expression: &str) -> String {
    format!("${{{expression}}}")
}

/// Inserts or replaces `key` in an object's members, keeping the first position.
pub fn set(m: &mut Vec<(String, V)>, key: &str, value: V) {
    match m.iter_mut().find(|(k, _)| k == key) {
        Some(slot) => slot.1 = value,
        None => m.push((key.to_string(), value)),
    }
}

fn num_i(i: i64) -> V {
    V::Num(Number::from(i))
}

fn num_f(f: f64) -> Result<V, Fail> {
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        #[expect(clippy::cast_possible_truncation, reason = "whole and below 2^53: exact")]
        return Ok(num_i(f as i64));
    }
    Number::from_f64(f).map(V::Num).ok_or(Fail)
}

/// Converts a parsed number.
pub fn number(n: &hcl_edit::Number) -> V {
    if let Some(i) = n.as_i64() {
        return num_i(i);
    }
    if let Some(u) = n.as_u64() {
        return V::Num(Number::from(u));
    }
    n.as_f64().and_then(Number::from_f64).map_or(V::Null, V::Num)
}

/// What expressions are evaluated against: variables, locals and iterator bindings.
#[derive(Debug)]
pub struct Ctx<'t> {
    /// The text the expressions were parsed from (for the text of unknown values).
    pub text: &'t str,
    /// `var.NAME`: a declared variable's value (tfvars, else its default), or unknown.
    pub vars: HashMap<String, V>,
    /// `local.NAME`: the expression, evaluated on first use.
    pub locals: HashMap<String, &'t Expression>,
    /// Bindings of `each`, `count` and `dynamic` iterators, innermost last.
    pub scopes: Vec<(String, V)>,
    local_values: HashMap<String, V>,
    active: Vec<String>,
    depth: usize,
}

impl<'t> Ctx<'t> {
    /// A context over `text` with no variables or locals.
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            vars: HashMap::new(),
            locals: HashMap::new(),
            scopes: Vec::new(),
            local_values: HashMap::new(),
            active: Vec::new(),
            depth: 0,
        }
    }

    /// The text of an expression as the user wrote it (trimmed, on one line).
    pub fn source(&self, e: &Expression) -> String {
        let raw = e
            .span()
            .and_then(|r| self.text.get(r))
            .map(str::trim)
            .unwrap_or("expression");
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Evaluates `e`; an evaluation error (which Terraform would report) becomes unknown.
    pub fn value(&mut self, e: &Expression) -> V {
        self.eval(e).unwrap_or_else(|Fail| V::Unknown(self.source(e)))
    }

    /// Evaluates `e`.
    pub fn eval(&mut self, e: &Expression) -> Result<V, Fail> {
        if self.depth >= MAX_EVAL_DEPTH {
            return Ok(V::Unknown(self.source(e)));
        }
        self.depth = self.depth.saturating_add(1);
        let out = self.eval_inner(e);
        self.depth = self.depth.saturating_sub(1);
        let container = matches!(e, Expression::Array(_) | Expression::Object(_));
        match out {
            // An unknown part makes the whole expression unknown; it is reported as written here.
            Ok(V::Unknown(_)) if !container => Ok(V::Unknown(self.source(e))),
            other => other,
        }
    }

    fn eval_inner(&mut self, e: &Expression) -> Result<V, Fail> {
        Ok(match e {
            Expression::Null(_) => V::Null,
            Expression::Bool(b) => V::Bool(*b.value()),
            Expression::Number(n) => number(n.value()),
            Expression::String(s) => V::Str(s.value().clone()),
            Expression::Array(a) => V::List(a.iter().map(|i| self.eval(i)).collect::<Result<_, _>>()?),
            Expression::Object(o) => {
                let mut m = Vec::new();
                for (k, v) in o.iter() {
                    let key = match k {
                        hcl_edit::expr::ObjectKey::Ident(id) => id.value().as_str().to_string(),
                        hcl_edit::expr::ObjectKey::Expression(ke) => match self.eval(ke)? {
                            V::Unknown(_) => return Ok(V::Unknown(self.source(e))),
                            other => other.as_text().ok_or(Fail)?,
                        },
                    };
                    let value = self.eval(v.expr())?;
                    set(&mut m, &key, value);
                }
                V::Obj(m)
            }
            Expression::StringTemplate(t) => self.template(t)?,
            Expression::HeredocTemplate(h) => self.template(&h.template)?,
            Expression::Parenthesis(p) => self.eval(p.inner())?,
            Expression::Variable(id) => self
                .binding(id.value().as_str())
                .unwrap_or_else(|| V::Unknown(String::new())),
            Expression::Conditional(c) => match self.eval(&c.cond_expr)? {
                V::Bool(true) => self.eval(&c.true_expr)?,
                V::Bool(false) => self.eval(&c.false_expr)?,
                V::Unknown(t) => V::Unknown(t),
                _ => return Err(Fail),
            },
            Expression::FuncCall(f) => self.call(f)?,
            Expression::Traversal(t) => self.traversal(t)?,
            Expression::UnaryOp(u) => {
                let v = self.eval(&u.expr)?;
                match (u.operator.value(), v) {
                    (_, V::Unknown(t)) => V::Unknown(t),
                    (UnaryOperator::Not, V::Bool(b)) => V::Bool(!b),
                    (UnaryOperator::Neg, V::Num(n)) => match n.as_i64() {
                        Some(i) => i.checked_neg().map(num_i).ok_or(Fail)?,
                        None => num_f(-n.as_f64().ok_or(Fail)?)?,
                    },
                    _ => return Err(Fail),
                }
            }
            Expression::BinaryOp(b) => {
                let op = *b.operator.value();
                let lhs = self.eval(&b.lhs_expr)?;
                // `&&` and `||` do not short-circuit in Terraform, but a known `false && x` is `false`.
                let rhs = self.eval(&b.rhs_expr)?;
                binary(op, lhs, rhs)?
            }
            Expression::ForExpr(f) => self.for_expr(f)?,
        })
    }

    fn binding(&self, name: &str) -> Option<V> {
        self.scopes
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }

    fn template(&mut self, t: &Template) -> Result<V, Fail> {
        let mut out = String::new();
        for el in t.iter() {
            match el {
                Element::Literal(s) => out.push_str(s.value()),
                Element::Interpolation(i) => match self.eval(&i.expr)? {
                    V::Unknown(t) => return Ok(V::Unknown(t)),
                    v => out.push_str(&v.as_text().ok_or(Fail)?),
                },
                Element::Directive(_) => return Ok(V::Unknown(String::new())),
            }
        }
        Ok(V::Str(out))
    }

    fn local(&mut self, name: &str) -> Result<V, Fail> {
        if let Some(v) = self.local_values.get(name) {
            return Ok(v.clone());
        }
        let Some(expr) = self.locals.get(name).copied() else {
            return Err(Fail);
        };
        if self.active.iter().any(|a| a == name) {
            // A cycle: Terraform refuses it; nothing can be known.
            return Ok(V::Unknown(String::new()));
        }
        self.active.push(name.to_string());
        let v = self.eval(expr);
        self.active.pop();
        let mut v = v?;
        if depth_of(&v) >= crate::limits::MAX_DEPTH {
            // Locals nested into each other past the document limit: refused as unknown, so no
            // value deeper than the engine reads is ever built (or cloned and dropped recursively).
            v = V::Unknown(String::new());
        }
        self.local_values.insert(name.to_string(), v.clone());
        Ok(v)
    }

    fn traversal(&mut self, t: &hcl_edit::expr::Traversal) -> Result<V, Fail> {
        let ops: Vec<&TraversalOperator> = t.operators.iter().map(|o| o.value()).collect();
        let (cur, used) = match &t.expr {
            Expression::Variable(root) => {
                let root = root.value().as_str();
                match (root, ops.first()) {
                    ("var", Some(TraversalOperator::GetAttr(name))) => {
                        let name = name.value().as_str();
                        (
                            self.vars
                                .get(name)
                                .cloned()
                                .unwrap_or_else(|| V::Unknown(String::new())),
                            1,
                        )
                    }
                    ("local", Some(TraversalOperator::GetAttr(name))) => {
                        let name = name.value().as_str().to_string();
                        (self.local(&name)?, 1)
                    }
                    _ => match self.binding(root) {
                        Some(v) => (v, 0),
                        // A resource, data source, module output, `path`, `terraform`…
                        None => return Ok(V::Unknown(String::new())),
                    },
                }
            }
            other => (self.eval(other)?, 0),
        };
        self.apply(cur, ops.get(used..).unwrap_or_default())
    }

    /// Applies traversal operators (`.name`, `[key]`, `.0`, `[*]`, `.*`) to a value.
    fn apply(&mut self, mut cur: V, ops: &[&TraversalOperator]) -> Result<V, Fail> {
        for (i, op) in ops.iter().enumerate() {
            if let V::Unknown(_) = cur {
                return Ok(cur);
            }
            cur = match op {
                TraversalOperator::GetAttr(name) => cur.get(name.value().as_str()).cloned().ok_or(Fail)?,
                TraversalOperator::LegacyIndex(n) => index(&cur, &num_i(i64::try_from(*n.value()).map_err(|_| Fail)?))?,
                TraversalOperator::Index(ie) => {
                    let key = self.eval(ie)?;
                    if let V::Unknown(_) = key {
                        return Ok(key);
                    }
                    index(&cur, &key)?
                }
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    // `list[*].name`: the rest applies to each element; `null` is `[]`, one value `[it]`.
                    let items = match cur {
                        V::List(items) => items,
                        V::Null => Vec::new(),
                        other => vec![other],
                    };
                    let rest = ops.get(i.saturating_add(1)..).unwrap_or_default();
                    let mut out = Vec::with_capacity(items.len());
                    for item in items {
                        match self.apply(item, rest)? {
                            V::Unknown(t) => return Ok(V::Unknown(t)),
                            v => out.push(v),
                        }
                    }
                    return Ok(V::List(out));
                }
            };
        }
        Ok(cur)
    }

    fn for_expr(&mut self, f: &hcl_edit::expr::ForExpr) -> Result<V, Fail> {
        let collection = self.eval(&f.intro.collection_expr)?;
        let pairs: Vec<(V, V)> = match collection {
            V::Unknown(t) => return Ok(V::Unknown(t)),
            V::List(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| (num_i(i64::try_from(i).unwrap_or(i64::MAX)), v))
                .collect(),
            V::Obj(m) => m.into_iter().map(|(k, v)| (V::Str(k), v)).collect(),
            _ => return Err(Fail),
        };
        if f.grouping {
            return Ok(V::Unknown(String::new()));
        }
        let value_var = f.intro.value_var.value().as_str().to_string();
        let key_var = f.intro.key_var.as_ref().map(|k| k.value().as_str().to_string());
        let mut list = Vec::new();
        let mut obj = Vec::new();
        for (k, v) in pairs {
            let pushed = usize::from(key_var.is_some()).saturating_add(1);
            if let Some(kv) = &key_var {
                self.scopes.push((kv.clone(), k));
            }
            self.scopes.push((value_var.clone(), v));
            let item = self.for_item(f);
            for _ in 0..pushed {
                self.scopes.pop();
            }
            match item? {
                None => {}
                Some((_, V::Unknown(t))) | Some((Some(V::Unknown(t)), _)) => return Ok(V::Unknown(t)),
                Some((Some(key), value)) => set(&mut obj, &key.as_text().ok_or(Fail)?, value),
                Some((None, value)) => list.push(value),
            }
        }
        Ok(if f.key_expr.is_some() {
            V::Obj(obj)
        } else {
            V::List(list)
        })
    }

    /// One element of a `for` expression: `None` when its condition filters it out.
    fn for_item(&mut self, f: &hcl_edit::expr::ForExpr) -> Result<Option<(Option<V>, V)>, Fail> {
        if let Some(cond) = &f.cond {
            match self.eval(&cond.expr)? {
                V::Bool(false) => return Ok(None),
                V::Bool(true) => {}
                V::Unknown(t) => return Ok(Some((None, V::Unknown(t)))),
                _ => return Err(Fail),
            }
        }
        let key = match &f.key_expr {
            Some(k) => Some(self.eval(k)?),
            None => None,
        };
        Ok(Some((key, self.eval(&f.value_expr)?)))
    }

    fn call(&mut self, f: &hcl_edit::expr::FuncCall) -> Result<V, Fail> {
        let unknown = || Ok(V::Unknown(String::new()));
        if !f.name.namespace.is_empty() || f.args.expand_final() {
            return unknown();
        }
        let args: Vec<&Expression> = f.args.iter().collect();
        let name = f.name.name.value().as_str();
        match name {
            "try" => {
                for a in &args {
                    if let Ok(v) = self.eval(a) {
                        return Ok(v);
                    }
                }
                Err(Fail)
            }
            "can" => match args.as_slice() {
                [a] => Ok(match self.eval(a) {
                    Ok(V::Unknown(t)) => V::Unknown(t),
                    Ok(_) => V::Bool(true),
                    Err(Fail) => V::Bool(false),
                }),
                _ => Err(Fail),
            },
            "coalesce" => {
                for a in &args {
                    match self.eval(a)? {
                        V::Null => {}
                        V::Str(s) if s.is_empty() => {}
                        v => return Ok(v),
                    }
                }
                Err(Fail)
            }
            _ => {
                let mut vals = Vec::with_capacity(args.len());
                for a in &args {
                    vals.push(self.eval(a)?);
                }
                if vals.iter().any(|v| matches!(v, V::Unknown(_))) && name != "jsonencode" {
                    return unknown();
                }
                function(name, vals)
            }
        }
    }
}

/// The functions that need their arguments' values (all known, except inside `jsonencode`).
fn function(name: &str, vals: Vec<V>) -> Result<V, Fail> {
    let unknown = Ok(V::Unknown(String::new()));
    match (name, vals.as_slice()) {
        ("lookup", [m, k]) => index(m, k),
        ("lookup", [m, k, default]) => Ok(index(m, k).unwrap_or_else(|Fail| default.clone())),
        ("merge", _) => {
            let mut out = Vec::new();
            for v in vals {
                match v {
                    V::Null => {}
                    V::Obj(m) => m.into_iter().for_each(|(k, v)| set(&mut out, &k, v)),
                    _ => return Err(Fail),
                }
            }
            Ok(V::Obj(out))
        }
        ("jsonencode", [v]) => {
            if v.has_unknown() {
                return unknown;
            }
            serde_json::to_string(&v.to_json()).map(V::Str).map_err(|_| Fail)
        }
        ("jsondecode", [V::Str(s)]) => serde_json::from_str::<Value>(s)
            .map(|v| V::from_json(&v))
            .map_err(|_| Fail),
        ("length", [v]) => {
            let n = match v {
                V::List(l) => l.len(),
                V::Obj(m) => m.len(),
                V::Str(s) => s.chars().count(),
                _ => return Err(Fail),
            };
            Ok(num_i(i64::try_from(n).map_err(|_| Fail)?))
        }
        ("contains", [V::List(l), v]) => Ok(V::Bool(l.contains(v))),
        ("concat", _) => {
            let mut out = Vec::new();
            for v in vals {
                match v {
                    V::List(l) => out.extend(l),
                    _ => return Err(Fail),
                }
            }
            Ok(V::List(out))
        }
        ("toset", [V::List(l)]) => {
            let mut out: Vec<V> = Vec::new();
            for v in l {
                if !out.contains(v) {
                    out.push(v.clone());
                }
            }
            Ok(V::List(out))
        }
        ("tolist", [v @ V::List(_)]) | ("tomap", [v @ V::Obj(_)]) => Ok(v.clone()),
        ("tostring", [v]) => v.as_text().map(V::Str).ok_or(Fail),
        ("tonumber", [V::Num(n)]) => Ok(V::Num(n.clone())),
        ("tonumber", [V::Str(s)]) => s.trim().parse::<f64>().map_err(|_| Fail).and_then(num_f),
        ("tobool", [V::Bool(b)]) => Ok(V::Bool(*b)),
        ("tobool", [V::Str(s)]) => match s.as_str() {
            "true" => Ok(V::Bool(true)),
            "false" => Ok(V::Bool(false)),
            _ => Err(Fail),
        },
        // A `/…/` pattern is a regular expression, not evaluated here.
        ("replace", [V::Str(s), V::Str(from), V::Str(to)])
            if !(from.len() > 1 && from.starts_with('/') && from.ends_with('/')) =>
        {
            Ok(V::Str(s.replace(from.as_str(), to)))
        }
        ("join", [V::Str(sep), V::List(items)]) => {
            let parts: Option<Vec<String>> = items.iter().map(V::as_text).collect();
            Ok(V::Str(parts.ok_or(Fail)?.join(sep)))
        }
        ("split", [V::Str(sep), V::Str(s)]) => {
            Ok(V::List(s.split(sep.as_str()).map(|p| V::Str(p.to_string())).collect()))
        }
        ("lower", [V::Str(s)]) => Ok(V::Str(s.to_lowercase())),
        ("upper", [V::Str(s)]) => Ok(V::Str(s.to_uppercase())),
        ("trimspace", [V::Str(s)]) => Ok(V::Str(s.trim().to_string())),
        _ => unknown,
    }
}

fn index(v: &V, key: &V) -> Result<V, Fail> {
    match (v, key) {
        (V::List(items), V::Num(n)) => {
            let i = n.as_u64().and_then(|i| usize::try_from(i).ok()).ok_or(Fail)?;
            items.get(i).cloned().ok_or(Fail)
        }
        (V::Obj(_), k) => v.get(&k.as_text().ok_or(Fail)?).cloned().ok_or(Fail),
        _ => Err(Fail),
    }
}

fn binary(op: BinaryOperator, lhs: V, rhs: V) -> Result<V, Fail> {
    use BinaryOperator::*;
    match (&lhs, &rhs) {
        // `false && x` and `true || x` are known whatever `x` is.
        (V::Bool(false), _) if op == And => return Ok(V::Bool(false)),
        (V::Bool(true), _) if op == Or => return Ok(V::Bool(true)),
        (V::Unknown(t), _) | (_, V::Unknown(t)) => return Ok(V::Unknown(t.clone())),
        _ => {}
    }
    Ok(match op {
        Eq => V::Bool(equal(&lhs, &rhs)),
        NotEq => V::Bool(!equal(&lhs, &rhs)),
        And | Or => match (lhs, rhs) {
            (V::Bool(a), V::Bool(b)) => V::Bool(if op == And { a && b } else { a || b }),
            _ => return Err(Fail),
        },
        Less | LessEq | Greater | GreaterEq => {
            let (a, b) = (lhs.as_f64().ok_or(Fail)?, rhs.as_f64().ok_or(Fail)?);
            V::Bool(match op {
                Less => a < b,
                LessEq => a <= b,
                Greater => a > b,
                _ => a >= b,
            })
        }
        Plus | Minus | Mul | Div | Mod => arithmetic(op, &lhs, &rhs)?,
    })
}

fn arithmetic(op: BinaryOperator, lhs: &V, rhs: &V) -> Result<V, Fail> {
    use BinaryOperator::*;
    if let (V::Num(a), V::Num(b)) = (lhs, rhs) {
        if let (Some(a), Some(b)) = (a.as_i64(), b.as_i64()) {
            let r = match op {
                Plus => a.checked_add(b),
                Minus => a.checked_sub(b),
                Mul => a.checked_mul(b),
                Mod => a.checked_rem(b),
                _ => None,
            };
            if let Some(r) = r {
                return Ok(num_i(r));
            }
        }
    }
    let (a, b) = (lhs.as_f64().ok_or(Fail)?, rhs.as_f64().ok_or(Fail)?);
    let r = match op {
        Plus => a + b,
        Minus => a - b,
        Mul => a * b,
        Div if b != 0.0 => a / b,
        Mod if b != 0.0 => a % b,
        _ => return Err(Fail),
    };
    num_f(r)
}

/// Terraform equality: numbers by value (`240 == 240.0`), everything else structurally.
fn equal(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::Num(x), V::Num(y)) => x.as_f64() == y.as_f64(),
        (V::List(x), V::List(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| equal(p, q)),
        (V::Obj(x), V::Obj(y)) => x.len() == y.len() && x.iter().all(|(k, v)| b.get(k).is_some_and(|w| equal(v, w))),
        _ => a == b,
    }
}

/// Applies the defaults of `optional(TYPE, DEFAULT)` attributes in a variable's `type`
/// constraint to its value, as Terraform does before the value is used: an attribute omitted or
/// `null` takes its default, in nested objects and in the elements of lists, sets and maps.
pub fn apply_type_defaults(ctx: &mut Ctx<'_>, ty: &Expression, value: V, depth: usize) -> V {
    if depth > MAX_EVAL_DEPTH {
        return value;
    }
    let next = depth.saturating_add(1);
    let Expression::FuncCall(f) = ty else {
        return value;
    };
    let args: Vec<&Expression> = f.args.iter().collect();
    match (f.name.name.value().as_str(), args.as_slice(), value) {
        ("object", [Expression::Object(attrs)], V::Obj(mut m)) => {
            for (k, t) in attrs.iter() {
                let hcl_edit::expr::ObjectKey::Ident(key) = k else {
                    continue;
                };
                let key = key.value().as_str();
                let current = m.iter().find(|(n, _)| n == key).map(|(_, v)| v.clone());
                let (inner_ty, default) = match t.expr() {
                    Expression::FuncCall(o) if o.name.name.value().as_str() == "optional" => {
                        let oa: Vec<&Expression> = o.args.iter().collect();
                        (oa.first().copied(), oa.get(1).copied())
                    }
                    other => (Some(other), None),
                };
                let filled = match (current, default) {
                    (None | Some(V::Null), Some(d)) => Some(ctx.value(d)),
                    (None, None) => Some(V::Null),
                    (Some(v), _) => Some(v),
                };
                if let (Some(v), Some(it)) = (filled, inner_ty) {
                    let v = apply_type_defaults(ctx, it, v, next);
                    set(&mut m, key, v);
                }
            }
            V::Obj(m)
        }
        ("list" | "set", [elem], V::List(items)) => V::List(
            items
                .into_iter()
                .map(|i| apply_type_defaults(ctx, elem, i, next))
                .collect(),
        ),
        ("map", [elem], V::Obj(m)) => V::Obj(
            m.into_iter()
                .map(|(k, v)| (k, apply_type_defaults(ctx, elem, v, next)))
                .collect(),
        ),
        (_, _, v) => v,
    }
}
