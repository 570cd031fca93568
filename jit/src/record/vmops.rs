//! Builtins and operations without IR of their own: method calls on builtin types (`s.split()`,
//! `d.get(k)`, `seen.add(x)`), calls of builtin functions and types (`ord(c)`, `sorted(xs)`, `tuple(p)`),
//! and `[]`, `in`, comparisons and binary operators on builtin non-number types. Each becomes one guarded
//! `vcall.<type>`/`vop.<type>` helper call that performs the interpreter's own operation (see
//! `crate::vmops` for why that is exact: no Python code, and a failure changes nothing).
//!
//! Which builtins qualify is decided once per driver (`KnownTable::effects`): every method of the
//! immutable builtin types, the non-mutating methods of `list`/`dict`/`set`, the pure builtin functions
//! and types, and a few mutators that only add (`list.extend`, `list.insert`, `set.add`, `list.reverse`).
//! The result type of a pure operation is learned by performing it once while recording (it changes
//! nothing); the helper exits when a later run produces another type.

use super::seq::{value_type, SeqKind};
use super::{nyi, Cx, KnownTable, RResult, Recorder, Sv};
use crate::ir::{Const, IrRef, Op, SnapId, Type};
use crate::runtime::tagged;
use crate::vmops::{inert, meta, perform, Effect, What, MAX_ARGS};
use pvm_interp::code::Code;
use pvm_interp::object::{BuiltinFn, Object};
use pvm_interp::value::Value;
use pvm_interp::vm::Vm;
use std::rc::Rc;

/// Builtin functions that change nothing (given inert arguments).
const PURE_FUNCTIONS: &[&str] = &[
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "callable",
    "chr",
    "divmod",
    "format",
    "hash",
    "hex",
    "id",
    "isinstance",
    "issubclass",
    "len",
    "max",
    "min",
    "oct",
    "ord",
    "pow",
    "repr",
    "round",
    "sorted",
    "sum",
];

/// Builtin types whose construction changes nothing (given inert arguments).
const PURE_TYPES: &[&str] = &[
    "bool",
    "bytes",
    "complex",
    "dict",
    "filter",
    "float",
    "frozenset",
    "int",
    "list",
    "map",
    "reversed",
    "set",
    "slice",
    "str",
    "tuple",
    "zip",
];

/// Methods of the mutable builtin types that change nothing.
const PURE_METHODS: &[(&str, &[&str])] = &[
    ("list", &["count", "index", "copy"]),
    (
        "dict",
        &[
            "get",
            "keys",
            "values",
            "items",
            "copy",
            "__contains__",
            "__getitem__",
        ],
    ),
    (
        "set",
        &[
            "union",
            "intersection",
            "difference",
            "symmetric_difference",
            "issubset",
            "issuperset",
            "isdisjoint",
            "copy",
            "__contains__",
        ],
    ),
];

/// Mutators that return None, check their arguments before changing anything, and never remove an
/// element (a trace may hold one in a register without a reference).
const ADDING_METHODS: &[(&str, &[&str])] = &[
    ("list", &["extend", "insert", "reverse"]),
    ("set", &["add"]),
];

/// Immutable builtin types: all their public methods are pure.
const IMMUTABLE_TYPES: &[&str] = &[
    "str",
    "bytes",
    "tuple",
    "frozenset",
    "int",
    "float",
    "complex",
];

