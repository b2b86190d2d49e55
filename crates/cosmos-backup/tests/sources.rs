//! The sources named in the output: every price and rule cites a public document (or says none
//! was found), never a working note; seed 003 has one date wherever it is named.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code: a failure should stop the test"
)]

use cosmos_backup::pricing::sheet::{METERS, default_sheet};
use std::path::{Path, PathBuf};

/// Markers of a researcher's working note rather than a citation.
const WORKING_NOTE_MARKERS: &[&str] = &["find_string", "id ", "unidentified"];

/// The first marker found at the start of a word (`valid ` is not `id `).
fn working_note(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    WORKING_NOTE_MARKERS.iter().copied().find(|m| {
        lower.match_indices(m).any(|(i, _)| {
            i == 0
                || lower[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_ascii_alphanumeric())
        })
    })
}

#[test]
fn the_marker_check_finds_working_notes() {
    assert_eq!(
        working_note("unidentified (find_string id 68372702126)"),
        Some("find_string")
    );
    assert_eq!(working_note("a note (id 123)"), Some("id "));
    assert_eq!(working_note("the input is not valid JSON"), None);
}

#[test]
fn no_price_source_is_a_working_note() {
    let sheet = default_sheet();
    let mut seen = 0;
    for region in sheet.regions() {
        for m in METERS {
            let Some(p) = sheet.get(&region, *m) else { continue };
            seen += 1;
            assert!(!p.source.is_empty(), "{region} {m:?} has no source");
            assert_eq!(working_note(&p.source), None, "{region} {m:?}: {}", p.source);
        }
    }
    assert!(seen > 100, "the default sheet was scanned ({seen} prices)");
}

#[test]
fn no_rule_source_is_a_working_note() {
    for rule in cosmos_backup::catalogue() {
        assert_eq!(working_note(rule.source), None, "{}: {}", rule.code, rule.source);
    }
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

fn years(line: &str) -> Vec<String> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len().saturating_sub(3) {
        let w = &b[i..i + 4];
        let edge = |j: Option<usize>| j.and_then(|j| b.get(j)).is_none_or(|c| !c.is_ascii_digit());
        if w[0] == b'2'
            && w[1] == b'0'
            && w.iter().all(u8::is_ascii_digit)
            && edge(i.checked_sub(1))
            && edge(Some(i + 4))
        {
            out.push(String::from_utf8_lossy(w).into_owned());
        }
    }
    out
}

/// Help and source texts that name seed 003 give it the catalogue's date (the [CBI] constant)
/// or none: "the 2024 documentation (seed 003)" next to a catalogue that says 2025 is two dates.
#[test]
fn seed_003_has_one_date() {
    let cbi_years = years(cosmos_backup::sources::CBI);
    assert_eq!(cbi_years, vec!["2025".to_string()]);
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut seen = 0;
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if !line.contains("seed 003") {
                continue;
            }
            seen += 1;
            for y in years(line) {
                assert!(
                    cbi_years.contains(&y),
                    "{}:{}: seed 003 dated {y}, the catalogue says {cbi_years:?}",
                    f.display(),
                    n + 1
                );
            }
        }
    }
    assert!(seen >= 2, "the scan found the seed-003 texts");
}
