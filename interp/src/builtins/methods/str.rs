//! str methods, on code points with CPython 3.11's semantics and messages.
//!
//! Character data (categories, case mappings, identifier classes) comes from `unicode_data.rs`, generated
//! from CPython 3.11 itself; whitespace, printability and decimal digits from `numfmt`.

use super::unicode_data as ud;
use super::util::{
    adjust, bad_self, bind, index_arg, new_list, new_tuple, old_args, pos_only, slice_arg,
};
use crate::builtins::{method, method_args, no_kwargs};
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::numfmt::{py_is_printable, py_is_space, py_unicode_decimal};
use crate::object::{KwArgs, Object, PyStr};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let t = vm.types.str.clone();
    method(&t, "join", join);
    method(&t, "format", format);
    method(&t, "format_map", format_map);
    method(&t, "split", split);
    method(&t, "rsplit", rsplit);
    method(&t, "splitlines", splitlines);
    method(&t, "strip", strip);
    method(&t, "lstrip", lstrip);
    method(&t, "rstrip", rstrip);
    method(&t, "replace", replace);
    method(&t, "find", find);
    method(&t, "rfind", rfind);
    method(&t, "index", index);
    method(&t, "rindex", rindex);
    method(&t, "count", count);
    method(&t, "startswith", startswith);
    method(&t, "endswith", endswith);
    method(&t, "upper", upper);
    method(&t, "lower", lower);
    method(&t, "casefold", casefold);
    method(&t, "title", title);
    method(&t, "capitalize", capitalize);
    method(&t, "swapcase", swapcase);
    method(&t, "center", center);
    method(&t, "ljust", ljust);
    method(&t, "rjust", rjust);
    method(&t, "zfill", zfill);
    method(&t, "isdigit", isdigit);
    method(&t, "isdecimal", isdecimal);
    method(&t, "isnumeric", isnumeric);
    method(&t, "isalpha", isalpha);
    method(&t, "isalnum", isalnum);
    method(&t, "isspace", isspace);
    method(&t, "isupper", isupper);
    method(&t, "islower", islower);
    method(&t, "istitle", istitle);
    method(&t, "isidentifier", isidentifier);
    method(&t, "isprintable", isprintable);
    method(&t, "isascii", isascii);
    method(&t, "partition", partition);
    method(&t, "rpartition", rpartition);
    method(&t, "expandtabs", expandtabs);
    method(&t, "encode", encode);
    method(&t, "removeprefix", removeprefix);
    method(&t, "removesuffix", removesuffix);
    method(&t, "maketrans", maketrans);
    method(&t, "translate", translate);
}

// ---- character data ---------------------------------------------------------------------------------

fn in_ranges(t: &[(u32, u32)], c: char) -> bool {
    let v = c as u32;
    let i = t.partition_point(|&(_, hi)| hi < v);
    i < t.len() && t[i].0 <= v
}

fn map_lookup(t: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let v = c as u32;
    t.binary_search_by_key(&v, |&(k, _)| k).ok().map(|i| t[i].1)
}

pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(ud::ALPHA, c)
    }
}
pub fn is_decimal(c: char) -> bool {
    py_unicode_decimal(c).is_some()
}
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(ud::DIGIT, c)
    }
}
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(ud::NUMERIC, c)
    }
}
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
    }
}
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        in_ranges(ud::LOWER, c)
    }
}
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        in_ranges(ud::UPPER, c)
    }
}
fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && in_ranges(ud::TITLE, c)
}
fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(ud::CASED, c)
    }
}
fn is_case_ignorable(c: char) -> bool {
    in_ranges(ud::CASE_IGNORABLE, c)
}
fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        match map_lookup(ud::UPPER_MAP, c) {
            Some(m) => out.push_str(m),
            None => out.push(c),
        }
    }
}
fn push_lower_plain(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        match map_lookup(ud::LOWER_MAP, c) {
            Some(m) => out.push_str(m),
            None => out.push(c),
        }
    }
}
fn push_title(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        match map_lookup(ud::TITLE_MAP, c) {
            Some(m) => out.push_str(m),
            None => push_upper(out, c),
        }
    }
}
fn push_fold(out: &mut String, c: char) {
    match map_lookup(ud::FOLD_MAP, c) {
        Some(m) => out.push_str(m),
        None => push_lower_plain(out, c),
    }
}

/// Lowercase `chars[i]`, with the Final_Sigma rule for U+03A3.
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c != '\u{3a3}' {
        push_lower_plain(out, c);
        return;
    }
    // \p{cased}\p{case-ignorable}* U+03A3 !(\p{case-ignorable}* \p{cased})
    let mut j = i;
    let mut before = None;
    while j > 0 {
        j -= 1;
        if !is_case_ignorable(chars[j]) {
            before = Some(chars[j]);
            break;
        }
    }
    let mut final_sigma = before.is_some_and(is_cased);
    if final_sigma {
        let after = chars[i + 1..]
            .iter()
            .copied()
            .find(|&c| !is_case_ignorable(c));
        final_sigma = !after.is_some_and(is_cased);
    }
    out.push(if final_sigma { '\u{3c2}' } else { '\u{3c3}' });
}

// ---- helpers ----------------------------------------------------------------------------------------

fn this<'a>(vm: &Vm, args: &'a [Value], meth: &str) -> PyResult<&'a PyStr> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(Object::Str(s)) => Ok(s),
        _ => Err(bad_self(vm, args, "str", meth)),
    }
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn str_arg<'a>(vm: &Vm, v: &'a Value, what: impl FnOnce(String) -> String) -> PyResult<&'a PyStr> {
    match v.as_obj() {
        Some(Object::Str(s)) => Ok(s),
        _ => Err(type_error(what(vm.type_name(v)))),
    }
}

