//! Replacement templates of `sub`/`subn`/`Match.expand`: `\1`, `\g<name>`, `\g<1>`, character escapes,
//! parsed once per call with CPython's error messages (`re.error` with the position in the template,
//! IndexError for an unknown group name).

use super::{re_error, PatternData, Spans};
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::object::Object;
use crate::value::Value;
use crate::vm::Vm;

enum Item {
    Lit(Vec<char>),
    Group(usize),
}

pub(super) struct Template {
    items: Vec<Item>,
}

fn escape_char(c: char) -> Option<char> {
    Some(match c {
        'a' => '\u{7}',
        'b' => '\u{8}',
        'f' => '\u{c}',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\u{b}',
        '\\' => '\\',
        _ => return None,
    })
}

pub(super) fn compile(vm: &mut Vm, p: &PatternData, repl: &Value) -> PyResult<Template> {
    let chars: Vec<char> = match (repl.as_obj(), p.bytes) {
        (Some(Object::Str(s)), false) => s.as_str().chars().collect(),
        (Some(Object::Bytes(b)), true) => b.iter().map(|&c| c as char).collect(),
        (Some(Object::Str(_)), true) => {
            return Err(type_error(format!(
                "expected a bytes-like object, {} found",
                vm.type_name(repl)
            )))
        }
        _ => {
            return Err(type_error(format!(
                "expected str instance, {} found",
                vm.type_name(repl)
            )))
        }
    };
    let mut items: Vec<Item> = Vec::new();
    let mut lit: Vec<char> = Vec::new();
    let mut i = 0;
    let err = |vm: &mut Vm, msg: String, pos: usize| re_error(vm, &msg, repl, Some(pos));
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' || i + 1 >= chars.len() {
            lit.push(c);
            i += 1;
            continue;
        }
        let start = i;
        let e = chars[i + 1];
        i += 2;
        let mut group: Option<usize> = None;
        match e {
            'g' => {
                if chars.get(i) != Some(&'<') {
                    return Err(err(vm, "missing <".into(), i));
                }
                i += 1;
                let ns = i;
                while i < chars.len() && chars[i] != '>' {
                    i += 1;
                }
                let name: String = chars[ns..i.min(chars.len())].iter().collect();
                if i >= chars.len() {
                    return Err(err(vm, "missing >, unterminated name".into(), ns));
                }
                i += 1;
                if name.is_empty() {
                    return Err(err(vm, "missing group name".into(), ns));
                }
                let ident = name
                    .chars()
                    .next()
                    .is_some_and(|c| c == '_' || c.is_alphabetic())
                    && name.chars().all(|c| c == '_' || c.is_alphanumeric());
                let n = if ident {
                    match p.names.iter().find(|(k, _)| *k == name) {
                        Some((_, n)) => *n,
                        None => {
                            return Err(PyErr::new(
                                ExcKind::IndexError,
                                format!("unknown group name '{}'", name),
                            ))
                        }
                    }
                } else {
                    match name.parse::<usize>() {
                        Ok(n) if name.chars().all(|c| c.is_ascii_digit()) => n,
                        _ => {
                            return Err(err(
                                vm,
                                format!("bad character in group name '{}'", name),
                                ns,
                            ))
                        }
                    }
                };
                if n > p.groups {
                    return Err(err(vm, format!("invalid group reference {}", n), ns));
                }
                group = Some(n);
            }
            '0' => {
                let mut v = 0u32;
                for _ in 0..2 {
                    match chars.get(i).and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            i += 1;
                        }
                        None => break,
                    }
                }
                lit.push(char::from_u32(v & 0xff).unwrap_or('\0'));
            }
            '1'..='9' => {
                let mut digits = vec![e];
                let mut octal = false;
                if let Some(d2) = chars.get(i).copied().filter(|d| d.is_ascii_digit()) {
                    digits.push(d2);
                    i += 1;
                    let d3 = chars.get(i).copied();
                    if e <= '7' && d2 <= '7' && d3.is_some_and(|d| ('0'..='7').contains(&d)) {
                        digits.push(d3.unwrap_or('0'));
                        i += 1;
                        octal = true;
                        let s: String = digits.iter().collect();
                        let v = u32::from_str_radix(&s, 8).unwrap_or(0);
                        if v > 0o377 {
                            return Err(err(
                                vm,
                                format!("octal escape value \\{} outside of range 0-0o377", s),
                                start,
                            ));
                        }
                        lit.push(char::from_u32(v).unwrap_or('\0'));
                    }
                }
                if !octal {
                    let s: String = digits.iter().collect();
                    let n: usize = s.parse().unwrap_or(0);
                    if n > p.groups {
                        return Err(err(vm, format!("invalid group reference {}", n), start + 1));
                    }
                    group = Some(n);
                }
            }
            e => match escape_char(e) {
                Some(ch) => lit.push(ch),
                None => {
                    if e.is_ascii_alphabetic() {
                        return Err(err(vm, format!("bad escape \\{}", e), start));
                    }
                    lit.push('\\');
                    lit.push(e);
                }
            },
        }
        if let Some(n) = group {
            if !lit.is_empty() {
                items.push(Item::Lit(std::mem::take(&mut lit)));
            }
            items.push(Item::Group(n));
        }
    }
    if !lit.is_empty() {
        items.push(Item::Lit(lit));
    }
    Ok(Template { items })
}

impl Template {
    /// Append the expansion for one match (byte spans `spans` into `string`); an unmatched group
    /// expands to nothing.
    pub(super) fn expand_into(
        &self,
        string: &Value,
        spans: &Spans,
        out_s: &mut String,
        out_b: &mut Vec<u8>,
    ) {
        for it in &self.items {
            match it {
                Item::Lit(cs) => match string.as_obj() {
                    Some(Object::Bytes(_)) => out_b.extend(cs.iter().map(|&c| c as u32 as u8)),
                    _ => out_s.extend(cs.iter()),
                },
                Item::Group(n) => {
                    if let Some((a, b)) = spans[*n] {
                        match string.as_obj() {
                            Some(Object::Str(s)) => out_s.push_str(&s.as_str()[a..b]),
                            Some(Object::Bytes(bs)) => out_b.extend_from_slice(&bs[a..b]),
                            _ => {}
                        }
                    }
                }
            }
        }
    }

    pub(super) fn expand(&self, bytes: bool, string: &Value, spans: &Spans) -> Value {
        let mut s = String::new();
        let mut b = Vec::new();
        self.expand_into(string, spans, &mut s, &mut b);
        if bytes {
            Value::obj(Object::Bytes(b))
        } else {
            Value::from_string(s)
        }
    }
}
