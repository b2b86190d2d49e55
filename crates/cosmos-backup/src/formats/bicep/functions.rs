//! The Bicep functions evaluated offline when their arguments are known. Any other function
//! (`resourceGroup()`, `uniqueString()`, `reference()`…) leaves its call unknown.

use super::eval::V;

/// The functions evaluated here, lower case.
pub const FUNCTIONS: &[&str] = &[
    "any",
    "coalesce",
    "concat",
    "contains",
    "empty",
    "endswith",
    "first",
    "format",
    "int",
    "join",
    "last",
    "length",
    "max",
    "min",
    "range",
    "replace",
    "shallowmerge",
    "split",
    "startswith",
    "string",
    "substring",
    "tolower",
    "toupper",
    "trim",
    "union",
    "bool",
    "items",
    "filter",
    "map",
];

/// `name(args)`, when it can be known.
pub fn call<'a>(name: &str, args: Vec<V<'a>>) -> Option<V<'a>> {
    let mut it = args.into_iter();
    let (a, b, c) = (it.next(), it.next(), it.next());
    let rest: Vec<V<'a>> = it.collect();
    match (name, a, b, c) {
        ("any", Some(x), None, None) => Some(x),
        ("empty", Some(x), None, None) => match x {
            V::Null => Some(V::Bool(true)),
            V::Str(s) => Some(V::Bool(s.is_empty())),
            V::Arr(v) => Some(V::Bool(v.is_empty())),
            V::Obj(m) => Some(V::Bool(m.is_empty())),
            _ => None,
        },
        ("contains", Some(container), Some(item), None) => contains(&container, &item).map(V::Bool),
        ("tolower", Some(V::Str(s)), None, None) => Some(V::Str(s.to_lowercase())),
        ("toupper", Some(V::Str(s)), None, None) => Some(V::Str(s.to_uppercase())),
        ("trim", Some(V::Str(s)), None, None) => Some(V::Str(s.trim().to_string())),
        ("coalesce", a, b, c) => {
            for v in [a, b, c].into_iter().flatten().chain(rest) {
                match v {
                    V::Null => continue,
                    V::Unknown(_) => return None,
                    other => return Some(other),
                }
            }
            Some(V::Null)
        }
        ("union", Some(first), b, c) => {
            let mut acc = first;
            for v in [b, c].into_iter().flatten().chain(rest) {
                acc = union(acc, v)?;
            }
            matches!(acc, V::Obj(_) | V::Arr(_)).then_some(acc)
        }
        ("shallowmerge", Some(V::Arr(items)), None, None) => {
            let mut out: Vec<(String, V<'a>)> = Vec::new();
            for i in items {
                let V::Obj(m) = i else { return None };
                for (k, v) in m {
                    match out.iter_mut().find(|(n, _)| *n == k) {
                        Some(slot) => slot.1 = v,
                        None => out.push((k, v)),
                    }
                }
            }
            Some(V::Obj(out))
        }
        ("length", Some(x), None, None) => {
            let n = match x {
                V::Str(s) => s.chars().count(),
                V::Arr(v) => v.len(),
                V::Obj(m) => m.len(),
                _ => return None,
            };
            i64::try_from(n).ok().map(V::Int)
        }
        ("concat", a, b, c) => {
            let all: Vec<V<'a>> = [a, b, c].into_iter().flatten().chain(rest).collect();
            if all.iter().all(|v| matches!(v, V::Arr(_))) {
                Some(V::Arr(
                    all.into_iter()
                        .flat_map(|v| match v {
                            V::Arr(x) => x,
                            _ => Vec::new(),
                        })
                        .collect(),
                ))
            } else {
                let mut s = String::new();
                for v in all {
                    s.push_str(&scalar(&v)?);
                }
                Some(V::Str(s))
            }
        }
        ("format", Some(V::Str(f)), b, c) => {
            let vals: Vec<String> = [b, c]
                .into_iter()
                .flatten()
                .chain(rest)
                .map(|v| scalar(&v))
                .collect::<Option<_>>()?;
            format(&f, &vals).map(V::Str)
        }
        ("string", Some(x), None, None) => match x {
            V::Str(s) => Some(V::Str(s)),
            v @ (V::Arr(_) | V::Obj(_)) if v.is_known() => Some(V::Str(v.to_json().to_string())),
            v => scalar(&v).map(V::Str),
        },
        ("int", Some(V::Int(n)), None, None) => Some(V::Int(n)),
        ("int", Some(V::Str(s)), None, None) => s.trim().parse().ok().map(V::Int),
        ("bool", Some(V::Bool(b)), None, None) => Some(V::Bool(b)),
        ("bool", Some(V::Str(s)), None, None) => match s.to_ascii_lowercase().as_str() {
            "true" => Some(V::Bool(true)),
            "false" => Some(V::Bool(false)),
            _ => None,
        },
        ("first", Some(V::Arr(v)), None, None) => Some(v.into_iter().next().unwrap_or(V::Null)),
        ("last", Some(V::Arr(v)), None, None) => Some(v.into_iter().last().unwrap_or(V::Null)),
        ("first", Some(V::Str(s)), None, None) => Some(V::Str(s.chars().take(1).collect())),
        ("last", Some(V::Str(s)), None, None) => Some(V::Str(s.chars().last().map(String::from).unwrap_or_default())),
        ("split", Some(V::Str(s)), Some(V::Str(d)), None) if !d.is_empty() => {
            Some(V::Arr(s.split(d.as_str()).map(|p| V::Str(p.to_string())).collect()))
        }
        ("replace", Some(V::Str(s)), Some(V::Str(from)), Some(V::Str(to))) if !from.is_empty() => {
            Some(V::Str(s.replace(&from, &to)))
        }
        ("startswith", Some(V::Str(s)), Some(V::Str(p)), None) => {
            Some(V::Bool(s.to_lowercase().starts_with(&p.to_lowercase())))
        }
        ("endswith", Some(V::Str(s)), Some(V::Str(p)), None) => {
            Some(V::Bool(s.to_lowercase().ends_with(&p.to_lowercase())))
        }
        ("join", Some(V::Arr(items)), Some(V::Str(d)), None) => {
            let parts: Vec<String> = items.iter().map(scalar).collect::<Option<_>>()?;
            Some(V::Str(parts.join(&d)))
        }
        ("substring", Some(V::Str(s)), Some(V::Int(start)), len) => {
            let start = usize::try_from(start).ok()?;
            let chars: Vec<char> = s.chars().collect();
            let len = match len {
                Some(V::Int(n)) => usize::try_from(n).ok()?,
                None => chars.len().checked_sub(start)?,
                Some(_) => return None,
            };
            let end = start.checked_add(len)?;
            chars.get(start..end).map(|c| V::Str(c.iter().collect()))
        }
        ("range", Some(V::Int(start)), Some(V::Int(count)), None) if (0..=10_000).contains(&count) => {
            let end = start.checked_add(count)?;
            Some(V::Arr((start..end).map(V::Int).collect()))
        }
        ("min" | "max", a, b, c) => {
            let mut all: Vec<V<'a>> = [a, b, c].into_iter().flatten().chain(rest).collect();
            if let [V::Arr(_)] = all.as_slice() {
                all = match all.pop() {
                    Some(V::Arr(v)) => v,
                    _ => Vec::new(),
                };
            }
            let ints: Vec<i64> = all
                .iter()
                .map(|v| match v {
                    V::Int(n) => Some(*n),
                    _ => None,
                })
                .collect::<Option<_>>()?;
            let m = if name == "min" {
                ints.iter().min()
            } else {
                ints.iter().max()
            };
            m.copied().map(V::Int)
        }
        ("items", Some(V::Obj(m)), None, None) => {
            let mut m = m;
            m.sort_by_key(|a| a.0.to_lowercase());
            Some(V::Arr(
                m.into_iter()
                    .map(|(k, v)| V::Obj(vec![("key".to_string(), V::Str(k)), ("value".to_string(), v)]))
                    .collect(),
            ))
        }
        _ => None,
    }
}