/// "must be str, not int".
fn must_str<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a PyStr> {
    str_arg(vm, v, |t| format!("must be str, not {}", t))
}

fn chars_of(st: &PyStr) -> Vec<char> {
    st.as_str().chars().collect()
}

/// Char index → byte offset.
fn boff(st: &PyStr, i: usize) -> usize {
    if st.is_ascii() {
        i
    } else {
        st.byte_offset(i)
    }
}

/// Byte offset → char index.
fn coff(st: &PyStr, b: usize) -> usize {
    if st.is_ascii() {
        b
    } else {
        st.as_str()[..b].chars().count()
    }
}

fn ret_self_or(args: &[Value], st: &PyStr, out: String) -> Value {
    if out.len() == st.as_str().len() && out == st.as_str() {
        args[0].clone()
    } else {
        Value::from_string(out)
    }
}

// ---- join / format ------------------------------------------------------------------------------------

fn join(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let sep = this(vm, args, "join")?;
    no_kwargs("str.join", kw)?;
    method_args("str.join", args, 1, 1)?;
    // Lists and tuples are read in place (nothing here calls Python code, so the borrow is safe).
    match args[1].as_obj() {
        Some(Object::List(l)) => return join_items(vm, sep, &l.borrow()),
        Some(Object::Tuple(t)) => return join_items(vm, sep, t),
        _ => {}
    }
    if !vm.is_iterable(&args[1]) {
        return Err(type_error("can only join an iterable"));
    }
    let items = vm.collect(args[1].clone())?;
    join_items(vm, sep, &items)
}

/// `sep.join(items)`: sized first (bytes and code points), so the result is built in one allocation and
/// never counted again.
fn join_items(vm: &Vm, sep: &PyStr, items: &[Value]) -> PyResult<Value> {
    let item = |i: usize, x| join_item(vm, i, x);
    if items.len() == 1 {
        if let Some(Object::Str(_)) = items[0].as_obj() {
            return Ok(items[0].clone());
        }
    }
    let gaps = items.len().saturating_sub(1);
    let mut bytes = sep.byte_len() * gaps;
    let mut chars = sep.char_len() * gaps;
    for (i, x) in items.iter().enumerate() {
        let p = item(i, x)?;
        bytes += p.byte_len();
        chars += p.char_len();
    }
    let sep = sep.as_str();
    let mut out = String::with_capacity(bytes);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item(i, x)?.as_str());
    }
    Ok(Value::from_string_chars(out, chars))
}

fn join_item<'a>(vm: &Vm, i: usize, x: &'a Value) -> PyResult<&'a PyStr> {
    if let Value::Obj(o) = x {
        match &**o {
            Object::Str(p) => return Ok(p),
            // A str subclass's instance joins as its str value.
            Object::Instance(inst) => {
                if let Some(Object::Str(p)) = inst.base.as_ref().and_then(|b| b.as_obj()) {
                    return Ok(p);
                }
            }
            _ => {}
        }
    }
    Err(join_type_error(vm, i, x))
}

fn join_type_error(vm: &Vm, i: usize, x: &Value) -> PyErr {
    type_error(format!(
        "sequence item {}: expected str instance, {} found",
        i,
        vm.type_name(x)
    ))
}

/// Where named replacement fields come from: `format`'s keywords or `format_map`'s mapping.
#[derive(Clone, Copy)]
enum Named<'a> {
    Kw(&'a KwArgs),
    Map(&'a Value),
}

/// State of one `str.format` / `format_map` call (CPython's unicode_format.h).
struct Formatter<'a> {
    /// Positional arguments; None for format_map.
    pos: Option<&'a [Value]>,
    named: Named<'a>,
    /// Automatic field numbering: 0 = not decided yet, 1 = automatic, 2 = manual.
    auto_state: u8,
    auto_next: usize,
}

/// str.format: {} {0} {name} {x.attr} {x[0]} with conversions and nested specs.
fn format(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "format")?;
    let mut f = Formatter {
        pos: Some(&args[1..]),
        named: Named::Kw(kw),
        auto_state: 0,
        auto_next: 0,
    };
    let chars = chars_of(st);
    Ok(Value::from_string(f.build(vm, &chars, 2)?))
}

fn format_map(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "format_map")?;
    no_kwargs("str.format_map", kw)?;
    method_args("str.format_map", args, 1, 1)?;
    let mut f = Formatter {
        pos: None,
        named: Named::Map(&args[1]),
        auto_state: 0,
        auto_next: 0,
    };
    let chars = chars_of(st);
    Ok(Value::from_string(f.build(vm, &chars, 2)?))
}

/// A field name's integer value if it is all decimal digits (Unicode ones too), as `get_integer`.
fn field_integer(s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for &c in s {
        let Some(d) = py_unicode_decimal(c) else {
            return Ok(None);
        };
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(n))
}

