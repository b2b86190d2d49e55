//! Maps a JSON Pointer to a line and column in the JSON text the user gave.
//!
//! Used by the CLI (`file:line:col`) and the web page (diagnostics pinned to the JSON line).
//! A small scanner, not a parser: it assumes text `serde_json` already accepted, and returns
//! `None` rather than guessing when it meets anything else.

use crate::pointer::Pointer;
use serde::{Deserialize, Serialize};

/// A 1-based line and column (columns count Unicode scalar values).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// Where the value at `pointer` starts in `text`.
///
/// ```
/// use cosmos_backup::{locate::position, pointer::Pointer};
/// let text = "{\n  \"a\": [1,\n    {\"b\": 30}]\n}";
/// let p = position(text, &Pointer::root().key("a").index(1).key("b")).unwrap();
/// assert_eq!((p.line, p.column), (3, 11));
/// ```
pub fn position(text: &str, pointer: &Pointer) -> Option<Position> {
    let tokens = pointer.tokens();
    let mut s = Scanner {
        chars: text.char_indices().collect(),
        i: 0,
    };
    s.skip_ws();
    for tok in &tokens {
        s.enter(tok)?;
    }
    let (byte, _) = *s.chars.get(s.i)?;
    Some(position_of(text, byte))
}

fn position_of(text: &str, byte: usize) -> Position {
    let before = text.get(..byte).unwrap_or(text);
    let line = before.matches('\n').count().saturating_add(1);
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .chars()
        .count()
        .saturating_add(1);
    Position { line, column }
}

struct Scanner {
    chars: Vec<(usize, char)>,
    i: usize,
}

impl Scanner {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).map(|(_, c)| *c)
    }

    fn bump(&mut self) {
        self.i = self.i.saturating_add(1);
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    /// Moves from the start of a container to the start of its member `tok`.
    fn enter(&mut self, tok: &str) -> Option<()> {
        match self.peek()? {
            '{' => {
                self.bump();
                loop {
                    self.skip_ws();
                    if self.peek()? == '}' {
                        return None;
                    }
                    let key = self.string()?;
                    self.skip_ws();
                    (self.peek()? == ':').then_some(())?;
                    self.bump();
                    self.skip_ws();
                    if key == tok {
                        return Some(());
                    }
                    self.skip_value(0)?;
                    self.skip_ws();
                    match self.peek()? {
                        ',' => self.bump(),
                        _ => return None,
                    }
                }
            }
            '[' => {
                let want: usize = tok.parse().ok()?;
                self.bump();
                for _ in 0..want {
                    self.skip_ws();
                    self.skip_value(0)?;
                    self.skip_ws();
                    (self.peek()? == ',').then_some(())?;
                    self.bump();
                }
                self.skip_ws();
                (self.peek()? != ']').then_some(())
            }
            _ => None,
        }
    }

    fn string(&mut self) -> Option<String> {
        (self.peek()? == '"').then_some(())?;
        self.bump();
        let mut out = String::new();
        loop {
            let c = self.peek()?;
            self.bump();
            match c {
                '"' => return Some(out),
                '\\' => {
                    let e = self.peek()?;
                    self.bump();
                    match e {
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'r' => out.push('\r'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'u' => out.push(self.unicode()?),
                        other => out.push(other),
                    }
                }
                c => out.push(c),
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        for _ in 0..4 {
            let d = self.peek()?.to_digit(16)?;
            self.bump();
            v = v.checked_mul(16)?.checked_add(d)?;
        }
        Some(v)
    }

    fn unicode(&mut self) -> Option<char> {
        let hi = self.hex4()?;
        if (0xD800..0xDC00).contains(&hi) && self.peek() == Some('\\') {
            self.bump();
            (self.peek()? == 'u').then_some(())?;
            self.bump();
            let lo = self.hex4()?;
            let code = 0x10000u32
                .checked_add((hi.checked_sub(0xD800)?).checked_mul(0x400)?)?
                .checked_add(lo.checked_sub(0xDC00)?)?;
            return Some(char::from_u32(code).unwrap_or('\u{fffd}'));
        }
        Some(char::from_u32(hi).unwrap_or('\u{fffd}'))
    }

    fn skip_value(&mut self, depth: usize) -> Option<()> {
        if depth > 512 {
            return None;
        }
        match self.peek()? {
            '"' => self.string().map(|_| ()),
            open @ ('{' | '[') => {
                let close = if open == '{' { '}' } else { ']' };
                self.bump();
                loop {
                    self.skip_ws();
                    if self.peek()? == close {
                        self.bump();
                        return Some(());
                    }
                    if open == '{' {
                        self.string()?;
                        self.skip_ws();
                        (self.peek()? == ':').then_some(())?;
                        self.bump();
                        self.skip_ws();
                    }
                    self.skip_value(depth.saturating_add(1))?;
                    self.skip_ws();
                    if self.peek()? == ',' {
                        self.bump();
                    }
                }
            }
            _ => {
                let start = self.i;
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | '}' | ']') && !c.is_whitespace())
                {
                    self.bump();
                }
                // No value here (`[}`): stop rather than loop (found by fuzzing, see RELIABILITY.md).
                (self.i != start).then_some(())
            }
        }
    }
}
