//! `int(str, base)`, `float(str)`, `round(float[, n])` and `int(float)`.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

use super::float_repr::{decompose, dtoa_mode3};
use super::pyrepr::{py_is_space, py_str_repr, py_unicode_decimal};
use super::spec::truncate_chars;
use super::{check_str_to_int_digits, value_error, FmtError};

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: ASCII kept,
/// Unicode spaces -> ' ', Unicode decimal digits -> ASCII digits; the first
/// other character becomes '?' and ends the string.
fn transform_ascii(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let v = c as u32;
        if v < 127 {
            out.push(v as u8);
        } else if py_is_space(c) {
            out.push(b' ');
        } else if let Some(d) = py_unicode_decimal(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// C `Py_ISSPACE` (ASCII whitespace).
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 37,
    }
}

enum IntParseError {
    Invalid,
    Other(FmtError),
}

/// Port of `PyLong_FromString` on a NUL-terminated view of `buf`.  Returns
/// the value and the index where parsing stopped.
fn long_from_string(buf: &[u8], base: u32) -> Result<(BigInt, usize), IntParseError> {
    let at = |i: usize| buf.get(i).copied().unwrap_or(0);
    let mut i = 0usize;
    while is_c_space(at(i)) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        i += 1;
        negative = true;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0'
        && ((base == 16 && matches!(at(i + 1), b'x' | b'X'))
            || (base == 8 && matches!(at(i + 1), b'o' | b'O'))
            || (base == 2 && matches!(at(i + 1), b'b' | b'B')))
    {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(IntParseError::Invalid);
    }
    let start = i;
    let mut ndigits = 0usize;
    let mut prev = 0u8;
    while digit_value(at(i)) < base || at(i) == b'_' {
        let b = at(i);
        if b == b'_' {
            if prev == b'_' {
                return Err(IntParseError::Invalid);
            }
        } else {
            ndigits += 1;
        }
        prev = b;
        i += 1;
    }
    if prev == b'_' {
        return Err(IntParseError::Invalid);
    }
    if base & (base - 1) != 0 {
        check_str_to_int_digits(ndigits).map_err(IntParseError::Other)?;
    }
    let value = digits_to_biguint(&buf[start..i], base);
    if error_if_nonzero && !value.is_zero() {
        return Err(IntParseError::Invalid);
    }
    if i == start {
        return Err(IntParseError::Invalid);
    }
    while is_c_space(at(i)) {
        i += 1;
    }
    if at(i) != 0 {
        return Err(IntParseError::Invalid);
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Ok((BigInt::from_biguint(sign, value), i))
}

/// Value of validated digits (underscores allowed) in `base`.
fn digits_to_biguint(s: &[u8], base: u32) -> BigUint {
    let mut small: u64 = 0;
    let mut ok = true;
    for &b in s {
        if b == b'_' {
            continue;
        }
        match small
            .checked_mul(base as u64)
            .and_then(|v| v.checked_add(digit_value(b) as u64))
        {
            Some(v) => small = v,
            None => {
                ok = false;
                break;
            }
        }
    }
    if ok {
        return BigUint::from(small);
    }
    let clean: Vec<u8> = s.iter().copied().filter(|&b| b != b'_').collect();
    BigUint::parse_bytes(&clean, base).expect("validated digits")
}

/// `int(s, base)` for a str `s`: whitespace stripping (Unicode spaces),
/// sign, Unicode decimal digits, single underscores between digits, base 0
/// with `0x`/`0o`/`0b` prefixes (and no leading zeros on nonzero decimals).
///
/// Errors (ValueError): "int() base must be >= 2 and <= 36, or 0",
/// "invalid literal for int() with base 10: '12a'" (repr of `s`, cut to 200
/// characters), and the digit-limit message ("Exceeds the limit (4300
/// digits) for integer string conversion: value has 5000 digits; use
/// sys.set_int_max_str_digits() to increase the limit") for bases that are
/// not powers of two.
pub fn parse_int_literal(s: &str, base: i64) -> Result<BigInt, FmtError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    let buf = transform_ascii(s);
    match long_from_string(&buf, base as u32) {
        Ok((v, end)) if end == buf.len() => Ok(v),
        Err(IntParseError::Other(e)) => Err(e),
        _ => {
            let r = py_str_repr(s);
            Err(value_error(format!(
                "invalid literal for int() with base {}: {}",
                base,
                truncate_chars(&r, 200)
            )))
        }
    }
}

