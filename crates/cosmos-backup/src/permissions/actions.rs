//! Azure RBAC action matching: `*` wildcards in any segment, case-insensitive, and
//! `actions` minus `notActions` within one permission block.
//!
//! A `*` matches any run of characters, `/` included, as Azure does: `*/read` (Reader) matches
//! `Microsoft.DocumentDB/locations/restorableDatabaseAccounts/read`, while
//! `…/restorableDatabaseAccounts/*/read` matches `…/restorableDatabaseAccounts/restorableSqlDatabases/read`
//! but not `…/restorableDatabaseAccounts/read` (which is why the built-in role lists both).
//!
//! ```
//! use cosmos_backup::permissions::actions::matches;
//! assert!(matches("Microsoft.DocumentDb/databaseAccounts/*", "microsoft.documentdb/databaseaccounts/write"));
//! assert!(matches("*/read", "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/read"));
//! assert!(!matches("Microsoft.DocumentDB/locations/restorableDatabaseAccounts/*/read",
//!                  "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/read"));
//! ```

use serde::{Deserialize, Serialize};

/// True when `pattern` (with `*` wildcards) matches `action`, ignoring ASCII case.
///
/// When `action` itself holds `*`, each of its `*` can only be matched by a `*` of `pattern`,
/// so `matches(p, q)` then answers "does `p` grant every action `q` names?".
pub fn matches(pattern: &str, action: &str) -> bool {
    let p = pattern.trim().as_bytes();
    let t = action.trim().as_bytes();
    let (mut pi, mut ti) = (0usize, 0usize);
    // Where the last `*` of the pattern was, and how much of the text it had taken.
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        let pc = p.get(pi).copied();
        let tc = t.get(ti).copied();
        if pc == Some(b'*') {
            star = Some((pi, ti));
            pi = pi.saturating_add(1);
        } else if pc.is_some_and(|c| tc.is_some_and(|t| c.eq_ignore_ascii_case(&t))) {
            pi = pi.saturating_add(1);
            ti = ti.saturating_add(1);
        } else if let Some((sp, st)) = star {
            let taken = st.saturating_add(1);
            star = Some((sp, taken));
            pi = sp.saturating_add(1);
            ti = taken;
        } else {
            return false;
        }
    }
    p.get(pi..).is_some_and(|rest| rest.iter().all(|&c| c == b'*'))
}

/// One `permissions[]` block of a role definition.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Permission {
    /// Granted control-plane actions (patterns).
    pub actions: Vec<String>,
    /// Actions removed from `actions` (patterns).
    pub not_actions: Vec<String>,
}

/// How a permission block treats one action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grant {
    /// Granted by the `actions` pattern at this index.
    Granted(usize),
    /// Matched by `actions[.0]` but removed by `notActions[.1]`.
    Excluded(usize, usize),
    /// Not matched.
    No,
}

impl Permission {
    /// Whether this block grants `action` (a concrete action, or a pattern to be covered whole).
    ///
    /// ```
    /// use cosmos_backup::permissions::actions::{Grant, Permission};
    /// let p = Permission { actions: vec!["Microsoft.DocumentDb/databaseAccounts/*".into()],
    ///     not_actions: vec!["Microsoft.DocumentDB/databaseAccounts/listKeys/*".into()] };
    /// assert_eq!(p.grant("Microsoft.DocumentDB/databaseAccounts/write"), Grant::Granted(0));
    /// assert_eq!(p.grant("Microsoft.DocumentDB/databaseAccounts/listKeys/action"), Grant::Excluded(0, 0));
    /// ```
    pub fn grant(&self, action: &str) -> Grant {
        let Some(a) = self.actions.iter().position(|p| matches(p, action)) else {
            return Grant::No;
        };
        match self.not_actions.iter().position(|n| matches(n, action)) {
            Some(n) => Grant::Excluded(a, n),
            None => Grant::Granted(a),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "test code")]
mod tests {
    use super::*;

    #[test]
    fn wildcards_in_any_segment() {
        assert!(matches("*", "Microsoft.DocumentDB/databaseAccounts/write"));
        assert!(matches(
            "Microsoft.*/databaseAccounts/write",
            "Microsoft.DocumentDB/databaseAccounts/write"
        ));
        assert!(matches(
            "Microsoft.DocumentDB/*/write",
            "Microsoft.DocumentDB/databaseAccounts/write"
        ));
        assert!(matches("*/write", "Microsoft.DocumentDB/databaseAccounts/write"));
        assert!(!matches("*/read", "Microsoft.DocumentDB/databaseAccounts/write"));
        assert!(!matches(
            "Microsoft.DocumentDB/databaseAccounts",
            "Microsoft.DocumentDB/databaseAccounts/write"
        ));
        assert!(matches(
            "microsoft.documentdb/locations/restorabledatabaseaccounts/*/read",
            "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableSqlDatabases/read"
        ));
        assert!(!matches("", "x"));
        assert!(matches("", ""));
    }

    #[test]
    fn patterns_cover_patterns() {
        let star_read = "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/*/read";
        assert!(matches("*", star_read));
        assert!(matches("*/read", star_read));
        assert!(matches(
            "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/*",
            star_read
        ));
        assert!(matches(star_read, star_read));
        assert!(!matches(
            "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableSqlDatabases/read",
            star_read
        ));
    }
}
