//! Capacity planning: projections over months, and what-if comparisons of backup policies.
//!
//! Both take `{"scenario": <scenario with usage>, …}` and plan for the scenario's first account.
//!
//! - **Projection** (`project`): month 1 is the scenario as given. Linear growth adds
//!   `gbPerMonth` each month; compound growth multiplies by `1 + percentPerMonth/100` each month,
//!   the size rounded half away from zero to 0.0001 GB at each step. `regionsAdded` entries
//!   (`{month, region}`) join from their month on (continuous backup bills them; periodic
//!   backup stays in the write region). `restoresPerMonth` overrides the scenario's.
//! - **What-if** (`whatIf`): the same account and usage priced under several policies; each
//!   row gives the restore window the policy buys (periodic: the retention, one restore point per
//!   interval, restored by support; continuous: 7 or 30 days, any second, self-service). The
//!   `cheapest` is the lowest monthly total (restores included) among the available, fully priced
//!   options whose window reaches `requiredWindowDays`; ties go to the longer window.

use super::formulas::{self, Plan, Profile, Region, periodic_copies};
use super::rules::INVALID_PLAN;
use super::sheet::default_sheet;
use super::{CostLine, decimal_field, money};
use super::{PriceScenario, PricedAccount};
use crate::diagnostics::Diagnostic;
use crate::model::Api;
use crate::node::Node;
use crate::policy::types::{Redundancy, Tier};
use crate::values::{Reader, clip};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The largest projection, in months (50 years).
pub const MAX_MONTHS: i64 = 600;

fn first_priced(
    value: &Value,
    price_scenario: PriceScenario,
    diags: &mut Vec<Diagnostic>,
) -> Option<(PricedAccount, std::borrow::Cow<'static, super::sheet::Sheet>)> {
    let root = Node::root(value);
    let Some(s) = root.get("scenario") else {
        diags.push(INVALID_PLAN.at(
            &root.path,
            "the request has no `scenario`",
            "pass `{\"scenario\": {\"account\": …, \"usage\": {\"dataSizeGb\": …}}, …}`",
        ));
        return None;
    };
    let mut r = Reader::default();
    let sheet = super::sheet::Sheet::with_user(default_sheet(), s.get_any(&["priceSheet", "prices"]).as_ref(), &mut r);
    // The per-account findings below already include the sheet's; `r` is dropped.
    let accounts = price_scenario(s.clone(), default_sheet(), diags);
    let mut accounts = accounts.into_iter();
    let first = accounts.next()?;
    // Only when `usage` really is absent: an account left unpriced for another reason (a region
    // in an unresolved expression) has its own finding saying why.
    if first.profile.is_none() && s.get("usage").is_none_or(|u| u.value.is_null()) {
        diags.push(INVALID_PLAN.at(
            &s.path,
            "the scenario has no `usage`, so there is nothing to plan",
            "add `\"usage\": {\"dataSizeGb\": 1000}`",
        ));
    }
    Some((first, sheet))
}

/// One month of a projection.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Month {
    /// 1-based month.
    pub month: i64,
    /// Data size that month.
    pub data_size_gb: String,
    /// Regions that month.
    pub regions: Vec<String>,
    /// Monthly total.
    pub monthly_total: String,
    /// One restore.
    pub per_restore: String,
    /// Cost lines.
    pub lines: Vec<CostLine>,
}

/// The answer to `project`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Projection {
    /// The account planned for.
    pub name: Option<String>,
    /// Currency of every amount.
    pub currency: Option<String>,
    /// One row per month.
    pub months: Vec<Month>,
    /// Sum over all months.
    pub total: Option<String>,
    /// Findings (the account's, deduplicated, and the request's).
    pub diagnostics: Vec<Diagnostic>,
}

fn dedupe(diags: &mut Vec<Diagnostic>) {
    let mut seen: Vec<(String, String, String)> = Vec::new();
    diags.retain(|d| {
        let k = (d.code.clone(), d.path.as_str().to_string(), d.message.clone());
        if seen.contains(&k) {
            false
        } else {
            seen.push(k);
            true
        }
    });
}

enum Growth {
    None,
    Linear(Decimal),
    Compound(Decimal),
}

