//! The price sheet: list prices per region and meter, each with its unit, effective date and
//! source. The default sheet is built once from the embedded CSV ([`default_sheet`]); a user's
//! `priceSheet` (another currency, negotiated prices, a newer Retail Prices API snapshot, or
//! single overrides) is read on top of it by [`Sheet::with_user`], with a diagnostic for every
//! bad entry.

use super::money;
use super::rules::*;
use crate::model::region_key;
use crate::node::Node;
use crate::suggest::enum_help;
use crate::values::{Reader, clip};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// A billing meter the formulas use.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Meter {
    /// `Azure Cosmos DB Snapshot | Standard | Backup Data Stored` — the legacy single periodic meter.
    PeriodicLegacy,
    /// `Periodic Backup - LRS Data Stored` (redundancy `Local`).
    PeriodicLocal,
    /// `Periodic Backup - ZRS Data Stored` (redundancy `Zone`).
    PeriodicZone,
    /// `Periodic Backup - RA-GRS Data Stored` (redundancy `Geo`).
    PeriodicGeo,
    /// `Cont 30D Bckp Continuous Backup`.
    Continuous30Days,
    /// `Cont 7D Bkup Continuous Backup` (free).
    Continuous7Days,
    /// `Cont 30D Bckp Data Restore` (the 7- and 30-day tiers).
    Restore,
    /// The preview `Continuous35Days` tier's backup storage: no public price or Retail Prices
    /// meter is known, so the default sheet has none and only a user `priceSheet` prices it.
    Continuous35Days,
    /// Restores of a `Continuous35Days` account: no public price, like [`Meter::Continuous35Days`].
    Restore35Days,
    /// Cosmos DB for PostgreSQL `Backup LRS Data Stored`.
    PostgresBackupLocal,
    /// Cosmos DB for PostgreSQL `Backup GRS Data Stored`.
    PostgresBackupGeo,
}

/// Every meter, in sheet order.
pub const METERS: &[Meter] = &[
    Meter::PeriodicLegacy,
    Meter::PeriodicLocal,
    Meter::PeriodicZone,
    Meter::PeriodicGeo,
    Meter::Continuous30Days,
    Meter::Continuous7Days,
    Meter::Restore,
    Meter::Continuous35Days,
    Meter::Restore35Days,
    Meter::PostgresBackupLocal,
    Meter::PostgresBackupGeo,
];

/// The meter ids a user sheet may name.
pub const METER_IDS: &[&str] = &[
    "periodicLegacy",
    "periodicLocal",
    "periodicZone",
    "periodicGeo",
    "continuous30Days",
    "continuous7Days",
    "restore",
    "continuous35Days",
    "restore35Days",
    "postgresBackupLocal",
    "postgresBackupGeo",
];

