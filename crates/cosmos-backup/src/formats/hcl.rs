//! Terraform HCL (`.tf`, `.tfvars`; see the README, "Inputs") read as the plan-like document the Terraform readers judge.
//!
//! `resource "azurerm_cosmosdb_account"` and `resource "azapi_resource"` blocks become
//! `{"resource_changes": [{"address", "type", "name", "change": {"after": {…}}}]}`, as
//! `terraform show -json` writes them: attributes as values, nested blocks as arrays of
//! objects (`backup { … }` → `"backup": [{…}]`). Expressions are evaluated where their inputs
//! are literal: `var.x` (a `.tfvars` value, else the variable's `default`, with the
//! `optional(T, default)` defaults of its `type`), `local.x`, string templates, conditionals,
//! operators, `for` expressions, `each`/`count` of literal `for_each`/`count`, literal
//! `dynamic` blocks and the functions in [`eval`]. Anything else (a resource attribute, a data
//! source, a module output, another function) is written as the marker string
//! `${expression as written}`, which the Terraform readers report as
//! `template.expression-unresolved` at its line: it is never read as a literal or defaulted.
//!
//! Unlike a plan, `""` and `0` here are what the user wrote; `null` is unset.

pub mod eval;

use super::{Converted, MapBuilder};
use crate::diagnostics::{Diagnostic, Location, Rule, Severity};
use crate::input;
use crate::pointer::Pointer;
use crate::sources::ENGINE;
use eval::{Ctx, V};
use hcl_edit::Span;
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Block, Body, Structure};
use serde_json::{Map, Value, json};
use std::collections::HashMap;

/// The key, at the top of a converted document, that says it was read from HCL (not a plan), so
/// the readers know `""` and `0` are the user's own values.
pub const ORIGIN_KEY: &str = "$source";
/// The value of [`ORIGIN_KEY`].
pub const ORIGIN: &str = "terraform-hcl";

/// The Terraform text is not valid HCL.
pub const HCL_SYNTAX: Rule = Rule {
    code: "input.hcl-syntax",
    severity: Severity::Error,
    summary: "a Terraform (`.tf`) or variables (`.tfvars`) text is not valid HCL",
    source: ENGINE,
};
/// A module call: its resources are in another directory or the registry, not in this text.
pub const MODULE_NOT_READ: Rule = Rule {
    code: "terraform.module-not-read",
    severity: Severity::Info,
    summary: "a `module` block calls a module whose files are not in the text; its accounts are not read offline",
    source: ENGINE,
};
/// A `.tfvars` text given without the configuration it sets variables of.
pub const TFVARS_ALONE: Rule = Rule {
    code: "terraform.tfvars-without-configuration",
    severity: Severity::Warning,
    summary: "a `.tfvars` text was given alone; it only sets variables of a Terraform configuration",
    source: ENGINE,
};

/// A call of the Azure Verified Module for Cosmos DB, read through its documented inputs.
pub const AVM_MODULE: Rule = Rule {
    code: "terraform.avm-module-read",
    severity: Severity::Info,
    summary: "a call of the AVM Cosmos DB module (`Azure/avm-res-documentdb-databaseaccount/azurerm`) was read through the module's `backup` input and its documented defaults",
    source: AVM_SOURCE,
};

/// The module files the AVM mapping follows (MIT licence).
pub const AVM_SOURCE: &str = "[AVM-TF] Azure/terraform-azurerm-avm-res-documentdb-databaseaccount @ 1571446e (2026-08-21): variables.account.optionals.tf `backup`, `multiple_write_locations_enabled`, `geo_locations`; main.tf `backup` block; locals.tf `default_geo_location`";

/// The registry address of the AVM Cosmos DB module.
const AVM_ADDRESS: &str = "Azure/avm-res-documentdb-databaseaccount/azurerm";

/// The rules of the Terraform reader, for the catalogue.
pub const RULES: &[Rule] = &[HCL_SYNTAX, MODULE_NOT_READ, TFVARS_ALONE, AVM_MODULE];

/// The resource types whose accounts the engine reads.
const AZURERM_ACCOUNT: &str = "azurerm_cosmosdb_account";
const AZAPI: &str = "azapi_resource";
/// Meta-arguments and blocks that are not the resource's attributes.
const META_ATTRS: [&str; 4] = ["count", "for_each", "provider", "depends_on"];
const META_BLOCKS: [&str; 3] = ["lifecycle", "provisioner", "connection"];