impl<'a> Formatter<'a> {
    fn build(&mut self, vm: &mut Vm, s: &[char], depth: i32) -> PyResult<String> {
        if depth <= 0 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let n = s.len();
        let mut out = String::new();
        let mut i = 0;
        while i < n {
            // Literal text up to a brace.
            let start = i;
            let mut c = '\0';
            let mut markup = false;
            while i < n {
                c = s[i];
                i += 1;
                if c == '{' || c == '}' {
                    markup = true;
                    break;
                }
            }
            let at_end = i >= n;
            let mut len = i - start;
            if c == '}' && markup && (at_end || s[i] != '}') {
                return Err(value_error("Single '}' encountered in format string"));
            }
            if at_end && c == '{' && markup {
                return Err(value_error("Single '{' encountered in format string"));
            }
            if markup && !at_end {
                if s[i] == c {
                    // An escaped brace: literal text, no field.
                    i += 1;
                    markup = false;
                } else {
                    len -= 1;
                }
            }
            out.extend(&s[start..start + len]);
            if !markup {
                continue;
            }
            // The field: name [!conversion] [:spec] }
            let name_start = i;
            c = '\0';
            while i < n {
                c = s[i];
                i += 1;
                match c {
                    '{' => return Err(value_error("unexpected '{' in field name")),
                    '[' => {
                        while i < n && s[i] != ']' {
                            i += 1;
                        }
                        continue;
                    }
                    '}' | ':' | '!' => break,
                    _ => continue,
                }
            }
            let name = &s[name_start..i.saturating_sub(1).max(name_start)];
            let mut conversion = None;
            let mut spec: &[char] = &[];
            let mut expand = false;
            if c == '!' || c == ':' {
                let mut has_spec = true;
                if c == '!' {
                    if i >= n {
                        return Err(value_error(
                            "end of string while looking for conversion specifier",
                        ));
                    }
                    conversion = Some(s[i]);
                    i += 1;
                    if i < n {
                        let c2 = s[i];
                        i += 1;
                        if c2 == '}' {
                            has_spec = false;
                        } else if c2 != ':' {
                            return Err(value_error("expected ':' after conversion specifier"));
                        }
                    }
                }
                if has_spec {
                    let spec_start = i;
                    let mut count = 1;
                    let mut closed = false;
                    while i < n {
                        let c3 = s[i];
                        i += 1;
                        if c3 == '{' {
                            expand = true;
                            count += 1;
                        } else if c3 == '}' {
                            count -= 1;
                            if count == 0 {
                                spec = &s[spec_start..i - 1];
                                closed = true;
                                break;
                            }
                        }
                    }
                    if !closed {
                        return Err(value_error("unmatched '{' in format spec"));
                    }
                }
            } else if c != '}' {
                return Err(value_error("expected '}' before end of string"));
            }
            let v = self.field_object(vm, name)?;
            let v = match conversion {
                None => v,
                Some('r') => Value::from_string(vm.repr(&v)?),
                Some('s') => Value::from_string(vm.str_of(&v)?),
                Some('a') => Value::from_string(crate::vm::text::ascii_escape(&vm.repr(&v)?)),
                Some(other) => {
                    return Err(value_error(
                        if (other as u32) > 32 && (other as u32) < 127 {
                            format!("Unknown conversion specifier {}", other)
                        } else {
                            format!("Unknown conversion specifier \\x{:x}", other as u32)
                        },
                    ))
                }
            };
            let spec: String = if expand {
                self.build(vm, spec, depth - 1)?
            } else {
                spec.iter().collect()
            };
            out.push_str(&vm.format(&v, &spec)?);
        }
        Ok(out)
    }

    /// Resolve a field name (`0`, ``, `name`, followed by `.attr` / `[key]` parts).
    fn field_object(&mut self, vm: &mut Vm, name: &[char]) -> PyResult<Value> {
        let split = name
            .iter()
            .position(|&c| c == '.' || c == '[')
            .unwrap_or(name.len());
        let (first, mut rest) = (&name[..split], &name[split..]);
        let index = field_integer(first)?;
        let empty = first.is_empty();
        if empty || index.is_some() {
            if self.auto_state == 0 {
                self.auto_state = if empty { 1 } else { 2 };
            }
            if self.auto_state == 2 && empty {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            if self.auto_state == 1 && !empty {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
        }
        let index = if empty {
            let k = self.auto_next;
            self.auto_next += 1;
            Some(k)
        } else {
            index
        };
        let mut obj = match index {
            Some(k) => {
                let Some(pos) = self.pos else {
                    return Err(value_error("Format string contains positional fields"));
                };
                pos.get(k).cloned().ok_or_else(|| {
                    PyErr::new(
                        ExcKind::IndexError,
                        format!(
                            "Replacement index {} out of range for positional args tuple",
                            k
                        ),
                    )
                })?
            }
            None => {
                let key: String = first.iter().collect();
                match self.named {
                    Named::Kw(kw) => match kw.iter().find(|(k, _)| **k == *key) {
                        Some((_, v)) => v.clone(),
                        None => {
                            return Err(PyErr::with_value(
                                ExcKind::KeyError,
                                Value::from_string(key),
                            ))
                        }
                    },
                    Named::Map(m) => vm.getitem(m, &Value::from_string(key))?,
                }
            }
        };
        while let Some(&c) = rest.first() {
            rest = &rest[1..];
            let part: &[char];
            let is_attr = match c {
                '.' => {
                    let end = rest
                        .iter()
                        .position(|&c| c == '.' || c == '[')
                        .unwrap_or(rest.len());
                    part = &rest[..end];
                    rest = &rest[end..];
                    true
                }
                '[' => {
                    let Some(end) = rest.iter().position(|&c| c == ']') else {
                        return Err(value_error("Missing ']' in format string"));
                    };
                    part = &rest[..end];
                    rest = &rest[end + 1..];
                    false
                }
                _ => {
                    return Err(value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ))
                }
            };
            if part.is_empty() {
                return Err(value_error("Empty attribute in format string"));
            }
            let text: String = part.iter().collect();
            obj = if is_attr {
                vm.getattr(&obj, &Value::from_string(text))?
            } else {
                match field_integer(part)? {
                    Some(k) => vm.getitem(&obj, &Value::Int(k as i64))?,
                    None => vm.getitem(&obj, &Value::from_string(text))?,
                }
            };
        }
        Ok(obj)
    }
}

// ---- split family -------------------------------------------------------------------------------------

fn split_args(vm: &Vm, fname: &str, args: &[Value], kw: &KwArgs) -> PyResult<(Option<Value>, i64)> {
    // The common calls (`s.split()`, `s.split(sep)`) without binding a vector of arguments.
    let (sep, maxsplit) = if kw.is_empty() && args.len() <= 2 {
        (args.get(1).cloned(), None)
    } else {
        let mut a = bind(fname, &args[1..], kw, &["sep", "maxsplit"], 0)?;
        (a[0].take(), a[1].take())
    };
    let maxsplit = match &maxsplit {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let p = str_arg(vm, &v, |t| format!("must be str or None, not {}", t))?;
            if p.char_len() == 0 {
                return Err(value_error("empty separator"));
            }
            Some(v)
        }
    };
    Ok((sep, maxsplit))
}