fn contains(container: &V<'_>, item: &V<'_>) -> Option<bool> {
    match (container, item) {
        (V::Arr(items), x) if x.is_known() => {
            if items.iter().any(|i| i == x) {
                Some(true)
            } else if items.iter().all(V::is_known) {
                Some(false)
            } else {
                None
            }
        }
        (V::Obj(m), V::Str(k)) => Some(m.iter().any(|(n, _)| n.eq_ignore_ascii_case(k))),
        (V::Str(s), V::Str(x)) => Some(s.contains(x.as_str())),
        _ => None,
    }
}

/// ARM `union`: objects merge (nested objects too), arrays keep the first of each value.
fn union<'a>(a: V<'a>, b: V<'a>) -> Option<V<'a>> {
    match (a, b) {
        (V::Obj(mut m), V::Obj(n)) => {
            for (k, v) in n {
                match m.iter_mut().find(|(x, _)| *x == k) {
                    Some(slot) => {
                        let old = std::mem::replace(&mut slot.1, V::Null);
                        slot.1 = match (old, v) {
                            (o @ V::Obj(_), n @ V::Obj(_)) => union(o, n)?,
                            (_, n) => n,
                        };
                    }
                    None => m.push((k, v)),
                }
            }
            Some(V::Obj(m))
        }
        (V::Arr(mut x), V::Arr(y)) => {
            for v in y {
                if !x.contains(&v) {
                    x.push(v);
                }
            }
            Some(V::Arr(x))
        }
        _ => None,
    }
}

/// A scalar as interpolation writes it.
fn scalar(v: &V<'_>) -> Option<String> {
    match v {
        V::Str(s) => Some(s.clone()),
        V::Int(n) => Some(n.to_string()),
        V::Bool(b) => Some(if *b { "True" } else { "False" }.to_string()),
        V::Null => Some(String::new()),
        _ => None,
    }
}

/// `format('{0}-{1}', a, b)` (no format specifiers).
fn format(f: &str, vals: &[String]) -> Option<String> {
    let mut out = String::new();
    let mut rest = f;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(rest.get(..i)?);
        let tail = rest.get(i..)?;
        if let Some(t) = tail.strip_prefix("{{") {
            out.push('{');
            rest = t;
        } else if let Some(t) = tail.strip_prefix("}}") {
            out.push('}');
            rest = t;
        } else if let Some(t) = tail.strip_prefix('{') {
            let close = t.find('}')?;
            let n: usize = t.get(..close)?.trim().parse().ok()?;
            out.push_str(vals.get(n)?);
            rest = t.get(close.checked_add(1)?..)?;
        } else {
            return None;
        }
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_calls() {
        assert_eq!(
            call("format", vec![V::Str("{0}-{1}".into()), V::Str("a".into()), V::Int(1)]),
            Some(V::Str("a-1".into()))
        );
        assert_eq!(
            call("contains", vec![V::Arr(vec![V::Str("x".into())]), V::Str("x".into())]),
            Some(V::Bool(true))
        );
        assert_eq!(call("coalesce", vec![V::Null, V::Int(2)]), Some(V::Int(2)));
        assert_eq!(call("empty", vec![V::Null]), Some(V::Bool(true)));
        assert_eq!(call("uniquestring", vec![V::Str("x".into())]), None);
        assert_eq!(
            call("range", vec![V::Int(0), V::Int(2)]),
            Some(V::Arr(vec![V::Int(0), V::Int(1)]))
        );
    }
}
