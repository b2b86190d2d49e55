//! The formulas, each with its source. Pure functions of a [`Profile`] and a [`Sheet`].
//!
//! | what | formula | source |
//! |---|---|---|
//! | periodic storage | `copies = ⌊retention ÷ interval⌋`; `billed = max(0, copies − 2)`; `billed × dataGb × price(writeRegion, redundancy meter)` | [PBR] "two backups are provided free"; "taken only in the write region"; example `0.12 * 1000 * 8` |
//! | continuous 30-day storage | `price(region) × dataGb`, one line per region | [CBI] "$0.20/GB * Data size in GB in account * Number of regions" |
//! | continuous 7-day storage | `0` (the sheet's `Cont 7D` meter is `0`) | [CBI] "Continuous 7-day tier does not incur charges for backup of the data" |
//! | restore (both continuous tiers) | `price(restoreRegion) × restoreSizeGb`, once per restore | [CBI] "Every restore API invocation incurs a one time charge" |
//! | periodic restore | none (support request) | [PRDR] |
//! | Cosmos DB for PostgreSQL | `price(region, LRS or GRS meter) × backupGb` | [PGB]: "see the pricing page"; the Retail API lists $0 |
//!
//! Non-whole `retention ÷ interval` ratios are rounded **down** (as infracost does): a backup
//! taken every `I` hours and kept `R` hours leaves `⌊R/I⌋` complete copies at the moment a new
//! one lands; the diagnostic `pricing.copies-floored` says so.

use super::money;
use super::rules::*;
use super::sheet::{Meter, PeriodicMeter, Price, Sheet};
use super::{Cost, CostLine, LineKind};
use crate::diagnostics::Diagnostic;
use crate::model::region_key;
use crate::pointer::Pointer;
use crate::policy::types::{Redundancy, Tier};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A region as the user wrote it, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// The name as written (`West US` or `westus`).
    pub name: String,
    /// Where it is in the user's document.
    pub path: Pointer,
}

impl Region {
    /// A region at a path.
    pub fn new(name: &str, path: Pointer) -> Self {
        Self {
            name: name.to_string(),
            path,
        }
    }

    /// Normalised key (`westus`).
    pub fn key(&self) -> String {
        region_key(&self.name)
    }
}

/// What is billed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Periodic backup.
    Periodic {
        /// Minutes between backups.
        interval_minutes: i64,
        /// Hours each backup is kept.
        retention_hours: i64,
        /// Storage redundancy.
        redundancy: Redundancy,
    },
    /// Continuous backup in a tier.
    Continuous(Tier),
    /// A Cosmos DB for PostgreSQL cluster (geo-redundant backup or not).
    Postgres {
        /// `enableGeoBackup`.
        geo: bool,
    },
}

/// Everything a price depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The billed policy.
    pub plan: Plan,
    /// The write region (periodic backups and, by default, restores are priced there).
    pub write_region: Option<Region>,
    /// Every region of the account (continuous backups are taken in each).
    pub regions: Vec<Region>,
    /// Data size in GB (backup size for PostgreSQL).
    pub data_gb: Decimal,
    /// Restores per month (0 when not given).
    pub restores_per_month: Decimal,
    /// GB restored per restore (default: the data size).
    pub restore_gb: Decimal,
    /// Region the restore is priced in (default: the write region).
    pub restore_region: Option<Region>,
    /// Where the policy is (for policy-related findings).
    pub policy_path: Pointer,
    /// Where the usage is (for overflow findings).
    pub usage_path: Pointer,
    /// Values the cost rests on that could not be read (a service default stands in for them):
    /// a cost with any is incomplete.
    pub gaps: Vec<Gap>,
}

/// A value a cost rests on that could not be read or priced: the cost leaves it out or assumes
/// a default for it, so the cost is incomplete and says which value.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Gap {
    /// Where the value is (or would be) in the user's document.
    pub path: Pointer,
    /// The field or price it is (`backupIntervalInMinutes`, `continuous30Days`).
    pub field: String,
    /// Why it is a gap, in one line.
    pub reason: String,
}

