//! Attributes of instances: `LoadAttr`, `LoadMethod` and `StoreAttr` on shaped instances, and the truth
//! value of instances.
//!
//! What is cacheable is decided by the interpreter's attribute cache (`vm::attrcache`:
//! `attr_load_plan` / `attr_store_plan`), so the trace and the interpreter's inline caches agree on the
//! rules (no data descriptor, no `__getattribute__`/`__setattr__` override, not in dict mode...). A plan
//! is valid for instances of one class with one shape under one type epoch, so the trace guards exactly
//! that (offsets from `SeqLayout`, probed at startup):
//! - kind: `load.int o, 16` + `band 255` + `guard_eq K(instance tag)` (once per IR value);
//! - class: `load.obj o, cls` + `guard_eq K(class)` (once per IR value: an instance's class never
//!   changes);
//! - epoch: `load.int K(&type_epoch), 0` + `guard_eq K(epoch)` (once per trace: no helper a trace calls
//!   runs Python code, so nothing inside a trace can change a class);
//! - shape: `load.int o, shape` + `guard_eq K(shape)`, skipped while the recorder knows the shape
//!   (`known_shape`: after a guard or an `attr_add` on the same IR value; every `attr_add` forgets the
//!   others, which may alias its object);
//! - then a slot hit is `load.ptr o, slots` + `padd` + `guard_tag` + typed `load`; a class attribute
//!   (method or plain value) is a constant.
//!
//! Stores: of an int/float/bool/None over a value that owns nothing (the same kinds, or Undef: a member
//! a constructor sets for the first time), `guard_tag` of the old tag + raw tag and payload stores;
//! otherwise `attr_set.<type>`
//! (which retires the old value into the nursery if it held the last reference); a new attribute is
//! `attr_add.<type>` (append a slot and move to the child shape, found while recording).

use super::seq::{value_type, SeqKind};
use super::{nyi, Cx, RResult, Recorder, Sv};
use crate::ir::{Const, IrRef, Op, SnapId, Type};
use crate::runtime::{shape_bits, RC_VALUE_OFFSET};
use pvm_interp::code::Code;
use pvm_interp::object::{ObjRef, Object};
use pvm_interp::shape::Shape;
use pvm_interp::value::Value;
use pvm_interp::vm::attrcache::{LoadHit, StoreHit};
use pvm_interp::vm::Vm;
use std::rc::Rc;

const NS: SnapId = SnapId::NONE;

impl Recorder {
    /// Guard that `o` is an instance of exactly `cls` (once per IR value).
    pub(super) fn guard_class(&mut self, vm: &Vm, o: IrRef, cls: &ObjRef) -> RResult {
        let l = self
            .layout()
            .ok_or_else(|| nyi("instance layout unknown"))?;
        let kc = self.kobj(&Value::Obj(cls.clone()));
        if self.known_class.get(&o) == Some(&kc) {
            return Ok(());
        }
        if self.em.trace.const_of(o).is_some() {
            // A constant object (a guarded global, a class attribute) whose class was checked while
            // recording: the class of an instance never changes.
            self.known_class.insert(o, kc);
            return Ok(());
        }
        if self.known_kind.get(&o) != Some(&SeqKind::Instance) {
            let w = self.em.load(Type::Int, o, RC_VALUE_OFFSET as i32);
            let m = self.em.kint(0xff);
            let t = self.em.ins(Op::BAnd, &[w, m], NS);
            let k = self.em.kint(l.inst_tag as i64);
            self.guard(vm, Op::GuardEq, &[t, k])?;
            self.known_kind.insert(o, SeqKind::Instance);
        }
        let c = self.em.load(Type::Obj, o, l.inst_cls);
        self.guard(vm, Op::GuardEq, &[c, kc])?;
        self.known_class.insert(o, kc);
        Ok(())
    }

    /// Guard the global type epoch (once per trace; see the module docs).
    pub(super) fn guard_epoch(&mut self, vm: &Vm) -> RResult {
        if self.epoch_guarded {
            return Ok(());
        }
        self.guard_version(vm, vm.type_epoch_ptr(), vm.type_epoch.get())?;
        self.epoch_guarded = true;
        Ok(())
    }

    /// Guard that the instance `o` (class already guarded) has shape `shape`.
    fn guard_shape(&mut self, vm: &Vm, o: IrRef, shape: &Rc<Shape>) -> RResult {
        let l = self
            .layout()
            .ok_or_else(|| nyi("instance layout unknown"))?;
        let bits = shape_bits(shape);
        if self.known_shape.get(&o) == Some(&bits) {
            return Ok(());
        }
        let s = self.em.load(Type::Int, o, l.inst_shape);
        let k = self.em.kint(bits as i64);
        self.guard(vm, Op::GuardEq, &[s, k])?;
        self.known_shape.insert(o, bits);
        Ok(())
    }

