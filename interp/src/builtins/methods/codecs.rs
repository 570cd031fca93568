//! The codecs behind `str.encode` / `bytes.decode` / `str(b, enc)`: utf-8, ascii, latin-1 and
//! utf-16 / utf-32 (with a BOM, or -le / -be without one) with CPython's error handlers (strict,
//! ignore, replace, backslashreplace, xmlcharrefreplace, surrogateescape, surrogatepass) and messages.
//!
//! pvm's str is UTF-8 and cannot hold lone surrogates, so a handler that would *produce* one
//! (surrogateescape / surrogatepass while decoding undecodable bytes) raises NotImplementedError; where
//! CPython's handler would refuse (surrogateescape on an ASCII byte, surrogatepass on something that is
//! not an encoded surrogate) pvm raises the original error as CPython does. When encoding, a str never
//! contains surrogates, so those two handlers behave like strict. Error handlers are looked up only
//! when an error occurs, as in CPython (`b"a".decode("ascii", "bogus")` works).

use crate::error::{type_error, ExcKind, PyErr, PyResult};

/// The codecs pvm knows, by CPython's normalised name or alias.
pub fn lookup_codec(name: &str) -> PyResult<&'static str> {
    // Fast path for the spellings programs use.
    match name {
        "utf-8" | "utf8" | "UTF-8" => return Ok("utf-8"),
        "utf-16" | "utf-16-le" | "utf-16-be" | "utf-32" | "utf-32-le" | "utf-32-be" => {
            return Ok(match name {
                "utf-16" => "utf-16",
                "utf-16-le" => "utf-16-le",
                "utf-16-be" => "utf-16-be",
                "utf-32" => "utf-32",
                "utf-32-le" => "utf-32-le",
                _ => "utf-32-be",
            })
        }
        "ascii" => return Ok("ascii"),
        "latin-1" | "latin1" => return Ok("latin-1"),
        _ => {}
    }
    let norm: String = name
        .trim()
        .chars()
        .map(|c| {
            if c == '-' || c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Ok(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => "utf-8",
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
        | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991"
        | "iso_ir_6" => "ascii",
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "csisolatin1" | "ibm819" | "iso_8859_1_1987" | "iso_ir_100" => "latin-1",
        "utf_16" | "utf16" | "u16" => "utf-16",
        "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => "utf-16-le",
        "utf_16_be" | "utf_16be" | "unicodebigunmarked" => "utf-16-be",
        "utf_32" | "utf32" | "u32" => "utf-32",
        "utf_32_le" | "utf_32le" => "utf-32-le",
        "utf_32_be" | "utf_32be" => "utf-32-be",
        _ => {
            return Err(PyErr::new(
                ExcKind::LookupError,
                format!("unknown encoding: {}", name),
            ))
        }
    })
}

fn unknown_handler(errors: &str) -> PyErr {
    PyErr::new(
        ExcKind::LookupError,
        format!("unknown error handler name '{}'", errors),
    )
}

fn no_surrogates(errors: &str) -> PyErr {
    PyErr::new(
        ExcKind::NotImplementedError,
        format!(
            "pvm does not support the '{}' error handler on undecodable bytes yet (str cannot hold lone surrogates)",
            errors
        ),
    )
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn char_escape(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{:02x}", n)
    } else if n < 0x10000 {
        format!("\\u{:04x}", n)
    } else {
        format!("\\U{:08x}", n)
    }
}

// ---- encode -----------------------------------------------------------------------------------------

pub fn encode_str(text: &str, codec: &'static str, errors: &str) -> PyResult<Vec<u8>> {
    if let Some((width, big)) = wide_codec(codec) {
        return Ok(encode_wide(text, width, big, codec.len() == 6));
    }
    if codec == "utf-8" || text.is_ascii() {
        return Ok(text.as_bytes().to_vec());
    }
    let limit: u32 = if codec == "ascii" { 0x80 } else { 0x100 };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                let reason = format!("ordinal not in range({})", limit);
                let msg = if j - i == 1 {
                    format!(
                        "'{}' codec can't encode character '{}' in position {}: {}",
                        codec,
                        char_escape(c),
                        i,
                        reason
                    )
                } else {
                    format!(
                        "'{}' codec can't encode characters in position {}-{}: {}",
                        codec,
                        i,
                        j - 1,
                        reason
                    )
                };
                return Err(PyErr::new(ExcKind::UnicodeEncodeError, msg));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', j - i)),
            "backslashreplace" => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(char_escape(c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            "namereplace" => {
                return Err(PyErr::new(
                    ExcKind::NotImplementedError,
                    "pvm does not support the 'namereplace' error handler yet (no Unicode name database)",
                ))
            }
            _ => return Err(unknown_handler(errors)),
        }
        i = j;
    }
    Ok(out)
}

