//! Methods of the builtin types, one file per type. Each `install` registers its methods in the type's
//! dict; `self` arrives as args[0].

mod bytes;
mod dict;
mod list;
mod misc;
mod num;
mod set;
mod str;
mod tuple;
mod unicode_data;
pub(crate) mod util;

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
}
