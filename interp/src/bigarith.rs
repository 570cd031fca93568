//! Bigint arithmetic that num-bigint does slowly at the sizes Python programs use.
//!
//! Floor division with a small quotient: num-bigint divides operands of more than 128 limbs by
//! Burnikel–Ziegler recursion whatever the quotient's size, which for a quotient of one limb (the digit
//! extraction of a spigot, `(3*q + r) // t`) costs ~30x a schoolbook step. Here a quotient below 2^63
//! is estimated from the top bits of both operands and corrected by at most three multiples of the
//! divisor: one scalar multiplication and one subtraction, each linear in the size.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{ToPrimitive, Zero};

/// `(|a| // |b|, |a| % |b|)` when the quotient is below 2^63 and the divisor has more than 64 bits;
/// None otherwise (the caller uses num-bigint's general division).
fn divmod_small_quotient(a: &BigUint, b: &BigUint) -> Option<(u64, BigUint)> {
    let (abits, bbits) = (a.bits(), b.bits());
    if bbits <= 64 || abits < bbits || abits - bbits >= 62 {
        return None;
    }
    // The top 64 bits of b (≥ 2^63) and a shifted alike (< 2^126): their quotient is within
    // [q - 1, q + 2] of the true one (the dropped low parts are below 2^-63 of b).
    let s = bbits - 64;
    let bt = (b >> s).to_u64()?;
    let at = (a >> s).to_u128()?;
    let mut q = (at / bt as u128) as u64;
    let mut prod = b * q;
    while prod > *a {
        q -= 1;
        prod -= b;
    }
    let mut r = a - prod;
    while r >= *b {
        q += 1;
        r -= b;
    }
    Some((q, r))
}

/// Python's `divmod(a, b)` for bigints (b ≠ 0): the quotient rounds toward −∞ and the remainder takes
/// the divisor's sign.
pub fn div_mod_floor(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    fast_div_mod_floor(a, b).unwrap_or_else(|| num_integer::Integer::div_mod_floor(a, b))
}

/// `a // b` (b ≠ 0).
pub fn div_floor(a: &BigInt, b: &BigInt) -> BigInt {
    match fast_div_mod_floor(a, b) {
        Some((q, _)) => q,
        None => num_integer::Integer::div_floor(a, b),
    }
}

/// `a % b` (b ≠ 0).
pub fn mod_floor(a: &BigInt, b: &BigInt) -> BigInt {
    match fast_div_mod_floor(a, b) {
        Some((_, r)) => r,
        None => num_integer::Integer::mod_floor(a, b),
    }
}

/// `div_mod_floor` when the quotient is small (see `divmod_small_quotient`).
fn fast_div_mod_floor(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    let (q, r) = divmod_small_quotient(a.magnitude(), b.magnitude())?;
    let b_sign = if b.sign() == Sign::Minus {
        Sign::Minus
    } else {
        Sign::Plus
    };
    Some(if (a.sign() == Sign::Minus) == (b_sign == Sign::Minus) {
        (BigInt::from(q), BigInt::from_biguint(b_sign, r))
    } else if r.is_zero() {
        (-BigInt::from(q), BigInt::zero())
    } else {
        // a/b < 0 with a remainder: one further down, and the remainder |b| - r with b's sign.
        let r = b.magnitude() - r;
        (-(BigInt::from(q) + 1u32), BigInt::from_biguint(b_sign, r))
    })
}
