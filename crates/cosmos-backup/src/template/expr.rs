//! A small evaluator for ARM template expressions over literal values.
//!
//! It knows the functions compiled Bicep and hand-written templates use to build an account's
//! `properties` from parameters (`parameters`, `variables`, `if`, `union`, `shallowMerge`,
//! `createObject`, `createArray`, `equals`, `not`, `and`, `or`, `empty`, `contains`, `concat`,
//! `coalesce`, `tryGet`, `format`, `map` with `lambda`…). Anything else (`reference`,
//! `resourceGroup`, `uniqueString`…) is unknown. `if` evaluates only the branch it takes, as ARM
//! does, so an unknown in the other branch does not matter.
//!
//! An object or array built from parts keeps an unknown part as the expression text of that part
//! (`"[reference('kv').keyUri]"`), so the readers report exactly that field as unresolved and
//! still read the others. Any function that inspects a value with an unknown part inside is
//! itself unknown: nothing is decided on a guess.

use crate::pointer::Pointer;
use serde_json::{Map, Value};

/// How deep expressions may nest, and how many references (`parameters`, `variables`) may chain.
const MAX_DEPTH: usize = 64;
/// The most elements a built array may hold (ARM's own limits are lower).
const MAX_ITEMS: usize = 4096;
/// The longest string an expression may build (ARM limits a template to 4 MB).
const MAX_TEXT: usize = 1 << 20;
/// Evaluation steps one template may take in all: references are re-evaluated where they are
/// used, so a hostile chain of variables that each use the previous one many times stops here
/// (and what it would have given stays unresolved).
const MAX_STEPS: usize = 1_000_000;

/// A parsed expression node with its byte span in the expression text.
#[derive(Debug, Clone)]
struct E {
    kind: K,
    start: usize,
    end: usize,
}

#[derive(Debug, Clone)]
enum K {
    Str(String),
    Num(i64),
    Ident(String),
    Call(String, Vec<E>),
    Prop(Box<E>, String),
    Index(Box<E>, Box<E>),
}

struct Parser<'t> {
    text: &'t str,
    pos: usize,
    depth: usize,
}

