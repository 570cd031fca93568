//! pvm's tracing JIT: the recorder (`record`: bytecode → trace IR while the interpreter runs), the
//! driver (`driver`: hot-loop counters, trace cache, entering traces, exits, side traces), the trace IR
//! (`ir`), the optimiser (`opt`) and the Cranelift backend with exact deoptimisation exits (`backend`);
//! `runtime` holds the helpers traces call. See `README.md` in this crate for the overview.

pub mod abi;
pub mod backend;
mod clock;
pub mod driver;
pub mod generators;
pub mod ir;
pub mod opt;
pub mod pyops;
pub mod record;
pub mod runtime;
pub mod stats;
pub mod vmops;

pub use backend::{Backend, BackendConfig, CompiledTrace, HelperSig, HelperSpec, JitError};
pub use ir::{parse_trace, print_trace, verify, Const, IrRef, Op, SnapId, Trace, Type};
pub use opt::{optimize, Emitter, OptConfig};

pub use driver::{install, DEFAULT_THRESHOLD};
