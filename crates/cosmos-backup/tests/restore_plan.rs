//! `restorePlan` against outside truth: every generated `az` command is parsed and checked
//! against the az CLI's own argument definitions (tests/data/az-cosmosdb-args.txt, read from
//! azure-cli's source), every generated PowerShell command against the cmdlets' own parameter
//! definitions (tests/data/az-powershell-cmdlets.txt, read from azure-powershell's source), and
//! every ARM body the plan offers is accepted by the engine's `checkRestoreRequest`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code: a failure should stop the test"
)]

use cosmos_backup::api;
use cosmos_backup::evaluation::plan::quote::{split_bash, split_pwsh};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// One argument: its aliases and whether it is required.
#[derive(Debug)]
struct Arg {
    aliases: Vec<String>,
    required: bool,
}

fn table() -> BTreeMap<String, Vec<Arg>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/az-cosmosdb-args.txt");
    let mut t: BTreeMap<String, Vec<Arg>> = BTreeMap::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (cmd, rest) = line.split_once("::").unwrap_or_else(|| panic!("bad line {line}"));
        let mut words: Vec<String> = rest.split_whitespace().map(str::to_string).collect();
        let required = words.last().is_some_and(|w| w == "required");
        if required {
            words.pop();
        }
        assert!(words.iter().all(|w| w.starts_with('-')), "bad aliases in {line}");
        t.entry(cmd.trim().to_string()).or_default().push(Arg {
            aliases: words,
            required,
        });
    }
    t
}

fn plan_vectors() -> Vec<(PathBuf, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/restore-plan");
    let mut out: Vec<(PathBuf, Value)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p, v)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Checks one az command line; returns what is wrong.
fn check_az(t: &BTreeMap<String, Vec<Arg>>, line: &str) -> Result<(), String> {
    let words = split_bash(line).ok_or_else(|| format!("unbalanced quotes: {line}"))?;
    if words.first().map(String::as_str) != Some("az") {
        return Err(format!("not an az command: {line}"));
    }
    let path: Vec<&str> = words
        .iter()
        .skip(1)
        .take_while(|w| !w.starts_with('-'))
        .map(String::as_str)
        .collect();
    let cmd = path.join(" ");
    let args = t
        .get(&cmd)
        .ok_or_else(|| format!("`az {cmd}` is not in the argument table"))?;
    let global = t.get("[global]").unwrap();
    let mut given = Vec::new();
    for w in words.iter().skip(1 + path.len()) {
        // Every word starting with `-` is a flag: no value the plan writes starts with one.
        if w.starts_with('-') {
            let known = args.iter().chain(global).any(|a| a.aliases.iter().any(|x| x == w));
            if !known {
                return Err(format!("`{w}` is not an argument of `az {cmd}`: {line}"));
            }
            given.push(w.clone());
        }
    }
    for a in args.iter().filter(|a| a.required) {
        if !a.aliases.iter().any(|x| given.contains(x)) {
            return Err(format!(
                "`az {cmd}` misses its required {}: {line}",
                a.aliases.join("/")
            ));
        }
    }
    Ok(())
}

fn plans() -> Vec<(PathBuf, Value, Value)> {
    plan_vectors()
        .into_iter()
        .map(|(p, case)| {
            let plan = api::call("restorePlan", &case["scenario"]);
            (p, case, plan)
        })
        .collect()
}

