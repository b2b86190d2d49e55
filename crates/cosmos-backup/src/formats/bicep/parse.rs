//! Recursive descent over the tokens of [`super::lexer`]: declarations, then expressions by
//! precedence climbing (Bicep's operator table, lowest first: `?:`, `??`, `||`, `&&`,
//! equality, comparison, `+ -`, `* / %`, unary, then member, index, call and `!` postfixes).
//!
//! Newlines separate declarations, object properties and array items; inside parentheses
//! they are skipped, and a line that begins with `?`, `:`, `&&`, `||` or `??` continues the
//! expression above it, as Bicep allows. Nesting deeper than [`crate::limits::MAX_DEPTH`]
//! is refused before the stack can overflow.

use super::ast::*;
use super::lexer::{self, Part, Pos, SyntaxError, Tok, Token};
use crate::limits::MAX_DEPTH;

/// Every declaration of a file.
pub fn file(text: &str) -> Result<Vec<Decl>, SyntaxError> {
    let start = Pos {
        offset: 0,
        line: 1,
        column: 1,
    };
    let toks = lexer::lex(text, start, text.len())?;
    let mut p = Parser::new(text, toks, 0);
    p.declarations()
}

struct Parser<'t> {
    text: &'t str,
    toks: Vec<Token>,
    i: usize,
    /// One entry per open bracket: `true` where newlines are skipped (parentheses).
    modes: Vec<bool>,
    depth: usize,
    eof: Token,
}

const CONTINUES: &[&str] = &["?", "&&", "||", "??"];

impl<'t> Parser<'t> {
    fn new(text: &'t str, toks: Vec<Token>, depth: usize) -> Self {
        let eof = toks.last().cloned().unwrap_or(Token {
            tok: Tok::Eof,
            pos: Pos::default(),
            end: 0,
        });
        Self {
            text,
            toks,
            i: 0,
            modes: Vec::new(),
            depth,
            eof,
        }
    }

    fn skips_newlines(&self) -> bool {
        self.modes.last().copied().unwrap_or(false)
    }

    /// The index of the next significant token.
    fn next_index(&self) -> usize {
        let mut j = self.i;
        if self.skips_newlines() {
            while self.toks.get(j).is_some_and(|t| t.tok == Tok::Newline) {
                j = j.saturating_add(1);
            }
        }
        j
    }

    fn peek(&self) -> &Token {
        self.toks.get(self.next_index()).unwrap_or(&self.eof)
    }

    fn peek_at(&self, ahead: usize) -> &Token {
        self.toks
            .get(self.next_index().saturating_add(ahead))
            .unwrap_or(&self.eof)
    }

    fn bump(&mut self) -> Token {
        let j = self.next_index();
        let t = self.toks.get(j).cloned().unwrap_or_else(|| self.eof.clone());
        self.i = j.saturating_add(1).min(self.toks.len());
        t
    }

    fn is(&self, p: &str) -> bool {
        matches!(&self.peek().tok, Tok::Punct(q) if *q == p)
    }

    fn is_word(&self, w: &str) -> bool {
        matches!(&self.peek().tok, Tok::Ident(s) if s == w)
    }

    fn eat(&mut self, p: &str) -> bool {
        if self.is(p) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, p: &str, what: &str) -> Result<Token, SyntaxError> {
        if self.is(p) {
            Ok(self.bump())
        } else {
            Err(self.unexpected(&format!("`{p}` {what}")))
        }
    }

    fn unexpected(&self, expected: &str) -> SyntaxError {
        let t = self.peek();
        SyntaxError::at(t.pos, format!("expected {expected}, found {}", describe(&t.tok)))
    }

    fn skip_newlines(&mut self) {
        while self.toks.get(self.i).is_some_and(|t| t.tok == Tok::Newline) {
            self.i = self.i.saturating_add(1);
        }
    }

    /// True when the next line starts with one of `ops` (a continued expression).
    fn continues(&self, ops: &[&str]) -> bool {
        let mut j = self.i;
        while self.toks.get(j).is_some_and(|t| t.tok == Tok::Newline) {
            j = j.saturating_add(1);
        }
        matches!(self.toks.get(j).map(|t| &t.tok), Some(Tok::Punct(p)) if ops.contains(p))
    }

    fn continue_with(&mut self, ops: &[&str]) {
        if self.continues(ops) {
            self.skip_newlines();
        }
    }

