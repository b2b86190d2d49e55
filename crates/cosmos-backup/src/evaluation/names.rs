//! The display name of every object an answer is about, computed once for every operation (so
//! `evaluate`, `price` and the restore operations name the same account the same way).

use crate::model::Account;
use crate::read::{self, Found, Kind};

/// The name of a found object, or of the account read from it.
///
/// An account: its name as written; for a copy of a template loop, that copy's name; for
/// Terraform, the resource address when the name is an expression not evaluated offline; for a
/// REST example, the example's `accountName` parameter, with `(request)` / `(response 200)`. A
/// restorable account: its `accountName`; a PostgreSQL cluster: its `name`. Otherwise the
/// scenario's `name`, else `account N` (`index` is 0-based).
pub fn display_name(found: &Found<'_>, account: Option<&Account<'_>>, scenario: Option<&str>, index: usize) -> String {
    match account {
        Some(a) => account_name(a, scenario, index),
        None => other_name(found, scenario, index),
    }
}

fn account_name(account: &Account<'_>, scenario: Option<&str>, index: usize) -> String {
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
        .or_else(|| scenario.map(str::to_string))
        .unwrap_or_else(|| format!("account {}", index.saturating_add(1)));
    match &account.label {
        Some(l) if !(terraform && base == *l) => format!("{base} ({l})"),
        _ => base,
    }
}

fn other_name(found: &Found<'_>, scenario: Option<&str>, index: usize) -> String {
    let key = match found.kind {
        // `properties`, or the object itself when flattened (CLI and PowerShell output).
        Kind::RestorableAccount => found
            .node
            .get("properties")
            .filter(|p| p.value.is_object())
            .unwrap_or_else(|| found.node.clone())
            .get("accountName"),
        _ => found.node.get("name"),
    };
    let base = key
        .and_then(|n| n.as_str().map(str::to_string))
        .or_else(|| scenario.map(str::to_string))
        .unwrap_or_else(|| format!("account {}", index.saturating_add(1)));
    match &found.label {
        Some(l) => format!("{base} ({l})"),
        None => base,
    }
}
