//! Continuous-mode rules and the account features that interact with backup.

use super::parse::PolicyDoc;
use super::rules::*;
use super::types::{PolicyType, Tier};
use crate::model::{Account, Api};
use crate::values::{Field, Reader};

/// Checks continuous-only rules.
pub fn check<'a>(doc: &PolicyDoc<'a>, account: &Account<'a>, r: &mut Reader<'a>) {
    let periodic_fields = [doc.interval.path(), doc.retention.path(), doc.redundancy.path()];
    for path in periodic_fields.into_iter().flatten() {
        let key = path.tokens().last().cloned().unwrap_or_default();
        r.push(PERIODIC_PROPERTIES_WITH_CONTINUOUS.at(path, format!("`{key}` is set but `type` is `Continuous`"), "remove the periodic settings: continuous backup has no interval, retention or redundancy settings (its storage is LRS, or ZRS where the region has availability zones)"));
    }
    if let Some(t) = doc.tier.known().filter(|t| t.value == Tier::Continuous7Days) {
        r.push(TIER_7_PREVIEW_NOTE.at(&t.path, "`tier` is `Continuous7Days`", "nothing to change: the 2025 continuous-backup introduction treats both tiers as generally available; only the 2024 resource-model page still calls the 7-day tier preview, and the newest document wins"));
    }
    if let Some(t) = doc.tier.known().filter(|t| t.value == Tier::Continuous35Days) {
        tier_35(&t.path, account, r);
    }
    if account.api() == Api::Cassandra {
        let path = doc
            .policy_type
            .path()
            .cloned()
            .unwrap_or_else(|| account.props.path.clone());
        r.push(CASSANDRA.at(&path, "`type` is `Continuous` on an API for Cassandra account", "use `Periodic` backup for Cassandra accounts: continuous backup supports NoSQL, MongoDB, Gremlin and Table only"));
    }
    let mrw = account.prop_key(&[
        "enableMultipleWriteLocations",
        "multiple_write_locations_enabled",
        "enable_multiple_write_locations",
    ]);
    if let Some((key, Field::Known(m))) = mrw.map(|k| (k, r.boolean(&account.props, k))) {
        if m.value {
            r.push(MULTI_REGION_WRITES.at(&m.path, format!("`{key}` is `true` with continuous backup"), "an earlier, undated copy of the continuous-backup introduction (seed 003) and the AVM modules say multi-region-write accounts aren't supported; the 2025 Microsoft documentation supports them, and the newest document wins: check that your tooling (AVM, older Terraform modules) accepts it"));
        }
    }
    if account.api() == Api::MongoDb {
        let path = doc
            .policy_type
            .path()
            .cloned()
            .unwrap_or_else(|| account.props.path.clone());
        r.push(MONGO_UNIQUE_INDEX.at(&path, "continuous backup on an API for MongoDB account", "create unique indexes together with their collection (create-collection extension command); they can't be added to existing collections, nor changed during migration"));
    }
    cmk(account, r);
}

/// The api-version that introduced `Continuous35Days` ([SPEC-P26]).
const TIER_35_API_VERSION: &str = "2026-04-01-preview";

/// The api-version a document is written against: an ARM resource's `apiVersion`, or a REST
/// example's `api-version` parameter.
fn api_version<'a>(account: &Account<'a>) -> Option<crate::node::Located<&'a str>> {
    let node = account.envelope.get("apiVersion").or_else(|| {
        account
            .scope
            .example
            .as_ref()
            .and_then(|e| e.at(&["parameters", "api-version"]))
    })?;
    Some(crate::node::Located::new(node.as_str()?, node.path))
}

/// The date part of an api-version (`2026-04-01` of `2026-04-01-preview`), when it has one.
fn api_date(v: &str) -> Option<&str> {
    let d = v.get(..10)?;
    let ok = d.bytes().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    ok.then_some(d)
}

/// `Continuous35Days` is a preview tier; an older api-version doesn't know it.
fn tier_35<'a>(path: &crate::pointer::Pointer, account: &Account<'a>, r: &mut Reader<'a>) {
    r.push(TIER_35_PREVIEW.at(path, "`tier` is `Continuous35Days`, a preview tier", "expect a 35-day restore window; the tier appears only in the preview api-version 2026-04-01-preview, and no public price was found for it, so its cost is left out unless `priceSheet` gives `continuous35Days` and `restore35Days` prices"));
    let Some(v) = api_version(account) else {
        return;
    };
    let older = api_date(v.value)
        .zip(api_date(TIER_35_API_VERSION))
        .is_some_and(|(a, b)| a < b);
    if older {
        r.push(TIER_35_API_VERSION_OLD.at(&v.path, format!("`apiVersion` is `{}`, older than `{TIER_35_API_VERSION}`, which introduced `Continuous35Days`", v.value), format!("deploy with api-version `{TIER_35_API_VERSION}` or later; an older api-version doesn't define the tier and the request may be rejected")));
    }
}

fn cmk<'a>(account: &Account<'a>, r: &mut Reader<'a>) {
    let Some(Field::Known(key)) = account
        .prop_key(&["keyVaultKeyUri", "key_vault_key_id"])
        .map(|k| r.string(&account.props, k))
    else {
        return;
    };
    let identity = match account
        .prop_key(&["defaultIdentity", "default_identity_type"])
        .map(|k| r.string(&account.props, k))
        .unwrap_or(Field::Absent)
    {
        Field::Known(i) => Some(i.value),
        _ => None,
    };
    let managed = identity
        .as_deref()
        .is_some_and(|i| i.starts_with("UserAssignedIdentity") || i.eq_ignore_ascii_case("SystemAssignedIdentity"));
    if !managed {
        let shown = identity.unwrap_or_else(|| "FirstPartyIdentity".to_string());
        r.push(CMK_IDENTITY.at(&key.path, format!("customer-managed key with `defaultIdentity` `{shown}`"), "set `defaultIdentity` to `SystemAssignedIdentity` or `UserAssignedIdentity=<resource id>` and give that identity access to the key vault before enabling or migrating to continuous backup, and before restoring"));
    }
}

/// Rules that apply whatever the mode.
pub fn analytical_store<'a>(doc: &PolicyDoc<'a>, ty: PolicyType, account: &Account<'a>, r: &mut Reader<'a>) {
    let key = account
        .prop_key(&["enableAnalyticalStorage", "analytical_storage_enabled"])
        .unwrap_or("enableAnalyticalStorage");
    let Field::Known(a) = r.boolean(&account.props, key) else {
        return;
    };
    if !a.value {
        return;
    }
    r.push(ANALYTICAL_STORE.at(&a.path, format!("`{key}` is `true`: analytical store data is not backed up"), "plan to rebuild the analytical store from the transactional store after a restore; only transactional data is backed up"));
    if ty == PolicyType::Continuous {
        let path = doc.policy_type.path().cloned().unwrap_or_else(|| a.path.clone());
        r.push(CONTINUOUS_SYNAPSE.at(&path, "continuous backup on an account with Synapse Link (analytical store)", "the 2024 in-account restore FAQ says they can't coexist; the 2025-12 continuous backup FAQ says the combination is generally available, and the newest document wins"));
    }
}
