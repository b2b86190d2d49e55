//! The Bicep syntax tree: declarations and expressions, each with where it was written.

use super::lexer::Pos;

/// An expression and its place (`pos`..`end` in bytes, for the expression text).
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: Kind,
    /// Where it starts.
    pub pos: Pos,
    /// Byte offset just past it.
    pub end: usize,
}

/// The kinds of expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A string without holes.
    Str(String),
    /// A string with `${…}` holes.
    Interp(Vec<Piece>),
    /// A name: parameter, variable, resource, module, loop or lambda variable.
    Ident(String),
    /// `[a, b]`.
    Array(Vec<Expr>),
    /// `{k: v, ...s}`.
    Object(Vec<Prop>),
    /// `[for item in iter: body]`.
    For(Box<For>),
    /// `if (cond) body` (resource and module bodies).
    If(Box<Expr>, Box<Expr>),
    /// `!x`, `-x`.
    Unary(&'static str, Box<Expr>),
    /// `a op b`.
    Binary(&'static str, Box<Expr>, Box<Expr>),
    /// `c ? a : b`.
    Ternary(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `f(args)`, `ns.f(args)`.
    Call(Box<Expr>, Vec<Expr>),
    /// `a.b` (`safe`: `a.?b`).
    Member(Box<Expr>, String, bool),
    /// `a::b` (a nested resource).
    Nested(Box<Expr>, String),
    /// `a[i]` (`safe`: `a[?i]`).
    Index(Box<Expr>, Box<Expr>, bool),
    /// `a!`.
    NonNull(Box<Expr>),
    /// `(a, b) => body`.
    Lambda(Vec<String>, Box<Expr>),
    /// `(a)`: kept so the text of the whole is the user's.
    Paren(Box<Expr>),
}

/// A piece of an interpolated string.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Literal text.
    Lit(String),
    /// A `${…}` hole.
    Hole(Expr),
}

/// An object member.
#[derive(Debug, Clone, PartialEq)]
pub enum Prop {
    /// `key: value` (an identifier or a plain string key).
    Pair {
        /// The key.
        key: String,
        /// Where the key is written.
        key_pos: Pos,
        /// The value.
        value: Expr,
    },
    /// `'${k}': value`.
    Computed {
        /// The key expression.
        key: Expr,
        /// The value.
        value: Expr,
    },
    /// `...expr`.
    Spread(Expr),
    /// A nested `resource` declaration inside a resource body.
    Resource(Box<Decl>),
}

/// A `for` expression.
#[derive(Debug, Clone, PartialEq)]
pub struct For {
    /// The item variable.
    pub item: String,
    /// The index variable, when written `(item, index)`.
    pub index: Option<String>,
    /// What is iterated.
    pub iter: Expr,
    /// The body (an `If` for filtered resource loops).
    pub body: Expr,
}

/// A decorator `@name(args)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Decorator {
    /// The name without a `sys.` namespace.
    pub name: String,
    /// Its arguments.
    pub args: Vec<Expr>,
    /// Where the `@` is.
    pub pos: Pos,
}

/// A declaration and its decorators.
#[derive(Debug, Clone, PartialEq)]
pub struct Decl {
    /// What it declares.
    pub kind: DeclKind,
    /// Its decorators, in order.
    pub decorators: Vec<Decorator>,
    /// Where its keyword is.
    pub pos: Pos,
}

/// A parameter's declared type, as far as the converter needs it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParamType {
    /// The type as written (without a trailing `?`).
    pub text: String,
    /// Written with a trailing `?`: the parameter may be left out and is then `null`.
    pub nullable: bool,
    /// A union of literals (`'a' | 'b'`): the values it allows.
    pub literals: Vec<Expr>,
}

/// The kinds of declaration.
#[derive(Debug, Clone, PartialEq)]
pub enum DeclKind {
    /// `param name type = default` (in a `.bicepparam`: `param name = value`, `ty` empty).
    Param {
        /// The name.
        name: String,
        /// The type.
        ty: ParamType,
        /// The default value (the value, in a `.bicepparam`).
        default: Option<Expr>,
    },
    /// `var name = value`.
    Var {
        /// The name.
        name: String,
        /// The value.
        value: Expr,
    },
    /// `resource sym 'type@version' [existing] = body`.
    Resource {
        /// The symbolic name.
        sym: String,
        /// The type as written (`Microsoft.DocumentDB/databaseAccounts` or `keys` when nested).
        ty: String,
        /// The api-version.
        api_version: String,
        /// `existing`.
        existing: bool,
        /// The body: an object, `if (c) {…}` or `[for …: …]`.
        body: Expr,
    },
    /// `module sym 'path' = body`.
    Module {
        /// The symbolic name.
        sym: String,
        /// The path as written.
        path: String,
        /// The body.
        body: Expr,
    },
    /// `using './main.bicep'` in a `.bicepparam` (`None` for `using none`).
    Using(Option<String>),
    /// A declaration read and ignored (`output`, `type`, `func`, `import`, `targetScope`, `metadata`…).
    Ignored(&'static str),
    /// A statement the converter does not know, skipped.
    Unknown(String),
}
