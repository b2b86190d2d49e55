//! Timestamps in every format real Cosmos DB documents carry.
//!
//! The engine speaks RFC 3339 UTC. Azure documents also carry US-style timestamps
//! (`6/24/2020 4:01:48 AM` in a Learn ARM sample, `10/26/2021 5:27:45 PM` in CLI output),
//! `+00:00` offsets with microseconds (PowerShell), and zone-less ISO strings. Each parses,
//! and [`Parsed::form`] says which form it was so a caller can warn and name the ISO form.

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};

/// Which textual form a timestamp was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// RFC 3339 with `Z`: the canonical form.
    Rfc3339Utc,
    /// RFC 3339 with a numeric offset such as `+00:00` or `-07:00`.
    Rfc3339Offset,
    /// ISO 8601 date and time without a zone; read as UTC.
    NoZone,
    /// US month/day/year with optional AM/PM (`6/24/2020 4:01:48 AM`); read as UTC.
    UsFormat,
}

/// A parsed timestamp and the form it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed {
    /// The instant, in UTC.
    pub at: DateTime<Utc>,
    /// The form it was written in.
    pub form: Form,
}

/// Parses a timestamp in any supported form. Returns `None` when no form fits or the
/// instant is out of range.
///
/// ```
/// use cosmos_backup::time::{parse, Form};
/// let p = parse("6/24/2020 4:01:48 AM").unwrap();
/// assert_eq!(cosmos_backup::time::format(p.at), "2020-06-24T04:01:48Z");
/// assert_eq!(p.form, Form::UsFormat);
/// assert_eq!(parse("2020-08-08T01:04:52.070190+00:00").unwrap().form, Form::Rfc3339Offset);
/// assert!(parse("yesterday").is_none());
/// ```
pub fn parse(text: &str) -> Option<Parsed> {
    // RFC 3339 has four-digit years: anything outside 0000–9999 (chrono reads `-11-08-08` as year
    // −11) could not be written back in the canonical form (found by fuzzing, see RELIABILITY.md).
    parse_any(text).filter(|p| (0..=9999).contains(&chrono::Datelike::year(&p.at)))
}

fn parse_any(text: &str) -> Option<Parsed> {
    let t = text.trim();
    if t.is_empty() || t.len() > 64 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        let form = if t.ends_with('Z') || t.ends_with('z') {
            Form::Rfc3339Utc
        } else {
            Form::Rfc3339Offset
        };
        return Some(Parsed {
            at: dt.with_timezone(&Utc),
            form,
        });
    }
    const NO_ZONE: [&str; 3] = ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M"];
    if let Some(at) = NO_ZONE.iter().find_map(|f| NaiveDateTime::parse_from_str(t, f).ok()) {
        return Some(Parsed {
            at: at.and_utc(),
            form: Form::NoZone,
        });
    }
    const US: [&str; 4] = [
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %I:%M %p",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M",
    ];
    US.iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        .map(|at| Parsed {
            at: at.and_utc(),
            form: Form::UsFormat,
        })
}

/// Formats an instant as RFC 3339 UTC with a `Z`, keeping sub-second digits only when present.
pub fn format(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}
