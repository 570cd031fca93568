//! Number formatting and parsing with CPython 3.11-identical output.
//!
//! This module is a self-contained library of pure functions (plain Rust
//! values in, `String` / `Result<_, FmtError>` out).  It does not depend on
//! any interpreter type.  Error values carry CPython's exact message text and
//! the exception type to raise (see [`FmtError`]).
//!
//! Overview of the public API:
//!
//! * `repr(float)` / `str(float)`: [`float_repr`]; the general
//!   `PyOS_double_to_string` is [`double_to_string`] (useful for complex).
//! * `format(x, spec)` / f-strings / `str.format`: [`parse_spec`] then
//!   [`format_int_i64`], [`format_bigint`], [`format_float`], [`format_str`]
//!   (all take the parsed [`FormatSpec`] and the Python type name used in
//!   error messages, e.g. `"int"`, `"bool"`, `"float"`, `"str"`).
//!   NOTE: CPython special-cases an *empty* spec: `format(x, '')` is `str(x)`
//!   (so `format(True, '')` is `'True'`).  The interpreter must do that for
//!   int subclasses such as bool; for exact int/float/str the functions here
//!   already give `str(x)` for an empty spec.
//! * `%`-formatting: [`parse_percent_spec`] parses one directive;
//!   [`percent_format_int`], [`percent_format_i64`], [`percent_format_float`],
//!   [`percent_format_str`] (for %s %r %a %c after conversion to text),
//!   [`percent_char_from_int`], [`percent_unsupported_char_error`].
//! * Int <-> string: [`int_to_str_radix`] (bin/oct/hex), [`int_to_decimal_string`]
//!   (`str(int)` with the 4300-digit limit), [`parse_int_literal`] (`int(str, base)`),
//!   [`parse_float_str`] (`float(str)`), [`py_str_repr`] (`repr(str)`),
//!   digit-limit helpers [`check_int_to_str_digits`], [`check_str_to_int_digits`],
//!   [`set_int_max_str_digits`], [`int_max_str_digits`].
//! * Rounding: [`round_float_ndigits`] (`round(x, n)`), [`round_float_to_int`]
//!   (`round(x)`), [`float_to_bigint`] (`int(x)`), [`bigint_to_f64`] (`float(int)`).

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

mod fast;
mod float_repr;
mod format_complex;
mod format_float;
mod format_int;
mod format_str;
mod parse;
mod percent;
mod pyrepr;
mod spec;
mod unicode_tables;

#[cfg(test)]
mod data_tests;

pub use fast::{format_i64_simple, format_str_simple};
pub use float_repr::{double_to_string, float_repr, DtsfFlags};
pub use format_complex::{complex_repr, format_complex};
pub use format_float::format_float;
pub use format_int::{
    bigint_to_f64, format_bigint, format_int_i64, int_to_decimal_string, int_to_str_radix,
};
pub use format_str::format_str;
pub use parse::{
    float_to_bigint, parse_float_str, parse_int_literal, round_float_ndigits, round_float_to_int,
};
pub use percent::{
    parse_percent_spec, percent_char_from_int, percent_format_float, percent_format_i64,
    percent_format_int, percent_format_str, percent_unsupported_char_error, PercentSpec,
};
pub use pyrepr::{py_is_printable, py_is_space, py_is_space_byte, py_str_repr, py_unicode_decimal};
pub use spec::{parse_spec, FormatSpec};

/// An error to be raised as a Python exception; the payload is CPython's
/// exact message text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FmtError {
    ValueError(String),
    OverflowError(String),
    TypeError(String),
    /// Raised (with an empty message) for absurd field widths, as CPython
    /// does when it cannot allocate the result.
    MemoryError(String),
}

impl FmtError {
    /// The Python exception class name (`"ValueError"`, ...).
    pub fn type_name(&self) -> &'static str {
        match self {
            FmtError::ValueError(_) => "ValueError",
            FmtError::OverflowError(_) => "OverflowError",
            FmtError::TypeError(_) => "TypeError",
            FmtError::MemoryError(_) => "MemoryError",
        }
    }

    /// The exception message.
    pub fn message(&self) -> &str {
        match self {
            FmtError::ValueError(m)
            | FmtError::OverflowError(m)
            | FmtError::TypeError(m)
            | FmtError::MemoryError(m) => m,
        }
    }
}

impl fmt::Display for FmtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name(), self.message())
    }
}

impl std::error::Error for FmtError {}

pub(crate) fn value_error(msg: impl Into<String>) -> FmtError {
    FmtError::ValueError(msg.into())
}

/// CPython's default for `sys.get_int_max_str_digits()`.
pub const DEFAULT_INT_MAX_STR_DIGITS: usize = 4300;
/// CPython's `_PY_LONG_MAX_STR_DIGITS_THRESHOLD` (smallest allowed nonzero limit).
pub const INT_MAX_STR_DIGITS_THRESHOLD: usize = 640;