/// utf-16 / utf-32 codecs: (code unit width in bytes, big-endian).
fn wide_codec(codec: &str) -> Option<(usize, bool)> {
    match codec {
        "utf-16" | "utf-16-le" => Some((2, false)),
        "utf-16-be" => Some((2, true)),
        "utf-32" | "utf-32-le" => Some((4, false)),
        "utf-32-be" => Some((4, true)),
        _ => None,
    }
}

/// utf-16 / utf-32; plain "utf-16"/"utf-32" write a BOM and use the machine's order (pvm, like
/// CPython on the platforms it runs on, is little-endian there).
fn encode_wide(text: &str, width: usize, big: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity((text.len() + 1) * width);
    let mut unit = |u: u32| {
        if width == 2 {
            let b = (u as u16).to_le_bytes();
            out.extend_from_slice(&if big { [b[1], b[0]] } else { b });
        } else if big {
            out.extend_from_slice(&u.to_be_bytes());
        } else {
            out.extend_from_slice(&u.to_le_bytes());
        }
    };
    if bom {
        unit(0xfeff);
    }
    for c in text.chars() {
        if width == 4 {
            unit(c as u32);
        } else {
            let mut buf = [0u16; 2];
            for u in c.encode_utf16(&mut buf) {
                unit(*u as u32);
            }
        }
    }
    out
}

// ---- decode -----------------------------------------------------------------------------------------

fn decode_error(codec: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let msg = if end - start == 1 {
        format!(
            "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
            codec, data[start], start, reason
        )
    } else {
        format!(
            "'{}' codec can't decode bytes in position {}-{}: {}",
            codec,
            start,
            end - 1,
            reason
        )
    };
    PyErr::new(ExcKind::UnicodeDecodeError, msg)
}

/// Apply a decode error handler to the undecodable `data[start..end]`. `encoded_surrogate` says whether
/// the bytes at `start` are an encoded surrogate in this codec (what surrogatepass would decode).
fn handle_decode_error(
    out: &mut String,
    errors: &str,
    data: &[u8],
    start: usize,
    end: usize,
    encoded_surrogate: bool,
    err: impl FnOnce() -> PyErr,
) -> PyResult<()> {
    match errors {
        // CPython's surrogateescape refuses ASCII bytes, surrogatepass anything but a surrogate.
        "surrogateescape" if data[start] < 0x80 => Err(err()),
        "surrogatepass" if !encoded_surrogate => Err(err()),
        "strict" => Err(err()),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{:02x}", b));
            }
            Ok(())
        }
        "surrogateescape" | "surrogatepass" => Err(no_surrogates(errors)),
        "xmlcharrefreplace" | "namereplace" => Err(type_error(
            "don't know how to handle UnicodeDecodeError in error callback",
        )),
        _ => Err(unknown_handler(errors)),
    }
}

pub fn decode_bytes(data: &[u8], codec: &str, errors: &str) -> PyResult<String> {
    match codec {
        "latin-1" => return Ok(data.iter().map(|&b| b as char).collect()),
        "ascii" if data.is_ascii() => {
            // ASCII is valid UTF-8.
            return Ok(String::from_utf8_lossy(data).into_owned());
        }
        "ascii" => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    handle_decode_error(&mut out, errors, data, i, i + 1, false, || {
                        decode_error("ascii", data, i, i + 1, "ordinal not in range(128)")
                    })?;
                }
            }
            return Ok(out);
        }
        _ => {
            if let Some((width, big)) = wide_codec(codec) {
                return decode_wide(data, width, big, codec.len() == 6, errors);
            }
        }
    }
    if let Ok(s) = std::str::from_utf8(data) {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&data[pos..pos + good]).unwrap_or(""));
                // Rust reports invalid sequences as CPython does (maximal subparts, Unicode §3.9).
                let start = pos + good;
                let end = match e.error_len() {
                    Some(n) => start + n,
                    None => data.len(),
                };
                let first = data[start];
                let reason = if (0x80..=0xc1).contains(&first) || first >= 0xf5 {
                    "invalid start byte"
                } else if e.error_len().is_some() {
                    "invalid continuation byte"
                } else {
                    "unexpected end of data"
                };
                // ED A0..BF xx is a UTF-8-encoded surrogate (what surrogatepass accepts).
                let surrogate = first == 0xed
                    && data.len() >= start + 3
                    && (0xa0..=0xbf).contains(&data[start + 1])
                    && (0x80..=0xbf).contains(&data[start + 2]);
                handle_decode_error(&mut out, errors, data, start, end, surrogate, || {
                    decode_error("utf-8", data, start, end, reason)
                })?;
                pos = end;
            }
        }
    }
    Ok(out)
}

