//! The builtin type objects and `type(x)`.

use crate::dict::Dict;
use crate::error::ExcKind;
use crate::object::{BuiltinFn, Iter, ObjRef, Object, TypeKind, TypeObj};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct Types {
    pub object: ObjRef,
    pub type_: ObjRef,
    pub none: ObjRef,
    pub bool: ObjRef,
    pub int: ObjRef,
    pub float: ObjRef,
    pub str: ObjRef,
    pub bytes: ObjRef,
    pub tuple: ObjRef,
    pub list: ObjRef,
    pub dict: ObjRef,
    pub set: ObjRef,
    pub frozenset: ObjRef,
    pub range: ObjRef,
    pub slice: ObjRef,
    pub function: ObjRef,
    pub builtin: ObjRef,
    pub method: ObjRef,
    pub cell: ObjRef,
    pub module: ObjRef,
    pub code: ObjRef,
    pub notimpl: ObjRef,
    pub ellipsis: ObjRef,
    pub enumerate: ObjRef,
    pub zip: ObjRef,
    pub map: ObjRef,
    pub filter: ObjRef,
    pub reversed: ObjRef,
    pub list_iter: ObjRef,
    pub tuple_iter: ObjRef,
    pub range_iter: ObjRef,
    pub str_iter: ObjRef,
    pub dict_keyiter: ObjRef,
    pub dict_valueiter: ObjRef,
    pub dict_itemiter: ObjRef,
    pub set_iter: ObjRef,
    pub callable_iter: ObjRef,
    pub seq_iter: ObjRef,
    pub dict_keys: ObjRef,
    pub dict_values: ObjRef,
    pub dict_items: ObjRef,
    pub generator: ObjRef,
    pub coroutine: ObjRef,
    pub async_generator: ObjRef,
    pub coroutine_wrapper: ObjRef,
    pub async_generator_asend: ObjRef,
    pub async_generator_athrow: ObjRef,
    pub bytearray: ObjRef,
    pub complex: ObjRef,
    pub memoryview: ObjRef,
    pub bytes_iter: ObjRef,
    pub bytearray_iter: ObjRef,
    pub memory_iter: ObjRef,
    /// Indexed by `ExcKind as usize`.
    pub exc: Vec<ObjRef>,
}

pub fn new_type(name: &str, kind: TypeKind, bases: Vec<ObjRef>, ctor: Option<BuiltinFn>) -> ObjRef {
    let mut mro: Vec<ObjRef> = Vec::new();
    // Single inheritance among builtins: the MRO is the base chain.
    if let Some(b) = bases.first() {
        if let Object::Type(bt) = &**b {
            mro.push(b.clone());
            mro.extend(bt.mro.borrow().iter().cloned());
        }
    }
    Rc::new(Object::Type(Box::new(TypeObj {
        name: name.to_string(),
        qualname: RefCell::new(name.to_string()),
        kind,
        bases,
        mro: RefCell::new(mro),
        dict: RefCell::new(Dict::new()),
        version: Cell::new(0),
        module: RefCell::new(Value::str("builtins")),
        ctor: Cell::new(ctor),
        meta: None,
        heap: false,
        nmembers: 0,
        has_dict: true,
        has_weakref: true,
        has_finalizer: Cell::new(false),
        init_cache: RefCell::new((0, Value::Undef)),
    })))
}

