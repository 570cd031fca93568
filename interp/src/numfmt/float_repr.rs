//! Float -> decimal string conversion: an emulation of David Gay's `dtoa`
//! modes 0/2/3 (exact, round-half-even on the binary value) plus a port of
//! CPython's `PyOS_double_to_string` / `format_float_short`.

use num_bigint::BigUint;
use num_integer::Integer;

/// Decimal digits as produced by `_Py_dg_dtoa`: `digits` has no trailing
/// zeros (zero itself is `"0"`; a mode-3 result that rounds to zero is
/// `""`), and the value is `0.DIGITS * 10**decpt`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Digits {
    pub digits: String,
    pub decpt: i64,
}

/// Decompose a finite, nonzero, positive `x` as `m * 2**e` with `m` odd.
pub(crate) fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let bexp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if bexp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), bexp - 1075)
    };
    if m != 0 {
        let tz = m.trailing_zeros();
        m >>= tz;
        e += tz as i32;
    }
    (m, e)
}

/// Decimal string of `round_half_even(m * 2**e * 10**s)`.
pub(crate) fn scaled_round_digits(m: u64, e: i32, s: i64) -> String {
    let twos = e as i64 + s;
    let fives = s;
    if let Some(q) = scaled_round_small(m, twos, fives) {
        return q.to_string();
    }
    let mut num = BigUint::from(m);
    let mut den = BigUint::from(1u32);
    if fives >= 0 {
        num *= BigUint::from(5u32).pow(fives as u32);
    } else {
        den = BigUint::from(5u32).pow((-fives) as u32);
    }
    if twos >= 0 {
        num <<= twos as u64;
    } else {
        den <<= (-twos) as u64;
    }
    let (q, r) = num.div_rem(&den);
    let twice: BigUint = r << 1u32;
    let q = if twice > den || (twice == den && q.is_odd()) {
        q + 1u32
    } else {
        q
    };
    q.to_string()
}

fn scaled_round_small(m: u64, twos: i64, fives: i64) -> Option<u128> {
    let mut num = m as u128;
    let mut den: u128 = 1;
    if fives >= 0 {
        if fives > 55 {
            return None;
        }
        num = num.checked_mul(5u128.checked_pow(fives as u32)?)?;
    } else {
        if -fives > 55 {
            return None;
        }
        den = 5u128.checked_pow((-fives) as u32)?;
    }
    if twos >= 0 {
        if twos >= 128 || num.leading_zeros() as i64 <= twos {
            return None;
        }
        num <<= twos as u32;
    } else {
        if -twos >= 126 {
            return None;
        }
        den = den.checked_mul(1u128 << ((-twos) as u32))?;
    }
    if den >= (1u128 << 126) {
        return None;
    }
    let q = num / den;
    let r = num % den;
    let twice = r * 2;
    Some(if twice > den || (twice == den && q & 1 == 1) {
        q + 1
    } else {
        q
    })
}

fn strip_trailing_zeros(mut s: String) -> String {
    while s.len() > 1 && s.ends_with('0') {
        s.pop();
    }
    s
}

/// dtoa mode 0: shortest digits that round-trip (x finite, >= 0).
pub(crate) fn dtoa_shortest(x: f64) -> Digits {
    if x == 0.0 {
        return Digits {
            digits: "0".into(),
            decpt: 1,
        };
    }
    // Rust's `{:e}` gives the shortest round-tripping digits, closest to x.
    let s = format!("{:e}", x);
    let (mant, exp) = s.split_once('e').expect("exponent");
    let exp: i64 = exp.parse().expect("exponent value");
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let d = Digits {
        digits: strip_trailing_zeros(digits),
        decpt: exp + 1,
    };
    // Rust breaks exact ties between two shortest candidates upwards; dtoa
    // picks the even one (e.g. 27601509055222.5625 -> ...562).  An exact tie
    // needs a short exact decimal expansion, i.e. few fractional bits.
    let (m, e) = decompose(x);
    // x = m * 5**k / 10**k with m odd: the exact expansion has
    // digits(m * 5**k) significant digits, which must be len + 1 and end in 5.
    if (-25..0).contains(&e) && m != 0 {
        let v = m as u128 * 5u128.pow((-e) as u32);
        let n = d.digits.len() as i64;
        let ndig = v.to_string().len() as i64;
        if ndig != n + 1 {
            return d;
        }
        let alt = dtoa_mode2(x, n);
        if alt != d && alt.digits.len() as i64 == n {
            let s = format!("0.{}e{}", alt.digits, alt.decpt);
            if s.parse::<f64>().ok() == Some(x) {
                return alt;
            }
        }
    }
    d
}

