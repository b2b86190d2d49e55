//! Evaluates Bicep expressions whose inputs are literal.
//!
//! A value is known as far as its inputs are: an object can hold known members beside an
//! [`V::Unknown`] one, which keeps the Bicep text of the smallest expression that could not be
//! evaluated (a parameter without default, `resourceGroup().location`, a function not
//! implemented here). The emitter writes that text as an ARM expression string `"[…]"`, which
//! the template readers report as `template.expression-unresolved`: nothing is guessed.

use super::ast::{Expr, For, Kind, Piece};
use serde_json::{Map, Value};
use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

/// How much work one conversion may do, shared by a file and its modules: evaluation steps
/// (array elements count one each) and module conversions. A file that would exceed them (a
/// variable doubling itself thirty times, a module fanning out tenfold at every level) is
/// written as unknown beyond that point instead of exhausting time or memory.
#[derive(Debug)]
pub struct Budget {
    steps: Cell<usize>,
    modules: Cell<usize>,
}

/// Evaluation steps one conversion may take.
pub const MAX_STEPS: usize = 2_000_000;
/// Module conversions one conversion may make.
pub const MAX_MODULES: usize = 256;

impl Default for Budget {
    fn default() -> Self {
        Self {
            steps: Cell::new(MAX_STEPS),
            modules: Cell::new(MAX_MODULES),
        }
    }
}

impl Budget {
    /// Takes `n` steps; false when the budget is spent.
    pub fn spend(&self, n: usize) -> bool {
        match self.steps.get().checked_sub(n) {
            Some(left) => {
                self.steps.set(left);
                true
            }
            None => {
                self.steps.set(0);
                false
            }
        }
    }

    /// Takes one module conversion; false when none are left.
    pub fn module(&self) -> bool {
        match self.modules.get().checked_sub(1) {
            Some(left) => {
                self.modules.set(left);
                true
            }
            None => false,
        }
    }
}

/// A value, known or not.
#[derive(Debug, Clone, PartialEq)]
pub enum V<'a> {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<V<'a>>),
    /// An object, in the user's key order.
    Obj(Vec<(String, V<'a>)>),
    /// A value that cannot be known offline: the Bicep text of its expression.
    Unknown(String),
    /// A lambda: its parameter names and body.
    Lambda(&'a [String], &'a Expr),
    /// A resource or module by its symbolic name.
    Symbol(String),
}

impl V<'_> {
    /// True when nothing inside is unknown.
    pub fn is_known(&self) -> bool {
        match self {
            V::Unknown(_) | V::Lambda(..) | V::Symbol(_) => false,
            V::Arr(items) => items.iter().all(V::is_known),
            V::Obj(m) => m.iter().all(|(_, v)| v.is_known()),
            _ => true,
        }
    }

    /// The value as JSON; unknown parts become ARM expression strings `"[text]"`.
    pub fn to_json(&self) -> Value {
        match self {
            V::Null => Value::Null,
            V::Bool(b) => Value::Bool(*b),
            V::Int(n) => Value::from(*n),
            V::Str(s) => Value::String(arm_string(s)),
            V::Arr(items) => Value::Array(items.iter().map(V::to_json).collect()),
            V::Obj(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), v.to_json())).collect::<Map<_, _>>()),
            V::Unknown(t) => Value::String(format!("[{t}]")),
            V::Lambda(..) => Value::String("[lambda]".to_string()),
            V::Symbol(s) => Value::String(format!("[{s}]")),
        }
    }

    /// A JSON value as a known value.
    pub fn from_json(v: &Value) -> V<'static> {
        match v {
            Value::Null => V::Null,
            Value::Bool(b) => V::Bool(*b),
            Value::Number(n) => n.as_i64().map_or_else(|| V::Unknown(n.to_string()), V::Int),
            Value::String(s) => match s.strip_prefix('[') {
                Some(rest) if !rest.starts_with('[') && s.ends_with(']') => {
                    V::Unknown(rest.strip_suffix(']').unwrap_or(rest).to_string())
                }
                Some(_) => V::Str(s.get(1..).unwrap_or("").to_string()),
                None => V::Str(s.clone()),
            },
            Value::Array(a) => V::Arr(a.iter().map(V::from_json).collect()),
            Value::Object(m) => V::Obj(m.iter().map(|(k, v)| (k.clone(), V::from_json(v))).collect()),
        }
    }
}

