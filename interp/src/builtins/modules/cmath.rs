//! `cmath`: CPython 3.11's complex math module with its exact results. The finite-argument formulas are
//! CPython's (Kahan-style branch cuts, rescaling against overflow and subnormals, all over the C
//! library's real functions); infinite and NaN arguments are answered from C99 Annex G's special-value
//! tables (`SV_*`, indexed by the class of the real and imaginary parts), and errors are reported
//! errno-style as CPython's wrappers raise them (`ValueError: math domain error`, `OverflowError: math
//! range error`).

use super::math::float_of;
use super::mathfn::{self, Errno};
use crate::builtins::methods::complex::{as_complex_obj, new_complex, quot, to_complex};
use crate::builtins::{register, set_in};
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::object::ObjRef;
use crate::object::{Complex, KwArgs, Object};
use crate::value::Value;
use crate::vm::Vm;
use std::f64::consts::{E, LN_2, PI};

type C = Complex;
type CFn = fn(C) -> (C, Errno);

const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
const P: f64 = PI;
const P12: f64 = 0.5 * PI;
const P14: f64 = 0.25 * PI;
const P34: f64 = 0.75 * PI;
/// Table cells for finite arguments, which never read the table.
const U: f64 = 0.0;
const LN_10: f64 = std::f64::consts::LN_10;
const LARGE: f64 = f64::MAX / 4.0;
const DBL_MIN: f64 = f64::MIN_POSITIVE;
const MANT_DIG: i32 = 53;
/// An odd power of two that turns any subnormal into a normal number (CPython's CM_SCALE_UP).
const SCALE_UP: i32 = 2 * (MANT_DIG / 2) + 1;
const SCALE_DOWN: i32 = -(SCALE_UP + 1) / 2;

fn c(re: f64, im: f64) -> C {
    Complex { re, im }
}

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}
fn log_large() -> f64 {
    LARGE.ln()
}
fn sqrt_dbl_min() -> f64 {
    DBL_MIN.sqrt()
}

/// The class of a double, as a table index: -inf, negative, -0, +0, positive, +inf, nan.
fn class(d: f64) -> usize {
    if d.is_nan() {
        6
    } else if d.is_infinite() {
        if d > 0.0 {
            5
        } else {
            0
        }
    } else if d != 0.0 {
        if d > 0.0 {
            4
        } else {
            1
        }
    } else if d.is_sign_positive() {
        3
    } else {
        2
    }
}

type Table = [[(f64, f64); 7]; 7];

fn special(t: &Table, z: C) -> C {
    let (re, im) = t[class(z.re)][class(z.im)];
    c(re, im)
}

fn nonfinite(z: C) -> bool {
    !z.re.is_finite() || !z.im.is_finite()
}

