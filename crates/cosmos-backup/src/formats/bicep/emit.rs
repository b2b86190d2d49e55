//! Writes the ARM deployment template a Bicep file compiles to (for the parts the engine
//! judges), recording where each value was written.
//!
//! A parameter referenced directly stays `[parameters('x')]` so parameter files and the
//! template readers' own resolution apply; everything else is evaluated where its inputs are
//! literal ([`super::eval`]). A module becomes a nested `Microsoft.Resources/deployments`
//! whose template is the module converted in turn, its parameters the values passed.

use super::ast::{Decl, DeclKind, Expr, For, Kind, Prop};
use super::eval::{Env, Param, V};
use super::lexer::{Pos, SyntaxError};
use super::{MODULE_MISSING, MODULE_REGISTRY, Modules, UNSUPPORTED};
use crate::diagnostics::Diagnostic;
use crate::formats::MapBuilder;
use crate::pointer::Pointer;
use serde_json::{Map, Value, json};

/// Modules nest at most this deep (a module that includes itself stops here).
const MAX_MODULE_DEPTH: usize = 16;
/// The api-version written for module deployments.
const DEPLOYMENTS_API: &str = "2022-09-01";

/// A module's syntax error, with the module path it is in.
#[derive(Debug)]
pub struct ModuleError {
    /// The module path as given, `None` for the main file.
    pub file: Option<String>,
    /// The error.
    pub error: SyntaxError,
}

/// One file being written.
pub struct Emitter<'a> {
    /// Names in scope.
    pub env: Env<'a>,
    /// Where values were written (only for the main file).
    pub map: Option<MapBuilder>,
    /// Findings so far (paths into the template).
    pub findings: Vec<Diagnostic>,
    modules: Modules<'a>,
    /// Module paths being converted, outermost first (the directory of the last is the base).
    stack: Vec<String>,
    /// At the top level a given parameter stays symbolic (`[parameters('x')]`); inside a
    /// module the parent's value is written in its place.
    symbolic: bool,
    /// Full types of resources by symbolic name (for `parent:`).
    types: Vec<(String, String)>,
    /// Names of resources by symbolic name, as ARM writes them (for `parent:`).
    arm_names: Vec<(String, Value)>,
    inlining: Vec<String>,
}

struct Parent {
    ty: String,
    name: Value,
}

impl<'a> Emitter<'a> {
    /// An emitter over a parsed file.
    pub fn new(text: &'a str, decls: &'a [Decl], modules: Modules<'a>, stack: Vec<String>, top: bool) -> Self {
        let mut env = Env::new(text);
        for d in decls {
            register(&mut env, d);
        }
        Self {
            env,
            map: top.then(MapBuilder::default),
            findings: Vec::new(),
            modules,
            stack,
            symbolic: top,
            types: Vec::new(),
            arm_names: Vec::new(),
            inlining: Vec::new(),
        }
    }

    /// Gives parameter values (a parameters file, or what a parent module passes).
    pub fn give(&mut self, name: &str, v: V<'a>) {
        if let Some(p) = self.env.params.get_mut(name) {
            p.given = Some(v);
        }
    }

    fn record(&mut self, at: &Pointer, pos: Pos) {
        if let Some(m) = self.map.as_mut() {
            m.record(at, pos.line, pos.column);
        }
    }

