//! Backup and restore pricing, exact to the cent.
//!
//! An account's `cost` is filled whenever its scenario has `usage`
//! (`{dataSizeGb, restoresPerMonth?, restoreSizeGb?, restoreRegion?}`):
//!
//! ```
//! let scenario = serde_json::json!({
//!     "now": "2026-11-21T00:00:00Z",
//!     "account": {"type": "Microsoft.DocumentDB/databaseAccounts", "name": "orders",
//!         "properties": {"locations": [{"locationName": "West US", "failoverPriority": 0},
//!                                      {"locationName": "East US 2", "failoverPriority": 1}],
//!                        "backupPolicy": {"type": "Continuous",
//!                            "continuousModeProperties": {"tier": "Continuous30Days"}}}},
//!     "usage": {"dataSizeGb": 1000}
//! });
//! let eval = cosmos_backup::api::evaluate(&scenario).unwrap();
//! let cost = eval.results[0].cost.as_ref().unwrap();
//! assert_eq!((cost.monthly_total.as_str(), cost.per_restore.as_str()), ("400.00", "150.00"));
//! ```
//!
//! - [`sheet`]: the price sheet (the default one is built once from the embedded CSV; user sheets
//!   override or replace it), [`csv`]: the embedded data, [`money`]: exact decimals and the
//!   rounding rule (half away from zero, per line), [`formulas`]: the formulas and their sources,
//!   [`plan`]: projections and what-if, [`rules`]: codes. `price` and `priceFleet` run this stage
//!   through the pipeline every operation shares ([`crate::evaluation::pricing`]).
//! - The comparison with infracost (pricing.md §5, cases A–H) is in `docs/pricing.md` and in
//!   `tests/vectors/pricing/infracost-*.json`.

pub mod csv;
pub mod formulas;
pub mod money;
pub mod plan;
pub mod rules;
pub mod sheet;

use crate::model::Account;
use crate::node::Node;
use crate::pointer::Pointer;
use crate::policy::types::{EffectivePolicy, PolicyType, Redundancy, Tier};
use crate::scenario::ScenarioView;
use crate::values::{Reader, clip};
use formulas::{Plan, Profile, Region};
pub use rules::RULES;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sheet::Sheet;

/// The cost of an account's backups and restores. Every amount is a decimal string in `currency`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cost {
    /// ISO 4217 currency of every amount.
    pub currency: String,
    /// Monthly total: the sum of the lines (backup storage, plus restores when `restoresPerMonth` > 0).
    pub monthly_total: String,
    /// Cost of one restore.
    pub per_restore: String,
    /// True when every value and price the cost rests on was read; false when a price is missing
    /// or a value could not be read and a default stood in (see `incomplete`).
    pub complete: bool,
    /// What the cost leaves out or assumes, by field and place (empty when `complete`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incomplete: Vec<formulas::Gap>,
    /// What is charged, one line per meter and region.
    pub lines: Vec<CostLine>,
    /// How the figures were reached, and what was left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// What a cost line charges for.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LineKind {
    /// Periodic backup copies beyond the two free ones (GB-months).
    PeriodicBackupStorage,
    /// Continuous backup storage (GB-months), one line per region.
    ContinuousBackupStorage,
    /// Data restored (GB).
    Restore,
    /// Cosmos DB for PostgreSQL backup storage (GiB-months).
    PostgresBackupStorage,
}

/// One cost line: `amount` = `quantity` × `unitPrice`, rounded to the cent.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CostLine {
    /// What is charged.
    pub kind: LineKind,
    /// Region key (`westus`).
    pub region: String,
    /// GB-months for storage, GB for restores.
    pub quantity: String,
    /// `GB-month`, `GiB-month` or `GB`.
    pub unit: String,
    /// Price per unit.
    pub unit_price: String,
    /// Rounded amount.
    pub amount: String,
    /// Currency of `unitPrice` and `amount`.
    pub currency: String,
    /// The Azure meter name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter: Option<String>,
    /// Where the price comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

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
    pub api: Option<crate::model::Api>,
    /// Its profile (when usage and policy allow one).
    pub profile: Option<Profile>,
    /// The priced profile.
    pub priced: Option<formulas::Priced>,
    /// Every finding (policy and pricing).
    pub diagnostics: Vec<crate::diagnostics::Diagnostic>,
}

