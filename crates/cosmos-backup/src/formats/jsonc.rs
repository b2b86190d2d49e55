//! JSON with comments (`//`, `/* */`) and trailing commas, as ARM templates, parameter files and
//! `az` accept them.
//!
//! Comments and trailing commas are replaced by spaces (newlines kept), so the cleaned text is
//! plain JSON with every value at the same line and column as in the user's text: parse errors,
//! duplicate keys and `file:line:column` all point where the user wrote.

/// The text with comments and trailing commas blanked, or `None` when it has neither (the common
/// case costs one scan and no copy).
///
/// ```
/// use cosmos_backup::formats::jsonc::blank;
/// let text = "{\n  // the interval\n  \"a\": 1, /* x */\n}";
/// let clean = blank(text).unwrap();
/// assert_eq!(serde_json::from_str::<serde_json::Value>(&clean).unwrap()["a"], 1);
/// assert_eq!(clean.len(), text.len());
/// ```
pub fn blank(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::new();
    let mut changed = false;
    let mut i = 0usize;
    let mut in_string = false;
    while let Some(&b) = bytes.get(i) {
        let next = bytes.get(i.saturating_add(1)).copied();
        if in_string {
            out.push(b);
            if b == b'\\' {
                if let Some(n) = next {
                    out.push(n);
                    i = i.saturating_add(1);
                }
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
            out.push(b);
        } else if b == b'/' && next == Some(b'/') {
            changed = true;
            while let Some(&c) = bytes.get(i) {
                if c == b'\n' {
                    break;
                }
                out.push(blank_byte(c));
                i = i.saturating_add(1);
            }
            continue;
        } else if b == b'/' && next == Some(b'*') {
            // An unclosed comment is left as it is, so the parser reports it where it starts.
            let Some(len) = text.get(i.saturating_add(2)..).and_then(|rest| rest.find("*/")) else {
                out.extend_from_slice(bytes.get(i..).unwrap_or_default());
                break;
            };
            changed = true;
            let end = i.saturating_add(len).saturating_add(4);
            out.extend(bytes.get(i..end).unwrap_or_default().iter().map(|&c| blank_byte(c)));
            i = end;
            continue;
        } else if b == b',' && closes_after(bytes, i.saturating_add(1)) {
            changed = true;
            out.push(b' ');
        } else {
            out.push(b);
        }
        i = i.saturating_add(1);
    }
    // Only ASCII bytes were replaced (by ASCII spaces) and only whole comments, so the bytes of
    // multi-byte characters are kept intact except inside comments, where each byte became a
    // space: the result is valid UTF-8 either way.
    changed.then(|| String::from_utf8(out).ok()).flatten()
}

/// Inside a comment every byte becomes a space, except newlines (lines stay where they were).
/// A multi-byte character becomes several spaces; columns count characters, so a comment with
/// non-ASCII text shifts later columns on that line only after the comment, never other lines.
fn blank_byte(c: u8) -> u8 {
    if c == b'\n' || c == b'\r' { c } else { b' ' }
}

/// True when only whitespace or comments stand between `from` and a closing `}` or `]`.
fn closes_after(bytes: &[u8], from: usize) -> bool {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => i = i.saturating_add(1),
            b'/' if bytes.get(i.saturating_add(1)) == Some(&b'/') => {
                while bytes.get(i).is_some_and(|&c| c != b'\n') {
                    i = i.saturating_add(1);
                }
            }
            b'/' if bytes.get(i.saturating_add(1)) == Some(&b'*') => {
                i = i.saturating_add(2);
                while let Some(&c) = bytes.get(i) {
                    i = i.saturating_add(1);
                    if c == b'*' && bytes.get(i) == Some(&b'/') {
                        i = i.saturating_add(1);
                        break;
                    }
                }
            }
            b'}' | b']' => return true,
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::blank;

    #[test]
    fn strings_that_look_like_comments_are_kept() {
        assert_eq!(blank(r#"{"a": "http://x/*y*/", "b": "\"//"}"#), None);
    }

    #[test]
    fn trailing_commas_and_block_comments_go() {
        let clean = blank("[1, 2, /* three */\n]").unwrap();
        let v: serde_json::Value = serde_json::from_str(&clean).unwrap();
        assert_eq!(v, serde_json::json!([1, 2]));
        assert_eq!(clean.lines().count(), 2);
    }

    #[test]
    fn an_unclosed_block_comment_is_left_for_the_parser() {
        assert_eq!(blank("{} /* open"), None);
        assert_eq!(blank("[1,] /* open").unwrap(), "[1 ] /* open");
    }
}
