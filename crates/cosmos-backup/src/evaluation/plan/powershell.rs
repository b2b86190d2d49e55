//! Azure PowerShell (Az.CosmosDB) command lines, quoted for PowerShell: values in verbatim
//! single quotes, so `$` and backticks in a name are never expanded. Cmdlets and parameters as
//! [RACB] and [IAI] show them.

use super::quote::pwsh;

/// One cmdlet call being built.
#[derive(Debug, Clone, Default)]
pub struct Ps {
    words: Vec<String>,
}

impl Ps {
    /// A cmdlet.
    pub fn new(cmdlet: &str) -> Self {
        Ps {
            words: vec![cmdlet.to_string()],
        }
    }

    /// `-Parameter 'value'`.
    pub fn arg(mut self, name: &str, value: &str) -> Self {
        self.words.push(name.to_string());
        self.words.push(pwsh(value));
        self
    }

    /// `-Parameter 'value'` when there is a value.
    pub fn opt(self, name: &str, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.arg(name, v),
            None => self,
        }
    }

    /// `-Parameter 'a','b'` (an array).
    pub fn list(mut self, name: &str, values: &[String]) -> Self {
        self.words.push(name.to_string());
        self.words
            .push(values.iter().map(|v| pwsh(v)).collect::<Vec<_>>().join(","));
        self
    }

    /// `-Parameter <expression>` written as it is (`$true`, a variable).
    pub fn raw(mut self, name: &str, expression: &str) -> Self {
        self.words.push(name.to_string());
        self.words.push(expression.to_string());
        self
    }

    /// The command line.
    pub fn line(&self) -> String {
        self.words.join(" ")
    }
}
