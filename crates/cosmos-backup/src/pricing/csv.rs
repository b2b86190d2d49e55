//! The embedded price data: the Azure Retail Prices snapshot, byte-for-byte as in
//! `shared/reference/azure_retail_prices_cosmos_backup.csv` (`data/prices.csv`), plus
//! `data/prices-supplement.csv` for the two regions the snapshot lacks (westus, eastus), each
//! row naming its own source. Both are compiled in with `include_str!`: no file I/O at run time.
//!
//! The format is the snapshot's: a header row, then comma-separated fields without quoting.

/// The snapshot CSV (217 rows, 14 regions), with its provenance columns.
pub const SNAPSHOT: &str = include_str!("../../data/prices.csv");
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