/// dtoa mode 2: `ndigits` (>= 1) significant digits, correctly rounded.
pub(crate) fn dtoa_mode2(x: f64, ndigits: i64) -> Digits {
    if x == 0.0 {
        return Digits {
            digits: "0".into(),
            decpt: 1,
        };
    }
    // A double has at most 767 significant decimal digits; more are zeros.
    let p = ndigits.clamp(1, 800);
    let (m, e) = decompose(x);
    let mut k = x.log10().floor() as i64; // estimate of floor(log10(x))
    let is_pow10_lead = |s: &str| s.as_bytes()[0] == b'1' && s.bytes().skip(1).all(|b| b == b'0');
    let digits = loop {
        let n = scaled_round_digits(m, e, p - 1 - k);
        let len = n.len() as i64;
        if len > p {
            k += 1;
            continue;
        }
        if len < p {
            k -= 1;
            continue;
        }
        if is_pow10_lead(&n) {
            // Might be a carry from a too-large k estimate: try one more digit.
            let n2 = scaled_round_digits(m, e, p - k);
            if (n2.len() as i64) <= p {
                k -= 1;
                break n2;
            }
        }
        break n;
    };
    Digits {
        digits: strip_trailing_zeros(digits),
        decpt: k + 1,
    }
}

/// dtoa mode 3: digits up to `ndigits` places after the decimal point
/// (`ndigits` may be negative), correctly rounded.
pub(crate) fn dtoa_mode3(x: f64, ndigits: i64) -> Digits {
    if x == 0.0 {
        return Digits {
            digits: "0".into(),
            decpt: 1,
        };
    }
    let (m, e) = decompose(x);
    // The exact value has at most max(-e, 0) fractional digits.
    let nd = if e < 0 {
        ndigits.min(-(e as i64))
    } else {
        ndigits.min(0)
    };
    let n = scaled_round_digits(m, e, nd);
    if n == "0" {
        return Digits {
            digits: String::new(),
            decpt: -ndigits,
        };
    }
    let decpt = n.len() as i64 - nd;
    Digits {
        digits: strip_trailing_zeros(n),
        decpt,
    }
}

/// Flags of `PyOS_double_to_string` (`Py_DTSF_*`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtsfFlags {
    /// `Py_DTSF_SIGN`: always add a sign.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: make it look like a float (`1.0`, not `1`).
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: alternate formatting (`#`).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: negative zero results become positive (`z`).
    pub no_neg_0: bool,
}

/// CPython's `repr(float)` (== `str(float)`): `'0.1'`, `'1e+16'`, `'-0.0'`,
/// `'inf'`, `'nan'`.
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtsfFlags {
            add_dot_0: true,
            ..Default::default()
        },
    )
}

/// Port of CPython's `PyOS_double_to_string(val, format_code, precision,
/// flags, NULL)`.  `format_code` is one of `e E f F g G r` (`r` requires
/// precision 0).  Panics on other codes (an internal-call error in CPython).
pub fn double_to_string(val: f64, format_code: char, precision: i64, flags: DtsfFlags) -> String {
    let (upper, code, mode, precision) = match format_code {
        'E' => (true, 'e', 2, precision + 1),
        'e' => (false, 'e', 2, precision + 1),
        'F' => (true, 'f', 3, precision),
        'f' => (false, 'f', 3, precision),
        'G' => (true, 'g', 2, if precision == 0 { 1 } else { precision }),
        'g' => (false, 'g', 2, if precision == 0 { 1 } else { precision }),
        'r' => {
            assert!(precision == 0, "double_to_string: 'r' requires precision 0");
            (false, 'r', 0, 0)
        }
        _ => panic!("double_to_string: bad format code {:?}", format_code),
    };
    format_float_short(val, code, mode, precision, flags, upper)
}