// Rows: class of the real part; columns: class of the imaginary part (C99 Annex G).
#[rustfmt::skip]
const SV_ACOS: Table = [
    [(P34,INF),(P,INF),(P,INF),(P,-INF),(P,-INF),(P34,-INF),(N,INF)],
    [(P12,INF),(U,U),(U,U),(U,U),(U,U),(P12,-INF),(N,N)],
    [(P12,INF),(U,U),(P12,0.),(P12,-0.),(U,U),(P12,-INF),(P12,N)],
    [(P12,INF),(U,U),(P12,0.),(P12,-0.),(U,U),(P12,-INF),(P12,N)],
    [(P12,INF),(U,U),(U,U),(U,U),(U,U),(P12,-INF),(N,N)],
    [(P14,INF),(0.,INF),(0.,INF),(0.,-INF),(0.,-INF),(P14,-INF),(N,INF)],
    [(N,INF),(N,N),(N,N),(N,N),(N,N),(N,-INF),(N,N)],
];
#[rustfmt::skip]
const SV_ACOSH: Table = [
    [(INF,-P34),(INF,-P),(INF,-P),(INF,P),(INF,P),(INF,P34),(INF,N)],
    [(INF,-P12),(U,U),(U,U),(U,U),(U,U),(INF,P12),(N,N)],
    [(INF,-P12),(U,U),(0.,-P12),(0.,P12),(U,U),(INF,P12),(N,N)],
    [(INF,-P12),(U,U),(0.,-P12),(0.,P12),(U,U),(INF,P12),(N,N)],
    [(INF,-P12),(U,U),(U,U),(U,U),(U,U),(INF,P12),(N,N)],
    [(INF,-P14),(INF,-0.),(INF,-0.),(INF,0.),(INF,0.),(INF,P14),(INF,N)],
    [(INF,N),(N,N),(N,N),(N,N),(N,N),(INF,N),(N,N)],
];
#[rustfmt::skip]
const SV_ASINH: Table = [
    [(-INF,-P14),(-INF,-0.),(-INF,-0.),(-INF,0.),(-INF,0.),(-INF,P14),(-INF,N)],
    [(-INF,-P12),(U,U),(U,U),(U,U),(U,U),(-INF,P12),(N,N)],
    [(-INF,-P12),(U,U),(-0.,-0.),(-0.,0.),(U,U),(-INF,P12),(N,N)],
    [(INF,-P12),(U,U),(0.,-0.),(0.,0.),(U,U),(INF,P12),(N,N)],
    [(INF,-P12),(U,U),(U,U),(U,U),(U,U),(INF,P12),(N,N)],
    [(INF,-P14),(INF,-0.),(INF,-0.),(INF,0.),(INF,0.),(INF,P14),(INF,N)],
    [(INF,N),(N,N),(N,-0.),(N,0.),(N,N),(INF,N),(N,N)],
];
#[rustfmt::skip]
const SV_ATANH: Table = [
    [(-0.,-P12),(-0.,-P12),(-0.,-P12),(-0.,P12),(-0.,P12),(-0.,P12),(-0.,N)],
    [(-0.,-P12),(U,U),(U,U),(U,U),(U,U),(-0.,P12),(N,N)],
    [(-0.,-P12),(U,U),(-0.,-0.),(-0.,0.),(U,U),(-0.,P12),(-0.,N)],
    [(0.,-P12),(U,U),(0.,-0.),(0.,0.),(U,U),(0.,P12),(0.,N)],
    [(0.,-P12),(U,U),(U,U),(U,U),(U,U),(0.,P12),(N,N)],
    [(0.,-P12),(0.,-P12),(0.,-P12),(0.,P12),(0.,P12),(0.,P12),(0.,N)],
    [(0.,-P12),(N,N),(N,N),(N,N),(N,N),(0.,P12),(N,N)],
];
#[rustfmt::skip]
const SV_COSH: Table = [
    [(INF,N),(U,U),(INF,0.),(INF,-0.),(U,U),(INF,N),(INF,N)],
    [(N,N),(U,U),(U,U),(U,U),(U,U),(N,N),(N,N)],
    [(N,0.),(U,U),(1.,0.),(1.,-0.),(U,U),(N,0.),(N,0.)],
    [(N,0.),(U,U),(1.,-0.),(1.,0.),(U,U),(N,0.),(N,0.)],
    [(N,N),(U,U),(U,U),(U,U),(U,U),(N,N),(N,N)],
    [(INF,N),(U,U),(INF,-0.),(INF,0.),(U,U),(INF,N),(INF,N)],
    [(N,N),(N,N),(N,0.),(N,0.),(N,N),(N,N),(N,N)],
];
#[rustfmt::skip]
const SV_EXP: Table = [
    [(0.,0.),(U,U),(0.,-0.),(0.,0.),(U,U),(0.,0.),(0.,0.)],
    [(N,N),(U,U),(U,U),(U,U),(U,U),(N,N),(N,N)],
    [(N,N),(U,U),(1.,-0.),(1.,0.),(U,U),(N,N),(N,N)],
    [(N,N),(U,U),(1.,-0.),(1.,0.),(U,U),(N,N),(N,N)],
    [(N,N),(U,U),(U,U),(U,U),(U,U),(N,N),(N,N)],
    [(INF,N),(U,U),(INF,-0.),(INF,0.),(U,U),(INF,N),(INF,N)],
    [(N,N),(N,N),(N,-0.),(N,0.),(N,N),(N,N),(N,N)],
];
#[rustfmt::skip]
const SV_LOG: Table = [
    [(INF,-P34),(INF,-P),(INF,-P),(INF,P),(INF,P),(INF,P34),(INF,N)],
    [(INF,-P12),(U,U),(U,U),(U,U),(U,U),(INF,P12),(N,N)],
    [(INF,-P12),(U,U),(-INF,-P),(-INF,P),(U,U),(INF,P12),(N,N)],
    [(INF,-P12),(U,U),(-INF,-0.),(-INF,0.),(U,U),(INF,P12),(N,N)],
    [(INF,-P12),(U,U),(U,U),(U,U),(U,U),(INF,P12),(N,N)],
    [(INF,-P14),(INF,-0.),(INF,-0.),(INF,0.),(INF,0.),(INF,P14),(INF,N)],
    [(INF,N),(N,N),(N,N),(N,N),(N,N),(INF,N),(N,N)],
];
#[rustfmt::skip]
const SV_SINH: Table = [
    [(INF,N),(U,U),(-INF,-0.),(-INF,0.),(U,U),(INF,N),(INF,N)],
    [(N,N),(U,U),(U,U),(U,U),(U,U),(N,N),(N,N)],
    [(0.,N),(U,U),(-0.,-0.),(-0.,0.),(U,U),(0.,N),(0.,N)],
    [(0.,N),(U,U),(0.,-0.),(0.,0.),(U,U),(0.,N),(0.,N)],
    [(N,N),(U,U),(U,U),(U,U),(U,U),(N,N),(N,N)],
    [(INF,N),(U,U),(INF,-0.),(INF,0.),(U,U),(INF,N),(INF,N)],
    [(N,N),(N,N),(N,-0.),(N,0.),(N,N),(N,N),(N,N)],
];
#[rustfmt::skip]
const SV_SQRT: Table = [
    [(INF,-INF),(0.,-INF),(0.,-INF),(0.,INF),(0.,INF),(INF,INF),(N,INF)],
    [(INF,-INF),(U,U),(U,U),(U,U),(U,U),(INF,INF),(N,N)],
    [(INF,-INF),(U,U),(0.,-0.),(0.,0.),(U,U),(INF,INF),(N,N)],
    [(INF,-INF),(U,U),(0.,-0.),(0.,0.),(U,U),(INF,INF),(N,N)],
    [(INF,-INF),(U,U),(U,U),(U,U),(U,U),(INF,INF),(N,N)],
    [(INF,-INF),(INF,-0.),(INF,-0.),(INF,0.),(INF,0.),(INF,INF),(INF,N)],
    [(INF,-INF),(N,N),(N,N),(N,N),(N,N),(INF,INF),(N,N)],
];
#[rustfmt::skip]
const SV_TANH: Table = [
    [(-1.,0.),(U,U),(-1.,-0.),(-1.,0.),(U,U),(-1.,0.),(-1.,0.)],
    [(N,N),(U,U),(U,U),(U,U),(U,U),(N,N),(N,N)],
    [(N,N),(U,U),(-0.,-0.),(-0.,0.),(U,U),(N,N),(N,N)],
    [(N,N),(U,U),(0.,-0.),(0.,0.),(U,U),(N,N),(N,N)],
    [(N,N),(U,U),(U,U),(U,U),(U,U),(N,N),(N,N)],
    [(1.,0.),(U,U),(1.,-0.),(1.,0.),(U,U),(1.,0.),(1.,0.)],
    [(N,N),(N,N),(N,-0.),(N,0.),(N,N),(N,N),(N,N)],
];
#[rustfmt::skip]
const SV_RECT: Table = [
    [(INF,N),(U,U),(-INF,0.),(-INF,-0.),(U,U),(INF,N),(INF,N)],
    [(N,N),(U,U),(U,U),(U,U),(U,U),(N,N),(N,N)],
    [(0.,0.),(U,U),(-0.,0.),(-0.,-0.),(U,U),(0.,0.),(0.,0.)],
    [(0.,0.),(U,U),(0.,-0.),(0.,0.),(U,U),(0.,0.),(0.,0.)],
    [(N,N),(U,U),(U,U),(U,U),(U,U),(N,N),(N,N)],
    [(INF,N),(U,U),(INF,-0.),(INF,0.),(U,U),(INF,N),(INF,N)],
    [(N,N),(N,N),(N,0.),(N,0.),(N,N),(N,N),(N,N)],
];