impl<'t> Parser<'t> {
    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    fn ws(&mut self) {
        while self.byte().is_some_and(|b| b.is_ascii_whitespace()) {
            self.bump();
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        if self.byte() == Some(b) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn expr(&mut self) -> Option<E> {
        self.depth = self.depth.saturating_add(1);
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        let start = self.pos;
        let mut e = self.primary()?;
        loop {
            self.ws();
            match self.byte() {
                Some(b'.') => {
                    self.bump();
                    self.ws();
                    let name = self.ident()?;
                    e = E {
                        kind: K::Prop(Box::new(e), name),
                        start,
                        end: self.pos,
                    };
                }
                Some(b'[') => {
                    self.bump();
                    let idx = self.expr()?;
                    if !self.eat(b']') {
                        return None;
                    }
                    e = E {
                        kind: K::Index(Box::new(e), Box::new(idx)),
                        start,
                        end: self.pos,
                    };
                }
                _ => break,
            }
        }
        self.depth = self.depth.saturating_sub(1);
        Some(e)
    }

    fn ident(&mut self) -> Option<String> {
        let start = self.pos;
        while self
            .byte()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
        {
            self.bump();
        }
        let s = self.text.get(start..self.pos)?;
        (!s.is_empty()).then(|| s.to_string())
    }

    fn primary(&mut self) -> Option<E> {
        let start = self.pos;
        match self.byte()? {
            b'\'' => {
                self.bump();
                let mut s = String::new();
                let mut seg = self.pos;
                loop {
                    match self.byte()? {
                        b'\'' => {
                            s.push_str(self.text.get(seg..self.pos)?);
                            self.bump();
                            if self.byte() == Some(b'\'') {
                                s.push('\'');
                                self.bump();
                                seg = self.pos;
                            } else {
                                break;
                            }
                        }
                        _ => self.bump(),
                    }
                }
                Some(E {
                    kind: K::Str(s),
                    start,
                    end: self.pos,
                })
            }
            b'-' | b'0'..=b'9' => {
                self.bump();
                while self.byte().is_some_and(|b| b.is_ascii_digit()) {
                    self.bump();
                }
                let n = self.text.get(start..self.pos)?.parse().ok()?;
                Some(E {
                    kind: K::Num(n),
                    start,
                    end: self.pos,
                })
            }
            _ => {
                let name = self.ident()?;
                self.ws();
                if self.byte() != Some(b'(') {
                    return Some(E {
                        kind: K::Ident(name),
                        start,
                        end: self.pos,
                    });
                }
                self.bump();
                let mut args = Vec::new();
                if !self.eat(b')') {
                    loop {
                        args.push(self.expr()?);
                        if self.eat(b')') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(E {
                    kind: K::Call(name, args),
                    start,
                    end: self.pos,
                })
            }
        }
    }
}

fn parse(text: &str) -> Option<E> {
    let mut p = Parser { text, pos: 0, depth: 0 };
    let e = p.expr()?;
    p.ws();
    (p.pos == text.len()).then_some(e)
}

/// A value an expression evaluated to, with where it was written when it is a document value
/// taken as is (a parameter's value, a variable), so findings can point there.
#[derive(Debug, Clone)]
pub struct Known {
    /// The value (parts it could not evaluate are expression strings).
    pub value: Value,
    /// Where the value was written, when it is a document value unchanged.
    pub origin: Option<Pointer>,
    /// For a built value: where its parts taken as is were written (path inside the value,
    /// where that part was written), so a finding about one member still points at its source.
    pub parts: Vec<(Pointer, Pointer)>,
}

impl Known {
    fn new(value: Value) -> Self {
        Self {
            value,
            origin: None,
            parts: Vec::new(),
        }
    }

    /// Every (path inside the value, origin) this value knows, itself included.
    fn origins(&self) -> Vec<(Pointer, Pointer)> {
        let mut out: Vec<(Pointer, Pointer)> = self.origin.iter().map(|o| (Pointer::root(), o.clone())).collect();
        out.extend(self.parts.iter().cloned());
        out
    }

    /// The origins of this value placed under `at` inside a built value.
    fn origins_under(&self, at: &Pointer) -> Vec<(Pointer, Pointer)> {
        self.origins().into_iter().map(|(rel, o)| (rel.under(at), o)).collect()
    }
}

/// The origins inside `prefix` of a built value, relative to `prefix`; a whole-value origin
/// above `prefix` gives the matching place inside it.
fn origins_within(origins: &[(Pointer, Pointer)], prefix: &Pointer) -> Vec<(Pointer, Pointer)> {
    let mut out = Vec::new();
    for (rel, o) in origins {
        if let Some(inner) = rel.strip_prefix(prefix) {
            out.push((inner, o.clone()));
        } else if let Some(down) = prefix.strip_prefix(rel) {
            out.push((Pointer::root(), down.under(o)));
        }
    }
    out
}

/// Parameter values given to a template: a parameters file's or a nested deployment's
/// `parameters` object (`{x: {value}}`), and the context its values are evaluated in.
#[derive(Debug, Clone)]
pub struct Supplied<'v> {
    /// The `parameters` object.
    pub values: &'v Value,
    /// Where it is.
    pub path: Pointer,
    /// The context expressions in the values are evaluated in (the outer template), if any.
    pub outer: Option<Box<Ctx<'v>>>,
}

/// What expressions of one template are evaluated against.
#[derive(Debug, Clone)]
pub struct Ctx<'v> {
    /// The template root (its `parameters` and `variables`).
    pub template: &'v Value,
    /// Where the template is.
    pub path: Pointer,
    /// Values given for its parameters, in the order they are looked up.
    pub supplied: Vec<Supplied<'v>>,
    /// The current `copyIndex()`, when evaluating one copy of a loop.
    pub copy_index: Option<i64>,
    /// Evaluation steps left for this template (shared by its copies).
    steps: std::rc::Rc<std::cell::Cell<usize>>,
    /// The template's own parameters resolve as the readers resolve them (a top-level template:
    /// its parameters file, then its defaults), so a policy field that is just `[parameters('x')]`
    /// can be left for them: the policy-parameter check then sees which parameter feeds it.
    pub own_parameters: bool,
}

/// True when a string is an ARM expression (`[…]`, not the escaped literal `[[…`).
pub fn is_expression(s: &str) -> bool {
    crate::values::expression(s).is_some()
}

/// True when a value holds an unevaluated expression anywhere inside.
pub fn has_unknown(v: &Value) -> bool {
    match v {
        Value::String(s) => is_expression(s),
        Value::Array(a) => a.iter().any(has_unknown),
        Value::Object(m) => m.values().any(has_unknown),
        _ => false,
    }
}

/// `parameters('x')` or `variables('x')`, and nothing else.
fn is_reference(inner: &str) -> bool {
    ["parameters", "variables"]
        .iter()
        .any(|f| crate::values::single_call(inner, f).is_some())
}

impl<'v> Ctx<'v> {
    /// True when the template was converted from Bicep: its bracketed strings are Bicep text
    /// except the parameter and variable references ([`crate::formats::bicep::ORIGIN_KEY`]).
    fn is_bicep_template(&self) -> bool {
        self.template
            .get(crate::formats::bicep::ORIGIN_KEY)
            .and_then(Value::as_str)
            == Some(crate::formats::bicep::ORIGIN)
    }

    /// A context for a template with no values supplied.
    pub fn new(template: &'v Value, path: Pointer) -> Self {
        Self {
            template,
            path,
            supplied: Vec::new(),
            copy_index: None,
            steps: std::rc::Rc::new(std::cell::Cell::new(MAX_STEPS)),
            own_parameters: false,
        }
    }

    /// Evaluates the expression string `text` (with its brackets); `None` when it cannot be.
    ///
    /// ```
    /// use cosmos_backup::template::expr::Ctx;
    /// let t = serde_json::json!({"parameters": {"continuous": {"type": "bool", "defaultValue": true}}});
    /// let ctx = Ctx::new(&t, cosmos_backup::pointer::Pointer::root());
    /// let k = ctx.eval_str("[if(parameters('continuous'), 'Continuous', 'Periodic')]").unwrap();
    /// assert_eq!(k.value, "Continuous");
    /// assert!(ctx.eval_str("[reference('kv').keyUri]").is_none());
    /// ```
    pub fn eval_str(&self, text: &str) -> Option<Known> {
        self.eval_at(text, 0)
    }

    /// [`Ctx::eval_str`] as part of an evaluation already `depth` deep (references chain).
    fn eval_at(&self, text: &str, depth: usize) -> Option<Known> {
        if depth > MAX_DEPTH {
            return None;
        }
        let inner = crate::values::expression(text)?;
        if self.is_bicep_template() && !is_reference(inner) {
            return None;
        }
        let e = parse(inner)?;
        let mut ev = Eval {
            ctx: self,
            text: inner,
            locals: Vec::new(),
            depth,
        };
        ev.eval(&e)
    }

    /// A document value with its expressions evaluated (unknown ones kept as written).
    fn deep(&self, v: &'v Value, depth: usize) -> Value {
        if depth > MAX_DEPTH {
            return v.clone();
        }
        let next = depth.saturating_add(1);
        match v {
            Value::String(s) if is_expression(s) => self.eval_at(s, depth).map_or_else(|| v.clone(), |k| k.value),
            Value::Array(a) => Value::Array(a.iter().map(|i| self.deep(i, next)).collect()),
            Value::Object(m) => Value::Object(m.iter().map(|(k, i)| (k.clone(), self.deep(i, next))).collect()),
            other => other.clone(),
        }
    }
}

struct Eval<'c, 'v, 't> {
    ctx: &'c Ctx<'v>,
    text: &'t str,
    locals: Vec<(String, Value)>,
    depth: usize,
}

fn member<'m>(m: &'m Map<String, Value>, key: &str) -> Option<(&'m String, &'m Value)> {
    m.get_key_value(key)
        .or_else(|| m.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)))
}

