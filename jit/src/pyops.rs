//! Python's numeric semantics on machine types, shared by constant folding (which must compute exactly
//! what the generated code computes) and by the runtime helpers the backend calls. Each returns `None`
//! where Python would raise or leave the machine type (the trace exits there instead).

/// Python `a // b` on ints (rounds toward -inf). `None` on division by zero or `MIN // -1`.
pub fn int_floordiv(a: i64, b: i64) -> Option<i64> {
    if b == 0 || (a == i64::MIN && b == -1) {
        return None;
    }
    let (q, r) = (a / b, a % b);
    Some(if r != 0 && ((r < 0) != (b < 0)) {
        q - 1
    } else {
        q
    })
}

/// Python `a % b` on ints (the result has the sign of `b`). `None` on division by zero.
pub fn int_mod(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let r = a.wrapping_rem(b);
    Some(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

/// Python `a << n`. `None` if `n` is negative or bits would be lost (Python makes a bigint).
pub fn int_shl(a: i64, n: i64) -> Option<i64> {
    if !(0..64).contains(&n) {
        return if n >= 0 && a == 0 { Some(0) } else { None };
    }
    let r = a << n;
    (r >> n == a).then_some(r)
}

/// Python `a >> n`. `None` if `n` is negative.
pub fn int_shr(a: i64, n: i64) -> Option<i64> {
    (n >= 0).then(|| a >> n.min(63))
}

/// Python float `a % b`, as CPython's `float_rem`. `None` on a zero divisor.
pub fn float_mod(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let m = a % b; // C fmod
    Some(if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    })
}

/// Python float `a // b`, as CPython's `float_floor_div` (via `_float_div_mod`). `None` on a zero divisor.
pub fn float_floordiv(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let _ = m;
    Some(if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        0.0f64.copysign(a / b)
    })
}

/// `int(x)` for a float, if the result fits an i64 (`None` for NaN, infinities and out-of-range values).
pub fn float_to_int(x: f64) -> Option<i64> {
    // -2^63 is exactly representable; 2^63 is the first value out of range.
    (-9223372036854775808.0..9223372036854775808.0)
        .contains(&x)
        .then_some(x as i64)
}

/// The runtime entry points the backend calls for `fmod` and `ffloordiv` (after its zero-divisor guard).
pub extern "C" fn rt_float_mod(a: f64, b: f64) -> f64 {
    float_mod(a, b).unwrap_or(f64::NAN)
}

/// See [`rt_float_mod`].
pub extern "C" fn rt_float_floordiv(a: f64, b: f64) -> f64 {
    float_floordiv(a, b).unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_int_semantics() {
        assert_eq!(int_floordiv(7, 2), Some(3));
        assert_eq!(int_floordiv(-7, 2), Some(-4));
        assert_eq!(int_floordiv(7, -2), Some(-4));
        assert_eq!(int_floordiv(-7, -2), Some(3));
        assert_eq!(int_floordiv(1, 0), None);
        assert_eq!(int_floordiv(i64::MIN, -1), None);
        assert_eq!(int_mod(-7, 2), Some(1));
        assert_eq!(int_mod(7, -2), Some(-1));
        assert_eq!(int_mod(i64::MIN, -1), Some(0));
        assert_eq!(int_shl(1, 62), Some(1 << 62));
        assert_eq!(int_shl(1, 63), None);
        assert_eq!(int_shl(-1, 63), Some(i64::MIN));
        assert_eq!(int_shl(0, 100), Some(0));
        assert_eq!(int_shr(-5, 100), Some(-1));
        assert_eq!(int_shr(5, -1), None);
    }

    #[test]
    fn python_float_semantics() {
        assert_eq!(float_mod(-7.5, 2.0), Some(0.5));
        assert_eq!(float_mod(7.5, -2.0), Some(-0.5));
        assert!(float_mod(-0.0, 1.0).unwrap().is_sign_positive());
        assert_eq!(float_floordiv(-7.5, 2.0), Some(-4.0));
        assert_eq!(float_floordiv(7.0, 2.0), Some(3.0));
        assert!(float_floordiv(-0.0, 5.0).unwrap().is_sign_negative());
        assert_eq!(float_to_int(-9223372036854775808.0), Some(i64::MIN));
        assert_eq!(float_to_int(9223372036854775808.0), None);
        assert_eq!(float_to_int(f64::NAN), None);
        assert_eq!(float_to_int(-2.7), Some(-2));
    }
}