const OK: Errno = Errno::Ok;

fn ldexp(x: f64, e: i32) -> f64 {
    mathfn::ldexp(x, e)
}

fn atan2(y: f64, x: f64) -> f64 {
    mathfn::atan2(y, x)
}

// ---- the functions ---------------------------------------------------------------------------------

fn c_sqrt(z: C) -> (C, Errno) {
    if nonfinite(z) {
        return (special(&SV_SQRT, z), OK);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (c(0.0, z.im), OK);
    }
    let (mut ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < DBL_MIN && ay < DBL_MIN {
        // hypot of two subnormals would lose precision: scale both into the normal range first.
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 {
        (c(s, d.copysign(z.im)), OK)
    } else {
        (c(d, s.copysign(z.im)), OK)
    }
}

fn c_acos(z: C) -> (C, Errno) {
    if nonfinite(z) {
        return (special(&SV_ACOS, z), OK);
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let re = atan2(z.im.abs(), z.re);
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0;
        let im = if z.re < 0.0 {
            -l.copysign(z.im)
        } else {
            l.copysign(-z.im)
        };
        c(re, im)
    } else {
        let s1 = c_sqrt(c(1.0 - z.re, -z.im)).0;
        let s2 = c_sqrt(c(1.0 + z.re, z.im)).0;
        c(
            2.0 * atan2(s1.re, s2.re),
            mathfn::asinh(s2.re * s1.im - s2.im * s1.re),
        )
    };
    (r, OK)
}

fn c_acosh(z: C) -> (C, Errno) {
    if nonfinite(z) {
        return (special(&SV_ACOSH, z), OK);
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        c(
            (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0,
            atan2(z.im, z.re),
        )
    } else {
        let s1 = c_sqrt(c(z.re - 1.0, z.im)).0;
        let s2 = c_sqrt(c(z.re + 1.0, z.im)).0;
        c(
            mathfn::asinh(s1.re * s2.re + s1.im * s2.im),
            2.0 * atan2(s1.im, s2.re),
        )
    };
    (r, OK)
}

fn c_asinh(z: C) -> (C, Errno) {
    if nonfinite(z) {
        return (special(&SV_ASINH, z), OK);
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0;
        let re = if z.im >= 0.0 {
            l.copysign(z.re)
        } else {
            -l.copysign(-z.re)
        };
        c(re, atan2(z.im, z.re.abs()))
    } else {
        let s1 = c_sqrt(c(1.0 + z.im, -z.re)).0;
        let s2 = c_sqrt(c(1.0 - z.im, z.re)).0;
        c(
            mathfn::asinh(s1.re * s2.im - s2.re * s1.im),
            atan2(z.im, s1.re * s2.re - s1.im * s2.im),
        )
    };
    (r, OK)
}

/// f(z) = -i g(iz): asin from asinh, atan from atanh, sin from sinh, tan from tanh.
fn via_i(g: CFn, z: C) -> (C, Errno) {
    let (s, e) = g(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn c_asin(z: C) -> (C, Errno) {
    via_i(c_asinh, z)
}

fn c_atan(z: C) -> (C, Errno) {
    via_i(c_atanh, z)
}

fn c_atanh(z: C) -> (C, Errno) {
    if nonfinite(z) {
        return (special(&SV_ATANH, z), OK);
    }
    // atanh(-z) = -atanh(z): reduce to a nonnegative real part.
    if z.re < 0.0 {
        let (r, e) = c_atanh(c(-z.re, -z.im));
        return (c(-r.re, -r.im), e);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large() || ay > sqrt_large() {
        // Large |z|: atanh(z) ~ 1/z +- i pi/2.
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        (c(z.re / 4.0 / h / h, -(PI / 2.0).copysign(-z.im)), OK)
    } else if z.re == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            (c(INF, z.im), Errno::Dom)
        } else {
            (
                c(
                    -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
                    (atan2(2.0, -ay) / 2.0).copysign(z.im),
                ),
                OK,
            )
        }
    } else {
        let one_m = 1.0 - z.re;
        (
            c(
                mathfn::log1p(4.0 * z.re / (one_m * one_m + ay * ay)) / 4.0,
                -atan2(-2.0 * z.im, one_m * (1.0 + z.re) - ay * ay) / 2.0,
            ),
            OK,
        )
    }
}

/// The infinite-real-part case shared by cosh/sinh/exp/rect: the signs of cos(y) and sin(y) decide.
fn inf_dir(y: f64, re_sign: f64, im_sign: f64, mag: f64) -> C {
    c(
        re_sign * mag.copysign(y.cos()),
        im_sign * mag.copysign(y.sin()),
    )
}

fn c_cosh(z: C) -> (C, Errno) {
    if nonfinite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                inf_dir(z.im, 1.0, 1.0, INF)
            } else {
                inf_dir(z.im, 1.0, -1.0, INF)
            }
        } else {
            special(&SV_COSH, z)
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() {
            Errno::Dom
        } else {
            OK
        };
        return (r, e);
    }
    let r = if z.re.abs() > log_large() {
        // cosh(x) overflows but cosh(z) may not: scale by e once.
        let xm1 = z.re - 1f64.copysign(z.re);
        c(
            z.im.cos() * mathfn::cosh(xm1) * E,
            z.im.sin() * mathfn::sinh(xm1) * E,
        )
    } else {
        c(
            z.im.cos() * mathfn::cosh(z.re),
            z.im.sin() * mathfn::sinh(z.re),
        )
    };
    (r, overflowed(r))
}

fn c_sinh(z: C) -> (C, Errno) {
    if nonfinite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                inf_dir(z.im, 1.0, 1.0, INF)
            } else {
                inf_dir(z.im, -1.0, 1.0, INF)
            }
        } else {
            special(&SV_SINH, z)
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() {
            Errno::Dom
        } else {
            OK
        };
        return (r, e);
    }
    let r = if z.re.abs() > log_large() {
        let xm1 = z.re - 1f64.copysign(z.re);
        c(
            z.im.cos() * mathfn::sinh(xm1) * E,
            z.im.sin() * mathfn::cosh(xm1) * E,
        )
    } else {
        c(
            z.im.cos() * mathfn::sinh(z.re),
            z.im.sin() * mathfn::cosh(z.re),
        )
    };
    (r, overflowed(r))
}