/// Length of the longest prefix of `b` matching `[sign] (digits [. digits*]
/// | . digits) [e [sign] digits]`, or 0 when there is no mantissa digit.
fn decimal_prefix_len(b: &[u8]) -> usize {
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut nd = i - int_start;
    if i < b.len() && b[i] == b'.' {
        let f = i + 1;
        let mut j = f;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        nd += j - f;
        if nd > 0 {
            i = j;
        }
    }
    if nd == 0 {
        return 0;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let es = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > es {
            i = j;
        }
    }
    i
}

/// `[sign] (inf | infinity | nan)`, case-insensitive, matching all of `b`.
fn parse_inf_or_nan(b: &[u8]) -> Option<f64> {
    let (neg, rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let lower = rest.to_ascii_lowercase();
    let v = match lower.as_slice() {
        b"inf" | b"infinity" => f64::INFINITY,
        b"nan" => f64::NAN,
        _ => return None,
    };
    Some(if neg { -v } else { v })
}

/// `float(s)` for a str `s`: whitespace stripping, Unicode decimal digits,
/// underscores between digits, `inf`/`infinity`/`nan` (any case, signed);
/// overflow gives ±inf.  ValueError "could not convert string to float:
/// 'abc'" (repr of `s`).
pub fn parse_float_str(s: &str) -> Result<f64, FmtError> {
    let err = || {
        value_error(format!(
            "could not convert string to float: {}",
            py_str_repr(s)
        ))
    };
    let buf = transform_ascii(s);
    if buf.contains(&0) {
        return Err(err());
    }
    let buf: Vec<u8> = if buf.contains(&b'_') {
        let mut dup = Vec::with_capacity(buf.len());
        let mut prev = 0u8;
        for &b in &buf {
            if b == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(err());
                }
            } else {
                dup.push(b);
                if prev == b'_' && !b.is_ascii_digit() {
                    return Err(err());
                }
            }
            prev = b;
        }
        if prev == b'_' {
            return Err(err());
        }
        dup
    } else {
        buf
    };
    let mut lo = 0;
    let mut hi = buf.len();
    while lo < hi && is_c_space(buf[lo]) {
        lo += 1;
    }
    if lo == hi {
        return Err(err());
    }
    while hi > lo + 1 && is_c_space(buf[hi - 1]) {
        hi -= 1;
    }
    let b = &buf[lo..hi];
    let n = decimal_prefix_len(b);
    if n == 0 {
        return parse_inf_or_nan(b).ok_or_else(err);
    }
    if n != b.len() {
        return Err(err());
    }
    let text = std::str::from_utf8(b).map_err(|_| err())?;
    text.parse::<f64>().map_err(|_| err())
}

/// `int(x)` for a float (truncation).  OverflowError "cannot convert float
/// infinity to integer"; ValueError "cannot convert float NaN to integer".
pub fn float_to_bigint(x: f64) -> Result<BigInt, FmtError> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(FmtError::OverflowError(
            "cannot convert float infinity to integer".into(),
        ));
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return Ok(BigInt::from(t as i64));
    }
    let (m, e) = decompose(t.abs());
    let mag = BigUint::from(m) << (e as u64); // e >= 0 here since |t| >= 2**53
    let sign = if t < 0.0 { Sign::Minus } else { Sign::Plus };
    Ok(BigInt::from_biguint(sign, mag))
}

/// `round(x)` with no ndigits: round-half-even to an int.  Errors as
/// [`float_to_bigint`].
pub fn round_float_to_int(x: f64) -> Result<BigInt, FmtError> {
    let mut r = x.round(); // C round(): halfway cases away from zero
    if (x - r).abs() == 0.5 {
        r = 2.0 * (x / 2.0).round();
    }
    float_to_bigint(r)
}

