//! The scenario document: `{"now", "account", "restorableAccount"?, "usage"?, …}`.
//!
//! A bare account document (ARM resource, template, CLI output…) is a scenario with only
//! `account`. Domain modules read the parts they own from [`ScenarioView`].

use crate::diagnostics::Diagnostic;
use crate::input;
use crate::node::Node;
use crate::suggest::closest;
use crate::values::{Field, Reader, Scope};
use chrono::{DateTime, Utc};

/// Every field a scenario may carry.
pub const FIELDS: &[&str] = &[
    "name",
    "now",
    "account",
    "current",
    "restorableAccount",
    "usage",
    "restoreRequest",
    "events",
    "locations",
    "priceSheet",
    "prices",
    "incidentTime",
    "lastBackupTime",
    "ruleSet",
    "roleAssignments",
    "roleDefinitions",
    "questions",
    "backupInformation",
    "managementGroups",
    "sources",
    "options",
];

/// A scenario, as located views into the user's document.
#[derive(Debug, Clone)]
pub struct ScenarioView<'a> {
    /// The scenario object (or the bare document).
    pub root: Node<'a>,
    /// `name`: a label for the scenario in fleet results.
    pub name: Option<String>,
    /// `now`, parsed.
    pub now: Option<DateTime<Utc>>,
    /// `account`: the account document in any shape (the bare document when not a scenario).
    pub account: Option<Node<'a>>,
    /// `current`: the deployed account, to judge a change.
    pub current: Option<Node<'a>>,
    /// `restorableAccount`: a `RestorableDatabaseAccountGetResult` (any shape).
    pub restorable_account: Option<Node<'a>>,
    /// `usage`: `{dataSizeGb, restoresPerMonth, restoreSizeGb}`.
    pub usage: Option<Node<'a>>,
    /// `restoreRequest`: an account create request with `createMode: Restore`, or a child-resource restore.
    pub restore_request: Option<Node<'a>>,
    /// `events`: restorable database/container event feeds.
    pub events: Option<Node<'a>>,
    /// `locations`: `Microsoft.DocumentDB/locations` metadata.
    pub locations: Option<Node<'a>>,
    /// `priceSheet` (or `prices`): a user price sheet or overrides.
    pub price_sheet: Option<Node<'a>>,
    /// `incidentTime`: when data was lost, for periodic restore advice.
    pub incident_time: Option<DateTime<Utc>>,
    /// `lastBackupTime`: when the last periodic snapshot was taken (the documents don't say when
    /// snapshots are taken, so this pins the schedule instead of an assumed anchor).
    pub last_backup_time: Option<crate::node::Located<DateTime<Utc>>>,
    /// `ruleSet`: `current` (default) or `legacy2017`.
    pub rule_set: Option<Node<'a>>,
    /// `roleAssignments`.
    pub role_assignments: Option<Node<'a>>,
    /// `roleDefinitions`.
    pub role_definitions: Option<Node<'a>>,
    /// `questions`: which permission questions to answer.
    pub questions: Option<Node<'a>>,
    /// `backupInformation`: `retrieveContinuousBackupInformation` output.
    pub backup_information: Option<Node<'a>>,
}

/// True when an object is a scenario wrapper rather than an Azure document.
pub fn is_scenario(node: &Node<'_>) -> bool {
    let Some(map) = node.value.as_object() else {
        return false;
    };
    let azure = [
        "properties",
        "resources",
        "parameters",
        "type",
        "Properties",
        "backupPolicy",
        "$schema",
    ];
    !azure.iter().any(|k| map.contains_key(*k))
        && (map.contains_key("account") || map.contains_key("now") || map.contains_key("roleAssignments"))
}

/// Reads a scenario; document-level findings go to `diags`.
pub fn view<'a>(node: Node<'a>, diags: &mut Vec<Diagnostic>) -> ScenarioView<'a> {
    if !is_scenario(&node) {
        return ScenarioView {
            account: Some(node.clone()),
            ..empty(node)
        };
    }
    let mut r = Reader::new(Scope::default());
    for (k, v) in node.members() {
        if !FIELDS.iter().any(|f| f.eq_ignore_ascii_case(k)) && !k.starts_with('$') && !k.starts_with('_') {
            let help = match closest(k, FIELDS) {
                Some(s) => format!("did you mean `{s}`? the field is ignored"),
                None => format!("remove it; known fields: {}", FIELDS.join(", ")),
            };
            r.push(input::SCENARIO_UNKNOWN_FIELD.at(&v.path, format!("unknown scenario field `{k}`"), help));
        }
    }
    let now = known(r.timestamp(&node, "now"));
    let incident_time = known(r.timestamp(&node, "incidentTime"));
    let last_backup_time = match r.timestamp(&node, "lastBackupTime") {
        Field::Known(l) => Some(l),
        _ => None,
    };
    let name = match r.string(&node, "name") {
        Field::Known(n) => Some(n.value),
        _ => None,
    };
    diags.append(&mut r.diags);
    let g = |k: &str| node.get(k);
    ScenarioView {
        name,
        now,
        incident_time,
        last_backup_time,
        account: g("account"),
        current: g("current"),
        restorable_account: g("restorableAccount"),
        usage: g("usage"),
        restore_request: g("restoreRequest"),
        events: g("events"),
        locations: g("locations"),
        price_sheet: g("priceSheet").or_else(|| g("prices")),
        rule_set: g("ruleSet"),
        role_assignments: g("roleAssignments"),
        role_definitions: g("roleDefinitions"),
        questions: g("questions"),
        backup_information: g("backupInformation"),
        root: node,
    }
}

fn known<T>(f: Field<T>) -> Option<T> {
    match f {
        Field::Known(l) => Some(l.value),
        _ => None,
    }
}

fn empty(root: Node<'_>) -> ScenarioView<'_> {
    ScenarioView {
        root,
        name: None,
        now: None,
        account: None,
        current: None,
        restorable_account: None,
        usage: None,
        restore_request: None,
        events: None,
        locations: None,
        price_sheet: None,
        incident_time: None,
        last_backup_time: None,
        rule_set: None,
        role_assignments: None,
        role_definitions: None,
        questions: None,
        backup_information: None,
    }
}
