//! Resource limits and the checks on raw JSON text that `serde_json` cannot do itself.
//!
//! Every limit is documented in the README ("Inputs") and enforced with an
//! `input.limit-exceeded` diagnostic, never a crash. The text scanner here finds what a
//! parsed `serde_json::Value` has already lost: duplicate keys (serde_json keeps the last one
//! silently) and where in the document a number that does not fit a 64-bit float was written.

use crate::diagnostics::Diagnostic;
use crate::input;
use crate::pointer::Pointer;
use crate::refusal::ApiError;
use serde_json::Value;
use std::collections::HashMap;

/// The largest JSON text the text API accepts, in bytes (32 MiB).
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;
/// Nesting of arrays and objects must stay below this many levels (serde_json's own recursion
/// limit: the 128th nested container is refused), in the text and the typed API alike.
pub const MAX_DEPTH: usize = 128;
/// The longest single JSON string, in bytes (1 MiB). Azure's longest fields (URIs, JSON blobs in
/// tags) are a few KiB.
pub const MAX_STRING_BYTES: usize = 1024 * 1024;
/// The most scenarios in one fleet (an array of scenarios).
pub const MAX_SCENARIOS: usize = 10_000;
/// The most accounts evaluated in one document; the rest are reported, not evaluated.
pub const MAX_ACCOUNTS: usize = 10_000;
/// The most regions (`locations` entries) in one account. Azure has fewer than 100 regions.
pub const MAX_REGIONS: usize = 1_000;
/// The most entries in a scenario's `events` feed.
pub const MAX_EVENTS: usize = 1_000_000;