impl Types {
    pub fn new() -> Types {
        let object = new_type("object", TypeKind::Object, vec![], None);
        let t = |name: &str, kind: TypeKind| new_type(name, kind, vec![object.clone()], None);
        let int = t("int", TypeKind::Int);
        let bool_ = new_type("bool", TypeKind::Bool, vec![int.clone()], None);
        let mut exc: Vec<ObjRef> = Vec::with_capacity(ExcKind::ALL.len());
        for k in ExcKind::ALL {
            let base = if *k == ExcKind::BaseException {
                object.clone()
            } else {
                exc[k.parent() as usize].clone()
            };
            if *k == ExcKind::ExceptionGroup {
                // class ExceptionGroup(BaseExceptionGroup, Exception): MRO ExceptionGroup,
                // BaseExceptionGroup, Exception, BaseException, object.
                let beg = exc[ExcKind::BaseExceptionGroup as usize].clone();
                let e = exc[ExcKind::Exception as usize].clone();
                let t = new_type(
                    k.name(),
                    TypeKind::Exception,
                    vec![beg.clone(), e.clone()],
                    None,
                );
                if let (Object::Type(tt), Object::Type(et)) = (&*t, &*e) {
                    let mut mro = vec![beg, e.clone()];
                    mro.extend(et.mro.borrow().iter().cloned());
                    *tt.mro.borrow_mut() = mro;
                }
                exc.push(t);
                continue;
            }
            exc.push(new_type(k.name(), TypeKind::Exception, vec![base], None));
        }
        Types {
            type_: t("type", TypeKind::Type),
            none: t("NoneType", TypeKind::NoneType),
            bool: bool_,
            int,
            float: t("float", TypeKind::Float),
            str: t("str", TypeKind::Str),
            bytes: t("bytes", TypeKind::Bytes),
            tuple: t("tuple", TypeKind::Tuple),
            list: t("list", TypeKind::List),
            dict: t("dict", TypeKind::Dict),
            set: t("set", TypeKind::Set),
            frozenset: t("frozenset", TypeKind::FrozenSet),
            range: t("range", TypeKind::Range),
            slice: t("slice", TypeKind::Slice),
            function: t("function", TypeKind::Function),
            builtin: t("builtin_function_or_method", TypeKind::Builtin),
            method: t("method", TypeKind::Method),
            cell: t("cell", TypeKind::Cell),
            module: t("module", TypeKind::Module),
            code: t("code", TypeKind::Code),
            notimpl: t("NotImplementedType", TypeKind::NotImplementedType),
            ellipsis: t("ellipsis", TypeKind::Ellipsis),
            enumerate: t("enumerate", TypeKind::Iterator),
            zip: t("zip", TypeKind::Iterator),
            map: t("map", TypeKind::Iterator),
            filter: t("filter", TypeKind::Iterator),
            reversed: t("reversed", TypeKind::Iterator),
            list_iter: t("list_iterator", TypeKind::Iterator),
            tuple_iter: t("tuple_iterator", TypeKind::Iterator),
            range_iter: t("range_iterator", TypeKind::Iterator),
            str_iter: t("str_ascii_iterator", TypeKind::Iterator),
            dict_keyiter: t("dict_keyiterator", TypeKind::Iterator),
            dict_valueiter: t("dict_valueiterator", TypeKind::Iterator),
            dict_itemiter: t("dict_itemiterator", TypeKind::Iterator),
            set_iter: t("set_iterator", TypeKind::Iterator),
            callable_iter: t("callable_iterator", TypeKind::Iterator),
            seq_iter: t("iterator", TypeKind::Iterator),
            dict_keys: t("dict_keys", TypeKind::Iterator),
            dict_values: t("dict_values", TypeKind::Iterator),
            dict_items: t("dict_items", TypeKind::Iterator),
            generator: t("generator", TypeKind::Iterator),
            coroutine: t("coroutine", TypeKind::Object),
            async_generator: t("async_generator", TypeKind::Object),
            coroutine_wrapper: t("coroutine_wrapper", TypeKind::Native),
            async_generator_asend: t("async_generator_asend", TypeKind::Native),
            async_generator_athrow: t("async_generator_athrow", TypeKind::Native),
            bytearray: t("bytearray", TypeKind::ByteArray),
            complex: t("complex", TypeKind::Complex),
            memoryview: t("memoryview", TypeKind::MemoryView),
            bytes_iter: t("bytes_iterator", TypeKind::Iterator),
            bytearray_iter: t("bytearray_iterator", TypeKind::Iterator),
            memory_iter: t("memory_iterator", TypeKind::Iterator),
            exc,
            object,
        }
    }

