//! Pricing without the rest of the evaluation: one scenario (`price`) or thousands (`priceFleet`),
//! through the same readers and stages as `evaluate` (the policy and pricing stages only).
//!
//! Speed: the default sheet is built once per process ([`crate::pricing::sheet::default_sheet`]); a
//! fleet's shared `priceSheet` is read once per call; only a scenario's own `priceSheet` is read per
//! scenario. Restore windows and permissions are not evaluated here.

use super::{Options, Stages};
use crate::diagnostics::{Diagnostic, Summary};
use crate::input;
use crate::node::Node;
use crate::pointer::Pointer;
use crate::pricing::formulas::Priced;
use crate::pricing::sheet::{Sheet, default_sheet};
use crate::pricing::{Cost, CostLine, LineKind, PricedAccount, money};
use crate::read::Kind;
use crate::values::Reader;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Prices every account and PostgreSQL cluster of one scenario with `base` (under the scenario's
/// own `priceSheet`, if any). Scenario-level findings go to `diags`.
pub fn price_scenario(node: Node<'_>, base: &Sheet, diags: &mut Vec<Diagnostic>) -> Vec<PricedAccount> {
    let stages = Stages {
        restore: false,
        pricing: Some(base),
        permissions: false,
    };
    let root = node.path.clone();
    let s = super::scenario(node, &Options::default(), stages);
    diags.extend(s.fields.iter().chain(s.document.iter()).cloned());
    let out: Vec<PricedAccount> = s
        .results
        .iter()
        .filter_map(|o| {
            let cost = o.cost.as_ref()?;
            Some(PricedAccount {
                name: o.name.clone(),
                path: o.path.clone(),
                kind: if o.kind == Kind::Account {
                    "account"
                } else {
                    "postgresCluster"
                },
                api: (o.kind == Kind::Account).then_some(o.api),
                profile: cost.profile.clone(),
                priced: cost.priced.clone(),
                diagnostics: o.diagnostics(),
            })
        })
        .collect();
    // Nothing to price and no finding says why yet: a permissions-only scenario, or only
    // restorable accounts (which have no cost).
    if out.is_empty() && s.document.is_empty() {
        diags.push(input::NO_ACCOUNT.at(
            s.account.as_ref().unwrap_or(&root),
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
    pub incomplete: Vec<crate::pricing::formulas::Gap>,
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
        diagnostics.push(crate::pricing::rules::INVALID_PLAN.at(
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
            diagnostics.push(crate::pricing::rules::INVALID_PLAN.at(
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
    let mut sums: BTreeMap<String, Sum> = BTreeMap::new();
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
            match &a.priced {
                None => unpriced = unpriced.saturating_add(1),
                Some(p) => {
                    if !p.complete {
                        incomplete = incomplete.saturating_add(1);
                    }
                    sums.entry(p.cost.currency.clone()).or_insert_with(Sum::new).add(p);
                }
            }
            if rows {
                accounts.push(row(i, a.name, a.path, a.kind, a.priced, row_diags));
            }
        }
        summary.add(Summary::of(&diags));
        diagnostics.append(&mut diags);
    }
    let totals = sums
        .into_iter()
        .map(|(currency, sum)| FleetTotal {
            complete: sum.complete,
            currency,
            accounts: sum.accounts,
            monthly_total: money::cents(sum.total),
            by_kind: sum
                .by_kind
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

/// A fleet's running total in one currency.
struct Sum {
    accounts: usize,
    total: Decimal,
    by_kind: BTreeMap<LineKind, Decimal>,
    /// False once any account in it is incomplete.
    complete: bool,
}

impl Sum {
    fn new() -> Self {
        Self {
            accounts: 0,
            total: Decimal::ZERO,
            by_kind: BTreeMap::new(),
            complete: true,
        }
    }

    fn add(&mut self, p: &Priced) {
        self.accounts = self.accounts.saturating_add(1);
        self.complete &= p.complete;
        self.total = money::add(self.total, p.monthly).unwrap_or(self.total);
        for l in &p.cost.lines {
            let amount = money::parse(&l.amount).unwrap_or_default();
            let slot = self.by_kind.entry(l.kind).or_default();
            *slot = money::add(*slot, amount).unwrap_or(*slot);
        }
    }
}

/// One fleet row: the account's cost, or empty columns when it has none.
fn row(
    scenario: usize,
    name: String,
    path: Pointer,
    kind: &str,
    priced: Option<Priced>,
    diagnostics: Vec<Diagnostic>,
) -> FleetRow {
    let complete = priced.as_ref().is_some_and(|p| p.complete);
    let cost = priced.map(|p| p.cost);
    FleetRow {
        scenario,
        name,
        path,
        kind: kind.to_string(),
        currency: cost.as_ref().map(|c| c.currency.clone()),
        monthly_total: cost.as_ref().map(|c| c.monthly_total.clone()),
        per_restore: cost.as_ref().map(|c| c.per_restore.clone()),
        complete,
        incomplete: cost.as_ref().map(|c| c.incomplete.clone()).unwrap_or_default(),
        lines: cost.map(|c| c.lines).unwrap_or_default(),
        diagnostics,
    }
}
