//! The layering of the crate, read from its source: nothing outside `api` refers to `api` (the
//! thin boundary), and the top-level modules refer to each other without a cycle.
//!
//! Every `crate::<module>` reference counts: `use` statements (with `{…}` groups) and paths in
//! code. Comments (doc links, doc tests) and test code (files named `tests.rs`, and anything after
//! a `#[cfg(test)]` line) do not. `ARCH_SRC=<dir>` checks another tree (how this test was shown to
//! fail on the tree before the stages moved below `api`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code: a failure should stop the test"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The boundary every surface goes through; nothing else may refer to it.
const BOUNDARY: &str = "api";

fn src_dir() -> PathBuf {
    std::env::var_os("ARCH_SRC")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file belongs to (`None` for the crate root).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    match first.strip_suffix(".rs") {
        Some("lib") => None,
        Some(m) => Some(m.to_string()),
        None => Some(first.to_string()),
    }
}

/// The code of a file without comments and without its test code.
fn code(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let line = match line.find("//") {
            // A `//` inside a string literal (a URL) is rare in this crate and keeps the line.
            Some(i) if line[..i].matches('"').count() % 2 == 0 => &line[..i],
            _ => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn ident_at(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
    &s[..end]
}

/// Every top-level module named after `crate::` in `code`, including each member of a `{…}` group.
fn references(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().last();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `mycrate::` is another crate
        }
        let after = rest.trim_start();
        if let Some(group) = after.strip_prefix('{') {
            let mut depth = 0usize;
            let mut start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && (c.is_alphanumeric() || c == '_') => {
                        out.insert(ident_at(&group[j..]).to_string());
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident_at(after);
            if !name.is_empty() {
                out.insert(name.to_string());
            }
        }
    }
    out
}

/// module → the other top-level modules it refers to, and module → files referring to `api`.
type Graph = BTreeMap<String, BTreeSet<String>>;

fn graph(src: &Path) -> (Graph, BTreeMap<String, Vec<String>>) {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut g = Graph::new();
    let mut into_boundary: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in files {
        let Some(module) = module_of(src, &f) else { continue };
        if f.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let refs = references(&code(&std::fs::read_to_string(&f).unwrap()));
        let edges = g.entry(module.clone()).or_default();
        for r in refs {
            if r == module || r == "self" || r == "super" {
                continue;
            }
            if r == BOUNDARY {
                into_boundary
                    .entry(module.clone())
                    .or_default()
                    .push(f.strip_prefix(src).unwrap().display().to_string());
            }
            edges.insert(r);
        }
    }
    (g, into_boundary)
}

/// A cycle of the graph as `a → b → … → a`, if there is one.
fn cycle(g: &Graph) -> Option<Vec<String>> {
    fn visit(n: &str, g: &Graph, stack: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == n) {
            let mut c = stack[i..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, g, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    g.keys().find_map(|n| visit(n, g, &mut Vec::new(), &mut done))
}

#[test]
fn nothing_outside_the_boundary_refers_to_it() {
    let (g, into_boundary) = graph(&src_dir());
    assert!(
        g.contains_key(BOUNDARY) && g.len() > 10,
        "the source tree was not found: {g:?}"
    );
    let outside: BTreeMap<_, _> = into_boundary.into_iter().filter(|(m, _)| m != BOUNDARY).collect();
    assert!(
        outside.is_empty(),
        "modules below `{BOUNDARY}` refer to it (move what they need below the boundary): {outside:#?}"
    );
}

#[test]
fn the_module_graph_has_no_cycle() {
    let (g, _) = graph(&src_dir());
    if let Some(c) = cycle(&g) {
        panic!(
            "the top-level modules form a cycle: {} (move the shared part to the lower layer)",
            c.join(" → ")
        );
    }
}

#[test]
fn the_checks_see_what_they_are_for() {
    // Groups, paths and plain uses are references; comments, other crates and test code are not.
    let text = "use crate::{api::ApiError, limits};\nfn f() { crate::policy::check(); }\n\
                // crate::pricing in a comment\nlet s = mycrate::restore;\n#[cfg(test)]\nuse crate::scenario;\n";
    let refs = references(&code(text));
    assert_eq!(
        refs,
        ["api", "limits", "policy"].iter().map(|s| s.to_string()).collect()
    );
    let mut g = Graph::new();
    for (a, b) in [
        ("api", "limits"),
        ("limits", "restore"),
        ("restore", "api"),
        ("policy", "model"),
    ] {
        g.entry(a.to_string()).or_default().insert(b.to_string());
    }
    assert_eq!(cycle(&g).unwrap().join(" → "), "api → limits → restore → api");
    g.get_mut("restore").unwrap().clear();
    assert_eq!(cycle(&g), None);
}