    /// The address of attribute slot `k` of the instance `o` (shape already guarded).
    fn attr_slot_addr(&mut self, o: IrRef, k: usize) -> RResult<IrRef> {
        let l = self
            .layout()
            .ok_or_else(|| nyi("instance layout unknown"))?;
        let data = self.em.load(Type::Ptr, o, l.inst_slots);
        let off = self.em.kint((k * crate::abi::VALUE_SIZE) as i64);
        Ok(self.em.ins(Op::PAdd, &[data, off], NS))
    }

    /// `obj.name` for the instance in slot `at`: guards, then the slot's value or the class attribute.
    /// Returns (value, is the unbound method found on the class).
    fn instance_load(&mut self, vm: &mut Vm, at: usize, name: &Value) -> RResult<(IrRef, bool)> {
        let recv = vm.stack[at].clone();
        let plan = vm.attr_load_plan(&recv, name).ok_or_else(|| {
            nyi("attribute not cacheable (descriptor, __getattr__, dict mode...)")
        })?;
        let o = self.get(vm, at)?;
        self.guard_class(vm, o, &plan.cls)?;
        self.guard_epoch(vm)?;
        self.guard_shape(vm, o, &plan.shape)?;
        Ok(match plan.hit {
            LoadHit::Slot(k) if self.fresh_member(o, k).is_some_and(|v| !self.is_undef(v)) => {
                // A member the trace itself set on an instance it allocated: that value.
                (self.fresh_member(o, k).unwrap_or(IrRef::NONE), false)
            }
            LoadHit::Slot(k) => {
                let v = match recv.as_obj() {
                    Some(Object::Instance(i)) => i.attrs.borrow().slots[k].clone(),
                    _ => return Err(nyi("attribute of a non-instance")),
                };
                let a = self.attr_slot_addr(o, k)?;
                (self.load_elem(vm, a, &v)?, false)
            }
            LoadHit::Method(f) => (self.kobj(&f), true),
            LoadHit::ClassValue(v) => (self.kvalue(&v), false),
        })
    }

    /// `C.name` for a class `C` in slot `at` (`Vm::class_attr_plan`): a constant under the class's
    /// identity and the type epoch.
    pub(super) fn class_attr(&mut self, vm: &Vm, at: usize, name: &Value) -> RResult<IrRef> {
        let recv = vm.stack[at].clone();
        let Value::Obj(cls) = &recv else {
            return Err(nyi("attribute of a non-class"));
        };
        let v = vm
            .class_attr_plan(cls, name)
            .ok_or_else(|| nyi("class attribute that is not a plain function or value"))?;
        let r = self.get(vm, at)?;
        self.guard_identity(vm, r, &recv)?;
        self.guard_epoch(vm)?;
        Ok(self.kvalue(&v))
    }

    /// `LoadAttr` on an instance (a method found on the class would need a bound-method object).
    pub(super) fn rec_instance_load_attr(
        &mut self,
        vm: &mut Vm,
        code: &Rc<Code>,
        cx: &Cx,
    ) -> RResult {
        let name = code.names[cx.arg as usize].clone();
        let (r, method) = self.instance_load(vm, cx.sp - 1, &name)?;
        if method {
            return Err(nyi("bound method object (LoadAttr of a method)"));
        }
        self.set(cx.sp - 1, Sv::Val(r));
        Ok(())
    }

    /// `LoadMethod` on an instance: `(function, self)` for a method found on the class, else
    /// `(Undef, value)`, as the interpreter pushes them.
    pub(super) fn rec_instance_load_method(
        &mut self,
        vm: &mut Vm,
        code: &Rc<Code>,
        cx: &Cx,
    ) -> RResult {
        let name = code.names[cx.arg as usize].clone();
        let o = self.get(vm, cx.sp - 1)?;
        let (r, method) = self.instance_load(vm, cx.sp - 1, &name)?;
        if method {
            self.set(cx.sp - 1, Sv::Val(r));
            self.set(cx.sp, Sv::Val(o));
        } else {
            self.set(cx.sp - 1, Sv::Undef);
            self.set(cx.sp, Sv::Val(r));
        }
        Ok(())
    }

