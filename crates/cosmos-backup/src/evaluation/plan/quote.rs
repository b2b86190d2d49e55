//! Quoting for the two shells a plan is run in, and the shell-word split the tests read the
//! generated commands back with.
//!
//! bash: a word of safe characters is written as it is; any other word goes in single quotes,
//! where nothing is special, and a single quote inside it is written `'\''`. PowerShell: the same
//! safe set bare; otherwise single quotes (verbatim: `$` and backticks are literal), with every
//! single quote doubled, including the typographic ones PowerShell also accepts as quotes.

/// Characters that need no quoting in either shell.
fn safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | ':' | '=' | ',' | '@' | '%' | '+')
}

/// One bash word for `s`.
///
/// ```
/// use cosmos_backup::evaluation::plan::quote::bash;
/// assert_eq!(bash("West US"), "'West US'");
/// assert_eq!(bash("it's"), "'it'\\''s'");
/// assert_eq!(bash("orders-1"), "orders-1");
/// ```
pub fn bash(s: &str) -> String {
    if !s.is_empty() && !s.starts_with('=') && s.chars().all(safe) {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// One PowerShell argument for `s` (a verbatim string when it needs quoting).
///
/// ```
/// use cosmos_backup::evaluation::plan::quote::pwsh;
/// assert_eq!(pwsh("West US"), "'West US'");
/// assert_eq!(pwsh("a$b`c"), "'a$b`c'");
/// assert_eq!(pwsh("it's"), "'it''s'");
/// ```
pub fn pwsh(s: &str) -> String {
    // A leading `-` would read as a parameter name, `@` as splatting, `,` builds an array.
    // Bare only a word PowerShell reads as that same string (a letter first) or an integer:
    // `2026-11-20T09:15:30Z` or `1e5` bare could be read as a number or a date expression.
    let letter_first = s.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    let integer = !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if integer || (letter_first && s.chars().all(|c| safe(c) && c != ',' && c != '@')) {
        return s.to_string();
    }
    let mut out = String::from("'");
    for c in s.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// Splits a bash command line into words the way bash does for the quoting [`bash`] writes
/// (single quotes, double quotes with `\` escapes, backslash escapes, `\` line continuations).
/// `None` when a quote is left open.
///
/// ```
/// use cosmos_backup::evaluation::plan::quote::split_bash;
/// assert_eq!(split_bash("az x --n 'a b' c\\ d").unwrap(), ["az", "x", "--n", "a b", "c d"]);
/// ```
pub fn split_bash(line: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut started = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                started = true;
                loop {
                    match chars.next()? {
                        '\'' => break,
                        x => cur.push(x),
                    }
                }
            }
            '"' => {
                started = true;
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => match chars.next()? {
                            x @ ('"' | '\\' | '$' | '`') => cur.push(x),
                            '\n' => {}
                            x => {
                                cur.push('\\');
                                cur.push(x);
                            }
                        },
                        x => cur.push(x),
                    }
                }
            }
            '\\' => match chars.next() {
                Some('\n') | None => {}
                Some(x) => {
                    started = true;
                    cur.push(x);
                }
            },
            c if c.is_whitespace() => {
                if started {
                    words.push(std::mem::take(&mut cur));
                    started = false;
                }
            }
            c => {
                started = true;
                cur.push(c);
            }
        }
    }
    if started {
        words.push(cur);
    }
    Some(words)
}

/// Splits a PowerShell argument list into words for the quoting [`pwsh`] writes (verbatim
/// single-quoted strings with doubled quotes). `None` when a quote is left open.
pub fn split_pwsh(line: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut started = false;
    let mut chars = line.chars().peekable();
    let quote = |c: char| matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}');
    while let Some(c) = chars.next() {
        if quote(c) {
            started = true;
            loop {
                let x = chars.next()?;
                if quote(x) {
                    if chars.peek().copied().is_some_and(quote) {
                        chars.next();
                        cur.push(x);
                    } else {
                        break;
                    }
                } else {
                    cur.push(x);
                }
            }
        } else if c == '`' && chars.peek() == Some(&'\n') {
            chars.next();
        } else if c.is_whitespace() {
            if started {
                words.push(std::mem::take(&mut cur));
                started = false;
            }
        } else {
            started = true;
            cur.push(c);
        }
    }
    if started {
        words.push(cur);
    }
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HARD: &[&str] = &[
        "plain",
        "West US",
        "it's",
        "a\"b",
        "$HOME",
        "`whoami`",
        "$(rm -rf /)",
        "tab\there",
        "new\nline",
        "<RESOURCE_GROUP>",
        "semi;colon",
        "back\\slash",
        "‘curly’",
        "",
        "-starts-with-dash",
        "=x",
        "a,b",
        "*glob?",
        "ünïcode",
    ];

    #[test]
    fn bash_round_trips_every_hard_word() {
        for w in HARD {
            let line = format!("cmd {} tail", bash(w));
            assert_eq!(
                split_bash(&line),
                Some(vec!["cmd".to_string(), (*w).to_string(), "tail".to_string()]),
                "{w:?} as {line}"
            );
        }
    }

    #[test]
    fn pwsh_round_trips_every_hard_word() {
        for w in HARD {
            let line = format!("Cmd {} tail", pwsh(w));
            assert_eq!(
                split_pwsh(&line),
                Some(vec!["Cmd".to_string(), (*w).to_string(), "tail".to_string()]),
                "{w:?} as {line}"
            );
        }
    }

    #[test]
    fn dollar_and_backtick_are_never_bare() {
        for w in ["$x", "`x", "a b", "<X>", "a'b"] {
            assert!(bash(w).starts_with('\''), "{w}");
            assert!(pwsh(w).starts_with('\''), "{w}");
        }
        assert_eq!(bash("a'b"), "'a'\\''b'");
        assert_eq!(pwsh("a'b"), "'a''b'");
        assert_eq!(pwsh("a,b"), "'a,b'");
    }

    #[test]
    fn open_quotes_are_refused() {
        assert_eq!(split_bash("az 'open"), None);
        assert_eq!(split_pwsh("X 'open"), None);
    }
}