impl KnownTable {
    /// Fill `effects` from the builtins of a fresh interpreter state.
    pub(super) fn add_vmops(&mut self, vm: &mut Vm) {
        let add = |k: &mut KnownTable, v: &Value, e: Effect| match v.as_obj() {
            Some(Object::Builtin(b)) if b.bound.is_none() => {
                let f: BuiltinFn = b.f;
                k.effects.entry((f as usize, b.name)).or_insert(e);
            }
            Some(Object::Type(_)) => {
                if let Value::Obj(o) = v {
                    k.type_effects
                        .insert(Rc::as_ptr(o) as *const u8 as usize, e);
                }
            }
            _ => {}
        };
        let builtins = vm.builtins.clone();
        for name in PURE_FUNCTIONS.iter().chain(PURE_TYPES) {
            if let Some(v) = vm.dict_get_str_quiet(&builtins, name) {
                add(self, &v, Effect::Pure);
            }
        }
        let type_named = |vm: &mut Vm, name: &str| vm.dict_get_str_quiet(&builtins, name);
        for name in IMMUTABLE_TYPES {
            let Some(Value::Obj(t)) = type_named(vm, name) else {
                continue;
            };
            let Object::Type(ty) = &*t else { continue };
            let methods: Vec<Value> = ty
                .dict
                .borrow()
                .iter()
                .filter(|e| e.key.as_str().is_some_and(|n| !n.starts_with("__")))
                .map(|e| e.value.clone())
                .collect();
            for m in methods {
                add(self, &m, Effect::Pure);
            }
        }
        self.set_add = vm.type_lookup(&vm.types.set.clone(), &Value::str("add"));
        for (list, effect) in [
            (PURE_METHODS, Effect::Pure),
            (ADDING_METHODS, Effect::Mutates),
        ] {
            for (tname, names) in list {
                let Some(Value::Obj(t)) = type_named(vm, tname) else {
                    continue;
                };
                for name in names.iter() {
                    if let Some(m) = vm.type_lookup(&t, &Value::str(name)) {
                        add(self, &m, effect);
                    }
                }
            }
        }
    }

    /// What calling the builtin function or type `f` does, if a helper may do it.
    pub fn effect(&self, f: &Value) -> Option<Effect> {
        match f.as_obj()? {
            Object::Builtin(b) if b.bound.is_none() => {
                let p: BuiltinFn = b.f;
                self.effects.get(&(p as usize, b.name)).copied()
            }
            Object::Type(_) => {
                let Value::Obj(o) = f else { return None };
                self.type_effects
                    .get(&(Rc::as_ptr(o) as *const u8 as usize))
                    .copied()
            }
            _ => None,
        }
    }
}

/// The `Object` discriminant of an object value (`Object` is `repr(u8)`: its first byte).
fn obj_tag(o: &pvm_interp::object::ObjRef) -> u8 {
    // SAFETY: `Rc::as_ptr` points at a live `Object`, whose first byte is its discriminant.
    unsafe { *(Rc::as_ptr(o) as *const u8) }
}

impl Recorder {
    /// `LoadMethod` on a builtin-typed receiver whose method a helper may call: `(method, receiver)`,
    /// the method a constant under a guard on the receiver's type.
    pub(super) fn builtin_load_method(&mut self, vm: &mut Vm, code: &Rc<Code>, cx: &Cx) -> RResult {
        let recv = vm.stack[cx.sp - 1].clone();
        let name = &code.names[cx.arg as usize];
        let m = match vm.lookup_method(&recv, name) {
            Ok(Some(m)) if self.known.effect(&m).is_some() => m,
            _ => {
                return Err(nyi(format!(
                    "method {} of {}",
                    name.as_str().unwrap_or("?"),
                    vm.type_name(&recv)
                )))
            }
        };
        let o = self.get(vm, cx.sp - 1)?;
        if let Value::Obj(ob) = &recv {
            let kind = match &**ob {
                Object::List(_) => SeqKind::List,
                Object::Tuple(_) => SeqKind::Tuple,
                _ => SeqKind::Other(obj_tag(ob)),
            };
            self.guard_seq(vm, o, kind)?;
        }
        // Builtin types cannot be changed from Python, but guard their version as list methods do.
        let t = vm.type_of(&recv);
        if let Object::Type(ty) = &*t {
            self.keep_alive(&t);
            self.guard_version(vm, ty.version.as_ptr() as *const u64, ty.version.get())?;
        }
        let mr = self.kobj(&m);
        self.set(cx.sp - 1, Sv::Val(mr));
        self.set(cx.sp, Sv::Val(o));
        Ok(())
    }

