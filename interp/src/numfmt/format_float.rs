//! `format(float, spec)`: port of CPython's `format_float_internal`.

use super::float_repr::{double_to_string, DtsfFlags};
use super::spec::{fill_number, unknown_presentation_type, FormatSpec, Grouping, NumberParts};
use super::{value_error, FmtError};

/// `format(v, spec)` for a float.  Presentation types `e E f F g G n %` and
/// none (like `g` but always with a decimal point, and `repr` when no
/// precision is given).  `type_name` is used in the "Unknown format code"
/// error (ValueError).  Other errors: ValueError "precision too big".
pub fn format_float(v: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_internal(v, spec)
        }
        Some(c) => Err(unknown_presentation_type(c, type_name)),
    }
}

pub(crate) fn format_float_internal(val: f64, spec: &FormatSpec) -> Result<String, FmtError> {
    if let Some(p) = spec.precision {
        if p > i32::MAX as usize {
            return Err(value_error("precision too big"));
        }
    }
    let mut precision: i64 = spec.precision.map(|p| p as i64).unwrap_or(-1);
    let mut flags = DtsfFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..Default::default()
    };
    let mut ty = spec.ty.unwrap_or('\0');
    let mut default_precision = 6;
    if ty == '\0' {
        flags.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = val;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    if precision < 0 {
        precision = default_precision;
    } else if ty == 'r' {
        ty = 'g';
    }
    let mut buf = double_to_string(val, ty, precision, flags);
    if add_pct {
        buf.push('%');
    }
    let is_n = spec.ty == Some('n');
    if !matches!(spec.sign, Some('+') | Some(' '))
        && spec.width.is_none()
        && !is_n
        && spec.grouping.is_none()
    {
        return Ok(buf);
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let ndig = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let digits = &body[..ndig];
    let after = &body[ndig..];
    let (has_decimal, remainder) = match after.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, after),
    };
    let grouping: Grouping = match (is_n, spec.grouping) {
        (true, _) | (_, None) => None,
        (_, Some(sep)) => Some((sep, 3)),
    };
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    fill_number(&parts, spec, spec.fill_char(), spec.align_or('>'), grouping)
}

#[cfg(test)]
mod tests {
    use super::super::spec::parse_spec;
    use super::*;

    fn f(v: f64, s: &str) -> String {
        let spec = match parse_spec(s, "float") {
            Ok(sp) => sp,
            Err(e) => return format!("{}", e),
        };
        match format_float(v, &spec, "float") {
            Ok(s) => s,
            Err(e) => format!("{}", e),
        }
    }

    #[test]
    fn floats() {
        assert_eq!(f(1.0, ""), "1.0");
        assert_eq!(f(1e16, ""), "1e+16");
        assert_eq!(f(1.5, "10"), "       1.5");
        assert_eq!(f(2.675, ".2f"), "2.67");
        assert_eq!(f(0.125, ".2f"), "0.12");
        assert_eq!(f(1234.5, "012,.1f"), "00,001,234.5");
        assert_eq!(f(f64::INFINITY, "010"), "0000000inf");
        assert_eq!(f(f64::NAN, "+010.2f"), "+000000nan");
        assert_eq!(f(-0.0, "z"), "0.0");
        assert_eq!(f(-0.0001, "z.2f"), "0.00");
        assert_eq!(f(1.0, ".3"), "1.0");
        assert_eq!(f(123.0, ".3"), "1.23e+02");
        assert_eq!(f(0.5, ".1%"), "50.0%");
        assert_eq!(f(1234567.0, "n"), "1.23457e+06");
        assert_eq!(
            f(1.0, "x"),
            "ValueError: Unknown format code 'x' for object of type 'float'"
        );
        assert_eq!(f(1.0, ",b"), "ValueError: Cannot specify ',' with 'b'.");
    }
}