impl Meter {
    /// The id users write (`continuous30Days`).
    pub fn id(self) -> &'static str {
        match self {
            Meter::PeriodicLegacy => "periodicLegacy",
            Meter::PeriodicLocal => "periodicLocal",
            Meter::PeriodicZone => "periodicZone",
            Meter::PeriodicGeo => "periodicGeo",
            Meter::Continuous30Days => "continuous30Days",
            Meter::Continuous7Days => "continuous7Days",
            Meter::Restore => "restore",
            Meter::Continuous35Days => "continuous35Days",
            Meter::Restore35Days => "restore35Days",
            Meter::PostgresBackupLocal => "postgresBackupLocal",
            Meter::PostgresBackupGeo => "postgresBackupGeo",
        }
    }

    /// Parses an id, case-insensitively.
    pub fn from_id(id: &str) -> Option<Meter> {
        METERS.iter().copied().find(|m| m.id().eq_ignore_ascii_case(id.trim()))
    }

    /// The Azure Retail Prices identity: `(productName, skuName, meterName)`.
    pub fn azure(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Meter::PeriodicLegacy => ("Azure Cosmos DB Snapshot", "Standard", "Backup Data Stored"),
            Meter::PeriodicLocal => (
                "Azure Cosmos DB Snapshot",
                "Periodic Backup - LRS",
                "Periodic Backup - LRS Data Stored",
            ),
            Meter::PeriodicZone => (
                "Azure Cosmos DB Snapshot",
                "Periodic Backup - ZRS",
                "Periodic Backup - ZRS Data Stored",
            ),
            Meter::PeriodicGeo => (
                "Azure Cosmos DB Snapshot",
                "Periodic Backup - RA-GRS",
                "Periodic Backup - RA-GRS Data Stored",
            ),
            Meter::Continuous30Days => ("Azure Cosmos DB - PITR", "Backup", "Cont 30D Bckp Continuous Backup"),
            Meter::Continuous7Days => (
                "Azure Cosmos DB - PITR",
                "Cont 7D Bkup",
                "Cont 7D Bkup Continuous Backup",
            ),
            Meter::Restore => ("Azure Cosmos DB - PITR", "Backup", "Cont 30D Bckp Data Restore"),
            // No Retail Prices meter is documented for the preview tier: an empty meter name
            // matches no CSV row (`from_azure` needs exactly one hit), so only `priceSheet` prices it.
            Meter::Continuous35Days | Meter::Restore35Days => ("Azure Cosmos DB - PITR", "", ""),
            Meter::PostgresBackupLocal => (
                "Azure Cosmos DB for PostgreSQL Backup Storage",
                "Backup LRS",
                "Backup LRS Data Stored",
            ),
            Meter::PostgresBackupGeo => (
                "Azure Cosmos DB for PostgreSQL Backup Storage",
                "Backup GRS",
                "Backup GRS Data Stored",
            ),
        }
    }

    /// The meter of a Retail Prices row. `productName` may be empty when the meter name is
    /// unique among the backup meters.
    pub fn from_azure(product: &str, meter_name: &str) -> Option<Meter> {
        let hits: Vec<Meter> = METERS
            .iter()
            .copied()
            .filter(|m| {
                let (p, _, n) = m.azure();
                n.eq_ignore_ascii_case(meter_name.trim())
                    && (product.is_empty() || p.eq_ignore_ascii_case(product.trim()))
            })
            .collect();
        match hits.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The unit the meter bills in.
    pub fn unit(self) -> &'static str {
        match self {
            Meter::Restore | Meter::Restore35Days => "GB",
            Meter::PostgresBackupLocal | Meter::PostgresBackupGeo => "GiB-month",
            _ => "GB-month",
        }
    }
}

/// One price.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Price {
    /// Normalised region key (`westus`).
    pub region: String,
    /// The meter.
    pub meter: Meter,
    /// The Azure meter name.
    pub meter_name: String,
    /// Unit of measure as the source gives it (`1 GB/Month`).
    pub unit_of_measure: String,
    /// Price per unit, as a decimal string.
    #[serde(with = "decimal_text")]
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub unit_price: Decimal,
    /// ISO 4217 currency.
    pub currency: String,
    /// When the price took effect (or was observed), as the source gives it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub effective_date: String,
    /// Where the price comes from (repository, path and commit, or the user's sheet).
    pub source: String,
    /// Provenance remarks (other sources that agree or differ).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

mod decimal_text {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::money::price(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let text = String::deserialize(d)?;
        super::money::parse(&text).ok_or_else(|| serde::de::Error::custom("not a decimal"))
    }
}

/// A price sheet: one currency, prices by region and meter.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sheet {
    /// A label (`Azure retail prices (default)`).
    pub name: String,
    /// ISO 4217 currency of every price.
    pub currency: String,
    /// The rounding rule applied to amounts.
    pub rounding: String,
    /// `redundancy` (default): periodic storage is billed at the redundancy's meter (LRS, ZRS,
    /// RA-GRS), falling back to the legacy meter where a region lists none; `legacy`: always the
    /// legacy `Backup Data Stored` meter (what infracost and the docs' example use).
    pub periodic_meter: PeriodicMeter,
    /// Prices by `(region, meter)`.
    #[serde(with = "price_list")]
    #[cfg_attr(feature = "ts", tsify(type = "Price[]"))]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Price>"))]
    pub prices: BTreeMap<(String, Meter), Price>,
}

mod price_list {
    use super::{Meter, Price};
    use serde::{Deserialize, Deserializer, Serializer};
    use std::collections::BTreeMap;

    pub fn serialize<S: Serializer>(m: &BTreeMap<(String, Meter), Price>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(m.values())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<(String, Meter), Price>, D::Error> {
        let list = Vec::<Price>::deserialize(d)?;
        Ok(list.into_iter().map(|p| ((p.region.clone(), p.meter), p)).collect())
    }
}

/// Which meter periodic backup storage is billed at.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PeriodicMeter {
    /// The redundancy's meter (`Periodic Backup - LRS/ZRS/RA-GRS Data Stored`).
    #[default]
    Redundancy,
    /// The legacy single meter `Backup Data Stored`.
    Legacy,
}

