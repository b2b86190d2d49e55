//! `cosmos-backup`: lint ARM templates, `az cosmosdb show` / PowerShell output, REST examples
//! and restore requests for Azure Cosmos DB backup problems, from a terminal or CI.
//!
//! Exit codes: 0 no errors, 1 errors found, 2 unreadable input.

mod human;
mod inputs;
mod plan;
mod sarif;

use clap::{Parser, Subcommand, ValueEnum};
use cosmos_backup::api::{self, ApiError, Evaluation, Options};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "cosmos-backup",
    version,
    about = "Exact, offline answers about Azure Cosmos DB backups"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Evaluate documents: policy validity, effective policy, restore window, not-restored list, cost.
    Evaluate {
        /// Files or directories, or `-` for standard input. Read by extension: `.json`, `.jsonc`,
        /// `.bicep`, `.bicepparam`, `.tf`, `.tfvars` (a directory: every such file inside).
        #[arg(required = true)]
        inputs: Vec<String>,
        /// A parameters file for the template (`.json` deployment parameters, `.bicepparam`,
        /// `.tfvars`), as `az deployment group validate --parameters` takes it.
        #[arg(long, value_name = "FILE")]
        parameters: Option<String>,
        /// The instant to evaluate at (RFC 3339). Defaults to the current time; a scenario's own `now` wins.
        #[arg(long)]
        now: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// List every diagnostic code with its severity and source.
    Rules {
        /// Output format (`human` or `json`).
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Run any API operation by name on a JSON input and print its JSON answer
    /// (`cosmos-backup call --list` shows the operations).
    Call {
        /// The operation (e.g. `evaluate`, `validate`, `read`).
        #[arg(required_unless_present = "list")]
        operation: Option<String>,
        /// A file, or `-` for standard input.
        #[arg(required_unless_present = "list")]
        input: Option<String>,
        /// List the operations.
        #[arg(long)]
        list: bool,
    },
    /// Plan a restore: the commands that carry it out (az, PowerShell, ARM, Bicep), checked by
    /// the engine's own restore-request check, with what to verify and re-apply. FILE is a
    /// scenario with `plan: {timestamp | incidentTime, restore?, target}` (see `restorePlan`).
    PlanRestore {
        /// A file, or `-` for standard input.
        input: String,
        /// Output format: `human`, `json`, or a script to review and run (`sh`, `ps1`).
        #[arg(long, value_enum, default_value_t = plan::PlanFormat::Human)]
        format: plan::PlanFormat,
    },
    /// Show which Azure objects a document holds and in which shape.
    Read {
        /// A file, or `-` for standard input.
        input: String,
    },
    /// Print the JSON Schema (draft 2020-12) of every operation's input and output.
    Schema,
}

/// Output formats.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Diagnostics with file:line:column, message and help.
    Human,
    /// The evaluation contract as JSON.
    Json,
    /// SARIF 2.1.0 for code-scanning UIs.
    Sarif,
}

/// One input's outcome.
pub struct Outcome {
    /// The file name as given (`-` for stdin).
    pub file: String,
    /// The text read.
    pub text: String,
    /// The evaluation or why there is none.
    pub result: Result<Evaluation, ApiError>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Evaluate {
            inputs,
            parameters,
            now,
            format,
        } => evaluate(&inputs, parameters.as_deref(), now.as_deref(), format),
        Command::Rules { format } => rules(format),
        Command::Read { input } => read(&input),
        Command::PlanRestore { input, format } => plan_restore(&input, format),
        Command::Schema => schema(),
        Command::Call { operation, input, list } => call(operation.as_deref(), input.as_deref(), list),
    }
}