fn c_cos(z: C) -> (C, Errno) {
    c_cosh(c(-z.im, z.re))
}

fn c_sin(z: C) -> (C, Errno) {
    via_i(c_sinh, z)
}

fn c_tan(z: C) -> (C, Errno) {
    via_i(c_tanh, z)
}

fn c_tanh(z: C) -> (C, Errno) {
    if nonfinite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = 0f64.copysign(2.0 * z.im.sin() * z.im.cos());
            c(if z.re > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            special(&SV_TANH, z)
        };
        let e = if z.im.is_infinite() && z.re.is_finite() {
            Errno::Dom
        } else {
            OK
        };
        return (r, e);
    }
    let r = if z.re.abs() > log_large() {
        c(
            1f64.copysign(z.re),
            4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp(),
        )
    } else {
        // 1 - tanh(x)^2 is computed as 1/cosh(x)^2 for accuracy.
        let tx = mathfn::tanh(z.re);
        let ty = mathfn::tan(z.im);
        let cx = 1.0 / mathfn::cosh(z.re);
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, OK)
}

fn c_exp(z: C) -> (C, Errno) {
    if nonfinite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                inf_dir(z.im, 1.0, 1.0, INF)
            } else {
                inf_dir(z.im, 1.0, 1.0, 0.0)
            }
        } else {
            special(&SV_EXP, z)
        };
        let e = if z.im.is_infinite() && (z.re.is_finite() || z.re == INF) {
            Errno::Dom
        } else {
            OK
        };
        return (r, e);
    }
    let r = if z.re > log_large() {
        let l = (z.re - 1.0).exp();
        c(l * z.im.cos() * E, l * z.im.sin() * E)
    } else {
        let l = z.re.exp();
        c(l * z.im.cos(), l * z.im.sin())
    };
    (r, overflowed(r))
}

