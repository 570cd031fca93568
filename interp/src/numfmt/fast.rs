//! The common format specs, answered without the general parser: `[[fill]align][0][width][type]` with
//! type `d` (or none) for an int and `s` (or none) for a str, as in `f"{i:05d}"`, `f"{n:3d}"`,
//! `f"{name:<12}"`. Anything else (sign, `#`, grouping, precision, other types, `0` with an
//! explicit alignment) returns `None` and goes through `parse_spec` and the full formatters, which
//! also own every error message.

/// Widths past this go through the general path (which bounds them and raises CPython's errors).
const MAX_FAST_WIDTH: usize = 100_000;

struct Simple {
    fill: char,
    /// `<`, `>`, `^`, `=`, or `\0` when the spec gives none.
    align: u8,
    zero: bool,
    width: usize,
    ty: u8,
}

fn parse(spec: &str) -> Option<Simple> {
    let mut it = spec.chars();
    let mut rest = spec;
    let mut fill = ' ';
    let mut align = 0u8;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if let Some(c0) = it.next() {
        match it.next() {
            Some(c1) if is_align(c1) => {
                fill = c0;
                align = c1 as u8;
                rest = &rest[c0.len_utf8() + 1..];
            }
            _ if is_align(c0) => {
                align = c0 as u8;
                rest = &rest[1..];
            }
            _ => {}
        }
    }
    let b = rest.as_bytes();
    let mut i = 0;
    let zero = b.first() == Some(&b'0');
    if zero {
        i += 1;
    }
    let start = i;
    let mut width = 0usize;
    while i < b.len() && b[i].is_ascii_digit() {
        width = width * 10 + (b[i] - b'0') as usize;
        if width > MAX_FAST_WIDTH {
            return None;
        }
        i += 1;
    }
    if i == start && !zero {
        width = 0;
    }
    let ty = match &b[i..] {
        [] => 0,
        [t] => *t,
        _ => return None,
    };
    Some(Simple {
        fill,
        align,
        zero,
        width,
        ty,
    })
}

/// `body` padded to `width` code points (`body_chars` is its count) with `fill`; `sign` goes before
/// the padding for `=` alignment and before the body otherwise.
fn pad(
    sign: &str,
    body: &str,
    body_chars: usize,
    s: &Simple,
    align: u8,
    fill: char,
) -> (String, usize) {
    let len = sign.len() + body_chars;
    let n = s.width.saturating_sub(len);
    let (left, right) = match align {
        b'<' => (0, n),
        b'^' => (n / 2, n - n / 2),
        _ => (n, 0),
    };
    let mut out = String::with_capacity(sign.len() + body.len() + n * fill.len_utf8());
    if align == b'=' {
        out.push_str(sign);
        out.extend(std::iter::repeat(fill).take(left));
    } else {
        out.extend(std::iter::repeat(fill).take(left));
        out.push_str(sign);
    }
    out.push_str(body);
    out.extend(std::iter::repeat(fill).take(right));
    (out, len + n)
}

/// `format(i, spec)` for the simple specs, with the result's code point count.
pub fn format_i64_simple(i: i64, spec: &str) -> Option<(String, usize)> {
    let s = parse(spec)?;
    if !matches!(s.ty, 0 | b'd') || (s.zero && s.align != 0) {
        return None;
    }
    let (align, fill) = match (s.align, s.zero) {
        (0, true) => (b'=', '0'),
        (0, false) => (b'>', s.fill),
        (a, _) => (a, s.fill),
    };
    let mut buf = [0u8; 20];
    let digits = decimal(i.unsigned_abs(), &mut buf);
    let sign = if i < 0 { "-" } else { "" };
    Some(pad(sign, digits, digits.len(), &s, align, fill))
}

/// `format(text, spec)` for the simple specs (`chars` is `text`'s code point count).
pub fn format_str_simple(text: &str, chars: usize, spec: &str) -> Option<(String, usize)> {
    let s = parse(spec)?;
    if !matches!(s.ty, 0 | b's') || s.zero || s.align == b'=' {
        return None;
    }
    let align = if s.align == 0 { b'<' } else { s.align };
    Some(pad("", text, chars, &s, align, s.fill))
}

/// The decimal digits of `v`, written at the end of `buf`.
fn decimal(mut v: u64, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).expect("ASCII digits")
}
