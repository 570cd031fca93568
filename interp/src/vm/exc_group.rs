//! Exception groups (PEP 654): `BaseExceptionGroup` / `ExceptionGroup` (the constructor's checks,
//! `message`, `exceptions`, `derive`, `split`, `subgroup`, `str`) and the runtime half of `except*`:
//! `CheckEgMatch` splits the exception being handled by a clause's types, `PrepReraiseStar` builds what
//! is left to raise from the unhandled rest and whatever the clauses raised. Semantics and messages are
//! CPython 3.11's (Objects/exceptions.c, `exception_group_match` in ceval.c).

use super::Vm;
use crate::error::{type_error, value_error, ExcKind, PyResult};
use crate::object::{ExcObj, KwArgs, ObjRef, Object, TypeKind};
use crate::types::{is_subtype, type_name};
use crate::value::Value;
use std::collections::HashSet;
use std::rc::Rc;

/// What `split`/`subgroup` select leaf exceptions by.
enum Matcher {
    /// An exception type or a tuple of them.
    Type(Value),
    /// A Python function returning true for matching exceptions.
    Predicate(Value),
    /// The identities of the leaves to keep (used by `except*` to rebuild the re-raised part).
    Ids(HashSet<i64>),
}

fn exc_obj(v: &Value) -> Option<&ExcObj> {
    match v.as_obj() {
        Some(Object::Exception(e)) => Some(e),
        _ => None,
    }
}

impl Vm {
    /// Is `v` an instance of BaseExceptionGroup?
    pub(crate) fn is_exception_group(&self, v: &Value) -> bool {
        exc_obj(v).is_some_and(|e| is_subtype(&e.cls, self.exc_type(ExcKind::BaseExceptionGroup)))
    }

    /// A group's message and its exceptions.
    pub(crate) fn group_parts(&self, v: &Value) -> Option<(Value, Vec<Value>)> {
        let e = exc_obj(v)?;
        let g = e.group.borrow();
        match g.as_obj() {
            Some(Object::Tuple(t)) if t.len() == 2 => {
                let excs = match t[1].as_obj() {
                    Some(Object::Tuple(x)) => x.clone(),
                    _ => Vec::new(),
                };
                Some((t[0].clone(), excs))
            }
            _ => None,
        }
    }

    /// `str()` of a group: "message (n sub-exceptions)".
    pub(crate) fn exception_group_str(&self, e: &ExcObj) -> Option<String> {
        let g = e.group.borrow();
        let Some(Object::Tuple(t)) = g.as_obj() else {
            return None;
        };
        let n = match t.get(1).and_then(|x| x.as_obj()) {
            Some(Object::Tuple(x)) => x.len(),
            _ => 0,
        };
        let msg = t.first().and_then(|m| m.as_str()).unwrap_or("");
        Some(format!(
            "{} ({} sub-exception{})",
            msg,
            n,
            if n > 1 { "s" } else { "" }
        ))
    }

