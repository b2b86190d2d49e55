//! The pipeline under every operation that reads a scenario: the readers (limits, templates,
//! the scenario, the objects found and their names), then the stages the operation asks for —
//! policy, restore, pricing, permissions — each returning its typed outcome with its own findings.
//! `evaluate` composes them all into an [`Evaluation`]; `validate` runs the policy stage alone;
//! the restore operations ([`restore`]) the restore stage; `price` and `priceFleet` ([`pricing`]) the
//! pricing stage.

pub mod names;
mod outcome;
pub mod plan;
pub mod pricing;
pub mod restore;

pub use outcome::{Evaluated, Outcome, ScenarioOutcome, Stages};

use crate::contract::*;
use crate::diagnostics::Diagnostic;
use crate::input;
use crate::limits;
use crate::model::Account;
use crate::node::Node;
use crate::policy;
use crate::read::{self, Found, Kind};
use crate::refusal::ApiError;
use crate::scenario::{ScenarioView, is_scenario, view};
use crate::values::Reader;
use serde_json::Value;

/// Caller-side settings that never rewrite the user's document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `now` for scenarios (and bare documents) that do not give one; a scenario's own `now` wins.
    pub now: Option<chrono::DateTime<chrono::Utc>>,
}

/// Evaluates a document (a scenario, a bare document, or an array of scenarios) with every stage.
pub fn evaluate(value: &Value, options: &Options) -> Result<Evaluation, ApiError> {
    run(value, options, Stages::all()).map(Evaluated::into_evaluation)
}

/// Runs the readers and `stages` over a document (a scenario, a bare document, or an array of
/// scenarios: a fleet). The caller has checked that it is a document.
pub fn run(value: &Value, options: &Options, stages: Stages<'_>) -> Result<Evaluated, ApiError> {
    let diagnostics = limits::check_value(value)?;
    // Template expressions are evaluated first; findings inside a value taken from a parameter
    // or variable then name where that value was written.
    let Some(prepared) = crate::template::prepare(value) else {
        return Ok(run_prepared(value, diagnostics, options, stages));
    };
    let mut out = run_prepared(&prepared.value, diagnostics, options, stages);
    for d in out.diagnostics_mut() {
        d.path = prepared.path(&d.path);
    }
    Ok(out)
}

fn run_prepared(value: &Value, mut diagnostics: Vec<Diagnostic>, options: &Options, stages: Stages<'_>) -> Evaluated {
    let root = Node::root(value);
    let mut scenarios = Vec::new();
    let items = root.items();
    if !items.is_empty() && items.iter().all(is_scenario) {
        if items.len() > limits::MAX_SCENARIOS {
            diagnostics.push(limits::too_many(
                &root.path,
                "scenarios in the fleet",
                items.len(),
                limits::MAX_SCENARIOS,
                "only the first ones were evaluated",
            ));
        }
        for item in items.into_iter().take(limits::MAX_SCENARIOS) {
            scenarios.push(scenario(item, options, stages));
        }
    } else {
        scenarios.push(scenario(root, options, stages));
    }
    Evaluated { diagnostics, scenarios }
}

/// Runs the readers and `stages` over one scenario (or bare document).
pub fn scenario<'a>(node: Node<'a>, options: &Options, stages: Stages<'_>) -> ScenarioOutcome {
    let mut out = ScenarioOutcome::default();
    let mut s = view(node, &mut out.fields);
    s.now = s.now.or(options.now);
    if stages.permissions {
        if let Some(p) = crate::permissions::evaluate_scenario(&s) {
            out.permission_findings = p.all_diagnostics();
            out.permissions = Some(p);
        }
    }
    let diags = &mut out.document;
    let Some(doc) = s.account.clone() else {
        if s.role_assignments.is_some() {
            return out; // a permissions-only scenario
        }
        diags.push(input::NO_ACCOUNT.at(
            &s.root.path,
            "the scenario has no `account`",
            "add `\"account\": <ARM account, template, or az/PowerShell output>`",
        ));
        return out;
    };
    out.account = Some(doc.path.clone());
    let found = read::find(&doc);
    let accounts: Vec<_> = found.iter().filter(|f| f.kind == Kind::Account).collect();
    let others: Vec<Outcome> = found
        .iter()
        .enumerate()
        .filter_map(|(i, f)| other(&s, f, i, stages))
        .collect();
    if accounts.is_empty() && others.is_empty() {
        if read::is_parameters_file(&doc) {
            diags.push(input::PARAMETERS_FILE.at(
                &doc.path,
                "the document is a deployment parameters file, not a template or an account",
                "evaluate it with its template: `cosmos-backup evaluate TEMPLATE --parameters FILE`, or a source object `{\"format\": \"json\", \"text\": <template>, \"parameters\": {\"format\": \"json\", \"text\": <this file>}}`",
            ));
        } else {
            diags.push(no_account(&doc, &found));
        }
    }
    if accounts.len() > limits::MAX_ACCOUNTS {
        diags.push(limits::too_many(
            &doc.path,
            "accounts in the document",
            accounts.len(),
            limits::MAX_ACCOUNTS,
            "only the first ones were evaluated",
        ));
    }
    if let Some(events) = &s.events {
        let n = events
            .items()
            .len()
            .max(events.get("value").map(|v| v.items().len()).unwrap_or(0));
        if n > limits::MAX_EVENTS {
            diags.push(limits::too_many(
                &events.path,
                "events in the feed",
                n,
                limits::MAX_EVENTS,
                "answers that need the feed may be incomplete",
            ));
        }
    }
    let ctx = context(&s);
    for (i, f) in accounts.into_iter().take(limits::MAX_ACCOUNTS).enumerate() {
        let account = Account::from_found(f);
        out.results.push(account_outcome(&s, f, &account, &ctx, i, stages));
    }
    out.results.extend(others);
    out
}