/// A priced profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Priced {
    /// The cost.
    pub cost: Cost,
    /// Exact monthly total (sum of rounded lines).
    pub monthly: Decimal,
    /// Exact cost of one restore (rounded to the cent).
    pub per_restore: Decimal,
    /// False when a value or price the cost rests on is missing (see `cost.incomplete`).
    pub complete: bool,
    /// Findings (missing prices, legacy meter, notes as infos).
    pub diagnostics: Vec<Diagnostic>,
}

struct Builder<'s> {
    sheet: &'s Sheet,
    lines: Vec<CostLine>,
    amounts: Vec<Decimal>,
    notes: Vec<String>,
    diags: Vec<Diagnostic>,
    /// What the cost leaves out or assumes (empty: the cost is complete).
    gaps: Vec<Gap>,
    usage_path: Pointer,
    /// Regions already reported as missing from the sheet (one finding per region).
    missing: Vec<String>,
}

impl<'s> Builder<'s> {
    fn lookup(&mut self, region: &Region, meter: Meter, what: &str) -> Option<&'s Price> {
        if let Some(p) = self.sheet.get(&region.name, meter) {
            return Some(p);
        }
        let reason = format!(
            "no `{}` price for `{}`; {what} is left out of the total",
            meter.id(),
            region.key()
        );
        self.notes.push(format!("incomplete: {reason}"));
        self.gaps.push(Gap {
            path: region.path.clone(),
            field: meter.id().to_string(),
            reason,
        });
        // No public price exists for the preview 35-day meters: don't suggest one.
        let example = if matches!(meter, Meter::Continuous35Days | Meter::Restore35Days) {
            "<your price: no public price is known for this preview tier>"
        } else {
            "0.20"
        };
        let help = format!(
            "add a price for `{}` in `{}` to `priceSheet`, e.g. {{\"region\": \"{}\", \"meter\": \"{}\", \"unitPrice\": \"{example}\"}}",
            meter.id(),
            region.key(),
            region.key(),
            meter.id()
        );
        if self.sheet.has_region(&region.name) {
            self.diags.push(PRICE_NOT_IN_SHEET.at(
                &region.path,
                format!(
                    "the price sheet has no `{}` price for region `{}`",
                    meter.id(),
                    region.name
                ),
                help,
            ));
        } else if !self.missing.contains(&region.key()) {
            self.missing.push(region.key());
            let regions: Vec<String> = self.sheet.regions().into_iter().collect();
            let names: Vec<&str> = regions.iter().map(String::as_str).collect();
            let guess = match crate::suggest::closest(&region.key(), &names) {
                Some(g) => format!("did you mean `{g}`? Otherwise "),
                None => String::new(),
            };
            self.diags.push(REGION_NOT_IN_SHEET.at(
                &region.path,
                format!("region `{}` is not in the price sheet", region.name),
                format!("{guess}{help}; the sheet covers {}", names.join(", ")),
            ));
        }
        None
    }

    fn overflow(&mut self) {
        self.gaps.push(Gap {
            path: self.usage_path.clone(),
            field: String::from("usage"),
            reason: String::from("the usage figures overflow exact decimal arithmetic"),
        });
        self.diags.push(INVALID_USAGE.at(
            &self.usage_path,
            "the usage figures overflow exact decimal arithmetic",
            "use sizes below 10^15 GB",
        ));
    }

    fn line(&mut self, kind: LineKind, region: &Region, quantity: Decimal, price: &Price) -> Option<Decimal> {
        let Some(exact) = money::mul(quantity, price.unit_price) else {
            self.overflow();
            return None;
        };
        let amount = money::round(exact);
        self.lines.push(CostLine {
            kind,
            region: region.key(),
            quantity: money::quantity(quantity),
            unit: price.meter.unit().to_string(),
            unit_price: money::price(price.unit_price),
            amount: money::cents(amount),
            currency: self.sheet.currency.clone(),
            meter: Some(price.meter_name.clone()),
            source: Some(price.source.clone()),
        });
        self.amounts.push(amount);
        Some(amount)
    }
}

