//! The resources an account-level restore names (`databasesToRestore`, `gremlinDatabasesToRestore`,
//! `tablesToRestore`) must exist at the restore timestamp: checked against the scenario's event
//! feeds and any restorable-resources listing in `events`. [RACB], [SPEC-R]

use super::existence::{Listing, ResKind, absent_at, listing};
use super::rules::*;
use super::util::fmt;
use crate::node::Node;
use crate::scenario::ScenarioView;
use crate::values::{Reader, clip};
use chrono::{DateTime, Utc};

/// One named resource of a restore list.
struct Named<'a> {
    kind: ResKind,
    name: String,
    /// The database, for a container, collection or graph.
    database: Option<String>,
    node: Node<'a>,
}

fn named<'a>(rp: &Node<'a>) -> Vec<Named<'a>> {
    let mut out = Vec::new();
    for (list, children) in [
        ("databasesToRestore", "collectionNames"),
        ("gremlinDatabasesToRestore", "graphNames"),
    ] {
        for db in rp.get(list).map(|l| l.items()).unwrap_or_default() {
            let Some(dn) = db.get("databaseName").filter(|n| n.as_str().is_some()) else {
                continue;
            };
            let dname = dn.as_str().unwrap_or_default().to_string();
            for c in db.get(children).map(|l| l.items()).unwrap_or_default() {
                if let Some(cname) = c.as_str() {
                    out.push(Named {
                        kind: ResKind::Container,
                        name: cname.to_string(),
                        database: Some(dname.clone()),
                        node: c.clone(),
                    });
                }
            }
            out.push(Named {
                kind: ResKind::Database,
                name: dname,
                database: None,
                node: dn,
            });
        }
    }
    for t in rp.get("tablesToRestore").map(|l| l.items()).unwrap_or_default() {
        if let Some(name) = t.as_str() {
            out.push(Named {
                kind: ResKind::Table,
                name: name.to_string(),
                database: None,
                node: t.clone(),
            });
        }
    }
    out
}

fn label(n: &Named<'_>) -> &'static str {
    match n.kind {
        ResKind::Database => "database",
        ResKind::Container => "container",
        ResKind::Table => "table",
    }
}

/// Not in the listing: `Some(help)` when the listing covers this kind and lacks the name.
fn unlisted(n: &Named<'_>, l: &Listing) -> Option<String> {
    let dbs: Vec<String> = l.databases.iter().map(|(d, _)| format!("`{d}`")).collect();
    match (n.kind, &n.database) {
        (ResKind::Database, _) if !l.databases.is_empty() => (!l.databases.iter().any(|(d, _)| d == &n.name))
            .then(|| format!("restorable databases at that instant: {}", dbs.join(", "))),
        (ResKind::Container, Some(db)) => {
            let (_, colls) = l.databases.iter().find(|(d, _)| d == db)?;
            let shown: Vec<String> = colls.iter().map(|c| format!("`{c}`")).collect();
            let list = if shown.is_empty() {
                "none".to_string()
            } else {
                shown.join(", ")
            };
            (!colls.contains(&n.name)).then(|| format!("restorable containers of `{db}` at that instant: {list}"))
        }
        (ResKind::Table, _) if !l.tables.is_empty() => {
            let shown: Vec<String> = l.tables.iter().map(|t| format!("`{t}`")).collect();
            (!l.tables.contains(&n.name)).then(|| format!("restorable tables at that instant: {}", shown.join(", ")))
        }
        _ => None,
    }
}

/// Checks each named resource at `at`.
pub fn check<'a>(s: &ScenarioView<'a>, rp: &Node<'a>, at: DateTime<Utc>, r: &mut Reader<'a>) {
    let Some(doc) = &s.events else { return };
    let events = {
        // Event findings belong to the event feed's own answer, not to the request.
        let mut scratch = Reader::default();
        super::events::read(doc, &mut scratch)
    };
    let list = listing(doc);
    // A listing taken for another instant says nothing about this one.
    let list = (!list.is_empty() && list.at.is_none_or(|t| t == at)).then_some(list);
    let mut absent_dbs: Vec<String> = Vec::new();
    let all = named(rp);
    // Databases first, so a missing database hides its containers.
    let order = all
        .iter()
        .filter(|n| n.kind == ResKind::Database)
        .chain(all.iter().filter(|n| n.kind != ResKind::Database));
    for n in order {
        if n.database.as_ref().is_some_and(|d| absent_dbs.contains(d)) {
            continue;
        }
        let what = label(n);
        if let Some(why) = absent_at(&events, n.kind, &n.name, at) {
            r.push(REQ_RESOURCE_NOT_AT_TIMESTAMP.at(
                &n.node.path,
                format!(
                    "{what} `{}` did not exist at `{}`: {}",
                    clip(&n.name),
                    fmt(at),
                    why.because()
                ),
                format!("{}, or remove it from the request", why.fix()),
            ));
        } else if let Some(help) = list.as_ref().and_then(|l| unlisted(n, l)) {
            r.push(REQ_RESOURCE_NOT_LISTED.at(
                &n.node.path,
                format!(
                    "{what} `{}` is not in the restorable-resources listing for `{}`",
                    clip(&n.name),
                    fmt(at)
                ),
                format!("{help}; check the name, or list again for this timestamp and region (`az cosmosdb <api> restorable-resource list --restore-timestamp … --restore-location …`)"),
            ));
        } else {
            continue;
        }
        if n.kind == ResKind::Database {
            absent_dbs.push(n.name.clone());
        }
    }
}
