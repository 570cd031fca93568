//! `format(int, spec)`, `bin`/`oct`/`hex`, `str(int)` with the digit limit,
//! and correctly rounded int -> float conversion.

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

use super::format_float::format_float_internal;
use super::spec::{fill_number, unknown_presentation_type, FormatSpec, Grouping, NumberParts};
use super::{check_int_to_str_digits, int_max_str_digits, value_error, FmtError};

/// An int argument: machine-sized or big.
#[derive(Clone, Copy)]
pub(crate) enum IntVal<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntVal<'_> {
    pub(crate) fn is_negative(self) -> bool {
        match self {
            IntVal::Small(v) => v < 0,
            IntVal::Big(b) => b.sign() == Sign::Minus,
        }
    }

    /// Digits of |v| in `base` (lowercase), with the str-digits limit
    /// enforced for base 10.
    pub(crate) fn magnitude_digits(self, base: u32) -> Result<String, FmtError> {
        match self {
            IntVal::Small(v) => {
                let a = v.unsigned_abs();
                Ok(match base {
                    2 => format!("{:b}", a),
                    8 => format!("{:o}", a),
                    16 => format!("{:x}", a),
                    _ => a.to_string(),
                })
            }
            IntVal::Big(b) => {
                if base == 10 {
                    decimal_magnitude_checked(b)
                } else {
                    Ok(b.magnitude().to_str_radix(base))
                }
            }
        }
    }

    pub(crate) fn to_f64(self) -> Result<f64, FmtError> {
        match self {
            IntVal::Small(v) => Ok(v as f64),
            IntVal::Big(b) => bigint_to_f64(b),
        }
    }

    /// `PyLong_AsLong`: OverflowError "Python int too large to convert to C long".
    pub(crate) fn to_c_long(self) -> Result<i64, FmtError> {
        match self {
            IntVal::Small(v) => Ok(v),
            IntVal::Big(b) => b.to_i64().ok_or_else(|| {
                FmtError::OverflowError("Python int too large to convert to C long".into())
            }),
        }
    }
}

fn decimal_magnitude_checked(b: &BigInt) -> Result<String, FmtError> {
    let max = int_max_str_digits();
    if max > 0 {
        let bits = b.bits();
        if bits > 1 {
            // Lower bound on the number of decimal digits (log10(2) > 0.30102).
            let lower = ((bits - 1) as u128 * 30102 / 100000) as usize + 1;
            check_int_to_str_digits(lower)?;
        }
    }
    let s = b.magnitude().to_str_radix(10);
    check_int_to_str_digits(s.len())?;
    Ok(s)
}

/// `str(int)` / `repr(int)`: decimal string, ValueError when the result
/// would exceed `sys.get_int_max_str_digits()` digits ("Exceeds the limit
/// (4300 digits) for integer string conversion; use
/// sys.set_int_max_str_digits() to increase the limit").
pub fn int_to_decimal_string(v: &BigInt) -> Result<String, FmtError> {
    let mag = decimal_magnitude_checked(v)?;
    if v.sign() == Sign::Minus {
        Ok(format!("-{}", mag))
    } else {
        Ok(mag)
    }
}

/// `bin(v)` / `oct(v)` / `hex(v)` for radix 2 / 8 / 16 (`'-0b101'`,
/// `'0o17'`, `'0x1f'`); other radixes (2..=36) give plain lowercase digits
/// with a sign and no prefix (no digit limit is applied).  Panics if `radix`
/// is outside 2..=36.
pub fn int_to_str_radix(v: &BigInt, radix: u32) -> String {
    let prefix = match radix {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let digits = v.magnitude().to_str_radix(radix);
    let sign = if v.sign() == Sign::Minus { "-" } else { "" };
    format!("{}{}{}", sign, prefix, digits)
}

/// `float(int)`: correctly rounded (round-half-even); OverflowError "int too
/// large to convert to float".
pub fn bigint_to_f64(v: &BigInt) -> Result<f64, FmtError> {
    let overflow = || FmtError::OverflowError("int too large to convert to float".into());
    let mag = v.magnitude();
    let bits = mag.bits();
    let a: f64 = if bits <= 64 {
        if mag.is_zero() {
            0.0
        } else {
            mag.to_u64().expect("fits") as f64
        }
    } else {
        if bits > 1025 {
            return Err(overflow());
        }
        let shift = bits - 64;
        let top: num_bigint::BigUint = mag >> shift;
        let mut top = top.to_u64().expect("64 bits");
        // Sticky bit: the low bit of `top` is far below the rounding point.
        if mag.trailing_zeros().unwrap_or(0) < shift {
            top |= 1;
        }
        let t = top as f64; // round-to-nearest-even to 53 bits
        let r = t * 2f64.powi(shift as i32);
        if r.is_infinite() {
            return Err(overflow());
        }
        r
    };
    Ok(if v.sign() == Sign::Minus { -a } else { a })
}

/// `format(v, spec)` for a machine-sized int.  `type_name` is used in
/// error messages ("Unknown format code 's' for object of type 'bool'").
///
/// Errors: ValueError for invalid combinations ("Precision not allowed in
/// integer format specifier", "Negative zero coercion (z) not allowed in
/// integer format specifier", "Sign not allowed with integer format
/// specifier 'c'", "Alternate form (#) not allowed with integer format
/// specifier 'c'", unknown codes); OverflowError "%c arg not in
/// range(0x110000)"; the digit-limit ValueError for huge decimal output.
/// Code points of surrogates with `c` become U+FFFD (Rust strings cannot
/// hold surrogates).
pub fn format_int_i64(v: i64, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    format_int_impl(IntVal::Small(v), spec, type_name)
}

/// `format(v, spec)` for an arbitrary int; see [`format_int_i64`].  Float
/// presentation types (`e E f F g G %`) convert to float first
/// (OverflowError "int too large to convert to float").
pub fn format_bigint(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    match v.to_i64() {
        Some(s) => format_int_impl(IntVal::Small(s), spec, type_name),
        None => format_int_impl(IntVal::Big(v), spec, type_name),
    }
}

pub(crate) fn format_int_impl(
    v: IntVal<'_>,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, FmtError> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long_internal(v, spec, ty),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = v.to_f64()?;
            format_float_internal(f, spec)
        }
        _ => Err(unknown_presentation_type(ty, type_name)),
    }
}

