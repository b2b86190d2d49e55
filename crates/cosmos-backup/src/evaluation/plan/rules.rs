//! The catalogue entries of `restorePlan`: what the plan's input is missing or contradicts, and
//! why a plan offers no restore.

use crate::diagnostics::{Rule, Severity::*};
use crate::sources::*;

macro_rules! rule {
    ($name:ident, $code:literal, $sev:ident, $src:ident, $summary:literal) => {
        #[doc = $summary]
        pub const $name: Rule = Rule {
            code: $code,
            severity: $sev,
            summary: $summary,
            source: $src,
        };
    };
}

rule!(
    PLAN_MISSING,
    "plan.missing",
    Error,
    ENGINE,
    "`restorePlan` needs a `plan` object: the restore time, what to restore and the target"
);
rule!(
    PLAN_FIELD,
    "plan.invalid-field",
    Error,
    ENGINE,
    "a `plan` field has the wrong type or an unknown value"
);
rule!(
    PLAN_UNKNOWN_FIELD,
    "plan.unknown-field",
    Warning,
    ENGINE,
    "a `plan` field is not one the plan reads; it is ignored"
);
rule!(
    TIME_MISSING,
    "plan.time-missing",
    Error,
    ENGINE,
    "the plan has neither `timestamp` nor `incidentTime`"
);
rule!(
    TIME_BOTH,
    "plan.time-contradictory",
    Error,
    ENGINE,
    "the plan has both `timestamp` and `incidentTime`; give one"
);
rule!(
    TARGET_MISSING,
    "plan.target-missing",
    Error,
    ENGINE,
    "the plan has no `target`"
);
rule!(
    TARGET_BOTH,
    "plan.target-contradictory",
    Error,
    ENGINE,
    "`target` has `inAccount: true` and a new account's fields"
);
rule!(
    TARGET_NAME,
    "plan.target-name-missing",
    Error,
    ENGINE,
    "a new-account (or new-cluster) target needs `accountName`"
);
rule!(
    IN_ACCOUNT_WHOLE,
    "plan.in-account-needs-resources",
    Error,
    IAI,
    "an in-account restore restores named deleted databases or containers, never the whole account"
);
rule!(
    IN_ACCOUNT_PERIODIC,
    "plan.in-account-periodic",
    Error,
    PRDR,
    "a periodic account is restored by Azure support into a new account; there is no in-account restore"
);
rule!(
    SOURCE_MISSING,
    "plan.source-missing",
    Error,
    ENGINE,
    "the scenario has no source: give `account`, `restorableAccount` or both"
);
rule!(
    SEVERAL_SOURCES,
    "plan.several-sources",
    Warning,
    ENGINE,
    "the scenario holds several accounts; the plan is for the first"
);
rule!(
    NO_WINDOW,
    "plan.no-window",
    Error,
    CBI,
    "the source's restore window is unknown, so no restore time can be checked"
);
rule!(
    REJECTED,
    "plan.rejected",
    Error,
    ENGINE,
    "the engine's own restore-request check rejects the restore this plan would offer, so it offers no command"
);
rule!(
    LOCATION_DEFAULT,
    "plan.location-default",
    Info,
    CBI,
    "no target `location`: the restore goes to the source's write region"
);
rule!(
    PLACEHOLDER,
    "plan.placeholder",
    Info,
    ENGINE,
    "the commands hold placeholders (`<LIKE_THIS>`) for values the documents don't give; fill them before running"
);
rule!(
    CLAMPED,
    "plan.latest-before-incident",
    Info,
    LRT,
    "the incident is after the latest restorable instant, so the plan restores to that instant"
);
rule!(
    NO_SNAPSHOT,
    "plan.no-snapshot-before-incident",
    Error,
    PRDR,
    "no periodic snapshot is kept from before the incident"
);

/// Every rule of this module.
pub const RULES: &[crate::diagnostics::Rule] = &[
    PLAN_MISSING,
    PLAN_FIELD,
    PLAN_UNKNOWN_FIELD,
    TIME_MISSING,
    TIME_BOTH,
    TARGET_MISSING,
    TARGET_BOTH,
    TARGET_NAME,
    IN_ACCOUNT_WHOLE,
    IN_ACCOUNT_PERIODIC,
    SOURCE_MISSING,
    SEVERAL_SOURCES,
    NO_WINDOW,
    REJECTED,
    LOCATION_DEFAULT,
    PLACEHOLDER,
    CLAMPED,
    NO_SNAPSHOT,
];
