//! The embedded price data: the Azure Retail Prices snapshot, byte-for-byte as in
//! `tests/fixtures/azure_retail_prices_cosmos_backup.csv` (`data/prices.csv`), plus
//! `data/prices-supplement.csv` for the two regions the snapshot lacks (westus, eastus), each
//! row naming its own source. Both are compiled in with `include_str!`: no file I/O at run time.
//!
//! The snapshot is embedded as `data/prices-compact.csv`: only the rows of meters the engine
//! prices and only the columns it reads (149 of 217 rows, 37 KB instead of 71 KB; 1.5 KB instead
//! of 7.3 KB gzipped in the `.wasm`). A test proves it is exactly [`compact`] of the full snapshot
//! and that both give the same default sheet; `COSMOS_BACKUP_WRITE_COMPACT=1 cargo test -p
//! cosmos-backup compact` rewrites it after the snapshot changes.
//!
//! The format is the snapshot's: a header row, then comma-separated fields without quoting.

/// The snapshot CSV (217 rows, 14 regions), with its provenance columns (tests only: the engine
/// embeds [`PRICES`]).
#[cfg(test)]
pub const SNAPSHOT: &str = include_str!("../../data/prices.csv");
/// The snapshot's rows and columns the engine uses (see the module docs).
pub const PRICES: &str = include_str!("../../data/prices-compact.csv");
/// The columns of [`PRICES`].
#[cfg(test)]
pub const COMPACT_COLUMNS: &[&str] = &[
    "armRegionName",
    "productName",
    "meterName",
    "unitOfMeasure",
    "retailPrice",
    "currencyCode",
    "effectiveStartDate",
    "source_repo",
    "source_path",
    "source_commit",
];

/// The rows of `text` whose meter the engine prices and whose price parses, with
/// [`COMPACT_COLUMNS`] only.
#[cfg(test)]
pub fn compact(text: &str) -> String {
    let mut out = COMPACT_COLUMNS.join(",");
    out.push('\n');
    for row in rows(text) {
        let known = super::sheet::Meter::from_azure(row.get("productName"), row.get("meterName")).is_some();
        if known && super::money::parse(row.get("retailPrice")).is_some() {
            let fields: Vec<&str> = COMPACT_COLUMNS.iter().map(|c| row.get(c)).collect();
            out.push_str(&fields.join(","));
            out.push('\n');
        }
    }
    out
}
/// westus and eastus prices from the documents' own examples and pricing.md §2.2.
pub const SUPPLEMENT: &str = include_str!("../../data/prices-supplement.csv");

/// One CSV row, by column name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// The header names.
    header: Vec<&'a str>,
    /// The fields.
    fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// The field of a column (empty when the column or field is missing).
    pub fn get(&self, column: &str) -> &'a str {
        self.header
            .iter()
            .position(|h| *h == column)
            .and_then(|i| self.fields.get(i))
            .copied()
            .unwrap_or("")
    }
}

/// Parses CSV text into rows (the header row excluded; blank lines skipped).
pub fn rows(text: &str) -> Vec<Row<'_>> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let Some(header) = lines.next() else {
        return Vec::new();
    };
    let header: Vec<&str> = header.split(',').map(str::trim).collect();
    lines
        .map(|l| Row {
            header: header.clone(),
            fields: l.split(',').map(str::trim).collect(),
        })
        .collect()
}