fn is_null_value(v: &Value) -> bool {
    v.is_null()
}

impl Eval<'_, '_, '_> {
    /// The expression text of a node, as a marker for an unknown part.
    fn marker(&self, e: &E) -> Value {
        Value::String(format!("[{}]", self.text.get(e.start..e.end).unwrap_or("")))
    }

    /// A part of a built value placed at `at`, with the origins of what it took as is.
    fn located_part(&mut self, e: &E, at: &Pointer) -> (Value, Vec<(Pointer, Pointer)>) {
        match self.eval(e) {
            Some(k) => {
                let origins = k.origins_under(at);
                (k.value, origins)
            }
            None => (self.marker(e), Vec::new()),
        }
    }

    /// A value that is inspected: known with no unknown part inside.
    fn plain(&mut self, e: &E) -> Option<Value> {
        let k = self.eval(e)?;
        (!has_unknown(&k.value)).then_some(k.value)
    }

    /// A value whose own kind is known (its members may be unknown).
    fn shape(&mut self, e: &E) -> Option<Value> {
        let k = self.eval(e)?;
        (!is_unknown_part(&k.value)).then_some(k.value)
    }

    fn plain_str(&mut self, e: &E) -> Option<String> {
        match self.plain(e)? {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A boolean argument (`if`, `not`, `and`, `or` take only booleans, as ARM does).
    fn plain_bool(&mut self, e: &E) -> Option<bool> {
        match self.plain(e)? {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    fn eval(&mut self, e: &E) -> Option<Known> {
        let left = self.ctx.steps.get().checked_sub(1)?;
        self.ctx.steps.set(left);
        self.depth = self.depth.saturating_add(1);
        if self.depth > MAX_DEPTH {
            return None;
        }
        let out = self.eval_inner(e);
        self.depth = self.depth.saturating_sub(1);
        out
    }

    fn eval_inner(&mut self, e: &E) -> Option<Known> {
        match &e.kind {
            K::Str(s) => Some(Known::new(Value::String(s.clone()))),
            K::Num(n) => Some(Known::new(Value::from(*n))),
            K::Ident(id) => match id.to_ascii_lowercase().as_str() {
                "true" => Some(Known::new(Value::Bool(true))),
                "false" => Some(Known::new(Value::Bool(false))),
                "null" => Some(Known::new(Value::Null)),
                _ => None,
            },
            K::Prop(base, name) => {
                let b = self.eval(base)?;
                let m = b.value.as_object()?;
                let (k, v) = member(m, name)?;
                if is_unknown_part(v) {
                    return None;
                }
                let key = Pointer::root().key(k);
                let mut inner = origins_within(&b.origins(), &key);
                let origin = take_root(&mut inner);
                Some(Known {
                    value: v.clone(),
                    origin,
                    parts: inner,
                })
            }
            K::Index(base, idx) => {
                let b = self.eval(base)?;
                let i = self.plain(idx)?;
                let (value, at) = match (&b.value, &i) {
                    (Value::Array(a), Value::Number(n)) => {
                        let n = usize::try_from(n.as_i64()?).ok()?;
                        (a.get(n)?.clone(), Pointer::root().index(n))
                    }
                    (Value::Object(m), Value::String(s)) => {
                        let (k, v) = member(m, s)?;
                        (v.clone(), Pointer::root().key(k))
                    }
                    _ => return None,
                };
                let mut parts = origins_within(&b.origins(), &at);
                let origin = take_root(&mut parts);
                (!is_unknown_part(&value)).then_some(Known { value, origin, parts })
            }
            K::Call(name, args) => self.call(&name.to_ascii_lowercase(), args),
        }
    }

    fn call(&mut self, name: &str, args: &[E]) -> Option<Known> {
        let v = |value: Value| Some(Known::new(value));
        match (name, args) {
            ("parameters", [n]) => {
                let n = self.plain_str(n)?;
                self.parameter(&n)
            }
            ("variables", [n]) => {
                let n = self.plain_str(n)?;
                self.variable(&n)
            }
            ("lambdavariables", [n]) => {
                let n = self.plain_str(n)?;
                let (_, val) = self.locals.iter().rev().find(|(k, _)| *k == n)?;
                v(val.clone())
            }
            ("true", []) => v(Value::Bool(true)),
            ("false", []) => v(Value::Bool(false)),
            ("null", []) => v(Value::Null),
            ("if", [c, a, b]) => {
                if self.plain_bool(c)? {
                    self.eval(a)
                } else {
                    self.eval(b)
                }
            }
            ("not", [a]) => v(Value::Bool(!self.plain_bool(a)?)),
            ("and", [_, _, ..]) | ("or", [_, _, ..]) => {
                let want = name == "or";
                let mut unknown = false;
                for a in args {
                    match self.plain_bool(a) {
                        Some(b) if b == want => return v(Value::Bool(want)),
                        Some(_) => {}
                        None => unknown = true,
                    }
                }
                (!unknown).then(|| Known::new(Value::Bool(!want)))
            }
            ("bool", [a]) => v(Value::Bool(match self.plain(a)? {
                Value::Bool(b) => b,
                Value::String(s) if s.eq_ignore_ascii_case("true") => true,
                Value::String(s) if s.eq_ignore_ascii_case("false") => false,
                Value::Number(n) => n.as_i64()? != 0,
                _ => return None,
            })),
            ("equals", [a, b]) => {
                let (a, b) = (self.plain(a)?, self.plain(b)?);
                v(Value::Bool(equal(&a, &b)))
            }
            // Emptiness and length need only the container, not its (maybe unknown) members.
            ("empty", [a]) => v(Value::Bool(match self.shape(a)? {
                Value::Null => true,
                Value::String(s) => s.is_empty(),
                Value::Array(a) => a.is_empty(),
                Value::Object(m) => m.is_empty(),
                _ => return None,
            })),
            ("contains", [c, i]) => {
                let (c, i) = (self.plain(c)?, self.plain(i)?);
                v(Value::Bool(match (&c, &i) {
                    (Value::String(s), Value::String(t)) => s.contains(t.as_str()),
                    (Value::Array(a), x) => a.iter().any(|y| equal(x, y)),
                    (Value::Object(m), Value::String(k)) => member(m, k).is_some(),
                    _ => return None,
                }))
            }
            ("length", [a]) => v(Value::from(match self.shape(a)? {
                Value::String(s) => s.chars().count(),
                Value::Array(a) => a.len(),
                Value::Object(m) => m.len(),
                _ => return None,
            })),
            ("coalesce", [_, ..]) => {
                for a in args {
                    let k = self.eval(a)?;
                    if is_unknown_part(&k.value) {
                        return None;
                    }
                    if !is_null_value(&k.value) {
                        return Some(k);
                    }
                }
                v(Value::Null)
            }
            ("createobject", _) => {
                if args.len() % 2 != 0 {
                    return None;
                }
                let mut m = Map::new();
                let mut parts = Vec::new();
                for pair in args.chunks(2) {
                    let [k, val] = pair else { return None };
                    let k = self.plain_str(k)?;
                    let (val, origins) = self.located_part(val, &Pointer::root().key(&k));
                    parts.retain(|(p, _): &(Pointer, Pointer)| !p.starts_with(&Pointer::root().key(&k)));
                    parts.extend(origins);
                    m.insert(k, val);
                }
                Some(Known {
                    value: Value::Object(m),
                    origin: None,
                    parts,
                })
            }
            ("createarray", _) => {
                let mut items = Vec::new();
                let mut parts = Vec::new();
                for (i, a) in args.iter().enumerate() {
                    let (val, origins) = self.located_part(a, &Pointer::root().index(i));
                    items.push(val);
                    parts.extend(origins);
                }
                Some(Known {
                    value: Value::Array(items),
                    origin: None,
                    parts,
                })
            }
            ("union", [_, ..]) => {
                let parts: Option<Vec<Known>> = args.iter().map(|a| self.eval(a)).collect();
                union(parts?)
            }
            ("shallowmerge", [a]) => {
                let list = self.eval(a)?;
                let origins = list.origins();
                let mut out = Map::new();
                let mut parts: Vec<(Pointer, Pointer)> = Vec::new();
                for (i, item) in list.value.as_array()?.iter().enumerate() {
                    let at = Pointer::root().index(i);
                    for (k, val) in item.as_object()? {
                        let key = Pointer::root().key(k);
                        parts.retain(|(p, _)| !p.starts_with(&key));
                        parts.extend(
                            origins_within(&origins, &key.under(&at))
                                .into_iter()
                                .map(|(rel, o)| (rel.under(&key), o)),
                        );
                        out.insert(k.clone(), val.clone());
                    }
                }
                Some(Known {
                    value: Value::Object(out),
                    origin: None,
                    parts,
                })
            }
            ("concat", [_, ..]) => {
                let parts: Option<Vec<Value>> = args.iter().map(|a| self.eval(a).map(|k| k.value)).collect();
                let parts = parts?;
                if parts.iter().any(is_unknown_part) {
                    return None;
                }
                if parts.iter().all(Value::is_array) {
                    let items: Vec<Value> = parts
                        .into_iter()
                        .flat_map(|p| p.as_array().cloned().unwrap_or_default())
                        .collect();
                    return (items.len() <= MAX_ITEMS).then(|| Known::new(Value::Array(items)));
                }
                let mut s = String::new();
                for p in &parts {
                    s.push_str(&text_of(p)?);
                    if s.len() > MAX_TEXT {
                        return None;
                    }
                }
                v(Value::String(s))
            }
            ("format", [f, rest @ ..]) => {
                let f = self.plain_str(f)?;
                let mut vals = Vec::new();
                for a in rest {
                    vals.push(text_of(&self.plain(a)?)?);
                }
                let s = format_text(&f, &vals)?;
                (s.len() <= MAX_TEXT).then(|| Known::new(Value::String(s)))
            }
            ("string", [a]) => v(Value::String(match self.plain(a)? {
                Value::String(s) => s,
                other => text_of(&other).unwrap_or_else(|| other.to_string()),
            })),
            ("int", [a]) => v(Value::from(match self.plain(a)? {
                Value::Number(n) => n.as_i64()?,
                Value::String(s) => s.trim().parse::<i64>().ok()?,
                _ => return None,
            })),
            ("tolower", [a]) => v(Value::String(self.plain_str(a)?.to_lowercase())),
            ("toupper", [a]) => v(Value::String(self.plain_str(a)?.to_uppercase())),
            ("split", [s, d]) => {
                let (s, d) = (self.plain_str(s)?, self.plain_str(d)?);
                if d.is_empty() {
                    return None;
                }
                v(Value::Array(
                    s.split(d.as_str()).map(|p| Value::String(p.to_string())).collect(),
                ))
            }
            ("first", [a]) | ("last", [a]) => {
                let a = self.plain(a)?;
                let items = a.as_array()?;
                let item = if name == "first" { items.first() } else { items.last() };
                v(item.cloned().unwrap_or(Value::Null))
            }
            ("tryget", [base, keys @ ..]) if !keys.is_empty() => {
                let b = self.eval(base)?;
                let mut cur = b.value;
                for k in keys {
                    let k = self.plain(k)?;
                    if is_unknown_part(&cur) {
                        return None;
                    }
                    cur = match (&cur, &k) {
                        (Value::Null, _) => Value::Null,
                        (Value::Object(m), Value::String(s)) => member(m, s).map_or(Value::Null, |(_, x)| x.clone()),
                        (Value::Array(a), Value::Number(n)) => n
                            .as_u64()
                            .and_then(|n| usize::try_from(n).ok())
                            .and_then(|n| a.get(n))
                            .cloned()
                            .unwrap_or(Value::Null),
                        _ => return None,
                    };
                }
                (!is_unknown_part(&cur)).then(|| Known::new(cur))
            }
            ("copyindex", rest) => {
                // `copyIndex()`, `copyIndex(offset)`, `copyIndex('loop')`, `copyIndex('loop', offset)`.
                let (loop_name, offset) = match rest {
                    [] => (None, None),
                    [a] => match self.plain(a)? {
                        Value::String(s) => (Some(s), None),
                        n @ Value::Number(_) => (None, Some(n)),
                        _ => return None,
                    },
                    [a, o] => (Some(self.plain_str(a)?), Some(self.plain(o)?)),
                    _ => return None,
                };
                let i = match loop_name {
                    Some(n) => {
                        let key = format!("{COPY_LOCAL}{n}");
                        let (_, val) = self.locals.iter().rev().find(|(k, _)| *k == key)?;
                        val.as_i64()?
                    }
                    None => self.ctx.copy_index?,
                };
                let offset = match offset {
                    Some(Value::Number(n)) => n.as_i64()?,
                    None => 0,
                    Some(_) => return None,
                };
                v(Value::from(i.checked_add(offset)?))
            }
            ("map", [list, lambda]) => {
                // Items may hold unknown parts: the body marks what it cannot build from them.
                let list = self.shape(list)?;
                let K::Call(lname, largs) = &lambda.kind else {
                    return None;
                };
                let [var, body] = largs.as_slice() else { return None };
                if !lname.eq_ignore_ascii_case("lambda") {
                    return None;
                }
                let var = self.plain_str(var)?;
                let items = list.as_array()?;
                if items.len() > MAX_ITEMS {
                    return None;
                }
                let mut out = Vec::new();
                for item in items {
                    self.locals.push((var.clone(), item.clone()));
                    let r = self.eval(body);
                    self.locals.pop();
                    out.push(r?.value);
                }
                v(Value::Array(out))
            }
            _ => None,
        }
    }

    /// `parameters('x')`: a supplied value first (a parameters file, a nested deployment's
    /// `parameters`), then the template's `defaultValue`, then `null` for a nullable parameter.
    fn parameter(&mut self, name: &str) -> Option<Known> {
        for s in &self.ctx.supplied {
            let Some(m) = s.values.as_object() else { continue };
            let Some((k, entry)) = member(m, name) else { continue };
            let Some((vk, value)) = entry.as_object().and_then(|e| member(e, "value")) else {
                // A Key Vault `reference` (or a malformed entry): not knowable offline.
                return None;
            };
            let origin = s.path.key(k).key(vk);
            let depth = self.depth.saturating_add(8);
            return Some(match (&s.outer, value.as_str()) {
                // A value that is one outer expression keeps the origin of what it took.
                (Some(outer), Some(text)) if is_expression(text) => outer
                    .eval_at(text, depth)
                    .unwrap_or_else(|| known_from(value.clone(), value, origin)),
                (Some(outer), _) => known_from(outer.deep(value, depth), value, origin),
                (None, _) => known_from(value.clone(), value, origin),
            });
        }
        let params = self.ctx.template.get("parameters")?.as_object()?;
        let (k, def) = member(params, name)?;
        let path = self.ctx.path.key("parameters").key(k);
        match def.as_object().and_then(|d| member(d, "defaultValue")) {
            Some((dk, value)) => {
                let evaluated = self.ctx.deep(value, self.depth.saturating_add(8));
                Some(known_from(evaluated, value, path.key(dk)))
            }
            None => {
                let nullable = def.get("nullable").and_then(Value::as_bool) == Some(true);
                nullable.then(|| Known::new(Value::Null))
            }
        }
    }

    fn variable(&mut self, name: &str) -> Option<Known> {
        let vars = self.ctx.template.get("variables")?.as_object()?;
        let Some((k, value)) = member(vars, name) else {
            return self.variable_loop(vars.get("copy")?, name);
        };
        let evaluated = self.ctx.deep(value, self.depth.saturating_add(8));
        Some(known_from(evaluated, value, self.ctx.path.key("variables").key(k)))
    }
}

impl Eval<'_, '_, '_> {
    /// A variable built by a `copy` loop in `variables`: `{name, count, input}`, `input`
    /// evaluated once per `copyIndex('name')`.
    fn variable_loop(&mut self, loops: &Value, name: &str) -> Option<Known> {
        let entry = loops
            .as_array()?
            .iter()
            .find(|l| l.get("name").and_then(Value::as_str) == Some(name))?;
        let count = match entry.get("count")? {
            Value::Number(n) => n.as_u64()?,
            Value::String(s) => match self.ctx.eval_at(s, self.depth.saturating_add(8))?.value {
                Value::Number(n) => n.as_u64()?,
                _ => return None,
            },
            _ => return None,
        };
        let count = usize::try_from(count).ok().filter(|c| *c <= MAX_ITEMS)?;
        let input = entry.get("input")?;
        let mut items = Vec::new();
        for i in 0..count {
            self.locals.push((format!("{COPY_LOCAL}{name}"), Value::from(i)));
            let item = match input.as_str() {
                Some(text) if is_expression(text) => {
                    let inner = crate::values::expression(text)?;
                    let e = parse(inner)?;
                    let mut sub = Eval {
                        ctx: self.ctx,
                        text: inner,
                        locals: self.locals.clone(),
                        depth: self.depth.saturating_add(8),
                    };
                    sub.eval(&e).map(|k| k.value)
                }
                _ => Some(input.clone()),
            };
            self.locals.pop();
            items.push(item?);
        }
        Some(Known::new(Value::Array(items)))
    }
}

/// The prefix of the local naming the current index of a named `copy` loop.
const COPY_LOCAL: &str = "$copy:";

/// A looked-up value: it keeps its origin only when evaluation left it unchanged (a literal).
fn known_from(evaluated: Value, written: &Value, origin: Pointer) -> Known {
    if is_unknown_part(&evaluated) {
        // The whole value is an expression that could not be evaluated.
        return Known {
            value: evaluated,
            origin: Some(origin),
            parts: Vec::new(),
        };
    }
    let same = evaluated == *written;
    Known {
        value: evaluated,
        origin: same.then_some(origin),
        parts: Vec::new(),
    }
}

/// Takes the whole-value origin (relative path `""`) out of a list of origins.
fn take_root(origins: &mut Vec<(Pointer, Pointer)>) -> Option<Pointer> {
    let i = origins.iter().position(|(rel, _)| rel.as_str().is_empty())?;
    Some(origins.remove(i).1)
}

/// True when a value is itself an unevaluated expression string.
fn is_unknown_part(v: &Value) -> bool {
    v.as_str().is_some_and(is_expression)
}

/// ARM `equals`: strings compare exactly, numbers by value, structures member by member.
fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// ARM `union`: objects merge (the last value of a key wins; nested objects merge the same
/// way); arrays join without duplicates.
fn union(parts: Vec<Known>) -> Option<Known> {
    if parts.iter().any(|p| is_unknown_part(&p.value)) {
        return None;
    }
    if parts.iter().all(|p| p.value.is_object()) {
        let mut out = Value::Object(Map::new());
        let mut origins: Vec<(Pointer, Pointer)> = Vec::new();
        for p in parts {
            for k in p.value.as_object().into_iter().flat_map(|m| m.keys()) {
                let key = Pointer::root().key(k);
                let merged = out.get(k).is_some_and(Value::is_object) && p.value.get(k).is_some_and(Value::is_object);
                if merged {
                    // Two objects merge member by member: where each came from is no longer one place.
                    origins.retain(|(rel, _)| !rel.starts_with(&key));
                } else {
                    origins.retain(|(rel, _)| !rel.starts_with(&key));
                    origins.extend(
                        origins_within(&p.origins(), &key)
                            .into_iter()
                            .map(|(rel, o)| (rel.under(&key), o)),
                    );
                }
            }
            merge(&mut out, p.value, 0);
        }
        return Some(Known {
            value: out,
            origin: None,
            parts: origins,
        });
    }
    if parts.iter().all(|p| p.value.is_array()) {
        let mut out: Vec<Value> = Vec::new();
        for p in parts {
            for i in p.value.as_array().cloned().unwrap_or_default() {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        return (out.len() <= MAX_ITEMS).then(|| Known::new(Value::Array(out)));
    }
    None
}

fn merge(into: &mut Value, from: Value, depth: usize) {
    match (into, from) {
        (Value::Object(a), Value::Object(b)) if depth < MAX_DEPTH => {
            for (k, v) in b {
                match a.get_mut(&k) {
                    Some(existing) if existing.is_object() && v.is_object() => {
                        merge(existing, v, depth.saturating_add(1))
                    }
                    _ => {
                        a.insert(k, v);
                    }
                }
            }
        }
        (slot, from) => *slot = from,
    }
}

/// A value as `concat` and `format` write it.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `format('{0}-{1}', a, b)` with plain `{n}` holes (`{{` and `}}` escape braces).
fn format_text(f: &str, vals: &[String]) -> Option<String> {
    let mut out = String::new();
    let mut chars = f.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut n = String::new();
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                    n.push(d);
                }
                let i: usize = n.trim().parse().ok()?;
                out.push_str(vals.get(i)?);
            }
            other => out.push(other),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ev(t: &Value, s: &str) -> Option<Value> {
        Ctx::new(t, Pointer::root()).eval_str(s).map(|k| k.value)
    }

    #[test]
    fn a_hostile_chain_of_variables_stops_unresolved() {
        let mut vars = serde_json::Map::new();
        vars.insert("v0".into(), json!("x"));
        for i in 1..40 {
            let p = format!("variables('v{}')", i - 1);
            vars.insert(
                format!("v{i}"),
                json!(format!("[concat({p}, {p}, {p}, {p}, {p}, {p}, {p}, {p})]")),
            );
        }
        let t = json!({"variables": vars});
        // Unknown: nothing, or the expression itself (which the readers report as written).
        let deep = ev(&t, "[variables('v39')]");
        assert!(
            deep.as_ref().is_none_or(|v| v.as_str().is_some_and(is_expression)),
            "{deep:?}"
        );
        assert_eq!(ev(&t, "[variables('v1')]"), Some(json!("xxxxxxxx")));
    }

    #[test]
    fn literals_and_functions() {
        let t = json!({"parameters": {"p": {"type": "string", "defaultValue": "Continuous"},
            "n": {"type": "array", "nullable": true}, "r": {"type": "string"}},
            "variables": {"v": "[parameters('p')]"}});
        assert_eq!(ev(&t, "[parameters('p')]"), Some(json!("Continuous")));
        assert_eq!(ev(&t, "[variables('v')]"), Some(json!("Continuous")));
        assert_eq!(
            ev(&t, "[if(equals(parameters('p'), 'Continuous'), 'a', reference('x'))]"),
            Some(json!("a"))
        );
        assert_eq!(ev(&t, "[parameters('r')]"), None);
        assert_eq!(ev(&t, "[empty(parameters('n'))]"), Some(json!(true)));
        assert_eq!(
            ev(&t, "[createObject('a', parameters('r'), 'b', 1)]"),
            Some(json!({"a": "[parameters('r')]", "b": 1}))
        );
        assert_eq!(ev(&t, "[equals(createObject('a', parameters('r')).a, 'x')]"), None);
        assert_eq!(
            ev(&t, "[union(createObject('a', 1), createObject('b', 2))]"),
            Some(json!({"a": 1, "b": 2}))
        );
        assert_eq!(ev(&t, "[format('{0}-{1}', 'a', 2)]"), Some(json!("a-2")));
        assert_eq!(ev(&t, "[concat('it''s', '-', 1)]"), Some(json!("it's-1")));
        assert_eq!(
            ev(
                &t,
                "[map(createArray('x'), lambda('c', createObject('name', lambdaVariables('c'))))]"
            ),
            Some(json!([{"name": "x"}]))
        );
        assert_eq!(ev(&t, "[resourceGroup().location]"), None);
        assert_eq!(ev(&t, "[not(]"), None);
        let loops = json!({"parameters": {"names": {"type": "array", "defaultValue": ["a", "b"]}},
            "variables": {"copy": [{"name": "caps", "count": "[length(parameters('names'))]",
                "input": "[createObject('name', parameters('names')[copyIndex('caps')])]"}]}});
        assert_eq!(
            ev(&loops, "[variables('caps')]"),
            Some(json!([{"name": "a"}, {"name": "b"}]))
        );
    }
}