fn format_float_short(
    d: f64,
    code: char,
    mode: u8,
    precision: i64,
    flags: DtsfFlags,
    upper: bool,
) -> String {
    let mut out = String::new();
    if !d.is_finite() {
        // Infinities and nans; the sign of a nan is ignored.
        let neg = d.is_infinite() && d.is_sign_negative();
        if neg {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        let word = if d.is_nan() { "nan" } else { "inf" };
        if upper {
            out.push_str(&word.to_ascii_uppercase());
        } else {
            out.push_str(word);
        }
        return out;
    }
    let mut sign = d.is_sign_negative();
    let a = d.abs();
    let Digits { digits, decpt } = match mode {
        0 => dtoa_shortest(a),
        2 => dtoa_mode2(a, precision),
        _ => dtoa_mode3(a, precision),
    };
    let digits = digits.as_bytes();
    let digits_len = digits.len() as i64;
    if flags.no_neg_0 && sign && (digits_len == 0 || digits == b"0") {
        sign = false;
    }
    let mut decpt = decpt;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let lim = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > lim {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            // 'r': switch to exponent notation at 1e16.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    let push_zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if sign {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    // Zero padding on the left of the digit string.
    if decpt <= 0 {
        push_zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        push_zeros(&mut out, -decpt);
    } else {
        push_zeros(&mut out, -vdigits_start);
    }
    // Digits, with included decimal point.
    let ds = std::str::from_utf8(digits).expect("ascii digits");
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&ds[..decpt as usize]);
        out.push('.');
        out.push_str(&ds[decpt as usize..]);
    } else {
        out.push_str(ds);
    }
    // And zeros on the right.
    if digits_len < decpt {
        push_zeros(&mut out, decpt - digits_len);
        out.push('.');
        push_zeros(&mut out, vdigits_end - decpt);
    } else {
        push_zeros(&mut out, vdigits_end - digits_len);
    }
    // Delete a trailing decimal point unless using alternative formatting.
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        if exp < 0 {
            out.push('-');
        } else {
            out.push('+');
        }
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_basic() {
        let cases: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (1.5e300, "1.5e+300"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.8, "1234567890123456.8"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (2e16 + 8.0, "2.000000000000001e+16"),
        ];
        for (x, s) in cases {
            assert_eq!(float_repr(*x), *s, "repr of {:e}", x);
        }
    }

    #[test]
    fn fixed_and_exp() {
        let f = DtsfFlags::default();
        assert_eq!(double_to_string(2.675, 'f', 2, f), "2.67");
        assert_eq!(double_to_string(0.125, 'f', 2, f), "0.12");
        assert_eq!(double_to_string(0.5, 'f', 0, f), "0");
        assert_eq!(double_to_string(1.5, 'f', 0, f), "2");
        assert_eq!(double_to_string(2.5, 'f', 0, f), "2");
        assert_eq!(double_to_string(9.96, 'e', 1, f), "1.0e+01");
        assert_eq!(double_to_string(9.6, 'e', 1, f), "9.6e+00");
        assert_eq!(
            double_to_string(1.0, 'e', 0, DtsfFlags { alt: true, ..f }),
            "1.e+00"
        );
        assert_eq!(double_to_string(123456789.0, 'g', 6, f), "1.23457e+08");
        assert_eq!(
            double_to_string(1.0 / 3.0, 'f', 60, f),
            "0.333333333333333314829616256247390992939472198486328125000000"
        );
        assert!(double_to_string(1e300, 'f', 6, f).starts_with("10000000000000000525"));
    }
}
