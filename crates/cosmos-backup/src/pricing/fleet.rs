//! Pricing without the rest of the evaluation: one scenario (`price`) or thousands (`priceFleet`).
//!
//! Speed: the default sheet is built once per process ([`super::sheet::default_sheet`]); a fleet's
//! shared `priceSheet` is read once per call; only a scenario's own `priceSheet` is read per
//! scenario. Restore windows and permissions are not evaluated here.

use super::formulas::{self, Priced, Profile};
use super::sheet::{Sheet, default_sheet};
use super::{Cost, CostLine, LineKind, account_profile, money, postgres_profile};
use crate::diagnostics::{Diagnostic, Summary};
use crate::input;
use crate::model::{Account, Api};
use crate::node::Node;
use crate::pointer::Pointer;
use crate::policy;
use crate::read::{self, Kind};
use crate::scenario;
use crate::values::Reader;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One priced account (or PostgreSQL cluster), with what is needed to plan further.
#[derive(Debug, Clone)]
pub struct PricedAccount {
    /// Name.
    pub name: String,
    /// JSON Pointer to it.
    pub path: Pointer,
    /// `account` or `postgresCluster`.
    pub kind: &'static str,
    /// The API it serves (accounts only).
    pub api: Option<Api>,
    /// Its profile (when usage and policy allow one).
    pub profile: Option<Profile>,
    /// The priced profile.
    pub priced: Option<Priced>,
    /// Every finding (policy and pricing).
    pub diagnostics: Vec<Diagnostic>,
}

/// Prices every account and PostgreSQL cluster of one scenario with `base` (under the scenario's
/// own `priceSheet`, if any). Document-level findings go to `diags`.
pub fn price_scenario<'a>(node: Node<'a>, base: &Sheet, diags: &mut Vec<Diagnostic>) -> Vec<PricedAccount> {
    let s = scenario::view(node, diags);
    let Some(doc) = s.account.clone() else {
        diags.push(input::NO_ACCOUNT.at(
            &s.root.path,
            "the scenario has no `account`",
            "add `\"account\": <ARM account, template, or az/PowerShell output>`",
        ));
        return Vec::new();
    };
    let found = read::find(&doc);
    let locations = s.locations.as_ref().map(policy::locations_from).unwrap_or_default();
    let ctx = policy::Context {
        locations,
        ..policy::Context::default()
    };
    let mut out = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let mut r = Reader::new(f.scope.clone());
        let (name, api, profile) = match f.kind {
            Kind::Account => {
                let a = Account::from_found(f);
                let eff = policy::evaluate(&a, &ctx, &mut r);
                let profile = s
                    .usage
                    .as_ref()
                    .and_then(|u| account_profile(&a, eff.as_ref(), u, &mut r));
                (a.name().map(str::to_string), Some(a.api()), profile)
            }
            Kind::PostgresCluster => {
                let profile = s.usage.as_ref().and_then(|u| postgres_profile(&f.node, u, &mut r));
                (
                    f.node.get("name").and_then(|n| n.as_str().map(str::to_string)),
                    None,
                    profile,
                )
            }
            _ => continue,
        };
        let sheet = Sheet::with_user(base, s.price_sheet.as_ref(), &mut r);
        let priced = profile.as_ref().map(|p| formulas::price(p, &sheet));
        if let Some(p) = &priced {
            r.diags.extend(p.diagnostics.iter().cloned());
        }
        r.diags.sort_by_key(|d| d.severity);
        let base_name = name
            .or_else(|| s.name.clone())
            .unwrap_or_else(|| format!("account {}", i.saturating_add(1)));
        out.push(PricedAccount {
            name: match &f.label {
                Some(l) => format!("{base_name} ({l})"),
                None => base_name,
            },
            path: f.node.path.clone(),
            kind: if f.kind == Kind::Account {
                "account"
            } else {
                "postgresCluster"
            },
            api,
            profile,
            priced,
            diagnostics: r.diags,
        });
    }
    if out.is_empty() {
        diags.push(input::NO_ACCOUNT.at(
            &doc.path,
            "the document holds no database account or PostgreSQL cluster to price",
            "pass an ARM resource, template, or az/PowerShell output of a Cosmos DB account",
        ));
    }
    out
}

