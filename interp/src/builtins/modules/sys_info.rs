//! `sys`'s descriptions of the interpreter: the struct sequences (`version_info`, `float_info`, `int_info`,
//! `hash_info`, `flags`, `thread_info`), `implementation` (a `types.SimpleNamespace`), constants and the
//! small query/hook functions.
//!
//! Struct sequences are tuple subclasses with a read-only property per field. They are defined by a few
//! lines of Python run once when `sys` is first imported: a Python class over tuple gets comparison,
//! hashing, slicing and unpacking from the tuple base for free, and its `__repr__` is a Python method
//! (a builtin one would be bypassed for builtin-subclass instances).

use crate::builtins::{kwarg, register, set_in};
use crate::error::{type_error, value_error, PyResult};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;

const SUPPORT: &str = r#"
class _StructSeq(tuple):
    def __new__(cls, *args, **kwargs):
        raise TypeError(f"cannot create '{cls._qual}' instances")
    def __repr__(self):
        return self._qual + '(' + ', '.join([f'{k}={v!r}' for k, v in zip(self._fields, self)]) + ')'
    def __reduce__(self):
        return (type(self), (tuple(self),))

def _field(i):
    return property(lambda self: tuple.__getitem__(self, i))

def _make(qual, fields, values):
    mod, _, name = qual.rpartition('.')
    ns = {'__module__': mod, '__qualname__': name, '_fields': fields, '_qual': qual,
          'n_fields': len(fields), 'n_sequence_fields': len(fields), 'n_unnamed_fields': 0}
    for i, f in enumerate(fields):
        ns[f] = _field(i)
    return tuple.__new__(type(name, (_StructSeq,), ns), values)

class SimpleNamespace:
    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)
    def __repr__(self):
        return 'namespace(' + ', '.join([f'{k}={v!r}' for k, v in self.__dict__.items()]) + ')'
    def __eq__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented
SimpleNamespace.__module__ = 'types'

version_info = _make('sys.version_info', ('major', 'minor', 'micro', 'releaselevel', 'serial'),
                     (3, 11, 7, 'final', 0))
float_info = _make('sys.float_info',
    ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig', 'epsilon',
     'radix', 'rounds'),
    (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
     2.220446049250313e-16, 2, 1))
int_info = _make('sys.int_info',
    ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold'),
    (30, 4, 4300, 640))
hash_info = _make('sys.hash_info',
    ('width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff'),
    (64, 2305843009213693951, 314159, 0, 1000003, 'fnv', 64, 0, 0))
thread_info = _make('sys.thread_info', ('name', 'lock', 'version'), (None, None, None))
flags = _make('sys.flags',
    ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode', 'no_user_site', 'no_site',
     'ignore_environment', 'verbose', 'bytes_warning', 'quiet', 'hash_randomization', 'isolated',
     'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path', 'int_max_str_digits'),
    (0, 0, 0, 0, _dont_write_bytecode, 0, 0, 0, 0, 0, 0, 0, 0, False, 1, 0, False, -1))
implementation = SimpleNamespace(name='pvm', cache_tag='pvm-311', version=version_info,
                                 hexversion=0x030b07f0, _multiarch='x86_64-linux-gnu')
"#;