    fn end_of_statement(&mut self) -> Result<(), SyntaxError> {
        match self.peek().tok {
            Tok::Newline => {
                self.bump();
                Ok(())
            }
            Tok::Eof => Ok(()),
            _ => Err(self.unexpected("the end of the line")),
        }
    }

    /// Skips to the end of the line, over balanced brackets (ignored declarations).
    fn skip_line(&mut self) {
        let mut depth: usize = 0;
        loop {
            let t = self.toks.get(self.i).map(|t| t.tok.clone()).unwrap_or(Tok::Eof);
            match t {
                Tok::Eof => return,
                Tok::Newline if depth == 0 => {
                    self.i = self.i.saturating_add(1);
                    return;
                }
                Tok::Punct("(" | "[" | "{") => depth = depth.saturating_add(1),
                Tok::Punct(")" | "]" | "}") => depth = depth.saturating_sub(1),
                _ => {}
            }
            self.i = self.i.saturating_add(1);
        }
    }

    fn ident(&mut self, what: &str) -> Result<(String, Pos), SyntaxError> {
        match self.peek().tok.clone() {
            Tok::Ident(s) => {
                let t = self.bump();
                Ok((s, t.pos))
            }
            _ => Err(self.unexpected(what)),
        }
    }

    fn plain_string(&mut self, what: &str) -> Result<(String, Pos), SyntaxError> {
        let t = self.peek().clone();
        match &t.tok {
            Tok::Str(parts) => match parts.as_slice() {
                [Part::Lit(s)] => {
                    self.bump();
                    Ok((s.clone(), t.pos))
                }
                _ => Err(SyntaxError::at(t.pos, format!("expected {what} without `${{…}}`"))),
            },
            Tok::MultiStr(s) => {
                self.bump();
                Ok((s.clone(), t.pos))
            }
            _ => Err(self.unexpected(what)),
        }
    }

    // ---- declarations ----

    fn declarations(&mut self) -> Result<Vec<Decl>, SyntaxError> {
        let mut out = Vec::new();
        loop {
            self.skip_newlines();
            if self.peek().tok == Tok::Eof {
                return Ok(out);
            }
            out.push(self.declaration()?);
        }
    }

    fn decorators(&mut self) -> Result<Vec<Decorator>, SyntaxError> {
        let mut out = Vec::new();
        while self.is("@") {
            let at = self.bump();
            let (mut name, _) = self.ident("a decorator name after `@`")?;
            while self.eat(".") {
                name = self.ident("a decorator name after `.`")?.0;
            }
            let args = if self.is("(") { self.call_args()? } else { Vec::new() };
            out.push(Decorator {
                name,
                args,
                pos: at.pos,
            });
            self.skip_newlines();
        }
        Ok(out)
    }