#[test]
fn every_generated_az_command_parses_against_the_cli_definitions() {
    let t = table();
    let mut checked = 0;
    let mut failures = Vec::new();
    for (p, _, plan) in plans() {
        for s in plan["steps"].as_array().unwrap() {
            let Some(az) = s["az"].as_str() else { continue };
            for line in az.lines() {
                checked += 1;
                if let Err(e) = check_az(&t, line) {
                    failures.push(format!("{}: step {}: {e}", p.display(), s["id"]));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 25, "only {checked} az commands checked");
    println!("{checked} az commands checked");
}

#[test]
fn the_checker_catches_wrong_commands() {
    let t = table();
    assert!(check_az(&t, "az cosmosdb restore --resource-group g --account-name a --target-database-account-name n --restore-timestamp x --location l").is_ok());
    assert!(check_az(&t, "az cosmosdb restore --resource-group g --account-name a --target-database-account-name n --restore-timestamp x").is_err(), "missing --location");
    assert!(check_az(&t, "az cosmosdb restore -g g -a a -n n -t x -l l --no-such-flag 1").is_err());
    assert!(
        check_az(
            &t,
            "az cosmosdb sql container restore -g g -a a -d d -n c --disable-ttl true"
        )
        .is_err(),
        "no --disable-ttl at this commit"
    );
    assert!(check_az(&t, "az cosmosdb nosuch -g g").is_err());
    assert!(check_az(&t, "az cosmosdb show -g 'open").is_err());
}

/// One cmdlet's parameter: its names (name and aliases), the parameter set it belongs to
/// (`None`: every set) and whether it is mandatory there.
#[derive(Debug)]
struct Param {
    names: Vec<String>,
    set: Option<String>,
    mandatory: bool,
}

fn cmdlets() -> BTreeMap<String, Vec<Param>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/az-powershell-cmdlets.txt");
    let mut t: BTreeMap<String, Vec<Param>> = BTreeMap::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (head, rest) = line.split_once("::").unwrap_or_else(|| panic!("bad line {line}"));
        let mut head = head.split_whitespace();
        let cmdlet = head.next().unwrap().to_string();
        let set = head.next().map(|s| {
            s.strip_prefix('@')
                .unwrap_or_else(|| panic!("bad set in {line}"))
                .to_string()
        });
        let mut names: Vec<String> = rest.split_whitespace().map(str::to_string).collect();
        let mandatory = names.last().is_some_and(|w| w == "mandatory");
        if mandatory {
            names.pop();
        }
        assert!(
            !names.is_empty() && names.iter().all(|w| w.starts_with('-')),
            "bad names in {line}"
        );
        t.entry(cmdlet).or_default().push(Param { names, set, mandatory });
    }
    t
}

/// The cmdlet and the parameter names of one PowerShell line (`$x = Cmdlet …`, `(Cmdlet …),`,
/// `(Cmdlet …).Property`); `None` for a line that calls no cmdlet (`$rules = @(`, `)`).
fn ps_call(line: &str) -> Result<Option<(String, Vec<String>)>, String> {
    let mut rest = line.trim_start();
    if rest.starts_with('$') {
        match rest.split_once(" = ") {
            Some((_, r)) => rest = r.trim_start(),
            None => return Err(format!("a variable line without an assignment: {line}")),
        }
    }
    let rest = rest.trim_start_matches('(');
    let cmdlet = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches([')', ',']);
    let is_cmdlet = cmdlet.split_once("-Az").is_some_and(|(verb, noun)| {
        verb.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && verb.chars().all(|c| c.is_ascii_alphabetic())
            && !noun.is_empty()
            && noun.chars().all(|c| c.is_ascii_alphanumeric())
    });
    if !is_cmdlet {
        return if line.contains("-Az") {
            Err(format!("no cmdlet at the start of: {line}"))
        } else {
            Ok(None)
        };
    }
    split_pwsh(rest).ok_or_else(|| format!("unbalanced quotes: {line}"))?;
    // Parameter names are the bare words `-Name`; a word with a quote in it is a value.
    let mut params = Vec::new();
    let (mut word, mut quoted, mut in_quote) = (String::new(), false, false);
    for c in rest.chars().chain(std::iter::once(' ')) {
        if c == '\'' {
            in_quote = !in_quote;
            quoted = true;
        } else if c.is_whitespace() && !in_quote {
            let name = word.strip_prefix('-').filter(|n| {
                n.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && n.chars().all(|c| c.is_ascii_alphanumeric())
            });
            if let (Some(_), false) = (name, quoted) {
                params.push(word.clone());
            }
            word.clear();
            quoted = false;
        } else {
            word.push(c);
        }
    }
    Ok(Some((cmdlet.to_string(), params)))
}

/// Checks one PowerShell line against the cmdlet table: the cmdlet exists, some parameter set
/// holds every parameter the line names, and the line names all that set's mandatory ones.
/// `Ok(true)` when the line called a cmdlet.
fn check_ps(t: &BTreeMap<String, Vec<Param>>, line: &str) -> Result<bool, String> {
    let Some((cmdlet, given)) = ps_call(line)? else {
        return Ok(false);
    };
    let params = t
        .get(&cmdlet)
        .ok_or_else(|| format!("`{cmdlet}` is not in the cmdlet table: {line}"))?;
    let common = t.get("[common]").unwrap();
    let mut sets: Vec<Option<&str>> = params.iter().filter_map(|p| p.set.as_deref()).map(Some).collect();
    sets.dedup();
    if sets.is_empty() {
        sets.push(None);
    }
    let mut why = Vec::new();
    for set in sets {
        let in_set: Vec<&Param> = params
            .iter()
            .filter(|p| p.set.is_none() || p.set.as_deref() == set)
            .collect();
        let unknown: Vec<&String> = given
            .iter()
            .filter(|g| {
                !in_set
                    .iter()
                    .chain(common.iter().collect::<Vec<_>>().iter())
                    .any(|p| p.names.contains(g))
            })
            .collect();
        let missing: Vec<String> = in_set
            .iter()
            .filter(|p| p.mandatory && !p.names.iter().any(|n| given.contains(n)))
            .map(|p| p.names[0].clone())
            .collect();
        if unknown.is_empty() && missing.is_empty() {
            return Ok(true);
        }
        why.push(format!(
            "set {}: unknown {unknown:?}, missing mandatory {missing:?}",
            set.unwrap_or("(all)")
        ));
    }
    Err(format!("`{cmdlet}` rejects: {line} ({})", why.join("; ")))
}

#[test]
fn every_generated_powershell_command_parses_against_the_cmdlet_definitions() {
    let t = cmdlets();
    let mut checked = 0;
    let mut failures = Vec::new();
    for (p, _, plan) in plans() {
        for s in plan["steps"].as_array().unwrap() {
            let Some(ps) = s["powershell"].as_str() else { continue };
            for line in ps.lines() {
                match check_ps(&t, line) {
                    Ok(true) => checked += 1,
                    Ok(false) => {}
                    Err(e) => failures.push(format!("{}: step {}: {e}", p.display(), s["id"])),
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 40, "only {checked} PowerShell commands checked");
    println!("{checked} PowerShell commands checked");
}

#[test]
fn the_cmdlet_checker_catches_wrong_commands() {
    let t = cmdlets();
    let ok = |l: &str| check_ps(&t, l);
    assert_eq!(
        ok(
            "Restore-AzCosmosDBSqlDatabase -ResourceGroupName g -AccountName a -Name d -RestoreTimestampInUtc '2026-01-01T00:00:00Z'"
        ),
        Ok(true)
    );
    assert!(
        ok("Restore-AzCosmosDBSqlDatabase -ResourceGroupName g -AccountName a -Name d").is_err(),
        "missing -RestoreTimestampInUtc"
    );
    assert!(
        ok("$t = New-AzCosmosDBTableToRestore -TableName t1").is_err(),
        "the parameter is -TableNames"
    );
    assert!(
        ok("    (New-AzCosmosDBGremlinDatabaseToRestore -DatabaseName d -GraphName g),").is_err(),
        "the parameter is -GraphNames"
    );
    assert_eq!(
        ok("    (New-AzCosmosDBGremlinDatabaseToRestore -DatabaseName d -GraphNames g),"),
        Ok(true)
    );
    assert!(
        ok("New-AzRoleAssignment -ObjectId o -RoleDefinitionId 5bd9cd88-fe45-4216-938b-f97437e15450").is_err(),
        "-Scope is mandatory with -RoleDefinitionId"
    );
    assert!(
        ok("New-AzRoleAssignment -ObjectId o -RoleDefinitionId g -RoleDefinitionName n -Scope /").is_err(),
        "no set takes both"
    );
    assert_eq!(
        ok("New-AzRoleAssignment -ObjectId o -RoleDefinitionName Reader"),
        Ok(true)
    );
    assert_eq!(
        ok("(Get-AzCosmosDBAccount -ResourceGroupName g -Name a).ProvisioningState"),
        Ok(true)
    );
    assert!(
        ok("Update-AzCosmosDBAccount -ResourceGroupName g -ResourceId x").is_err(),
        "two sets at once"
    );
    assert!(ok("New-AzNoSuchThing -Name x").is_err());
    assert!(ok("Restore-AzCosmosDBTable -Name 'open").is_err());
    assert_eq!(ok("$rules = @("), Ok(false));
    assert_eq!(ok(")"), Ok(false));
}

#[test]
fn every_powershell_line_has_balanced_quotes() {
    for (p, _, plan) in plans() {
        for s in plan["steps"].as_array().unwrap() {
            if let Some(ps) = s["powershell"].as_str() {
                for line in ps.lines() {
                    assert!(split_pwsh(line).is_some(), "{}: {line}", p.display());
                }
            }
        }
    }
}

#[test]
fn every_offered_arm_body_is_accepted_by_check_restore_request() {
    let mut checked = 0;
    for (p, case, plan) in plans() {
        let bodies = plan["arm"].as_array().unwrap();
        if bodies.is_empty() {
            continue;
        }
        let mut scenario = case["scenario"].clone();
        let m = scenario.as_object_mut().unwrap();
        m.remove("plan");
        if plan["mode"] == "postgresCluster" {
            m.insert("account".into(), bodies[0].clone());
        } else if plan["mode"] == "inAccount" {
            m.insert("restoreRequest".into(), Value::Array(bodies.clone()));
        } else {
            m.insert("restoreRequest".into(), bodies[0].clone());
        }
        let answer = api::call("checkRestoreRequest", &scenario);
        assert_eq!(answer["valid"], json!(true), "{}: {answer}", p.display());
        checked += 1;
    }
    assert!(checked >= 7, "only {checked} bodies checked");
}

#[test]
fn a_plan_never_offers_a_command_the_engine_rejects() {
    for (p, _, plan) in plans() {
        if plan["accepted"] != json!(true) {
            assert_eq!(plan["arm"], json!([]), "{}", p.display());
            assert_eq!(plan["steps"], json!([]), "{}", p.display());
        }
    }
}

#[test]
fn every_step_cites_a_source_and_every_after_step_closes_an_item() {
    for (p, _, plan) in plans() {
        for s in plan["steps"].as_array().unwrap() {
            assert!(
                s["source"].as_str().is_some_and(|x| x.starts_with('[')),
                "{}: {s}",
                p.display()
            );
            if s["phase"] == "after" {
                assert!(s["closes"].is_string(), "{}: {s}", p.display());
            }
            assert!(
                s["az"].is_string()
                    || s["powershell"].is_string()
                    || s["manual"].is_string()
                    || s["verify"].is_string(),
                "{}: {s}",
                p.display()
            );
        }
    }
}

#[test]
fn the_periodic_support_request_names_what_support_needs() {
    let (_, _, plan) = plans()
        .into_iter()
        .find(|(p, _, _)| p.ends_with("periodic.json"))
        .unwrap();
    let text = plan["supportRequest"].as_str().unwrap();
    for needle in [
        "Subscription id: aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e",
        "Account name: orders",
        "Write region: West US",
        "2026-11-21T08:00:00Z",
        "2026-11-21T16:00:00Z",
        "containers `orders` of database `sales`",
        "<YES_OR_NO>",
    ] {
        assert!(text.contains(needle), "{needle} not in:\n{text}");
    }
}
