//! Restore windows, restore points, restore requests, and what a restore does not bring back.
//!
//! Sources: domain.md §1.4–§2.7 (windows, periodic restore, in-account restore, TTL, migration),
//! §3.2 (restorable resources), §5 (PostgreSQL clusters), §6 (not-restored matrix), §7 items 8–10.
//!
//! ```
//! let scenario = serde_json::json!({
//!     "now": "2026-11-21T12:00:00Z",
//!     "account": {"type": "Microsoft.DocumentDB/databaseAccounts", "name": "orders",
//!         "properties": {"backupPolicy": {"type": "Continuous",
//!             "continuousModeProperties": {"tier": "Continuous7Days"}}}}
//! });
//! let eval = cosmos_backup::api::evaluate(&scenario).unwrap();
//! let w = eval.results[0].restore_window.as_ref().unwrap();
//! assert_eq!(w.earliest, "2026-11-14T12:00:00Z");
//! assert_eq!(w.latest, "2026-11-21T11:58:20Z");
//! ```

pub mod events;
pub mod existence;
pub mod in_account;
pub mod not_restored;
pub mod periodic;
pub mod postgres;
pub mod request;
pub mod resources;
pub mod rules;
pub mod target;
pub(crate) mod util;
pub mod window;

use crate::diagnostics::Diagnostic;
use crate::model::{Account, Api};
use crate::node::Node;
use crate::pointer::Pointer;
use crate::policy::types::{EffectivePolicy, PolicyType};
use crate::read::{Found, Kind};
use crate::scenario::ScenarioView;
use crate::values::Reader;
pub use events::EventRestorePoint;
pub use rules::RULES;
use serde::{Deserialize, Serialize};

/// Why one bound of a window is what it is.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Basis {
    /// The bound: `earliest`, `latest`, `restorableUntil` or `beforeIncident`. Only bounds: the
    /// periodic schedule's anchor (which may be the Unix epoch) is `RestoreWindow::anchor`.
    pub bound: String,
    /// A stable slug: `retention`, `creation`, `migration-completion`, `oldest-restorable-time`,
    /// `backup-lag`, `latest-restorable-timestamp`, `deletion`, `deleted-account-30-days`,
    /// `latest-snapshot`, `snapshot-retention`, `region-creation`, `region-deletion`, `now`.
    pub reason: String,
    /// The instant of the bound (RFC 3339 UTC).
    pub at: String,
    /// The document that states the rule.
    pub source: String,
}

/// The window of instants a restore can target.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreWindow {
    /// Earliest restorable instant (RFC 3339 UTC).
    pub earliest: String,
    /// Latest restorable instant (RFC 3339 UTC).
    pub latest: String,
    /// Where the window comes from: `Continuous7Days`, `Continuous30Days`, `Continuous35Days`, `Periodic`,
    /// `Legacy2017` or `PostgreSQL35Days`.
    pub tier: String,
    /// The region the window applies to, when it is a per-region window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Why each bound is what it is.
    pub basis: Vec<Basis>,
    /// Continuous: one window per region of `restorableLocations`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<RestoreWindow>,
    /// Periodic: the snapshots that can be restored, newest first; at most 1 000 are listed
    /// (`restorePointCount` says how many there are).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restore_points: Vec<String>,
    /// Periodic: how many snapshots are kept now, including any beyond the listed 1 000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restore_point_count: Option<i64>,
    /// Periodic: the instant the snapshot schedule is counted from (one snapshot every interval
    /// before and after it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Periodic: where `anchor` comes from: `last-backup-time` (the scenario's `lastBackupTime`),
    /// or an assumption, `account-creation` or `unix-epoch` (the documents don't say when
    /// snapshots are taken).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor_basis: Option<String>,
    /// A deleted account: the last instant a restore can be started (deletion + 30 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restorable_until: Option<String>,
    /// Periodic with `incidentTime`: the last snapshot taken before the incident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before_incident: Option<String>,
}

/// One setting a restore does not bring back.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotRestored {
    /// The setting.
    pub setting: String,
    /// Why it is not restored.
    pub reason: String,
    /// The document that says so.
    pub source: String,
    /// The source's current value, when the document has it, so it can be re-applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "Json", optional))]
    pub current: Option<serde_json::Value>,
    /// Where the current value is in the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<Pointer>,
}

/// The restore stage's answer for one account, restorable account or cluster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RestoreOutcome {
    /// The window, when known.
    pub window: Option<RestoreWindow>,
    /// What is not restored.
    pub not_restored: Vec<NotRestored>,
    /// Restore points found in event feeds.
    pub events: Vec<EventRestorePoint>,
    /// The restore stage's findings (the window, the request, the events), in rule order.
    pub diagnostics: Vec<Diagnostic>,
    /// Of those, the findings about the restore request (the scenario's `restoreRequest`, an
    /// account with `createMode: Restore`, a cluster restore), in the same order.
    pub request: Vec<Diagnostic>,
}