/// The exit code once output is written: a closed pipe (`cosmos-backup … | head`) ends the
/// run quietly with the code it would have had; any other write error is exit 2.
fn written(result: std::io::Result<()>, code: ExitCode) -> ExitCode {
    match result {
        Ok(()) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes `text` and a newline to standard output.
fn out(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    writeln!(o, "{text}")?;
    o.flush()
}

fn evaluate(inputs: &[String], parameters: Option<&str>, now: Option<&str>, format: Format) -> ExitCode {
    let now = match now {
        Some(t) => match cosmos_backup::time::parse(t) {
            Some(p) => p.at,
            None => {
                eprintln!("error: --now `{t}` is not a timestamp; use RFC 3339, e.g. 2026-11-21T08:00:00Z");
                return ExitCode::from(2);
            }
        },
        None => chrono::Utc::now(),
    };
    let options = Options { now: Some(now) };
    let files = match inputs::expand(inputs) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if files.from_directory {
        eprintln!("{}", read_summary(&files));
    }
    if files.read.is_empty() {
        eprintln!(
            "error: no document to read (extensions read: {}); convert Bicep with `bicep build`, Terraform with `terraform show -json`",
            inputs::extensions()
        );
        return ExitCode::from(2);
    }
    if parameters.is_some() && files.read.len() != 1 {
        eprintln!("error: `--parameters` applies to one template; give exactly one file with it");
        return ExitCode::from(2);
    }
    let outcomes: Vec<Outcome> = files
        .read
        .iter()
        .map(|f| inputs::evaluate_file(f.clone(), parameters, &options))
        .collect();
    let code = exit_code(&outcomes);
    let printed = match format {
        Format::Human => human::print(&outcomes),
        Format::Json => json(&outcomes, &files),
        Format::Sarif => sarif::print(&outcomes),
    };
    written(printed, code)
}

/// `read 12 file(s), skipped 3 (README.md, …)`.
fn read_summary(files: &inputs::Files) -> String {
    let mut line = format!("read {} file(s)", files.read.len());
    if !files.skipped.is_empty() {
        let shown: Vec<&str> = files.skipped.iter().take(5).map(String::as_str).collect();
        let more = if files.skipped.len() > shown.len() { ", …" } else { "" };
        line.push_str(&format!(
            ", skipped {} ({}{more}): not {}",
            files.skipped.len(),
            shown.join(", "),
            inputs::extensions()
        ));
    }
    line
}

fn exit_code(outcomes: &[Outcome]) -> ExitCode {
    if outcomes.iter().any(|o| o.result.is_err()) {
        ExitCode::from(2)
    } else if outcomes
        .iter()
        .any(|o| o.result.as_ref().is_ok_and(|e| e.summary.errors > 0))
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn json(outcomes: &[Outcome], files: &inputs::Files) -> std::io::Result<()> {
    let value = match outcomes {
        [one] if !files.from_directory => match &one.result {
            Ok(e) => serde_json::to_value(e),
            Err(e) => serde_json::to_value(serde_json::json!({ "error": e })),
        },
        many => serde_json::to_value(serde_json::json!({
            "schemaVersion": api::SCHEMA_VERSION,
            "files": many.iter().map(|o| match &o.result {
                Ok(e) => serde_json::json!({"file": o.file, "evaluation": e}),
                Err(e) => serde_json::json!({"file": o.file, "error": e}),
            }).collect::<Vec<_>>(),
            "skipped": files.skipped,
        })),
    }?;
    out(&serde_json::to_string_pretty(&value)?)
}

fn rules(format: Format) -> ExitCode {
    let rules = api::rules();
    if format == Format::Json {
        return written(
            out(&serde_json::to_string_pretty(&rules).unwrap_or_default()),
            ExitCode::SUCCESS,
        );
    }
    let mut text = String::new();
    for r in &rules {
        text.push_str(&format!(
            "{:<48} {:<8} {}\n{:<48} {:<8} source: {}\n",
            r.code,
            format!("{:?}", r.severity).to_lowercase(),
            r.summary,
            "",
            "",
            r.source
        ));
    }
    text.push_str(&format!("{} rules", rules.len()));
    written(out(&text), ExitCode::SUCCESS)
}

fn schema() -> ExitCode {
    let text = serde_json::to_string_pretty(&api::schema::bundle()).unwrap_or_default();
    written(out(&text), ExitCode::SUCCESS)
}

fn call(operation: Option<&str>, input: Option<&str>, list: bool) -> ExitCode {
    if list {
        return written(out(&api::OPERATIONS.join("\n")), ExitCode::SUCCESS);
    }
    let (Some(op), Some(input)) = (operation, input) else {
        return ExitCode::from(2);
    };
    let text = match inputs::read_text(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let answer: serde_json::Value = serde_json::from_str(&api::call_json(op, &text)).unwrap_or_default();
    let code = if answer.get("error").is_some() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    };
    written(out(&serde_json::to_string_pretty(&answer).unwrap_or_default()), code)
}

fn plan_restore(input: &str, format: plan::PlanFormat) -> ExitCode {
    let text = match inputs::read_text(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let src = match inputs::source(input, &text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    // Through the same dispatch the bindings use: sources expanded, template values resolved.
    let answer = api::call("restorePlan", &src);
    if let Some(e) = answer.get("error") {
        eprintln!(
            "error: {}",
            e.get("message")
                .and_then(|m| m.as_str())
                .unwrap_or("the input can't be planned")
        );
        return ExitCode::from(2);
    }
    let plan: api::RestorePlan = match serde_json::from_value(answer.clone()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let code = if plan.accepted {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    let text = match format {
        plan::PlanFormat::Json => serde_json::to_string_pretty(&answer).unwrap_or_default(),
        plan::PlanFormat::Human => plan::human(&plan),
        plan::PlanFormat::Sh => plan::script(&plan, false),
        plan::PlanFormat::Ps1 => plan::script(&plan, true),
    };
    written(out(text.trim_end()), code)
}

fn read(input: &str) -> ExitCode {
    let text = match inputs::read_text(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let src = match inputs::source(input, &text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    match api::read(&src) {
        Ok(found) => {
            let lines: Vec<String> = found
                .into_iter()
                .map(|f| {
                    format!(
                        "{:<20} {:<16} {:<40} {}",
                        format!("{:?}", f.kind),
                        format!("{:?}", f.shape),
                        f.name.unwrap_or_default(),
                        f.path
                    )
                })
                .collect();
            if lines.is_empty() {
                return ExitCode::SUCCESS;
            }
            written(out(&lines.join("\n")), ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("error[{}]: {}", e.code, e.message);
            ExitCode::from(2)
        }
    }
}