/// Prices the accounts of one scenario (`scenario`, base sheet, scenario-level findings): the
/// pipeline's pricing (`evaluation::pricing::price_scenario`), given to [`plan`] by its caller.
pub type PriceScenario = fn(Node<'_>, &Sheet, &mut Vec<crate::diagnostics::Diagnostic>) -> Vec<PricedAccount>;

/// The pricing stage's answer for one account or PostgreSQL cluster.
#[derive(Debug, Clone, Default)]
pub struct CostOutcome {
    /// The profile priced (`None` without usage, or when the policy or region is unknown).
    pub profile: Option<Profile>,
    /// The priced profile.
    pub priced: Option<formulas::Priced>,
    /// The pricing findings (usage, price sheet, missing prices), in rule order.
    pub diagnostics: Vec<crate::diagnostics::Diagnostic>,
}

impl CostOutcome {
    /// The cost, when priced.
    pub fn cost(&self) -> Option<&Cost> {
        self.priced.as_ref().map(|p| &p.cost)
    }
}

/// The pricing stage for one account: its effective policy (the policy stage's outcome) and the
/// scenario's `usage`, priced with `base` under the scenario's own `priceSheet`. Nothing without usage.
pub fn evaluate_account<'a>(
    s: &ScenarioView<'a>,
    a: &Account<'a>,
    p: Option<&EffectivePolicy>,
    base: &Sheet,
) -> CostOutcome {
    let mut r = Reader::new(a.scope.clone());
    let profile = s.usage.as_ref().and_then(|usage| {
        let sheet = Sheet::with_user(base, s.price_sheet.as_ref(), &mut r);
        account_profile(a, p, usage, &mut r).map(|profile| (profile, sheet))
    });
    priced(profile, r)
}

/// The pricing stage for one Azure Cosmos DB for PostgreSQL cluster (like [`evaluate_account`]).
pub fn evaluate_cluster<'a>(s: &ScenarioView<'a>, found: &crate::read::Found<'a>, base: &Sheet) -> CostOutcome {
    let mut r = Reader::new(found.scope.clone());
    let profile = s.usage.as_ref().and_then(|usage| {
        let sheet = Sheet::with_user(base, s.price_sheet.as_ref(), &mut r);
        postgres_profile(&found.node, usage, &mut r).map(|profile| (profile, sheet))
    });
    priced(profile, r)
}

fn priced(profile: Option<(Profile, std::borrow::Cow<'_, Sheet>)>, mut r: Reader<'_>) -> CostOutcome {
    let Some((profile, sheet)) = profile else {
        return CostOutcome {
            diagnostics: r.diags,
            ..CostOutcome::default()
        };
    };
    let priced = formulas::price(&profile, &sheet);
    r.diags.extend(priced.diagnostics.iter().cloned());
    CostOutcome {
        profile: Some(profile),
        priced: Some(priced),
        diagnostics: r.diags,
    }
}

/// The usage figures of a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usage {
    /// GB of data (of backup, for PostgreSQL).
    pub data_gb: Decimal,
    /// Restores per month.
    pub restores_per_month: Decimal,
    /// GB per restore.
    pub restore_gb: Decimal,
    /// Region the restore is priced in.
    pub restore_region: Option<Region>,
    /// Where `usage` is.
    pub path: Pointer,
    /// Near misses of usage keys (`restorePerMonth`): figures the cost may be missing.
    pub gaps: Vec<formulas::Gap>,
}

/// Reads a non-negative decimal field; `Err` (with a finding) when present but unusable.
pub(crate) fn decimal_field<'a>(parent: &Node<'a>, key: &str, r: &mut Reader<'a>) -> Result<Option<Decimal>, ()> {
    let Some(n) = parent.get(key) else {
        return Ok(None);
    };
    if n.value.is_null() {
        return Ok(None);
    }
    match money::from_json(n.value) {
        Some(d) if !d.is_sign_negative() || d.is_zero() => Ok(Some(d)),
        Some(d) => {
            r.push(rules::INVALID_USAGE.at(
                &n.path,
                format!("`{key}` is `{d}`, below zero"),
                "use a number of 0 or more",
            ));
            Err(())
        }
        None => {
            r.push(rules::INVALID_USAGE.at(
                &n.path,
                format!("`{key}` is `{}`, not a number", clip(&n.value.to_string())),
                "use a number such as `1000` or a decimal string such as `\"1000.5\"`",
            ));
            Err(())
        }
    }
}

/// Every key `usage` may hold.
pub const USAGE_FIELDS: &[&str] = &[
    "dataSizeGb",
    "restoresPerMonth",
    "restoreSizeGb",
    "restoreRegion",
    "backupSizeGb",
];