/// Converts Terraform configuration (with optional `.tfvars` texts) to a plan-like document.
///
/// ```
/// let tf = "resource \"azurerm_cosmosdb_account\" \"db\" {\n  backup {\n    type = \"Continuous\"\n  }\n}\n";
/// let c = cosmos_backup::formats::hcl::convert(tf, Some("main.tf"), &[]).unwrap();
/// assert_eq!(c.value["resource_changes"][0]["change"]["after"]["backup"][0]["type"], "Continuous");
/// ```
pub fn convert(text: &str, file: Option<&str>, tfvars: &[(String, String)]) -> Result<Converted, Box<Diagnostic>> {
    let body = parse(text, file)?;
    let mut var_bodies = Vec::with_capacity(tfvars.len());
    for (name, t) in tfvars {
        var_bodies.push((name.as_str(), t.as_str(), parse(t, Some(name))?));
    }
    let lines = Lines::new(text);
    let mut conv = Conversion {
        lines: &lines,
        map: MapBuilder::default(),
        findings: Vec::new(),
        changes: Vec::new(),
        truncated: false,
    };
    if text.trim().is_empty() {
        if let Some((name, _, _)) = var_bodies.first() {
            let mut d = TFVARS_ALONE.at(
                &Pointer::root(),
                format!("`{}` sets Terraform variables, but no configuration was given", crate::values::clip(name)),
                "give the `.tf` text as the source (`{\"format\": \"terraform\", \"text\": …}`) with this file in its `parameters`",
            );
            d.location = Some(Location {
                file: Some((*name).to_string()),
                line: 1,
                column: 1,
            });
            conv.findings.push(d);
        }
    }
    let mut ctx = Ctx::new(text);
    variables(&body, &var_bodies, &mut ctx);
    for block in blocks(&body, "locals") {
        for attr in block.body.attributes() {
            ctx.locals.insert(attr.key.value().as_str().to_string(), &attr.value);
        }
    }
    for block in body.blocks() {
        let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
        match (block.ident.value().as_str(), labels.as_slice()) {
            ("resource", [ty, name]) if [AZURERM_ACCOUNT, AZAPI].contains(ty) => {
                conv.resource(&mut ctx, block, ty, name)
            }
            ("module", [name]) => conv.module(&mut ctx, block, name),
            _ => {}
        }
    }
    let mut value = Map::new();
    value.insert(ORIGIN_KEY.to_string(), Value::String(ORIGIN.to_string()));
    value.insert("resource_changes".to_string(), Value::Array(conv.changes));
    Ok(Converted {
        value: Value::Object(value),
        findings: conv.findings,
        map: conv.map.finish(file.map(str::to_string)),
    })
}

fn parse(text: &str, file: Option<&str>) -> Result<Body, Box<Diagnostic>> {
    hcl_edit::parser::parse_body(text).map_err(|e| {
        let (line, column) = Lines::new(text).at(e.location().offset());
        let what = file.map_or_else(
            || "the Terraform text".to_string(),
            |f| format!("`{}`", crate::values::clip(f)),
        );
        let mut msg = crate::values::clip(e.message());
        if let Some(first) = msg.get(..1) {
            msg = format!("{}{}", first.to_lowercase(), msg.get(1..).unwrap_or(""));
        }
        let mut d = HCL_SYNTAX.at(
            &Pointer::root(),
            format!("{what} is not valid HCL at line {line}, column {column}: {msg}"),
            "fix the text at that position (`terraform validate` shows the same error)",
        );
        d.location = Some(Location {
            file: file.map(str::to_string),
            line,
            column,
        });
        Box::new(d)
    })
}

fn blocks<'b>(body: &'b Body, ident: &'b str) -> impl Iterator<Item = &'b Block> + 'b {
    body.blocks().filter(move |b| b.ident.value().as_str() == ident)
}

fn attr<'b>(body: &'b Body, key: &str) -> Option<&'b Expression> {
    body.get_attribute(key).map(|a| &a.value)
}

/// `var.NAME` values: the last `.tfvars` that sets it, else its `default`, with its type's
/// `optional()` defaults applied; unknown when neither gives one.
fn variables(body: &Body, var_bodies: &[(&str, &str, Body)], ctx: &mut Ctx<'_>) {
    let mut given: HashMap<String, V> = HashMap::new();
    for (_, text, vb) in var_bodies {
        let mut vctx = Ctx::new(text);
        for a in vb.attributes() {
            given.insert(a.key.value().as_str().to_string(), vctx.value(&a.value));
        }
    }
    for block in blocks(body, "variable") {
        let Some(name) = block.labels.first().map(|l| l.as_str().to_string()) else {
            continue;
        };
        let value = match given.remove(&name) {
            Some(v) => Some(v),
            None => attr(&block.body, "default").map(|d| ctx.value(d)),
        };
        let Some(value) = value else {
            continue;
        };
        let value = match attr(&block.body, "type") {
            Some(ty) => eval::apply_type_defaults(ctx, ty, value, 0),
            None => value,
        };
        ctx.vars.insert(name, value);
    }
}

/// Byte offset → 1-based line and column (in characters).
struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i.saturating_add(1)));
        Self { text, starts }
    }

    fn at(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|s| *s <= offset).max(1);
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset.min(self.text.len()))
            .map_or(0, |s| s.chars().count());
        (line, column.saturating_add(1))
    }
}

struct Conversion<'l, 't> {
    lines: &'l Lines<'t>,
    map: MapBuilder,
    findings: Vec<Diagnostic>,
    changes: Vec<Value>,
    /// Whether the account limit has cut instances off (reported once).
    truncated: bool,
}