static INT_MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(DEFAULT_INT_MAX_STR_DIGITS);

/// Current `sys.get_int_max_str_digits()` value (0 = unlimited).
pub fn int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.load(Ordering::Relaxed)
}

/// `sys.set_int_max_str_digits(n)`: ValueError
/// "maxdigits must be 0 or larger than 640" for bad values.
pub fn set_int_max_str_digits(n: i64) -> Result<(), FmtError> {
    if n == 0 || (n >= INT_MAX_STR_DIGITS_THRESHOLD as i64) {
        INT_MAX_STR_DIGITS.store(n as usize, Ordering::Relaxed);
        Ok(())
    } else {
        Err(value_error(format!(
            "maxdigits must be 0 or larger than {}",
            INT_MAX_STR_DIGITS_THRESHOLD
        )))
    }
}

/// Check for `str(int)` (int -> decimal string) of a value with `ndigits`
/// decimal digits (sign excluded).  ValueError "Exceeds the limit (4300
/// digits) for integer string conversion; use sys.set_int_max_str_digits()
/// to increase the limit".
pub fn check_int_to_str_digits(ndigits: usize) -> Result<(), FmtError> {
    let max = int_max_str_digits();
    if max > 0 && ndigits > max {
        return Err(value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit",
            max
        )));
    }
    Ok(())
}

/// Check for `int(str)` (decimal-ish string -> int, any base that is not a
/// power of two) with `ndigits` digits (underscores excluded).  ValueError
/// "Exceeds the limit (4300 digits) for integer string conversion: value has
/// 5000 digits; use sys.set_int_max_str_digits() to increase the limit".
pub fn check_str_to_int_digits(ndigits: usize) -> Result<(), FmtError> {
    let max = int_max_str_digits();
    if ndigits > INT_MAX_STR_DIGITS_THRESHOLD && max > 0 && ndigits > max {
        return Err(value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            max, ndigits
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    #[test]
    fn type_names_in_errors() {
        let spec = parse_spec("s", "bool").unwrap();
        assert_eq!(
            format_int_i64(1, &spec, "bool").unwrap_err(),
            FmtError::ValueError("Unknown format code 's' for object of type 'bool'".into())
        );
        assert_eq!(
            parse_spec("abc", "MyFloat").unwrap_err().message(),
            "Invalid format specifier 'abc' for object of type 'MyFloat'"
        );
        assert!(parse_spec("", "int").unwrap().is_empty());
    }

    #[test]
    fn huge_width_is_memory_error() {
        let spec = parse_spec("99999999999999", "int").unwrap();
        assert_eq!(
            format_int_i64(1, &spec, "int").unwrap_err().type_name(),
            "MemoryError"
        );
        let spec = parse_spec(".2147483648f", "float").unwrap();
        assert_eq!(
            format_float(1.0, &spec, "float").unwrap_err().message(),
            "precision too big"
        );
    }

    #[test]
    fn unicode_width_digits() {
        let spec = parse_spec("\u{661}\u{660}", "int").unwrap();
        assert_eq!(format_int_i64(1, &spec, "int").unwrap(), "         1");
    }

    #[test]
    fn percent_star() {
        let t = "%*d";
        let (mut s, end) = parse_percent_spec(t, 1).unwrap();
        assert!(s.width_star && end == 3);
        s.set_star_width(-5);
        assert_eq!(percent_format_i64(1, &s).unwrap(), "1    ");
        let (mut s, _) = parse_percent_spec("%.*f", 1).unwrap();
        s.set_star_precision(-5).unwrap();
        assert_eq!(percent_format_float(1.0, &s).unwrap(), "1");
        assert!(s.set_star_precision(1 << 40).is_err());
        let (s, end) = parse_percent_spec("%%x", 1).unwrap();
        assert!(s.literal && end == 2);
        let (s, _) = parse_percent_spec("%5.1s", 1).unwrap();
        assert_eq!(percent_format_str("abc", &s).unwrap(), "    a");
        let big = BigInt::from(10).pow(5000);
        let (s, _) = parse_percent_spec("%d", 1).unwrap();
        assert!(percent_format_int(&big, &s)
            .unwrap_err()
            .message()
            .starts_with("Exceeds the limit"));
        let (s, _) = parse_percent_spec("%x", 1).unwrap();
        assert!(percent_format_int(&big, &s).is_ok());
    }

    #[test]
    fn digit_limit_messages() {
        assert_eq!(
            check_int_to_str_digits(4301).unwrap_err().message(),
            "Exceeds the limit (4300 digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        assert_eq!(
            check_str_to_int_digits(5000).unwrap_err().message(),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 \
             digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        assert!(check_str_to_int_digits(4300).is_ok());
        assert_eq!(
            set_int_max_str_digits(5).unwrap_err().message(),
            "maxdigits must be 0 or larger than 640"
        );
    }
}