    fn declaration(&mut self) -> Result<Decl, SyntaxError> {
        let decorators = self.decorators()?;
        let pos = self.peek().pos;
        let (word, _) = match self.peek().tok.clone() {
            Tok::Ident(w) => (w, pos),
            _ => {
                return Err(self
                    .unexpected("a declaration (`param`, `var`, `resource`, `module`, `output`, `type`, `import`…)"));
            }
        };
        let kind = match word.as_str() {
            "param" => {
                self.bump();
                self.param()?
            }
            "var" => {
                self.bump();
                let (name, _) = self.ident("a variable name after `var`")?;
                self.expect("=", "after the variable name")?;
                let value = self.expr()?;
                self.end_of_statement()?;
                DeclKind::Var { name, value }
            }
            "resource" => {
                self.bump();
                let d = self.resource()?;
                self.end_of_statement()?;
                d
            }
            "module" => {
                self.bump();
                let (sym, _) = self.ident("a module name after `module`")?;
                let (path, _) = self.plain_string("the module path (`'./file.bicep'` or `'br/public:…'`)")?;
                self.expect("=", "after the module path")?;
                let body = self.body()?;
                self.end_of_statement()?;
                DeclKind::Module { sym, path, body }
            }
            "using" => {
                self.bump();
                let d = if self.is_word("none") {
                    self.bump();
                    DeclKind::Using(None)
                } else {
                    DeclKind::Using(Some(self.plain_string("the template path after `using`")?.0))
                };
                self.skip_line();
                d
            }
            w @ ("output" | "type" | "func" | "import" | "targetScope" | "metadata" | "extension" | "provider"
            | "assert") => {
                let kw: &'static str = match w {
                    "output" => "output",
                    "type" => "type",
                    "func" => "func",
                    "import" => "import",
                    "targetScope" => "targetScope",
                    "metadata" => "metadata",
                    "extension" => "extension",
                    "provider" => "provider",
                    _ => "assert",
                };
                self.skip_line();
                // A union type may continue on lines that begin with `|`.
                while self.continues(&["|"]) {
                    self.skip_newlines();
                    self.skip_line();
                }
                DeclKind::Ignored(kw)
            }
            _ => {
                self.skip_line();
                DeclKind::Unknown(word)
            }
        };
        Ok(Decl { kind, decorators, pos })
    }

    fn param(&mut self) -> Result<DeclKind, SyntaxError> {
        let (name, _) = self.ident("a parameter name after `param`")?;
        // The type: everything up to `=` or the end of the line, over balanced brackets.
        let ty_start = self.peek().pos.offset;
        let mut ty_end = ty_start;
        let mut depth: usize = 0;
        let mut literals = Vec::new();
        let mut only_literals = true;
        loop {
            let t = self.toks.get(self.i).cloned().unwrap_or_else(|| self.eof.clone());
            match &t.tok {
                Tok::Eof => break,
                Tok::Newline | Tok::Punct("=") if depth == 0 => break,
                Tok::Punct("(" | "[" | "{" | "<") => depth = depth.saturating_add(1),
                Tok::Punct(")" | "]" | "}" | ">") => depth = depth.saturating_sub(1),
                _ => {}
            }
            match &t.tok {
                Tok::Str(parts) if depth == 0 => match parts.as_slice() {
                    [Part::Lit(s)] => literals.push(lit(Kind::Str(s.clone()), &t)),
                    _ => only_literals = false,
                },
                Tok::Int(n) if depth == 0 => literals.push(lit(Kind::Int(*n), &t)),
                Tok::Ident(b) if depth == 0 && (b == "true" || b == "false") => {
                    literals.push(lit(Kind::Bool(b == "true"), &t));
                }
                Tok::Punct("|" | "?") | Tok::Newline => {}
                Tok::Punct("-") if depth == 0 => only_literals = false,
                _ => only_literals = false,
            }
            ty_end = t.end;
            self.i = self.i.saturating_add(1);
        }
        let raw = self.text.get(ty_start..ty_end).unwrap_or("").trim();
        let nullable = raw.ends_with('?');
        let text = raw.trim_end_matches('?').trim().to_string();
        let ty = ParamType {
            text,
            nullable,
            literals: if only_literals && literals.len() > 1 {
                literals
            } else {
                Vec::new()
            },
        };
        let default = if self.eat("=") { Some(self.expr()?) } else { None };
        self.end_of_statement()?;
        Ok(DeclKind::Param { name, ty, default })
    }

    fn resource(&mut self) -> Result<DeclKind, SyntaxError> {
        let (sym, _) = self.ident("a resource name after `resource`")?;
        let (full, at) =
            self.plain_string("the resource type (`'Microsoft.DocumentDB/databaseAccounts@2024-11-15'`)")?;
        let Some((ty, api_version)) = full.split_once('@') else {
            return Err(SyntaxError::at(
                at,
                format!("the resource type `{full}` has no `@api-version`"),
            ));
        };
        let existing = self.is_word("existing");
        if existing {
            self.bump();
        }
        self.expect("=", "after the resource type")?;
        let body = self.body()?;
        Ok(DeclKind::Resource {
            sym,
            ty: ty.to_string(),
            api_version: api_version.to_string(),
            existing,
            body,
        })
    }

    /// A resource or module body: `{…}`, `if (c) {…}` or `[for …: …]`.
    fn body(&mut self) -> Result<Expr, SyntaxError> {
        if self.is_word("if") {
            return self.if_expr();
        }
        if self.is("{") || self.is("[") {
            return self.expr();
        }
        Err(self.unexpected("`{`, `if (…)` or `[for …]` after `=`"))
    }

    fn if_expr(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.bump();
        self.expect("(", "after `if`")?;
        self.modes.push(true);
        let cond = self.expr();
        self.modes.pop();
        let cond = cond?;
        self.expect(")", "to close the `if` condition")?;
        let body = self.expr()?;
        let end = body.end;
        Ok(Expr {
            kind: Kind::If(Box::new(cond), Box::new(body)),
            pos: start.pos,
            end,
        })
    }

    // ---- expressions ----

    fn property(&mut self) -> Result<Prop, SyntaxError> {
        let t = self.peek().clone();
        match &t.tok {
            Tok::Punct("...") => {
                self.bump();
                Ok(Prop::Spread(self.expr()?))
            }
            Tok::Ident(w) if w == "resource" && matches!(self.peek_at(1).tok, Tok::Ident(_)) => {
                self.bump();
                let kind = self.resource()?;
                Ok(Prop::Resource(Box::new(Decl {
                    kind,
                    decorators: Vec::new(),
                    pos: t.pos,
                })))
            }
            Tok::Ident(w) => {
                self.bump();
                self.expect(":", "after the property name")?;
                Ok(Prop::Pair {
                    key: w.clone(),
                    key_pos: t.pos,
                    value: self.expr()?,
                })
            }
            Tok::Str(parts) => {
                self.bump();
                let key = self.string(parts, &t)?;
                self.expect(":", "after the property name")?;
                let value = self.expr()?;
                Ok(match key.kind {
                    Kind::Str(s) => Prop::Pair {
                        key: s,
                        key_pos: t.pos,
                        value,
                    },
                    _ => Prop::Computed { key, value },
                })
            }
            _ => Err(self.unexpected("a property name, `...` or `}`")),
        }
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth = self.depth.saturating_add(1);
        if self.depth >= MAX_DEPTH {
            return Err(SyntaxError::at(
                self.peek().pos,
                format!("the expression nests {MAX_DEPTH} levels deep here, the limit"),
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// An expression.
    pub fn expr(&mut self) -> Result<Expr, SyntaxError> {
        self.enter()?;
        let r = self.ternary();
        self.leave();
        r
    }

    fn ternary(&mut self) -> Result<Expr, SyntaxError> {
        let cond = self.binary(0)?;
        self.continue_with(&["?"]);
        if !self.is("?") {
            return Ok(cond);
        }
        self.bump();
        let then = self.expr()?;
        self.continue_with(&[":"]);
        self.expect(":", "between the branches of `? :`")?;
        let other = self.expr()?;
        let (pos, end) = (cond.pos, other.end);
        Ok(Expr {
            kind: Kind::Ternary(Box::new(cond), Box::new(then), Box::new(other)),
            pos,
            end,
        })
    }

    /// Precedence climbing: operators binding at least as tightly as `min` (0 = `??`).
    fn binary(&mut self, min: usize) -> Result<Expr, SyntaxError> {
        let mut left = self.unary()?;
        loop {
            self.continue_with(CONTINUES);
            let (op, prec) = match &self.peek().tok {
                Tok::Punct(p) => match precedence(p) {
                    Some(prec) if prec >= min => (*p, prec),
                    _ => return Ok(left),
                },
                _ => return Ok(left),
            };
            self.bump();
            self.enter()?;
            let right = self.binary(prec.saturating_add(1));
            self.leave();
            let right = right?;
            let (pos, end) = (left.pos, right.end);
            left = Expr {
                kind: Kind::Binary(op, Box::new(left), Box::new(right)),
                pos,
                end,
            };
        }
    }

    fn unary(&mut self) -> Result<Expr, SyntaxError> {
        if self.is("!") || self.is("-") {
            return self.prefixed();
        }
        self.postfix()
    }

    fn prefixed(&mut self) -> Result<Expr, SyntaxError> {
        let t = self.bump();
        let op = if matches!(t.tok, Tok::Punct("!")) { "!" } else { "-" };
        self.enter()?;
        let inner = self.unary();
        self.leave();
        let inner = inner?;
        let end = inner.end;
        Ok(Expr {
            kind: Kind::Unary(op, Box::new(inner)),
            pos: t.pos,
            end,
        })
    }

    fn postfix(&mut self) -> Result<Expr, SyntaxError> {
        let mut e = self.primary()?;
        // A postfix must touch the expression it applies to (on the same line). Each is parsed
        // in a function of its own so the frames of the recursion stay small.
        while let Some(Tok::Punct(p)) = self.toks.get(self.i).map(|t| &t.tok) {
            e = match *p {
                "." => self.member(e)?,
                "::" => self.nested(e)?,
                "[" => self.index(e)?,
                "(" if matches!(e.kind, Kind::Ident(_)) => self.call(e)?,
                "!" => self.non_null(e),
                _ => return Ok(e),
            };
        }
        Ok(e)
    }

    fn member(&mut self, e: Expr) -> Result<Expr, SyntaxError> {
        let pos = e.pos;
        self.bump();
        let safe = self.eat("?");
        let (name, _) = self.ident("a property name after `.`")?;
        let member = Expr {
            kind: Kind::Member(Box::new(e), name, safe),
            pos,
            end: self.last_end(),
        };
        if self.is("(") && !safe {
            self.call(member)
        } else {
            Ok(member)
        }
    }

    fn nested(&mut self, e: Expr) -> Result<Expr, SyntaxError> {
        let pos = e.pos;
        self.bump();
        let (name, _) = self.ident("a nested resource name after `::`")?;
        Ok(Expr {
            kind: Kind::Nested(Box::new(e), name),
            pos,
            end: self.last_end(),
        })
    }

    fn index(&mut self, e: Expr) -> Result<Expr, SyntaxError> {
        let pos = e.pos;
        self.bump();
        self.modes.push(true);
        let safe = self.eat("?");
        let idx = self.expr();
        let close = idx.and_then(|i| self.expect("]", "to close the index").map(|_| i));
        self.modes.pop();
        let idx = close?;
        Ok(Expr {
            kind: Kind::Index(Box::new(e), Box::new(idx), safe),
            pos,
            end: self.last_end(),
        })
    }

    fn call(&mut self, callee: Expr) -> Result<Expr, SyntaxError> {
        let pos = callee.pos;
        let args = self.call_args()?;
        Ok(Expr {
            kind: Kind::Call(Box::new(callee), args),
            pos,
            end: self.last_end(),
        })
    }

    fn non_null(&mut self, e: Expr) -> Expr {
        let pos = e.pos;
        self.bump();
        Expr {
            kind: Kind::NonNull(Box::new(e)),
            pos,
            end: self.last_end(),
        }
    }

    fn last_end(&self) -> usize {
        self.toks.get(self.i.saturating_sub(1)).map_or(0, |t| t.end)
    }

    fn call_args(&mut self) -> Result<Vec<Expr>, SyntaxError> {
        self.expect("(", "to open the arguments")?;
        self.modes.push(true);
        let r = self.call_args_inner();
        self.modes.pop();
        r
    }

    fn call_args_inner(&mut self) -> Result<Vec<Expr>, SyntaxError> {
        let mut args = Vec::new();
        if self.eat(")") {
            return Ok(args);
        }
        loop {
            args.push(self.expr()?);
            if self.eat(")") {
                return Ok(args);
            }
            self.expect(",", "or `)` after an argument")?;
        }
    }

    fn primary(&mut self) -> Result<Expr, SyntaxError> {
        // Brackets first, in a frame that holds nothing while their contents recurse.
        match &self.peek().tok {
            Tok::Punct("(") => self.paren_or_lambda(),
            Tok::Punct("[") => self.array(),
            Tok::Punct("{") => self.object(),
            _ => self.atom(),
        }
    }

    fn atom(&mut self) -> Result<Expr, SyntaxError> {
        let t = self.peek().clone();
        let simple = |kind| Expr {
            kind,
            pos: t.pos,
            end: t.end,
        };
        match &t.tok {
            Tok::Int(n) => {
                self.bump();
                Ok(simple(Kind::Int(*n)))
            }
            Tok::MultiStr(s) => {
                self.bump();
                Ok(simple(Kind::Str(s.clone())))
            }
            Tok::Str(parts) => {
                self.bump();
                self.string(parts, &t)
            }
            Tok::Ident(w) => {
                // A one-parameter lambda: `x => body`.
                if matches!(self.peek_at(1).tok, Tok::Punct("=>")) {
                    self.bump();
                    self.bump();
                    let body = self.expr()?;
                    let end = body.end;
                    return Ok(Expr {
                        kind: Kind::Lambda(vec![w.clone()], Box::new(body)),
                        pos: t.pos,
                        end,
                    });
                }
                self.bump();
                Ok(simple(match w.as_str() {
                    "null" => Kind::Null,
                    "true" => Kind::Bool(true),
                    "false" => Kind::Bool(false),
                    _ => Kind::Ident(w.clone()),
                }))
            }
            _ => Err(self.unexpected("an expression")),
        }
    }

    fn paren_or_lambda(&mut self) -> Result<Expr, SyntaxError> {
        let open = self.bump();
        self.modes.push(true);
        let r = self.paren_inner(open.pos);
        self.modes.pop();
        let (e, lambda) = r?;
        if !lambda {
            return Ok(e);
        }
        let Kind::Lambda(params, _) = e.kind else {
            return Ok(e);
        };
        self.expect("=>", "after the lambda parameters")?;
        let body = self.expr()?;
        let end = body.end;
        Ok(Expr {
            kind: Kind::Lambda(params, Box::new(body)),
            pos: open.pos,
            end,
        })
    }

    /// `(expr)`, or the parameter list of a lambda `(a, b) =>` (returned as an empty lambda).
    fn paren_inner(&mut self, pos: Pos) -> Result<(Expr, bool), SyntaxError> {
        // Lambda parameters: identifiers separated by commas, then `) =>`.
        let save = self.i;
        let mut names = Vec::new();
        loop {
            if let Tok::Ident(n) = self.peek().tok.clone() {
                self.bump();
                names.push(n);
                if self.eat(",") {
                    continue;
                }
            }
            break;
        }
        if self.is(")") && matches!(self.peek_at(1).tok, Tok::Punct("=>")) {
            self.bump();
            let empty = Expr {
                kind: Kind::Null,
                pos,
                end: pos.offset,
            };
            return Ok((
                Expr {
                    kind: Kind::Lambda(names, Box::new(empty)),
                    pos,
                    end: pos.offset,
                },
                true,
            ));
        }
        self.i = save;
        let inner = self.expr()?;
        self.expect(")", "to close `(`")?;
        Ok((
            Expr {
                kind: Kind::Paren(Box::new(inner)),
                pos,
                end: self.last_end(),
            },
            false,
        ))
    }

    fn string(&mut self, parts: &[Part], t: &Token) -> Result<Expr, SyntaxError> {
        let mut pieces = Vec::new();
        for p in parts {
            match p {
                Part::Lit(s) => pieces.push(Piece::Lit(s.clone())),
                Part::Hole { start, end } => {
                    self.enter()?;
                    let toks = lexer::lex(self.text, *start, *end)?;
                    let mut sub = Parser::new(self.text, toks, self.depth);
                    sub.modes.push(true);
                    let e = sub.expr()?;
                    if sub.peek().tok != Tok::Eof {
                        return Err(sub.unexpected("`}` to close `${`"));
                    }
                    self.leave();
                    pieces.push(Piece::Hole(e));
                }
            }
        }
        let kind = match pieces.as_slice() {
            [Piece::Lit(s)] => Kind::Str(s.clone()),
            _ => Kind::Interp(pieces),
        };
        Ok(Expr {
            kind,
            pos: t.pos,
            end: t.end,
        })
    }

    fn array(&mut self) -> Result<Expr, SyntaxError> {
        let open = self.bump();
        self.modes.push(false);
        let r = self.array_inner(open.pos);
        self.modes.pop();
        r
    }

    fn array_inner(&mut self, pos: Pos) -> Result<Expr, SyntaxError> {
        self.skip_newlines();
        if self.is_word("for") {
            return self.for_expr(pos);
        }
        let mut items = Vec::new();
        loop {
            self.skip_newlines();
            if self.eat("]") {
                return Ok(Expr {
                    kind: Kind::Array(items),
                    pos,
                    end: self.last_end(),
                });
            }
            items.push(self.expr()?);
            if self.eat(",") {
                continue;
            }
            if !matches!(self.peek().tok, Tok::Newline | Tok::Punct("]")) {
                return Err(self.unexpected("a new line, `,` or `]` after an array item"));
            }
        }
    }

    fn for_expr(&mut self, pos: Pos) -> Result<Expr, SyntaxError> {
        self.bump();
        let (item, index) = if self.eat("(") {
            let (a, _) = self.ident("the item name in `for (item, index)`")?;
            self.expect(",", "between `item` and `index`")?;
            let (b, _) = self.ident("the index name in `for (item, index)`")?;
            self.expect(")", "to close `for (item, index)`")?;
            (a, Some(b))
        } else {
            (self.ident("the item name after `for`")?.0, None)
        };
        if !self.is_word("in") {
            return Err(self.unexpected("`in`"));
        }
        self.bump();
        let iter = self.expr()?;
        self.expect(":", "after the `for … in` iterable")?;
        self.skip_newlines();
        let body = if self.is_word("if") {
            self.if_expr()?
        } else {
            self.expr()?
        };
        self.skip_newlines();
        self.expect("]", "to close `[for …]`")?;
        Ok(Expr {
            kind: Kind::For(Box::new(For {
                item,
                index,
                iter,
                body,
            })),
            pos,
            end: self.last_end(),
        })
    }

    fn object(&mut self) -> Result<Expr, SyntaxError> {
        let open = self.bump();
        self.modes.push(false);
        let r = self.object_inner(open.pos);
        self.modes.pop();
        r
    }

    fn object_inner(&mut self, pos: Pos) -> Result<Expr, SyntaxError> {
        let mut props = Vec::new();
        loop {
            self.skip_newlines();
            if self.eat("}") {
                return Ok(Expr {
                    kind: Kind::Object(props),
                    pos,
                    end: self.last_end(),
                });
            }
            // Decorators on properties (type declarations, `@batchSize`) are read and dropped.
            if self.is("@") {
                self.decorators()?;
            }
            props.push(self.property()?);
            if self.eat(",") {
                continue;
            }
            if !matches!(self.peek().tok, Tok::Newline | Tok::Punct("}")) {
                return Err(self.unexpected("a new line, `,` or `}` after a property"));
            }
        }
    }
}

/// How tightly a binary operator binds (Bicep's table, `??` loosest).
fn precedence(op: &str) -> Option<usize> {
    Some(match op {
        "??" => 0,
        "||" => 1,
        "&&" => 2,
        "==" | "!=" | "=~" | "!~" => 3,
        "<" | "<=" | ">" | ">=" => 4,
        "+" | "-" => 5,
        "*" | "/" | "%" => 6,
        _ => return None,
    })
}

fn lit(kind: Kind, t: &Token) -> Expr {
    Expr {
        kind,
        pos: t.pos,
        end: t.end,
    }
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::Ident(s) => format!("`{}`", crate::values::clip(s)),
        Tok::Str(_) | Tok::MultiStr(_) => "a string".to_string(),
        Tok::Int(n) => format!("`{n}`"),
        Tok::Punct(p) => format!("`{p}`"),
        Tok::Newline => "the end of the line".to_string(),
        Tok::Eof => "the end of the file".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(src: &str) -> Expr {
        let d = file(&format!("var x = {src}\n")).unwrap();
        match &d[0].kind {
            DeclKind::Var { value, .. } => value.clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn precedence_and_continuations() {
        let e = one("a || b && c");
        assert!(matches!(e.kind, Kind::Binary("||", _, _)));
        let e = one("!empty(x)\n  ? {\n a: 1\n }\n  : null");
        assert!(matches!(e.kind, Kind::Ternary(..)));
        let e = one("a.?b[?0]!.c ?? 'd'");
        assert!(matches!(e.kind, Kind::Binary("??", _, _)));
        let e = one("map(xs, (x, i) => x)");
        assert!(matches!(e.kind, Kind::Call(..)));
        let e = one("[for (x, i) in range(0, 3): {\n n: x\n}]");
        assert!(matches!(e.kind, Kind::For(_)));
    }

    #[test]
    fn declarations_and_errors() {
        let d = file("@allowed([\n 'a'\n 'b'\n])\nparam p string = 'a'\nparam q 'x' | 'y'?\nresource r 'A/b@1' existing = {\n name: 'n'\n resource c 'd@2' = {\n  name: 'm'\n }\n}\noutput o string = r.name\n").unwrap();
        assert_eq!(d.len(), 4);
        assert_eq!(d[0].decorators[0].name, "allowed");
        let DeclKind::Param { ty, .. } = &d[1].kind else {
            panic!()
        };
        assert!(ty.nullable && ty.literals.len() == 2);
        let e = file("var x = {\n a: 1 b: 2\n}").unwrap_err();
        assert_eq!((e.pos.line, e.pos.column), (2, 7));
        assert!(file(&"[".repeat(500)).is_err());
        assert!(file(&format!("var x = {}", "(".repeat(5000))).is_err());
    }
}