    /// `type(v)`.
    pub fn type_of<'a>(&'a self, v: &'a Value) -> &'a ObjRef {
        match v {
            Value::None | Value::Undef => &self.none,
            Value::Bool(_) => &self.bool,
            Value::Int(_) => &self.int,
            Value::Float(_) => &self.float,
            Value::Obj(o) => match &**o {
                Object::Int(_) => &self.int,
                Object::Str(_) => &self.str,
                Object::Bytes(_) => &self.bytes,
                Object::Tuple(_) => &self.tuple,
                Object::List(_) => &self.list,
                Object::Dict(_) => &self.dict,
                Object::Set(_) => &self.set,
                Object::FrozenSet(_) => &self.frozenset,
                Object::Range(_) | Object::BigRange(_) => &self.range,
                Object::Slice(_) => &self.slice,
                Object::Function(_) => &self.function,
                Object::Builtin(_) => &self.builtin,
                Object::BoundMethod(_) => &self.method,
                Object::Cell(_) => &self.cell,
                Object::Module(_) => &self.module,
                Object::Type(t) => t.meta.as_ref().unwrap_or(&self.type_),
                Object::Instance(i) => &i.cls,
                Object::Native(n) => &n.cls,
                Object::Exception(e) => &e.cls,
                Object::Code(_) => &self.code,
                Object::Generator(g) => match g.try_borrow().map(|g| g.kind) {
                    Ok(crate::vm::generators::GenKind::Coroutine) => &self.coroutine,
                    Ok(crate::vm::generators::GenKind::AsyncGenerator) => &self.async_generator,
                    _ => &self.generator,
                },
                Object::DictView(v) => match v.1 {
                    crate::object::ViewKind::Keys => &self.dict_keys,
                    crate::object::ViewKind::Values => &self.dict_values,
                    crate::object::ViewKind::Items => &self.dict_items,
                },
                Object::Singleton(crate::object::Singleton::NotImplemented) => &self.notimpl,
                Object::Singleton(crate::object::Singleton::Ellipsis) => &self.ellipsis,
                Object::ByteArray(_) => &self.bytearray,
                Object::Complex(_) => &self.complex,
                Object::MemoryView(_) => &self.memoryview,
                Object::Iter(it) => match &*it.borrow() {
                    Iter::Seq { seq, .. } => match &**seq {
                        Object::Tuple(_) => &self.tuple_iter,
                        Object::Bytes(_) => &self.bytes_iter,
                        Object::ByteArray(_) => &self.bytearray_iter,
                        Object::MemoryView(_) => &self.memory_iter,
                        _ => &self.list_iter,
                    },
                    Iter::Range { .. } => &self.range_iter,
                    Iter::Str { .. } => &self.str_iter,
                    Iter::DictKeys { .. } => &self.dict_keyiter,
                    Iter::Set { .. } => &self.set_iter,
                    Iter::DictValues { .. } => &self.dict_valueiter,
                    Iter::DictItems { .. } => &self.dict_itemiter,
                    Iter::Reversed { .. } => &self.reversed,
                    Iter::Enumerate { .. } => &self.enumerate,
                    Iter::Zip { .. } => &self.zip,
                    Iter::Map { .. } => &self.map,
                    Iter::Filter { .. } => &self.filter,
                    Iter::Callable { .. } => &self.callable_iter,
                    Iter::GetItem { .. } => &self.seq_iter,
                    Iter::Exhausted => &self.list_iter,
                },
            },
        }
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

pub fn type_name(t: &ObjRef) -> &str {
    match &**t {
        Object::Type(ty) => &ty.name,
        _ => "?",
    }
}

/// Is type `t` a subtype of `base` (by MRO)?
pub fn is_subtype(t: &ObjRef, base: &ObjRef) -> bool {
    if Rc::ptr_eq(t, base) {
        return true;
    }
    match &**t {
        Object::Type(ty) => ty.mro.borrow().iter().any(|m| Rc::ptr_eq(m, base)),
        _ => false,
    }
}
