//! The account as ARM describes it (api-version 2025-10-15 field names), read from any shape.
//!
//! The model borrows from the user's document: every field keeps its JSON Pointer, and any
//! field the model does not name is still reachable through [`Account::props`].

use crate::node::Node;
use crate::read::{Found, Shape};
use crate::values::Scope;

/// The API an account serves, derived from `kind` and `capabilities`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Api {
    /// API for NoSQL (formerly SQL).
    Sql,
    /// API for MongoDB (RU).
    MongoDb,
    /// API for Apache Cassandra.
    Cassandra,
    /// API for Apache Gremlin.
    Gremlin,
    /// API for Table.
    Table,
    /// Azure Cosmos DB for PostgreSQL (a `Microsoft.DBforPostgreSQL/serverGroupsv2` cluster).
    Postgresql,
    /// A restorable account whose `apiType` the engine does not know: no rule assumes an API.
    Unknown,
}

impl Api {
    /// The name the documentation uses.
    pub fn label(self) -> &'static str {
        match self {
            Api::Sql => "NoSQL",
            Api::MongoDb => "MongoDB",
            Api::Cassandra => "Cassandra",
            Api::Gremlin => "Gremlin",
            Api::Table => "Table",
            Api::Postgresql => "PostgreSQL",
            Api::Unknown => "an unknown API",
        }
    }
}

/// One Cosmos DB account found in a document.
#[derive(Debug, Clone)]
pub struct Account<'a> {
    /// The resource envelope (`name`, `location`, `kind`, `properties`…).
    pub envelope: Node<'a>,
    /// Where the account's properties live: `properties`, or the envelope itself for CLI output.
    pub props: Node<'a>,
    /// The shape it was written in.
    pub shape: Shape,
    /// Template scope for expression resolution.
    pub scope: Scope<'a>,
    /// A label such as `request` for REST examples.
    pub label: Option<String>,
    /// For a template resource in a `copy` loop: which copy.
    pub copy: Option<crate::read::Copy<'a>>,
    /// For a template resource: a `condition` that did not evaluate.
    pub condition: Option<Node<'a>>,
    /// `properties`, when it is a template expression that did not evaluate (nothing of the
    /// account's properties is known, so nothing is defaulted).
    pub unresolved_properties: Option<Node<'a>>,
}

/// An empty object, standing for the properties of an account whose `properties` is unknown.
fn empty_object() -> &'static serde_json::Value {
    static EMPTY: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| serde_json::Value::Object(serde_json::Map::new()))
}

impl<'a> Account<'a> {
    /// Builds the model from a found account.
    pub fn from_found(found: &Found<'a>) -> Self {
        let raw = found.node.get("properties");
        let unresolved_properties = raw
            .clone()
            .filter(|p| p.as_str().is_some_and(|s| crate::values::expression(s).is_some()));
        let props = match (&unresolved_properties, raw.filter(|p| p.value.is_object())) {
            (Some(p), _) => Node::new(empty_object(), p.path.clone()),
            (None, Some(p)) => p,
            (None, None) => found.node.clone(),
        };
        Self {
            copy: found.copy.clone(),
            condition: found.condition.clone(),
            unresolved_properties,
            envelope: found.node.clone(),
            props,
            shape: found.shape,
            scope: found.scope.clone(),
            label: found.label.clone(),
        }
    }