/// One instance of a resource: its address suffix (`[0]`, `["k"]`), `index`, and the bindings
/// of `count` / `each`.
struct Instance {
    suffix: String,
    index: Option<Value>,
    binding: Option<(String, V)>,
}

impl Conversion<'_, '_> {
    fn record(&mut self, ptr: &Pointer, span: Option<std::ops::Range<usize>>) {
        if let Some(r) = span {
            let (line, column) = self.lines.at(r.start);
            self.map.record(ptr, line, column);
        }
    }

    /// Records where a value and, for literal objects and lists, each of its parts was written.
    fn record_expr(&mut self, ptr: &Pointer, e: &Expression, ctx: &mut Ctx<'_>) {
        self.record(ptr, e.span());
        match e {
            Expression::Object(o) => {
                for (k, v) in o.iter() {
                    let key = match k {
                        ObjectKey::Ident(id) => Some(id.value().as_str().to_string()),
                        ObjectKey::Expression(ke) => match ctx.value(ke) {
                            V::Str(s) => Some(s),
                            _ => None,
                        },
                    };
                    if let Some(key) = key {
                        self.record_expr(&ptr.key(&key), v.expr(), ctx);
                    }
                }
            }
            Expression::Array(a) => {
                for (i, item) in a.iter().enumerate() {
                    self.record_expr(&ptr.index(i), item, ctx);
                }
            }
            Expression::Parenthesis(p) => self.record_expr(ptr, p.inner(), ctx),
            Expression::FuncCall(f) if f.name.name.value().as_str() == "jsonencode" => {
                if let Some(arg) = f.args.iter().next() {
                    self.record_expr(ptr, arg, ctx);
                }
            }
            _ => {}
        }
    }

    fn unresolved(&mut self, ptr: &Pointer, span: Option<std::ops::Range<usize>>, message: String, help: &str) {
        self.record(ptr, span);
        self.findings.push(input::EXPRESSION_UNRESOLVED.at(ptr, message, help));
    }

    /// The instances `count` or `for_each` make; one (with a finding) when they are not literal.
    fn instances(&mut self, ctx: &mut Ctx<'_>, block: &Block, at: &Pointer) -> Vec<Instance> {
        let one = || {
            vec![Instance {
                suffix: String::new(),
                index: None,
                binding: None,
            }]
        };
        let (key, expr) = match (attr(&block.body, "count"), attr(&block.body, "for_each")) {
            (Some(c), _) => ("count", c),
            (None, Some(f)) => ("for_each", f),
            (None, None) => return one(),
        };
        let value = ctx.value(expr);
        let keys: Option<Vec<(V, V)>> = match (key, &value) {
            ("count", V::Num(n)) => n.as_u64().map(|n| {
                (0..n.min((crate::limits::MAX_ACCOUNTS as u64).saturating_add(1)))
                    .map(|i| (V::Num(i.into()), V::Null))
                    .collect()
            }),
            ("for_each", V::Obj(m)) => Some(m.iter().map(|(k, v)| (V::Str(k.clone()), v.clone())).collect()),
            ("for_each", V::List(items)) if items.iter().all(|i| matches!(i, V::Str(_))) => {
                Some(items.iter().map(|i| (i.clone(), i.clone())).collect())
            }
            _ => None,
        };
        let Some(keys) = keys else {
            let text = ctx.source(expr);
            self.unresolved(
                &at.key(key),
                expr.span(),
                format!("`{key}` is the Terraform expression `{}`; the resource was read once", crate::values::clip(&text)),
                "give the expression a literal value (a variable `default` or a `.tfvars` value), or evaluate the plan (`terraform show -json`) for every instance",
            );
            return one();
        };
        // Every instance is an account to judge: at most the engine's account limit in all.
        let room = crate::limits::MAX_ACCOUNTS.saturating_sub(self.changes.len());
        let total = match (key, &value) {
            ("count", V::Num(n)) => n.as_u64().and_then(|n| usize::try_from(n).ok()).unwrap_or(usize::MAX),
            _ => keys.len(),
        };
        if total > room && !self.truncated {
            self.truncated = true;
            self.record(&at.key(key), expr.span());
            self.findings.push(crate::limits::too_many(
                &at.key(key),
                "resource instances",
                self.changes.len().saturating_add(total),
                crate::limits::MAX_ACCOUNTS,
                "the first instances up to the limit are read",
            ));
        }
        keys.into_iter()
            .take(room)
            .map(|(k, v)| match k {
                V::Str(s) => Instance {
                    suffix: format!("[{}]", Value::String(s.clone())),
                    index: Some(Value::String(s.clone())),
                    binding: Some((
                        "each".into(),
                        V::Obj(vec![("key".into(), V::Str(s)), ("value".into(), v)]),
                    )),
                },
                other => {
                    let j = other.to_json();
                    Instance {
                        suffix: format!("[{j}]"),
                        index: Some(j),
                        binding: Some(("count".into(), V::Obj(vec![("index".into(), other)]))),
                    }
                }
            })
            .collect()
    }

