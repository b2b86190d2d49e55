//! `cosmos_backup._native`: the Python binding of [`cosmos_backup::api`].
//!
//! Thin by design (cedar / PRQL style): every function converts Python values to JSON, calls the
//! core's API with the GIL released, and converts the JSON answer back. No rule, price or default
//! lives here; the pure-Python package `cosmos_backup` wraps these in a Pythonic API.
//!
//! The native functions are generated from the core's operations table
//! (`cosmos_backup::for_each_operation!`); adding an operation is one entry there.
#![cfg(not(target_family = "wasm"))]

use cosmos_backup::api;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};
use std::panic::{AssertUnwindSafe, catch_unwind};

pyo3::create_exception!(
    _native,
    ConversionError,
    PyValueError,
    "A Python value that has no JSON form (args: message, JSON Pointer of the value, code)."
);

/// Runs `api::call` with the GIL released. A panic (a bug: the core must not panic) becomes an
/// `internal.panic` error answer instead of a `PanicException`.
fn call_detached(py: Python<'_>, op: &str, input: &Value) -> Value {
    py.detach(|| guarded(|| api::call(op, input)))
}

fn guarded(f: impl FnOnce() -> Value) -> Value {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| internal_error())
}

fn internal_error() -> Value {
    serde_json::json!({"error": {
        "code": "internal.panic",
        "message": "cosmos-backup hit an internal error (a bug)",
        "diagnostics": []
    }})
}

/// How deep a Python document may nest: the same limit serde_json applies to JSON text (so both
/// input paths agree), and what keeps a self-referencing dict from exhausting the stack.
const MAX_DEPTH: usize = 128;

/// Python object → JSON value. `path` is the JSON Pointer of `obj`, for the error message.
fn to_json(obj: &Bound<'_, PyAny>, path: &mut String, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(ConversionError::new_err((
            format!("the document nests deeper than {MAX_DEPTH} levels (or refers to itself)"),
            path.clone(),
            "input.limit-exceeded",
        )));
    }
    let depth = depth.saturating_add(1);
    if obj.is_none() {
        return Ok(Value::Null);
    }
    // bool before int: Python's bool is a subclass of int.
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        // Beyond 64 bits: a float, as serde_json reads such a literal from text.
        let f: f64 = obj.extract()?;
        return finite(f, path);
    }
    if obj.cast::<PyFloat>().is_ok() {
        return finite(obj.extract()?, path);
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let Ok(key) = k.cast::<PyString>() else {
                return Err(conversion(
                    format!("a dict key is a Python `{}`, not a string", type_name(&k)),
                    path,
                ));
            };
            let key = key.to_cow()?.into_owned();
            let len = path.len();
            push_token(path, &key);
            let value = to_json(&v, path, depth)?;
            path.truncate(len);
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return array(list.iter(), path, depth);
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return array(tuple.iter(), path, depth);
    }
    if is_decimal(obj) {
        // Money and sizes as exact decimal strings (`"1000.5"`), which the engine reads exactly.
        if !obj.call_method0("is_finite")?.is_truthy()? {
            return Err(conversion(format!("the decimal `{}` is not finite", obj.str()?), path));
        }
        return Ok(Value::String(obj.str()?.to_cow()?.into_owned()));
    }
    if let Some(v) = notebook_value(obj, path, depth)? {
        return Ok(v);
    }
    Err(conversion(
        format!("the value is a Python `{}`, which has no JSON form", type_name(obj)),
        path,
    ))
}

