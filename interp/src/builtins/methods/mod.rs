//! Methods of the builtin types, one file per type. Each `install` registers its methods in the type's
//! dict; `self` arrives as args[0].

pub mod bytearray;
pub mod bytes;
pub mod codecs;
pub mod complex;
mod dict;
mod dunders;
mod list;
pub mod memoryview;
mod misc;
mod num;
mod set;
pub(crate) mod str;
mod tuple;
mod unicode_data;
pub(crate) mod util;

use crate::error::PyResult;
use crate::object::Object;
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    list::install(vm);
    misc::install(vm);
    dict::install(vm);
    str::install(vm);
    tuple::install(vm);
    set::install(vm);
    num::install(vm);
    bytes::install(vm);
    bytearray::install(vm);
    complex::install(vm);
    memoryview::install(vm);
    dunders::install(vm);
}

/// Data attributes of builtin values that are not methods (`z.real`, `m.nbytes`), for `getattr`.
pub fn data_attr(obj: &Value, name: &str) -> Option<PyResult<Value>> {
    match obj.as_obj()? {
        Object::Complex(c) => complex::attr(c, name).map(Ok),
        Object::MemoryView(m) => memoryview::attr(m, name),
        _ => None,
    }
}
