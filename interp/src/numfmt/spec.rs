//! The format-spec mini-language (`format(x, spec)`), and the shared number
//! layout code (CPython's `calc_number_widths` / `fill_number` /
//! `_PyUnicode_InsertThousandsGrouping`).

use super::pyrepr::py_unicode_decimal;
use super::{value_error, FmtError};

/// A parsed standard format specifier
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// The parse is independent of the value's type; the type-dependent defaults
/// (alignment, fill for the `0` flag) are resolved by the `format_*`
/// functions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (only present together with `align`).
    pub fill: Option<char>,
    /// `'<'`, `'>'`, `'='` or `'^'`.
    pub align: Option<char>,
    /// `'+'`, `'-'` or `' '`.
    pub sign: Option<char>,
    /// The `z` flag (coerce negative zero).
    pub no_neg_0: bool,
    /// The `#` flag.
    pub alternate: bool,
    /// The `0` flag before the width (only when no explicit fill was given).
    pub zero_pad: bool,
    pub width: Option<usize>,
    /// `','` or `'_'`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type character, if any.
    pub ty: Option<char>,
}

impl FormatSpec {
    /// True for the empty spec (CPython then uses `str(x)`).
    pub fn is_empty(&self) -> bool {
        *self == FormatSpec::default()
    }

    /// Effective fill character.
    pub(crate) fn fill_char(&self) -> char {
        match self.fill {
            Some(c) => c,
            None if self.zero_pad => '0',
            None => ' ',
        }
    }

    /// Effective alignment given the type's default (`'>'` for numbers,
    /// `'<'` for strings).
    pub(crate) fn align_or(&self, default_align: char) -> char {
        match self.align {
            Some(a) => a,
            None if self.zero_pad && default_align == '>' => '=',
            None => default_align,
        }
    }

    pub(crate) fn width_isize(&self) -> isize {
        self.width.map(|w| w as isize).unwrap_or(-1)
    }
}

fn is_alignment_token(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Render a presentation-type character the way CPython's error messages do
/// (`'x'`, or `'\xe9'` outside printable ASCII).
pub(crate) fn type_char_display(c: char) -> String {
    let v = c as u32;
    if v > 32 && v < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", v)
    }
}

/// ValueError "Unknown format code 'x' for object of type 'float'".
pub(crate) fn unknown_presentation_type(c: char, type_name: &str) -> FmtError {
    value_error(format!(
        "Unknown format code '{}' for object of type '{}'",
        type_char_display(c),
        truncate_chars(type_name, 200)
    ))
}

pub(crate) fn invalid_thousands_separator_type(sep: char, ty: char) -> FmtError {
    value_error(format!(
        "Cannot specify '{}' with '{}'.",
        sep,
        type_char_display(ty)
    ))
}