/// The restore stage's answer for an object that is not a database account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherOutcome {
    /// The API it serves (a restorable account's `apiType`; PostgreSQL for a cluster).
    pub api: Api,
    /// Its restore answers.
    pub restore: RestoreOutcome,
}

/// The rule set a scenario selects with `ruleSet`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSet {
    /// Today's documentation.
    Current,
    /// The 2017 automatic-backup article: every 4 hours, 2 kept.
    Legacy2017,
}

/// Reads `ruleSet`.
pub fn rule_set<'a>(s: &ScenarioView<'a>, r: &mut Reader<'a>) -> RuleSet {
    let Some(node) = &s.rule_set else {
        return RuleSet::Current;
    };
    match node.as_str() {
        Some(t) if t.eq_ignore_ascii_case("legacy2017") => RuleSet::Legacy2017,
        Some(t) if t.eq_ignore_ascii_case("current") => RuleSet::Current,
        other => {
            let shown = other.map_or_else(|| crate::node::type_name(node.value).to_string(), crate::values::clip);
            r.push(rules::RULE_SET_UNKNOWN.at(
                &node.path,
                format!("`ruleSet` is `{shown}`, which is not a known rule set"),
                "use `current` (today's documentation) or `legacy2017` (every 4 hours, 2 kept)",
            ));
            RuleSet::Current
        }
    }
}

/// What the source of a restore is: the restorable account and the account document.
#[derive(Debug, Clone)]
pub struct SourceDocs<'a> {
    /// The restorable account (`RestorableDatabaseAccountGetResult`), when known.
    pub restorable: Option<Node<'a>>,
    /// The live account, when known.
    pub account: Option<Account<'a>>,
    /// Its effective policy.
    pub policy: Option<EffectivePolicy>,
}

/// The first restorable account in the scenario's `restorableAccount`.
pub fn scenario_restorable<'a>(s: &ScenarioView<'a>) -> Option<Node<'a>> {
    let doc = s.restorable_account.as_ref()?;
    crate::read::find(doc)
        .into_iter()
        .find(|f| f.kind == Kind::RestorableAccount)
        .map(|f| f.node)
}

/// True when an account document is an account-level restore request (`createMode: Restore`).
/// Response bodies (a REST example's `response …`, or a GET with `provisioningState`) are not
/// requests: the service does not return the create-only `restoreParameters`.
pub fn is_restore_request(a: &Account<'_>) -> bool {
    let response = a.label.as_deref().is_some_and(|l| l.starts_with("response")) || a.props.has("provisioningState");
    !response
        && a.props
            .get("createMode")
            .and_then(|m| m.as_str())
            .is_some_and(|m| m.eq_ignore_ascii_case("Restore"))
}

/// The restore stage for one account: takes the account and its effective policy (the policy
/// stage's outcome) and returns the window, the checklist, the event restore points and the
/// findings about them.
pub fn evaluate_account<'a>(s: &ScenarioView<'a>, a: &Account<'a>, p: Option<&EffectivePolicy>) -> RestoreOutcome {
    let mut r = Reader::new(a.scope.clone());
    let mut request = Vec::new();
    let mut outcome = account_outcome(s, a, p, &mut r, &mut request);
    outcome.diagnostics = r.diags;
    outcome.request = request;
    outcome
}

/// Runs a check of the restore request, keeping a copy of its findings as the request's.
fn request_check<'a>(r: &mut Reader<'a>, request: &mut Vec<Diagnostic>, check: impl FnOnce(&mut Reader<'a>)) {
    let before = r.diags.len();
    check(r);
    request.extend(r.diags.iter().skip(before).cloned());
}