/// Prices a profile with a sheet.
///
/// ```
/// use cosmos_backup::pricing::formulas::{price, Plan, Profile, Region};
/// use cosmos_backup::pricing::sheet::default_sheet;
/// use cosmos_backup::policy::types::Tier;
/// use cosmos_backup::pointer::Pointer;
/// let west = Region::new("West US", Pointer::root());
/// let p = Profile {
///     plan: Plan::Continuous(Tier::Continuous30Days),
///     write_region: Some(west.clone()),
///     regions: vec![west, Region::new("eastus2", Pointer::root())],
///     data_gb: 1000.into(), restores_per_month: 0.into(), restore_gb: 1000.into(),
///     restore_region: None, policy_path: Pointer::root(), usage_path: Pointer::root(),
///     gaps: Vec::new(),
/// };
/// let priced = price(&p, default_sheet());
/// assert_eq!(priced.cost.monthly_total, "400.00");
/// assert_eq!(priced.cost.per_restore, "150.00");
/// ```
pub fn price(p: &Profile, sheet: &Sheet) -> Priced {
    let mut b = Builder {
        sheet,
        lines: Vec::new(),
        amounts: Vec::new(),
        notes: Vec::new(),
        diags: Vec::new(),
        gaps: p.gaps.clone(),
        usage_path: p.usage_path.clone(),
        missing: Vec::new(),
    };
    let mut per_restore = Decimal::ZERO;
    match p.plan {
        Plan::Periodic {
            interval_minutes,
            retention_hours,
            redundancy,
        } => periodic(&mut b, p, interval_minutes, retention_hours, redundancy),
        Plan::Continuous(tier) => per_restore = continuous(&mut b, p, tier),
        Plan::Postgres { geo } => postgres(&mut b, p, geo),
    }
    let monthly = match money::sum(b.amounts.iter().copied()) {
        Some(m) => m,
        None => {
            b.overflow();
            Decimal::ZERO
        }
    };
    for g in &p.gaps {
        b.notes.push(format!("incomplete: {}", g.reason));
    }
    let complete = b.gaps.is_empty();
    Priced {
        cost: Cost {
            currency: sheet.currency.clone(),
            monthly_total: money::cents(monthly),
            per_restore: money::cents(per_restore),
            complete,
            incomplete: b.gaps,
            lines: b.lines,
            notes: b.notes,
        },
        monthly,
        per_restore,
        complete,
        diagnostics: b.diags,
    }
}

/// `⌊retention ÷ interval⌋` copies and whether the ratio was whole; `None` for a non-positive interval.
pub fn periodic_copies(interval_minutes: i64, retention_hours: i64) -> Option<(i64, bool)> {
    if interval_minutes <= 0 || retention_hours < 0 {
        return None;
    }
    let minutes = retention_hours.checked_mul(60)?;
    Some((
        minutes.checked_div(interval_minutes)?,
        minutes.checked_rem(interval_minutes)? == 0,
    ))
}

fn hours(minutes: i64) -> String {
    money::quantity(
        Decimal::from(minutes)
            .checked_div(Decimal::from(60))
            .unwrap_or_default(),
    )
}

fn periodic(b: &mut Builder<'_>, p: &Profile, interval: i64, retention: i64, redundancy: Redundancy) {
    b.diags.push(PERIODIC_RESTORE.at(
        &p.policy_path,
        "periodic-mode restores are requested from Azure support; `perRestore` is `0.00`",
        "nothing to fix; for self-service point-in-time restore (charged per GB restored) consider continuous backup",
    ));
    b.notes
        .push("periodic restores go through a support request: no self-service restore charge".to_string());
    let Some((copies, whole)) = periodic_copies(interval, retention) else {
        let reason = format!("interval `{interval}` min / retention `{retention}` h cannot give a copy count");
        b.notes.push(format!("incomplete: {reason}"));
        b.gaps.push(Gap {
            path: p.policy_path.clone(),
            field: String::from("periodicModeProperties"),
            reason,
        });
        return;
    };
    if !whole {
        b.diags.push(COPIES_FLOORED.at(
            &p.policy_path,
            format!("retention `{retention}` h is not a whole number of `{interval}`-minute intervals; {copies} copies are counted"),
            format!("nothing to fix; the average number of stored copies is {} h ÷ {} h, so the bill may be slightly higher", retention, hours(interval)),
        ));
    }
    let billed = copies.saturating_sub(2).max(0);
    let Some(region) = p.write_region.clone() else {
        return;
    };
    b.notes.push(format!(
        "periodic: {retention} h ÷ {} h = {copies} copies, 2 free, {billed} billed, in the write region `{}` only",
        hours(interval),
        region.key()
    ));
    let meter = match (b.sheet.periodic_meter, redundancy) {
        (PeriodicMeter::Legacy, _) => Meter::PeriodicLegacy,
        (_, Redundancy::Geo) => Meter::PeriodicGeo,
        (_, Redundancy::Local) => Meter::PeriodicLocal,
        (_, Redundancy::Zone) => Meter::PeriodicZone,
    };
    let price = match b.sheet.get(&region.name, meter) {
        Some(pr) => Some(pr),
        None if b.sheet.get(&region.name, Meter::PeriodicLegacy).is_some() => {
            b.diags.push(LEGACY_METER.at(
                &region.path,
                format!(
                    "the price sheet has no `{}` price for `{}`; the legacy `Backup Data Stored` price is used",
                    meter.id(),
                    region.name
                ),
                format!(
                    "add a `{}` price for `{}` to `priceSheet` to price `{}` redundancy exactly",
                    meter.id(),
                    region.key(),
                    redundancy.name()
                ),
            ));
            b.lookup(&region, Meter::PeriodicLegacy, "periodic backup storage")
        }
        None => b.lookup(&region, meter, "periodic backup storage"),
    };
    if let Some(pr) = price {
        match money::mul(Decimal::from(billed), p.data_gb) {
            Some(q) => {
                b.line(LineKind::PeriodicBackupStorage, &region, q, pr);
            }
            None => b.overflow(),
        }
    }
}