    /// The template.
    pub fn template(&mut self, decls: &'a [Decl]) -> Result<Value, ModuleError> {
        let root = Pointer::root();
        let mut params = Map::new();
        let mut vars = Map::new();
        let mut resources = Vec::new();
        for d in decls {
            match &d.kind {
                DeclKind::Param { name, ty, default } => {
                    let at = root.key("parameters").key(name);
                    self.record(&at, d.pos);
                    let p = self.param(d, name, ty, default.as_ref(), &at);
                    params.insert(name.clone(), p);
                }
                DeclKind::Var { name, value } => {
                    let at = root.key("variables").key(name);
                    self.record(&at, value.pos);
                    vars.insert(name.clone(), self.env.eval(value).to_json());
                }
                DeclKind::Resource { .. } => self.resource(d, None, &mut resources)?,
                DeclKind::Module { .. } => self.module(d, &mut resources)?,
                DeclKind::Unknown(word) => {
                    let at = root.key("resources");
                    self.record(&at, d.pos);
                    let mut f = UNSUPPORTED.at(
                        &root,
                        format!("the statement `{}` is not a Bicep declaration the engine reads; it was skipped", crate::values::clip(word)),
                        "check the spelling; the engine reads `param`, `var`, `resource`, `module` and ignores `output`, `type`, `func`, `import`, `targetScope` and `metadata`",
                    );
                    f.location = Some(crate::diagnostics::Location {
                        file: None,
                        line: d.pos.line,
                        column: d.pos.column,
                    });
                    self.findings.push(f);
                }
                DeclKind::Using(_) | DeclKind::Ignored(_) => {}
            }
        }
        Ok(json!({
            "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "contentVersion": "1.0.0.0",
            // What is left in brackets is Bicep text, not ARM: see `template::expr::Ctx::eval_str`.
            super::ORIGIN_KEY: super::ORIGIN,
            "parameters": params,
            "variables": vars,
            "resources": resources,
        }))
    }

    fn param(
        &mut self,
        d: &'a Decl,
        name: &str,
        ty: &'a super::ast::ParamType,
        default: Option<&'a Expr>,
        at: &Pointer,
    ) -> Value {
        let secure = d.decorators.iter().any(|x| x.name == "secure");
        let mut p = Map::new();
        p.insert(
            "type".into(),
            Value::String(arm_type(&ty.text, secure, !ty.literals.is_empty())),
        );
        let given_unknown = matches!(self.env.params.get(name).and_then(|p| p.given.as_ref()), Some(v) if !self.symbolic && !v.is_known());
        if let (Some(def), false) = (default, given_unknown) {
            let v = self.emit(def, &at.key("defaultValue"));
            p.insert("defaultValue".into(), v);
        } else if ty.nullable {
            p.insert("nullable".into(), Value::Bool(true));
        }
        let allowed = d.decorators.iter().find(|x| x.name == "allowed");
        match allowed.and_then(|a| a.args.first().map(|e| (a, e))) {
            Some((
                dec,
                list @ Expr {
                    kind: Kind::Array(_), ..
                },
            )) => {
                let at = at.key("allowedValues");
                let v = self.emit(list, &at);
                self.record(&at, dec.pos);
                p.insert("allowedValues".into(), v);
            }
            _ if !ty.literals.is_empty() => {
                let at = at.key("allowedValues");
                let items: Vec<Value> = ty
                    .literals
                    .iter()
                    .enumerate()
                    .map(|(i, l)| self.emit(l, &at.index(i)))
                    .collect();
                p.insert("allowedValues".into(), Value::Array(items));
            }
            _ => {}
        }
        for (dec, key) in [
            ("minValue", "minValue"),
            ("maxValue", "maxValue"),
            ("minLength", "minLength"),
            ("maxLength", "maxLength"),
        ] {
            if let Some((x, arg)) = d
                .decorators
                .iter()
                .find(|x| x.name == dec)
                .and_then(|x| x.args.first().map(|a| (x, a)))
            {
                let at = at.key(key);
                let v = self.env.eval(arg).to_json();
                self.record(&at, x.pos);
                p.insert(key.into(), v);
            }
        }
        if let Some(arg) = d
            .decorators
            .iter()
            .find(|x| x.name == "description")
            .and_then(|x| x.args.first())
        {
            p.insert("metadata".into(), json!({"description": self.env.eval(arg).to_json()}));
        }
        Value::Object(p)
    }

