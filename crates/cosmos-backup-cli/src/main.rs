//! `cosmos-backup`: lint ARM templates, `az cosmosdb show` / PowerShell output, REST examples
//! and restore requests for Azure Cosmos DB backup problems, from a terminal or CI.
//!
//! Exit codes: 0 no errors, 1 errors found, 2 unreadable input.

mod human;
mod inputs;
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
        /// Files or directories (every *.json inside), or `-` for standard input.
        #[arg(required = true)]
        inputs: Vec<String>,
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
    /// Show which Azure objects a document holds and in which shape.
    Read {
        /// A file, or `-` for standard input.
        input: String,
    },
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
        Command::Evaluate { inputs, now, format } => evaluate(&inputs, now.as_deref(), format),
        Command::Rules { format } => rules(format),
        Command::Read { input } => read(&input),
        Command::Call { operation, input, list } => call(operation.as_deref(), input.as_deref(), list),
    }
}

fn evaluate(inputs: &[String], now: Option<&str>, format: Format) -> ExitCode {
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
    let outcomes: Vec<Outcome> = files.into_iter().map(|f| inputs::evaluate_file(f, &options)).collect();
    let printed = match format {
        Format::Human => human::print(&outcomes),
        Format::Json => json(&outcomes),
        Format::Sarif => sarif::print(&outcomes),
    };
    if let Err(e) = printed {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    exit_code(&outcomes)
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

fn json(outcomes: &[Outcome]) -> std::io::Result<()> {
    let value = match outcomes {
        [one] => match &one.result {
            Ok(e) => serde_json::to_value(e),
            Err(e) => serde_json::to_value(serde_json::json!({ "error": e })),
        },
        many => serde_json::to_value(serde_json::json!({
            "schemaVersion": api::SCHEMA_VERSION,
            "files": many.iter().map(|o| match &o.result {
                Ok(e) => serde_json::json!({"file": o.file, "evaluation": e}),
                Err(e) => serde_json::json!({"file": o.file, "error": e}),
            }).collect::<Vec<_>>(),
        })),
    }?;
    println!("{}", serde_json::to_string_pretty(&value)?);
    Ok(())
}

fn rules(format: Format) -> ExitCode {
    let rules = api::rules();
    if format == Format::Json {
        println!("{}", serde_json::to_string_pretty(&rules).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    for r in &rules {
        println!(
            "{:<48} {:<8} {}\n{:<48} {:<8} source: {}",
            r.code,
            format!("{:?}", r.severity).to_lowercase(),
            r.summary,
            "",
            "",
            r.source
        );
    }
    println!("{} rules", rules.len());
    ExitCode::SUCCESS
}

fn call(operation: Option<&str>, input: Option<&str>, list: bool) -> ExitCode {
    if list {
        for op in api::OPERATIONS {
            println!("{op}");
        }
        return ExitCode::SUCCESS;
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
    println!("{}", serde_json::to_string_pretty(&answer).unwrap_or_default());
    if answer.get("error").is_some() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn read(input: &str) -> ExitCode {
    let text = match inputs::read_text(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    match api::parse_json(&text).and_then(|v| api::read(&v)) {
        Ok(found) => {
            for f in found {
                println!(
                    "{:<20} {:<16} {:<40} {}",
                    format!("{:?}", f.kind),
                    format!("{:?}", f.shape),
                    f.name.unwrap_or_default(),
                    f.path
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error[{}]: {}", e.code, e.message);
            ExitCode::from(2)
        }
    }
}
