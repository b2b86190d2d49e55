//! Pricing with a user price sheet. Input: any text used as the `priceSheet` value of a
//! two-region continuous account with usage; priced by `price`, `project`, `whatIf` and as a
//! one-scenario fleet with the sheet shared. Besides the shared checks, every money figure is a
//! decimal string.
#![no_main]
use cosmos_backup_fuzz::{assert_money_is_decimal, check_ops, splice};
use libfuzzer_sys::fuzz_target;

const FRAME: &str = r#"{"now": "2026-11-21T00:00:00Z",
 "account": {"type": "Microsoft.DocumentDB/databaseAccounts", "name": "orders",
  "properties": {"locations": [{"locationName": "West US", "failoverPriority": 0},
                               {"locationName": "East US 2", "failoverPriority": 1}],
   "backupPolicy": {"type": "Continuous", "continuousModeProperties": {"tier": "Continuous30Days"}}}},
 "usage": {"dataSizeGb": 1000, "restoresPerMonth": 1}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(sheet) = std::str::from_utf8(data) else { return };
    let scenario = splice(FRAME, "priceSheet", sheet);
    let project = format!(
        "{{\"scenario\": {scenario}, \"months\": 3, \"growth\": {{\"type\": \"compound\", \"percentPerMonth\": 10}}}}"
    );
    let what_if = format!("{{\"scenario\": {scenario}, \"requiredWindowDays\": 14}}");
    let fleet = splice(&format!("{{\"scenarios\": [{scenario}, {FRAME}}}]"), "priceSheet", sheet);
    let answers = [
        check_ops(&["price"], &scenario),
        check_ops(&["project"], &project),
        check_ops(&["whatIf"], &what_if),
        check_ops(&["priceFleet"], &fleet),
    ];
    answers.iter().flatten().for_each(assert_money_is_decimal);
});