/// One priced object in the answer to `price`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceResult {
    /// Name.
    pub name: String,
    /// JSON Pointer to it.
    pub path: Pointer,
    /// `account` or `postgresCluster`.
    pub kind: String,
    /// The cost (`null` without usage, or when the policy is unknown).
    pub cost: Option<Cost>,
    /// Findings.
    pub diagnostics: Vec<Diagnostic>,
}

/// The answer to `price`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pricing {
    /// One per account or cluster.
    pub results: Vec<PriceResult>,
    /// Findings about the scenario as a whole.
    pub diagnostics: Vec<Diagnostic>,
}

/// `price`: one scenario in, its cost per account out.
pub fn price(value: &serde_json::Value) -> Pricing {
    let mut diagnostics = Vec::new();
    let results = price_scenario(Node::root(value), default_sheet(), &mut diagnostics)
        .into_iter()
        .map(|a| PriceResult {
            name: a.name,
            path: a.path,
            kind: a.kind.to_string(),
            cost: a.priced.map(|p| p.cost),
            diagnostics: a.diagnostics,
        })
        .collect();
    Pricing { results, diagnostics }
}

/// One row of a fleet table.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FleetRow {
    /// Index of the scenario in the input list.
    pub scenario: usize,
    /// Account name.
    pub name: String,
    /// JSON Pointer to the account in the fleet input.
    pub path: Pointer,
    /// `account` or `postgresCluster`.
    pub kind: String,
    /// Currency of the amounts (`null` when not priced).
    pub currency: Option<String>,
    /// Monthly total (`null` when not priced).
    pub monthly_total: Option<String>,
    /// One restore (`null` when not priced).
    pub per_restore: Option<String>,
    /// False when a price or a value the cost rests on is missing (see `incomplete`).
    pub complete: bool,
    /// What the cost leaves out or assumes, by field and place (empty when `complete`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incomplete: Vec<super::formulas::Gap>,
    /// The account's cost lines.
    pub lines: Vec<CostLine>,
    /// Warnings and errors only (infos are left out of fleet tables).
    pub diagnostics: Vec<Diagnostic>,
}

/// Totals in one currency.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FleetTotal {
    /// Currency.
    pub currency: String,
    /// Priced accounts in this currency.
    pub accounts: usize,
    /// Sum of monthly totals.
    pub monthly_total: String,
    /// Sum per line kind.
    pub by_kind: BTreeMap<String, String>,
    /// False when any account in this total has an incomplete cost (the sum understates).
    pub complete: bool,
}

/// The answer to `priceFleet`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fleet {
    /// One row per account, in input order (none when the input says `"rows": false`).
    pub accounts: Vec<FleetRow>,
    /// Totals, one per currency.
    pub totals: Vec<FleetTotal>,
    /// Accounts without a cost (no usage, unknown policy, no region).
    pub unpriced: usize,
    /// Accounts priced in part: a price or a value their cost rests on is missing (each row
    /// says which in its `incomplete`); they are in the totals, which then understate.
    pub incomplete: usize,
    /// Findings about the fleet input and the scenarios as wholes.
    pub diagnostics: Vec<Diagnostic>,
    /// Counts over every finding (rows included).
    pub summary: Summary,
}

/// `rows`: absent, `null` or `true` → one row per account; `false` → totals only. Anything else
/// is reported and the rows are kept (nothing the user asked for is silently dropped).
fn wants_rows(root: &Node<'_>, diagnostics: &mut Vec<Diagnostic>) -> bool {
    let Some(n) = root.get("rows").filter(|n| !n.value.is_null()) else {
        return true;
    };
    n.value.as_bool().unwrap_or_else(|| {
        diagnostics.push(super::rules::INVALID_PLAN.at(
            &n.path,
            format!("`rows` is {}, not a boolean", crate::node::type_name(n.value)),
            "use `\"rows\": false` for totals only, or leave `rows` out for one row per account",
        ));
        true
    })
}

