//! Bicep tokens, each with its byte span and 1-based line and column.
//!
//! Newlines are tokens (Bicep separates declarations, object properties and array items with
//! them); comments, whitespace and `#disable-next-line` pragmas are not. A string keeps its
//! `${…}` holes as byte ranges of the same text, which the parser lexes in turn, so every
//! position stays the user's.

/// A place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Byte offset.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
}

/// A piece of a single-quoted string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Literal text, escapes decoded.
    Lit(String),
    /// An interpolation hole `${…}`: the byte range of its expression and where it starts.
    Hole {
        /// Where the expression starts.
        start: Pos,
        /// Byte offset of the closing `}`.
        end: usize,
    },
}

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// An identifier or keyword.
    Ident(String),
    /// A single-quoted string (possibly interpolated).
    Str(Vec<Part>),
    /// A `'''` multi-line string (no escapes, no holes).
    MultiStr(String),
    /// A whole number.
    Int(i64),
    /// Punctuation and operators, as written (`(`, `==`, `...`, `?`).
    Punct(&'static str),
    /// The end of a line.
    Newline,
    /// The end of the text.
    Eof,
}

/// A token with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// Where it starts.
    pub pos: Pos,
    /// Byte offset just past it.
    pub end: usize,
}

/// A lexing or parsing failure at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where.
    pub pos: Pos,
    /// What was expected, lower case, values in backticks.
    pub message: String,
}

impl SyntaxError {
    /// A failure at `pos`.
    pub fn at(pos: Pos, message: impl Into<String>) -> Self {
        Self {
            pos,
            message: message.into(),
        }
    }
}

/// Longest first, so `...` wins over `.` and `??` over `?`.
const PUNCT: &[&str] = &[
    "...", "==", "!=", "=~", "!~", "<=", ">=", "&&", "||", "??", "=>", "::", "(", ")", "{", "}", "[", "]", ",", ":",
    ".", "?", "@", "=", "<", ">", "!", "+", "-", "*", "/", "%", "|",
];

struct Cursor<'t> {
    text: &'t str,
    pos: Pos,
    end: usize,
    /// Strings open inside `${…}` holes (bounded by [`crate::limits::MAX_DEPTH`]).
    depth: usize,
}

impl Cursor<'_> {
    fn rest(&self) -> &str {
        self.text.get(self.pos.offset..self.end).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos.offset = self.pos.offset.saturating_add(c.len_utf8());
        if c == '\n' {
            self.pos.line = self.pos.line.saturating_add(1);
            self.pos.column = 1;
        } else {
            self.pos.column = self.pos.column.saturating_add(1);
        }
        Some(c)
    }

    fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            s.chars().for_each(|_| {
                self.bump();
            });
            true
        } else {
            false
        }
    }
}

/// Lexes `text[start.offset..end]`.
pub fn lex(text: &str, start: Pos, end: usize) -> Result<Vec<Token>, SyntaxError> {
    let mut c = Cursor {
        text,
        pos: start,
        end,
        depth: 0,
    };
    let mut out = Vec::new();
    loop {
        let pos = c.pos;
        let Some(ch) = c.peek() else {
            out.push(Token {
                tok: Tok::Eof,
                pos,
                end: pos.offset,
            });
            return Ok(out);
        };
        let tok = match ch {
            '\n' => {
                c.bump();
                Tok::Newline
            }
            ' ' | '\t' | '\r' | '\u{feff}' => {
                c.bump();
                continue;
            }
            '#' => {
                while c.peek().is_some_and(|x| x != '\n') {
                    c.bump();
                }
                continue;
            }
            '/' if c.rest().starts_with("//") => {
                while c.peek().is_some_and(|x| x != '\n') {
                    c.bump();
                }
                continue;
            }
            '/' if c.rest().starts_with("/*") => {
                c.eat("/*");
                while !c.eat("*/") {
                    if c.bump().is_none() {
                        return Err(SyntaxError::at(pos, "a `/*` comment is not closed: expected `*/`"));
                    }
                }
                continue;
            }
            '\'' if c.rest().starts_with("'''") => {
                c.eat("'''");
                let from = c.pos.offset;
                loop {
                    if c.rest().starts_with("'''") {
                        // A run of more than three quotes ends with the last three.
                        while c.rest().starts_with("''''") {
                            c.bump();
                        }
                        break;
                    }
                    if c.bump().is_none() {
                        return Err(SyntaxError::at(pos, "a `'''` string is not closed: expected `'''`"));
                    }
                }
                let body = text.get(from..c.pos.offset).unwrap_or("").to_string();
                c.eat("'''");
                let body = body
                    .strip_prefix("\r\n")
                    .or_else(|| body.strip_prefix('\n'))
                    .unwrap_or(&body);
                Tok::MultiStr(body.to_string())
            }
            '\'' => Tok::Str(string(&mut c)?),
            d if d.is_ascii_digit() => {
                let mut n: i64 = 0;
                while let Some(d) = c.peek().and_then(|x| x.to_digit(10)) {
                    c.bump();
                    n = n
                        .checked_mul(10)
                        .and_then(|n| n.checked_add(i64::from(d)))
                        .ok_or_else(|| SyntaxError::at(pos, "the number is too large for a 64-bit integer"))?;
                }
                Tok::Int(n)
            }
            a if a.is_alphabetic() || a == '_' || a == '$' => {
                let mut s = String::new();
                while let Some(x) = c.peek().filter(|x| x.is_alphanumeric() || *x == '_' || *x == '$') {
                    s.push(x);
                    c.bump();
                }
                Tok::Ident(s)
            }
            _ => match PUNCT.iter().find(|p| c.rest().starts_with(**p)) {
                Some(p) => {
                    c.eat(p);
                    Tok::Punct(p)
                }
                None => return Err(SyntaxError::at(pos, format!("unexpected character `{ch}`"))),
            },
        };
        out.push(Token {
            tok,
            pos,
            end: c.pos.offset,
        });
    }
}

