//! `repr(str)` and the Unicode character predicates CPython 3.11 uses for
//! number parsing (`str.isspace`, `str.isprintable`, decimal digit values).

use super::unicode_tables::{DECIMAL_ZEROS, NON_PRINTABLE, SPACES};

/// `str.isprintable()` for one character (CPython 3.11, Unicode 14.0).
pub fn py_is_printable(c: char) -> bool {
    let v = c as u32;
    if (0x20..0x7f).contains(&v) {
        return true;
    }
    if v < 0x20 || v == 0x7f {
        return false;
    }
    // Binary search the sorted, disjoint ranges of non-printable chars.
    let idx = NON_PRINTABLE.partition_point(|&(_, hi)| hi < v);
    !(idx < NON_PRINTABLE.len() && NON_PRINTABLE[idx].0 <= v)
}

/// `str.isspace()` for one character (includes `\x1c`..`\x1f`).
#[inline]
pub fn py_is_space(c: char) -> bool {
    let v = c as u32;
    if v < 0x80 {
        return py_is_space_byte(v as u8);
    }
    SPACES.binary_search(&v).is_ok()
}

/// `py_is_space` for an ASCII byte: `\t\n\v\f\r`, `\x1c`..`\x1f` and the space.
#[inline]
pub fn py_is_space_byte(b: u8) -> bool {
    matches!(b, 9..=13 | 0x1c..=0x20)
}

/// The decimal value of a Unicode decimal digit (category Nd), as
/// `unicodedata.decimal(c)`; `None` otherwise.
pub fn py_unicode_decimal(c: char) -> Option<u32> {
    let v = c as u32;
    if v < 0x80 {
        return if c.is_ascii_digit() {
            Some(v - b'0' as u32)
        } else {
            None
        };
    }
    let idx = DECIMAL_ZEROS.partition_point(|&z| z <= v);
    if idx == 0 {
        return None;
    }
    let zero = DECIMAL_ZEROS[idx - 1];
    if v - zero < 10 {
        Some(v - zero)
    } else {
        None
    }
}

/// CPython's `repr(str)`: picks `'` unless the string contains `'` and no
/// `"`; escapes `\\`, the quote, `\t \n \r`, other control characters as
/// `\xNN`, and non-printable non-ASCII as `\xNN` / `\uNNNN` / `\UNNNNNNNN`.
pub fn py_str_repr(s: &str) -> String {
    let has_squote = s.contains('\'');
    let has_dquote = s.contains('"');
    let quote = if has_squote && !has_dquote { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ => {
                let v = c as u32;
                if v < 0x20 || v == 0x7f {
                    out.push_str(&format!("\\x{:02x}", v));
                } else if v < 0x7f || py_is_printable(c) {
                    out.push(c);
                } else if v < 0x100 {
                    out.push_str(&format!("\\x{:02x}", v));
                } else if v < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", v));
                } else {
                    out.push_str(&format!("\\U{:08x}", v));
                }
            }
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_cases() {
        assert_eq!(py_str_repr("abc"), "'abc'");
        assert_eq!(py_str_repr("a'b"), "\"a'b\"");
        assert_eq!(py_str_repr("a'b\""), "'a\\'b\"'");
        assert_eq!(py_str_repr("a\"b"), "'a\"b'");
        assert_eq!(py_str_repr("\n\t\r\\\x00\x7f"), "'\\n\\t\\r\\\\\\x00\\x7f'");
        assert_eq!(py_str_repr("\u{e9}\u{a0}\u{ad}"), "'\u{e9}\\xa0\\xad'");
        assert_eq!(
            py_str_repr("\u{2028}\u{378}\u{10ffff}"),
            "'\\u2028\\u0378\\U0010ffff'"
        );
        assert_eq!(py_str_repr("\u{4e2d}\u{1f600}"), "'\u{4e2d}\u{1f600}'");
    }

    #[test]
    fn predicates() {
        assert!(py_is_space('\x1c') && py_is_space('\u{3000}') && !py_is_space('\u{200b}'));
        assert_eq!(py_unicode_decimal('\u{661}'), Some(1));
        assert_eq!(py_unicode_decimal('7'), Some(7));
        assert_eq!(py_unicode_decimal('\u{b2}'), None); // superscript two
        assert_eq!(py_unicode_decimal('\u{1d7ce}'), Some(0));
    }
}
