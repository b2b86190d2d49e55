//! Rules about the input itself: JSON, types, expressions, timestamps, limits.

use crate::diagnostics::{Rule, Severity::*};
use crate::sources::{ENGINE, SPEC};

/// The text is not valid JSON.
pub const JSON_SYNTAX: Rule = Rule {
    code: "input.json-syntax",
    severity: Error,
    summary: "the input is not valid JSON",
    source: ENGINE,
};
/// A source object names a format the engine does not read (or this build cannot).
pub const FORMAT_UNSUPPORTED: Rule = Rule {
    code: "input.format-unsupported",
    severity: Error,
    summary: "the input is in a format the engine does not read; the help names the formats read and how to convert",
    source: ENGINE,
};
/// The input is JSON but not an object or array of documents.
pub const NOT_A_DOCUMENT: Rule = Rule {
    code: "input.not-a-document",
    severity: Error,
    summary: "the input must be a JSON object (or an array of them)",
    source: ENGINE,
};
/// The input exceeds a documented resource limit.
pub const TOO_LARGE: Rule = Rule {
    code: "input.limit-exceeded",
    severity: Error,
    summary: "the input exceeds a documented size, depth or count limit",
    source: ENGINE,
};
/// A key appears twice in one object of the JSON text.
pub const DUPLICATE_KEY: Rule = Rule {
    code: "input.duplicate-key",
    severity: Warning,
    summary: "a key appears more than once in the same JSON object; only the last value is read",
    source: ENGINE,
};
/// The document holds no Cosmos DB account.
pub const NO_ACCOUNT: Rule = Rule {
    code: "document.no-account",
    severity: Info,
    summary: "the document holds no Microsoft.DocumentDB/databaseAccounts resource",
    source: ENGINE,
};
/// The document's shape is not one the engine knows.
pub const UNKNOWN_SHAPE: Rule = Rule {
    code: "document.unknown-shape",
    severity: Warning,
    summary: "the document is not an ARM resource, template, REST example, CLI or PowerShell output the engine knows",
    source: ENGINE,
};
/// A value has the wrong JSON type.
pub const WRONG_TYPE: Rule = Rule {
    code: "value.wrong-type",
    severity: Error,
    summary: "a field has the wrong JSON type",
    source: SPEC,
};
/// A number that must be a whole number is not.
pub const NOT_AN_INTEGER: Rule = Rule {
    code: "value.not-an-integer",
    severity: Error,
    summary: "a field that must be a whole number is not",
    source: SPEC,
};
/// A number is outside the range the field's type can hold.
pub const OUT_OF_RANGE: Rule = Rule {
    code: "value.out-of-range",
    severity: Error,
    summary: "a number is outside the 32-bit range the ARM schema allows",
    source: SPEC,
};
/// An enum value is spelled with different letter case.
pub const NON_CANONICAL_CASE: Rule = Rule {
    code: "value.non-canonical-case",
    severity: Warning,
    summary: "an enum value differs from the documented spelling only in letter case",
    source: SPEC,
};
/// A boolean was written as a string.
pub const BOOLEAN_AS_STRING: Rule = Rule {
    code: "value.boolean-as-string",
    severity: Warning,
    summary: "a boolean field holds the string \"true\" or \"false\"",
    source: SPEC,
};
/// A template expression the engine cannot evaluate.
pub const EXPRESSION_UNRESOLVED: Rule = Rule {
    code: "template.expression-unresolved",
    severity: Info,
    summary: "a template expression (ARM, or Terraform HCL) could not be evaluated offline; the rules that need its value were skipped",
    source: ENGINE,
};
/// A template resource's `copy` loop has a count that cannot be evaluated offline.
pub const COPY_UNRESOLVED: Rule = Rule {
    code: "template.copy-unresolved",
    severity: Info,
    summary: "a resource's `copy` loop count could not be evaluated offline; the resource was read once, as the definition every copy shares",
    source: ENGINE,
};
/// A template resource's `condition` cannot be evaluated offline.
pub const CONDITION_UNRESOLVED: Rule = Rule {
    code: "template.condition-unresolved",
    severity: Info,
    summary: "a resource's `condition` could not be evaluated offline; the resource was read as if it is deployed",
    source: ENGINE,
};
/// A Terraform plan value is known only after apply.
pub const PLAN_UNKNOWN: Rule = Rule {
    code: "plan.value-unknown",
    severity: Info,
    summary: "a Terraform plan value is known only after apply (`after_unknown`); the rules that need it were skipped",
    source: ENGINE,
};
/// A deployment parameters file was given without the template it applies to.
pub const PARAMETERS_FILE: Rule = Rule {
    code: "document.parameters-file",
    severity: Warning,
    summary: "the document is a deployment parameters file: it needs the template it applies to",
    source: ENGINE,
};
/// A timestamp could not be read.
pub const TIMESTAMP_INVALID: Rule = Rule {
    code: "timestamp.invalid",
    severity: Error,
    summary: "a timestamp is not in any form the engine reads",
    source: ENGINE,
};
/// A timestamp is not in the canonical RFC 3339 UTC form.
pub const TIMESTAMP_NON_ISO: Rule = Rule {
    code: "timestamp.non-iso",
    severity: Warning,
    summary: "a timestamp is readable but not RFC 3339 UTC; zone-less forms are read as UTC",
    source: ENGINE,
};
/// A scenario field is unknown.
pub const SCENARIO_UNKNOWN_FIELD: Rule = Rule {
    code: "scenario.unknown-field",
    severity: Warning,
    summary: "a scenario holds a field the engine does not know (it is ignored)",
    source: ENGINE,
};

/// Every input rule, for the catalogue.
pub const RULES: &[Rule] = &[
    JSON_SYNTAX,
    FORMAT_UNSUPPORTED,
    NOT_A_DOCUMENT,
    TOO_LARGE,
    DUPLICATE_KEY,
    NO_ACCOUNT,
    UNKNOWN_SHAPE,
    WRONG_TYPE,
    NOT_AN_INTEGER,
    OUT_OF_RANGE,
    NON_CANONICAL_CASE,
    BOOLEAN_AS_STRING,
    EXPRESSION_UNRESOLVED,
    COPY_UNRESOLVED,
    CONDITION_UNRESOLVED,
    PARAMETERS_FILE,
    PLAN_UNKNOWN,
    TIMESTAMP_INVALID,
    TIMESTAMP_NON_ISO,
    SCENARIO_UNKNOWN_FIELD,
];