    /// A call of builtin `f` (in `fr`, guarded) by `vcall`, on the arguments in slots `args`.
    pub(super) fn vm_call(
        &mut self,
        vm: &mut Vm,
        f: &Value,
        fr: IrRef,
        args: &[usize],
    ) -> RResult<Sv> {
        let effect = self
            .known
            .effect(f)
            .ok_or_else(|| nyi(format!("call of {}", super::calls::callable_name(f))))?;
        let result = match effect {
            Effect::Pure => Some(self.perform_now(vm, What::Call, 0, Some(f), args)?),
            Effect::Mutates => {
                let target = *args
                    .first()
                    .ok_or_else(|| nyi("mutator without receiver"))?;
                let t = self.get(vm, target)?;
                self.check_effect(t)?;
                None
            }
        };
        let r = self.vm_helper(vm, "vcall", Some(fr), What::Call, 0, args, result.as_ref())?;
        Ok(Sv::Val(r))
    }

    /// A pure operation on builtin values by `vop`, on the operands in slots `args`.
    pub(super) fn vm_op(
        &mut self,
        vm: &mut Vm,
        what: What,
        oparg: u16,
        args: &[usize],
    ) -> RResult<IrRef> {
        if args
            .iter()
            .any(|&s| super::dunders::is_instance(&vm.stack[s]))
        {
            return Err(nyi("operation on an instance"));
        }
        let result = self.perform_now(vm, what, oparg, None, args)?;
        self.vm_helper(vm, "vop", None, what, oparg, args, Some(&result))
    }

    /// Perform a pure operation now, to learn its result's type.
    fn perform_now(
        &mut self,
        vm: &mut Vm,
        what: What,
        oparg: u16,
        f: Option<&Value>,
        args: &[usize],
    ) -> RResult<Value> {
        let vals: Vec<Value> = args.iter().map(|&s| vm.stack[s].clone()).collect();
        perform(vm, what, oparg, f, &vals)
            .ok_or_else(|| nyi("an operation that raises or needs Python code here"))
    }

    /// Emit the helper call: argument payloads into the scratch buffer, then `family.<type>`, whose
    /// failure exits through this instruction's snapshot. `result`: the value seen while recording
    /// (None: the operation returns None).
    #[allow(clippy::too_many_arguments)]
    fn vm_helper(
        &mut self,
        vm: &mut Vm,
        family: &str,
        f: Option<IrRef>,
        what: What,
        oparg: u16,
        args: &[usize],
        result: Option<&Value>,
    ) -> RResult<IrRef> {
        let mut refs = Vec::with_capacity(args.len());
        for &s in args {
            if !inert(&vm.stack[s]) {
                return Err(nyi("an iterator as an operand"));
            }
            if let Some(Sv::Tuple(t)) = self.slot_state(s) {
                // A tuple display built right before (`xs.extend((a, b))`, `"%d %s" % (i, s)`) becomes
                // a real tuple.
                let r = self.materialize_tuple(t)?;
                self.set(s, Sv::Val(r));
            }
            refs.push(self.get(vm, s)?);
        }
        let rty = match result {
            None => Type::None,
            Some(v) => value_type(v).ok_or_else(|| nyi("an unbound result"))?,
        };
        let snap = self.snapshot(vm)?;
        self.emit_vm_call(family, f, what, oparg, &refs, rty, snap)
    }

    /// Store the payloads of `refs` into the scratch buffer and answer the `meta` constant that describes
    /// them (their tags) with the operation.
    pub(super) fn scratch_args(
        &mut self,
        what: What,
        oparg: u16,
        refs: &[IrRef],
    ) -> RResult<IrRef> {
        if refs.len() > MAX_ARGS {
            return Err(nyi("a builtin call with this many arguments"));
        }
        let scratch = self.known.scratch;
        if scratch == 0 {
            return Err(nyi("no scratch buffer"));
        }
        let mut tags = Vec::with_capacity(refs.len());
        for &r in refs {
            let ty = self.em.trace.ty(r);
            tags.push(
                match ty {
                    Type::None | Type::Bool | Type::Int | Type::Float | Type::Obj => ty.tag(),
                    _ => None,
                }
                .ok_or_else(|| nyi("an unboxed wide int as an operand"))?,
            );
        }
        let base = self.em.konst(Const::Ptr(scratch));
        for (i, &r) in refs.iter().enumerate() {
            if self.em.trace.ty(r) != Type::None {
                self.em.store(base, (8 * i) as i32, r);
            }
        }
        Ok(self.em.kint(meta(what, oparg, &tags)))
    }

