//! The trace IR: SSA over dense typed `u32` references in one linear buffer, interned constants, and
//! snapshots at every exit. See `ops.rs` for the op table (the single source of truth for ops).

pub mod ops;
pub mod parse;
pub mod print;
pub mod trace;
pub mod types;
pub mod verify;

pub use ops::{Flags, Kind, Op, Res};
pub use parse::{parse_trace, ParseError};
pub use print::print_trace;
pub use trace::{Inst, SnapEntry, Snapshot, Trace};
pub use types::{Const, ExitId, HelperId, IrRef, SnapId, Type};
pub use verify::{verify, VerifyError};
