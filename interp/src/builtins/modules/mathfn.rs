//! Floating-point algorithms behind `math` (and later `cmath`), reproducing CPython 3.11's results bit for
//! bit: CPython uses the platform libm for most functions (so do we, through `libm_*` or Rust's std, which
//! calls the same libm), but has its own algorithms for `gamma`/`lgamma` (Lanczos), `hypot`/`dist`
//! (a scaled, compensated sum of squares with a final correction step), `fsum` (Shewchuk), `remainder`
//! and the special cases of `pow`/`atan2`/`fmod`. Errors are reported C-style, as the errno value CPython's
//! wrappers turn into exceptions.

/// What CPython's `errno` would say after a libm-style computation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Errno {
    Ok,
    /// Domain error: ValueError("math domain error").
    Dom,
    /// Range error: OverflowError("math range error"), unless the result is an underflow (|r| < 1.5).
    Range,
}

mod sys {
    extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn ldexp(x: f64, e: i32) -> f64;
        // Rust's compiler_builtins defines its own (musl-derived) `cbrt`, which the linker prefers; glibc's
        // _Float64 alias reaches the C library's, which is the one CPython uses.
        #[link_name = "cbrtf64"]
        pub fn cbrt(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn acos(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
    }
}

// Rust's std implements some of these itself (asinh/acosh/atanh, and cbrt in recent versions: results
// differ from glibc's in the last bit) and has no erf/erfc/ldexp; CPython calls the C library, so we call
// it directly for everything that is not a correctly rounded IEEE operation or an LLVM intrinsic.
macro_rules! libm1 {
    ($($name:ident => $c:ident),*) => {$(
        pub fn $name(x: f64) -> f64 {
            // SAFETY: a pure C math function of one double (it may only set errno, which we never read).
            unsafe { sys::$c(x) }
        }
    )*};
}
libm1!(
    erf => erf, erfc => erfc, asinh => asinh, acosh => acosh, atanh => atanh, cbrt => cbrt,
    expm1 => expm1, log1p => log1p, sinh => sinh, cosh => cosh, tanh => tanh, tan => tan,
    asin => asin, acos => acos, atan => atan
);

/// C's ldexp (one correctly rounded result, also for subnormal results).
pub fn ldexp(x: f64, e: i32) -> f64 {
    // SAFETY: a pure C math function of plain values.
    unsafe { sys::ldexp(x, e) }
}

/// C's frexp: x = m * 2**e with 0.5 <= |m| < 1 (x unchanged and e = 0 for zeros, infinities, NaN).
pub fn frexp(x: f64) -> (f64, i32) {
    crate::hash::frexp(x)
}

// ---- gamma and lgamma: CPython's Lanczos approximation (g = 6.024680040776729583740234375, N = 13) -----

#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

/// The rational part of the Lanczos sum, evaluated in the direction that keeps it accurate.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x), accurate for large x (argument reduction done exactly in x, not in pi * x).
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let pi = std::f64::consts::PI;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

pub fn gamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::Ok);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x == 0.0 {
        return (1.0 / x, Errno::Dom);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Dom);
        }
        if x <= 23.0 {
            // (x-1)! is exact in a double up to 22!.
            let mut r = 1.0;
            for i in 2..(x as i64) {
                r *= i as f64;
            }
            return (r, Errno::Ok);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (
            r,
            if r.is_infinite() {
                Errno::Range
            } else {
                Errno::Ok
            },
        );
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Errno::Ok);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // Compute the error in y exactly: z = y - (absx + g - 1/2).
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        },
    )
}

pub fn lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, Errno::Ok);
        }
        return (f64::INFINITY, Errno::Ok);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Dom);
        }
        return (0.0, Errno::Ok);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-absx.ln(), Errno::Ok);
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        // Reflection formula.
        r = LOG_PI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        },
    )
}

// ---- two-argument functions with CPython's special cases ----------------------------------------------

pub fn atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if 1f64.copysign(x) == 1.0 {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if 1f64.copysign(x) == 1.0 {
            0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    // SAFETY: a pure C math function of plain values.
    unsafe { sys::atan2(y, x) }
}

/// IEEE 754 remainder: x - n*y with n the integer nearest x/y (ties to even). NaN for a domain error.
pub fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Half-way: choose the even multiple. Both terms are exact.
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// `math.pow`: C99 pow with Python's choices for the special values, and the errno CPython derives.
pub fn pow(x: f64, y: f64) -> (f64, Errno) {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return (r, Errno::Ok);
    }
    let r = x.powf(y);
    let e = if r.is_nan() {
        Errno::Dom
    } else if r.is_infinite() {
        if x == 0.0 {
            Errno::Dom
        } else {
            Errno::Range
        }
    } else {
        Errno::Ok
    };
    (r, e)
}

