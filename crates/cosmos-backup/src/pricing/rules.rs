//! The pricing rules: every finding the pricing engine can report.

use crate::diagnostics::{Rule, Severity::*};
use crate::sources::{CBI, ENGINE, PBR, PGB, PRDR, PRICES};

/// A billed policy value could not be read; the cost assumed the service default for it.
pub const RESTS_ON_UNREADABLE: Rule = Rule {
    code: "pricing.rests-on-unreadable-value",
    severity: Warning,
    summary: "the cost assumes a service default for a policy value that could not be read, so it is incomplete",
    source: ENGINE,
};
/// `usage` holds a key the engine does not read.
pub const USAGE_UNKNOWN_KEY: Rule = Rule {
    code: "pricing.usage-unknown-key",
    severity: Warning,
    summary: "a `usage` key is not one the engine reads (a misspelling leaves that figure out of the cost)",
    source: ENGINE,
};
/// The region has no price at all in the sheet.
pub const REGION_NOT_IN_SHEET: Rule = Rule {
    code: "pricing.region-not-in-sheet",
    severity: Warning,
    summary: "a region the account uses has no price in the price sheet; its cost is left out",
    source: PRICES,
};
/// The region is in the sheet, but not the meter the formula needs.
pub const PRICE_NOT_IN_SHEET: Rule = Rule {
    code: "pricing.price-not-in-sheet",
    severity: Warning,
    summary: "the price sheet has the region but not the meter the formula needs; that cost is left out",
    source: PRICES,
};
/// The region lists no per-redundancy periodic meter; the legacy single meter is used.
pub const LEGACY_METER: Rule = Rule {
    code: "pricing.legacy-periodic-meter",
    severity: Info,
    summary: "no per-redundancy periodic backup price for the region; the legacy `Backup Data Stored` meter is used",
    source: PBR,
};
/// Periodic restores are requested from support; no self-service restore charge.
pub const PERIODIC_RESTORE: Rule = Rule {
    code: "pricing.periodic-restore-via-support",
    severity: Info,
    summary: "periodic-mode restores go through a support request; no self-service restore charge is documented",
    source: PRDR,
};
/// Retention is not a whole number of intervals; copies are floored.
pub const COPIES_FLOORED: Rule = Rule {
    code: "pricing.copies-floored",
    severity: Info,
    summary: "retention is not a whole number of backup intervals; the copy count is rounded down",
    source: PBR,
};
/// The account has no region to price.
pub const NO_REGION: Rule = Rule {
    code: "pricing.no-region",
    severity: Warning,
    summary: "the account names no region the engine can read (`locations` or `location`, or only unresolved expressions), so it cannot be priced",
    source: CBI,
};
/// The backup policy is unknown, so the cost cannot be computed.
pub const POLICY_UNKNOWN: Rule = Rule {
    code: "pricing.policy-unknown",
    severity: Warning,
    summary: "the backup policy type is unknown, so backup cost cannot be computed",
    source: PBR,
};
/// A usage field is not a non-negative number.
pub const INVALID_USAGE: Rule = Rule {
    code: "pricing.invalid-usage",
    severity: Error,
    summary: "a `usage` field is missing, not a number, or negative",
    source: ENGINE,
};
/// A price is not a decimal number.
pub const INVALID_PRICE: Rule = Rule {
    code: "pricing.invalid-price",
    severity: Error,
    summary: "a price-sheet price is not a decimal number",
    source: ENGINE,
};
/// A price is negative.
pub const NEGATIVE_PRICE: Rule = Rule {
    code: "pricing.negative-price",
    severity: Error,
    summary: "a price-sheet price is negative",
    source: ENGINE,
};
/// A price-sheet entry names a meter the engine does not know.
pub const UNKNOWN_METER: Rule = Rule {
    code: "pricing.unknown-meter",
    severity: Error,
    summary: "a price-sheet entry names an unknown meter",
    source: PRICES,
};
/// A price's currency differs from the sheet's.
pub const CURRENCY_MISMATCH: Rule = Rule {
    code: "pricing.currency-mismatch",
    severity: Error,
    summary: "a price's currency differs from the price sheet's currency; amounts in two currencies cannot be added",
    source: ENGINE,
};
/// A price-sheet entry lacks a region or a price.
pub const ENTRY_INCOMPLETE: Rule = Rule {
    code: "pricing.sheet-entry-incomplete",
    severity: Error,
    summary: "a price-sheet entry has no region, meter or price",
    source: ENGINE,
};
/// Retail Prices API rows for other meters were skipped.
pub const ROWS_SKIPPED: Rule = Rule {
    code: "pricing.sheet-rows-skipped",
    severity: Info,
    summary: "price-sheet rows for meters that are not backup or restore meters were skipped",
    source: PRICES,
};
/// A planning request field is missing or out of range.
pub const INVALID_PLAN: Rule = Rule {
    code: "pricing.invalid-plan",
    severity: Error,
    summary: "a planning request field (`months`, `growth`, `regionsAdded`, `options`, `requiredWindowDays`) is missing or out of range",
    source: ENGINE,
};
/// A Cosmos DB for PostgreSQL cluster: backup storage per the sheet, no documented price in the docs.
pub const POSTGRES_BACKUP: Rule = Rule {
    code: "pricing.postgres-backup-sheet-price",
    severity: Info,
    summary: "Cosmos DB for PostgreSQL backup storage is priced from the sheet; the documentation gives no number",
    source: PGB,
};

/// A user price sheet charges for 7-day continuous backup storage, which the documentation says is free.
pub const FREE_TIER_PRICED: Rule = Rule {
    code: "pricing.free-tier-priced",
    severity: Warning,
    summary: "a price-sheet entry charges for 7-day continuous backup storage, which is free",
    source: CBI,
};

/// Every pricing rule.
pub const RULES: &[Rule] = &[
    RESTS_ON_UNREADABLE,
    USAGE_UNKNOWN_KEY,
    REGION_NOT_IN_SHEET,
    PRICE_NOT_IN_SHEET,
    LEGACY_METER,
    PERIODIC_RESTORE,
    COPIES_FLOORED,
    NO_REGION,
    POLICY_UNKNOWN,
    INVALID_USAGE,
    INVALID_PRICE,
    NEGATIVE_PRICE,
    UNKNOWN_METER,
    CURRENCY_MISMATCH,
    ENTRY_INCOMPLETE,
    ROWS_SKIPPED,
    INVALID_PLAN,
    POSTGRES_BACKUP,
    FREE_TIER_PRICED,
];