/// A restorable account or a cluster: the restore stage (clusters are priced too).
fn other<'a>(s: &ScenarioView<'a>, f: &Found<'a>, index: usize, stages: Stages<'_>) -> Option<Outcome> {
    let api = crate::restore::api_of(f)?;
    let restore = match stages.restore {
        true => crate::restore::evaluate_other(s, f).map(|o| o.restore),
        false => None,
    };
    let cost = match (stages.pricing, f.kind) {
        (Some(sheet), Kind::PostgresCluster) => Some(crate::pricing::evaluate_cluster(s, f, sheet)),
        _ => None,
    };
    Some(Outcome {
        name: names::display_name(f, None, s.name.as_deref(), index),
        path: f.node.path.clone(),
        kind: f.kind,
        shape: f.shape,
        api,
        notes: Vec::new(),
        policy: None,
        restore,
        cost,
    })
}

fn no_account(doc: &Node<'_>, found: &[read::Found<'_>]) -> Diagnostic {
    if found.is_empty() && doc.get("resource_changes").is_some_and(|r| r.value.is_array()) {
        return input::NO_ACCOUNT.at(&doc.path, "the Terraform document holds no `azurerm_cosmosdb_account` and no `azapi_resource` of type `Microsoft.DocumentDB/databaseAccounts`", "nothing to fix if the accounts are elsewhere: give the configuration (or plan) that declares them; a module's accounts are in its own `.tf` text or in the plan");
    }
    if found.is_empty() {
        return input::UNKNOWN_SHAPE.at(&doc.path, "no Cosmos DB account or other known Azure object was found", "pass an ARM resource, an ARM template, a REST example, `az cosmosdb show` or PowerShell output, or a scenario `{\"now\", \"account\"}`");
    }
    let mut kinds: Vec<String> = found.iter().map(|f| format!("{:?}", f.kind)).collect();
    kinds.dedup();
    input::NO_ACCOUNT.at(&doc.path, format!("the document holds no database account; found: {}", kinds.join(", ")), "nothing to fix: this document is read for restore, pricing or permission answers when given in the matching scenario field")
}

fn context<'a>(s: &ScenarioView<'a>) -> policy::Context<'a> {
    let locations = s.locations.as_ref().map(policy::locations_from).unwrap_or_default();
    let current = s
        .current
        .as_ref()
        .and_then(|c| read::find(c).into_iter().find(|f| f.kind == Kind::Account))
        .map(|f| Account::from_found(&f));
    let collections = |d: Option<&Node<'a>>| d.map(policy::mongo::collections).unwrap_or_default();
    policy::Context {
        locations,
        current,
        collections: collections(s.account.as_ref()),
        current_collections: collections(s.current.as_ref()),
    }
}

fn account_outcome<'a>(
    s: &ScenarioView<'a>,
    found: &Found<'a>,
    account: &Account<'a>,
    ctx: &policy::Context<'a>,
    index: usize,
    stages: Stages<'_>,
) -> Outcome {
    let mut r = Reader::new(account.scope.clone());
    if let Some(locations) = account.props.get_any(&["locations", "geo_location"]) {
        let n = locations.value.as_array().map_or(0, Vec::len);
        if n > limits::MAX_REGIONS {
            r.push(limits::too_many(
                &locations.path,
                "regions in `locations`",
                n,
                limits::MAX_REGIONS,
                "an account lists each Azure region at most once, and Azure has fewer than 100",
            ));
        }
    }
    template_notes(account, &mut r);
    let policy = policy::check(account, ctx);
    let effective = policy.effective.as_ref();
    let restore = stages
        .restore
        .then(|| crate::restore::evaluate_account(s, account, effective));
    let cost = stages
        .pricing
        .map(|sheet| crate::pricing::evaluate_account(s, account, effective, sheet));
    Outcome {
        name: names::display_name(found, Some(account), s.name.as_deref(), index),
        path: account.envelope.path.clone(),
        kind: Kind::Account,
        shape: account.shape,
        api: account.api(),
        notes: r.diags,
        policy: Some(policy),
        restore,
        cost,
    }
}

/// What the template left open about this resource: a loop or a condition that did not evaluate.
fn template_notes(account: &Account<'_>, r: &mut Reader<'_>) {
    if let Some(read::Copy::Unresolved(copy)) = &account.copy {
        let count = copy.get("count").unwrap_or_else(|| copy.clone());
        let shown = count.as_str().map_or_else(|| count.value.to_string(), str::to_string);
        r.push(input::COPY_UNRESOLVED.at(
            &count.path,
            format!("the resource is in a `copy` loop whose `count` is `{}`", crate::values::clip(&shown)),
            "give the count parameter a literal `defaultValue` (or a parameters file) to evaluate each copy; the findings below hold for every copy",
        ));
    }
    if let Some(c) = &account.condition {
        let shown = c.as_str().map_or_else(|| c.value.to_string(), str::to_string);
        r.push(input::CONDITION_UNRESOLVED.at(
            &c.path,
            format!("the resource is deployed only when `condition` `{}` holds", crate::values::clip(&shown)),
            "give the condition's parameters literal values to know whether it is deployed; it was evaluated as if it is",
        ));
    }
}