    /// A value written at `at`, from the expression `e`.
    pub fn emit(&mut self, e: &'a Expr, at: &Pointer) -> Value {
        self.record(at, e.pos);
        match &e.kind {
            Kind::Paren(inner) => self.emit(inner, at),
            Kind::Array(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| self.emit(x, &at.index(i)))
                    .collect(),
            ),
            Kind::Object(props) => self.object(props, e, at),
            Kind::Ternary(c, a, b) => match self.env.eval(c) {
                V::Bool(true) => self.emit(a, at),
                V::Bool(false) => self.emit(b, at),
                _ => self.either(e, a, b, at),
            },
            Kind::Ident(name) if self.env.local(name).is_none() => {
                if let Some(p) = self.env.params.get(name) {
                    return match (&p.given, self.symbolic) {
                        (Some(v), false) => v.to_json(),
                        _ => Value::String(format!("[parameters('{name}')]")),
                    };
                }
                match self.env.vars.get(name.as_str()).copied() {
                    Some(v) if !self.inlining.iter().any(|n| n == name) => {
                        self.inlining.push(name.clone());
                        let out = self.emit(v, at);
                        self.inlining.pop();
                        out
                    }
                    _ => self.env.eval(e).to_json(),
                }
            }
            _ => self.env.eval(e).to_json(),
        }
    }

    fn object(&mut self, props: &'a [Prop], e: &'a Expr, at: &Pointer) -> Value {
        let mut out = Map::new();
        match self.members(props, at, &mut out) {
            Ok(()) => Value::Object(out),
            Err(()) => self.env.eval(e).to_json(),
        }
    }

    fn members(&mut self, props: &'a [Prop], at: &Pointer, out: &mut Map<String, Value>) -> Result<(), ()> {
        for p in props {
            match p {
                Prop::Pair { key, value, .. } => {
                    let v = self.emit(value, &at.key(key));
                    out.insert(key.clone(), v);
                }
                Prop::Computed { key, value } => match self.env.eval(key) {
                    V::Str(k) => {
                        let v = self.emit(value, &at.key(&k));
                        out.insert(k, v);
                    }
                    _ => return Err(()),
                },
                Prop::Spread(s) => self.spread(s, at, out)?,
                Prop::Resource(_) => {}
            }
        }
        Ok(())
    }

    /// `...s` into `out`. A ternary whose condition is unknown makes each key its branches
    /// could set unknown (written as the spread's expression), the rest of the object known.
    fn spread(&mut self, s: &'a Expr, at: &Pointer, out: &mut Map<String, Value>) -> Result<(), ()> {
        match &s.kind {
            Kind::Paren(inner) => self.spread(inner, at, out),
            Kind::Object(props) => self.members(props, at, out),
            Kind::Null => Ok(()),
            Kind::Ternary(c, a, b) => match self.env.eval(c) {
                V::Bool(true) => self.spread(a, at, out),
                V::Bool(false) => self.spread(b, at, out),
                _ => {
                    let text = Value::String(format!("[{}]", self.env.text_of(s)));
                    for branch in [a, b] {
                        let Kind::Object(props) = &strip(branch).kind else {
                            return Err(());
                        };
                        for p in props {
                            match p {
                                Prop::Pair { key, value, .. } => {
                                    let at = at.key(key);
                                    let v = self.unknown_shape(value, &text, &at, s.pos);
                                    let merged = match (out.remove(key), v) {
                                        (Some(Value::Object(mut old)), Value::Object(new)) => {
                                            old.extend(new);
                                            Value::Object(old)
                                        }
                                        (_, v) => v,
                                    };
                                    out.insert(key.clone(), merged);
                                }
                                Prop::Resource(_) => {}
                                _ => return Err(()),
                            }
                        }
                    }
                    Ok(())
                }
            },
            Kind::Ident(name)
                if self.env.vars.contains_key(name.as_str()) && !self.inlining.iter().any(|n| n == name) =>
            {
                let Some(v) = self.env.vars.get(name.as_str()).copied() else {
                    return Err(());
                };
                self.inlining.push(name.clone());
                let r = self.spread(v, at, out);
                self.inlining.pop();
                r
            }
            _ => match self.env.eval(s) {
                V::Obj(m) => {
                    for (k, v) in m {
                        self.record(&at.key(&k), s.pos);
                        out.insert(k, v.to_json());
                    }
                    Ok(())
                }
                V::Null => Ok(()),
                _ => Err(()),
            },
        }
    }

    /// `c ? a : b` with `c` unknown. Two object literals keep the shape of both, every leaf
    /// unknown (a `backupPolicy` chosen by a parameter without default has an unresolved `type`,
    /// not a string where an object belongs); anything else is the expression itself.
    fn either(&mut self, e: &'a Expr, a: &'a Expr, b: &'a Expr, at: &Pointer) -> Value {
        let v = self.env.eval(e);
        if v.is_known() {
            return v.to_json();
        }
        let objects = [a, b]
            .iter()
            .all(|x| matches!(&strip(x).kind, Kind::Object(p) if p.iter().all(|p| matches!(p, Prop::Pair { .. }))));
        if !objects {
            return v.to_json();
        }
        let text = Value::String(format!("[{}]", self.env.text_of(e)));
        let mut out = Map::new();
        for branch in [a, b] {
            if let Value::Object(m) = self.unknown_shape(branch, &text, at, e.pos) {
                merge(&mut out, m);
            }
        }
        Value::Object(out)
    }

    /// What a spread whose condition is unknown may set at `at`: an object literal keeps its
    /// shape with every leaf unknown (so `continuousModeProperties.tier` is unresolved, not
    /// the whole object of the wrong type); anything else is the spread's expression.
    fn unknown_shape(&mut self, value: &Expr, text: &Value, at: &Pointer, pos: Pos) -> Value {
        self.record(at, pos);
        match &strip(value).kind {
            Kind::Object(props) if props.iter().all(|p| matches!(p, Prop::Pair { .. })) => {
                let mut m = Map::new();
                for p in props {
                    if let Prop::Pair { key, value, .. } = p {
                        let v = self.unknown_shape(value, text, &at.key(key), pos);
                        m.insert(key.clone(), v);
                    }
                }
                Value::Object(m)
            }
            _ => text.clone(),
        }
    }

    fn resource(&mut self, d: &'a Decl, parent: Option<&Parent>, out: &mut Vec<Value>) -> Result<(), ModuleError> {
        let DeclKind::Resource {
            sym,
            ty,
            api_version,
            existing,
            body,
        } = &d.kind
        else {
            return Ok(());
        };
        let at = Pointer::root().key("resources").index(out.len());
        self.record(&at, d.pos);
        let (copy, cond, obj) = shape(body);
        let Kind::Object(props) = &obj.kind else {
            out.push(json!({"type": ty, "apiVersion": api_version, "name": format!("[{}]", self.env.text_of(obj))}));
            return Ok(());
        };
        let bindings = copy.map(loop_bindings).unwrap_or_default();
        let mut body_map = Map::new();
        if self
            .env_locals(bindings.clone(), |me| me.members(props, &at, &mut body_map))
            .is_err()
        {
            // A spread that cannot be known: the whole body is its expression.
            body_map = Map::new();
            body_map.insert(
                "properties".into(),
                Value::String(format!("[{}]", self.env.text_of(obj))),
            );
        }
        // The full type and the parent's name (nested declaration, or `parent:`).
        let parent_sym = props.iter().find_map(|p| match p {
            Prop::Pair { key, value, .. } if key == "parent" => match &value.kind {
                Kind::Ident(s) => Some(s.clone()),
                _ => None,
            },
            _ => None,
        });
        let by_property = parent_sym.and_then(|s| {
            let ty = self.types.iter().find(|(n, _)| *n == s).map(|(_, t)| t.clone())?;
            let name = self.arm_names.iter().find(|(n, _)| *n == s).map(|(_, v)| v.clone())?;
            Some(Parent { ty, name })
        });
        let parent = parent.or(by_property.as_ref());
        let full_ty = match parent {
            Some(p) if !ty.contains('/') => format!("{}/{ty}", p.ty),
            _ => ty.clone(),
        };
        let own = body_map.shift_remove("name").unwrap_or(Value::Null);
        let name = match parent {
            Some(p) => join_names(&p.name, &own),
            None => own,
        };
        body_map.shift_remove("parent");
        let mut r = Map::new();
        r.insert("type".into(), Value::String(full_ty.clone()));
        r.insert("apiVersion".into(), Value::String(api_version.clone()));
        r.insert("name".into(), name.clone());
        r.extend(body_map);
        if *existing {
            r.insert("existing".into(), Value::Bool(true));
        }
        self.condition_and_copy(&mut r, &at, sym, cond, copy, &bindings);
        self.types.push((sym.clone(), full_ty.clone()));
        self.arm_names.push((sym.clone(), name.clone()));
        out.push(Value::Object(r));
        let me = Parent { ty: full_ty, name };
        for p in props {
            if let Prop::Resource(child) = p {
                self.resource(child, Some(&me), out)?;
            }
        }
        Ok(())
    }

    fn env_locals<T>(&mut self, bindings: Vec<(String, V<'a>)>, f: impl FnOnce(&mut Self) -> T) -> T {
        let n = self.env.push_locals(bindings);
        let r = f(self);
        self.env.pop_locals(n);
        r
    }

    /// A resource's or module's `if (…)` as `condition` and its `for` as `copy`, where `bicep build`
    /// writes them; the condition is evaluated with the loop's bindings.
    fn condition_and_copy(
        &mut self,
        r: &mut Map<String, Value>,
        at: &Pointer,
        sym: &str,
        cond: Option<&'a Expr>,
        copy: Option<&'a For>,
        bindings: &[(String, V<'a>)],
    ) {
        if let Some(c) = cond {
            self.record(&at.key("condition"), c.pos);
            let v = self.env_locals(bindings.to_vec(), |me| me.env.eval(c));
            let condition = match v {
                V::Bool(b) => Value::Bool(b),
                other => other.to_json(),
            };
            r.insert("condition".into(), condition);
        }
        if let Some(f) = copy {
            self.record(&at.key("copy"), f.iter.pos);
            r.insert("copy".into(), self.copy(sym, f));
        }
    }

    fn copy(&mut self, sym: &str, f: &'a For) -> Value {
        let count = match self.env.eval(&f.iter) {
            V::Arr(items) => Value::from(items.len()),
            V::Int(n) => Value::from(n),
            _ => Value::String(format!("[length({})]", self.env.text_of(&f.iter))),
        };
        json!({"name": sym, "count": count})
    }

    fn module(&mut self, d: &'a Decl, out: &mut Vec<Value>) -> Result<(), ModuleError> {
        let DeclKind::Module { sym, path, body } = &d.kind else {
            return Ok(());
        };
        let at = Pointer::root().key("resources").index(out.len());
        self.record(&at, d.pos);
        let (copy, cond, obj) = shape(body);
        let props: &'a [Prop] = match &obj.kind {
            Kind::Object(p) => p,
            _ => &[],
        };
        let bindings = copy.map(loop_bindings).unwrap_or_default();
        let find = |k: &str| {
            props.iter().find_map(|p| match p {
                Prop::Pair { key, value, .. } if key == k => Some(value),
                _ => None,
            })
        };
        let name = match find("name") {
            Some(n) => self.env_locals(bindings.clone(), |me| me.emit(n, &at.key("name"))),
            None => Value::String(sym.clone()),
        };
        // The values passed, known or not.
        let mut passed: Vec<(String, &'a Expr)> = Vec::new();
        if let Some(Expr {
            kind: Kind::Object(ps), ..
        }) = find("params").map(strip)
        {
            for p in ps {
                if let Prop::Pair { key, value, .. } = p {
                    passed.push((key.clone(), value));
                }
            }
        }
        let mut parameters = Map::new();
        let mut given: Vec<(String, V<'a>)> = Vec::new();
        for (k, v) in &passed {
            let vat = at.key("properties").key("parameters").key(k).key("value");
            let json = self.env_locals(bindings.clone(), |me| me.emit(v, &vat));
            let val = self.env_locals(bindings.clone(), |me| me.env.eval(v));
            given.push((k.clone(), val));
            parameters.insert(k.clone(), json!({ "value": json }));
        }
        let mut props_out = Map::new();
        props_out.insert("expressionEvaluationOptions".into(), json!({"scope": "inner"}));
        props_out.insert("mode".into(), Value::String("Incremental".into()));
        props_out.insert("parameters".into(), Value::Object(parameters));
        let template_at = at.key("properties").key("template");
        if is_registry(path) {
            self.findings.push(MODULE_REGISTRY.at(
                &at,
                format!("the module `{}` is in a registry; its resources were not read", crate::values::clip(path)),
                "restore it (`bicep restore`) and pass its text under `modules`, or evaluate the compiled template (`bicep build`)",
            ));
        } else {
            let key = resolve(self.stack.last().map(String::as_str), path);
            let text = self
                .modules
                .iter()
                .find(|(k, _)| normalise(k) == key || k == path)
                .map(|(_, t)| t.as_str());
            match text {
                Some(_) if !self.env.budget.module() => {
                    self.findings.push(MODULE_MISSING.at(
                        &at,
                        format!(
                            "the module `{}` was not read: the file converts more than {} modules",
                            crate::values::clip(path),
                            super::eval::MAX_MODULES
                        ),
                        "evaluate the compiled template (`bicep build`) instead",
                    ));
                }
                Some(_) if self.stack.len() >= MAX_MODULE_DEPTH || self.stack.contains(&key) => {
                    self.findings.push(MODULE_MISSING.at(
                        &at,
                        format!("the module `{}` includes itself or nests more than {MAX_MODULE_DEPTH} deep; it was not read", crate::values::clip(path)),
                        "break the cycle of `module` declarations",
                    ));
                }
                Some(t) => {
                    let mut stack = self.stack.clone();
                    stack.push(key.clone());
                    let budget = std::rc::Rc::clone(&self.env.budget);
                    let (template, findings) = convert_module(t, self.modules, stack, given, &key, budget)?;
                    for mut f in findings {
                        f.path = f.path.under(&template_at);
                        self.findings.push(f);
                    }
                    props_out.insert("template".into(), template);
                }
                None => self.findings.push(MODULE_MISSING.at(
                    &at,
                    format!(
                        "the module `{}` was not given; its resources were not read",
                        crate::values::clip(path)
                    ),
                    format!("pass its text in the source object: `\"modules\": {{\"{key}\": \"…\"}}`"),
                )),
            }
        }
        let mut r = Map::new();
        r.insert("type".into(), Value::String("Microsoft.Resources/deployments".into()));
        r.insert("apiVersion".into(), Value::String(DEPLOYMENTS_API.into()));
        r.insert("name".into(), name);
        r.insert("properties".into(), Value::Object(props_out));
        self.condition_and_copy(&mut r, &at, sym, cond, copy, &bindings);
        out.push(Value::Object(r));
        Ok(())
    }
}

/// Converts a module's text with the values its parent passes.
fn convert_module<'m>(
    text: &str,
    modules: Modules<'_>,
    stack: Vec<String>,
    given: Vec<(String, V<'m>)>,
    key: &str,
    budget: std::rc::Rc<super::eval::Budget>,
) -> Result<(Value, Vec<Diagnostic>), ModuleError> {
    let decls = super::parse::file(text).map_err(|error| ModuleError {
        file: Some(key.to_string()),
        error,
    })?;
    // The values cross files as JSON (a lambda or a symbol is unknown there).
    let given: Vec<(String, Value)> = given.into_iter().map(|(k, v)| (k, v.to_json())).collect();
    let mut m = Emitter::new(text, &decls, modules, stack, false);
    m.env.budget = budget;
    for (k, v) in &given {
        m.give(k, V::from_json(v));
    }
    let t = m.template(&decls)?;
    let mut findings = m.findings;
    // A finding located in the module's text names the module's file.
    for f in &mut findings {
        if let Some(l) = f.location.as_mut() {
            l.file.get_or_insert_with(|| key.to_string());
        }
    }
    Ok((t, findings))
}

/// Merges unknown shapes: objects key by key, anything else replaced.
fn merge(into: &mut Map<String, Value>, from: Map<String, Value>) {
    for (k, v) in from {
        match (into.get_mut(&k), v) {
            (Some(Value::Object(old)), Value::Object(new)) => merge(old, new),
            (_, v) => {
                into.insert(k, v);
            }
        }
    }
}

/// Loop variables bound to themselves, unknown.
fn loop_bindings<'a>(f: &'a For) -> Vec<(String, V<'a>)> {
    let mut b = vec![(f.item.clone(), V::Unknown(f.item.clone()))];
    if let Some(i) = &f.index {
        b.push((i.clone(), V::Unknown(i.clone())));
    }
    b
}

/// A body's loop, condition and object.
fn shape(body: &Expr) -> (Option<&For>, Option<&Expr>, &Expr) {
    match &body.kind {
        Kind::If(c, obj) => (None, Some(c), obj),
        Kind::For(f) => match &f.body.kind {
            Kind::If(c, obj) => (Some(f), Some(c), obj),
            _ => (Some(f), None, &f.body),
        },
        _ => (None, None, body),
    }
}

fn strip(e: &Expr) -> &Expr {
    match &e.kind {
        Kind::Paren(inner) => strip(inner),
        _ => e,
    }
}

/// `parent/child` as ARM names a child resource.
fn join_names(parent: &Value, child: &Value) -> Value {
    match (parent.as_str(), child.as_str()) {
        (Some(p), Some(c)) if !p.starts_with('[') && !c.starts_with('[') => Value::String(format!("{p}/{c}")),
        _ => {
            let arg = |v: &Value| match v.as_str() {
                Some(s) => match s.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
                    Some(inner) => inner.to_string(),
                    None => format!("'{}'", s.replace('\'', "''")),
                },
                None => v.to_string(),
            };
            Value::String(format!("[format('{{0}}/{{1}}', {}, {})]", arg(parent), arg(child)))
        }
    }
}

/// The ARM type of a Bicep parameter type.
fn arm_type(text: &str, secure: bool, literals: bool) -> String {
    let t = text.trim();
    let base = match t {
        "string" => "string",
        "int" => "int",
        "bool" => "bool",
        "object" => "object",
        "array" => "array",
        _ if t.ends_with("[]") => "array",
        _ if literals && t.starts_with('\'') => "string",
        _ if literals && t.starts_with(|c: char| c.is_ascii_digit()) => "int",
        _ if literals => "bool",
        _ => "object",
    };
    match (secure, base) {
        (true, "string") => "securestring".into(),
        (true, "object") => "secureObject".into(),
        _ => base.into(),
    }
}

fn is_registry(path: &str) -> bool {
    ["br:", "br/", "ts:", "ts/"].iter().any(|p| path.starts_with(p))
}

/// A module path relative to the module that declares it, `./` and `..` resolved.
pub fn resolve(base: Option<&str>, path: &str) -> String {
    let dir = base.and_then(|b| b.rsplit_once('/').map(|(d, _)| d)).unwrap_or("");
    normalise(&format!("{dir}/{path}"))
}

/// `./a/../b.bicep` → `b.bicep`.
pub fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Puts a declaration's names in scope.
fn register<'a>(env: &mut Env<'a>, d: &'a Decl) {
    match &d.kind {
        DeclKind::Param { name, ty, default } => {
            env.params.insert(
                name.clone(),
                Param {
                    default: default.as_ref(),
                    nullable: ty.nullable,
                    given: None,
                },
            );
        }
        DeclKind::Var { name, value } => {
            env.vars.insert(name.clone(), value);
        }
        DeclKind::Resource { sym, body, .. } => {
            let (copy, _, obj) = shape(body);
            let name = match (&obj.kind, copy) {
                (Kind::Object(props), None) => props.iter().find_map(|p| match p {
                    Prop::Pair { key, value, .. } if key == "name" => Some(value),
                    _ => None,
                }),
                _ => None,
            };
            env.resources.insert(sym.clone(), name);
            if let Kind::Object(props) = &obj.kind {
                for p in props {
                    if let Prop::Resource(child) = p {
                        register(env, child);
                    }
                }
            }
        }
        DeclKind::Module { sym, .. } => env.modules.push(sym.clone()),
        _ => {}
    }
}