pub(super) fn install(vm: &mut Vm, d: &ObjRef) {
    let g = vm.new_globals("sys");
    set_in(
        &g,
        "_dont_write_bytecode",
        Value::Int(!vm.opts.cache.write as i64),
    );
    // The support code is a constant of this file: a failure is a bug in pvm (caught by the goldens),
    // and leaves those attributes missing rather than failing `import sys`.
    if let Ok(code) = crate::compiler::compile_module(SUPPORT, "<sys>") {
        if vm.run_module_code(code, g.clone()).is_ok() {
            for name in [
                "version_info",
                "float_info",
                "int_info",
                "hash_info",
                "thread_info",
                "flags",
                "implementation",
            ] {
                if let Some(v) = vm.dict_get_str_quiet(&g, name) {
                    set_in(d, name, v);
                }
            }
        }
    }
    set_in(d, "hexversion", Value::Int(0x030b07f0));
    set_in(d, "api_version", Value::Int(1013));
    set_in(d, "maxunicode", Value::Int(0x10ffff));
    set_in(d, "float_repr_style", Value::str("short"));
    set_in(d, "abiflags", Value::str(""));
    set_in(d, "platlibdir", Value::str("lib"));
    set_in(d, "pycache_prefix", Value::None);
    set_in(
        d,
        "copyright",
        Value::str("Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved."),
    );
    let prefix = std::env::current_exe()
        .ok()
        .and_then(|p| {
            p.parent()?
                .parent()
                .map(|p| p.to_string_lossy().to_string())
        })
        .unwrap_or_default();
    for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        set_in(d, name, Value::str(&prefix));
    }
    let mut names: Vec<&str> = super::NATIVE.iter().map(|(n, _)| *n).collect();
    names.push("builtins");
    names.sort_unstable();
    set_in(
        d,
        "builtin_module_names",
        Value::obj(Object::Tuple(names.into_iter().map(Value::str).collect())),
    );
    let list = |v: Vec<Value>| Value::obj(Object::List(std::cell::RefCell::new(v)));
    set_in(d, "warnoptions", list(vec![]));
    let argv: Vec<Value> = std::env::args().map(|a| Value::str(&a)).collect();
    set_in(d, "orig_argv", list(argv));
    set_in(d, "meta_path", list(vec![]));
    set_in(d, "path_hooks", list(vec![]));
    set_in(
        d,
        "path_importer_cache",
        Value::obj(Object::Dict(Default::default())),
    );
    register(d, "intern", intern);
    register(d, "getsizeof", getsizeof);
    register(d, "getrefcount", getrefcount);
    register(d, "getdefaultencoding", utf8);
    register(d, "getfilesystemencoding", utf8);
    register(d, "getfilesystemencodeerrors", surrogateescape);
    register(d, "getswitchinterval", getswitchinterval);
    register(d, "setswitchinterval", setswitchinterval);
    register(d, "is_finalizing", is_finalizing);
    register(d, "gettrace", gettrace);
    register(d, "getprofile", gettrace);
    register(d, "settrace", settrace);
    register(d, "setprofile", setprofile);
    register(d, "call_tracing", call_tracing);
    register(d, "audit", audit);
    register(d, "addaudithook", addaudithook);
}

fn arity(name: &str, args: &[Value], n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    Err(type_error(if n == 1 {
        format!(
            "{}() takes exactly one argument ({} given)",
            name,
            args.len()
        )
    } else {
        format!("{} expected {} arguments, got {}", name, n, args.len())
    }))
}

fn intern(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::no_kwargs("intern", kw)?;
    arity("intern", args, 1)?;
    match args[0].as_obj() {
        Some(Object::Str(_)) => Ok(args[0].clone()),
        _ => Err(type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(&args[0])
        ))),
    }
}

