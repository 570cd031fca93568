//! `_random`: the Mersenne Twister behind `random`, bit-identical to CPython's for the same seed.
//!
//! `_random.Random` has CPython's methods (`seed`, `random`, `getrandbits`, `getstate`, `setstate`) plus
//! native versions of the algorithms `random.py` builds on `getrandbits` — `_randbelow`, `randrange`,
//! `randint`, `choice`, `shuffle` — which consume the generator's output exactly as CPython's Python code
//! does (same rejection sampling, same number of 32-bit words per call), so results match for a seed.
//! `random.Random` uses them when it is not subclassed (a subclass may override `random`/`getrandbits`,
//! and then the Python algorithms run on its methods); the module-level functions are bound to them.

use crate::builtins::methods::util::new_tuple;
use crate::builtins::{method, register, set_in};
use crate::error::{index_error, overflow_error, type_error, value_error, PyResult};
use crate::native::{bind_py, native_type, self_payload, NativeData};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::{int_from_big, Value};
use crate::vm::ops::{as_int, IntRef};
use crate::vm::Vm;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{Signed, ToPrimitive};
use std::cell::RefCell;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// MT19937 (Matsumoto & Nishimura), with CPython's seeding (`init_by_array` over the seed's 32-bit words).
pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        let mut mt = Mt {
            state: [0; N],
            index: N,
        };
        mt.seed_urandom();
        mt
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// Seed from the OS's entropy (624 words, as CPython), or from the time and pid if that fails.
    fn seed_urandom(&mut self) {
        let mut buf = [0u8; N * 4];
        let ok = std::fs::File::open("/dev/urandom")
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf))
            .is_ok();
        if ok {
            let key: Vec<u32> = buf
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            self.init_by_array(&key);
        } else {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            let key = [
                t as u32,
                (t >> 32) as u32,
                (t >> 64) as u32,
                std::process::id(),
            ];
            self.init_by_array(&key);
        }
    }

    fn twist(&mut self) {
        let mt = &mut self.state;
        let mag = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
        self.index = 0;
    }

    #[inline]
    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits (two words, as CPython's `random()`).
    #[inline]
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for k <= 64: the words are consumed low word first, the last one truncated.
    #[inline]
    fn bits_u64(&mut self, k: u32) -> u64 {
        if k == 0 {
            0
        } else if k <= 32 {
            (self.next_u32() >> (32 - k)) as u64
        } else {
            let lo = self.next_u32() as u64;
            let hi = (self.next_u32() >> (64 - k)) as u64;
            lo | (hi << 32)
        }
    }

    fn bits_big(&mut self, k: u64) -> BigInt {
        let words = ((k - 1) / 32 + 1) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_biguint(Sign::Plus, BigUint::from_slice(&out))
    }

    /// CPython's `_randbelow_with_getrandbits` for 0 < n < 2^64.
    #[inline]
    fn below_u64(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    fn below_big(&mut self, n: &BigInt) -> BigInt {
        if let Some(s) = n.to_u64() {
            return BigInt::from(self.below_u64(s));
        }
        let k = n.bits();
        loop {
            let r = self.bits_big(k);
            if &r < n {
                return r;
            }
        }
    }
}

struct RandomState {
    mt: RefCell<Mt>,
}

impl NativeData for RandomState {}

fn gen<'a>(vm: &Vm, args: &'a [Value], meth: &str) -> PyResult<&'a RefCell<Mt>> {
    Ok(&self_payload::<RandomState>(vm, args, "_random.Random", meth)?.mt)
}

pub(super) fn init(vm: &mut Vm, d: &ObjRef) {
    let t = native_type(vm, "Random", "_random", Some(random_new));
    method(&t, "seed", rnd_seed);
    method(&t, "random", rnd_random);
    method(&t, "getrandbits", rnd_getrandbits);
    method(&t, "getstate", rnd_getstate);
    method(&t, "setstate", rnd_setstate);
    method(&t, "_randbelow", rnd_randbelow);
    method(&t, "randrange", rnd_randrange);
    method(&t, "randint", rnd_randint);
    method(&t, "choice", rnd_choice);
    method(&t, "shuffle", rnd_shuffle);
    set_in(d, "Random", Value::Obj(t));
    register(d, "_sha512", sha512);
}

