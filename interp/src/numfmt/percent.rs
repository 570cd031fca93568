//! printf-style (`%`) formatting building blocks: parsing one directive and
//! formatting one converted argument (ports of CPython's
//! `unicode_format_arg_parse`, `_PyUnicode_FormatLong`, `formatfloat` and
//! `unicode_format_arg_output`).
//!
//! Driving loop for the interpreter (`template % args`):
//! 1. Copy literal text up to the next `%`; call
//!    `parse_percent_spec(template, i + 1)` with the byte index after `%`.
//! 2. If `spec.literal` (it was `%%`), write `%` and continue.
//! 3. If `spec.key` is set, the args must be a mapping (else TypeError
//!    "format requires a mapping") and the argument is `args[key]`.
//! 4. If `spec.width_star` / `spec.precision_star`, fetch an int argument
//!    for each (TypeError "* wants int") and call `set_star_width` /
//!    `set_star_precision`.
//! 5. Fetch the argument (TypeError "not enough arguments for format
//!    string"), even for an unsupported conversion character.
//! 6. Dispatch on `spec.conversion`: `s r a` -> convert with str/repr/ascii
//!    and call [`percent_format_str`]; `c` -> [`percent_char_from_int`] (or a
//!    1-char str; else TypeError "%c requires int or char") then
//!    [`percent_format_str`]; `d i u` -> int(arg) (TypeError "%d format: a
//!    real number is required, not T"), `o x X` -> index(arg) (TypeError "%x
//!    format: an integer is required, not T"), then [`percent_format_int`];
//!    `e E f F g G` -> float(arg) then [`percent_format_float`]; anything
//!    else -> [`percent_unsupported_char_error`].

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::float_repr::{double_to_string, DtsfFlags};
use super::format_int::IntVal;
use super::spec::check_width;
use super::{value_error, FmtError};

/// One parsed `%` directive.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PercentSpec {
    /// True for `%%` (write a literal `%`; consumes no argument).
    pub literal: bool,
    /// The mapping key of `%(key)s`.
    pub key: Option<String>,
    /// `-` flag (left-justify).
    pub ljust: bool,
    /// `+` flag.
    pub sign: bool,
    /// ` ` flag.
    pub blank: bool,
    /// `#` flag.
    pub alt: bool,
    /// `0` flag.
    pub zero: bool,
    pub width: Option<usize>,
    /// Width was `*` (fill in with [`PercentSpec::set_star_width`]).
    pub width_star: bool,
    pub precision: Option<usize>,
    /// Precision was `*` (fill in with [`PercentSpec::set_star_precision`]).
    pub precision_star: bool,
    /// The conversion character (`'d'`, `'s'`, ..., possibly unsupported).
    pub conversion: char,
    /// Byte offset of the conversion character in the template.
    pub conversion_pos: usize,
}

impl PercentSpec {
    /// No flags, width or precision: the argument's text is the output.
    pub fn is_plain(&self) -> bool {
        !(self.ljust
            || self.sign
            || self.blank
            || self.alt
            || self.zero
            || self.width_star
            || self.precision_star)
            && self.width.is_none()
            && self.precision.is_none()
    }
    /// Apply a `*` width argument: negative means left-justify.
    pub fn set_star_width(&mut self, w: i64) {
        if w < 0 {
            self.ljust = true;
            self.width = Some(w.unsigned_abs() as usize);
        } else {
            self.width = Some(w as usize);
        }
    }

    /// Apply a `*` precision argument (negative means 0).  OverflowError
    /// "Python int too large to convert to C int" outside the C int range.
    pub fn set_star_precision(&mut self, p: i64) -> Result<(), FmtError> {
        if p > i32::MAX as i64 || p < i32::MIN as i64 {
            return Err(FmtError::OverflowError(
                "Python int too large to convert to C int".into(),
            ));
        }
        self.precision = Some(p.max(0) as usize);
        Ok(())
    }
}