fn growth<'a>(root: &Node<'a>, r: &mut Reader<'a>) -> Growth {
    let Some(g) = root.get("growth") else {
        return Growth::None;
    };
    let kind = g.get_any(&["type", "kind"]).and_then(|k| k.as_str()).unwrap_or("");
    if kind.eq_ignore_ascii_case("linear") {
        return match decimal_field(&g, "gbPerMonth", r) {
            Ok(Some(d)) => Growth::Linear(d),
            Ok(None) => {
                r.push(INVALID_PLAN.at(
                    &g.path,
                    "linear `growth` has no `gbPerMonth`",
                    "add `\"gbPerMonth\": 50`",
                ));
                Growth::None
            }
            Err(()) => Growth::None,
        };
    }
    if kind.eq_ignore_ascii_case("compound") {
        return match decimal_field(&g, "percentPerMonth", r) {
            Ok(Some(d)) => Growth::Compound(d),
            Ok(None) => {
                r.push(INVALID_PLAN.at(
                    &g.path,
                    "compound `growth` has no `percentPerMonth`",
                    "add `\"percentPerMonth\": 5`",
                ));
                Growth::None
            }
            Err(()) => Growth::None,
        };
    }
    let at = g.get_any(&["type", "kind"]).map(|k| k.path).unwrap_or(g.path.clone());
    r.push(INVALID_PLAN.at(
        &at,
        format!("`growth.type` is `{}`, not `linear` or `compound`", clip(kind)),
        "use `{\"type\": \"linear\", \"gbPerMonth\": 50}` or `{\"type\": \"compound\", \"percentPerMonth\": 5}`",
    ));
    Growth::None
}

/// `project`: `{scenario, months?: 12, growth?: {type: linear, gbPerMonth} | {type: compound, percentPerMonth},
/// restoresPerMonth?, regionsAdded?: [{month, region}]}`.
///
/// `price_scenario` prices the scenario's accounts (the pipeline every operation shares).
pub fn project(value: &Value, price_scenario: PriceScenario) -> Projection {
    let mut diagnostics = Vec::new();
    let root = Node::root(value);
    let mut r = Reader::default();
    let months = match r.int(&root, "months") {
        crate::values::Field::Known(m) if (1..=MAX_MONTHS).contains(&m.value) => m.value,
        crate::values::Field::Known(m) => {
            r.push(INVALID_PLAN.at(
                &m.path,
                format!("`months` is `{}`, outside 1 to {MAX_MONTHS}", m.value),
                format!("use a number of months from 1 to {MAX_MONTHS}"),
            ));
            0
        }
        crate::values::Field::Absent => 12,
        crate::values::Field::Unknown(_) => 0,
    };
    let growth = growth(&root, &mut r);
    let restores = decimal_field(&root, "restoresPerMonth", &mut r).ok().flatten();
    let mut added: Vec<(i64, Region)> = Vec::new();
    for e in root.get("regionsAdded").map(|l| l.items()).unwrap_or_default() {
        let month = match r.int(&e, "month") {
            crate::values::Field::Known(m) if m.value >= 1 => Some(m.value),
            _ => None,
        };
        let region = e
            .get("region")
            .and_then(|n| n.as_str().map(|s| Region::new(s, n.path.clone())));
        match (month, region) {
            (Some(m), Some(reg)) => added.push((m, reg)),
            _ => r.push(INVALID_PLAN.at(
                &e.path,
                "a `regionsAdded` entry needs `month` (1 or more) and `region`",
                "write `{\"month\": 4, \"region\": \"westeurope\"}`",
            )),
        }
    }
    diagnostics.append(&mut r.diags);
    let Some((account, sheet)) = first_priced(value, price_scenario, &mut diagnostics) else {
        return Projection {
            name: None,
            currency: None,
            months: Vec::new(),
            total: None,
            diagnostics,
        };
    };
    diagnostics.extend(account.diagnostics.iter().cloned());
    let Some(base) = account.profile.clone() else {
        dedupe(&mut diagnostics);
        return Projection {
            name: Some(account.name),
            currency: None,
            months: Vec::new(),
            total: None,
            diagnostics,
        };
    };
    let mut rows = Vec::new();
    let mut total = Decimal::ZERO;
    let mut data = base.data_gb;
    let hundred = Decimal::from(100);
    for m in 1..=months {
        if m > 1 {
            data = match growth {
                Growth::None => data,
                Growth::Linear(g) => money::add(data, g).unwrap_or(data),
                Growth::Compound(pct) => {
                    let factor = pct
                        .checked_div(hundred)
                        .and_then(|f| money::add(Decimal::ONE, f))
                        .unwrap_or(Decimal::ONE);
                    money::mul(data, factor)
                        .map(|d| d.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero))
                        .unwrap_or(data)
                }
            };
        }
        let mut p: Profile = base.clone();
        p.data_gb = data;
        if base.restore_gb == base.data_gb {
            p.restore_gb = data;
        }
        if let Some(n) = restores {
            p.restores_per_month = n;
        }
        for (from, reg) in &added {
            if *from <= m && !p.regions.iter().any(|x| x.key() == reg.key()) {
                p.regions.push(reg.clone());
            }
        }
        let priced = formulas::price(&p, &sheet);
        diagnostics.extend(priced.diagnostics);
        total = money::add(total, priced.monthly).unwrap_or(total);
        rows.push(Month {
            month: m,
            data_size_gb: money::quantity(data),
            regions: p.regions.iter().map(Region::key).collect(),
            monthly_total: priced.cost.monthly_total,
            per_restore: priced.cost.per_restore,
            lines: priced.cost.lines,
        });
    }
    dedupe(&mut diagnostics);
    Projection {
        name: Some(account.name),
        currency: Some(sheet.currency.clone()),
        months: rows,
        total: Some(money::cents(total)),
        diagnostics,
    }
}