fn overflowed(r: C) -> Errno {
    if r.re.is_infinite() || r.im.is_infinite() {
        Errno::Range
    } else {
        OK
    }
}

fn c_log(z: C) -> (C, Errno) {
    if nonfinite(z) {
        return (special(&SV_LOG, z), OK);
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < DBL_MIN && ay < DBL_MIN {
        if ax > 0.0 || ay > 0.0 {
            // |z| is subnormal: rescale so the log keeps its accuracy.
            ldexp(ax, MANT_DIG).hypot(ldexp(ay, MANT_DIG)).ln() - MANT_DIG as f64 * LN_2
        } else {
            return (c(-INF, atan2(z.im, z.re)), Errno::Dom);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            // Near |z| = 1: log1p of (|z|^2 - 1) computed without cancellation.
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            mathfn::log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    (c(re, atan2(z.im, z.re)), OK)
}

fn c_log10(z: C) -> (C, Errno) {
    let (r, e) = c_log(z);
    (c(r.re / LN_10, r.im / LN_10), e)
}

/// `abs(z)` as CPython's `_Py_c_abs`: infinities win over NaNs; an overflow is a range error.
fn c_abs(z: C) -> (f64, Errno) {
    if nonfinite(z) {
        if z.re.is_infinite() || z.im.is_infinite() {
            return (INF, OK);
        }
        return (N, OK);
    }
    let r = z.re.hypot(z.im);
    (r, if r.is_finite() { OK } else { Errno::Range })
}

fn rect(r: f64, phi: f64) -> (C, Errno) {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let s = if r > 0.0 { 1.0 } else { -1.0 };
            inf_dir(phi, s, s, INF)
        } else {
            special(&SV_RECT, c(r, phi))
        };
        let e = if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            Errno::Dom
        } else {
            OK
        };
        return (z, e);
    }
    if phi == 0.0 {
        // Keeps the sign of a zero phi in the imaginary part.
        return (c(r, r * phi), OK);
    }
    (c(r * phi.cos(), r * phi.sin()), OK)
}