    /// `StoreAttr` (`obj.name = v`, obj on top): an existing slot, or a new one (shape transition).
    pub(super) fn rec_store_attr(&mut self, vm: &mut Vm, code: &Rc<Code>, cx: &Cx) -> RResult {
        let (iv, io) = (cx.sp - 2, cx.sp - 1);
        let recv = vm.stack[io].clone();
        if !matches!(recv.as_obj(), Some(Object::Instance(_))) {
            return Err(nyi("StoreAttr on a non-instance"));
        }
        let name = code.names[cx.arg as usize].clone();
        let plan = vm
            .attr_store_plan(&recv, &name)
            .ok_or_else(|| nyi("attribute store not cacheable (descriptor, __setattr__...)"))?;
        let o = self.get(vm, io)?;
        let v = self.get(vm, iv)?;
        let ty = self.em.trace.ty(v);
        if matches!(ty, Type::Undef | Type::Wide) {
            return Err(nyi("storing this value as an attribute"));
        }
        self.check_effect(o)?;
        self.guard_class(vm, o, &plan.cls)?;
        self.guard_epoch(vm)?;
        self.guard_shape(vm, o, &plan.shape)?;
        match plan.hit {
            StoreHit::Slot(k) => {
                let old_ty = match recv.as_obj() {
                    Some(Object::Instance(i)) => {
                        value_type(&i.attrs.borrow().slots[k]).unwrap_or(Type::Undef)
                    }
                    _ => Type::Obj,
                };
                let plain =
                    |t: Type| matches!(t, Type::Int | Type::Float | Type::Bool | Type::None);
                // The trace made the object and knows what this member holds (Undef or a value it
                // stored, whose type is the member's tag): no guard needed.
                let known = self.fresh_member(o, k).is_some();
                if plain(ty) && (plain(old_ty) || old_ty == Type::Undef) {
                    // Over a value that owns nothing (a member a constructor sets for the first time
                    // is Undef): guard its tag (unless the trace knows it), then store the new tag and
                    // payload raw.
                    let a = self.attr_slot_addr(o, k)?;
                    if !known {
                        let s = self.snapshot(vm)?;
                        self.em.guard_tag(a, 0, old_ty, s);
                    }
                    if old_ty != ty {
                        let tag = ty.tag().ok_or_else(|| nyi("tag of a value"))?;
                        let kt = self.em.kint(tag as i64);
                        self.em.store(a, crate::abi::TAG_OFFSET as i32, kt);
                    }
                    if ty != Type::None {
                        self.em.store(a, crate::abi::PAYLOAD_OFFSET as i32, v);
                    }
                } else {
                    let kk = self.em.kint(k as i64);
                    let name = crate::runtime::tagged("attr_set", ty);
                    self.callg(vm, Type::Void, &name, &[o, kk, v])?;
                }
                self.note_member_store(o, &plan.cls, k, v);
            }
            StoreHit::Add(next) => {
                let kn = self.em.konst(Const::Int(Rc::as_ptr(&next) as i64));
                let name = crate::runtime::tagged("attr_add", ty);
                self.callg(vm, Type::Void, &name, &[o, kn, v])?;
                // Only `attr_add` changes shapes in a trace (no helper runs Python code, nothing
                // moves an instance to dict mode). Another IR value may be the same object, so
                // forget every other known shape.
                self.known_shape.clear();
                self.known_shape.insert(o, shape_bits(&next));
            }
        }
        self.set(iv, Sv::Undef);
        self.set(io, Sv::Undef);
        Ok(())
    }

    /// `obj` was just made by `new_instance(cls)`: its shape is the class's root shape and its
    /// members are all Undef (`Instance::new`).
    pub(super) fn note_fresh_instance(&mut self, obj: IrRef, cls: &Value) {
        let Some(Object::Type(t)) = cls.as_obj() else {
            return;
        };
        let Value::Obj(c) = cls else { return };
        let n = t.nmembers;
        self.known_shape.insert(obj, shape_bits(&Shape::root(n)));
        let undef = self.em.konst(Const::Undef);
        self.fresh_members.insert(
            obj,
            (Rc::as_ptr(c) as *const u8 as usize, vec![Some(undef); n]),
        );
    }

    /// Is `v` the `Undef` constant?
    fn is_undef(&self, v: IrRef) -> bool {
        matches!(self.em.trace.const_of(v), Some(Const::Undef))
    }

    /// What member slot `k` of `o` holds, if `o` is an instance the trace allocated and the trace
    /// knows (see `Recorder::fresh_members`).
    fn fresh_member(&self, o: IrRef, k: usize) -> Option<IrRef> {
        self.fresh_members.get(&o)?.1.get(k).copied().flatten()
    }

    /// Member slot `k` of `o` (an instance of `cls`) now holds `v`. A store through any other
    /// reference (not itself an instance the trace allocated) may have written the same slot of an
    /// instance the trace allocated (if one escaped and came back): forget that slot of every such
    /// instance of the class.
    fn note_member_store(&mut self, o: IrRef, cls: &ObjRef, k: usize, v: IrRef) {
        let c = Rc::as_ptr(cls) as *const u8 as usize;
        // Through an instance the trace allocated itself, the store cannot reach another one.
        let distinct = self.fresh_members.contains_key(&o);
        for (&r, (rc, slots)) in self.fresh_members.iter_mut() {
            if r != o && *rc == c && !distinct {
                if let Some(s) = slots.get_mut(k) {
                    *s = None;
                }
            }
        }
        if let Some((_, slots)) = self.fresh_members.get_mut(&o) {
            if let Some(s) = slots.get_mut(k) {
                *s = Some(v);
            }
        }
    }

    /// The truth value of an instance whose class defines neither `__bool__` nor `__len__`: True, under
    /// class and epoch guards.
    pub(super) fn instance_truth(&mut self, vm: &Vm, abs: usize) -> RResult<IrRef> {
        let v = vm.stack[abs].clone();
        let cls = vm
            .instance_always_true(&v)
            .ok_or_else(|| nyi("truth value of an object"))?;
        let o = self.get(vm, abs)?;
        self.guard_class(vm, o, &cls)?;
        self.guard_epoch(vm)?;
        Ok(self.em.konst(Const::Bool(true)))
    }
}