/// The documented rounding rule, as the sheet states it.
pub const ROUNDING: &str = "each line amount = quantity × unitPrice rounded to the cent, half away from zero; totals are sums of rounded lines";

impl Sheet {
    /// An empty sheet in a currency.
    pub fn empty(name: &str, currency: &str) -> Self {
        Self {
            name: name.to_string(),
            currency: currency.to_string(),
            rounding: ROUNDING.to_string(),
            periodic_meter: PeriodicMeter::Redundancy,
            prices: BTreeMap::new(),
        }
    }

    /// The price of a meter in a region (`West US` or `westus`).
    pub fn get(&self, region: &str, meter: Meter) -> Option<&Price> {
        self.prices.get(&(region_key(region), meter))
    }

    /// True when the sheet has any price for the region.
    pub fn has_region(&self, region: &str) -> bool {
        let key = region_key(region);
        self.prices
            .range((key.clone(), Meter::PeriodicLegacy)..)
            .next()
            .is_some_and(|((r, _), _)| *r == key)
    }

    /// The regions the sheet covers.
    pub fn regions(&self) -> BTreeSet<String> {
        self.prices.keys().map(|(r, _)| r.clone()).collect()
    }

    /// Adds or replaces a price.
    pub fn insert(&mut self, p: Price) {
        self.prices.insert((p.region.clone(), p.meter), p);
    }

    /// The sheet a scenario prices with: `base`, or a user `priceSheet` read on top of it.
    /// Findings about the user's sheet go to `r`.
    pub fn with_user<'b, 'a>(
        base: &'b Sheet,
        user: Option<&Node<'a>>,
        r: &mut Reader<'a>,
    ) -> std::borrow::Cow<'b, Sheet> {
        match user {
            None => std::borrow::Cow::Borrowed(base),
            Some(node) => std::borrow::Cow::Owned(read_user(base, node, r)),
        }
    }
}

/// Builds a sheet from CSV rows (the snapshot's columns). Rows for other meters are skipped.
pub fn from_csv(text: &str, sheet: &mut Sheet) {
    for row in super::csv::rows(text) {
        let Some(meter) = Meter::from_azure(row.get("productName"), row.get("meterName")) else {
            continue;
        };
        let Some(unit_price) = money::parse(row.get("retailPrice")) else {
            continue;
        };
        let commit = row.get("source_commit");
        let source = if commit.is_empty() {
            format!("{}: {}", row.get("source_repo"), row.get("source_path"))
        } else {
            format!("{}/{}@{}", row.get("source_repo"), row.get("source_path"), commit)
        };
        sheet.insert(Price {
            region: region_key(row.get("armRegionName")),
            meter,
            meter_name: row.get("meterName").to_string(),
            unit_of_measure: row.get("unitOfMeasure").to_string(),
            unit_price,
            currency: row.get("currencyCode").to_string(),
            effective_date: row.get("effectiveStartDate").to_string(),
            source,
            note: row.get("note").to_string(),
        });
    }
}

static DEFAULT: LazyLock<Sheet> = LazyLock::new(|| {
    let mut s = Sheet::empty(
        "Azure retail prices, USD (snapshot of 14 regions + westus/eastus from the documents)",
        "USD",
    );
    from_csv(super::csv::PRICES, &mut s);
    from_csv(super::csv::SUPPLEMENT, &mut s);
    s
});

/// The default sheet, built once per process from the embedded CSV.
///
/// ```
/// use cosmos_backup::pricing::sheet::{default_sheet, Meter};
/// let p = default_sheet().get("West US 2", Meter::Continuous30Days).unwrap();
/// assert_eq!(p.unit_price.to_string(), "0.2");
/// ```
pub fn default_sheet() -> &'static Sheet {
    &DEFAULT
}

