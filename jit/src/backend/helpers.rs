//! Helper registry: Rust functions traces may call, by name, with their signatures.
//!
//! The runtime registers helpers when it creates the [`Backend`](super::Backend); a trace names them
//! (`call.int @name(...)`), and the backend checks every call against the registered signature before
//! generating code, so a mismatch is a `JitError`, never a bad call. Calls are `call_indirect` through the
//! registered address (as fast as a direct call to an absolute address, and needs no symbol linking).
//!
//! Native calling convention of a helper (the platform's C convention):
//! - arguments: `ctx: *mut u8` first if `HelperSig::ctx`, then one per IR argument: int, obj, ptr and
//!   none as 64-bit integers (none is 0), bool as a 64-bit 0 or 1, float as f64;
//! - plain helper result: int/obj/ptr as a 64-bit integer, bool as a 64-bit integer (non-zero = true),
//!   float as f64, void as nothing;
//! - guarded helper (`callg`): returns a `u32` status (0 = ok, anything else makes the trace exit through
//!   the call's snapshot) and, if it has a result, takes a trailing `*mut u64` out-pointer where it writes
//!   the result bits (a bool as 0/1, a float as its bits).
//!
//! Helpers must not unwind (a panic in an `extern "C"` function aborts): they report through statuses.

use crate::ir::Type;

/// A helper's signature. See the module docs for the native convention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelperSig {
    /// Pass the trace's `ctx` pointer as the first argument.
    pub ctx: bool,
    /// IR argument types.
    pub params: Vec<Type>,
    /// Result type (`Void` for none).
    pub ret: Type,
    /// Returns a status; called with `callg`.
    pub guarded: bool,
}

impl HelperSig {
    /// A plain helper without ctx.
    pub fn new(params: &[Type], ret: Type) -> HelperSig {
        HelperSig {
            ctx: false,
            params: params.to_vec(),
            ret,
            guarded: false,
        }
    }
    /// The same, taking `ctx` first.
    pub fn with_ctx(mut self) -> HelperSig {
        self.ctx = true;
        self
    }
    /// The same, as a guarded (status-returning) helper.
    pub fn guarded(mut self) -> HelperSig {
        self.guarded = true;
        self
    }
}

/// A registered helper.
#[derive(Clone, Debug)]
pub struct HelperSpec {
    /// The name traces use.
    pub name: String,
    /// The function's address.
    pub addr: usize,
    /// Its signature.
    pub sig: HelperSig,
}

impl HelperSpec {
    /// Register `addr` (an `extern "C" fn` cast to `usize`) under `name`.
    pub fn new(name: &str, addr: usize, sig: HelperSig) -> HelperSpec {
        HelperSpec {
            name: name.to_string(),
            addr,
            sig,
        }
    }
}

/// The exit helpers' expected signatures (see `abi`).
pub fn exit_helper_sig(name: &str) -> Option<HelperSig> {
    match name {
        crate::abi::HELPER_STORE_OBJ => Some(HelperSig::new(&[Type::Ptr, Type::Obj], Type::Void)),
        crate::abi::HELPER_DROP_VALUE => Some(HelperSig::new(&[Type::Ptr], Type::Void)),
        crate::abi::HELPER_SINK_NEW => Some(HelperSig::new(&[Type::Obj], Type::Obj)),
        crate::abi::HELPER_SINK_SET => Some(HelperSig::new(
            &[Type::Obj, Type::Int, Type::Int, Type::Int],
            Type::Void,
        )),
        crate::abi::HELPER_STORE_WIDE => Some(HelperSig::new(
            &[Type::Ptr, Type::Int, Type::Int],
            Type::Void,
        )),
        _ => None,
    }
}