    /// Pushes one planned resource change per instance of `block` (`count` / `for_each`): `build`
    /// makes the change from the instance, the pointer of its `after` and that `after`, which
    /// `after` builds with the instance's binding (`count.index`, `each`) in scope.
    fn each_instance(
        &mut self,
        ctx: &mut Ctx<'_>,
        block: &Block,
        mut after: impl FnMut(&mut Self, &mut Ctx<'_>, &Pointer) -> Value,
        mut build: impl FnMut(&mut Self, &Instance, &Pointer, Value) -> Value,
    ) {
        let first = Pointer::root().key("resource_changes").index(self.changes.len());
        for inst in self.instances(ctx, block, &first) {
            if self.changes.len() >= crate::limits::MAX_ACCOUNTS {
                break;
            }
            let at = Pointer::root().key("resource_changes").index(self.changes.len());
            let after_at = at.key("change").key("after");
            self.record(&at, block.span());
            let bound = inst.binding.is_some();
            if let Some(b) = inst.binding.clone() {
                ctx.scopes.push(b);
            }
            let planned = after(self, ctx, &after_at);
            if bound {
                ctx.scopes.pop();
            }
            let mut rc = build(self, &inst, &after_at, planned);
            if let (Some(i), Value::Object(m)) = (inst.index, &mut rc) {
                m.insert("index".into(), i);
            }
            self.changes.push(rc);
        }
    }

    fn resource(&mut self, ctx: &mut Ctx<'_>, block: &Block, ty: &str, name: &str) {
        let azapi = ty == AZAPI;
        self.each_instance(
            ctx,
            block,
            |me, ctx, after_at| me.body(ctx, &block.body, after_at, azapi),
            |_, inst, _, after| {
                json!({
                    "address": format!("{ty}.{name}{}", inst.suffix),
                    "mode": "managed",
                    "type": ty,
                    "name": name,
                    "change": {"actions": ["create"], "before": null, "after": after},
                })
            },
        );
    }

    /// A block body as a plan writes it: attributes as values, nested blocks as arrays.
    fn body(&mut self, ctx: &mut Ctx<'_>, body: &Body, at: &Pointer, azapi: bool) -> Value {
        let mut out = Map::new();
        let top = at.tokens().last().is_some_and(|t| t == "after");
        for s in body.iter() {
            match s {
                Structure::Attribute(a) => {
                    let key = a.key.value().as_str();
                    if top && META_ATTRS.contains(&key) {
                        continue;
                    }
                    let mut expr = &a.value;
                    if let (true, true, Expression::FuncCall(f)) = (azapi, key == "body", expr) {
                        // azapi 1.x: `body = jsonencode({…})`; the reader wants the object itself.
                        if f.name.name.value().as_str() == "jsonencode" && f.args.len() == 1 {
                            if let Some(arg) = f.args.iter().next() {
                                expr = arg;
                            }
                        }
                    }
                    let mut v = ctx.value(expr);
                    if let (true, true, V::Str(text)) = (azapi, key == "body", &v) {
                        // A body that is JSON text (`jsonencode` through a local or variable): its object.
                        if let Ok(obj @ Value::Object(_)) = serde_json::from_str::<Value>(text) {
                            v = V::from_json(&obj);
                        }
                    }
                    self.record_expr(&at.key(key), expr, ctx);
                    out.insert(key.to_string(), v.to_json());
                }
                Structure::Block(b) => {
                    let ident = b.ident.value().as_str();
                    if META_BLOCKS.contains(&ident) {
                        continue;
                    }
                    if ident == "dynamic" {
                        self.dynamic(ctx, b, at, &mut out);
                        continue;
                    }
                    let i = push_block(&mut out, ident, Value::Null);
                    let ptr = at.key(ident).index(i);
                    self.record(&ptr, b.span());
                    let v = self.body(ctx, &b.body, &ptr, false);
                    set_block(&mut out, ident, i, v);
                }
            }
        }
        Value::Object(out)
    }

    /// `dynamic "NAME" { for_each = …, content { … } }`: one block per element of a literal
    /// collection; otherwise the marker of its `for_each`, with a finding (the reader reports
    /// `backup` itself when it reads it).
    fn dynamic(&mut self, ctx: &mut Ctx<'_>, b: &Block, at: &Pointer, out: &mut Map<String, Value>) {
        let Some(name) = b.labels.first().map(|l| l.as_str().to_string()) else {
            return;
        };
        let ptr = at.key(&name);
        let Some(for_each) = attr(&b.body, "for_each") else {
            return;
        };
        let iterator = match attr(&b.body, "iterator") {
            Some(Expression::Variable(v)) => v.value().as_str().to_string(),
            _ => name.clone(),
        };
        let content = blocks(&b.body, "content").next();
        let items: Option<Vec<(V, V)>> = match ctx.value(for_each) {
            V::List(items) => Some(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (V::Num(i.into()), v))
                    .collect(),
            ),
            V::Obj(m) => Some(m.into_iter().map(|(k, v)| (V::Str(k), v)).collect()),
            _ => None,
        };
        let (Some(items), Some(content)) = (items, content) else {
            let text = ctx.source(for_each);
            out.insert(name.clone(), Value::String(eval::marker(&text)));
            if name == "backup" {
                self.record(&ptr, for_each.span());
            } else {
                self.unresolved(
                    &ptr,
                    for_each.span(),
                    format!(
                        "the `dynamic \"{}\"` block iterates over the Terraform expression `{}`",
                        crate::values::clip(&name),
                        crate::values::clip(&text)
                    ),
                    "give the collection a literal value (a variable `default` or a `.tfvars` value), or evaluate the plan (`terraform show -json`)",
                );
            }
            return;
        };
        for (k, v) in items {
            let i = push_block(out, &name, Value::Null);
            let p = ptr.index(i);
            self.record(&p, content.span());
            ctx.scopes
                .push((iterator.clone(), V::Obj(vec![("key".into(), k), ("value".into(), v)])));
            let value = self.body(ctx, &content.body, &p, false);
            ctx.scopes.pop();
            set_block(out, &name, i, value);
        }
        if !out.contains_key(&name) {
            out.insert(name, Value::Array(Vec::new()));
        }
    }