/// Keys of `usage` the engine does not read (a misspelling would silently leave a cost out):
/// each is a finding, with the closest known key.
fn unknown_usage_keys<'a>(usage: &Node<'a>, r: &mut Reader<'a>) -> Vec<formulas::Gap> {
    let Some(map) = usage.value.as_object() else {
        return Vec::new();
    };
    let mut gaps = Vec::new();
    for key in map
        .keys()
        .filter(|k| !USAGE_FIELDS.contains(&k.as_str()) && !k.starts_with('$'))
    {
        let path = usage.path.key(key);
        let guess = crate::suggest::closest(key, USAGE_FIELDS);
        let help = match guess {
            Some(g) => format!("did you mean `{g}`? Known keys: {}", USAGE_FIELDS.join(", ")),
            None => format!("remove it; known keys: {}", USAGE_FIELDS.join(", ")),
        };
        r.push(rules::USAGE_UNKNOWN_KEY.at(
            &path,
            format!("`usage.{}` is not a usage field; it is not priced", clip(key)),
            help,
        ));
        // A near miss of a field the cost reads means that figure was left out.
        if let Some(g) = guess {
            gaps.push(formulas::Gap {
                path,
                field: g.to_string(),
                reason: format!("`usage.{}` looks like `{g}`, which is not set", clip(key)),
            });
        }
    }
    gaps
}

/// The fields a billed plan reads, each with the value the plan holds for it (the service
/// default when the document's value could not be read).
fn billed_values(plan: &Plan) -> Vec<(&'static str, &'static str, String)> {
    const P: &str = "periodicModeProperties";
    match plan {
        Plan::Periodic {
            interval_minutes,
            retention_hours,
            redundancy,
        } => vec![
            (P, "backupIntervalInMinutes", format!("{interval_minutes} min")),
            (P, "backupRetentionIntervalInHours", format!("{retention_hours} h")),
            (P, "backupStorageRedundancy", redundancy.name().to_string()),
        ],
        Plan::Continuous(tier) => vec![("continuousModeProperties", "tier", tier.name().to_string())],
        Plan::Postgres { .. } => Vec::new(),
    }
}

/// The billed fields that could not be read (the plan holds the service default for each):
/// each is a gap, and a finding at the field.
fn unreadable_policy_values<'a>(
    p: &EffectivePolicy,
    plan: &Plan,
    policy_path: &Pointer,
    r: &mut Reader<'a>,
) -> Vec<formulas::Gap> {
    let mut gaps = Vec::new();
    for (parent, field, assumed) in billed_values(plan) {
        if !p.unresolved.iter().any(|u| u == field) {
            continue;
        }
        let path = policy_path.key(parent).key(field);
        r.push(rules::RESTS_ON_UNREADABLE.at(
            &path,
            format!(
                "the cost assumes `{field}` is the service default `{assumed}`, because its value could not be read"
            ),
            format!("fix `{field}` (see the finding at the same place); until then the cost is incomplete"),
        ));
        gaps.push(formulas::Gap {
            path,
            field: field.to_string(),
            reason: format!("`{field}` could not be read; the service default `{assumed}` was assumed"),
        });
    }
    gaps
}

/// Reads `usage`; `None` (with findings) when `dataSizeGb` is missing or a field is unusable.
pub fn read_usage<'a>(usage: &Node<'a>, r: &mut Reader<'a>) -> Option<Usage> {
    let data = decimal_field(usage, "dataSizeGb", r);
    let restores = decimal_field(usage, "restoresPerMonth", r);
    let restore_gb = decimal_field(usage, "restoreSizeGb", r);
    let data = match data {
        Ok(Some(d)) => d,
        Ok(None) => {
            r.push(rules::INVALID_USAGE.at(
                &usage.path,
                "`usage` has no `dataSizeGb`",
                "add `\"dataSizeGb\": <GB of data in the account>`; `restoresPerMonth` and `restoreSizeGb` are optional",
            ));
            return None;
        }
        Err(()) => return None,
    };
    let (Ok(restores), Ok(restore_gb)) = (restores, restore_gb) else {
        return None;
    };
    let restore_region = usage
        .get("restoreRegion")
        .and_then(|n| n.as_str().map(|s| Region::new(s, n.path.clone())));
    let gaps = unknown_usage_keys(usage, r);
    Some(Usage {
        data_gb: data,
        restores_per_month: restores.unwrap_or_default(),
        restore_gb: restore_gb.unwrap_or(data),
        restore_region,
        path: usage.path.clone(),
        gaps,
    })
}

/// The regions of an account, and its write region. Template expressions are resolved to a
/// parameter's literal `defaultValue` where possible; others are left out (the reader reports them).
pub fn account_regions<'a>(a: &Account<'a>, r: &mut Reader<'a>) -> (Vec<Region>, Option<Region>) {
    let mut literal = |node: Node<'a>| -> Option<Region> {
        let text = node.as_str()?;
        if !r.is_expression(text) {
            return Some(Region::new(text, node.path.clone()));
        }
        let path = node.path.clone();
        let resolved = r.resolve(node, "location")?;
        resolved.as_str().map(|t| Region::new(t, path))
    };
    let mut regions = Vec::new();
    let mut write = None;
    let refs = a.regions();
    for (i, rr) in refs.iter().enumerate() {
        let node = rr
            .node
            .get_any(&["locationName", "location"])
            .unwrap_or_else(|| rr.node.clone());
        if let Some(reg) = literal(node) {
            if rr.priority == Some(0) || (i == 0 && write.is_none()) {
                write = Some(reg.clone());
            }
            regions.push(reg);
        }
    }
    if refs.is_empty() {
        if let Some(reg) = a.envelope.get("location").and_then(&mut literal) {
            write = Some(reg.clone());
            regions.push(reg);
        }
    }
    (regions, write)
}