/// Parse one `%` directive.  `pos` is the byte index just after the `%`.
/// Returns the spec and the byte index just after the directive.
///
/// Errors (ValueError): "incomplete format", "incomplete format key",
/// "width too big", "precision too big".
pub fn parse_percent_spec(template: &str, pos: usize) -> Result<(PercentSpec, usize), FmtError> {
    let rest = &template[pos..];
    let mut it = rest.char_indices();
    let mut spec = PercentSpec::default();
    let incomplete = || value_error("incomplete format");
    let mut cur = it.next();
    match cur {
        None => return Err(incomplete()),
        Some((i, '%')) => {
            spec.literal = true;
            spec.conversion = '%';
            spec.conversion_pos = pos + i;
            return Ok((spec, pos + i + 1));
        }
        Some((i, '(')) => {
            let keystart = i + 1;
            let mut pcount = 1;
            let mut keyend = None;
            for (j, c) in it.by_ref() {
                if c == ')' {
                    pcount -= 1;
                    if pcount == 0 {
                        keyend = Some(j);
                        break;
                    }
                } else if c == '(' {
                    pcount += 1;
                }
            }
            let Some(keyend) = keyend else {
                return Err(value_error("incomplete format key"));
            };
            spec.key = Some(rest[keystart..keyend].to_string());
            cur = it.next();
        }
        _ => {}
    }
    // Flags.
    while let Some((_, c)) = cur {
        match c {
            '-' => spec.ljust = true,
            '+' => spec.sign = true,
            ' ' => spec.blank = true,
            '#' => spec.alt = true,
            '0' => spec.zero = true,
            _ => break,
        }
        cur = it.next();
    }
    // Width.
    match cur {
        Some((_, '*')) => {
            spec.width_star = true;
            cur = it.next();
        }
        Some((_, c)) if c.is_ascii_digit() => {
            let mut w: usize = 0;
            while let Some((_, c)) = cur {
                let Some(d) = c.to_digit(10) else { break };
                if w > (isize::MAX as usize - d as usize) / 10 {
                    return Err(value_error("width too big"));
                }
                w = w * 10 + d as usize;
                cur = it.next();
            }
            spec.width = Some(w);
        }
        _ => {}
    }
    // Precision.
    if let Some((_, '.')) = cur {
        spec.precision = Some(0);
        cur = it.next();
        match cur {
            Some((_, '*')) => {
                spec.precision_star = true;
                cur = it.next();
            }
            Some((_, c)) if c.is_ascii_digit() => {
                let mut p: usize = 0;
                while let Some((_, c)) = cur {
                    let Some(d) = c.to_digit(10) else { break };
                    if p > (i32::MAX as usize - d as usize) / 10 {
                        return Err(value_error("precision too big"));
                    }
                    p = p * 10 + d as usize;
                    cur = it.next();
                }
                spec.precision = Some(p);
            }
            _ => {}
        }
    }
    // Ignore the length modifiers h, l and L.
    if let Some((_, 'h' | 'l' | 'L')) = cur {
        cur = it.next();
    }
    let Some((i, c)) = cur else {
        return Err(incomplete());
    };
    spec.conversion = c;
    spec.conversion_pos = pos + i;
    Ok((spec, pos + i + c.len_utf8()))
}

/// ValueError "unsupported format character 'y' (0x79) at index 1" for the
/// directive's conversion character (index counted in code points).
pub fn percent_unsupported_char_error(template: &str, spec: &PercentSpec) -> FmtError {
    let c = spec.conversion;
    let v = c as u32;
    let shown = if (31..=126).contains(&v) { c } else { '?' };
    let index = template[..spec.conversion_pos].chars().count();
    value_error(format!(
        "unsupported format character '{}' (0x{:x}) at index {}",
        shown, v, index
    ))
}

/// `%c` with an int argument: OverflowError "%c arg not in range(0x110000)".
/// Surrogate code points become U+FFFD (Rust strings cannot hold them).
pub fn percent_char_from_int(v: &BigInt) -> Result<char, FmtError> {
    match v.to_u32() {
        Some(x) if x <= 0x10ffff => Ok(char::from_u32(x).unwrap_or('\u{FFFD}')),
        _ => Err(FmtError::OverflowError(
            "%c arg not in range(0x110000)".into(),
        )),
    }
}

/// `%d %i %u %o %x %X` of an int.  Errors: the digit-limit ValueError for
/// huge decimal output; OverflowError "precision too large".
pub fn percent_format_int(v: &BigInt, spec: &PercentSpec) -> Result<String, FmtError> {
    match v.to_i64() {
        Some(s) => format_long(IntVal::Small(s), spec),
        None => format_long(IntVal::Big(v), spec),
    }
}

/// [`percent_format_int`] for a machine-sized int.
pub fn percent_format_i64(v: i64, spec: &PercentSpec) -> Result<String, FmtError> {
    format_long(IntVal::Small(v), spec)
}

fn format_long(v: IntVal<'_>, spec: &PercentSpec) -> Result<String, FmtError> {
    let conv = spec.conversion;
    let prec = spec.precision;
    if let Some(p) = prec {
        if p > (i32::MAX - 3) as usize {
            return Err(FmtError::OverflowError("precision too large".into()));
        }
    }
    let (base, prefix) = match conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude_digits(base)?;
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut buf = String::with_capacity(digits.len() + 4);
    if v.is_negative() {
        buf.push('-');
    }
    if spec.alt {
        buf.push_str(prefix);
    }
    if let Some(p) = prec {
        for _ in digits.len()..p {
            buf.push('0');
        }
    }
    buf.push_str(&digits);
    arg_output(&buf, spec, true)
}

/// `%e %E %f %F %g %G` of a float (default precision 6).
pub fn percent_format_float(v: f64, spec: &PercentSpec) -> Result<String, FmtError> {
    let prec = spec.precision.map(|p| p as i64).unwrap_or(6);
    let flags = DtsfFlags {
        alt: spec.alt,
        ..Default::default()
    };
    let conv = match spec.conversion {
        c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G') => c,
        _ => 'g',
    };
    let s = double_to_string(v, conv, prec, flags);
    arg_output(&s, spec, true)
}

