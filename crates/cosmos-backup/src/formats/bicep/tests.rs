//! Conversion tests: shapes of the emitted template, locations, refusals, garbage.

use super::*;

fn conv(text: &str) -> Converted {
    convert(text, Some("main.bicep"), &[]).unwrap()
}

#[test]
fn account_with_literal_policy() {
    let c = conv(
        "resource a 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {\n  name: 'orders'\n  location: 'westus'\n  properties: {\n    backupPolicy: {\n      type: 'Periodic'\n      periodicModeProperties: {\n        backupIntervalInMinutes: 30\n      }\n    }\n  }\n}\n",
    );
    let r = &c.value["resources"][0];
    assert_eq!(r["name"], "orders");
    assert_eq!(r["apiVersion"], "2024-11-15");
    assert_eq!(
        r["properties"]["backupPolicy"]["periodicModeProperties"]["backupIntervalInMinutes"],
        30
    );
    let p =
        Pointer::parse("/resources/0/properties/backupPolicy/periodicModeProperties/backupIntervalInMinutes").unwrap();
    let loc = c.map.locate(&p).unwrap();
    assert_eq!((loc.line, loc.column), (8, 34));
}

const ACCOUNT: &str = "Microsoft.DocumentDB/databaseAccounts";

#[test]
fn existing_condition_copy_and_children() {
    let c = conv(
        "param on bool = false\nparam n int\nresource s 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {\n  name: 'shared'\n  resource db 'sqlDatabases@2024-11-15' = {\n    name: 'db'\n  }\n}\nresource a 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = if (on) {\n  name: 'a'\n}\nresource b 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = [for i in range(0, 3): {\n  name: 'b${i}'\n}]\nresource u 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = [for i in range(0, n): {\n  name: 'u${i}'\n}]\nresource c 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {\n  parent: s\n  name: 'c'\n}\n",
    );
    let r = &c.value["resources"];
    assert_eq!(r[0]["existing"], true);
    assert_eq!(r[1]["type"], format!("{ACCOUNT}/sqlDatabases"));
    assert_eq!(r[1]["name"], "shared/db");
    assert_eq!(r[2]["condition"], false);
    assert_eq!(r[3]["copy"], serde_json::json!({"name": "b", "count": 3}));
    assert_eq!(r[3]["name"], "['b${i}']");
    assert_eq!(r[4]["copy"]["count"], "[length(range(0, n))]");
    assert_eq!(r[5]["type"], format!("{ACCOUNT}/sqlDatabases"));
    assert_eq!(r[5]["name"], "shared/c");
    assert!(r[5].get("parent").is_none());
}

#[test]
fn expressions_evaluate_where_literal() {
    let c = conv(
        "param env string = 'prod'\nparam opt object?\nparam noDefault string\nvar base = {\n  a: 1\n  b: {\n    c: 'x'\n  }\n}\nvar merged = union(base, { b: { d: 2 } })\nvar spread = {\n  ...base\n  a: 2\n}\nvar list = [for (x, i) in ['p', 'q']: '${x}${i}']\nvar picked = base.b.c == 'x' && !empty(['z']) ? toLower('UP-${env}') : 'no'\nvar nulls = opt.?kind ?? 'none'\nvar unknown = '${noDefault}-db'\nvar calls = [\n  contains(['a', 'b'], 'b')\n  coalesce(null, 3)\n  length('abc')\n  format('{0}/{1}', 'a', 2)\n  split('a/b', '/')[1]\n  map([1, 2], v => v * 10)\n  filter([1, 2, 3], v => v > 1)\n  base[?'missing']\n  resourceGroup().location\n]\n",
    );
    let v = &c.value["variables"];
    assert_eq!(v["merged"], serde_json::json!({"a": 1, "b": {"c": "x", "d": 2}}));
    assert_eq!(v["spread"], serde_json::json!({"a": 2, "b": {"c": "x"}}));
    assert_eq!(v["list"], serde_json::json!(["p0", "q1"]));
    assert_eq!(v["picked"], "up-prod");
    assert_eq!(v["nulls"], "none");
    assert_eq!(v["unknown"], "['${noDefault}-db']");
    assert_eq!(
        v["calls"],
        serde_json::json!([
            true,
            3,
            3,
            "a/2",
            "b",
            [10, 20],
            [2, 3],
            null,
            "[resourceGroup().location]"
        ])
    );
}