fn random_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::no_kwargs("Random", kw)?;
    if args.len() > 2 {
        return Err(type_error("Random() requires 0 or 1 argument"));
    }
    let Some(Value::Obj(cls)) = args.first() else {
        return Err(type_error("Random.__new__: no type"));
    };
    let obj = crate::native::new_object(
        cls,
        RandomState {
            mt: RefCell::new(Mt::new()),
        },
    );
    if let Some(a) = args.get(1) {
        let key = seed_key(vm, a)?;
        if let Some(Object::Native(n)) = obj.as_obj() {
            if let Some(s) = n.get::<RandomState>() {
                s.mt.borrow_mut().init_by_array(&key);
            }
        }
    }
    Ok(obj)
}

/// The `init_by_array` key for a seed: the absolute value's 32-bit words for an int, the hash's for any
/// other object (as CPython's `random_seed`). None means "seed from the OS".
fn seed_key(vm: &mut Vm, a: &Value) -> PyResult<Vec<u32>> {
    let mag: BigUint = match as_int(a) {
        Some(IntRef::Small(i)) => BigUint::from(i.unsigned_abs()),
        Some(IntRef::Big(b)) => b.magnitude().clone(),
        None => BigUint::from(vm.hash(a)? as u64),
    };
    let mut key = mag.to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    Ok(key)
}

fn rnd_seed(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::methods::util::pos_only("Random", "seed", true, args, kw, 0, 1)?;
    let g = gen(vm, args, "seed")?;
    match args.get(1) {
        None | Some(Value::None) => g.borrow_mut().seed_urandom(),
        Some(a) => {
            let key = seed_key(vm, a)?;
            g.borrow_mut().init_by_array(&key);
        }
    }
    Ok(Value::None)
}

fn rnd_random(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::methods::util::pos_only("Random", "random", true, args, kw, 0, 0)?;
    let g = gen(vm, args, "random")?;
    let x = g.borrow_mut().random();
    Ok(Value::Float(x))
}

/// A non-negative bit count (`getrandbits(k)`).
fn bit_count(vm: &Vm, v: &Value) -> PyResult<u64> {
    match as_int(v) {
        Some(IntRef::Small(k)) if k < 0 => Err(value_error("number of bits must be non-negative")),
        Some(IntRef::Small(k)) => Ok(k as u64),
        Some(IntRef::Big(b)) if b.is_negative() => {
            Err(value_error("number of bits must be non-negative"))
        }
        Some(IntRef::Big(_)) => Err(overflow_error("Python int too large to convert to C int")),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn getrandbits(g: &RefCell<Mt>, k: u64) -> Value {
    let mut mt = g.borrow_mut();
    if k <= 63 {
        Value::Int(mt.bits_u64(k as u32) as i64)
    } else {
        int_from_big(mt.bits_big(k))
    }
}

fn rnd_getrandbits(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::methods::util::pos_only("Random", "getrandbits", true, args, kw, 1, 1)?;
    let g = gen(vm, args, "getrandbits")?;
    let k = bit_count(vm, &args[1])?;
    if k > i32::MAX as u64 {
        return Err(overflow_error("Python int too large to convert to C int"));
    }
    Ok(getrandbits(g, k))
}

fn rnd_getstate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::methods::util::pos_only("Random", "getstate", true, args, kw, 0, 0)?;
    let g = gen(vm, args, "getstate")?;
    let mt = g.borrow();
    let mut items: Vec<Value> = mt.state.iter().map(|&w| Value::Int(w as i64)).collect();
    items.push(Value::Int(mt.index as i64));
    Ok(new_tuple(items))
}

fn rnd_setstate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::methods::util::pos_only("Random", "setstate", true, args, kw, 1, 1)?;
    let g = gen(vm, args, "setstate")?;
    let Some(Object::Tuple(items)) = args[1].as_obj() else {
        return Err(type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (i, v) in items[..N].iter().enumerate() {
        state[i] = match as_int(v) {
            Some(IntRef::Small(x)) if x < 0 => {
                return Err(overflow_error(
                    "can't convert negative value to unsigned int",
                ))
            }
            Some(IntRef::Small(x)) => x as u32,
            Some(IntRef::Big(b)) if b.is_negative() => {
                return Err(overflow_error(
                    "can't convert negative value to unsigned int",
                ))
            }
            Some(IntRef::Big(b)) => match b.to_u64() {
                Some(x) => x as u32,
                None => {
                    return Err(overflow_error(
                        "Python int too large to convert to C unsigned long",
                    ))
                }
            },
            None => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        };
    }
    let index = match as_int(&items[N]) {
        Some(IntRef::Small(x)) => x,
        Some(IntRef::Big(_)) => {
            return Err(overflow_error("Python int too large to convert to C long"))
        }
        None => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&items[N])
            )))
        }
    };
    if index < 0 || index > N as i64 {
        return Err(value_error("invalid state"));
    }
    let mut mt = g.borrow_mut();
    mt.state = state;
    mt.index = index as usize;
    Ok(Value::None)
}

