//! Azure CLI command lines, quoted for bash. The argument names are azure-cli's own (see
//! `crates/cosmos-backup/tests/data/az-cosmosdb-args.txt`, read from its `_params.py`, which a
//! test checks every generated command against).

use super::quote::bash;

/// One `az` command being built.
#[derive(Debug, Clone, Default)]
pub struct Az {
    words: Vec<String>,
}

impl Az {
    /// `az <command>` (the command words, e.g. `cosmosdb restore`).
    pub fn new(command: &str) -> Self {
        let mut words = vec!["az".to_string()];
        words.extend(command.split_whitespace().map(str::to_string));
        Az { words }
    }

    /// `--flag value`.
    pub fn arg(mut self, flag: &str, value: &str) -> Self {
        self.words.push(flag.to_string());
        self.words.push(bash(value));
        self
    }

    /// `--flag value` when there is a value.
    pub fn opt(self, flag: &str, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.arg(flag, v),
            None => self,
        }
    }

    /// `--flag v1 v2 …` (an argument taking several words).
    pub fn many(mut self, flag: &str, values: &[String]) -> Self {
        self.words.push(flag.to_string());
        self.words.extend(values.iter().map(|v| bash(v)));
        self
    }

    /// The command line.
    pub fn line(&self) -> String {
        self.words.join(" ")
    }
}