    /// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
    fn exception_group_new(&mut self, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let Some(Value::Obj(cls)) = args.first() else {
            return Err(type_error(
                "BaseExceptionGroup.__new__(): not enough arguments",
            ));
        };
        let cls = cls.clone();
        if !kw.is_empty() {
            return Err(type_error(format!(
                "{}() takes no keyword arguments",
                type_name(&cls)
            )));
        }
        let n = args.len() - 1;
        if n != 2 {
            return Err(type_error(format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                n
            )));
        }
        let (message, exceptions) = (args[1].clone(), args[2].clone());
        if !matches!(message.as_obj(), Some(Object::Str(_))) {
            return Err(type_error(format!(
                "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
                self.type_name(&message)
            )));
        }
        if !self.is_group_sequence(&exceptions) {
            return Err(type_error(
                "second argument (exceptions) must be a sequence",
            ));
        }
        let excs = self.collect(exceptions.clone())?;
        if excs.is_empty() {
            return Err(value_error(
                "second argument (exceptions) must be a non-empty sequence",
            ));
        }
        let exception = self.exc_type(ExcKind::Exception).clone();
        let mut nested_base = false;
        for (i, e) in excs.iter().enumerate() {
            let Some(x) = exc_obj(e) else {
                return Err(value_error(format!(
                    "Item {} of second argument (exceptions) is not an exception",
                    i
                )));
            };
            if !is_subtype(&x.cls, &exception) {
                nested_base = true;
            }
        }
        let base_group = self.exc_type(ExcKind::BaseExceptionGroup).clone();
        let group = self.exc_type(ExcKind::ExceptionGroup).clone();
        let mut cls = cls;
        if Rc::ptr_eq(&cls, &group) {
            if nested_base {
                return Err(type_error(
                    "Cannot nest BaseExceptions in an ExceptionGroup",
                ));
            }
        } else if Rc::ptr_eq(&cls, &base_group) {
            if !nested_base {
                // All of them are Exceptions: the group is an ExceptionGroup.
                cls = group;
            }
        } else if nested_base && is_subtype(&cls, &exception) {
            return Err(type_error(format!(
                "Cannot nest BaseExceptions in '{}'",
                type_name(&cls)
            )));
        }
        let obj = self.new_exception(cls, vec![message.clone(), exceptions]);
        if let Some(e) = exc_obj(&obj) {
            *e.group.borrow_mut() = Value::obj(Object::Tuple(vec![
                message,
                Value::obj(Object::Tuple(excs)),
            ]));
        }
        Ok(obj)
    }

    /// CPython's PySequence_Check, for the values a group can be built from.
    fn is_group_sequence(&self, v: &Value) -> bool {
        match v.as_obj() {
            Some(Object::List(_) | Object::Tuple(_) | Object::Range(_) | Object::BigRange(_)) => {
                true
            }
            Some(Object::Str(_) | Object::Bytes(_)) => true,
            Some(Object::Dict(_) | Object::Set(_) | Object::FrozenSet(_)) => false,
            _ => {
                if self.is_match_sequence(v) {
                    return true;
                }
                let t = self.type_of(v);
                !is_subtype(&t, &self.types.dict)
                    && self
                        .type_lookup(&t, &self.strs.get("__getitem__"))
                        .is_some()
            }
        }
    }

    /// A new group of class BaseExceptionGroup (an ExceptionGroup when it can be) with `excs` (passed
    /// as a tuple or a list: that shows in its `args`).
    fn new_group(&mut self, message: &str, excs: Vec<Value>, tuple: bool) -> PyResult<Value> {
        let cls = Value::Obj(self.exc_type(ExcKind::BaseExceptionGroup).clone());
        let seq = if tuple {
            Value::obj(Object::Tuple(excs))
        } else {
            Value::obj(Object::List(std::cell::RefCell::new(excs)))
        };
        self.exception_group_new(&[cls, Value::str(message), seq], &Vec::new())
    }

    fn matcher(&mut self, v: &Value) -> PyResult<Matcher> {
        let is_exc_class = |v: &Value| matches!(v.as_obj(), Some(Object::Type(t)) if t.kind == TypeKind::Exception);
        match v.as_obj() {
            Some(Object::Function(_)) => return Ok(Matcher::Predicate(v.clone())),
            _ if is_exc_class(v) => return Ok(Matcher::Type(v.clone())),
            Some(Object::Tuple(t)) if t.iter().all(is_exc_class) => {
                return Ok(Matcher::Type(v.clone()))
            }
            _ => {}
        }
        Err(type_error(
            "expected a function, exception type or tuple of exception types",
        ))
    }

    fn matches(&mut self, exc: &Value, m: &Matcher) -> PyResult<bool> {
        match m {
            Matcher::Type(t) => self.exception_matches(exc, t),
            Matcher::Predicate(f) => {
                let r = self.call(f, std::slice::from_ref(exc))?;
                self.truthy(&r)
            }
            Matcher::Ids(ids) => Ok(ids.contains(&exc.identity())),
        }
    }

    /// Split `exc` into the part matching `m` and (if `construct_rest`) the rest; each is a group made
    /// with the original's `derive`, or None when empty.
    fn split_group(
        &mut self,
        exc: &Value,
        m: &Matcher,
        construct_rest: bool,
    ) -> PyResult<(Option<Value>, Option<Value>)> {
        if self.matches(exc, m)? {
            return Ok((Some(exc.clone()), None));
        }
        let Some((_, excs)) = self.group_parts(exc) else {
            // A leaf exception that does not match.
            return Ok((None, construct_rest.then(|| exc.clone())));
        };
        self.enter_native()?;
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        let mut result = Ok(());
        for e in &excs {
            match self.split_group(e, m, construct_rest) {
                Ok((mt, rs)) => {
                    matched.extend(mt);
                    rest.extend(rs);
                }
                Err(err) => {
                    result = Err(err);
                    break;
                }
            }
        }
        self.leave_native();
        result?;
        let matched = self.group_subset(exc, matched)?;
        let rest = if construct_rest {
            self.group_subset(exc, rest)?
        } else {
            None
        };
        Ok((matched, rest))
    }

    /// A group like `orig` (made by its `derive`, with its traceback, cause, context and notes) holding
    /// `excs`, or None when `excs` is empty.
    fn group_subset(&mut self, orig: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
        if excs.is_empty() {
            return Ok(None);
        }
        let derive = self.strs.get("derive");
        let meth = self.getattr(orig, &derive)?;
        let list = Value::obj(Object::List(std::cell::RefCell::new(excs)));
        let eg = self.call(&meth, &[list])?;
        if !self.is_exception_group(&eg) {
            return Err(type_error(
                "derive must return an instance of BaseExceptionGroup",
            ));
        }
        if let (Some(o), Some(n)) = (exc_obj(orig), exc_obj(&eg)) {
            *n.traceback.borrow_mut() = o.traceback.borrow().clone();
            *n.context.borrow_mut() = o.context.borrow().clone();
            *n.cause.borrow_mut() = o.cause.borrow().clone();
            let notes = o
                .dict
                .borrow()
                .get_str("__notes__", crate::hash::hash_str("__notes__"))
                .cloned();
            if let Some(notes) = notes {
                if let Some(Object::List(l)) = notes.as_obj() {
                    let copy =
                        Value::obj(Object::List(std::cell::RefCell::new(l.borrow().clone())));
                    let key = Value::str("__notes__");
                    let h = crate::hash::hash_str("__notes__");
                    n.dict.borrow_mut().set_str(key, h, copy);
                }
            }
        }
        Ok(Some(eg))
    }

    /// `except* T` on the exception being handled (`exc`, None once everything was handled): the
    /// matching part (None if nothing matches) and the rest that later clauses see.
    pub(crate) fn check_eg_match(&mut self, exc: &Value, ty: &Value) -> PyResult<(Value, Value)> {
        self.check_except_star_type(ty)?;
        if exc.is_none() {
            return Ok((Value::None, Value::None));
        }
        if self.exception_matches(exc, ty)? {
            let matched = if self.is_exception_group(exc) {
                exc.clone()
            } else {
                // A naked exception is wrapped in a group.
                let g = self.new_group("", vec![exc.clone()], true)?;
                if let (Some(o), Some(n)) = (exc_obj(exc), exc_obj(&g)) {
                    *n.traceback.borrow_mut() = o.traceback.borrow().clone();
                }
                g
            };
            return Ok((Value::None, matched));
        }
        if self.is_exception_group(exc) {
            let split = self.strs.get("split");
            let meth = self.getattr(exc, &split)?;
            let pair = self.call(&meth, std::slice::from_ref(ty))?;
            if let Some(Object::Tuple(t)) = pair.as_obj() {
                if t.len() == 2 {
                    return Ok((t[1].clone(), t[0].clone()));
                }
            }
            return Err(type_error("split must return a 2-tuple"));
        }
        Ok((exc.clone(), Value::None))
    }

    fn check_except_star_type(&mut self, ty: &Value) -> PyResult<()> {
        let items = match ty.as_obj() {
            Some(Object::Tuple(t)) => t.clone(),
            _ => vec![ty.clone()],
        };
        let group = self.exc_type(ExcKind::BaseExceptionGroup).clone();
        let mut is_group = false;
        for t in &items {
            match t.as_obj() {
                Some(Object::Type(tt)) if tt.kind == TypeKind::Exception => {
                    if let Value::Obj(o) = t {
                        is_group |= is_subtype(o, &group);
                    }
                }
                _ => {
                    return Err(type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ))
                }
            }
        }
        if is_group {
            return Err(type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
        Ok(())
    }

    /// What a `try`/`except*` statement raises after its clauses ran: `orig` is the exception it caught;
    /// `excs` (a list) holds what each clause raised and, last, the unhandled rest (None entries are
    /// ignored). Re-raised parts of `orig` are recombined into one group shaped like `orig`; exceptions
    /// raised anew are grouped with it. None means there is nothing to raise.
    pub(crate) fn prep_reraise_star(&mut self, orig: &Value, excs: &Value) -> PyResult<Value> {
        let excs = match excs.as_obj() {
            Some(Object::List(l)) => l.borrow().clone(),
            _ => Vec::new(),
        };
        if excs.is_empty() {
            return Ok(Value::None);
        }
        if !self.is_exception_group(orig) {
            // A naked exception was caught: only one clause ran.
            return Ok(excs[0].clone());
        }
        let mut raised = Vec::new();
        let mut reraised = Vec::new();
        for e in excs {
            if e.is_none() {
                continue;
            }
            if self.same_exception_metadata(&e, orig) {
                reraised.push(e);
            } else {
                raised.push(e);
            }
        }
        // The re-raised parts: the leaves of `orig` they contain, in `orig`'s structure.
        let mut ids = HashSet::new();
        for e in &reraised {
            self.collect_leaf_ids(e, &mut ids);
        }
        let reraised_eg = match self.split_group(orig, &Matcher::Ids(ids), false)? {
            (Some(m), _) => m,
            (None, _) => Value::None,
        };
        if raised.is_empty() {
            return Ok(reraised_eg);
        }
        if !reraised_eg.is_none() {
            raised.push(reraised_eg);
        }
        if raised.len() > 1 {
            self.new_group("", raised, false)
        } else {
            Ok(raised.pop().unwrap_or(Value::None))
        }
    }

    fn collect_leaf_ids(&self, e: &Value, ids: &mut HashSet<i64>) {
        match self.group_parts(e) {
            Some((_, excs)) => {
                for x in &excs {
                    self.collect_leaf_ids(x, ids);
                }
            }
            None => {
                ids.insert(e.identity());
            }
        }
    }

    /// Is `e` (a part of) `orig` re-raised, rather than a new exception? Parts made by `split` share
    /// the original's traceback, cause, context and notes (CPython's `is_same_exception_metadata`).
    fn same_exception_metadata(&self, e: &Value, orig: &Value) -> bool {
        let (Some(a), Some(b)) = (exc_obj(e), exc_obj(orig)) else {
            return false;
        };
        let same_tb = {
            let (x, y) = (a.traceback.borrow(), b.traceback.borrow());
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|(p, q)| Rc::ptr_eq(&p.code, &q.code) && p.line == q.line)
        };
        let notes = |x: &ExcObj| {
            x.dict
                .borrow()
                .get_str("__notes__", crate::hash::hash_str("__notes__"))
                .cloned()
        };
        let same_notes = match (notes(a), notes(b)) {
            (None, None) => true,
            (Some(Value::Obj(p)), Some(Value::Obj(q))) => Rc::ptr_eq(&p, &q),
            _ => false,
        };
        let same = |x: &Value, y: &Value| match (x, y) {
            (Value::Obj(p), Value::Obj(q)) => Rc::ptr_eq(p, q),
            (Value::Undef | Value::None, Value::Undef | Value::None) => true,
            _ => false,
        };
        same_tb
            && same_notes
            && same(&a.cause.borrow(), &b.cause.borrow())
            && same(&a.context.borrow(), &b.context.borrow())
    }
}

