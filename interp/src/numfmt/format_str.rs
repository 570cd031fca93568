//! `format(str, spec)`: port of CPython's `format_string_internal`.

use super::spec::{check_width, unknown_presentation_type, FormatSpec};
use super::{value_error, FmtError};

/// `format(s, spec)` for a str: alignment, fill and precision (truncation)
/// counted in code points.  `type_name` is used in the "Unknown format code"
/// error.  Other errors (ValueError): "Cannot specify ',' with 's'.", "Sign
/// not allowed in string format specifier", "Space not allowed in string
/// format specifier", "Negative zero coercion (z) not allowed in string
/// format specifier", "Alternate form (#) not allowed in string format
/// specifier", "'=' alignment not allowed in string format specifier".
pub fn format_str(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    if spec.ty.is_none() {
        if let Some(sep) = spec.grouping {
            return Err(value_error(format!("Cannot specify '{}' with 's'.", sep)));
        }
    }
    match spec.ty {
        None | Some('s') => {}
        Some(c) => return Err(unknown_presentation_type(c, type_name)),
    }
    match spec.sign {
        Some(' ') => return Err(value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let align = spec.align_or('<');
    if align == '=' {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    // Truncate to the precision (in code points).
    let mut len = 0usize;
    let mut end = s.len();
    for (i, _) in s.char_indices() {
        if Some(len) == spec.precision {
            end = i;
            break;
        }
        len += 1;
    }
    let body = &s[..end];
    let width = spec.width.unwrap_or(0);
    if width <= len {
        return Ok(body.to_string());
    }
    check_width(width as isize)?;
    let total = width - len;
    let lpad = match align {
        '>' => total,
        '^' => total / 2,
        _ => 0,
    };
    let rpad = total - lpad;
    let fill = spec.fill_char();
    let mut out = String::with_capacity(body.len() + total * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, lpad));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, rpad));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::spec::parse_spec;
    use super::*;

    fn f(v: &str, s: &str) -> String {
        let spec = match parse_spec(s, "str") {
            Ok(sp) => sp,
            Err(e) => return format!("{}", e),
        };
        match format_str(v, &spec, "str") {
            Ok(s) => s,
            Err(e) => format!("{}", e),
        }
    }

    #[test]
    fn strs() {
        assert_eq!(f("ab", "05"), "ab000");
        assert_eq!(f("ab", "^6"), "  ab  ");
        assert_eq!(f("ab", "^7"), "  ab   ");
        assert_eq!(f("h\u{e9}llo", "*>8.3"), "*****h\u{e9}l");
        assert_eq!(f("a", ","), "ValueError: Cannot specify ',' with 's'.");
        assert_eq!(
            f("a", " "),
            "ValueError: Space not allowed in string format specifier"
        );
        assert_eq!(
            f("a", "d"),
            "ValueError: Unknown format code 'd' for object of type 'str'"
        );
        assert_eq!(
            f("a", "=5"),
            "ValueError: '=' alignment not allowed in string format specifier"
        );
    }
}
