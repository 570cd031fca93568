//! Names that resolve through dicts: globals, builtins, module attributes, methods of builtin types.
//!
//! A namespace dict is read in one of two ways per trace (`NsMode`, decided per dict address):
//!
//! - **Versioned** (the usual case: a function's loop reading module globals). Each lookup is done once,
//!   while recording, and its result becomes a trace constant. What makes that safe is a guard on the
//!   version counter of every dict the lookup looked at (`load.int` of the counter + `guard_eq`): any
//!   store into the dict bumps it. A global found in the module dict depends on that dict only; one found
//!   in builtins depends on both (a later global of the same name would shadow it).
//! - **Cells** (the trace itself stores globals of that dict: a loop at module level, whose loop variable
//!   alone is a global store, or a function with `global x`). Its version moves on every iteration, so
//!   a version guard would always fail. Instead the trace guards the dict's `layout` counter (which entry
//!   holds which key; only adding or removing keys moves it) and reads and writes entry values in place
//!   at their addresses, like list elements: `guard_tag` + typed `load`; a store over a plain value of
//!   the same type is a payload `store` plus a `version` bump (other traces and the inline caches
//!   still see the change), any other store goes through the `global_set` helper. Reading a global
//!   another global shadows is a layout guard too (a new key moves the layout).
//!
//! A dict is Cells if a frame the recording starts in stores globals (its code has `StoreGlobal`), or
//! if an earlier recording of the tree aborted with `GlobalStore` (a store into a dict already read as
//! Versioned: the driver remembers the dict and records again). The dicts are kept alive with the trace,
//! so the counters' and entries' addresses stay valid.

use super::seq::value_type;
use super::{nyi, Abort, Cx, RResult, Recorder, Sv};
use crate::ir::{Const, IrRef, Op, SnapId, Type};
use crate::runtime::kind;
use pvm_interp::bytecode::Op as Bc;
use pvm_interp::code::Code;
use pvm_interp::dict::Dict;
use pvm_interp::object::{ObjRef, Object};
use pvm_interp::value::Value;
use pvm_interp::vm::Vm;
use std::rc::Rc;

const NS: SnapId = SnapId::NONE;

/// How a trace reads a namespace dict (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NsMode {
    /// Values are constants under a version guard.
    Versioned,
    /// Values are loaded and stored in place under a layout guard.
    Cells,
    /// Cells, and this iteration has bumped the version already: one bump per iteration is enough,
    /// as nothing can look at the version between two stores of one trace iteration.
    CellsBumped,
}

fn dict_addr(d: &ObjRef) -> usize {
    Rc::as_ptr(d) as *const u8 as usize
}

/// Does `code` assign or delete module globals?
fn stores_globals(code: &Code) -> bool {
    code.instrs
        .iter()
        .any(|i| matches!(i.op(), Bc::StoreGlobal | Bc::DeleteGlobal))
}

fn dict_version(d: &ObjRef) -> Option<(*const u64, u64)> {
    let Object::Dict(cell) = &**d else {
        return None;
    };
    let v = cell.try_borrow().ok()?.version;
    Some((Dict::version_ptr(d)?, v))
}

impl Recorder {
    /// Mark the globals of the frames the recording starts in that store globals as Cells.
    pub(super) fn scan_namespaces(&mut self, vm: &Vm) {
        for f in &vm.frames[self.depth.min(vm.frames.len())..] {
            if stores_globals(&f.code) {
                self.namespaces.insert(dict_addr(&f.globals), NsMode::Cells);
            }
        }
    }

    /// Read the dict at `addr` as Cells from the start (the driver's memory of a `GlobalStore` abort).
    pub fn mark_cells(&mut self, addr: usize) {
        self.namespaces.insert(addr, NsMode::Cells);
    }

    /// After a `GlobalStore` abort: the namespace that was stored into while read as constants.
    pub fn store_conflict(&self) -> Option<usize> {
        self.store_conflict
    }

    fn is_cells(&self, d: &ObjRef) -> bool {
        matches!(
            self.namespaces.get(&dict_addr(d)),
            Some(NsMode::Cells | NsMode::CellsBumped)
        )
    }

    /// Guard a dict's version; the dict is kept alive with the trace.
    fn guard_dict(&mut self, vm: &Vm, d: &ObjRef) -> RResult {
        if self.is_cells(d) {
            return Err(nyi("attribute of a module whose globals the trace stores"));
        }
        self.namespaces.insert(dict_addr(d), NsMode::Versioned);
        let (addr, version) = dict_version(d).ok_or_else(|| nyi("namespace is not a dict"))?;
        self.keep_alive(d);
        self.guard_version(vm, addr, version)
    }

    /// Guard a Cells dict's layout (re-emitted at every access: CSE drops the repeats until a call).
    fn guard_layout(&mut self, vm: &Vm, d: &ObjRef) -> RResult {
        let Object::Dict(cell) = &**d else {
            return Err(nyi("namespace is not a dict"));
        };
        let layout = cell
            .try_borrow()
            .map_err(|_| nyi("namespace borrowed"))?
            .layout;
        let addr = Dict::layout_ptr(d).ok_or_else(|| nyi("namespace is not a dict"))?;
        self.keep_alive(d);
        self.guard_version(vm, addr, layout)
    }

