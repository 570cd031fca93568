//! `_hashlib`: md5, sha1 and the SHA-2 family over the RustCrypto crates, behind `hashlib`
//! (interp/lib/hashlib.py). Hash objects are native: `update`, `digest`, `hexdigest`, `copy`, `name`,
//! `digest_size`, `block_size`.

use crate::builtins::{method, register};
use crate::error::{type_error, value_error, PyResult};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;
use sha2::Digest;
use std::cell::RefCell;

#[derive(Clone)]
enum Hasher {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl Hasher {
    fn new(name: &str) -> Option<Hasher> {
        Some(match name {
            "md5" => Hasher::Md5(md5::Md5::new()),
            "sha1" => Hasher::Sha1(sha1::Sha1::new()),
            "sha224" => Hasher::Sha224(sha2::Sha224::new()),
            "sha256" => Hasher::Sha256(sha2::Sha256::new()),
            "sha384" => Hasher::Sha384(sha2::Sha384::new()),
            "sha512" => Hasher::Sha512(sha2::Sha512::new()),
            _ => return None,
        })
    }
    fn update(&mut self, d: &[u8]) {
        match self {
            Hasher::Md5(h) => h.update(d),
            Hasher::Sha1(h) => h.update(d),
            Hasher::Sha224(h) => h.update(d),
            Hasher::Sha256(h) => h.update(d),
            Hasher::Sha384(h) => h.update(d),
            Hasher::Sha512(h) => h.update(d),
        }
    }
    fn digest(&self) -> Vec<u8> {
        match self.clone() {
            Hasher::Md5(h) => h.finalize().to_vec(),
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha224(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
        }
    }
    fn name(&self) -> &'static str {
        match self {
            Hasher::Md5(_) => "md5",
            Hasher::Sha1(_) => "sha1",
            Hasher::Sha224(_) => "sha224",
            Hasher::Sha256(_) => "sha256",
            Hasher::Sha384(_) => "sha384",
            Hasher::Sha512(_) => "sha512",
        }
    }
    fn sizes(&self) -> (i64, i64) {
        match self {
            Hasher::Md5(_) => (16, 64),
            Hasher::Sha1(_) => (20, 64),
            Hasher::Sha224(_) => (28, 64),
            Hasher::Sha256(_) => (32, 64),
            Hasher::Sha384(_) => (48, 128),
            Hasher::Sha512(_) => (64, 128),
        }
    }
}

struct Hash(RefCell<Hasher>);

impl crate::native::NativeData for Hash {}

thread_local! {
    static HASH_T: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

pub(super) fn init(vm: &mut Vm, d: &ObjRef) {
    let t = crate::native::native_type(vm, "HASH", "_hashlib", None);
    for (name, f) in [
        ("update", h_update as crate::object::BuiltinFn),
        ("digest", h_digest),
        ("hexdigest", h_hexdigest),
        ("copy", h_copy),
        ("__getattr__", h_getattr),
        ("__repr__", h_repr),
    ] {
        method(&t, name, f);
    }
    crate::builtins::set_in(d, "HASH", Value::Obj(t.clone()));
    HASH_T.with(|c| *c.borrow_mut() = Some(t));
    register(d, "new", h_new);
}

fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v.as_obj() {
        Some(Object::Bytes(b)) => Ok(b.clone()),
        Some(Object::Str(_)) => Err(type_error("Strings must be encoded before hashing")),
        _ => {
            let _ = vm;
            Err(type_error("object supporting the buffer API required"))
        }
    }
}

fn make(h: Hasher) -> Value {
    let t = HASH_T
        .with(|c| c.borrow().clone())
        .expect("_hashlib initialised");
    crate::native::new_object(&t, Hash(RefCell::new(h)))
}

/// `new(name, data=b'')`.
fn h_new(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::builtins::methods::util::bind(
        "new",
        a,
        kw,
        &["name", "data", "usedforsecurity", "string"],
        1,
    )?;
    let name = args[0].clone().unwrap_or(Value::None);
    let Some(n) = name.as_str() else {
        return Err(type_error(format!(
            "new() argument 'name' must be str, not {}",
            vm.type_name(&name)
        )));
    };
    let Some(mut h) = Hasher::new(&n.to_ascii_lowercase().replace('-', "")) else {
        return Err(value_error(format!("unsupported hash type {}", n)));
    };
    if let Some(d) = args[1].as_ref().or(args[3].as_ref()) {
        h.update(&data_arg(vm, d)?);
    }
    Ok(make(h))
}

fn this<'a>(vm: &Vm, a: &'a [Value], meth: &str) -> PyResult<&'a Hash> {
    crate::native::self_payload::<Hash>(vm, a, "_hashlib.HASH", meth)
}

fn h_update(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let h = this(vm, a, "update")?;
    let Some(v) = a.get(1) else {
        return Err(type_error(
            "HASH.update() takes exactly one argument (0 given)",
        ));
    };
    let d = data_arg(vm, v)?;
    h.0.borrow_mut().update(&d);
    Ok(Value::None)
}

fn h_digest(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let h = this(vm, a, "digest")?;
    let d = h.0.borrow().digest();
    Ok(Value::obj(Object::Bytes(d)))
}

fn h_hexdigest(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let h = this(vm, a, "hexdigest")?;
    let d = h.0.borrow().digest();
    let s: String = d.iter().map(|b| format!("{:02x}", b)).collect();
    Ok(Value::from_string(s))
}

fn h_copy(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let h = this(vm, a, "copy")?;
    let c = h.0.borrow().clone();
    Ok(make(c))
}

fn h_getattr(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let h = this(vm, a, "__getattr__")?;
    let name = a.get(1).and_then(|v| v.as_str()).unwrap_or("");
    let hh = h.0.borrow();
    Ok(match name {
        "name" => Value::str(hh.name()),
        "digest_size" => Value::Int(hh.sizes().0),
        "block_size" => Value::Int(hh.sizes().1),
        _ => {
            return Err(crate::error::attribute_error(format!(
                "'_hashlib.HASH' object has no attribute '{}'",
                name
            )))
        }
    })
}

fn h_repr(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let h = this(vm, a, "__repr__")?;
    let n = h.0.borrow().name();
    Ok(Value::from_string(format!(
        "<{} _hashlib.HASH object @ 0x{:x}>",
        n,
        a[0].identity()
    )))
}