/// What a notebook hands over besides plain JSON types: datetimes (aware only: a naive one has
/// no time zone, and the engine never guesses one), dates (midnight UTC), and numpy scalars and
/// arrays (what `df.at`, `iloc` and `apply` return). Checked last: plain documents never pay.
fn notebook_value(obj: &Bound<'_, PyAny>, path: &mut String, depth: usize) -> PyResult<Option<Value>> {
    let py = obj.py();
    let datetime = py.import("datetime")?;
    if obj.is_instance(&datetime.getattr("datetime")?)? {
        if obj.call_method0("utcoffset")?.is_none() {
            return Err(conversion(
                format!(
                    "the datetime `{}` is naive (no time zone); the engine never guesses one",
                    obj.str()?
                ),
                path,
            ));
        }
        return Ok(Some(Value::String(obj.call_method0("isoformat")?.extract()?)));
    }
    if obj.is_instance(&datetime.getattr("date")?)? {
        let day: String = obj.call_method0("isoformat")?.extract()?;
        return Ok(Some(Value::String(format!("{day}T00:00:00Z"))));
    }
    let module = obj.get_type().module().map(|m| m.to_string()).unwrap_or_default();
    if module != "numpy" {
        return Ok(None);
    }
    if type_name(obj) == "ndarray" {
        return to_json(&obj.call_method0("tolist")?, path, depth).map(Some);
    }
    let kind: String = obj.getattr("dtype")?.getattr("kind")?.extract()?;
    if kind == "M" {
        // datetime64 is UTC by numpy's convention; NaT has no instant.
        let numpy = py.import("numpy")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("timezone", "UTC")?;
        let text: String = numpy
            .getattr("datetime_as_string")?
            .call((obj,), Some(&kwargs))?
            .extract()?;
        if text.starts_with("NaT") {
            return Err(conversion(String::from("the datetime64 is `NaT` (not a time)"), path));
        }
        return Ok(Some(Value::String(text)));
    }
    // bool_, integer, floating, str_: `item()` gives the Python value of the same meaning.
    to_json(&obj.call_method0("item")?, path, depth).map(Some)
}

/// A list's or tuple's items → a JSON array (typed iteration: no generic iterator protocol).
fn array<'py>(
    items: impl ExactSizeIterator<Item = Bound<'py, PyAny>>,
    path: &mut String,
    depth: usize,
) -> PyResult<Value> {
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.enumerate() {
        let len = path.len();
        push_index(path, i);
        out.push(to_json(&v, path, depth)?);
        path.truncate(len);
    }
    Ok(Value::Array(out))
}

/// `decimal.Decimal` (checked last, so documents of plain JSON types never pay for it).
fn is_decimal(obj: &Bound<'_, PyAny>) -> bool {
    let ty = obj.get_type();
    let module = ty.module().map(|m| m.to_string()).unwrap_or_default();
    let name = ty.name().map(|n| n.to_string()).unwrap_or_default();
    name == "Decimal" && (module == "decimal" || module == "_decimal" || module == "_pydecimal")
}

fn finite(f: f64, path: &str) -> PyResult<Value> {
    Number::from_f64(f)
        .map(Value::Number)
        .ok_or_else(|| conversion(format!("the number `{f}` is not finite"), path))
}

fn push_token(path: &mut String, key: &str) {
    path.push('/');
    if key.contains(['~', '/']) {
        path.push_str(&key.replace('~', "~0").replace('/', "~1"));
    } else {
        path.push_str(key); // the common case: no copy of the key (this runs for every key of a fleet)
    }
}

fn push_index(path: &mut String, i: usize) {
    use std::fmt::Write;
    let _ = write!(path, "/{i}"); // writing into a String cannot fail
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| String::from("object"))
}

fn conversion(message: String, path: &str) -> PyErr {
    ConversionError::new_err((message, path.to_owned(), "input.not-a-document"))
}

/// JSON value → Python object (dict, list, str, int, float, bool, None).
fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for v in items {
                list.append(to_py(py, v)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

fn convert(document: &Bound<'_, PyAny>) -> PyResult<Value> {
    to_json(document, &mut String::new(), 0)
}

/// Runs an operation by name on a document and returns its JSON answer as Python objects.
///
/// Args:
///     operation (str): A name from `OPERATIONS`.
///     document (dict | list | str | int | float | bool | None): The operation's input.
///
/// Returns:
///     The answer; misuse gives `{"error": {...}}` rather than raising.
///
/// Raises:
///     ConversionError: A value in `document` has no JSON form.
#[pyfunction]
fn call<'py>(py: Python<'py>, operation: &str, document: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let input = convert(document)?;
    to_py(py, &call_detached(py, operation, &input))
}

/// Runs an operation by name on JSON text and returns JSON text (`{"error": ...}` on misuse).
///
/// Args:
///     operation (str): A name from `OPERATIONS`.
///     text (str): The operation's input as JSON text.
///
/// Returns:
///     str: The answer as JSON text.
#[pyfunction]
fn call_json(py: Python<'_>, operation: &str, text: &str) -> String {
    py.detach(|| {
        catch_unwind(AssertUnwindSafe(|| api::call_json(operation, text)))
            .unwrap_or_else(|_| internal_error().to_string())
    })
}

/// Runs one operation on many documents in one call, with the GIL released for all the work.
///
/// Args:
///     operation (str): A name from `OPERATIONS`.
///     documents (list): The inputs; each is converted as for `call`.
///
/// Returns:
///     list: One answer per input, in order.
///
/// Raises:
///     ConversionError: A value has no JSON form (the pointer starts with the item's index).
#[pyfunction]
fn call_many<'py>(py: Python<'py>, operation: &str, documents: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let mut inputs = Vec::new();
    for (i, d) in documents.try_iter()?.enumerate() {
        let mut path = format!("/{i}");
        inputs.push(to_json(&d?, &mut path, 0)?);
    }
    let answers: Vec<Value> = py.detach(|| inputs.iter().map(|v| guarded(|| api::call(operation, v))).collect());
    let out = PyList::empty(py);
    for a in &answers {
        out.append(to_py(py, a)?)?;
    }
    Ok(out)
}

