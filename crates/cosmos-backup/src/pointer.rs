//! RFC 6901 JSON Pointers into the document the user gave.
//!
//! Every diagnostic carries one, so a UI can highlight the exact field and the CLI can
//! turn it into a line and column (see [`crate::locate`]).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A JSON Pointer such as `/resources/0/properties/backupPolicy/type`.
///
/// The empty pointer (`""`) addresses the whole document.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pointer(String);

impl Pointer {
    /// The pointer to the whole document.
    pub fn root() -> Self {
        Self(String::new())
    }

    /// This pointer extended by one object key, escaped per RFC 6901 (`~` → `~0`, `/` → `~1`).
    ///
    /// ```
    /// use cosmos_backup::pointer::Pointer;
    /// assert_eq!(Pointer::root().key("a/b").key("c~d").as_str(), "/a~1b/c~0d");
    /// ```
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut s = String::with_capacity(self.0.len().saturating_add(key.len()).saturating_add(1));
        s.push_str(&self.0);
        s.push('/');
        if !key.contains(['~', '/']) {
            s.push_str(key);
            return Self(s);
        }
        for c in key.chars() {
            match c {
                '~' => s.push_str("~0"),
                '/' => s.push_str("~1"),
                c => s.push(c),
            }
        }
        Self(s)
    }

    /// This pointer extended by an array index.
    #[must_use]
    pub fn index(&self, i: usize) -> Self {
        Self(format!("{}/{i}", self.0))
    }

    /// The pointer text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The unescaped reference tokens of this pointer.
    ///
    /// ```
    /// use cosmos_backup::pointer::Pointer;
    /// let p = Pointer::root().key("a/b").index(3);
    /// assert_eq!(p.tokens(), vec!["a/b".to_string(), "3".to_string()]);
    /// ```
    pub fn tokens(&self) -> Vec<String> {
        if self.0.is_empty() {
            return Vec::new();
        }
        self.0
            .split('/')
            .skip(1)
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect()
    }

    /// The pointer one level up; `None` for the root.
    pub fn parent(&self) -> Option<Self> {
        let (head, _) = self.0.rsplit_once('/')?;
        Some(Self(head.to_string()))
    }

    /// True when `prefix` addresses this value or one of its ancestors (token-wise: `/a/1` is not
    /// a prefix of `/a/10`).
    ///
    /// ```
    /// use cosmos_backup::pointer::Pointer;
    /// let p = Pointer::parse("/a/10/b").unwrap();
    /// assert!(p.starts_with(&Pointer::parse("/a/10").unwrap()));
    /// assert!(!p.starts_with(&Pointer::parse("/a/1").unwrap()));
    /// ```
    pub fn starts_with(&self, prefix: &Pointer) -> bool {
        match self.0.strip_prefix(&prefix.0) {
            Some(rest) => rest.is_empty() || rest.starts_with('/'),
            None => false,
        }
    }

    /// This pointer relative to `prefix` (`/a/b/c` less `/a` is `/b/c`), when `prefix` is an ancestor.
    pub fn strip_prefix(&self, prefix: &Pointer) -> Option<Self> {
        self.starts_with(prefix)
            .then(|| Self(self.0.get(prefix.0.len()..).unwrap_or("").to_string()))
    }

    /// `prefix` followed by this pointer's tokens.
    #[must_use]
    pub fn under(&self, prefix: &Pointer) -> Self {
        Self(format!("{}{}", prefix.0, self.0))
    }

    /// Parses pointer text; `None` unless it is empty or starts with `/`.
    pub fn parse(text: &str) -> Option<Self> {
        (text.is_empty() || text.starts_with('/')).then(|| Self(text.to_string()))
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Pointer> for String {
    fn from(p: Pointer) -> Self {
        p.0
    }
}
