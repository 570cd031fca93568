//! pvm's tracing JIT, back half: the trace IR (`ir`), the optimiser (`opt`) and the Cranelift backend
//! with exact deoptimisation exits (`backend`). The recorder (bytecode → IR) lives with the interpreter
//! and uses this crate's API; see `README.md` in this crate for the overview.

pub mod abi;
pub mod backend;
pub mod ir;
pub mod opt;
pub mod pyops;

pub use backend::{Backend, BackendConfig, CompiledTrace, HelperSig, HelperSpec, JitError};
pub use ir::{parse_trace, print_trace, verify, Const, IrRef, Op, SnapId, Trace, Type};
pub use opt::{optimize, Emitter, OptConfig};