fn account_outcome<'a>(
    s: &ScenarioView<'a>,
    a: &Account<'a>,
    p: Option<&EffectivePolicy>,
    r: &mut Reader<'a>,
    request: &mut Vec<Diagnostic>,
) -> RestoreOutcome {
    let set = rule_set(s, r);
    if is_restore_request(a) {
        // The account is the target; the window is the source's.
        let src = SourceDocs {
            restorable: scenario_restorable(s),
            account: None,
            policy: None,
        };
        let window = match src.restorable {
            Some(_) => window::continuous(s, &src, r),
            None => Err(window::NoWindow::Unknown),
        };
        request_check(r, request, |r| request::check_account(s, a, &window, &src, r));
        if let Some(req) = &s.restore_request {
            request_check(r, request, |r| request::check(s, req, &window, &src, r));
        }
        let window = window.ok();
        let events = events::evaluate(s, window.as_ref(), r);
        let not_restored = not_restored::checklist(not_restored::Target::NewAccount, a.api(), None, Some(&a.envelope));
        return RestoreOutcome {
            window,
            not_restored,
            events,
            ..RestoreOutcome::default()
        };
    }
    let src = SourceDocs {
        restorable: scenario_restorable(s),
        account: Some(a.clone()),
        policy: p.cloned(),
    };
    let window = match p.map(|p| p.policy_type) {
        Some(PolicyType::Continuous) => window::continuous(s, &src, r),
        Some(PolicyType::Periodic) => periodic::window(s, a, p, set, r).ok_or(window::NoWindow::Unknown),
        None => Err(window::NoWindow::Unknown),
    };
    if set == RuleSet::Legacy2017 {
        if let Some(node) = &s.rule_set {
            r.push(rules::LEGACY_RULE_SET.at(&node.path, "`ruleSet` is `legacy2017`", "the 2017 article's rules apply: a snapshot about every 4 hours, the latest 2 kept, a deleted container's or database's snapshots kept 30 days; contact support within 8 hours"));
        }
    }
    if let Some(req) = &s.restore_request {
        // A periodic source has no restorable account: checking the request's timestamp against
        // its snapshots would answer a question the service never asks.
        match p.filter(|p| p.policy_type == PolicyType::Periodic) {
            Some(pp) => request_check(r, request, |r| request::periodic_source(req, pp, r)),
            None => request_check(r, request, |r| request::check(s, req, &window, &src, r)),
        }
    }
    let window = window.ok();
    let events = events::evaluate(s, window.as_ref(), r);
    let target = match p.map(|p| p.policy_type) {
        Some(PolicyType::Periodic) => Some(not_restored::Target::Periodic),
        Some(PolicyType::Continuous) if request::is_in_account(s) => Some(not_restored::Target::SameAccount),
        Some(PolicyType::Continuous) => Some(not_restored::Target::NewAccount),
        None => None,
    };
    let not_restored = target
        .map(|t| not_restored::checklist(t, a.api(), Some(a), s.restore_request.as_ref()))
        .unwrap_or_default();
    RestoreOutcome {
        window,
        not_restored,
        events,
        ..RestoreOutcome::default()
    }
}

/// The API a restorable account or a PostgreSQL cluster serves (`None` for other objects).
pub fn api_of(found: &Found<'_>) -> Option<Api> {
    match found.kind {
        // An `apiType` the engine does not know is unknown, never NoSQL; an absent one (the
        // 2020 preview shape) is the NoSQL default those examples are.
        Kind::RestorableAccount => Some(match util::props(&found.node).get("apiType") {
            Some(_) => window::restorable_api(&found.node).unwrap_or(Api::Unknown),
            None => Api::Sql,
        }),
        Kind::PostgresCluster => Some(Api::Postgresql),
        _ => None,
    }
}

/// The restore stage for the objects in `account` that are not database accounts but have restore
/// answers: restorable accounts and Azure Cosmos DB for PostgreSQL clusters (`None` for others).
pub fn evaluate_other<'a>(s: &ScenarioView<'a>, found: &Found<'a>) -> Option<OtherOutcome> {
    let mut r = Reader::new(found.scope.clone());
    let mut request = Vec::new();
    let (api, mut restore) = match found.kind {
        Kind::RestorableAccount => {
            let src = SourceDocs {
                restorable: Some(found.node.clone()),
                account: None,
                policy: None,
            };
            rule_set(s, &mut r);
            let window = window::continuous(s, &src, &mut r);
            if let Some(req) = &s.restore_request {
                request_check(&mut r, &mut request, |r| request::check(s, req, &window, &src, r));
            }
            let window = window.ok();
            let events = events::evaluate(s, window.as_ref(), &mut r);
            let api = api_of(found).unwrap_or(Api::Unknown);
            let target = if request::is_in_account(s) {
                not_restored::Target::SameAccount
            } else {
                not_restored::Target::NewAccount
            };
            let not_restored = not_restored::checklist(target, api, None, s.restore_request.as_ref());
            (
                api,
                RestoreOutcome {
                    window,
                    not_restored,
                    events,
                    ..RestoreOutcome::default()
                },
            )
        }
        Kind::PostgresCluster => {
            let (window, not_restored) =
                postgres::evaluate(s, &found.node, found.scope.example.as_ref(), &mut r, &mut request);
            let outcome = RestoreOutcome {
                window,
                not_restored,
                ..RestoreOutcome::default()
            };
            (Api::Postgresql, outcome)
        }
        _ => return None,
    };
    restore.diagnostics = r.diags;
    restore.request = request;
    Some(OtherOutcome { api, restore })
}
