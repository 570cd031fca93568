//! Functions made inside a trace: `MakeFunction` (a `lambda`, a nested `def`, a comprehension's body)
//! becomes one `make_fn` helper call, and the recorder remembers what it was made of (`MadeFunc`), so
//! that calling it right away (a comprehension, `curry(a)(b)`) inlines with no guard at all: its code
//! is known, and its defaults and cells are the IR values it was made from.
//!
//! The operands are usually virtual tuples (`BuildTuple` of the defaults, of the cells), which a
//! snapshot cannot describe. So the helper exits, when the nursery is full, to the state before the
//! first of those `BuildTuple`s (`vtuple_origin`), provided only loads, constants and `BuildTuple`s
//! ran since: the interpreter then redoes them all, which changes nothing but the stack.

use super::{nyi, Abort, Cx, RResult, Recorder, Sv};
use crate::ir::{IrRef, SnapId, Type};
use crate::vmops::What;
use pvm_interp::bytecode::Op as Bc;
use pvm_interp::code::Code;
use pvm_interp::object::Object;
use pvm_interp::vm::Vm;
use std::rc::Rc;

/// What a function made in the trace was made of.
#[derive(Clone)]
pub(super) struct MadeFunc {
    pub code: Rc<Code>,
    pub defaults: Vec<IrRef>,
    pub cells: Vec<IrRef>,
}

impl Recorder {
    /// `MakeFunction flags` with defaults (1) and/or a closure (8); keyword-only defaults and
    /// annotations abort.
    pub(super) fn rec_make_function(&mut self, vm: &mut Vm, code: &Rc<Code>, cx: &Cx) -> RResult {
        if cx.arg & !(1 | 8) != 0 {
            return Err(nyi(
                "MakeFunction with keyword-only defaults or annotations",
            ));
        }
        let code_at = cx.sp - 1;
        let codev = vm.stack[code_at].clone();
        let Some(Object::Code(fcode)) = codev.as_obj() else {
            return Err(nyi("MakeFunction of a non-code"));
        };
        let fcode = fcode.clone();
        let mut at = code_at;
        let mut take = |flag: u32| {
            (cx.arg & flag != 0).then(|| {
                at -= 1;
                at
            })
        };
        let closure_at = take(8);
        let defaults_at = take(1);
        let mut origins = Vec::new();
        let defaults = match defaults_at {
            Some(s) => self.tuple_items(vm, s, &mut origins)?,
            None => Vec::new(),
        };
        let cells = match closure_at {
            Some(s) => self.tuple_items(vm, s, &mut origins)?,
            None => Vec::new(),
        };
        if cells.len() != fcode.freevars.len() {
            return Err(nyi("MakeFunction with a closure of the wrong size"));
        }
        let snap = match origins.into_iter().min_by_key(|&(_, nbc)| nbc) {
            None => self.snapshot(vm)?,
            Some(origin) => self.redo_from(code, cx, origin)?,
        };
        let globals = vm
            .frames
            .last()
            .map(|f| pvm_interp::value::Value::Obj(f.globals.clone()))
            .ok_or_else(|| nyi("MakeFunction without a frame"))?;
        let kcode = self.kobj(&codev);
        let kglobals = self.kobj(&globals);
        let items: Vec<IrRef> = defaults.iter().chain(&cells).copied().collect();
        // The op field carries the number of defaults; `What` is unused by `make_fn`.
        let m = self.scratch_args(What::Call, defaults.len() as u16, &items)?;
        let f = self.em.call(
            crate::ir::Op::CallGuard,
            Type::Obj,
            "make_fn",
            &[kcode, kglobals, m],
            snap,
        );
        self.made.insert(
            f,
            MadeFunc {
                code: fcode,
                defaults,
                cells,
            },
        );
        for s in at..cx.sp {
            self.set(s, Sv::Undef);
        }
        self.set(at, Sv::Val(f));
        Ok(())
    }

    /// The items of the tuple in `slot`: a virtual tuple's (noting its origin) or a constant tuple's.
    fn tuple_items(
        &mut self,
        vm: &Vm,
        slot: usize,
        origins: &mut Vec<(SnapId, usize)>,
    ) -> RResult<Vec<IrRef>> {
        match self.slot_state(slot) {
            Some(Sv::Tuple(t)) => {
                let origin = self.vtuple_origin.get(t as usize).copied().flatten();
                origins.push(origin.ok_or(Abort::VirtualEscapes)?);
                self.vtuples[t as usize]
                    .clone()
                    .into_iter()
                    .map(|sv| match sv {
                        Sv::Val(r) => Ok(r),
                        _ => Err(Abort::VirtualEscapes),
                    })
                    .collect()
            }
            _ => {
                let r = self.get(vm, slot)?;
                if !r.is_const() {
                    return Err(nyi("MakeFunction of a tuple made elsewhere"));
                }
                match vm.stack[slot].as_obj() {
                    Some(Object::Tuple(items)) => {
                        Ok(items.clone().iter().map(|v| self.kobj(v)).collect())
                    }
                    _ => Err(nyi("MakeFunction of a non-tuple")),
                }
            }
        }
    }

    /// The snapshot of `origin` (the state before a `BuildTuple`) if, from there to this instruction,
    /// the recording ran straight through instructions that only load, push constants or build tuples:
    /// an exit there redoes them, and nothing else happened since.
    fn redo_from(&mut self, code: &Rc<Code>, cx: &Cx, origin: (SnapId, usize)) -> RResult<SnapId> {
        let (snap, nbc) = origin;
        let from = self.em.trace.snaps[snap.index()].pc as usize;
        let to = cx.pc as usize;
        let straight = to > from && self.nbc.checked_sub(nbc) == Some(to - from);
        let pure = code.instrs.get(from..to).is_some_and(|ins| {
            ins.iter().all(|i| {
                matches!(
                    i.op(),
                    Bc::BuildTuple | Bc::LoadClosure | Bc::LoadConst | Bc::LoadFast | Bc::LoadFast2
                )
            })
        });
        if straight && pure {
            Ok(snap)
        } else {
            Err(Abort::VirtualEscapes)
        }
    }
}