/// [`call_many`] on JSON texts: many texts in, many JSON texts out, one GIL release.
#[pyfunction]
fn call_json_many(py: Python<'_>, operation: &str, texts: Vec<String>) -> Vec<String> {
    py.detach(|| {
        texts
            .iter()
            .map(|t| {
                catch_unwind(AssertUnwindSafe(|| api::call_json(operation, t)))
                    .unwrap_or_else(|_| internal_error().to_string())
            })
            .collect()
    })
}

/// Line and column of a JSON Pointer in JSON text (the typed form of the `locate` operation).
///
/// Args:
///     text (str): JSON text.
///     pointer (str): An RFC 6901 JSON Pointer, e.g. `/properties/backupPolicy`.
///
/// Returns:
///     tuple[int, int] | None: 1-based (line, column), or None when the pointer is not in the text.
#[pyfunction]
fn position(py: Python<'_>, text: &str, pointer: &str) -> Option<(usize, usize)> {
    py.detach(|| {
        catch_unwind(|| api::locate(text, pointer))
            .ok()
            .flatten()
            .map(|p| (p.line, p.column))
    })
}

/// One `#[pyfunction]` per operation of the core's table (`cosmos_backup::for_each_operation!`):
/// `name(document)` = `call("name", document)`.
macro_rules! py_operations {
    ($($(#[doc = $doc:literal])* $name:ident / $snake:ident ($kind:ident: $ts_in:literal) -> $out:ty as $ts_out:literal = $run:expr;)*) => {
        // pyo3 names a helper module after each function, hence the allow on the whole module.
        #[allow(non_snake_case, reason = "the native functions are named exactly as the operations (`restoreWindow`); the public Python API is snake_case")]
        mod native_operations {
            use super::*;
            $(
                #[doc = concat!($($doc,)* "\n\nRuns the `", stringify!($name), "` operation: `call(\"", stringify!($name), "\", document)`.")]
                #[pyfunction]
                pub(super) fn $name<'py>(py: Python<'py>, document: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
                    call(py, stringify!($name), document)
                }
            )*
            pub(super) fn add_operations(m: &Bound<'_, PyModule>) -> PyResult<()> {
                $( m.add_function(wrap_pyfunction!($name, m)?)?; )*
                Ok(())
            }
        }
        use native_operations::add_operations;
    };
}

cosmos_backup::for_each_operation!(py_operations);

/// The native module. `OPERATIONS` is the core's list, so Python can check it exposes them all.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("OPERATIONS", PyTuple::new(m.py(), api::OPERATIONS)?)?;
    m.add("SCHEMA_VERSION", api::SCHEMA_VERSION)?;
    m.add("MAX_INPUT_BYTES", api::MAX_INPUT_BYTES)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ConversionError", m.py().get_type::<ConversionError>())?;
    m.add_function(wrap_pyfunction!(call, m)?)?;
    m.add_function(wrap_pyfunction!(call_json, m)?)?;
    m.add_function(wrap_pyfunction!(call_many, m)?)?;
    m.add_function(wrap_pyfunction!(call_json_many, m)?)?;
    m.add_function(wrap_pyfunction!(position, m)?)?;
    add_operations(m)
}