/// A random int in [0, n) for n > 0 (`_randbelow_with_getrandbits`).
fn below(g: &RefCell<Mt>, n: &BigInt) -> BigInt {
    g.borrow_mut().below_big(n)
}

fn rnd_randbelow(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::methods::util::pos_only("Random", "_randbelow", true, args, kw, 1, 1)?;
    let g = gen(vm, args, "_randbelow")?;
    match as_int(&args[1]) {
        Some(IntRef::Small(n)) if n > 0 => {
            Ok(Value::Int(g.borrow_mut().below_u64(n as u64) as i64))
        }
        Some(IntRef::Big(b)) if b.is_positive() => Ok(int_from_big(below(g, b))),
        Some(_) => Err(value_error("_randbelow() needs a positive bound")),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&args[1])
        ))),
    }
}

/// `operator.index(v)`, or for non-integers random.py's deprecated fallback `int(v)` (which must equal v,
/// else "non-integer {what} for randrange()").
fn randrange_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<BigInt> {
    if let Some(i) = v.to_bigint() {
        return Ok(i);
    }
    if vm.is_user_instance(v) {
        if let Some(r) = vm.call_dunder(v, "__index__", &[])? {
            if let Some(i) = r.to_bigint() {
                return Ok(i);
            }
            return Err(type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            )));
        }
    }
    let int_t = Value::Obj(vm.types.int.clone());
    let iv = vm.call(&int_t, std::slice::from_ref(v))?;
    if !vm.eq(&iv, v)? {
        return Err(value_error(format!("non-integer {} for randrange()", what)));
    }
    Ok(iv.to_bigint().unwrap_or_default())
}