/// A policy option as the what-if answer names it.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionPolicy {
    /// `Periodic` or `Continuous`.
    #[serde(rename = "type")]
    pub policy_type: String,
    /// Periodic interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_interval_in_minutes: Option<i64>,
    /// Periodic retention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_retention_interval_in_hours: Option<i64>,
    /// Periodic redundancy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_storage_redundancy: Option<Redundancy>,
    /// Continuous tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
}

/// One row of a what-if table.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WhatIfOption {
    /// Short label (`Periodic 1440 min / 336 h Local`, `Continuous30Days`).
    pub label: String,
    /// The policy.
    pub policy: OptionPolicy,
    /// How far back a restore can reach, in hours.
    pub window_hours: i64,
    /// The same in days (decimal string).
    pub window_days: String,
    /// Minutes between restore points (`null` for continuous: any second).
    pub restore_point_every_minutes: Option<i64>,
    /// `selfService` (continuous) or `supportRequest` (periodic).
    pub restore: String,
    /// True when the account's current policy is this one.
    pub current: bool,
    /// False when the account cannot use the policy (`reason` says why) or the policy is invalid.
    pub available: bool,
    /// Why not available.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// True when the window reaches `requiredWindowDays` (`null` when none was given).
    pub meets_window: Option<bool>,
    /// Monthly total (restores included).
    pub monthly_total: String,
    /// One restore.
    pub per_restore: String,
    /// False when a price was missing.
    pub complete: bool,
    /// Cost lines.
    pub lines: Vec<CostLine>,
}

/// The answer to `whatIf`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WhatIf {
    /// The account planned for.
    pub name: Option<String>,
    /// Currency of every amount.
    pub currency: Option<String>,
    /// The window asked for, in days.
    pub required_window_days: Option<String>,
    /// One row per option, in order.
    pub options: Vec<WhatIfOption>,
    /// Label of the cheapest available option meeting the window (`null` when none does).
    pub cheapest: Option<String>,
    /// Findings.
    pub diagnostics: Vec<Diagnostic>,
}

fn default_plans() -> Vec<Plan> {
    let mut v = Vec::new();
    for redundancy in [Redundancy::Geo, Redundancy::Zone, Redundancy::Local] {
        for (interval_minutes, retention_hours) in [(240, 8), (1440, 168), (1440, 336), (1440, 720)] {
            v.push(Plan::Periodic {
                interval_minutes,
                retention_hours,
                redundancy,
            });
        }
    }
    v.push(Plan::Continuous(Tier::Continuous7Days));
    v.push(Plan::Continuous(Tier::Continuous30Days));
    v
}