/// `priceFleet`: `{"scenarios": [...], "priceSheet"?: {...}, "rows"?: false}` or a bare array of
/// scenarios. With `"rows": false` the answer has totals, counts and fleet-level findings only.
pub fn price_fleet(value: &serde_json::Value) -> Fleet {
    let root = Node::root(value);
    let mut diagnostics = Vec::new();
    let (items, shared) = if value.is_array() {
        (root.items(), None)
    } else {
        let items = root.get("scenarios").map(|s| s.items()).unwrap_or_default();
        if root.get("scenarios").is_none() {
            diagnostics.push(super::rules::INVALID_PLAN.at(
                &root.path,
                "the fleet has no `scenarios` list",
                "pass `{\"scenarios\": [<scenario>, …], \"priceSheet\"?: {…}}` or a bare array of scenarios",
            ));
        }
        (items, root.get_any(&["priceSheet", "prices"]))
    };
    let mut r = Reader::default();
    let sheet = Sheet::with_user(default_sheet(), shared.as_ref(), &mut r);
    diagnostics.append(&mut r.diags);
    // `"rows": false`: totals only. A fleet of 100 000 accounts answers in bytes, not megabytes,
    // which is what a notebook summing a fleet needs (the rows were most of the time and memory).
    let rows = wants_rows(&root, &mut diagnostics);
    let mut accounts = Vec::new();
    let mut sums: BTreeMap<String, (usize, Decimal, BTreeMap<LineKind, Decimal>, bool)> = BTreeMap::new();
    let mut unpriced = 0usize;
    let mut incomplete = 0usize;
    let mut summary = Summary::of(&diagnostics);
    for (i, item) in items.into_iter().enumerate() {
        let mut diags = Vec::new();
        for a in price_scenario(item, &sheet, &mut diags) {
            summary.add(Summary::of(&a.diagnostics));
            let row_diags: Vec<Diagnostic> = a
                .diagnostics
                .into_iter()
                .filter(|d| d.severity != crate::diagnostics::Severity::Info)
                .collect();
            let Some(p) = a.priced else {
                unpriced = unpriced.saturating_add(1);
                if !rows {
                    continue;
                }
                accounts.push(FleetRow {
                    scenario: i,
                    name: a.name,
                    path: a.path,
                    kind: a.kind.to_string(),
                    currency: None,
                    monthly_total: None,
                    per_restore: None,
                    complete: false,
                    incomplete: Vec::new(),
                    lines: Vec::new(),
                    diagnostics: row_diags,
                });
                continue;
            };
            let entry = sums
                .entry(p.cost.currency.clone())
                .or_insert_with(|| (0, Decimal::ZERO, BTreeMap::new(), true));
            entry.0 = entry.0.saturating_add(1);
            if !p.complete {
                incomplete = incomplete.saturating_add(1);
                entry.3 = false;
            }
            entry.1 = money::add(entry.1, p.monthly).unwrap_or(entry.1);
            for l in &p.cost.lines {
                let amount = money::parse(&l.amount).unwrap_or_default();
                let slot = entry.2.entry(l.kind).or_default();
                *slot = money::add(*slot, amount).unwrap_or(*slot);
            }
            if !rows {
                continue;
            }
            accounts.push(FleetRow {
                scenario: i,
                name: a.name,
                path: a.path,
                kind: a.kind.to_string(),
                currency: Some(p.cost.currency),
                monthly_total: Some(p.cost.monthly_total),
                per_restore: Some(p.cost.per_restore),
                complete: p.complete,
                incomplete: p.cost.incomplete,
                lines: p.cost.lines,
                diagnostics: row_diags,
            });
        }
        summary.add(Summary::of(&diags));
        diagnostics.append(&mut diags);
    }
    let totals = sums
        .into_iter()
        .map(|(currency, (n, total, kinds, complete))| FleetTotal {
            complete,
            currency,
            accounts: n,
            monthly_total: money::cents(total),
            by_kind: kinds
                .into_iter()
                .map(|(k, v)| {
                    (
                        serde_json::to_value(k)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        money::cents(v),
                    )
                })
                .collect(),
        })
        .collect();
    Fleet {
        accounts,
        totals,
        unpriced,
        incomplete,
        diagnostics,
        summary,
    }
}