/// A piece of a string: when the whole is ASCII, so is the piece, and its length is its code point count.
#[inline]
fn piece(p: &str, ascii: bool) -> Value {
    if ascii {
        Value::str_chars(p, p.len())
    } else {
        Value::str(p)
    }
}

/// The byte offsets of the first `max` non-overlapping occurrences of `sep` in `text`, left to right.
fn sep_positions(text: &str, sep: &str, max: usize, mut f: impl FnMut(usize)) {
    let (h, n) = (text.as_bytes(), sep.as_bytes());
    if max == 0 {
        return;
    }
    let mut count = 0;
    let mut each = |i: usize| {
        f(i);
        count += 1;
        count < max
    };
    if n.len() == 1 {
        for i in memchr::memchr_iter(n[0], h) {
            if !each(i) {
                break;
            }
        }
    } else {
        for i in memchr::memmem::find_iter(h, n) {
            if !each(i) {
                break;
            }
        }
    }
}

fn split(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "split")?;
    let (sep, maxsplit) = split_args(vm, "split", args, kw)?;
    let text = st.as_str();
    let ascii = st.is_ascii();
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match sep {
        Some(sep) => {
            let sep = s(&sep);
            let mut start = 0;
            sep_positions(text, sep, max, |i| {
                out.push(piece(&text[start..i], ascii));
                start = i + sep.len();
            });
            out.push(piece(&text[start..], ascii));
        }
        None if ascii => {
            let b = text.as_bytes();
            let mut i = 0;
            let mut count = 0usize;
            loop {
                while i < b.len() && crate::numfmt::py_is_space_byte(b[i]) {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                if count == max {
                    out.push(piece(&text[i..], true));
                    break;
                }
                let start = i;
                while i < b.len() && !crate::numfmt::py_is_space_byte(b[i]) {
                    i += 1;
                }
                out.push(piece(&text[start..i], true));
                count += 1;
            }
        }
        None => {
            let mut rest = text;
            let mut count = 0usize;
            loop {
                rest = rest.trim_start_matches(py_is_space);
                if rest.is_empty() {
                    break;
                }
                if count == max {
                    out.push(Value::str(rest));
                    break;
                }
                let end = rest.find(py_is_space).unwrap_or(rest.len());
                out.push(Value::str(&rest[..end]));
                rest = &rest[end..];
                count += 1;
            }
        }
    }
    Ok(new_list(out))
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "rsplit")?;
    let (sep, maxsplit) = split_args(vm, "rsplit", args, kw)?;
    let text = st.as_str();
    let ascii = st.is_ascii();
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out: Vec<Value> = match sep {
        Some(sep) => {
            let sep = s(&sep);
            let (h, n) = (text.as_bytes(), sep.as_bytes());
            let mut out = Vec::new();
            let mut end = text.len();
            let mut count = 0;
            let mut each = |i: usize| {
                if count == max {
                    return false;
                }
                out.push(piece(&text[i + n.len()..end], ascii));
                end = i;
                count += 1;
                true
            };
            if n.len() == 1 {
                for i in memchr::memrchr_iter(n[0], h) {
                    if !each(i) {
                        break;
                    }
                }
            } else {
                for i in memchr::memmem::rfind_iter(h, n) {
                    if !each(i) {
                        break;
                    }
                }
            }
            out.push(piece(&text[..end], ascii));
            out
        }
        None => {
            let mut out = Vec::new();
            let mut rest = text;
            let mut count = 0usize;
            loop {
                rest = rest.trim_end_matches(py_is_space);
                if rest.is_empty() {
                    break;
                }
                if count == max {
                    out.push(piece(rest, ascii));
                    break;
                }
                let start = match rest.rfind(py_is_space) {
                    Some(b) => b + rest[b..].chars().next().map_or(1, |c| c.len_utf8()),
                    None => 0,
                };
                out.push(piece(&rest[start..], ascii));
                rest = &rest[..start];
                count += 1;
            }
            out
        }
    };
    out.reverse();
    Ok(new_list(out))
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "splitlines")?;
    let a = bind("splitlines", &args[1..], kw, &["keepends"], 0)?;
    let keepends = match &a[0] {
        Some(v) if v.is_int_like() => vm.truthy(v)?,
        Some(v) => {
            index_arg(vm, v)?;
            false
        }
        None => false,
    };
    let text = st.as_str();
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut line_start = 0;
    while let Some((b, c)) = it.next() {
        if is_linebreak(c) {
            let mut end = b + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(Value::str(
                &text[line_start..if keepends { end } else { b }],
            ));
            line_start = end;
        }
    }
    if line_start < text.len() {
        out.push(Value::str(&text[line_start..]));
    }
    Ok(new_list(out))
}