/// The currency of a sheet that names none, when every entry names the same one (a list of
/// Retail Prices API items); `None` when an entry names none or they differ (one odd entry is
/// that entry's `pricing.currency-mismatch`, not a change of the sheet's currency).
fn entries_currency(entries: &[Node<'_>]) -> Option<String> {
    let mut named = entries.iter().map(|e| {
        e.get_any(&["currency", "currencyCode"])
            .and_then(|c| c.as_str().map(|c| c.trim().to_ascii_uppercase()))
    });
    let first = named.next()??;
    named.all(|c| c.as_deref() == Some(first.as_str())).then_some(first)
}

/// Reads a user's `priceSheet` on top of `base`.
///
/// Accepted shapes: `{currency?, name?, mode?: "override"|"replace", prices|items|Items: [entry]}`,
/// or a bare array of entries. An entry is `{region|armRegionName, meter | meterName (+ productName),
/// unitPrice|retailPrice, currency|currencyCode?, effectiveDate|effectiveStartDate?, source?}`, so a
/// Retail Prices API response can be pasted as is. `mode` defaults to `replace` when the
/// sheet's currency differs from the base sheet's, else `override`.
fn read_user<'a>(base: &Sheet, node: &Node<'a>, r: &mut Reader<'a>) -> Sheet {
    let (entries, currency, name, mode) = if node.value.is_array() {
        (node.items(), None, None, None)
    } else {
        let list = node
            .get_any(&["prices", "items"])
            .map(|l| l.items())
            .unwrap_or_default();
        // `BillingCurrency`: how a Retail Prices API answer names its currency.
        let cur = node
            .get_any(&["currency", "currencyCode", "BillingCurrency"])
            .and_then(|c| c.as_str())
            .map(|c| c.trim().to_ascii_uppercase());
        let name = node.get("name").and_then(|n| n.as_str()).map(str::to_string);
        let mode = node.get("mode");
        (list, cur, name, mode)
    };
    // No currency on the sheet: the one its entries all name (a list of Retail Prices API
    // items in EUR is a EUR sheet), else the base sheet's.
    let currency = currency
        .or_else(|| entries_currency(&entries))
        .unwrap_or_else(|| base.currency.clone());
    let replace = match &mode {
        Some(m) => match m.as_str() {
            Some(t) if t.eq_ignore_ascii_case("replace") => true,
            Some(t) if t.eq_ignore_ascii_case("override") => false,
            _ => {
                r.push(INVALID_PLAN.at(
                    &m.path,
                    format!(
                        "`mode` is `{}`, not `override` or `replace`",
                        clip(&m.value.to_string())
                    ),
                    "use `override` (change single prices of the default sheet) or `replace` (use only this sheet)",
                ));
                currency != base.currency
            }
        },
        None => currency != base.currency,
    };
    if !replace && currency != base.currency {
        let path = node
            .get_any(&["currency", "currencyCode"])
            .map(|c| c.path)
            .unwrap_or_else(|| node.path.clone());
        r.push(CURRENCY_MISMATCH.at(
            &path,
            format!(
                "`currency` is `{currency}`, but `mode` is `override` and the default sheet is in `{}`",
                base.currency
            ),
            format!(
                "use `\"mode\": \"replace\"` with a full {currency} sheet, or give the overrides in {}",
                base.currency
            ),
        ));
    }
    let mut sheet = if replace {
        Sheet::empty(name.as_deref().unwrap_or("user price sheet"), &currency)
    } else {
        let mut s = base.clone();
        s.name = format!(
            "{} with overrides{}",
            base.name,
            name.map(|n| format!(" ({n})")).unwrap_or_default()
        );
        s
    };
    if let Some(pm) = node.get("periodicMeter") {
        match pm.as_str() {
            Some(t) if t.eq_ignore_ascii_case("legacy") => sheet.periodic_meter = PeriodicMeter::Legacy,
            Some(t) if t.eq_ignore_ascii_case("redundancy") => sheet.periodic_meter = PeriodicMeter::Redundancy,
            _ => r.push(UNKNOWN_METER.at(
                &pm.path,
                format!(
                    "`periodicMeter` is `{}`, not `redundancy` or `legacy`",
                    clip(&pm.value.to_string())
                ),
                "use `redundancy` (LRS/ZRS/RA-GRS meters) or `legacy` (`Backup Data Stored`)",
            )),
        }
    }
    let mut skipped = 0usize;
    for e in entries {
        match entry(&e, &sheet.currency, r) {
            Entry::Price(p) => sheet.insert(p),
            Entry::Skipped => skipped = skipped.saturating_add(1),
            Entry::Bad => {}
        }
    }
    if skipped > 0 {
        r.push(ROWS_SKIPPED.at(
            &node.path,
            format!("`priceSheet` has {skipped} rows for meters that are not backup or restore meters"),
            "nothing to fix: only backup storage and restore meters are used",
        ));
    }
    sheet
}

