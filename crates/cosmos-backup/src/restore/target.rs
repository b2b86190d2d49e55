//! Where an account-level restore goes: its regions, its subscription, and whether the account
//! already exists. [CBI], [RACB], [OBR]

use super::SourceDocs;
use super::request::SourceId;
use super::rules::*;
use super::util::{fmt, props, text};
use super::window::{RegionSpan, region_spans};
use crate::model::{Account, region_key};
use crate::node::Node;
use crate::read::Kind;
use crate::scenario::ScenarioView;
use crate::values::{Reader, clip};
use chrono::{DateTime, Utc};

/// The regions the restored account asks for: `location`, then each `locations[].locationName`,
/// each with the field it was read from. Template expressions (`[resourceGroup().location]`) name
/// no region the engine can judge, so they are left out.
fn target_regions<'a>(a: &Account<'a>) -> Vec<(String, Node<'a>)> {
    let mut out: Vec<(String, Node<'a>)> = Vec::new();
    if let Some(l) = a.envelope.get("location").filter(|l| l.as_str().is_some()) {
        out.push((l.as_str().unwrap_or_default().to_string(), l));
    }
    for reg in a.regions() {
        let field = reg.node.get_any(&["locationName", "location"]).unwrap_or(reg.node);
        out.push((reg.name, field));
    }
    out.retain(|(name, _)| !name.trim_start().starts_with('['));
    out
}

fn existed_at(span: &RegionSpan, at: DateTime<Utc>) -> bool {
    let (_, c, d) = span;
    !c.is_some_and(|c| at < c) && !d.is_some_and(|d| at > d)
}

fn span_text(span: &RegionSpan) -> String {
    let (_, c, d) = span;
    let from = c.map_or_else(|| "its creation".to_string(), |c| format!("`{}`", fmt(c)));
    let to = d.map_or_else(|| "now".to_string(), |d| format!("`{}`", fmt(d)));
    format!("from {from} to {to}")
}

/// Checks every target region against the source's `restorableLocations`. Returns false when the
/// source's regions are unknown (nothing was checked). `checked` is a region already judged at
/// the restore timestamp (the `restoreSource` region, reported as `region-absent`): it is skipped
/// so one fact gives one finding.
pub fn regions<'a>(
    a: &Account<'a>,
    at: Option<DateTime<Utc>>,
    checked: Option<&str>,
    src: &SourceDocs<'a>,
    r: &mut Reader<'a>,
) -> bool {
    let spans = src.restorable.as_ref().map(region_spans).unwrap_or_default();
    if spans.is_empty() {
        return false;
    }
    let quoted = |list: &[&RegionSpan]| -> String {
        list.iter()
            .map(|(n, _, _)| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // Each field is reported on its own: fixing `location` alone leaves `locations` wrong.
    let skip = checked.filter(|_| at.is_some()).map(region_key);
    for (name, node) in target_regions(a) {
        let key = region_key(&name);
        if skip.as_ref() == Some(&key) {
            continue;
        }
        let field = node.path.as_str().rsplit('/').next().unwrap_or("location").to_string();
        match spans.iter().find(|(n, _, _)| region_key(n) == key) {
            None => {
                let all: Vec<&RegionSpan> = spans.iter().collect();
                r.push(REQ_TARGET_REGION.at(
                    &node.path,
                    format!("`{field}` is `{}`, a region the source account never had", clip(&name)),
                    format!("restore into one of the source's regions: {}", quoted(&all)),
                ));
            }
            Some(span) => {
                let Some(at) = at.filter(|t| !existed_at(span, *t)) else {
                    continue;
                };
                let then: Vec<&RegionSpan> = spans.iter().filter(|s| existed_at(s, at)).collect();
                let other = if then.is_empty() {
                    String::new()
                } else {
                    format!(", or restore into a region it had then: {}", quoted(&then))
                };
                r.push(REQ_TARGET_REGION.at(
                    &node.path,
                    format!(
                        "`{field}` is `{}`, where the source account did not exist at `{}`",
                        clip(&name),
                        fmt(at)
                    ),
                    format!(
                        "the source existed in `{}` {}: pick a timestamp in that span{other}",
                        span.0,
                        span_text(span)
                    ),
                ));
            }
        }
    }
    true
}

/// `/subscriptions/{sub}/…`: the subscription segment of a resource id.
pub fn subscription_of(id: &str) -> Option<&str> {
    let mut parts = id.split('/').filter(|s| !s.is_empty());
    match (parts.next(), parts.next()) {
        (Some(s), Some(sub)) if s.eq_ignore_ascii_case("subscriptions") => Some(sub),
        _ => None,
    }
}

/// The target's subscription: its `id`, else a REST example's `subscriptionId` parameter.
fn target_subscription<'a>(a: &Account<'a>) -> Option<(String, Node<'a>)> {
    if let Some(id) = a.envelope.get("id") {
        if let Some(sub) = id.as_str().and_then(subscription_of) {
            return Some((sub.to_string(), id.clone()));
        }
    }
    let example = a.scope.example.as_ref()?;
    let sub = example.at(&["parameters", "subscriptionId"])?;
    Some((sub.as_str()?.to_string(), sub))
}

/// Flags a target in another subscription than the restorable account. [OBR] FAQ: "You can only
/// restore between accounts within the same subscription."
pub fn subscription<'a>(target: Option<(String, Node<'a>)>, source: &SourceId, r: &mut Reader<'a>) {
    let Some((sub, node)) = target else { return };
    if sub.eq_ignore_ascii_case(&source.subscription) {
        return;
    }
    r.push(REQ_CROSS_SUBSCRIPTION.at(
        &node.path,
        format!(
            "the restore target is in subscription `{}` but `restoreSource` is in subscription `{}`",
            clip(&sub),
            clip(&source.subscription)
        ),
        format!(
            "restore into a resource group of subscription `{}` (a restore can't cross subscriptions), then copy the data over if it must live elsewhere",
            source.subscription
        ),
    ));
}

