//! The codecs behind `str.encode` / `bytes.decode` / `str(b, enc)`: utf-8, ascii and latin-1 with
//! CPython's error handlers (strict, ignore, replace, backslashreplace, xmlcharrefreplace,
//! surrogateescape, surrogatepass) and messages.
//!
//! pvm's str is UTF-8 and cannot hold lone surrogates, so a handler that would *produce* one
//! (surrogateescape / surrogatepass while decoding undecodable bytes) raises NotImplementedError; when
//! encoding, a str never contains surrogates, so those two handlers behave like strict. Error handlers
//! are looked up only when an error occurs, as in CPython (`b"a".decode("ascii", "bogus")` works).

use crate::error::{type_error, ExcKind, PyErr, PyResult};

/// The codecs pvm knows, by CPython's normalised name or alias.
pub fn lookup_codec(name: &str) -> PyResult<&'static str> {
    // Fast path for the spellings programs use.
    match name {
        "utf-8" | "utf8" | "UTF-8" => return Ok("utf-8"),
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

/// Apply a decode error handler to the undecodable `data[start..end]`.
fn handle_decode_error(
    out: &mut String,
    errors: &str,
    data: &[u8],
    start: usize,
    end: usize,
    err: impl FnOnce() -> PyErr,
) -> PyResult<()> {
    match errors {
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
                    handle_decode_error(&mut out, errors, data, i, i + 1, || {
                        decode_error("ascii", data, i, i + 1, "ordinal not in range(128)")
                    })?;
                }
            }
            return Ok(out);
        }
        _ => {}
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
                handle_decode_error(&mut out, errors, data, start, end, || {
                    decode_error("utf-8", data, start, end, reason)
                })?;
                pos = end;
            }
        }
    }
    Ok(out)
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
    let codec = lookup_codec(&enc)?;
    Ok(crate::value::Value::from_string(decode_bytes(
        &data, codec, &err,
    )?))
}