fn read_option<'a>(o: &Node<'a>, r: &mut Reader<'a>) -> Option<Plan> {
    let o = o.get("backupPolicy").unwrap_or_else(|| o.clone());
    let ty = o.get("type").and_then(|t| t.as_str()).unwrap_or("");
    if ty.eq_ignore_ascii_case("Continuous") {
        let tier = o
            .at(&["continuousModeProperties", "tier"])
            .or_else(|| o.get("tier"))
            .and_then(|t| {
                t.as_str().and_then(|s| {
                    crate::policy::types::TIERS
                        .iter()
                        .find(|x| x.eq_ignore_ascii_case(s))
                        .and_then(|x| crate::policy::types::tier(x))
                })
            });
        return Some(Plan::Continuous(tier.unwrap_or(Tier::Continuous30Days)));
    }
    if ty.eq_ignore_ascii_case("Periodic") {
        let props = o.get("periodicModeProperties").unwrap_or_else(|| o.clone());
        let int = |k: &str| props.get(k).and_then(|v| v.value.as_i64());
        let redundancy = props.get("backupStorageRedundancy").and_then(|v| {
            v.as_str().and_then(|s| {
                crate::policy::types::REDUNDANCIES
                    .iter()
                    .find(|x| x.eq_ignore_ascii_case(s))
                    .and_then(|x| crate::policy::types::redundancy(x))
            })
        });
        return Some(Plan::Periodic {
            interval_minutes: int("backupIntervalInMinutes").unwrap_or(crate::policy::DEFAULT_INTERVAL),
            retention_hours: int("backupRetentionIntervalInHours").unwrap_or(crate::policy::DEFAULT_RETENTION),
            redundancy: redundancy.unwrap_or(Redundancy::Geo),
        });
    }
    r.push(INVALID_PLAN.at(&o.path, format!("the option's `type` is `{}`, not `Periodic` or `Continuous`", clip(ty)), "write `{\"type\": \"Continuous\", \"continuousModeProperties\": {\"tier\": \"Continuous7Days\"}}` or a periodic policy"));
    None
}

fn describe(plan: Plan) -> (String, OptionPolicy, i64, Option<i64>) {
    match plan {
        Plan::Periodic {
            interval_minutes,
            retention_hours,
            redundancy,
        } => (
            format!(
                "Periodic {interval_minutes} min / {retention_hours} h {}",
                redundancy.name()
            ),
            OptionPolicy {
                policy_type: "Periodic".into(),
                backup_interval_in_minutes: Some(interval_minutes),
                backup_retention_interval_in_hours: Some(retention_hours),
                backup_storage_redundancy: Some(redundancy),
                tier: None,
            },
            retention_hours,
            Some(interval_minutes),
        ),
        Plan::Continuous(t) => (
            t.name().to_string(),
            OptionPolicy {
                policy_type: "Continuous".into(),
                backup_interval_in_minutes: None,
                backup_retention_interval_in_hours: None,
                backup_storage_redundancy: None,
                tier: Some(t),
            },
            t.days().saturating_mul(24),
            None,
        ),
        Plan::Postgres { .. } => (
            "PostgreSQL".into(),
            OptionPolicy {
                policy_type: "Postgres".into(),
                backup_interval_in_minutes: None,
                backup_retention_interval_in_hours: None,
                backup_storage_redundancy: None,
                tier: None,
            },
            crate::restore::postgres::RETENTION_DAYS.saturating_mul(24),
            None,
        ),
    }
}

fn availability(plan: Plan, api: Option<Api>) -> Option<String> {
    match plan {
        Plan::Periodic {
            interval_minutes,
            retention_hours,
            ..
        } => {
            if !(60..=1440).contains(&interval_minutes) {
                return Some(format!(
                    "`backupIntervalInMinutes` `{interval_minutes}` is outside 60 to 1440"
                ));
            }
            if retention_hours > 720 || retention_hours.saturating_mul(60) < interval_minutes.saturating_mul(2) {
                return Some(format!(
                    "`backupRetentionIntervalInHours` `{retention_hours}` is outside 2 × the interval to 720 h"
                ));
            }
            periodic_copies(interval_minutes, retention_hours)
                .is_none()
                .then(|| "no copy count".to_string())
        }
        Plan::Continuous(_) if api == Some(Api::Cassandra) => {
            Some("continuous backup does not support the API for Cassandra".to_string())
        }
        _ => None,
    }
}

