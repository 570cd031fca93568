//! pvm's interpreter crate: compiler, bytecode, object model, builtins and the dispatch loop.
//! See ARCHITECTURE.md at the repository root for the map.

pub mod alloc;
pub mod bigarith;
pub mod builtins;
pub mod bytecode;
pub mod cache;
pub mod code;
pub mod compiler;
pub mod dict;
pub mod error;
pub mod finalize;
pub mod gc;
pub mod hash;
pub mod interrupt;
#[cfg(test)]
mod mm_tests;
pub mod native;
pub mod numfmt;
pub mod object;
pub mod range;
pub mod repr;
pub mod run;
pub mod settable;
pub mod shape;
pub mod source;
pub mod types;
pub mod value;
pub mod vm;
pub mod weakref;

pub use value::Value;
pub use vm::Vm;
