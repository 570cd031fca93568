//! bytes methods.

use super::util::{
    adjust, bad_self, bind, index_arg, new_bytes, new_list, new_tuple, old_args, pos_only,
    slice_arg,
};
use crate::builtins::{method, method_args, no_kwargs};
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::object::{KwArgs, Object};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let t = vm.types.bytes.clone();
    method(&t, "decode", decode);
    method(&t, "hex", hex);
    method(&t, "fromhex", fromhex);
    method(&t, "count", count);
    method(&t, "find", find);
    method(&t, "rfind", rfind);
    method(&t, "index", index);
    method(&t, "rindex", rindex);
    method(&t, "startswith", startswith);
    method(&t, "endswith", endswith);
    method(&t, "split", split);
    method(&t, "rsplit", rsplit);
    method(&t, "join", join);
    method(&t, "upper", upper);
    method(&t, "lower", lower);
    method(&t, "strip", strip);
    method(&t, "lstrip", lstrip);
    method(&t, "rstrip", rstrip);
    method(&t, "replace", replace);
    method(&t, "partition", partition);
    method(&t, "rpartition", rpartition);
    method(&t, "removeprefix", removeprefix);
    method(&t, "removesuffix", removesuffix);
    method(&t, "isdigit", isdigit);
    method(&t, "isalpha", isalpha);
    method(&t, "isalnum", isalnum);
    method(&t, "isspace", isspace);
    method(&t, "isupper", isupper);
    method(&t, "islower", islower);
}

fn this<'a>(vm: &Vm, args: &'a [Value], meth: &str) -> PyResult<&'a [u8]> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(Object::Bytes(b)) => Ok(b),
        _ => Err(bad_self(vm, args, "bytes", meth)),
    }
}

/// A bytes-like argument: "a bytes-like object is required, not 'str'".
fn buf<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a [u8]> {
    match v.as_obj() {
        Some(Object::Bytes(b)) => Ok(b),
        _ => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// The needle of find/count/index: bytes or an int in range(256).
fn needle(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v.as_obj() {
        Some(Object::Bytes(b)) => Ok(b.clone()),
        _ if v.is_int_like() => match v.as_i64() {
            Some(i) if (0..256).contains(&i) => Ok(vec![i as u8]),
            _ => Err(value_error("byte must be in range(0, 256)")),
        },
        _ => Err(type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn find_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(0);
    }
    if sub.len() > hay.len() {
        return None;
    }
    hay.windows(sub.len()).position(|w| w == sub)
}

fn rfind_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(hay.len());
    }
    if sub.len() > hay.len() {
        return None;
    }
    hay.windows(sub.len()).rposition(|w| w == sub)
}

/// Non-overlapping occurrences, left to right (at most `max`).
fn occurrences(hay: &[u8], sub: &[u8], max: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while out.len() < max && i + sub.len() <= hay.len() {
        match find_sub(&hay[i..], sub) {
            Some(p) => {
                out.push(i + p);
                i += p + sub.len();
            }
            None => break,
        }
    }
    out
}

// ---- decode / hex -------------------------------------------------------------------------------------

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

/// Apply a decode error handler to `data[start..end]`.
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
        _ => Err(PyErr::new(
            ExcKind::LookupError,
            format!("unknown error handler name '{}'", errors),
        )),
    }
}

pub fn decode_bytes(data: &[u8], codec: &str, errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    match codec {
        "latin-1" => out.extend(data.iter().map(|&b| b as char)),
        "ascii" => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else if errors == "replace" {
                    out.push('\u{fffd}');
                } else {
                    handle_decode_error(&mut out, errors, data, i, i + 1, || {
                        decode_error("ascii", data, i, i + 1, "ordinal not in range(128)")
                    })?;
                }
            }
        }
        _ => {
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
        }
    }
    Ok(out)
}

fn decode(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let data = this(vm, args, "decode")?;
    let a = bind("decode", &args[1..], kw, &["encoding", "errors"], 0)?;
    let encoding = match &a[0] {
        Some(v) => v.as_str().ok_or_else(|| {
            type_error(format!(
                "decode() argument 'encoding' must be str, not {}",
                vm.type_name(v)
            ))
        })?,
        None => "utf-8",
    };
    let errors = match &a[1] {
        Some(v) => v.as_str().ok_or_else(|| {
            type_error(format!(
                "decode() argument 'errors' must be str, not {}",
                vm.type_name(v)
            ))
        })?,
        None => "strict",
    };
    let codec = super::str::lookup_codec(encoding)?;
    Ok(Value::from_string(decode_bytes(data, codec, errors)?))
}

