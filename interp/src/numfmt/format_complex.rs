//! `repr(complex)` and `format(complex, spec)`: ports of CPython's `complex_repr` and
//! `format_complex_internal`.

use super::float_repr::{double_to_string, DtsfFlags};
use super::spec::{fill_number, unknown_presentation_type, FormatSpec, NumberParts};
use super::{value_error, FmtError};

/// `repr(complex)`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`. The parts use the shortest repr digits
/// without a forced `.0`; the real part is omitted when it is +0.
pub fn complex_repr(re: f64, im: f64) -> String {
    let plain = DtsfFlags::default();
    if re == 0.0 && re.is_sign_positive() {
        let mut s = double_to_string(im, 'r', 0, plain);
        s.push('j');
        return s;
    }
    let signed = DtsfFlags {
        sign: true,
        ..Default::default()
    };
    format!(
        "({}{}j)",
        double_to_string(re, 'r', 0, plain),
        double_to_string(im, 'r', 0, signed)
    )
}

/// Split a formatted float into `NumberParts` (sign, digits, decimal point, remainder).
fn parts(buf: &str) -> NumberParts<'_> {
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf),
    };
    let ndig = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let after = &body[ndig..];
    let (has_decimal, remainder) = match after.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, after),
    };
    NumberParts {
        negative,
        prefix: "",
        digits: &body[..ndig],
        has_decimal,
        remainder,
    }
}

/// `format(complex(re, im), spec)`. Presentation types `e E f F g G n` and none (like `str()`, or `g`
/// with a precision); no `%`, no zero padding, no `=` alignment.
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec) -> Result<String, FmtError> {
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(c) => return Err(unknown_presentation_type(c, "complex")),
    }
    if spec.fill_char() == '0' {
        return Err(value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    if let Some(p) = spec.precision {
        if p > i32::MAX as usize {
            return Err(value_error("precision too big"));
        }
    }
    let mut ty = spec.ty.unwrap_or('\0');
    let mut default_precision = 6;
    let mut skip_re = false;
    let mut add_parens = false;
    if ty == '\0' {
        ty = 'r';
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    if ty == 'n' {
        ty = 'g';
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p as i64
        }
    };
    let flags = DtsfFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..Default::default()
    };
    let re_buf = double_to_string(re, ty, precision, flags);
    let im_buf = double_to_string(im, ty, precision, flags);
    let grouping = match spec.ty {
        Some('n') => None,
        _ => spec.grouping.map(|c| (c, 3)),
    };
    // Each part is laid out without padding; the imaginary part always gets a sign unless it stands
    // alone. Padding applies to the whole.
    let bare = FormatSpec {
        fill: None,
        align: Some('<'),
        zero_pad: false,
        width: None,
        ..*spec
    };
    let re_s = if skip_re {
        String::new()
    } else {
        fill_number(&parts(&re_buf), &bare, ' ', '<', grouping)?
    };
    let im_spec = FormatSpec {
        sign: if skip_re { spec.sign } else { Some('+') },
        ..bare
    };
    let im_s = fill_number(&parts(&im_buf), &im_spec, ' ', '<', grouping)?;
    let body_len = re_s.chars().count() + im_s.chars().count() + 1 + 2 * add_parens as usize;
    let width = spec.width.unwrap_or(0);
    super::spec::check_width(width as isize)?;
    let pad = width.saturating_sub(body_len);
    let (lpad, rpad) = match spec.align.unwrap_or('>') {
        '<' => (0, pad),
        '^' => (pad / 2, pad - pad / 2),
        _ => (pad, 0),
    };
    let fill = spec.fill_char();
    let mut out = String::with_capacity(body_len + pad);
    out.extend(std::iter::repeat_n(fill, lpad));
    if add_parens {
        out.push('(');
    }
    out.push_str(&re_s);
    out.push_str(&im_s);
    out.push('j');
    if add_parens {
        out.push(')');
    }
    out.extend(std::iter::repeat_n(fill, rpad));
    Ok(out)
}
