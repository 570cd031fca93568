//! str methods.

use crate::builtins::{method, method_args, no_kwargs};
use crate::error::{type_error, PyResult};
use crate::object::{KwArgs, Object};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let t = vm.types.str.clone();
    method(&t, "join", join);
    method(&t, "format", format);
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn join(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    no_kwargs("str.join", kw)?;
    method_args("str.join", args, 1, 1)?;
    let sep = s(&args[0]).to_string();
    let items = vm.collect(args[1].clone())?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match x.as_str() {
            Some(t) => out.push_str(t),
            None => {
                return Err(type_error(format!(
                    "sequence item {}: expected str instance, {} found",
                    i,
                    vm.type_name(x)
                )))
            }
        }
    }
    Ok(Value::from_string(out))
}

/// str.format: {} {0} {name} {x.attr} {x[0]} with conversions and nested specs.
fn format(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let template = s(&args[0]).to_string();
    let pos = &args[1..];
    let mut out = String::new();
    let mut auto = 0usize;
    let chars: Vec<char> = template.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if i + 1 < chars.len() && chars[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (nested braces allowed in the spec).
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                if chars[j] == '{' {
                    depth += 1;
                } else if chars[j] == '}' {
                    depth -= 1;
                }
                if depth > 0 {
                    j += 1;
                }
            }
            if j >= chars.len() {
                return Err(crate::error::value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            out.push_str(&format_field(vm, &field, pos, kw, &mut auto)?);
            i = j + 1;
        } else if c == '}' {
            if i + 1 < chars.len() && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(crate::error::value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(Value::from_string(out))
}

fn format_field(vm: &mut Vm, field: &str, pos: &[Value], kw: &KwArgs, auto: &mut usize) -> PyResult<String> {
    // field_name[!conv][:spec]
    let (name_conv, spec) = match field.find(':') {
        Some(p) => (&field[..p], &field[p + 1..]),
        None => (field, ""),
    };
    let (name, conv) = match name_conv.find('!') {
        Some(p) => (&name_conv[..p], Some(&name_conv[p + 1..])),
        None => (name_conv, None),
    };
    // The first part of the name up to '.' or '['.
    let split = name.find(['.', '[']).unwrap_or(name.len());
    let (head, mut rest) = (&name[..split], &name[split..]);
    let mut v = if head.is_empty() {
        let v = pos.get(*auto).cloned().ok_or_else(|| {
            crate::error::PyErr::new(
                crate::error::ExcKind::IndexError,
                format!("Replacement index {} out of range for positional args tuple", *auto),
            )
        })?;
        *auto += 1;
        v
    } else if let Ok(n) = head.parse::<usize>() {
        pos.get(n).cloned().ok_or_else(|| {
            crate::error::PyErr::new(
                crate::error::ExcKind::IndexError,
                format!("Replacement index {} out of range for positional args tuple", n),
            )
        })?
    } else {
        match kw.iter().find(|(k, _)| &**k == head) {
            Some((_, v)) => v.clone(),
            None => return Err(crate::error::PyErr::with_value(crate::error::ExcKind::KeyError, Value::str(head))),
        }
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            v = vm.getattr(&v, &Value::str(&r[..end]))?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').ok_or_else(|| crate::error::value_error("Missing ']' in format string"))?;
            let key = &r[..end];
            let k = match key.parse::<i64>() {
                Ok(i) => Value::Int(i),
                Err(_) => Value::str(key),
            };
            v = vm.getitem(&v, &k)?;
            rest = &r[end + 1..];
        } else {
            break;
        }
    }
    let v = match conv {
        Some("r") => Value::from_string(vm.repr(&v)?),
        Some("s") => Value::from_string(vm.str_of(&v)?),
        Some("a") => Value::from_string(crate::vm::text::ascii_escape(&vm.repr(&v)?)),
        Some(other) => {
            return Err(crate::error::value_error(format!(
                "Unknown conversion specifier {}",
                other
            )))
        }
        None => v,
    };
    // Nested replacement fields inside the spec.
    let spec = if spec.contains('{') {
        let t = Value::str(spec);
        let mut a: Vec<Value> = vec![t];
        a.extend_from_slice(pos);
        let r = format(vm, &a, kw)?;
        r.as_str().unwrap_or("").to_string()
    } else {
        spec.to_string()
    };
    vm.format(&v, &spec)
}

#[allow(dead_code)]
fn _o(_: &Object) {}