    fn module(&mut self, ctx: &mut Ctx<'_>, block: &Block, name: &str) {
        let source = attr(&block.body, "source").map(|s| ctx.value(s));
        let source = match source {
            Some(V::Str(s)) => s,
            _ => "?".to_string(),
        };
        let registry = source.trim().trim_start_matches("registry.terraform.io/");
        if registry.eq_ignore_ascii_case(AVM_ADDRESS) {
            return self.avm(ctx, block, name);
        }
        let ptr = Pointer::root().key("module_calls").key(name);
        self.record(&ptr, block.span());
        self.findings.push(MODULE_NOT_READ.at(
            &ptr,
            format!(
                "`module \"{}\"` calls `{}`, whose resources are not in this text; its accounts were not read",
                crate::values::clip(name),
                crate::values::clip(&source)
            ),
            "evaluate the plan (`terraform plan -out plan && terraform show -json plan`), which holds the module's resources, or evaluate the module's own `.tf` text",
        ));
    }

    /// A call of the AVM Cosmos DB module: its `azurerm_cosmosdb_account.this` as the module
    /// writes it from its inputs (see [`AVM_SOURCE`]): `backup` with the `optional()` defaults of
    /// the module's variable (`Continuous`, `Continuous30Days`, 240 minutes, 8 hours, `Geo`), the
    /// periodic fields only when `type` is `Periodic` and `tier` only when it is `Continuous`;
    /// `multiple_write_locations_enabled` only with `Periodic`; `geo_locations` (default: one
    /// zone-redundant region at `location`).
    fn avm(&mut self, ctx: &mut Ctx<'_>, block: &Block, name: &str) {
        self.each_instance(
            ctx,
            block,
            |me, ctx, after_at| me.avm_account(ctx, block, after_at),
            |me, inst, after_at, after| {
                me.findings.push(AVM_MODULE.at(
                    after_at,
                    format!("`module \"{}\"` is the AVM Cosmos DB module; its account was read from the module's inputs and defaults", crate::values::clip(name)),
                    "nothing to change; the defaults are those of the module's source at the cited commit: pin `version` and evaluate the plan (`terraform show -json`) to check a different version",
                ));
                json!({
                    "address": format!("module.{name}{}.azurerm_cosmosdb_account.this", inst.suffix),
                    "module_address": format!("module.{name}{}", inst.suffix),
                    "mode": "managed",
                    "type": AZURERM_ACCOUNT,
                    "name": "this",
                    "change": {"actions": ["create"], "before": null, "after": after},
                })
            },
        );
    }