/// Width/precision handling for `%s %r %a` (precision truncates, in code
/// points) and `%c` (pass the char as a 1-char string), after the
/// interpreter converted the argument to text.
pub fn percent_format_str(s: &str, spec: &PercentSpec) -> Result<String, FmtError> {
    arg_output(s, spec, false)
}

/// Port of `unicode_format_arg_output`.
fn arg_output(s: &str, spec: &PercentSpec, numeric: bool) -> Result<String, FmtError> {
    let mut sign = numeric;
    let fill = if sign && spec.zero { '0' } else { ' ' };
    let mut len = s.chars().count() as isize;
    let mut width = spec.width.map(|w| w as isize).unwrap_or(-1);
    let prec = spec.precision.map(|p| p as isize).unwrap_or(-1);
    if (width == -1 || width <= len) && (prec == -1 || prec >= len) && !(spec.sign || spec.blank) {
        return Ok(s.to_string());
    }
    let chars: Vec<char> = s.chars().collect();
    check_width(width)?;
    let conv = spec.conversion;
    if matches!(conv, 's' | 'r' | 'a') && prec >= 0 && len >= prec {
        len = prec;
    }
    let mut pindex = 0usize;
    let mut signchar = '\0';
    if sign {
        let ch = chars.first().copied().unwrap_or('\0');
        if ch == '-' || ch == '+' {
            signchar = ch;
            len -= 1;
            pindex += 1;
        } else if spec.sign {
            signchar = '+';
        } else if spec.blank {
            signchar = ' ';
        } else {
            sign = false;
        }
    }
    if width < len {
        width = len;
    }
    let mut out = String::with_capacity(width.max(0) as usize + 2);
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = spec.alt && matches!(conv, 'x' | 'X' | 'o');
    if alt_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(conv);
            pindex += 2;
        }
        width -= 2;
        if width < 0 {
            width = 0;
        }
        len -= 2;
    }
    if width > len && !spec.ljust {
        for _ in 0..(width - len) {
            out.push(fill);
        }
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if alt_prefix {
            out.push('0');
            out.push(conv);
            pindex += 2;
        }
    }
    if len > 0 {
        out.extend(&chars[pindex..pindex + len as usize]);
    }
    if width > len {
        for _ in 0..(width - len) {
            out.push(' ');
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(template: &str, v: f64) -> String {
        let (spec, end) = parse_percent_spec(template, 1).unwrap();
        assert_eq!(end, template.len());
        let r = match spec.conversion {
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => percent_format_i64(v as i64, &spec),
            'c' => percent_format_str(
                &percent_char_from_int(&BigInt::from(v as i64))
                    .unwrap()
                    .to_string(),
                &spec,
            ),
            _ => percent_format_float(v, &spec),
        };
        r.unwrap()
    }

    #[test]
    fn percent_cases() {
        assert_eq!(run("%5.2f", 3.14659), " 3.15");
        assert_eq!(run("%-6d", 42.0), "42    ");
        assert_eq!(run("%#x", 255.0), "0xff");
        assert_eq!(run("%+.3e", 12345.678), "+1.235e+04");
        assert_eq!(run("%g", 1e16), "1e+16");
        assert_eq!(run("%.0f", 0.5), "0");
        assert_eq!(run("%.3d", -5.0), "-005");
        assert_eq!(run("%#05x", 255.0), "0x0ff");
        assert_eq!(run("%#5X", 255.0), " 0XFF");
        assert_eq!(run("%-05d", -3.0), "-3   ");
        assert_eq!(run("%05f", f64::INFINITY), "00inf");
        assert_eq!(run("%#.5x", -255.0), "-0x000ff");
        assert_eq!(run("%08.3f", -3.14659), "-003.147");
        assert_eq!(run("%05c", 65.0), "    A");
        assert_eq!(run("%ld", 1.0), "1");
    }

    #[test]
    fn parse_errors() {
        let e = |t: &str| parse_percent_spec(t, 1).unwrap_err().message().to_string();
        assert_eq!(e("%"), "incomplete format");
        assert_eq!(e("%5"), "incomplete format");
        assert_eq!(e("%(a"), "incomplete format key");
        assert_eq!(e("%(a)"), "incomplete format");
        assert_eq!(e("%99999999999999999999d"), "width too big");
        assert_eq!(e("%.99999999999999999d"), "precision too big");
        let (s, end) = parse_percent_spec("%(a(b))s!", 1).unwrap();
        assert_eq!(s.key.as_deref(), Some("a(b)"));
        assert_eq!(end, 8);
        let t = "x%-5%";
        let (s, _) = parse_percent_spec(t, 2).unwrap();
        assert!(!s.literal);
        assert_eq!(
            percent_unsupported_char_error(t, &s).message(),
            "unsupported format character '%' (0x25) at index 4"
        );
        let t = "\u{e9}%\u{e9}";
        let (s, _) = parse_percent_spec(t, 3).unwrap();
        assert_eq!(
            percent_unsupported_char_error(t, &s).message(),
            "unsupported format character '?' (0xe9) at index 2"
        );
    }
}