fn partition(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "partition")?;
    no_kwargs("str.partition", kw)?;
    method_args("str.partition", args, 1, 1)?;
    let sep = must_str(vm, &args[1])?;
    if sep.char_len() == 0 {
        return Err(value_error("empty separator"));
    }
    let text = st.as_str();
    Ok(match text.find(sep.as_str()) {
        Some(p) => new_tuple(vec![
            Value::str(&text[..p]),
            args[1].clone(),
            Value::str(&text[p + sep.as_str().len()..]),
        ]),
        None => new_tuple(vec![args[0].clone(), Value::str(""), Value::str("")]),
    })
}

fn rpartition(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "rpartition")?;
    no_kwargs("str.rpartition", kw)?;
    method_args("str.rpartition", args, 1, 1)?;
    let sep = must_str(vm, &args[1])?;
    if sep.char_len() == 0 {
        return Err(value_error("empty separator"));
    }
    let text = st.as_str();
    Ok(match text.rfind(sep.as_str()) {
        Some(p) => new_tuple(vec![
            Value::str(&text[..p]),
            args[1].clone(),
            Value::str(&text[p + sep.as_str().len()..]),
        ]),
        None => new_tuple(vec![Value::str(""), Value::str(""), args[0].clone()]),
    })
}

// ---- strip / replace / prefixes ---------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
    Both,
}

fn strip_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str, side: Side) -> PyResult<Value> {
    let st = this(vm, args, name)?;
    pos_only("str", name, false, args, kw, 0, 1)?;
    let text = st.as_str();
    let out = match args.get(1) {
        None | Some(Value::None) => match side {
            Side::Left => text.trim_start_matches(py_is_space),
            Side::Right => text.trim_end_matches(py_is_space),
            Side::Both => text.trim_matches(py_is_space),
        },
        Some(v) => {
            let chars = str_arg(vm, v, |_| format!("{} arg must be None or str", name))?;
            let set: Vec<char> = chars.as_str().chars().collect();
            let f = |c: char| set.contains(&c);
            match side {
                Side::Left => text.trim_start_matches(f),
                Side::Right => text.trim_end_matches(f),
                Side::Both => text.trim_matches(f),
            }
        }
    };
    Ok(if out.len() == text.len() {
        args[0].clone()
    } else {
        Value::str(out)
    })
}

fn strip(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "strip", Side::Both)
}
fn lstrip(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "lstrip", Side::Left)
}
fn rstrip(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "rstrip", Side::Right)
}

fn replace(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "replace")?;
    no_kwargs("str.replace", kw)?;
    method_args("replace", args, 2, 3)?;
    let old = str_arg(vm, &args[1], |t| {
        format!("replace() argument 1 must be str, not {}", t)
    })?;
    let new = str_arg(vm, &args[2], |t| {
        format!("replace() argument 2 must be str, not {}", t)
    })?;
    let count = match args.get(3) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let text = st.as_str();
    if new.as_str().len() > old.as_str().len() {
        // A growing replacement: allocate the result first (MemoryError, not an abort on a huge one).
        let (o, n) = (old.as_str(), new.as_str());
        let mut hits = if o.is_empty() {
            text.chars().count() + 1
        } else {
            text.matches(o).count()
        };
        if count >= 0 {
            hits = hits.min(count as usize);
        }
        let total = text
            .len()
            .saturating_add(hits.saturating_mul(n.len() - o.len()));
        let mut out = crate::alloc::string(total)?;
        let mut last = 0;
        if o.is_empty() {
            for (i, _) in text
                .char_indices()
                .chain(std::iter::once((text.len(), ' ')))
                .take(hits)
            {
                out.push_str(&text[last..i]);
                out.push_str(n);
                last = i;
            }
        } else {
            for (i, _) in text.match_indices(o).take(hits) {
                out.push_str(&text[last..i]);
                out.push_str(n);
                last = i + o.len();
            }
        }
        out.push_str(&text[last..]);
        return Ok(ret_self_or(args, st, out));
    }
    let out = if count < 0 {
        text.replace(old.as_str(), new.as_str())
    } else {
        text.replacen(old.as_str(), new.as_str(), count as usize)
    };
    Ok(ret_self_or(args, st, out))
}

fn removeprefix(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "removeprefix")?;
    no_kwargs("str.removeprefix", kw)?;
    method_args("str.removeprefix", args, 1, 1)?;
    let p = str_arg(vm, &args[1], |t| {
        format!("removeprefix() argument must be str, not {}", t)
    })?;
    Ok(match st.as_str().strip_prefix(p.as_str()) {
        Some(r) if !p.as_str().is_empty() => Value::str(r),
        _ => args[0].clone(),
    })
}

fn removesuffix(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "removesuffix")?;
    no_kwargs("str.removesuffix", kw)?;
    method_args("str.removesuffix", args, 1, 1)?;
    let p = str_arg(vm, &args[1], |t| {
        format!("removesuffix() argument must be str, not {}", t)
    })?;
    Ok(match st.as_str().strip_suffix(p.as_str()) {
        Some(r) if !p.as_str().is_empty() => Value::str(r),
        _ => args[0].clone(),
    })
}