    /// The helper call itself: argument payloads into the scratch buffer, their tags with the operation
    /// in the `meta` constant, then `family.<rty>` exiting through `snap` (a `None` result is the
    /// constant, checked by the void variant).
    #[allow(clippy::too_many_arguments)]
    fn emit_vm_call(
        &mut self,
        family: &str,
        f: Option<IrRef>,
        what: What,
        oparg: u16,
        refs: &[IrRef],
        rty: Type,
        snap: SnapId,
    ) -> RResult<IrRef> {
        let m = self.scratch_args(what, oparg, refs)?;
        let mut hargs = Vec::with_capacity(2);
        hargs.extend(f);
        hargs.push(m);
        let name = tagged(family, rty);
        if rty == Type::None {
            self.em.call(Op::CallGuard, Type::Void, &name, &hargs, snap);
            return Ok(self.em.konst(Const::None));
        }
        Ok(self.em.call(Op::CallGuard, rty, &name, &hargs, snap))
    }

    /// `FormatValue` (an f-string field) of a builtin value, by a helper.
    pub(super) fn rec_format_value(&mut self, vm: &mut Vm, cx: &Cx) -> RResult {
        let n = if cx.arg & 4 != 0 { 2 } else { 1 };
        let args: Vec<usize> = (cx.sp - n..cx.sp).collect();
        let r = self.vm_op(vm, What::Format, (cx.arg & 7) as u16, &args)?;
        self.set(cx.sp - n, Sv::Val(r));
        for s in cx.sp - n + 1..cx.sp {
            self.set(s, Sv::Undef);
        }
        Ok(())
    }

    /// `BuildString n` (an f-string's parts, all str): concatenated by helpers, up to `MAX_ARGS` parts
    /// at a time (an exit redoes the whole instruction from its parts, which are still on the stack).
    pub(super) fn rec_build_string(&mut self, vm: &mut Vm, cx: &Cx) -> RResult {
        let n = cx.arg as usize;
        if n == 0 || n > 4 * MAX_ARGS {
            return Err(nyi("BuildString of this many parts"));
        }
        let first = cx.sp - n;
        if (first..cx.sp).any(|s| vm.stack[s].as_str().is_none()) {
            return Err(nyi("BuildString of a non-str"));
        }
        if n == 1 {
            return Ok(());
        }
        let mut parts: Vec<IrRef> = Vec::with_capacity(n);
        for s in first..cx.sp {
            parts.push(self.get(vm, s)?);
        }
        let snap = self.snapshot(vm)?;
        let mut acc: Option<IrRef> = None;
        let mut rest = &parts[..];
        while !rest.is_empty() {
            let room = if acc.is_some() {
                MAX_ARGS - 1
            } else {
                MAX_ARGS
            };
            let take = room.min(rest.len());
            let mut group: Vec<IrRef> = acc.into_iter().collect();
            group.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            acc = Some(self.emit_vm_call("vop", None, What::Concat, 0, &group, Type::Obj, snap)?);
        }
        let r = acc.ok_or_else(|| nyi("BuildString"))?;
        self.set(first, Sv::Val(r));
        for s in first + 1..cx.sp {
            self.set(s, Sv::Undef);
        }
        Ok(())
    }

    /// `SetAdd` (a set comprehension's `add`): `set.add` by a helper (it hashes before it adds).
    pub(super) fn rec_set_add(&mut self, vm: &mut Vm, cx: &Cx) -> RResult {
        let add = self
            .known
            .set_add
            .clone()
            .ok_or_else(|| nyi("set.add not found"))?;
        let (item, set) = (cx.sp - 1, cx.sp - 1 - cx.arg as usize);
        if !matches!(vm.stack[set].as_obj(), Some(Object::Set(_))) {
            return Err(nyi("SetAdd to a non-set"));
        }
        let so = self.get(vm, set)?;
        self.check_effect(so)?;
        let f = self.kobj(&add);
        self.vm_helper(vm, "vcall", Some(f), What::Call, 0, &[set, item], None)?;
        self.set(item, Sv::Undef);
        Ok(())
    }
}