fn group_self<'a>(vm: &Vm, args: &'a [Value], meth: &str) -> PyResult<&'a Value> {
    match args.first() {
        Some(v) if vm.is_exception_group(v) => Ok(v),
        Some(v) => Err(type_error(format!(
            "descriptor '{}' requires a 'BaseExceptionGroup' object but received a '{}'",
            meth,
            vm.type_name(v)
        ))),
        None => Err(type_error(format!(
            "descriptor '{}' of 'BaseExceptionGroup' object needs an argument",
            meth
        ))),
    }
}

fn one_arg<'a>(args: &'a [Value], meth: &str) -> PyResult<&'a Value> {
    if args.len() != 2 {
        return Err(type_error(format!(
            "{}() takes exactly one argument ({} given)",
            meth,
            args.len().saturating_sub(1)
        )));
    }
    Ok(&args[1])
}

pub fn install(vm: &mut Vm) {
    use crate::builtins::{builtin_value, method};
    let beg: ObjRef = vm.exc_type(ExcKind::BaseExceptionGroup).clone();
    // `__new__` is a static method, as in CPython, so subclasses can call `super().__new__(cls, ...)`.
    let new = builtin_value("__new__", |vm, args, kw| vm.exception_group_new(args, kw));
    let sm = Value::Obj(vm.class_types.staticmethod.clone());
    if let Ok(new) = vm.call(&sm, &[new]) {
        crate::builtins::set_in(&beg, "__new__", new);
    }
    // PEP 678 (3.11): notes shown under the exception when it is printed.
    let be: ObjRef = vm.exc_type(ExcKind::BaseException).clone();
    method(&be, "add_note", |vm, args, _kw| {
        let (Some(me), Some(note)) = (args.first(), args.get(1)) else {
            return Err(type_error(
                "BaseException.add_note() takes exactly one argument",
            ));
        };
        if !matches!(note.as_obj(), Some(Object::Str(_))) {
            return Err(type_error(format!(
                "note must be a str, not '{}'",
                vm.type_name(note)
            )));
        }
        let name = vm.strs.get("__notes__");
        let notes = match vm.getattr(me, &name) {
            Ok(n) => n,
            Err(e) if vm.err_matches(&e, ExcKind::AttributeError) => {
                let l = Value::obj(Object::List(std::cell::RefCell::new(Vec::new())));
                vm.setattr(me, &name, l.clone())?;
                l
            }
            Err(e) => return Err(e),
        };
        match notes.as_obj() {
            Some(Object::List(l)) => {
                l.borrow_mut().push(note.clone());
                Ok(Value::None)
            }
            _ => Err(type_error("Cannot add note: __notes__ is not a list")),
        }
    });
    method(&beg, "__str__", |vm, args, _kw| {
        let me = group_self(vm, args, "__str__")?;
        match exc_obj(me).and_then(|e| vm.exception_group_str(e)) {
            Some(s) => Ok(Value::from_string(s)),
            None => Ok(Value::str("")),
        }
    });
    method(&beg, "derive", |vm, args, _kw| {
        let me = group_self(vm, args, "derive")?.clone();
        let excs = one_arg(args, "derive")?.clone();
        let (msg, _) = vm.group_parts(&me).unwrap_or((Value::str(""), Vec::new()));
        let cls = Value::Obj(vm.exc_type(ExcKind::BaseExceptionGroup).clone());
        vm.exception_group_new(&[cls, msg, excs], &Vec::new())
    });
    method(&beg, "split", |vm, args, _kw| {
        let me = group_self(vm, args, "split")?.clone();
        let m = vm.matcher(one_arg(args, "split")?)?;
        let (matched, rest) = vm.split_group(&me, &m, true)?;
        Ok(Value::obj(Object::Tuple(vec![
            matched.unwrap_or(Value::None),
            rest.unwrap_or(Value::None),
        ])))
    });
    method(&beg, "subgroup", |vm, args, _kw| {
        let me = group_self(vm, args, "subgroup")?.clone();
        let m = vm.matcher(one_arg(args, "subgroup")?)?;
        let (matched, _) = vm.split_group(&me, &m, false)?;
        Ok(matched.unwrap_or(Value::None))
    });
}