// ---- the Python interface -------------------------------------------------------------------------

fn check(e: Errno) -> PyResult<()> {
    match e {
        Errno::Ok => Ok(()),
        Errno::Dom => Err(value_error("math domain error")),
        Errno::Range => Err(PyErr::new(ExcKind::OverflowError, "math range error")),
    }
}

/// `PyComplex_AsCComplex`: complex numbers, objects with `__complex__`, then real numbers.
fn complex_of(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(z) = as_complex_obj(v) {
        return Ok(z);
    }
    if let Some(r) = to_complex(v) {
        return r;
    }
    if vm.is_user_instance(v) {
        if let Some(r) = vm.call_dunder(v, "__complex__", &[])? {
            return match as_complex_obj(&r) {
                Some(z) => Ok(z),
                None => Err(type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    vm.type_name(&r)
                ))),
            };
        }
    }
    Ok(c(float_of(vm, v)?, 0.0))
}

fn no_kw(name: &str, kw: &KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{}() takes no keyword arguments", name)))
    }
}

fn one(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str) -> PyResult<C> {
    no_kw(&format!("cmath.{}", name), kw)?;
    match args {
        [x] => complex_of(vm, x),
        _ => Err(type_error(format!(
            "cmath.{}() takes exactly one argument ({} given)",
            name,
            args.len()
        ))),
    }
}

fn ret(z: C) -> PyResult<Value> {
    Ok(new_complex(z.re, z.im))
}

fn cmath_log(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kw("log", kw)?;
    if args.is_empty() || args.len() > 2 {
        return Err(type_error(
            format!(
                "log expected {} 1 argument{}, got {}",
                if args.is_empty() {
                    "at least"
                } else {
                    "at most"
                },
                if args.is_empty() { "" } else { "s" },
                args.len()
            )
            .replace("at most 1 arguments", "at most 2 arguments"),
        ));
    }
    let x = complex_of(vm, &args[0])?;
    let (mut r, mut e) = c_log(x);
    if let Some(b) = args.get(1) {
        let b = complex_of(vm, b)?;
        // As in CPython, the base's logarithm resets errno: log(0, 2) is (-inf+nanj), not an error.
        let (lb, eb) = c_log(b);
        e = eb;
        match quot(r, lb) {
            Some(q) => r = q,
            None => {
                r = c(0.0, 0.0);
                e = Errno::Dom;
            }
        }
    }
    check(e)?;
    ret(r)
}

