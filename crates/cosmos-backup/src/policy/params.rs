//! Template parameters that feed a policy field and allow an invalid value.
//!
//! A field written `[parameters('x')]` is judged by the value it resolves to; this also reads
//! the parameter's declared constraints (`allowedValues`, `minValue`, `maxValue` in the
//! template's `parameters` section, Bicep's `@allowed`, `@minValue`, `@maxValue`), so a
//! parameter that lets a deployer pick `Continuous7Day` or an interval of 30 minutes is found
//! before anyone does. It reads the template itself, so Bicep and its compiled JSON agree.

use super::periodic::{INTERVAL_MAX, INTERVAL_MIN, RETENTION_MAX};
use super::types::{POLICY_TYPES, REDUNDANCIES, TIERS};
use crate::diagnostics::{Rule, Severity::Warning};
use crate::model::Account;
use crate::node::Node;
use crate::values::Reader;
use serde_json::Value;

/// A parameter used by a policy field allows a value the service refuses.
pub const ALLOWS_INVALID: Rule = Rule {
    code: "template.parameter-allows-invalid",
    severity: Warning,
    summary: "a template parameter used by a backup-policy field allows a value the service refuses (`allowedValues`, `minValue`, `maxValue`)",
    source: crate::sources::SPEC,
};

/// Every rule of this module, for the catalogue.
pub const RULES: &[Rule] = &[ALLOWS_INVALID];

/// The smallest retention the service accepts: twice the shortest interval, in hours.
const RETENTION_MIN: i64 = 2 * INTERVAL_MIN / 60;

enum Allowed {
    Names(&'static [&'static str]),
    Range(i64, i64),
}

/// Checks every policy field that is a single parameter reference.
pub fn check<'a>(account: &Account<'a>, r: &mut Reader<'a>) {
    let Some(template) = account.scope.template.clone() else {
        return;
    };
    let Some(policy) = account.backup_policy() else {
        return;
    };
    let fields: [(&[&str], &str, Allowed); 5] = [
        (&["type"], "type", Allowed::Names(POLICY_TYPES)),
        (&["continuousModeProperties", "tier"], "tier", Allowed::Names(TIERS)),
        (
            &["periodicModeProperties", "backupIntervalInMinutes"],
            "backupIntervalInMinutes",
            Allowed::Range(INTERVAL_MIN, INTERVAL_MAX),
        ),
        (
            &["periodicModeProperties", "backupRetentionIntervalInHours"],
            "backupRetentionIntervalInHours",
            Allowed::Range(RETENTION_MIN, RETENTION_MAX),
        ),
        (
            &["periodicModeProperties", "backupStorageRedundancy"],
            "backupStorageRedundancy",
            Allowed::Names(REDUNDANCIES),
        ),
    ];
    for (keys, field, allowed) in fields {
        let Some(name) = policy
            .at(keys)
            .and_then(|n| n.as_str())
            .and_then(crate::values::expression)
            .and_then(|e| crate::values::single_call(e, "parameters"))
        else {
            continue;
        };
        let Some(param) = template.get("parameters").and_then(|p| p.get(name)) else {
            continue;
        };
        judge(&param, name, field, &allowed, r);
    }
}

fn judge<'a>(param: &Node<'a>, name: &str, field: &str, allowed: &Allowed, r: &mut Reader<'a>) {
    if let Some(list) = param.get("allowedValues") {
        for item in list.items() {
            let bad = match (allowed, item.value) {
                (Allowed::Names(names), Value::String(s)) => !names.iter().any(|n| n.eq_ignore_ascii_case(s)),
                (Allowed::Range(lo, hi), Value::Number(n)) => n.as_i64().is_none_or(|v| v < *lo || v > *hi),
                _ => false,
            };
            if !bad {
                continue;
            }
            let shown = match item.value {
                Value::String(s) => crate::values::clip(s),
                other => other.to_string(),
            };
            let help = match (allowed, item.value) {
                (Allowed::Names(names), Value::String(s)) => match crate::suggest::closest(s, names) {
                    Some(c) => format!("did you mean `{c}`? remove `{shown}` from the allowed values"),
                    None => format!(
                        "allow only {}",
                        names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
                    ),
                },
                (Allowed::Range(lo, hi), _) => format!("allow only values from `{lo}` to `{hi}`"),
                _ => String::new(),
            };
            r.push(ALLOWS_INVALID.at(
                &item.path,
                format!("parameter `{name}`, used as `{field}`, allows `{shown}`, which the service refuses"),
                help,
            ));
        }
    }
    if let Allowed::Range(lo, hi) = allowed {
        for (key, bad) in [
            ("minValue", bound(param, "minValue").filter(|v| v < lo)),
            ("maxValue", bound(param, "maxValue").filter(|v| v > hi)),
        ] {
            let (Some(v), Some(node)) = (bad, param.get(key)) else {
                continue;
            };
            r.push(ALLOWS_INVALID.at(
                &node.path,
                format!("parameter `{name}`, used as `{field}`, has `{key}` `{v}`, outside the service's range of `{lo}` to `{hi}`"),
                format!("use `{key}` `{}`", if key == "minValue" { lo } else { hi }),
            ));
        }
    }
}

fn bound(param: &Node<'_>, key: &str) -> Option<i64> {
    param.get(key)?.value.as_i64()
}
