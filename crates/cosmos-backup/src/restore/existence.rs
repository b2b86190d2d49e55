//! Did a database, container, graph or table exist at an instant? Answered from the scenario's
//! event feeds (create and delete events) and from a restorable-resources listing.
//!
//! "The databases and containers should exist at the given timestamp" ([RACB]; seed 001). An
//! in-account restore needs the resource to have existed "in the current write region as of the
//! restore timestamp" ([IAI]). Where the feed says nothing about a name, the answer is unknown:
//! feeds are often filtered by time or by database, so silence is not absence.

use super::events::{Event, second_before};
use super::util::{fmt, props, text};
use crate::node::Node;
use crate::read::Kind;
use chrono::{DateTime, Utc};

/// Which feed entries describe a resource of a restore list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResKind {
    /// A database (SQL, MongoDB or Gremlin).
    Database,
    /// A container, collection or graph.
    Container,
    /// A table.
    Table,
}

impl ResKind {
    fn matches(self, feed_kind: &str) -> bool {
        match self {
            Self::Database => feed_kind == "database",
            Self::Container => matches!(feed_kind, "container" | "collection" | "graph"),
            Self::Table => feed_kind == "table",
        }
    }
}

/// Why a resource did not exist at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absent {
    /// Every instance of the name was created after the instant (the earliest such creation).
    CreatedAfter(DateTime<Utc>),
    /// Every instance was deleted at or before the instant (the latest such delete).
    DeletedBefore(DateTime<Utc>),
}

impl Absent {
    /// The message's explanation: "created at `…`" or "deleted at `…`".
    pub fn because(self) -> String {
        match self {
            Self::CreatedAfter(c) => format!("the event feed shows it created at `{}`", fmt(c)),
            Self::DeletedBefore(d) => format!("the event feed shows it deleted at `{}`", fmt(d)),
        }
    }

    /// What to do instead.
    pub fn fix(self) -> String {
        match self {
            Self::CreatedAfter(c) => format!("use a timestamp at or after `{}`, its creation", fmt(c)),
            Self::DeletedBefore(d) => match second_before(d) {
                Some(b) => format!("use a timestamp before its delete, e.g. `{}`", fmt(b)),
                None => "use a timestamp before its delete".to_string(),
            },
        }
    }
}

fn is_create(op: &str) -> bool {
    op.eq_ignore_ascii_case("Create") || op.eq_ignore_ascii_case("Recreate")
}

fn is_delete(op: &str) -> bool {
    op.eq_ignore_ascii_case("Delete")
}

/// One instance's state at `at`, from its events sorted by time: `None` when it existed.
fn instance_absent(evs: &[&Event<'_>], at: DateTime<Utc>) -> Option<Absent> {
    match evs.iter().rev().find(|e| e.at <= at) {
        // The last thing that happened before `at` decides.
        Some(e) if is_delete(&e.operation) => Some(Absent::DeletedBefore(e.at)),
        Some(_) => None,
        // Nothing before `at`: absent only if the first event is its creation.
        None => evs
            .first()
            .filter(|e| is_create(&e.operation))
            .map(|e| Absent::CreatedAfter(e.at)),
    }
}

/// Whether `name` of `kind` existed at `at`: `None` when it did or when the feed can't tell.
///
/// Events are grouped by instance (`ownerResourceId`), so a namesake in another database or a
/// later re-creation that did exist keeps the answer "existed".
pub fn absent_at(events: &[Event<'_>], kind: ResKind, name: &str, at: DateTime<Utc>) -> Option<Absent> {
    let mine: Vec<&Event<'_>> = events
        .iter()
        .filter(|e| kind.matches(e.kind) && e.name == name)
        .collect();
    let mut instances: Vec<(&str, Vec<&Event<'_>>)> = Vec::new();
    for e in mine {
        let id = text(&e.resource, "ownerResourceId").unwrap_or("");
        match instances.iter_mut().find(|(i, _)| *i == id) {
            Some((_, v)) => v.push(e),
            None => instances.push((id, vec![e])),
        }
    }
    let mut out: Option<Absent> = None;
    for (_, evs) in &instances {
        let why = instance_absent(evs, at)?;
        out = Some(match (out, why) {
            (Some(Absent::DeletedBefore(a)), Absent::DeletedBefore(b)) => Absent::DeletedBefore(a.max(b)),
            (Some(Absent::CreatedAfter(a)), Absent::CreatedAfter(b)) => Absent::CreatedAfter(a.min(b)),
            // A later creation is the more useful hint.
            (Some(Absent::CreatedAfter(a)), _) | (_, Absent::CreatedAfter(a)) => Absent::CreatedAfter(a),
            (_, d) => d,
        });
    }
    out
}

/// A restorable-resources listing (`restorableSqlResources`, `…MongodbResources`,
/// `…GremlinResources`, `…TableResources`): what can be restored at one instant and region.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Databases with their containers, collections or graphs.
    pub databases: Vec<(String, Vec<String>)>,
    /// Tables.
    pub tables: Vec<String>,
    /// The instant the listing was taken for (`restoreTimestampInUtc`), when the document says.
    pub at: Option<DateTime<Utc>>,
}

impl Listing {
    /// True when the listing names no database and no table (nothing was given).
    pub fn is_empty(&self) -> bool {
        self.databases.is_empty() && self.tables.is_empty()
    }
}

fn names<'a>(n: Option<Node<'a>>) -> Vec<String> {
    n.map(|l| {
        l.items()
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect()
    })
    .unwrap_or_default()
}

/// Reads every listing entry in a document. A REST example's `restoreTimestampInUtc` parameter
/// says which instant it is for; the table example's `type` is mislabelled `restorablesqlresources`
/// in the specification, so tables are recognised by their id or by the absence of `databaseName`.
pub fn listing<'a>(doc: &Node<'a>) -> Listing {
    let mut out = Listing::default();
    for f in crate::read::find(doc)
        .into_iter()
        .filter(|f| f.kind == Kind::RestorableResource)
    {
        if out.at.is_none() {
            out.at = f
                .scope
                .example
                .as_ref()
                .and_then(|e| e.at(&["parameters", "restoreTimestampInUtc"]))
                .and_then(|t| t.as_str().and_then(crate::time::parse))
                .map(|p| p.at);
        }
        let p = props(&f.node);
        let id = text(&f.node, "id").unwrap_or("").to_ascii_lowercase();
        if let Some(db) = text(&p, "databaseName").or_else(|| text(&f.node, "databaseName")) {
            let colls = p.get("collectionNames").or_else(|| p.get("graphNames"));
            out.databases.push((db.to_string(), names(colls)));
        } else if id.contains("/restorabletableresources/") || id.is_empty() {
            if let Some(t) = text(&f.node, "name") {
                out.tables.push(t.to_string());
            }
        }
    }
    out
}