    fn avm_account(&mut self, ctx: &mut Ctx<'_>, block: &Block, after_at: &Pointer) -> Value {
        let body = &block.body;
        let input = |ctx: &mut Ctx<'_>, key: &str| attr(body, key).map(|e| ctx.value(e));
        let mut after = Map::new();
        for key in ["name", "location", "analytical_storage_enabled"] {
            if let Some(v) = input(ctx, key) {
                after.insert(key.to_string(), v.to_json());
            }
        }
        let mut backup = match input(ctx, "backup") {
            None | Some(V::Null) => V::Obj(Vec::new()),
            Some(v) => v,
        };
        if let V::Obj(m) = &mut backup {
            for (k, d) in [
                ("retention_in_hours", V::Num(8.into())),
                ("interval_in_minutes", V::Num(240.into())),
                ("storage_redundancy", V::Str("Geo".into())),
                ("type", V::Str("Continuous".into())),
                ("tier", V::Str("Continuous30Days".into())),
            ] {
                if matches!(backup_get(m, k), None | Some(V::Null)) {
                    eval::set(m, k, d);
                }
            }
        }
        let ty = match &backup {
            V::Obj(m) => backup_get(m, "type").cloned().unwrap_or(V::Null),
            other => other.clone(),
        };
        let periodic = match &ty {
            V::Str(t) => Some(t == "Periodic"),
            _ => None,
        };
        let continuous = match &ty {
            V::Str(t) => Some(t == "Continuous"),
            _ => None,
        };
        let field = |k: &str, when: Option<bool>| match (when, &backup) {
            (Some(true), V::Obj(m)) => backup_get(m, k).cloned().unwrap_or(V::Null),
            _ => V::Null,
        };
        let b = V::Obj(vec![
            ("type".into(), ty.clone()),
            ("interval_in_minutes".into(), field("interval_in_minutes", periodic)),
            ("retention_in_hours".into(), field("retention_in_hours", periodic)),
            ("storage_redundancy".into(), field("storage_redundancy", periodic)),
            ("tier".into(), field("tier", continuous)),
        ]);
        after.insert("backup".into(), Value::Array(vec![b.to_json()]));
        let mrw = match (periodic, input(ctx, "multiple_write_locations_enabled")) {
            (Some(true), Some(v)) => v,
            (Some(true), None) | (Some(false), _) => V::Bool(false),
            (None, _) => ty.clone(),
        };
        after.insert("multiple_write_locations_enabled".into(), mrw.to_json());
        let location = input(ctx, "location").unwrap_or(V::Null);
        let geo = match input(ctx, "geo_locations") {
            None | Some(V::Null) => V::List(vec![V::Obj(vec![
                ("failover_priority".into(), V::Num(0.into())),
                ("zone_redundant".into(), V::Bool(true)),
                ("location".into(), location),
            ])]),
            Some(v) => v,
        };
        after.insert("geo_location".into(), geo.to_json());
        if let Some(caps) = input(ctx, "capabilities") {
            after.insert("capabilities".into(), caps.to_json());
        }
        // Where each part was written: the module call, its inputs, the `backup` object's keys.
        self.record(after_at, block.span());
        for key in [
            "name",
            "location",
            "analytical_storage_enabled",
            "multiple_write_locations_enabled",
            "capabilities",
        ] {
            if let Some(e) = attr(body, key) {
                self.record_expr(&after_at.key(key), e, ctx);
            }
        }
        if let Some(e) = attr(body, "geo_locations") {
            self.record_expr(&after_at.key("geo_location"), e, ctx);
        }
        let bptr = after_at.key("backup").index(0);
        match attr(body, "backup") {
            Some(e) => self.record_expr(&bptr, e, ctx),
            None => self.record(&bptr, block.span()),
        }
        Value::Object(after)
    }
}

fn backup_get<'m>(m: &'m [(String, V)], key: &str) -> Option<&'m V> {
    m.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Appends a block to the array `ident` (creating it, or replacing a marker), returning its index.
fn push_block(out: &mut Map<String, Value>, ident: &str, v: Value) -> usize {
    let entry = out.entry(ident.to_string()).or_insert_with(|| Value::Array(Vec::new()));
    if !entry.is_array() {
        *entry = Value::Array(Vec::new());
    }
    match entry {
        Value::Array(a) => {
            a.push(v);
            a.len().saturating_sub(1)
        }
        _ => 0,
    }
}