/// Checks a parsed value against the depth and string-length limits, without recursion.
///
/// Too deep is misuse (the text API refuses the same input), so it is an `Err`; a string that is
/// too long is a finding at its path.
pub fn check_value(value: &Value) -> Result<Vec<Diagnostic>, ApiError> {
    let mut out = Vec::new();
    // (value, depth, step id); each step is stored once with its parent's id (0: the root), so a
    // path is built only when a finding needs one and no child copies its parent's path.
    let mut steps: Vec<(usize, PathStep<'_>)> = Vec::new();
    let mut stack: Vec<(&Value, usize, usize)> = vec![(value, 1, 0)];
    while let Some((v, depth, id)) = stack.pop() {
        match v {
            Value::String(s) if s.len() > MAX_STRING_BYTES => out.push(input::TOO_LARGE.at(
                &pointer(&steps, id),
                format!("a string of {} bytes is above the limit of {MAX_STRING_BYTES}", s.len()),
                "shorten the value: no Azure property is longer than a few KiB",
            )),
            Value::Array(_) | Value::Object(_) if depth >= MAX_DEPTH => {
                return Err(ApiError::from_diagnostic(too_deep(&pointer(&steps, id))));
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate().rev() {
                    if needs_visit(item) {
                        steps.push((id, PathStep::Index(i)));
                        stack.push((item, depth.saturating_add(1), steps.len()));
                    }
                }
            }
            Value::Object(map) => {
                case_variants(map, &steps, id, &mut out);
                for (k, item) in map.iter().rev() {
                    if needs_visit(item) {
                        steps.push((id, PathStep::Key(k)));
                        stack.push((item, depth.saturating_add(1), steps.len()));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Containers (for depth and case variants) and strings over the limit: nothing else can be a finding.
fn needs_visit(v: &Value) -> bool {
    match v {
        Value::Array(_) | Value::Object(_) => true,
        Value::String(s) => s.len() > MAX_STRING_BYTES,
        _ => false,
    }
}

#[derive(Clone, Copy)]
enum PathStep<'a> {
    Key(&'a str),
    Index(usize),
}

/// Objects up to this many members are searched for case variants pairwise (no allocation).
const PAIRWISE: usize = 32;

/// Keys of one object that differ only in ASCII letter case (`backupPolicy` and `BackupPolicy`):
/// ARM reads property names case-insensitively, so they name one property twice.
fn case_variants(
    map: &serde_json::Map<String, Value>,
    steps: &[(usize, PathStep<'_>)],
    id: usize,
    out: &mut Vec<Diagnostic>,
) {
    if map.len() < 2 {
        return;
    }
    let key = |k: &str| pointer(steps, id).key(k);
    if map.len() <= PAIRWISE {
        let keys: Vec<&String> = map.keys().collect();
        for (j, k) in keys.iter().enumerate() {
            // The first earlier key of the same spelling but for case, as the map below finds it.
            if let Some(first) = keys.iter().take(j).find(|f| f.eq_ignore_ascii_case(k)) {
                out.push(variant(&key(k), first, k));
            }
        }
        return;
    }
    let mut seen: HashMap<String, &str> = HashMap::with_capacity(map.len());
    for k in map.keys() {
        match seen.get(&k.to_ascii_lowercase()) {
            Some(first) => out.push(variant(&key(k), first, k)),
            None => {
                seen.insert(k.to_ascii_lowercase(), k);
            }
        }
    }
}

fn variant(path: &Pointer, first: &str, k: &str) -> Diagnostic {
    input::DUPLICATE_KEY.at(
        path,
        format!(
            "the keys `{}` and `{}` differ only in letter case; ARM reads them as one property",
            crate::values::clip(first),
            crate::values::clip(k)
        ),
        "keep one spelling (the documented camelCase one): which of the two is read depends on the reader",
    )
}

/// The JSON Pointer of step `id` (0: the root).
fn pointer(steps: &[(usize, PathStep<'_>)], id: usize) -> Pointer {
    let mut chain = Vec::new();
    let mut at = id;
    while let Some((parent, step)) = at.checked_sub(1).and_then(|i| steps.get(i)) {
        chain.push(*step);
        at = *parent;
    }
    chain.iter().rev().fold(Pointer::root(), |p, s| match s {
        PathStep::Key(k) => p.key(k),
        PathStep::Index(i) => p.index(*i),
    })
}

/// The finding for nesting that reaches [`MAX_DEPTH`].
pub fn too_deep(path: &Pointer) -> Diagnostic {
    input::TOO_LARGE.at(
        path,
        format!("the JSON nests {MAX_DEPTH} levels deep here, the limit"),
        "flatten the document: Azure documents nest fewer than 20 levels",
    )
}

/// The finding for a count above a limit, at the array (or object) that holds too many.
pub fn too_many(path: &Pointer, what: &str, count: usize, limit: usize, consequence: &str) -> Diagnostic {
    input::TOO_LARGE.at(
        path,
        format!("{count} {what}, above the limit of {limit}"),
        format!("{consequence}; split the input into several calls"),
    )
}

/// Every key that appears more than once in the same object of `text` (valid JSON), as a
/// warning at the duplicated key's path. serde_json keeps the last value; the warning says so.
pub fn duplicate_keys(text: &str) -> Vec<Diagnostic> {
    let mut s = Scanner::new(text, usize::MAX);
    s.skip_ws();
    let _ = s.value(&Pointer::root(), 0);
    s.duplicates
}

/// The JSON Pointer of the innermost value that begins at or before byte `offset` of `text`
/// (text that may be invalid after `offset`): where a parse error at that offset is.
pub fn path_at(text: &str, offset: usize) -> Pointer {
    let mut s = Scanner::new(text, offset);
    s.skip_ws();
    let _ = s.value(&Pointer::root(), 0);
    s.at.unwrap_or_default()
}

/// The byte offset of serde_json's 1-based `line` and `column` in `text`.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0usize;
    for _ in 1..line {
        match text.get(start..).and_then(|t| t.find('\n')) {
            Some(i) => start = start.saturating_add(i).saturating_add(1),
            None => break,
        }
    }
    start.saturating_add(column.saturating_sub(1)).min(text.len())
}

/// A tolerant recursive-descent walk over JSON text that records paths, not values.
struct Scanner<'t> {
    bytes: &'t [u8],
    text: &'t str,
    pos: usize,
    /// Stop offset for [`path_at`]; `usize::MAX` scans everything.
    stop: usize,
    /// The innermost value that began at or before `stop`.
    at: Option<Pointer>,
    duplicates: Vec<Diagnostic>,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, stop: usize) -> Self {
        Self {
            bytes: text.as_bytes(),
            text,
            pos: 0,
            stop,
            at: None,
            duplicates: Vec::new(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    /// One value at `path`; `None` when the text ends or is malformed (the scan just stops).
    fn value(&mut self, path: &Pointer, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH || self.pos > self.stop {
            return None;
        }
        self.at = Some(path.clone());
        match self.peek()? {
            b'{' => self.object(path, depth),
            b'[' => self.array(path, depth),
            b'"' => self.string().map(|_| ()),
            _ => {
                while matches!(self.peek(), Some(c) if !matches!(c, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r'))
                {
                    self.bump();
                }
                Some(())
            }
        }
    }

    /// A string token; returns its raw text including the quotes.
    fn string(&mut self) -> Option<&'t str> {
        let start = self.pos;
        self.bump();
        loop {
            match self.peek()? {
                b'\\' => {
                    self.bump();
                    self.bump();
                }
                b'"' => {
                    self.bump();
                    return self.text.get(start..self.pos);
                }
                _ => self.bump(),
            }
        }
    }

    fn object(&mut self, path: &Pointer, depth: usize) -> Option<()> {
        self.bump();
        let mut seen: HashMap<String, usize> = HashMap::new();
        loop {
            self.skip_ws();
            match self.peek()? {
                b'}' => {
                    self.bump();
                    return Some(());
                }
                b',' => {
                    self.bump();
                    continue;
                }
                b'"' => {}
                _ => return None,
            }
            let raw = self.string()?;
            let key: String = serde_json::from_str(raw).ok()?;
            let child = path.key(&key);
            let count = seen.entry(key.clone()).or_insert(0);
            *count = count.saturating_add(1);
            if *count == 2 {
                self.duplicates.push(input::DUPLICATE_KEY.at(
                    &child,
                    format!("the key `{}` appears more than once in the same object; the last value is used", crate::values::clip(&key)),
                    "remove all but one: JSON readers disagree on which duplicate wins (serde_json, Python and JavaScript keep the last, some keep the first)",
                ));
            }
            self.skip_ws();
            if self.peek()? != b':' {
                return None;
            }
            self.bump();
            self.skip_ws();
            self.value(&child, depth.saturating_add(1))?;
        }
    }

    fn array(&mut self, path: &Pointer, depth: usize) -> Option<()> {
        self.bump();
        let mut index = 0usize;
        loop {
            self.skip_ws();
            match self.peek()? {
                b']' => {
                    self.bump();
                    return Some(());
                }
                b',' => {
                    self.bump();
                    index = index.saturating_add(1);
                    continue;
                }
                _ => self.value(&path.index(index), depth.saturating_add(1))?,
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test code")]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_found_with_their_paths() {
        let text = r#"{"a": 1, "b": {"x": [ {"k": 1, "k": 2, "k": 3} ], "x": 0}, "a": 2, "a/b": 1, "a~1b": 2}"#;
        let d = duplicate_keys(text);
        let paths: Vec<&str> = d.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, vec!["/b/x/0/k", "/b/x", "/a"]);
        assert!(d.iter().all(|d| d.code == "input.duplicate-key"));
    }

    #[test]
    fn escaped_keys_are_compared_decoded() {
        let d = duplicate_keys(r#"{"\u0061": 1, "a": 2}"#);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path.as_str(), "/a");
    }

    #[test]
    fn no_duplicates_in_plain_documents() {
        assert!(duplicate_keys(r#"{"a": [{"a": 1}, {"a": 2}], "b": "\"a\": 1, \"a\""}"#).is_empty());
    }

    #[test]
    fn path_at_finds_the_value_at_an_error() {
        let text = "{\"p\": {\"n\": [1, 1e400]}}";
        let off = text.find("1e400").unwrap() + 5;
        assert_eq!(path_at(text, off).as_str(), "/p/n/1");
        assert_eq!(offset_of("a\nbc\nd", 3, 1), 5);
    }

    #[test]
    fn deep_values_are_refused_without_recursion() {
        let mut v = Value::Null;
        for _ in 0..100_000 {
            v = Value::Array(vec![v]);
        }
        let e = check_value(&v).unwrap_err();
        assert_eq!(e.code, "input.limit-exceeded");
        assert_eq!(e.diagnostics[0].path.as_str().matches('/').count(), MAX_DEPTH - 1);
        // Dropping a 100 000-deep value recurses in serde_json itself; leak it instead.
        std::mem::forget(v);
    }

    #[test]
    fn long_strings_are_reported_at_their_path() {
        let v = serde_json::json!({"a": [1, {"b": "x".repeat(MAX_STRING_BYTES + 1)}]});
        let d = check_value(&v).unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path.as_str(), "/a/1/b");
    }
}