#[test]
fn parameters_keep_their_decorators_and_locations() {
    let c = conv(
        "@allowed([\n  'Periodic'\n  'Continuous'\n])\nparam kind string = 'Periodic'\n@minValue(60)\n@maxValue(1440)\nparam interval int = 240\n@secure()\nparam key string\nparam tier 'Continuous7Days' | 'Continuous30Days' = 'Continuous7Days'\nparam loc string = resourceGroup().location\n",
    );
    let p = &c.value["parameters"];
    assert_eq!(
        p["kind"]["allowedValues"],
        serde_json::json!(["Periodic", "Continuous"])
    );
    assert_eq!(p["interval"]["minValue"], 60);
    assert_eq!(p["interval"]["maxValue"], 1440);
    assert_eq!(p["key"]["type"], "securestring");
    assert_eq!(p["tier"]["type"], "string");
    assert_eq!(
        p["tier"]["allowedValues"],
        serde_json::json!(["Continuous7Days", "Continuous30Days"])
    );
    assert_eq!(p["loc"]["defaultValue"], "[resourceGroup().location]");
    let at = |s: &str| {
        let l = c.map.locate(&Pointer::parse(s).unwrap()).unwrap();
        (l.line, l.column)
    };
    assert_eq!(at("/parameters/kind/allowedValues/1"), (3, 3));
    assert_eq!(at("/parameters/interval/maxValue"), (7, 1));
    assert_eq!(at("/parameters/interval/defaultValue"), (8, 22));
}

#[test]
fn modules_become_nested_deployments() {
    let modules = vec![(
        "./mods/acct.bicep".to_string(),
        "frobnicate x\nparam name string\nparam tier string = 'Continuous30Days'\nmodule deeper './inner.bicep' = {\n  name: 'deeper'\n}\nresource a 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {\n  name: name\n  properties: {\n    backupPolicy: {\n      type: 'Continuous'\n      continuousModeProperties: {\n        tier: tier\n      }\n    }\n  }\n}\n".to_string(),
    ), (
        "mods/inner.bicep".to_string(),
        "module again './inner.bicep' = {\n  name: 'again'\n}\n".to_string(),
    )];
    let c = convert(
        "module m 'mods/acct.bicep' = {\n  name: 'm'\n  params: {\n    name: 'x'\n    tier: resourceGroup().tags.tier\n  }\n}\n",
        None,
        &modules,
    )
    .unwrap();
    let d = &c.value["resources"][0];
    assert_eq!(d["type"], "Microsoft.Resources/deployments");
    assert_eq!(d["properties"]["parameters"]["name"]["value"], "x");
    let inner = &d["properties"]["template"];
    assert_eq!(inner["resources"][1]["name"], "x");
    // A value the parent passes but that is unknown: written where it is used, no default behind it.
    assert_eq!(
        inner["resources"][1]["properties"]["backupPolicy"]["continuousModeProperties"]["tier"],
        "[resourceGroup().tags.tier]"
    );
    assert!(inner["parameters"]["tier"].get("defaultValue").is_none());
    // A finding in the module's own text is located in the module's file.
    let skipped = c.findings.iter().find(|f| f.code == UNSUPPORTED.code).unwrap();
    let l = skipped.location.clone().unwrap();
    assert_eq!((l.file.as_deref(), l.line, l.column), (Some("mods/acct.bicep"), 1, 1));
    assert_eq!(skipped.path.as_str(), "/resources/0/properties/template");
    // The self-including module stops with a finding instead of recursing.
    assert!(c.findings.iter().any(|f| f.code == MODULE_MISSING.code));
}

#[test]
fn bicepparam_values() {
    let c = convert_params(
        "using './main.bicep'\n\nvar prefix = 'acct'\nparam name = '${prefix}-1'\nparam tiers = [\n  'Continuous7Days'\n]\nparam secret = readEnvironmentVariable('X')\n",
        Some("main.bicepparam"),
    )
    .unwrap();
    let p = &c.value["parameters"];
    assert_eq!(p["name"]["value"], "acct-1");
    assert_eq!(p["tiers"]["value"], serde_json::json!(["Continuous7Days"]));
    assert_eq!(p["secret"]["value"], "[readEnvironmentVariable('X')]");
    assert_eq!(c.findings[0].code, PARAMS_WITHOUT_TEMPLATE.code);
}