fn set_block(out: &mut Map<String, Value>, ident: &str, i: usize, v: Value) {
    if let Some(slot) = out.get_mut(ident).and_then(|a| a.get_mut(i)) {
        *slot = v;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(c: &Converted, i: usize) -> &Value {
        &c.value["resource_changes"][i]["change"]["after"]
    }

    #[test]
    fn blocks_become_arrays_and_literals_are_kept() {
        let tf = "resource \"azurerm_cosmosdb_account\" \"db\" {\n  name = \"\"\n  backup {\n    type = \"Periodic\"\n    interval_in_minutes = 0\n    tier = null\n  }\n  geo_location {\n    location = \"westus\"\n  }\n  geo_location {\n    location = \"eastus\"\n  }\n}\n";
        let c = convert(tf, Some("main.tf"), &[]).unwrap();
        let a = after(&c, 0);
        assert_eq!(a["name"], "");
        assert_eq!(a["backup"][0]["interval_in_minutes"], 0);
        assert!(a["backup"][0]["tier"].is_null());
        assert_eq!(a["geo_location"][1]["location"], "eastus");
        assert_eq!(c.value[ORIGIN_KEY], ORIGIN);
        let loc = c
            .map
            .locate(
                &Pointer::root()
                    .key("resource_changes")
                    .index(0)
                    .key("change")
                    .key("after")
                    .key("backup")
                    .index(0)
                    .key("interval_in_minutes"),
            )
            .unwrap();
        assert_eq!((loc.line, loc.column), (5, 27));
    }

    #[test]
    fn variables_tfvars_locals_and_functions() {
        let tf = r#"
variable "env" { default = "dev" }
variable "b" {
  type = object({ type = optional(string, "Periodic"), hours = optional(number, 8) })
  default = {}
}
locals {
  name  = "${var.env}-db"
  tier  = try(var.b.tier, "Continuous7Days")
  all   = merge({ a = 1 }, { b = 2 })
  first = coalesce(null, "", "x")
  enc   = jsonencode({ k = [1, true] })
  sq    = [for i in [1, 2, 3] : i * i if i > 1]
  names = [{ n = "a" }, { n = "b" }][*].n
}
resource "azurerm_cosmosdb_account" "db" {
  name  = local.name
  kind  = var.env == "prod" ? "MongoDB" : "GlobalDocumentDB"
  tags  = { names = local.names, all = local.all, first = local.first, enc = local.enc, t = local.tier, sq = local.sq, h = var.b.hours, l = lookup(local.all, "z", 9) }
  backup {
    type = var.b.type
  }
}
"#;
        let vars = vec![("prod.tfvars".to_string(), "env = \"prod\"\n".to_string())];
        let c = convert(tf, None, &vars).unwrap();
        let a = after(&c, 0);
        assert_eq!(a["name"], "prod-db");
        assert_eq!(a["tags"]["enc"], "{\"k\":[1,true]}");
        assert_eq!(a["kind"], "MongoDB");
        assert_eq!(a["tags"]["all"], json!({"a": 1, "b": 2}));
        assert_eq!(a["tags"]["first"], "x");
        assert_eq!(a["tags"]["enc"], "{\"k\":[1,true]}");
        assert_eq!(a["tags"]["t"], "Continuous7Days");
        assert_eq!(a["tags"]["sq"], json!([4, 9]));
        assert_eq!(a["tags"]["names"], json!(["a", "b"]));
        assert_eq!(a["tags"]["h"], 8);
        assert_eq!(a["tags"]["l"], 9);
        assert_eq!(a["backup"][0]["type"], "Periodic");
    }

    #[test]
    fn unresolved_expressions_are_markers_of_their_text() {
        let tf = "variable \"x\" {}\nresource \"azurerm_cosmosdb_account\" \"db\" {\n  location = azurerm_resource_group.rg.location\n  name = \"${var.x}-db\"\n  backup {\n    type = upper(var.x) == \"A\" ? \"Periodic\" : \"Continuous\"\n  }\n}\n";
        let c = convert(tf, None, &[]).unwrap();
        let a = after(&c, 0);
        assert_eq!(a["location"], "${azurerm_resource_group.rg.location}");
        assert_eq!(a["name"], "${\"${var.x}-db\"}");
        assert_eq!(
            a["backup"][0]["type"],
            "${upper(var.x) == \"A\" ? \"Periodic\" : \"Continuous\"}"
        );
    }

    #[test]
    fn count_and_for_each_expand_or_skip() {
        let tf = "resource \"azurerm_cosmosdb_account\" \"none\" {\n  count = 0\n}\nresource \"azurerm_cosmosdb_account\" \"two\" {\n  count = 2\n  name = \"a${count.index}\"\n}\nresource \"azurerm_cosmosdb_account\" \"fe\" {\n  for_each = toset([\"x\"])\n  name = each.value\n}\nresource \"azurerm_cosmosdb_account\" \"u\" {\n  for_each = var.m\n}\n";
        let c = convert(tf, None, &[]).unwrap();
        let rcs = c.value["resource_changes"].as_array().unwrap();
        let addresses: Vec<&str> = rcs.iter().map(|r| r["address"].as_str().unwrap()).collect();
        assert_eq!(
            addresses,
            [
                "azurerm_cosmosdb_account.two[0]",
                "azurerm_cosmosdb_account.two[1]",
                "azurerm_cosmosdb_account.fe[\"x\"]",
                "azurerm_cosmosdb_account.u"
            ]
        );
        assert_eq!(after(&c, 1)["name"], "a1");
        assert_eq!(after(&c, 2)["name"], "x");
        assert_eq!(c.findings.len(), 1);
        assert_eq!(c.findings[0].code, "template.expression-unresolved");
        assert_eq!(c.findings[0].path.as_str(), "/resource_changes/3/for_each");
    }

    #[test]
    fn azapi_body_as_json_text_is_its_object() {
        let tf = "locals {\n  body = jsonencode({ properties = { backupPolicy = { type = \"Continuous\" } } })\n}\nresource \"azapi_resource\" \"a\" {\n  type = \"Microsoft.DocumentDB/databaseAccounts@2024-11-15\"\n  body = local.body\n  tags = { d = jsondecode(\"[1]\") }\n}\n";
        let c = convert(tf, None, &[]).unwrap();
        assert_eq!(after(&c, 0)["body"]["properties"]["backupPolicy"]["type"], "Continuous");
        assert_eq!(after(&c, 0)["tags"]["d"], json!([1]));
    }

    #[test]
    fn instances_stop_at_the_account_limit() {
        let tf = "resource \"azurerm_cosmosdb_account\" \"a\" {\n  count = 1000000000\n}\nresource \"azurerm_cosmosdb_account\" \"b\" {\n  count = 3\n}\n";
        let c = convert(tf, None, &[]).unwrap();
        assert_eq!(
            c.value["resource_changes"].as_array().unwrap().len(),
            crate::limits::MAX_ACCOUNTS
        );
        assert_eq!(c.findings.len(), 1);
        assert_eq!(c.findings[0].code, "input.limit-exceeded");
    }

    #[test]
    fn dynamic_blocks_over_literals_expand() {
        let tf = "resource \"azurerm_cosmosdb_account\" \"db\" {\n  dynamic \"geo_location\" {\n    for_each = { westus = 0, eastus = 1 }\n    iterator = g\n    content {\n      location = g.key\n      failover_priority = g.value\n    }\n  }\n  dynamic \"capabilities\" {\n    for_each = []\n    content {\n      name = \"x\"\n    }\n  }\n}\n";
        let c = convert(tf, None, &[]).unwrap();
        let a = after(&c, 0);
        assert_eq!(
            a["geo_location"],
            json!([{"location": "westus", "failover_priority": 0}, {"location": "eastus", "failover_priority": 1}])
        );
        assert_eq!(a["capabilities"], json!([]));
        assert!(c.findings.is_empty());
    }

    #[test]
    fn syntax_errors_are_located() {
        let e = convert("resource \"a\" \"b\" {\n  x = \n}\n", Some("main.tf"), &[]).unwrap_err();
        assert_eq!(e.code, "input.hcl-syntax");
        let loc = e.location.unwrap();
        assert_eq!(loc.file.as_deref(), Some("main.tf"));
        assert_eq!(loc.line, 2);
        let e = convert("", None, &[("bad.tfvars".into(), "x = = 1".into())]).unwrap_err();
        assert_eq!(e.location.unwrap().file.as_deref(), Some("bad.tfvars"));
    }

    #[test]
    fn tfvars_alone_says_it_needs_its_configuration() {
        let c = convert("", None, &[("prod.tfvars".into(), "a = 1\n".into())]).unwrap();
        assert_eq!(c.findings[0].code, TFVARS_ALONE.code);
        assert_eq!(c.value["resource_changes"], json!([]));
    }

    #[test]
    fn garbage_and_hostile_nesting_never_panic() {
        let inputs = [
            "\u{0}\u{1}{{{{[[[[".to_string(),
            "}}}}]]]]))((".to_string(),
            "a = ".to_string() + &"[".repeat(100_000),
            "a = ".to_string() + &"(".repeat(5_000) + &")".repeat(5_000),
            "resource \"azurerm_cosmosdb_account\" \"x\" {\n".repeat(1_000),
            "a = \"${".to_string() + &"${".repeat(10_000),
            "locals {\n  a = local.b\n  b = local.a\n}\nresource \"azurerm_cosmosdb_account\" \"x\" {\n  name = local.a\n}\n".to_string(),
            "x = 1 + ".repeat(2_000) + "1",
            "ǅ = \"é\"\n\"".to_string(),
        ];
        for text in &inputs {
            let _ = convert(text, None, &[]);
            let _ = convert("", None, &[("t.tfvars".into(), text.clone())]);
        }
        // A long `local` chain stays within the evaluation depth.
        let mut chain = String::from("locals {\n  l0 = 1\n");
        for i in 1..2_000 {
            chain.push_str(&format!("  l{i} = local.l{}\n", i - 1));
        }
        chain.push_str("}\nresource \"azurerm_cosmosdb_account\" \"x\" {\n  name = local.l1999\n}\n");
        let c = convert(&chain, None, &[]).unwrap();
        assert!(after(&c, 0)["name"].as_str().unwrap().starts_with("${"));
        // Locals that nest each other's values stop at the document depth limit.
        let mut nest =
            String::from("locals {\n  n0 = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n");
        for i in 1..90 {
            nest.push_str(&format!(
                "  n{i} = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[local.n{}]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
                i - 1
            ));
        }
        // Bottom-up references (each local cached before the next uses it), then the deepest.
        let refs: Vec<String> = (0..90).map(|i| format!("local.n{i}")).collect();
        nest.push_str(&format!(
            "}}\nresource \"azurerm_cosmosdb_account\" \"x\" {{\n  tags = [{}]\n}}\n",
            refs.join(", ")
        ));
        let c = convert(&nest, None, &[]).unwrap();
        let mut max = 0;
        let mut stack = vec![(&c.value, 1usize)];
        while let Some((v, d)) = stack.pop() {
            max = max.max(d);
            match v {
                Value::Array(a) => stack.extend(a.iter().map(|i| (i, d + 1))),
                Value::Object(m) => stack.extend(m.values().map(|i| (i, d + 1))),
                _ => {}
            }
        }
        assert!(max < crate::limits::MAX_DEPTH + 8, "{max}");
    }
}