    /// The entry of `name` in the Cells dict `d`, under a layout guard: (address of its value as a
    /// constant pointer, the value now, its entry index), or None if `d` has no such key.
    fn cell_entry(
        &mut self,
        vm: &Vm,
        d: &ObjRef,
        name: &Value,
    ) -> RResult<Option<(IrRef, Value, usize)>> {
        let Object::Dict(cell) = &**d else {
            return Err(nyi("namespace is not a dict"));
        };
        let s = name.as_str().ok_or_else(|| nyi("non-str global name"))?;
        let found = {
            let dict = cell.try_borrow().map_err(|_| nyi("namespace borrowed"))?;
            dict.find_str_value(name, s, pvm_interp::hash::hash_str(s))
                .and_then(|ix| Some((ix, dict.entry(ix)?.value.clone())))
        };
        self.guard_layout(vm, d)?;
        let Some((ix, v)) = found else {
            return Ok(None);
        };
        let p = Dict::entry_value_ptr(d, ix).ok_or_else(|| nyi("namespace borrowed"))?;
        Ok(Some((self.em.konst(Const::Ptr(p as u64)), v, ix)))
    }

    /// `LoadGlobal`: the value as a constant, under version guards (or from its entry: Cells).
    pub(super) fn rec_load_global(&mut self, vm: &mut Vm, code: &Rc<Code>, cx: &Cx) -> RResult {
        let name = &code.names[cx.arg as usize];
        let globals = vm
            .frames
            .last()
            .map(|f| f.globals.clone())
            .ok_or_else(|| nyi("no frame"))?;
        if vm.custom_builtins_of(&globals).is_some() {
            return Err(nyi("globals with a custom __builtins__"));
        }
        if self.is_cells(&globals) {
            if let Some((p, v, _)) = self.cell_entry(vm, &globals, name)? {
                let r = self.load_elem(vm, p, &v)?;
                self.set(cx.sp, Sv::Val(r));
                return Ok(());
            }
            // Not a module global (the layout guard covers one appearing): a builtin.
            let b = vm.builtins.clone();
            let v =
                vm.dict_get_str(&b, name)
                    .ok()
                    .flatten()
                    .ok_or_else(|| Abort::UndefinedGlobal {
                        name: name.as_str().unwrap_or("?").to_string(),
                    })?;
            self.guard_dict(vm, &b)?;
            let r = self.kvalue(&v);
            self.set(cx.sp, Sv::Val(r));
            return Ok(());
        }
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

    /// `StoreGlobal` (value on top) into a Cells dict, in place.
    pub(super) fn rec_store_global(&mut self, vm: &mut Vm, code: &Rc<Code>, cx: &Cx) -> RResult {
        let name = &code.names[cx.arg as usize];
        let globals = vm
            .frames
            .last()
            .map(|f| f.globals.clone())
            .ok_or_else(|| nyi("no frame"))?;
        if !self.is_cells(&globals) {
            if self.namespaces.contains_key(&dict_addr(&globals)) {
                self.store_conflict = Some(dict_addr(&globals));
                return Err(Abort::GlobalStore {
                    name: name.as_str().unwrap_or("?").to_string(),
                });
            }
            // Nothing read this dict as constants yet: Cells from here on.
            self.namespaces.insert(dict_addr(&globals), NsMode::Cells);
        }
        let v = self.get(vm, cx.sp - 1)?;
        let ty = self.em.trace.ty(v);
        if matches!(ty, Type::Undef | Type::Wide) {
            return Err(nyi("storing this value as a global"));
        }
        let Some((p, old, ix)) = self.cell_entry(vm, &globals, name)? else {
            return Err(nyi("a new global (a key added to the module dict)"));
        };
        if value_type(&old) == Some(ty) && matches!(ty, Type::Int | Type::Float | Type::Bool) {
            // Over a plain value of the same type: nothing to release; bump the version by hand.
            let s = self.snapshot(vm)?;
            self.em.guard_tag(p, 0, ty, s);
            self.em.store(p, crate::abi::PAYLOAD_OFFSET as i32, v);
            if self
                .namespaces
                .insert(dict_addr(&globals), NsMode::CellsBumped)
                != Some(NsMode::CellsBumped)
            {
                let vaddr =
                    Dict::version_ptr(&globals).ok_or_else(|| nyi("namespace is not a dict"))?;
                let vp = self.em.konst(Const::Ptr(vaddr as u64));
                let n = self.em.load(Type::Int, vp, 0);
                let one = self.em.kint(1);
                let n1 = self.em.ins(Op::Add, &[n, one], NS);
                self.em.store(vp, 0, n1);
            }
        } else {
            let d = self.kobj(&Value::Obj(globals.clone()));
            let k = self.em.kint(ix as i64);
            let name = crate::runtime::tagged("global_set", ty);
            self.callg(vm, Type::Void, &name, &[d, k, v])?;
            self.namespaces
                .insert(dict_addr(&globals), NsMode::CellsBumped);
        }
        self.set(cx.sp - 1, Sv::Undef);
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
            Some(Object::Generator(_)) => self.rec_gen_load_method(vm, code, cx),
            _ => self.builtin_load_method(vm, code, cx),
        }
    }
}