#[test]
fn refusals_are_located_and_never_panic() {
    for (text, line, column) in [
        ("param", 1, 6),
        ("var x = 'unclosed\n", 1, 9),
        ("var x = {\n  a: 1\n", 3, 1),
        ("resource r 'NoVersion' = {}\n", 1, 12),
        ("var x = (1 + )\n", 1, 14),
        ("}", 1, 1),
    ] {
        let e = convert(text, Some("f.bicep"), &[]).unwrap_err();
        assert_eq!(e.code, SYNTAX.code, "{text}");
        let l = e.location.clone().unwrap();
        assert_eq!((l.line, l.column), (line, column), "{text}: {}", e.message);
        assert_eq!(l.file.as_deref(), Some("f.bicep"));
    }
    let deep = format!("var x = {}1{}\n", "[".repeat(200), "]".repeat(200));
    assert!(convert(&deep, None, &[]).is_err());
    let deep = format!("var x = {}1\n", "!".repeat(100_000));
    assert!(convert(&deep, None, &[]).is_err());
    let deep = format!("var x = '{}'\n", "${'".repeat(300));
    assert!(convert(&deep, None, &[]).is_err());
    // The deepest nesting read is one below the limit (the declaration's expression counts one).
    let n = crate::limits::MAX_DEPTH - 2;
    let ok = format!("var x = {}1{}\n", "[".repeat(n), "]".repeat(n));
    assert!(convert(&ok, None, &[]).is_ok());
    let over = format!("var x = {}1{}\n", "[".repeat(n + 1), "]".repeat(n + 1));
    let e = convert(&over, None, &[]).unwrap_err();
    assert_eq!(e.location.unwrap().column, 10 + n);
    let parens = format!("var x = {}1{}\n", "(".repeat(n), ")".repeat(n));
    assert!(convert(&parens, None, &[]).is_ok());
    let objects = format!("var x = {}1{}\n", "{a: ".repeat(n), "}".repeat(n));
    assert!(convert(&objects, None, &[]).is_ok());
}

#[test]
fn garbage_never_panics() {
    // A small deterministic generator: fragments of Bicep glued at random.
    const BITS: &[&str] = &[
        "param ",
        "var ",
        "resource ",
        "module ",
        "x",
        " = ",
        "{",
        "}",
        "[",
        "]",
        "(",
        ")",
        "'",
        "${",
        "\n",
        ":",
        ",",
        "...",
        "?",
        "!",
        ".",
        "::",
        "@allowed",
        "for ",
        " in ",
        "if ",
        "'''",
        "//",
        "/*",
        "*/",
        "1",
        "-",
        "&&",
        "??",
        "=>",
        "'Microsoft.DocumentDB/databaseAccounts@2024-11-15'",
        "existing",
        "\\",
        "é",
        "#",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut text = String::new();
        let n = (seed % 40) as usize;
        for _ in 0..n {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(BITS[(seed % BITS.len() as u64) as usize]);
        }
        let _ = convert(&text, None, &[]);
        let _ = convert_params(&text, None);
    }
}

#[test]
fn work_is_bounded() {
    // Each variable doubles the one before: 2^40 elements if nothing stopped it.
    let mut text = String::from("var v0 = [\n  1\n  2\n]\n");
    for i in 1..=40 {
        text.push_str(&format!("var v{i} = [\n  v{}\n  v{}\n]\n", i - 1, i - 1));
    }
    text.push_str("var big = [for i in range(0, 10000): [for j in range(0, 10000): j]]\n");
    let c = convert(&text, None, &[]).unwrap();
    assert!(c.value["variables"]["v40"].as_str().is_some_and(|s| s.starts_with('[')));
    // Each level declares the next ten times: 10^6 conversions if nothing stopped it.
    let fan = |next: usize| -> String {
        (0..10)
            .map(|i| format!("module m{i} 'f{next}.bicep' = {{\n  name: 'm{i}'\n}}\n"))
            .collect()
    };
    let modules: Vec<(String, String)> = (1..=6).map(|l| (format!("f{l}.bicep"), fan(l + 1))).collect();
    let c = convert(&fan(1), None, &modules).unwrap();
    let spent = c.findings.iter().filter(|f| f.message.contains("more than")).count();
    assert!(spent > 0);
}

/// One account of an answer: its path, effective policy and sorted (code, path) findings.
type Judged = (String, serde_json::Value, Vec<(String, String)>);