fn continuous(b: &mut Builder<'_>, p: &Profile, tier: Tier) -> Decimal {
    let (meter, restore_meter) = match tier {
        Tier::Continuous30Days => (Meter::Continuous30Days, Meter::Restore),
        Tier::Continuous7Days => (Meter::Continuous7Days, Meter::Restore),
        // Never the 30-day price nor free: no public source prices the preview tier.
        Tier::Continuous35Days => (Meter::Continuous35Days, Meter::Restore35Days),
    };
    let mut seen: Vec<String> = Vec::new();
    for region in &p.regions {
        let key = region.key();
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        if let Some(pr) = b.lookup(region, meter, "continuous backup storage") {
            b.line(LineKind::ContinuousBackupStorage, region, p.data_gb, pr);
        }
    }
    b.notes.push(match tier {
        Tier::Continuous30Days => format!(
            "continuous 30-day: data size × price, in each of the {} regions",
            seen.len()
        ),
        Tier::Continuous7Days => "continuous 7-day: backup storage is free; restores are charged".to_string(),
        Tier::Continuous35Days => format!(
            "continuous 35-day (preview): no public price was found for its backup storage or restores; they are priced only from `priceSheet` (`continuous35Days`, `restore35Days`), in each of the {} regions",
            seen.len()
        ),
    });
    let Some(region) = p.restore_region.clone().or_else(|| p.write_region.clone()) else {
        return Decimal::ZERO;
    };
    let Some(pr) = b.lookup(&region, restore_meter, "the restore charge") else {
        return Decimal::ZERO;
    };
    let Some(one) = money::mul(p.restore_gb, pr.unit_price).map(money::round) else {
        b.overflow();
        return Decimal::ZERO;
    };
    b.notes.push(format!(
        "restore: {} GB × {} per restore in `{}`, charged each time a restore is initiated",
        money::quantity(p.restore_gb),
        money::price(pr.unit_price),
        region.key()
    ));
    if p.restores_per_month > Decimal::ZERO {
        match money::mul(p.restores_per_month, p.restore_gb) {
            Some(q) => {
                b.line(LineKind::Restore, &region, q, pr);
            }
            None => b.overflow(),
        }
    }
    one
}

