//! Periodic-mode rules: interval and retention ranges, the 2 × interval rule, redundancy.

use super::LocationInfo;
use super::parse::PolicyDoc;
use super::rules::*;
use super::types::Redundancy;
use crate::model::{Account, region_key};
use crate::pointer::Pointer;
use crate::values::Reader;

/// Interval bounds in minutes ([PMI]: "can't be less than 1 hour and greater than 24 hours").
pub const INTERVAL_MIN: i64 = 60;
/// Upper interval bound in minutes.
pub const INTERVAL_MAX: i64 = 1440;
/// Retention upper bound in hours ([PMI]).
pub const RETENTION_MAX: i64 = 720;
/// Terraform azurerm's lower bound on retention (not a service rule).
pub const TERRAFORM_RETENTION_MIN: i64 = 8;

/// Checks the periodic values that are known, and a tier set under Periodic.
pub fn check(doc: &PolicyDoc<'_>, r: &mut Reader<'_>) {
    ranges(doc, r);
    if let Some(t) = doc.continuous.as_ref().and_then(|c| c.get("tier")) {
        r.push(TIER_WITH_PERIODIC.at(
            &t.path,
            "`continuousModeProperties.tier` is set but `type` is `Periodic`",
            "remove `continuousModeProperties`, or set `type` to `Continuous` (a one-way migration)",
        ));
    }
}

/// Checks interval and retention ranges (also run when the policy type is unreadable).
pub fn ranges(doc: &PolicyDoc<'_>, r: &mut Reader<'_>) {
    if let Some(i) = doc.interval.known() {
        interval(i.value, &i.path, r);
    }
    if let Some(ret) = doc.retention.known() {
        if ret.value > RETENTION_MAX {
            r.push(RETENTION_ABOVE_MAX.at(&ret.path, format!("`backupRetentionIntervalInHours` is `{}`, above the maximum of `{RETENTION_MAX}`", ret.value), format!("use at most `{RETENTION_MAX}` hours (30 days); for longer history use continuous backup or your own export")));
        }
        let interval = doc
            .interval
            .value()
            .copied()
            .or(doc.interval.is_absent().then_some(super::DEFAULT_INTERVAL));
        if let Some(iv) = interval.filter(|i| *i > 0) {
            retention_vs_interval(ret.value, iv, &ret.path, r);
        }
    }
}

fn interval(v: i64, path: &Pointer, r: &mut Reader<'_>) {
    let help = format!("use a value from `{INTERVAL_MIN}` to `{INTERVAL_MAX}` minutes (1 to 24 hours)");
    if v < INTERVAL_MIN {
        r.push(INTERVAL_BELOW_MIN.at(
            path,
            format!("`backupIntervalInMinutes` is `{v}`, below the minimum of `{INTERVAL_MIN}`"),
            help,
        ));
    } else if v > INTERVAL_MAX {
        r.push(INTERVAL_ABOVE_MAX.at(
            path,
            format!("`backupIntervalInMinutes` is `{v}`, above the maximum of `{INTERVAL_MAX}`"),
            help,
        ));
    }
}

fn retention_vs_interval(ret: i64, interval: i64, path: &Pointer, r: &mut Reader<'_>) {
    // retention (h) ≥ 2 × interval (min) / 60, compared in minutes to stay exact.
    let needed_min = interval.saturating_mul(2);
    let ret_min = ret.saturating_mul(60);
    let min_hours = needed_min.saturating_add(59) / 60;
    if ret_min < needed_min {
        r.push(RETENTION_BELOW_TWICE_INTERVAL.at(
            path,
            format!("`backupRetentionIntervalInHours` is `{ret}`, below two times the interval (`{interval}` minutes)"),
            format!("use at least `{min_hours}` hours, or shorten `backupIntervalInMinutes`; Terraform requires at least 8 h, the Azure documentation allows 2 × the interval and we follow the documentation"),
        ));
    } else if ret < TERRAFORM_RETENTION_MIN && ret > 0 {
        r.push(RETENTION_BELOW_TERRAFORM_MIN.at(path, format!("`backupRetentionIntervalInHours` is `{ret}`, below Terraform azurerm's minimum of `8`"), "the Azure documentation allows 2 × the interval, so the service accepts it; use `8` or more if you deploy with Terraform azurerm"));
    }
    let remainder = ret_min.checked_rem(interval).unwrap_or(0);
    if ret_min >= needed_min && remainder != 0 {
        let lo = ret_min.checked_div(interval).unwrap_or(0);
        r.push(RETENTION_NOT_MULTIPLE.at(path, format!("`backupRetentionIntervalInHours` `{ret}` is not a whole multiple of the `{interval}`-minute interval"), format!("the account keeps {lo} or {} copies in turn; choose a multiple of the interval to keep a steady count (pricing counts {lo})", lo.saturating_add(1))));
    }
}