fn randrange(
    vm: &mut Vm,
    g: &RefCell<Mt>,
    start: &Value,
    stop: &Value,
    step: &Value,
) -> PyResult<Value> {
    // The common case, all small ints and step 1, without bigints.
    if let (Value::Int(a), Value::Int(b), Value::Int(1)) = (start, stop, step) {
        if let Some(width) = b.checked_sub(*a) {
            if width > 0 {
                let r = g.borrow_mut().below_u64(width as u64) as i64;
                return Ok(Value::Int(a + r));
            }
        }
    }
    if let (Value::Int(a), Value::None) = (start, stop) {
        if *a > 0 && matches!(step, Value::Int(1)) {
            return Ok(Value::Int(g.borrow_mut().below_u64(*a as u64) as i64));
        }
    }
    let istart = randrange_arg(vm, start, "arg 1")?;
    if stop.is_none() {
        // `step is not 1` in random.py: any explicit step other than the int 1 is an error here.
        if !matches!(step, Value::Int(1)) {
            return Err(type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            return Ok(int_from_big(below(g, &istart)));
        }
        return Err(value_error("empty range for randrange()"));
    }
    let istop = randrange_arg(vm, stop, "stop")?;
    let width = &istop - &istart;
    let istep = randrange_arg(vm, step, "step")?;
    if istep == BigInt::from(1) {
        if width.is_positive() {
            return Ok(int_from_big(istart + below(g, &width)));
        }
        return Err(value_error(format!(
            "empty range for randrange() ({}, {}, {})",
            istart, istop, width
        )));
    }
    let n = if istep.is_positive() {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else if istep.is_negative() {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    } else {
        return Err(value_error("zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(value_error("empty range for randrange()"));
    }
    Ok(int_from_big(istart + istep * below(g, &n)))
}

fn rnd_randrange(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = bind_py("Random.randrange", args, kw, &["start", "stop", "step"], 1)?;
    let g = gen(vm, args, "randrange")?;
    let stop = b[1].clone().unwrap_or(Value::None);
    let step = b[2].clone().unwrap_or(Value::Int(1));
    randrange(vm, g, b[0].as_ref().unwrap_or(&Value::None), &stop, &step)
}

fn rnd_randint(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = bind_py("Random.randint", args, kw, &["a", "b"], 2)?;
    let g = gen(vm, args, "randint")?;
    let (a, hi) = (
        b[0].clone().unwrap_or(Value::None),
        b[1].clone().unwrap_or(Value::None),
    );
    let stop = match hi {
        Value::Int(x) if x < i64::MAX => Value::Int(x + 1),
        other => vm.binary_op(crate::bytecode::BinOp::Add as u32, other, Value::Int(1))?,
    };
    randrange(vm, g, &a, &stop, &Value::Int(1))
}

fn rnd_choice(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = bind_py("Random.choice", args, kw, &["seq"], 1)?;
    let g = gen(vm, args, "choice")?;
    let seq = b[0].as_ref().unwrap_or(&Value::None);
    // Lists and tuples directly; anything else through len() and __getitem__.
    let fast = match seq.as_obj() {
        Some(Object::List(l)) => Some(l.borrow().len()),
        Some(Object::Tuple(t)) => Some(t.len()),
        _ => None,
    };
    let n = match fast {
        Some(n) => n,
        None => vm.len(seq)?,
    };
    if n == 0 {
        return Err(index_error("Cannot choose from an empty sequence"));
    }
    let i = g.borrow_mut().below_u64(n as u64) as usize;
    match seq.as_obj() {
        Some(Object::List(l)) => {
            if let Some(v) = l.borrow().get(i) {
                return Ok(v.clone());
            }
        }
        Some(Object::Tuple(t)) => return Ok(t[i].clone()),
        _ => {}
    }
    vm.getitem(seq, &Value::Int(i as i64))
}

fn rnd_shuffle(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = bind_py("Random.shuffle", args, kw, &["x"], 1)?;
    let g = gen(vm, args, "shuffle")?;
    let x = b[0].as_ref().unwrap_or(&Value::None);
    if let Some(Object::List(l)) = x.as_obj() {
        let mut mt = g.borrow_mut();
        let mut v = l.borrow_mut();
        for i in (1..v.len()).rev() {
            let j = mt.below_u64(i as u64 + 1) as usize;
            v.swap(i, j);
        }
        return Ok(Value::None);
    }
    let n = vm.len(x)?;
    for i in (1..n).rev() {
        let j = g.borrow_mut().below_u64(i as u64 + 1) as usize;
        let (vi, vj) = (Value::Int(i as i64), Value::Int(j as i64));
        let xj = vm.getitem(x, &vj)?;
        let xi = vm.getitem(x, &vi)?;
        vm.setitem(x, vi, xj)?;
        vm.setitem(x, vj, xi)?;
    }
    Ok(Value::None)
}

/// `_sha512(data)`: the SHA-512 digest of bytes, for `random.seed(str_or_bytes)` (version 2).
fn sha512(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    use sha2::Digest;
    let Some(Object::Bytes(b)) = args.first().and_then(|a| a.as_obj()) else {
        return Err(type_error(format!(
            "_sha512() argument must be bytes, not {}",
            args.first()
                .map(|a| vm.type_name(a))
                .unwrap_or("nothing".into())
        )));
    };
    let digest = sha2::Sha512::digest(b);
    Ok(Value::obj(Object::Bytes(digest.to_vec())))
}