/// A literal string as ARM writes it: a leading `[` is escaped as `[[`.
pub fn arm_string(s: &str) -> String {
    if s.starts_with('[') && s.ends_with(']') {
        format!("[{s}")
    } else {
        s.to_string()
    }
}

/// A parameter as the evaluator sees it.
#[derive(Debug, Clone)]
pub struct Param<'a> {
    /// The default, when declared.
    pub default: Option<&'a Expr>,
    /// `type?`: left out, it is `null`.
    pub nullable: bool,
    /// The value given by a parameters file or a parent module, when known.
    pub given: Option<V<'a>>,
}

/// What names mean in one file.
#[derive(Debug, Default)]
pub struct Env<'a> {
    /// The file's text (for the text of unknown expressions).
    pub text: &'a str,
    /// Parameters by name.
    pub params: HashMap<String, Param<'a>>,
    /// Variables by name.
    pub vars: HashMap<String, &'a Expr>,
    /// Resources by symbolic name: the `name` expression of each (None inside a loop).
    pub resources: HashMap<String, Option<&'a Expr>>,
    /// Module symbolic names.
    pub modules: Vec<String>,
    /// The work left (shared with the modules this file converts).
    pub budget: Rc<Budget>,
    locals: Vec<(String, V<'a>)>,
    visiting: Vec<String>,
    depth: usize,
}

/// Calls deeper than this (variables referring to variables) give up as unknown.
const MAX_EVAL_DEPTH: usize = 256;

