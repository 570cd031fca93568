//! The `dis` module: pvm's bytecode listings (`Code::disassemble`, the same text as `pvm --dis`), with
//! source line numbers, jump-target marks and argument meanings. pvm's opcodes are its own, so
//! `opname`/`opmap` list pvm's opcode table rather than CPython's.

use crate::builtins::{kwarg, register, set_in};
use crate::dict::Dict;
use crate::error::{type_error, PyResult};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

pub(super) fn init(_vm: &mut Vm, d: &ObjRef) {
    let names: Vec<Value> = crate::bytecode::Op::ALL
        .iter()
        .map(|op| Value::str(op.name()))
        .collect();
    let mut map = Dict::new();
    for op in crate::bytecode::Op::ALL {
        let n = op.name();
        map.set_str(
            Value::str(n),
            crate::hash::hash_str(n),
            Value::Int(*op as i64),
        );
    }
    set_in(d, "opname", Value::obj(Object::List(RefCell::new(names))));
    set_in(d, "opmap", Value::obj(Object::Dict(RefCell::new(map))));
    register(d, "dis", dis);
    register(d, "disassemble", dis);
}

/// The code object behind a function, bound method, code object or generator.
fn code_of(v: &Value) -> Option<std::rc::Rc<crate::code::Code>> {
    match v.as_obj()? {
        Object::Function(f) => Some(f.code.clone()),
        Object::Code(c) => Some(c.clone()),
        Object::BoundMethod(b) => code_of(&b.0),
        _ => None,
    }
}

/// `dis.dis(x, *, file=None)`: a function, method, code object or source string is listed (with the
/// code objects nested in it); a class or module lists each of its functions, by name, as CPython does.
fn dis(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let file = kwarg(kw, "file").cloned().unwrap_or(Value::None);
    let Some(x) = args.first() else {
        return Err(crate::error::PyErr::new(
            crate::error::ExcKind::NotImplementedError,
            "pvm does not support dis.dis() without an argument (the last traceback) yet",
        ));
    };
    let mut out = String::new();
    if let Some(code) = code_of(x) {
        code.disassemble(&mut out);
    } else if let Some(src) = x.as_str() {
        let code = crate::compiler::compile_module(src, "<dis>").map_err(|e| vm.syntax_error(e))?;
        code.disassemble(&mut out);
    } else {
        let items: Vec<(Value, Value)> = match x.as_obj() {
            Some(Object::Type(t)) => t
                .dict
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect(),
            Some(Object::Module(m)) => match &*m.dict {
                Object::Dict(d) => d
                    .borrow()
                    .iter()
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect(),
                _ => vec![],
            },
            _ => {
                return Err(type_error(format!(
                    "don't know how to disassemble {} objects",
                    vm.type_name(x)
                )))
            }
        };
        let mut items: Vec<(String, std::rc::Rc<crate::code::Code>)> = items
            .into_iter()
            .filter_map(|(k, v)| Some((k.as_str()?.to_string(), code_of(&v)?)))
            .collect();
        items.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, code) in items {
            out.push_str(&format!("Disassembly of {}:\n", name));
            code.disassemble(&mut out);
            out.push('\n');
        }
    }
    crate::builtins::functions::write_to_file(vm, &file, &out)?;
    Ok(Value::None)
}
