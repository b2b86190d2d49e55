//! `evaluate`: scenario (or bare document, or an array of scenarios) in, evaluation out.

use super::contract::*;
use super::scenario::{ScenarioView, is_scenario, view};
use crate::diagnostics::{Diagnostic, Summary};
use crate::input;
use crate::limits;
use crate::model::Account;
use crate::node::Node;
use crate::policy;
use crate::read::{self, Kind};
use crate::values::Reader;
use serde_json::Value;

/// Evaluates a scenario, a bare document, or an array of scenarios (a fleet).
pub fn evaluate(value: &Value) -> Result<Evaluation, ApiError> {
    evaluate_with(value, &Options::default())
}

/// Caller-side settings that never rewrite the user's document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `now` for scenarios (and bare documents) that do not give one; a scenario's own `now` wins.
    pub now: Option<chrono::DateTime<chrono::Utc>>,
}

/// [`evaluate`] with caller-side [`Options`]. Source objects (`{"format": "bicep", "text": …}`)
/// are converted first and every finding from them is located in their text.
pub fn evaluate_with(value: &Value, options: &Options) -> Result<Evaluation, ApiError> {
    let Some(expanded) = super::sources::expand(value)? else {
        return evaluate_document(value, options);
    };
    let mut eval = evaluate_document(&expanded.value, options).map_err(|mut e| {
        expanded.annotate(e.diagnostics.iter_mut());
        e
    })?;
    expanded.annotate(eval.diagnostics.iter_mut());
    expanded.annotate(eval.results.iter_mut().flat_map(|r| r.diagnostics.iter_mut()));
    Ok(super::with_findings(eval, expanded.findings))
}

fn evaluate_document(value: &Value, options: &Options) -> Result<Evaluation, ApiError> {
    super::document(value)?;
    let diagnostics = limits::check_value(value)?;
    // Template expressions are evaluated first; findings inside a value taken from a parameter
    // or variable then name where that value was written.
    let Some(prepared) = crate::template::prepare(value) else {
        return Ok(evaluate_prepared(value, diagnostics, options));
    };
    let mut eval = evaluate_prepared(&prepared.value, diagnostics, options);
    let all = eval
        .diagnostics
        .iter_mut()
        .chain(eval.results.iter_mut().flat_map(|r| r.diagnostics.iter_mut()));
    for d in all {
        d.path = prepared.path(&d.path);
    }
    Ok(eval)
}

fn evaluate_prepared(value: &Value, mut diagnostics: Vec<Diagnostic>, options: &Options) -> Evaluation {
    let root = Node::root(value);
    let mut results = Vec::new();
    let mut permissions: Option<crate::permissions::PermissionsResult> = None;
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
            scenario(item, options, &mut results, &mut diagnostics, &mut permissions);
        }
    } else {
        scenario(root, options, &mut results, &mut diagnostics, &mut permissions);
    }
    let mut summary = Summary::of(&diagnostics);
    for r in &results {
        summary.add(Summary::of(&r.diagnostics));
    }
    Evaluation {
        schema_version: SCHEMA_VERSION.to_string(),
        results,
        diagnostics,
        summary,
        permissions,
    }
}

fn scenario<'a>(
    node: Node<'a>,
    options: &Options,
    results: &mut Vec<AccountResult>,
    diags: &mut Vec<Diagnostic>,
    permissions: &mut Option<crate::permissions::PermissionsResult>,
) {
    let mut s = view(node, diags);
    s.now = s.now.or(options.now);
    if let Some(p) = crate::permissions::evaluate_scenario(&s) {
        diags.extend(p.all_diagnostics());
        match permissions {
            Some(all) => all.merge(p),
            None => *permissions = Some(p),
        }
    }
    let Some(doc) = s.account.clone() else {
        if s.role_assignments.is_some() {
            return; // a permissions-only scenario
        }
        diags.push(input::NO_ACCOUNT.at(
            &s.root.path,
            "the scenario has no `account`",
            "add `\"account\": <ARM account, template, or az/PowerShell output>`",
        ));
        return;
    };
    let found = read::find(&doc);
    let accounts: Vec<_> = found.iter().filter(|f| f.kind == Kind::Account).collect();
    let others: Vec<AccountResult> = found
        .iter()
        .enumerate()
        .filter_map(|(i, f)| crate::restore::evaluate_other(&s, f, i))
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
        results.push(account_result(&s, &account, &ctx, i));
    }
    results.extend(others);
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

fn account_result<'a>(
    s: &ScenarioView<'a>,
    account: &Account<'a>,
    ctx: &policy::Context<'a>,
    index: usize,
) -> AccountResult {
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
    let effective = policy::evaluate(account, ctx, &mut r);
    let restore = crate::restore::evaluate_account(s, account, effective.as_ref(), &mut r);
    let cost = crate::pricing::evaluate_account(s, account, effective.as_ref(), &mut r);
    let name = display_name(s, account, index); // Errors first, then warnings, then infos; rule order within each (a stable sort).
    r.diags.sort_by_key(|d| d.severity);
    AccountResult {
        name,
        path: account.envelope.path.clone(),
        shape: account.shape,
        api: account.api(),
        diagnostics: r.diags,
        effective_policy: effective,
        restore_window: restore.window,
        not_restored: restore.not_restored,
        event_restore_points: restore.events,
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

/// The account's name as written; for Terraform, the resource address; for REST examples, the
/// example's `accountName` parameter and whether it is the request or a response.
fn display_name(s: &ScenarioView<'_>, account: &Account<'_>, index: usize) -> String {
    let terraform = matches!(
        account.shape,
        read::Shape::TerraformAzurerm | read::Shape::TerraformAzapi
    );
    if let Some(read::Copy::Index { index, name, .. }) = &account.copy {
        return match (name, account.name()) {
            (Some(n), _) => n.clone(),
            (None, Some(n)) => format!("{n} [{index}]"),
            (None, None) => format!("account {} [{index}]", index.saturating_add(1)),
        };
    }
    let hint = account.rest_account_name();
    let base = account
        .name()
        // An HCL name not evaluated offline (`${…}`) is no name: the address says which it is.
        .filter(|n| !(terraform && n.starts_with("${")))
        .map(str::to_string)
        .or(hint)
        .or_else(|| if terraform { account.label.clone() } else { None })
        .or_else(|| s.name.clone())
        .unwrap_or_else(|| format!("account {}", index.saturating_add(1)));
    match &account.label {
        Some(l) if !(terraform && base == *l) => format!("{base} ({l})"),
        _ => base,
    }
}
