//! Python's hash functions where the language specifies them (int, float, tuple), so that
//! `hash(x)` and the iteration order of sets of numbers match CPython.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// 2**61 - 1, the modulus of numeric hashes.
pub const MODULUS: u64 = (1 << 61) - 1;
const INF_HASH: i64 = 314159;

#[inline]
pub fn hash_i64(i: i64) -> i64 {
    // Fast path: |i| < MODULUS hashes to itself.
    let h = if (i as i128).unsigned_abs() < MODULUS as u128 {
        i
    } else {
        let r = (i.unsigned_abs() % MODULUS) as i64;
        if i < 0 {
            -r
        } else {
            r
        }
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let r = (b.magnitude() % m.magnitude()).to_u64().unwrap_or(0) as i64;
    let h = if b.sign() == Sign::Minus { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_f64(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { INF_HASH } else { -INF_HASH };
    }
    if x.fract() == 0.0 && x.abs() < 9.2e18 {
        return hash_i64(x as i64);
    }
    let (mut m, mut e) = frexp(x);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut acc: u64 = 0;
    while m != 0.0 {
        acc = ((acc << 28) & MODULUS) | (acc >> (61 - 28));
        m *= 268435456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        acc += y;
        if acc >= MODULUS {
            acc -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    acc = ((acc << e) & MODULUS) | (acc >> (61 - e));
    let h = acc as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// C's frexp: x = m * 2**e with 0.5 <= |m| < 1.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022u64 << 52));
    (m, e)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython 3.11's tuple hash (an xxHash-derived combination of the item hashes).
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    let len = items.len() as u64;
    let mut acc = XXPRIME_5;
    for lane in items {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        1546275796
    } else {
        acc as i64
    }
}

/// str hash: any good, deterministic hash (CPython's is randomised per process anyway).
pub fn hash_str(s: &str) -> i64 {
    hash_bytes(s.as_bytes())
}

/// bytes hash: the same function over the raw bytes, so `hash(b"abc") == hash("abc")` as in CPython.
pub fn hash_bytes(bytes: &[u8]) -> i64 {
    // FNV-1a over the bytes, then a final avalanche (splitmix64).
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58476d1ce4e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d049bb133111eb);
    h ^= h >> 31;
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}