fn cmath_isclose(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, b, rel, abs) = super::math::isclose_args(vm, args, kw, complex_of)?;
    if a.re == b.re && a.im == b.im {
        return Ok(Value::Bool(true));
    }
    if a.re.is_infinite() || a.im.is_infinite() || b.re.is_infinite() || b.im.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = c_abs(c(a.re - b.re, a.im - b.im)).0;
    Ok(Value::Bool(
        diff <= rel * c_abs(b).0 || diff <= rel * c_abs(a).0 || diff <= abs,
    ))
}

pub(super) fn init(_vm: &mut Vm, d: &ObjRef) {
    set_in(d, "pi", Value::Float(PI));
    set_in(d, "e", Value::Float(E));
    set_in(d, "tau", Value::Float(std::f64::consts::TAU));
    set_in(d, "inf", Value::Float(INF));
    set_in(d, "infj", new_complex(0.0, INF));
    set_in(d, "nan", Value::Float(N.abs()));
    set_in(d, "nanj", new_complex(0.0, N.abs()));

    macro_rules! funcs {
        ($($name:literal => $f:expr;)*) => {
            $( register(d, $name, |vm, args, kw| {
                let z = one(vm, args, kw, $name)?;
                let f: CFn = $f;
                let (r, e) = f(z);
                check(e)?;
                ret(r)
            }); )*
        };
    }
    funcs! {
        "acos" => c_acos;
        "acosh" => c_acosh;
        "asin" => c_asin;
        "asinh" => c_asinh;
        "atan" => c_atan;
        "atanh" => c_atanh;
        "cos" => c_cos;
        "cosh" => c_cosh;
        "exp" => c_exp;
        "log10" => c_log10;
        "sin" => c_sin;
        "sinh" => c_sinh;
        "sqrt" => c_sqrt;
        "tan" => c_tan;
        "tanh" => c_tanh;
    }
    register(d, "log", cmath_log);
    register(d, "isclose", cmath_isclose);
    register(d, "phase", |vm, args, kw| {
        let z = one(vm, args, kw, "phase")?;
        let phi = atan2(z.im, z.re);
        // The C library's atan2 reports an underflow to zero as a range error, which CPython's phase
        // (unlike polar, whose abs() clears errno) turns into OverflowError.
        if phi == 0.0 && z.im != 0.0 && z.re.is_finite() && !z.im.is_nan() {
            return Err(PyErr::new(ExcKind::OverflowError, "math range error"));
        }
        Ok(Value::Float(phi))
    });
    register(d, "polar", |vm, args, kw| {
        let z = one(vm, args, kw, "polar")?;
        let phi = atan2(z.im, z.re);
        let (r, e) = c_abs(z);
        check(e)?;
        Ok(Value::obj(Object::Tuple(vec![
            Value::Float(r),
            Value::Float(phi),
        ])))
    });
    register(d, "rect", |vm, args, kw| {
        no_kw("rect", kw)?;
        if args.len() != 2 {
            return Err(type_error(format!(
                "rect expected 2 arguments, got {}",
                args.len()
            )));
        }
        let r = float_of(vm, &args[0])?;
        let phi = float_of(vm, &args[1])?;
        let (z, e) = rect(r, phi);
        check(e)?;
        ret(z)
    });
    macro_rules! preds {
        ($($name:literal => $f:expr;)*) => {
            $( register(d, $name, |vm, args, kw| {
                let z = one(vm, args, kw, $name)?;
                let f: fn(C) -> bool = $f;
                Ok(Value::Bool(f(z)))
            }); )*
        };
    }
    preds! {
        "isfinite" => |z| z.re.is_finite() && z.im.is_finite();
        "isinf" => |z| z.re.is_infinite() || z.im.is_infinite();
        "isnan" => |z| z.re.is_nan() || z.im.is_nan();
    }
}
