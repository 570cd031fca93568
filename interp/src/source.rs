//! Decoding a source file's bytes as CPython does (PEP 263): UTF-8 by default, a UTF-8 BOM, or the
//! encoding named by a `coding:` comment on line 1 or 2. pvm decodes UTF-8, Latin-1 and ASCII; another
//! declared encoding is a SyntaxError that says pvm does not support it.

/// A decoding failure, worded as CPython's SyntaxError message (without the `SyntaxError: `).
#[derive(Debug)]
pub struct DecodeError {
    pub msg: String,
    /// 1-based line of the offending byte, when CPython reports one.
    pub line: Option<usize>,
}

/// Decode `bytes`, read from `filename` (as it should appear in messages).
pub fn decode(bytes: &[u8], filename: &str) -> Result<String, DecodeError> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let declared = coding_cookie(body);
    let enc = declared.as_deref().map(normal_name);
    if bom && enc.as_deref().is_some_and(|e| e != "utf-8") {
        return Err(DecodeError {
            msg: format!("encoding problem: {} with BOM", enc.unwrap_or_default()),
            line: None,
        });
    }
    match enc.as_deref() {
        None | Some("utf-8") => match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let at = e.valid_up_to();
                let line = body[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                Err(DecodeError {
                    msg: format!(
                        "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                        body[at], filename, line
                    ),
                    line: None,
                })
            }
        },
        Some("iso-8859-1") => Ok(body.iter().map(|&b| b as char).collect()),
        Some("ascii") => match body.iter().position(|b| !b.is_ascii()) {
            None => Ok(String::from_utf8_lossy(body).into_owned()),
            Some(at) => Err(DecodeError {
                msg: format!(
                    "(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                    body[at], at
                ),
                line: Some(body[..at].iter().filter(|&&b| b == b'\n').count() + 1),
            }),
        },
        Some(other) if KNOWN_UNSUPPORTED.iter().any(|k| other.starts_with(k)) => Err(DecodeError {
            msg: format!("pvm does not support source encoding '{other}' yet"),
            line: None,
        }),
        Some(other) => Err(DecodeError {
            msg: format!("encoding problem: {other}"),
            line: None,
        }),
    }
}

/// Encodings CPython knows but pvm does not decode.
const KNOWN_UNSUPPORTED: &[&str] = &[
    "cp",
    "iso-8859-",
    "iso8859",
    "latin-",
    "koi8",
    "mac",
    "windows-",
    "utf-16",
    "utf-32",
    "utf16",
    "utf32",
    "shift",
    "sjis",
    "euc",
    "gb",
    "big5",
    "hz",
    "johab",
    "ptcp",
    "tis",
];

/// The encoding a `coding[:=]` comment on line 1 or 2 declares (line 2 only if line 1 is a comment or
/// blank), as CPython's tokenizer finds it.
fn coding_cookie(src: &[u8]) -> Option<String> {
    let mut lines = src.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(e) = cookie_in(first) {
        return Some(e);
    }
    let t = trim_ws(first);
    if !(t.is_empty() || t.starts_with(b"#")) {
        return None;
    }
    cookie_in(lines.next()?)
}

fn trim_ws(l: &[u8]) -> &[u8] {
    let start = l
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\x0c' | b'\r'))
        .unwrap_or(l.len());
    &l[start..]
}

fn cookie_in(line: &[u8]) -> Option<String> {
    let t = trim_ws(line);
    if !t.starts_with(b"#") {
        return None;
    }
    let pos = t.windows(6).position(|w| w == b"coding")?;
    let rest = &t[pos + 6..];
    let rest = rest
        .strip_prefix(b":")
        .or_else(|| rest.strip_prefix(b"="))?;
    let rest = &rest[rest
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t'))
        .unwrap_or(rest.len())..];
    let name: Vec<u8> = rest
        .iter()
        .copied()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        .collect();
    if name.is_empty() {
        return None;
    }
    Some(String::from_utf8_lossy(&name).into_owned())
}

/// CPython's `get_normal_name`, plus the aliases of the codecs pvm decodes.
fn normal_name(name: &str) -> String {
    let n = name.to_ascii_lowercase().replace('_', "-");
    if n == "utf-8" || n.starts_with("utf-8-") || n == "utf8" {
        return "utf-8".into();
    }
    for l1 in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if n == l1 || n.starts_with(&format!("{l1}-")) {
            return "iso-8859-1".into();
        }
    }
    match n.as_str() {
        "latin1" | "l1" | "iso8859-1" | "8859" | "cp819" | "latin" => "iso-8859-1".into(),
        "ascii" | "us-ascii" | "646" => "ascii".into(),
        _ => n,
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn utf8_bom_and_cookies() {
        assert_eq!(decode(b"x = 1\n", "f").unwrap(), "x = 1\n");
        assert_eq!(decode(b"\xef\xbb\xbfx = 1\n", "f").unwrap(), "x = 1\n");
        assert_eq!(
            decode(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "f").unwrap(),
            "# -*- coding: latin-1 -*-\nx = 'é'\n"
        );
        assert_eq!(
            decode(
                b"#!/usr/bin/env python\n# vim: set fileencoding=ISO_8859_1 :\n\xff",
                "f"
            )
            .unwrap()
            .chars()
            .last(),
            Some('ÿ')
        );
        // A cookie on line 2 counts only after a comment or blank line 1.
        let e = decode(b"x = 1\n# coding: latin-1\n\xff\n", "f").unwrap_err();
        assert!(e
            .msg
            .starts_with("Non-UTF-8 code starting with '\\xff' in file f on line 3"));
        assert_eq!(
            decode(b"# coding: foo\n", "f").unwrap_err().msg,
            "encoding problem: foo"
        );
        assert_eq!(
            decode(b"\xef\xbb\xbf# coding: latin-1\n", "f")
                .unwrap_err()
                .msg,
            "encoding problem: iso-8859-1 with BOM"
        );
        assert!(decode(b"# coding: cp1252\n", "f")
            .unwrap_err()
            .msg
            .contains("does not support"));
    }
}