impl<'a> Env<'a> {
    /// An empty scope over `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            ..Self::default()
        }
    }

    /// The Bicep text of an expression.
    pub fn text_of(&self, e: &Expr) -> String {
        self.text.get(e.pos.offset..e.end).unwrap_or("").trim().to_string()
    }

    fn unknown(&self, e: &Expr) -> V<'a> {
        V::Unknown(self.text_of(e))
    }

    /// Binds a loop or lambda variable while `f` runs.
    pub fn with_local<T>(&mut self, bindings: Vec<(String, V<'a>)>, f: impl FnOnce(&mut Self) -> T) -> T {
        let n = self.locals.len();
        self.locals.extend(bindings);
        let r = f(self);
        self.locals.truncate(n);
        r
    }

    /// Binds loop variables until [`Env::pop_locals`] with the returned mark.
    pub fn push_locals(&mut self, bindings: Vec<(String, V<'a>)>) -> usize {
        let n = self.locals.len();
        self.locals.extend(bindings);
        n
    }

    /// Unbinds what was bound since `mark`.
    pub fn pop_locals(&mut self, mark: usize) {
        self.locals.truncate(mark);
    }

    /// What a name is bound to locally (loop or lambda variable).
    pub fn local(&self, name: &str) -> Option<&V<'a>> {
        self.locals.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The value of a parameter: given, else its literal default, else `null` when nullable.
    pub fn param(&mut self, name: &str) -> Option<V<'a>> {
        let p = self.params.get(name)?.clone();
        Some(match (p.given, p.default) {
            (Some(v), _) => v,
            (None, Some(d)) => {
                let v = self.guarded(name, d);
                if v.is_known() {
                    v
                } else {
                    V::Unknown(format!("parameters('{name}')"))
                }
            }
            (None, None) if p.nullable => V::Null,
            (None, None) => V::Unknown(format!("parameters('{name}')")),
        })
    }

    /// The value of a variable.
    pub fn var(&mut self, name: &str) -> Option<V<'a>> {
        let e = *self.vars.get(name)?;
        let v = self.guarded(name, e);
        Some(match v {
            V::Unknown(_) => V::Unknown(format!("variables('{name}')")),
            other => other,
        })
    }

    /// Evaluates `e` as the value of `name`, refusing cycles.
    fn guarded(&mut self, name: &str, e: &'a Expr) -> V<'a> {
        if self.visiting.iter().any(|n| n == name) {
            return self.unknown(e);
        }
        self.visiting.push(name.to_string());
        // Parameters and variables see no loop variables.
        let saved = std::mem::take(&mut self.locals);
        let v = self.eval(e);
        self.locals = saved;
        self.visiting.pop();
        v
    }

    /// Evaluates an expression.
    pub fn eval(&mut self, e: &'a Expr) -> V<'a> {
        if self.depth >= MAX_EVAL_DEPTH || !self.budget.spend(1) {
            return self.unknown(e);
        }
        self.depth = self.depth.saturating_add(1);
        let v = self.eval_inner(e);
        self.depth = self.depth.saturating_sub(1);
        match v {
            V::Unknown(_) if !matches!(e.kind, Kind::Ident(_) | Kind::Paren(_)) => self.unknown(e),
            V::Str(s) if s.len() > crate::limits::MAX_STRING_BYTES => self.unknown(e),
            V::Arr(items) if !self.budget.spend(items.len()) => self.unknown(e),
            other => other,
        }
    }

    fn eval_inner(&mut self, e: &'a Expr) -> V<'a> {
        match &e.kind {
            Kind::Null => V::Null,
            Kind::Bool(b) => V::Bool(*b),
            Kind::Int(n) => V::Int(*n),
            Kind::Str(s) => V::Str(s.clone()),
            Kind::Interp(pieces) => {
                let mut out = String::new();
                for p in pieces {
                    match p {
                        Piece::Lit(s) => out.push_str(s),
                        Piece::Hole(h) => match self.eval(h) {
                            V::Str(s) => out.push_str(&s),
                            V::Int(n) => out.push_str(&n.to_string()),
                            V::Bool(b) => out.push_str(if b { "True" } else { "False" }),
                            V::Null => {}
                            v @ (V::Arr(_) | V::Obj(_)) if v.is_known() => out.push_str(&v.to_json().to_string()),
                            _ => return self.unknown(e),
                        },
                    }
                }
                V::Str(out)
            }
            Kind::Ident(name) => self.ident(name, e),
            Kind::Paren(inner) => self.eval(inner),
            Kind::Array(items) => V::Arr(items.iter().map(|i| self.eval(i)).collect()),
            Kind::Object(props) => self.object(props, e),
            Kind::For(f) => self.for_expr(f, e),
            Kind::If(..) => self.unknown(e),
            Kind::Lambda(params, body) => V::Lambda(params, body),
            Kind::Unary(op, x) => match (*op, self.eval(x)) {
                ("!", V::Bool(b)) => V::Bool(!b),
                ("-", V::Int(n)) => n.checked_neg().map_or_else(|| self.unknown(e), V::Int),
                _ => self.unknown(e),
            },
            Kind::Binary(op, l, r) => self.binary(op, l, r, e),
            Kind::Ternary(c, a, b) => match self.eval(c) {
                V::Bool(true) => self.eval(a),
                V::Bool(false) => self.eval(b),
                _ => self.unknown(e),
            },
            Kind::Member(obj, name, safe) => {
                let o = self.eval(obj);
                self.member(o, name, *safe).unwrap_or_else(|| self.unknown(e))
            }
            Kind::Index(obj, idx, safe) => {
                let (o, i) = (self.eval(obj), self.eval(idx));
                let v = match (&o, &i) {
                    (V::Arr(items), V::Int(n)) => usize::try_from(*n).ok().and_then(|n| items.get(n)).cloned(),
                    (V::Obj(_) | V::Symbol(_), V::Str(k)) => self.member(o.clone(), k, *safe),
                    (V::Null, _) if *safe => Some(V::Null),
                    _ => None,
                };
                match v {
                    Some(v) => v,
                    None if *safe && matches!(o, V::Arr(_) | V::Obj(_)) && i.is_known() => V::Null,
                    None => self.unknown(e),
                }
            }
            Kind::NonNull(x) => self.eval(x),
            Kind::Nested(..) => self.unknown(e),
            Kind::Call(callee, args) => self.call(callee, args, e),
        }
    }

    fn ident(&mut self, name: &str, e: &Expr) -> V<'a> {
        if let Some(v) = self.local(name) {
            return v.clone();
        }
        if let Some(v) = self.param(name) {
            return v;
        }
        if let Some(v) = self.var(name) {
            return v;
        }
        if self.resources.contains_key(name) || self.modules.iter().any(|m| m == name) {
            return V::Symbol(name.to_string());
        }
        self.unknown(e)
    }

    fn object(&mut self, props: &'a [super::ast::Prop], e: &Expr) -> V<'a> {
        use super::ast::Prop;
        let mut out: Vec<(String, V<'a>)> = Vec::new();
        for p in props {
            match p {
                Prop::Pair { key, value, .. } => set(&mut out, key.clone(), self.eval(value)),
                Prop::Computed { key, value } => match self.eval(key) {
                    V::Str(k) => {
                        let v = self.eval(value);
                        set(&mut out, k, v);
                    }
                    _ => return self.unknown(e),
                },
                Prop::Spread(s) => match self.eval(s) {
                    V::Obj(m) => m.into_iter().for_each(|(k, v)| set(&mut out, k, v)),
                    V::Null => {}
                    _ => return self.unknown(e),
                },
                Prop::Resource(_) => {}
            }
        }
        V::Obj(out)
    }

    fn for_expr(&mut self, f: &'a For, e: &Expr) -> V<'a> {
        let V::Arr(items) = self.eval(&f.iter) else {
            return self.unknown(e);
        };
        let mut out = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            let mut b = vec![(f.item.clone(), item)];
            if let Some(ix) = &f.index {
                b.push((ix.clone(), V::Int(i64::try_from(i).unwrap_or(i64::MAX))));
            }
            let v = self.with_local(b, |env| match &f.body.kind {
                Kind::If(c, body) => match env.eval(c) {
                    V::Bool(true) => Some(Some(env.eval(body))),
                    V::Bool(false) => Some(None),
                    _ => None,
                },
                _ => Some(Some(env.eval(&f.body))),
            });
            match v {
                Some(Some(v)) => out.push(v),
                Some(None) => {}
                None => return self.unknown(e),
            }
        }
        V::Arr(out)
    }

    /// `o.name`; `None` when it cannot be known (the caller makes the whole unknown).
    fn member(&mut self, o: V<'a>, name: &str, safe: bool) -> Option<V<'a>> {
        match o {
            V::Obj(m) => {
                let found = m
                    .iter()
                    .find(|(k, _)| k == name)
                    .or_else(|| m.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)))
                    .map(|(_, v)| v.clone());
                match found {
                    Some(v) => Some(v),
                    None if safe => Some(V::Null),
                    None => None,
                }
            }
            V::Null if safe => Some(V::Null),
            V::Symbol(sym) if name == "name" => {
                let e = (*self.resources.get(&sym)?)?;
                let v = self.guarded(&sym, e);
                v.is_known().then_some(v)
            }
            _ => None,
        }
    }

    fn binary(&mut self, op: &str, l: &'a Expr, r: &'a Expr, e: &Expr) -> V<'a> {
        let left = self.eval(l);
        // Short circuits decide with one side known.
        match (op, &left) {
            ("&&", V::Bool(false)) => return V::Bool(false),
            ("||", V::Bool(true)) => return V::Bool(true),
            ("??", V::Null) => return self.eval(r),
            ("??", v) if v.is_known() || matches!(v, V::Obj(_) | V::Arr(_)) => return left,
            _ => {}
        }
        let right = self.eval(r);
        let v = match (op, &left, &right) {
            ("&&" | "||", V::Bool(_), V::Bool(b)) => Some(V::Bool(*b)),
            ("==", a, b) if a.is_known() && b.is_known() => Some(V::Bool(a == b)),
            ("!=", a, b) if a.is_known() && b.is_known() => Some(V::Bool(a != b)),
            ("=~", V::Str(a), V::Str(b)) => Some(V::Bool(a.to_lowercase() == b.to_lowercase())),
            ("!~", V::Str(a), V::Str(b)) => Some(V::Bool(a.to_lowercase() != b.to_lowercase())),
            ("<", V::Int(a), V::Int(b)) => Some(V::Bool(a < b)),
            ("<=", V::Int(a), V::Int(b)) => Some(V::Bool(a <= b)),
            (">", V::Int(a), V::Int(b)) => Some(V::Bool(a > b)),
            (">=", V::Int(a), V::Int(b)) => Some(V::Bool(a >= b)),
            ("+", V::Int(a), V::Int(b)) => a.checked_add(*b).map(V::Int),
            ("-", V::Int(a), V::Int(b)) => a.checked_sub(*b).map(V::Int),
            ("*", V::Int(a), V::Int(b)) => a.checked_mul(*b).map(V::Int),
            ("/", V::Int(a), V::Int(b)) => a.checked_div(*b).map(V::Int),
            ("%", V::Int(a), V::Int(b)) => a.checked_rem(*b).map(V::Int),
            _ => None,
        };
        v.unwrap_or_else(|| self.unknown(e))
    }

    fn call(&mut self, callee: &'a Expr, args: &'a [Expr], e: &Expr) -> V<'a> {
        let name = match &callee.kind {
            Kind::Ident(n) => n.as_str(),
            Kind::Member(ns, n, false) if matches!(&ns.kind, Kind::Ident(s) if s == "sys") => n.as_str(),
            _ => return self.unknown(e),
        };
        let lname = name.to_ascii_lowercase();
        // Lambdas take their array first and their function second.
        if matches!(lname.as_str(), "map" | "filter") {
            return self.higher_order(&lname, args, e);
        }
        let vals: Vec<V<'a>> = args.iter().map(|a| self.eval(a)).collect();
        super::functions::call(&lname, vals).unwrap_or_else(|| self.unknown(e))
    }

    fn higher_order(&mut self, name: &str, args: &'a [Expr], e: &Expr) -> V<'a> {
        let (Some(arr), Some(f)) = (args.first(), args.get(1)) else {
            return self.unknown(e);
        };
        let (V::Arr(items), V::Lambda(params, body)) = (self.eval(arr), self.eval(f)) else {
            return self.unknown(e);
        };
        let mut out = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            let mut b = Vec::new();
            if let Some(p) = params.first() {
                b.push((p.clone(), item.clone()));
            }
            if let Some(p) = params.get(1) {
                b.push((p.clone(), V::Int(i64::try_from(i).unwrap_or(i64::MAX))));
            }
            let v = self.with_local(b, |env| env.eval(body));
            match (name, v) {
                ("map", v) => out.push(v),
                (_, V::Bool(true)) => out.push(item),
                (_, V::Bool(false)) => {}
                _ => return self.unknown(e),
            }
        }
        V::Arr(out)
    }
}

/// Sets `k` in an object, replacing an earlier member of the same name.
fn set<'a>(m: &mut Vec<(String, V<'a>)>, k: String, v: V<'a>) {
    match m.iter_mut().find(|(n, _)| *n == k) {
        Some(slot) => slot.1 = v,
        None => m.push((k, v)),
    }
}
