//! Human output: `file:line:col: severity[code] message`, then help and source.

use crate::Outcome;
use cosmos_backup::diagnostics::{Diagnostic, Severity};
use std::io::Write;

/// Prints every outcome for a person.
pub fn print(outcomes: &[Outcome]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let (mut errors, mut warnings) = (0usize, 0usize);
    for o in outcomes {
        match &o.result {
            Err(e) => {
                for d in &e.diagnostics {
                    diagnostic(&mut out, o, d, None)?;
                }
                errors = errors.saturating_add(1);
            }
            Ok(eval) => {
                for d in &eval.diagnostics {
                    diagnostic(&mut out, o, d, None)?;
                }
                for r in &eval.results {
                    for d in &r.diagnostics {
                        diagnostic(&mut out, o, d, Some(&r.name))?;
                    }
                    summary_line(&mut out, o, r)?;
                }
                errors = errors.saturating_add(eval.summary.errors);
                warnings = warnings.saturating_add(eval.summary.warnings);
            }
        }
    }
    writeln!(
        out,
        "{} file(s): {errors} error(s), {warnings} warning(s)",
        outcomes.len()
    )?;
    out.flush()
}

/// Where a finding is: its `location` (file, line, column) when the engine gave one, else the
/// pointer located in the input's JSON text.
pub fn place<'o>(o: &'o Outcome, d: &'o Diagnostic) -> (&'o str, Option<(usize, usize)>) {
    if let Some(l) = &d.location {
        return (l.file.as_deref().unwrap_or(&o.file), Some((l.line, l.column)));
    }
    let pos = cosmos_backup::locate::position(&o.text, &d.path).map(|p| (p.line, p.column));
    (&o.file, pos)
}

fn diagnostic(out: &mut impl Write, o: &Outcome, d: &Diagnostic, account: Option<&str>) -> std::io::Result<()> {
    let (file, pos) = place(o, d);
    let pos = pos.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default();
    let sev = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    writeln!(out, "{file}{pos}: {sev}[{}] {}", d.code, d.message)?;
    if let Some(a) = account {
        writeln!(
            out,
            "  = account: {a} (at {})",
            if d.path.as_str().is_empty() {
                "/"
            } else {
                d.path.as_str()
            }
        )?;
    }
    writeln!(out, "  = help: {}", d.help)?;
    writeln!(out, "  = source: {}", d.source)
}

fn summary_line(out: &mut impl Write, o: &Outcome, r: &cosmos_backup::api::AccountResult) -> std::io::Result<()> {
    let policy = match &r.effective_policy {
        Some(p) => serde_json::to_string(p).unwrap_or_default(),
        None => "unknown".to_string(),
    };
    writeln!(
        out,
        "{}: account `{}` ({}): effective policy {policy}",
        o.file,
        r.name,
        r.api.label()
    )?;
    if let Some(w) = &r.restore_window {
        writeln!(out, "  restore window: {} … {}", w.earliest, w.latest)?;
    }
    if let Some(c) = &r.cost {
        writeln!(
            out,
            "  cost: {} {} per month, {} {} per restore",
            c.monthly_total, c.currency, c.per_restore, c.currency
        )?;
    }
    Ok(())
}
