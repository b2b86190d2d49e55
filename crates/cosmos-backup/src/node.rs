//! A located, case-insensitive view over `serde_json::Value`.
//!
//! ARM treats property names case-insensitively and real documents mix camelCase
//! (REST, templates) with PascalCase (PowerShell, exported resources). A [`Node`] looks keys
//! up exactly first, then ignoring ASCII case, and always knows its JSON Pointer, built from
//! the key as the user spelled it.

use crate::pointer::Pointer;
use serde_json::Value;

/// A value in the user's document together with where it is.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    /// The value.
    pub value: &'a Value,
    /// Where the value is in the user's document.
    pub path: Pointer,
}

impl<'a> Node<'a> {
    /// A node at `path`.
    pub fn new(value: &'a Value, path: Pointer) -> Self {
        Self { value, path }
    }

    /// The node for the whole document.
    pub fn root(value: &'a Value) -> Self {
        Self::new(value, Pointer::root())
    }

    /// The member `key` (exact match first, then ASCII case-insensitive). JSON `null` counts as absent,
    /// because ARM GET bodies and CLI output write absent optional fields as `null`.
    pub fn get(&self, key: &str) -> Option<Node<'a>> {
        self.get_raw(key).filter(|n| !n.value.is_null())
    }

    /// Like [`Node::get`] but keeps explicit `null`s.
    pub fn get_raw(&self, key: &str) -> Option<Node<'a>> {
        let map = self.value.as_object()?;
        let (k, v) = if map.len() <= SCAN_BELOW {
            scan(map, key)?
        } else {
            map.get_key_value(key)
                .or_else(|| map.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)))?
        };
        Some(Node::new(v, self.path.key(k)))
    }

    /// The first present member among `keys`.
    pub fn get_any(&self, keys: &[&str]) -> Option<Node<'a>> {
        keys.iter().find_map(|k| self.get(k))
    }

    /// Follows a chain of keys.
    pub fn at(&self, keys: &[&str]) -> Option<Node<'a>> {
        let mut cur = self.clone();
        for k in keys {
            cur = cur.get(k)?;
        }
        Some(cur)
    }

    /// The elements of an array (empty for anything else).
    pub fn items(&self) -> Vec<Node<'a>> {
        match self.value.as_array() {
            Some(a) => a
                .iter()
                .enumerate()
                .map(|(i, v)| Node::new(v, self.path.index(i)))
                .collect(),
            None => Vec::new(),
        }
    }

    /// The members of an object, in document order.
    pub fn members(&self) -> Vec<(&'a str, Node<'a>)> {
        match self.value.as_object() {
            Some(m) => m
                .iter()
                .map(|(k, v)| (k.as_str(), Node::new(v, self.path.key(k))))
                .collect(),
            None => Vec::new(),
        }
    }

    /// The string value, if this is a string.
    pub fn as_str(&self) -> Option<&'a str> {
        self.value.as_str()
    }

    /// True when this node is an object holding `key` (any case).
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// A value read from the document, with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    /// The value as read.
    pub value: T,
    /// Where it was read from.
    pub path: Pointer,
}

impl<T> Located<T> {
    /// Pairs a value with its location.
    pub fn new(value: T, path: Pointer) -> Self {
        Self { value, path }
    }
}

/// The JSON type name of a value, as a user would say it.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Objects up to this many members are searched by one linear pass instead of a hash lookup:
/// a miss (most lookups: readers try several spellings) would otherwise cost a SipHash of the key
/// and then a case-insensitive scan anyway. Account documents' objects are small.
const SCAN_BELOW: usize = 24;

/// The member named exactly `key`, else the first whose name matches ignoring ASCII case.
fn scan<'a>(map: &'a serde_json::Map<String, Value>, key: &str) -> Option<(&'a String, &'a Value)> {
    let mut loose = None;
    for (k, v) in map {
        if k.len() != key.len() {
            continue;
        }
        if k == key {
            return Some((k, v));
        }
        if loose.is_none() && k.eq_ignore_ascii_case(key) {
            loose = Some((k, v));
        }
    }
    loose
}