/// The billed plan of an effective policy (service defaults for what it leaves out).
pub fn plan_of(p: &EffectivePolicy) -> Plan {
    match p.policy_type {
        PolicyType::Periodic => Plan::Periodic {
            interval_minutes: p.backup_interval_in_minutes.unwrap_or(crate::policy::DEFAULT_INTERVAL),
            retention_hours: p
                .backup_retention_interval_in_hours
                .unwrap_or(crate::policy::DEFAULT_RETENTION),
            redundancy: p.backup_storage_redundancy.unwrap_or(Redundancy::Geo),
        },
        PolicyType::Continuous => Plan::Continuous(p.tier.unwrap_or(Tier::Continuous30Days)),
    }
}

/// Builds the profile of an account from its policy and the scenario's `usage`.
pub fn account_profile<'a>(
    a: &Account<'a>,
    p: Option<&EffectivePolicy>,
    usage: &Node<'a>,
    r: &mut Reader<'a>,
) -> Option<Profile> {
    let u = read_usage(usage, r)?;
    let policy_path = a
        .backup_policy()
        .map(|b| b.path)
        .unwrap_or_else(|| a.envelope.path.clone());
    let Some(p) = p else {
        r.push(rules::POLICY_UNKNOWN.at(
            &policy_path,
            "the backup policy type is unknown, so `cost` is `null`",
            "set `backupPolicy.type` to `Periodic` or `Continuous`",
        ));
        return None;
    };
    let unresolved_before = r.diags.len();
    let (regions, write) = account_regions(a, r);
    if write.is_none() && r.diags.len() > unresolved_before {
        // A template expression names the region; the reader has said how to fix that, and
        // this says what it costs: no price (never a silent `null`).
        r.push(rules::NO_REGION.at(
            &a.envelope.path,
            "the account's region is a template expression that could not be resolved, so it cannot be priced",
            "give the location parameter a literal value (`--parameters FILE`, or a `defaultValue`), or price the deployed account (`az cosmosdb show`)",
        ));
        return None;
    }
    if write.is_none() {
        r.push(rules::NO_REGION.at(
            &a.envelope.path,
            "the account has no `locations` and no `location`, so it cannot be priced",
            "add `\"location\": \"westus\"` or a `locations` list",
        ));
        return None;
    }
    let plan = plan_of(p);
    let mut gaps = unreadable_policy_values(p, &plan, &policy_path, r);
    gaps.extend(u.gaps);
    Some(Profile {
        plan,
        gaps,
        write_region: write,
        regions,
        data_gb: u.data_gb,
        restores_per_month: u.restores_per_month,
        restore_gb: u.restore_gb,
        restore_region: u.restore_region,
        policy_path,
        usage_path: u.path,
    })
}

/// Builds the profile of a Cosmos DB for PostgreSQL cluster (`usage.backupSizeGb`, else `dataSizeGb`).
pub fn postgres_profile<'a>(cluster: &Node<'a>, usage: &Node<'a>, r: &mut Reader<'a>) -> Option<Profile> {
    let mut u = read_usage(usage, r)?;
    if let Ok(Some(b)) = decimal_field(usage, "backupSizeGb", r) {
        u.data_gb = b;
    }
    let props = cluster.get("properties").unwrap_or_else(|| cluster.clone());
    let geo = props
        .get("enableGeoBackup")
        .and_then(|g| g.value.as_bool())
        .unwrap_or(false);
    let Some(loc) = cluster.get("location").filter(|l| l.as_str().is_some()) else {
        r.push(rules::NO_REGION.at(
            &cluster.path,
            "the cluster has no `location`, so it cannot be priced",
            "add `\"location\": \"eastus2\"`",
        ));
        return None;
    };
    let region = Region::new(loc.as_str().unwrap_or(""), loc.path.clone());
    Some(Profile {
        plan: Plan::Postgres { geo },
        write_region: Some(region.clone()),
        regions: vec![region],
        data_gb: u.data_gb,
        restores_per_month: Decimal::ZERO,
        restore_gb: Decimal::ZERO,
        restore_region: None,
        policy_path: cluster.path.clone(),
        gaps: u.gaps,
        usage_path: u.path,
    })
}
