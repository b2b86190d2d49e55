//! MongoDB unique indexes on continuous accounts: seed 003 and [CBI] say a unique index can't be
//! created on an existing collection (only together with it) and can't be changed during a
//! migration. Seen by comparing the collections of `current` (deployed) with the new document.

use super::rules::MONGO_UNIQUE_INDEX_EXISTING;
use crate::node::Node;
use crate::read::{self, Kind};
use crate::values::Reader;

/// One MongoDB collection resource of a document.
#[derive(Debug, Clone)]
pub struct Collection<'a> {
    /// The database, when the resource's name or id says it.
    pub database: Option<String>,
    /// The collection name (`properties.resource.id`, else the last segment of `name`).
    pub name: String,
    /// The resource.
    pub node: Node<'a>,
}

impl Collection<'_> {
    fn same(&self, other: &Collection<'_>) -> bool {
        self.name.eq_ignore_ascii_case(&other.name)
            && match (&self.database, &other.database) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                _ => true,
            }
    }
}

/// The MongoDB collection resources (`…/mongodbDatabases/collections`) anywhere in a document.
pub fn collections<'a>(doc: &Node<'a>) -> Vec<Collection<'a>> {
    read::find(doc)
        .into_iter()
        .filter(|f| f.kind == Kind::ChildResource)
        .filter_map(|f| collection(&f.node))
        .collect()
}

fn collection<'a>(node: &Node<'a>) -> Option<Collection<'a>> {
    let ty = node.get("type").and_then(|t| t.as_str())?.to_ascii_lowercase();
    if !ty.ends_with("/mongodbdatabases/collections") {
        return None;
    }
    // A template name is `account/database/collection`; a GET id ends `…/mongodbDatabases/{db}/collections/{c}`.
    let name = node
        .get("name")
        .and_then(|n| n.as_str())
        .filter(|n| !n.starts_with('['));
    let segments: Vec<&str> = name.map(|n| n.split('/').collect()).unwrap_or_default();
    let from_id = node.get("id").and_then(|i| i.as_str()).and_then(|id| {
        let lower = id.to_ascii_lowercase();
        let at = lower.find("/mongodbdatabases/")?;
        id.get(at.saturating_add("/mongodbdatabases/".len())..)?
            .split('/')
            .next()
            .map(str::to_string)
    });
    let database = from_id.or_else(|| {
        (segments.len() >= 3)
            .then(|| segments.get(1).map(|s| (*s).to_string()))
            .flatten()
    });
    let coll = node
        .at(&["properties", "resource", "id"])
        .and_then(|i| i.as_str().map(str::to_string))
        .or_else(|| segments.last().map(|s| (*s).to_string()))?;
    Some(Collection {
        database,
        name: coll,
        node: node.clone(),
    })
}

/// The unique indexes of a collection: (sorted key list, the `unique` node).
fn unique_indexes<'a>(c: &Collection<'a>) -> Vec<(Vec<String>, Node<'a>)> {
    let Some(list) = c.node.at(&["properties", "resource", "indexes"]) else {
        return Vec::new();
    };
    list.items()
        .into_iter()
        .filter_map(|ix| {
            let unique = ix.at(&["options", "unique"])?;
            if unique.value.as_bool() != Some(true) {
                return None;
            }
            let mut keys: Vec<String> = ix
                .at(&["key", "keys"])
                .map(|k| {
                    k.items()
                        .iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            keys.sort();
            Some((keys, unique))
        })
        .collect()
}

/// Flags each unique index the new document adds to a collection that already exists in
/// `current`, when the account is (or is becoming) continuous. `why` names the state.
pub fn check<'a>(desired: &[Collection<'a>], deployed: &[Collection<'a>], why: &str, r: &mut Reader<'a>) {
    for c in desired {
        let Some(existing) = deployed.iter().find(|d| d.same(c)) else {
            continue; // a new collection may be created with its unique indexes
        };
        let had: Vec<Vec<String>> = unique_indexes(existing).into_iter().map(|(k, _)| k).collect();
        for (keys, node) in unique_indexes(c) {
            if had.contains(&keys) {
                continue;
            }
            let shown = keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
            r.push(MONGO_UNIQUE_INDEX_EXISTING.at(&node.path, format!("a unique index on {shown} is added to the existing collection `{}` {why}", c.name), "create the unique index together with a new collection (create-collection extension command) and copy the data into it; continuous-backup MongoDB accounts can't add a unique index to an existing collection, nor change one during migration"));
        }
    }
}