/// `round(x, ndigits)` for a float: correctly rounded (round-half-even on
/// the exact binary value), sign of zero preserved; nan/inf returned as is.
/// OverflowError "rounded value too large to represent".
pub fn round_float_ndigits(x: f64, ndigits: i64) -> Result<f64, FmtError> {
    if !x.is_finite() {
        return Ok(x);
    }
    // NDIGITS_MAX = (int)((DBL_MANT_DIG-DBL_MIN_EXP) * 0.30103) = 323,
    // NDIGITS_MIN = -(int)((DBL_MAX_EXP + 1) * 0.30103) = -308.
    if ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let d = dtoa_mode3(x.abs(), ndigits);
    let mag = if d.digits.is_empty() {
        0.0
    } else {
        let exp = d.decpt - d.digits.len() as i64;
        format!("{}e{}", d.digits, exp)
            .parse::<f64>()
            .expect("valid float literal")
    };
    if mag.is_infinite() {
        return Err(FmtError::OverflowError(
            "rounded value too large to represent".into(),
        ));
    }
    Ok(if x.is_sign_negative() { -mag } else { mag })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pi(s: &str, base: i64) -> String {
        match parse_int_literal(s, base) {
            Ok(v) => v.to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn ints() {
        assert_eq!(pi(" -12_3 ", 10), "-123");
        assert_eq!(pi("0x_1f", 0), "31");
        assert_eq!(pi("0_0", 0), "0");
        assert_eq!(
            pi("010", 0),
            "ValueError: invalid literal for int() with base 0: '010'"
        );
        assert_eq!(
            pi("12a", 10),
            "ValueError: invalid literal for int() with base 10: '12a'"
        );
        assert_eq!(pi("\u{661}\u{662}", 10), "12");
        assert_eq!(pi("\u{2003}12\u{3000}", 10), "12");
        assert_eq!(
            pi("\x1c1", 10),
            "ValueError: invalid literal for int() with base 10: '\\x1c1'"
        );
        assert_eq!(
            pi("12\0", 10),
            "ValueError: invalid literal for int() with base 10: '12\\x00'"
        );
        assert_eq!(
            pi("1", 1),
            "ValueError: int() base must be >= 2 and <= 36, or 0"
        );
        assert_eq!(pi("zz", 36), "1295");
        assert!(pi(&"1".repeat(5000), 10).contains("value has 5000 digits"));
        assert!(parse_int_literal(&"1".repeat(5000), 16).is_ok());
    }

    #[test]
    fn floats() {
        let pf = |s: &str| match parse_float_str(s) {
            Ok(v) => super::super::float_repr(v),
            Err(e) => e.to_string(),
        };
        assert_eq!(pf(" 1_0 "), "10.0");
        assert_eq!(pf("1e1_0"), "10000000000.0");
        assert_eq!(
            pf("1_e1"),
            "ValueError: could not convert string to float: '1_e1'"
        );
        assert_eq!(pf("1.e5"), "100000.0");
        assert_eq!(pf("-iNfinity"), "-inf");
        assert_eq!(pf("+nan"), "nan");
        assert_eq!(
            pf("infinit"),
            "ValueError: could not convert string to float: 'infinit'"
        );
        assert_eq!(
            pf("1e"),
            "ValueError: could not convert string to float: '1e'"
        );
        assert_eq!(pf(""), "ValueError: could not convert string to float: ''");
        assert_eq!(pf("1e999999999999999999999"), "inf");
        assert_eq!(pf("1e-999999999999999999999"), "0.0");
        assert_eq!(pf("\u{661}\u{662}.\u{665}"), "12.5");
    }

    #[test]
    fn rounding() {
        assert_eq!(round_float_ndigits(2.675, 2).unwrap(), 2.67);
        assert!(round_float_ndigits(-0.4, 0).unwrap().is_sign_negative());
        assert!(round_float_ndigits(1.7976931348623157e308, -308).is_err());
        assert_eq!(round_float_to_int(0.5).unwrap(), BigInt::from(0));
        assert_eq!(round_float_to_int(1.5).unwrap(), BigInt::from(2));
        assert_eq!(round_float_to_int(2.5).unwrap(), BigInt::from(2));
        assert_eq!(round_float_to_int(-0.5).unwrap(), BigInt::from(0));
        assert_eq!(
            float_to_bigint(1e20).unwrap().to_string(),
            "100000000000000000000"
        );
        assert_eq!(
            float_to_bigint(f64::INFINITY).unwrap_err().to_string(),
            "OverflowError: cannot convert float infinity to integer"
        );
    }
}
