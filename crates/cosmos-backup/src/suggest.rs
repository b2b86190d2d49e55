//! "Did you mean …?" for enum values and keys.

/// The closest candidate to `given` (case-insensitive edit distance ≤ 1/3 of its length, at least 2),
/// so `continuous7day` suggests `Continuous7Days`.
///
/// ```
/// use cosmos_backup::suggest::closest;
/// assert_eq!(closest("Continous7Days", &["Continuous7Days", "Continuous30Days"]), Some("Continuous7Days"));
/// assert_eq!(closest("Hourly", &["Geo", "Local", "Zone"]), None);
/// ```
pub fn closest<'c>(given: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let g = given.to_ascii_lowercase();
    let limit = (g.chars().count() / 3).max(2);
    let len = g.chars().count();
    candidates
        .iter()
        // The distance is at least the difference in length: skip hopeless candidates cheaply
        // (a 1 MiB string must not cost 1 MiB x candidate-length steps).
        .filter(|c| len.abs_diff(c.chars().count()) <= limit)
        .map(|c| (distance(&g, &c.to_ascii_lowercase()), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over chars.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = Vec::with_capacity(prev.len());
        cur.push(i.saturating_add(1));
        for (j, cb) in b.iter().enumerate() {
            let sub = prev
                .get(j)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(usize::from(ca != *cb));
            let del = prev
                .get(j.saturating_add(1))
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            let ins = cur.last().copied().unwrap_or(usize::MAX).saturating_add(1);
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// A help sentence listing allowed values, with a suggestion when one is close.
pub fn enum_help(given: &str, allowed: &[&str]) -> String {
    let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
    match closest(given, allowed) {
        Some(s) => format!("did you mean `{s}`? allowed values: {list}"),
        None => format!("use one of {list}"),
    }
}
