//! Names that resolve through dicts: globals, builtins, module attributes, methods of builtin types.
//!
//! Each lookup is done once, while recording, and its result becomes a trace constant. What makes that
//! safe is a guard on the version counter of every dict the lookup looked at (`load.int` of the
//! counter + `guard_eq`): any store into the dict bumps it. A global found in the module dict depends on
//! that dict only; one found in builtins depends on both (a later global of the same name would shadow
//! it). The dicts are kept alive with the trace, so the counters' addresses stay valid.

use super::{nyi, Abort, Cx, RResult, Recorder, Sv};
use crate::ir::{Op, SnapId, Type};
use crate::runtime::kind;
use pvm_interp::code::Code;
use pvm_interp::dict::Dict;
use pvm_interp::object::{ObjRef, Object};
use pvm_interp::value::Value;
use pvm_interp::vm::Vm;
use std::rc::Rc;

const NS: SnapId = SnapId::NONE;

fn dict_version(d: &ObjRef) -> Option<(*const u64, u64)> {
    let Object::Dict(cell) = &**d else {
        return None;
    };
    let v = cell.try_borrow().ok()?.version;
    Some((Dict::version_ptr(d)?, v))
}

impl Recorder {
    /// Guard a dict's version; the dict is kept alive with the trace.
    fn guard_dict(&mut self, vm: &Vm, d: &ObjRef) -> RResult {
        let (addr, version) = dict_version(d).ok_or_else(|| nyi("namespace is not a dict"))?;
        self.keep_alive(d);
        self.guard_version(vm, addr, version)
    }

    /// `LoadGlobal`: the value as a constant, under version guards.
    pub(super) fn rec_load_global(&mut self, vm: &mut Vm, code: &Rc<Code>, cx: &Cx) -> RResult {
        let name = &code.names[cx.arg as usize];
        let globals = vm
            .frames
            .last()
            .map(|f| f.globals.clone())
            .ok_or_else(|| nyi("no frame"))?;
        let found = vm.dict_get_str(&globals, name).ok().flatten();
        self.guard_dict(vm, &globals)?;
        let v = match found {
            Some(v) => v,
            None => {
                let b = vm.builtins.clone();
                let v = vm.dict_get_str(&b, name).ok().flatten().ok_or_else(|| {
                    Abort::UndefinedGlobal {
                        name: name.as_str().unwrap_or("?").to_string(),
                    }
                })?;
                self.guard_dict(vm, &b)?;
                v
            }
        };
        let r = self.kvalue(&v);
        self.set(cx.sp, Sv::Val(r));
        Ok(())
    }

    /// A module attribute, for `LoadAttr` / `LoadMethod` on a module: the module's identity is guarded
    /// (unless it is already a constant), then its dict's version.
    fn module_attr(&mut self, vm: &mut Vm, code: &Rc<Code>, cx: &Cx) -> RResult<Value> {
        let recv = vm.stack[cx.sp - 1].clone();
        let Some(Object::Module(m)) = recv.as_obj() else {
            return Err(nyi("attribute of a non-module"));
        };
        let r = self.get(vm, cx.sp - 1)?;
        self.guard_identity(vm, r, &recv)?;
        let name = &code.names[cx.arg as usize];
        let dict = m.dict.clone();
        let v = vm
            .dict_get_str(&dict, name)
            .ok()
            .flatten()
            .ok_or_else(|| nyi("missing module attribute (AttributeError ahead)"))?;
        self.guard_dict(vm, &dict)?;
        Ok(v)
    }

    /// `LoadAttr` on a module (instances: `attrs.rs`).
    pub(super) fn rec_load_attr(&mut self, vm: &mut Vm, code: &Rc<Code>, cx: &Cx) -> RResult {
        match vm.stack[cx.sp - 1].as_obj() {
            Some(Object::Instance(_)) => return self.rec_instance_load_attr(vm, code, cx),
            Some(Object::Type(_)) => {
                let name = code.names[cx.arg as usize].clone();
                let r = self.class_attr(vm, cx.sp - 1, &name)?;
                self.set(cx.sp - 1, Sv::Val(r));
                return Ok(());
            }
            _ => {}
        }
        let v = self.module_attr(vm, code, cx)?;
        let r = self.kvalue(&v);
        self.set(cx.sp - 1, Sv::Val(r));
        Ok(())
    }

    /// `LoadMethod`: on a module it pushes (Undef, attribute); on a list it pushes (method, list) after
    /// guarding that the receiver is a list and the list type is unchanged.
    pub(super) fn rec_load_method(&mut self, vm: &mut Vm, code: &Rc<Code>, cx: &Cx) -> RResult {
        let recv = vm.stack[cx.sp - 1].clone();
        match recv.as_obj() {
            Some(Object::Module(_)) => {
                let v = self.module_attr(vm, code, cx)?;
                let r = self.kvalue(&v);
                self.set(cx.sp - 1, Sv::Undef);
                self.set(cx.sp, Sv::Val(r));
                Ok(())
            }
            Some(Object::List(_)) => {
                let name = &code.names[cx.arg as usize];
                let Ok(Some(m)) = vm.lookup_method(&recv, name) else {
                    return Err(nyi("list attribute that is not a method"));
                };
                let o = self.get(vm, cx.sp - 1)?;
                if self.layout().is_some() {
                    self.guard_seq(vm, o, super::seq::SeqKind::List)?;
                } else {
                    let k = self.em.call(Op::CallPure, Type::Int, "obj_kind", &[o], NS);
                    let want = self.em.kint(kind::LIST);
                    self.guard(vm, Op::GuardEq, &[k, want])?;
                }
                let list_type = vm.types.list.clone();
                if let Object::Type(t) = &*list_type {
                    self.keep_alive(&list_type);
                    self.guard_version(vm, t.version.as_ptr() as *const u64, t.version.get())?;
                }
                let mr = self.kobj(&m);
                self.set(cx.sp - 1, Sv::Val(mr));
                self.set(cx.sp, Sv::Val(o));
                Ok(())
            }
            Some(Object::Instance(_)) => self.rec_instance_load_method(vm, code, cx),
            Some(Object::Type(_)) => {
                // The interpreter's `lookup_method` finds nothing on a class: `(Undef, C.name)`.
                let name = code.names[cx.arg as usize].clone();
                let r = self.class_attr(vm, cx.sp - 1, &name)?;
                self.set(cx.sp - 1, Sv::Undef);
                self.set(cx.sp, Sv::Val(r));
                Ok(())
            }
            _ => Err(nyi("method of this type")),
        }
    }
}