    /// The account name as written (may be a template expression), if any.
    pub fn name(&self) -> Option<&'a str> {
        self.envelope
            .get_any(&["name", "accountName", "resourceName"])
            .and_then(|n| n.as_str())
    }

    /// For an account inside a REST example, the example's `accountName` parameter.
    pub fn rest_account_name(&self) -> Option<String> {
        if self.shape != Shape::RestSpecExample {
            return None;
        }
        self.scope
            .example
            .as_ref()?
            .at(&["parameters", "accountName"])?
            .as_str()
            .map(str::to_string)
    }

    /// The first present property among ARM and Terraform spellings
    /// (`enableMultipleWriteLocations` / `multiple_write_locations_enabled`).
    pub fn prop_key(&self, names: &[&'static str]) -> Option<&'static str> {
        names.iter().copied().find(|n| self.props.get(n).is_some())
    }

    /// The `backupPolicy` object, if present.
    pub fn backup_policy(&self) -> Option<Node<'a>> {
        self.props.get("backupPolicy")
    }

    /// Capability names (`EnableCassandra`, `EnableServerless`…), plus PowerShell's `EnabledApiTypes`.
    pub fn capabilities(&self) -> Vec<String> {
        let mut caps: Vec<String> = self
            .props
            .get("capabilities")
            .map(|c| {
                c.items()
                    .iter()
                    .filter_map(|i| {
                        i.get("name")
                            .and_then(|n| n.as_str())
                            .or_else(|| i.as_str())
                            .map(str::to_string)
                    })
                    .collect()
            })
            .unwrap_or_default();
        if let Some(types) = self.props.get("EnabledApiTypes").and_then(|t| t.as_str()) {
            caps.extend(
                types
                    .split(',')
                    .map(|t| format!("Enable{}", t.trim()))
                    .filter(|t| t != "EnableSql"),
            );
        }
        caps
    }

    /// True when a capability is present (case-insensitive).
    pub fn has_capability(&self, name: &str) -> bool {
        self.capabilities().iter().any(|c| c.eq_ignore_ascii_case(name))
    }

    /// The API, from capabilities and `kind`.
    pub fn api(&self) -> Api {
        let kind = self.envelope.get("kind").and_then(|k| k.as_str()).unwrap_or("");
        if self.has_capability("EnableCassandra") {
            Api::Cassandra
        } else if self.has_capability("EnableGremlin") {
            Api::Gremlin
        } else if self.has_capability("EnableTable") {
            Api::Table
        } else if kind.eq_ignore_ascii_case("MongoDB") || self.has_capability("EnableMongo") {
            Api::MongoDb
        } else {
            Api::Sql
        }
    }

    /// Region names in `locations` (or `Locations`), in failover-priority order as written.
    pub fn regions(&self) -> Vec<RegionRef<'a>> {
        let Some(locs) = self.props.get_any(&["locations", "geo_location"]) else {
            return Vec::new();
        };
        locs.items()
            .into_iter()
            .filter_map(|l| {
                let name = l
                    .get_any(&["locationName", "location"])
                    .or_else(|| l.as_str().map(|_| l.clone()))?;
                Some(RegionRef {
                    name: name.as_str()?.to_string(),
                    node: l.clone(),
                    priority: l
                        .get_any(&["failoverPriority", "failover_priority"])
                        .and_then(|p| p.value.as_i64()),
                })
            })
            .collect()
    }

    /// The write region: failover priority 0, else the first listed, else the envelope's `location`.
    pub fn write_region(&self) -> Option<String> {
        let regions = self.regions();
        regions
            .iter()
            .find(|r| r.priority == Some(0))
            .or_else(|| regions.first())
            .map(|r| r.name.clone())
            .or_else(|| {
                self.envelope
                    .get("location")
                    .and_then(|l| l.as_str())
                    .map(str::to_string)
            })
    }
}

/// One entry of `locations`.
#[derive(Debug, Clone)]
pub struct RegionRef<'a> {
    /// The region name as written (`West US` or `westus`).
    pub name: String,
    /// The entry.
    pub node: Node<'a>,
    /// Its failover priority, when given.
    pub priority: Option<i64>,
}

/// Normalises a region name: `West US` and `westus` both become `westus`.
///
/// ```
/// assert_eq!(cosmos_backup::model::region_key("West US 2"), "westus2");
/// ```
pub fn region_key(name: &str) -> String {
    let kept = |c: &char| !c.is_whitespace() && *c != '-' && *c != '_';
    if name.is_ascii() {
        // Region names are ASCII: one byte pass instead of a char iterator per letter (hot in fleets).
        let mut out = String::with_capacity(name.len());
        out.extend(name.chars().filter(kept).map(|c| c.to_ascii_lowercase()));
        return out;
    }
    name.chars().filter(kept).flat_map(char::to_lowercase).collect()
}