/// Checks the effective redundancy against location metadata for every account region.
pub fn redundancy_in_regions(
    doc: &PolicyDoc<'_>,
    effective: Redundancy,
    account: &Account<'_>,
    locations: &[LocationInfo],
    r: &mut Reader<'_>,
) {
    if locations.is_empty() {
        return;
    }
    let name = format!("{effective:?}");
    let given = doc.redundancy.known().map(|l| l.path.clone());
    for region in account.regions() {
        // An HCL expression not evaluated offline: reported, never looked up as a region name.
        let at = region
            .node
            .get_any(&["locationName", "location"])
            .map_or(region.node.path.clone(), |n| n.path);
        if r.terraform_unresolved(&at, &region.name, "location") {
            continue;
        }
        let key = region_key(&region.name);
        let Some(info) = locations.iter().find(|l| l.key == key) else {
            r.push(REDUNDANCY_REGION_UNKNOWN.at(
                &region.node.path,
                format!("no location metadata for region `{}`", region.name),
                "add the output of `az cosmosdb locations show --location <region>` to the scenario's `locations`",
            ));
            continue;
        };
        if info.redundancies.iter().any(|x| x.eq_ignore_ascii_case(&name)) {
            continue;
        }
        let offered = info
            .redundancies
            .iter()
            .map(|x| format!("`{x}`"))
            .collect::<Vec<_>>()
            .join(", ");
        match &given {
            Some(path) => r.push(REDUNDANCY_UNSUPPORTED.at(path, format!("`backupStorageRedundancy` is `{name}`, which region `{}` does not offer", region.name), format!("choose a redundancy offered in every account region; `{}` offers {offered}", region.name))),
            None => r.push(REDUNDANCY_DEFAULT_FALLBACK.at(&region.node.path, format!("region `{}` does not offer the default `Geo` backup redundancy", region.name), format!("set `backupStorageRedundancy` explicitly to one of {offered}; for regions without a pair the documentation says you must choose"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Scope;

    fn codes_for(interval: i64, retention: i64) -> Vec<String> {
        let mut r = Reader::new(Scope::default());
        let p = Pointer::root();
        super::interval(interval, &p, &mut r);
        retention_vs_interval(retention, interval, &p, &mut r);
        r.diags
            .into_iter()
            .filter(|d| d.severity == crate::diagnostics::Severity::Error)
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn interval_boundaries() {
        assert_eq!(codes_for(59, 8), vec!["periodic.interval-below-minimum"]);
        assert!(codes_for(60, 8).is_empty());
        assert!(codes_for(1440, 48).is_empty());
        assert_eq!(codes_for(1441, 720), vec!["periodic.interval-above-maximum"]);
    }

    #[test]
    fn retention_exactly_twice_the_interval_is_valid() {
        assert!(codes_for(240, 8).is_empty());
        assert!(codes_for(90, 3).is_empty());
        assert_eq!(
            codes_for(91, 3).first().map(String::as_str),
            Some("periodic.retention-below-twice-interval")
        );
    }

    /// Exhaustive over the documented ranges: an error exactly when retention × 60 < 2 × interval.
    #[test]
    fn twice_interval_rule_is_exact_everywhere() {
        for interval in INTERVAL_MIN..=INTERVAL_MAX {
            for retention in 1..=RETENTION_MAX {
                let got = codes_for(interval, retention)
                    .iter()
                    .any(|c| c == "periodic.retention-below-twice-interval");
                assert_eq!(
                    got,
                    retention * 60 < 2 * interval,
                    "interval {interval}, retention {retention}"
                );
            }
        }
    }

    #[test]
    fn help_names_the_smallest_valid_retention() {
        let mut r = Reader::new(Scope::default());
        retention_vs_interval(15, 480, &Pointer::root(), &mut r);
        assert!(
            r.diags[0].help.starts_with("use at least `16` hours"),
            "{}",
            r.diags[0].help
        );
        let mut r = Reader::new(Scope::default());
        retention_vs_interval(2, 90, &Pointer::root(), &mut r);
        assert!(
            r.diags[0].help.starts_with("use at least `3` hours"),
            "{}",
            r.diags[0].help
        );
    }
}