/// [`subscription`] for an account-level request.
pub fn account_subscription<'a>(a: &Account<'a>, source: &SourceId, r: &mut Reader<'a>) {
    subscription(target_subscription(a), source, r);
}

fn account_names<'a>(doc: &Node<'a>) -> Vec<Option<String>> {
    crate::read::find(doc)
        .into_iter()
        .filter(|f| f.kind == Kind::Account)
        .map(|f| Account::from_found(&f).name().map(str::to_string))
        .collect()
}

/// Flags a restore into an account that exists: the scenario's `current` (the deployed account)
/// or the live source account by the same name. [CBI]: "Restoring to an existing account is
/// currently not supported."
pub fn exists<'a>(s: &ScenarioView<'a>, a: &Account<'a>, src: &SourceDocs<'a>, r: &mut Reader<'a>) {
    let Some(mode) = a.props.get("createMode") else { return };
    let target = a.name();
    let same = |n: &Option<String>| match (n, target) {
        (Some(n), Some(t)) => n.eq_ignore_ascii_case(t),
        // `current` without a name, or a nameless request: `current` is this account deployed.
        _ => true,
    };
    let mut existing: Vec<Option<String>> = s.current.as_ref().map(account_names).unwrap_or_default();
    // The live source account counts only when the request names it (a nameless request is not
    // it), and only while it lives: a deleted account's name is free again.
    let deleted = src
        .restorable
        .as_ref()
        .is_some_and(|n| text(&props(n), "deletionTime").is_some());
    if let (Some(n), Some(_), false) = (src.account.as_ref().and_then(Account::name), target, deleted) {
        existing.push(Some(n.to_string()));
    }
    let Some(hit) = existing.iter().find(|n| same(n)) else {
        return;
    };
    let name = hit.clone().or_else(|| target.map(str::to_string)).unwrap_or_default();
    let shown = if name.is_empty() {
        "the account".to_string()
    } else {
        format!("`{}`", clip(&name))
    };
    r.push(REQ_TARGET_EXISTS.at(
        &mode.path,
        format!("`createMode` is `Restore` for {shown}, which already exists"),
        "give the restore a new account name: a point-in-time restore always creates a new account; to bring back deleted databases or containers into the existing account, restore them in the account (`resource.createMode: Restore` on the database or container)",
    ));
}