fn format_long_internal(v: IntVal<'_>, spec: &FormatSpec, ty: char) -> Result<String, FmtError> {
    if spec.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let fill = spec.fill_char();
    let align = spec.align_or('>');
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = v.to_c_long()?;
        if !(0..=0x10ffff).contains(&x) {
            return Err(FmtError::OverflowError(
                "%c arg not in range(0x110000)".into(),
            ));
        }
        let ch = char::from_u32(x as u32).unwrap_or('\u{FFFD}');
        let mut buf = [0u8; 4];
        let rem: &str = ch.encode_utf8(&mut buf);
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: rem,
        };
        return fill_number(&parts, spec, fill, align, None);
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let negative = v.is_negative();
    // Fast path: plain decimal.
    if ty == 'd'
        && spec.width.is_none()
        && spec.grouping.is_none()
        && !matches!(spec.sign, Some('+') | Some(' '))
    {
        let d = v.magnitude_digits(10)?;
        return Ok(if negative { format!("-{}", d) } else { d });
    }
    let mut digits = v.magnitude_digits(base)?;
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let grouping: Grouping = match (ty, spec.grouping) {
        ('n', _) | (_, None) => None,
        (_, Some(',')) => Some((',', 3)),
        (_, Some(sep)) => Some((sep, if base == 10 { 3 } else { 4 })),
    };
    let parts = NumberParts {
        negative,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    fill_number(&parts, spec, fill, align, grouping)
}

#[cfg(test)]
mod tests {
    use super::super::spec::parse_spec;
    use super::*;

    fn f(v: i64, s: &str) -> String {
        match format_int_i64(v, &parse_spec(s, "int").unwrap(), "int") {
            Ok(s) => s,
            Err(e) => format!("{}", e),
        }
    }

    #[test]
    fn ints() {
        assert_eq!(f(1234, "010,"), "00,001,234");
        assert_eq!(f(65, "05c"), "0000A");
        assert_eq!(f(12, "<05"), "12000");
        assert_eq!(f(12, "^+#010x"), "000+0xc000");
        assert_eq!(f(-255, "#X"), "-0XFF");
        assert_eq!(f(255, "_b"), "1111_1111");
        assert_eq!(
            f(1, "z"),
            "ValueError: Negative zero coercion (z) not allowed in integer format specifier"
        );
        assert_eq!(
            f(1, ".2d"),
            "ValueError: Precision not allowed in integer format specifier"
        );
        assert_eq!(f(-1, "c"), "OverflowError: %c arg not in range(0x110000)");
        assert_eq!(f(3, ".2f"), "3.00");
        assert_eq!(f(i64::MIN, ""), "-9223372036854775808");
    }

    #[test]
    fn radix_and_float() {
        let v: BigInt = "-5".parse().unwrap();
        assert_eq!(int_to_str_radix(&v, 2), "-0b101");
        assert_eq!(int_to_str_radix(&BigInt::from(31), 16), "0x1f");
        let big: BigInt = BigInt::from(1) << 1024u32;
        assert!(bigint_to_f64(&big).is_err());
        let mx: BigInt = (BigInt::from(1) << 1024u32) - (BigInt::from(1) << 971u32);
        assert_eq!(bigint_to_f64(&mx).unwrap(), f64::MAX);
        let half: BigInt = (BigInt::from(1) << 1024u32) - (BigInt::from(1) << 970u32);
        assert!(bigint_to_f64(&half).is_err());
        let ten: BigInt = BigInt::from(10).pow(5000);
        assert!(int_to_decimal_string(&ten).is_err());
        let ok: BigInt = BigInt::from(10).pow(4299);
        assert_eq!(int_to_decimal_string(&ok).unwrap().len(), 4300);
    }
}