pub fn fmod(x: f64, y: f64) -> f64 {
    if y.is_infinite() && x.is_finite() {
        return x;
    }
    x % y
}

pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let x2 = nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        // x is the largest finite double.
        return x - nextafter(x, f64::NEG_INFINITY);
    }
    x2 - x
}

// ---- hypot / dist --------------------------------------------------------------------------------------

/// Euclidean norm of `vec` (absolute values, all <= `max`), as CPython 3.11 computes it: scale by a power
/// of two, accumulate the squares with the rounding errors kept in separate accumulators (Veltkamp-Dekker
/// splitting makes each square exact), then correct the square root by one Newton step.
pub fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0; // 2**27 + 1
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        // 2**-max_e would overflow: bring subnormals up first.
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    let split = |x: f64| {
        let t = x * T27;
        let hi = t - (t - x);
        (hi, x - hi)
    };
    for &v in vec.iter() {
        let x = v * scale;
        let (hi, lo) = split(x);
        let x = hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        let x = 2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    let (hi, lo) = split(h);
    let x = -hi * hi;
    let old = csum;
    csum += x;
    frac1 += (old - csum) + x;
    let x = -2.0 * hi * lo;
    let old = csum;
    csum += x;
    frac2 += (old - csum) + x;
    let x = -lo * lo;
    let old = csum;
    csum += x;
    frac3 += (old - csum) + x;
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

// ---- fsum ----------------------------------------------------------------------------------------------

/// Shewchuk's exactly rounded sum. Err(message) for CPython's OverflowError/ValueError cases.
#[derive(Default)]
pub struct Fsum {
    partials: Vec<f64>,
    special: f64,
    inf: f64,
}

pub enum FsumErr {
    Overflow,
    InfMinusInf,
}

impl Fsum {
    pub fn new() -> Fsum {
        Fsum::default()
    }

    pub fn add(&mut self, x0: f64) -> Result<(), FsumErr> {
        let mut x = x0;
        let p = &mut self.partials;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // A non-finite partial comes from a non-finite input or an overflow.
                if x0.is_finite() {
                    return Err(FsumErr::Overflow);
                }
                if x0.is_infinite() {
                    self.inf += x0;
                }
                self.special += x0;
                p.clear();
            } else {
                p.push(x);
            }
        }
        Ok(())
    }

    pub fn result(&self) -> Result<f64, FsumErr> {
        if self.special != 0.0 {
            if self.inf.is_nan() {
                return Err(FsumErr::InfMinusInf);
            }
            return Ok(self.special);
        }
        let p = &self.partials;
        let mut hi = 0.0;
        let mut n = p.len();
        if n > 0 {
            n -= 1;
            hi = p[n];
            let mut lo = 0.0;
            while n > 0 {
                let x = hi;
                n -= 1;
                let y = p[n];
                hi = x + y;
                let yr = hi - x;
                lo = y - yr;
                if lo != 0.0 {
                    break;
                }
            }
            // Round half-even correctly when the rest of the partials make it a tie.
            if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
                let y = lo * 2.0;
                let x = hi + y;
                let yr = x - hi;
                if y == yr {
                    hi = x;
                }
            }
        }
        Ok(hi)
    }
}

pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> bool {
    if a == b {
        return true;
    }
    if a.is_infinite() || b.is_infinite() {
        return false;
    }
    let diff = (b - a).abs();
    diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gamma_integers_and_halves() {
        assert_eq!(gamma(5.0), (24.0, Errno::Ok));
        assert_eq!(gamma(0.5).0, 1.7724538509055159);
        assert_eq!(gamma(-1.0).1, Errno::Dom);
        assert_eq!(lgamma(1.0), (0.0, Errno::Ok));
    }

    #[test]
    fn norm_matches_pythagoras() {
        assert_eq!(vector_norm(&mut [3.0, 4.0], 4.0, false), 5.0);
        assert_eq!(nextafter(1.0, 2.0), 1.0000000000000002);
        assert_eq!(ulp(1.0), f64::EPSILON);
        assert_eq!(remainder(7.5, 2.0), -0.5);
    }
}