fn hex(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let data = this(vm, args, "hex")?;
    let a = bind("hex", &args[1..], kw, &["sep", "bytes_per_sep"], 0)?;
    let sep: Option<char> = match &a[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let chars: Vec<char> = match v.as_obj() {
                Some(Object::Str(s)) => s.as_str().chars().collect(),
                Some(Object::Bytes(b)) => b.iter().map(|&b| b as char).collect(),
                _ => {
                    return Err(type_error(format!(
                        "object of type '{}' has no len()",
                        vm.type_name(v)
                    )))
                }
            };
            if chars.len() != 1 {
                return Err(value_error("sep must be length 1."));
            }
            if !chars[0].is_ascii() {
                return Err(value_error("sep must be ASCII."));
            }
            Some(chars[0])
        }
    };
    let per = match &a[1] {
        Some(v) => index_arg(vm, v)?,
        None => 1,
    };
    let digits: Vec<String> = data.iter().map(|b| format!("{:02x}", b)).collect();
    let out = match sep {
        Some(sep) if per != 0 && !data.is_empty() => {
            let n = per.unsigned_abs() as usize;
            let len = data.len();
            let mut s = String::with_capacity(len * 3);
            for (i, d) in digits.iter().enumerate() {
                if i > 0 {
                    // Groups are counted from the right for a positive bytes_per_sep, from the left otherwise.
                    let boundary = if per > 0 {
                        (len - i) % n == 0
                    } else {
                        i % n == 0
                    };
                    if boundary {
                        s.push(sep);
                    }
                }
                s.push_str(d);
            }
            s
        }
        _ => digits.concat(),
    };
    Ok(Value::from_string(out))
}

fn fromhex(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    // A class method: drop the receiver when called on an instance.
    let args = if args.len() >= 2 && matches!(args[0].as_obj(), Some(Object::Bytes(_))) {
        &args[1..]
    } else {
        args
    };
    no_kwargs("bytes.fromhex", kw)?;
    if args.len() != 1 {
        return Err(type_error(format!(
            "bytes.fromhex() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let Some(s) = args[0].as_str() else {
        return Err(type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' '
            || chars[i] == '\t'
            || chars[i] == '\n'
            || chars[i] == '\r'
            || chars[i] == '\x0b'
            || chars[i] == '\x0c'
        {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).filter(|_| chars[i].is_ascii());
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) => {
                return Err(value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )))
            }
            _ => {
                return Err(value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i
                )))
            }
        }
        i += 2;
    }
    Ok(new_bytes(out))
}

// ---- searching ----------------------------------------------------------------------------------------

fn find_args(vm: &Vm, args: &[Value], kw: &KwArgs, name: &str) -> PyResult<(Vec<u8>, i64, i64)> {
    let data = this(vm, args, name)?;
    old_args(name, args, kw, "bytes", 1, 3)?;
    let sub = needle(vm, &args[1])?;
    let (s, e) = adjust(slice_arg(args.get(2))?, slice_arg(args.get(3))?, data.len());
    Ok((sub, s, e))
}

fn find_in(data: &[u8], sub: &[u8], s: i64, e: i64, last: bool) -> i64 {
    if e - s < sub.len() as i64 {
        return -1;
    }
    let hay = &data[s as usize..e as usize];
    let r = if last {
        rfind_sub(hay, sub)
    } else {
        find_sub(hay, sub)
    };
    r.map_or(-1, |p| s + p as i64)
}

fn find(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (sub, s, e) = find_args(vm, args, kw, "find")?;
    Ok(Value::Int(find_in(
        this(vm, args, "find")?,
        &sub,
        s,
        e,
        false,
    )))
}

fn rfind(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (sub, s, e) = find_args(vm, args, kw, "rfind")?;
    Ok(Value::Int(find_in(
        this(vm, args, "rfind")?,
        &sub,
        s,
        e,
        true,
    )))
}