/// `whatIf`: `{scenario, requiredWindowDays?: 14, options?: [backupPolicy, …]}`. Without
/// `options`, twelve periodic choices (Geo/Zone/Local × 4 h/8 h, 24 h/7 d, 24 h/14 d, 24 h/30 d)
/// and both continuous tiers are compared.
///
/// `price_scenario` prices the scenario's accounts (the pipeline every operation shares).
pub fn what_if(value: &Value, price_scenario: PriceScenario) -> WhatIf {
    let mut diagnostics = Vec::new();
    let root = Node::root(value);
    let mut r = Reader::default();
    let required = decimal_field(&root, "requiredWindowDays", &mut r).unwrap_or_default();
    let plans: Vec<Plan> = match root.get("options") {
        Some(list) => list.items().iter().filter_map(|o| read_option(o, &mut r)).collect(),
        None => default_plans(),
    };
    diagnostics.append(&mut r.diags);
    let empty = |name, diagnostics| WhatIf {
        name,
        currency: None,
        required_window_days: required.map(money::quantity),
        options: Vec::new(),
        cheapest: None,
        diagnostics,
    };
    let Some((account, sheet)) = first_priced(value, price_scenario, &mut diagnostics) else {
        return empty(None, diagnostics);
    };
    diagnostics.extend(account.diagnostics.iter().cloned());
    let Some(base) = account.profile.clone() else {
        dedupe(&mut diagnostics);
        return empty(Some(account.name), diagnostics);
    };
    let required_hours = required.and_then(|d| money::mul(d, Decimal::from(24)));
    let mut options = Vec::new();
    for plan in plans {
        let mut p = base.clone();
        p.plan = plan;
        if plan != base.plan {
            // The option's policy is the option's own: values of the document's policy that
            // could not be read don't make it incomplete (usage gaps still do).
            let policy = p.policy_path.as_str().to_string();
            p.gaps.retain(|g| !g.path.as_str().starts_with(&policy));
        }
        let priced = formulas::price(&p, &sheet);
        let (label, policy, window_hours, every) = describe(plan);
        let reason = availability(plan, account.api);
        let window_days = Decimal::from(window_hours)
            .checked_div(Decimal::from(24))
            .unwrap_or_default();
        options.push(WhatIfOption {
            label,
            policy,
            window_hours,
            window_days: money::quantity(window_days.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)),
            restore_point_every_minutes: every,
            restore: if matches!(plan, Plan::Continuous(_)) {
                "selfService"
            } else {
                "supportRequest"
            }
            .to_string(),
            current: plan == base.plan,
            available: reason.is_none(),
            reason,
            meets_window: required_hours.map(|h| Decimal::from(window_hours) >= h),
            monthly_total: priced.cost.monthly_total,
            per_restore: priced.cost.per_restore,
            complete: priced.complete,
            lines: priced.cost.lines,
        });
        // Missing prices matter once; legacy-meter and note findings repeat per option.
        diagnostics.extend(
            priced
                .diagnostics
                .into_iter()
                .filter(|d| d.code != "pricing.periodic-restore-via-support"),
        );
    }
    let cheapest = options
        .iter()
        .filter(|o| o.available && o.complete && o.meets_window != Some(false))
        .min_by(|a, b| {
            let x = money::parse(&a.monthly_total).unwrap_or_default();
            let y = money::parse(&b.monthly_total).unwrap_or_default();
            x.cmp(&y).then(b.window_hours.cmp(&a.window_hours))
        })
        .map(|o| o.label.clone());
    dedupe(&mut diagnostics);
    WhatIf {
        name: Some(account.name),
        currency: Some(sheet.currency.clone()),
        required_window_days: required.map(money::quantity),
        options,
        cheapest,
        diagnostics,
    }
}