// ---- find family --------------------------------------------------------------------------------------

/// The (sub, start, end) arguments of find/rfind/index/rindex/count, with start/end adjusted.
fn find_args<'a>(
    vm: &Vm,
    args: &'a [Value],
    kw: &KwArgs,
    name: &str,
) -> PyResult<(&'a PyStr, &'a PyStr, i64, i64)> {
    let st = this(vm, args, name)?;
    old_args(name, args, kw, "str", 1, 3)?;
    let sub = must_str(vm, &args[1])?;
    let start = slice_arg(args.get(2))?;
    let end = slice_arg(args.get(3))?;
    let (s, e) = adjust(start, end, st.char_len());
    Ok((st, sub, s, e))
}

/// Position of `sub` in `st[start..end]` (code points), first or last.
fn find_in(st: &PyStr, sub: &PyStr, start: i64, end: i64, last: bool) -> i64 {
    let n = sub.char_len() as i64;
    if end - start < n {
        return -1;
    }
    if n == 0 {
        return if last { end } else { start };
    }
    let (bs, be) = (boff(st, start as usize), boff(st, end as usize));
    let hay = &st.as_str()[bs..be];
    let found = if last {
        hay.rfind(sub.as_str())
    } else {
        hay.find(sub.as_str())
    };
    match found {
        Some(p) => coff(st, bs + p) as i64,
        None => -1,
    }
}

fn find(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (st, sub, s, e) = find_args(vm, args, kw, "find")?;
    Ok(Value::Int(find_in(st, sub, s, e, false)))
}

fn rfind(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (st, sub, s, e) = find_args(vm, args, kw, "rfind")?;
    Ok(Value::Int(find_in(st, sub, s, e, true)))
}