/// utf-16 / utf-32 decoding. With `bom` (plain "utf-16"/"utf-32") a leading byte-order mark picks the
/// order and is dropped; errors name the order used ('utf-16-le'), positions count the BOM.
fn decode_wide(
    data: &[u8],
    width: usize,
    mut big: bool,
    bom: bool,
    errors: &str,
) -> PyResult<String> {
    let mut pos = 0;
    if bom && data.len() >= width {
        let (le, be): (&[u8], &[u8]) = if width == 2 {
            (b"\xff\xfe", b"\xfe\xff")
        } else {
            (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
        };
        if &data[..width] == le {
            pos = width;
        } else if &data[..width] == be {
            pos = width;
            big = true;
        }
    }
    let codec = match (width, big) {
        (2, false) => "utf-16-le",
        (2, true) => "utf-16-be",
        (_, false) => "utf-32-le",
        (_, true) => "utf-32-be",
    };
    let unit = |at: usize| -> u32 {
        if width == 2 {
            let b = [data[at], data[at + 1]];
            (if big {
                u16::from_be_bytes(b)
            } else {
                u16::from_le_bytes(b)
            }) as u32
        } else {
            let b = [data[at], data[at + 1], data[at + 2], data[at + 3]];
            if big {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        }
    };
    let is_surrogate = |u: u32| (0xd800..0xe000).contains(&u);
    let mut out = String::with_capacity(data.len() / width);
    while pos < data.len() {
        let n = data.len();
        let (end, reason) = if n - pos < width {
            (n, "truncated data")
        } else if width == 4 {
            let u = unit(pos);
            match char::from_u32(u) {
                Some(c) => {
                    out.push(c);
                    pos += 4;
                    continue;
                }
                None if is_surrogate(u) => (
                    pos + 4,
                    "code point in surrogate code point range(0xd800, 0xe000)",
                ),
                None => (pos + 4, "code point not in range(0x110000)"),
            }
        } else {
            let u = unit(pos);
            if !is_surrogate(u) {
                out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
                pos += 2;
                continue;
            }
            if u >= 0xdc00 {
                (pos + 2, "illegal encoding")
            } else if n - pos < 4 {
                (n, "unexpected end of data")
            } else {
                let lo = unit(pos + 2);
                if (0xdc00..0xe000).contains(&lo) {
                    let c = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                    out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                    pos += 4;
                    continue;
                }
                (pos + 2, "illegal UTF-16 surrogate")
            }
        };
        let surrogate = n - pos >= width && is_surrogate(unit(pos));
        handle_decode_error(&mut out, errors, data, pos, end, surrogate, || {
            decode_error(codec, data, pos, end, reason)
        })?;
        pos = end;
    }
    Ok(out)
}

/// Whether CPython decodes `encoding` in C without going through the codec registry (after its
/// normalisation: lower case, runs of punctuation as one '_'). Errors raised by an error handler of a
/// registry codec come back wrapped ("decoding with 'U32' codec failed (TypeError: ...)").
fn is_builtin_fast_name(encoding: &str) -> bool {
    let mut norm = String::with_capacity(encoding.len());
    let mut punct = false;
    for c in encoding.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !norm.is_empty() {
                norm.push('_');
            }
            punct = false;
            norm.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    matches!(
        norm.as_str(),
        "utf8" | "utf_8" | "utf16" | "utf_16" | "utf32" | "utf_32" | "ascii" | "us_ascii"
    ) || matches!(
        norm.as_str(),
        "latin1" | "latin_1" | "iso_8859_1" | "iso8859_1"
    )
}

/// `bytes.decode(encoding, errors)`: look the codec up and decode.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup_codec(encoding)?;
    decode_bytes(data, codec, errors).map_err(|e| match e.lazy_kind() {
        Some(kind @ (ExcKind::TypeError | ExcKind::LookupError))
            if !is_builtin_fast_name(encoding) =>
        {
            let msg = match &e.0.value {
                crate::error::ErrValue::Lazy(_, m) => m.as_str().unwrap_or("").to_string(),
                _ => String::new(),
            };
            PyErr::new(
                kind,
                format!(
                    "decoding with '{}' codec failed ({}: {})",
                    encoding,
                    kind.name(),
                    msg
                ),
            )
        }
        _ => e,
    })
}

/// `str(obj, encoding, errors)`: decode a bytes-like object.
pub fn decode_value(
    vm: &crate::vm::Vm,
    obj: &crate::value::Value,
    encoding: Option<&crate::value::Value>,
    errors: Option<&crate::value::Value>,
) -> PyResult<crate::value::Value> {
    let arg =
        |v: Option<&crate::value::Value>, what: &str, dflt: &'static str| -> PyResult<String> {
            match v {
                None => Ok(dflt.to_string()),
                Some(v) => v.as_str().map(str::to_string).ok_or_else(|| {
                    type_error(format!(
                        "str() argument '{}' must be str, not {}",
                        what,
                        vm.type_name(v)
                    ))
                }),
            }
        };
    let enc = arg(encoding, "encoding", "utf-8")?;
    let err = arg(errors, "errors", "strict")?;
    if obj.as_str().is_some() {
        return Err(type_error("decoding str is not supported"));
    }
    let Some(data) = super::bytes::buffer(obj) else {
        return Err(type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            vm.type_name(obj)
        )));
    };
    let data = data?;
    Ok(crate::value::Value::from_string(decode(&data, &enc, &err)?))
}