fn postgres(b: &mut Builder<'_>, p: &Profile, geo: bool) {
    let Some(region) = p.write_region.clone() else {
        return;
    };
    let meter = if geo {
        Meter::PostgresBackupGeo
    } else {
        Meter::PostgresBackupLocal
    };
    b.diags.push(POSTGRES_BACKUP.at(
        &p.policy_path,
        format!(
            "Cosmos DB for PostgreSQL backup storage in `{}` is priced at the sheet's `{}` meter",
            region.key(),
            meter.id()
        ),
        "nothing to fix; the Retail Prices API lists this meter at 0, pass `priceSheet` if your bill shows otherwise",
    ));
    if let Some(pr) = b.lookup(&region, meter, "PostgreSQL backup storage") {
        b.line(LineKind::PostgresBackupStorage, &region, p.data_gb, pr);
    }
    b.notes
        .push("Cosmos DB for PostgreSQL: restores create a new cluster; no restore meter is listed".to_string());
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test code")]
    use super::*;
    use crate::pricing::sheet::default_sheet;

    fn profile(plan: Plan, regions: &[&str], gb: i64) -> Profile {
        let regions: Vec<Region> = regions.iter().map(|r| Region::new(r, Pointer::root())).collect();
        Profile {
            plan,
            write_region: regions.first().cloned(),
            regions,
            data_gb: gb.into(),
            restores_per_month: Decimal::ZERO,
            restore_gb: gb.into(),
            restore_region: None,
            policy_path: Pointer::root(),
            usage_path: Pointer::root(),
            gaps: Vec::new(),
        }
    }

    #[test]
    fn a_misspelled_region_is_incomplete_with_a_guess() {
        let p = price(
            &profile(Plan::Continuous(Tier::Continuous30Days), &["westuz"], 100),
            default_sheet(),
        );
        assert!(!p.complete && !p.cost.complete);
        assert_eq!(p.cost.incomplete[0].field, "continuous30Days");
        let d = p
            .diagnostics
            .iter()
            .find(|d| d.code == "pricing.region-not-in-sheet")
            .unwrap();
        assert!(
            d.help.starts_with("did you mean `westus`? Otherwise add a price"),
            "{}",
            d.help
        );
    }

    #[test]
    fn copies_are_floored_and_two_are_free() {
        assert_eq!(periodic_copies(1440, 240), Some((10, true)));
        assert_eq!(periodic_copies(240, 8), Some((2, true)));
        assert_eq!(periodic_copies(180, 10), Some((3, false)));
        assert_eq!(periodic_copies(0, 8), None);
        assert_eq!(periodic_copies(60, -1), None);
    }

    #[test]
    fn docs_periodic_example_is_960() {
        let plan = Plan::Periodic {
            interval_minutes: 1440,
            retention_hours: 240,
            redundancy: Redundancy::Geo,
        };
        let p = price(&profile(plan, &["West US"], 1000), default_sheet());
        assert_eq!(p.cost.monthly_total, "960.00");
        assert_eq!(p.cost.lines[0].quantity, "8000");
        assert_eq!(p.diagnostics[1].code, "pricing.legacy-periodic-meter");
    }

    #[test]
    fn seed_003_is_400_and_150() {
        let p = price(
            &profile(Plan::Continuous(Tier::Continuous30Days), &["westus", "East US 2"], 1000),
            default_sheet(),
        );
        assert_eq!(
            (p.cost.monthly_total.as_str(), p.cost.per_restore.as_str()),
            ("400.00", "150.00")
        );
        assert!(p.complete);
    }

    #[test]
    fn a_region_listed_twice_is_billed_once() {
        let p = price(
            &profile(Plan::Continuous(Tier::Continuous30Days), &["westus", "West US"], 1000),
            default_sheet(),
        );
        assert_eq!(p.cost.monthly_total, "200.00");
    }

    #[test]
    fn missing_region_is_reported_not_zeroed() {
        let p = price(
            &profile(Plan::Continuous(Tier::Continuous30Days), &["norwayeast"], 1000),
            default_sheet(),
        );
        assert!(!p.complete);
        assert_eq!(p.diagnostics[0].code, "pricing.region-not-in-sheet");
        assert!(p.diagnostics[0].message.contains("norwayeast"));
        assert!(p.cost.notes.iter().any(|n| n.starts_with("incomplete")));
    }

    #[test]
    fn huge_sizes_do_not_panic() {
        let mut pr = profile(Plan::Continuous(Tier::Continuous30Days), &["westus"], 1);
        pr.data_gb = Decimal::MAX;
        pr.restore_gb = Decimal::MAX;
        pr.restores_per_month = Decimal::MAX;
        let p = price(&pr, default_sheet());
        assert!(!p.complete);
        assert!(p.diagnostics.iter().any(|d| d.code == "pricing.invalid-usage"));
    }
}