fn index(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (st, sub, s, e) = find_args(vm, args, kw, "index")?;
    match find_in(st, sub, s, e, false) {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (st, sub, s, e) = find_args(vm, args, kw, "rindex")?;
    match find_in(st, sub, s, e, true) {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (st, sub, s, e) = find_args(vm, args, kw, "count")?;
    let n = sub.char_len() as i64;
    if e - s < n {
        return Ok(Value::Int(0));
    }
    if n == 0 {
        return Ok(Value::Int(e - s + 1));
    }
    let (bs, be) = (boff(st, s as usize), boff(st, e as usize));
    Ok(Value::Int(
        st.as_str()[bs..be].matches(sub.as_str()).count() as i64,
    ))
}

fn tailmatch(st: &PyStr, sub: &PyStr, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let (s, mut e) = adjust(start, end, st.char_len());
    let n = sub.char_len() as i64;
    e -= n;
    if e < s {
        return false;
    }
    if n == 0 {
        return true;
    }
    let (bs, be) = (boff(st, s as usize), boff(st, (e + n) as usize));
    let hay = &st.as_str()[bs..be];
    if at_end {
        hay.ends_with(sub.as_str())
    } else {
        hay.starts_with(sub.as_str())
    }
}

fn starts_ends(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    name: &str,
    at_end: bool,
) -> PyResult<Value> {
    let st = this(vm, args, name)?;
    old_args(name, args, kw, "str", 1, 3)?;
    let start = slice_arg(args.get(2))?;
    let end = slice_arg(args.get(3))?;
    match args[1].as_obj() {
        Some(Object::Str(sub)) => Ok(Value::Bool(tailmatch(st, sub, start, end, at_end))),
        Some(Object::Tuple(items)) => {
            for x in items {
                match x.as_obj() {
                    Some(Object::Str(sub)) => {
                        if tailmatch(st, sub, start, end, at_end) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    _ => {
                        return Err(type_error(format!(
                            "tuple for {} must only contain str, not {}",
                            name,
                            vm.type_name(x)
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        _ => Err(type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            name,
            vm.type_name(&args[1])
        ))),
    }
}

fn startswith(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    starts_ends(vm, args, kw, "startswith", false)
}
fn endswith(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    starts_ends(vm, args, kw, "endswith", true)
}

// ---- case mapping -----------------------------------------------------------------------------------

fn noargs<'a>(vm: &Vm, args: &'a [Value], kw: &KwArgs, name: &str) -> PyResult<&'a PyStr> {
    let st = this(vm, args, name)?;
    pos_only("str", name, true, args, kw, 0, 0)?;
    Ok(st)
}

fn upper(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = noargs(vm, args, kw, "upper")?;
    if st.is_ascii() {
        return Ok(Value::from_string(st.as_str().to_ascii_uppercase()));
    }
    let mut out = String::with_capacity(st.as_str().len());
    for c in st.as_str().chars() {
        push_upper(&mut out, c);
    }
    Ok(Value::from_string(out))
}

pub fn lower_str(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for i in 0..chars.len() {
        push_lower_at(&mut out, &chars, i);
    }
    out
}

fn lower(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = noargs(vm, args, kw, "lower")?;
    Ok(Value::from_string(lower_str(st.as_str())))
}

fn casefold(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = noargs(vm, args, kw, "casefold")?;
    if st.is_ascii() {
        return Ok(Value::from_string(st.as_str().to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(st.as_str().len());
    for c in st.as_str().chars() {
        push_fold(&mut out, c);
    }
    Ok(Value::from_string(out))
}

fn title(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = noargs(vm, args, kw, "title")?;
    let chars = chars_of(st);
    let mut out = String::with_capacity(st.as_str().len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    Ok(Value::from_string(out))
}

fn capitalize(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = noargs(vm, args, kw, "capitalize")?;
    let chars = chars_of(st);
    let mut out = String::with_capacity(st.as_str().len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    Ok(Value::from_string(out))
}

fn swapcase(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = noargs(vm, args, kw, "swapcase")?;
    let chars = chars_of(st);
    let mut out = String::with_capacity(st.as_str().len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower_at(&mut out, &chars, i);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Ok(Value::from_string(out))
}

// ---- padding ------------------------------------------------------------------------------------------

fn pad_args<'a>(
    vm: &Vm,
    args: &'a [Value],
    kw: &KwArgs,
    name: &str,
) -> PyResult<(&'a PyStr, i64, char)> {
    let st = this(vm, args, name)?;
    pos_only("str", name, false, args, kw, 1, 2)?;
    let width = index_arg(vm, &args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(v) => {
            let f = str_arg(vm, v, |t| {
                format!("The fill character must be a unicode character, not {}", t)
            })?;
            if f.char_len() != 1 {
                return Err(type_error(
                    "The fill character must be exactly one character long",
                ));
            }
            f.char_at(0)
        }
    };
    Ok((st, width, fill))
}

fn pad(args: &[Value], st: &PyStr, left: usize, right: usize, fill: char) -> PyResult<Value> {
    if left == 0 && right == 0 {
        return Ok(args[0].clone());
    }
    let size = left
        .checked_add(right)
        .and_then(|n| n.checked_mul(fill.len_utf8()))
        .and_then(|n| n.checked_add(st.as_str().len()))
        .ok_or_else(crate::alloc::memory_error)?;
    let mut out = crate::alloc::string(size)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(st.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::from_string(out))
}

fn center(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (st, width, fill) = pad_args(vm, args, kw, "center")?;
    let len = st.char_len() as i64;
    if width <= len {
        return Ok(args[0].clone());
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    pad(args, st, left as usize, (marg - left) as usize, fill)
}

fn ljust(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (st, width, fill) = pad_args(vm, args, kw, "ljust")?;
    let len = st.char_len() as i64;
    if width <= len {
        return Ok(args[0].clone());
    }
    pad(args, st, 0, (width - len) as usize, fill)
}

fn rjust(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (st, width, fill) = pad_args(vm, args, kw, "rjust")?;
    let len = st.char_len() as i64;
    if width <= len {
        return Ok(args[0].clone());
    }
    pad(args, st, (width - len) as usize, 0, fill)
}

fn zfill(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "zfill")?;
    no_kwargs("str.zfill", kw)?;
    method_args("str.zfill", args, 1, 1)?;
    let width = index_arg(vm, &args[1])?;
    let len = st.char_len() as i64;
    if width <= len {
        return Ok(args[0].clone());
    }
    let fill = (width - len) as usize;
    let text = st.as_str();
    let mut out = crate::alloc::string(text.len().saturating_add(fill))?;
    let rest = match text.chars().next() {
        Some(c @ ('+' | '-')) => {
            out.push(c);
            &text[1..]
        }
        _ => text,
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(rest);
    Ok(Value::from_string(out))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "expandtabs")?;
    let a = bind("expandtabs", &args[1..], kw, &["tabsize"], 0)?;
    let tabsize = match &a[0] {
        Some(v) => index_arg(vm, v)?,
        None => 8,
    };
    // CPython's tabsize is a C int.
    if i32::try_from(tabsize).is_err() {
        return Err(crate::error::overflow_error(
            "Python int too large to convert to C int",
        ));
    }
    let text = st.as_str();
    if !text.contains('\t') {
        return Ok(args[0].clone());
    }
    let mut out = String::with_capacity(text.len());
    let mut col: i64 = 0;
    for c in text.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - (col % tabsize);
                col += incr;
                crate::alloc::reserve_str(&mut out, incr as usize)?;
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            out.push(c);
            col += 1;
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    Ok(Value::from_string(out))
}

// ---- predicates ---------------------------------------------------------------------------------------

fn all_chars(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    name: &str,
    f: fn(char) -> bool,
) -> PyResult<Value> {
    let st = noargs(vm, args, kw, name)?;
    let t = st.as_str();
    Ok(Value::Bool(!t.is_empty() && t.chars().all(f)))
}

fn isdigit(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    all_chars(vm, args, kw, "isdigit", is_digit)
}
fn isdecimal(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    all_chars(vm, args, kw, "isdecimal", is_decimal)
}
fn isnumeric(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    all_chars(vm, args, kw, "isnumeric", is_numeric)
}
fn isalpha(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    all_chars(vm, args, kw, "isalpha", is_alpha)
}
fn isalnum(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    all_chars(vm, args, kw, "isalnum", is_alnum)
}
fn isspace(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    all_chars(vm, args, kw, "isspace", py_is_space)
}

fn isprintable(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = noargs(vm, args, kw, "isprintable")?;
    Ok(Value::Bool(st.as_str().chars().all(py_is_printable)))
}

fn isascii(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = noargs(vm, args, kw, "isascii")?;
    Ok(Value::Bool(st.is_ascii()))
}

fn islower(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = noargs(vm, args, kw, "islower")?;
    let mut cased = false;
    for c in st.as_str().chars() {
        if is_upper(c) || is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        if is_lower(c) {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}

fn isupper(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = noargs(vm, args, kw, "isupper")?;
    let mut cased = false;
    for c in st.as_str().chars() {
        if is_lower(c) || is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        if is_upper(c) {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}

fn istitle(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = noargs(vm, args, kw, "istitle")?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in st.as_str().chars() {
        if is_upper(c) || is_titlecase(c) {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

pub fn is_identifier(t: &str) -> bool {
    let mut it = t.chars();
    let Some(first) = it.next() else { return false };
    let start_ok = if first.is_ascii() {
        first == '_' || first.is_ascii_alphabetic()
    } else {
        in_ranges(ud::XID_START, first)
    };
    start_ok
        && it.all(|c| {
            if c.is_ascii() {
                c == '_' || c.is_ascii_alphanumeric()
            } else {
                in_ranges(ud::XID_CONTINUE, c)
            }
        })
}

fn isidentifier(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = noargs(vm, args, kw, "isidentifier")?;
    Ok(Value::Bool(is_identifier(st.as_str())))
}

// ---- encode -------------------------------------------------------------------------------------------

fn encode(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "encode")?;
    let a = bind("encode", &args[1..], kw, &["encoding", "errors"], 0)?;
    let encoding = match &a[0] {
        Some(v) => str_arg(vm, v, |t| {
            format!("encode() argument 'encoding' must be str, not {}", t)
        })?
        .as_str(),
        None => "utf-8",
    };
    let errors = match &a[1] {
        Some(v) => str_arg(vm, v, |t| {
            format!("encode() argument 'errors' must be str, not {}", t)
        })?
        .as_str(),
        None => "strict",
    };
    let codec = super::codecs::lookup_codec(encoding)?;
    Ok(Value::obj(Object::Bytes(super::codecs::encode_str(
        st.as_str(),
        codec,
        errors,
    )?)))
}

// ---- maketrans / translate ------------------------------------------------------------------------------

/// `str.maketrans(x[, y[, z]])`: a static method, so args are exactly the call's arguments.
fn maketrans(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("str.maketrans", kw)?;
    // NOTE: `"".maketrans(...)` (through an instance) also lands here with the receiver prepended; builtins
    // cannot tell the two apart, so only the (usual) `str.maketrans(...)` form is supported.
    if args.is_empty() {
        return Err(type_error("maketrans expected at least 1 argument, got 0"));
    }
    if args.len() > 3 {
        return Err(type_error(format!(
            "maketrans expected at most 3 arguments, got {}",
            args.len()
        )));
    }
    let out = Value::obj(Object::Dict(Default::default()));
    if args.len() == 1 {
        let Some(Object::Dict(d)) = args[0].as_obj() else {
            return Err(type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        let entries: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        for (k, v) in entries {
            let key = match k.as_obj() {
                Some(Object::Str(ks)) => {
                    if ks.char_len() != 1 {
                        return Err(value_error(
                            "string keys in translate table must be of length 1",
                        ));
                    }
                    Value::Int(ks.char_at(0) as i64)
                }
                _ if k.is_int_like() => k.clone(),
                _ => {
                    return Err(type_error(
                        "keys in translate table must be strings or integers",
                    ))
                }
            };
            vm.dict_set(&out, key, v)?;
        }
        return Ok(out);
    }
    let y = str_arg(vm, &args[1], |t| {
        format!("maketrans() argument 2 must be str, not {}", t)
    })?;
    if let Some(z) = args.get(2) {
        str_arg(vm, z, |t| {
            format!("maketrans() argument 3 must be str, not {}", t)
        })?;
    }
    let x = match args[0].as_obj() {
        Some(Object::Str(x)) => x,
        _ => {
            return Err(type_error(
                "first maketrans argument must be a string if there is a second argument",
            ))
        }
    };
    if x.char_len() != y.char_len() {
        return Err(value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
        vm.dict_set(&out, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    if let Some(z) = args.get(2) {
        let z = str_arg(vm, z, |t| {
            format!("maketrans() argument 3 must be str, not {}", t)
        })?;
        for c in z.as_str().chars() {
            vm.dict_set(&out, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(out)
}

fn translate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let st = this(vm, args, "translate")?;
    no_kwargs("str.translate", kw)?;
    method_args("str.translate", args, 1, 1)?;
    let table = &args[1];
    let is_dict = matches!(table.as_obj(), Some(Object::Dict(_)));
    let mut out = String::with_capacity(st.as_str().len());
    for c in st.as_str().chars() {
        let key = Value::Int(c as i64);
        let mapped = if is_dict {
            vm.dict_get(table, &key)?
        } else {
            match vm.getitem(table, &key) {
                Ok(v) => Some(v),
                Err(e) => {
                    if vm.err_matches(&e, ExcKind::LookupError) {
                        None
                    } else {
                        return Err(e);
                    }
                }
            }
        };
        crate::alloc::reserve_str(&mut out, 4)?;
        match mapped {
            None => out.push(c),
            Some(Value::None) => {}
            Some(v) => {
                if let Some(t) = v.as_str() {
                    crate::alloc::reserve_str(&mut out, t.len())?;
                    out.push_str(t);
                } else if v.is_int_like() {
                    let n = v.as_i64().unwrap_or(-1);
                    match u32::try_from(n).ok().filter(|&n| n < 0x110000) {
                        Some(n) => out.push(char::from_u32(n).unwrap_or('\u{fffd}')),
                        None => {
                            return Err(value_error("character mapping must be in range(0x110000)"))
                        }
                    }
                } else {
                    return Err(type_error(
                        "character mapping must return integer, None or str",
                    ));
                }
            }
        }
    }
    Ok(ret_self_or(args, st, out))
}