/// A single-quoted string from its opening quote: literal parts and `${…}` holes.
fn string(c: &mut Cursor<'_>) -> Result<Vec<Part>, SyntaxError> {
    let open = c.pos;
    c.bump();
    let mut parts = Vec::new();
    let mut lit = String::new();
    let unclosed = || SyntaxError::at(open, "a string is not closed: expected `'`");
    loop {
        let here = c.pos;
        match c.bump().ok_or_else(unclosed)? {
            '\'' => break,
            '\n' => return Err(unclosed()),
            '\\' => {
                let e = c.bump().ok_or_else(unclosed)?;
                match e {
                    '\'' | '\\' | '$' => lit.push(e),
                    'n' => lit.push('\n'),
                    'r' => lit.push('\r'),
                    't' => lit.push('\t'),
                    'u' if c.eat("{") => {
                        let mut hex = String::new();
                        while let Some(h) = c.peek().filter(char::is_ascii_hexdigit) {
                            hex.push(h);
                            c.bump();
                        }
                        let ch = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                        match (ch, c.eat("}")) {
                            (Some(ch), true) => lit.push(ch),
                            _ => {
                                return Err(SyntaxError::at(
                                    here,
                                    "a `\\u{…}` escape needs hexadecimal digits and `}`",
                                ));
                            }
                        }
                    }
                    other => {
                        return Err(SyntaxError::at(
                            here,
                            format!(
                                "`\\{other}` is not an escape: expected one of `\\'` `\\\\` `\\n` `\\r` `\\t` `\\$` `\\u{{…}}`"
                            ),
                        ));
                    }
                }
            }
            '$' if c.peek() == Some('{') => {
                c.bump();
                if !lit.is_empty() {
                    parts.push(Part::Lit(std::mem::take(&mut lit)));
                }
                let start = c.pos;
                hole_end(c, here)?;
                parts.push(Part::Hole {
                    start,
                    end: c.pos.offset,
                });
                c.bump(); // the closing brace
            }
            other => lit.push(other),
        }
    }
    if !lit.is_empty() || parts.is_empty() {
        parts.push(Part::Lit(lit));
    }
    Ok(parts)
}

/// Moves to the `}` that closes a `${` hole (nested braces and strings skipped).
fn hole_end(c: &mut Cursor<'_>, open: Pos) -> Result<(), SyntaxError> {
    let mut depth: usize = 0;
    loop {
        match c.peek() {
            None | Some('\n') => {
                return Err(SyntaxError::at(
                    open,
                    "an interpolation `${` is not closed: expected `}`",
                ));
            }
            Some('}') if depth == 0 => return Ok(()),
            Some('}') => {
                depth = depth.saturating_sub(1);
                c.bump();
            }
            Some('{') => {
                depth = depth.saturating_add(1);
                c.bump();
            }
            Some('\'') => {
                c.depth = c.depth.saturating_add(1);
                if c.depth >= crate::limits::MAX_DEPTH {
                    return Err(SyntaxError::at(
                        c.pos,
                        format!("strings nest {} levels deep here, the limit", crate::limits::MAX_DEPTH),
                    ));
                }
                string(c)?;
                c.depth = c.depth.saturating_sub(1);
            }
            Some(_) => {
                c.bump();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        let start = Pos {
            offset: 0,
            line: 1,
            column: 1,
        };
        lex(s, start, s.len()).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn strings_holes_and_positions() {
        let t = toks("x = 'a${b}c' // c\n'''\nm\n'''");
        assert_eq!(t[0], Tok::Ident("x".into()));
        assert_eq!(t[1], Tok::Punct("="));
        let Tok::Str(parts) = &t[2] else { panic!() };
        assert_eq!(parts.len(), 3);
        assert_eq!(t[3], Tok::Newline);
        assert_eq!(t[4], Tok::MultiStr("m\n".into()));
        let s = "a\n  bb";
        let all = lex(
            s,
            Pos {
                offset: 0,
                line: 1,
                column: 1,
            },
            s.len(),
        )
        .unwrap();
        assert_eq!((all[2].pos.line, all[2].pos.column), (2, 3));
    }

    #[test]
    fn errors_name_what_was_expected() {
        let s = "'abc";
        let e = lex(
            s,
            Pos {
                offset: 0,
                line: 1,
                column: 1,
            },
            s.len(),
        )
        .unwrap_err();
        assert!(e.message.contains("expected"));
        assert!(toks("a ?? b...c").contains(&Tok::Punct("??")));
    }
}