pub(crate) fn truncate_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Parse digits (any Unicode decimal digit, like CPython's `get_integer`).
/// Returns (value, number of digits consumed).
fn get_integer(chars: &[char], pos: &mut usize) -> Result<(usize, usize), FmtError> {
    let mut acc: usize = 0;
    let mut n = 0;
    while *pos < chars.len() {
        let Some(d) = py_unicode_decimal(chars[*pos]) else {
            break;
        };
        let d = d as usize;
        if acc > (isize::MAX as usize - d) / 10 {
            return Err(value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
        *pos += 1;
        n += 1;
    }
    Ok((acc, n))
}

/// Parse a standard format spec.  `type_name` (e.g. `"float"`, `"bool"`) is
/// only used in the "Invalid format specifier" error message.
///
/// Errors (all ValueError): "Invalid format specifier 'SPEC' for object of
/// type 'T'", "Format specifier missing precision", "Too many decimal digits
/// in format string", "Cannot specify both ',' and '_'.", "Cannot specify
/// ',' with 'x'.".
pub fn parse_spec(spec: &str, type_name: &str) -> Result<FormatSpec, FmtError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0usize;
    let mut f = FormatSpec::default();

    if end - pos >= 2 && is_alignment_token(chars[pos + 1]) {
        f.align = Some(chars[pos + 1]);
        f.fill = Some(chars[pos]);
        pos += 2;
    } else if end - pos >= 1 && is_alignment_token(chars[pos]) {
        f.align = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if f.fill.is_none() && pos < end && chars[pos] == '0' {
        f.zero_pad = true;
        pos += 1;
    }
    let (w, n) = get_integer(&chars, &mut pos)?;
    if n > 0 {
        f.width = Some(w);
    }
    if pos < end && chars[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.grouping.is_some() {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.grouping == Some('_') {
        return Err(value_error("Cannot specify both ',' and '_'."));
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        let (p, n) = get_integer(&chars, &mut pos)?;
        if n == 0 {
            return Err(value_error("Format specifier missing precision"));
        }
        f.precision = Some(p);
    }
    if end - pos > 1 {
        return Err(value_error(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec,
            truncate_chars(type_name, 200)
        )));
    }
    if end - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    // Validate the grouping against an explicit type.  (With no type, the
    // default type of int ('d') and float (none) allow grouping; str checks
    // its default 's' itself.)
    if let (Some(sep), Some(ty)) = (f.grouping, f.ty) {
        match ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' => {}
            'b' | 'o' | 'x' | 'X' if sep == '_' => {}
            _ => return Err(invalid_thousands_separator_type(sep, ty)),
        }
    }
    Ok(f)
}

/// The pieces of a formatted number, for [`fill_number`].
pub(crate) struct NumberParts<'a> {
    /// True if the number is negative (a '-' sign is present).
    pub negative: bool,
    /// Base prefix such as "0x" (already in the right case).
    pub prefix: &'a str,
    /// ASCII digits before the decimal point (subject to grouping/zero fill).
    pub digits: &'a str,
    /// Whether a decimal point follows the digits.
    pub has_decimal: bool,
    /// Everything after the decimal point (or after the digits).
    pub remainder: &'a str,
}

/// Grouping parameters: (separator, group length).
pub(crate) type Grouping = Option<(char, usize)>;

/// Port of `_PyUnicode_InsertThousandsGrouping`: group `digits`, padding
/// with zeros (and separators) up to `min_width` characters.
pub(crate) fn group_digits(digits: &str, min_width: isize, grouping: Grouping) -> String {
    let d = digits.as_bytes();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width.max(0);
    let mut rev: Vec<u8> = Vec::with_capacity(d.len() + d.len() / 3 + 4);
    let mut sep_char: Option<char> = None;
    let mut dpos = d.len();
    let mut use_sep = false;
    let emit =
        |rev: &mut Vec<u8>, n_chars: isize, n_zeros: isize, use_sep: bool, dpos: &mut usize| {
            if use_sep {
                rev.push(0); // placeholder for the separator
            }
            for _ in 0..n_chars {
                *dpos -= 1;
                rev.push(d[*dpos]);
            }
            for _ in 0..n_zeros {
                rev.push(b'0');
            }
        };
    let mut loop_broken = false;
    if let Some((sep, glen)) = grouping {
        sep_char = Some(sep);
        loop {
            let len = (glen as isize).min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(&mut rev, n_chars, n_zeros, use_sep, &mut dpos);
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                loop_broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !loop_broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        emit(&mut rev, n_chars, n_zeros, use_sep, &mut dpos);
    }
    let mut out = String::with_capacity(rev.len());
    for &b in rev.iter().rev() {
        if b == 0 {
            out.push(sep_char.unwrap_or(','));
        } else {
            out.push(b as char);
        }
    }
    out
}

/// Guard against absurd widths (CPython raises MemoryError with no message).
pub(crate) fn check_width(width: isize) -> Result<(), FmtError> {
    if width > (1isize << 34) {
        return Err(FmtError::MemoryError(String::new()));
    }
    Ok(())
}

/// Port of CPython's `calc_number_widths` + `fill_number`.
pub(crate) fn fill_number(
    parts: &NumberParts<'_>,
    spec: &FormatSpec,
    fill: char,
    align: char,
    grouping: Grouping,
) -> Result<String, FmtError> {
    let width = spec.width_isize();
    check_width(width)?;
    let sign: Option<char> = match spec.sign {
        Some('+') => Some(if parts.negative { '-' } else { '+' }),
        Some(' ') => Some(if parts.negative { '-' } else { ' ' }),
        _ => {
            if parts.negative {
                Some('-')
            } else {
                None
            }
        }
    };
    let n_sign = sign.is_some() as isize;
    let n_prefix = parts.prefix.chars().count() as isize;
    let n_remainder = parts.remainder.chars().count() as isize;
    let n_non_digit = n_sign + n_prefix + parts.has_decimal as isize + n_remainder;
    let n_min_width = if fill == '0' && align == '=' {
        width - n_non_digit
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, n_min_width, grouping)
    };
    let n_padding = width - (n_non_digit + grouped.len() as isize);
    let (mut lpad, mut spad, mut rpad) = (0isize, 0isize, 0isize);
    if n_padding > 0 {
        match align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::with_capacity(
        (width.max(0) as usize).max(grouped.len() + parts.remainder.len() + 4),
    );
    let pad = |out: &mut String, n: isize| {
        for _ in 0..n {
            out.push(fill);
        }
    };
    pad(&mut out, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(parts.prefix);
    pad(&mut out, spad);
    out.push_str(&grouped);
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    pad(&mut out, rpad);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_basic() {
        let s = parse_spec("*^+z#010,.3f", "float").unwrap();
        assert_eq!(s.fill, Some('*'));
        assert_eq!(s.align, Some('^'));
        assert_eq!(s.sign, Some('+'));
        assert!(s.no_neg_0 && s.alternate && !s.zero_pad);
        assert_eq!(s.width, Some(10));
        assert_eq!(s.grouping, Some(','));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));
        let s = parse_spec("010", "int").unwrap();
        assert!(s.zero_pad);
        assert_eq!(s.width, Some(10));
    }

    #[test]
    fn parse_errors() {
        let e = |s: &str, t: &str| parse_spec(s, t).unwrap_err().message().to_string();
        assert_eq!(
            e("abc", "int"),
            "Invalid format specifier 'abc' for object of type 'int'"
        );
        assert_eq!(e(".", "int"), "Format specifier missing precision");
        assert_eq!(e(",_", "int"), "Cannot specify both ',' and '_'.");
        assert_eq!(e("_,", "int"), "Cannot specify both ',' and '_'.");
        assert_eq!(e(",x", "int"), "Cannot specify ',' with 'x'.");
        assert_eq!(e(",\u{e9}", "int"), "Cannot specify ',' with '\\xe9'.");
        assert_eq!(
            e("99999999999999999999", "int"),
            "Too many decimal digits in format string"
        );
    }

    #[test]
    fn grouping() {
        assert_eq!(group_digits("1234567", 0, Some((',', 3))), "1,234,567");
        assert_eq!(group_digits("1234", 8, Some((',', 3))), "0,001,234");
        assert_eq!(group_digits("1234", 7, Some((',', 3))), "001,234");
        assert_eq!(group_digits("12", 5, None), "00012");
    }
}