enum Entry {
    Price(Price),
    Skipped,
    Bad,
}

fn entry<'a>(e: &Node<'a>, currency: &str, r: &mut Reader<'a>) -> Entry {
    let region = e
        .get_any(&["region", "armRegionName", "location"])
        .and_then(|x| x.as_str())
        .map(str::to_string);
    let meter = match (e.get("meter"), e.get("meterName")) {
        (Some(m), _) => match m.as_str().and_then(Meter::from_id) {
            Some(meter) => Some(meter),
            None => {
                let given = m.as_str().map(str::to_string).unwrap_or_else(|| m.value.to_string());
                r.push(UNKNOWN_METER.at(
                    &m.path,
                    format!("`meter` is `{}`, which is not a known meter", clip(&given)),
                    enum_help(&given, METER_IDS),
                ));
                return Entry::Bad;
            }
        },
        (None, Some(n)) => {
            let product = e.get("productName").and_then(|p| p.as_str()).unwrap_or("");
            match n.as_str().and_then(|name| Meter::from_azure(product, name)) {
                Some(m) => Some(m),
                // A Retail Prices row for another meter (RU storage, vCore…): skipped.
                None => return Entry::Skipped,
            }
        }
        (None, None) => None,
    };
    let price_node = e.get_any(&["unitPrice", "retailPrice", "price"]);
    let (Some(region), Some(meter), Some(price_node)) = (region, meter, price_node) else {
        let missing: Vec<&str> = [
            (!e.has("region") && !e.has("armRegionName") && !e.has("location")).then_some("`region`"),
            (!e.has("meter") && !e.has("meterName")).then_some("`meter`"),
            (!e.has("unitPrice") && !e.has("retailPrice") && !e.has("price")).then_some("`unitPrice`"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let what = if missing.is_empty() {
            "a usable `region`".to_string()
        } else {
            missing.join(", ")
        };
        r.push(ENTRY_INCOMPLETE.at(&e.path, format!("the price-sheet entry has no {what}"), "give `region` (`westus` or `West US`), `meter` (e.g. `continuous30Days`) and `unitPrice` (a decimal string such as `\"0.20\"`)"));
        return Entry::Bad;
    };
    let Some(unit_price) = money::from_json(price_node.value) else {
        r.push(INVALID_PRICE.at(
            &price_node.path,
            format!(
                "the price of `{}` in `{region}` is `{}`, not a decimal number",
                meter.id(),
                clip(&price_node.value.to_string())
            ),
            "write the price as a decimal string, e.g. `\"0.20\"`",
        ));
        return Entry::Bad;
    };
    if unit_price.is_sign_negative() && !unit_price.is_zero() {
        r.push(NEGATIVE_PRICE.at(
            &price_node.path,
            format!(
                "the price of `{}` in `{region}` is `{unit_price}`, below zero",
                meter.id()
            ),
            "use a price of `0` or more (a free meter is `0`)",
        ));
        return Entry::Bad;
    }
    if meter == Meter::Continuous7Days && !unit_price.is_zero() {
        r.push(FREE_TIER_PRICED.at(
            &price_node.path,
            format!("the price of `continuous7Days` in `{region}` is `{unit_price}`, but 7-day storage is free"),
            "remove the entry (it is ignored): \"Continuous 7-day tier does not incur charges for backup of the data\"; restores are priced by the `restore` meter",
        ));
        return Entry::Bad;
    }
    if let Some(c) = e.get_any(&["currency", "currencyCode"]) {
        let given = c.as_str().unwrap_or("").trim().to_ascii_uppercase();
        if given != currency {
            r.push(CURRENCY_MISMATCH.at(
                &c.path,
                format!(
                    "the price of `{}` in `{region}` is in `{}`, but the sheet is in `{currency}`",
                    meter.id(),
                    clip(&given)
                ),
                format!(
                    "convert the price to {currency}, or give the whole sheet in {} with `\"mode\": \"replace\"`",
                    clip(&given)
                ),
            ));
            return Entry::Bad;
        }
    }
    let text = |keys: &[&str]| e.get_any(keys).and_then(|x| x.as_str()).unwrap_or("").to_string();
    let source = text(&["source"]);
    Entry::Price(Price {
        region: region_key(&region),
        meter,
        meter_name: meter.azure().2.to_string(),
        unit_of_measure: {
            let u = text(&["unitOfMeasure", "unit"]);
            if u.is_empty() { format!("1 {}", meter.unit()) } else { u }
        },
        unit_price,
        currency: currency.to_string(),
        effective_date: text(&["effectiveDate", "effectiveStartDate"]),
        source: if source.is_empty() {
            format!("priceSheet{}", e.path.as_str())
        } else {
            source
        },
        note: String::new(),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test code")]
    use super::*;

    #[test]
    fn embedded_snapshot_equals_the_shared_csv() {
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/azure_retail_prices_cosmos_backup.csv");
        let text = std::fs::read_to_string(shared).unwrap();
        assert_eq!(super::super::csv::SNAPSHOT, text);
    }

    #[test]
    fn compact_table_is_the_snapshot_filtered_and_prices_the_same() {
        use super::super::csv::{PRICES, SNAPSHOT, SUPPLEMENT, compact};
        let want = compact(SNAPSHOT);
        if std::env::var_os("COSMOS_BACKUP_WRITE_COMPACT").is_some() {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/prices-compact.csv");
            std::fs::write(path, &want).unwrap();
        }
        assert!(
            PRICES == want,
            "data/prices-compact.csv is stale: run COSMOS_BACKUP_WRITE_COMPACT=1 cargo test -p cosmos-backup compact"
        );
        let (mut full, mut small) = (Sheet::empty("x", "USD"), Sheet::empty("x", "USD"));
        from_csv(SNAPSHOT, &mut full);
        from_csv(SUPPLEMENT, &mut full);
        from_csv(PRICES, &mut small);
        from_csv(SUPPLEMENT, &mut small);
        assert_eq!(full, small);
        assert_eq!(&small.prices, &default_sheet().prices);
    }

    #[test]
    fn default_sheet_covers_every_csv_region_and_westus_eastus() {
        let sheet = default_sheet();
        let regions = sheet.regions();
        for row in super::super::csv::rows(super::super::csv::SNAPSHOT) {
            assert!(
                regions.contains(row.get("armRegionName")),
                "{}",
                row.get("armRegionName")
            );
        }
        assert_eq!(regions.len(), 16);
        for m in [
            Meter::PeriodicLegacy,
            Meter::Continuous30Days,
            Meter::Continuous7Days,
            Meter::Restore,
        ] {
            for r in &regions {
                if *r == "eastus" && m == Meter::Continuous30Days {
                    continue;
                }
                assert!(sheet.get(r, m).is_some(), "{r} {m:?}");
            }
        }
        assert!(
            sheet.get("eastus", Meter::Continuous30Days).is_none(),
            "no source gives eastus continuous 30-day"
        );
    }

    #[test]
    fn default_prices_match_pricing_md() {
        let s = default_sheet();
        let p = |r: &str, m: Meter| s.get(r, m).unwrap().unit_price.to_string();
        assert_eq!(p("eastus2", Meter::PeriodicLegacy), "0.12");
        assert_eq!(p("eastus2", Meter::PeriodicLocal), "0.1");
        assert_eq!(p("eastus2", Meter::PeriodicZone), "0.125");
        assert_eq!(p("eastus2", Meter::PeriodicGeo), "0.2");
        assert_eq!(p("centralus", Meter::Continuous30Days), "0.246");
        assert_eq!(p("centralus", Meter::Restore), "0.184");
        assert_eq!(p("West US", Meter::Continuous30Days), "0.20");
        assert_eq!(p("westus", Meter::Restore), "0.15");
        assert_eq!(p("westus", Meter::PeriodicLegacy), "0.12");
        assert_eq!(p("eastus", Meter::PeriodicGeo), "0.20");
        assert_eq!(p("brazilsouth", Meter::PostgresBackupGeo), "0");
        assert!(s.get("westus", Meter::PeriodicGeo).is_none());
        assert!(s.get("swedencentral", Meter::PeriodicLocal).is_none());
        assert!(
            s.get("westus", Meter::Continuous30Days)
                .unwrap()
                .source
                .contains("continuous-backup-restore-introduction.md")
        );
        assert!(
            s.get("eastus2", Meter::Restore)
                .unwrap()
                .source
                .contains("31f894ae29cc7d61e973db6f6ddff710d68a4fb2")
        );
    }
}