/// `sys.getsizeof`: CPython's figures for the common builtin objects on a 64-bit build (an object's
/// memory in pvm differs, but programs use the number comparatively); `__sizeof__` (+ the 16-byte GC
/// header) for instances of Python classes.
fn getsizeof(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::only_kwargs("getsizeof", kw, &["default"])?;
    let Some(x) = args.first() else {
        return Err(type_error(
            "getsizeof() missing required argument 'object' (pos 1)",
        ));
    };
    let default = args.get(1).or_else(|| kwarg(kw, "default")).cloned();
    let n: i64 = match x {
        Value::None => 16,
        Value::Bool(_) => 28,
        Value::Int(0) => 28,
        Value::Int(i) => 24 + 4 * ((64 - i.unsigned_abs().leading_zeros() as i64 + 29) / 30),
        Value::Float(_) => 24,
        Value::Undef => 16,
        Value::Obj(o) => match &**o {
            Object::Int(b) => 24 + 4 * ((b.bits() as i64 + 29) / 30),
            Object::Str(s) => {
                let s = s.as_str();
                let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
                let n = s.chars().count() as i64;
                match max {
                    0..=0x7f => 49 + n,
                    0x80..=0xff => 73 + n,
                    0x100..=0xffff => 74 + 2 * n,
                    _ => 76 + 4 * n,
                }
            }
            Object::Bytes(b) => 33 + b.len() as i64,
            Object::Tuple(t) => 40 + 8 * t.len() as i64,
            Object::List(l) => 56 + 8 * l.borrow().capacity() as i64,
            Object::Dict(d) => match d.borrow().len() {
                0 => 64,
                1..=5 => 184,
                6..=10 => 272,
                n => 64 + 48 * (n as i64 * 3 / 2),
            },
            Object::Set(_) | Object::FrozenSet(_) => 216,
            Object::Complex(_) => 32,
            Object::Range(_) | Object::BigRange(_) => 48,
            Object::Instance(i) if crate::vm::classes::is_user_class(&i.cls) => {
                match vm.call_dunder(x, "__sizeof__", &[])? {
                    // 3.11 puts a GC header and the managed dict/weakref pointers before the object.
                    Some(v) => match v.as_i64() {
                        Some(n) if n >= 0 => n + 32,
                        Some(_) => return Err(value_error("__sizeof__() should return >= 0")),
                        None => {
                            return Err(type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                vm.type_name(&v)
                            )))
                        }
                    },
                    None => 48,
                }
            }
            Object::Instance(i) if i.base.is_none() => 16,
            _ => match default {
                Some(d) => return Ok(d),
                None => 56,
            },
        },
    };
    Ok(Value::Int(n))
}

fn getrefcount(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity("getrefcount", args, 1)?;
    Ok(Value::Int(match &args[0] {
        Value::Obj(o) => std::rc::Rc::strong_count(o) as i64,
        // Immortal in CPython terms: values that never allocate.
        _ => 1 << 32,
    }))
}

fn utf8(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

fn surrogateescape(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::str("surrogateescape"))
}

thread_local! {
    static SWITCH_INTERVAL: std::cell::Cell<f64> = const { std::cell::Cell::new(0.005) };
}

fn getswitchinterval(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Float(SWITCH_INTERVAL.with(|s| s.get())))
}

fn setswitchinterval(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity("setswitchinterval", args, 1)?;
    let f = match &args[0] {
        Value::Float(f) => *f,
        v => match v.as_i64() {
            Some(i) => i as f64,
            None => {
                return Err(type_error(format!(
                    "must be real number, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    if f <= 0.0 {
        return Err(value_error("switch interval must be strictly positive"));
    }
    SWITCH_INTERVAL.with(|s| s.set(f));
    Ok(Value::None)
}

fn is_finalizing(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn gettrace(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

fn no_hooks(what: &str, args: &[Value]) -> PyResult<Value> {
    arity(what, args, 1)?;
    if args[0].is_none() {
        return Ok(Value::None);
    }
    Err(crate::error::PyErr::new(
        crate::error::ExcKind::NotImplementedError,
        format!("pvm does not support sys.{} yet", what),
    ))
}

fn settrace(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    no_hooks("settrace", args)
}

fn setprofile(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    no_hooks("setprofile", args)
}

fn call_tracing(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity("call_tracing", args, 2)?;
    let Some(Object::Tuple(a)) = args[1].as_obj() else {
        return Err(type_error(format!(
            "call_tracing(): argument 2 must be tuple, not {}",
            vm.type_name(&args[1])
        )));
    };
    let a = a.clone();
    vm.call(&args[0], &a)
}

/// Audit events: pvm raises none, so hooks are accepted and never called.
fn audit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(e) if e.as_str().is_some() => Ok(Value::None),
        Some(e) => Err(type_error(format!(
            "expected str for argument 'event', not {}",
            vm.type_name(e)
        ))),
        None => Err(type_error(
            "audit() missing 1 required positional argument: 'event'",
        )),
    }
}

fn addaudithook(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity("addaudithook", args, 1)?;
    Ok(Value::None)
}