fn index(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (sub, s, e) = find_args(vm, args, kw, "index")?;
    match find_in(this(vm, args, "index")?, &sub, s, e, false) {
        -1 => Err(value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (sub, s, e) = find_args(vm, args, kw, "rindex")?;
    match find_in(this(vm, args, "rindex")?, &sub, s, e, true) {
        -1 => Err(value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (sub, s, e) = find_args(vm, args, kw, "count")?;
    if e - s < sub.len() as i64 {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int(e - s + 1));
    }
    let data = this(vm, args, "count")?;
    Ok(Value::Int(
        occurrences(&data[s as usize..e as usize], &sub, usize::MAX).len() as i64,
    ))
}

fn tailmatch(data: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let (s, mut e) = adjust(start, end, data.len());
    let n = sub.len() as i64;
    e -= n;
    if e < s {
        return false;
    }
    if n == 0 {
        return true;
    }
    let hay = &data[s as usize..(e + n) as usize];
    if at_end {
        hay.ends_with(sub)
    } else {
        hay.starts_with(sub)
    }
}

fn starts_ends(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    name: &str,
    at_end: bool,
) -> PyResult<Value> {
    let data = this(vm, args, name)?;
    old_args(name, args, kw, "bytes", 1, 3)?;
    let start = slice_arg(args.get(2))?;
    let end = slice_arg(args.get(3))?;
    match args[1].as_obj() {
        Some(Object::Bytes(sub)) => Ok(Value::Bool(tailmatch(data, sub, start, end, at_end))),
        Some(Object::Tuple(items)) => {
            for x in items {
                let sub = buf(vm, x)?;
                if tailmatch(data, sub, start, end, at_end) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        _ => Err(type_error(format!(
            "{} first arg must be bytes or a tuple of bytes, not {}",
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

// ---- split / join ---------------------------------------------------------------------------------------

fn split_args(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kw: &KwArgs,
) -> PyResult<(Option<Vec<u8>>, usize)> {
    let a = bind(fname, &args[1..], kw, &["sep", "maxsplit"], 0)?;
    let maxsplit = match &a[1] {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let sep = match &a[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let b = buf(vm, v)?;
            if b.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(b.to_vec())
        }
    };
    Ok((
        sep,
        if maxsplit < 0 {
            usize::MAX
        } else {
            maxsplit as usize
        },
    ))
}

fn pieces(parts: Vec<&[u8]>) -> Value {
    new_list(parts.into_iter().map(|p| new_bytes(p.to_vec())).collect())
}

fn split(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let data = this(vm, args, "split")?;
    let (sep, max) = split_args(vm, "split", args, kw)?;
    let mut out: Vec<&[u8]> = Vec::new();
    match sep {
        Some(sep) => {
            let mut i = 0;
            for p in occurrences(data, &sep, max) {
                out.push(&data[i..p]);
                i = p + sep.len();
            }
            out.push(&data[i..]);
        }
        None => {
            let mut i = 0;
            let n = data.len();
            loop {
                while i < n && is_space(data[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                if out.len() == max {
                    out.push(&data[i..]);
                    break;
                }
                let j = i;
                while i < n && !is_space(data[i]) {
                    i += 1;
                }
                out.push(&data[j..i]);
            }
        }
    }
    Ok(pieces(out))
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let data = this(vm, args, "rsplit")?;
    let (sep, max) = split_args(vm, "rsplit", args, kw)?;
    let mut out: Vec<&[u8]> = Vec::new();
    match sep {
        Some(sep) => {
            let mut end = data.len();
            while out.len() < max {
                match rfind_sub(&data[..end], &sep) {
                    Some(p) => {
                        out.push(&data[p + sep.len()..end]);
                        end = p;
                    }
                    None => break,
                }
            }
            out.push(&data[..end]);
        }
        None => {
            let mut i = data.len();
            loop {
                while i > 0 && is_space(data[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if out.len() == max {
                    out.push(&data[..i]);
                    break;
                }
                let j = i;
                while i > 0 && !is_space(data[i - 1]) {
                    i -= 1;
                }
                out.push(&data[i..j]);
            }
        }
    }
    out.reverse();
    Ok(pieces(out))
}

fn join(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let sep = this(vm, args, "join")?.to_vec();
    no_kwargs("bytes.join", kw)?;
    method_args("bytes.join", args, 1, 1)?;
    if !vm.is_iterable(&args[1]) {
        return Err(type_error("can only join an iterable"));
    }
    let items = vm.collect(args[1].clone())?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match x.as_obj() {
            Some(Object::Bytes(b)) => out.extend_from_slice(b),
            _ => {
                return Err(type_error(format!(
                    "sequence item {}: expected a bytes-like object, {} found",
                    i,
                    vm.type_name(x)
                )))
            }
        }
    }
    Ok(new_bytes(out))
}

fn partition(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let data = this(vm, args, "partition")?;
    no_kwargs("bytes.partition", kw)?;
    method_args("bytes.partition", args, 1, 1)?;
    let sep = buf(vm, &args[1])?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(match find_sub(data, sep) {
        Some(p) => new_tuple(vec![
            new_bytes(data[..p].to_vec()),
            args[1].clone(),
            new_bytes(data[p + sep.len()..].to_vec()),
        ]),
        None => new_tuple(vec![args[0].clone(), new_bytes(vec![]), new_bytes(vec![])]),
    })
}

fn rpartition(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let data = this(vm, args, "rpartition")?;
    no_kwargs("bytes.rpartition", kw)?;
    method_args("bytes.rpartition", args, 1, 1)?;
    let sep = buf(vm, &args[1])?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(match rfind_sub(data, sep) {
        Some(p) => new_tuple(vec![
            new_bytes(data[..p].to_vec()),
            args[1].clone(),
            new_bytes(data[p + sep.len()..].to_vec()),
        ]),
        None => new_tuple(vec![new_bytes(vec![]), new_bytes(vec![]), args[0].clone()]),
    })
}

// ---- transformations ----------------------------------------------------------------------------------

fn noargs<'a>(vm: &Vm, args: &'a [Value], kw: &KwArgs, name: &str) -> PyResult<&'a [u8]> {
    let data = this(vm, args, name)?;
    pos_only("bytes", name, true, args, kw, 0, 0)?;
    Ok(data)
}

fn upper(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    Ok(new_bytes(
        noargs(vm, args, kw, "upper")?.to_ascii_uppercase(),
    ))
}

fn lower(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    Ok(new_bytes(
        noargs(vm, args, kw, "lower")?.to_ascii_lowercase(),
    ))
}

fn strip_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let data = this(vm, args, name)?;
    pos_only("bytes", name, false, args, kw, 0, 1)?;
    let set: Option<&[u8]> = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(buf(vm, v)?),
    };
    let strip_it = |b: u8| match set {
        None => is_space(b),
        Some(s) => s.contains(&b),
    };
    let mut i = 0;
    let mut j = data.len();
    if left {
        while i < j && strip_it(data[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip_it(data[j - 1]) {
            j -= 1;
        }
    }
    Ok(if i == 0 && j == data.len() {
        args[0].clone()
    } else {
        new_bytes(data[i..j].to_vec())
    })
}

fn strip(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "strip", true, true)
}
fn lstrip(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "lstrip", true, false)
}
fn rstrip(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "rstrip", false, true)
}

fn replace(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let data = this(vm, args, "replace")?;
    no_kwargs("bytes.replace", kw)?;
    method_args("replace", args, 2, 3)?;
    let old = buf(vm, &args[1])?;
    let new = buf(vm, &args[2])?;
    let count = match args.get(3) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        // Insert `new` before every byte and at the end, up to `max` times.
        let mut n = 0;
        for &b in data {
            if n < max {
                out.extend_from_slice(new);
                n += 1;
            }
            out.push(b);
        }
        if n < max {
            out.extend_from_slice(new);
        }
    } else {
        let mut i = 0;
        for p in occurrences(data, old, max) {
            out.extend_from_slice(&data[i..p]);
            out.extend_from_slice(new);
            i = p + old.len();
        }
        out.extend_from_slice(&data[i..]);
    }
    Ok(new_bytes(out))
}

fn removeprefix(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let data = this(vm, args, "removeprefix")?;
    no_kwargs("bytes.removeprefix", kw)?;
    method_args("bytes.removeprefix", args, 1, 1)?;
    let p = buf(vm, &args[1])?;
    Ok(match data.strip_prefix(p) {
        Some(r) if !p.is_empty() => new_bytes(r.to_vec()),
        _ => args[0].clone(),
    })
}

fn removesuffix(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let data = this(vm, args, "removesuffix")?;
    no_kwargs("bytes.removesuffix", kw)?;
    method_args("bytes.removesuffix", args, 1, 1)?;
    let p = buf(vm, &args[1])?;
    Ok(match data.strip_suffix(p) {
        Some(r) if !p.is_empty() => new_bytes(r.to_vec()),
        _ => args[0].clone(),
    })
}

// ---- predicates (ASCII) ---------------------------------------------------------------------------------

fn all_bytes(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    name: &str,
    f: fn(u8) -> bool,
) -> PyResult<Value> {
    let data = noargs(vm, args, kw, name)?;
    Ok(Value::Bool(!data.is_empty() && data.iter().all(|&b| f(b))))
}

fn isdigit(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    all_bytes(vm, args, kw, "isdigit", |b| b.is_ascii_digit())
}
fn isalpha(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    all_bytes(vm, args, kw, "isalpha", |b| b.is_ascii_alphabetic())
}
fn isalnum(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    all_bytes(vm, args, kw, "isalnum", |b| b.is_ascii_alphanumeric())
}
fn isspace(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    all_bytes(vm, args, kw, "isspace", is_space)
}

fn isupper(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let data = noargs(vm, args, kw, "isupper")?;
    Ok(Value::Bool(
        data.iter().any(|b| b.is_ascii_uppercase()) && !data.iter().any(|b| b.is_ascii_lowercase()),
    ))
}

fn islower(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let data = noargs(vm, args, kw, "islower")?;
    Ok(Value::Bool(
        data.iter().any(|b| b.is_ascii_lowercase()) && !data.iter().any(|b| b.is_ascii_uppercase()),
    ))
}