/// The answer's accounts, for comparing two inputs.
fn accounts(answer: &serde_json::Value) -> Vec<Judged> {
    answer["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let mut diags: Vec<(String, String)> = r["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    (
                        d["code"].as_str().unwrap().to_string(),
                        d["path"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            diags.sort();
            (
                r["path"].as_str().unwrap().to_string(),
                r["effectivePolicy"].clone(),
                diags,
            )
        })
        .collect()
}

#[test]
fn a_bicep_file_and_its_compiled_template_agree() {
    let bicep = "@allowed([\n  'Continuous7Days'\n  'Continuous30Days'\n  'Continuous7Day'\n])\nparam tier string = 'Continuous7Days'\n@minValue(30)\nparam interval int = 30\nparam location string = resourceGroup().location\n\nresource c 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {\n  name: 'c'\n  location: location\n  properties: {\n    backupPolicy: {\n      type: 'Continuous'\n      continuousModeProperties: {\n        tier: tier\n      }\n    }\n  }\n}\n\nresource p 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {\n  name: 'p'\n  location: location\n  properties: {\n    backupPolicy: {\n      type: 'Periodic'\n      periodicModeProperties: {\n        backupIntervalInMinutes: interval\n        backupRetentionIntervalInHours: 8\n      }\n    }\n  }\n}\n";
    // What `bicep build` writes for it (metadata left out).
    let compiled = serde_json::json!({
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {
            "tier": {"type": "string", "defaultValue": "Continuous7Days", "allowedValues": ["Continuous7Days", "Continuous30Days", "Continuous7Day"]},
            "interval": {"type": "int", "defaultValue": 30, "minValue": 30},
            "location": {"type": "string", "defaultValue": "[resourceGroup().location]"}
        },
        "resources": [
            {"type": "Microsoft.DocumentDB/databaseAccounts", "apiVersion": "2024-11-15", "name": "c", "location": "[parameters('location')]",
             "properties": {"backupPolicy": {"type": "Continuous", "continuousModeProperties": {"tier": "[parameters('tier')]"}}}},
            {"type": "Microsoft.DocumentDB/databaseAccounts", "apiVersion": "2024-11-15", "name": "p", "location": "[parameters('location')]",
             "properties": {"backupPolicy": {"type": "Periodic", "periodicModeProperties": {"backupIntervalInMinutes": "[parameters('interval')]", "backupRetentionIntervalInHours": 8}}}}
        ]
    });
    let now = "2026-11-21T00:00:00Z";
    let from_bicep = crate::api::call(
        "evaluate",
        &serde_json::json!({"now": now, "account": {"format": "bicep", "text": bicep}}),
    );
    let from_json = crate::api::call("evaluate", &serde_json::json!({"now": now, "account": compiled}));
    let (b, j) = (accounts(&from_bicep), accounts(&from_json));
    assert_eq!(b.len(), 2);
    assert!(b[1].2.iter().any(|(c, _)| c == "periodic.interval-below-minimum"));
    assert_eq!(b, j);
}

#[test]
fn a_choice_between_objects_keeps_their_shape() {
    let c = conv(
        "param mode string\nresource a 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {\n  name: 'a'\n  properties: {\n    backupPolicy: mode == 'x' ? {\n      type: 'Continuous'\n    } : {\n      type: 'Periodic'\n      periodicModeProperties: {\n        backupIntervalInMinutes: 60\n      }\n    }\n  }\n}\n",
    );
    let p = &c.value["resources"][0]["properties"]["backupPolicy"];
    let text = "[mode == 'x' ? {\n      type: 'Continuous'\n    } : {\n      type: 'Periodic'\n      periodicModeProperties: {\n        backupIntervalInMinutes: 60\n      }\n    }]";
    assert_eq!(p["type"], text);
    assert_eq!(p["periodicModeProperties"]["backupIntervalInMinutes"], text);
}

#[test]
fn module_paths_resolve_from_the_file_folder_or_as_written() {
    let account = "resource a 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {\n  name: 'm'\n}\n";
    let text = "module m './modules/acct.bicep' = {\n  name: 'm'\n}\n";
    for key in ["infra/modules/acct.bicep", "./modules/acct.bicep"] {
        let modules = vec![(key.to_string(), account.to_string())];
        let c = convert(text, Some("infra/main.bicep"), &modules).unwrap();
        assert_eq!(
            c.value["resources"][0]["properties"]["template"]["resources"][0]["name"], "m",
            "{key}"
        );
    }
    let back = vec![
        (
            "infra/modules/acct.bicep".to_string(),
            "module up '../main.bicep' = {\n  name: 'up'\n}\n".to_string(),
        ),
        ("infra/main.bicep".to_string(), text.to_string()),
    ];
    let c = convert(text, Some("infra/main.bicep"), &back).unwrap();
    assert!(
        c.findings
            .iter()
            .any(|f| f.code == MODULE_MISSING.code && f.message.contains("includes itself"))
    );
}
