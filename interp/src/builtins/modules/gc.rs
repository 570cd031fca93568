//! `gc`: the cycle collector's Python interface (the collector itself is crate::gc).

use crate::builtins::register;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

pub(super) fn init(_vm: &mut Vm, d: &ObjRef) {
    register(d, "collect", |_vm, _a, _k| {
        Ok(Value::Int(crate::gc::collect() as i64))
    });
    register(d, "enable", |_vm, _a, _k| {
        crate::gc::set_enabled(true);
        Ok(Value::None)
    });
    register(d, "disable", |_vm, _a, _k| {
        crate::gc::set_enabled(false);
        Ok(Value::None)
    });
    register(d, "isenabled", |_vm, _a, _k| {
        Ok(Value::Bool(crate::gc::is_enabled()))
    });
}
